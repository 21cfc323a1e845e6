//! `parse_docx` and `SourceLine`: a .docx read as Word shows it, and where
//! each line of its text comes from.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use gangmu::docx::{Container, DocxText, Evidence, Part};

use crate::config::config_arg;
use crate::document::{Document, Parsed, Source};
use crate::exceptions;

/// Reads a .docx (the bytes of the file) as Word shows it — automatic
/// numbering rendered, one line per paragraph, notes, headers and footers
/// after the body — and parses the text. Heading markers Word generated have
/// ``marker.generated``; ``Document.source_lines`` maps every line back to its
/// paragraph. Raises :class:`gangmu.DocxError` when the bytes are not a
/// readable .docx (not a zip, no ``word/document.xml``, a zip bomb, XML
/// nested too deep…). The GIL is released while reading and parsing.
///
/// >>> parse_docx(b"not a docx")
/// Traceback (most recent call last):
/// ...
/// gangmu._errors.DocxError: not a zip archive: no zip signature at the start
#[pyfunction]
#[pyo3(signature = (data, /, *, config = None))]
pub(crate) fn parse_docx(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    let config = config_arg(py, config)?;
    let bytes = data.as_bytes();
    let (docx, doc) = py
        .detach(|| gangmu::docx::parse(bytes))
        .map_err(|e| exceptions::docx_error(py, e.to_string()))?;
    let text = PyString::new(py, &docx.text);
    let source = Source::from_py(&text)?;
    Ok(Document::with_docx(
        source,
        text.unbind(),
        doc,
        config,
        None,
        Some(docx),
    ))
}

/// Writes the fixes of the findings into a .docx and returns the new file's
/// bytes: only the text of the edited runs changes, generated numbering
/// never; fixes that touch more than runs (a generated label, a tab, a field,
/// two paragraphs) are left out. Safe fixes always, unsafe ones with
/// ``unsafe=True``. Raises :class:`gangmu.DocxError` when the bytes are not a
/// readable .docx. The GIL is released.
///
/// >>> fix_docx(b"PK")
/// Traceback (most recent call last):
/// ...
/// gangmu._errors.DocxError: not a zip archive: no zip signature at the start
#[pyfunction]
#[pyo3(signature = (data, /, *, r#unsafe = false, config = None))]
pub(crate) fn fix_docx<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyBytes>,
    r#unsafe: bool,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let config = config_arg(py, config)?.unwrap_or_default();
    let bytes = data.as_bytes();
    let fixed = py
        .detach(|| gangmu::docx::fix_docx(bytes, &config, r#unsafe))
        .map_err(|e| exceptions::docx_error(py, e.to_string()))?;
    Ok(PyBytes::new(py, &fixed.bytes))
}

/// Where one line of a .docx's text comes from.
#[pyclass(frozen, get_all, module = "gangmu._native")]
pub struct SourceLine {
    /// The line, from 1.
    pub line: usize,
    /// Start of the line, in code points of the text.
    pub start: usize,
    /// End of the line (before its line break), in code points.
    pub end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End, in UTF-8 bytes.
    pub byte_end: usize,
    /// ``"body"``, ``"footnote"``, ``"endnote"``, ``"header"`` or ``"footer"``.
    pub part: &'static str,
    /// The note's id, or the header's or footer's number (from 0); ``None`` for the body.
    pub part_index: Option<i64>,
    /// The paragraph (``w:p``) in its part, from 0 in document order; ``None``
    /// for the blank lines between body, notes, headers and footers.
    pub paragraph: Option<usize>,
    /// ``"text"``, ``"table_cell"`` or ``"text_box"``.
    pub container: &'static str,
    /// Table, row and cell (from 0) of a table cell, else ``None``.
    pub table: Option<u32>,
    /// Row of a table cell.
    pub row: Option<u32>,
    /// Cell of a table cell.
    pub cell: Option<u32>,
    /// What the paragraph's style says: ``"body"``, ``"title"``, ``"subtitle"``,
    /// ``"heading"`` or ``"noise"`` (headers and footers).
    pub evidence: &'static str,
    /// The heading level (1–9) when ``evidence`` is ``"heading"``.
    pub heading_level: Option<u8>,
    /// The paragraph style's name.
    pub style: Option<String>,
    /// Whether the line begins with a label Word generated.
    pub numbered: bool,
}

impl SourceLine {
    pub(crate) fn new(parsed: &Parsed, docx: &DocxText, i: usize) -> SourceLine {
        let l = &docx.lines[i];
        let (part, part_index) = match l.part {
            Part::Body => ("body", None),
            Part::Footnote { id } => ("footnote", Some(id)),
            Part::Endnote { id } => ("endnote", Some(id)),
            Part::Header { index } => ("header", Some(i64::from(index))),
            Part::Footer { index } => ("footer", Some(i64::from(index))),
        };
        let (container, table, row, cell) = match l.container {
            Container::Text => ("text", None, None, None),
            Container::TableCell { table, row, cell } => {
                ("table_cell", Some(table), Some(row), Some(cell))
            }
            Container::TextBox => ("text_box", None, None, None),
        };
        let (evidence, heading_level) = match l.evidence {
            Evidence::Body => ("body", None),
            Evidence::Title => ("title", None),
            Evidence::Subtitle => ("subtitle", None),
            Evidence::Heading(n) => ("heading", Some(n)),
            Evidence::Noise => ("noise", None),
        };
        let numbered = docx
            .labels
            .binary_search_by_key(&i, |label| label.line)
            .is_ok();
        SourceLine {
            line: i + 1,
            start: parsed.cp(l.span.start),
            end: parsed.cp(l.span.end),
            byte_start: l.span.start,
            byte_end: l.span.end,
            part,
            part_index,
            paragraph: l.paragraph,
            container,
            table,
            row,
            cell,
            evidence,
            heading_level,
            style: l.style.clone(),
            numbered,
        }
    }
}

#[pymethods]
impl SourceLine {
    fn __repr__(&self) -> String {
        format!(
            "<gangmu.SourceLine line={} {} paragraph={:?} {}>",
            self.line, self.part, self.paragraph, self.container
        )
    }
}
