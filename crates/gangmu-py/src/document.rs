//! `Document`, `Node`, `Marker` and `Chunk`: views of a parsed text.
//!
//! A `Document` owns the source text (borrowed from the Python `str` where
//! possible), the core tree and a lazily built line index. A `Node` is a handle
//! (the document and the child indices leading to the node); nothing is copied
//! until an attribute is read.

use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use gangmu::lint::Config as CoreConfig;
use gangmu::{LineIndex, Node as CoreNode, Span};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList, PySlice, PyString, PyTuple};

use crate::chunk::Chunk;
use crate::config::config_json;
use crate::diagnostic::{self, Diagnostic};
use crate::docx::SourceLine;

/// The source text as UTF-8: borrowed from a Python `str` when it encodes
/// cleanly, owned otherwise (decoded bytes, or a `str` with lone surrogates,
/// each of which becomes `?` so that code-point offsets stay aligned).
pub(crate) enum Source {
    Borrowed(PyBackedStr),
    Owned(String),
}

impl Source {
    pub(crate) fn from_py(text: &Bound<'_, PyString>) -> PyResult<Source> {
        match PyBackedStr::try_from(text.clone()) {
            Ok(s) => Ok(Source::Borrowed(s)),
            Err(_) => {
                let bytes = text
                    .call_method1("encode", ("utf-8", "replace"))?
                    .extract::<Vec<u8>>()?;
                Ok(Source::Owned(String::from_utf8_lossy(&bytes).into_owned()))
            }
        }
    }
}

impl Deref for Source {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Source::Borrowed(s) => s,
            Source::Owned(s) => s,
        }
    }
}

/// Everything a document and its node handles share.
pub(crate) struct Parsed {
    pub(crate) source: Source,
    text: Py<PyString>,
    pub(crate) doc: gangmu::Document,
    index: OnceLock<LineIndex>,
    config: Option<CoreConfig>,
    encoding: Option<String>,
    /// The source map, when the text was read from a .docx.
    pub(crate) docx: Option<gangmu::docx::DocxText>,
}

impl Parsed {
    pub(crate) fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.source))
    }

    pub(crate) fn cp(&self, byte: usize) -> usize {
        self.index().char_offset(byte)
    }

    /// `text[start:end]` of the Python string, by byte span.
    pub(crate) fn slice<'py>(&self, py: Python<'py>, span: Span) -> PyResult<Bound<'py, PyString>> {
        let slice = PySlice::new(
            py,
            self.cp(span.start) as isize,
            self.cp(span.end) as isize,
            1,
        );
        Ok(self.text.bind(py).as_any().get_item(slice)?.cast_into()?)
    }
}

fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// A parsed document: the root of the tree.
#[pyclass(frozen, module = "gangmu._native")]
#[repr(transparent)]
pub struct Document(pub(crate) Arc<Parsed>);

impl Document {
    pub(crate) fn new(
        source: Source,
        text: Py<PyString>,
        doc: gangmu::Document,
        config: Option<CoreConfig>,
        encoding: Option<String>,
    ) -> Document {
        Document::with_docx(source, text, doc, config, encoding, None)
    }

    pub(crate) fn with_docx(
        source: Source,
        text: Py<PyString>,
        doc: gangmu::Document,
        config: Option<CoreConfig>,
        encoding: Option<String>,
        docx: Option<gangmu::docx::DocxText>,
    ) -> Document {
        Document(Arc::new(Parsed {
            source,
            text,
            doc,
            index: OnceLock::new(),
            config,
            encoding,
            docx,
        }))
    }

    pub(crate) fn from_json_text(
        py: Python<'_>,
        json: &str,
        text: &Bound<'_, PyString>,
        config: Option<CoreConfig>,
        encoding: Option<String>,
        docx: Option<gangmu::docx::DocxText>,
    ) -> PyResult<Document> {
        let doc = gangmu::Document::from_json(json)
            .map_err(|e| PyValueError::new_err(format!("not a gangmu/1 tree: {e}")))?;
        let source = Source::from_py(text)?;
        check_spans(&source, &doc).map_err(PyValueError::new_err)?;
        let _ = py;
        if docx.as_ref().is_some_and(|d| d.text != *source) {
            return Err(PyValueError::new_err("the source map is not of this text"));
        }
        Ok(Document::with_docx(
            source,
            text.clone().unbind(),
            doc,
            config,
            encoding,
            docx,
        ))
    }

    fn handle(&self, path: Vec<u32>) -> Node {
        Node {
            doc: self.0.clone(),
            path: path.into_boxed_slice(),
        }
    }

    /// Handles to every node for which `keep` holds, depth-first.
    fn collect(&self, keep: impl Fn(&CoreNode) -> bool) -> Vec<Node> {
        let mut out = Vec::new();
        let mut stack: Vec<(Vec<u32>, &CoreNode)> = self
            .0
            .doc
            .children
            .iter()
            .enumerate()
            .rev()
            .map(|(i, n)| (vec![i as u32], n))
            .collect();
        while let Some((path, node)) = stack.pop() {
            for (i, child) in node.children().iter().enumerate().rev() {
                let mut p = path.clone();
                p.push(i as u32);
                stack.push((p, child));
            }
            if keep(node) {
                out.push(self.handle(path));
            }
        }
        out
    }

    pub(crate) fn lint_with(&self, py: Python<'_>, config: Option<&CoreConfig>) -> Vec<Diagnostic> {
        let p = &*self.0;
        let config = config.or(p.config.as_ref()).cloned().unwrap_or_default();
        let found = py.detach(|| match &p.docx {
            // Findings on generated labels carry no fix.
            Some(docx) => gangmu::docx::lint(docx, &config),
            None => gangmu::lint::lint_document(&p.source, &p.doc, &config),
        });
        diagnostic::convert_with(p.index(), &found)
    }
}

/// A tree read from JSON must fit the text it is paired with.
fn check_spans(text: &str, doc: &gangmu::Document) -> Result<(), String> {
    let ok = |s: Span| {
        s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    if doc.span != Span::new(0, text.len()) {
        return Err(format!(
            "the tree covers bytes {}..{} but the text has {} bytes",
            doc.span.start,
            doc.span.end,
            text.len()
        ));
    }
    for (_, node) in doc.walk() {
        let title = match node {
            CoreNode::Heading(gangmu::Heading { title, .. }) => Some(*title),
            _ => None,
        };
        for span in std::iter::once(node.span()).chain(title) {
            if !ok(span) {
                return Err(format!(
                    "a {} node spans bytes {}..{}, which is not a range of the text",
                    node.type_name(),
                    span.start,
                    span.end
                ));
            }
        }
    }
    Ok(())
}

#[pymethods]
impl Document {
    /// Builds a document from its ``to_json()`` form and the text it was
    /// parsed from (the JSON holds byte spans, not text).
    ///
    /// >>> doc = parse("一、总则\n正文。")
    /// >>> Document.from_json(doc.to_json(), doc.text).outline()
    /// '一、总则\n'
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str, text: &Bound<'_, PyString>) -> PyResult<Document> {
        Document::from_json_text(py, json, text, None, None, None)
    }

    /// The text the document was parsed from.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.0.text.clone_ref(py)
    }

    /// Where each line of a .docx's text comes from (``parse_docx``, or
    /// ``read`` of a .docx), one entry per line; ``None`` for text input.
    #[getter]
    fn source_lines(&self) -> Option<Vec<SourceLine>> {
        let docx = self.0.docx.as_ref()?;
        Some(
            (0..docx.lines.len())
                .map(|i| SourceLine::new(&self.0, docx, i))
                .collect(),
        )
    }

    /// The text with the safe fixes applied (and the unsafe ones with
    /// ``unsafe=True``); for a .docx, generated numbering is never edited.
    /// ``config`` defaults to the one given to ``parse``.
    ///
    /// >>> parse("(一)目的\n").fix()
    /// '（一）目的\n'
    #[pyo3(signature = (*, r#unsafe = false, config = None))]
    fn fix(
        &self,
        py: Python<'_>,
        r#unsafe: bool,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let config = crate::config::config_arg(py, config)?;
        let p = &*self.0;
        let config = config.or_else(|| p.config.clone()).unwrap_or_default();
        Ok(py.detach(|| match &p.docx {
            Some(docx) => gangmu::docx::fix(docx, &config, r#unsafe),
            None => gangmu::lint::fix(&p.source, &config, r#unsafe),
        }))
    }

    /// The encoding the bytes were decoded from (``parse_bytes``/``read``), else ``None``.
    #[getter]
    fn encoding(&self) -> Option<String> {
        self.0.encoding.clone()
    }

    /// The title (标题) without markup and line breaks, or ``None``.
    #[getter]
    fn title(&self) -> Option<String> {
        self.0.doc.title_text().map(str::to_string)
    }

    /// The lines of the block under the title (``——2024年3月5日在…``), joined
    /// with newlines, or ``None``.
    #[getter]
    fn subtitle(&self) -> Option<String> {
        let lines: Vec<&str> = self
            .0
            .doc
            .children
            .iter()
            .filter_map(|n| match n {
                CoreNode::Subtitle(gangmu::Subtitle { text, .. }) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// Document elements (公文要素) by kind: ``{"doc_number": [Node], ...}``.
    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for node in self.collect(|n| matches!(n, CoreNode::Meta(_))) {
            let kind = match node.node() {
                CoreNode::Meta(gangmu::Meta { kind, .. }) => serde_name(kind),
                _ => unreachable!("filtered on meta"),
            };
            match out.get_item(&kind)? {
                Some(list) => list.cast_into::<PyList>()?.append(node)?,
                None => out.set_item(kind, PyList::new(py, [node])?)?,
            }
        }
        Ok(out)
    }

    /// Top-level nodes, in order.
    #[getter]
    fn children(&self) -> Vec<Node> {
        (0..self.0.doc.children.len() as u32)
            .map(|i| self.handle(vec![i]))
            .collect()
    }

    /// Top-level sections (each with its subsections as children).
    #[getter]
    fn sections(&self) -> Vec<Node> {
        self.children()
            .into_iter()
            .filter(|n| matches!(n.node(), CoreNode::Section(_)))
            .collect()
    }

    /// Noise nodes (web chrome, page numbers, tables of contents…), in order.
    #[getter]
    fn noise(&self) -> Vec<Node> {
        self.collect(|n| matches!(n, CoreNode::Noise(_)))
    }

    /// Findings made while parsing (web noise ``W001``, truncation ``W002``).
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        diagnostic::convert_with(self.0.index(), &self.0.doc.diagnostics)
    }

    /// Every heading, in document order.
    ///
    /// >>> doc = parse("一、总则\n（一）目的\n二、附则\n")
    /// >>> [(h.depth, h.heading_path) for h in doc.headings()]
    /// [(1, ['一、总则']), (2, ['一、总则', '（一）目的']), (1, ['二、附则'])]
    fn headings(&self) -> Vec<Node> {
        self.collect(|n| matches!(n, CoreNode::Heading(_)))
    }

    /// Every inline enumeration (一是…二是…), in document order.
    ///
    /// >>> doc = parse("要做到：一是统一思想；二是健全机制。")
    /// >>> [[i.marker.text for i in e.children] for e in doc.enumerations()]
    /// [['一是', '二是']]
    fn enumerations(&self) -> Vec<Node> {
        self.collect(|n| matches!(n, CoreNode::Enumeration(_)))
    }

    /// Every node, depth-first in document order.
    ///
    /// >>> [n.type for n in parse("一、总则\n正文。").walk()]
    /// ['section', 'heading', 'paragraph']
    fn walk(&self) -> NodeWalk {
        NodeWalk {
            doc: self.0.clone(),
            path: if self.0.doc.children.is_empty() {
                Vec::new()
            } else {
                vec![0]
            },
        }
    }

    /// Checks the document; ``config`` defaults to the one given to ``parse``.
    ///
    /// >>> isinstance(parse("正文。").lint(), list)
    /// True
    #[pyo3(signature = (*, config = None))]
    fn lint(&self, py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Diagnostic>> {
        let config = crate::config::config_arg(py, config)?;
        Ok(self.lint_with(py, config.as_ref()))
    }

    /// Structure-aware chunks for retrieval, each with its title, document
    /// number, heading path, citation and ids (see :class:`Chunk`).
    ///
    /// The budget is ``max_chars`` characters (default 1000), or
    /// ``max_tokens`` counted by ``length_function`` (any callable from
    /// ``str`` to ``int``, such as a tokenizer's token count). Small sibling
    /// sections are packed up to the budget inside their parent, each keeping
    /// its citation in ``parts``; a section too large is cut at its
    /// subsections, paragraphs, enumeration items, then sentences. Pieces of
    /// a run that had to be cut share ``overlap`` (in the budget's unit).
    ///
    /// >>> doc = parse("一、总则\n正文。\n二、附则\n附文。\n")
    /// >>> [(c.text, c.heading_path, c.citation) for c in doc.chunks(max_chars=10)]
    /// [('一、总则\n正文。', ['一、总则'], '一、'), ('二、附则\n附文。', ['二、附则'], '二、')]
    /// >>> [c.citation for c in doc.chunks(max_tokens=20, length_function=lambda s: len(s.encode()) // 3)]
    /// ['一、二、']
    #[pyo3(signature = (max_chars = None, overlap = 0, *, max_tokens = None, length_function = None))]
    fn chunks(
        &self,
        py: Python<'_>,
        max_chars: Option<usize>,
        overlap: usize,
        max_tokens: Option<usize>,
        length_function: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Chunk>> {
        crate::chunk::chunks(py, &self.0, max_chars, overlap, max_tokens, length_function)
    }

    /// The tree as a dict (the ``gangmu/1`` JSON contract: spans in bytes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.0.doc.to_json())
    }

    /// The tree as ``gangmu/1`` JSON (spans in UTF-8 bytes).
    ///
    /// >>> parse("正文。").to_json()[:38]
    /// '{"schema":"gangmu/1","type":"document"'
    fn to_json(&self) -> String {
        self.0.doc.to_json()
    }

    /// The document as Markdown: the title as ``#``, headings as ``##``…; noise left out.
    ///
    /// >>> parse("关于加强管理的通知\n\n一、总则\n正文。\n").to_markdown().splitlines()[0]
    /// '# 关于加强管理的通知'
    fn to_markdown(&self) -> String {
        gangmu::render::markdown(&self.0.source, &self.0.doc)
    }

    /// The heading skeleton: the title, then each heading indented by depth.
    ///
    /// >>> print(parse("关于加强管理的通知\n\n一、总则\n（一）目的\n").outline(), end="")
    /// 关于加强管理的通知
    /// 一、总则
    ///   （一）目的
    fn outline(&self) -> String {
        gangmu::render::outline(&self.0.source, &self.0.doc)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("gangmu._native")?.getattr("_unpickle_document")?;
        let config = match &self.0.config {
            Some(c) => Some(json_to_py(py, &config_json(c))?),
            None => None,
        };
        let docx = self
            .0
            .docx
            .as_ref()
            .map(|d| serde_json::to_string(d).map_err(|e| PyValueError::new_err(e.to_string())))
            .transpose()?;
        let args = (
            self.0.text.clone_ref(py),
            self.0.doc.to_json(),
            config,
            self.0.encoding.clone(),
            docx,
        );
        PyTuple::new(py, [rebuild, args.into_pyobject(py)?.into_any()])
    }

    fn __repr__(&self) -> String {
        format!(
            "<gangmu.Document title={:?} nodes={}>",
            self.0.doc.title_text().unwrap_or(""),
            self.0.doc.walk().count()
        )
    }
}

/// One node of a document's tree: a handle, resolved on each access.
#[pyclass(frozen, module = "gangmu._native")]
pub struct Node {
    doc: Arc<Parsed>,
    path: Box<[u32]>,
}

impl Node {
    fn node(&self) -> &CoreNode {
        let mut node = &self.doc.doc.children[self.path[0] as usize];
        for &i in &self.path[1..] {
            node = &node.children()[i as usize];
        }
        node
    }

    fn span(&self) -> Span {
        self.node().span()
    }
}

#[pymethods]
impl Node {
    /// The node type: ``"section"``, ``"heading"``, ``"paragraph"``…
    #[getter(r#type)]
    fn node_type(&self) -> &'static str {
        self.node().type_name()
    }

    /// Start, in code points of the text.
    #[getter]
    fn start(&self) -> usize {
        self.doc.cp(self.span().start)
    }

    /// End (exclusive), in code points of the text.
    #[getter]
    fn end(&self) -> usize {
        self.doc.cp(self.span().end)
    }

    /// Start, in UTF-8 bytes.
    #[getter]
    fn byte_start(&self) -> usize {
        self.span().start
    }

    /// End (exclusive), in UTF-8 bytes.
    #[getter]
    fn byte_end(&self) -> usize {
        self.span().end
    }

    /// 1-based line where the node starts.
    #[getter]
    fn line(&self) -> usize {
        self.doc.index().line(self.span().start)
    }

    /// 1-based column (in characters) where the node starts.
    #[getter]
    fn column(&self) -> usize {
        self.doc.index().line_col(self.span().start).1
    }

    /// The node's text: ``doc.text[node.start:node.end]``.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        self.doc.slice(py, self.span())
    }

    /// Child nodes (empty for leaves).
    #[getter]
    fn children(&self) -> Vec<Node> {
        (0..self.node().children().len() as u32)
            .map(|i| {
                let mut path = self.path.to_vec();
                path.push(i);
                Node {
                    doc: self.doc.clone(),
                    path: path.into_boxed_slice(),
                }
            })
            .collect()
    }

    /// Depth of a heading or section (1 = outermost), else ``None``.
    #[getter]
    fn depth(&self) -> Option<u32> {
        match self.node() {
            CoreNode::Heading(gangmu::Heading { depth, .. })
            | CoreNode::Section(gangmu::Section { depth, .. }) => Some(*depth),
            _ => None,
        }
    }

    /// Canonical GB/T 9704 level of a heading's marker (1 for ``一、``…), else ``None``.
    #[getter]
    fn level(&self) -> Option<u8> {
        match self.node() {
            CoreNode::Heading(gangmu::Heading { level, .. }) => *level,
            _ => None,
        }
    }

    /// The marker of a heading or enumeration item, else ``None``.
    #[getter]
    fn marker(&self) -> Option<Marker> {
        match self.node() {
            CoreNode::Heading(gangmu::Heading {
                marker: Some(m), ..
            }) => Some(Marker {
                text: m.text.clone(),
                family: serde_name(&m.family),
                ordinal: m.ordinal,
                level: m.family.canonical_level(),
                start: self.doc.cp(m.span.start),
                end: self.doc.cp(m.span.end),
                byte_start: m.span.start,
                byte_end: m.span.end,
                generated: m.generated,
            }),
            CoreNode::Item(gangmu::Item { marker: m, .. }) => Some(Marker {
                text: m.text.clone(),
                family: serde_name(&m.family),
                ordinal: m.ordinal,
                level: None,
                start: self.doc.cp(m.span.start),
                end: self.doc.cp(m.span.end),
                byte_start: m.span.start,
                byte_end: m.span.end,
                generated: false,
            }),
            _ => None,
        }
    }

    /// Where the node starts in a .docx (its line's part, paragraph, table
    /// cell…), else ``None``.
    #[getter]
    fn source(&self) -> Option<SourceLine> {
        let docx = self.doc.docx.as_ref()?;
        let at = self.span().start;
        let i = docx.lines.partition_point(|l| l.span.end < at);
        (i < docx.lines.len()).then(|| SourceLine::new(&self.doc, docx, i))
    }

    /// A heading's title text (without marker), else ``None``.
    #[getter]
    fn title<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyString>>> {
        match self.node() {
            CoreNode::Heading(gangmu::Heading { title, .. }) => {
                Ok(Some(self.doc.slice(py, *title)?))
            }
            _ => Ok(None),
        }
    }

    /// Whether a heading is run-in (body follows on its line), else ``None``.
    #[getter]
    fn run_in(&self) -> Option<bool> {
        match self.node() {
            CoreNode::Heading(gangmu::Heading { run_in, .. }) => Some(*run_in),
            _ => None,
        }
    }

    /// The kind of a ``meta`` (``"doc_number"``…) or ``noise`` (``"page_number"``…) node, else ``None``.
    #[getter]
    fn kind(&self) -> Option<String> {
        match self.node() {
            CoreNode::Meta(gangmu::Meta { kind, .. }) => Some(serde_name(kind)),
            CoreNode::Noise(gangmu::Noise { kind, .. }) => Some(serde_name(kind)),
            _ => None,
        }
    }

    /// The family of an enumeration (``"shi"`` for 一是…), else ``None``.
    #[getter]
    fn family(&self) -> Option<String> {
        match self.node() {
            CoreNode::Enumeration(gangmu::Enumeration { family, .. }) => Some(serde_name(family)),
            _ => None,
        }
    }

    /// The cleaned text of a ``title``, ``subtitle`` or ``meta`` node (markup,
    /// indentation and line breaks removed), else ``None``.
    #[getter]
    fn value(&self) -> Option<String> {
        match self.node() {
            CoreNode::Title(gangmu::Title { text, .. })
            | CoreNode::Subtitle(gangmu::Subtitle { text, .. })
            | CoreNode::Meta(gangmu::Meta { text, .. }) => Some(text.clone()),
            _ => None,
        }
    }

    /// Labels of the headings governing the node, outermost first (a heading
    /// or section includes its own).
    #[getter]
    fn heading_path(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut node = &self.doc.doc.children[self.path[0] as usize];
        for (k, &i) in self.path.iter().enumerate() {
            if k > 0 {
                node = &node.children()[i as usize];
            }
            if let Some(label) = gangmu::chunk::section_label(&self.doc.source, node) {
                out.push(label);
            }
        }
        out
    }

    /// The node as a dict (the ``gangmu/1`` JSON shape: spans in bytes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json =
            serde_json::to_string(self.node()).map_err(|e| PyValueError::new_err(e.to_string()))?;
        json_to_py(py, &json)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Node>()
            .map(|o| Arc::ptr_eq(&self.doc, &o.get().doc) && self.path == o.get().path)
            .unwrap_or(false)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (Arc::as_ptr(&self.doc) as usize).hash(&mut h);
        self.path.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text: String = self.text(py)?.extract()?;
        let short: String = text.chars().take(20).collect();
        let more = if text.chars().count() > 20 { "…" } else { "" };
        Ok(format!(
            "<gangmu.Node {} {}:{} {:?}{}>",
            self.node_type(),
            self.start(),
            self.end(),
            short,
            more
        ))
    }
}

/// The ordinal marker of a heading (``（一）``) or enumeration item (``一是``).
#[pyclass(frozen, get_all, module = "gangmu._native")]
#[derive(Clone)]
pub struct Marker {
    /// The marker as written.
    pub text: String,
    /// Its family (``"chinese_paren"``, ``"shi"``…).
    pub family: String,
    /// Its ordinal value.
    pub ordinal: u32,
    /// Canonical GB/T 9704 level of a heading marker's family, else ``None``.
    pub level: Option<u8>,
    /// Start, in code points.
    pub start: usize,
    /// End, in code points.
    pub end: usize,
    /// Start, in bytes.
    pub byte_start: usize,
    /// End, in bytes.
    pub byte_end: usize,
    /// Generated by Word from a .docx's numbering (not in the file's text).
    pub generated: bool,
}

#[pymethods]
impl Marker {
    fn __repr__(&self) -> String {
        format!(
            "<gangmu.Marker {:?} {} {}>",
            self.text, self.family, self.ordinal
        )
    }
}

/// The iterator of :meth:`Document.walk`: one node at a time, depth-first in
/// document order, holding only the path to the next node (a list of every
/// node's handle held a Python object per node at once, and their memory
/// stayed with the process after the walk).
#[pyclass(module = "gangmu")]
pub struct NodeWalk {
    doc: Arc<Parsed>,
    /// The child indices leading to the next node; empty when done.
    path: Vec<u32>,
}

impl NodeWalk {
    /// The children of the node at `path` (the top level for an empty path).
    fn children_at<'a>(doc: &'a gangmu::Document, path: &[u32]) -> &'a [CoreNode] {
        let mut children: &[CoreNode] = &doc.children;
        for &i in path {
            children = children[i as usize].children();
        }
        children
    }
}

#[pymethods]
impl NodeWalk {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<Node> {
        if self.path.is_empty() {
            return None;
        }
        let node = Node {
            doc: self.doc.clone(),
            path: self.path.clone().into_boxed_slice(),
        };
        let doc = &self.doc.doc;
        // Into the first child, else on to the next sibling of the nearest
        // ancestor that has one.
        if !Self::children_at(doc, &self.path).is_empty() {
            self.path.push(0);
        } else {
            while let Some(last) = self.path.pop() {
                let siblings = Self::children_at(doc, &self.path).len();
                if (last as usize) + 1 < siblings {
                    self.path.push(last + 1);
                    break;
                }
            }
        }
        Some(node)
    }
}
