//! ENUM003 `enum-aspect-unpaired`: `一方面` without `另一方面`.
//!
//! `一方面…另一方面…` is a pair; a lone `一方面` leaves the reader waiting for
//! the other side. The pair is looked for in the same paragraph and the next.

use crate::enumeration::EnumerationFamily;
use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ENUM003",
        name: "enum-aspect-unpaired",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "“一方面”缺少“另一方面”",
        summary_en: "`一方面` without `另一方面`",
    },
    doc: RuleDoc {
        what: "A clause-initial `一方面` with no `另一方面` in the same paragraph or the next one; a `另一方面` with no `一方面` in the same paragraph or the one before.",
        why: "`一方面…另一方面…` is a correlative pair; the lone half is usually a cut sentence.",
        fires: &["一方面要稳增长，同时要防风险。\n", "要全力抓好招商引资。另一方面，要扎实推进乡村振兴。\n"],
        passes: &["一方面要稳增长，另一方面要防风险。\n", "一方面要稳增长。\n另一方面要防风险。\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let found = ctx.inline_markers();
    for (k, f) in found.iter().enumerate() {
        if f.marker.family != EnumerationFamily::Aspect || f.marker.ordinal != 1 {
            continue;
        }
        let paired = found[k + 1..]
            .iter()
            .take_while(|o| o.block <= f.block + 1)
            .any(|o| o.marker.family == EnumerationFamily::Aspect && o.marker.ordinal == 2);
        if !paired {
            out.push(diag(
                f.marker.span,
                "“一方面”之后缺少“另一方面”",
                "`一方面` is not followed by `另一方面`",
            ));
        }
    }
    // `另一方面` with no `一方面` before it in its paragraph or the one before
    // (anywhere in them: `我们一方面要…；另一方面，…` opens mid-clause).
    // Each block is searched once (a paragraph with thousands of `另一方面`
    // made this quadratic when the text before each was copied and searched:
    // the linear_time fuzz target).
    let mut first_side: Vec<Option<Option<usize>>> = vec![None; ctx.blocks.len()];
    let mut first_side_in = |b: usize| {
        *first_side[b].get_or_insert_with(|| first_lone_first_side(ctx.slice(ctx.blocks[b].span)))
    };
    for f in found {
        if f.marker.family != EnumerationFamily::Aspect || f.marker.ordinal != 2 {
            continue;
        }
        let block = &ctx.blocks[f.block];
        let in_block = first_side_in(f.block)
            .is_some_and(|at| block.span.start + at + "一方面".len() <= f.marker.span.start);
        let in_prev = f.block.checked_sub(1).is_some_and(|b| first_side_in(b).is_some());
        let paired = in_block || in_prev;
        if !paired {
            out.push(diag(
                f.marker.span,
                "“另一方面”之前缺少“一方面”",
                "`另一方面` is not preceded by `一方面`",
            ));
        }
    }
}

/// Where `一方面` first stands alone in `s`, not as the end of `另一方面`.
fn first_lone_first_side(s: &str) -> Option<usize> {
    s.match_indices("一方面")
        .map(|(i, _)| i)
        .find(|&i| !s[..i].ends_with('另'))
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ENUM003");
    }

    #[test]
    fn many_second_sides_in_one_paragraph_are_each_reported_once() {
        let text = "内容。另一方面".repeat(2000) + "\n";
        assert_eq!(fires("ENUM003", &text).len(), 2000);
        let text = format!("我们一方面要抓好落实。{}\n", "另一方面，要加强监督。".repeat(50));
        passes("ENUM003", &text);
    }

    #[test]
    fn the_first_side_may_open_mid_clause() {
        passes("ENUM003", "我们一方面要解放思想，加快改革；另一方面，又要认识改革的艰巨性。\n");
        passes("ENUM003", "我们一方面要解放思想。\n另一方面，又要认识改革的艰巨性。\n");
    }
}
