//! SEQ007 `seq-single-child`: a level with a single numbered heading: `一、`
//! holding only `（一）`.
//!
//! Dividing a section into one part adds a level without dividing anything;
//! it is often a sign that siblings were deleted. Information only.

use crate::lint::context::{diag, Ctx};
use crate::lint::numbering::groups;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ007",
        name: "seq-single-child",
        severity: Severity::Info,
        source: Source::Pr,
        summary: "某层级只有一个序号",
        summary_en: "a level holds a single numbered heading",
    },
    doc: RuleDoc {
        what: "A numbered heading that is the only one of its family under its parent (`一、` holding only `（一）`).",
        why: "A division into one part is no division; it often means siblings were deleted.",
        fires: &["一、总则\n（一）目的\n二、附则\n（一）施行\n（二）解释\n"],
        passes: &["一、总则\n（一）目的\n（二）范围\n二、附则\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for g in groups(ctx) {
        if g.members.len() != 1 {
            continue;
        }
        let h = &ctx.headings[g.members[0]];
        let Some(m) = h.marker else { continue };
        if m.family.is_regulation_unit() {
            continue;
        }
        out.push(diag(
            m.span,
            format!("“{}”是本层级唯一的序号", m.text),
            format!("`{}` is the only heading of its level here", m.text),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ007");
    }
}
