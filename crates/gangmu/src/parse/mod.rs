//! The document parser: a pipeline of named stages, each a function whose
//! parameters say what it reads and whose result says what it decides.
//!
//! | stage | reads | decides |
//! |---|---|---|
//! | [`lines`] | the text | lines and their content (indentation, markup, glued page numbers stripped) |
//! | [`classify`] | each line alone | its class: blank, noise, element, marker (nom grammar), text |
//! | [`toc`] | classes | which runs of headings are a table of contents |
//! | [`wrap`] | classes | whether the text is hard-wrapped (and, later, which lines join) |
//! | [`front`] | classes | the front matter: title, subtitles, 令 header, 主送机关; where the body starts |
//! | [`segment`] | kinds so far | attachments (附件) and each segment's end matter (署名, 成文日期, 抄送) |
//! | [`body`] | kinds so far | which marker lines are headings, unnumbered headings, 附件说明 |
//! | [`depth`] | headings | each heading's depth, from the document's own evidence |
//! | [`build`] | kinds, depths | the tree, with an explicit stack of open sections |
//! | [`enumerations`] | paragraphs | inline enumerations (一是…二是…) inside them |
//!
//! [`parse_document_with`] adds evidence from outside the text (a .docx's
//! styles, [`evidence`]): header and footer lines are noise after stage 2, a
//! `Title`-styled line can be the title in the front matter, a heading-styled
//! line is a heading in the body and its outline level orders it among the
//! depths; the notes after the body are left out of the last document — never
//! against a clear marker.
//!
//! Every stage is linear in the number of lines; none recurses on input depth.
//! The stages emit structure only: findings about the input (web noise,
//! truncation) come from the linter, derived from the tree.

use crate::enumeration::InlineMarker;
use crate::marker::Marker;
use crate::tree::{Document, MetaKind, NoiseKind};

mod body;
mod build;
mod classify;
mod depth;
mod enumerations;
mod evidence;
mod front;
mod lines;
mod segment;
mod site;
mod title;
mod toc;
mod wrap;

pub use classify::parse_marker;
pub(crate) use evidence::LineHint;
pub(crate) use lines::{line_at, line_bounds, line_ending_at, Line};

/// Parses `text` into the tree and hands over what the linter reuses.
///
/// The recipe, in order; each stage's decisions are applied here and nowhere
/// else.
pub(crate) fn parse_structure(text: &str) -> (Document, Handover) {
    run(text, &[], true)
}

/// The tree alone, with evidence from outside the text: `hints[k]` is what
/// the source (a .docx's styles) says about the k-th line of `text` split at
/// `\n`. Evidence never overrides a clear marker; no hints, the parse of the
/// text alone. Nothing is kept for a linter.
pub(crate) fn parse_document_with(text: &str, hints: &[LineHint]) -> Document {
    run(text, hints, false).0
}

/// The recipe; `handover`: whether to keep what the linter reuses (the
/// inline markers of every paragraph, a tenth of a heading-dense tree's
/// memory), or an empty [`Handover`].
fn run(text: &str, hints: &[LineHint], handover: bool) -> (Document, Handover) {
    // 1–2. Lines, and what each line is on its own; headers and footers of
    // the source are noise.
    let page = Page::new(text);
    let hints = evidence::Hints::for_page(&page, hints);
    let classify::Classes { mut kinds, markers } = classify::classify(&page);
    let noise = evidence::noise(&hints, &kinds);
    apply(&mut kinds, noise);
    // 3. Tables of contents: runs of headings that the body repeats.
    let tocs = toc::tables_of_contents(&page, &kinds, &markers);
    let headed = toc::headed_tables_of_contents(&page, &kinds);
    for i in tocs.into_iter().chain(headed) {
        kinds[i] = LineKind::Noise(NoiseKind::TableOfContents);
    }
    // 4. Hard wraps.
    let wrapping = wrap::measure(&page, &kinds);
    // 5. The site's lines and the documents of the page; then, document by
    // document, its front matter,
    let layout = site::layout(&page, &kinds);
    apply(&mut kinds, layout.decisions);
    let mut segments = Segments::default();
    let mut seen_heading = false;
    // The notes, headers and footers of a source come after its text.
    let story_end = layout.documents.last().map_or(page.len(), |d| {
        hints.story_end(&page).max(d.front).max(d.start)
    });
    let ends = layout
        .documents
        .iter()
        .skip(1)
        .map(|d| d.start)
        .chain([story_end]);
    for (doc, end) in layout.documents.iter().zip(ends) {
        segments.starts.push(doc.start);
        segments.documents.push(doc.start);
        let front = front::front_matter(&page, &kinds, doc.front..end, doc.title, &hints);
        apply(&mut kinds, front.decisions);
        seen_heading |=
            (doc.start..front.body_start).any(|k| matches!(kinds[k], LineKind::Heading(_)));
        // 6. its attachments, each segment's end matter, and
        // 7. the headings of each segment's body.
        let attachments = segment::attachments(&page, &kinds, front.body_start..end);
        apply(&mut kinds, attachments.decisions);
        segments.starts.extend_from_slice(&attachments.starts);
        segments.attachments.extend_from_slice(&attachments.starts);
        for (start, limit) in segment::bounds(front.body_start, &attachments.starts, end) {
            let end_matter = segment::end_matter(&page, &kinds, start, limit);
            let body_end = end_matter.as_ref().map_or(limit, |e| e.start);
            if let Some(e) = end_matter {
                segments.end_matters.push(e.start);
                apply(&mut kinds, e.decisions);
            }
            let body = body::headings(
                &page,
                &kinds,
                &markers,
                &wrapping,
                &hints,
                start..body_end,
                seen_heading,
            );
            seen_heading = body.seen_heading;
            apply(&mut kinds, body.decisions);
        }
    }
    // 8. Depths, per segment.
    let depths = depth::depths(&page, &kinds, &markers, &hints, &segments.starts);
    // 9. The tree.
    let tree = build::tree(&page, &kinds, &markers, &depths, &segments);
    // What the stages decided is in the tree now: freed before the last
    // stage allocates, it does not add to the parse's peak memory.
    drop((
        page,
        hints,
        kinds,
        markers,
        wrapping,
        layout.documents,
        depths,
        segments,
    ));
    let mut children = tree.nodes;
    // 10. Inline enumerations inside paragraphs.
    let paragraph_markers =
        enumerations::enumerations(text, &mut children, &tree.paragraphs, handover);
    (
        Document::new(text.len(), children, Vec::new()),
        Handover { paragraph_markers },
    )
}

/// Where the parts of a page start: the segments whose headings are counted
/// apart (each document of a collection, each attachment), and the lines
/// where the tree opens a container or closes the sections.
#[derive(Debug, Default)]
pub(crate) struct Segments {
    /// First line of every segment, in order (the first is 0).
    pub starts: Vec<usize>,
    /// First line of each document of the page (one on most pages).
    pub documents: Vec<usize>,
    /// First line of each attachment (附件).
    pub attachments: Vec<usize>,
    /// First line of each end matter (署名, 成文日期…).
    pub end_matters: Vec<usize>,
}

/// What the linter reuses from a parse instead of computing it again.
#[derive(Debug, Default)]
pub(crate) struct Handover {
    /// The inline markers of every paragraph: (paragraph start, the markers of
    /// [`crate::find_inline_markers`] over the paragraph's text), in document
    /// order, one entry per paragraph.
    pub paragraph_markers: ParagraphMarkers,
}

/// See [`Handover::paragraph_markers`].
pub(crate) type ParagraphMarkers = Vec<(usize, Vec<InlineMarker>)>;

/// What a line is, once decided. Small and `Copy`: a heading's marker is
/// held once, in [`classify::Classes::markers`], and named by its index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    Noise(NoiseKind),
    Meta(MetaKind),
    Title,
    Continuation,
    Subtitle,
    /// A heading: numbered (with its marker) or unnumbered.
    Heading(Option<MarkerId>),
    /// Body text.
    Body,
}

/// Index of a marker in [`classify::Classes::markers`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MarkerId(u32);

impl MarkerId {
    /// The marker this names.
    pub fn get(self, markers: &[Marker]) -> &Marker {
        &markers[self.0 as usize]
    }
}

/// The input as lines.
pub(crate) struct Page<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
}

impl<'a> Page<'a> {
    fn new(text: &'a str) -> Self {
        Page {
            text,
            lines: lines::split_lines(text),
        }
    }

    /// Number of lines (an empty text has one, empty, line).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Line `i`'s content: its text without indentation, markup and white
    /// space around it.
    pub fn content(&self, i: usize) -> &'a str {
        self.lines[i].content(self.text)
    }

    /// Whether line `i` is blank.
    pub fn is_blank(&self, i: usize) -> bool {
        self.lines[i].is_blank()
    }

    /// Whether line `i` is blank with nothing but ordinary white space (no
    /// zero-width characters).
    pub fn is_empty(&self, i: usize) -> bool {
        self.lines[i].is_empty_in(self.text)
    }

    /// The first non-blank line at or after `i`.
    pub fn next_nonblank_from(&self, i: usize) -> Option<usize> {
        (i..self.lines.len()).find(|&j| !self.lines[j].is_blank())
    }

    /// The first non-blank line after `i`.
    pub fn next_nonblank(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank())
    }

    /// The last non-blank line before `i`.
    pub fn prev_nonblank(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.lines[j].is_blank())
    }
}

/// The kinds of lines a stage decided: (line, kind), in line order.
pub(crate) type Decisions = Vec<(usize, LineKind)>;

fn apply(kinds: &mut [LineKind], decisions: Decisions) {
    for (i, k) in decisions {
        kinds[i] = k;
    }
}

/// The kinds a stage reads, with its own decisions so far on top: a stage
/// that decides line after line sees what it decided before. Only lines in
/// the window (the range the stage may decide) can change.
pub(crate) struct Draft<'k> {
    base: &'k [LineKind],
    start: usize,
    window: Vec<LineKind>,
}

impl<'k> Draft<'k> {
    /// A draft over `base` in which the lines `range` may be decided.
    pub fn new(base: &'k [LineKind], range: std::ops::Range<usize>) -> Self {
        let end = range.end.min(base.len());
        let range = range.start.min(end)..end;
        Draft {
            base,
            start: range.start,
            window: base[range].to_vec(),
        }
    }

    /// Line `i`'s kind, as decided so far.
    pub fn get(&self, i: usize) -> LineKind {
        match i.checked_sub(self.start) {
            Some(k) if k < self.window.len() => self.window[k],
            _ => self.base[i],
        }
    }

    /// Decides line `i` (inside the window).
    pub fn set(&mut self, i: usize, kind: LineKind) {
        let slot = i
            .checked_sub(self.start)
            .and_then(|k| self.window.get_mut(k));
        debug_assert!(slot.is_some(), "line {i} is outside the draft's window");
        if let Some(slot) = slot {
            *slot = kind;
        }
    }

    /// One past the last line this draft may decide.
    pub fn end(&self) -> usize {
        self.start + self.window.len()
    }

    /// The kinds under this draft, without its decisions.
    pub fn base(&self) -> &'k [LineKind] {
        self.base
    }

    /// The lines whose kind this draft changed.
    pub fn into_decisions(self) -> Decisions {
        let base = &self.base[self.start..self.start + self.window.len()];
        self.window
            .into_iter()
            .zip(base)
            .enumerate()
            .filter(|(_, (new, old))| new != *old)
            .map(|(k, (new, _))| (self.start + k, new))
            .collect()
    }
}

#[cfg(test)]
mod tests;
