//! PAIR002 `pair-nesting`: marks nested inside marks of the same kind:
//! `《…《…》…》`, `“…“…”…”`.
//!
//! GB/T 15834—2011 nests 书名号 as `《…〈…〉…》` and quotation marks as
//! `“…‘…’…”`. The safe fix writes the inner pair in the inner form.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::scan::MAX_OPEN_MARKS;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PAIR002",
        name: "pair-nesting",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "嵌套标点应为《〈〉》或“‘’”",
        summary_en: "nested marks should be `《〈〉》` or `“‘’”`",
    },
    doc: RuleDoc {
        what: "A `《》` pair inside a `《》` pair, or a `“”` pair inside a `“”` pair.",
        why: "GB/T 15834—2011 writes the inner pair `〈〉` or `‘’` so the reader sees where each ends.",
        fires: &["学习《关于《条例》的说明》。\n", "他说：“要坚持“两个毫不动摇”。”\n"],
        passes: &["学习《关于〈条例〉的说明》。\n", "他说：“要坚持‘两个毫不动摇’。”\n", "《条例》和《办法》\n"],
        fix: "Safe: the inner pair becomes `〈〉` or `‘’`.",
        fix_example: Some(("学习《关于《条例》的说明》。\n", "学习《关于〈条例〉的说明》。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, _, marks) in ctx.units_with_marks() {
        let base = span.start;
        // (position, mark, nested inside the same mark)
        let mut stack: Vec<(usize, char, bool)> = Vec::new();
        for (i, c) in marks.iter().copied() {
            match c {
                '《' | '“' => {
                    if stack.len() == MAX_OPEN_MARKS {
                        stack.remove(0);
                    }
                    let nested = stack.iter().any(|&(_, o, _)| o == c);
                    stack.push((i, c, nested));
                }
                '》' | '”' => {
                    let open = if c == '》' { '《' } else { '“' };
                    if let Some(p) = stack.iter().rposition(|&(_, o, _)| o == open) {
                        let (j, _, nested) = stack[p];
                        stack.truncate(p);
                        let outer_open = stack.iter().any(|&(_, o, _)| o == open);
                        if nested && outer_open {
                            let (io, ic) = if open == '《' { ("〈", "〉") } else { ("‘", "’") };
                            let d = diag(
                                Span::new(base + j, base + i + c.len_utf8()),
                                format!("嵌套在“{open}{c}”内的应写作“{io}{ic}”"),
                                format!("a pair nested in `{open}{c}` should be `{io}{ic}`"),
                            );
                            out.push(with_fix(
                                d,
                                true,
                                vec![
                                    edit(base + j, base + j + open.len_utf8(), io),
                                    edit(base + i, base + i + c.len_utf8(), ic),
                                ],
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PAIR002");
    }
}
