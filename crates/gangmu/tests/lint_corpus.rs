//! Lints every text at hand — the official corpus (`GANGMU_CORPUS`), the
//! restored scraped pages (`GANGMU_SCRAPED`), the fixtures and the faulty
//! drafts — and checks:
//!
//! - on published text (the official corpus and the scraped pages) no error
//!   finding other than the true faults listed in [`TRUE_FAULTS`], each with
//!   why it is one, and every one of those still reported;
//! - no panic, every span and edit on character boundaries, both messages;
//! - fixes idempotent, byte-identical outside their edits, and safe fixes
//!   never touching the wording.
//!
//! A corpus that is absent is said in one line and skipped (the official one
//! fails instead under `GANGMU_REQUIRE_CORPUS=1`, as in CI).

#[path = "support/corpora.rs"]
mod corpora;

use std::collections::BTreeSet;

use gangmu::lint::{apply_fixes, fix, lint, Config};
use gangmu::Severity;

/// The error findings on published text that are true faults of the text:
/// (file, rule, line, why). A finding of severity error that is not listed
/// here is a false finding to mend in the rule (with a test), or a true
/// fault to add here with its reason.
const TRUE_FAULTS: &[(&str, &str, usize, &str)] = &[
    // --- the official corpus ---
    (
        "notice_guizhou_rural_payment_action_plan_ocr.txt",
        "SEQ003",
        23,
        "the OCR copy lost item `1.` of （一）: its list begins at `2.`",
    ),
    (
        "notice_mohrss_2008_3_monthly_hours.txt",
        "DOCNO001",
        3,
        "`劳社部发[2008]3号`: square brackets for 〔〕 (GB/T 9704 §7.2.4, and GB/T 9704—1999 before it)",
    ),
    (
        "notice_mohrss_2008_3_monthly_hours.txt",
        "DOCNO001",
        32,
        "the cited `劳社部发[2000]8号`: square brackets for 〔〕",
    ),
    (
        "notice_spp_1997_criminal_law_art12.txt",
        "SEQ003",
        19,
        "the copy lost the markers `一、` `二、` of the first two points (and their `（一）` `（二）`): `三、` stands first",
    ),
    (
        "regulation_invoice_management_2023.txt",
        "PAIR001",
        11,
        "the promulgation note `（1993年…第三次修订）` lost its opening `（` when the database split it into lines",
    ),
    (
        "regulation_pengshui_tourism_2019.txt",
        "PAIR001",
        5,
        "the promulgation note lost its opening `（`: only the closing `）` is left",
    ),
    (
        "regulation_yunfu_business_environment_2023.txt",
        "PAIR001",
        5,
        "the promulgation note lost its opening `（`: only the closing `）` is left",
    ),
    (
        "regulation_yunfu_business_environment_2023.txt",
        "SEQ003",
        135,
        "第二十四条's first item lost its marker `（一）`: its items begin at `（二）`",
    ),
    // --- the scraped pages ---
    (
        "sa_03_primary_school_safety_selfcheck.txt",
        "ELEM001",
        7,
        "the 主送机关 `区教体局安全科:` ends with a half-width colon",
    ),
    (
        "sa_06_poverty_reduction_summary_subtitle.txt",
        "PAIR001",
        9,
        "a stray `“` in the subtitle `——山盆镇2014年 “工作总结`, never closed",
    ),
    (
        "sb_01_jifanwen_reply_collection.txt",
        "ELEM001",
        11,
        "the 主送机关 `市城乡建设局:` ends with a half-width colon",
    ),
    (
        "sb_01_jifanwen_reply_collection.txt",
        "DOCNO001",
        31,
        "`证监期审字 [1995]25号`: square brackets for 〔〕",
    ),
    (
        "sb_01_jifanwen_reply_collection.txt",
        "DOCNO002",
        31,
        "`证监期审字 [1995]25号`: a space inside the number (a typed page, not a PDF extractor's spacing)",
    ),
    (
        "sb_01_jifanwen_reply_collection.txt",
        "ELEM001",
        33,
        "the 主送机关 `新华期货经纪有限公司:` ends with a half-width colon",
    ),
    (
        "sb_02_fanwenzhai_fishing_ban_reply_trad.txt",
        "ELEM001",
        11,
        "the 主送机关 ends with a half-width colon (and has half-width commas)",
    ),
    (
        "sb_03_tmdps_meeting_rules_notice_trad.txt",
        "ELEM001",
        5,
        "the 主送机关 `集團公司各單位,機關各部門:` ends with a half-width colon",
    ),
    (
        "sb_03_tmdps_meeting_rules_notice_trad.txt",
        "SEQ003",
        21,
        "the page lost 第二章: 第一章 is followed by 第三章",
    ),
    (
        "sb_03_tmdps_meeting_rules_notice_trad.txt",
        "REG002",
        23,
        "the page lost 第四條 (and glued 第三條 to the end of 第二條's line): 第五條 follows 第二條",
    ),
    (
        "sb_04_taihu_work_rules_notice.txt",
        "ELEM001",
        12,
        "the 主送机关 ends with a half-width colon",
    ),
    (
        "sb_05_shouxian_gwr_progress_bulletin.txt",
        "ELEM001",
        19,
        "the 主送机关 ends with a half-width colon",
    ),
    (
        "sb_08_zizhou_proposal_reply_letter.txt",
        "ELEM001",
        15,
        "the addressee of the reply `崔银雷委员:` ends with a half-width colon",
    ),
    (
        "sc_01_xingyang_weather_disaster_emergency_plan.txt",
        "ELEM001",
        5,
        "the 主送机关 ends with a half-width colon",
    ),
    (
        "sc_04_ops_site_management_system_docshare.txt",
        "SEQ002",
        33,
        "`一、` … `十、` are nested under `1、办公室制度`: the levels are inverted (GB/T 9704 §7.3.3)",
    ),
    (
        "sc_04_ops_site_management_system_docshare.txt",
        "SEQ002",
        55,
        "`一、` `二、` are nested under `2、印章管理制度`: the levels are inverted",
    ),
    (
        "sc_07_year_end_staff_assessment_plan.txt",
        "PAIR001",
        41,
        "`(1>在考绩年度内…`: the bracket of item (1) is closed with `>`",
    ),
    (
        "sc_07_year_end_staff_assessment_plan.txt",
        "SEQ003",
        43,
        "item (1) is written `(1>`, so the list of items begins at `(2)`",
    ),
    (
        "sc_08_bupt_teaching_two_level_rules.txt",
        "DOCNO001",
        3,
        "`教文[2001]03号`: square brackets for 〔〕",
    ),
    (
        "sc_08_bupt_teaching_two_level_rules.txt",
        "DOCNO002",
        3,
        "`教文[2001]03号`: a zero-padded number (虚位)",
    ),
];

fn published() -> Vec<corpora::Input> {
    corpora::published()
}

fn everything() -> Vec<corpora::Input> {
    corpora::everything()
}

#[test]
fn published_text_raises_no_false_error() {
    let texts = published();
    if texts.is_empty() {
        return;
    }
    let config = Config::default();
    let listed: BTreeSet<(&str, &str, usize)> =
        TRUE_FAULTS.iter().map(|&(f, r, l, _)| (f, r, l)).collect();
    let mut found: BTreeSet<(String, String, usize)> = BTreeSet::new();
    let mut unlisted = Vec::new();
    for input in &texts {
        let index = gangmu::LineIndex::new(&input.text);
        for d in lint(&input.text, &config) {
            if d.severity != Severity::Error {
                continue;
            }
            let (line, _) = index.line_col(d.span.start);
            if !listed.contains(&(input.name.as_str(), d.rule.as_str(), line)) {
                let text = input.text.lines().nth(line - 1).unwrap_or("");
                let excerpt: String = text.chars().take(60).collect();
                unlisted.push(format!(
                    "{}/{}:{line} {} {}\n    | {excerpt}",
                    input.set, input.name, d.rule, d.message
                ));
            }
            found.insert((input.name.clone(), d.rule.clone(), line));
        }
    }
    assert!(
        unlisted.is_empty(),
        "{} error finding(s) on published text are not known true faults; mend the rule (with a test) or, if the text is at fault, add it to TRUE_FAULTS with the reason:\n{}",
        unlisted.len(),
        unlisted.join("\n")
    );
    // Each listed fault is still reported, where its text is at hand.
    let present: BTreeSet<&str> = texts.iter().map(|t| t.name.as_str()).collect();
    let lost: Vec<String> = TRUE_FAULTS
        .iter()
        .filter(|(f, ..)| present.contains(f))
        .filter(|&&(f, r, l, _)| !found.contains(&(f.to_string(), r.to_string(), l)))
        .map(|(f, r, l, why)| format!("{f}:{l} {r} ({why})"))
        .collect();
    assert!(
        lost.is_empty(),
        "true faults of published text are no longer reported (a lost finding, or a list to update):\n{}",
        lost.join("\n")
    );
}

#[test]
fn the_true_faults_are_listed_once() {
    let mut seen = BTreeSet::new();
    for &(f, r, l, why) in TRUE_FAULTS {
        assert!(seen.insert((f, r, l)), "{f}:{l} {r} is listed twice");
        assert!(!why.is_empty(), "{f}:{l} {r} needs its reason");
        assert!(
            gangmu::lint::rules()
                .iter()
                .any(|x| x.id == r && x.severity == Severity::Error),
            "{f}:{l}: {r} is not an error rule"
        );
    }
}

#[test]
fn every_finding_lies_on_character_boundaries() {
    let config = Config::default();
    for input in everything() {
        let (name, text) = (&input.name, &input.text);
        for d in lint(text, &config) {
            for s in std::iter::once(d.span)
                .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)))
            {
                assert!(
                    s.start <= s.end
                        && text.is_char_boundary(s.start)
                        && text.is_char_boundary(s.end),
                    "{name}: {} span {s:?} should lie on character boundaries",
                    d.rule
                );
            }
            assert!(
                !d.message.is_empty() && !d.message_en.is_empty(),
                "{name}: {} needs both messages",
                d.rule
            );
            assert!(
                gangmu::lint::rules().iter().any(|r| r.id == d.rule),
                "{name}: unknown rule {}",
                d.rule
            );
        }
    }
}

#[test]
fn fixes_are_idempotent_on_every_text() {
    let config = Config::default();
    for input in everything() {
        for include_unsafe in [false, true] {
            let once = fix(&input.text, &config, include_unsafe);
            let twice = fix(&once, &config, include_unsafe);
            assert!(
                once == twice,
                "{}: fix should be idempotent (unsafe: {include_unsafe})",
                input.name
            );
        }
    }
}

#[test]
fn text_outside_the_edits_is_byte_identical() {
    let config = Config::default();
    for input in everything() {
        let (name, text) = (&input.name, &input.text);
        let d = lint(text, &config);
        let out = apply_fixes(text, &d, true);
        let mut edits: Vec<_> = d
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| f.edits.iter())
            .collect();
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        // Walk text and output together: between edits they must agree byte
        // for byte; at an edit the output holds the replacement or the original.
        let (mut i, mut j) = (0, 0);
        for e in edits {
            if e.span.start < i {
                continue;
            }
            let same = &text[i..e.span.start];
            assert!(
                out[j..].starts_with(same),
                "{name}: bytes before {:?} should be unchanged",
                e.span
            );
            j += same.len();
            i = e.span.start;
            if out[j..].starts_with(e.replacement.as_str()) && !e.replacement.is_empty()
                || e.replacement.is_empty() && !out[j..].starts_with(&text[e.span.range()])
            {
                j += e.replacement.len();
                i = e.span.end;
            }
        }
        assert_eq!(
            &out[j..],
            &text[i..],
            "{name}: the tail should be unchanged"
        );
    }
}

#[test]
fn safe_fixes_never_touch_wording() {
    let config = Config::default();
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                c.is_alphanumeric()
                    && !c.is_ascii_digit()
                    && !('０'..='９').contains(c)
                    && !"第年月日".contains(*c)
            })
            .collect()
    };
    for input in everything() {
        let (name, text) = (&input.name, &input.text);
        let fixed = fix(text, &config, false);
        assert_eq!(
            strip(text),
            strip(&fixed),
            "{name}: safe fixes should change punctuation, digits and spacing only"
        );
        assert_eq!(
            fixed.matches("一。").count(),
            text.matches("一。").count(),
            "{name}: should never write 一。"
        );
    }
}
