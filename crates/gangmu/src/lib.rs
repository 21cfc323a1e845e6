//! # gangmu (纲目)
//!
//! A lossless structure parser for Chinese administrative text — 公文, 工作报告,
//! 通知, 意见, 方案, 办法, 条例, 会议记录 — as written by offices and as scraped
//! from the web.
//!
//! [`parse`] turns text into a typed tree ([`Document`]): the title and its
//! subtitle block, document elements (发文字号, 主送机关, 署名, 成文日期…), the
//! heading hierarchy (一、 → （一） → 1. → （1） → ①, and 第X编/章/节/条), paragraphs
//! and the inline enumerations inside them (一是…二是…). Parsing never fails: text
//! that is not part of the document (web chrome, page numbers, tables of
//! contents) becomes `noise` nodes, and the leaves of the tree always tile the
//! input byte for byte.
//!
//! ```
//! let text = "关于做好防汛工作的通知\n\n各乡镇：\n\n一、提高认识\n（一）压实责任。一是明确分工；二是加强值守。\n";
//! let doc = gangmu::parse(text);
//! assert_eq!(doc.title_text(), Some("关于做好防汛工作的通知"));
//! assert_eq!(doc.headings().count(), 2);
//! // Every byte belongs to exactly one leaf.
//! let covered: usize = doc.leaves().map(|n| n.span().len()).sum();
//! assert_eq!(covered, text.len());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chrome;
pub mod chunk;
mod decode;
mod diagnostic;
pub mod docx;
mod element;
mod enumeration;
pub mod lint;
mod marker;
mod numeral;
mod parse;
pub mod render;
mod span;
mod text;
mod tree;

pub use decode::{decode, DecodeError, Decoded, Encoding};
pub use diagnostic::{Diagnostic, Edit, Fix, Severity};
pub use enumeration::{find_inline_markers, EnumerationFamily, InlineMarker};
pub use marker::{Marker, MarkerFamily};
pub use numeral::{chinese_numeral_value, to_chinese_numeral};
pub use parse::parse_marker;
pub use span::{LineIndex, Span};
pub use tree::{
    Attachment, Blank, Continuation, Document, Entry, Enumeration, Heading, Item, Meta, MetaKind,
    Node, Noise, NoiseKind, Paragraph, Section, Subtitle, Text, Title, Walk, SCHEMA,
};

/// Parses `text` into a [`Document`]. Never fails and never panics: whatever
/// the input, the result is a tree whose leaves tile the input. Its
/// [`Document::diagnostics`] hold the findings about the input itself — web
/// noise around the document (W001) and a cut-off text (W002) — which the
/// linter derives from the tree.
///
/// ```
/// let text = "关于开展安全检查的通知\n\n各单位：\n\n一、检查范围\n（一）重点单位。一是学校；二是医院。\n";
/// let doc = gangmu::parse(text);
/// assert_eq!(doc.title_text(), Some("关于开展安全检查的通知"));
/// let headings: Vec<&str> = doc.headings().map(|h| &text[h.title.range()]).collect();
/// assert_eq!(headings, ["检查范围", "重点单位。"]);
/// assert!(doc.diagnostics.is_empty());
/// assert_eq!(gangmu::parse("热门文档\n\n正文。").diagnostics[0].rule, "W001");
/// ```
pub fn parse(text: &str) -> Document {
    let mut doc = parse::parse_document_with(text, &[]);
    doc.diagnostics = lint::input_findings(text, &doc);
    doc
}

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
