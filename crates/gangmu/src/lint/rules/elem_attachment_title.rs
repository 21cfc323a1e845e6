//! ELEM003 `elem-attachment-title`: an attached document whose title matches
//! no name in the 附件说明.
//!
//! GB/T 9704—2012 §7.3.5 and §8.2: the names in the 附件说明 and the titles of
//! the attachments must agree, so that each attachment can be found.

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM003",
        name: "elem-attachment-title",
        severity: Severity::Warning,
        source: Source::S,
        summary: "附件标题与附件说明不一致",
        summary_en: "an attachment's title does not match the attachment note",
    },
    doc: RuleDoc {
        what: "An attachment (附件 after the main text) whose title matches none of the names listed in the 附件说明 (ignoring spaces, 书名号 and punctuation).",
        why: "GB/T 9704—2012 requires the 附件说明 and the attachments' titles to agree.",
        fires: &["关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\n附件：检查方案\n\n某某局\n2024年9月5日\n\n附件\n\n检查工作细则\n\n一、总则\n正文。\n"],
        passes: &["关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\n附件：检查方案\n\n某某局\n2024年9月5日\n\n附件\n\n检查方案\n\n一、总则\n正文。\n"],
        fix: "None.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !"　《》〈〉“”\"'‘’，。、：:；;*#".contains(*c)
        })
        .collect()
}

fn note_name(s: &str) -> String {
    let t = s.trim_start_matches([' ', '\u{3000}']);
    let t = t.trim_start_matches('附').trim_start_matches([' ', '\u{3000}']).trim_start_matches('件');
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c.is_whitespace() || c == '\u{3000}');
    let t = t.trim_start_matches(['：', ':']);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '\u{3000}' || c == ' ');
    let t = t.trim_start_matches(['.', '．', '、', ',', '，']);
    norm(t)
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut names: Vec<String> = Vec::new();
    let mut after_note = false;
    for b in &ctx.blocks {
        match b.kind {
            BlockKind::Meta(MetaKind::AttachmentNote) => {
                let (_, s) = ctx.content(b.span);
                names.push(note_name(s));
                after_note = true;
            }
            // `2．名称` lines under `附件：1．名称` parse as headings.
            BlockKind::Heading if after_note => {
                let (_, s) = ctx.content(b.span);
                names.push(norm(s));
            }
            _ => after_note = false,
        }
    }
    names.retain(|n| n.chars().count() >= 2);
    if names.is_empty() {
        return;
    }
    for a in &ctx.attachments {
        let Some((span, title)) = &a.title else { continue };
        let t = norm(title);
        if t.is_empty() || names.iter().any(|n| t.contains(n.as_str()) || n.contains(t.as_str())) {
            continue;
        }
        out.push(diag(
            *span,
            format!("附件标题“{title}”与附件说明中的名称不一致"),
            format!("the attachment title `{title}` matches no name in the attachment note"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM003");
    }
}
