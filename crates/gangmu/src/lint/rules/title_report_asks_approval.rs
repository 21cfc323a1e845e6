//! TITLE004 `title-report-asks-approval`: a 报告 that asks for approval
//! (`妥否，请批示`).
//!
//! 《党政机关公文处理工作条例》第十五条: 报告 must not carry 请示事项; a request
//! for approval is a 请示.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "TITLE004",
        name: "title-report-asks-approval",
        severity: Severity::Warning,
        source: Source::T,
        summary: "报告中不得夹带请示事项",
        summary_en: "a 报告 must not ask for approval",
    },
    doc: RuleDoc {
        what: "In a document whose title ends with 报告: a request for approval (`请批示` `请审批` `请批准` `请予批准` `妥否` `请批复` `请核准`).",
        why: "The 条例 第十五条 forbids 请示事项 in a 报告; approval requests go in a 请示.",
        fires: &["关于经费使用情况的报告\n\n市财政局：\n\n现将有关情况报告如下。妥否，请批示。\n"],
        passes: &["关于经费使用情况的报告\n\n市财政局：\n\n现将有关情况报告如下。特此报告。\n", "关于拨付经费的请示\n\n市财政局：\n\n妥否，请批示。\n"],
        fix: "None: split the request into a 请示.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static ASK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"请批示|请审批|请批准|请予批准|请予审批|妥否|请批复|请核准|请予核准").expect("pattern"));

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.doc_type() != Some("报告") {
        return;
    }
    for b in &ctx.blocks {
        if b.kind != BlockKind::Paragraph || b.container != 0 {
            continue;
        }
        let s = ctx.slice(b.span);
        for m in ASK.find_iter(s) {
            out.push(diag(
                Span::new(b.span.start + m.start(), b.span.start + m.end()),
                format!("报告中不应夹带请示事项（“{}”）", m.as_str()),
                format!("a 报告 must not ask for approval (`{}`)", m.as_str()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("TITLE004");
    }
}
