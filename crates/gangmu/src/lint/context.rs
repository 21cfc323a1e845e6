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
    /// The depth the parser gave it (1 = outermost).
    pub depth: u32,
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
    /// [`Ctx::extraction_spaced`], found on first use.
    extraction_spaced: std::cell::OnceCell<bool>,
}

/// How many text units must show a space between Chinese text and an ASCII
/// digit (`经 2016年`, `1台`) before the text is taken as extracted from a
/// PDF, whose extractors insert one at script boundaries. On the corpora,
/// texts extracted from PDFs show it on 13 to 26 lines; typed and scraped
/// texts on at most 6.
const EXTRACTION_SPACING_MIN_UNITS: usize = 8;

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
                        depth,
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
                            depth: *depth,
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
            extraction_spaced: std::cell::OnceCell::new(),
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

    /// Whether the text carries a PDF extractor's spacing: a space between
    /// Chinese text and an ASCII digit on many lines. Such spaces are the
    /// extractor's, not the writer's.
    pub fn extraction_spaced(&self) -> bool {
        *self.extraction_spaced.get_or_init(|| {
            self.units_with_marks()
                .filter(|(_, s, marks)| {
                    marks
                        .iter()
                        .any(|&(i, c)| c == ' ' && spaces_script_boundary(s, i))
                })
                .take(EXTRACTION_SPACING_MIN_UNITS)
                .count()
                == EXTRACTION_SPACING_MIN_UNITS
        })
    }

    /// Whether the main text opens in the middle of a document (page 2 of a
    /// regulation: `（一）…（十）`, then `第四章`, `第十条`): the parser then sets
    /// its first headings, which have no parent, deeper than depth 1.
    pub fn opens_mid_document(&self) -> bool {
        self.headings
            .iter()
            .find(|h| h.container == 0)
            .is_some_and(|h| h.parent.is_none() && h.depth > 1)
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

    /// The 文种 (document type) the main title ends with, if any, past a
    /// final mark the title should not have (`…的通知。`: TITLE002's).
    pub fn doc_type(&self) -> Option<&'static str> {
        let (_, t) = self.title?;
        title_doc_type(t)
    }

    /// The 文种 of an upward document (上行文), `请示` or `报告`: the one the
    /// title names, or — when no title names a 文种 (none was found, or it
    /// was not recognised) — the one the body's closing formula names
    /// (`特此请示`, `特此报告`, `现将有关情况报告如下`).
    pub fn upward_type(&self) -> Option<&'static str> {
        match self.doc_type() {
            Some(t @ ("请示" | "报告")) => Some(t),
            Some(_) => None,
            None => self.closing_type(),
        }
    }

    /// The 文种 the main text's own formulas name, `请示` over `报告`.
    fn closing_type(&self) -> Option<&'static str> {
        let body = || {
            self.blocks
                .iter()
                .filter(|b| b.container == 0 && matches!(b.kind, BlockKind::Paragraph))
                .map(|b| self.slice(b.span))
        };
        if body().any(|s| QINGSHI_CLOSING.is_match(s)) {
            Some("请示")
        } else if body().any(|s| REPORT_CLOSING.is_match(s)) {
            Some("报告")
        } else {
            None
        }
    }
}

/// The 文种 a title names, past final punctuation it should not have.
pub(crate) fn title_doc_type(title: &str) -> Option<&'static str> {
    crate::text::doc_type_of(title.trim_end_matches(|c: char| {
        crate::text::is_space(c) || "。．.，,；;：:！!？?、".contains(c)
    }))
}

/// The closing formulas of a 请示.
static QINGSHI_CLOSING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:特此|专此|现将[^。]{0,40}?)请示|请示如下").expect("pattern")
});

/// The closing formulas of a 报告.
static REPORT_CLOSING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:特此|专此)报告|现将[^。]{0,40}?报告如下|(?:现|特)?报告如下")
        .expect("pattern")
});

/// Whether the ASCII space at byte `i` of `s` sits between Chinese text and
/// an ASCII digit, on either side.
pub(crate) fn spaces_script_boundary(s: &str, i: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let chinese = |c: Option<char>| c.is_some_and(crate::text::is_chinese);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    (chinese(before) && digit(after)) || (digit(before) && chinese(after))
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
