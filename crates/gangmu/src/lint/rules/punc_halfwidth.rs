//! PUNC001 `punc-halfwidth`: half-width punctuation in Chinese text: `,` `;`
//! `:` `?` `!` between Chinese characters, `(…)` around Chinese words.
//!
//! GB/T 15834—2011 uses full-width marks in Chinese text. Half-width ones come
//! from English input methods and from scraping, which folds full-width
//! punctuation to ASCII. The safe fix writes the full-width mark and drops the
//! space an English habit puts after it; numbers, times (`10:30`) and URLs are
//! left alone.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::scan::{char_at, char_before, MAX_OPEN_MARKS};
use crate::text::{is_chinese, is_cjk};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "PUNC001",
        name: "punc-halfwidth",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "中文语境中使用了半角标点",
        summary_en: "half-width punctuation in Chinese text",
    },
    doc: RuleDoc {
        what: "An ASCII `,` `;` `:` `?` `!` with Chinese text on both sides, or ASCII brackets around text containing Chinese.",
        why: "GB/T 15834—2011 uses full-width punctuation in Chinese text; scraping and English input methods leave ASCII marks behind.",
        fires: &["各单位要加强领导,落实责任。\n", "工作要求如下:一是统一思想。\n", "印发《管理办法(试行)》。\n"],
        passes: &["各单位要加强领导，落实责任。\n", "会议于10:30开始。\n", "共计3,000人。\n", "详见 https://example.org/a,b 页面。\n"],
        fix: "Safe: `,`→`，` `;`→`；` `:`→`：` `?`→`？` `!`→`！` `(`→`（` `)`→`）`; a space after the mark is dropped.",
        fix_example: Some(("加强领导,落实责任; 印发《办法(试行)》。\n", "加强领导，落实责任；印发《办法（试行）》。\n")),
        options: "",
        config: "",
    },
    check,
};

fn full(c: char) -> Option<&'static str> {
    Some(match c {
        ',' => "，",
        ';' => "；",
        ':' => "：",
        '?' => "？",
        '!' => "！",
        _ => return None,
    })
}

/// The character before byte `at`, past any brackets right before it (of
/// either width, at most [`MAX_OPEN_MARKS`]): nested pairs `((…))` are judged
/// by the same neighbours, so converting one pair never makes another
/// convertible in the next round of `fix`.
fn outside_before(s: &str, at: usize) -> Option<char> {
    s[..at]
        .chars()
        .rev()
        .take(MAX_OPEN_MARKS + 1)
        .find(|&c| !matches!(c, '(' | '（'))
}

/// The character at byte `at`, past any closing brackets (see
/// [`outside_before`]).
fn outside_after(s: &str, at: usize) -> Option<char> {
    s.get(at..)?
        .chars()
        .take(MAX_OPEN_MARKS + 1)
        .find(|&c| !matches!(c, ')' | '）'))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for (span, s, marks) in ctx.units_with_marks() {
        let base = span.start;
        let mut opens: Vec<(usize, char)> = Vec::new();
        for (i, c) in marks.iter().copied() {
            if let Some(rep) = full(c) {
                let before = char_before(s, i);
                let mut j = i + 1;
                while s[j..].starts_with(' ') {
                    j += 1;
                }
                let after = char_at(s, j);
                let prev_ok = before.is_some_and(|b| is_cjk(b) || "”’）》〕】".contains(b));
                let next_ok = after.is_some_and(|a| is_cjk(a) || "“‘（《".contains(a));
                if prev_ok && next_ok {
                    let d = diag(
                        Span::new(base + i, base + i + 1),
                        format!("中文语境中应使用全角“{rep}”"),
                        format!("use the full-width `{rep}` in Chinese text"),
                    );
                    out.push(with_fix(d, true, vec![edit(base + i, base + j, rep)]));
                }
                continue;
            }
            match c {
                '(' | '（' => opens.push((i, c)),
                ')' | '）' => {
                    let Some((o, oc)) = opens.pop() else { continue };
                    if oc == '（' && c == '）' {
                        continue;
                    }
                    let inner = &s[o + oc.len_utf8()..i];
                    let chinese_inside = inner.chars().any(is_cjk);
                    let chinese_around = outside_before(s, o).is_some_and(is_chinese)
                        || outside_after(s, i + c.len_utf8()).is_some_and(is_chinese);
                    if !chinese_inside || !chinese_around || inner.contains("://") {
                        continue;
                    }
                    let mut edits = Vec::new();
                    if oc == '(' {
                        edits.push(edit(base + o, base + o + 1, "（"));
                    }
                    if c == ')' {
                        edits.push(edit(base + i, base + i + 1, "）"));
                    }
                    let d = diag(
                        Span::new(base + o, base + i + c.len_utf8()),
                        "中文语境中应使用全角括号“（）”",
                        "use full-width brackets `（）` in Chinese text",
                    );
                    out.push(with_fix(d, true, edits));
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn nested_pairs_convert_in_one_round() {
        // Fuzz regression 0011: each round of `fix` converted one more level.
        assert_eq!(fixed("PUNC001", "说明((((中文))))。\n", true), "说明（（（（中文））））。\n");
    }

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("PUNC001");
    }

    #[test]
    fn never_inserts_spaces_or_touches_document_numbers() {
        let t = "根据国发〔2024〕1号文件,各XX县要落实。\n";
        let out = fixed("PUNC001", t, true);
        assert_eq!(out, "根据国发〔2024〕1号文件，各XX县要落实。\n");
    }

    #[test]
    fn half_width_markers_are_hdr004s() {
        passes("PUNC001", "一、总则\n(一)目标\n");
    }
}
