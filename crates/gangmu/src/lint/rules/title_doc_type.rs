//! TITLE001 `title-doc-type`: a title that names no 文种, or names the
//! non-existent 请示报告.
//!
//! 《党政机关公文处理工作条例》第八条 lists 15 文种; a title is
//! `发文机关＋关于＋事由＋的＋文种` (GB/T 9704—2012 §7.3.1). Practice adds 方案,
//! 办法, 规定, 条例, 工作报告, 讲话 and others, accepted here. 请示 and 报告 are
//! distinct: `请示报告` is an error of the kind the 条例 forbids (报告 must not
//! carry 请示事项).

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "TITLE001",
        name: "title-doc-type",
        severity: Severity::Warning,
        source: Source::T,
        summary: "标题缺少文种或文种不规范（如“请示报告”）",
        summary_en: "the title names no document type, or a wrong one (`请示报告`)",
    },
    doc: RuleDoc {
        what: "A main title that ends with none of the 15 statutory 文种 nor a type common in practice (方案, 办法, 规定, 条例, 讲话, 总结, 记录…), ignoring a final parenthesis such as （试行）; or one that ends with `请示报告`.",
        why: "The 条例 第八条 fixes the 文种 and GB/T 9704—2012 §7.3.1 puts it at the end of the title; 请示 and 报告 are two types and must not be merged.",
        fires: &["关于加强安全生产工作\n\n各单位：\n\n正文。\n", "关于拨付经费的请示报告\n\n市财政局：\n\n正文。\n"],
        passes: &["关于加强安全生产工作的通知\n\n各单位：\n\n正文。\n", "某某市管理办法（试行）\n\n第一条　为了规范管理，制定本办法。\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((span, title)) = ctx.title else { return };
    let span = ctx.content(span).0;
    if crate::text::strip_trailing_parentheticals(title).ends_with("请示报告") {
        out.push(diag(
            span,
            "“请示报告”不是规范文种：请示与报告应分别行文",
            "`请示报告` is not a document type: a 请示 and a 报告 are separate documents",
        ));
    } else if crate::text::doc_type_of(title).is_none() {
        out.push(diag(
            span,
            format!("标题“{}”缺少文种", crate::lint::scan::excerpt(title, 30)),
            "the title names no document type (文种)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("TITLE001");
    }

    #[test]
    fn reads_the_doc_type() {
        assert_eq!(crate::text::doc_type_of("关于拨付经费的请示"), Some("请示"));
        assert_eq!(crate::text::doc_type_of("某某办法（试行）"), Some("办法"));
        assert_eq!(crate::text::doc_type_of("关于加强管理"), None);
    }
}
