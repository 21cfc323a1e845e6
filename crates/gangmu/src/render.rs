//! Human-readable views of a parsed document: an indented tree with line
//! numbers, the heading outline, and Markdown.

use std::fmt::Write;

use crate::span::LineIndex;
use crate::tree::{Document, Meta, Node, Subtitle};

fn one_line(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { '⏎' } else { c })
        .collect();
    let flat = flat.trim_end_matches('⏎');
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat.to_string()
    }
}

/// An indented view of the tree, one node a line, with the 1-based line where
/// each node starts.
///
/// ```
/// let text = "一、总则\n正文。\n";
/// let out = gangmu::render::tree(text, &gangmu::parse(text));
/// assert!(out.contains("heading depth=1"));
/// ```
pub fn tree(text: &str, doc: &Document) -> String {
    let idx = LineIndex::new(text);
    let mut out = String::new();
    for (level, node) in doc.walk() {
        let span = node.span();
        let line = idx.line(span.start);
        let indent = "  ".repeat(level);
        let detail = match node {
            Node::Heading(h) => format!(
                "depth={}{}{} {}",
                h.depth,
                h.level.map(|l| format!(" level={l}")).unwrap_or_default(),
                if h.run_in { " run-in" } else { "" },
                h.label(text)
            ),
            Node::Section(s) => format!("depth={}", s.depth),
            Node::Meta(m) => format!("{:?} {}", m.kind, one_line(&m.text, 40)),
            Node::Noise(n) => format!("{:?} {}", n.kind, one_line(&text[span.range()], 40)),
            Node::Title(t) => t.text.clone(),
            Node::Enumeration(e) => format!("{:?}", e.family),
            Node::Item(item) => {
                format!("{} {}", item.marker.text, one_line(&text[span.range()], 30))
            }
            Node::Paragraph(_) | Node::Subtitle(_) | Node::Text(_) => {
                one_line(&text[span.range()], 40)
            }
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{line:>5} {indent}{} {}",
            node.type_name(),
            detail.trim_end()
        );
    }
    out
}

/// The heading skeleton: title, then each heading indented by depth.
///
/// ```
/// let text = "关于加强管理的通知\n\n一、总则\n（一）目的\n";
/// let out = gangmu::render::outline(text, &gangmu::parse(text));
/// assert_eq!(out, "关于加强管理的通知\n一、总则\n  （一）目的\n");
/// ```
pub fn outline(text: &str, doc: &Document) -> String {
    let mut out = String::new();
    for (_, node) in doc.walk() {
        match node {
            Node::Title(t) => {
                let _ = writeln!(out, "{}", t.text);
            }
            Node::Heading(h) => {
                let indent = "  ".repeat((h.depth as usize).saturating_sub(1));
                let _ = writeln!(out, "{indent}{}", h.label(text));
            }
            _ => {}
        }
    }
    out
}

/// The document as Markdown: the title as `#`, headings as `##`…, elements as
/// plain lines, enumeration items as list items; noise is left out.
///
/// ```
/// let text = "关于加强管理的通知\n\n一、总则\n正文。\n";
/// let md = gangmu::render::markdown(text, &gangmu::parse(text));
/// assert!(md.starts_with("# 关于加强管理的通知\n"));
/// assert!(md.contains("## 一、总则"));
/// ```
pub fn markdown(text: &str, doc: &Document) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for (_, node) in doc.walk() {
        let span = node.span();
        let is_item = matches!(node, Node::Item(_));
        let writes_block = !matches!(
            node,
            Node::Section(_)
                | Node::Enumeration(_)
                | Node::Noise(_)
                | Node::Blank(_)
                | Node::Attachment(_)
                | Node::Continuation(_)
        );
        if in_list && !is_item && writes_block {
            out.push('\n');
            in_list = false;
        }
        match node {
            Node::Title(t) => {
                let _ = writeln!(out, "# {}\n", t.text);
            }
            Node::Subtitle(Subtitle { text: t, .. }) | Node::Meta(Meta { text: t, .. }) => {
                let _ = writeln!(out, "{t}\n");
            }
            Node::Heading(h) => {
                let hashes = "#".repeat((h.depth as usize + 1).min(6));
                let _ = writeln!(out, "{hashes} {}\n", h.label(text));
            }
            Node::Paragraph(p) if p.children.is_empty() => {
                let _ = writeln!(out, "{}\n", clean(&text[span.range()]));
            }
            Node::Text(_) => {
                let t = clean(&text[span.range()]);
                if !t.is_empty() {
                    let _ = writeln!(out, "{t}\n");
                }
            }
            Node::Item(_) => {
                let _ = writeln!(out, "- {}", clean(&text[span.range()]));
                in_list = true;
            }
            _ => {}
        }
    }
    out
}

fn clean(s: &str) -> String {
    let mut t: String = s
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'))
        .collect::<Vec<_>>()
        .join("");
    t = t.replace("**", "");
    t
}
