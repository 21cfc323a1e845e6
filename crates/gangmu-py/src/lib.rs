//! `gangmu._native`: the Python binding of the gangmu core.
//!
//! Newtypes over the core types and conversions between them and Python
//! objects, nothing else: parsing, checking, rendering and chunking all happen
//! in the `gangmu` crate. Offsets cross the boundary as code points (so that
//! `text[node.start:node.end]` works in Python); the core's byte offsets stay
//! available as `byte_start`/`byte_end`. Work on text runs with the GIL
//! released. The pure-Python layer is `python/gangmu/__init__.py`.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

mod chunk;
mod config;
mod diagnostic;
mod document;
mod docx;
mod exceptions;
mod table;

use chunk::{Chunk, ChunkPart};
use config::{config_arg, Config};
use diagnostic::{Diagnostic, Edit, Fix, Rule};
use document::{Document, Marker, Node, Source};

/// Parses ``text`` into a :class:`Document`. Never raises on a ``str``: text
/// that is not part of the document becomes ``noise`` nodes. The GIL is
/// released while parsing.
///
/// ``config`` (a :class:`Config` or a dict) is kept with the document and used
/// by :meth:`Document.lint`.
///
/// >>> doc = parse("关于开展检查的通知\n\n一、检查内容\n（一）范围。\n")
/// >>> doc.title
/// '关于开展检查的通知'
/// >>> [h.title for h in doc.headings()]
/// ['检查内容', '范围。']
#[pyfunction]
#[pyo3(signature = (text, /, *, config = None))]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    let config = config_arg(py, config)?;
    let source = Source::from_py(text)?;
    let doc = py.detach(|| gangmu::parse(&source));
    Ok(Document::new(
        source,
        text.clone().unbind(),
        doc,
        config,
        None,
    ))
}

/// Parses many texts in parallel on ``threads`` threads (default:
/// :func:`default_threads`), with the GIL released. The result keeps the
/// input order.
///
/// >>> docs = parse_many(["一、总则\n正文。", "关于开展检查的通知"], threads=2)
/// >>> [d.title for d in docs]
/// [None, '关于开展检查的通知']
#[pyfunction]
#[pyo3(signature = (texts, /, threads = None, *, config = None))]
fn parse_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Document>> {
    let config = config_arg(py, config)?;
    let mut objects = Vec::new();
    let mut sources = Vec::new();
    for item in texts.try_iter()? {
        let item = item?;
        let text = item.cast_into::<PyString>()?;
        sources.push(Source::from_py(&text)?);
        objects.push(text.unbind());
    }
    let threads = table::thread_count(threads)?;
    let docs = py.detach(|| gangmu_arrow::map_ordered(&sources, threads, |s| gangmu::parse(s)));
    Ok(sources
        .into_iter()
        .zip(objects)
        .zip(docs)
        .map(|((source, object), doc)| Document::new(source, object, doc, config.clone(), None))
        .collect())
}

/// Decodes ``data`` and parses it. Without ``encoding``, detects UTF-8 (with or
/// without BOM), UTF-16 (with BOM) and GB18030; with it, decodes with that
/// Python codec. Raises :class:`gangmu.DecodeError` naming the reason when the
/// bytes are not text.
///
/// >>> parse_bytes("一、总则".encode("gb18030")).encoding
/// 'gb18030'
#[pyfunction]
#[pyo3(signature = (data, /, encoding = None, *, config = None))]
fn parse_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    encoding: Option<&str>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    let config = config_arg(py, config)?;
    let (text, name) = match encoding {
        Some(enc) => {
            let decoded = data
                .call_method1("decode", (enc,))
                .map_err(|e| exceptions::decode_error(py, e.value(py).to_string()))?;
            let name = py
                .import("codecs")?
                .call_method1("lookup", (enc,))?
                .getattr("name")?
                .extract::<String>()?;
            (decoded.cast_into::<PyString>()?, name)
        }
        None => {
            let bytes = data.as_bytes();
            let decoded = py
                .detach(|| gangmu::decode(bytes))
                .map_err(|e| exceptions::decode_error(py, e.to_string()))?;
            (
                PyString::new(py, &decoded.text),
                decoded.encoding.name().to_string(),
            )
        }
    };
    let source = Source::from_py(&text)?;
    let doc = py.detach(|| gangmu::parse(&source));
    Ok(Document::new(
        source,
        text.unbind(),
        doc,
        config,
        Some(name),
    ))
}

/// Checks ``source`` (a ``str``, or a :class:`Document` to reuse its tree)
/// against the rule catalogue and returns the findings in text order. The
/// GIL is released while checking.
///
/// >>> all(isinstance(d, Diagnostic) for d in lint("一.总则\n(一)目的\n"))
/// True
#[pyfunction]
#[pyo3(signature = (source, /, *, config = None))]
fn lint(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Diagnostic>> {
    let explicit = config_arg(py, config)?;
    if let Ok(doc) = source.cast::<Document>() {
        return Ok(doc.get().lint_with(py, explicit.as_ref()));
    }
    let text = Source::from_py(source.cast::<PyString>()?)?;
    let config = explicit.unwrap_or_default();
    let found = py.detach(|| gangmu::lint::lint(&text, &config));
    Ok(diagnostic::convert(&text, &found))
}

/// Returns ``text`` with the fixes of the findings applied: safe fixes always,
/// unsafe ones (which may change wording) only with ``unsafe=True``. Bytes
/// outside the fixes are unchanged; applying ``fix`` twice changes nothing more.
///
/// >>> fix("正文。") == "正文。"
/// True
#[pyfunction]
#[pyo3(signature = (text, /, *, r#unsafe = false, config = None))]
fn fix(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    r#unsafe: bool,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let config = config_arg(py, config)?.unwrap_or_default();
    let text = Source::from_py(text)?;
    Ok(py.detach(|| gangmu::lint::fix(&text, &config, r#unsafe)))
}

/// The rule catalogue, in id order.
///
/// >>> all(r.severity in ("error", "warning", "info") for r in rules())
/// True
#[pyfunction]
fn rules() -> Vec<Rule> {
    gangmu::lint::rules().iter().map(Rule::from).collect()
}

/// Rebuilds a pickled :class:`Document` (see ``Document.__reduce__``).
#[pyfunction]
#[pyo3(signature = (text, json, config, encoding, docx = None))]
fn _unpickle_document(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    json: &str,
    config: Option<&Bound<'_, PyAny>>,
    encoding: Option<String>,
    docx: Option<&str>,
) -> PyResult<Document> {
    let docx = docx
        .map(serde_json::from_str::<gangmu::docx::DocxText>)
        .transpose()
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not a source map: {e}")))?;
    Document::from_json_text(py, json, text, config_arg(py, config)?, encoding, docx)
}

/// The `gangmu._native` module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(docx::parse_docx, m)?)?;
    m.add_function(wrap_pyfunction!(docx::fix_docx, m)?)?;
    m.add_class::<docx::SourceLine>()?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(_unpickle_document, m)?)?;
    m.add_class::<Document>()?;
    m.add_class::<Node>()?;
    m.add_class::<Marker>()?;
    m.add_class::<Chunk>()?;
    m.add_class::<ChunkPart>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Fix>()?;
    m.add_class::<Edit>()?;
    m.add_class::<Rule>()?;
    m.add_class::<Config>()?;
    m.add_function(wrap_pyfunction!(table::parse_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(table::chunks_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(table::nodes_arrow_schema, m)?)?;
    m.add_function(wrap_pyfunction!(table::chunks_arrow_schema, m)?)?;
    m.add_function(wrap_pyfunction!(table::default_threads, m)?)?;
    m.add_class::<table::ArrowStream>()?;
    m.add_class::<table::ArrowSchema>()?;
    Ok(())
}
