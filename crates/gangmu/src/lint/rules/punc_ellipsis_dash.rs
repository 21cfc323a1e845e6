//! PUNC002 `punc-ellipsis-dash`: ellipses and dashes typed with the wrong
//! characters: `...`, `。。。`, a single `…`, `--`.
//!
//! GB/T 15834—2011 writes the 省略号 as `……` (two U+2026) and the 破折号 as
//! `——` (two U+2014). Safe fix: write them so.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::{char_at, char_before};
use crate::text::is_chinese;
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PUNC002",
        name: "punc-ellipsis-dash",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "省略号应为“……”，破折号应为“——”",
        summary_en: "ellipsis is `……`, dash is `——`",
    },
    doc: RuleDoc {
        what: "In Chinese text: `...` (three or more dots, ASCII or full-width), `。。。`, a lone `…`, or `--` (two or more hyphens).",
        why: "GB/T 15834—2011 writes the 省略号 `……` and the 破折号 `——`; the stand-ins come from English keyboards.",
        fires: &["包括学校、医院...等单位。\n", "要求如下。。。\n", "会议--第一次全体会议\n", "等等…\n"],
        passes: &["包括学校、医院……等单位。\n", "会议——第一次全体会议\n", "2024—2026年\n"],
        fix: "Safe: the run becomes `……` or `——`.",
        fix_example: Some(("学校、医院...等单位。会议--全体会议\n", "学校、医院……等单位。会议——全体会议\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        let base = span.start;
        let mut skip_to = 0;
        for (i, c) in marks.iter().copied() {
            if i < skip_to || !matches!(c, '.' | '．' | '。' | '…' | '-') {
                continue;
            }
            let run: usize = s[i..].chars().take_while(|&x| x == c).map(char::len_utf8).sum();
            let n = run / c.len_utf8();
            let near_chinese = char_before(s, i).is_some_and(is_chinese)
                || char_at(s, i + run).is_some_and(is_chinese);
            let rep = match c {
                '.' | '．' if n >= 3 && near_chinese => Some("……"),
                '。' if n >= 3 => Some("……"),
                '…' if n == 1 || n == 3 => Some("……"),
                '-' if n >= 2 && near_chinese => Some("——"),
                _ => None,
            };
            if let Some(rep) = rep {
                let (zh, en) = if rep == "……" {
                    ("省略号应写作“……”", "write the ellipsis `……`")
                } else {
                    ("破折号应写作“——”", "write the dash `——`")
                };
                let d = diag(Span::new(base + i, base + i + run), zh, en);
                out.push(with_fix(d, true, vec![edit(base + i, base + i + run, rep)]));
            }
            skip_to = i + run.max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PUNC002");
    }
}
