//! HDR001 `hdr-level1-marker`: a level-1 marker written `一.` `一．` `一，` `一：`
//! or `一` + space instead of `一、`.
//!
//! GB/T 9704—2012 §7.3.3 numbers level 1 with a Chinese numeral and a 顿号
//! (`一、`). Scraped and hastily typed text uses a dot, a comma, a colon or a
//! space. The safe fix writes the 顿号 — never `一。`, a known mistake of other
//! tools.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR001",
        name: "hdr-level1-marker",
        severity: Severity::Warning,
        source: Source::S,
        summary: "一级标题序号应写作“一、”",
        summary_en: "a level-1 marker should be written `一、`",
    },
    doc: RuleDoc {
        what: "A level-1 heading marker (Chinese numeral) followed by something other than a 顿号: `一.` `一．` `一，` `一：` or a space.",
        why: "GB/T 9704—2012 §7.3.3 writes the first level `一、`. Other delimiters come from typing habits or from scraping, and make the level look like another family.",
        fires: &["一.总体要求\n", "二．工作目标\n", "三：保障措施\n"],
        passes: &["一、总体要求\n", "一是加强领导。\n", "一九八二年的情况\n"],
        fix: "Safe: the delimiter becomes `、` (`一.` → `一、`). Never `一。`.",
        fix_example: Some(("一.总体要求\n二．工作目标\n", "一、总体要求\n二、工作目标\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if m.family != MarkerFamily::ChineseComma {
            continue;
        }
        let close = m.close.as_deref().unwrap_or("");
        if close == "、" || close.is_empty() {
            continue;
        }
        let start = m.span.end - close.len();
        let base = &m.text[..m.text.len() - close.len()];
        let d = diag(
            m.span,
            format!("一级标题序号“{}”应写作“{base}、”", m.text.trim_end()),
            format!(
                "level-1 marker `{}` should end with `、`, not {}",
                m.text.trim_end(),
                if close.trim().is_empty() { "a space".to_string() } else { format!("`{close}`") }
            ),
        );
        out.push(with_fix(d, true, vec![edit(start, m.span.end, "、")]));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR001");
    }

    #[test]
    fn never_rewrites_the_dot_as_a_full_stop() {
        let out = fixed("HDR001", "一.总体要求\n", false);
        assert_eq!(out, "一、总体要求\n");
        assert!(!out.contains('。'), "should never write 一。");
    }

    #[test]
    fn a_space_delimiter_becomes_a_dunhao() {
        assert_eq!(fixed("HDR001", "一　总体要求\n", false), "一、总体要求\n");
    }

    #[test]
    fn quantities_are_not_headings() {
        passes("HDR001", "一.5倍的增长\n");
    }
}
