//! The validator: structural conventions of 公文 (GB/T 9704—2012 and drafting
//! practice) checked over the parsed tree, as rule-coded [`Diagnostic`]s with
//! safe and unsafe fixes.
//!
//! The public API of this module is a contract shared with the Python package
//! and the fuzz targets: [`rules`], [`lint`], [`lint_document`], [`fix`],
//! [`apply_fixes`], [`Config`] and [`ConfigError`]; [`emit`] writes findings
//! as text, JSON or SARIF.
//!
//! ```
//! use gangmu::lint::{lint, fix, Config};
//! let text = "关于开展检查的通知\n\n各单位：\n\n一、检查范围\n(一)重点单位。\n(三)一般单位。\n";
//! let found = lint(text, &Config::default());
//! let ids: Vec<&str> = found.iter().map(|d| d.rule.as_str()).collect();
//! assert!(ids.contains(&"HDR004"), "should flag half-width brackets: {ids:?}");
//! assert!(ids.contains(&"SEQ003"), "should flag the gap (一) → (三): {ids:?}");
//! // Safe fixes change the brackets, never the wording, and never renumber.
//! let fixed = fix(text, &Config::default(), false);
//! assert!(fixed.contains("（一）重点单位。\n（三）一般单位。"));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::tree::Document;

mod config;
mod context;
mod docs;
pub mod emit;
mod fixed;
mod inline;
mod numbering;
pub(crate) mod rules;
mod scan;

pub use docs::{rule_doc_markdown, rule_fix, rules_index_markdown, RuleFix};
pub(crate) use fixed::compose;
pub use fixed::{fix_selected, fix_with_edits, FixEdit, FixedText};

/// The examples of `docs/lint.md`, run as doctests so the guide cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../../docs/lint.md")]
pub struct LintGuide;

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

impl Source {
    /// The short code used in the catalogue (`"P15834"`).
    ///
    /// ```
    /// assert_eq!(gangmu::lint::Source::P15834.code(), "P15834");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            Source::S => "S",
            Source::T => "T",
            Source::P15834 => "P15834",
            Source::P15835 => "P15835",
            Source::L => "L",
            Source::Pr => "Pr",
            Source::W => "W",
        }
    }

    /// What the code stands for.
    ///
    /// ```
    /// assert!(gangmu::lint::Source::S.description().contains("9704"));
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            Source::S => "GB/T 9704—2012《党政机关公文格式》",
            Source::T => "《党政机关公文处理工作条例》（2012）",
            Source::P15834 => "GB/T 15834—2011《标点符号用法》",
            Source::P15835 => "GB/T 15835—2011《出版物上数字用法》",
            Source::L => "《立法法》《行政法规制定程序条例》",
            Source::Pr => "common drafting practice (configurable)",
            Source::W => "what web scraping and PDF extraction do to documents",
        }
    }
}

/// A rule of the catalogue, as listed by [`rules`].
///
/// ```
/// let r = gangmu::lint::rules().iter().find(|r| r.id == "SEQ003").unwrap();
/// assert_eq!(r.name, "seq-gap");
/// ```
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
///
/// ```
/// let e = gangmu::lint::Config::from_toml_str("select = [\"NOPE\"]\n").unwrap_err();
/// assert_eq!(e.key, "select");
/// assert!(e.message.contains("NOPE"));
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{key}: {message}")]
pub struct ConfigError {
    /// The key (or rule selector) at fault.
    pub key: String,
    /// What is wrong with it.
    pub message: String,
}

/// Options for rules that practice disputes.
///
/// ```
/// let c = gangmu::lint::Config::from_toml_str("[options]\nallow-dunhao-level3 = true\n").unwrap();
/// assert!(c.options.allow_dunhao_level3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Options {
    /// Accept `1．` (full-width dot) for level 3 (HDR003).
    pub allow_fullwidth_dot: bool,
    /// Accept `1、` for level 3 (HDR003).
    pub allow_dunhao_level3: bool,
    /// Accept skipped levels (一、 then 1.) without SEQ001.
    pub allow_level_skip: bool,
    /// Elements a document of a given 文种 must carry (ELEM005): the key is the
    /// 文种 the title ends with (`请示`), the value the element kinds
    /// (`addressee`, `date`, `doc_number`, `signature`, …, the `kind` names of
    /// the tree's `meta` nodes). Empty by default.
    pub required_elements: BTreeMap<String, Vec<String>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            allow_fullwidth_dot: true,
            allow_dunhao_level3: false,
            allow_level_skip: true,
            required_elements: BTreeMap::new(),
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
    #[serde(skip_serializing_if = "Option::is_none")]
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
    ///
    /// ```
    /// use gangmu::lint::Config;
    /// let c = Config::from_toml_str("ignore = [\"PUNC\"]\n[severity]\nseq-gap = \"warning\"\n").unwrap();
    /// assert_eq!(c.ignore, ["PUNC"]);
    /// assert_eq!(Config::from_toml_str("[severity]\nSEQ003 = \"fatal\"\n").unwrap_err().key, "severity.SEQ003");
    /// ```
    pub fn from_toml_str(s: &str) -> Result<Config, ConfigError> {
        config::from_toml_str(s)
    }

    /// Reads the `[tool.gangmu]` table of a `pyproject.toml`; `Ok(None)` when it
    /// has none.
    ///
    /// ```
    /// use gangmu::lint::Config;
    /// let py = "[project]\nname = \"x\"\n[tool.gangmu]\nignore = [\"W003\"]\n";
    /// assert_eq!(Config::from_pyproject_str(py).unwrap().unwrap().ignore, ["W003"]);
    /// assert_eq!(Config::from_pyproject_str("[project]\n").unwrap(), None);
    /// ```
    pub fn from_pyproject_str(s: &str) -> Result<Option<Config>, ConfigError> {
        config::from_pyproject_str(s)
    }

    /// Reads a configuration from JSON (the Python package passes dicts this way).
    ///
    /// ```
    /// use gangmu::lint::Config;
    /// let c = Config::from_json_str(r#"{"select": ["HDR"], "options": {"allow-level-skip": false}}"#).unwrap();
    /// assert!(!c.options.allow_level_skip);
    /// assert_eq!(Config::from_json_str(r#"{"options": {"bogus": 1}}"#).unwrap_err().key, "options.bogus");
    /// ```
    pub fn from_json_str(s: &str) -> Result<Config, ConfigError> {
        config::from_json_str(s)
    }

    /// Checks a configuration built in code: every selector must match a rule,
    /// every element name must exist.
    ///
    /// ```
    /// let mut c = gangmu::lint::Config::default();
    /// c.ignore.push("seq-gap".into());
    /// assert!(c.validate().is_ok());
    /// c.ignore.push("ZZZ".into());
    /// assert_eq!(c.validate().unwrap_err().key, "ignore");
    /// ```
    pub fn validate(&self) -> Result<(), ConfigError> {
        config::validate(self)
    }

    /// Whether the rule `id` runs under this configuration.
    ///
    /// ```
    /// let c = gangmu::lint::Config::from_toml_str("select = [\"SEQ\"]\nignore = [\"SEQ007\"]\n").unwrap();
    /// assert!(c.is_enabled("SEQ003"));
    /// assert!(!c.is_enabled("SEQ007"));
    /// assert!(!c.is_enabled("HDR001"));
    /// ```
    pub fn is_enabled(&self, id: &str) -> bool {
        let Some(info) = rules().iter().find(|r| r.id == id) else {
            return false;
        };
        let selected = match &self.select {
            None => true,
            Some(sel) => sel.iter().any(|s| config::selects(s, info)),
        };
        selected && !self.ignore.iter().any(|s| config::selects(s, info))
    }

    /// The severity the rule `id` reports with: the most specific override
    /// (id, then name, then the longest prefix), else its default.
    ///
    /// ```
    /// use gangmu::{lint::Config, Severity};
    /// let c = Config::from_toml_str("[severity]\nSEQ = \"info\"\nSEQ003 = \"warning\"\n").unwrap();
    /// assert_eq!(c.severity_of("SEQ003"), Some(Severity::Warning));
    /// assert_eq!(c.severity_of("SEQ004"), Some(Severity::Info));
    /// assert_eq!(c.severity_of("HDR001"), Some(Severity::Warning));
    /// ```
    pub fn severity_of(&self, id: &str) -> Option<Severity> {
        let info = rules().iter().find(|r| r.id == id)?;
        if let Some(s) = self
            .severity
            .get(info.id)
            .or_else(|| self.severity.get(info.name))
        {
            return Some(*s);
        }
        let best = self
            .severity
            .iter()
            .filter(|(k, _)| config::selects(k, info))
            .max_by_key(|(k, _)| k.len());
        Some(best.map_or(info.severity, |(_, s)| *s))
    }
}

/// Every rule of the catalogue, in id order.
///
/// ```
/// let ids: Vec<&str> = gangmu::lint::rules().iter().map(|r| r.id).collect();
/// assert!(ids.contains(&"HDR001") && ids.contains(&"W003"));
/// let mut sorted = ids.clone();
/// sorted.sort();
/// assert_eq!(ids, sorted);
/// ```
pub fn rules() -> &'static [RuleInfo] {
    &rules::INFOS
}

/// Parses `text` and checks it.
///
/// ```
/// let d = gangmu::lint::lint("一、总则\n二、目的\n四、附则\n", &Default::default());
/// assert!(d.iter().any(|d| d.rule == "SEQ003"));
/// ```
pub fn lint(text: &str, config: &Config) -> Vec<Diagnostic> {
    // The parser's scan of each paragraph for inline markers is reused by the
    // ENUM rules instead of being done again.
    let (doc, handover) = crate::parse::parse_structure(text);
    lint_with(text, &doc, config, handover.paragraph_markers)
}

/// The findings about the input itself that [`crate::parse`] keeps in
/// [`Document::diagnostics`]: web noise around the document (W001) and a
/// truncated text (W002), derived from the tree by those two rules, with
/// their default severities.
pub(crate) fn input_findings(text: &str, doc: &Document) -> Vec<Diagnostic> {
    let tag = |rule: &rules::Rule, mut d: Diagnostic| {
        d.rule = rule.info.id.to_string();
        d.severity = rule.info.severity;
        d
    };
    let mut out: Vec<Diagnostic> = rules::web_noise::find(text, doc)
        .into_iter()
        .map(|d| tag(&rules::web_noise::RULE, d))
        .collect();
    out.extend(rules::truncated::find(text, doc).map(|d| tag(&rules::truncated::RULE, d)));
    out
}

/// Checks an already parsed document (`doc` must come from `text`). The
/// diagnostics come sorted by position, then rule id.
///
/// ```
/// let text = "一、总则\n\n1、目的\n";
/// let doc = gangmu::parse(text);
/// let d = gangmu::lint::lint_document(text, &doc, &Default::default());
/// assert!(d.iter().any(|d| d.rule == "HDR003"));
/// ```
pub fn lint_document(text: &str, doc: &Document, config: &Config) -> Vec<Diagnostic> {
    lint_with(text, doc, config, Vec::new())
}

/// [`lint_document`], with the inline markers the parser already found in
/// paragraphs (those not listed are scanned).
fn lint_with(
    text: &str,
    doc: &Document,
    config: &Config,
    paragraph_markers: crate::parse::ParagraphMarkers,
) -> Vec<Diagnostic> {
    if doc.span.end != text.len() {
        // Not this text's tree: spans would be meaningless.
        return Vec::new();
    }
    let ctx = context::Ctx::new(text, doc, &config.options, paragraph_markers);
    let mut out = Vec::new();
    for rule in rules::REGISTRY {
        if !config.is_enabled(rule.info.id) {
            continue;
        }
        let mut found = Vec::new();
        (rule.check)(&ctx, &mut found);
        let severity = config
            .severity_of(rule.info.id)
            .unwrap_or(rule.info.severity);
        for mut d in found {
            d.rule = rule.info.id.to_string();
            d.severity = severity;
            out.push(d);
        }
    }
    out.retain(|d| valid_span(text, d));
    demote_structural_fixes(text, &mut out);
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    out
}

/// How far into a line (in bytes, indentation included) an edit can reach a
/// heading marker: `（二十三）` after two U+3000 is 21 bytes.
const MARKER_REACH: usize = 32;

/// How much of a line after an edit is read to decide its marker (the
/// grammar looks at a few characters past the marker).
const MARKER_WINDOW: usize = 64;

/// Safe fixes change punctuation, never what a line is. A fix that would make
/// a line start with a heading marker it did not start with (`2、、管理` →
/// `2、管理`), lose the one it had (`1 总则` → `1总则`) or change its family or
/// ordinal needs a reader: it is made unsafe, and the finding stays.
fn demote_structural_fixes(text: &str, out: &mut [Diagnostic]) {
    for d in out.iter_mut() {
        let Some(f) = d.fix.as_mut() else { continue };
        if f.safe && f.edits.iter().any(|e| changes_marker(text, &f.edits, e)) {
            f.safe = false;
        }
    }
}

/// Whether `edits` (those of one fix) change the marker that opens the line
/// of `e`.
fn changes_marker(text: &str, edits: &[Edit], e: &Edit) -> bool {
    // Only the line's first bytes decide its marker: look back at most
    // MARKER_REACH bytes for the line start, and read a bounded window, so
    // that a hostile line of megabytes costs nothing per edit.
    let bytes = text.as_bytes();
    let back = e.span.start.saturating_sub(MARKER_REACH + 1);
    let line_start = match memchr::memrchr(b'\n', &bytes[back..e.span.start]) {
        Some(i) => back + i + 1,
        None if back == 0 => 0,
        None => return false,
    };
    let mut window_end = (e.span.end + MARKER_WINDOW).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let line_end = memchr::memchr(b'\n', &bytes[e.span.end..window_end])
        .map_or(window_end, |i| e.span.end + i);
    let mut in_line: Vec<&Edit> = edits
        .iter()
        .filter(|x| x.span.start >= line_start && x.span.end <= line_end)
        .collect();
    in_line.sort_by_key(|x| x.span.start);
    let mut after = String::with_capacity(line_end - line_start + 8);
    let mut at = line_start;
    for x in in_line {
        if x.span.start < at {
            return false; // overlapping edits: apply_fixes will judge them
        }
        after.push_str(&text[at..x.span.start]);
        after.push_str(&x.replacement);
        at = x.span.end;
    }
    after.push_str(&text[at..line_end]);
    let opening = |line: &str| {
        let t = line.trim_start_matches(|c: char| crate::text::is_space(c) || c == '*' || c == '#');
        crate::parse_marker(t).map(|m| (m.family, m.ordinal))
    };
    opening(&text[line_start..line_end]) != opening(&after)
}

fn on_boundary(text: &str, i: usize) -> bool {
    i <= text.len() && text.is_char_boundary(i)
}

fn valid_span(text: &str, d: &Diagnostic) -> bool {
    let ok =
        |s: crate::Span| s.start <= s.end && on_boundary(text, s.start) && on_boundary(text, s.end);
    ok(d.span)
        && d.fix
            .as_ref()
            .map_or(true, |f| f.edits.iter().all(|e| ok(e.span)))
}

fn overlaps(a: &Edit, b: &Edit) -> bool {
    (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start == b.span.start
}

/// Applies the fixes of `diagnostics` to `text`: safe fixes always, unsafe ones
/// only with `include_unsafe`. A fix whose edits overlap an edit already taken
/// is skipped whole. Bytes outside the edits are unchanged.
///
/// ```
/// let text = "一、总则\n(一)目的\n";
/// let d = gangmu::lint::lint(text, &Default::default());
/// assert_eq!(gangmu::lint::apply_fixes(text, &d, false), "一、总则\n（一）目的\n");
/// ```
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], include_unsafe: bool) -> String {
    splice(
        text,
        select_edits(text, diagnostics, include_unsafe)
            .into_iter()
            .map(|(e, _)| e),
    )
}

/// [`apply_fixes`], also returning the edits it took, in text order (the .docx
/// reader moves its generated spans along them).
pub(crate) fn apply_fixes_taking(
    text: &str,
    diagnostics: &[Diagnostic],
    include_unsafe: bool,
) -> (String, Vec<Edit>) {
    let edits: Vec<Edit> = select_edits(text, diagnostics, include_unsafe)
        .into_iter()
        .map(|(e, _)| e.clone())
        .collect();
    (splice(text, &edits), edits)
}

/// The edits [`apply_fixes`] makes, sorted, each with the id of the rule whose
/// fix it belongs to: the one selection every fixing function builds on.
pub(crate) fn select_edits<'d>(
    text: &str,
    diagnostics: &'d [Diagnostic],
    include_unsafe: bool,
) -> Vec<(&'d Edit, &'d str)> {
    // Edits taken so far, by start. They never overlap one another and no two
    // share a start, so an overlap with a new edit is found by looking at the
    // one taken edit that starts last before the new edit ends: linear-log in
    // the number of fixes, not quadratic.
    let mut taken: std::collections::BTreeMap<usize, (&Edit, &str)> =
        std::collections::BTreeMap::new();
    for (f, rule) in candidate_fixes(text, diagnostics, include_unsafe) {
        let clash = f.edits.iter().enumerate().any(|(i, e)| {
            let with_taken = taken.contains_key(&e.span.start)
                || taken
                    .range(..e.span.end)
                    .next_back()
                    .is_some_and(|(_, (t, _))| overlaps(t, e));
            with_taken || f.edits[..i].iter().any(|o| overlaps(o, e))
        });
        if !clash {
            for e in &f.edits {
                taken.insert(e.span.start, (e, rule));
            }
        }
    }
    taken.into_values().collect()
}

/// The fixes `apply_fixes` considers, in order of their first edit: safe ones
/// (and unsafe ones when asked), with edits on character boundaries.
fn candidate_fixes<'d>(
    text: &str,
    diagnostics: &'d [Diagnostic],
    include_unsafe: bool,
) -> Vec<(&'d crate::Fix, &'d str)> {
    let mut fixes: Vec<(&crate::Fix, &str)> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (f, d.rule.as_str())))
        .filter(|(f, _)| (f.safe || include_unsafe) && !f.edits.is_empty())
        .filter(|(f, _)| {
            f.edits.iter().all(|e| {
                e.span.start <= e.span.end
                    && on_boundary(text, e.span.start)
                    && on_boundary(text, e.span.end)
            })
        })
        .collect();
    fixes.sort_by_key(|(f, _)| f.edits.iter().map(|e| e.span.start).min().unwrap_or(0));
    fixes
}

/// `text` with `edits` (sorted, not overlapping) applied.
pub(crate) fn splice<'e>(text: &str, edits: impl IntoIterator<Item = &'e Edit>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Lints `text` and applies the fixes (see [`apply_fixes`]), repeating until
/// nothing changes (fixes that overlapped in one round are applied in the
/// next), so that `fix(fix(x)) == fix(x)`.
///
/// ```
/// use gangmu::lint::{fix, Config};
/// let c = Config::default();
/// let once = fix("一.总则\n（一）、目的\n", &c, false);
/// assert_eq!(once, "一、总则\n（一）目的\n");
/// assert_eq!(fix(&once, &c, false), once);
/// ```
pub fn fix(text: &str, config: &Config, include_unsafe: bool) -> String {
    fix_with_edits(text, config, include_unsafe).text
}

/// How many rounds of lint and apply [`fix`] makes at most.
const FIX_ROUNDS: usize = 8;

#[cfg(test)]
mod tests;
