//! The rule pages of `docs/rules/`, rendered from the registry so that they
//! cannot drift from the code (a test compares them with the files).

use std::fmt::Write;

use super::rules::{by_id, REGISTRY};
use super::{apply_fixes, lint, Config};
use crate::span::LineIndex;

const GENERATED: &str = "<!-- Generated from the rule registry by `crates/gangmu/tests/rule_docs.rs`; do not edit. Regenerate with `GANGMU_BLESS=1 cargo test -p gangmu --test rule_docs`. -->";

fn example_config(id: &str, toml: &str) -> Config {
    let mut c = Config::from_toml_str(toml).unwrap_or_default();
    c.select = Some(vec![id.to_string()]);
    c
}

fn code_block(out: &mut String, text: &str) {
    let fence = if text.contains("```") { "````" } else { "```" };
    let _ = writeln!(out, "{fence}text\n{}\n{fence}", text.trim_end_matches('\n'));
}

/// The Markdown page of rule `id` (`docs/rules/<ID>.md`), or `None` for an
/// unknown id.
///
/// ```
/// let page = gangmu::lint::rule_doc_markdown("SEQ003").unwrap();
/// assert!(page.starts_with("# SEQ003 `seq-gap`"));
/// assert!(page.contains("## Examples that fire"));
/// assert!(gangmu::lint::rule_doc_markdown("NOPE").is_none());
/// ```
pub fn rule_doc_markdown(id: &str) -> Option<String> {
    let rule = by_id(id)?;
    let info = &rule.info;
    let doc = &rule.doc;
    let config = example_config(id, doc.config);
    let mut out = String::new();
    let _ = writeln!(out, "# {} `{}`\n", info.id, info.name);
    let _ = writeln!(out, "{GENERATED}\n");
    let _ = writeln!(out, "> {}\n>\n> {}\n", info.summary, info.summary_en);
    let _ = writeln!(out, "| default severity | source |\n|---|---|");
    let _ = writeln!(
        out,
        "| {} | {} — {} |\n",
        info.severity,
        info.source.code(),
        info.source.description()
    );
    let _ = writeln!(out, "## What it checks\n\n{}\n", doc.what);
    let _ = writeln!(out, "## Why\n\n{}\n", doc.why);
    if !doc.options.is_empty() {
        let _ = writeln!(out, "## Options\n\n{}\n", doc.options);
    }
    if !doc.config.is_empty() {
        let _ = writeln!(
            out,
            "The examples below are checked with this configuration:\n"
        );
        let fence = "```";
        let _ = writeln!(out, "{fence}toml\n{}\n{fence}\n", doc.config.trim_end());
    }
    let _ = writeln!(out, "## Examples that fire\n");
    for ex in doc.fires {
        code_block(&mut out, ex);
        let idx = LineIndex::new(ex);
        for d in lint(ex, &config) {
            let (l, c) = idx.line_col(d.span.start);
            let _ = writeln!(
                out,
                "- {l}:{c} {}: {} ({})",
                d.severity, d.message, d.message_en
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Examples that do not fire\n");
    for ex in doc.passes {
        code_block(&mut out, ex);
        out.push('\n');
    }
    if let Some(extra) = super::rules::extra_doc(id) {
        let _ = writeln!(out, "{}", extra.trim_end());
        out.push('\n');
    }
    let _ = writeln!(out, "## Fix\n\n{}\n", doc.fix);
    if let Some((before, after)) = doc.fix_example {
        let d = lint(before, &config);
        let fixed = apply_fixes(before, &d, true);
        debug_assert_eq!(fixed, after);
        let _ = writeln!(out, "Before:\n");
        code_block(&mut out, before);
        let _ = writeln!(out, "\nAfter:\n");
        code_block(&mut out, &fixed);
        out.push('\n');
    }
    Some(out.trim_end().to_string() + "\n")
}

/// What kind of fix a rule offers, as its documentation states it.
///
/// ```
/// use gangmu::lint::{rule_fix, RuleFix};
/// assert_eq!(rule_fix("HDR001"), Some(RuleFix::Safe));
/// assert_eq!(rule_fix("SEQ003"), Some(RuleFix::Unsafe));
/// assert_eq!(rule_fix("NOPE"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleFix {
    /// Fixes that never change wording; `gangmu fix` applies them.
    Safe,
    /// Fixes applied only with `--unsafe` (renumbering and the like).
    Unsafe,
    /// No mechanical fix.
    None,
}

impl RuleFix {
    /// The name used in the rules index (`"safe"`, `"unsafe"`, `"—"`).
    ///
    /// ```
    /// assert_eq!(gangmu::lint::RuleFix::None.label(), "—");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            RuleFix::Safe => "safe",
            RuleFix::Unsafe => "unsafe",
            RuleFix::None => "—",
        }
    }
}

/// The kind of fix rule `id` offers, or `None` for an unknown id.
///
/// ```
/// assert_eq!(gangmu::lint::rule_fix("PUNC001"), Some(gangmu::lint::RuleFix::Safe));
/// ```
pub fn rule_fix(id: &str) -> Option<RuleFix> {
    let rule = by_id(id)?;
    Some(match rule.doc.fix {
        f if f.starts_with("Safe") => RuleFix::Safe,
        f if f.starts_with("Unsafe") => RuleFix::Unsafe,
        _ => RuleFix::None,
    })
}

/// The index page `docs/rules/README.md`: every rule with its name, severity,
/// source and summary.
///
/// ```
/// let index = gangmu::lint::rules_index_markdown();
/// assert!(index.contains("[SEQ003](SEQ003.md)"));
/// ```
pub fn rules_index_markdown() -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Rules\n\n{GENERATED}\n");
    let _ = writeln!(
        out,
        "{} rules. Select them in `gangmu.toml` (or `[tool.gangmu]` of `pyproject.toml`) by id (`SEQ003`), name (`seq-gap`) or id prefix (`SEQ`).\n",
        REGISTRY.len()
    );
    let _ = writeln!(
        out,
        "Sources: {}.\n",
        [
            super::Source::S,
            super::Source::T,
            super::Source::P15834,
            super::Source::P15835,
            super::Source::L,
            super::Source::Pr,
            super::Source::W,
        ]
        .iter()
        .map(|s| format!("{} = {}", s.code(), s.description()))
        .collect::<Vec<_>>()
        .join("; ")
    );
    let _ = writeln!(
        out,
        "| id | name | severity | source | fix | summary |\n|---|---|---|---|---|---|"
    );
    for info in super::rules() {
        let fix = rule_fix(info.id).map_or("—", RuleFix::label);
        let _ = writeln!(
            out,
            "| [{id}]({id}.md) | `{}` | {} | {} | {fix} | {} ({}) |",
            info.name,
            info.severity,
            info.source.code(),
            info.summary,
            info.summary_en,
            id = info.id
        );
    }
    out
}
