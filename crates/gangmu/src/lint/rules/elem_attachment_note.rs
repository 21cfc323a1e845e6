//! ELEM002 `elem-attachment-note`: the 附件说明 in the wrong form: a
//! half-width colon (`附件:`), punctuation after the name (`附件：实施方案。`),
//! or `、` after the attachment's number (`附件：1、名称`).
//!
//! GB/T 9704—2012 §7.3.5: `附件：1．名称`, one attachment a line, no
//! punctuation after the names.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM002",
        name: "elem-attachment-note",
        severity: Severity::Warning,
        source: Source::S,
        summary: "附件说明格式不规范",
        summary_en: "the attachment note is not in the standard form",
    },
    doc: RuleDoc {
        what: "A 附件说明 line with a half-width colon, a 顿号 after the attachment's number, or a final `。` `；` `，`.",
        why: "GB/T 9704—2012 §7.3.5 writes `附件：1．名称`, one a line, with no final punctuation.",
        fires: &["请认真落实。\n\n附件:实施方案\n", "请认真落实。\n\n附件：实施方案。\n", "请认真落实。\n\n附件：1、实施方案\n"],
        passes: &["请认真落实。\n\n附件：实施方案\n", "请认真落实。\n\n附件：1．实施方案\n"],
        fix: "Safe: `:` → `：`, `1、` → `1．`, delete the final mark.",
        fix_example: Some(("请认真落实。\n\n附件:1、实施方案。\n", "请认真落实。\n\n附件：1．实施方案\n")),
        options: "",
        config: "",
    },
    check,
};

static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^附[ \u3000]*件[ \u3000]*[0-9０-９]{0,2}[ \u3000]*([:：])?[ \u3000]*(?:[0-9０-９]{1,2}([、.．，,]))?").expect("pattern")
});

/// A later line of a note over several lines: `2．名称`. The groups mirror
/// [`NOTE`]'s (1: the colon, never here; 2: the delimiter).
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^()?(?:[0-9０-９]{1,2}([、.．，,]))").expect("pattern"));

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in ctx.metas(MetaKind::AttachmentNote) {
        let (span, s) = ctx.content(b.span);
        let lead = s.len() - s.trim_start_matches([' ', '\u{3000}', '\t']).len();
        let t = &s[lead..];
        let base = span.start + lead;
        // A note over several lines: `附件：1．…` then `2．…` on the next.
        let Some(c) = NOTE.captures(t).or_else(|| ITEM.captures(t)) else {
            continue;
        };
        let mut edits = Vec::new();
        let mut zh = Vec::new();
        if let Some(colon) = c.get(1).filter(|m| m.as_str() == ":") {
            edits.push(edit(base + colon.start(), base + colon.end(), "："));
            zh.push("冒号应为全角");
        }
        if let Some(dot) = c.get(2).filter(|m| m.as_str() != "．" && m.as_str() != ".") {
            edits.push(edit(base + dot.start(), base + dot.end(), "．"));
            zh.push("序号后应用“．”");
        }
        let rest = &t[c.get(0).map_or(0, |m| m.end())..];
        if let Some(last) = rest.chars().next_back().filter(|c| matches!(c, '。' | '；' | '，' | ';' | ',')) {
            let end = base + t.len();
            edits.push(edit(end - last.len_utf8(), end, ""));
            zh.push("名称后不加标点");
        }
        if edits.is_empty() {
            continue;
        }
        let d = diag(
            Span::new(base, base + t.len()),
            format!("附件说明格式不规范：{}", zh.join("，")),
            "attachment note form: `附件：1．名称`, no final punctuation",
        );
        out.push(with_fix(d, true, edits));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM002");
    }

    #[test]
    fn every_line_of_a_note_over_several_lines_is_checked() {
        let t = "妥否，请批示。\n\n附件：1．统计表\n　　　2．明细表。\n　　　3、汇总表\n\n某某县人民政府\n2025年6月10日\n";
        let d = fires("ELEM002", t);
        assert_eq!(d.len(), 2, "{d:#?}");
        passes("ELEM002", "妥否，请批示。\n\n附件：1．统计表\n　　　2．明细表\n\n某某县人民政府\n2025年6月10日\n");
    }
}
