//! HDR005 `hdr-di-yi-dunhao`: `第一、` (and `首先、` `其一、`) where the
//! sequence word takes a comma: `第一，`.
//!
//! GB/T 15834—2011 (4.3.3) puts a 逗号 after 序次语 such as 第一、首先、其次;
//! the 顿号 belongs to `一、`. The safe fix writes `，`.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::char_before;
use crate::text::is_cjk;
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR005",
        name: "hdr-di-yi-dunhao",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "“第一”“首先”等序次语后用逗号，不用顿号",
        summary_en: "`第一`, `首先` take a comma, not a 顿号",
    },
    doc: RuleDoc {
        what: "A sequence word (`第一` … `第十`, `首先`, `其次`, `再次`, `最后`, `其一`) at the start of a clause followed by `、`.",
        why: "GB/T 15834—2011 puts a 逗号 after such 序次语 (`第一，`); the 顿号 is the delimiter of `一、` and reads as a different level.",
        fires: &["第一、加强组织领导。第二、落实责任。\n", "工作要求如下。首先、统一思想。\n"],
        passes: &["第一，加强组织领导。\n", "第一、二批试点单位已经确定。\n", "一、总则\n"],
        fix: "Safe: `、` → `，` after the sequence word.",
        fix_example: Some(("第一、加强领导。第二、落实责任。\n", "第一，加强领导。第二，落实责任。\n")),
        options: "",
        config: "",
    },
    check,
};

static SEQ_WORD: LazyLock<Regex> = LazyLock::new(|| {
    // The word opens a clause (checked on the match): leaving the boundary out
    // of the pattern gives the regex literal prefixes to search for.
    Regex::new(r"(第[一二三四五六七八九十]{1,2}|首先|其次|再次|最后|其[一二三四五六七八九十])、")
        .expect("pattern")
});

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let units = ctx.text_units();
    for (k, (span, s, marks)) in ctx.units_with_marks().enumerate() {
        // Paragraphs and headings are units of their own (only a title and
        // its continuation lines are merged).
        let b = &ctx.blocks[units[k].0];
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) {
            continue;
        }
        // A match ends in a numeral, 先, 次 or 后 right before 、: skip the
        // regex where no 、 follows one.
        let candidate = marks.iter().any(|&(i, c)| {
            c == '、'
                && char_before(s, i).is_some_and(|p| {
                    crate::numeral::is_chinese_numeral_char(p) || matches!(p, '先' | '次' | '后')
                })
        });
        if !candidate {
            continue;
        }
        for c in SEQ_WORD.captures_iter(s) {
            let Some(w) = c.get(1) else { continue };
            if !char_before(s, w.start()).map_or(true, |p| "。；：！？\n　 ".contains(p)) {
                continue;
            }
            let comma = w.end();
            // `第一、二批`: a list of ordinals, not a sequence word.
            let next = s[comma + '、'.len_utf8()..].chars().next();
            if !next.is_some_and(|ch| is_cjk(ch) && !"一二三四五六七八九十第".contains(ch)) {
                continue;
            }
            let start = span.start + w.start();
            let at = span.start + comma;
            let d = diag(
                crate::Span::new(start, at + '、'.len_utf8()),
                format!("序次语“{}”后应用逗号，不用顿号", w.as_str()),
                format!("`{}` takes a comma `，`, not `、`", w.as_str()),
            );
            out.push(with_fix(d, true, vec![edit(at, at + '、'.len_utf8(), "，")]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR005");
    }

    #[test]
    fn ordinals_listed_together_are_not_sequence_words() {
        passes("HDR005", "第一、第二届会议的决议。\n");
    }
}
