//! W003 `spaced-out`: a title or heading with its characters spaced out:
//! `通　　知`, `总　　则`, `关 于 加 强`.
//!
//! Print layout spreads short titles across the line; PDF extraction and
//! copying turn the spread into spaces inside the words, which breaks search
//! and matching. The unsafe fix removes the spaces.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "W003",
        name: "spaced-out",
        severity: Severity::Warning,
        source: Source::W,
        summary: "标题字间夹有空格",
        summary_en: "spaced-out characters in a title or heading",
    },
    doc: RuleDoc {
        what: "In a title or a heading's title: three or more single characters separated by spaces, or a two-character title written `X　　X`.",
        why: "Spread-out titles are a print layout; as text they break search and matching of the words.",
        fires: &["通　　知\n\n各单位：\n\n正文。\n", "第一章　总　　则\n第一条　为了规范管理，制定本办法。\n"],
        passes: &["关于开展检查的通知\n\n各单位：\n\n正文。\n", "第一章　总则\n第一条　为了规范管理，制定本办法。\n"],
        fix: "Unsafe: remove the spaces between the characters.",
        fix_example: Some(("第一章　总　　则\n第一条　为了规范管理，制定本办法。\n", "第一章　总则\n第一条　为了规范管理，制定本办法。\n")),
        options: "",
        config: "",
    },
    check,
};

static SPREAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\p{Han}[ \u3000]+){2,}\p{Han}").expect("pattern"));
static PAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}[ \u3000]+\p{Han}$").expect("pattern"));

fn report(base: usize, s: &str, m: regex::Match<'_>, out: &mut Vec<Diagnostic>) {
    let text = m.as_str();
    let joined: String = text.chars().filter(|c| *c != ' ' && *c != '\u{3000}').collect();
    let at = Span::new(base + m.start(), base + m.end());
    let d = diag(
        at,
        format!("“{}”字间有空格，应为“{joined}”", s[m.range()].trim()),
        format!("spaced-out characters: `{joined}`"),
    );
    out.push(with_fix(d, false, vec![edit(at.start, at.end, joined)]));
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in &ctx.blocks {
        let (base, s) = match b.kind {
            BlockKind::Title => {
                let (span, s) = ctx.content(b.span);
                let lead = s.len() - s.trim_start_matches([' ', '\u{3000}']).len();
                (span.start + lead, &s[lead..])
            }
            BlockKind::Heading => {
                let Some(h) = b.heading.map(|h| &ctx.headings[h]) else { continue };
                let (span, s) = ctx.content(h.title);
                (span.start, s)
            }
            _ => continue,
        };
        if let Some(m) = PAIR.find(s) {
            report(base, s, m, out);
            continue;
        }
        for m in SPREAD.find_iter(s) {
            report(base, s, m, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("W003");
    }
}
