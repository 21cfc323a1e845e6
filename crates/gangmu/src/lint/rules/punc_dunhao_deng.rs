//! PUNC005 `punc-dunhao-deng`: a 顿号 before `等`: `学校、医院、等单位`.
//!
//! GB/T 15834—2011: `等` closes the list directly (`学校、医院等单位`); the 顿号
//! separates items, and `等` is not one. Safe fix: delete the 顿号.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PUNC005",
        name: "punc-dunhao-deng",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "“等”前不用顿号",
        summary_en: "no 顿号 before `等`",
    },
    doc: RuleDoc {
        what: "`、等` (and `、等等`).",
        why: "GB/T 15834—2011: 等 ends the list and takes no 顿号 before it.",
        fires: &["学校、医院、等单位。\n"],
        passes: &["学校、医院等单位。\n", "一等奖、二等奖。\n"],
        fix: "Safe: delete the 顿号.",
        fix_example: Some(("学校、医院、等单位。\n", "学校、医院等单位。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        let at_deng = |&&(i, c): &&(usize, char)| c == '、' && s[i + '、'.len_utf8()..].starts_with('等');
        for &(i, _) in marks.iter().filter(at_deng) {
            let at = span.start + i;
            let d = diag(
                Span::new(at, at + "、等".len()),
                "“等”前不应使用顿号",
                "no `、` before `等`",
            );
            out.push(with_fix(d, true, vec![edit(at, at + '、'.len_utf8(), "")]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PUNC005");
    }
}
