//! CITE001 `cite-number-before-title`: a cited document given by number before
//! its title: `根据国发〔2025〕3号《…》`.
//!
//! Drafting practice (and 《党政机关公文处理工作条例》's citation rule) cites a
//! document by title first, with its number in parentheses after:
//! `《…》（国发〔2025〕3号）`. The unsafe fix reorders the citation.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "CITE001",
        name: "cite-number-before-title",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "引用公文应先引标题、后引发文字号",
        summary_en: "cite a document by title first, then its number",
    },
    doc: RuleDoc {
        what: "A document number immediately followed by a title in 书名号: `国发〔2025〕3号《…》`.",
        why: "Practice cites the title first and the number after it in parentheses: `《…》（国发〔2025〕3号）`.",
        fires: &["根据国发〔2025〕3号《关于加强管理的通知》要求。\n"],
        passes: &["根据《关于加强管理的通知》（国发〔2025〕3号）要求。\n"],
        fix: "Unsafe: rewrite as `《…》（number）`.",
        fix_example: Some(("根据国发〔2025〕3号《关于加强管理的通知》要求。\n", "根据《关于加强管理的通知》（国发〔2025〕3号）要求。\n")),
        options: "",
        config: "",
    },
    check,
};

static CITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:根据|按照|依据|依照|贯彻|落实|执行|参照|转发|印发|关于|和|及|与|、|，|^)?([\p{Han}]{1,10}[〔\[［【(（]\d{4}[〕\]］】)）]第?\d{1,5}号)(《[^》\n]{1,80}》)")
        .expect("pattern")
});

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for &(_, span, s) in ctx.text_units() {
        // Every match has a number ending in 号 right before a 《: skip the
        // regex where that pair is absent.
        if !s.contains("号《") {
            continue;
        }
        for c in CITE.captures_iter(s) {
            let (Some(num), Some(title)) = (c.get(1), c.get(2)) else { continue };
            let (a, b) = (span.start + num.start(), span.start + title.end());
            let d = diag(
                Span::new(a, b),
                format!("引用公文应先引标题，后引发文字号：{}（{}）", title.as_str(), num.as_str()),
                format!("cite the title first, then the number: {}（{}）", title.as_str(), num.as_str()),
            );
            let rep = format!("{}（{}）", title.as_str(), num.as_str());
            out.push(with_fix(d, false, vec![edit(a, b, rep)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("CITE001");
    }
}
