//! Stage 3, tables of contents: a run of headings at the head of a document
//! (or of a long plan) whose entries the body repeats. The heading lines in
//! the body stay headings; the run becomes noise.

use std::collections::HashMap;

use crate::marker::{Marker, MarkerFamily};
use crate::text::{char_len, comparable, comparable_hash, ends_sentence};
use crate::tree::NoiseKind;

use super::{LineKind, Page};

/// A table of contents lists at least this many headings in a row (with only
/// blank lines between): two headings in a row are a heading and its first
/// sub-heading (pdf_hard_wrapped_with_toc).
const MIN_ENTRIES: usize = 3;

/// An entry is a short line without a sentence end: a run-in heading
/// (`（一）目的。正文…`) is body, not an entry.
const ENTRY_MAX_CHARS: usize = 40;

/// A table of contents under a `目录` header lists at most this many entries.
const HEADED_MAX_ENTRIES: usize = 200;

/// The lines of the table of contents that follows a `目录` header: its
/// entries (short lines without a sentence end, with or without markers and
/// page numbers) up to the line where the body repeats the first entry, or
/// up to the first sentence. Page numbers between the entries are noise
/// already.
pub(crate) fn headed_tables_of_contents(page: &Page<'_>, kinds: &[LineKind]) -> Vec<usize> {
    let mut out = Vec::new();
    for h in 0..page.len() {
        if kinds[h] != LineKind::Noise(NoiseKind::TableOfContents)
            || !is_toc_header(page.content(h))
        {
            continue;
        }
        let mut entries: Vec<usize> = Vec::new();
        let mut repeated = false;
        let mut k = h + 1;
        while k < page.len() && entries.len() < HEADED_MAX_ENTRIES {
            let c = page.content(k);
            match kinds[k] {
                LineKind::Blank
                | LineKind::Noise(NoiseKind::PageNumber | NoiseKind::TableOfContents) => {
                    k += 1;
                    continue;
                }
                LineKind::Body | LineKind::Heading(_) => {}
                _ => break,
            }
            if entries
                .iter()
                .any(|&e| comparable(page.content(e)).eq(comparable(c)))
            {
                repeated = true;
                break;
            }
            // An entry names a part; a line with clause punctuation is text.
            if ends_sentence(c)
                || char_len(c) > ENTRY_MAX_CHARS + 10
                || c.contains(['，', '、', '；', '。', '：', ','])
            {
                break;
            }
            entries.push(k);
            k += 1;
        }
        // Two entries and the body repeating one, or entries with page
        // numbers between them.
        let numbered = (h + 1..k).any(|j| kinds[j] == LineKind::Noise(NoiseKind::PageNumber));
        if entries.len() >= 2 && (repeated || numbered) {
            out.extend(entries);
        }
    }
    out
}

/// `目录`, `目　录`.
fn is_toc_header(c: &str) -> bool {
    comparable(c).eq("目录".chars())
}

/// The lines of every table of contents made of heading lines, in order.
///
/// A run of [`MIN_ENTRIES`] or more marker lines with nothing but blank lines
/// between them, none a 第X条 (articles are body, not entries), whose first
/// entry appears again later as a heading, is a table of contents. Tables
/// with dot leaders and page numbers are recognised line by line by the
/// line-classes stage.
pub(crate) fn tables_of_contents(
    page: &Page<'_>,
    kinds: &[LineKind],
    markers: &[Marker],
) -> Vec<usize> {
    let n = page.len();
    let numbered = |k: usize| match kinds[k] {
        LineKind::Heading(Some(m)) => Some(m.get(markers)),
        _ => None,
    };
    let mut out = Vec::new();
    // The last line where each heading text occurs: one pass, so that the
    // check below stays linear.
    let mut last_seen: Option<HashMap<u64, usize>> = None;
    let mut i = 0;
    while i < n {
        if numbered(i).is_none() {
            i += 1;
            continue;
        }
        let next_is_heading = page.next_nonblank(i).is_some_and(|k| numbered(k).is_some());
        if !next_is_heading {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let first = comparable(page.content(i));
        let mut j = i + 1;
        while j < n {
            if kinds[j] == LineKind::Blank {
                j += 1;
                continue;
            }
            let entry = numbered(j).is_some_and(|m| {
                let c = page.content(j);
                !ends_sentence(c)
                    && char_len(c) <= ENTRY_MAX_CHARS
                    && m.family != MarkerFamily::Article
                    && comparable(c).ne(first.clone())
            });
            if !entry {
                break;
            }
            run.push(j);
            j += 1;
        }
        if run.len() >= MIN_ENTRIES {
            // Built on the first run only (most documents have none).
            // Keyed by a hash of the comparable text; a hit is checked on
            // the text itself, and a collision falls back to a scan.
            let seen = last_seen.get_or_insert_with(|| {
                let mut m = HashMap::new();
                for k in 0..n {
                    if numbered(k).is_some() {
                        m.insert(comparable_hash(page.content(k)), k);
                    }
                }
                m
            });
            let same = |k: usize| comparable(page.content(k)).eq(first.clone());
            let last = match seen.get(&comparable_hash(page.content(i))) {
                Some(&k) if same(k) => Some(k),
                Some(_) => (0..n).rev().find(|&k| numbered(k).is_some() && same(k)),
                None => None,
            };
            if last.is_some_and(|k| k >= j) {
                out.extend_from_slice(&run);
            }
        }
        i = j.max(i + 1);
    }
    out
}
