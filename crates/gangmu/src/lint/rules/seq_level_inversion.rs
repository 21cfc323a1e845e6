//! SEQ002 `seq-level-inversion`: a heading nested under a heading of a lower
//! level: `一、` inside `（一）`, `（一）` inside `1.`.
//!
//! The order 一、 > （一） > 1. > （1） > ① (and 编 > 章 > 节 > 条) may skip levels
//! but never invert: a reader takes `（一）` as a subdivision of `一、`.
//! Reported once per parent and family, on the first inverted child.

use std::collections::HashMap;

use crate::lint::context::{diag, Ctx};
use crate::marker::MarkerFamily;
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ002",
        name: "seq-level-inversion",
        severity: Severity::Error,
        source: Source::S,
        summary: "标题层级颠倒（如“1.”下出现“（一）”）",
        summary_en: "heading levels are inverted (`（一）` under `1.`)",
    },
    doc: RuleDoc {
        what: "A numbered heading nested under a heading whose family ranks below it in the standard order (一、 > （一） > 1. > （1） > ①; 编 > 章 > 节 > 条).",
        why: "GB/T 9704—2012 §7.3.3 fixes the order of the levels; documents may skip a level, but an inverted order misleads every reader.",
        fires: &["1.总体要求\n（一）工作目标\n（二）基本原则\n2.主要任务\n（一）加强学习\n"],
        passes: &["一、总体要求\n（一）工作目标\n1.内容\n", "第一章　总则\n第一条　目的\n"],
        fix: "None: the levels must be renumbered by hand.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // One finding per parent and family: renumbering the parent's children
    // mends them all, and ten findings for one inverted list say nothing more.
    // (parent, family) → (first inverted child, how many), in document order.
    let mut inverted: Vec<((usize, MarkerFamily), usize, usize)> = Vec::new();
    let mut index: HashMap<(usize, MarkerFamily), usize> = HashMap::new();
    for (i, h) in ctx.headings.iter().enumerate() {
        let (Some(m), Some(p)) = (h.marker, h.parent) else {
            continue;
        };
        let Some(pm) = ctx.headings[p].marker else {
            continue;
        };
        if m.family == pm.family || m.family.rank() >= pm.family.rank() {
            continue;
        }
        match index.get(&(p, m.family)) {
            Some(&k) => inverted[k].2 += 1,
            None => {
                index.insert((p, m.family), inverted.len());
                inverted.push(((p, m.family), i, 1));
            }
        }
    }
    for ((p, _), first, count) in inverted {
        let (Some(m), Some(pm)) = (ctx.headings[first].marker, ctx.headings[p].marker) else {
            continue;
        };
        let (more_zh, more_en) = if count > 1 {
            (format!("（共{count}处）"), format!(" ({count} headings)"))
        } else {
            (String::new(), String::new())
        };
        out.push(diag(
            m.span,
            format!("“{}”是较高层级的序号，不应出现在“{}”之下{more_zh}", m.text, pm.text),
            format!(
                "`{}` is a higher level than `{}` and should not be nested under it{more_en}",
                m.text, pm.text
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ002");
    }

    #[test]
    fn an_inverted_list_is_reported_once_per_parent() {
        let t = "1、办公室制度\n一、准时上下班。\n二、着装整齐。\n三、不在办公区进食。\n2、印章管理制度\n一、印章的种类\n二、印章的管理\n";
        let d = fires("SEQ002", t);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d[0].message.contains("共3处"), "{}", d[0].message);
    }
}
