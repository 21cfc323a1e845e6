//! ELEM006 `elem-signer-form`: the 签发人 element in the wrong form:
//! `签发人:张三` (half-width colon), `签发人：` (no name).
//!
//! GB/T 9704—2012 §7.2.5: `签发人：` with a full-width colon, then the name.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM006",
        name: "elem-signer-form",
        severity: Severity::Warning,
        source: Source::S,
        summary: "签发人格式不规范",
        summary_en: "the signer element is not in the standard form",
    },
    doc: RuleDoc {
        what: "A `签发人` element with a half-width colon or no name after the colon.",
        why: "GB/T 9704—2012 §7.2.5 writes `签发人：` (full-width colon) followed by the name.",
        fires: &["签发人:张三\n\n关于拨付经费的请示\n\n市财政局：\n\n正文。\n", "签发人：\n\n关于拨付经费的请示\n\n市财政局：\n\n正文。\n"],
        passes: &["签发人：张三\n\n关于拨付经费的请示\n\n市财政局：\n\n正文。\n"],
        fix: "Safe: `:` → `：`.",
        fix_example: Some(("签发人:张三\n\n关于拨付经费的请示\n\n市财政局：\n\n正文。\n", "签发人：张三\n\n关于拨付经费的请示\n\n市财政局：\n\n正文。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in ctx.metas(MetaKind::Signer) {
        let (span, s) = ctx.content(b.span);
        let Some(k) = s.find([':', '：']) else { continue };
        let colon = s[k..].chars().next().unwrap_or('：');
        let name = s[k + colon.len_utf8()..].trim_matches([' ', '\u{3000}']);
        let at = Span::new(b.span.start, span.end);
        if colon == ':' {
            let d = diag(at, "签发人后应使用全角冒号“：”", "use a full-width colon after 签发人");
            out.push(with_fix(d, true, vec![edit(span.start + k, span.start + k + 1, "：")]));
        } else if name.is_empty() {
            out.push(diag(at, "签发人后缺少姓名", "the signer's name is missing"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM006");
    }
}
