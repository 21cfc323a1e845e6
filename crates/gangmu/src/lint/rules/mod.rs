//! The rule catalogue: one file per rule (its doc, its [`RuleInfo`], its
//! check and its tests), listed once in [`REGISTRY`].

use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;

use super::context::Ctx;
use super::RuleInfo;

/// A rule's check: pushes its findings (rule id and severity are set by the
/// caller).
pub(crate) type Check = fn(&Ctx<'_>, &mut Vec<Diagnostic>);

/// Documentation of a rule, rendered to `docs/rules/<ID>.md`.
pub(crate) struct RuleDoc {
    /// What the rule checks.
    pub what: &'static str,
    /// Why: the convention and its reason.
    pub why: &'static str,
    /// Texts the rule fires on (each is checked by the tests).
    pub fires: &'static [&'static str],
    /// Texts the rule must not fire on (each is checked by the tests).
    pub passes: &'static [&'static str],
    /// The fix, described.
    pub fix: &'static str,
    /// A text before and after applying this rule's fixes (safe and unsafe).
    pub fix_example: Option<(&'static str, &'static str)>,
    /// Options that change the rule.
    pub options: &'static str,
    /// The configuration (TOML) the examples are checked with; empty for the
    /// defaults.
    pub config: &'static str,
}

/// A rule: its info, its doc and its check.
pub(crate) struct Rule {
    pub info: RuleInfo,
    pub doc: RuleDoc,
    pub check: Check,
}

macro_rules! catalogue {
    ($($m:ident),* $(,)?) => {
        $(pub(crate) mod $m;)*
        /// Every rule.
        pub(crate) static REGISTRY: &[Rule] = &[$($m::RULE),*];
    };
}

catalogue!(
    hdr_level1_marker,
    hdr_punct_after_bracket,
    hdr_level3_delimiter,
    hdr_bracket_width,
    hdr_di_yi_dunhao,
    hdr_space_after_marker,
    hdr_standalone_punct,
    hdr_run_in_period,
    seq_level_skip,
    seq_level_inversion,
    seq_gap,
    seq_duplicate,
    seq_restart_inconsistent,
    seq_mixed_style,
    seq_single_child,
    seq_too_deep,
    enum_sequence,
    enum_mixed_family,
    enum_aspect_unpaired,
    enum_comma,
    punc_halfwidth,
    punc_ellipsis_dash,
    punc_straight_quotes,
    punc_repeated,
    punc_dunhao_deng,
    pair_unbalanced,
    pair_nesting,
    num_fullwidth_digits,
    num_range,
    num_two_digit_year,
    docno_brackets,
    docno_form,
    date_chinese_numerals,
    date_padding,
    date_mixed_numerals,
    elem_addressee_colon,
    elem_attachment_note,
    elem_attachment_title,
    elem_cc_period,
    elem_header_form,
    elem_signer_form,
    elem_qingshi_addressees,
    elem_upward_cc_subordinate,
    elem_upward_you_address,
    cite_number_before_title,
    cite_superseded,
    title_doc_type,
    title_punctuation,
    title_doubled,
    title_report_asks_approval,
    reg_article_form,
    reg_article_sequence,
    reg_item_form,
    reg_numbered_kuan,
    placeholder,
    web_noise,
    truncated,
    spaced_out,
);

/// The infos of [`REGISTRY`], sorted by id.
pub(crate) static INFOS: LazyLock<Vec<RuleInfo>> = LazyLock::new(|| {
    let mut v: Vec<RuleInfo> = REGISTRY.iter().map(|r| r.info.clone()).collect();
    v.sort_by(|a, b| a.id.cmp(b.id));
    v
});

/// What a rule's page shows beyond its [`RuleDoc`]: the data it checks
/// against (CITE002's table of superseded documents).
pub(crate) fn extra_doc(id: &str) -> Option<String> {
    (id == "CITE002").then(cite_superseded::table_markdown)
}

/// Looks a rule up by id.
pub(crate) fn by_id(id: &str) -> Option<&'static Rule> {
    REGISTRY.iter().find(|r| r.info.id == id)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rule tests: run one rule alone.

    use super::*;
    use crate::lint::{apply_fixes, Config, Options};

    /// Findings of rule `id` alone on `text`.
    pub fn run_with(id: &str, text: &str, options: Options) -> Vec<Diagnostic> {
        let config = Config {
            select: Some(vec![id.to_string()]),
            options,
            ..Config::default()
        };
        crate::lint::lint(text, &config)
    }

    /// Findings of rule `id` alone on `text`, with the options of its doc
    /// examples (the defaults for most rules).
    pub fn run(id: &str, text: &str) -> Vec<Diagnostic> {
        let cfg = by_id(id).map_or("", |r| r.doc.config);
        let options = Config::from_toml_str(cfg).expect("example config").options;
        run_with(id, text, options)
    }

    /// Asserts that rule `id` fires on `text`; returns the findings.
    #[track_caller]
    pub fn fires(id: &str, text: &str) -> Vec<Diagnostic> {
        let d = run(id, text);
        assert!(!d.is_empty(), "{id} should fire on {text:?}");
        d
    }

    /// Asserts that rule `id` does not fire on `text`.
    #[track_caller]
    pub fn passes(id: &str, text: &str) {
        let d = run(id, text);
        assert!(d.is_empty(), "{id} should not fire on {text:?}: {d:#?}");
    }

    /// `text` after one round of rule `id`'s fixes.
    pub fn fixed(id: &str, text: &str, include_unsafe: bool) -> String {
        apply_fixes(text, &run(id, text), include_unsafe)
    }

    /// Checks the examples of the rule's doc page: every `fires` example fires,
    /// no `passes` example does, the fix example holds, and every finding's span
    /// lies on character boundaries.
    #[track_caller]
    pub fn check_doc_examples(id: &str) {
        let rule = by_id(id).expect("rule is registered");
        assert_eq!(rule.info.id, id);
        for t in rule.doc.fires {
            for d in fires(id, t) {
                assert!(t.is_char_boundary(d.span.start) && t.is_char_boundary(d.span.end));
                assert!(!d.message.is_empty() && !d.message_en.is_empty());
            }
        }
        for t in rule.doc.passes {
            passes(id, t);
        }
        if let Some((before, after)) = rule.doc.fix_example {
            assert_eq!(fixed(id, before, true), after, "{id} should fix {before:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        let mut ids = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for r in REGISTRY {
            assert!(ids.insert(r.info.id), "duplicate id {}", r.info.id);
            assert!(names.insert(r.info.name), "duplicate name {}", r.info.name);
            assert!(
                r.info
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} should be kebab-case",
                r.info.name
            );
            assert!(
                !r.doc.fires.is_empty(),
                "{} needs examples that fire",
                r.info.id
            );
            assert!(
                !r.doc.passes.is_empty(),
                "{} needs examples that pass",
                r.info.id
            );
        }
    }

    #[test]
    fn the_registry_holds_the_whole_catalogue() {
        let mut want: Vec<String> = Vec::new();
        for (p, n) in [
            ("HDR", 8),
            ("SEQ", 8),
            ("ENUM", 4),
            ("PUNC", 5),
            ("PAIR", 2),
            ("NUM", 3),
            ("DOCNO", 2),
            ("DATE", 3),
            ("ELEM", 9),
            ("CITE", 2),
            ("TITLE", 4),
            ("REG", 4),
            ("PH", 1),
            ("W", 3),
        ] {
            for k in 1..=n {
                want.push(format!("{p}{k:03}"));
            }
        }
        want.sort();
        let have: Vec<String> = INFOS.iter().map(|r| r.id.to_string()).collect();
        assert_eq!(have, want);
    }
}
