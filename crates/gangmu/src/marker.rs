//! Ordinal markers (序数) that open a heading: `一、` `（一）` `1.` `（1）` `①` and
//! `第X编/章/节/条`, in their standard and their frequent scraped forms.
//!
//! The grammar is written with `nom` and kept private; [`parse_marker`] is the
//! public entry point.

use crate::numeral::{arabic_numeral, chinese_numeral};
use crate::text::{is_any_digit, is_cjk, is_fullwidth_digit};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{anychar, char, one_of};
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
    /// Punctuation written after a closing bracket (`（一）、` → `、`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<String>,
    /// The numerals are full-width digits (`１．`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fullwidth_digits: bool,
    /// Byte span of the marker in the source (set by the document parser; relative
    /// to the string given to [`parse_marker`] otherwise).
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Num {
    Chinese,
    Arabic,
}

struct Raw<'a> {
    family: MarkerFamily,
    ordinal: u32,
    open: Option<&'a str>,
    close: Option<&'a str>,
    extra: Option<&'a str>,
}

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

/// `第X编/章/节/条/部分/篇`.
fn regulation_unit(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (_, (n, _), unit)) = (
        char('第'),
        numeral,
        alt((
            value(MarkerFamily::Part, tag("部分")),
            value(MarkerFamily::Part, tag("篇")),
            value(MarkerFamily::Volume, tag("编")),
            value(MarkerFamily::Chapter, tag("章")),
            value(MarkerFamily::Section, tag("节")),
            value(MarkerFamily::Article, tag("条")),
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

fn chinese_comma(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (n, d)) = (chinese_numeral, chinese_delimiter).parse(i)?;
    Ok((
        rest,
        Raw {
            family: MarkerFamily::ChineseComma,
            ordinal: n,
            open: None,
            close: Some(d),
            extra: None,
        },
    ))
}

fn arabic_dot(i: &str) -> IResult<&str, Raw<'_>> {
    let (rest, (n, d)) = (arabic_numeral, arabic_delimiter).parse(i)?;
    Ok((
        rest,
        Raw {
            family: MarkerFamily::ArabicDot,
            ordinal: n,
            open: None,
            close: Some(d),
            extra: None,
        },
    ))
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
        one_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
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

/// Characters that make a number a quantity rather than an ordinal when they
/// follow it (`3.5倍`, `1.2万亿元`, `5.1%`).
fn is_unit_char(c: char) -> bool {
    matches!(
        c,
        '%' | '％'
            | '‰'
            | '倍'
            | '万'
            | '亿'
            | '元'
            | '年'
            | '月'
            | '日'
            | '个'
            | '米'
            | '吨'
            | '度'
            | '岁'
            | '次'
            | '天'
            | '千'
            | '百'
            | '公'
            | '平'
            | '斤'
            | '人'
            | '户'
            | '家'
            | '项'
            | '条'
            | '小'
            | '分'
            | '秒'
    )
}

/// Checks what follows a raw marker: the grammar accepts it only when the text
/// after it can be a heading's title.
fn accept_following(raw: &Raw<'_>, rest: &str) -> bool {
    let next = rest.chars().next();
    let second = rest.chars().nth(1);
    match raw.family {
        MarkerFamily::Article => true, // cross-references are resolved by sequence
        MarkerFamily::Part
        | MarkerFamily::Volume
        | MarkerFamily::Chapter
        | MarkerFamily::Section => match next {
            None => true,
            Some(c) => c.is_whitespace() || c == '\u{3000}' || is_cjk(c) || c == '*',
        },
        MarkerFamily::ChineseComma => {
            let d = raw.close.unwrap_or("");
            // `一、二、三级医院…` is a list of numerals, not a marker.
            if let Ok((after, _)) = chinese_numeral(rest) {
                if after.starts_with(['、', '，', ',']) {
                    return false;
                }
            }
            match next {
                None => d == "、",
                Some(c) if is_any_digit(c) => {
                    // 一、2024年工作回顾 is fine; 一.5 is not.
                    d == "、"
                }
                Some(_) => {
                    if matches!(d, " " | "\u{3000}" | "，" | "," | ":" | "：") {
                        let t = rest.trim_start_matches([' ', '\u{3000}']);
                        t.chars()
                            .next()
                            .is_some_and(|c| is_cjk(c) || c == '“' || c == '《')
                    } else {
                        let c = next.unwrap_or(' ');
                        !matches!(c, '、' | '，' | ',' | '.')
                    }
                }
            }
        }
        MarkerFamily::ArabicDot => {
            let d = raw.close.unwrap_or("");
            match next {
                None => false,
                Some(c) if is_any_digit(c) => false, // 3.5, 1、2、3
                Some(_) if matches!(d, "，" | "," | ":" | "：") => rest
                    .trim_start_matches([' ', '\u{3000}'])
                    .chars()
                    .next()
                    .is_some_and(is_cjk),
                Some(c) if matches!(d, ")" | "）") => is_cjk(c) || c == '“' || c == '《',
                Some(c) => !matches!(c, '、' | '，' | ',' | '.' | '．' | '%' | '‰'),
            }
        }
        MarkerFamily::Decimal1
        | MarkerFamily::Decimal2
        | MarkerFamily::Decimal3
        | MarkerFamily::Decimal4 => {
            // Needs white space then a CJK title: `1.1 总体要求`, `2.3.4　工作目标`.
            match next {
                Some(c) if c == ' ' || c == '\u{3000}' || c == '\t' => {
                    let t = rest.trim_start_matches([' ', '\u{3000}', '\t']);
                    t.chars()
                        .next()
                        .is_some_and(|c| is_cjk(c) && !is_unit_char(c))
                }
                Some(c) => is_cjk(c) && !is_unit_char(c) && raw.ordinal > 0,
                None => false,
            }
        }
        MarkerFamily::LatinLower | MarkerFamily::LatinUpper => {
            next.is_some_and(|c| is_cjk(c) || c == ' ' && second.is_some_and(is_cjk))
        }
        MarkerFamily::ChineseParen | MarkerFamily::ArabicParen | MarkerFamily::Circled => {
            next.is_some_and(|c| !matches!(c, '、' | '，' | ',' | ')' | '）')) || next.is_none()
        }
    }
}

/// Parses an ordinal marker at the very start of `text` (no leading white
/// space). Returns `None` when the text does not open with a marker, including
/// numbers that are quantities (`3.5倍`), years (`2024年`), dates (`11.5.14`) and
/// inline enumerations (`一是`, `第一，`).
///
/// ```
/// use gangmu::{parse_marker, MarkerFamily};
/// assert_eq!(parse_marker("一、总体要求").unwrap().family, MarkerFamily::ChineseComma);
/// assert_eq!(parse_marker("第十二条　本办法").unwrap().ordinal, 12);
/// assert_eq!(parse_marker("1、加强学习").unwrap().close.as_deref(), Some("、"));
/// assert!(parse_marker("3.5倍").is_none());
/// assert!(parse_marker("2024年").is_none());
/// assert!(parse_marker("一是加强").is_none());
/// ```
pub fn parse_marker(text: &str) -> Option<Marker> {
    let parsers = [
        regulation_unit as fn(&str) -> IResult<&str, Raw<'_>>,
        bracketed,
        enclosed,
        decimal_outline,
        arabic_dot,
        chinese_comma,
        latin,
    ];
    for p in parsers {
        if let Ok((rest, raw)) = p(text) {
            let decimal = raw.family.is_decimal();
            if raw.ordinal == 0 && !decimal {
                continue;
            }
            if !accept_following(&raw, rest) {
                continue;
            }
            let len = text.len() - rest.len();
            let written = &text[..len];
            return Some(Marker {
                text: written.to_string(),
                family: raw.family,
                ordinal: raw.ordinal,
                open: raw.open.map(str::to_string),
                close: raw.close.map(str::to_string),
                extra: raw.extra.map(str::to_string),
                fullwidth_digits: written.chars().any(is_fullwidth_digit),
                span: Span::new(0, len),
            });
        }
    }
    None
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
        span: Span::new(0, len),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fam(s: &str) -> Option<(MarkerFamily, u32, String)> {
        parse_marker(s).map(|m| (m.family, m.ordinal, m.text))
    }

    #[test]
    fn recognises_every_standard_marker() {
        use MarkerFamily::*;
        let cases: &[(&str, MarkerFamily, u32, &str)] = &[
            ("一、总体要求", ChineseComma, 1, "一、"),
            ("二十三、其他", ChineseComma, 23, "二十三、"),
            ("（一）指导思想", ChineseParen, 1, "（一）"),
            ("（十二）强化", ChineseParen, 12, "（十二）"),
            ("1.银行卡", ArabicDot, 1, "1."),
            ("12．过失", ArabicDot, 12, "12．"),
            ("（3）特约商户", ArabicParen, 3, "（3）"),
            ("①加强", Circled, 1, "①"),
            ("⑵其他", ArabicParen, 2, "⑵"),
            ("㈢其他", ChineseParen, 3, "㈢"),
            ("第一章　总则", Chapter, 1, "第一章"),
            ("第三节 走私罪", Section, 3, "第三节"),
            ("第一百零五条　本法", Article, 105, "第一百零五条"),
            ("第2条 目的", Article, 2, "第2条"),
            ("第一编 总则", Volume, 1, "第一编"),
            ("第一部分 总体要求", Part, 1, "第一部分"),
            ("a.内容", LatinLower, 1, "a."),
            ("1.1 总体目标", Decimal2, 1, "1.1"),
            ("2.3.4　工作目标", Decimal3, 4, "2.3.4"),
        ];
        for (s, f, n, t) in cases {
            assert_eq!(
                fam(s),
                Some((*f, *n, t.to_string())),
                "should read the marker of {s}"
            );
        }
    }

    #[test]
    fn accepts_scraped_variants_of_the_markers() {
        use MarkerFamily::*;
        let cases: &[(&str, MarkerFamily, &str)] = &[
            ("(一)周密部署", ChineseParen, "(一)"),
            ("（一)周密部署", ChineseParen, "（一)"),
            ("(一）周密部署", ChineseParen, "(一）"),
            ("（一）、周密部署", ChineseParen, "（一）、"),
            ("(1)收单机构", ArabicParen, "(1)"),
            ("1、加强", ArabicDot, "1、"),
            ("1，加强", ArabicDot, "1，"),
            ("1)加强", ArabicDot, "1)"),
            ("１．加强", ArabicDot, "１．"),
            ("一.总体", ChineseComma, "一."),
            ("一．总体", ChineseComma, "一．"),
            ("一，总体", ChineseComma, "一，"),
            ("一：总体", ChineseComma, "一："),
            ("一　总体", ChineseComma, "一\u{3000}"),
        ];
        for (s, f, t) in cases {
            let m = parse_marker(s).unwrap_or_else(|| panic!("should accept {s}"));
            assert_eq!((m.family, m.text.as_str()), (*f, *t), "{s}");
        }
    }

    #[test]
    fn treats_quantities_dates_and_enumerations_as_body() {
        for s in [
            "3.5倍",
            "1.2万亿元",
            "5.1%",
            "2024年",
            "11.5.14",
            "2.5",
            "94.5%。",
            "4.1%，第一产业",
            "一是加强",
            "一要加强",
            "第一，加强",
            "一方面",
            "一九八二年",
            "十亿人口",
            "1、2、3",
            "1台银行卡",
            "5个工作日",
            "第一次会议",
            "（2024年）",
            "一、二、三级医院要加强管理。",
        ] {
            assert!(parse_marker(s).is_none(), "should treat {s} as body text");
        }
    }

    #[test]
    fn records_brackets_and_delimiters_as_written() {
        let m = parse_marker("（一）、加强").unwrap();
        assert_eq!(m.open.as_deref(), Some("（"));
        assert_eq!(m.close.as_deref(), Some("）"));
        assert_eq!(m.extra.as_deref(), Some("、"));
        let m = parse_marker("１．加强").unwrap();
        assert!(m.fullwidth_digits);
        assert_eq!(m.span, Span::new(0, "１．".len()));
    }
}
