//! Scanning helpers shared by the rules (the character classes they use are
//! in [`crate::text`]).

/// The characters of `s` other than the ideographs U+4000–U+9FFF, with their
/// byte offsets, in order.
///
/// Rules that look for punctuation, digits, brackets or quotes scan with this:
/// in Chinese text most bytes belong to ideographs, and a lead byte E4–E9
/// (always a three-byte character in valid UTF-8) lets the scan step over them
/// without decoding. Offsets of consecutive items need not be adjacent.
pub(crate) fn non_ideographs(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if (0xE4..=0xE9).contains(&bytes[i]) {
                i += 3;
                continue;
            }
            let c = s[i..].chars().next()?;
            let at = i;
            i += c.len_utf8();
            return Some((at, c));
        }
        None
    })
}

/// Whether `s` contains `needle` (a SIMD substring search: faster than
/// `str::contains` for a multi-byte character, whose last byte is common).
pub(crate) fn has(s: &str, needle: &str) -> bool {
    memchr::memmem::find(s.as_bytes(), needle.as_bytes()).is_some()
}

/// How many marks (brackets, quotes) a pairing rule keeps open at once. Real
/// text nests a few levels; the bound keeps the rules' stack scans linear on
/// hostile input (a line of 100,000 `（`). Past it, the oldest open mark is
/// given up: reported as unclosed by PAIR001, forgotten by PAIR002.
pub(crate) const MAX_OPEN_MARKS: usize = 64;

/// The character before byte `i` of `s`.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The character at byte `i` of `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// Chinese numeral for `n` in the ordinal style (一, 十一, 二十三, 一百零五).
pub(crate) fn chinese(n: u32) -> String {
    crate::numeral::to_chinese_numeral(n)
}

/// Arabic digits of `n`, full-width when `fullwidth`.
pub(crate) fn arabic(n: u32, fullwidth: bool) -> String {
    let s = n.to_string();
    if fullwidth {
        s.chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        s
    }
}

/// Byte range (relative to `s`) of the first run of numeral characters in a
/// marker's text: Chinese numerals, or Arabic digits (ASCII or full-width).
pub(crate) fn numeral_range(s: &str) -> Option<(usize, usize)> {
    let is_num =
        |c: char| crate::numeral::is_chinese_numeral_char(c) || crate::text::is_any_digit(c);
    let start = s.char_indices().find(|&(_, c)| is_num(c))?.0;
    let end = s[start..]
        .char_indices()
        .find(|&(_, c)| !is_num(c))
        .map_or(s.len(), |(k, _)| start + k);
    Some((start, end))
}

/// A short one-line excerpt of `s` (at most `max` characters), for messages.
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let t: String = s
        .chars()
        .filter(|c| *c != '\n' && *c != '\r')
        .take(max)
        .collect();
    if s.chars().count() > max {
        format!("{t}…")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ideographs_skips_exactly_the_ideographs() {
        let s = "第一，a“引”①㐀\u{4E00}🙂。";
        let got: Vec<(usize, char)> = non_ideographs(s).collect();
        let want: Vec<(usize, char)> = s
            .char_indices()
            .filter(|&(_, c)| !('\u{4000}'..='\u{9FFF}').contains(&c))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn finds_the_numeral_of_a_marker() {
        assert_eq!(numeral_range("（十二）"), Some((3, 9)));
        assert_eq!(numeral_range("第１２条"), Some((3, 9)));
        assert_eq!(numeral_range("①"), None);
        assert_eq!(arabic(12, true), "１２");
        assert_eq!(chinese(23), "二十三");
    }
}
