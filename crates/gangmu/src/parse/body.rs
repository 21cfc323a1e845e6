//! Stage 7, body headings: which of the lines that open with a marker are
//! headings (条 that run on in sequence, decimal outlines whose prefixes
//! exist), which short standalone lines are unnumbered section headings, and
//! which lines are 附件说明.

use std::collections::{HashMap, HashSet};

use crate::element;
use crate::enumeration::{self, EnumerationFamily};
use crate::marker::{Marker, MarkerFamily};
use crate::parse_marker;
use crate::text::{char_len, char_len_capped, ends_sentence, is_greeting};
use crate::tree::MetaKind;

use super::evidence::{self, Hints};
use super::segment::attachment_rest;
use super::wrap::Wrapping;
use super::{Decisions, Draft, LineKind, Page};

/// A 第X条 that does not continue the count by one may still skip ahead by
/// at most this many (a repealed or omitted article) and be a heading.
const ARTICLE_MAX_SKIP: u32 = 3;

/// A marker alone on its line takes its title from the next line when that
/// line is at most this long (OCR and PDF text: `一、` / `总体要求`).
const LONE_MARKER_TITLE_MAX_CHARS: usize = 40;

/// A title spaced out one or two characters a line (`總` / `則`) under a
/// lone marker.
const SPACED_TITLE_MAX_CHARS: usize = 2;

/// An unnumbered heading is this long: `过去五年的回顾` (report_gwr_*).
const UNNUMBERED_CHARS: std::ops::RangeInclusive<usize> = 2..=60;

/// A bold or Markdown unnumbered heading longer than this with a comma is a
/// bold lead sentence, not a heading.
const STRONG_SENTENCE_CHARS: usize = 30;

/// The line after an unnumbered heading is body text at least this long, or
/// a sentence.
const NEXT_LINE_MIN_CHARS: usize = 6;

/// A segment of at least this many lines with no blank line among them
/// separates its paragraphs by line breaks alone (scraped pages:
/// `heading_unnumbered_sections`).
const DENSE_MIN_LINES: usize = 6;

/// On such a page an unnumbered heading is a phrase of at most this many
/// characters (`政策落实`, `服务效能`)…
const DENSE_UNNUMBERED_MAX_CHARS: usize = 16;

/// …followed by a sentence at least this long.
const DENSE_NEXT_MIN_CHARS: usize = 20;

/// …and not under a heading line longer than this, which may be hard-wrapped
/// with this line its tail (`三、关于检查发现问题的整改、复查和责任追究的有` /
/// `关要求`: the fuzz seed `pdf-hard-wrap.txt`).
const DENSE_PREV_HEADING_MAX_CHARS: usize = 20;

/// What the body-headings stage decided for one segment.
pub(crate) struct BodyHeadings {
    /// Headings demoted to body, titles of lone markers, unnumbered headings,
    /// 附件说明 lines.
    pub decisions: Decisions,
    /// Whether a heading has been seen so far (in this or an earlier
    /// segment): a sentence-like unnumbered heading needs one before it.
    pub seen_heading: bool,
}

/// Decides the body lines `range` of one segment (the main document or an
/// attachment). `seen_heading` carries over from earlier segments.
pub(crate) fn headings(
    page: &Page<'_>,
    kinds: &[LineKind],
    markers: &[Marker],
    wrapping: &Wrapping,
    hints: &Hints,
    range: std::ops::Range<usize>,
    mut seen_heading: bool,
) -> BodyHeadings {
    let end = range.end;
    let mut draft = Draft::new(kinds, range.clone());
    let mut articles = ArticleCount::default();
    let mut outline = DecimalOutline::new(range.clone().filter_map(|k| match draft.get(k) {
        LineKind::Heading(Some(id)) => Some(id.get(markers)),
        _ => None,
    }));
    // A page that separates its paragraphs by line breaks alone (most
    // scraped pages) has no blank lines to set a heading apart.
    let dense = range.len() >= DENSE_MIN_LINES && !range.clone().any(|k| page.is_blank(k));
    let mut i = range.start;
    while i < end {
        match draft.get(i) {
            LineKind::Heading(Some(id)) => {
                seen_heading = true;
                let m = id.get(markers);
                let c = page.content(i);
                // A heading must not continue a hard-wrapped sentence.
                let continues = i > 0
                    && !page.is_blank(i - 1)
                    && draft.get(i - 1) == LineKind::Body
                    && !ends_sentence(page.content(i - 1))
                    && page.lines[i].page_prefix.is_none();
                // A marker alone on its line (OCR, PDF): its title is the next
                // line (`第一章` / `总则`), or the next few when spaced out one
                // character a line (`總` / `則`).
                if c.len() == m.text.len()
                    && m.family != MarkerFamily::Article
                    && i + 1 < end
                    && !page.is_blank(i + 1)
                    && draft.get(i + 1) == LineKind::Body
                    && char_len(page.content(i + 1)) <= LONE_MARKER_TITLE_MAX_CHARS
                {
                    draft.set(i + 1, LineKind::Continuation);
                    let mut k = i + 2;
                    while char_len(page.content(i + 1)) <= SPACED_TITLE_MAX_CHARS
                        && k < end
                        && !page.is_blank(k)
                        && draft.get(k) == LineKind::Body
                        && char_len(page.content(k)) <= SPACED_TITLE_MAX_CHARS
                    {
                        draft.set(k, LineKind::Continuation);
                        k += 1;
                    }
                }
                let heading = if m.family == MarkerFamily::Article {
                    articles.accept(m, c, continues)
                } else if m.family.is_decimal() {
                    outline.accept(m, continues)
                } else {
                    // `…的要求，\n1、…`: a number with a comma-like delimiter
                    // that continues a sentence is part of it.
                    !(continues
                        && matches!(
                            m.family,
                            MarkerFamily::ArabicDot | MarkerFamily::ArabicParen
                        )
                        && !matches!(
                            m.close.as_deref(),
                            Some(".") | Some("．") | Some("）") | None
                        ))
                };
                // A heading style backs a marker the context would demote.
                if !heading && hints.heading_level(i).is_none() {
                    draft.set(i, LineKind::Body);
                }
            }
            LineKind::Heading(None) => seen_heading = true,
            LineKind::Body => {
                let c = page.content(i);
                if element::is_attachment_note(c) && c.starts_with("附件") {
                    i = attachment_note(page, &mut draft, markers, i, end);
                } else if evidence::styled_heading(hints, page, i)
                    || unnumbered_heading(page, &draft, wrapping, i, seen_heading, dense)
                {
                    draft.set(i, LineKind::Heading(None));
                    seen_heading = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    BodyHeadings {
        decisions: draft.into_decisions(),
        seen_heading,
    }
}

/// 条 run on through the text: the count so far.
#[derive(Default)]
struct ArticleCount {
    last: u32,
}

impl ArticleCount {
    /// Whether the 第X条 line `c` is an article. One that continues a
    /// sentence (`…依照` / `第十二条的规定`) is a reference, unless it is the
    /// next article; one that jumps ahead a little (a repealed article) or
    /// stands apart with a space after its number still counts.
    fn accept(&mut self, m: &Marker, c: &str, continues: bool) -> bool {
        let expected = if continues {
            self.last > 0 && m.ordinal == self.last + 1
        } else {
            m.ordinal == self.last + 1
                || self.last == 0
                || (m.ordinal > self.last && m.ordinal <= self.last + ARTICLE_MAX_SKIP)
        };
        let spaced = c[m.text.len()..]
            .chars()
            .next()
            .is_some_and(|ch| ch == '\u{3000}' || ch == ' ');
        let ok = expected || (spaced && !continues && m.ordinal > self.last);
        if ok {
            self.last = m.ordinal;
        }
        ok
    }
}

/// Decimal outlines (`1` / `1.1` / `1.1.1`): the last ordinal seen under each
/// prefix (`2.1` → 3 after `2.1.3`), and every prefix the segment's decimal
/// markers use.
struct DecimalOutline {
    last: HashMap<String, u32>,
    prefixes: HashSet<String>,
}

impl DecimalOutline {
    fn new<'m>(markers: impl Iterator<Item = &'m Marker>) -> Self {
        let mut prefixes = HashSet::new();
        for m in markers {
            if m.family.is_decimal() && m.family != MarkerFamily::Decimal1 {
                let comps = decimal_components(&m.text);
                for len in 1..comps.len() {
                    prefixes.insert(comps[..len].join("."));
                }
            }
        }
        DecimalOutline {
            last: HashMap::new(),
            prefixes,
        }
    }

    /// Whether a decimal marker is a heading: a top-level `1` needs `1.x`
    /// headings under it (or to continue the top-level count); a `1.2` must
    /// follow `1.1` (or start at 1) and not continue a sentence.
    fn accept(&mut self, m: &Marker, continues: bool) -> bool {
        let comps = decimal_components(&m.text);
        let prefix = comps[..comps.len() - 1].join(".");
        let ok = if m.family == MarkerFamily::Decimal1 {
            self.prefixes.contains(&comps.join("."))
                || (m.ordinal > 1 && self.last.get("").copied() == Some(m.ordinal - 1))
        } else {
            let last = self.last.get(&prefix).copied().unwrap_or(0);
            (m.ordinal == 1 || m.ordinal == last + 1) && !continues
        };
        if ok {
            self.last.insert(prefix, m.ordinal);
        }
        ok
    }
}

/// A 附件说明 at line `i`; with `附件：1．…` the numbered lines after it
/// (`2．…`, `3．…`) belong to it. Returns its last line.
fn attachment_note(
    page: &Page<'_>,
    draft: &mut Draft<'_>,
    markers: &[Marker],
    i: usize,
    end: usize,
) -> usize {
    draft.set(i, LineKind::Meta(MetaKind::AttachmentNote));
    let Some(m) = parse_marker(attachment_rest(page.content(i))) else {
        return i;
    };
    let mut expect = m.ordinal + 1;
    let mut k = i;
    while let Some(nx) = page.next_nonblank(k) {
        if nx >= end || nx > k + 2 {
            break;
        }
        match draft.get(nx) {
            LineKind::Heading(Some(id))
                if id.get(markers).family == m.family && id.get(markers).ordinal == expect =>
            {
                draft.set(nx, LineKind::Meta(MetaKind::AttachmentNote));
                expect += 1;
                k = nx;
            }
            _ => break,
        }
    }
    k
}

/// Whether body line `i` is an unnumbered section heading: a short
/// standalone line without clause punctuation, between blank lines (or in
/// bold or Markdown heading markup), after the end of a paragraph and before
/// body text.
fn unnumbered_heading(
    page: &Page<'_>,
    draft: &Draft<'_>,
    wrapping: &Wrapping,
    i: usize,
    seen_heading: bool,
    dense: bool,
) -> bool {
    let line = &page.lines[i];
    let c = page.content(i);
    let n = char_len_capped(c, *UNNUMBERED_CHARS.end());
    let strong = line.md_heading > 0 || (line.bold && !c.contains("**"));
    if !UNNUMBERED_CHARS.contains(&n) || (n > STRONG_SENTENCE_CHARS && strong && c.contains('，'))
    {
        return false;
    }
    if ends_sentence(c)
        || c.ends_with('，')
        || c.ends_with('、')
        || c.ends_with(',')
        || c.contains('。')
        || c.contains('；')
        || c.contains('：')
        || c.contains(':')
        || c.contains('=')
        || c.contains('＝')
    {
        return false;
    }
    let caption = (c.starts_with('图') || c.starts_with('表'))
        && c.chars()
            .nth(1)
            .is_some_and(|d| d.is_ascii_digit() || d == ' ');
    // A line opening with 第一，/一是/首先 is an inline enumeration (body).
    let enumerates = enumeration::find_inline_markers(c)
        .first()
        .is_some_and(|m| m.span.start == 0 && m.family != EnumerationFamily::Circled);
    if caption
        || enumerates
        || starts_with_punct(c)
        || c.starts_with('—')
        || c.starts_with('-')
        || c.chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit() || ch.is_ascii_punctuation())
        || is_greeting(c)
        || element::is_date(c)
    {
        return false;
    }
    if wrapping.hard_wrapped && !strong {
        return false;
    }
    let Some(p) = page.prev_nonblank(i) else {
        return false;
    };
    let Some(nx) = page.next_nonblank(i) else {
        return false;
    };
    let prev_ok = match draft.get(p) {
        LineKind::Body => ends_sentence(page.content(p)) && !is_greeting(page.content(p)),
        _ => true,
    };
    // A sentence-like unnumbered heading (with commas) is a sub-heading: it
    // needs a heading before it.
    if (c.contains('，') || c.contains(',')) && !seen_heading {
        return false;
    }
    if !prev_ok || !matches!(draft.get(nx), LineKind::Body | LineKind::Heading(Some(_))) {
        return false;
    }
    let next = page.content(nx);
    if starts_with_punct(next) || (char_len(next) < NEXT_LINE_MIN_CHARS && !ends_sentence(next)) {
        return false;
    }
    if strong {
        return true;
    }
    let blank_before = i > 0 && page.is_empty(i - 1);
    let blank_after = i + 1 < page.len() && page.is_empty(i + 1);
    if blank_before && blank_after {
        return true;
    }
    // On a page without blank lines: a short phrase (no comma) between the
    // end of a sentence (or a heading) and a sentence of body text.
    let under_long_heading = matches!(draft.get(p), LineKind::Heading(_))
        && char_len(page.content(p)) > DENSE_PREV_HEADING_MAX_CHARS;
    dense
        && !under_long_heading
        && n <= DENSE_UNNUMBERED_MAX_CHARS
        // (Not `五《…》…`: a numbered heading that lost its 、, for the
        // marker's depth to place, not this rule.)
        && c.chars()
            .next()
            .is_some_and(|ch| crate::text::class::is_han(ch) && !crate::numeral::is_chinese_numeral_char(ch))
        && !c.contains(['，', ','])
        && ends_sentence(next)
        && char_len(next) >= DENSE_NEXT_MIN_CHARS
}

/// Whether `s` opens with punctuation that cannot start a heading (the tail
/// of a sentence wrapped onto the line).
fn starts_with_punct(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '）'
                | ')'
                | '》'
                | '”'
                | '’'
                | ','
                | '.'
                | ';'
                | ':'
                | '！'
                | '？'
                | '」'
                | '〕'
                | ']'
        )
    })
}

/// The components of a decimal outline marker: `2.1.3` → ["2", "1", "3"].
fn decimal_components(text: &str) -> Vec<&str> {
    text.split(['.', '．']).filter(|c| !c.is_empty()).collect()
}
