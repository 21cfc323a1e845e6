//! HDR008 `hdr-run-in-period`: a run-in heading whose body follows without a
//! `。`: `（一）坚持人民至上　要……`, `**（一）坚持人民至上**要……`.
//!
//! A run-in heading (levels 2–4) is the first sentence of its paragraph and ends
//! with `。` (GB/T 9704—2012 practice). Without it, the heading and the body run
//! together; bold markup or a wide space only hides the missing mark.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::text::is_cjk;
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR008",
        name: "hdr-run-in-period",
        severity: Severity::Warning,
        source: Source::S,
        summary: "段首标题与正文之间应有句号",
        summary_en: "a run-in heading should end with `。` before its body",
    },
    doc: RuleDoc {
        what: "A numbered heading followed on the same line by body text, separated only by bold markup or a wide space instead of `。`.",
        why: "Run-in headings are the first sentence of the paragraph and end with `。`; markup or spacing does not survive plain text and the heading runs into the body.",
        fires: &["**（一）坚持人民至上**要把人民放在心中最高位置。\n", "（二）加强领导　各单位要落实责任。\n"],
        passes: &["**（一）坚持人民至上。**要把人民放在心中最高位置。\n", "（二）加强领导\n各单位要落实责任。\n", "第一条　为了规范管理，制定本办法。\n"],
        fix: "Unsafe: write `。` where the heading ends.",
        fix_example: Some(("（二）加强领导　各单位要落实责任。\n", "（二）加强领导。各单位要落实责任。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if h.run_in || m.family.is_regulation_unit() {
            continue;
        }
        let (_, title) = ctx.content(h.title);
        let base = h.title.start;
        // Bold markup closing inside the line, body after it.
        let found = if let Some(k) = title.find("**") {
            let before = title[..k].trim_end();
            let after = title[k + 2..].trim();
            (!before.is_empty()
                && after.chars().count() >= 4
                && after.chars().next().is_some_and(is_cjk)
                && !before.ends_with(['。', '！', '？', '：', ':', '；', '，']))
            .then(|| {
                let at = base + before.len();
                (at, at, "。")
            })
        } else if let Some(k) = title.find(['\u{3000}', ' ']) {
            let before = &title[..k];
            let gap: usize = title[k..]
                .chars()
                .take_while(|c| *c == '\u{3000}' || *c == ' ')
                .map(char::len_utf8)
                .sum();
            let after = &title[k + gap..];
            (before.chars().count() >= 2
                && before.chars().all(|c| is_cjk(c) || "、“”《》（）".contains(c))
                && after.chars().count() >= 8
                && after.chars().next().is_some_and(is_cjk)
                && (after.ends_with('。') || after.contains('，')))
            .then(|| (base + k, base + k + gap, "。"))
        } else {
            None
        };
        if let Some((s, e, rep)) = found {
            let d = diag(
                crate::Span::new(m.span.start, e),
                format!("段首标题“{}”后缺少句号", crate::lint::scan::excerpt(&ctx.text[h.title.start..s], 20)),
                "a run-in heading should end with `。` before its body".to_string(),
            );
            out.push(with_fix(d, false, vec![edit(s, e, rep)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR008");
    }
}
