//! Arrow tables for Python: the arguments are read here, the tables are built
//! by `gangmu_arrow` with the GIL released, and the batches leave through the
//! Arrow PyCapsule interface (`__arrow_c_stream__`), so that pyarrow, polars
//! or DuckDB import them without a Python object per row.

use arrow_array::ffi::FFI_ArrowSchema;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::SchemaRef;
use gangmu_arrow::{ChunkOptions, Data, Input};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyByteArray, PyBytes, PyCapsule, PyInt, PyMemoryView, PyString};

use crate::document::Source;

/// A table's schema, for ``pyarrow.schema(...)`` (``__arrow_c_schema__``).
#[pyclass(frozen, module = "gangmu._native")]
pub struct ArrowSchema(SchemaRef);

fn schema_capsule<'py>(py: Python<'py>, schema: &SchemaRef) -> PyResult<Bound<'py, PyCapsule>> {
    let ffi = FFI_ArrowSchema::try_from(schema.as_ref())
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    PyCapsule::new_with_value(py, ffi, c"arrow_schema")
}

#[pymethods]
impl ArrowSchema {
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let version = self
            .0
            .metadata()
            .get(gangmu_arrow::SCHEMA_KEY)
            .map_or("", String::as_str);
        format!("<gangmu.ArrowSchema {version}>")
    }
}

/// Record batches built in Rust, exported through the Arrow C stream
/// interface (``__arrow_c_stream__``); each export shares the same buffers.
#[pyclass(frozen, module = "gangmu._native")]
pub struct ArrowStream {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowStream {
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        schema_capsule(py, &self.schema)
    }

    /// The batches as an ``ArrowArrayStream`` capsule. A ``requested_schema``
    /// is not applied (the protocol lets a producer keep its own).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(
            self.batches.clone().into_iter().map(Ok),
            self.schema.clone(),
        );
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// Rows in all batches.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "<gangmu.ArrowStream {} rows in {} batches>",
            self.num_rows(),
            self.batches.len()
        )
    }
}

/// A document as given: text (borrowed from the ``str`` where possible),
/// bytes (borrowed), or nothing usable.
enum Item {
    Text(Source),
    Bytes(PyBackedBytes),
    Missing,
}

impl Item {
    fn data(&self) -> Data<'_> {
        match self {
            Item::Text(s) => Data::Text(s),
            Item::Bytes(b) => Data::Bytes(b),
            Item::Missing => Data::Invalid("no document (None)"),
        }
    }
}

fn read_item(item: &Bound<'_, PyAny>) -> PyResult<Item> {
    if item.is_none() {
        return Ok(Item::Missing);
    }
    if let Ok(s) = item.cast::<PyString>() {
        return Source::from_py(s).map(Item::Text);
    }
    if let Ok(b) = item.cast::<PyBytes>() {
        return Ok(Item::Bytes(PyBackedBytes::from(b.clone())));
    }
    if let Ok(b) = item.cast::<PyByteArray>() {
        return Ok(Item::Bytes(PyBackedBytes::from(b.clone())));
    }
    if item.is_instance_of::<PyMemoryView>() {
        let b = item
            .py()
            .import("builtins")?
            .getattr("bytes")?
            .call1((item,))?;
        return Ok(Item::Bytes(PyBackedBytes::from(b.cast_into::<PyBytes>()?)));
    }
    Err(PyTypeError::new_err(format!(
        "a document must be str, bytes or None, not {}",
        item.get_type().name()?
    )))
}

fn read_id(id: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = id.cast::<PyString>() {
        return s.extract::<String>();
    }
    if id.is_instance_of::<PyInt>() {
        return id.str()?.extract::<String>();
    }
    Err(PyTypeError::new_err(format!(
        "an id must be str or int, not {}",
        id.get_type().name()?
    )))
}

/// The documents and their ids, read from Python iterables.
struct Inputs {
    items: Vec<Item>,
    ids: Vec<String>,
}

impl Inputs {
    fn read(texts: &Bound<'_, PyAny>, ids: Option<&Bound<'_, PyAny>>) -> PyResult<Inputs> {
        let mut items = Vec::new();
        for item in texts.try_iter()? {
            items.push(read_item(&item?)?);
        }
        let ids = match ids.filter(|i| !i.is_none()) {
            None => (0..items.len()).map(|i| i.to_string()).collect(),
            Some(ids) => {
                let mut out = Vec::with_capacity(items.len());
                for id in ids.try_iter()? {
                    out.push(read_id(&id?)?);
                }
                if out.len() != items.len() {
                    return Err(PyValueError::new_err(format!(
                        "{} ids for {} documents",
                        out.len(),
                        items.len()
                    )));
                }
                out
            }
        };
        Ok(Inputs { items, ids })
    }

    fn inputs(&self) -> Vec<Input<'_>> {
        self.items
            .iter()
            .zip(&self.ids)
            .map(|(item, id)| Input {
                id,
                data: item.data(),
            })
            .collect()
    }
}

/// The arguments of ``Document.chunks`` and ``chunks_table`` must make sense.
pub(crate) fn check_chunk_args(max_chars: usize, overlap: usize) -> PyResult<()> {
    if max_chars == 0 || overlap >= max_chars {
        return Err(PyValueError::new_err(format!(
            "need max_chars >= 1 and overlap < max_chars (got max_chars={max_chars}, overlap={overlap})"
        )));
    }
    Ok(())
}

/// `threads=` as given, else the default (``GANGMU_NUM_THREADS``…).
pub(crate) fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => gangmu_arrow::default_threads().map_err(PyValueError::new_err),
    }
}

/// The node table of ``texts`` as an Arrow stream; ``gangmu.parse_table``
/// wraps it in a ``pyarrow.Table``.
#[pyfunction]
#[pyo3(signature = (texts, /, ids = None, *, threads = None))]
pub fn parse_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    threads: Option<usize>,
) -> PyResult<ArrowStream> {
    let threads = thread_count(threads)?;
    let inputs = Inputs::read(texts, ids)?;
    let batches = py.detach(|| gangmu_arrow::node_batches(&inputs.inputs(), threads));
    Ok(ArrowStream {
        schema: gangmu_arrow::nodes_schema(),
        batches,
    })
}

/// The chunk table of ``texts`` as an Arrow stream; ``gangmu.chunks_table``
/// wraps it in a ``pyarrow.Table``.
#[pyfunction]
#[pyo3(signature = (texts, /, ids = None, *, max_chars = 1000, overlap = 0, threads = None))]
pub fn chunks_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    max_chars: usize,
    overlap: usize,
    threads: Option<usize>,
) -> PyResult<ArrowStream> {
    check_chunk_args(max_chars, overlap)?;
    let threads = thread_count(threads)?;
    let inputs = Inputs::read(texts, ids)?;
    let options = ChunkOptions { max_chars, overlap };
    let batches = py.detach(|| gangmu_arrow::chunk_batches(&inputs.inputs(), options, threads));
    Ok(ArrowStream {
        schema: gangmu_arrow::chunks_schema(),
        batches,
    })
}

/// The schema of the node table (``gangmu.nodes/1``).
#[pyfunction]
pub fn nodes_arrow_schema() -> ArrowSchema {
    ArrowSchema(gangmu_arrow::nodes_schema())
}

/// The schema of the chunk table (``gangmu.chunks/1``).
#[pyfunction]
pub fn chunks_arrow_schema() -> ArrowSchema {
    ArrowSchema(gangmu_arrow::chunks_schema())
}

/// The number of threads ``parse_many``, ``parse_table`` and ``chunks_table``
/// use when given none: ``GANGMU_NUM_THREADS`` if set, else
/// ``OMP_NUM_THREADS`` (which Ray, Spark and Dask set in their workers to the
/// task's CPUs), else the cores this process may use.
///
/// >>> default_threads() >= 1
/// True
#[pyfunction]
pub fn default_threads() -> PyResult<usize> {
    thread_count(None)
}
