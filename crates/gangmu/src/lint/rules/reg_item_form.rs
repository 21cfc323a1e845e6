//! REG003 `reg-item-form`: in an article, a 项 not numbered `（一）` or a 目
//! not numbered `1.`.
//!
//! Legislative drafting divides 条 into 款 (unnumbered paragraphs), 项
//! (`（一）`) and 目 (`1.`).

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "REG003",
        name: "reg-item-form",
        severity: Severity::Warning,
        source: Source::L,
        summary: "条下的项应为“（一）”，目应为“1.”",
        summary_en: "items of an article are `（一）`, sub-items `1.`",
    },
    doc: RuleDoc {
        what: "A numbered heading directly under an article (条) that is not `（一）`, or one directly under such an item that is not `1.`.",
        why: "Legislative drafting numbers 项 `（一）` and 目 `1.`; other forms make the citation `第三条第（二）项` impossible.",
        fires: &["第一条　本办法所称单位包括：\n1.机关；\n2.事业单位。\n"],
        passes: &["第一条　本办法所称单位包括：\n（一）机关；\n（二）事业单位。\n", "第一条　单位包括：\n（一）机关：\n1.党政机关；\n2.人大机关。\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let (Some(m), Some(p)) = (h.marker, h.parent) else { continue };
        let Some(pm) = ctx.headings[p].marker else { continue };
        let grand = ctx.headings[p].parent.and_then(|g| ctx.headings[g].marker);
        let (want, what_zh, what_en) = if pm.family == MarkerFamily::Article {
            (MarkerFamily::ChineseParen, "项", "item (项)")
        } else if pm.family == MarkerFamily::ChineseParen
            && grand.is_some_and(|g| g.family == MarkerFamily::Article)
        {
            (MarkerFamily::ArabicDot, "目", "sub-item (目)")
        } else {
            continue;
        };
        if m.family == want || m.family.is_regulation_unit() {
            continue;
        }
        let form = if want == MarkerFamily::ChineseParen { "（一）" } else { "1." };
        out.push(diag(
            m.span,
            format!("条下的{what_zh}应使用“{form}”编号，而非“{}”", m.text),
            format!("an {what_en} of an article is numbered `{form}`, not `{}`", m.text),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("REG003");
    }
}
