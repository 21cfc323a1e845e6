//! What every rule sees: the text, the tree, and flattened views of it
//! (headings with their parents, text blocks, elements), computed once.

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::marker::Marker;
use crate::span::Span;
use crate::tree::{self, Document, MetaKind, Node};

use super::Options;

/// A heading, with the heading of the section that contains it.
#[derive(Clone, Debug)]
pub(crate) struct Heading<'a> {
    /// The heading node's span (line start to heading end).
    pub span: Span,
    pub marker: Option<&'a Marker>,
    pub title: Span,
    pub run_in: bool,
    /// Index (into [`Ctx::headings`]) of the enclosing section's heading.
    pub parent: Option<usize>,
    /// 0 for the main document, k for the k-th attachment.
    pub container: usize,
}

/// Kinds of text block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Title,
    Continuation,
    Subtitle,
    Meta(MetaKind),
    /// A heading: the block starts after the marker.
    Heading,
    Paragraph,
}

/// A block of document text (not noise, not blank), in document order.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// The heading whose section holds the block (for a heading: itself).
    pub heading: Option<usize>,
    pub container: usize,
}

/// An attachment container (附件).
#[derive(Clone, Debug)]
pub(crate) struct Attachment {
    /// Span and cleaned text of its title, if it has one.
    pub title: Option<(Span, String)>,
}

/// The context every rule checks.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    pub options: &'a Options,
    pub headings: Vec<Heading<'a>>,
    pub blocks: Vec<Block>,
    pub attachments: Vec<Attachment>,
    /// The main document's title (span and cleaned text).
    pub title: Option<(Span, &'a str)>,
    /// [`Ctx::text_units`], computed once.
    units: Vec<(usize, Span, &'a str)>,
    /// The characters of the text units other than ideographs (unit-relative
    /// offset, character), all units in one vector, found on first use.
    marks: std::cell::OnceCell<Marks>,
    /// Inline markers the parser found in paragraphs, by paragraph start.
    pub paragraph_markers: crate::parse::ParagraphMarkers,
    /// Inline markers of paragraphs and headings, found on first use and
    /// shared by the ENUM rules.
    inline: std::cell::OnceCell<Vec<super::inline::Found>>,
    /// Document numbers (发文字号) in the text units, found on first use and
    /// shared by the DOCNO rules.
    docnos: std::cell::OnceCell<Vec<(usize, regex::Captures<'a>)>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        doc: &'a Document,
        options: &'a Options,
        paragraph_markers: crate::parse::ParagraphMarkers,
    ) -> Self {
        let mut headings = Vec::new();
        let mut blocks = Vec::new();
        let mut attachments = Vec::new();
        let mut containers = 0;
        let mut title = None;
        // (node, enclosing heading, container)
        let mut stack: Vec<(&'a Node, Option<usize>, usize)> =
            doc.children.iter().rev().map(|n| (n, None, 0)).collect();
        while let Some((node, parent, container)) = stack.pop() {
            let mut block = |kind, span: Span| {
                blocks.push(Block {
                    kind,
                    span,
                    heading: parent,
                    container,
                })
            };
            match node {
                Node::Section(tree::Section { children, .. }) => {
                    let mut rest = children.iter();
                    let mut me = parent;
                    if let Some(Node::Heading(tree::Heading {
                        span: hs,
                        marker,
                        title,
                        run_in,
                        ..
                    })) = children.first()
                    {
                        rest.next();
                        let idx = headings.len();
                        headings.push(Heading {
                            span: *hs,
                            marker: marker.as_deref(),
                            title: *title,
                            run_in: *run_in,
                            parent,
                            container,
                        });
                        let from = marker.as_ref().map_or(title.start, |m| m.span.end);
                        blocks.push(Block {
                            kind: BlockKind::Heading,
                            span: Span::new(from.min(hs.end), hs.end),
                            heading: Some(idx),
                            container,
                        });
                        me = Some(idx);
                    }
                    let rest: Vec<&Node> = rest.collect();
                    for c in rest.into_iter().rev() {
                        stack.push((c, me, container));
                    }
                }
                Node::Attachment(a) => {
                    containers += 1;
                    let t = a.title().map(|t| (t.span, t.text.clone()));
                    attachments.push(Attachment { title: t });
                    for c in a.children.iter().rev() {
                        stack.push((c, None, containers));
                    }
                }
                // Each document of a collection is numbered on its own.
                Node::Entry(e) => {
                    containers += 1;
                    for c in e.children.iter().rev() {
                        stack.push((c, None, containers));
                    }
                }
                Node::Title(t) => {
                    if container == 0 && title.is_none() {
                        title = Some((t.span, t.text.as_str()));
                    }
                    block(BlockKind::Title, t.span);
                }
                Node::Continuation(c) => block(BlockKind::Continuation, c.span),
                Node::Subtitle(s) => block(BlockKind::Subtitle, s.span),
                Node::Meta(m) => block(BlockKind::Meta(m.kind), m.span),
                Node::Paragraph(p) => block(BlockKind::Paragraph, p.span),
                Node::Heading(_)
                | Node::Noise(_)
                | Node::Blank(_)
                | Node::Text(_)
                | Node::Enumeration(_)
                | Node::Item(_) => {}
            }
        }
        let units = text_units(text, &blocks);
        Ctx {
            text,
            doc,
            options,
            headings,
            blocks,
            attachments,
            title,
            units,
            paragraph_markers,
            marks: std::cell::OnceCell::new(),
            inline: std::cell::OnceCell::new(),
            docnos: std::cell::OnceCell::new(),
        }
    }

    /// The text units with their characters other than ideographs
    /// (U+4000–U+9FFF): (span, text, [(offset in the text, character)]).
    ///
    /// The rules that look at punctuation, digits, brackets and quotes read
    /// these instead of decoding every character of the document again: the
    /// scan is done once, on first use, for all of them.
    pub fn units_with_marks(&self) -> impl Iterator<Item = (Span, &'a str, &[(usize, char)])> + '_ {
        let marks = self.marks.get_or_init(|| Marks::scan(&self.units));
        self.units
            .iter()
            .zip(&marks.ranges)
            .map(move |(&(_, span, s), r)| (span, s, &marks.chars[r.start..r.end]))
    }

    /// Every inline marker of paragraphs and headings, in document order.
    pub fn inline_markers(&self) -> &[super::inline::Found] {
        self.inline.get_or_init(|| super::inline::markers(self))
    }

    /// Every document number (发文字号) of the text units: (unit start, captures
    /// of [`super::rules::docno_brackets::DOCNO`]).
    pub fn docnos(&self) -> &[(usize, regex::Captures<'a>)] {
        self.docnos
            .get_or_init(|| super::rules::docno_brackets::find_docnos(&self.units))
    }

    /// The text of `span`.
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The text of `span` without its trailing line break and white space.
    pub fn content(&self, span: Span) -> (Span, &'a str) {
        let s = self.slice(span);
        let t = s.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        (Span::new(span.start, span.start + t.len()), t)
    }

    /// Text blocks with their text, for the rules that read running text.
    /// A title and its continuation lines form one unit.
    pub fn text_units(&self) -> &[(usize, Span, &'a str)] {
        &self.units
    }

    /// Meta elements of one kind, with their spans and text.
    pub fn metas(&self, kind: MetaKind) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(move |b| b.kind == BlockKind::Meta(kind))
    }

    /// The 文种 (document type) the main title ends with, if any.
    pub fn doc_type(&self) -> Option<&'static str> {
        let (_, t) = self.title?;
        crate::text::doc_type_of(t)
    }
}

/// The non-ideograph characters of every text unit, in one vector.
struct Marks {
    /// (offset relative to the unit, character).
    chars: Vec<(usize, char)>,
    /// The range of `chars` that belongs to each unit.
    ranges: Vec<std::ops::Range<usize>>,
}

impl Marks {
    fn scan(units: &[(usize, Span, &str)]) -> Self {
        let mut chars = Vec::new();
        let mut ranges = Vec::with_capacity(units.len());
        for &(_, _, s) in units {
            let from = chars.len();
            chars.extend(super::scan::non_ideographs(s));
            ranges.push(from..chars.len());
        }
        Marks { chars, ranges }
    }
}

/// Text blocks with their text; a title and its continuation lines form one
/// unit. Entries: (index of the first block, span, text).
fn text_units<'a>(text: &'a str, blocks: &[Block]) -> Vec<(usize, Span, &'a str)> {
    let slice = |span: Span| text.get(span.range()).unwrap_or("");
    let mut out: Vec<(usize, Span, &'a str)> = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Continuation {
            if let Some(last) = out.last_mut() {
                if blocks[last.0].kind == BlockKind::Title && b.span.start >= last.1.end {
                    last.1 = Span::new(last.1.start, b.span.end);
                    last.2 = slice(last.1);
                    continue;
                }
            }
        }
        out.push((i, b.span, slice(b.span)));
    }
    out
}

/// A diagnostic for `span`; rule id and severity are filled in by the
/// registry.
pub(crate) fn diag(
    span: Span,
    message: impl Into<String>,
    message_en: impl Into<String>,
) -> Diagnostic {
    Diagnostic {
        rule: String::new(),
        severity: Severity::Warning,
        message: message.into(),
        message_en: message_en.into(),
        span,
        fix: None,
    }
}

/// One edit.
pub(crate) fn edit(start: usize, end: usize, replacement: impl Into<String>) -> Edit {
    Edit {
        span: Span::new(start, end),
        replacement: replacement.into(),
    }
}

/// Attaches a fix to a diagnostic.
pub(crate) fn with_fix(mut d: Diagnostic, safe: bool, edits: Vec<Edit>) -> Diagnostic {
    if !edits.is_empty() {
        d.fix = Some(Fix { safe, edits });
    }
    d
}
