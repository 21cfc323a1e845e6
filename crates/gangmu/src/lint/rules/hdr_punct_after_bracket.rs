//! HDR002 `hdr-punct-after-bracket`: punctuation after a bracketed or enclosed
//! marker: `（一）、` `（1）.` `①、`.
//!
//! A bracket already closes the marker; GB/T 9704—2012 §7.3.3 writes `（一）`
//! and `（1）` with nothing after them. The safe fix deletes the extra mark.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR002",
        name: "hdr-punct-after-bracket",
        severity: Severity::Warning,
        source: Source::S,
        summary: "括号序号后不加标点",
        summary_en: "no punctuation after a bracketed marker",
    },
    doc: RuleDoc {
        what: "Punctuation written after a bracketed or enclosed marker: `（一）、`, `（1）.`, `①、`.",
        why: "The bracket already delimits the ordinal; GB/T 9704—2012 §7.3.3 writes `（一）` and `（1）` bare, and a second delimiter is a typing error.",
        fires: &["一、总则\n（一）、工作目标\n", "（1）．内容\n", "①、加强\n"],
        passes: &["一、总则\n（一）工作目标\n", "（1）内容\n"],
        fix: "Safe: delete the punctuation after the bracket (`（一）、` → `（一）`).",
        fix_example: Some(("（一）、工作目标\n", "（一）工作目标\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        let Some(extra) = m.extra.as_deref() else {
            continue;
        };
        // A doubled delimiter (`2、、`) is PUNC004's.
        if m.open.is_none() && m.close.as_deref() == Some(extra) {
            continue;
        }
        // A run of the mark (`（一）......`, a leader or an ellipsis) is
        // not a slip of one; deleting one would leave the rest, round after
        // round of `fix`.
        if ctx.text[m.span.end..].starts_with(extra) {
            continue;
        }
        let start = m.span.end - extra.len();
        let d = diag(
            m.span,
            format!("序号“{}”的括号后不应再加“{extra}”", m.text),
            format!("no `{extra}` after the bracketed marker `{}`", m.text),
        );
        out.push(with_fix(d, true, vec![edit(start, m.span.end, "")]));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR002");
    }

    #[test]
    fn leaves_a_run_of_dots_after_the_marker() {
        passes("HDR002", "（一）......内容。\n");
        let text = "（一）...................内容。一是加强；二是落实。\n";
        assert_eq!(fixed("HDR002", text, false), text);
    }

    #[test]
    fn keeps_full_width_brackets() {
        let out = fixed("HDR002", "（一）、目标\n", false);
        assert!(out.starts_with("（一）"), "should never turn （） into (): {out}");
    }
}
