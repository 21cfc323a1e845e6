//! Stage 6, segments: the attachments (附件) after the main document, each
//! with its own title and headings, and the end matter that closes each
//! segment (发文机关署名, 成文日期, 附注, 抄送, 印发).

use crate::element;
use crate::text::{char_len, ends_sentence, ends_title, is_space, ORGAN_SUFFIXES};
use crate::tree::MetaKind;

use super::title::{take_title, title_like};
use super::{Decisions, Draft, LineKind, Page};

/// The end matter is looked for among the last this many non-blank lines of
/// a segment (signature, date, 附注…).
const END_MATTER_MAX_LINES: usize = 6;

/// A parenthesised line after the body (`（此件公开发布）`, a 附注) is at most
/// this long.
const NOTE_MAX_CHARS: usize = 40;

/// A signature (发文机关署名) spans at most this many lines above the date
/// (joint documents sign with several organs, one a line)…
const SIGNATURE_MAX_LINES: usize = 12;

/// …each at most this long, without sentence punctuation.
const SIGNATURE_MAX_CHARS: usize = 30;

/// An organ name in a joint signature line is this long (`公安部` …
/// `国家金融监督管理总局`).
const ORGAN_NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=14;

/// What the attachments stage decided.
pub(crate) struct Attachments {
    /// The 附件 label lines and the titles under them.
    pub decisions: Decisions,
    /// The first line of each attachment, in order.
    pub starts: Vec<usize>,
}

/// Finds the lines of `range` (a document's body) that open an attachment
/// (`附件` or `附件2：` alone, then a title), and their titles.
pub(crate) fn attachments(
    page: &Page<'_>,
    kinds: &[LineKind],
    range: std::ops::Range<usize>,
) -> Attachments {
    let n = range.end;
    let mut draft = Draft::new(kinds, range.clone());
    let mut starts = Vec::new();
    let mut i = range.start;
    while i < n {
        if draft.get(i) == LineKind::Body {
            let c = page.content(i);
            if element::is_attachment_note(c)
                && c.starts_with("附件")
                && attachment_rest(c).is_empty()
            {
                if let Some(t) = page.next_nonblank(i).filter(|&t| t < n) {
                    if title_like(page, draft.get(t), t)
                        && page.next_nonblank(t).is_some_and(|b| b < n)
                    {
                        draft.set(i, LineKind::Meta(MetaKind::AttachmentNote));
                        starts.push(i);
                        i = take_title(page, &mut draft, t) + 1;
                        continue;
                    }
                }
            } else if implicit_attachment(page, &draft, i, n) {
                starts.push(i);
                i = take_title(page, &mut draft, i) + 1;
                continue;
            }
        }
        i += 1;
    }
    Attachments {
        decisions: draft.into_decisions(),
        starts,
    }
}

/// A document that follows the date of the one before without a `附件`
/// label (a notice that publishes a plan, then the plan): a title naming a
/// document type, directly under a date line, followed by headings or text.
fn implicit_attachment(page: &Page<'_>, draft: &Draft<'_>, i: usize, end: usize) -> bool {
    let c = page.content(i);
    let after_date = page
        .prev_nonblank(i)
        .is_some_and(|p| element::is_date(page.content(p)));
    if !after_date
        || !title_like(page, draft.get(i), i)
        || c.starts_with(['（', '('])
        || !ends_title(c)
    {
        return false;
    }
    let Some(next) = page.next_nonblank(i).filter(|&k| k < end) else {
        return false;
    };
    matches!(draft.get(next), LineKind::Heading(Some(_)))
        || (draft.get(next) == LineKind::Body
            && char_len(page.content(next)) >= IMPLICIT_BODY_MIN_CHARS)
}

/// The text under an implicit attachment's title is at least this long (a
/// paragraph, not a note).
const IMPLICIT_BODY_MIN_CHARS: usize = 20;

/// The segments of a document's body: (first line, end) of the main text
/// from `body_start`, then of each attachment, up to `end`.
pub(crate) fn bounds(body_start: usize, attachments: &[usize], end: usize) -> Vec<(usize, usize)> {
    let mut b = vec![body_start];
    b.extend_from_slice(attachments);
    b.push(end);
    b.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The end matter of one segment.
pub(crate) struct EndMatter {
    /// Its first line.
    pub start: usize,
    /// The kinds of its lines (署名, 成文日期, 附注).
    pub decisions: Decisions,
}

/// Finds the end matter that closes the lines `start..limit`: a date among
/// the last lines (with the signature lines above it and notes after it), or
/// a last line naming organs side by side (a joint signature without date).
pub(crate) fn end_matter(
    page: &Page<'_>,
    kinds: &[LineKind],
    start: usize,
    limit: usize,
) -> Option<EndMatter> {
    let mut draft = Draft::new(kinds, start..limit);
    let first = read(page, &mut draft, start, limit)?;
    Some(EndMatter {
        start: first,
        decisions: draft.into_decisions(),
    })
}

fn read(page: &Page<'_>, draft: &mut Draft<'_>, start: usize, limit: usize) -> Option<usize> {
    let mut j = limit;
    let mut seen = 0;
    let mut date_at = None;
    while j > start {
        j -= 1;
        match draft.get(j) {
            LineKind::Blank | LineKind::Noise(_) => continue,
            LineKind::Meta(MetaKind::Cc | MetaKind::Issued) => {
                seen += 1;
                continue;
            }
            _ => {}
        }
        let c = page.content(j);
        seen += 1;
        if seen > END_MATTER_MAX_LINES {
            break;
        }
        if element::is_date(c) && matches!(draft.get(j), LineKind::Body | LineKind::Meta(_)) {
            date_at = Some(j);
            break;
        }
        let parenthesised = (c.starts_with('（') || c.starts_with('('))
            && (c.ends_with('）') || c.ends_with(')'))
            && char_len(c) <= NOTE_MAX_CHARS;
        if parenthesised && draft.get(j) == LineKind::Body {
            continue;
        }
        break;
    }
    let Some(d) = date_at else {
        // No date: a last line that only names organs, side by side
        // (`中国人民银行  国家发展改革委  公安部`), is still a joint signature.
        let last = (start..limit)
            .rev()
            .find(|&k| !matches!(draft.get(k), LineKind::Blank | LineKind::Noise(_)))?;
        if draft.get(last) == LineKind::Body && names_organs(page.content(last)) {
            draft.set(last, LineKind::Meta(MetaKind::Signature));
            return Some(last);
        }
        return None;
    };
    draft.set(d, LineKind::Meta(MetaKind::Date));
    // Notes after the date.
    for k in d + 1..limit {
        if draft.get(k) == LineKind::Body {
            draft.set(k, LineKind::Meta(MetaKind::Note));
        }
    }
    let mut first = d;
    let mut k = d;
    let mut count = 0;
    while let Some(p) = page.prev_nonblank(k) {
        if p < start || count >= SIGNATURE_MAX_LINES {
            break;
        }
        let c = page.content(p);
        let ok = draft.get(p) == LineKind::Body
            && char_len(c) <= SIGNATURE_MAX_CHARS
            && !ends_sentence(c)
            && !c.contains(['，', '。', '：', ':'])
            && !element::is_attachment_note(c);
        if !ok {
            break;
        }
        draft.set(p, LineKind::Meta(MetaKind::Signature));
        first = p;
        k = p;
        count += 1;
    }
    Some(first)
}

/// Whether a line is two or more organ names separated by white space,
/// possibly followed by the date.
fn names_organs(c: &str) -> bool {
    let mut names: Vec<&str> = c.split(is_space).filter(|t| !t.is_empty()).collect();
    // The date may close the same line: `中国人民银行  公安部  2026年2月6日`.
    if names.last().is_some_and(|t| element::is_date(t)) {
        names.pop();
    }
    names.len() >= 2
        && names.iter().all(|t| {
            ORGAN_NAME_CHARS.contains(&char_len(t))
                && ORGAN_SUFFIXES.iter().any(|s| t.ends_with(s))
                && !t.contains(['，', '。', '、'])
        })
}

/// What follows `附件`, its number and its colon.
pub(crate) fn attachment_rest(c: &str) -> &str {
    c.trim_start_matches("附件")
        .trim_start_matches(|ch: char| {
            ch.is_ascii_digit()
                || is_space(ch)
                || "０１２３４５６７８９一二三四五六七八九十".contains(ch)
        })
        .trim_start_matches(['：', ':'])
        .trim()
}
