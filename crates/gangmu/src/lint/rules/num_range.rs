//! NUM002 `num-range`: a range of years or months written with a hyphen:
//! `2024-2026年`, `3-5月`.
//!
//! GB/T 15834—2011 (连接号) joins the ends of a time range with a 一字线
//! (`2024—2026年`) or a 浪纹线; the hyphen is the English form. Safe fix: `—`.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "NUM002",
        name: "num-range",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "时间范围应使用一字线“—”连接",
        summary_en: "a time range is joined with `—`",
    },
    doc: RuleDoc {
        what: "Year ranges `2024-2026年` (also `学年`, `年度`) and month or day ranges `3-5月` joined with `-` `－` `–` or `~`.",
        why: "GB/T 15834—2011 joins time ranges with the 一字线 `—`; a hyphen is English typography and reads as a date separator.",
        fires: &["2024-2026年工作规划\n", "每年3-5月开展检查。\n"],
        passes: &["2024—2026年工作规划\n", "2024-08-28发布\n", "每年3～5月开展检查。\n"],
        fix: "Safe: the joining mark becomes `—`.",
        fix_example: Some(("2024-2026年工作规划\n", "2024—2026年工作规划\n")),
        options: "",
        config: "",
    },
    check,
};

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d\-])(?:\d{4}([\-－–~])\d{4}(?:学?年|年度)|\d{1,2}([\-－–~])\d{1,2}(?:月|日))")
        .expect("pattern")
});

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        // Every match holds one of the separators: skip the regex elsewhere.
        if !marks.iter().any(|&(_, c)| matches!(c, '-' | '－' | '–' | '~')) {
            continue;
        }
        for c in RANGE.captures_iter(s) {
            let Some(sep) = c.get(1).or_else(|| c.get(2)) else { continue };
            let at = span.start + sep.start();
            let end = span.start + sep.end();
            let d = diag(
                Span::new(at, end),
                "时间范围应使用一字线“—”连接",
                "join a time range with `—`",
            );
            out.push(with_fix(d, true, vec![edit(at, end, "—")]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("NUM002");
    }
}
