//! Stage 5a, the site and its documents: which lines a publishing site put
//! around the document (navigation, counters, the page headline and its
//! copies, an introduction to a collection), where each document of a
//! collection page starts, and which line is each document's title.
//!
//! The evidence is the whole page: the first line of document text (an
//! anchor: a sentence that the site's lines do not follow, a numbered
//! heading, a greeting, a 主送机关), what stands directly above it (the
//! title, then subtitles and elements), copies of the title above it, and the
//! separators between the documents of a collection (`篇一：`, `…讲话稿 篇1`).
//! GOLD.md describes the reading this stage implements: of the lines that
//! name the document, the one directly above its first body line is the
//! title; the others are the site's.

use crate::chrome::{self, Separator};
use crate::element;
use crate::text::{
    char_len, comparable, comparable_string, ends_sentence, ends_title, is_greeting, is_lead_in,
    is_space, names_an_organ,
};
use crate::tree::{MetaKind, NoiseKind};

use super::title::{is_subtitle_pattern, take_title, title_like};
use super::{Decisions, Draft, LineKind, Page};

/// A sentence is document text when at least this long (shorter lines with a
/// full stop are labels and prompts: `手机查看。`).
const SENTENCE_MIN_CHARS: usize = 8;

/// A line this long with a comma is document text even without a full stop
/// (a hard-wrapped paragraph).
const WRAPPED_TEXT_MIN_CHARS: usize = 40;

/// A line of a hard-wrapped list of organs (a 主送机关 over several lines) is
/// at least this long, with commas: a title with 、 is no such line.
const WRAPPED_LIST_MIN_CHARS: usize = 15;

/// A preview of the document is at least this long…
const PREVIEW_MIN_CHARS: usize = 20;

/// …and stands at most this many lines above the title it begins with.
const PREVIEW_LOOKAHEAD_LINES: usize = 3;

/// A title the preview begins with is at least this long.
const REPEAT_MIN_CHARS: usize = 4;

/// A 主送机关 line is at most this long.
const ADDRESSEE_MAX_CHARS: usize = 100;

/// A line this short that does not name a document type is a speaker's name
/// or a section label (`寒月`, `引言`), not a title.
const NAME_LINE_MAX_CHARS: usize = 4;

/// A line of office and name (`国务院总理 温家宝`) is at most this long.
const OFFICE_LINE_MAX_CHARS: usize = 20;

/// The lines of a title are at most this far apart (a spaced-out title).
const TITLE_LINE_GAP: usize = 8;

/// A copy of the title below it differs from it by at most this many
/// characters (`某某办法` under `某某办法（试行）`).
const CLOSE_COPY_MAX_DIFF: usize = 6;

/// The block under a title (subtitles, speakers, elements) is looked at over
/// at most this many lines: every comparison stays bounded, so the stage
/// stays linear whatever the page.
const BLOCK_MAX_LINES: usize = 16;

/// A copy of the page headline under the title is looked for among the site's
/// lines at most this many lines above the title.
const PRELUDE_COPY_MAX_LINES: usize = 60;

/// A title's lines lie within this many lines of its first (three lines,
/// gaps of at most eight): the window a probe of `take_title` needs.
const PROBE_LINES: usize = 40;

/// A page names its collection in at most a few headlines.
const MAX_COLLECTION_NAMES: usize = 4;

/// A copy of the title counts when it is at least this long.
const COPY_MIN_CHARS: usize = 4;

/// The title of a collection item named by the page headline and a number
/// (`实施方案 1` under `实施方案最新10篇`) numbers at most this many.
const MAX_ITEM_NUMBER: u32 = 99;

/// What the site stage decided.
pub(crate) struct Layout {
    /// The site's lines: noise.
    pub decisions: Decisions,
    /// The documents on the page, in order.
    pub documents: Vec<Document>,
}

/// One document on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Document {
    /// Its first line (its separator on a collection page).
    pub start: usize,
    /// Where its front matter starts: the first line after the site's lines
    /// above it.
    pub front: usize,
    /// Its title, as the site stage read it.
    pub title: TitleChoice,
}

/// What the site stage found out about a document's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TitleChoice {
    /// The title starts at this line.
    At(usize),
    /// The document has no title (it opens with body text, or with the
    /// fields of a meeting record).
    Untitled,
    /// No anchor was found: the front matter decides as on a plain document.
    Unknown,
}

/// Reads the site's lines and the documents of the page.
pub(crate) fn layout(page: &Page<'_>, kinds: &[LineKind]) -> Layout {
    let n = page.len();
    let mut draft = Draft::new(kinds, 0..n);
    // A document-sharing page's preview of the document is the site's.
    for (i, &kind) in kinds.iter().enumerate() {
        if kind == LineKind::Body && is_preview(page, i) {
            draft.set(i, LineKind::Noise(NoiseKind::WebChrome));
        }
    }
    let separators = separators(page, kinds);
    let mut documents = Vec::new();
    let mut starts: Vec<usize> = separators.iter().map(|&(i, _)| i).collect();
    // A collection that numbers its first document 2 left the first one
    // unmarked: the text before the separator is a document, not the site's.
    let first_marked = separators
        .first()
        .is_some_and(|(_, s)| s.ordinal.map_or(true, |o| o <= 1));
    if let Some(&first) = starts.first() {
        if first_marked {
            for k in 0..first {
                if !page.is_blank(k) {
                    draft.set(k, LineKind::Noise(NoiseKind::WebChrome));
                }
            }
        } else if first > 0 {
            starts.insert(0, 0);
        }
    } else {
        starts.push(0);
    }
    // Documents that follow one another without a separator: a title after
    // the end of the one before (a closing formula, a signature's fields),
    // or a title over a speaker and a greeting.
    let mut all = Vec::new();
    let mut bounds: Vec<usize> = starts[1..].to_vec();
    bounds.push(n);
    for (&start, &end) in starts.iter().zip(&bounds) {
        all.push(start);
        all.extend((start + 1..end).filter(|&i| opens_next_document(page, kinds, i, end)));
    }
    let starts = all;
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(n);
    for (&start, &end) in starts.iter().zip(&ends) {
        let separator = separators
            .iter()
            .find(|(i, _)| *i == start)
            .map(|(_, s)| *s);
        documents.push(document(page, &mut draft, start..end, separator));
    }
    Layout {
        decisions: draft.into_decisions(),
        documents,
    }
}

/// Whether line `i` is a document-sharing page's preview of the document: a
/// line cut with an ellipsis that begins with the text of one of the next
/// few lines, the title it previews (`社区志愿服务工作总结 一、基本情况
/// 今年以来，…活动...` above `社区志愿服务工作总结`).
fn is_preview(page: &Page<'_>, i: usize) -> bool {
    let c = page.content(i).trim_end();
    if !(c.ends_with("...") || c.ends_with('…')) || char_len(c) < PREVIEW_MIN_CHARS {
        return false;
    }
    let mut j = i;
    for _ in 0..PREVIEW_LOOKAHEAD_LINES {
        let Some(next) = page.next_nonblank(j) else {
            return false;
        };
        j = next;
        let title = page.content(j);
        if char_len(title) >= REPEAT_MIN_CHARS && char_len(title) < char_len(c) {
            let mut preview = comparable(c);
            if comparable(title).all(|ch| preview.next() == Some(ch)) {
                return true;
            }
        }
    }
    false
}

/// Whether line `i` opens another document on the page, without a separator:
/// a title naming a document type, after a line that ends the document
/// before (a closing formula, a date, a signature's field), or over a
/// speaker and a greeting (the next speech); then text.
fn opens_next_document(page: &Page<'_>, kinds: &[LineKind], i: usize, end: usize) -> bool {
    let c = page.content(i);
    if kinds[i] != LineKind::Body || !title_like(page, kinds[i], i) || !ends_title(c) {
        return false;
    }
    let Some(prev) = page.prev_nonblank(i) else {
        return false;
    };
    let blank_before = prev + 1 < i;
    let p = page.content(prev);
    let closes = is_closing_line(p) || is_signature_field(p);
    // The line after the title, past subtitles and speakers (a host's
    // `主持人：` line reads as a field of minutes; a greeting must follow).
    let mut next = page.next_nonblank(i).filter(|&k| k < end);
    for _ in 0..BLOCK_MAX_LINES {
        let Some(k) = next else { break };
        if !is_subtitle_pattern(page.content(k)) && kinds[k] != LineKind::Meta(MetaKind::Field) {
            break;
        }
        next = page.next_nonblank(k).filter(|&k| k < end);
    }
    let Some(next) = next else {
        return false;
    };
    let t = page.content(next);
    let greets = is_greeting(t) && t.ends_with(['：', ':']);
    let text = is_document_text(page, kinds[next], next);
    blank_before && ((closes && text) || (greets && ends_sentence(p)))
}

/// A formula that closes a document: `特此报告。`, `此致`, `敬礼！`, `谢谢大家！`.
fn is_closing_line(c: &str) -> bool {
    const CLOSINGS: &[&str] = &[
        "特此",
        "此致",
        "敬礼",
        "谢谢大家",
        "谢谢！",
        "謝謝",
        "妥否",
        "以上请示",
        "以上報告",
        "以上报告",
        "专此",
        "此复",
    ];
    char_len(c) <= 30 && CLOSINGS.iter().any(|w| c.contains(w))
}

/// A field of a signature block: `申请人：`, `申请日期：`, `日期：`.
fn is_signature_field(c: &str) -> bool {
    const FIELDS: &[&str] = &[
        "申请人",
        "申请日期",
        "申请单位",
        "日期",
        "签名",
        "署名",
        "落款",
        "单位",
    ];
    char_len(c) <= 30
        && FIELDS.iter().any(|f| {
            c.strip_prefix(f)
                .is_some_and(|r| r.trim_start().starts_with([':', '：']))
        })
}

/// The separators of a collection page: the lines that open each document.
fn separators(page: &Page<'_>, kinds: &[LineKind]) -> Vec<(usize, Separator)> {
    // Names of the collection from its headline (`实施方案最新10篇` → 实施方案):
    // `实施方案 1` is then the first item.
    let names: Vec<String> = (0..page.len())
        .filter(|&i| kinds[i] != LineKind::Blank && chrome::is_collection_headline(page.content(i)))
        .filter_map(|i| collection_name(page.content(i)))
        .take(MAX_COLLECTION_NAMES)
        .collect();
    let mut out = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        if !matches!(kind, LineKind::Body | LineKind::Heading(_)) {
            continue;
        }
        let c = page.content(i);
        let sep = chrome::collection_separator(c).or_else(|| numbered_item(c, &names));
        if let Some(sep) = sep {
            if page.next_nonblank(i).is_some() {
                out.push((i, sep));
            }
        }
    }
    out
}

/// The name a collection headline gives its items: the text before the count
/// (`实施方案最新10篇` → `实施方案`, `关于请示的批复范文（15篇）` → `关于请示的批复范文`).
fn collection_name(headline: &str) -> Option<String> {
    let t = comparable_string(headline);
    let t = t.trim_start_matches(['《', '[', '(']);
    let end = chrome::collection_count_start(t).unwrap_or(t.len());
    let name = t[..end].trim_end_matches(['(', '[', '《', '-']).to_string();
    (char_len(&name) >= 2).then_some(name)
}

/// `实施方案 1`, `关于请示的批复范文1`: a collection's name and a number.
fn numbered_item(c: &str, names: &[String]) -> Option<Separator> {
    // Most pages name no collection, and most lines end without a digit:
    // neither builds a string (this ran on every line: 13 instructions a
    // byte of the corpus, a third of the parse).
    if names.is_empty()
        || !comparable(c)
            .next_back()
            .is_some_and(|ch| ch.is_ascii_digit())
    {
        return None;
    }
    let t = comparable_string(c);
    let digits = t.len() - t.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let (name, number) = t.split_at(t.len() - digits);
    let number: u32 = number.parse().ok()?;
    (number <= MAX_ITEM_NUMBER && names.iter().any(|n| n == name)).then(|| Separator {
        name: Some((
            0,
            c.len() - c.trim_end_matches(|ch: char| ch.is_ascii_digit()).len(),
        )),
        ordinal: Some(number),
    })
}

/// Reads one document's region: its anchor, its title, and the site's lines
/// above them.
fn document(
    page: &Page<'_>,
    draft: &mut Draft<'_>,
    region: std::ops::Range<usize>,
    separator: Option<Separator>,
) -> Document {
    let start = region.start;
    let body_from = if separator.is_some() {
        start + 1
    } else {
        start
    };
    let Some(anchor) = (body_from..region.end).find(|&i| is_anchor(page, draft, i, region.end))
    else {
        return Document {
            start,
            front: body_from,
            title: TitleChoice::Unknown,
        };
    };
    let anchor = paragraph_start(page, |k| draft.get(k), anchor, body_from);
    // A 令 header opens the page: the front matter reads its signatures and
    // finds the title under them.
    if (start..anchor).any(|k| !page.is_blank(k) && element::is_decree(page.content(k))) {
        return Document {
            start,
            front: start,
            title: TitleChoice::Unknown,
        };
    }
    let candidate = |draft: &Draft<'_>, i: usize| {
        if i == start {
            if let Some(sep) = separator {
                return sep.name.is_some();
            }
        }
        is_title_candidate(page, draft.get(i), i)
    };
    let site = has_site_lines(page, draft, start..anchor);
    let title_line = match title_above(page, draft, start..anchor, &candidate) {
        Some(t) => t,
        // Nothing of a site above the anchor: the front matter reads it as
        // it reads a plain document.
        None if !site => {
            return Document {
                start,
                front: start,
                title: TitleChoice::Unknown,
            }
        }
        // No title directly above the anchor: the last line above it that
        // can be one (a Q&A page puts the question between them), or none.
        None => match (start..anchor).rev().find(|&i| candidate(draft, i)) {
            Some(t) => t,
            None => {
                mark_site_lines(page, draft, start..anchor, None);
                return Document {
                    start,
                    front: first_after_site(page, draft, start..anchor),
                    title: TitleChoice::Untitled,
                };
            }
        },
    };
    // The title's own lines, for telling its copies.
    let mut probe = Draft::new(
        draft.base(),
        title_line..page.len().min(title_line + PROBE_LINES),
    );
    let last = take_title(page, &mut probe, title_line);
    let title_text: String = (title_line..=last)
        .filter(|&k| !page.is_blank(k))
        .map(|k| page.content(k))
        .collect();
    // The title and the block under it (subtitles, issuer): a site copies
    // them above the document.
    let block: Vec<&str> = std::iter::once(title_text.as_str())
        .chain(
            (last + 1..anchor.min(last + 1 + BLOCK_MAX_LINES))
                .filter(|&k| !page.is_blank(k))
                .map(|k| page.content(k)),
        )
        .collect();
    mark_site_lines(page, draft, start..title_line, Some(&block));
    // Copies of the title between it and the anchor are the site's too.
    for k in last + 1..anchor.min(last + 1 + BLOCK_MAX_LINES) {
        // A copy of the title, or of a line the site put above it (the page
        // headline between the title and the body).
        let copy = !page.is_blank(k)
            && (is_close_copy(page.content(k), &title_text)
                || (start.max(title_line.saturating_sub(PRELUDE_COPY_MAX_LINES))..title_line).any(
                    |h| {
                        matches!(draft.get(h), LineKind::Noise(_))
                            && is_close_copy(page.content(k), page.content(h))
                    },
                ));
        // Elements (the 发文字号 an index block also shows) stay the document's.
        if copy && !matches!(draft.get(k), LineKind::Noise(_) | LineKind::Meta(_)) {
            draft.set(k, LineKind::Noise(NoiseKind::RepeatedTitle));
        }
    }
    Document {
        start,
        front: start,
        title: TitleChoice::At(title_line),
    }
}

/// The first line of `range` from which the document's own lines follow (the
/// last site line of the range, plus one), or the range's start.
fn first_after_site(page: &Page<'_>, draft: &Draft<'_>, range: std::ops::Range<usize>) -> usize {
    range
        .clone()
        .rev()
        .find(|&k| !page.is_blank(k) && matches!(draft.get(k), LineKind::Noise(_)))
        .map_or(range.start, |k| k + 1)
}

/// Whether line `i` is the first line of document text: a numbered heading,
/// a field of a meeting record, a greeting, a 主送机关, or a sentence — one
/// that the site's lines do not follow (a summary of the document in a
/// viewer is followed by its prompts).
fn is_anchor(page: &Page<'_>, draft: &Draft<'_>, i: usize, end: usize) -> bool {
    if !is_document_text(page, draft.get(i), i) {
        return false;
    }
    match page.next_nonblank(i) {
        Some(j) if j < end => !matches!(
            draft.get(j),
            LineKind::Noise(NoiseKind::WebChrome | NoiseKind::Metadata)
        ),
        _ => true,
    }
}

/// Whether line `i` is text only the document's author writes.
fn is_document_text(page: &Page<'_>, kind: LineKind, i: usize) -> bool {
    let c = page.content(i);
    match kind {
        LineKind::Heading(Some(_)) => true,
        LineKind::Meta(MetaKind::Field) => !has_iso_date(c),
        LineKind::Body => {
            let n = char_len(c);
            is_greeting(c)
                || is_addressee_line(c)
                || ((ends_sentence(c) || c.contains('。')) && n >= SENTENCE_MIN_CHARS)
                || (n >= WRAPPED_TEXT_MIN_CHARS && (c.contains('，') || c.contains(',')))
        }
        _ => false,
    }
}

/// A 主送机关 on one line: organs, then a colon.
fn is_addressee_line(c: &str) -> bool {
    (c.ends_with('：') || c.ends_with(':'))
        && char_len(c) <= ADDRESSEE_MAX_CHARS
        && !c.contains('。')
        && !is_lead_in(c)
        && names_an_organ(c)
}

/// A date written the way sites stamp pages (`2021-08-31`), not the way a
/// document dates itself (`2021年8月31日`).
fn has_iso_date(c: &str) -> bool {
    let b = c.as_bytes();
    b.windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
            && w[8..10].iter().all(u8::is_ascii_digit)
    })
}

/// Whether a line can be a document's title: title-like body text that is
/// not the site's (a collection headline), nor a name or a section label.
fn is_title_candidate(page: &Page<'_>, kind: LineKind, i: usize) -> bool {
    let c = page.content(i);
    title_like(page, kind, i) && !chrome::is_collection_headline(c) && !element::is_issuer_mark(c)
}

/// The first line of the title that stands directly above `range.end` (the
/// anchor): only blank lines, subtitles (`——…`, dates, speakers), elements
/// and the copies of the page headline may stand between them.
fn title_above(
    page: &Page<'_>,
    draft: &Draft<'_>,
    range: std::ops::Range<usize>,
    candidate: &dyn Fn(&Draft<'_>, usize) -> bool,
) -> Option<usize> {
    let mut k = prev_in(page, range.end, range.start)?;
    let mut under_dash = false;
    loop {
        let c = page.content(k);
        let kind = draft.get(k);
        let above = prev_in(page, k, range.start);
        let skip = match kind {
            LineKind::Meta(_) | LineKind::Subtitle => true,
            // What a conversion leaves (`<!-- … -->`, page numbers).
            LineKind::Noise(NoiseKind::Markup | NoiseKind::PageNumber) => true,
            _ if is_subtitle_pattern(c) => {
                under_dash |= is_dash_line(c);
                true
            }
            // A speaker or a section label; above a `——…` line stands the title.
            LineKind::Body if !under_dash && is_name_line(c) => true,
            // `(运营项目现场)管理制度` under a title: a qualifier.
            LineKind::Body
                if c.starts_with(['（', '(']) && above.is_some_and(|a| candidate(draft, a)) =>
            {
                true
            }
            // A speaker or an office under a `——…` line (`国务院总理`).
            LineKind::Body if above.is_some_and(|a| is_dash_line(page.content(a))) => true,
            // An organ, an office or a group under a title that names its
            // type (`中国人民银行某某分行` / `货币政策分析小组`).
            LineKind::Body
                if !under_dash
                    && candidate(draft, k)
                    && !ends_title(c)
                    && names_type_above(page, draft, k, range.start, candidate) =>
            {
                true
            }
            _ => false,
        };
        if !skip {
            break;
        }
        k = above?;
    }
    if !candidate(draft, k) {
        return None;
    }
    // A title over several lines: the earlier lines whose run covers `k`
    // (never a collection's separator: it stands alone or is the title).
    let mut first = k;
    while let Some(p) = prev_in(page, first, range.start) {
        let separator = p == range.start && chrome::collection_separator(page.content(p)).is_some();
        // A copy of a line below (the site repeating the subtitle) starts the
        // site's block, not the title.
        let copy_of_block = (k + 1..range.end.min(k + 1 + BLOCK_MAX_LINES))
            .any(|b| !page.is_blank(b) && is_close_copy(page.content(p), page.content(b)));
        if p + TITLE_LINE_GAP < first || separator || copy_of_block || !candidate(draft, p) {
            break;
        }
        let mut probe = Draft::new(draft.base(), p..page.len().min(p + PROBE_LINES));
        if take_title(page, &mut probe, p) < k {
            break;
        }
        first = p;
    }
    // The page headline repeated between the title and the body: a proper
    // title (关于…的请示) directly above a copy of the headline wins.
    if let Some(p) = prev_in(page, first, range.start) {
        let here = page.content(first);
        let copy_of_headline = (range.start..p).any(|h| is_copy(page.content(h), here) && h < p);
        if copy_of_headline
            && p + 2 >= first
            && candidate(draft, p)
            && page.content(p).contains("关于")
            && ends_title(page.content(p))
        {
            return Some(p);
        }
    }
    Some(first)
}

/// Whether a title line naming a document type stands a little above line
/// `k`, with only other title-like and name lines between.
fn names_type_above(
    page: &Page<'_>,
    draft: &Draft<'_>,
    k: usize,
    from: usize,
    candidate: &dyn Fn(&Draft<'_>, usize) -> bool,
) -> bool {
    let mut a = k;
    while let Some(p) = prev_in(page, a, from) {
        if p + TITLE_LINE_GAP < k {
            return false;
        }
        let c = page.content(p);
        if candidate(draft, p) && ends_title(c) {
            return true;
        }
        if !(candidate(draft, p) || is_name_line(c)) {
            return false;
        }
        a = p;
    }
    false
}

/// A `——2024年3月5日在…上` line under a title (not a rule `---`).
fn is_dash_line(c: &str) -> bool {
    (c.starts_with('—') || c.starts_with("--"))
        && c.trim_start_matches(['—', '-', ' '])
            .chars()
            .next()
            .is_some_and(|ch| !ch.is_ascii_punctuation())
}

/// The first line of the paragraph that line `i` is part of: a line that
/// opens with punctuation (`。会议…`, Wikisource splits sentences at links)
/// or whose previous line runs on into it (a hard-wrapped 主送机关) belongs
/// with the lines above.
fn paragraph_start(
    page: &Page<'_>,
    kinds: impl Fn(usize) -> LineKind,
    i: usize,
    from: usize,
) -> usize {
    let chain = starts_with_punctuation(page.content(i));
    let mut a = i;
    while let Some(p) = prev_in(page, a, from) {
        let joined = p + 2 >= a && (p + 1 == a || !page.is_empty(p + 1));
        let prev = page.content(p);
        let runs_on = kinds(p) == LineKind::Body
            && !ends_sentence(prev)
            && !is_subtitle_pattern(prev)
            && (chain || (prev.contains(['，', '；']) && char_len(prev) >= WRAPPED_LIST_MIN_CHARS));
        if !(joined && runs_on) {
            break;
        }
        a = p;
    }
    a
}

/// Whether `s` opens with punctuation that cannot start a sentence.
fn starts_with_punctuation(s: &str) -> bool {
    s.starts_with([
        '，', '。', '、', '；', '：', '）', '》', '”', ',', '.', ';', ':', ')',
    ])
}

/// The last non-blank line before `i`, at or after `from`.
fn prev_in(page: &Page<'_>, i: usize, from: usize) -> Option<usize> {
    page.prev_nonblank(i).filter(|&p| p >= from)
}

/// A speaker's name or a section label (`寒月`, `引言`), or an office and a
/// name (`国务院总理 温家宝`): short, without punctuation, naming no document
/// type.
fn is_name_line(c: &str) -> bool {
    let n = char_len(c);
    if ends_title(c) || ends_sentence(c) || c.contains(['，', ',', '。', '：', ':']) {
        return false;
    }
    // Counted without white space: `习　近　平` is three characters.
    if c.chars().filter(|ch| !is_space(*ch)).count() <= NAME_LINE_MAX_CHARS {
        return true;
    }
    // `国务院总理 温家宝`, `省长　李炳军`: an office, then a name of 2–4.
    let mut parts = c.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
    let (Some(office), Some(name), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    n <= OFFICE_LINE_MAX_CHARS
        && (2..=NAME_LINE_MAX_CHARS).contains(&char_len(name))
        && char_len(office) <= OFFICE_LINE_MAX_CHARS - 4
        && !c.contains('《')
}

/// Whether `line` copies (or is copied by) the title: one contains the other
/// once white space, markup and bracket widths are set aside.
fn is_copy(line: &str, title: &str) -> bool {
    let a = comparable_string(line);
    let b = comparable_string(title);
    char_len(&a) >= COPY_MIN_CHARS
        && char_len(&b) >= COPY_MIN_CHARS
        && (a.contains(&b) || b.contains(&a))
}

/// Whether `line` is the title again, give or take a few characters (a
/// subtitle that cites the title in a sentence is no copy).
fn is_close_copy(line: &str, title: &str) -> bool {
    let (a, b) = (
        char_len(&comparable_string(line)),
        char_len(&comparable_string(title)),
    );
    is_copy(line, title) && a.abs_diff(b) <= CLOSE_COPY_MAX_DIFF
}

/// Whether the lines hold evidence of a site: chrome, or a line that
/// separates the documents of a collection.
fn has_site_lines(page: &Page<'_>, draft: &Draft<'_>, range: std::ops::Range<usize>) -> bool {
    range.into_iter().any(|k| {
        !page.is_blank(k)
            && matches!(
                draft.get(k),
                LineKind::Noise(NoiseKind::WebChrome | NoiseKind::Metadata)
            )
    })
}

/// Marks the site's lines above a document's title (or above its first text
/// when it has none): when the range holds site chrome or a copy of the
/// title, every line up to the last of those is the site's, except the
/// document's elements (发文字号, 签发人…); lines after it (a bulletin's
/// masthead) are left to the front matter.
fn mark_site_lines(
    page: &Page<'_>,
    draft: &mut Draft<'_>,
    range: std::ops::Range<usize>,
    title: Option<&[&str]>,
) {
    // A copy of the title (a headline, a breadcrumb holding it), or of a
    // line under it, give or take a few characters.
    let copies = |k: usize| {
        title.is_some_and(|b| {
            b.iter().enumerate().any(|(n, t)| {
                if n == 0 {
                    is_copy(page.content(k), t)
                } else {
                    is_close_copy(page.content(k), t)
                }
            })
        })
    };
    let site = |draft: &Draft<'_>, k: usize| {
        !page.is_blank(k)
            && (matches!(
                draft.get(k),
                LineKind::Noise(NoiseKind::WebChrome | NoiseKind::Metadata)
            ) || copies(k)
                || chrome::collection_separator(page.content(k)).is_some()
                || (matches!(draft.get(k), LineKind::Meta(MetaKind::Field))
                    && has_iso_date(page.content(k))))
    };
    let Some(last) = range.clone().rev().find(|&k| site(draft, k)) else {
        return;
    };
    for k in range.start..=last {
        if page.is_blank(k) {
            continue;
        }
        let kind = draft.get(k);
        let element = matches!(kind, LineKind::Meta(m) if m != MetaKind::Field)
            || element::is_issuer_mark(page.content(k));
        if site(draft, k) || !element {
            let noise = if copies(k) {
                NoiseKind::RepeatedTitle
            } else {
                match kind {
                    LineKind::Noise(n) => n,
                    _ => NoiseKind::WebChrome,
                }
            };
            draft.set(k, LineKind::Noise(noise));
        }
    }
}
