//! Ordinal markers (序数) that open a heading: `一、` `（一）` `1.` `（1）` `①` and
//! `第X编/章/节/条`, in their standard and their frequent scraped forms.
//!
//! The grammar is context-free and written with `nom`, kept private to the
//! crate: [`readings`] lists every way the start of a line reads as a marker.
//! Which reading opens a heading — whether what follows can be a heading's
//! title (`3.5倍` is a quantity, `一、二、三级` a list) — is decided by the
//! line-classes stage ([`crate::parse_marker`]).

use crate::numeral::{arabic_numeral, chinese_numeral, is_chinese_numeral_char};
use crate::text::{is_any_digit, is_cjk, is_fullwidth_digit, is_unit_char};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{anychar, char, one_of, satisfy};
use nom::combinator::{map, map_opt, opt, value};
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The family of an ordinal marker. Families, not brackets, decide levels:
/// `（一）` and `(一)` are one family written two ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerFamily {
    /// `第一部分`, `第一篇`: above 编 and 章.
    Part,
    /// `第一编` (编).
    Volume,
    /// `第一章` (章).
    Chapter,
    /// `第一节` (节).
    Section,
    /// `第一条` (条), the article of a regulation.
    Article,
    /// `一、` — GB/T 9704 level 1.
    ChineseComma,
    /// `（一）` — level 2; also `(一)`, `㈠`.
    ChineseParen,
    /// `1.` — level 3; also `1．` `1、` `1)` `１.`.
    ArabicDot,
    /// `（1）` — level 4; also `(1)`, `⑴`.
    ArabicParen,
    /// `①` — level 5 in practice.
    Circled,
    /// `a.` / `a)`.
    LatinLower,
    /// `A.` / `A)`.
    LatinUpper,
    /// `1 总体要求`: the top level of a decimal outline (a number, a space, a
    /// title), recognised only when `1.1`-style headings under it follow.
    Decimal1,
    /// `1.1` (two components): decimal outline numbering.
    Decimal2,
    /// `1.1.1` (three components).
    Decimal3,
    /// `1.1.1.1` (four components).
    Decimal4,
}

impl MarkerFamily {
    /// The canonical GB/T 9704 level (1–5) of the family, where it has one.
    ///
    /// ```
    /// use gangmu::MarkerFamily;
    /// assert_eq!(MarkerFamily::ChineseParen.canonical_level(), Some(2));
    /// assert_eq!(MarkerFamily::Article.canonical_level(), None);
    /// ```
    pub fn canonical_level(self) -> Option<u8> {
        match self {
            MarkerFamily::ChineseComma => Some(1),
            MarkerFamily::ChineseParen => Some(2),
            MarkerFamily::ArabicDot => Some(3),
            MarkerFamily::ArabicParen => Some(4),
            MarkerFamily::Circled => Some(5),
            _ => None,
        }
    }

    /// Rank in the default order of nesting, outermost first: 部分 < 编 < 章 < 节 <
    /// 条 < 一、 < （一） < 1. < 1.1 < （1） < ① < a. < A.
    ///
    /// ```
    /// use gangmu::MarkerFamily;
    /// assert!(MarkerFamily::Chapter.rank() < MarkerFamily::Article.rank());
    /// assert!(MarkerFamily::ChineseComma.rank() < MarkerFamily::ArabicDot.rank());
    /// ```
    pub fn rank(self) -> u8 {
        match self {
            MarkerFamily::Part => 10,
            MarkerFamily::Volume => 20,
            MarkerFamily::Chapter => 30,
            MarkerFamily::Section => 40,
            MarkerFamily::Article => 50,
            MarkerFamily::ChineseComma => 60,
            MarkerFamily::ChineseParen => 70,
            MarkerFamily::ArabicDot => 80,
            MarkerFamily::Decimal1 => 81,
            MarkerFamily::Decimal2 => 82,
            MarkerFamily::Decimal3 => 84,
            MarkerFamily::Decimal4 => 86,
            MarkerFamily::ArabicParen => 90,
            MarkerFamily::Circled => 100,
            MarkerFamily::LatinLower => 110,
            MarkerFamily::LatinUpper => 120,
        }
    }

    /// Whether this is a decimal outline family (`1`, `1.1`, `1.1.1`…).
    ///
    /// ```
    /// assert!(gangmu::MarkerFamily::Decimal2.is_decimal());
    /// ```
    pub fn is_decimal(self) -> bool {
        matches!(
            self,
            MarkerFamily::Decimal1
                | MarkerFamily::Decimal2
                | MarkerFamily::Decimal3
                | MarkerFamily::Decimal4
        )
    }

    /// Whether this is one of the regulation units 编/章/节/条 (or 部分).
    ///
    /// ```
    /// assert!(gangmu::MarkerFamily::Article.is_regulation_unit());
    /// ```
    pub fn is_regulation_unit(self) -> bool {
        matches!(
            self,
            MarkerFamily::Part
                | MarkerFamily::Volume
                | MarkerFamily::Chapter
                | MarkerFamily::Section
                | MarkerFamily::Article
        )
    }

    /// The snake_case name used in JSON.
    ///
    /// ```
    /// assert_eq!(gangmu::MarkerFamily::ArabicDot.name(), "arabic_dot");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            MarkerFamily::Part => "part",
            MarkerFamily::Volume => "volume",
            MarkerFamily::Chapter => "chapter",
            MarkerFamily::Section => "section",
            MarkerFamily::Article => "article",
            MarkerFamily::ChineseComma => "chinese_comma",
            MarkerFamily::ChineseParen => "chinese_paren",
            MarkerFamily::ArabicDot => "arabic_dot",
            MarkerFamily::ArabicParen => "arabic_paren",
            MarkerFamily::Circled => "circled",
            MarkerFamily::LatinLower => "latin_lower",
            MarkerFamily::LatinUpper => "latin_upper",
            MarkerFamily::Decimal1 => "decimal1",
            MarkerFamily::Decimal2 => "decimal2",
            MarkerFamily::Decimal3 => "decimal3",
            MarkerFamily::Decimal4 => "decimal4",
        }
    }
}

/// An ordinal marker as written at the start of a heading.
///
/// ```
/// let m = gangmu::parse_marker("(二)加强领导").unwrap();
/// assert_eq!(m.family, gangmu::MarkerFamily::ChineseParen);
/// assert_eq!(m.ordinal, 2);
/// assert_eq!(m.text, "(二)");
/// assert_eq!(m.open.as_deref(), Some("("));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    /// The marker exactly as written, including its punctuation (`（一）`, `1、`).
    pub text: String,
    /// The family, which decides the level.
    pub family: MarkerFamily,
    /// The ordinal value (`二十三、` → 23). For decimal outlines, the last component.
    pub ordinal: u32,
    /// Opening bracket as written, if any (`（`, `(`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<String>,
    /// Closing bracket or delimiter as written, if any (`、`, `.`, `）`, `)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close: Option<String>,
    /// Punctuation written after a closing bracket (`（一）、` → `、`), or the
    /// second mark of a doubled delimiter (`2、、` → `、`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<String>,
    /// The numerals are full-width digits (`１．`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fullwidth_digits: bool,
    /// The marker is not in the file: Word generated it from the document's
    /// numbering definitions (set by [`crate::docx::parse`]). No fix edits it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub generated: bool,
    /// Byte span of the marker in the source (set by the document parser; relative
    /// to the string given to [`parse_marker`] otherwise).
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Num {
    Chinese,
    Arabic,
}

/// One grammatical reading of a marker, before anything decides whether it
/// opens a heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawMarker<'a> {
    pub family: MarkerFamily,
    pub ordinal: u32,
    pub open: Option<&'a str>,
    pub close: Option<&'a str>,
    pub extra: Option<&'a str>,
}

type Raw<'a> = RawMarker<'a>;

fn open_paren(i: &str) -> IResult<&str, &str> {
    alt((tag("（"), tag("("))).parse(i)
}

fn close_paren(i: &str) -> IResult<&str, &str> {
    alt((tag("）"), tag(")"))).parse(i)
}

fn numeral(i: &str) -> IResult<&str, (u32, Num)> {
    alt((
        map(chinese_numeral, |n| (n, Num::Chinese)),
        map(arabic_numeral, |n| (n, Num::Arabic)),
    ))
    .parse(i)
}

/// `第X编/章/节/条/部分/篇`, also in traditional characters (`第一條`, `第二節`).
fn regulation_unit(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (_, (n, _), unit)) = (
        char('第'),
        numeral,
        alt((
            value(MarkerFamily::Part, tag("部分")),
            value(MarkerFamily::Part, tag("篇")),
            value(MarkerFamily::Volume, alt((tag("编"), tag("編")))),
            value(MarkerFamily::Chapter, tag("章")),
            value(MarkerFamily::Section, alt((tag("节"), tag("節")))),
            value(MarkerFamily::Article, alt((tag("条"), tag("條")))),
        )),
    )
        .parse(i)?;
    Ok((
        rest,
        Raw {
            family: unit,
            ordinal: n,
            open: None,
            close: None,
            extra: None,
        },
    ))
}

/// Punctuation sometimes written after a closing bracket: `（一）、`.
fn after_bracket(i: &str) -> IResult<&str, Option<&str>> {
    opt(alt((tag("、"), tag("."), tag("．"), tag("，"), tag(",")))).parse(i)
}

/// `（一）` `(一)` `（一)` `(一）` and `（1）` `(1)`.
fn bracketed(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (open, (n, kind), close, extra)) =
        (open_paren, numeral, close_paren, after_bracket).parse(i)?;
    let family = match kind {
        Num::Chinese => MarkerFamily::ChineseParen,
        Num::Arabic => MarkerFamily::ArabicParen,
    };
    Ok((
        rest,
        Raw {
            family,
            ordinal: n,
            open: Some(open),
            close: Some(close),
            extra,
        },
    ))
}

/// Single-character enclosed forms: `①`–`⑳`, `⑴`–`⒇`, `㈠`–`㈩`.
fn enclosed(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (c, extra)) = (
        map_opt(anychar, |c| {
            let u = c as u32;
            match u {
                0x2460..=0x2473 => Some((MarkerFamily::Circled, u - 0x2460 + 1)),
                0x2474..=0x2487 => Some((MarkerFamily::ArabicParen, u - 0x2474 + 1)),
                0x3220..=0x3229 => Some((MarkerFamily::ChineseParen, u - 0x3220 + 1)),
                _ => None,
            }
        }),
        after_bracket,
    )
        .parse(i)?;
    Ok((
        rest,
        Raw {
            family: c.0,
            ordinal: c.1,
            open: None,
            close: None,
            extra,
        },
    ))
}

/// Delimiters after a bare Chinese numeral: `一、` and the variants `一.` `一．`
/// `一，` `一,` `一：` `一:` and a space.
fn chinese_delimiter(i: &str) -> IResult<&str, &str> {
    alt((
        tag("、"),
        tag("．"),
        tag("."),
        tag("，"),
        tag(","),
        tag("："),
        tag(":"),
        tag("\u{3000}"),
        tag(" "),
    ))
    .parse(i)
}

/// Delimiters after a bare Arabic numeral: `1.` and `1．` `1、` `1，` `1,` `1:`
/// `1：` `1)` `1）`.
fn arabic_delimiter(i: &str) -> IResult<&str, &str> {
    alt((
        tag("."),
        tag("．"),
        tag("、"),
        tag("，"),
        tag(","),
        tag("："),
        tag(":"),
        tag(")"),
        tag("）"),
    ))
    .parse(i)
}

/// A bare numeral and its delimiter: `一、` or `1.`; a doubled `、` (`2、、`,
/// a slip of the input method) keeps the second as `extra`, for the linter to
/// report.
fn delimited<'a>(
    family: MarkerFamily,
    ((ordinal, close), extra): ((u32, &'a str), Option<&'a str>),
) -> Raw<'a> {
    Raw {
        family,
        ordinal,
        open: None,
        close: Some(close),
        extra,
    }
}

/// The second `、` of a doubled delimiter.
fn doubled_comma(i: &str) -> IResult<&str, Option<&str>> {
    opt(tag("、")).parse(i)
}

/// A numeral and its delimiter, with a doubled `、` taken as the slip.
fn numeral_then_delimiter<'a>(
    i: &'a str,
    family: MarkerFamily,
    numeral: fn(&'a str) -> IResult<&'a str, u32>,
    delimiter: fn(&'a str) -> IResult<&'a str, &'a str>,
) -> IResult<&'a str, Raw<'a>> {
    let (rest, (n, close)) = (numeral, delimiter).parse(i)?;
    let (rest, extra) = if close == "、" {
        doubled_comma(rest)?
    } else {
        (rest, None)
    };
    Ok((rest, delimited(family, ((n, close), extra))))
}

fn chinese_comma(i: &str) -> IResult<&str, Raw<'_>> {
    numeral_then_delimiter(
        i,
        MarkerFamily::ChineseComma,
        chinese_numeral,
        chinese_delimiter,
    )
}

fn arabic_dot(i: &str) -> IResult<&str, Raw<'_>> {
    numeral_then_delimiter(i, MarkerFamily::ArabicDot, arabic_numeral, arabic_delimiter)
}

/// `1.1`, `1.1.1`, `2.3.4.1` — at most two digits a component.
fn decimal_outline(i: &str) -> IResult<&str, Raw<'_>> {
    let digits = || take_while_m_n(1, 2, |c: char| c.is_ascii_digit());
    let (mut rest, _) = digits().parse(i)?;
    let mut comps = 1u32;
    let mut last = 0u32;
    loop {
        let r: IResult<&str, (char, &str)> = (one_of(".．"), digits()).parse(rest);
        match r {
            Ok((r2, (_, d))) => {
                comps += 1;
                last = d.parse().unwrap_or(0);
                rest = r2;
            }
            Err(_) => break,
        }
    }
    let family = match comps {
        2 => MarkerFamily::Decimal2,
        3 => MarkerFamily::Decimal3,
        4 => MarkerFamily::Decimal4,
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )))
        }
    };
    // A trailing dot is allowed: `1.1.` then text.
    let (rest, _) = opt(one_of(".．")).parse(rest)?;
    Ok((
        rest,
        Raw {
            family,
            ordinal: last,
            open: None,
            close: None,
            extra: None,
        },
    ))
}

fn latin(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (c, d)) = (
        // Not `one_of` over the 52 letters: it compares every line's first
        // character with each of them.
        satisfy(|c| c.is_ascii_alphabetic()),
        alt((tag("."), tag("．"), tag(")"), tag("）"), tag("、"))),
    )
        .parse(i)?;
    let family = if c.is_ascii_lowercase() {
        MarkerFamily::LatinLower
    } else {
        MarkerFamily::LatinUpper
    };
    Ok((
        rest,
        Raw {
            family,
            ordinal: (c.to_ascii_lowercase() as u32) - ('a' as u32) + 1,
            open: None,
            close: Some(d),
            extra: None,
        },
    ))
}

/// A grammar of one marker family.
/// A grammar of one marker family.
type Grammar = fn(&str) -> IResult<&str, Raw<'_>>;
/// Whether a grammar can read a text opening with this character.
type First = fn(char) -> bool;
/// The grammars in the order [`readings`] tries them, each with the first
/// characters it reads: `第`, a bracket, an enclosed number, digits, a Chinese
/// numeral, a Latin letter.
const GRAMMARS: [(First, Grammar); 7] = [
    (|c| c == '第', regulation_unit),
    (|c| c == '（' || c == '(', bracketed),
    (
        |c| matches!(c, '\u{2460}'..='\u{2487}' | '\u{3220}'..='\u{3229}'),
        enclosed,
    ),
    (|c| c.is_ascii_digit(), decimal_outline),
    (is_any_digit, arabic_dot),
    (is_chinese_numeral_char, chinese_comma),
    (|c| c.is_ascii_alphabetic(), latin),
];

/// Every grammatical reading of a marker at the very start of `text` (no
/// leading white space), in the order the families are tried: 第X章/条,
/// bracketed, enclosed (①), decimal outline, `1.`, `一、`, `a.`. Each comes
/// with the text after it. Ordinal 0 (`第零条`) is no marker.
///
/// Each grammar is tried only on a text whose first character it can read
/// (most lines open with none of them, and a failing nom parser still costs
/// a hundred instructions or more).
pub(crate) fn readings(text: &str) -> impl Iterator<Item = (RawMarker<'_>, &str)> {
    let first = text.chars().next();
    GRAMMARS.into_iter().filter_map(move |(can_open, g)| {
        if !first.is_some_and(can_open) {
            return None;
        }
        let (rest, raw) = g(text).ok()?;
        (raw.ordinal > 0 || raw.family.is_decimal()).then_some((raw, rest))
    })
}

impl RawMarker<'_> {
    /// The [`Marker`] of this reading of `text`, whose unread part is `rest`.
    pub(crate) fn to_marker(&self, text: &str, rest: &str) -> Marker {
        let len = text.len() - rest.len();
        let written = &text[..len];
        Marker {
            text: written.to_string(),
            family: self.family,
            ordinal: self.ordinal,
            open: self.open.map(str::to_string),
            close: self.close.map(str::to_string),
            extra: self.extra.map(str::to_string),
            fullwidth_digits: written.chars().any(is_fullwidth_digit),
            generated: false,
            span: Span::new(0, len),
        }
    }
}

/// The top level of a decimal outline: one or two digits, white space, then a
/// title (`1 总体要求`). Only a candidate: the document parser keeps it when
/// `1.1`-style headings under the same number follow.
pub(crate) fn parse_decimal_top(text: &str) -> Option<Marker> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &text[digits..];
    let t = rest.trim_start_matches([' ', '\u{3000}', '\t']);
    if t.len() == rest.len()
        || !t
            .chars()
            .next()
            .is_some_and(|c| is_cjk(c) && !is_unit_char(c))
    {
        return None;
    }
    let n: u32 = text[..digits].parse().ok()?;
    (n > 0).then(|| Marker {
        text: text[..digits].to_string(),
        family: MarkerFamily::Decimal1,
        ordinal: n,
        open: None,
        close: None,
        extra: None,
        fullwidth_digits: false,
        generated: false,
        span: Span::new(0, digits),
    })
}

/// A bare Chinese numeral used as a heading marker under Markdown heading
/// markup (`## 三`), where the markup makes the numeral an ordinal.
pub(crate) fn parse_bare_numeral(text: &str) -> Option<Marker> {
    let (rest, n) = chinese_numeral(text).ok()?;
    if !(rest.is_empty() || rest.starts_with([' ', '\u{3000}'])) {
        return None;
    }
    let len = text.len() - rest.len();
    Some(Marker {
        text: text[..len].to_string(),
        family: MarkerFamily::ChineseComma,
        ordinal: n,
        open: None,
        close: None,
        extra: None,
        fullwidth_digits: false,
        generated: false,
        span: Span::new(0, len),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grammar_skipped_for_its_first_character_would_have_failed_on_every_character() {
        // The gate of `readings` changes no reading: on every character a
        // grammar is not tried on, it fails whatever follows.
        // Every character up to the CJK ideographs (ASCII, punctuation, the
        // enclosed numbers, CJK symbols), the ideographs, the full-width forms.
        let tails = [
            "",
            "、总则",
            "一、",
            "1.",
            "）",
            "章",
            ".1 目标",
            "二）",
            " 总则",
        ];
        let chars = (0..0x3400).chain(0x4E00..0xA000).chain(0xFF00..0xFFF0);
        for c in chars.filter_map(char::from_u32) {
            for (can_open, g) in GRAMMARS {
                if can_open(c) {
                    continue;
                }
                for tail in tails {
                    let text = format!("{c}{tail}");
                    assert!(g(&text).is_err(), "{text:?}");
                }
            }
        }
    }

    fn families(s: &str) -> Vec<(MarkerFamily, u32)> {
        readings(s).map(|(r, _)| (r.family, r.ordinal)).collect()
    }

    #[test]
    fn reads_markers_without_weighing_what_follows() {
        use MarkerFamily::*;
        // The grammar reads a number and its delimiter; whether `3.5倍` is a
        // heading is not its question.
        assert_eq!(families("3.5倍"), [(Decimal2, 5), (ArabicDot, 3)]);
        assert_eq!(families("一、二、三级医院"), [(ChineseComma, 1)]);
        assert_eq!(families("（一）、加强"), [(ChineseParen, 1)]);
        // A doubled `、` is one marker; the second is kept as `extra`.
        assert_eq!(families("2、、各部门"), [(ArabicDot, 2)]);
        assert_eq!(families("三、、加强")[0], (ChineseComma, 3));
        let (raw, rest) = readings("2、、各部门").next().unwrap();
        assert_eq!(
            (raw.close, raw.extra, rest),
            (Some("、"), Some("、"), "各部门")
        );
        assert_eq!(
            readings("2，，各部门").next().map(|(_, r)| r),
            Some("，各部门")
        );
        assert!(families("第零条").is_empty(), "ordinal 0 is no marker");
        assert!(families("一是加强").is_empty());
    }

    #[test]
    fn records_the_text_as_written() {
        let (raw, rest) = readings("（一）、加强").next().unwrap();
        assert_eq!(
            (raw.open, raw.close, raw.extra),
            (Some("（"), Some("）"), Some("、"))
        );
        let m = raw.to_marker("（一）、加强", rest);
        assert_eq!(m.text, "（一）、");
        assert_eq!(m.span, Span::new(0, "（一）、".len()));
    }

    #[test]
    fn reads_the_top_of_a_decimal_outline_and_bare_numerals() {
        assert_eq!(parse_decimal_top("1 总体要求").map(|m| m.ordinal), Some(1));
        assert!(parse_decimal_top("1 000元").is_none());
        assert!(parse_decimal_top("100 总体").is_none());
        assert_eq!(
            parse_bare_numeral("三 工作要求").map(|m| m.ordinal),
            Some(3)
        );
        assert!(parse_bare_numeral("三是").is_none());
    }
}
