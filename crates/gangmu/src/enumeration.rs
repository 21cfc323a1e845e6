//! Inline enumerations (段内列举) inside paragraphs: 一是…二是…, 一要…二要…,
//! 第一，第二，…, 首先/其次/再次/最后, 其一/其二, 一方面/另一方面, ①② and （1）（2）.

use serde::{Deserialize, Serialize};

use crate::numeral::chinese_numeral_value;
use crate::span::Span;
use crate::tree::{Enumeration, Item, Node, Text};

/// The family of an inline enumeration series.
///
/// ```
/// let m = gangmu::find_inline_markers("其一，稳增长；其二，调结构。");
/// assert_eq!(m[0].family, gangmu::EnumerationFamily::Qi);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumerationFamily {
    /// 一是、二是、三是 (no comma after).
    Shi,
    /// 一要、二要.
    Yao,
    /// 第一，第二，第三 (comma after).
    Ordinal,
    /// 首先，其次，再次，最后.
    Sequence,
    /// 其一、其二.
    Qi,
    /// 一方面…另一方面.
    Aspect,
    /// ①②③ inside a sentence.
    Circled,
    /// （1）（2） inside a sentence.
    Paren,
}

/// The marker of one inline enumeration item.
///
/// ```
/// let items = gangmu::find_inline_markers("一是统一思想。二是健全机制。");
/// assert_eq!(items[1].text, "二是");
/// assert_eq!(items[1].ordinal, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineMarker {
    /// The marker as written (`二是`, `第三，`, `其次，`, `②`).
    pub text: String,
    /// Its family.
    pub family: EnumerationFamily,
    /// Its ordinal (首先 = 1, 其次 = 2, 再次 = 3, 最后 = one after the previous).
    pub ordinal: u32,
    /// Byte span in the text searched.
    pub span: Span,
}

fn is_clause_boundary(c: char) -> bool {
    matches!(
        c,
        '。' | '；'
            | ';'
            | '：'
            | ':'
            | '！'
            | '!'
            | '？'
            | '?'
            | '，'
            | ','
            | '、'
            | '\n'
            | '”'
            | '）'
            | ')'
    )
}

fn numeral_prefix(s: &str) -> Option<(u32, usize)> {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if crate::numeral::is_chinese_numeral_char(c) && i < 9 {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    chinese_numeral_value(&s[..end]).map(|n| (n, end))
}

fn comma_len(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    matches!(c, '，' | ',' | '、').then(|| c.len_utf8())
}

/// Tries to read an inline marker at the start of `s` (which is at a clause
/// start). Returns family, ordinal (0 for 最后: resolved later) and length.
fn marker_at_clause_start(s: &str) -> Option<(EnumerationFamily, u32, usize)> {
    use EnumerationFamily::*;
    if let Some(rest) = s.strip_prefix("另一方面") {
        let extra = comma_len(rest).unwrap_or(0);
        return Some((Aspect, 2, "另一方面".len() + extra));
    }
    if let Some(rest) = s.strip_prefix("一方面") {
        let extra = comma_len(rest).unwrap_or(0);
        return Some((Aspect, 1, "一方面".len() + extra));
    }
    for (word, n) in [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)] {
        if let Some(rest) = s.strip_prefix(word) {
            let extra = comma_len(rest).unwrap_or(0);
            return Some((Sequence, n, word.len() + extra));
        }
    }
    if let Some(rest) = s.strip_prefix('其') {
        if let Some((n, len)) = numeral_prefix(rest) {
            let after = &rest[len..];
            if n <= 20 && (comma_len(after).is_some() || after.starts_with('是')) {
                let extra = if after.starts_with('是') {
                    '是'.len_utf8()
                } else {
                    comma_len(after).unwrap_or(0)
                };
                return Some((Qi, n, '其'.len_utf8() + len + extra));
            }
        }
    }
    if let Some(rest) = s.strip_prefix('第') {
        if let Some((n, len)) = numeral_prefix(rest) {
            let after = &rest[len..];
            if n <= 30 {
                if let Some(extra) = comma_len(after) {
                    return Some((Ordinal, n, '第'.len_utf8() + len + extra));
                }
            }
        }
    }
    if let Some((n, len)) = numeral_prefix(s) {
        let after = &s[len..];
        if n <= 30 {
            if after.starts_with('是') {
                return Some((Shi, n, len + '是'.len_utf8()));
            }
            if after.starts_with('要') {
                return Some((Yao, n, len + '要'.len_utf8()));
            }
        }
    }
    None
}

/// Markers allowed anywhere in a sentence: `①` and `（1）`.
fn marker_anywhere(s: &str) -> Option<(EnumerationFamily, u32, usize)> {
    let c = s.chars().next()?;
    let u = c as u32;
    if (0x2460..=0x2473).contains(&u) {
        return Some((EnumerationFamily::Circled, u - 0x2460 + 1, c.len_utf8()));
    }
    let rest = s.strip_prefix('（').or_else(|| s.strip_prefix('('))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = &rest[digits..];
    let close = after
        .strip_prefix('）')
        .map(|_| '）'.len_utf8())
        .or_else(|| after.strip_prefix(')').map(|_| 1))?;
    let n: u32 = rest[..digits].parse().ok()?;
    Some((
        EnumerationFamily::Paren,
        n,
        s.len() - rest.len() + digits + close,
    ))
}

/// Finds every inline enumeration marker in `text` (a paragraph), in order.
/// Offsets are relative to `text`. This lists candidates; [`enumerate`] groups
/// them into series and drops lone `①`, `（1）`, `首先`, `第一，`.
///
/// ```
/// let m = gangmu::find_inline_markers("首先，要统一思想；其次，要健全机制；最后，要抓好落实。");
/// let ords: Vec<u32> = m.iter().map(|m| m.ordinal).collect();
/// assert_eq!(ords, [1, 2, 0]);
/// assert!(gangmu::find_inline_markers("统一是前提。").is_empty());
/// ```
pub fn find_inline_markers(text: &str) -> Vec<InlineMarker> {
    let mut out = Vec::new();
    let mut at_clause_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a CJK ideograph (lead byte E4–E9) that is not at a clause
        // start can neither open a marker nor end a clause.
        if !at_clause_start && (0xE4..=0xE9).contains(&bytes[i]) {
            i += 3;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        // Probe only where a marker can begin: the first characters of the
        // clause-start words, and the brackets and circled digits allowed
        // anywhere. Everything else only updates the clause state.
        let probe_clause = at_clause_start
            && (crate::numeral::is_chinese_numeral_char(c)
                || matches!(c, '第' | '其' | '首' | '再' | '最' | '另'));
        let probe_anywhere = matches!(c, '（' | '(' | '\u{2460}'..='\u{2473}');
        if probe_clause || probe_anywhere {
            let s = &text[i..];
            let found = if probe_clause {
                marker_at_clause_start(s).or_else(|| marker_anywhere(s))
            } else {
                marker_anywhere(s)
            };
            if let Some((family, ordinal, len)) = found {
                out.push(InlineMarker {
                    text: s[..len].to_string(),
                    family,
                    ordinal,
                    span: Span::new(i, i + len),
                });
                i += len;
                at_clause_start = false;
                continue;
            }
        }
        if is_clause_boundary(c) {
            at_clause_start = true;
        } else if !(c == '*' || c == ' ' || c == '\u{3000}' || c == '\t' || c == '“') {
            at_clause_start = false;
        }
        i += c.len_utf8();
    }
    out
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
pub(crate) fn enumerate(source: &str, span: Span, content_end: usize) -> Vec<Node> {
    let markers = find_inline_markers(&source[span.start..content_end]);
    enumerate_markers(span, content_end, &markers)
}

/// [`enumerate`] with the paragraph's markers already found
/// ([`find_inline_markers`] over `span.start..content_end`).
pub(crate) fn enumerate_markers(
    span: Span,
    content_end: usize,
    markers: &[InlineMarker],
) -> Vec<Node> {
    if markers.is_empty() {
        return Vec::new();
    }
    let (series, ordinals) = group(markers);
    if series.is_empty() {
        return Vec::new();
    }
    let base = span.start;
    let mut nodes = Vec::new();
    let mut cursor = span.start;
    for (k, range) in series.iter().enumerate() {
        let series_start = base + markers[range.start].span.start;
        let series_end = match series.get(k + 1) {
            Some(next) => base + markers[next.start].span.start,
            None => content_end,
        };
        if series_start > cursor {
            nodes.push(Node::Text(Text {
                span: Span::new(cursor, series_start),
            }));
        }
        let mut items = Vec::new();
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
