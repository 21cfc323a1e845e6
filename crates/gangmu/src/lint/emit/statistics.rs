//! Findings counted per rule (`gangmu lint --statistics`).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::json;

use super::{rule_name, FileFindings};
use crate::diagnostic::Severity;

/// How often one rule fired.
///
/// ```
/// let s = gangmu::lint::emit::Statistics::of(&[]);
/// assert!(s.rows().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule id.
    pub rule: String,
    /// How many findings it made.
    pub count: usize,
    /// The severity of its first finding.
    pub severity: Severity,
}

/// The number of findings per rule over all inputs, most frequent first (ties
/// by rule id). It has a text and a JSON form; SARIF has no place for counts
/// without results, so there is no SARIF form.
///
/// ```
/// use gangmu::lint::emit::{FileFindings, Statistics};
/// let text = "一、总则\n(一)目的\n(二)范围\n二、附则\n";
/// let found = gangmu::lint::lint(text, &Default::default());
/// let stats = Statistics::of(&[FileFindings::new("a.txt", text, &found)]);
/// assert_eq!(stats.rows()[0].rule, "HDR004");
/// assert_eq!(stats.rows()[0].count, 2);
/// let mut out = Vec::new();
/// stats.write_text(&mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().starts_with("     2  HDR004    hdr-bracket-width"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statistics {
    rows: Vec<RuleCount>,
}

impl Statistics {
    /// Counts the findings of `files`.
    ///
    /// ```
    /// let found = gangmu::lint::lint("一.总则\n二.目的\n", &Default::default());
    /// let stats = gangmu::lint::emit::Statistics::of(&[
    ///     gangmu::lint::emit::FileFindings::new("a", "一.总则\n二.目的\n", &found),
    /// ]);
    /// assert_eq!(stats.rows()[0].count, 2);
    /// ```
    pub fn of(files: &[FileFindings<'_>]) -> Self {
        let mut counts: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
        for d in files.iter().flat_map(|f| f.diagnostics()) {
            counts.entry(d.rule.as_str()).or_insert((0, d.severity)).0 += 1;
        }
        let mut rows: Vec<RuleCount> = counts
            .into_iter()
            .map(|(rule, (count, severity))| RuleCount {
                rule: rule.to_string(),
                count,
                severity,
            })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
        Statistics { rows }
    }

    /// The counts, most frequent first.
    ///
    /// ```
    /// assert_eq!(gangmu::lint::emit::Statistics::default().rows().len(), 0);
    /// ```
    pub fn rows(&self) -> &[RuleCount] {
        &self.rows
    }

    /// One line per rule: count, id, name, severity, in aligned columns.
    ///
    /// ```
    /// let mut out = Vec::new();
    /// gangmu::lint::emit::Statistics::default().write_text(&mut out).unwrap();
    /// assert!(out.is_empty());
    /// ```
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut s = String::new();
        for r in &self.rows {
            s.push_str(&format!(
                "{:>6}  {:<9} {:<28} {}\n",
                r.count,
                r.rule,
                rule_name(&r.rule),
                r.severity
            ));
        }
        out.write_all(s.as_bytes())
    }

    /// A pretty-printed JSON array of `{rule, name, count, severity}`.
    ///
    /// ```
    /// let found = gangmu::lint::lint("一.总则\n", &Default::default());
    /// let stats = gangmu::lint::emit::Statistics::of(&[
    ///     gangmu::lint::emit::FileFindings::new("a", "一.总则\n", &found),
    /// ]);
    /// let mut out = Vec::new();
    /// stats.write_json(&mut out).unwrap();
    /// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    /// assert_eq!(v[0]["name"], "hdr-level1-marker");
    /// ```
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        let v: Vec<_> = self
            .rows
            .iter()
            .map(|r| json!({"rule": r.rule, "name": rule_name(&r.rule), "count": r.count, "severity": r.severity}))
            .collect();
        let s = serde_json::to_string_pretty(&v).map_err(io::Error::other)?;
        writeln!(out, "{s}")
    }
}
