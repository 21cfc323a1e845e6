//! The regex crate's character classes `\p{Han}`, `\d`, `\s` and `\w`, as
//! tables of ranges, for the recognisers written by hand in place of patterns
//! whose bounded repetitions (`[\p{Han}]{2,30}`, `.{0,40}`) cost millions of
//! instructions to compile (the regex crate copies the class once per count).
//!
//! The tables come from `regex-syntax`, the parser the regex crate uses, so a
//! hand-written recogniser and the pattern it replaces agree on every
//! character: `\d` is Unicode (`０`–`９` and other scripts' digits), `\s` is
//! Unicode white space. Building a table parses one class, no automaton.

use regex_syntax::hir::{Class, HirKind};
use std::cmp::Ordering;
use std::sync::LazyLock;

type Ranges = Vec<(char, char)>;

fn ranges(class: &str) -> Ranges {
    let hir = regex_syntax::parse(class).expect("a class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => unreachable!("{class} is a Unicode class"),
    }
}

fn contains(ranges: &Ranges, c: char) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

static HAN: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\p{Han}"));
static DIGIT: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\d"));
static SPACE: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\s"));
static WORD: LazyLock<Ranges> = LazyLock::new(|| ranges(r"\w"));

/// `\p{Han}`.
pub(crate) fn is_han(c: char) -> bool {
    !c.is_ascii() && contains(&HAN, c)
}

/// `\d` (Unicode).
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        contains(&DIGIT, c)
    }
}

/// `\s` (Unicode).
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
    } else {
        contains(&SPACE, c)
    }
}

/// `\w` (Unicode).
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        contains(&WORD, c)
    }
}

/// A cursor over a line, for the recognisers written by hand: each step
/// consumes from the front.
pub(crate) struct Scan<'a>(pub(crate) &'a str);

impl<'a> Scan<'a> {
    /// Consumes the longest run of characters for which `class` holds;
    /// returns its length in characters.
    pub(crate) fn run(&mut self, class: impl Fn(char) -> bool) -> usize {
        self.run_at_most(class, usize::MAX)
    }

    /// Consumes the longest run of at most `max` characters for which
    /// `class` holds; returns its length in characters.
    pub(crate) fn run_at_most(&mut self, class: impl Fn(char) -> bool, max: usize) -> usize {
        let mut n = 0;
        let mut chars = self.0.chars();
        let mut rest = self.0;
        while let Some(c) = chars.next() {
            if n == max || !class(c) {
                break;
            }
            n += 1;
            rest = chars.as_str();
        }
        self.0 = rest;
        n
    }

    /// Consumes one character if `class` holds for it.
    pub(crate) fn eat(&mut self, class: impl Fn(char) -> bool) -> bool {
        match self.0.chars().next() {
            Some(c) if class(c) => {
                self.0 = &self.0[c.len_utf8()..];
                true
            }
            _ => false,
        }
    }

    /// Consumes `\s*`.
    pub(crate) fn spaces(&mut self) {
        self.run(is_space);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Compares a recogniser written by hand with the pattern it replaces, on
/// strings made by editing `seeds` at random (characters of `alphabet`
/// inserted, repeated, replaced and deleted), so that lengths cross the
/// pattern's bounds.
#[cfg(test)]
pub(crate) fn assert_same_as(
    pattern: &str,
    f: impl Fn(&str) -> bool,
    seeds: &[&str],
    alphabet: &str,
) {
    let re = regex::Regex::new(pattern).unwrap();
    let alphabet: Vec<char> = alphabet
        .chars()
        .chain(" 　\t\n0９٣aZX一令文".chars())
        .collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut matched = 0;
    for seed in seeds {
        assert!(re.is_match(seed) == f(seed), "{pattern} on {seed:?}");
        for _ in 0..4000 {
            let mut s: Vec<char> = seed.chars().collect();
            for _ in 0..1 + next(4) {
                let at = next(s.len() + 1);
                match next(5) {
                    0 => s.insert(at, alphabet[next(alphabet.len())]),
                    1 if at < s.len() => {
                        let c = s[at];
                        for _ in 0..next(45) {
                            s.insert(at, c);
                        }
                    }
                    2 if at < s.len() => s[at] = alphabet[next(alphabet.len())],
                    3 if at < s.len() => {
                        s.remove(at);
                    }
                    _ => {}
                }
            }
            let s: String = s.into_iter().collect();
            let expected = re.is_match(&s);
            matched += usize::from(expected);
            assert_eq!(f(&s), expected, "{pattern} on {s:?}");
        }
    }
    assert!(matched > 0, "{pattern}: no edited string matched");
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn agrees_with_the_regex_crate() {
        let han = Regex::new(r"^\p{Han}$").unwrap();
        let digit = Regex::new(r"^\d$").unwrap();
        let space = Regex::new(r"^\s$").unwrap();
        let word = Regex::new(r"^\w$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_han(c), han.is_match(s), "{c:?}");
            assert_eq!(is_digit(c), digit.is_match(s), "{c:?}");
            assert_eq!(is_space(c), space.is_match(s), "{c:?}");
            assert_eq!(is_word(c), word.is_match(s), "{c:?}");
        }
        assert!(is_digit('０') && is_digit('٣') && !is_digit('一'));
        assert!(is_space('\u{3000}') && is_space('\u{85}') && !is_space('\u{200B}'));
    }
}
