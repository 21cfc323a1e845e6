//! SEQ006 `seq-mixed-style`: one level written in two styles: `（一）` and
//! `(一)`, `1.` and `1、` in the same document.
//!
//! A document should write each level one way. Mixed styles usually mean text
//! pasted from different sources. The minority style is reported.

use std::collections::HashMap;

use crate::lint::context::{diag, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::marker::{Marker, MarkerFamily};
use crate::{Diagnostic, Severity};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "SEQ006",
        name: "seq-mixed-style",
        severity: Severity::Warning,
        source: Source::Pr,
        summary: "同一层级序号混用两种写法",
        summary_en: "one level is written in two marker styles",
    },
    doc: RuleDoc {
        what: "Headings of one marker family written with different punctuation in one document (`（一）` and `(一)`; `1.` and `1、`); each heading in the minority style is reported.",
        why: "A document writes each level one way; mixed styles come from pasting and confuse readers about the level.",
        fires: &["（一）目的\n（二）范围\n(三)要求\n"],
        passes: &["（一）目的\n（二）范围\n（三）要求\n", "1.目的\n2.范围\n"],
        fix: "None here: HDR001–HDR004 fix non-standard forms.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

fn style(m: &Marker) -> String {
    let mut s = String::new();
    s.push_str(m.open.as_deref().unwrap_or(""));
    s.push('…');
    s.push_str(m.close.as_deref().unwrap_or(""));
    s.push_str(m.extra.as_deref().unwrap_or(""));
    if m.fullwidth_digits {
        s.push('＃');
    }
    s
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let mut counts: HashMap<(usize, MarkerFamily, String), usize> = HashMap::new();
    for h in &ctx.headings {
        if let Some(m) = h.marker {
            if m.family.is_regulation_unit() {
                continue;
            }
            *counts.entry((h.container, m.family, style(m))).or_default() += 1;
        }
    }
    for h in &ctx.headings {
        let Some(m) = h.marker else { continue };
        if m.family.is_regulation_unit() {
            continue;
        }
        let mine = counts[&(h.container, m.family, style(m))];
        let best = counts
            .iter()
            .filter(|((c, f, _), _)| *c == h.container && *f == m.family)
            .map(|((_, _, s), n)| (*n, s.clone()))
            .max();
        let Some((n, s)) = best else { continue };
        if mine < n || (mine == n && style(m) > s) {
            out.push(diag(
                m.span,
                format!("同一层级序号写法不一致：“{}”与本文多数写法（{}）不同", m.text, s.replace('…', "X")),
                format!(
                    "`{}` differs from the style most headings of this level use ({})",
                    m.text,
                    s.replace('…', "X")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("SEQ006");
    }
}
