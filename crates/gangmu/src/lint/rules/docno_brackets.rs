//! DOCNO001 `docno-brackets`: a 发文字号 whose year is bracketed with anything
//! but 六角括号: `国发[2024]1号`, `国发（2024）1号`, `国发【2024】1号`.
//!
//! GB/T 9704—2012 §7.2.4 writes the year of a 发文字号 in `〔〕`. Square,
//! round and lenticular brackets are typing substitutes. The safe fix swaps the
//! brackets only — it never adds spaces (`国发[2024]1号` → `国发〔2024〕1号`).

use regex::{Captures, Regex};
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::scan::has;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "DOCNO001",
        name: "docno-brackets",
        severity: Severity::Error,
        source: Source::S,
        summary: "发文字号年份应使用六角括号“〔〕”",
        summary_en: "the year of a document number takes `〔〕`",
    },
    doc: RuleDoc {
        what: "A document number (`机关代字` + bracketed year + number + `号`), as an element or cited in the text, whose year brackets are not `〔〕`.",
        why: "GB/T 9704—2012 §7.2.4 brackets the year with 六角括号 `〔〕`; `[]` `（）` `【】` are substitutes that break matching and citation.",
        fires: &["国发[2024]1号\n", "根据劳社部发（2008）3号文件规定。\n", "银发【2021】259号\n"],
        passes: &["国发〔2024〕1号\n", "（2020）最高法民终123号\n"],
        fix: "Safe: the brackets become `〔` and `〕`; nothing else changes.",
        fix_example: Some(("国发[2024]1号\n", "国发〔2024〕1号\n")),
        options: "",
        config: "",
    },
    check,
};

/// A document number: prefix, spaces, open, spaces, year, spaces, close,
/// spaces, 第, spaces, number, spaces, 号.
pub(crate) static DOCNO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([\p{Han}A-Za-z]{1,16})([ \u3000]*)([\[［【(（〈〔])([ \u3000]*)(\d{4}|\d{2})([ \u3000]*)([\]］】)）〉〕])([ \u3000]*)(第?)([ \u3000]*)(\d{1,5})([ \u3000]*)号",
    )
    .expect("pattern")
});

/// The bracketed year every match of [`DOCNO`] holds: a pattern that opens
/// with a bracket, which the regex engine finds by its bytes, where
/// [`DOCNO`] opens with any ideograph and so is tried at every character.
static BRACKETED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\[［【(（〈〔][ \u3000]*(?:\d{4}|\d{2})[ \u3000]*[\]］】)）〉〕]").expect("pattern")
});

/// Every match of [`DOCNO`] in `units`: (unit start, captures). Only units
/// that hold a `号` and a bracketed year are searched.
pub(crate) fn find_docnos<'c>(units: &[(usize, Span, &'c str)]) -> Vec<(usize, Captures<'c>)> {
    let mut out = Vec::new();
    for &(_, span, s) in units {
        if !has(s, "号") || !BRACKETED_YEAR.is_match(s) {
            continue;
        }
        for c in DOCNO.captures_iter(s) {
            out.push((span.start, c));
        }
    }
    out
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (base, c) in ctx.docnos() {
        let base = *base;
        let (Some(all), Some(open), Some(close)) = (c.get(0), c.get(3), c.get(7)) else {
            continue;
        };
        if open.as_str() == "〔" && close.as_str() == "〕" {
            continue;
        }
        let mut edits = Vec::new();
        if open.as_str() != "〔" {
            edits.push(edit(base + open.start(), base + open.end(), "〔"));
        }
        if close.as_str() != "〕" {
            edits.push(edit(base + close.start(), base + close.end(), "〕"));
        }
        let d = diag(
            Span::new(base + c.get(1).map_or(all.start(), |p| p.start()), base + all.end()),
            format!("发文字号年份应使用六角括号“〔〕”，而非“{}{}”", open.as_str(), close.as_str()),
            format!("the year takes `〔〕`, not `{}{}`", open.as_str(), close.as_str()),
        );
        out.push(with_fix(d, true, edits));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("DOCNO001");
    }

    #[test]
    fn never_adds_spaces_inside_a_document_number() {
        let out = fixed("DOCNO001", "国发[2024]1号\n", true);
        assert_eq!(out, "国发〔2024〕1号\n");
        assert!(!out.contains(' '));
    }
}
