//! Inline enumeration markers (一是…二是…, 第一，…, 首先，…) found in the
//! document's paragraphs and headings, with the section that holds them.

use crate::enumeration::{find_inline_markers, EnumerationFamily, InlineMarker};
use crate::span::Span;

use super::context::{BlockKind, Ctx};

/// One inline marker, with absolute span.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub marker: InlineMarker,
    /// (container, enclosing heading): markers of one section form series.
    pub section: (usize, Option<usize>),
    /// Index of the block (into `Ctx::blocks`).
    pub block: usize,
}

/// Every inline marker of paragraphs and headings, in document order.
pub(crate) fn markers(ctx: &Ctx<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    for (bi, b) in ctx.blocks.iter().enumerate() {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) {
            continue;
        }
        // A paragraph the parser scanned already: take its markers.
        let known = match b.kind {
            BlockKind::Paragraph => ctx
                .paragraph_markers
                .binary_search_by_key(&b.span.start, |(start, _)| *start)
                .ok()
                .map(|k| &ctx.paragraph_markers[k].1),
            _ => None,
        };
        let scanned;
        let found = match known {
            Some(found) => found,
            None => {
                scanned = find_inline_markers(ctx.slice(b.span));
                &scanned
            }
        };
        for m in found {
            let mut m = m.clone();
            m.span = Span::new(b.span.start + m.span.start, b.span.start + m.span.end);
            out.push(Found {
                marker: m,
                section: (b.container, b.heading),
                block: bi,
            });
        }
    }
    out
}

/// The `第一` `第二` … written without their comma before the first marker of
/// an ordinal series that starts above one (`第一加强检查，第二，深化整治`):
/// the spans of `第一` … `第{n−1}` in its block, in order, when every one of
/// them stands at a clause start followed by a Chinese word; `None` when one
/// is missing (the series then truly starts late).
pub(crate) fn commaless_predecessors(ctx: &Ctx<'_>, f: &Found) -> Option<Vec<Span>> {
    if f.marker.family != EnumerationFamily::Ordinal || f.marker.ordinal <= 1 {
        return None;
    }
    let block = &ctx.blocks[f.block];
    let head = ctx.text.get(block.span.start..f.marker.span.start)?;
    let mut spans = Vec::new();
    let mut from = 0;
    for k in 1..f.marker.ordinal {
        let word = format!("第{}", crate::numeral::to_chinese_numeral(k));
        let found = head[from..]
            .match_indices(word.as_str())
            .map(|(i, _)| from + i)
            .find(|&i| {
                let before = head[..i]
                    .trim_end_matches([' ', '\u{3000}'])
                    .chars()
                    .next_back();
                let after = head[i + word.len()..].chars().next();
                before.map_or(true, |c| "。；;！？!?，,：:".contains(c))
                    && after.is_some_and(crate::text::is_cjk)
            })?;
        spans.push(Span::new(
            block.span.start + found,
            block.span.start + found + word.len(),
        ));
        from = found + word.len();
    }
    Some(spans)
}

/// Families whose series count 1, 2, 3 … (first / second / third).
pub(crate) fn counting(f: EnumerationFamily) -> bool {
    matches!(
        f,
        EnumerationFamily::Shi
            | EnumerationFamily::Yao
            | EnumerationFamily::Ordinal
            | EnumerationFamily::Qi
            | EnumerationFamily::Sequence
    )
}
