//! W002 `truncated`: the text ends mid-sentence.
//!
//! Paywalled template sites cut documents off mid-list. The parser detects
//! the cut (the last line of text ends without terminal punctuation) and
//! raises W002; this rule reports it.

use crate::lint::context::Ctx;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "W002",
        name: "truncated",
        severity: Severity::Warning,
        source: Source::W,
        summary: "文本在句中截断",
        summary_en: "the text is truncated mid-sentence",
    },
    doc: RuleDoc {
        what: "The last line of text ends without terminal punctuation and is not a heading or an end element.",
        why: "A cut text is incomplete; what follows the cut is lost.",
        fires: &["关于开展检查的通知\n\n各单位：\n\n一是统一思想，提高认识，切实加强对检查工作的组织领导和统筹"],
        passes: &["关于开展检查的通知\n\n各单位：\n\n一是统一思想，提高认识。\n"],
        fix: "None: find the full text.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(ctx.doc.diagnostics.iter().filter(|d| d.rule == "W002").cloned());
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("W002");
    }
}
