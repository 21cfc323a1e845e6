//! NUM003 `num-two-digit-year`: a year written with two digits: `98年5月`.
//!
//! GB/T 15835—2011 writes years in full (`1998年`); `98年` is ambiguous across
//! centuries. Only a two-digit number followed by a month counts, so that
//! `改革开放40年` is not a year.

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::scan::has;
use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "NUM003",
        name: "num-two-digit-year",
        severity: Severity::Warning,
        source: Source::P15835,
        summary: "年份应写全四位",
        summary_en: "a year should have four digits",
    },
    doc: RuleDoc {
        what: "A two-digit year followed by a month: `98年5月`, `24年10月`.",
        why: "GB/T 15835—2011 writes the full year; two digits are ambiguous.",
        fires: &["98年5月通过。\n"],
        passes: &["1998年5月通过。\n", "改革开放40年来，变化巨大。\n"],
        fix: "None: the century must be known.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d０-９.．])(\d{2})年\d{1,2}月").expect("pattern"));

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for &(_, span, s) in ctx.text_units() {
        // Every match holds 年 and 月: skip the regex elsewhere.
        if !(has(s, "年") && has(s, "月")) {
            continue;
        }
        for c in YEAR.captures_iter(s) {
            let Some(y) = c.get(1) else { continue };
            out.push(diag(
                Span::new(span.start + y.start(), span.start + y.end() + "年".len()),
                format!("年份“{}年”应写全四位", y.as_str()),
                format!("write the year `{}年` with four digits", y.as_str()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("NUM003");
    }
}
