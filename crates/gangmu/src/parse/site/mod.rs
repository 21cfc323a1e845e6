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

mod collection;
mod headline;

use collection::*;
use headline::*;

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
