//! The JSON format: an array of findings, each with its file, rule, messages,
//! byte span, line and column, and fix.

use std::io::{self, Write};

use serde_json::json;

use super::{rule_name, Emitter, FileFindings};
use crate::diagnostic::Diagnostic;

/// A JSON array with one object per finding, pretty-printed. Written one
/// finding at a time (a hostile file can have hundreds of thousands), in the
/// layout `serde_json::to_string_pretty` gives the whole array.
///
/// ```
/// use gangmu::lint::emit::{Emitter, FileFindings, JsonEmitter};
/// let mut out = Vec::new();
/// JsonEmitter.emit(&mut out, &[FileFindings::new("a.txt", "正文。\n", &[])]).unwrap();
/// assert_eq!(out, b"[]\n");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonEmitter;

impl JsonEmitter {
    /// One finding as a JSON object: `file`, `rule`, `name`, `severity`,
    /// `message`, `message_en`, `span` (bytes), `line`, `column`, `end_line`,
    /// `end_column` (1-based, columns in characters) and `fix`; then the
    /// fields of the file's [`super::SourceMap`], if it has one (a .docx:
    /// `paragraph`, `part`, `container`).
    ///
    /// ```
    /// use gangmu::lint::emit::{FileFindings, JsonEmitter};
    /// let text = "一、总则\n(一)目的\n(二)范围\n二、附则\n";
    /// let found = gangmu::lint::lint(text, &Default::default());
    /// let v = JsonEmitter::finding(&FileFindings::new("a.txt", text, &found), &found[0]);
    /// assert_eq!(v["name"], "hdr-bracket-width");
    /// assert_eq!((v["line"].as_u64(), v["column"].as_u64()), (Some(2), Some(1)));
    /// assert_eq!(v["fix"]["safe"], true);
    /// ```
    pub fn finding(file: &FileFindings<'_>, d: &Diagnostic) -> serde_json::Value {
        let (line, column) = file.index().line_col(d.span.start);
        let (end_line, end_column) = file.index().line_col(d.span.end);
        let mut v = json!({
            "file": file.name(),
            "rule": d.rule,
            "name": rule_name(&d.rule),
            "severity": d.severity,
            "message": d.message,
            "message_en": d.message_en,
            "span": d.span,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "fix": d.fix,
        });
        if let (Some(extra), Some(obj)) = (file.source_fields(d.span.start), v.as_object_mut()) {
            obj.extend(extra);
        }
        v
    }
}

impl Emitter for JsonEmitter {
    fn emit(&self, out: &mut dyn Write, files: &[FileFindings<'_>]) -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        let mut first = true;
        for file in files {
            for d in file.diagnostics() {
                let item = serde_json::to_string_pretty(&Self::finding(file, d))
                    .map_err(io::Error::other)?;
                let sep = if first { "[\n" } else { ",\n" };
                first = false;
                write!(out, "{sep}  {}", item.replace('\n', "\n  "))?;
            }
        }
        writeln!(out, "{}", if first { "[]" } else { "\n]" })?;
        out.flush()
    }
}
