//! ELEM007 `elem-qingshi-addressees`: a 请示 addressed to more than one organ.
//!
//! 《党政机关公文处理工作条例》第十五条: 请示 should be 一文一事 and, in
//! principle, addressed to one superior organ; others are copied (抄送).

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM007",
        name: "elem-qingshi-addressees",
        severity: Severity::Warning,
        source: Source::T,
        summary: "请示应主送一个上级机关",
        summary_en: "a 请示 is addressed to one superior organ",
    },
    doc: RuleDoc {
        what: "A document whose title ends with 请示 and whose 主送机关 names several organs (`、` or `，` between names, or `各…`).",
        why: "《党政机关公文处理工作条例》第十五条: a 请示 is addressed, in principle, to one superior organ; the others get a copy.",
        fires: &["关于拨付经费的请示\n\n市财政局、市发展改革委：\n\n妥否，请批示。\n"],
        passes: &["关于拨付经费的请示\n\n市财政局：\n\n妥否，请批示。\n", "关于开展检查的通知\n\n市财政局、市发展改革委：\n\n请落实。\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.doc_type() != Some("请示") {
        return;
    }
    for b in ctx.metas(MetaKind::Addressee) {
        let (span, s) = ctx.content(b.span);
        let t = s.trim_start_matches([' ', '\u{3000}']);
        if t.contains(['、', '，', ',']) || t.starts_with('各') {
            out.push(diag(
                Span::new(span.start + (s.len() - t.len()), span.end),
                "请示原则上只主送一个上级机关",
                "a 请示 should be addressed to a single superior organ",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM007");
    }
}
