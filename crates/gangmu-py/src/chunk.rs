//! `Chunk` and `ChunkPart`: the core's chunks (`gangmu::chunk`) with
//! code-point offsets, and the call into the core with either budget.

use std::cell::RefCell;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::document::Parsed;

/// A chunk of a document for retrieval (see ``Document.chunks``). Its fields
/// are those of the Rust ``gangmu::chunk::Chunk``, with offsets in code points.
#[pyclass(frozen, get_all, module = "gangmu._native")]
pub struct Chunk {
    /// Position of the chunk in the document's chunk list, from 0.
    pub id: usize,
    /// The chunk's text: ``doc.text[chunk.start:chunk.end]``.
    pub text: Py<PyString>,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End, in bytes.
    pub byte_end: usize,
    /// 1-based line where the chunk starts.
    pub line: usize,
    /// The chunk's length as the budget counts it (characters or tokens).
    pub size: usize,
    /// The document's title, or ``None``.
    pub title: Option<String>,
    /// The document's 发文字号 (or the number of its 令), or ``None``.
    pub doc_number: Option<String>,
    /// Labels of the sections holding the chunk, outermost first.
    pub heading_path: Vec<String>,
    /// Citation label built from the structure (``第十二条第二款``, ``一、（二）``).
    pub citation: String,
    /// The units packed into the chunk, each with its own citation.
    pub parts: Vec<Py<ChunkPart>>,
    /// Node id (position in ``Document.walk()``) of the innermost section
    /// holding the chunk, or ``None``.
    pub parent_id: Option<usize>,
    /// Id of the previous chunk, or ``None``.
    pub prev_id: Option<usize>,
    /// Id of the next chunk, or ``None``.
    pub next_id: Option<usize>,
}

/// One unit of a chunk with its own citation (see ``Chunk.parts``).
#[pyclass(frozen, get_all, module = "gangmu._native")]
pub struct ChunkPart {
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End, in bytes.
    pub byte_end: usize,
    /// Its citation label (empty for the document's own text).
    pub citation: String,
    /// Node id of the section the part is or belongs to, or ``None``.
    pub section_id: Option<usize>,
}

#[pymethods]
impl ChunkPart {
    fn __repr__(&self) -> String {
        format!(
            "<gangmu.ChunkPart {}:{} {:?}>",
            self.start, self.end, self.citation
        )
    }
}

#[pymethods]
impl Chunk {
    /// Every field but ``text`` as a dict of plain values (``parts`` as a
    /// list of dicts), for metadata stores.
    ///
    /// >>> c = parse("一、总则\n正文。\n").chunks()[0]
    /// >>> c.to_dict()["citation"], c.to_dict()["parts"][0]["citation"]
    /// ('一、', '一、')
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", self.id)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("byte_start", self.byte_start)?;
        d.set_item("byte_end", self.byte_end)?;
        d.set_item("line", self.line)?;
        d.set_item("size", self.size)?;
        d.set_item("title", &self.title)?;
        d.set_item("doc_number", &self.doc_number)?;
        d.set_item("heading_path", &self.heading_path)?;
        d.set_item("citation", &self.citation)?;
        let parts = PyList::empty(py);
        for p in &self.parts {
            let p = p.get();
            let pd = PyDict::new(py);
            pd.set_item("start", p.start)?;
            pd.set_item("end", p.end)?;
            pd.set_item("byte_start", p.byte_start)?;
            pd.set_item("byte_end", p.byte_end)?;
            pd.set_item("citation", &p.citation)?;
            pd.set_item("section_id", p.section_id)?;
            parts.append(pd)?;
        }
        d.set_item("parts", parts)?;
        d.set_item("parent_id", self.parent_id)?;
        d.set_item("prev_id", self.prev_id)?;
        d.set_item("next_id", self.next_id)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text: String = self.text.bind(py).extract()?;
        let short: String = text.chars().take(20).collect();
        Ok(format!(
            "<gangmu.Chunk {} {}:{} {:?} {:?}>",
            self.id, self.start, self.end, self.citation, short
        ))
    }
}

/// `Document.chunks`: checks the budget arguments, chunks in the core (with
/// the GIL released for a character budget) and converts the result.
pub(crate) fn chunks(
    py: Python<'_>,
    p: &Parsed,
    max_chars: Option<usize>,
    overlap: usize,
    max_tokens: Option<usize>,
    length_function: Option<Bound<'_, PyAny>>,
) -> PyResult<Vec<Chunk>> {
    let (max, unit) = match (max_chars, max_tokens, &length_function) {
        (Some(_), Some(_), _) => {
            return Err(PyValueError::new_err(
                "give max_chars or max_tokens, not both",
            ))
        }
        (_, Some(_), None) => {
            return Err(PyValueError::new_err(
                "max_tokens needs a length_function (a callable from str to int, such as a tokenizer's token count)",
            ))
        }
        (_, None, Some(_)) => {
            return Err(PyValueError::new_err(
                "length_function counts max_tokens: give max_tokens=, not max_chars=",
            ))
        }
        (_, Some(t), Some(_)) => (t, "max_tokens"),
        (c, None, None) => (c.unwrap_or(1000), "max_chars"),
    };
    if max == 0 || overlap >= max {
        return Err(PyValueError::new_err(format!(
            "need {unit} >= 1 and overlap < {unit} (got {unit}={max}, overlap={overlap})"
        )));
    }
    let found = match length_function {
        None => py.detach(|| gangmu::chunk::chunks(&p.source, &p.doc, max, overlap)),
        Some(f) => {
            if !f.is_callable() {
                return Err(PyTypeError::new_err("length_function must be callable"));
            }
            let error: RefCell<Option<PyErr>> = RefCell::new(None);
            let mut length = |s: &str| -> usize {
                if error.borrow().is_some() {
                    return 0;
                }
                match f.call1((s,)).and_then(|v| v.extract::<usize>()) {
                    Ok(n) => n,
                    Err(e) => {
                        let e = if e.is_instance_of::<PyTypeError>(py)
                            || e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py)
                        {
                            PyValueError::new_err(format!(
                                "length_function must return a non-negative int: {e}"
                            ))
                        } else {
                            e
                        };
                        *error.borrow_mut() = Some(e);
                        0
                    }
                }
            };
            let found = gangmu::chunk::chunks_by(&p.source, &p.doc, max, overlap, &mut length);
            if let Some(e) = error.into_inner() {
                return Err(e);
            }
            found
        }
    };
    found
        .into_iter()
        .map(|c| {
            let parts = c
                .parts
                .iter()
                .map(|part| {
                    Py::new(
                        py,
                        ChunkPart {
                            start: p.cp(part.span.start),
                            end: p.cp(part.span.end),
                            byte_start: part.span.start,
                            byte_end: part.span.end,
                            citation: part.citation.clone(),
                            section_id: part.section_id,
                        },
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            Ok(Chunk {
                id: c.id,
                text: p.slice(py, c.span)?.unbind(),
                start: p.cp(c.span.start),
                end: p.cp(c.span.end),
                byte_start: c.span.start,
                byte_end: c.span.end,
                line: p.index().line(c.span.start),
                size: c.size,
                title: c.title,
                doc_number: c.doc_number,
                heading_path: c.heading_path,
                citation: c.citation,
                parts,
                parent_id: c.parent_id,
                prev_id: c.prev_id,
                next_id: c.next_id,
            })
        })
        .collect()
}
