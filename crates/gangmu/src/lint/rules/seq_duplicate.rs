//! SEQ004 `seq-duplicate`: a sibling heading whose ordinal repeats or goes
//! back: `一、二、二、`, `（三）（二）`.
//!
//! Duplicates come from copied sections and merges; they break every
//! reference to the numbers.

use crate::lint::context::{diag, with_fix, Ctx};
use crate::lint::numbering::{groups, renumber_run};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ004",
        name: "seq-duplicate",
        severity: Severity::Error,
        source: Source::S,
        summary: "同级序号重复或倒退",
        summary_en: "a sibling ordinal repeats or decreases",
    },
    doc: RuleDoc {
        what: "A heading whose ordinal is not greater than its previous sibling's of the same family: `一、二、二、`, `（三）` after `（四）`. A restart at 1 starts a new list and is not reported.",
        why: "Each ordinal names one section; a repeated or decreasing number is a copy or merge error.",
        fires: &["一、总则\n二、目的\n二、范围\n", "（一）目的\n（三）范围\n（二）要求\n"],
        passes: &["一、总则\n二、目的\n三、范围\n", "一、甲\n二、乙\n\n总结如下。\n\n一、丙\n二、丁\n", "一、总则\n（一）目的\n二、任务\n（一）内容\n"],
        fix: "Unsafe: renumber the siblings from the repeated one on.",
        fix_example: Some(("一、总则\n二、目的\n二、范围\n三、附则\n", "一、总则\n二、目的\n三、范围\n四、附则\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let ord = |i: usize| ctx.headings[i].marker.map_or(0, |m| m.ordinal);
    for g in groups(ctx) {
        let mut fixed = false;
        for k in 1..g.members.len() {
            let (prev, cur) = (ord(g.members[k - 1]), ord(g.members[k]));
            // A new list restarting at 1 after body text is not a repeat.
            if cur <= prev && cur != 1 {
                let m = ctx.headings[g.members[k]].marker.expect("numbered");
                let what = if cur == prev { "重复" } else { "倒退" };
                let d = diag(
                    m.span,
                    format!("序号“{}”{what}", m.text),
                    format!(
                        "ordinal `{}` {}",
                        m.text,
                        if cur == prev { "repeats" } else { "goes back" }
                    ),
                );
                let edits = if fixed {
                    Vec::new()
                } else {
                    renumber_run(ctx, &g.members[k..], prev + 1)
                };
                fixed = true;
                out.push(with_fix(d, false, edits));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ004");
    }
}
