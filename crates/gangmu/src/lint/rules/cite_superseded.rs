//! CITE002 `cite-superseded`: a document cited that no longer applies:
//! `根据《国家行政机关公文处理办法》` (replaced in 2012 by the
//! 《党政机关公文处理工作条例》), `《中华人民共和国合同法》` (repealed by the
//! 民法典 in 2021), `GB/T 9704—1999`.
//!
//! The superseded documents are data: `lint/superseded.toml`, each with what
//! applies instead and the act that says so. A text dated before a document
//! ceased may cite it: the rule reads the text's 成文日期 (or its 印发日期, a
//! date in its promulgation note, a year in its title), and a text with no
//! date at all is taken as current. A sentence that says the document was
//! repealed (`同时废止`, `停止执行`), or that names it as the former one
//! (`原《合同法》`), is not a citation of it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "CITE002",
        name: "cite-superseded",
        severity: Severity::Warning,
        source: Source::T,
        summary: "引用已废止或被代替的文件",
        summary_en: "a cited document has been repealed or superseded",
    },
    doc: RuleDoc {
        what: "A title in 书名号, or a standard's number, of a document that has been repealed or superseded (the table below), in a text dated on or after the day it ceased to apply (or not dated).",
        why: "《党政机关公文处理工作条例》第十九条: a document must agree with the laws and regulations in force; a repealed act cited as the basis of a decision is no basis. The table lists each superseded document with what applies instead and the act that says so.",
        fires: &[
            "关于规范公文处理工作的通知\n\n各科室：\n\n根据《国家行政机关公文处理办法》，现就有关事项通知如下。\n\nXX局\n2024年3月1日\n",
            "公文格式按照GB/T 9704-1999执行。\n",
            "依据《中华人民共和国合同法》第五十二条，该合同无效。\n",
        ],
        passes: &[
            "根据《党政机关公文处理工作条例》，现就有关事项通知如下。\n",
            "本条例自2012年7月1日起施行，《国家行政机关公文处理办法》停止执行。\n",
            "该合同订立于2019年，适用原《合同法》的规定。\n",
            "关于规范公文处理工作的通知\n\n各科室：\n\n根据《国家行政机关公文处理办法》，现就有关事项通知如下。\n\nXX局\n2005年3月1日\n",
        ],
        fix: "None: the provision cited must be found in the act that applies now.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

/// One superseded document, as `superseded.toml` lists it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Superseded {
    pub title: String,
    #[serde(default)]
    pub also: Vec<String>,
    #[serde(default)]
    pub numbers: Vec<String>,
    #[serde(default)]
    pub numbers_only: bool,
    pub ceased: String,
    pub replaced_by: String,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    document: Vec<Superseded>,
}

/// A date as (year, month, day).
type Date = (u32, u32, u32);

/// The table, with each entry's end date parsed.
pub(crate) static SUPERSEDED: LazyLock<Vec<(Superseded, Date)>> = LazyLock::new(|| {
    let table: Table =
        toml::from_str(include_str!("../superseded.toml")).expect("superseded.toml is valid");
    table
        .document
        .into_iter()
        .map(|d| {
            let date = parse_iso(&d.ceased).expect("ceased is YYYY-MM-DD");
            (d, date)
        })
        .collect()
});

fn parse_iso(s: &str) -> Option<Date> {
    let mut it = s.split('-').map(|p| p.parse::<u32>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

/// Cited forms (whitespace removed) → entry.
static BY_TITLE: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (i, (d, _)) in SUPERSEDED.iter().enumerate() {
        if !d.numbers_only {
            m.insert(squeeze(&d.title), i);
        }
        for a in &d.also {
            m.insert(squeeze(a), i);
        }
    }
    m
});

/// A standard number: `GB/T 9704—1999`, `GB／T9704-1999`, `GB 15834–1995`.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"GB\s*(?:[/／]\s*T)?\s*(\d{3,6})\s*[—–\-－―]\s*(\d{4})").expect("pattern")
});

/// Standard numbers (`9704-1999`) → entry.
static BY_NUMBER: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (i, (d, _)) in SUPERSEDED.iter().enumerate() {
        for n in &d.numbers {
            let c = NUMBER.captures(n).expect("a standard number in superseded.toml");
            m.insert(format!("{}-{}", &c[1], &c[2]), i);
        }
    }
    m
});

/// Words of a sentence that reports a repeal rather than citing the act.
const REPEAL_WORDS: &[&str] = &[
    "废止", "停止执行", "失效", "废除", "代替", "取代", "替代", "不再执行", "不再适用",
];

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !crate::text::is_space(*c)).collect()
}

/// The date of writing: the latest 成文日期, else the 印发日期, else a date in
/// the subtitles (a promulgation note), else a year in the title (as 1
/// January of it). `None` when the text shows none.
fn written_on(ctx: &Ctx<'_>) -> Option<Date> {
    let latest = |kind: BlockKind| {
        ctx.blocks
            .iter()
            .filter(|b| b.kind == kind && b.container == 0)
            .filter_map(|b| dates_in(ctx.slice(b.span)).max())
            .max()
    };
    latest(BlockKind::Meta(MetaKind::Date))
        .or_else(|| latest(BlockKind::Meta(MetaKind::Issued)))
        .or_else(|| latest(BlockKind::Subtitle))
        .or_else(|| {
            let (_, t) = ctx.title?;
            YEAR.captures_iter(t)
                .filter_map(|c| year_value(&c[1]))
                .max()
                .map(|y| (y, 1, 1))
        })
}

/// `2024年3月1日`, `二〇二四年三月一日`, `2024年3月` (as its first day).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9０-９〇○零一二三四五六七八九]{4})\s*年\s*([0-9０-９〇零一二三四五六七八九十]{1,3})\s*月(?:\s*([0-9０-９〇零一二三四五六七八九十]{1,3})\s*日)?")
        .expect("pattern")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("pattern"));

fn dates_in(s: &str) -> impl Iterator<Item = Date> + '_ {
    DATE.captures_iter(s).filter_map(|c| {
        let y = year_value(&c[1])?;
        let m = small_value(&c[2])?;
        let d = c.get(3).map_or(Some(1), |d| small_value(d.as_str()))?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    })
}

/// A four-digit year, in Arabic digits or digit by digit in Chinese
/// (`二〇二四`).
fn year_value(s: &str) -> Option<u32> {
    let mut v = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            '〇' | '○' | '零' => 0,
            _ => crate::chinese_numeral_value(&c.to_string())?,
        };
        if d > 9 {
            return None;
        }
        v = v * 10 + d;
    }
    (1900..=2199).contains(&v).then_some(v)
}

/// A month or day in Arabic or Chinese numerals.
fn small_value(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    if s.chars().all(crate::text::is_fullwidth_digit) {
        return s
            .chars()
            .try_fold(0, |v, c| Some(v * 10 + (c as u32 - '０' as u32)));
    }
    crate::chinese_numeral_value(s)
}

/// The sentence of `s` around bytes `a..b`.
fn sentence(s: &str, a: usize, b: usize) -> &str {
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '；' | '\n');
    let start = s[..a].rfind(ends).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[b..].find(ends).map_or(s.len(), |i| b + i);
    &s[start..end]
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut date: Option<Option<Date>> = None;
    for &(_, span, s) in ctx.text_units() {
        // (start, end, entry) of each citation in the unit.
        let mut cited: Vec<(usize, usize, usize)> = Vec::new();
        let mut from = 0;
        while let Some(i) = s[from..].find('《').map(|i| from + i) {
            let open_end = i + '《'.len_utf8();
            let Some(j) = s[open_end..].find(['》', '《', '\n']).map(|j| open_end + j) else {
                break;
            };
            from = open_end;
            if !s[j..].starts_with('》') {
                continue;
            }
            if let Some(&e) = BY_TITLE.get(&squeeze(&s[open_end..j])) {
                let former = s[..i].ends_with(['原', '旧']);
                if !former {
                    cited.push((i, j + '》'.len_utf8(), e));
                }
            }
        }
        if s.contains("GB") {
            for c in NUMBER.captures_iter(s) {
                let all = c.get(0).expect("match");
                if let Some(&e) = BY_NUMBER.get(&format!("{}-{}", &c[1], &c[2])) {
                    cited.push((all.start(), all.end(), e));
                }
            }
        }
        for (a, b, e) in cited {
            let around = sentence(s, a, b);
            if REPEAL_WORDS.iter().any(|w| around.contains(w)) {
                continue;
            }
            let (doc, ceased) = &SUPERSEDED[e];
            let when = *date.get_or_insert_with(|| written_on(ctx));
            if when.is_some_and(|d| d < *ceased) {
                continue;
            }
            let (y, m, d) = ceased;
            out.push(diag(
                Span::new(span.start + a, span.start + b),
                format!(
                    "“{}”已于{y}年{m}月{d}日停止适用，现行依据为{}",
                    &s[a..b],
                    doc.replaced_by
                ),
                format!(
                    "`{}` ceased to apply on {y}-{m:02}-{d:02}; cite {} instead ({})",
                    &s[a..b],
                    doc.replaced_by,
                    doc.source
                ),
            ));
        }
    }
}

/// The table as Markdown, for the rule's page.
pub(crate) fn table_markdown() -> String {
    let mut out = String::from(
        "## Superseded documents\n\nFrom `crates/gangmu/src/lint/superseded.toml`.\n\n| superseded | cited as | ceased | applies instead | source |\n|---|---|---|---|---|\n",
    );
    for (d, (y, m, day)) in SUPERSEDED.iter() {
        let mut forms: Vec<String> = Vec::new();
        if !d.numbers_only {
            forms.push(format!("《{}》", d.title));
        }
        forms.extend(d.also.iter().map(|a| format!("《{a}》")));
        forms.extend(d.numbers.iter().cloned());
        out.push_str(&format!(
            "| {} | {} | {y}-{m:02}-{day:02} | {} | {} |\n",
            d.title,
            forms.join(" "),
            d.replaced_by,
            d.source
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("CITE002");
    }

    #[test]
    fn the_table_is_well_formed() {
        assert!(SUPERSEDED.len() >= 20);
        for (d, (y, m, day)) in SUPERSEDED.iter() {
            assert!((1949..=2100).contains(y) && (1..=12).contains(m) && (1..=31).contains(day));
            assert!(!d.source.is_empty() && !d.replaced_by.is_empty(), "{}", d.title);
            assert!(
                d.source.contains('《') || d.source.starts_with("GB"),
                "{}: the source names its act",
                d.title
            );
            assert!(!d.numbers_only || !d.numbers.is_empty(), "{}", d.title);
        }
        // Every cited form names one entry only.
        let forms: usize = SUPERSEDED
            .iter()
            .map(|(d, _)| usize::from(!d.numbers_only) + d.also.len())
            .sum();
        assert_eq!(BY_TITLE.len(), forms);
        assert!(BY_NUMBER.contains_key("9704-1999"));
    }

    #[test]
    fn every_entry_fires_by_each_of_its_forms() {
        for (d, _) in SUPERSEDED.iter() {
            let mut forms: Vec<String> = d.also.iter().map(|a| format!("《{a}》")).collect();
            if !d.numbers_only {
                forms.push(format!("《{}》", d.title));
            }
            forms.extend(d.numbers.iter().cloned());
            for f in forms {
                let t = format!("按照{f}的规定办理。\n");
                let found = fires("CITE002", &t);
                assert!(found[0].message.contains(&d.replaced_by), "{t}: {}", found[0].message);
            }
        }
    }

    #[test]
    fn the_current_documents_and_unlisted_titles_pass() {
        passes("CITE002", "按照《中华人民共和国民法典》第一百四十三条办理。\n");
        passes("CITE002", "按照GB/T 9704—2012《党政机关公文格式》排版。\n");
        passes("CITE002", "标点按照GB/T 15834—2011《标点符号用法》。\n");
        passes("CITE002", "按照《标点符号用法》执行。\n");
        passes("CITE002", "按照《合同法律风险防控指引》执行。\n");
    }

    #[test]
    fn a_repeal_or_the_former_act_is_no_citation() {
        passes("CITE002", "《中华人民共和国合同法》《中华人民共和国物权法》同时废止。\n");
        passes("CITE002", "原《国家行政机关公文处理办法》中的相关规定不再执行。\n");
        passes("CITE002", "GB/T 9704—2012代替GB/T 9704—1999。\n");
        // Another sentence of the same paragraph still cites it.
        fires("CITE002", "《合同法》已废止。依据《合同法》第五十二条，合同无效。\n");
    }

    #[test]
    fn the_date_of_writing_decides() {
        let doc = |date: &str| {
            format!("关于加强合同管理的通知\n\n各单位：\n\n依据《中华人民共和国合同法》，加强合同管理。\n\nXX公司\n{date}\n")
        };
        passes("CITE002", &doc("2015年6月1日"));
        passes("CITE002", &doc("二〇二〇年十二月三十一日"));
        fires("CITE002", &doc("2021年1月1日"));
        fires("CITE002", &doc("二〇二四年三月一日"));
        // A year in the title, and no 成文日期.
        passes("CITE002", "2019年度合同管理工作总结\n\n依据《合同法》，加强合同管理。\n");
        fires("CITE002", "2024年度合同管理工作总结\n\n依据《合同法》，加强合同管理。\n");
    }

    #[test]
    fn dates_are_read_in_both_numeral_systems() {
        assert_eq!(dates_in("2024年3月1日").collect::<Vec<_>>(), [(2024, 3, 1)]);
        assert_eq!(dates_in("二〇二四年十二月三十一日").collect::<Vec<_>>(), [(2024, 12, 31)]);
        assert_eq!(dates_in("２０２４年３月").collect::<Vec<_>>(), [(2024, 3, 1)]);
        assert_eq!(dates_in("2024年13月1日").count(), 0);
    }
}
