//! SEQ003 `seq-gap`: a gap in the numbering of sibling headings: `一、二、四、`,
//! or a first heading that starts neither at 1 nor where the document's
//! continuous numbering would put it.
//!
//! A gap usually means a deleted or merged section left its siblings
//! unrenumbered. Documents that number a level continuously across parents
//! (国办发〔2025〕8号 runs （一）…（二十） through six 一、) are judged by that
//! scheme. 条 are REG002's. A text that opens mid-document (page 2 of a
//! regulation) may start each family where the missing pages left it.

use crate::lint::context::{diag, with_fix, Ctx};
use crate::lint::numbering::{expected_starts, groups, present_before, renumber_run};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ003",
        name: "seq-gap",
        severity: Severity::Error,
        source: Source::S,
        summary: "同级序号不连续（如“一、二、四、”）",
        summary_en: "a gap in sibling numbering (`一、二、四、`)",
    },
    doc: RuleDoc {
        what: "Sibling headings of one family whose ordinals jump (`一、` `二、` `四、`), or a first sibling that starts at neither 1 nor the next number of the document's continuous scheme.",
        why: "Ordinals are references (`第三部分`, `（三）项`); a gap means a section was deleted or merged without renumbering.",
        fires: &["一、总则\n二、目的\n四、附则\n", "一、总则\n（一）目的\n（三）范围\n"],
        passes: &[
            "一、总则\n二、目的\n三、附则\n",
            "一、总则\n（一）目的\n（二）范围\n二、任务\n（三）内容\n（四）要求\n",
            "一、总则\n（一）目的\n二、任务\n（一）内容\n",
        ],
        fix: "Unsafe: renumber the siblings from the gap on.",
        fix_example: Some(("一、总则\n二、目的\n四、附则\n五、其他\n", "一、总则\n二、目的\n三、附则\n四、其他\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let gs = groups(ctx);
    let starts = expected_starts(ctx, &gs);
    let ord = |i: usize| ctx.headings[i].marker.map_or(0, |m| m.ordinal);
    for (gi, (g, &(expected, this, _))) in gs.iter().zip(&starts).enumerate() {
        let mut fixed = false;
        let first = ord(g.members[0]);
        // Where the previous sibling would be: after the previous heading of
        // the family, or the parent heading, or the container's start.
        let prev_same = gs[..gi]
            .iter()
            .rev()
            .find(|p| p.family == g.family && p.container == g.container)
            .and_then(|p| p.members.last())
            .map(|&i| ctx.headings[i].span.start);
        let parent = ctx.headings[g.members[0]].parent.map(|p| ctx.headings[p].span.start);
        let from = prev_same.or(parent).unwrap_or(0);
        // A text that opens mid-document continues counts begun on pages it
        // lacks: the first group of each family may start anywhere.
        let continues_a_count =
            prev_same.is_none() && g.container == 0 && ctx.opens_mid_document();
        if this.is_none()
            && !continues_a_count
            && first > expected
            && !present_before(ctx, ctx.headings[g.members[0]].marker.expect("numbered"), first - 1, from)
        {
            let m = ctx.headings[g.members[0]].marker.expect("numbered");
            let d = diag(
                m.span,
                format!("序号“{}”应从{expected}开始", m.text),
                format!("numbering should start at {expected}, not at `{}`", m.text),
            );
            out.push(with_fix(d, false, renumber_run(ctx, &g.members, expected)));
            fixed = true;
        }
        for k in 1..g.members.len() {
            let (prev, cur) = (ord(g.members[k - 1]), ord(g.members[k]));
            let m = ctx.headings[g.members[k]].marker.expect("numbered");
            let from = ctx.headings[g.members[k - 1]].span.start;
            if cur > prev + 1 && !present_before(ctx, m, cur - 1, from) {
                let d = diag(
                    m.span,
                    format!("序号不连续：“{}”前缺少{}个序号", m.text, cur - prev - 1),
                    format!(
                        "numbering gap: {} ordinal(s) missing before `{}`",
                        cur - prev - 1,
                        m.text
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
        check_doc_examples("SEQ003");
    }

    #[test]
    fn renumbering_is_unsafe_and_never_applied_by_default() {
        let t = "一、总则\n二、目的\n四、附则\n";
        assert_eq!(fixed("SEQ003", t, false), t);
    }

    #[test]
    fn a_sibling_present_in_the_text_but_not_as_a_heading_is_no_gap() {
        // `（二）` glued to the end of a line (PDF extraction): the numbering is right.
        passes("SEQ003", "一、总则\n（一）目的。 （二）范围。\n（三）要求。\n");
    }

    #[test]
    fn a_page_that_opens_mid_document_continues_its_counts() {
        let t = "（一）总则。包括编制目的。\n（二）组织机构。包括组织体系。\n第四章　管理责任\n第十条　市应急办统筹指导。\n第十一条　各部门负责。\n第五章　附则\n第十二条　本办法自发布之日起施行。\n";
        passes("SEQ003", t);
        // The same chapters in a whole document: 第四章 first is a gap.
        fires("SEQ003", "关于应急预案管理的办法\n\n第四章　管理责任\n第十条　市应急办统筹指导。\n第五章　附则\n第十一条　本办法自发布之日起施行。\n");
        // A later gap in a fragment is still one.
        fires("SEQ003", "（一）总则。包括编制目的。\n（二）组织机构。包括组织体系。\n第四章　管理责任\n第十条　市应急办统筹指导。\n第六章　附则\n第十二条　本办法自发布之日起施行。\n");
    }

    #[test]
    fn a_document_that_starts_at_two_is_flagged() {
        let d = fires("SEQ003", "二、目的\n三、附则\n");
        assert_eq!(d.len(), 1);
    }
}
