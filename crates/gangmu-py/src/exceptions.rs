//! Core errors as Python exceptions. The classes live in `gangmu._errors`
//! (pure Python, so that `DecodeError` can also be a `ValueError`); this module
//! only instantiates them.

use pyo3::prelude::*;
use pyo3::types::PyType;

fn raise<A>(py: Python<'_>, class: &str, args: A) -> PyErr
where
    A: pyo3::PyErrArguments + Send + Sync + 'static,
{
    let class = py
        .import("gangmu._errors")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
    match class {
        Ok(class) => PyErr::from_type(class, args),
        Err(e) => e,
    }
}

/// `gangmu.DecodeError(reason)`.
pub(crate) fn decode_error(py: Python<'_>, reason: String) -> PyErr {
    raise(py, "DecodeError", (reason,))
}

/// `gangmu.ConfigError(message, key)`.
pub(crate) fn config_error(py: Python<'_>, e: &gangmu::lint::ConfigError) -> PyErr {
    raise(py, "ConfigError", (e.to_string(), e.key.clone()))
}

/// `gangmu.DocxError(reason)`.
pub(crate) fn docx_error(py: Python<'_>, reason: String) -> PyErr {
    raise(py, "DocxError", (reason,))
}
