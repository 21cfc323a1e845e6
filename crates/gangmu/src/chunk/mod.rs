//! Structure-aware chunks for retrieval: pieces of a document that fit a
//! budget, cut along its structure, each with what a retrieval system needs to
//! cite it — the document's title and number (发文字号), the headings above it,
//! a citation label built from the structure (`第十二条第二款`, `一、（二）`,
//! `附件2 三、`), its own id, its section's id and its neighbours' ids.
//!
//! The budget is counted in characters (code points, [`chunks`]) or by any
//! length function, such as a tokenizer's token count ([`chunks_by`]).
//!
//! The rules, each stated by a test in `chunk/tests.rs`:
//! - **Packing.** Sections that fit the budget are kept whole, and small
//!   sibling sections are packed together, up to the budget, inside their
//!   parent (the document, a section, an attachment): as few chunks as
//!   possible, the smallest as large as possible. Each packed section keeps
//!   its own citation in [`Chunk::parts`].
//! - **Cutting.** A section that does not fit is opened: its heading and the
//!   text before its first subsection form one unit, its subsections others.
//!   A run of text that does not fit is cut between paragraphs, a paragraph
//!   between its inline enumeration items (一是…二是…), an item or a
//!   paragraph without items between sentences, and a sentence hard. So a
//!   regulation article stays whole unless it alone exceeds the budget, and
//!   an enumeration item is not split unless it alone does. Pieces of a run
//!   that had to be cut may share `overlap`; whole units never overlap.
//! - **Headings.** A heading is never separated from the first text under it
//!   and a chunk never ends on one: a section's heading goes into the first
//!   chunk of its first subsection when it has no text of its own. A heading
//!   with no text after it (noise in between, an empty last section) is left
//!   out of the chunks and kept in the heading paths of those below it.
//! - **Boundaries.** Nothing is packed across noise, which never enters a
//!   chunk (site chrome, page numbers, tables of contents), across a title (an
//!   attachment or another document starts), after closing elements (署名,
//!   成文日期), or after a promulgation block: a 令 header and its text never
//!   share a chunk with the regulation's first chapter.
//!
//! ```
//! let text = "关于做好工作的通知\n\n一、工作开展情况\n（一）周密部署。要加强领导。\n（二）狠抓落实。要强化督导。\n二、下一步打算\n继续推进。\n";
//! let doc = gangmu::parse(text);
//! let chunks = gangmu::chunk::chunks(text, &doc, 40, 0);
//! assert_eq!(chunks[0].text(text), "关于做好工作的通知\n\n一、工作开展情况\n（一）周密部署。要加强领导。");
//! assert_eq!(chunks[0].heading_path, ["一、工作开展情况", "（一）周密部署"]);
//! assert_eq!(chunks[0].citation, "一、（一）");
//! assert_eq!(chunks[1].citation, "一、（二）");
//! assert_eq!(chunks[0].title.as_deref(), Some("关于做好工作的通知"));
//! assert_eq!((chunks[1].prev_id, chunks[1].next_id), (Some(0), Some(2)));
//! ```

use serde::Serialize;

use crate::span::Span;
use crate::tree::{Document, MetaKind, Node};

mod cite;
mod cut;
mod measure;
mod outline;
mod pack;
#[cfg(test)]
mod tests;

use measure::Measure;

/// One chunk: a span of the source text with the metadata to cite it.
///
/// This struct is the one definition of a chunk's fields: the Python
/// `Chunk`, the integrations' metadata and the Arrow chunk table take their
/// fields from it. Ids are numbers within one document: `id` counts chunks in
/// order from 0; `parent_id` and [`ChunkPart::section_id`] are node ids, the
/// position of the section's node in [`Document::walk`] order (from 0).
///
/// ```
/// let text = "一、总则\n正文。\n二、附则\n附文。\n";
/// let chunks = gangmu::chunk::chunks(text, &gangmu::parse(text), 10, 0);
/// assert_eq!(chunks[0].text(text), "一、总则\n正文。");
/// assert_eq!(chunks[0].heading_path, ["一、总则"]);
/// assert_eq!(chunks[0].citation, "一、");
/// assert_eq!(chunks[0].parent_id, Some(0), "the first node of the walk is the section");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chunk {
    /// Position of the chunk in the document's chunk list, from 0.
    pub id: usize,
    /// Byte span of the chunk in the source, without surrounding whitespace.
    pub span: Span,
    /// The chunk's length as the budget counts it: code points, or the length
    /// function's value.
    pub size: usize,
    /// The document's title (标题), when it has one.
    pub title: Option<String>,
    /// The document's number: its 发文字号 (`国发〔2024〕1号`), or for a
    /// regulation promulgated by a 令 the order's number
    /// (`中华人民共和国国务院令第737号`); `None` when it has neither.
    pub doc_number: Option<String>,
    /// Labels (marker and title) of the sections that hold the whole chunk,
    /// outermost first; empty for a chunk of the document's own text (front
    /// matter, closing elements) or of several top-level sections.
    pub heading_path: Vec<String>,
    /// The citation label of the chunk, built from the structure:
    /// `第十二条`, `第十二条第二款`, `第三条第（一）项`, `一、（二）`,
    /// `附件2 三、`, or for packed siblings a range (`第一条至第三条`,
    /// `一、（二）、（三）`); empty for the document's own text.
    pub citation: String,
    /// The units packed into the chunk, in order, each with its own citation:
    /// whole sections, the text of a section before its subsections, the 款
    /// of an article that had to be cut. They tile the chunk.
    pub parts: Vec<ChunkPart>,
    /// Node id of the innermost section or attachment holding the whole chunk
    /// (the last of `heading_path`); `None` for the document itself.
    pub parent_id: Option<usize>,
    /// Id of the chunk before this one in the document.
    pub prev_id: Option<usize>,
    /// Id of the chunk after this one in the document.
    pub next_id: Option<usize>,
}

/// One unit of a chunk with its own citation (see [`Chunk::parts`]).
///
/// ```
/// let text = "第一条 目的。\n第二条 范围。\n第三条 施行。\n";
/// let chunks = gangmu::chunk::chunks(text, &gangmu::parse(text), 100, 0);
/// assert_eq!(chunks.len(), 1);
/// assert_eq!(chunks[0].citation, "第一条至第三条");
/// let cites: Vec<&str> = chunks[0].parts.iter().map(|p| p.citation.as_str()).collect();
/// assert_eq!(cites, ["第一条", "第二条", "第三条"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChunkPart {
    /// Byte span of the part in the source.
    pub span: Span,
    /// Its citation label (empty for the document's own text).
    pub citation: String,
    /// Node id of the section the part is, or belongs to; `None` for the
    /// document's own text.
    pub section_id: Option<usize>,
}

impl Chunk {
    /// The chunk's text, sliced from the source it was made from.
    ///
    /// ```
    /// let text = "正文。";
    /// let c = &gangmu::chunk::chunks(text, &gangmu::parse(text), 10, 0)[0];
    /// assert_eq!(c.text(text), "正文。");
    /// ```
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.range()]
    }
}

/// The label a section or attachment contributes to heading paths: the label
/// of its heading ([`Heading::label`](crate::Heading::label)), or for an
/// attachment its title (`附件` when it has none). `None` for other nodes.
///
/// ```
/// let text = "一、总则\n正文。";
/// let doc = gangmu::parse(text);
/// assert_eq!(gangmu::chunk::section_label(text, &doc.children[0]).as_deref(), Some("一、总则"));
/// ```
pub fn section_label(text: &str, node: &Node) -> Option<String> {
    match node {
        Node::Section(s) => s.heading().map(|h| h.label(text)),
        Node::Attachment(a) => Some(
            a.title()
                .map_or_else(|| "附件".to_string(), |t| t.text.clone()),
        ),
        // One document of a collection page: its title.
        Node::Entry(e) => e.children.iter().find_map(|c| match c {
            Node::Title(t) => Some(t.text.clone()),
            _ => None,
        }),
        _ => None,
    }
}

/// Cuts `doc` (parsed from `text`) into chunks of at most `max_chars`
/// characters (code points), in document order, following the rules of the
/// [module](self).
///
/// Where a run of text has to be cut, consecutive pieces of it share
/// `overlap` characters: each piece after the first starts `overlap`
/// characters before the end of the previous one (never before the previous
/// piece's start), and pieces are packed to `max_chars - overlap` so that no
/// chunk exceeds `max_chars`. Whole units do not overlap. `max_chars` is at
/// least 1 and `overlap` at most `max_chars - 1`; other values are clamped.
///
/// ```
/// let text = "一、总则\n第一句话。第二句话。第三句话。\n";
/// let doc = gangmu::parse(text);
/// let chunks = gangmu::chunk::chunks(text, &doc, 13, 3);
/// let texts: Vec<&str> = chunks.iter().map(|c| c.text(text)).collect();
/// assert_eq!(texts, ["一、总则\n第一句话。", "句话。第二句话。第三句话。"]);
/// assert!(chunks.iter().all(|c| c.heading_path == ["一、总则"]));
/// ```
pub fn chunks(text: &str, doc: &Document, max_chars: usize, overlap: usize) -> Vec<Chunk> {
    run(text, doc, max_chars, overlap, Measure::chars(text))
}

/// Like [`chunks`], with the budget `max` (and `overlap`) counted by
/// `length`: any function from text to a length, such as a tokenizer's token
/// count. Each span is measured once. A length function need not add up (two
/// texts joined may count more than the two apart), so every packed chunk is
/// measured whole, and no chunk exceeds `max` unless a single character does.
///
/// ```
/// let text = "一、总则\n第一句话。第二句话。第三句话。\n";
/// let doc = gangmu::parse(text);
/// // Two bytes a "token": a stand-in for a tokenizer.
/// let mut tokens = |s: &str| s.len().div_ceil(2);
/// let chunks = gangmu::chunk::chunks_by(text, &doc, 16, 0, &mut tokens);
/// assert!(chunks.iter().all(|c| tokens(c.text(text)) <= 16 && c.size == tokens(c.text(text))));
/// assert_eq!(chunks[0].text(text), "一、总则\n第一句话。");
/// ```
pub fn chunks_by(
    text: &str,
    doc: &Document,
    max: usize,
    overlap: usize,
    length: &mut dyn FnMut(&str) -> usize,
) -> Vec<Chunk> {
    run(text, doc, max, overlap, Measure::custom(length))
}

fn run(text: &str, doc: &Document, max: usize, overlap: usize, measure: Measure<'_>) -> Vec<Chunk> {
    let max = max.max(1);
    let overlap = overlap.min(max - 1);
    let outline = outline::build(text, doc);
    let mut packer = pack::Packer::new(text, &outline, measure, max, overlap);
    packer.document();
    let title = doc.title_text().map(str::to_string);
    let number = doc_number(doc);
    let n = packer.out.len();
    packer
        .out
        .into_iter()
        .enumerate()
        .map(|(id, d)| Chunk {
            id,
            span: d.span,
            size: d.size,
            title: title.clone(),
            doc_number: number.clone(),
            heading_path: d.heading_path,
            citation: d.citation,
            parts: d.parts,
            parent_id: d.parent_id,
            prev_id: id.checked_sub(1),
            next_id: (id + 1 < n).then_some(id + 1),
        })
        .collect()
}

/// `span` without the white space (U+3000 included) at either end.
fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = (span.start + s.trim_end().len()).max(start);
    Span::new(start, end)
}

/// The 发文字号, else the number of the 令 that promulgates the document.
fn doc_number(doc: &Document) -> Option<String> {
    let mut decree = String::new();
    for (_, node) in doc.walk() {
        match node {
            Node::Meta(m) if m.kind == MetaKind::DocNumber => {
                return Some(m.text.trim().to_string())
            }
            Node::Meta(m) if m.kind == MetaKind::Decree && !decree.contains('号') => {
                decree.push_str(&m.text)
            }
            _ => {}
        }
    }
    let end = decree.find('号')? + '号'.len_utf8();
    let number: String = decree[..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(number)
}
