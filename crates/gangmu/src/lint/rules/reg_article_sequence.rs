//! REG002 `reg-article-sequence`: articles (条) that restart per chapter or
//! skip, repeat or go back.
//!
//! 《立法法》 practice numbers 条 continuously through the whole text, across
//! 章 and 节 (which restart per parent). An article line that restarts at
//! `第一条` after later articles is one the parser may keep as body text, so the
//! rule also reads paragraphs that open with `第X条` and a space.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "REG002",
        name: "reg-article-sequence",
        severity: Severity::Error,
        source: Source::L,
        summary: "条的序号应全文连续编排",
        summary_en: "articles are numbered continuously through the text",
    },
    doc: RuleDoc {
        what: "In one regulation (the main text or one attachment), an article whose number is not one more than the previous article's: a restart at `第一条` under a new chapter, a gap, a repeat.",
        why: "Legislative practice numbers 条 through the whole text so that each is cited by number alone; 章 and 节 restart, 条 never do.",
        fires: &["第一章　总则\n第一条　目的。\n第二条　范围。\n第二章　管理\n第一条　职责。\n", "第一条　目的。\n第二条　范围。\n第四条　职责。\n"],
        passes: &["第一章　总则\n第一条　目的。\n第二条　范围。\n第二章　管理\n第三条　职责。\n"],
        fix: "None: renumbering articles changes every cross-reference.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static ARTICLE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \u3000]*第([一二三四五六七八九十百零〇]+)条[ \u3000]").expect("pattern"));

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // (position, ordinal, marker span, container)
    let mut arts: Vec<(usize, u32, Span, usize, String)> = Vec::new();
    for h in &ctx.headings {
        if let Some(m) = h.marker.filter(|m| m.family == MarkerFamily::Article) {
            arts.push((m.span.start, m.ordinal, m.span, h.container, m.text.clone()));
        }
    }
    if arts.is_empty() {
        return;
    }
    for b in &ctx.blocks {
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        let s = ctx.slice(b.span);
        if let Some(c) = ARTICLE_LINE.captures(s) {
            let (Some(all), Some(n)) = (c.get(0), c.get(1)) else { continue };
            if let Some(v) = crate::chinese_numeral_value(n.as_str()) {
                let text = all.as_str().trim_matches([' ', '\u{3000}']).to_string();
                let start = b.span.start + all.as_str().find('第').unwrap_or(0);
                arts.push((start, v, Span::new(start, start + text.len()), b.container, text));
            }
        }
    }
    arts.sort_by_key(|a| a.0);
    // The number each article should have counting from the first of its
    // container: an article right after a wrong one (`第三条` `第一条`
    // `第五条`) that has it is not a second fault.
    let mut should = arts[0].1;
    for w in arts.windows(2) {
        let (prev, cur) = (&w[0], &w[1]);
        should = if prev.3 == cur.3 { should + 1 } else { cur.1 };
        if prev.3 != cur.3 || cur.1 == prev.1 + 1 || cur.1 == should {
            continue;
        }
        let (zh, en) = if cur.1 == 1 {
            (
                format!("“{}”重新编号：条的序号应全文连续", cur.4),
                format!("`{}` restarts the numbering: articles run through the whole text", cur.4),
            )
        } else if cur.1 > prev.1 {
            (
                format!("条的序号不连续：“{}”前缺少{}条", cur.4, cur.1 - prev.1 - 1),
                format!("article numbering skips {} before `{}`", cur.1 - prev.1 - 1, cur.4),
            )
        } else {
            (
                format!("条的序号重复或倒退：“{}”", cur.4),
                format!("article number repeats or goes back at `{}`", cur.4),
            )
        };
        out.push(diag(cur.2, zh, en));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("REG002");
    }

    #[test]
    fn an_article_back_on_count_after_a_wrong_one_is_not_reported() {
        let t = "第一章　总则\n第一条　目的。\n第二条　范围。\n第三条　职责。\n第二章　登记\n第一条　登记。\n第五条　条件。\n第六条　材料。\n";
        let d = fires("REG002", t);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("第一条"));
        // Restarting in every chapter: each restart is reported, once.
        let t = "第一章　总则\n第一条　甲。\n第二条　乙。\n第二章　管理\n第一条　丙。\n第二条　丁。\n第三章　附则\n第一条　戊。\n";
        assert_eq!(fires("REG002", t).len(), 2);
    }
}
