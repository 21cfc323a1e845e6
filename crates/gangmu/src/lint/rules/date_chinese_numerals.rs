//! DATE001 `date-chinese-numerals`: a 成文日期 in Chinese numerals:
//! `二〇二四年九月三十日`.
//!
//! GB/T 9704—2012 §7.3.5.1 writes the 成文日期 in Arabic numerals
//! (`2024年9月30日`); the 1999 standard used Chinese numerals, which older and
//! Party documents still show. The fix is unsafe: it rewrites the date.

use crate::lint::context::{diag, edit, with_fix, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "DATE001",
        name: "date-chinese-numerals",
        severity: Severity::Warning,
        source: Source::S,
        summary: "成文日期应使用阿拉伯数字",
        summary_en: "the date of issue takes Arabic numerals",
    },
    doc: RuleDoc {
        what: "A 成文日期 written in Chinese numerals (`二〇二四年九月三十日`).",
        why: "GB/T 9704—2012 §7.3.5.1 writes it `2024年9月30日`; the Chinese-numeral form belongs to the 1999 standard.",
        fires: &["关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\n某某局\n二〇二四年九月三十日\n"],
        passes: &["关于开展检查的通知\n\n各单位：\n\n请认真落实。\n\n某某局\n2024年9月30日\n"],
        fix: "Unsafe: rewrite the date in Arabic numerals.",
        fix_example: Some(("请认真落实。\n\n某某局\n二〇二四年九月三十日\n", "请认真落实。\n\n某某局\n2024年9月30日\n")),
        options: "",
        config: "",
    },
    check,
};

fn digit(c: char) -> Option<char> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    })
}

/// `二〇二四年九月三十日` → `2024年9月30日`.
pub(crate) fn arabic_date(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
    let (y, rest) = compact.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let (d, tail) = rest.split_once('日')?;
    if !tail.is_empty() {
        return None;
    }
    let year: String = y.chars().map(digit).collect::<Option<String>>()?;
    let month = crate::chinese_numeral_value(m)?;
    let day = crate::chinese_numeral_value(d)?;
    (year.len() == 4 && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year}年{month}月{day}日"))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for b in ctx.metas(MetaKind::Date) {
        let (span, s) = ctx.content(b.span);
        let lead = s.len() - s.trim_start_matches([' ', '\u{3000}', '\t']).len();
        let t = &s[lead..];
        if !t.chars().next().is_some_and(|c| digit(c).is_some()) {
            continue;
        }
        let d = diag(
            crate::Span::new(span.start + lead, span.end),
            format!("成文日期“{t}”应使用阿拉伯数字"),
            format!("write the date of issue `{t}` in Arabic numerals"),
        );
        let fix = arabic_date(t)
            .map(|a| vec![edit(span.start + lead, span.end, a)])
            .unwrap_or_default();
        out.push(with_fix(d, false, fix));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("DATE001");
    }

    #[test]
    fn converts_dates() {
        assert_eq!(super::arabic_date("二〇二四年十二月八日").as_deref(), Some("2024年12月8日"));
        assert_eq!(super::arabic_date("一九九七年三月十四日").as_deref(), Some("1997年3月14日"));
    }
}
