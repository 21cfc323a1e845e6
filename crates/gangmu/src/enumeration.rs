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
