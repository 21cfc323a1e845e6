//! HDR006 `hdr-space-after-marker`: a heading marker followed by white space or
//! a colon: `一、 总体要求`, `（一）：目标`, `1. 加强`.
//!
//! In GB/T 9704—2012 the title follows the marker directly. Spaces come from
//! word processors' list formatting and scraping; a colon doubles the
//! delimiter. 第X章/第X条 are followed by a space by convention and are left
//! alone, and so are decimal outlines (`1.1 总体目标`).

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::text::is_space;
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR006",
        name: "hdr-space-after-marker",
        severity: Severity::Info,
        source: Source::S,
        summary: "序号后不加空格或冒号",
        summary_en: "no space or colon after a marker",
    },
    doc: RuleDoc {
        what: "White space (ASCII, U+3000) or a colon between a heading marker (`一、` `（一）` `1.` `（1）` `①`) and its title.",
        why: "GB/T 9704—2012 sets the title right after the marker; spaces come from list formatting and scraping, and a colon after `一、` doubles the delimiter.",
        fires: &["一、 总体要求\n", "（一）：工作目标\n", "1. 加强学习\n"],
        passes: &["一、总体要求\n", "第一条　为了规范管理，制定本办法。\n", "1.1 总体目标\n"],
        fix: "Safe: delete the spaces and the colon.",
        fix_example: Some(("一、 总体要求\n（一）：目标\n", "一、总体要求\n（一）目标\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if m.family.is_regulation_unit()
            || matches!(
                m.family,
                MarkerFamily::Decimal2 | MarkerFamily::Decimal3 | MarkerFamily::Decimal4
            )
        {
            continue;
        }
        // `一 总体` is HDR001's: the space is the delimiter there.
        if m.close.as_deref().is_some_and(|c| c.trim().is_empty()) {
            continue;
        }
        let rest = &ctx.text[m.span.end..h.span.end.max(m.span.end)];
        let gap: usize = rest
            .chars()
            .take_while(|&c| is_space(c) || c == '：' || c == ':')
            .map(char::len_utf8)
            .sum();
        if gap == 0 || rest[gap..].trim().is_empty() {
            continue;
        }
        let d = diag(
            Span::new(m.span.start, m.span.end + gap),
            format!("序号“{}”后不应有空格或冒号", m.text),
            format!("no space or colon after the marker `{}`", m.text),
        );
        out.push(with_fix(d, true, vec![edit(m.span.end, m.span.end + gap, "")]));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR006");
    }

    #[test]
    fn reports_every_space_the_parser_strips_after_a_marker() {
        // The parser and this rule share one white-space class: a thin space
        // (U+2009) or NBSP after `一、` is stripped from the heading's title and
        // reported here.
        for space in ['\u{2009}', '\u{00A0}', '\u{3000}', ' '] {
            let text = format!("一、{space}总则\n正文。\n");
            let d = fires("HDR006", &text);
            assert!(text[d[0].span.range()].ends_with(space), "{space:?}");
        }
    }
}
