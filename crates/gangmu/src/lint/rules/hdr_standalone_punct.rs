//! HDR007 `hdr-standalone-punct`: a standalone heading (a line of its own)
//! that ends with punctuation: `一、总体要求：`, `（二）工作目标，`.
//!
//! A standalone heading is a title, not a sentence: GB/T 9704—2012 sets it
//! without terminal punctuation. `。` is flagged only on short level-1 and
//! chapter headings, because a numbered line ending in `。` below level 1 is
//! usually a numbered paragraph, not a heading.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR007",
        name: "hdr-standalone-punct",
        severity: Severity::Warning,
        source: Source::S,
        summary: "单独成行的标题末尾不加标点",
        summary_en: "a standalone heading takes no final punctuation",
    },
    doc: RuleDoc {
        what: "A short heading (at most 25 characters) on a line of its own that ends with `：` (or `:`), with `，` or `、` not followed directly by more text, or — for level 1 and 章/节 — with `；` or `。`. Numbered items ending in `；` or `。` below level 1 are items of an enumerated sentence and are left alone.",
        why: "Standalone headings are titles, not sentences (GB/T 9704—2012 §7.3.3); a trailing mark is left over from a sentence or a list.",
        fires: &["一、总体要求：\n正文。\n", "二、工作目标。\n正文。\n", "（一）加强领导，\n\n正文。\n"],
        passes: &["一、总体要求\n正文。\n", "（一）加强领导。要统一思想。\n", "1.加强学习，提高认识。\n", "本办法所称单位包括：\n（一）机关；\n（二）事业单位。\n"],
        fix: "Unsafe: delete the final mark, with any marks of `，、：；。` right before it (the line may be a wrapped sentence).",
        fix_example: Some(("一、总体要求：\n正文。\n", "一、总体要求\n正文。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if h.run_in || m.family == MarkerFamily::Article {
            continue;
        }
        let (span, title) = ctx.content(h.title);
        let title = title.trim_end_matches('*');
        let Some(last) = title.chars().next_back() else {
            continue;
        };
        let top = matches!(
            m.family,
            MarkerFamily::ChineseComma
                | MarkerFamily::Chapter
                | MarkerFamily::Section
                | MarkerFamily::Volume
                | MarkerFamily::Part
        );
        // Below level 1 a numbered line ending in `；` or `。` is an item of an
        // enumerated sentence (`（一）机关；`), not a heading; long lines are
        // numbered paragraphs.
        let short = title.chars().count() <= 25;
        let item_level = matches!(m.family, MarkerFamily::ChineseParen);
        if !short || !(top || item_level) {
            continue;
        }
        // A line ending in `，` or `、` right above more text is a hard wrap.
        let wrapped = next_line_adjacent(ctx, h.span.end);
        let wrong = match last {
            '，' | '、' | ',' => !wrapped,
            '：' | ':' => true,
            '；' | ';' => top,
            '。' => top && title.matches('。').count() == 1,
            _ => false,
        };
        if !wrong {
            continue;
        }
        let end = span.start + title.len();
        // The whole run of such marks goes in one edit (`要求：：`, `二.::;::`),
        // so that one round of fixes settles the line.
        let run: usize = title
            .chars()
            .rev()
            .take_while(|c| matches!(c, '，' | '、' | ',' | '：' | ':' | '；' | ';' | '。'))
            .map(char::len_utf8)
            .sum();
        let at = end - run.max(last.len_utf8());
        let d = diag(
            crate::Span::new(h.span.start.max(m.span.start), end),
            format!("单独成行的标题末尾不应有“{last}”"),
            format!("a standalone heading should not end with `{last}`"),
        );
        out.push(with_fix(d, false, vec![edit(at, end, "")]));
    }
}

/// Whether the line after the heading holds text (no blank line between).
fn next_line_adjacent(ctx: &Ctx<'_>, at: usize) -> bool {
    let rest = ctx.text.get(at..).unwrap_or("");
    rest.lines()
        .next()
        .is_some_and(|l| !l.trim_matches([' ', '\u{3000}', '\t']).is_empty())
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn a_run_of_marks_goes_in_one_fix() {
        // Fuzz regression 0010: one mark per round never settled in `fix`.
        assert_eq!(fixed("HDR007", "二、要求：：;:\n正文。\n", true), "二、要求\n正文。\n");
    }

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR007");
    }

    #[test]
    fn the_fix_is_unsafe() {
        assert_eq!(fixed("HDR007", "一、总体要求：\n正文。\n", false), "一、总体要求：\n正文。\n");
    }
}
