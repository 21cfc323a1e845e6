//! Stage 2, line classes: what each line is on its own — blank, noise (web
//! chrome, page numbers, markup, licence trailers), a document element, a line
//! opening with an ordinal marker, or text. Nothing here looks further than
//! the line, except the blocks that open and close over several lines
//! (Markdown front matter, HTML comments, a licence trailer, a list of links
//! after `相关推荐`).

use crate::chrome;
use crate::element;
use crate::marker::{self, parse_bare_numeral, parse_decimal_top, Marker, MarkerFamily, RawMarker};
use crate::numeral::chinese_numeral;
use crate::span::Span;
use crate::text::{char_len, ends_sentence, is_any_digit, is_cjk, is_unit_char};
use crate::tree::NoiseKind;

use super::{LineKind, MarkerId, Page};

/// A licence block (`本作品来自…`) is the site's only when it starts in the
/// last two thirds of the text: the first third belongs to the document
/// (Wikisource pages, report_gwr_*_wikisource).
const LICENSE_FROM_FRACTION: usize = 3;

/// A `相关推荐`/`猜你喜欢` line opens a list of links when it is short (a
/// heading of the site, not a sentence that starts with the word):
/// `【某某自查报告范文】相关文章：` is 23.
const TRAILER_HEADER_MAX_CHARS: usize = 40;

/// Inside a list of links, a line without a list bullet still belongs to it
/// when the list is in the second half of the text and the line is short and
/// not a sentence (the titles of linked pages; web_chrome_template).
const TRAILER_ITEM_MAX_CHARS: usize = 50;

/// Markdown front matter (`---` … `---`) is looked for at most this many
/// lines below the first line.
const FRONT_MATTER_MAX_LINES: usize = 60;

/// A line opening with a bare decimal number (`1 总则`) is a heading
/// candidate only when short and without a sentence end: the top level of a
/// decimal outline (decimal_outline_plan), not `1 000人参加`.
const DECIMAL_TOP_MAX_CHARS: usize = 30;

/// The classes of a page's lines, and the markers of the lines that open
/// with one.
pub(crate) struct Classes {
    pub kinds: Vec<LineKind>,
    pub markers: Vec<Marker>,
}

/// Parses an ordinal marker at the very start of `text` (no leading white
/// space), when it can open a heading: the first reading of the marker
/// grammar whose following text can be a heading's title. Returns `None`
/// when the text does not open with a marker, including numbers that are
/// quantities (`3.5倍`), years (`2024年`), dates (`11.5.14`), lists of
/// numerals (`一、二、三级医院`) and inline enumerations (`一是`, `第一，`).
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
    marker::readings(text)
        .find(|(raw, rest)| can_open_heading(raw, rest))
        .map(|(raw, rest)| raw.to_marker(text, rest))
}

/// Whether the text after a marker can be a heading's title: the marker is
/// then an ordinal, not a number in a sentence.
fn can_open_heading(raw: &RawMarker<'_>, rest: &str) -> bool {
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
                // `1.1月28日至2月4日放假`: the item opens with a date.
                Some(c) if is_any_digit(c) => starts_with_date(rest), // not 3.5, 1、2、3
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

/// Whether `s` opens with a date: `1月28日`, `12月1号`, `2025年`.
fn starts_with_date(s: &str) -> bool {
    let digits = s.chars().take_while(|&c| is_any_digit(c)).count();
    let rest = s.char_indices().nth(digits).map_or("", |(i, _)| &s[i..]);
    match digits {
        1 | 2 => rest.strip_prefix('月').is_some_and(|r| {
            let d = r.chars().take_while(|&c| is_any_digit(c)).count();
            (1..=2).contains(&d) && r.chars().nth(d).is_some_and(|c| c == '日' || c == '号')
        }),
        4 => rest.starts_with('年'),
        _ => false,
    }
}

/// Classifies every line on its own.
pub(crate) fn classify(page: &Page<'_>) -> Classes {
    let mut kinds = Vec::with_capacity(page.len());
    let mut markers = Vec::new();
    let mut blocks = Blocks::new(page);
    for (i, line) in page.lines.iter().enumerate() {
        if line.is_blank() {
            kinds.push(LineKind::Blank);
            continue;
        }
        let c = page.content(i);
        let kind = if let Some(k) = blocks.noise(i, c) {
            LineKind::Noise(k)
        } else if let Some(k) = chrome::noise_kind(c) {
            LineKind::Noise(k)
        } else if let Some(mut m) = line_marker(c, line.md_heading) {
            m.span = Span::new(line.content_start, line.content_start + m.span.len());
            markers.push(m);
            LineKind::Heading(Some(MarkerId(markers.len() as u32 - 1)))
        } else if let Some(k) = element::meta_kind(c) {
            LineKind::Meta(k)
        } else {
            LineKind::Body
        };
        kinds.push(kind);
    }
    Classes { kinds, markers }
}

/// The marker a line opens with: a heading marker, a bare numeral under
/// Markdown heading markup (`## 三`), or the top level of a decimal outline
/// (`1 总则`) on a short line.
fn line_marker(c: &str, md_heading: u8) -> Option<Marker> {
    parse_marker(c)
        .or_else(|| (md_heading > 0).then(|| parse_bare_numeral(c)).flatten())
        .or_else(|| {
            // The count only for a line that opens with a digit, as the
            // top level of a decimal outline must.
            (c.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && char_len(c) <= DECIMAL_TOP_MAX_CHARS
                && !ends_sentence(c))
            .then(|| parse_decimal_top(c))
            .flatten()
        })
}

/// The noise blocks that open on one line and go on over the next ones:
/// Markdown front matter, HTML comments, a licence trailer and a list of
/// links after `相关推荐`.
struct Blocks {
    n: usize,
    /// First and last line of the Markdown front matter (`---` … `---` at
    /// the very top).
    front_matter: Option<(usize, usize)>,
    in_comment: bool,
    license_from: Option<usize>,
    /// Inside a list of links: `Some(true)` in the second half of the text.
    trailer: Option<bool>,
}

impl Blocks {
    fn new(page: &Page<'_>) -> Self {
        let n = page.len();
        let first = (0..n).find(|&i| !page.is_blank(i));
        let front_matter = first.filter(|&f| page.content(f) == "---").and_then(|f| {
            (f + 1..n.min(f + FRONT_MATTER_MAX_LINES))
                .find(|&j| page.content(j) == "---")
                .map(|e| (f, e))
        });
        Blocks {
            n,
            front_matter,
            in_comment: false,
            license_from: None,
            trailer: None,
        }
    }

    /// The noise kind of non-blank line `i` (content `c`) when a block holds
    /// it or opens on it.
    fn noise(&mut self, i: usize, c: &str) -> Option<NoiseKind> {
        if self.front_matter.is_some_and(|(f, e)| i >= f && i <= e) {
            return Some(NoiseKind::Metadata);
        }
        if self.in_comment {
            if c.contains("-->") {
                self.in_comment = false;
            }
            return Some(NoiseKind::Markup);
        }
        if c.starts_with("<!--") && !c.contains("-->") {
            self.in_comment = true;
            return Some(NoiseKind::Markup);
        }
        if self.license_from.is_none()
            && i * LICENSE_FROM_FRACTION >= self.n
            && chrome::starts_license(c)
        {
            self.license_from = Some(i);
        }
        if self.license_from.is_some() {
            return Some(NoiseKind::License);
        }
        if let Some(bottom) = self.trailer {
            let list_item = c.starts_with(['-', '*', '·', '•', '●', '◆', '○', '>', '+']);
            // A numbered link (`1. 某某工作总结范文`) is an item too.
            let numbered = c.starts_with(|ch: char| ch.is_ascii_digit())
                && char_len(c) <= TRAILER_ITEM_MAX_CHARS
                && !ends_sentence(c)
                && !c.contains(['，', '。']);
            if list_item
                || numbered
                || (bottom && char_len(c) <= TRAILER_ITEM_MAX_CHARS && !ends_sentence(c))
            {
                return Some(NoiseKind::WebChrome);
            }
            self.trailer = None;
        }
        if chrome::starts_trailer(c) && char_len(c) <= TRAILER_HEADER_MAX_CHARS {
            self.trailer = Some(i * 2 >= self.n);
            return Some(NoiseKind::WebChrome);
        }
        None
    }
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
            ("1.1月28日至2月4日放假", ArabicDot, "1."),
            ("2.12月31日前完成", ArabicDot, "2."),
            ("3.2025年底前完成", ArabicDot, "3."),
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
            "1.1月份",
            "2.5年",
            "1、2、3月",
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
