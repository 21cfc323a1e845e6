//! SEQ008 `seq-too-deep`: more than four heading levels (编/章/节/条 aside).
//!
//! Practice keeps a document to four levels (一、 （一） 1. （1）); below that,
//! inline enumerations (一是…二是…) do the work. Regulation units do not count:
//! a regulation's 章 > 节 > 条 > 项 > 目 is its normal shape.

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ008",
        name: "seq-too-deep",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "标题层级超过四级",
        summary_en: "more than four heading levels",
    },
    doc: RuleDoc {
        what: "A heading at the fifth level or deeper, counting only levels that are not 编/章/节/条 (the first heading of each such run is reported).",
        why: "Practice stops at four levels (一、（一）1.（1）); deeper structure belongs in inline enumerations.",
        fires: &["一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n"],
        passes: &["一、甲\n（一）乙\n1.丙\n（1）丁\n", "第一章　总则\n第一节　一般规定\n第一条　目的\n（一）甲\n1.乙\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut levels = Vec::with_capacity(ctx.headings.len());
    let mut flagged_parents = std::collections::HashSet::new();
    for h in &ctx.headings {
        let own = usize::from(!h.marker.is_some_and(|m| m.family.is_regulation_unit()));
        let parent = h.parent.map_or(0, |p| levels[p]);
        let level = parent + own;
        levels.push(level);
        let parent_deep = h.parent.is_some_and(|p| levels[p] > 4);
        if level > 4 && !parent_deep {
            // Once per parent: the first too-deep child is reported.
            let first_sibling = h.parent.map_or(true, |p| flagged_parents.insert(p));
            if first_sibling {
                let span = h.marker.map_or(h.title, |m| m.span);
                out.push(diag(
                    span,
                    format!("标题层级达到第{level}级，超过四级"),
                    format!("heading at level {level}: more than four levels"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ008");
    }
}
