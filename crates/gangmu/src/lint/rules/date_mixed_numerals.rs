//! DATE003 `date-mixed-numerals`: one date written with both Arabic and
//! Chinese numerals: `2024年九月5日`, `二〇24年`.
//!
//! GB/T 15835—2011 writes a date in one system. A mixed date is a half-done
//! conversion.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::scan::has;
use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "DATE003",
        name: "date-mixed-numerals",
        severity: Severity::Error,
        source: Source::P15835,
        summary: "同一日期混用阿拉伯数字和汉字数字",
        summary_en: "one date mixes Arabic and Chinese numerals",
    },
    doc: RuleDoc {
        what: "A date `…年…月(…日)` whose parts mix Arabic digits and Chinese numerals.",
        why: "GB/T 15835—2011 writes a date in one system; a mixed one is a half-done conversion.",
        fires: &["2024年九月5日召开。\n", "二〇24年9月5日召开。\n"],
        passes: &["2024年9月5日召开。\n", "二〇二四年九月五日召开。\n", "2024年上半年\n"],
        fix: "None: choose the system by hand (DATE001 for the 成文日期).",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9０-９〇○零一二三四五六七八九]{4})年([0-9０-９一二三四五六七八九十]{1,2})月(?:([0-9０-９一二三四五六七八九十]{1,3})日)?")
        .expect("pattern")
});

fn arabic(s: &str) -> Option<bool> {
    let a = s.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let z = s.chars().all(|c| !c.is_ascii_digit() && !('０'..='９').contains(&c));
    if a {
        Some(true)
    } else if z {
        Some(false)
    } else {
        None
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for &(_, span, s) in ctx.text_units() {
        // Every match holds 年 and 月: skip the regex elsewhere.
        if !(has(s, "年") && has(s, "月")) {
            continue;
        }
        for c in DATE.captures_iter(s) {
            let Some(all) = c.get(0) else { continue };
            let parts: Vec<Option<bool>> = (1..=3).filter_map(|g| c.get(g)).map(|m| arabic(m.as_str())).collect();
            let mixed = parts.iter().any(Option::is_none)
                || (parts.contains(&Some(true)) && parts.contains(&Some(false)));
            if mixed {
                out.push(diag(
                    Span::new(span.start + all.start(), span.start + all.end()),
                    format!("日期“{}”混用了阿拉伯数字和汉字数字", all.as_str()),
                    format!("the date `{}` mixes Arabic and Chinese numerals", all.as_str()),
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
        check_doc_examples("DATE003");
    }
}
