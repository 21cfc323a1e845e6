//! The validator: structural conventions of 公文 (GB/T 9704—2012 and drafting
//! practice) checked over the parsed tree, as rule-coded [`Diagnostic`]s with
//! safe and unsafe fixes.
//!
//! The public API of this module is a contract shared with the Python package
//! and the fuzz targets: [`rules`], [`lint`], [`lint_document`], [`fix`],
//! [`apply_fixes`], [`Config`] and [`ConfigError`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::diagnostic::{Diagnostic, Severity};
use crate::tree::Document;

/// Where a convention comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// GB/T 9704—2012 《党政机关公文格式》.
    S,
    /// 《党政机关公文处理工作条例》 (2012).
    T,
    /// GB/T 15834—2011 标点符号用法.
    P15834,
    /// GB/T 15835—2011 出版物上数字用法.
    P15835,
    /// 《立法法》 and 《行政法规制定程序条例》.
    L,
    /// Common drafting practice (configurable).
    Pr,
    /// What web-scraped text does to documents.
    W,
}

/// A rule of the catalogue, as listed by [`rules`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// The rule id (`SEQ003`).
    pub id: &'static str,
    /// The kebab-case name (`seq-gap`).
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Where the convention comes from.
    pub source: Source,
    /// One-line summary in Chinese.
    pub summary: &'static str,
    /// One-line summary in English.
    pub summary_en: &'static str,
}

/// A configuration error: names the offending key or value.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{key}: {message}")]
pub struct ConfigError {
    /// The key (or rule selector) at fault.
    pub key: String,
    /// What is wrong with it.
    pub message: String,
}

/// Options for rules that practice disputes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Options {
    /// Accept `1．` (full-width dot) for level 3 (HDR003).
    pub allow_fullwidth_dot: bool,
    /// Accept `1、` for level 3 (HDR003).
    pub allow_dunhao_level3: bool,
    /// Accept skipped levels (一、 then 1.) without SEQ001.
    pub allow_level_skip: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            allow_fullwidth_dot: true,
            allow_dunhao_level3: false,
            allow_level_skip: true,
        }
    }
}

/// Linter configuration: a value passed in, never global state.
///
/// ```
/// let c = gangmu::lint::Config::from_json_str(r#"{"select": ["SEQ"]}"#).unwrap();
/// assert_eq!(c.select.as_deref(), Some(&["SEQ".to_string()][..]));
/// assert!(gangmu::lint::Config::from_json_str(r#"{"nonsense": 1}"#).is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// Rules to run, by id (`SEQ003`), name (`seq-gap`) or id prefix (`SEQ`);
    /// `None` runs every rule.
    pub select: Option<Vec<String>>,
    /// Rules not to run, by id, name or prefix.
    pub ignore: Vec<String>,
    /// Severity overrides by rule id or name.
    pub severity: BTreeMap<String, Severity>,
    /// Rule options.
    pub options: Options,
}

impl Config {
    /// Reads a configuration from TOML (`gangmu.toml`, or the body of
    /// `[tool.gangmu]`). Unknown keys, rules and severities are errors.
    pub fn from_toml_str(s: &str) -> Result<Config, ConfigError> {
        let _ = s;
        Err(ConfigError {
            key: String::new(),
            message: "not yet implemented".into(),
        })
    }

    /// Reads a configuration from JSON (the Python package passes dicts this way).
    pub fn from_json_str(s: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(s).map_err(|e| ConfigError {
            key: String::new(),
            message: e.to_string(),
        })
    }
}

/// Every rule of the catalogue, in id order.
pub fn rules() -> &'static [RuleInfo] {
    &[]
}

/// Parses `text` and checks it.
pub fn lint(text: &str, config: &Config) -> Vec<Diagnostic> {
    let doc = crate::parse(text);
    lint_document(text, &doc, config)
}

/// Checks an already parsed document (`doc` must come from `text`).
pub fn lint_document(text: &str, doc: &Document, config: &Config) -> Vec<Diagnostic> {
    let _ = (text, doc, config);
    Vec::new()
}

/// Applies the fixes of `diagnostics` to `text`: safe fixes always, unsafe ones
/// only with `include_unsafe`. Overlapping edits are skipped. Bytes outside the
/// edits are unchanged.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], include_unsafe: bool) -> String {
    let _ = (diagnostics, include_unsafe);
    text.to_string()
}

/// Lints `text` and applies the fixes (see [`apply_fixes`]). Idempotent.
pub fn fix(text: &str, config: &Config, include_unsafe: bool) -> String {
    let d = lint(text, config);
    apply_fixes(text, &d, include_unsafe)
}
