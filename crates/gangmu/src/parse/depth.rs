//! Stage 8, depths: which marker family is which level, inferred from the
//! whole document, with the GB/T 9704 order (and 编 > 章 > 节 > 条 for
//! regulations) as the default.
//!
//! Depths are assigned in one pass with an explicit stack of open levels. The
//! document's own evidence — a family whose item 1 follows a heading of another
//! family opens a level under it — overrides the canonical order when the two
//! disagree. Each segment (the main document, each attachment) is read on its
//! own: an attachment's headings start again at depth 1.

use std::collections::HashMap;

use crate::marker::{Marker, MarkerFamily};
use crate::text::{ends_sentence, is_section_name};

use super::evidence::{self, Hints};
use super::{LineKind, Page};

/// An unnumbered heading right after a numbered one is its child when at
/// most this many paragraphs separate them (report_gwr_*: a numbered part,
/// then its unnumbered sections).
const UNNUMBERED_CHILD_MAX_PARAGRAPHS: usize = 2;

/// The depth of every heading line (`None` for other lines), segment by
/// segment (`starts`: the first line of each; the first is 0): a document,
/// or an attachment.
pub(crate) fn depths(
    page: &Page<'_>,
    kinds: &[LineKind],
    markers: &[Marker],
    hints: &Hints,
    starts: &[usize],
) -> Vec<Option<u32>> {
    let n = page.len();
    let mut out = vec![None; n];
    let mut bounds: Vec<usize> = starts.to_vec();
    if bounds.first() != Some(&0) {
        bounds.insert(0, 0);
    }
    bounds.push(n);
    for w in bounds.windows(2) {
        let mut idx = Vec::new();
        let mut facts = Vec::new();
        let mut paragraphs = 0usize;
        for (i, &kind) in kinds.iter().enumerate().take(w[1]).skip(w[0]) {
            match kind {
                LineKind::Heading(m) => {
                    let m = m.map(|id| id.get(markers));
                    let key = match (m, hints.heading_level(i)) {
                        (Some(m), _) => LevelKey::Numbered(m.family),
                        (None, Some(level)) => LevelKey::Styled(level),
                        (None, None) => LevelKey::Unnumbered {
                            sentence: page.content(i).contains('，')
                                || page.content(i).contains(','),
                        },
                    };
                    facts.push(HeadingFacts {
                        key,
                        ordinal: m.map_or(0, |m| m.ordinal),
                        paragraphs_before: paragraphs,
                    });
                    idx.push(i);
                    paragraphs = 0;
                }
                LineKind::Body
                    if i == 0 || page.is_blank(i - 1) || ends_sentence(page.content(i - 1)) =>
                {
                    paragraphs += 1;
                }
                _ => {}
            }
        }
        name_sections_as_siblings(page, &idx, &mut facts);
        let mut depths = assign_depths(&facts);
        if w[0] == 0 && page.next_nonblank_from(0) == idx.first().copied() {
            deepen_a_fragments_opening(&facts, &mut depths);
        }
        for (k, d) in depths.into_iter().enumerate() {
            out[idx[k]] = Some(d);
        }
    }
    out
}

/// `引言`, `前言`, `总则` as unnumbered headings before numbered sections are
/// their siblings, not their parents (an 引言 before 一、): they take the key
/// of the next numbered heading, with ordinal 0.
fn name_sections_as_siblings(page: &Page<'_>, idx: &[usize], facts: &mut [HeadingFacts]) {
    for k in 0..facts.len() {
        if !matches!(facts[k].key, LevelKey::Unnumbered { .. })
            || !is_section_name(page.content(idx[k]))
        {
            continue;
        }
        if let Some(next) = facts[k + 1..]
            .iter()
            .find(|f| matches!(f.key, LevelKey::Numbered(_)))
        {
            if next.ordinal == 1 {
                facts[k].key = next.key;
                facts[k].ordinal = 0;
            }
        }
    }
}

/// A text that opens on headings of a deep family, before the outer
/// families it uses later (page 2 of a regulation: `（一）…（十）`, then
/// `第四章`, `第十条`): those first headings sit as deep as their family
/// does under the outer ones, not at depth 1 — when the first outer heading
/// continues a count (its ordinal is above 1).
fn deepen_a_fragments_opening(facts: &[HeadingFacts], depths: &mut [u32]) {
    let rank = |f: &HeadingFacts| match f.key {
        LevelKey::Numbered(m) => Some(m.rank()),
        LevelKey::Unnumbered { .. } | LevelKey::Styled(_) => None,
    };
    let Some(first) = facts.first().and_then(rank) else {
        return;
    };
    // The opening run: headings until one of an outer family.
    let run = facts
        .iter()
        .take_while(|f| rank(f).is_some_and(|r| r >= first))
        .count();
    // The outer family continues a count begun on an earlier page (`第四章`):
    // the evidence that the text is a fragment, not a preamble list or an
    // inverted order.
    if facts.get(run).map_or(true, |f| f.ordinal <= 1) {
        return;
    }
    let mut outer: Vec<u8> = facts[run..]
        .iter()
        .filter_map(rank)
        .filter(|&r| r < first)
        .collect();
    outer.sort_unstable();
    outer.dedup();
    if run == facts.len() || outer.is_empty() {
        return;
    }
    let lift = outer.len() as u32;
    for d in &mut depths[..run] {
        *d += lift;
    }
}

/// A level key: a marker family, or an unnumbered heading of one style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum LevelKey {
    Numbered(MarkerFamily),
    /// Unnumbered headings: the style tells apart two levels of them (a short
    /// phrase vs. a sentence with commas).
    Unnumbered {
        sentence: bool,
    },
    /// An unnumbered heading whose style gives its outline level (a .docx's
    /// `Heading N`): the level orders it (see [`evidence::open_styled`]).
    Styled(u8),
}

/// What the depth pass needs to know about each heading, in document order.
#[derive(Clone, Debug)]
pub(crate) struct HeadingFacts {
    pub key: LevelKey,
    pub ordinal: u32,
    /// Body paragraphs between the previous heading and this one.
    pub paragraphs_before: usize,
}

fn rank(key: LevelKey) -> u8 {
    match key {
        LevelKey::Numbered(f) => f.rank(),
        LevelKey::Unnumbered { .. } | LevelKey::Styled(_) => 0,
    }
}

/// Counts, for each ordered pair of families (A, B), how often the document
/// shows B nested under A: a heading A(n), then B(1) directly after it, and A
/// continuing later with A(n+1). A family that merely appears for the first
/// time after another (a preamble's （一） before the first 一、) is no evidence.
fn evidence(headings: &[HeadingFacts]) -> HashMap<(LevelKey, LevelKey), u32> {
    // For each heading, the index of the next heading of the same family.
    let mut next_same = vec![usize::MAX; headings.len()];
    let mut last: HashMap<LevelKey, usize> = HashMap::new();
    for (i, h) in headings.iter().enumerate().rev() {
        if let Some(&j) = last.get(&h.key) {
            next_same[i] = j;
        }
        last.insert(h.key, i);
    }
    let mut above = HashMap::new();
    for i in 1..headings.len() {
        let (a, b) = (&headings[i - 1], &headings[i]);
        let numbered = matches!(
            (a.key, b.key),
            (LevelKey::Numbered(_), LevelKey::Numbered(_))
        );
        if a.key == b.key || b.ordinal != 1 || !numbered {
            continue;
        }
        let continues = headings
            .get(next_same[i - 1])
            .is_some_and(|n| n.ordinal == a.ordinal + 1);
        if continues {
            *above.entry((a.key, b.key)).or_insert(0) += 1;
        }
    }
    above
}

/// Assigns a depth (1 = outermost) to every heading.
pub(crate) fn assign_depths(headings: &[HeadingFacts]) -> Vec<u32> {
    let above = evidence(headings);
    let contains = |outer: LevelKey, inner: LevelKey| -> bool {
        let ab = above.get(&(outer, inner)).copied().unwrap_or(0);
        let ba = above.get(&(inner, outer)).copied().unwrap_or(0);
        if ab != ba {
            return ab > ba;
        }
        rank(outer) < rank(inner)
    };
    let mut stack: Vec<LevelKey> = Vec::new();
    // The last ordinal seen at each open level (parallel to `stack`).
    let mut last: Vec<u32> = Vec::new();
    let mut depths = Vec::with_capacity(headings.len());
    let mut prev: Option<&HeadingFacts> = None;
    for h in headings {
        match h.key {
            LevelKey::Numbered(_) => {
                // A family may be open at two levels (一、 … （三） 一、 二、 … 三、):
                // the level whose sequence this ordinal continues wins.
                let continues = (0..stack.len())
                    .rev()
                    .find(|&i| stack[i] == h.key && last[i] + 1 == h.ordinal);
                let open = stack.iter().rposition(|k| *k == h.key);
                // Item 1 of a family already open above the current level, right
                // after a heading of another family: a list nested one level down.
                // At most one nested re-opening per family, so depth stays
                // bounded by the number of families whatever the input.
                let nested_restart = h.ordinal == 1
                    && open.is_some_and(|i| i + 1 < stack.len() && last[i] >= 2)
                    && stack.iter().filter(|k| **k == h.key).count() == 1
                    && prev
                        .is_some_and(|p| p.key != h.key && matches!(p.key, LevelKey::Numbered(_)));
                if let Some(i) = continues {
                    stack.truncate(i + 1);
                    last.truncate(i + 1);
                } else if nested_restart {
                    stack.push(h.key);
                    last.push(0);
                } else if let Some(i) = open {
                    stack.truncate(i + 1);
                    last.truncate(i + 1);
                } else {
                    while let Some(&top) = stack.last() {
                        let keep = match top {
                            LevelKey::Unnumbered { .. } | LevelKey::Styled(_) => true,
                            LevelKey::Numbered(_) => contains(top, h.key),
                        };
                        if keep {
                            break;
                        }
                        stack.pop();
                        last.pop();
                    }
                    stack.push(h.key);
                    last.push(0);
                }
                if let Some(l) = last.last_mut() {
                    *l = h.ordinal;
                }
            }
            LevelKey::Styled(level) => evidence::open_styled(&mut stack, &mut last, level),
            LevelKey::Unnumbered { .. } => {
                if let Some(i) = stack.iter().rposition(|k| *k == h.key) {
                    // A sibling of the last unnumbered heading of this style.
                    stack.truncate(i + 1);
                    last.truncate(i + 1);
                } else {
                    let child = match prev {
                        Some(p) => match p.key {
                            LevelKey::Unnumbered { .. } | LevelKey::Styled(_) => true, // other style: nested
                            LevelKey::Numbered(_) => {
                                h.paragraphs_before <= UNNUMBERED_CHILD_MAX_PARAGRAPHS
                            }
                        },
                        None => false,
                    };
                    if !child {
                        stack.clear();
                        last.clear();
                    }
                    stack.push(h.key);
                    last.push(0);
                }
            }
        }
        depths.push(stack.len() as u32);
        prev = Some(h);
    }
    depths
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerFamily::*;

    fn numbered(f: MarkerFamily, n: u32) -> HeadingFacts {
        HeadingFacts {
            key: LevelKey::Numbered(f),
            ordinal: n,
            paragraphs_before: 1,
        }
    }

    #[test]
    fn nests_the_canonical_order() {
        let hs = [
            numbered(ChineseComma, 1),
            numbered(ChineseParen, 1),
            numbered(ArabicDot, 1),
            numbered(ArabicParen, 1),
            numbered(ArabicDot, 2),
            numbered(ChineseParen, 2),
            numbered(ChineseComma, 2),
        ];
        assert_eq!(assign_depths(&hs), [1, 2, 3, 4, 3, 2, 1]);
    }

    #[test]
    fn skipped_levels_take_the_next_depth() {
        let hs = [
            numbered(ChineseComma, 1),
            numbered(ArabicDot, 1),
            numbered(ArabicDot, 2),
            numbered(ChineseComma, 2),
        ];
        assert_eq!(assign_depths(&hs), [1, 2, 2, 1]);
    }

    #[test]
    fn a_document_that_puts_1_above_paren_one_is_followed() {
        let hs = [
            numbered(ArabicDot, 1),
            numbered(ChineseParen, 1),
            numbered(ChineseParen, 2),
            numbered(ArabicDot, 2),
            numbered(ChineseParen, 1),
        ];
        assert_eq!(assign_depths(&hs), [1, 2, 2, 1, 2]);
    }

    #[test]
    fn a_preamble_list_before_the_first_section_is_no_evidence() {
        let hs = [
            numbered(ChineseParen, 1),
            numbered(ChineseParen, 2),
            numbered(ChineseComma, 1),
            numbered(ChineseParen, 1),
            numbered(ChineseComma, 2),
        ];
        assert_eq!(assign_depths(&hs), [1, 1, 1, 2, 1]);
    }

    #[test]
    fn a_family_restarted_under_a_deeper_heading_nests_and_the_outer_list_resumes() {
        // 一、二、（一）（二） 一、…五、 三、 (the 1986 report's shape).
        let mut hs = vec![
            numbered(ChineseComma, 1),
            numbered(ChineseComma, 2),
            numbered(ChineseParen, 1),
            numbered(ChineseParen, 2),
        ];
        hs.extend((1..=5).map(|n| numbered(ChineseComma, n)));
        hs.push(numbered(ChineseComma, 3));
        assert_eq!(assign_depths(&hs), [1, 1, 2, 2, 3, 3, 3, 3, 3, 1]);
    }

    #[test]
    fn depth_stays_bounded_when_every_family_restarts_again_and_again() {
        let fams = [ChineseComma, ChineseParen, ArabicDot, ArabicParen, Circled];
        let hs: Vec<_> = (0..10_000).map(|k| numbered(fams[k % 5], 1)).collect();
        let max = assign_depths(&hs).into_iter().max().unwrap();
        assert!(max <= 10, "depth should stay bounded, got {max}");
    }

    #[test]
    fn regulations_nest_chapter_article_item() {
        let hs = [
            numbered(Chapter, 1),
            numbered(Article, 1),
            numbered(ChineseParen, 1),
            numbered(Article, 2),
            numbered(Chapter, 2),
            numbered(Article, 3),
        ];
        assert_eq!(assign_depths(&hs), [1, 2, 3, 2, 1, 2]);
    }

    #[test]
    fn unnumbered_headings_of_two_styles() {
        let u = |sentence, p| HeadingFacts {
            key: LevelKey::Unnumbered { sentence },
            ordinal: 0,
            paragraphs_before: p,
        };
        let hs = [
            u(false, 1),
            u(true, 1),
            u(true, 5),
            numbered(ChineseComma, 1),
            u(false, 9),
        ];
        assert_eq!(assign_depths(&hs), [1, 2, 2, 3, 1]);
    }
}
