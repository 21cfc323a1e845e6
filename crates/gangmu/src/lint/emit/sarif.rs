//! SARIF 2.1.0, the Static Analysis Results Interchange Format read by
//! code-scanning tools.

use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileFindings};
use crate::diagnostic::Severity;

/// One SARIF log with one run: the tool's driver lists every rule of the
/// catalogue (id, name, summaries, a help link to `docs/rules/<ID>.md`, the
/// default level), and each finding is a result with its rule, level, both
/// messages and its region (1-based lines, columns in code points), and the
/// fields of the file's [`super::SourceMap`] as its `properties`.
///
/// ```
/// use gangmu::lint::emit::{FileFindings, SarifEmitter};
/// let text = "一.总则\n";
/// let found = gangmu::lint::lint(text, &Default::default());
/// let log = SarifEmitter::log(&[FileFindings::new("a.txt", text, &found)]);
/// assert_eq!(log["version"], "2.1.0");
/// let run = &log["runs"][0];
/// assert_eq!(run["columnKind"], "unicodeCodePoints");
/// assert_eq!(run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
/// assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), gangmu::lint::rules().len());
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct SarifEmitter;

/// The SARIF level of a severity (`note` for info).
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl SarifEmitter {
    /// The SARIF log of `files` as a JSON value.
    ///
    /// ```
    /// let log = gangmu::lint::emit::SarifEmitter::log(&[]);
    /// assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    /// ```
    pub fn log(files: &[FileFindings<'_>]) -> serde_json::Value {
        let driver_rules: Vec<_> = crate::lint::rules()
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "name": r.name,
                    "shortDescription": {"text": r.summary_en},
                    "fullDescription": {"text": r.summary},
                    "helpUri": format!("docs/rules/{}.md", r.id),
                    "defaultConfiguration": {"level": level(r.severity)},
                })
            })
            .collect();
        let mut results = Vec::new();
        for file in files {
            for d in file.diagnostics() {
                let (sl, sc) = file.index().line_col(d.span.start);
                let (el, ec) = file.index().line_col(d.span.end);
                let mut result = json!({
                    "ruleId": d.rule,
                    "level": level(d.severity),
                    "message": {"text": format!("{} ({})", d.message, d.message_en)},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": file.name()},
                        "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}
                    }}],
                });
                if let (Some(extra), Some(obj)) =
                    (file.source_fields(d.span.start), result.as_object_mut())
                {
                    obj.insert("properties".into(), serde_json::Value::Object(extra));
                }
                results.push(result);
            }
        }
        json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "gangmu", "version": env!("CARGO_PKG_VERSION"), "rules": driver_rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }]
        })
    }
}

impl Emitter for SarifEmitter {
    fn emit(&self, out: &mut dyn Write, files: &[FileFindings<'_>]) -> io::Result<()> {
        let log = serde_json::to_string_pretty(&Self::log(files)).map_err(io::Error::other)?;
        writeln!(out, "{log}")
    }
}
