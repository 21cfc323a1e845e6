//! TITLE004 `title-report-asks-approval`: a 报告 that asks for approval
//! (`妥否，请批示`, `请予批准`), in its body or by its title
//! (`关于申请拨付经费的报告`).
//!
//! 《党政机关公文处理工作条例》第十五条（四）: 请示 are 一文一事, and no 请示事项
//! ride in a 报告 or another document that asks nothing. A document is a 报告
//! by its title's 文种, or — when no title names one (none was found, or a
//! title ending with `。` was not recognised) — by its closing formula
//! (`特此报告`, `现将有关情况报告如下`).

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::quotations;
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
        what: "In a 报告 (by its title's 文种, or by its closing formula `特此报告` / `现将…报告如下` when no title names one): a request for approval in the body outside quotation marks (`妥否，请批示` `当否，请批示` `请批示` `请审批` `请批准` `请予批准` `请批复` `请核准`), one finding per request; or a title whose 事由 is a request (`关于申请…的报告`, `关于请求…的报告`).",
        why: "《党政机关公文处理工作条例》第十五条（四）: no 请示事项 in a 报告; a 报告 is not answered, so a request in it goes unanswered. Approval requests go in a 请示.",
        fires: &[
            "关于经费使用情况的报告\n\n市财政局：\n\n现将有关情况报告如下。妥否，请批示。\n",
            "关于申请拨付防汛经费的报告\n\n市财政局：\n\n我局防汛经费缺口50万元。\n\n特此报告。\n",
            "关于经费使用情况的报告。\n\n市财政局：\n\n现将有关情况报告如下。经费尚缺50万元，请予批准追加。\n\n特此报告。\n",
        ],
        passes: &[
            "关于经费使用情况的报告\n\n市财政局：\n\n现将有关情况报告如下。特此报告。\n",
            "关于拨付经费的请示\n\n市财政局：\n\n妥否，请批示。\n",
            "关于2024年专利申请情况的报告\n\n市科技局：\n\n全年申请专利120件。\n\n特此报告。\n",
            "关于经费使用情况的报告\n\n市财政局：\n\n按照市政府“请予批准”的批复精神，经费已拨付到位。\n\n特此报告。\n",
        ],
        fix: "None: split the request into a 请示.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

/// A request for approval; `妥否，请批示` is one request.
static ASK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:妥否|当否|可否)[，,]?\s*请(?:予)?(?:批示|审批|批准|批复|核准|示)|(?:妥否|当否)|请(?:予)?(?:批示|审批|批准|批复|核准)").expect("pattern")
});

/// A title whose 事由 is a request: `关于申请拨付…的报告`.
static ASKING_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"关于(?:申请|请求|恳请|请予|请批)").expect("pattern"));

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.upward_type() != Some("报告") {
        return;
    }
    if let Some((span, t)) = ctx.title.filter(|_| ctx.doc_type() == Some("报告")) {
        if let Some(m) = ASKING_TITLE.find(t) {
            let at = span.start + m.start();
            out.push(diag(
                Span::new(at, at + m.len()),
                format!("标题以“{}”为事由的报告夹带请示事项，应使用请示", &m.as_str()["关于".len()..]),
                format!("a 报告 whose title asks (`{}`) is a 请示", m.as_str()),
            ));
        }
    }
    for b in &ctx.blocks {
        if b.kind != BlockKind::Paragraph || b.container != 0 {
            continue;
        }
        let s = ctx.slice(b.span);
        let quotes = quotations(s);
        for m in ASK.find_iter(s) {
            if quotes.iter().any(|&(a, e)| a < m.start() && m.start() < e) {
                continue;
            }
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

    #[test]
    fn one_request_is_one_finding() {
        let d = fires("TITLE004", "关于经费使用情况的报告\n\n市财政局：\n\n经费尚有缺口。\n\n妥否，请批示。\n");
        assert_eq!(d.len(), 1, "{d:#?}");
        let d = fires("TITLE004", "关于经费使用情况的报告\n\n市财政局：\n\n经费尚有缺口。\n\n当否，请予批准。\n");
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    #[test]
    fn the_closing_makes_a_report_of_a_text_without_a_recognised_title() {
        // No title at all, the closing says 报告.
        fires("TITLE004", "市财政局：\n\n现将一季度经费使用情况报告如下。经费尚有缺口，请予批准追加。\n\n特此报告。\n");
        // A closing that says 请示: a 请示 may ask.
        passes("TITLE004", "市财政局：\n\n经费尚有缺口，请予批准追加。\n\n特此请示。\n");
        // A title naming another 文种 wins over the closing.
        passes("TITLE004", "关于追加经费的函\n\n市财政局：\n\n现将有关情况报告如下。请予批准。\n");
    }

    #[test]
    fn a_reports_title_that_asks_is_reported_on_the_title() {
        let t = "关于请求拨付防汛经费的报告\n\n市财政局：\n\n特此报告。\n";
        let d = fires("TITLE004", t);
        assert_eq!(&t[d[0].span.range()], "关于请求");
    }
}
