//! PUNC003 `punc-straight-quotes`: straight quotes `"` `'` in Chinese text.
//!
//! GB/T 15834—2011 quotes with `“”` (and `‘’` inside). Straight quotes come from
//! English keyboards and scraping. When a block holds an even number of `"`,
//! the safe fix pairs them as `“…”`.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::{char_at, char_before};
use crate::text::is_chinese;
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PUNC003",
        name: "punc-straight-quotes",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "中文语境中使用了直引号",
        summary_en: "straight quotes in Chinese text",
    },
    doc: RuleDoc {
        what: "A `\"` or `'` next to Chinese text.",
        why: "GB/T 15834—2011 uses `“”` and `‘’`; straight quotes are typing or scraping leftovers.",
        fires: &["坚持\"两个毫不动摇\"的方针。\n"],
        passes: &["坚持“两个毫不动摇”的方针。\n", "He said \"yes\".\n"],
        fix: "Safe when the block holds an even number of `\"`: they become `“` and `”` in turn.",
        fix_example: Some(("坚持\"两个毫不动摇\"的方针。\n", "坚持“两个毫不动摇”的方针。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        if !marks.iter().any(|&(_, c)| c == '"' || c == '\'') {
            continue;
        }
        let base = span.start;
        let quotes: Vec<usize> = s.match_indices('"').map(|(i, _)| i).collect();
        let chinese = |i: usize| {
            char_before(s, i).is_some_and(is_chinese) || char_at(s, i + 1).is_some_and(is_chinese)
        };
        let pairable = quotes.len() % 2 == 0 && quotes.iter().all(|&i| chinese(i));
        for (k, &i) in quotes.iter().enumerate() {
            if !chinese(i) {
                continue;
            }
            let d = diag(
                Span::new(base + i, base + i + 1),
                "中文语境中应使用弯引号“”",
                "use the quotation marks `“”` in Chinese text",
            );
            let rep = if k % 2 == 0 { "“" } else { "”" };
            out.push(if pairable {
                with_fix(d, true, vec![edit(base + i, base + i + 1, rep)])
            } else {
                d
            });
        }
        for (i, _) in s.match_indices('\'') {
            if char_before(s, i).is_some_and(is_chinese) && char_at(s, i + 1).is_some_and(is_chinese) {
                out.push(diag(
                    Span::new(base + i, base + i + 1),
                    "中文语境中应使用弯引号‘’",
                    "use the quotation marks `‘’` in Chinese text",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PUNC003");
    }

    #[test]
    fn an_odd_count_is_reported_without_a_fix() {
        let d = fires("PUNC003", "坚持\"两个毫不动摇的方针。\n");
        assert!(d[0].fix.is_none());
    }
}
