//! PH001 `placeholder`: an unfilled template placeholder: `XX县`, `××单位`,
//! `X月X日`, `□□`.
//!
//! Template sites and drafts leave placeholders for names and dates; a
//! document that still has them is not finished. No fix — and never spaces
//! into `XX县`.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PH001",
        name: "placeholder",
        severity: Severity::Warning,
        source: Source::W,
        summary: "存在未填写的占位符（XX、××、X月X日、□□）",
        summary_en: "an unfilled placeholder (XX, ××, X月X日, □□)",
    },
    doc: RuleDoc {
        what: "`XX` `ＸＸ` `××` (two or more), a single `X`/`×` before 年 月 日 号 or an organ word, or `□□`, in the document's text.",
        why: "Placeholders mark what a drafter must fill in; left in, they publish a template.",
        fires: &["XX县教育局认真落实。\n", "于X月X日召开。\n", "××单位：\n\n正文。\n"],
        passes: &["某县教育局认真落实。\n", "3×4的方格。\n", "Windows XP 系统\n"],
        fix: "None: the placeholder needs its value.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static PH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[XＸ×]{2,}|[XＸ×](?:年|月|日|号|县|市|区|镇|乡|村|局|省|单位|公司|同志)|□{2,}").expect("pattern")
});

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        // Every match holds X, Ｘ, × or □: most units hold none of them.
        if !marks.iter().any(|&(_, c)| matches!(c, 'X' | 'Ｘ' | '×' | '□')) {
            continue;
        }
        for m in PH.find_iter(s) {
            // `XP`, `XXL`: Latin words are not placeholders.
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            if before.is_some_and(|c| c.is_ascii_alphabetic()) || after.is_some_and(|c| c.is_ascii_alphabetic()) {
                continue;
            }
            out.push(diag(
                Span::new(span.start + m.start(), span.start + m.end()),
                format!("存在未填写的占位符“{}”", m.as_str()),
                format!("unfilled placeholder `{}`", m.as_str()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PH001");
    }

    #[test]
    fn never_fixes_placeholders() {
        let t = "XX县教育局认真落实。\n";
        assert_eq!(crate::lint::fix(t, &Default::default(), true), t, "should never insert spaces into XX县");
    }
}
