//! HDR003 `hdr-level3-delimiter`: a level-3 marker written `1、` `1，` `1：`
//! instead of `1.`.
//!
//! GB/T 9704—2012 §7.3.3 writes level 3 as an Arabic numeral and a 下脚点
//! (`1.`). `1．` (full-width dot) is common and accepted by default
//! (`allow-fullwidth-dot`); `1、` is accepted with `allow-dunhao-level3`.
//! `1)` is a level-5 form in practice and is left alone.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::MarkerFamily;
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "HDR003",
        name: "hdr-level3-delimiter",
        severity: Severity::Warning,
        source: Source::S,
        summary: "三级标题序号应写作“1.”",
        summary_en: "a level-3 marker should be written `1.`",
    },
    doc: RuleDoc {
        what: "An Arabic-numeral marker delimited by `、` `，` `,` `：` or `:` (and `．` when full-width dots are not allowed) instead of `.`.",
        why: "GB/T 9704—2012 §7.3.3 writes level 3 with a 下脚点 (`1.`); `1、` mixes the level-1 delimiter into level 3.",
        fires: &["一、总则\n\n1、加强学习\n", "1，提高认识\n", "1：内容\n"],
        passes: &["一、总则\n1.加强学习\n", "1．提高认识\n", "1)其他\n", "3.5倍\n"],
        fix: "Safe: the delimiter becomes `.` (`1、` → `1.`).",
        fix_example: Some(("1、加强学习。\n2，提高认识。\n", "1.加强学习。\n2.提高认识。\n")),
        options: "`allow-fullwidth-dot` (default true) accepts `1．`; `allow-dunhao-level3` (default false) accepts `1、`.",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if m.family != MarkerFamily::ArabicDot {
            continue;
        }
        let close = m.close.as_deref().unwrap_or("");
        let wrong = match close {
            "、" => !ctx.options.allow_dunhao_level3,
            "．" => !ctx.options.allow_fullwidth_dot,
            "，" | "," | "：" | ":" => true,
            _ => false,
        };
        if !wrong {
            continue;
        }
        let start = m.span.end - close.len();
        let d = diag(
            m.span,
            format!("三级标题序号“{}”应使用下脚点“.”", m.text),
            format!("level-3 marker `{}` should end with `.`", m.text),
        );
        out.push(with_fix(d, true, vec![edit(start, m.span.end, ".")]));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;
    use crate::lint::Options;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("HDR003");
    }

    #[test]
    fn options_accept_the_disputed_forms() {
        let o = Options {
            allow_dunhao_level3: true,
            ..Options::default()
        };
        assert!(run_with("HDR003", "1、加强学习\n", o).is_empty());
        let o = Options {
            allow_fullwidth_dot: false,
            ..Options::default()
        };
        assert_eq!(run_with("HDR003", "1．加强学习\n", o).len(), 1);
    }
}
