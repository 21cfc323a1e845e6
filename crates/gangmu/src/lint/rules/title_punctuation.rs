//! TITLE002 `title-punctuation`: punctuation in a title other than 书名号
//! (and the brackets of `（试行）`): `关于加强管理，提高效率的通知`.
//!
//! GB/T 9704—2012 §7.3.1: "标题中除法规、规章名称加书名号外，一般不用标点符号".

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "TITLE002",
        name: "title-punctuation",
        severity: Severity::Warning,
        source: Source::S,
        summary: "标题中除书名号外一般不用标点符号",
        summary_en: "a title takes no punctuation but 书名号",
    },
    doc: RuleDoc {
        what: "A mark in a title line other than `《》` `〈〉` and brackets: `，` `。` `、` `：` `；` `“”` `！` `？` and their ASCII forms.",
        why: "GB/T 9704—2012 §7.3.1: apart from 书名号 around the names of laws and rules, titles take no punctuation.",
        fires: &["关于加强管理，提高效率的通知\n\n各单位：\n\n正文。\n", "关于做好“双减”工作的通知\n\n各单位：\n\n正文。\n"],
        passes: &["关于印发《安全管理办法》的通知\n\n各单位：\n\n正文。\n", "某某市管理办法（试行）\n\n第一条　为了规范管理，制定本办法。\n"],
        fix: "None: rewording is the drafter's.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in &ctx.blocks {
        if b.kind != BlockKind::Title || b.container != 0 {
            continue;
        }
        let (span, s) = ctx.content(b.span);
        for (i, c) in s.char_indices() {
            if matches!(
                c,
                '，' | '。' | '、' | '：' | '；' | '“' | '”' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '"'
            ) {
                out.push(diag(
                    Span::new(span.start + i, span.start + i + c.len_utf8()),
                    format!("标题中不宜使用“{c}”"),
                    format!("no `{c}` in a title"),
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
        check_doc_examples("TITLE002");
    }
}
