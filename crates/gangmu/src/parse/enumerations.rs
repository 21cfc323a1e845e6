//! Stage 10, enumerations: the inline enumeration series (一是…二是…,
//! 首先…其次…) inside each paragraph, from the markers of
//! [`crate::find_inline_markers`].

use crate::enumeration::{find_inline_markers, EnumerationFamily, InlineMarker};
use crate::span::Span;
use crate::tree::{Enumeration, Item, Node, Paragraph, Text};

use super::ParagraphMarkers;

/// Fills the children of every paragraph of `nodes` (text and enumeration
/// nodes tiling it) and, if `keep`, returns the inline markers found in each
/// (else nothing).
/// `paragraph_ends[k]` is where the text of the k-th paragraph ends.
pub(crate) fn enumerations(
    text: &str,
    nodes: &mut [Node],
    paragraph_ends: &[usize],
    keep: bool,
) -> ParagraphMarkers {
    let mut found = Vec::with_capacity(if keep { paragraph_ends.len() } else { 0 });
    let mut ends = paragraph_ends.iter();
    for_each_paragraph(nodes, |p| {
        let content_end = ends.next().copied().unwrap_or(p.span.end);
        let markers = find_inline_markers(&text[p.span.start..content_end]);
        p.children = enumerate_markers(p.span, content_end, &markers);
        if keep {
            found.push((p.span.start, markers));
        }
    });
    found
}

/// Calls `f` on every paragraph, in document order (an explicit stack: no
/// recursion on the depth of the tree).
fn for_each_paragraph(nodes: &mut [Node], mut f: impl FnMut(&mut Paragraph)) {
    let mut stack: Vec<std::slice::IterMut<'_, Node>> = vec![nodes.iter_mut()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Node::Paragraph(p)) => f(p),
            Some(node) => {
                if let Some(children) = node.children_mut() {
                    stack.push(children.iter_mut());
                }
            }
        }
    }
}

/// Groups markers into series: same family, increasing ordinals. Returns series
/// as index ranges into `markers`, and every marker's ordinal within its series
/// (a 最后 continues the count: 首先/其次/最后 is 1, 2, 3).
fn group(markers: &[InlineMarker]) -> (Vec<std::ops::Range<usize>>, Vec<u32>) {
    let mut ordinals: Vec<u32> = markers.iter().map(|m| m.ordinal).collect();
    let mut series: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < markers.len() {
        let fam = markers[i].family;
        let mut j = i + 1;
        let mut prev = ordinals[i];
        if prev == 0 {
            // A 最后 with nothing before it is not an enumeration.
            i += 1;
            continue;
        }
        while j < markers.len() && markers[j].family == fam {
            let n = if ordinals[j] == 0 {
                prev + 1
            } else {
                ordinals[j]
            };
            if n <= prev || n == 1 {
                break;
            }
            ordinals[j] = n;
            prev = n;
            j += 1;
        }
        let len = j - i;
        let keep = match fam {
            EnumerationFamily::Shi | EnumerationFamily::Yao | EnumerationFamily::Aspect => {
                len >= 2 || ordinals[i] == 1
            }
            _ => len >= 2,
        };
        // A series of `（1）` must start at 1 to tell it from citations.
        let keep = keep
            && !(matches!(fam, EnumerationFamily::Paren | EnumerationFamily::Circled)
                && ordinals[i] != 1);
        // 一要 alone is too often plain text (一要…就要).
        let keep = keep && !(fam == EnumerationFamily::Yao && len < 2);
        if keep {
            series.push(i..j);
        }
        i = j;
    }
    (series, ordinals)
}

/// Splits a paragraph's content into text and enumeration nodes that tile
/// `span` (byte offsets into `source`). `content_end` is where the paragraph's
/// text ends (before its line break). Returns an empty vector when the paragraph
/// holds no enumeration.
#[cfg(test)]
fn enumerate(source: &str, span: Span, content_end: usize) -> Vec<Node> {
    let markers = find_inline_markers(&source[span.start..content_end]);
    enumerate_markers(span, content_end, &markers)
}

/// [`enumerate`] with the paragraph's markers already found
/// ([`find_inline_markers`] over `span.start..content_end`).
fn enumerate_markers(span: Span, content_end: usize, markers: &[InlineMarker]) -> Vec<Node> {
    if markers.is_empty() {
        return Vec::new();
    }
    let (series, ordinals) = group(markers);
    if series.is_empty() {
        return Vec::new();
    }
    let base = span.start;
    let bounds = |k: usize| {
        let start = base + markers[series[k].start].span.start;
        let end = match series.get(k + 1) {
            Some(next) => base + markers[next.start].span.start,
            None => content_end,
        };
        (start, end)
    };
    // Counted first: held by the tree for good, the vector has no slack.
    let mut len = 0;
    let mut cursor = span.start;
    for k in 0..series.len() {
        let (start, end) = bounds(k);
        len += 1 + usize::from(start > cursor);
        cursor = end;
    }
    len += usize::from(cursor < span.end);
    let mut nodes = Vec::with_capacity(len);
    let mut cursor = span.start;
    for (k, range) in series.iter().enumerate() {
        let (series_start, series_end) = bounds(k);
        if series_start > cursor {
            nodes.push(Node::Text(Text {
                span: Span::new(cursor, series_start),
            }));
        }
        let mut items = Vec::with_capacity(range.len());
        for idx in range.clone() {
            let m = &markers[idx];
            let start = base + m.span.start;
            let end = if idx + 1 < range.end {
                base + markers[idx + 1].span.start
            } else {
                series_end
            };
            let mut marker = m.clone();
            marker.ordinal = ordinals[idx];
            marker.span = Span::new(start, start + m.span.len());
            items.push(Node::Item(Item {
                span: Span::new(start, end),
                marker,
            }));
        }
        nodes.push(Node::Enumeration(Enumeration {
            span: Span::new(series_start, series_end),
            family: markers[range.start].family,
            children: items,
        }));
        cursor = series_end;
    }
    if cursor < span.end {
        nodes.push(Node::Text(Text {
            span: Span::new(cursor, span.end),
        }));
    }
    debug_assert_eq!(nodes.len(), len);
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(text: &str) -> Vec<(EnumerationFamily, Vec<String>)> {
        let nodes = enumerate(text, Span::new(0, text.len()), text.len());
        nodes
            .iter()
            .filter_map(|n| match n {
                Node::Enumeration(Enumeration {
                    family, children, ..
                }) => Some((
                    *family,
                    children
                        .iter()
                        .map(|c| match c {
                            Node::Item(Item { span, .. }) => text[span.range()].to_string(),
                            _ => unreachable!(),
                        })
                        .collect(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn finds_yi_shi_series_with_item_text_up_to_the_next_item() {
        let s = series("（一）周密部署。一是统一思想，提高认识。二是健全机制。三是紧盯关键。");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, EnumerationFamily::Shi);
        assert_eq!(
            s[0].1,
            [
                "一是统一思想，提高认识。",
                "二是健全机制。",
                "三是紧盯关键。"
            ]
        );
    }

    #[test]
    fn finds_several_series_in_one_paragraph() {
        let s = series("首先，要学习；其次，要落实。一是加强领导；二是压实责任。");
        let fams: Vec<_> = s.iter().map(|x| x.0).collect();
        assert_eq!(fams, [EnumerationFamily::Sequence, EnumerationFamily::Shi]);
    }

    #[test]
    fn reads_ordinal_and_qi_and_aspect_families() {
        assert_eq!(
            series("第一，坚持。第二，推进。")[0].0,
            EnumerationFamily::Ordinal
        );
        assert_eq!(
            series("其一，坚持。其二，推进。")[0].0,
            EnumerationFamily::Qi
        );
        assert_eq!(
            series("一方面要稳，另一方面要进。")[0].0,
            EnumerationFamily::Aspect
        );
        assert_eq!(
            series("包括：①住房；②医疗。")[0].0,
            EnumerationFamily::Circled
        );
        assert_eq!(
            series("包括（1）住房；（2）医疗。")[0].0,
            EnumerationFamily::Paren
        );
    }

    #[test]
    fn keeps_a_truncated_single_yi_shi_but_drops_lone_ambiguous_markers() {
        assert_eq!(series("一是统一思想，提高认识。").len(), 1);
        assert!(series("首先要明确目标。").is_empty());
        assert!(series("依据第（3）项规定。").is_empty());
        assert!(series("这一是前提。").is_empty());
        assert!(series("统一是关键，唯一是方向。").is_empty());
    }

    #[test]
    fn does_not_match_inside_words() {
        assert!(find_inline_markers("统一是前提").is_empty());
        assert!(find_inline_markers("第一次会议").is_empty());
    }
}
