//! The typed tree: [`Document`] and its [`Node`]s, serialised as the `gangmu/1`
//! JSON contract.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::enumeration::{EnumerationFamily, InlineMarker};
use crate::marker::Marker;
use crate::span::Span;

/// The schema identifier written at the root of every JSON tree.
///
/// ```
/// assert_eq!(gangmu::parse("").schema, gangmu::SCHEMA);
/// ```
pub const SCHEMA: &str = "gangmu/1";

/// Kinds of text that are not part of the document (kept in the tree, out of
/// its structure).
///
/// ```
/// let doc = gangmu::parse("热门文档\n\n正文。");
/// assert!(matches!(doc.children[0], gangmu::Node::Noise { kind: gangmu::NoiseKind::WebChrome, .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// Web-page chrome: 热门文档 lists, 来源/字体/阅读/分享 lines, timestamps, prompts.
    WebChrome,
    /// An uploader's metadata header or Markdown front matter.
    Metadata,
    /// Markup with no text: `<!-- … -->`, horizontal rules.
    Markup,
    /// Page numbers and footers: `— 2 —`, `-1-`.
    PageNumber,
    /// A table of contents.
    TableOfContents,
    /// A licence or copyright notice appended by the publishing site.
    License,
    /// A copy of the title placed before the document by the publishing site.
    RepeatedTitle,
}

/// Kinds of document element (公文要素) outside the body text.
///
/// ```
/// let doc = gangmu::parse("国发〔2024〕1号\n\n正文。");
/// assert!(matches!(doc.children[0], gangmu::Node::Meta { kind: gangmu::MetaKind::DocNumber, .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaKind {
    /// 份号: six-digit copy number.
    CopyNumber,
    /// 密级和保密期限: `机密★1年`.
    Secrecy,
    /// 紧急程度: `特急`, `加急`.
    Urgency,
    /// 发文机关标志: `XX市人民政府文件`.
    IssuerMark,
    /// 发文字号: `国发〔2024〕1号`.
    DocNumber,
    /// 签发人: `签发人：张三`.
    Signer,
    /// A 令 header: `中华人民共和国国务院令 第768号`.
    Decree,
    /// 主送机关, ending with a colon.
    Addressee,
    /// 附件说明: `附件：1．…`.
    AttachmentNote,
    /// 发文机关署名 (and the signatory of a 令).
    Signature,
    /// 成文日期.
    Date,
    /// 附注, in parentheses.
    Note,
    /// 抄送.
    Cc,
    /// 印发机关和印发日期.
    Issued,
    /// A key-value field of a meeting record: `时间：`, `地点：`, `主持人：`.
    Field,
}

/// One node of the tree. Every node has a byte [`Span`]; the leaves (nodes
/// without children) tile the input from 0 to its length.
///
/// ```
/// let doc = gangmu::parse("一、总则\n正文。\n");
/// let json = serde_json::to_value(&doc.children[0]).unwrap();
/// assert_eq!(json["type"], "section");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Node {
    /// Text that is not part of the document.
    Noise {
        /// Byte span.
        span: Span,
        /// What kind of noise.
        kind: NoiseKind,
    },
    /// One or more blank lines.
    Blank {
        /// Byte span.
        span: Span,
    },
    /// The document's title (标题), spanning all its lines.
    Title {
        /// Byte span.
        span: Span,
        /// The title text with markup, indentation and line breaks removed.
        text: String,
    },
    /// The hard-wrapped tail of a title line (`政府工作报` / `告`), kept apart so that
    /// the title's span marks its own lines.
    Continuation {
        /// Byte span.
        span: Span,
    },
    /// A line of the block under the title: `——2024年3月5日在…上`, the speaker,
    /// `（2023年…通过）`.
    Subtitle {
        /// Byte span.
        span: Span,
        /// The line's text without indentation and markup.
        text: String,
    },
    /// A document element (公文要素).
    Meta {
        /// Byte span.
        span: Span,
        /// Which element.
        kind: MetaKind,
        /// The element's text without indentation and markup.
        text: String,
    },
    /// A heading and everything it governs, up to the next heading of the same or
    /// a shallower depth.
    Section {
        /// Byte span.
        span: Span,
        /// Depth of the section's heading.
        depth: u32,
        /// The heading first, then paragraphs and subsections.
        children: Vec<Node>,
    },
    /// A heading line, or the run-in head of a paragraph.
    Heading {
        /// Byte span: from the start of the line (indentation and markup included)
        /// to the end of the heading (the line end when standalone).
        span: Span,
        /// Nesting depth in this document, 1 = outermost level of the body.
        depth: u32,
        /// Canonical GB/T 9704 level of the marker's family, where it has one.
        level: Option<u8>,
        /// The ordinal marker, or `None` for an unnumbered heading (boxed: most
        /// nodes are not headings, and this keeps every node small).
        marker: Option<Box<Marker>>,
        /// Byte span of the heading's title text (without marker and markup).
        title: Span,
        /// Body text follows on the same line (`（一）坚持人民至上。要……`).
        run_in: bool,
    },
    /// A paragraph of body text, joined across hard-wrapped lines.
    Paragraph {
        /// Byte span.
        span: Span,
        /// Text and inline enumerations; empty when the paragraph has none.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        children: Vec<Node>,
    },
    /// Plain text inside a paragraph that holds enumerations.
    Text {
        /// Byte span.
        span: Span,
    },
    /// A series of inline enumeration items (一是…二是…).
    Enumeration {
        /// Byte span.
        span: Span,
        /// The family of the series.
        family: EnumerationFamily,
        /// The items, in order.
        children: Vec<Node>,
    },
    /// One item of an inline enumeration: from its marker to the next item or
    /// the end of the paragraph.
    Item {
        /// Byte span.
        span: Span,
        /// The item's marker.
        marker: InlineMarker,
    },
    /// An attachment (附件) after the main document: its own title and headings.
    Attachment {
        /// Byte span.
        span: Span,
        /// Title, paragraphs and sections of the attachment.
        children: Vec<Node>,
    },
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
            Node::Noise { span, .. }
            | Node::Blank { span }
            | Node::Title { span, .. }
            | Node::Continuation { span }
            | Node::Subtitle { span, .. }
            | Node::Meta { span, .. }
            | Node::Section { span, .. }
            | Node::Heading { span, .. }
            | Node::Paragraph { span, .. }
            | Node::Text { span }
            | Node::Enumeration { span, .. }
            | Node::Item { span, .. }
            | Node::Attachment { span, .. } => *span,
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
            Node::Section { children, .. }
            | Node::Paragraph { children, .. }
            | Node::Enumeration { children, .. }
            | Node::Attachment { children, .. } => children,
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
            Node::Noise { .. } => "noise",
            Node::Blank { .. } => "blank",
            Node::Title { .. } => "title",
            Node::Continuation { .. } => "continuation",
            Node::Subtitle { .. } => "subtitle",
            Node::Meta { .. } => "meta",
            Node::Section { .. } => "section",
            Node::Heading { .. } => "heading",
            Node::Paragraph { .. } => "paragraph",
            Node::Text { .. } => "text",
            Node::Enumeration { .. } => "enumeration",
            Node::Item { .. } => "item",
            Node::Attachment { .. } => "attachment",
        }
    }

    pub(crate) fn set_span_end(&mut self, end: usize) {
        match self {
            Node::Section { span, .. } | Node::Attachment { span, .. } => span.end = end,
            _ => {}
        }
    }

    pub(crate) fn children_mut(&mut self) -> Option<&mut Vec<Node>> {
        match self {
            Node::Section { children, .. } | Node::Attachment { children, .. } => Some(children),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum DocumentTag {
    #[default]
    Document,
}

/// A parsed document: the root of the tree, with the diagnostics the parser
/// raised about the input (web noise, truncation…).
///
/// ```
/// let doc = gangmu::parse("关于开展检查的通知\n\n各单位：\n\n一、检查内容\n（一）范围。\n");
/// assert_eq!(doc.title_text(), Some("关于开展检查的通知"));
/// assert_eq!(doc.headings().count(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    #[serde(rename = "type", default)]
    tag: DocumentTag,
    /// The whole input.
    pub span: Span,
    /// Top-level nodes, in order.
    pub children: Vec<Node>,
    /// Findings about the input made while parsing (rule ids `W001`, `W002`).
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub(crate) fn new(len: usize, children: Vec<Node>, diagnostics: Vec<Diagnostic>) -> Self {
        Document {
            schema: SCHEMA.to_string(),
            tag: DocumentTag::Document,
            span: Span::new(0, len),
            children,
            diagnostics,
        }
    }

    /// Every node, depth-first in document order, with its nesting level in the
    /// tree (0 for top-level nodes).
    ///
    /// ```
    /// let doc = gangmu::parse("一、总则\n正文。");
    /// let types: Vec<_> = doc.walk().map(|(_, n)| n.type_name()).collect();
    /// assert_eq!(types, ["section", "heading", "paragraph"]);
    /// ```
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            stack: self.children.iter().rev().map(|n| (0, n)).collect(),
        }
    }

    /// The leaves (nodes without children) in document order; their spans tile
    /// the input.
    ///
    /// ```
    /// let text = "一、总则\n\n正文。";
    /// let doc = gangmu::parse(text);
    /// let mut at = 0;
    /// for leaf in doc.leaves() {
    ///     assert_eq!(leaf.span().start, at);
    ///     at = leaf.span().end;
    /// }
    /// assert_eq!(at, text.len());
    /// ```
    pub fn leaves(&self) -> impl Iterator<Item = &Node> {
        self.walk()
            .map(|(_, n)| n)
            .filter(|n| n.children().is_empty())
    }

    /// All headings in document order.
    ///
    /// ```
    /// let doc = gangmu::parse("一、总则\n（一）目的\n二、附则\n");
    /// let depths: Vec<u32> = doc.headings().map(|h| match h {
    ///     gangmu::Node::Heading { depth, .. } => *depth,
    ///     _ => unreachable!(),
    /// }).collect();
    /// assert_eq!(depths, [1, 2, 1]);
    /// ```
    pub fn headings(&self) -> impl Iterator<Item = &Node> {
        self.walk()
            .map(|(_, n)| n)
            .filter(|n| matches!(n, Node::Heading { .. }))
    }

    /// The text of the first title node, if the document has one.
    ///
    /// ```
    /// assert_eq!(gangmu::parse("# 关于加强管理的通知\n\n正文。").title_text(), Some("关于加强管理的通知"));
    /// ```
    pub fn title_text(&self) -> Option<&str> {
        self.walk().find_map(|(_, n)| match n {
            Node::Title { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// Serialises the tree as JSON (the `gangmu/1` contract).
    ///
    /// ```
    /// let json = gangmu::parse("正文。").to_json();
    /// assert!(json.starts_with("{\"schema\":\"gangmu/1\",\"type\":\"document\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a document always serialises")
    }

    /// Reads a tree back from its JSON form.
    ///
    /// ```
    /// let doc = gangmu::parse("一、总则\n正文。");
    /// assert_eq!(gangmu::Document::from_json(&doc.to_json()).unwrap(), doc);
    /// ```
    pub fn from_json(json: &str) -> Result<Document, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// Depth-first iterator over a document's nodes; see [`Document::walk`].
///
/// ```
/// let doc = gangmu::parse("一、总则\n正文。");
/// assert_eq!(doc.walk().count(), 3);
/// ```
#[derive(Debug)]
pub struct Walk<'a> {
    stack: Vec<(usize, &'a Node)>,
}

impl<'a> Iterator for Walk<'a> {
    type Item = (usize, &'a Node);

    fn next(&mut self) -> Option<Self::Item> {
        let (level, node) = self.stack.pop()?;
        for child in node.children().iter().rev() {
            self.stack.push((level + 1, child));
        }
        Some((level, node))
    }
}
