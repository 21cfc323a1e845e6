//! [`Node`] and the struct each of its variants holds, in the manner of
//! markdown-rs's mdast: a caller holding a heading holds a [`Heading`].

use serde::{Deserialize, Serialize};

use super::{MetaKind, NoiseKind};
use crate::enumeration::{EnumerationFamily, InlineMarker};
use crate::marker::Marker;
use crate::span::Span;

/// One node of the tree. Every node has a byte [`Span`]; the leaves (nodes
/// without children) tile the input from 0 to its length. Each variant holds
/// one struct, so that code holding a heading holds a [`Heading`].
///
/// ```
/// let doc = gangmu::parse("一、总则\n正文。\n");
/// let json = serde_json::to_value(&doc.children[0]).unwrap();
/// assert_eq!(json["type"], "section");
/// if let gangmu::Node::Section(s) = &doc.children[0] {
///     assert_eq!(s.depth, 1);
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    /// Text that is not part of the document.
    Noise(Noise),
    /// One or more blank lines.
    Blank(Blank),
    /// The document's title (标题), spanning all its lines.
    Title(Title),
    /// The hard-wrapped tail of a title or heading line.
    Continuation(Continuation),
    /// A line of the block under the title.
    Subtitle(Subtitle),
    /// A document element (公文要素).
    Meta(Meta),
    /// A heading and everything it governs.
    Section(Section),
    /// A heading line, or the run-in head of a paragraph.
    Heading(Heading),
    /// A paragraph of body text.
    Paragraph(Paragraph),
    /// Plain text inside a paragraph that holds enumerations.
    Text(Text),
    /// A series of inline enumeration items (一是…二是…).
    Enumeration(Enumeration),
    /// One item of an inline enumeration.
    Item(Item),
    /// An attachment (附件) after the main document.
    Attachment(Attachment),
    /// One document of a page that holds several (a collection: `…精选6篇`).
    Entry(Entry),
}

/// Text that is not part of the document: web chrome, page numbers, tables of
/// contents… (kept in the tree, out of its structure).
///
/// ```
/// let doc = gangmu::parse("热门文档\n\n正文。");
/// let gangmu::Node::Noise(n) = &doc.children[0] else { panic!() };
/// assert_eq!(n.kind, gangmu::NoiseKind::WebChrome);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noise {
    /// Byte span.
    pub span: Span,
    /// What kind of noise.
    pub kind: NoiseKind,
}

/// One or more blank lines.
///
/// ```
/// let doc = gangmu::parse("一\n\n\n二");
/// assert!(matches!(&doc.children[1], gangmu::Node::Blank(b) if b.span.len() == 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blank {
    /// Byte span.
    pub span: Span,
}

/// The document's title (标题), spanning all its lines.
///
/// ```
/// let doc = gangmu::parse("关于加强管理的通知\n\n正文。");
/// let gangmu::Node::Title(t) = &doc.children[0] else { panic!() };
/// assert_eq!(t.text, "关于加强管理的通知");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// Byte span.
    pub span: Span,
    /// The title text with markup, indentation and line breaks removed.
    pub text: String,
}

/// The hard-wrapped tail of a title line (`政府工作报` / `告`), or the title
/// of a heading whose marker stands alone on the line before, kept apart so
/// that the title's span marks its own lines.
///
/// ```
/// let doc = gangmu::parse("关于印发《某某办法》\n的通知\n\n正文。");
/// assert!(doc.walk().any(|(_, n)| matches!(n, gangmu::Node::Title(_))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Continuation {
    /// Byte span.
    pub span: Span,
}

/// A line of the block under the title: `——2024年3月5日在…上`, the speaker,
/// `（2023年…通过）`.
///
/// ```
/// let doc = gangmu::parse("政府工作报告\n——2024年3月5日在大会上\n\n各位代表：\n\n现在作报告。");
/// let gangmu::Node::Subtitle(s) = &doc.children[1] else { panic!() };
/// assert_eq!(s.text, "——2024年3月5日在大会上");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subtitle {
    /// Byte span.
    pub span: Span,
    /// The line's text without indentation and markup.
    pub text: String,
}

/// A document element (公文要素).
///
/// ```
/// let doc = gangmu::parse("国发〔2024〕1号\n\n正文。");
/// let gangmu::Node::Meta(m) = &doc.children[0] else { panic!() };
/// assert_eq!((m.kind, m.text.as_str()), (gangmu::MetaKind::DocNumber, "国发〔2024〕1号"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Byte span.
    pub span: Span,
    /// Which element.
    pub kind: MetaKind,
    /// The element's text without indentation and markup.
    pub text: String,
}

/// A heading and everything it governs, up to the next heading of the same or
/// a shallower depth.
///
/// ```
/// let doc = gangmu::parse("一、总则\n正文。\n二、附则\n");
/// let gangmu::Node::Section(s) = &doc.children[0] else { panic!() };
/// assert_eq!(s.children.len(), 2);
/// assert!(s.heading().is_some());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Byte span.
    pub span: Span,
    /// Depth of the section's heading.
    pub depth: u32,
    /// The heading first, then paragraphs and subsections.
    pub children: Vec<Node>,
}

impl Section {
    /// The section's heading (its first child).
    ///
    /// ```
    /// let text = "一、总则\n正文。";
    /// let doc = gangmu::parse(text);
    /// let gangmu::Node::Section(s) = &doc.children[0] else { panic!() };
    /// assert_eq!(s.heading().unwrap().label(text), "一、总则");
    /// ```
    pub fn heading(&self) -> Option<&Heading> {
        match self.children.first() {
            Some(Node::Heading(h)) => Some(h),
            _ => None,
        }
    }
}

/// A heading line, or the run-in head of a paragraph.
///
/// ```
/// let text = "（一）坚持人民至上。要把人民放在心中。\n";
/// let doc = gangmu::parse(text);
/// let h = doc.headings().next().unwrap();
/// assert!(h.run_in);
/// assert_eq!(&text[h.title.range()], "坚持人民至上。");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Heading {
    /// Byte span: from the start of the line (indentation and markup included)
    /// to the end of the heading (the line end when standalone).
    pub span: Span,
    /// Nesting depth in this document, 1 = outermost level of the body.
    pub depth: u32,
    /// Canonical GB/T 9704 level of the marker's family, where it has one.
    pub level: Option<u8>,
    /// The ordinal marker, or `None` for an unnumbered heading (boxed: most
    /// nodes are not headings, and this keeps every node small).
    pub marker: Option<Box<Marker>>,
    /// Byte span of the heading's title text (without marker and markup).
    pub title: Span,
    /// Body text follows on the same line (`（一）坚持人民至上。要……`).
    pub run_in: bool,
}

impl Heading {
    /// The heading as a reader names it: its marker, then its title without
    /// surrounding white space or a closing clause mark (`。` `：` `；` `，`). A
    /// decimal outline number is separated from its title by a space
    /// (`1.1 总体目标`), as GB/T 1.1 writes it. Every view of the document —
    /// outline, Markdown, heading paths of chunks — names headings this way.
    ///
    /// ```
    /// let text = "一、总则\n（一）压实责任。要落实。\n1.1 总体目标\n正文。\n";
    /// let doc = gangmu::parse(text);
    /// let labels: Vec<String> = doc.headings().map(|h| h.label(text)).collect();
    /// assert_eq!(labels, ["一、总则", "（一）压实责任", "1.1 总体目标"]);
    /// ```
    pub fn label(&self, text: &str) -> String {
        let title = text
            .get(self.title.range())
            .unwrap_or("")
            .trim()
            .trim_end_matches(['。', '．', '：', ':', '；', ';', '，', ',']);
        match &self.marker {
            Some(m) if m.family.is_decimal() => format!("{} {title}", m.text),
            Some(m) => format!("{}{title}", m.text),
            None => title.to_string(),
        }
    }
}

/// A paragraph of body text, joined across hard-wrapped lines.
///
/// ```
/// let doc = gangmu::parse("一是统一思想。二是健全机制。");
/// let gangmu::Node::Paragraph(p) = &doc.children[0] else { panic!() };
/// assert_eq!(p.children[0].type_name(), "enumeration");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte span.
    pub span: Span,
    /// Text and inline enumerations; empty when the paragraph has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

/// Plain text inside a paragraph that holds enumerations.
///
/// ```
/// let doc = gangmu::parse("要求如下：一是统一思想；二是健全机制。");
/// assert!(doc.walk().any(|(_, n)| matches!(n, gangmu::Node::Text(_))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Byte span.
    pub span: Span,
}

/// A series of inline enumeration items (一是…二是…).
///
/// ```
/// let doc = gangmu::parse("一是统一思想。二是健全机制。");
/// let e = doc.walk().find_map(|(_, n)| match n {
///     gangmu::Node::Enumeration(e) => Some(e),
///     _ => None,
/// });
/// assert_eq!(e.unwrap().family, gangmu::EnumerationFamily::Shi);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enumeration {
    /// Byte span.
    pub span: Span,
    /// The family of the series.
    pub family: EnumerationFamily,
    /// The items, in order.
    pub children: Vec<Node>,
}

/// One item of an inline enumeration: from its marker to the next item or
/// the end of the paragraph.
///
/// ```
/// let doc = gangmu::parse("一是统一思想。二是健全机制。");
/// let items: Vec<&str> = doc.walk().filter_map(|(_, n)| match n {
///     gangmu::Node::Item(i) => Some(i.marker.text.as_str()),
///     _ => None,
/// }).collect();
/// assert_eq!(items, ["一是", "二是"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Byte span.
    pub span: Span,
    /// The item's marker.
    pub marker: InlineMarker,
}

/// An attachment (附件) after the main document: its own title and headings.
///
/// ```
/// let text = "关于印发方案的通知\n\n各单位：\n\n正文。\n\n附件\n\n某某方案\n\n一、目标\n正文。\n";
/// let doc = gangmu::parse(text);
/// let a = doc.children.iter().find_map(|n| match n {
///     gangmu::Node::Attachment(a) => Some(a),
///     _ => None,
/// });
/// assert_eq!(a.unwrap().title().map(|t| t.text.as_str()), Some("某某方案"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    /// Byte span.
    pub span: Span,
    /// Title, paragraphs and sections of the attachment.
    pub children: Vec<Node>,
}

impl Attachment {
    /// The attachment's own title, if it has one.
    ///
    /// ```
    /// let text = "关于印发方案的通知\n\n各单位：\n\n正文。\n\n附件\n\n某某方案\n\n一、目标\n正文。\n";
    /// let doc = gangmu::parse(text);
    /// let a = doc.children.iter().find_map(|n| match n {
    ///     gangmu::Node::Attachment(a) => Some(a),
    ///     _ => None,
    /// });
    /// assert!(a.unwrap().title().is_some());
    /// ```
    pub fn title(&self) -> Option<&Title> {
        self.children.iter().find_map(|c| match c {
            Node::Title(t) => Some(t),
            _ => None,
        })
    }
}

/// One document of a page that holds several (`…范文精选6篇`, each after a
/// separator such as `篇一：` or `…讲话稿 篇1`): its separator, its own title
/// and hierarchy (its headings start again at depth 1).
///
/// ```
/// let text = "某某讲话稿精选2篇\n\n讲话稿 篇1\n\n同志们：\n\n今天开会，研究工作。\n\n讲话稿 篇2\n\n同志们：\n\n今天再开会，部署工作。\n";
/// let doc = gangmu::parse(text);
/// let entries = doc.children.iter().filter(|n| matches!(n, gangmu::Node::Entry(_))).count();
/// assert_eq!(entries, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Byte span.
    pub span: Span,
    /// Its separator, title, paragraphs, sections and attachments.
    pub children: Vec<Node>,
}

impl Node {
    /// The node's byte span.
    ///
    /// ```
    /// let doc = gangmu::parse("正文。");
    /// assert_eq!(doc.children[0].span(), gangmu::Span::new(0, "正文。".len()));
    /// ```
    pub fn span(&self) -> Span {
        match self {
            Node::Noise(n) => n.span,
            Node::Blank(n) => n.span,
            Node::Title(n) => n.span,
            Node::Continuation(n) => n.span,
            Node::Subtitle(n) => n.span,
            Node::Meta(n) => n.span,
            Node::Section(n) => n.span,
            Node::Heading(n) => n.span,
            Node::Paragraph(n) => n.span,
            Node::Text(n) => n.span,
            Node::Enumeration(n) => n.span,
            Node::Item(n) => n.span,
            Node::Attachment(n) => n.span,
            Node::Entry(n) => n.span,
        }
    }

    /// The node's children (empty for leaves).
    ///
    /// ```
    /// let doc = gangmu::parse("一、总则\n正文。");
    /// assert_eq!(doc.children[0].children().len(), 2);
    /// ```
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Section(n) => &n.children,
            Node::Paragraph(n) => &n.children,
            Node::Enumeration(n) => &n.children,
            Node::Attachment(n) => &n.children,
            Node::Entry(n) => &n.children,
            _ => &[],
        }
    }

    /// The snake_case type name used in JSON (`"heading"`, `"paragraph"`, …).
    ///
    /// ```
    /// let doc = gangmu::parse("正文。");
    /// assert_eq!(doc.children[0].type_name(), "paragraph");
    /// ```
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::Noise(_) => "noise",
            Node::Blank(_) => "blank",
            Node::Title(_) => "title",
            Node::Continuation(_) => "continuation",
            Node::Subtitle(_) => "subtitle",
            Node::Meta(_) => "meta",
            Node::Section(_) => "section",
            Node::Heading(_) => "heading",
            Node::Paragraph(_) => "paragraph",
            Node::Text(_) => "text",
            Node::Enumeration(_) => "enumeration",
            Node::Item(_) => "item",
            Node::Attachment(_) => "attachment",
            Node::Entry(_) => "entry",
        }
    }

    /// The node's heading, if it is one.
    ///
    /// ```
    /// let doc = gangmu::parse("一、总则\n正文。");
    /// assert!(doc.children[0].children()[0].as_heading().is_some());
    /// ```
    pub fn as_heading(&self) -> Option<&Heading> {
        match self {
            Node::Heading(h) => Some(h),
            _ => None,
        }
    }

    pub(crate) fn set_span_end(&mut self, end: usize) {
        match self {
            Node::Section(n) => n.span.end = end,
            Node::Attachment(n) => n.span.end = end,
            Node::Entry(n) => n.span.end = end,
            _ => {}
        }
    }

    pub(crate) fn children_mut(&mut self) -> Option<&mut Vec<Node>> {
        match self {
            Node::Section(n) => Some(&mut n.children),
            Node::Attachment(n) => Some(&mut n.children),
            Node::Entry(n) => Some(&mut n.children),
            _ => None,
        }
    }
}
