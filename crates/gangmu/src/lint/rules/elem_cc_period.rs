//! ELEM004 `elem-cc-period`: the 抄送 element without its final `。`.
//!
//! GB/T 9704—2012 §7.4.2 ends the list of 抄送机关 with a 句号. Safe fix: write
//! it (replacing a final `，` `；` or `.`).

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM004",
        name: "elem-cc-period",
        severity: Severity::Warning,
        source: Source::S,
        summary: "抄送机关末尾应加句号",
        summary_en: "the cc list ends with `。`",
    },
    doc: RuleDoc {
        what: "A `抄送：` element that does not end with `。`.",
        why: "GB/T 9704—2012 §7.4.2 ends the 抄送 list with a 句号.",
        fires: &["请认真落实。\n\n抄送：市委办公室，市人大常委会办公室\n"],
        passes: &["请认真落实。\n\n抄送：市委办公室，市人大常委会办公室。\n"],
        fix: "Safe: append `。` (or replace a final `，` `；` `.`).",
        fix_example: Some(("请认真落实。\n\n抄送：市委办公室\n", "请认真落实。\n\n抄送：市委办公室。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in ctx.metas(MetaKind::Cc) {
        let (span, s) = ctx.content(b.span);
        let Some(last) = s.chars().next_back() else { continue };
        if last == '。' {
            continue;
        }
        let end = span.end;
        let d = diag(
            Span::new(b.span.start, end),
            "抄送机关末尾应加句号“。”",
            "end the cc list with `。`",
        );
        let e = if matches!(last, '，' | '；' | '.' | ',' | ';' | '、') {
            edit(end - last.len_utf8(), end, "。")
        } else {
            edit(end, end, "。")
        };
        out.push(with_fix(d, true, vec![e]));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM004");
    }
}
