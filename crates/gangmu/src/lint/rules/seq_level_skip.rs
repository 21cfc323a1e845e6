//! SEQ001 `seq-level-skip`: a level skipped: `一、` directly followed, one level
//! down, by `1.` with no `（一）` between.
//!
//! GB/T 9704—2012 §7.3.3 says the levels "可以" be numbered 一、（一）1.（1）: a
//! recommendation, and documents do skip levels. The rule is therefore off
//! unless `allow-level-skip = false`.

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ001",
        name: "seq-level-skip",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "标题层级跳级（如“一、”下直接用“1.”）",
        summary_en: "a heading level is skipped (`一、` then `1.`)",
    },
    doc: RuleDoc {
        what: "A heading whose marker's canonical level is more than one below its parent's: `1.` directly under `一、`, `（1）` directly under `（一）`. Reported only with `allow-level-skip = false`.",
        why: "The standard order is 一、 → （一） → 1. → （1）; skipping a level makes the structure harder to follow. GB/T 9704 only recommends the order, so the rule is opt-in.",
        fires: &["一、总则\n1.内容\n2.其他\n"],
        passes: &["一、总则\n（一）目的\n1.内容\n"],
        fix: "None: choose the missing level or renumber by hand.",
        fix_example: None,
        options: "`allow-level-skip` (default true) turns the rule off.",
        config: "[options]\nallow-level-skip = false\n",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.options.allow_level_skip {
        return;
    }
    for h in &ctx.headings {
        let (Some(m), Some(p)) = (h.marker, h.parent) else {
            continue;
        };
        let Some(pm) = ctx.headings[p].marker else {
            continue;
        };
        let (Some(c), Some(pl)) = (m.family.canonical_level(), pm.family.canonical_level()) else {
            continue;
        };
        if c > pl + 1 {
            out.push(diag(
                m.span,
                format!("“{}”下直接使用“{}”，跳过了{}级标题", pm.text, m.text, c - pl - 1),
                format!(
                    "`{}` directly under `{}` skips {} level(s)",
                    m.text,
                    pm.text,
                    c - pl - 1
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;
    use crate::lint::Options;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ001");
    }

    #[test]
    fn fires_only_when_skips_are_not_allowed() {
        let strict = Options {
            allow_level_skip: false,
            ..Options::default()
        };
        let d = run_with("SEQ001", "一、总则\n1.内容\n2.其他\n", strict.clone());
        assert_eq!(d.len(), 2, "should flag each 1. under 一、: {d:?}");
        assert!(run_with("SEQ001", "一、总则\n（一）目的\n1.内容\n", strict).is_empty());
        assert!(
            run_with("SEQ001", "一、总则\n1.内容\n", Options::default()).is_empty(),
            "should accept skips by default"
        );
    }
}
