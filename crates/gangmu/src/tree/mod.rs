//! The typed tree: [`Document`] and its [`Node`]s, serialised as the `gangmu/1`
//! JSON contract.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::span::Span;

mod json;
mod node;

pub use node::{
    Attachment, Blank, Continuation, Entry, Enumeration, Heading, Item, Meta, Node, Noise,
    Paragraph, Section, Subtitle, Text, Title,
};

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
/// assert!(matches!(&doc.children[0], gangmu::Node::Noise(n) if n.kind == gangmu::NoiseKind::WebChrome));
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
/// assert!(matches!(&doc.children[0], gangmu::Node::Meta(m) if m.kind == gangmu::MetaKind::DocNumber));
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
    /// let depths: Vec<u32> = doc.headings().map(|h| h.depth).collect();
    /// assert_eq!(depths, [1, 2, 1]);
    /// ```
    pub fn headings(&self) -> impl Iterator<Item = &Heading> {
        self.walk().filter_map(|(_, n)| n.as_heading())
    }

    /// The text of the first title node, if the document has one.
    ///
    /// ```
    /// assert_eq!(gangmu::parse("# 关于加强管理的通知\n\n正文。").title_text(), Some("关于加强管理的通知"));
    /// ```
    pub fn title_text(&self) -> Option<&str> {
        self.walk().find_map(|(_, n)| match n {
            Node::Title(t) => Some(t.text.as_str()),
            _ => None,
        })
    }

    /// Serialises the tree as JSON (the `gangmu/1` contract): the same bytes
    /// as `serde_json::to_string` through the serde derives, written by a
    /// direct writer that costs a fraction of it.
    ///
    /// ```
    /// let doc = gangmu::parse("正文。");
    /// let json = doc.to_json();
    /// assert!(json.starts_with("{\"schema\":\"gangmu/1\",\"type\":\"document\""));
    /// assert_eq!(json, serde_json::to_string(&doc).unwrap());
    /// ```
    pub fn to_json(&self) -> String {
        json::document(self)
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
