//! `Diagnostic`, `Fix`, `Edit` and `Rule`: findings and the rule catalogue,
//! with offsets converted to code points.

use gangmu::LineIndex;
use pyo3::prelude::*;

/// A finding about a span of the text.
#[pyclass(frozen, get_all, module = "gangmu._native")]
#[derive(Clone)]
pub struct Diagnostic {
    /// The rule id (``"SEQ003"``).
    pub rule: String,
    /// The rule's kebab-case name (``"seq-gap"``); ``""`` for a rule outside the catalogue.
    pub name: String,
    /// ``"error"``, ``"warning"`` or ``"info"``.
    pub severity: &'static str,
    /// The message, in Chinese.
    pub message: String,
    /// The message, in English.
    pub message_en: String,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End, in bytes.
    pub byte_end: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in characters) of the start.
    pub column: usize,
    /// A mechanical fix, where there is one.
    pub fix: Option<Fix>,
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self) -> String {
        format!(
            "<gangmu.Diagnostic {} {} {}:{} {:?}>",
            self.rule, self.severity, self.line, self.column, self.message
        )
    }
}

/// A mechanical fix: edits applied together.
#[pyclass(frozen, get_all, module = "gangmu._native")]
#[derive(Clone)]
pub struct Fix {
    /// Safe fixes never change wording and are applied by default.
    pub safe: bool,
    /// Non-overlapping edits, in text order.
    pub edits: Vec<Edit>,
}

#[pymethods]
impl Fix {
    fn __repr__(&self) -> String {
        format!("<gangmu.Fix safe={} edits={}>", self.safe, self.edits.len())
    }
}

/// Replacement of ``text[start:end]`` by ``replacement``.
#[pyclass(frozen, get_all, module = "gangmu._native")]
#[derive(Clone)]
pub struct Edit {
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End, in bytes.
    pub byte_end: usize,
    /// The new text.
    pub replacement: String,
}

#[pymethods]
impl Edit {
    fn __repr__(&self) -> String {
        format!(
            "<gangmu.Edit {}:{} {:?}>",
            self.start, self.end, self.replacement
        )
    }
}

/// A rule of the catalogue.
#[pyclass(frozen, get_all, module = "gangmu._native")]
pub struct Rule {
    /// The id (``"SEQ003"``).
    pub id: &'static str,
    /// The kebab-case name (``"seq-gap"``).
    pub name: &'static str,
    /// Default severity: ``"error"``, ``"warning"`` or ``"info"``.
    pub severity: &'static str,
    /// Where the convention comes from (``"S"`` GB/T 9704, ``"Pr"`` practice…).
    pub source: String,
    /// One-line summary in Chinese.
    pub summary: &'static str,
    /// One-line summary in English.
    pub summary_en: &'static str,
}

#[pymethods]
impl Rule {
    fn __repr__(&self) -> String {
        format!("<gangmu.Rule {} {} {}>", self.id, self.name, self.severity)
    }
}

impl From<&gangmu::lint::RuleInfo> for Rule {
    fn from(r: &gangmu::lint::RuleInfo) -> Rule {
        Rule {
            id: r.id,
            name: r.name,
            severity: r.severity.as_str(),
            source: match serde_json::to_value(r.source) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            },
            summary: r.summary,
            summary_en: r.summary_en,
        }
    }
}

/// Converts findings about `text`.
pub(crate) fn convert(text: &str, found: &[gangmu::Diagnostic]) -> Vec<Diagnostic> {
    if found.is_empty() {
        return Vec::new();
    }
    convert_with(&LineIndex::new(text), found)
}

/// Converts findings with the text's index at hand.
pub(crate) fn convert_with(index: &LineIndex, found: &[gangmu::Diagnostic]) -> Vec<Diagnostic> {
    let catalogue = gangmu::lint::rules();
    found
        .iter()
        .map(|d| {
            let (line, column) = index.line_col(d.span.start);
            Diagnostic {
                rule: d.rule.clone(),
                name: catalogue
                    .iter()
                    .find(|r| r.id == d.rule)
                    .map(|r| r.name.to_string())
                    .unwrap_or_default(),
                severity: d.severity.as_str(),
                message: d.message.clone(),
                message_en: d.message_en.clone(),
                start: index.char_offset(d.span.start),
                end: index.char_offset(d.span.end),
                byte_start: d.span.start,
                byte_end: d.span.end,
                line,
                column,
                fix: d.fix.as_ref().map(|f| Fix {
                    safe: f.safe,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit {
                            start: index.char_offset(e.span.start),
                            end: index.char_offset(e.span.end),
                            byte_start: e.span.start,
                            byte_end: e.span.end,
                            replacement: e.replacement.clone(),
                        })
                        .collect(),
                }),
            }
        })
        .collect()
}
