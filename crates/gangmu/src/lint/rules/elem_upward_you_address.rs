//! ELEM009 `elem-upward-you-address`: a superior addressed as `你局` `你委`
//! `你厅` `你部` `你办` (`你单位` `你公司`…) in an upward document (请示,
//! 报告).
//!
//! `你局` is how a superior speaks to a subordinate (`你局《关于…的请示》收悉`,
//! in a 批复). Writing upward, an office names its superior (`市财政局`) or
//! refers to it respectfully (`贵局` belongs to 函 between equals; in a 请示 or
//! 报告 the name is used). Quoted text (a 批复 quoted in the body) is not the
//! writer's address and is left alone.

use std::sync::LazyLock;

use regex::Regex;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::quotations;
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM009",
        name: "elem-upward-you-address",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "上行文中不应以“你局”“你委”等称呼上级机关",
        summary_en: "an upward document does not address its superior as 你局/你委",
    },
    doc: RuleDoc {
        what: "In a document whose 文种 is 请示 or 报告 (by its title, or by its closing formula when no title names one): `你` followed by an organ word (`你局` `你委` `你厅` `你部` `你办` `你处` `你院` `你市` `你省` `你县` `你单位` `你公司` `你校`) outside quotation marks; not a verb (`你处理` `你办理` `你部署`).",
        why: "`你局` is a superior's word for a subordinate (a 批复: `你局《关于…的请示》收悉`). An office writing upward names the superior organ (`市财政局`), which keeps the direction and the respect of the 行文关系.",
        fires: &["关于拨付防汛经费的请示\n\n市财政局：\n\n为做好防汛工作，恳请你局拨付专项经费50万元。\n\n妥否，请批示。\n"],
        passes: &[
            "关于拨付防汛经费的请示\n\n市财政局：\n\n为做好防汛工作，恳请市财政局拨付专项经费50万元。\n\n妥否，请批示。\n",
            "关于同意拨付防汛经费的批复\n\n市水利局：\n\n你局《关于拨付防汛经费的请示》收悉。\n",
            "关于防汛经费使用情况的报告\n\n市财政局：\n\n市政府批复指出：“你局要加强经费管理。”我局认真落实。\n\n特此报告。\n",
        ],
        fix: "None: name the superior organ (`市财政局`); the abbreviation it uses for itself is fine.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

/// `你` and an organ word.
static YOU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"你(?:单位|公司|学校|中心|局|委|厅|部|办|处|院|市|省|县|区|镇|乡|校|司)")
        .expect("pattern")
});

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(kind) = ctx.upward_type() else {
        return;
    };
    for b in &ctx.blocks {
        if b.container != 0 || !matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) {
            continue;
        }
        let s = ctx.slice(b.span);
        if !s.contains('你') {
            continue;
        }
        let q = quotations(s);
        for m in YOU.find_iter(s) {
            // `你们` is no organ; `你局` inside a quotation is not the writer's.
            if q.iter().any(|&(a, e)| a < m.start() && m.start() < e) {
                continue;
            }
            // `你处理` `你办理` `你部署` `你区别`: a verb, not an organ.
            let next = s[m.end()..].chars().next();
            if next.is_some_and(|c| "理置事署别分".contains(c)) {
                continue;
            }
            out.push(diag(
                Span::new(b.span.start + m.start(), b.span.start + m.end()),
                format!("{kind}是上行文，不应以“{}”称呼上级机关，应写明机关名称", m.as_str()),
                format!(
                    "a {kind} goes upward: name the superior organ instead of `{}`",
                    m.as_str()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM009");
    }

    #[test]
    fn every_organ_word_of_the_brief_fires_in_a_report() {
        for w in ["你局", "你委", "你厅", "你部", "你办", "你单位"] {
            let t = format!("关于防汛工作情况的报告\n\n市水利局：\n\n在{w}的指导下，我县完成了堤防加固。\n\n特此报告。\n");
            fires("ELEM009", &t);
        }
    }

    #[test]
    fn other_uses_of_you_pass() {
        passes("ELEM009", "关于防汛工作情况的报告\n\n市水利局：\n\n你们的指导十分及时。\n\n特此报告。\n");
        passes("ELEM009", "关于防汛工作情况的报告\n\n市水利局：\n\n群众反映的问题，已请你处理。\n\n特此报告。\n");
        // Not upward: a 通知 or a 函 may say 你局 / 贵局.
        passes("ELEM009", "关于开展检查的通知\n\n各县水利局：\n\n请你局认真落实。\n");
        // A quotation left open to the end of its paragraph.
        passes("ELEM009", "关于拨付经费的请示\n\n市财政局：\n\n批复要求：“你局要加强管理\n\n妥否，请批示。\n");
    }

    #[test]
    fn a_request_known_by_its_closing_is_checked() {
        fires("ELEM009", "关于拨付防汛经费的请示。\n\n市财政局:\n\n恳请你局拨付专项经费。\n\n特此请示。\n");
    }
}
