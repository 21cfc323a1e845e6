//! ENUM002 `enum-mixed-family`: one series written with two families:
//! `首先…其次…第三`, `第一，…二是…`.
//!
//! GB/T 15834—2011 and practice keep one family through a series: 首先/其次/
//! 再次/最后, or 第一/第二/第三, or 一是/二是/三是. `最后` may close any of them.

use crate::enumeration::EnumerationFamily;
use crate::lint::context::{diag, Ctx};
use crate::lint::inline::counting;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ENUM002",
        name: "enum-mixed-family",
        severity: Severity::Warning,
        source: Source::P15834,
        summary: "同一列举混用不同序次语（如“首先…其次…第三”）",
        summary_en: "one inline series mixes families (`首先…其次…第三`)",
    },
    doc: RuleDoc {
        what: "An inline marker that continues the count of a series of another family in the same section: `第三，` right after `首先…其次…`, `二是` after `第一，`.",
        why: "A series keeps one family (首先/其次/再次, 第一/第二/第三, 一是/二是); switching midway reads as two series.",
        fires: &["首先，要统一思想。其次，要健全机制。第三，要抓好落实。\n", "第一，统一思想。二是健全机制。\n"],
        passes: &["首先，要统一思想。其次，要健全机制。最后，要抓好落实。\n", "第一，统一思想。第二，健全机制。\n"],
        fix: "None: choose one family by hand.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let found = ctx.inline_markers();
    // The previous counting marker: its section, family, ordinal and text.
    type Prev<'a> = (&'a (usize, Option<usize>), EnumerationFamily, u32, &'a str);
    let mut prev: Option<Prev<'_>> = None;
    for f in found {
        let fam = f.marker.family;
        if !counting(fam) || f.marker.ordinal == 0 {
            continue;
        }
        let n = f.marker.ordinal;
        if let Some((sec, pf, pn, pt)) = prev {
            if *sec == f.section && pf != fam && n >= 2 && n == pn + 1 {
                let t = &f.marker.text;
                out.push(diag(
                    f.marker.span,
                    format!("“{t}”与前项“{pt}”序次语类型不一致"),
                    format!("`{t}` continues a series begun with `{pt}`: one family per series"),
                ));
            }
        }
        prev = Some((&f.section, fam, n, &f.marker.text));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ENUM002");
    }
}
