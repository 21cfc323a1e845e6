//! Lint output: one emitter per format, in the manner of ruff's
//! `ruff_linter::message` — [`TextEmitter`] for people, [`JsonEmitter`] for
//! scripts, [`SarifEmitter`] for code-scanning tools — and [`Statistics`],
//! the per-rule counts of `gangmu lint --statistics`.
//!
//! The emitters take the findings of one or more inputs as [`FileFindings`]
//! and write them to any [`std::io::Write`]; the `gangmu` command and
//! `gangmu serve` call them, so that every front end prints findings alike.
//!
//! ```
//! use gangmu::lint::emit::{Emitter, FileFindings, JsonEmitter, TextEmitter};
//! let text = "一、总则\n(一)目的\n(二)范围\n二、附则\n";
//! let found = gangmu::lint::lint(text, &Default::default());
//! let files = [FileFindings::new("draft.txt", text, &found)];
//! let mut out = Vec::new();
//! TextEmitter.emit(&mut out, &files).unwrap();
//! let shown = String::from_utf8(out).unwrap();
//! assert!(shown.starts_with("draft.txt:2:1: warning[HDR004 hdr-bracket-width]"));
//! assert!(shown.ends_with("fixable with `gangmu fix`.\n"));
//! let mut out = Vec::new();
//! JsonEmitter.emit(&mut out, &files).unwrap();
//! let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(v[0]["rule"], "HDR004");
//! ```

use std::fmt;
use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;

mod json;
mod sarif;
mod statistics;
mod text;

pub use json::JsonEmitter;
pub use sarif::SarifEmitter;
pub use statistics::{RuleCount, Statistics};
pub use text::TextEmitter;

/// Where the bytes of a text lie in the file it was read from, when that file
/// is not the text itself: a .docx has paragraphs, notes, headers and table
/// cells, not lines. The emitters ask it about the start of every finding;
/// [`crate::docx::DocxText`] is one.
///
/// ```
/// use gangmu::lint::emit::{Emitter, FileFindings, SourceMap, TextEmitter};
/// /// Every line is a numbered clause.
/// #[derive(Debug)]
/// struct Clauses<'t>(&'t str);
/// impl SourceMap for Clauses<'_> {
///     fn place(&self, at: usize) -> Option<String> {
///         Some(format!("§{}", self.0[..at].matches('\n').count() + 1))
///     }
///     fn fields(&self, _at: usize) -> Option<serde_json::Map<String, serde_json::Value>> {
///         None
///     }
/// }
/// let text = "正文。\n一.总则\n";
/// let found = gangmu::lint::lint(text, &Default::default());
/// let map = Clauses(text);
/// let mut out = Vec::new();
/// TextEmitter.emit(&mut out, &[FileFindings::new("a", text, &found).with_source_map(&map)]).unwrap();
/// assert!(String::from_utf8(out).unwrap().starts_with("a:§2:1: warning[HDR001"));
/// ```
pub trait SourceMap: fmt::Debug {
    /// The place of byte `at` for people, printed where a text file's line
    /// number goes (`¶5`, `footnote 2 ¶1`, `¶3 (table 1, row 2, cell 1)`);
    /// `None` keeps the line number. The column stays the column in the
    /// text's line.
    fn place(&self, at: usize) -> Option<String>;

    /// The fields added to the JSON object of a finding starting at byte `at`
    /// (and, as `properties`, to its SARIF result); `None` adds nothing.
    fn fields(&self, at: usize) -> Option<serde_json::Map<String, serde_json::Value>>;
}

/// The findings of one input, with what the emitters need to place them: the
/// name to print, the text the spans point into, its line index, and the
/// [`SourceMap`] of the file the text was read from, if it is not the text.
///
/// ```
/// let text = "一、总则\n二、目的\n四、附则\n";
/// let found = gangmu::lint::lint(text, &Default::default());
/// let file = gangmu::lint::emit::FileFindings::new("<stdin>", text, &found);
/// assert_eq!(file.name(), "<stdin>");
/// assert_eq!(file.diagnostics().len(), found.len());
/// assert_eq!(file.index().line_count(), 4);
/// ```
#[derive(Clone, Debug)]
pub struct FileFindings<'a> {
    name: &'a str,
    text: &'a str,
    diagnostics: &'a [Diagnostic],
    index: LineIndex,
    source_map: Option<&'a dyn SourceMap>,
}

impl<'a> FileFindings<'a> {
    /// The findings `diagnostics` of `text`, shown under `name` (a path,
    /// `<stdin>`, or what a front end calls its input). Indexes `text`.
    ///
    /// ```
    /// let f = gangmu::lint::emit::FileFindings::new("a.txt", "正文。", &[]);
    /// assert!(f.diagnostics().is_empty());
    /// ```
    pub fn new(name: &'a str, text: &'a str, diagnostics: &'a [Diagnostic]) -> Self {
        FileFindings {
            name,
            text,
            diagnostics,
            index: LineIndex::new(text),
            source_map: None,
        }
    }

    /// The same findings, placed through `map` (the text was read from a file
    /// that `map` describes, such as a .docx).
    ///
    /// ```
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../../tests/fixtures/docx/faulty_request.docx")).unwrap();
    /// let docx = gangmu::docx::read(&bytes).unwrap();
    /// let found = gangmu::docx::lint(&docx, &Default::default());
    /// let file = gangmu::lint::emit::FileFindings::new("a.docx", &docx.text, &found)
    ///     .with_source_map(&docx);
    /// assert!(file.location(found[0].span.start).0.starts_with('¶'));
    /// ```
    pub fn with_source_map(mut self, map: &'a dyn SourceMap) -> Self {
        self.source_map = Some(map);
        self
    }

    /// The input's name.
    ///
    /// ```
    /// assert_eq!(gangmu::lint::emit::FileFindings::new("a.txt", "", &[]).name(), "a.txt");
    /// ```
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The text the findings' spans point into.
    ///
    /// ```
    /// assert_eq!(gangmu::lint::emit::FileFindings::new("a", "正文。", &[]).text(), "正文。");
    /// ```
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The findings, in the order given.
    ///
    /// ```
    /// let found = gangmu::lint::lint("一.总则\n", &Default::default());
    /// let f = gangmu::lint::emit::FileFindings::new("a", "一.总则\n", &found);
    /// assert_eq!(f.diagnostics()[0].rule, "HDR001");
    /// ```
    pub fn diagnostics(&self) -> &'a [Diagnostic] {
        self.diagnostics
    }

    /// The line index of the text (lines, columns, code-point offsets).
    ///
    /// ```
    /// let f = gangmu::lint::emit::FileFindings::new("a", "一\n二", &[]);
    /// assert_eq!(f.index().line_col(4), (2, 1));
    /// ```
    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// Where byte `at` is, for people: the line number (or the source map's
    /// place) and the column in the line, from 1.
    ///
    /// ```
    /// let f = gangmu::lint::emit::FileFindings::new("a", "一\n二", &[]);
    /// assert_eq!(f.location(4), ("2".to_string(), 1));
    /// ```
    pub fn location(&self, at: usize) -> (String, usize) {
        let (line, col) = self.index.line_col(at);
        let place = self.source_map.and_then(|m| m.place(at));
        (place.unwrap_or_else(|| line.to_string()), col)
    }

    /// The source map's fields for byte `at` (none without a source map).
    ///
    /// ```
    /// let f = gangmu::lint::emit::FileFindings::new("a", "正文。", &[]);
    /// assert!(f.source_fields(0).is_none());
    /// ```
    pub fn source_fields(&self, at: usize) -> Option<serde_json::Map<String, serde_json::Value>> {
        self.source_map.and_then(|m| m.fields(at))
    }
}

/// Writes the findings of a run in one output format.
///
/// ```
/// use gangmu::lint::emit::{Emitter, FileFindings, SarifEmitter};
/// let found = gangmu::lint::lint("一.总则\n", &Default::default());
/// let mut out = Vec::new();
/// SarifEmitter.emit(&mut out, &[FileFindings::new("a.txt", "一.总则\n", &found)]).unwrap();
/// let log: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(log["runs"][0]["results"][0]["ruleId"], "HDR001");
/// ```
pub trait Emitter {
    /// Writes every finding of `files` to `out`.
    fn emit(&self, out: &mut dyn Write, files: &[FileFindings<'_>]) -> io::Result<()>;
}

/// The kebab-case name of rule `id`, or `""` for an id not in the catalogue.
fn rule_name(id: &str) -> &'static str {
    super::rules()
        .iter()
        .find(|r| r.id == id)
        .map_or("", |r| r.name)
}
