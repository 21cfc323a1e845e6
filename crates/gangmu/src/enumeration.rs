//! Inline enumerations (段内列举) inside paragraphs: 一是…二是…, 一要…二要…,
//! 第一，第二，…, 首先/其次/再次/最后, 其一/其二, 一方面/另一方面, ①② and （1）（2）.
//!
//! This is the context-free part: the markers and where they may stand (at a
//! clause start, or anywhere for ①/（1）). Which markers form a series is
//! decided by the parser's enumerations stage.

use serde::{Deserialize, Serialize};

use crate::numeral::chinese_numeral_value;
use crate::span::Span;

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

/// Whether `c` can open a marker at a clause start: a Chinese numeral (一是,
/// 一要) or the first character of 第一, 其次, 首先, 再次, 最后, 另一方面.
fn opens_clause_marker(c: char) -> bool {
    crate::numeral::is_chinese_numeral_char(c)
        || matches!(c, '第' | '其' | '首' | '再' | '最' | '另')
}

/// What the character at `bytes[i]` (a character boundary) is to
/// [`find_inline_markers`] inside a clause.
enum Inside {
    /// Nothing: neither a [clause boundary](is_clause_boundary) nor the
    /// start of a marker allowed anywhere; the character is `n` bytes long.
    Skip(usize),
    /// A clause boundary that cannot open a marker, `n` bytes long.
    Boundary(usize),
    /// `（`, `(` or a circled number: the grammar must look.
    Probe,
}

/// Reads the character at `bytes[i]` from its bytes alone, with no UTF-8
/// decoding: the same answer as [`is_clause_boundary`] and the anywhere
/// probe of [`find_inline_markers`] on the decoded character.
fn inside_clause(bytes: &[u8], i: usize) -> Inside {
    let b = bytes[i];
    // The text is UTF-8: a lead byte has its continuation bytes after it.
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match b {
        b';' | b':' | b'!' | b'?' | b',' | b'\n' | b')' => Inside::Boundary(1),
        b'(' => Inside::Probe,
        0x00..=0x7F => Inside::Skip(1),
        0xE4..=0xE9 => Inside::Skip(3),
        // 。 、 (U+3002, U+3001)
        0xE3 if at(1) == 0x80 && matches!(at(2), 0x81 | 0x82) => Inside::Boundary(3),
        // ！ ） ， ： ； ？ and （ (U+FF01 … U+FF1F)
        0xEF if at(1) == 0xBC => match at(2) {
            0x81 | 0x89 | 0x8C | 0x9A | 0x9B | 0x9F => Inside::Boundary(3),
            0x88 => Inside::Probe,
            _ => Inside::Skip(3),
        },
        // ” (U+201D); ① … ⑳ (U+2460 … U+2473)
        0xE2 if at(1) == 0x80 && at(2) == 0x9D => Inside::Boundary(3),
        0xE2 if at(1) == 0x91 && (0xA0..=0xB3).contains(&at(2)) => Inside::Probe,
        0xC0..=0xDF => Inside::Skip(2),
        0xE0..=0xEF => Inside::Skip(3),
        _ => Inside::Skip(4),
    }
}

/// Finds every inline enumeration marker in `text` (a paragraph), in order.
/// Offsets are relative to `text`. This lists candidates: the parser's
/// enumerations stage groups them into series and drops lone `①`, `（1）`,
/// `首先`, `第一，`.
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
        // Fast path: inside a clause only a clause boundary and a marker
        // allowed anywhere matter, and both are told by their bytes.
        if !at_clause_start {
            // Most characters of a paragraph: CJK ideographs (lead byte
            // E4–E9), skipped in a loop of their own.
            while bytes.get(i).is_some_and(|b| (0xE4..=0xE9).contains(b)) {
                i += 3;
            }
            if i >= bytes.len() {
                break;
            }
            match inside_clause(bytes, i) {
                Inside::Skip(n) => {
                    i += n;
                    continue;
                }
                Inside::Boundary(n) => {
                    at_clause_start = true;
                    i += n;
                    continue;
                }
                Inside::Probe => {}
            }
        } else if (0xE4..=0xE9).contains(&bytes[i]) {
            // At a clause start, an ideograph that opens no marker word only
            // ends the clause start (it is neither a boundary nor space).
            let c = (u32::from(bytes[i] & 0x0F) << 12)
                | (u32::from(bytes[i + 1] & 0x3F) << 6)
                | u32::from(bytes[i + 2] & 0x3F);
            if !char::from_u32(c).is_some_and(opens_clause_marker) {
                at_clause_start = false;
                i += 3;
                continue;
            }
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        // Probe only where a marker can begin: the first characters of the
        // clause-start words, and the brackets and circled digits allowed
        // anywhere. Everything else only updates the clause state.
        let probe_clause = at_clause_start && opens_clause_marker(c);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_reading_inside_a_clause_agrees_with_the_decoded_character_on_every_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let probe = matches!(c, '（' | '(' | '\u{2460}'..='\u{2473}');
            let got = inside_clause(bytes, 0);
            let ok = match got {
                Inside::Probe => probe,
                Inside::Boundary(n) => !probe && is_clause_boundary(c) && n == c.len_utf8(),
                Inside::Skip(n) => !probe && !is_clause_boundary(c) && n == c.len_utf8(),
            };
            assert!(ok, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn markers_are_found_after_every_kind_of_boundary_and_not_inside_a_clause() {
        let text = "要求：一是学习;二是落实）三是检查”四是总结!\n五是（1）完善 ① 考核 abc一是";
        let found: Vec<(&str, u32)> = find_inline_markers(text)
            .iter()
            .map(|m| (&text[m.span.range()], m.ordinal))
            .collect();
        assert_eq!(
            found,
            [
                ("一是", 1),
                ("二是", 2),
                ("三是", 3),
                ("四是", 4),
                ("五是", 5),
                ("（1）", 1),
                ("①", 1)
            ]
        );
    }
}
