//! W001 `web-noise`: web-page chrome or metadata around the document: 热门文档
//! lists, 来源/字体/阅读 lines, uploader headers, licence trailers.
//!
//! Scraped text carries the page around the document. The parser recognises it
//! as `noise` nodes; this rule reports each run of such lines (with the blank
//! lines and other noise between them) once, from the tree.

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::span::Span;
use crate::tree::{Document, Node, NoiseKind};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "W001",
        name: "web-noise",
        severity: Severity::Warning,
        source: Source::W,
        summary: "文档前后夹带网页或元数据内容",
        summary_en: "web page chrome or metadata around the document",
    },
    doc: RuleDoc {
        what: "Lines the parser classifies as web chrome, metadata, a repeated title or a licence trailer.",
        why: "Scraped documents carry the page around them; a pipeline should strip it before use.",
        fires: &["热门文档\n- 2024-08-28 08:57:57 范文\n\n关于开展检查的通知\n\n正文。\n"],
        passes: &["关于开展检查的通知\n\n正文。\n"],
        fix: "None: remove the lines (the `noise` nodes of the tree say which).",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(find(ctx.text, ctx.doc));
}

/// Noise that the site added around the document (not page numbers, tables
/// of contents or empty markup, which the document's own conversion made).
fn is_site_noise(kind: NoiseKind) -> bool {
    matches!(
        kind,
        NoiseKind::WebChrome | NoiseKind::Metadata | NoiseKind::RepeatedTitle | NoiseKind::License
    )
}

/// W001 findings of a tree: one per run of whole noise lines that opens with
/// site noise, from its first line to the end of its last noise line.
pub(crate) fn find(text: &str, doc: &Document) -> Vec<Diagnostic> {
    // A noise leaf is whole lines unless it is a page number glued to the
    // start of a line of text (`-2-第四条…`): that one does not end a line.
    let whole_lines = |span: Span| {
        span.end >= text.len() || text[..span.end].ends_with(['\n', '\r'])
    };
    let leaves: Vec<&Node> = doc.leaves().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < leaves.len() {
        let opens = matches!(leaves[k], Node::Noise(n) if is_site_noise(n.kind) && whole_lines(n.span));
        if !opens {
            k += 1;
            continue;
        }
        let start = leaves[k].span().start;
        let mut last_noise = k;
        let mut j = k;
        while j + 1 < leaves.len() {
            match leaves[j + 1] {
                Node::Noise(n) if whole_lines(n.span) => last_noise = j + 1,
                Node::Blank(_) => {}
                _ => break,
            }
            j += 1;
        }
        let end = leaves[last_noise].span().end;
        let end = text[..end].trim_end_matches(['\n', '\r']).len();
        out.push(diag(
            Span::new(start, end),
            "文档前后夹带网页或元数据内容",
            "web page chrome or metadata around the document",
        ));
        k = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("W001");
    }
}
