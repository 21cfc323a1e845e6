//! ELEM005 `elem-header-form`: the 版头 elements in the wrong form — a 份号
//! that is not six digits, a 密级 whose 保密期限 is not joined by `★`, a
//! 紧急程度 other than 特急/加急 — and, when configured, document elements
//! that a 文种 requires but the document lacks.
//!
//! GB/T 9704—2012 §7.2: 份号 six Arabic digits; `机密★1年`; 紧急程度
//! `特急` or `加急`. Which elements a 文种 needs is an office's choice
//! (`required-elements`).

use regex::Regex;
use std::sync::LazyLock;

use crate::lint::context::{diag, edit, with_fix, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM005",
        name: "elem-header-form",
        severity: Severity::Warning,
        source: Source::S,
        summary: "份号、密级、紧急程度格式不规范或缺少必备要素",
        summary_en: "copy number, secrecy or urgency in the wrong form, or a required element missing",
    },
    doc: RuleDoc {
        what: "Before the title: a number line of 4, 5, 7 or 8 digits (份号 has 6), `机密*1年` or `机密 1年` (the period joins with `★`), `特提`/`平急`/`急件` (紧急程度 is 特急 or 加急). With `required-elements`, each element the document's 文种 requires and lacks.",
        why: "GB/T 9704—2012 §7.2 fixes the form of the 版头 elements; offices fix which elements each 文种 carries.",
        fires: &["机密*1年\n\n关于开展检查的通知\n\n各单位：\n\n正文。\n", "平急\n\n关于开展检查的通知\n\n各单位：\n\n正文。\n"],
        passes: &["000123\n机密★1年\n特急\n\n关于开展检查的通知\n\n各单位：\n\n正文。\n"],
        fix: "Safe: the joining mark of the 密级 becomes `★`.",
        fix_example: Some(("机密*1年\n\n关于开展检查的通知\n\n各单位：\n\n正文。\n", "机密★1年\n\n关于开展检查的通知\n\n各单位：\n\n正文。\n")),
        options: "`required-elements` maps a 文种 to the element kinds it must carry, e.g. `\"请示\" = [\"addressee\", \"date\", \"signer\"]` under `[options.required-elements]` (quote non-ASCII keys).",
        config: "",
    },
    check,
};

static SECRECY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(绝密|机密|秘密)([ \u3000]*[*＊☆※][ \u3000]*|[ \u3000]+)(\S{1,8})$").expect("pattern"));
static URGENCY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(特提|平急|急件|特急件|加急件|紧急)$").expect("pattern"));
static COPY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[0-9０-９]{4,5}|[0-9０-９]{7,8})$").expect("pattern"));

fn kind_name(k: MetaKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // The 版头: the lines before the addressee and the body.
    let front_end = ctx
        .blocks
        .iter()
        .find(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Heading | BlockKind::Meta(MetaKind::Addressee)
            )
        })
        .map_or(ctx.text.len(), |b| b.span.start);
    let mut at = 0;
    for line in ctx.text[..front_end].split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        let t = line.trim_end_matches(['\n', '\r']);
        let lead = t.len() - t.trim_start_matches([' ', '\u{3000}', '#', '*']).len();
        let t = t[lead..].trim_end_matches([' ', '\u{3000}', '*']);
        let base = line_start + lead;
        if let Some(c) = SECRECY.captures(t) {
            let Some(sep) = c.get(2) else { continue };
            let d = diag(
                Span::new(base, base + t.len()),
                "密级和保密期限之间应以“★”隔开",
                "join the secrecy level and its period with `★`",
            );
            out.push(with_fix(d, true, vec![edit(base + sep.start(), base + sep.end(), "★")]));
        } else if URGENCY.is_match(t) {
            out.push(diag(
                Span::new(base, base + t.len()),
                format!("紧急程度“{t}”应标注为“特急”或“加急”"),
                format!("urgency `{t}` should be `特急` or `加急`"),
            ));
        } else if COPY.is_match(t) {
            out.push(diag(
                Span::new(base, base + t.len()),
                "份号应为6位阿拉伯数字",
                "a copy number has six Arabic digits",
            ));
        }
    }
    // Required elements for the document's 文种.
    let Some(doc_type) = ctx.doc_type() else { return };
    let Some(required) = ctx.options.required_elements.get(doc_type) else {
        return;
    };
    let have: Vec<String> = ctx
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Meta(k) => Some(kind_name(k)),
            _ => None,
        })
        .collect();
    let at = ctx.title.map_or(Span::new(0, 0), |(s, _)| ctx.content(s).0);
    for r in required {
        if !have.iter().any(|h| h == r) {
            out.push(diag(
                at,
                format!("{doc_type}缺少必备要素：{r}"),
                format!("a {doc_type} must carry the element `{r}`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;
    use crate::lint::Options;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM005");
    }

    #[test]
    fn required_elements_are_configurable() {
        let mut o = Options::default();
        o.required_elements.insert("请示".into(), vec!["addressee".into(), "date".into()]);
        let t = "关于拨付经费的请示\n\n市财政局：\n\n妥否，请批示。\n";
        let d = run_with("ELEM005", t, o.clone());
        assert_eq!(d.len(), 1, "should miss only the date: {d:?}");
        assert!(d[0].message_en.contains("date"));
        assert!(run_with("ELEM005", t, Options::default()).is_empty());
    }
}
