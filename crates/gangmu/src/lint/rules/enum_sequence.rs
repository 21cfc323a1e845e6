//! ENUM001 `enum-sequence`: an inline series with a gap, a repeat or a wrong
//! start: `一是…三是…`, `一是…二是…二是…`, a section whose first item is `二是`.
//!
//! Inline enumerations (一是/一要/第一，/其一) count like headings; a series
//! runs through the paragraphs of one section and a new `一是` starts a new one.

use crate::enumeration::EnumerationFamily;
use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ENUM001",
        name: "enum-sequence",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "段内列举序号跳号、重复或不从“一”开始",
        summary_en: "an inline series skips, repeats or does not start at one",
    },
    doc: RuleDoc {
        what: "In one section, an inline series (一是/一要/第一，/其一) whose next item skips a number, repeats one, or whose first item is not 一.",
        why: "Readers count the items; `一是…三是…` means an item was deleted, `二是` with no `一是` means the series lost its start.",
        fires: &["一是统一思想。三是健全机制。\n", "一是统一思想。二是健全机制。二是抓好落实。\n", "第一，加强领导。第三，落实责任。\n"],
        passes: &["一是统一思想。二是健全机制。三是抓好落实。\n", "一是统一思想。\n\n二是健全机制。\n", "一是统一思想。二是健全机制。\n\n一是加强领导。二是落实责任。\n"],
        fix: "None: the items must be renumbered by hand.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let found = ctx.inline_markers();
    // Last ordinal per (section, family): a map, so that the rule stays
    // linear in the number of markers however many sections there are.
    let mut last: std::collections::HashMap<((usize, Option<usize>), EnumerationFamily), u32> =
        std::collections::HashMap::new();
    for f in found {
        let fam = f.marker.family;
        if !matches!(
            fam,
            EnumerationFamily::Shi | EnumerationFamily::Yao | EnumerationFamily::Ordinal | EnumerationFamily::Qi
        ) {
            continue;
        }
        let n = f.marker.ordinal;
        let prev = last.insert((f.section, fam), n);
        let t = &f.marker.text;
        let problem = match prev {
            _ if n == 1 => None,
            // `第一加强…，第二，`: the first items are there without their
            // comma (ENUM004's).
            None if crate::lint::inline::commaless_predecessors(ctx, f).is_some() => None,
            None => Some((
                format!("列举“{t}”前没有从“一”开始的项"),
                format!("`{t}` is not preceded by a first item"),
            )),
            Some(p) if n == p + 1 => None,
            Some(p) if n > p + 1 => Some((
                format!("列举序号不连续：“{t}”前缺少{}项", n - p - 1),
                format!("inline series skips {} item(s) before `{t}`", n - p - 1),
            )),
            Some(_) => Some((
                format!("列举序号重复或倒退：“{t}”"),
                format!("inline series repeats or goes back at `{t}`"),
            )),
        };
        if let Some((zh, en)) = problem {
            out.push(diag(f.marker.span, zh, en));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ENUM001");
    }

    #[test]
    fn a_first_item_written_without_its_comma_is_no_gap() {
        passes("ENUM001", "下步打算：第一加强执法检查，第二，深化专项整治。\n");
        fires("ENUM001", "下步打算：加强执法检查，第二，深化专项整治。\n");
    }

    #[test]
    fn each_section_has_its_own_series() {
        passes("ENUM001", "一、甲\n一是统一思想。二是健全机制。\n二、乙\n一是加强领导。二是落实责任。\n");
    }
}
