//! Reading Word documents (.docx) as Word shows them.
//!
//! In a real 公文 draft the markers `一、` `（一）` `第一条` are usually not in the
//! text at all: Word generates them from the numbering definitions. [`read`]
//! renders them as Word does (every number format of the issue, `%1.%2` level
//! texts, start values, restarts and overrides) and returns the document's text
//! — one line per paragraph: the body with its tables (cell by cell, row by
//! row) and text boxes, then the footnotes and endnotes, then the headers and
//! footers — with a source map from every line back to its paragraph in the
//! .docx, the byte spans of the generated labels, and what each paragraph's
//! style says about it ([`Evidence`]: Title, Heading N / 标题 N, `w:outlineLvl`;
//! headers and footers are noise).
//!
//! [`parse`] reads and parses in one step and flags every heading marker that
//! Word generated (`"generated": true` in the JSON), so that no fix edits text
//! that is not in the file; [`lint`] and [`fix`] keep to that, and
//! [`fix_docx`] writes fixes back into the runs they edit.
//!
//! What is read and what is not: `docs/docx.md`.
//!
//! ```
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/docx/numbered_notice.docx");
//! let bytes = std::fs::read(path).unwrap();
//! let (docx, doc) = gangmu::docx::parse(&bytes).unwrap();
//! assert!(docx.text.contains("一、"));
//! let m = doc.headings().next().unwrap().marker.as_ref().unwrap();
//! assert!(m.generated, "Word wrote this marker, not the author");
//! let line = docx.source(m.span.start).unwrap();
//! assert_eq!(line.part, gangmu::docx::Part::Body);
//! ```

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::diagnostic::Diagnostic;
use crate::lint::Config;
use crate::span::Span;
use crate::tree::{Document, Node};

mod body;
mod numbering;
mod numfmt;
mod package;
mod place;
mod styles;
mod write;
mod xml;

#[cfg(test)]
mod tests;

pub use numfmt::format_number;
pub use write::{fix_docx, fix_docx_selected, FixedDocx};

/// The examples of `docs/docx.md`, run as doctests so the guide cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../../docs/docx.md")]
pub struct DocxGuide;

/// Bounds on what a .docx may make the reader do.
///
/// ```
/// let l = gangmu::docx::Limits::default();
/// assert_eq!(l.max_part_bytes, 256 << 20);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest decompressed size of one part (default 256 MiB).
    pub max_part_bytes: u64,
    /// Largest decompressed size of all parts read together (default 512 MiB).
    pub max_total_bytes: u64,
    /// Deepest element nesting in a part (default 256; Word's own files stay
    /// under 40).
    pub max_depth: usize,
    /// Most entries in the zip archive (default 10 000).
    pub max_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_part_bytes: 256 << 20,
            max_total_bytes: 512 << 20,
            max_depth: 256,
            max_entries: 10_000,
        }
    }
}

/// Why a .docx could not be read.
///
/// ```
/// let e = gangmu::docx::read(b"plain text").unwrap_err();
/// assert!(matches!(e, gangmu::docx::DocxError::NotZip(_)));
/// assert!(e.to_string().starts_with("not a zip archive"));
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// The bytes are not a zip archive.
    #[error("not a zip archive: {0}")]
    NotZip(String),
    /// A zip archive without a main document part (`word/document.xml`).
    #[error("a zip archive without word/document.xml (not a .docx)")]
    NotDocx,
    /// The archive has more entries than [`Limits::max_entries`].
    #[error("the archive has {entries} entries, more than the limit of {limit}")]
    TooManyEntries {
        /// Entries in the archive.
        entries: usize,
        /// The limit.
        limit: usize,
    },
    /// A part decompresses to more than the limit (a zip bomb, or a document
    /// larger than [`Limits`] allow).
    #[error("{part}: decompressed size exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The part.
        part: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// Elements nested deeper than [`Limits::max_depth`].
    #[error("{part}: elements nested deeper than {limit}")]
    TooDeep {
        /// The part.
        part: String,
        /// The limit.
        limit: usize,
    },
    /// A part is not well-formed XML, or not UTF-8/UTF-16 text.
    #[error("{part}: {message}")]
    Xml {
        /// The part.
        part: String,
        /// What is wrong.
        message: String,
    },
    /// A zip entry cannot be read (corrupt, encrypted, or compressed with a
    /// method other than deflate).
    #[error("{part}: {message}")]
    Zip {
        /// The part.
        part: String,
        /// What is wrong.
        message: String,
    },
}

/// The part of the .docx a line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Part {
    /// The main document (正文), tables and text boxes included.
    Body,
    /// A footnote (`w:id`).
    Footnote {
        /// The note's id.
        id: i64,
    },
    /// An endnote (`w:id`).
    Endnote {
        /// The note's id.
        id: i64,
    },
    /// A header (页眉), numbered in the order of its part name from 0.
    Header {
        /// Which header.
        index: u32,
    },
    /// A footer (页脚, page numbers), numbered from 0.
    Footer {
        /// Which footer.
        index: u32,
    },
}

/// What holds a paragraph inside its part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Container {
    /// The part's own flow of paragraphs.
    Text,
    /// A table cell: table number in the part, row and cell, each from 0.
    TableCell {
        /// Which table (in document order, nested tables counted).
        table: u32,
        /// Row in the table.
        row: u32,
        /// Cell in the row.
        cell: u32,
    },
    /// A text box (文本框).
    TextBox,
}

/// What a paragraph's style and outline level say about it: evidence for the
/// parser, never stronger than a clear marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "level", rename_all = "snake_case")]
pub enum Evidence {
    /// Nothing in particular.
    Body,
    /// The `Title` style (标题).
    Title,
    /// The `Subtitle` style (副标题).
    Subtitle,
    /// A heading style (`Heading 1…9`, `标题 1…`) or `w:outlineLvl`: the level, 1–9.
    Heading(u8),
    /// A header or footer: not part of the document's text.
    Noise,
}

/// One line of the text and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLine {
    /// The line's bytes in [`DocxText::text`], without its line break.
    pub span: Span,
    /// The part it comes from.
    pub part: Part,
    /// The paragraph (`w:p`, counted from 0 in document order within the
    /// part, nested ones included); `None` for the blank lines put between
    /// the body, the notes, the headers and the footers.
    pub paragraph: Option<usize>,
    /// Table cell, text box, or the part's own flow.
    pub container: Container,
    /// What the paragraph's style says.
    pub evidence: Evidence,
    /// The paragraph style's name, if it has one.
    pub style: Option<String>,
}

/// A label Word generates in front of a numbered paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberLabel {
    /// The line it begins.
    pub line: usize,
    /// The label text (`一、`, `（二）`, `第三条`) in [`DocxText::text`].
    pub marker: Span,
    /// What follows the label (`w:suff`: a tab by default, a space, or nothing).
    pub suffix: Span,
    /// The numbering instance (`w:numId`).
    pub num_id: u32,
    /// The level (`w:ilvl`, from 0).
    pub level: u8,
    /// The level's number format (`w:numFmt`).
    pub format: String,
}

/// A .docx read as text, with its source map.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocxText {
    /// The text: one line per paragraph (a `w:br` starts another line of the
    /// same paragraph), each ending with `\n`.
    pub text: String,
    /// One entry per line, in order.
    pub lines: Vec<SourceLine>,
    /// The generated labels, in order.
    pub labels: Vec<NumberLabel>,
    /// Where the text of each run lies in the parts' XML, for writing fixes
    /// back into the .docx ([`fix_docx`]); not serialised (empty after a
    /// round trip through JSON).
    #[serde(skip)]
    pub xml: XmlMap,
}

/// Where the text of each `w:t` lies in its part's XML (see [`DocxText::xml`]).
///
/// ```
/// assert!(gangmu::docx::XmlMap::default().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct XmlMap {
    pub(crate) pieces: Vec<TextPiece>,
    /// The parts read, in order (`TextPiece::part` indexes this).
    pub(crate) part_names: Vec<String>,
}

impl XmlMap {
    /// Whether nothing is mapped (text not read from a .docx, or read back from JSON).
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// The text of one `w:t`: its bytes in [`DocxText::text`], the part it comes
/// from (an index into `part_names`) and its content's bytes in that part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TextPiece {
    pub(crate) text: Span,
    pub(crate) part: u16,
    pub(crate) xml: Span,
}

impl DocxText {
    /// The line holding byte `at` (a line's break belongs to it).
    ///
    /// ```
    /// let t = gangmu::docx::DocxText::default();
    /// assert!(t.source(0).is_none());
    /// ```
    pub fn source(&self, at: usize) -> Option<&SourceLine> {
        let i = self.lines.partition_point(|l| l.span.end < at);
        self.lines.get(i)
    }

    /// Whether `span` lies inside generated text (a label and its suffix).
    ///
    /// ```
    /// let t = gangmu::docx::DocxText::default();
    /// assert!(!t.is_generated(gangmu::Span::new(0, 0)));
    /// ```
    pub fn is_generated(&self, span: Span) -> bool {
        self.label_at(span.start).is_some_and(|l| {
            Span::new(l.marker.start, l.suffix.end).contains(span) && !span.is_empty()
        })
    }

    /// Whether `span` touches generated text: overlaps it, or inserts inside it.
    pub fn touches_generated(&self, span: Span) -> bool {
        let first = self.labels.partition_point(|l| l.suffix.end <= span.start);
        self.labels[first..]
            .iter()
            .take_while(|l| l.marker.start <= span.end)
            .any(|l| {
                let g = Span::new(l.marker.start, l.suffix.end);
                if span.is_empty() {
                    g.start < span.start && span.start < g.end
                } else {
                    span.start < g.end && g.start < span.end
                }
            })
    }

    /// What the styles say about each line, as the parser takes it.
    fn hints(&self) -> Vec<crate::parse::LineHint> {
        use crate::parse::LineHint;
        if self.lines.len() != self.text.matches('\n').count() {
            return Vec::new(); // lines added or removed since reading
        }
        self.lines
            .iter()
            .map(|l| match (l.part, l.evidence) {
                (_, Evidence::Noise) => LineHint::Noise,
                (Part::Footnote { .. } | Part::Endnote { .. }, _) => LineHint::Note,
                (_, Evidence::Title) => LineHint::Title,
                (_, Evidence::Heading(n)) => LineHint::Heading(n),
                (_, Evidence::Body | Evidence::Subtitle) => LineHint::None,
            })
            .collect()
    }

    fn label_at(&self, at: usize) -> Option<&NumberLabel> {
        let i = self.labels.partition_point(|l| l.suffix.end <= at);
        self.labels.get(i).filter(|l| l.marker.start <= at)
    }
}

/// Whether `bytes` start as a zip archive does (a .docx is one): how the
/// `gangmu` command and `gangmu serve` tell a .docx from text by its content,
/// whatever its name. Reads four bytes; [`read`] then says whether the
/// archive is a .docx.
///
/// ```
/// assert!(gangmu::docx::looks_like_zip(b"PK\x03\x04rest"));
/// assert!(!gangmu::docx::looks_like_zip("一、总则".as_bytes()));
/// ```
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    package::looks_like_zip(bytes)
}

/// Whether `bytes` are a .docx: a zip archive with a main document part.
///
/// ```
/// assert!(!gangmu::docx::is_docx(b"PK\x03\x04 but not really"));
/// assert!(!gangmu::docx::is_docx("一、总则".as_bytes()));
/// ```
pub fn is_docx(bytes: &[u8]) -> bool {
    if !package::looks_like_zip(bytes) {
        return false;
    }
    package::Package::open(bytes, &Limits::default())
        .and_then(|mut p| p.parts())
        .is_ok()
}

/// Reads a .docx with the default [`Limits`].
///
/// ```
/// assert!(gangmu::docx::read(b"").is_err());
/// ```
pub fn read(bytes: &[u8]) -> Result<DocxText, DocxError> {
    read_with(bytes, &Limits::default())
}

/// Reads a .docx within `limits`: a clear error for what cannot be read,
/// never a panic.
///
/// ```
/// let tight = gangmu::docx::Limits { max_part_bytes: 10, ..Default::default() };
/// assert!(gangmu::docx::read_with(b"", &tight).is_err());
/// ```
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<DocxText, DocxError> {
    let mut pkg = package::Package::open(bytes, limits)?;
    let parts = pkg.parts()?;
    let mut load = |name: &Option<String>| -> Result<Option<(String, String)>, DocxError> {
        let Some(name) = name else { return Ok(None) };
        let Some(bytes) = pkg.read(name)? else {
            return Ok(None);
        };
        let text = xml::part_string(bytes, name)?;
        Ok(Some((name.clone(), text)))
    };
    let styles = match load(&parts.styles)? {
        Some((n, t)) => styles::Styles::parse(&t, &n, limits.max_depth)?,
        None => styles::Styles::default(),
    };
    let numbering = match load(&parts.numbering)? {
        Some((n, t)) => numbering::Numbering::parse(&t, &n, limits.max_depth)?,
        None => numbering::Numbering::default(),
    };
    let defs = body::Defs {
        styles: &styles,
        numbering: &numbering,
        max_depth: limits.max_depth,
    };
    let mut out = body::Out::default();
    let mut counters = numbering::Counters::default();
    let (main_name, main) = load(&Some(parts.main.clone()))?.ok_or(DocxError::NotDocx)?;
    body::read_part(
        &main,
        &main_name,
        Part::Body,
        &defs,
        &mut counters,
        &mut out,
    )?;
    drop(main);
    let mut stories: Vec<(Option<String>, Part, bool)> = vec![
        (parts.footnotes.clone(), Part::Footnote { id: 0 }, false),
        (parts.endnotes.clone(), Part::Endnote { id: 0 }, false),
    ];
    for (i, h) in parts.headers.iter().enumerate() {
        stories.push((Some(h.clone()), Part::Header { index: i as u32 }, true));
    }
    for (i, f) in parts.footers.iter().enumerate() {
        stories.push((Some(f.clone()), Part::Footer { index: i as u32 }, true));
    }
    for (name, part, own_counters) in stories {
        let Some((name, text)) = load(&name)? else {
            continue;
        };
        let mark = (out.text.len(), out.lines.len());
        out.separator(part);
        let before = out.lines.len();
        let mut own = numbering::Counters::default();
        let c = if own_counters {
            &mut own
        } else {
            &mut counters
        };
        body::read_part(&text, &name, part, &defs, c, &mut out)?;
        if out.lines.len() == before {
            out.text.truncate(mark.0);
            out.lines.truncate(mark.1);
        }
    }
    Ok(DocxText {
        text: out.text,
        lines: out.lines,
        labels: out.labels,
        xml: XmlMap {
            pieces: out.pieces,
            part_names: out.part_names,
        },
    })
}

/// Reads a .docx and parses its text; heading markers that Word generated
/// carry `generated: true`.
///
/// ```
/// assert!(gangmu::docx::parse(b"not a docx").is_err());
/// ```
pub fn parse(bytes: &[u8]) -> Result<(DocxText, Document), DocxError> {
    let docx = read(bytes)?;
    let doc = parse_text(&docx);
    Ok((docx, doc))
}

/// Parses the text of a .docx with its style evidence: header and footer
/// lines are noise, a `Title`-styled line can be the title, a heading-styled
/// line is a heading at its outline level — never against a clear marker —
/// and generated markers are flagged.
///
/// ```
/// use gangmu::docx::{DocxText, Evidence, SourceLine, Part, Container};
/// let text = "关于申请购置设备的请示，妥否。\n正文。\n";
/// let first = text.find('\n').unwrap();
/// let line = |start, end, evidence| SourceLine {
///     span: gangmu::Span::new(start, end), part: Part::Body, paragraph: Some(0),
///     container: Container::Text, evidence, style: None,
/// };
/// let docx = DocxText {
///     text: text.into(),
///     lines: vec![line(0, first, Evidence::Title), line(first + 1, text.len() - 1, Evidence::Body)],
///     ..Default::default()
/// };
/// // The text alone: a sentence with a comma is no title. In the Title style, it is.
/// assert_eq!(gangmu::parse(text).title_text(), None);
/// assert_eq!(gangmu::docx::parse_text(&docx).title_text(), Some("关于申请购置设备的请示，妥否。"));
/// ```
pub fn parse_text(docx: &DocxText) -> Document {
    let mut doc = crate::parse::parse_document_with(&docx.text, &docx.hints());
    doc.diagnostics = crate::lint::input_findings(&docx.text, &doc);
    mark_generated(&mut doc, docx);
    doc
}

/// Flags every heading marker of `doc` (parsed from `docx.text`) that lies in
/// generated text.
///
/// ```
/// let docx = gangmu::docx::DocxText::default();
/// let mut doc = gangmu::parse("");
/// gangmu::docx::mark_generated(&mut doc, &docx);
/// ```
pub fn mark_generated(doc: &mut Document, docx: &DocxText) {
    let mut stack: Vec<&mut Node> = doc.children.iter_mut().collect();
    while let Some(node) = stack.pop() {
        if let Node::Heading(h) = node {
            if let Some(m) = h.marker.as_mut() {
                m.generated = docx.is_generated(m.span);
            }
            continue;
        }
        if let Some(children) = node.children_mut() {
            stack.extend(children.iter_mut());
        }
    }
}

/// The Chinese and English notes added to a finding about generated text.
const GENERATED_NOTE: (&str, &str) = (
    "（自动编号生成，请在编号格式中修改）",
    " (generated by the list numbering: change the numbering format)",
);

/// Lints the text of a .docx. A finding about a generated label says so and
/// carries no fix (the label is not text in the file: it is changed in the
/// numbering definition); a fix that would touch generated text is dropped;
/// findings about the suffix Word puts after a label (a tab, a space) are
/// layout, not text, and are left out.
///
/// ```
/// let docx = gangmu::docx::DocxText { text: "一.总则\n".into(), ..Default::default() };
/// let found = gangmu::docx::lint(&docx, &Default::default());
/// assert!(found.iter().any(|d| d.rule == "HDR001" && d.fix.is_some()));
/// ```
pub fn lint(docx: &DocxText, config: &Config) -> Vec<Diagnostic> {
    let doc = parse_text(docx);
    let mut found = crate::lint::lint_document(&docx.text, &doc, config);
    let in_suffix = |s: Span| {
        docx.label_at(s.start)
            .is_some_and(|l| !l.suffix.is_empty() && l.suffix.contains(s))
    };
    found.retain(|d| {
        let suffix_only = d
            .fix
            .as_ref()
            .is_some_and(|f| !f.edits.is_empty() && f.edits.iter().all(|e| in_suffix(e.span)));
        !(suffix_only && docx.is_generated(d.span))
    });
    for d in &mut found {
        let about_generated = docx.touches_generated(d.span);
        let fix_touches = d
            .fix
            .as_ref()
            .is_some_and(|f| f.edits.iter().any(|e| docx.touches_generated(e.span)));
        if about_generated || fix_touches {
            d.fix = None;
        }
        if about_generated {
            d.message.push_str(GENERATED_NOTE.0);
            d.message_en.push_str(GENERATED_NOTE.1);
        }
    }
    found
}

/// Applies the fixes of [`lint`] to the text of a .docx, repeating until
/// nothing changes, and never editing generated text. The result is text;
/// [`fix_docx`] writes the fixes into the file itself.
///
/// ```
/// let docx = gangmu::docx::DocxText { text: "(一)目的\n".into(), ..Default::default() };
/// assert_eq!(gangmu::docx::fix(&docx, &Default::default(), false), "（一）目的\n");
/// ```
pub fn fix(docx: &DocxText, config: &Config, include_unsafe: bool) -> String {
    let mut current = docx.clone();
    for _ in 0..8 {
        let found = lint(&current, config);
        let (next, edits) = crate::lint::apply_fixes_taking(&current.text, &found, include_unsafe);
        if next == current.text {
            break;
        }
        // Move the labels along (no edit overlaps one): one sweep, labels and
        // edits both in text order.
        let mut taken = 0;
        let mut delta: isize = 0;
        let mut shift = |at: usize, is_start: bool| -> usize {
            while let Some(e) = edits.get(taken) {
                let before =
                    e.span.end < at || (e.span.end == at && (is_start || !e.span.is_empty()));
                if !before {
                    break;
                }
                delta += e.replacement.len() as isize - e.span.len() as isize;
                taken += 1;
            }
            (at as isize + delta) as usize
        };
        for l in &mut current.labels {
            let (ms, me, se) = (l.marker.start, l.marker.end, l.suffix.end);
            l.marker = Span::new(shift(ms, true), shift(me, false));
            l.suffix = Span::new(l.marker.end, shift(se, false));
        }
        // The lines keep their evidence (fixes do not add or remove lines;
        // if one did, the next round parses without evidence); their spans
        // are not read again.
        current.text = next;
    }
    current.text
}
