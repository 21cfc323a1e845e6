//! PUNC004 `punc-repeated`: the same mark twice: `，，` `。。` `、、` `；；` `：：`;
//! or a pause mark right before a full stop: `负总责，。`.
//!
//! Doubled marks are typing slips (and `。。。` is an ellipsis, PUNC002's).
//! Safe fix: keep one (the full stop, after a pause mark).

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PUNC004",
        name: "punc-repeated",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "标点符号重复",
        summary_en: "a punctuation mark is repeated",
    },
    doc: RuleDoc {
        what: "Two or more of the same mark in a row among `，` `、` `；` `：`, exactly two `。`, or one of `，` `、` `；` `：` right before `。`.",
        why: "GB/T 15834—2011 uses one mark; doubles are slips of the keyboard.",
        fires: &[
            "加强领导，，落实责任。\n",
            "落实责任。。\n",
            "要亲自抓、负总责，。\n",
            "一、总则\n\n2、、管理到位，常抓重点。\n",
        ],
        passes: &["加强领导，落实责任。\n", "等等……\n"],
        fix: "Safe: keep one mark.",
        fix_example: Some(("加强领导，，落实责任；；抓好落实。。\n", "加强领导，落实责任；抓好落实。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // A heading marker's doubled delimiter (`2、、`): the parser reads it as
    // the marker, so the line is a heading before and after the fix.
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if m.generated || m.open.is_some() {
            continue;
        }
        let (Some(close), Some(extra)) = (m.close.as_deref(), m.extra.as_deref()) else {
            continue;
        };
        if close != extra {
            continue;
        }
        let start = m.span.end - extra.len() - close.len();
        let d = diag(
            Span::new(start, m.span.end),
            format!("标点“{close}”重复"),
            format!("`{close}` is repeated"),
        );
        out.push(with_fix(d, true, vec![edit(m.span.end - extra.len(), m.span.end, "")]));
    }
    for (span, s, marks) in ctx.units_with_marks() {
        let base = span.start;
        let mut skip_to = 0;
        for &(i, c) in marks {
            if i < skip_to || !matches!(c, '，' | '、' | '；' | '：' | '。') {
                continue;
            }
            let w = c.len_utf8();
            let n = s[i..].chars().take_while(|&d| d == c).count();
            skip_to = i + n * w;
            // `，。`: the pause mark goes, the full stop stays.
            if n == 1 && c != '。' && s[i + w..].starts_with('。') {
                let d = diag(
                    Span::new(base + i, base + i + w + '。'.len_utf8()),
                    format!("标点“{c}”与“。”重复"),
                    format!("`{c}` right before `。`"),
                );
                out.push(with_fix(d, true, vec![edit(base + i, base + i + w, "")]));
                continue;
            }
            if n < 2 || (c == '。' && n != 2) {
                continue;
            }
            let d = diag(
                Span::new(base + i, base + i + n * w),
                format!("标点“{c}”重复"),
                format!("`{c}` is repeated"),
            );
            out.push(with_fix(d, true, vec![edit(base + i + w, base + i + n * w, "")]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PUNC004");
    }
}
