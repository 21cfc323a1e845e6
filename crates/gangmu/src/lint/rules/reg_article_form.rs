//! REG001 `reg-article-form`: an article number in Arabic numerals (`第1条`) or
//! followed by a colon or 顿号 (`第一条：`).
//!
//! 《立法法》 practice and the 行政法规制定程序条例 number articles with Chinese
//! numerals, `第一条` then a full-width space. The safe fix writes the space
//! for the colon; the numeral fix is unsafe.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::{chinese, numeral_range};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "REG001",
        name: "reg-article-form",
        severity: Severity::Error,
        source: Source::L,
        summary: "条的序号应写作“第一条　”",
        summary_en: "articles are numbered `第一条　`",
    },
    doc: RuleDoc {
        what: "An article (条) heading numbered with Arabic digits (`第1条`), or followed by `：` `:` `、` `.` instead of a space.",
        why: "Legislative drafting numbers 条 with Chinese numerals and sets a full-width space after `第X条`.",
        fires: &["第1条 为了规范管理，制定本办法。\n第2条 本办法适用于本市。\n", "第一条：为了规范管理，制定本办法。\n"],
        passes: &["第一条　为了规范管理，制定本办法。\n第二条　本办法适用于本市。\n"],
        fix: "Safe: the colon becomes `　`. Unsafe: Arabic numerals become Chinese.",
        fix_example: Some(("第一条：为了规范管理，制定本办法。\n", "第一条　为了规范管理，制定本办法。\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker.filter(|m| m.family == MarkerFamily::Article) else {
            continue;
        };
        if m.text.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
            let d = diag(
                m.span,
                format!("“{}”应使用汉字数字：第{}条", m.text, chinese(m.ordinal)),
                format!("write `{}` with Chinese numerals: 第{}条", m.text, chinese(m.ordinal)),
            );
            let fix = numeral_range(&m.text)
                .map(|(s, e)| vec![edit(m.span.start + s, m.span.start + e, chinese(m.ordinal))])
                .unwrap_or_default();
            out.push(with_fix(d, false, fix));
        }
        let after = ctx.text[m.span.end..].chars().next();
        if let Some(c) = after.filter(|c| matches!(c, '：' | ':' | '、' | '.' | '．')) {
            let at = m.span.end;
            let d = diag(
                Span::new(m.span.start, at + c.len_utf8()),
                format!("“{}”后应空一字，不加“{c}”", m.text),
                format!("`{}` is followed by a full-width space, not `{c}`", m.text),
            );
            out.push(with_fix(d, true, vec![edit(at, at + c.len_utf8(), "\u{3000}")]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("REG001");
    }
}
