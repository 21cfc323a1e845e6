//! Stage 4, hard wraps: whether the text was hard-wrapped (PDF extraction,
//! fixed-width plain text), and which lines join into one paragraph.

use crate::text::{char_len, ends_sentence};

use super::{LineKind, Page};

/// A document is hard-wrapped when it has at least this many lines of text…
const MIN_TEXT_LINES: usize = 10;

/// …and more than one in this many of them run on into the next line (no
/// sentence end, the next line not blank): PDF extractions such as
/// notice_pboc_yinfa_2021_259_pdf wrap most lines; typed text wraps none.
const RUN_ON_SHARE_DENOMINATOR: usize = 4;

/// A line this short that does not end a sentence is a heading or a label,
/// not a wrapped line.
const RUN_ON_MIN_CHARS: usize = 15;

/// What the hard-wrap stage found.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Wrapping {
    /// The text is hard-wrapped: a short line between two paragraphs is then
    /// no evidence of an unnumbered heading.
    pub hard_wrapped: bool,
}

/// Measures how many lines of text run on into the next.
pub(crate) fn measure(page: &Page<'_>, kinds: &[LineKind]) -> Wrapping {
    let mut text_lines = 0usize;
    let mut run_on = 0usize;
    for (i, kind) in kinds.iter().enumerate() {
        if !matches!(kind, LineKind::Body | LineKind::Heading(_)) {
            continue;
        }
        text_lines += 1;
        let next_adjacent = i + 1 < page.len() && !page.is_blank(i + 1);
        let c = page.content(i);
        if next_adjacent && !ends_sentence(c) && char_len(c) >= RUN_ON_MIN_CHARS {
            run_on += 1;
        }
    }
    Wrapping {
        hard_wrapped: text_lines >= MIN_TEXT_LINES
            && run_on * RUN_ON_SHARE_DENOMINATOR > text_lines,
    }
}

/// The last line of the paragraph that starts at line `i`: lines join while a
/// line does not end a sentence and the next is body text without a glued
/// page number. A line of zero-width characters between the two halves of a
/// sentence (Wikisource) joins them too.
pub(crate) fn paragraph_end(page: &Page<'_>, kinds: impl Fn(usize) -> LineKind, i: usize) -> usize {
    let mut j = i;
    loop {
        if ends_sentence(page.content(j)) {
            return j;
        }
        let k = if j + 2 < page.len() && page.is_blank(j + 1) && !page.is_empty(j + 1) {
            j + 2
        } else {
            j + 1
        };
        if k < page.len()
            && !page.is_blank(k)
            && kinds(k) == LineKind::Body
            && page.lines[k].page_prefix.is_none()
        {
            j = k;
        } else {
            return j;
        }
    }
}
