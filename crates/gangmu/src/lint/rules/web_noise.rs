//! W001 `web-noise`: web-page chrome or metadata around the document: 热门文档
//! lists, 来源/字体/阅读 lines, uploader headers, licence trailers.
//!
//! Scraped text carries the page around the document. The parser recognises it
//! (as `noise` nodes) and raises W001; this rule reports those findings.

use crate::lint::context::Ctx;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
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
    out.extend(ctx.doc.diagnostics.iter().filter(|d| d.rule == "W001").cloned());
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("W001");
    }
}
