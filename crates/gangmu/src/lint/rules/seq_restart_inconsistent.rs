//! SEQ005 `seq-restart-inconsistent`: child numbering that restarts at 1 under
//! some parents and continues across others.
//!
//! Both schemes are in use: most documents restart `（一）` under each `一、`,
//! while central documents often number continuously (国办发〔2025〕8号,
//! the 十五五 建议). One document should use one scheme; the minority groups are
//! reported.

use crate::lint::context::{diag, Ctx};
use crate::lint::numbering::{expected_starts, groups, Scheme};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ005",
        name: "seq-restart-inconsistent",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "下级序号有的重新编号、有的连续编号",
        summary_en: "child numbering restarts under some parents and continues under others",
    },
    doc: RuleDoc {
        what: "Groups of child headings of one family where most continue the previous parent's numbering and some restart at 1, or the other way round.",
        why: "Restarting and continuous numbering are both valid schemes; mixing them in one document makes references ambiguous.",
        fires: &["一、甲\n（一）a\n二、乙\n（二）b\n三、丙\n（三）c\n四、丁\n（一）d\n"],
        passes: &[
            "一、甲\n（一）a\n二、乙\n（一）b\n三、丙\n（一）c\n",
            "一、甲\n（一）a\n二、乙\n（二）b\n三、丙\n（三）c\n",
        ],
        fix: "None: decide on one scheme and renumber.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let gs = groups(ctx);
    let starts = expected_starts(ctx, &gs);
    // Groups per (family, container), counted once.
    let mut class_size: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    for g in &gs {
        *class_size.entry((g.family, g.container)).or_insert(0) += 1;
    }
    for (g, &(_, this, scheme)) in gs.iter().zip(&starts) {
        let Some(this) = this else { continue };
        // Needs a clear majority: at least two later groups of the family.
        let later = class_size[&(g.family, g.container)];
        if later < 3 || this == scheme {
            continue;
        }
        let m = ctx.headings[g.members[0]].marker.expect("numbered");
        let (zh, en) = match this {
            Scheme::Restart => ("重新从1编号，而本文其他部分连续编号", "restarts at 1 where the rest of the document numbers continuously"),
            Scheme::Continue => ("接续上一部分编号，而本文其他部分重新编号", "continues the previous numbering where the rest of the document restarts"),
        };
        out.push(diag(
            m.span,
            format!("“{}”{zh}", m.text),
            format!("`{}` {en}", m.text),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ005");
    }
}
