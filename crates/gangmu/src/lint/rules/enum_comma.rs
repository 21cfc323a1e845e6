//! ENUM004 `enum-comma`: `首先`/`其次`/`第一` used as 序次语 without the comma
//! the rest of its series has: `首先，…其次要…`.
//!
//! GB/T 15834—2011 puts a 逗号 after 序次语 (`首先，`, `第一，`). Used as an
//! adverb (`首先要明确目标`) the word takes none, so the rule reports only the
//! members of a series written both ways — and the `第一` before a `第二，`
//! that lacks its comma (`第一加强检查，第二，深化整治`).

use crate::enumeration::EnumerationFamily;
use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ENUM004",
        name: "enum-comma",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "序次语“首先”“其次”后缺少逗号",
        summary_en: "a sequence word lacks its comma",
    },
    doc: RuleDoc {
        what: "In a section where some of `首先` `其次` `再次` `最后` `其一` are followed by a comma, the ones that are not; and `第一` (…) written without its comma before a `第二，` of the same paragraph.",
        why: "GB/T 15834—2011 puts a comma after 序次语; a series written both ways is inconsistent.",
        fires: &["首先，要统一思想。其次要健全机制。\n", "下步打算：第一加强执法检查，第二，深化专项整治。\n"],
        passes: &["首先，要统一思想。其次，要健全机制。\n", "首先要明确目标，其次要落实责任。\n", "这是第一次检查，第二，要深化整治。\n"],
        fix: "Unsafe: insert `，` after the sequence word.",
        fix_example: Some(("首先，要统一思想。其次要健全机制。\n", "首先，要统一思想。其次，要健全机制。\n")),
        options: "",
        config: "",
    },
    check,
};

fn has_comma(t: &str) -> bool {
    t.ends_with('，') || t.ends_with(',') || t.ends_with('、')
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let found: Vec<_> = ctx
        .inline_markers()
        .iter()
        .filter(|f| matches!(f.marker.family, EnumerationFamily::Sequence | EnumerationFamily::Qi))
        .collect();
    // (section, family) pairs where some marker takes the comma: one pass, so
    // the rule stays linear in the number of markers.
    let with_comma: std::collections::HashSet<_> = found
        .iter()
        .filter(|o| has_comma(&o.marker.text))
        .map(|o| (o.section, o.marker.family))
        .collect();
    // The first marker of each (section, family) series.
    let mut seen = std::collections::HashSet::new();
    for f in ctx.inline_markers() {
        if !seen.insert((f.section, f.marker.family)) {
            continue;
        }
        for sp in crate::lint::inline::commaless_predecessors(ctx, f).unwrap_or_default() {
            let t = ctx.slice(sp);
            let d = diag(
                sp,
                format!("序次语“{t}”后应加逗号"),
                format!("the sequence word `{t}` should be followed by `，`"),
            );
            out.push(with_fix(d, false, vec![edit(sp.end, sp.end, "，")]));
        }
    }
    for f in &found {
        if has_comma(&f.marker.text) || f.marker.text.ends_with('是') {
            continue;
        }
        if !with_comma.contains(&(f.section, f.marker.family)) {
            continue;
        }
        let t = &f.marker.text;
        let d = diag(
            f.marker.span,
            format!("序次语“{t}”后应加逗号"),
            format!("the sequence word `{t}` should be followed by `，`"),
        );
        let at = f.marker.span.end;
        out.push(with_fix(d, false, vec![edit(at, at, "，")]));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ENUM004");
    }
}
