//! ELEM001 `elem-addressee-colon`: a 主送机关 that does not end with a
//! full-width colon: `各单位:`.
//!
//! GB/T 9704—2012 §7.3.2 ends the 主送机关 with a 全角冒号. Safe fix: `：`.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM001",
        name: "elem-addressee-colon",
        severity: Severity::Error,
        source: Source::S,
        summary: "主送机关后应使用全角冒号",
        summary_en: "the addressee ends with a full-width colon",
    },
    doc: RuleDoc {
        what: "The 主送机关 element ending with a half-width `:` (or another mark) instead of `：`.",
        why: "GB/T 9704—2012 §7.3.2 closes the 主送机关 with a full-width colon.",
        fires: &["关于开展检查的通知\n\n各乡镇人民政府:\n\n请认真落实。\n"],
        passes: &["关于开展检查的通知\n\n各乡镇人民政府：\n\n请认真落实。\n"],
        fix: "Safe: the final mark becomes `：`.",
        fix_example: Some(("关于开展检查的通知\n\n各单位:\n\n请认真落实。\n", "关于开展检查的通知\n\n各单位：\n\n请认真落实。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in ctx.metas(MetaKind::Addressee) {
        let (span, s) = ctx.content(b.span);
        let s = s.trim_end_matches('*');
        let Some(last) = s.chars().next_back() else { continue };
        if last == '：' {
            continue;
        }
        let end = span.start + s.len();
        let d = diag(
            Span::new(b.span.start, end),
            "主送机关后应使用全角冒号“：”",
            "end the addressee with a full-width colon `：`",
        );
        let fix = if matches!(last, ':' | '，' | ',' | '；' | ';') {
            vec![edit(end - last.len_utf8(), end, "：")]
        } else {
            Vec::new()
        };
        out.push(with_fix(d, true, fix));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM001");
    }
}
