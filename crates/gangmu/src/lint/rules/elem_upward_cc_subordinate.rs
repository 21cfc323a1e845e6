//! ELEM008 `elem-upward-cc-subordinate`: an upward document (请示, 报告)
//! copied (抄送) to subordinate offices.
//!
//! 《党政机关公文处理工作条例》第十五条（一）: a document to a superior is
//! addressed, in principle, to one superior organ and copied as needed to
//! other superiors and to organs of the same level — never to subordinates
//! (不抄送下级机关), who must not act on a request not yet answered.
//!
//! The evidence is in the 抄送 list itself: words that say so (`下级` `下属`
//! `所属` `直属` `基层`), an office's own internal units (`各科室` `各股室`
//! `各处室`), or lower administrative units (`各县（市、区）` `各乡镇`
//! `各街道` `各村` `各社区`) when the issuing organ (its 署名, 发文机关标志 or
//! the title's 发文机关) is known and is not itself of that level (a county
//! may copy the other counties: they are its peers).

use std::sync::LazyLock;

use regex::Regex;

use crate::lint::context::{diag, BlockKind, Ctx};
use crate::lint::rules::{Rule, RuleDoc};
use crate::lint::{RuleInfo, Source};
use crate::tree::MetaKind;
use crate::{Diagnostic, Severity, Span};

pub(crate) const RULE: Rule = Rule {
    info: RuleInfo {
        id: "ELEM008",
        name: "elem-upward-cc-subordinate",
        severity: Severity::Warning,
        source: Source::T,
        summary: "上行文（请示、报告）不应抄送下级机关",
        summary_en: "an upward document (请示, 报告) is not copied to subordinate offices",
    },
    doc: RuleDoc {
        what: "In a document whose 文种 is 请示 or 报告 (by its title, or by its closing formula when no title names one): a 抄送 list that names subordinate offices — `下级` `下属` `所属` `直属` `基层` units, the office's own `科室` `股室` `处室`, or lower administrative units (`各县（市、区）` `各乡镇` `各街道` `各村` `各社区`) when the issuing organ is known and is not itself of that level.",
        why: "《党政机关公文处理工作条例》第十五条（一）: an upward document is copied as needed to other superiors and to organs of the same level, not to subordinates (不抄送下级机关): a request not yet answered is not for them to act on.",
        fires: &[
            "关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\nXX市水利局\n2024年5月6日\n\n抄送：市防汛办，各县（市、区）水利局。\n",
            "关于一季度安全生产情况的报告\n\n县政府：\n\n特此报告。\n\nXX县应急管理局\n2024年4月2日\n\n抄送：局属各单位，各科室。\n",
        ],
        passes: &[
            "关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\nXX市水利局\n2024年5月6日\n\n抄送：市防汛办，市发展改革委。\n",
            "关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\nXX县人民政府\n2024年5月6日\n\n抄送：市水利局，各县（市、区）人民政府。\n",
            "关于做好防汛工作的通知\n\n各县（市、区）水利局：\n\n请认真落实。\n\nXX市水利局\n2024年5月6日\n\n抄送：各乡镇人民政府，各科室。\n",
        ],
        fix: "None: copy the document to the superiors and peers who need it; inform subordinates by a document of their own once the request is answered.",
        fix_example: None,
        options: "",
        config: "",
    },
    check,
};

/// Words that name subordinates, or the issuer's own internal units, in a
/// 抄送 list.
static ALWAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"下级[\p{Han}]{0,6}|(?:下属|所属|直属)[\p{Han}]{0,6}|基层[\p{Han}]{0,6}|[局委厅部办院校司]属各[\p{Han}]{0,6}|各(?:科室|股室|处室|中队|站所|分局|分公司|子公司|分支机构|营业网点|二级单位)",
    )
    .expect("pattern")
});

/// Lower administrative units, with the level word that makes the issuer
/// their peer.
static LEVELS: LazyLock<Vec<(Regex, &'static [&'static str])>> = LazyLock::new(|| {
    let level = |p: &str, peers: &'static [&'static str]| (Regex::new(p).expect("pattern"), peers);
    vec![
        level(r"各(?:县|区|县区|区县|县市区|县市)(?:[（(][^）)]{1,8}[）)])?[\p{Han}]{0,8}", &["县", "区", "旗"]),
        level(r"各(?:乡镇|乡|镇|街道|乡镇街道|镇街|苏木)(?:[（(][^）)]{1,8}[）)])?[\p{Han}]{0,8}", &["乡", "镇", "街道", "苏木"]),
        level(r"各(?:村|社区|村委会|居委会|村居)[\p{Han}]{0,6}", &["村", "社区", "居委会"]),
    ]
});

/// The issuing organ's name as the text gives it: 署名, 发文机关标志, or the
/// title's part before 关于.
fn issuer(ctx: &Ctx<'_>) -> Option<String> {
    let mut names: Vec<&str> = ctx
        .blocks
        .iter()
        .filter(|b| {
            b.container == 0
                && matches!(
                    b.kind,
                    BlockKind::Meta(MetaKind::Signature) | BlockKind::Meta(MetaKind::IssuerMark)
                )
        })
        .map(|b| ctx.slice(b.span).trim())
        .collect();
    if let Some((_, t)) = ctx.title {
        if let Some(i) = t.find("关于").filter(|&i| i > 0) {
            names.push(&t[..i]);
        }
    }
    (!names.is_empty()).then(|| names.concat())
}

/// Whether the words at `at` (`所属…`, `直属…`) follow the name of another
/// organ (`市政府所属各部门`: the city government's, the issuer's peers)
/// rather than a list separator, `各`, `本` or the issuer's own kind (`局`).
fn owned_by_another(s: &str, at: usize) -> bool {
    let rest = &s[at..];
    if !(rest.starts_with("所属") || rest.starts_with("直属") || rest.starts_with("下属")) {
        return false;
    }
    s[..at]
        .chars()
        .next_back()
        .is_some_and(|c| crate::text::is_cjk(c) && !"各本局委厅部办院校司".contains(c))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(kind) = ctx.upward_type() else {
        return;
    };
    let mut issuer_name: Option<Option<String>> = None;
    for b in ctx.metas(MetaKind::Cc) {
        let (span, s) = ctx.content(b.span);
        let mut found: Vec<(usize, usize)> = ALWAYS
            .find_iter(s)
            .filter(|m| !owned_by_another(s, m.start()))
            .map(|m| (m.start(), m.end()))
            .collect();
        for (re, peers) in LEVELS.iter() {
            for m in re.find_iter(s) {
                let name = issuer_name.get_or_insert_with(|| issuer(ctx));
                let lower = name
                    .as_deref()
                    .is_some_and(|n| !peers.iter().any(|p| n.contains(p)));
                if lower {
                    found.push((m.start(), m.end()));
                }
            }
        }
        found.sort_unstable();
        found.dedup_by(|b, a| b.0 < a.1);
        for (a, e) in found {
            let what = s[a..e].trim_end_matches(['。', '，', '、', '；']);
            out.push(diag(
                Span::new(span.start + a, span.start + a + what.len()),
                format!("{kind}是上行文，不应抄送下级机关（“{what}”）"),
                format!("a {kind} goes upward and is not copied to subordinates (`{what}`)"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::testing::*;

    #[test]
    fn doc_examples_hold() {
        check_doc_examples("ELEM008");
    }

    fn qingshi(signature: &str, cc: &str) -> String {
        format!("关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\n{signature}\n2024年5月6日\n\n抄送：{cc}\n")
    }

    #[test]
    fn subordinates_named_as_such_are_always_evidence() {
        for cc in ["下级各单位。", "所属各单位。", "各直属单位。", "局属各单位。", "各股室。", "各基层单位。"] {
            fires("ELEM008", &qingshi("XX市水利局", cc));
            // Even when the issuer is not known.
            fires("ELEM008", &format!("关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\n抄送：{cc}\n"));
        }
    }

    #[test]
    fn another_organs_units_are_not_the_issuers_subordinates() {
        passes("ELEM008", &qingshi("XX市水利局", "市政府所属有关部门。"));
        passes("ELEM008", &qingshi("XX市水利局", "市科研院所。"));
        fires("ELEM008", &qingshi("XX市水利局", "本局所属各单位。"));
    }

    #[test]
    fn lower_administrative_units_need_an_issuer_above_them() {
        fires("ELEM008", &qingshi("XX县水利局", "市防汛办，各乡镇人民政府。"));
        fires("ELEM008", &qingshi("XX市人民政府办公室", "省应急厅，各县（市、区）人民政府。"));
        // Peers: a town copies the other towns, a county the other counties.
        passes("ELEM008", &qingshi("XX镇人民政府", "县水利局，各乡镇人民政府。"));
        passes("ELEM008", &qingshi("XX区人民政府", "市水利局，各区人民政府。"));
        // No issuer known: a county's peers or a city's subordinates? Not said.
        passes("ELEM008", "关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\n抄送：各县（市、区）人民政府。\n");
    }

    #[test]
    fn the_issuer_in_the_title_counts() {
        fires("ELEM008", "XX市水利局关于拨付防汛经费的请示\n\n市财政局：\n\n妥否，请批示。\n\n抄送：各县（市、区）水利局。\n");
    }

    #[test]
    fn only_upward_documents_are_checked() {
        passes("ELEM008", "关于做好防汛工作的通知\n\n各县（市、区）水利局：\n\n请认真落实。\n\nXX市水利局\n2024年5月6日\n\n抄送：各科室。\n");
        passes("ELEM008", "关于防汛工作的函\n\n市财政局：\n\n请予支持。\n\nXX市水利局\n2024年5月6日\n\n抄送：各科室。\n");
    }

    #[test]
    fn a_report_known_by_its_closing_is_checked() {
        // The title ends with 。 and is not taken as one; the closing says 报告.
        fires("ELEM008", "关于一季度安全生产情况的报告。\n\n县政府：\n\n现将一季度安全生产情况报告如下。全县未发生事故。\n\n特此报告。\n\nXX县应急管理局\n2024年4月2日\n\n抄送：各科室。\n");
    }

    #[test]
    fn one_finding_per_subordinate_named() {
        let d = fires("ELEM008", &qingshi("XX市水利局", "市防汛办，各县（市、区）水利局，各科室。"));
        assert_eq!(d.len(), 2, "{d:#?}");
    }
}
