//! HDR004 `hdr-bracket-width`: a bracketed marker with half-width or mismatched
//! brackets: `(一)` `（一)` `(1)`.
//!
//! Chinese text takes full-width brackets (GB/T 9704—2012 §7.3.3 writes `（一）`,
//! `（1）`); half-width ones come from typing or scraping. The safe fix writes
//! full-width brackets — never the other way round.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR004",
        name: "hdr-bracket-width",
        severity: Severity::Warning,
        source: Source::S,
        summary: "序号括号应为全角“（）”",
        summary_en: "marker brackets should be full-width `（）`",
    },
    doc: RuleDoc {
        what: "A bracketed heading marker written with a half-width bracket on either side: `(一)`, `（一)`, `(1）`.",
        why: "GB/T 9704—2012 §7.3.3 writes `（一）` and `（1）` with full-width brackets; half-width or mismatched brackets are typing or scraping errors.",
        fires: &["一、总则\n(一)工作目标\n", "（一)工作目标\n", "(1）内容\n"],
        passes: &["一、总则\n（一）工作目标\n", "（1）内容\n"],
        fix: "Safe: `(` → `（` and `)` → `）` in the marker.",
        fix_example: Some(("(一)工作目标\n（二)保障\n", "（一）工作目标\n（二）保障\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        let (Some(open), Some(close)) = (m.open.as_deref(), m.close.as_deref()) else {
            continue;
        };
        if open == "（" && close == "）" {
            continue;
        }
        let mut edits = Vec::new();
        if open == "(" {
            edits.push(edit(m.span.start, m.span.start + 1, "（"));
        }
        if close == ")" {
            let extra = m.extra.as_deref().map_or(0, str::len);
            let end = m.span.end - extra;
            edits.push(edit(end - 1, end, "）"));
        }
        let d = diag(
            m.span,
            format!("序号“{}”应使用全角括号", m.text),
            format!("marker `{}` should use full-width brackets `（）`", m.text),
        );
        out.push(with_fix(d, true, edits));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR004");
    }

    #[test]
    fn never_turns_full_width_into_half_width() {
        let text = "（一）目标\n(二)措施\n";
        let out = fixed("HDR004", text, true);
        assert_eq!(out, "（一）目标\n（二）措施\n");
        assert!(!out.contains('('));
    }
}
