//! DOCNO002 `docno-form`: a 发文字号 with a two-digit year, `第` before the
//! number, a zero-padded number or spaces inside: `国发〔24〕1号`,
//! `国发〔2024〕第1号`, `国发〔2024〕01号`, `国发 〔2024〕 1号`.
//!
//! GB/T 9704—2012 §7.2.4: the year in full, the number without 第 and without
//! leading zeros. A 令 number (`中国人民银行令〔2016〕第3号`) keeps its `第`.
//! In a text extracted from a PDF (a space between Chinese text and digits
//! on many lines: [`Ctx::extraction_spaced`]) the spaces next to the digits
//! of a number (`银发〔 2021〕259号`) are the extractor's and are left alone.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "DOCNO002",
        name: "docno-form",
        severity: Severity::Error,
        source: Source::S,
        summary: "发文字号格式不规范（年份、“第”字、虚位或空格）",
        summary_en: "document number form: year, `第`, zero padding or spaces",
    },
    doc: RuleDoc {
        what: "A document number with a two-digit year, `第` before the serial number, leading zeros in it, or spaces inside.",
        why: "GB/T 9704—2012 §7.2.4 writes the full year, no `第`, no 虚位 (`1号`, not `01号`). 令 numbers keep their `第`.",
        fires: &["国发〔24〕1号\n", "国发〔2024〕第1号\n", "国发〔2024〕01号\n", "国发 〔2024〕1号\n"],
        passes: &["国发〔2024〕1号\n", "中国人民银行令〔2016〕第3号\n"],
        fix: "Safe: delete `第`, the leading zeros and the spaces. A two-digit year has no fix.",
        fix_example: Some(("国发〔2024〕第01号\n", "国发〔2024〕1号\n")),
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (base, c) in ctx.docnos() {
        let base = *base;
        let (Some(all), Some(prefix), Some(year), Some(num)) = (c.get(0), c.get(1), c.get(5), c.get(11)) else {
            continue;
        };
        let decree = prefix.as_str().ends_with('令');
        let span = Span::new(base + prefix.start(), base + all.end());
        if year.as_str().len() == 2 {
            out.push(diag(
                span,
                "发文字号年份应写全四位",
                "the year of a document number needs four digits",
            ));
        }
        let mut edits = Vec::new();
        let mut what_zh = Vec::new();
        let mut what_en = Vec::new();
        // The spaces next to a digit: after the opening bracket, before the
        // closing one, before the number (after 第 or the bracket), before 号.
        let has_di = c.get(9).is_some_and(|m| !m.as_str().is_empty());
        let by_digit = |g: usize| matches!(g, 4 | 6 | 10 | 12) || (g == 8 && !has_di);
        let spared = ctx.extraction_spaced();
        for g in [2, 4, 6, 8, 10, 12] {
            if spared && by_digit(g) {
                continue;
            }
            if let Some(sp) = c.get(g).filter(|m| !m.as_str().is_empty()) {
                edits.push(edit(base + sp.start(), base + sp.end(), ""));
            }
        }
        if !edits.is_empty() {
            what_zh.push("含有空格");
            what_en.push("spaces inside");
        }
        if let Some(di) = c.get(9).filter(|m| !m.as_str().is_empty() && !decree) {
            edits.push(edit(base + di.start(), base + di.end(), ""));
            what_zh.push("序号前不加“第”");
            what_en.push("no `第` before the number");
        }
        let zeros = num.as_str().len() - num.as_str().trim_start_matches('0').len();
        if zeros > 0 && zeros < num.as_str().len() {
            edits.push(edit(base + num.start(), base + num.start() + zeros, ""));
            what_zh.push("序号不编虚位");
            what_en.push("no leading zeros");
        }
        if edits.is_empty() {
            continue;
        }
        edits.sort_by_key(|e| e.span.start);
        let d = diag(
            span,
            format!("发文字号格式不规范：{}", what_zh.join("，")),
            format!("document number form: {}", what_en.join(", ")),
        );
        out.push(with_fix(d, true, edits));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("DOCNO002");
    }

    /// Eight lines of a PDF extractor's spacing (`经 2016年`), then `n`.
    fn pdf_text(n: &str) -> String {
        let mut t = String::from("关于加强管理的通知\n\n各单位：\n\n");
        for k in 1..=8 {
            t.push_str(&format!("第{k}项工作经 2016年12月9日会议通过，自 2017年施行。\n"));
        }
        t.push_str(&format!("按照《关于加强管理的通知》（{n}）规定执行。\n"));
        t
    }

    #[test]
    fn spaces_a_pdf_extractor_put_next_to_digits_are_not_the_writers() {
        passes("DOCNO002", &pdf_text("银发〔 2021〕259号"));
        passes("DOCNO002", &pdf_text("中国人民银行令〔2007〕第 1号"));
        // Other faults of the number are still reported there.
        fires("DOCNO002", &pdf_text("银发〔 2021〕第259号"));
        fires("DOCNO002", &pdf_text("银发 〔2021〕259号"));
        // A typed text with one such space: the space is the writer's.
        fires("DOCNO002", "关于加强管理的通知\n\n各单位：\n\n按照《通知》（银发〔 2021〕259号）规定执行。\n");
    }
}
