//! TITLE003 `title-doubled`: a doubled 文种 or 关于 in a title:
//! `关于转发…关于…的通知的通知`.
//!
//! When a document forwards another, practice drops the inner 关于 and 文种
//! rather than stacking them (《党政机关公文处理工作条例》, drafting manuals).

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "TITLE003",
        name: "title-doubled",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "标题中“关于”或文种重复（如“的通知的通知”）",
        summary_en: "a doubled `关于` or document type in the title",
    },
    doc: RuleDoc {
        what: "A title with `关于` twice, or two document types in a row (`的通知的通知`, `的意见的通知`).",
        why: "A forwarding title stacks 关于 and 文种; practice keeps one of each (`转发…意见的通知`).",
        fires: &["关于转发市政府关于加强管理的意见的通知\n\n各单位：\n\n正文。\n", "关于做好检查工作的通知的通知\n\n各单位：\n\n正文。\n"],
        passes: &["关于转发市政府加强管理意见的通知\n\n各单位：\n\n正文。\n"],
        fix: "None: rewording is the drafter's.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static DOUBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"的(?:通知|意见|决定|报告|请示|批复|函|通报|公告|通告|方案|办法)的(?:通知|意见|决定|批复|函|通报)")
        .expect("pattern")
});

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some((span, title)) = ctx.title else { return };
    let span = ctx.content(span).0;
    if title.matches("关于").count() >= 2 {
        out.push(diag(span, "标题中“关于”重复", "`关于` appears twice in the title"));
    }
    if let Some(m) = DOUBLE.find(title) {
        out.push(diag(
            span,
            format!("标题中文种重复：“{}”", m.as_str()),
            format!("doubled document type in the title: `{}`", m.as_str()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("TITLE003");
    }
}
