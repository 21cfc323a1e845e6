//! REG004 `reg-numbered-kuan`: a 款 written with a number (`第二款　…`).
//!
//! 款 are the unnumbered paragraphs of an article; they are cited by position
//! (`第三条第二款`), never numbered in the text.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "REG004",
        name: "reg-numbered-kuan",
        severity: Severity::Warning,
        source: Source::L,
        summary: "款不编序号",
        summary_en: "paragraphs (款) of an article are not numbered",
    },
    doc: RuleDoc {
        what: "A paragraph inside an article that opens with `第X款` and a space or colon.",
        why: "款 are unnumbered paragraphs; numbering them in the text clashes with citations by position.",
        fires: &["第一条　为了规范管理，制定本办法。\n第二款　本办法适用于本市。\n"],
        passes: &["第一条　为了规范管理，制定本办法。\n本办法适用于本市。\n", "第一条　依照本法第二款规定执行。\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static KUAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \u3000]*(第[一二三四五六七八九十]+款)[ \u3000：:]").expect("pattern"));

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in &ctx.blocks {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let in_article = b
            .heading
            .and_then(|h| ctx.headings[h].marker)
            .is_some_and(|m| m.family == MarkerFamily::Article);
        if !in_article {
            continue;
        }
        if let Some(m) = KUAN.captures(ctx.slice(b.span)).and_then(|c| c.get(1)) {
            out.push(diag(
                Span::new(b.span.start + m.start(), b.span.start + m.end()),
                format!("款不编序号：“{}”", m.as_str()),
                format!("paragraphs of an article are not numbered: `{}`", m.as_str()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("REG004");
    }
}
