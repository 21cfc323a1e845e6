//! PAIR001 `pair-unbalanced`: an unbalanced pair of marks in a block of text:
//! `“` without `”`, `《` without `》`, and the same for `‘’` `（）` `〔〕` `【】`
//! `〈〉`.
//!
//! GB/T 15834—2011 marks come in pairs. A quotation that runs over several
//! paragraphs opens each paragraph with `“` and closes only the last: an open
//! `“` at the end of a paragraph whose successor starts with `“` is correct.
//! List markers in running text (`1）`, `a)`) are not brackets.

use crate::lint::context::{diag, Ctx};
use crate::lint::scan::MAX_OPEN_MARKS;
use crate::text::ends_sentence;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PAIR001",
        name: "pair-unbalanced",
        severity: Severity::Error,
        source: Source::P15834,
        summary: "成对标点不匹配",
        summary_en: "an unbalanced pair of punctuation marks",
    },
    doc: RuleDoc {
        what: "In one paragraph, heading, title or element: an opening mark of `“” ‘’ 《》 （） 〔〕 【】 〈〉` never closed, or a closing mark never opened. `(` counts as `（` (their width is PUNC001's).",
        why: "Paired marks delimit quotations, titles and insertions; a lost half makes the extent unreadable and usually means text was cut.",
        fires: &["贯彻落实《条例》和《办法的要求。\n", "坚持“两个毫不动摇。\n", "全面完成任务）。\n"],
        passes: &[
            "贯彻落实《条例》和《办法》的要求。\n",
            "“第一段引文，\n\n“第二段引文。”\n",
            "包括：1）住房；2）医疗。\n",
        ],
        fix: "None: which half is missing needs a reader.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('〔', '〕'),
    ('【', '】'),
    ('〈', '〉'),
];

fn open_of(c: char) -> Option<char> {
    let c = if c == ')' { '）' } else { c };
    PAIRS.iter().find(|p| p.1 == c).map(|p| p.0)
}

fn is_open(c: char) -> bool {
    c == '(' || PAIRS.iter().any(|p| p.0 == c)
}

/// `1）` `2)` `a)` `十)` at a clause start: a list marker, not a bracket.
fn list_marker_before(s: &str, i: usize) -> bool {
    let head = &s[..i];
    let tok: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || crate::numeral::is_chinese_numeral_char(*c))
        .collect();
    let n = tok.chars().count();
    if n == 0 || n > 3 {
        return false;
    }
    match head[..head.len() - tok.len()].chars().next_back() {
        None => true,
        Some(c) => c.is_whitespace() || "。；;：:，,、！？\u{3000}".contains(c),
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let units = ctx.text_units();
    // Open marks (absolute position, mark) carried over a hard wrap: a unit
    // that ends mid-sentence continues in the next one.
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (k, (span, s, marks)) in ctx.units_with_marks().enumerate() {
        // A quotation over several paragraphs reopens `“` in each.
        if s.trim_start_matches([' ', '\u{3000}', '\t']).starts_with('“') {
            if let Some(p) = stack.iter().rposition(|&(_, o)| o == '“') {
                stack.remove(p);
            }
        }
        for (i, c) in marks.iter().copied() {
            let at = span.start + i;
            if is_open(c) {
                if stack.len() == MAX_OPEN_MARKS {
                    let (j, o) = stack.remove(0);
                    report_open(out, j, o);
                }
                stack.push((at, if c == '(' { '（' } else { c }));
                continue;
            }
            let Some(open) = open_of(c) else { continue };
            match stack.iter().rposition(|&(_, o)| o == open) {
                Some(p) => {
                    // Marks opened inside and never closed are reported now.
                    let inner: Vec<(usize, char)> = stack.drain(p..).collect();
                    for &(j, o) in &inner[1..] {
                        report_open(out, j, o);
                    }
                }
                None => {
                    if matches!(c, ')' | '）') && list_marker_before(s, i) {
                        continue;
                    }
                    out.push(diag(
                        Span::new(at, at + c.len_utf8()),
                        format!("“{c}”缺少对应的“{open}”"),
                        format!("`{c}` has no matching `{open}`"),
                    ));
                }
            }
        }
        if stack.is_empty() {
            continue;
        }
        let last = k + 1 == units.len();
        if !last && !ends_sentence(s) {
            continue; // a hard wrap: the sentence goes on in the next unit
        }
        let next_starts_quote = units
            .get(k + 1)
            .is_some_and(|(_, _, t)| t.trim_start_matches([' ', '\u{3000}', '\t']).starts_with('“'));
        for (j, o) in std::mem::take(&mut stack) {
            if o == '“' && next_starts_quote {
                continue;
            }
            report_open(out, j, o);
        }
    }
}

fn report_open(out: &mut Vec<Diagnostic>, at: usize, o: char) {
    let close = PAIRS.iter().find(|p| p.0 == o).map_or(o, |p| p.1);
    out.push(diag(
        Span::new(at, at + o.len_utf8()),
        format!("“{o}”缺少对应的“{close}”"),
        format!("`{o}` is never closed by `{close}`"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PAIR001");
    }

    #[test]
    fn a_hard_wrapped_sentence_carries_its_brackets_to_the_next_line() {
        passes("PAIR001", "（2）特约商户（含小微商户，即依据法律\n登记的实体特约商户，下同）编码；\n");
        passes("PAIR001", "按照《中\n\n华人民共和国反洗钱法》的规定处罚。\n");
    }

    #[test]
    fn a_title_broken_over_lines_is_one_unit() {
        passes("PAIR001", "关于印发《加强管理\n办法》的通知\n\n各单位：\n\n正文。\n");
    }
}
