//! `Config`: the linter configuration, from keyword arguments, a dict or TOML.

use gangmu::lint::Config as CoreConfig;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping};

use crate::exceptions::config_error;

/// Linter configuration: which rules run, their severities, rule options.
/// Unknown keys, rules and severities raise :class:`gangmu.ConfigError`.
///
/// >>> Config(select=["SEQ"], ignore=["SEQ007"]).select
/// ['SEQ']
#[pyclass(frozen, module = "gangmu._native")]
#[repr(transparent)]
pub struct Config(pub(crate) CoreConfig);

pub(crate) fn config_json(config: &CoreConfig) -> String {
    serde_json::to_string(config).expect("a configuration always serialises")
}

fn from_mapping(py: Python<'_>, mapping: &Bound<'_, PyAny>) -> PyResult<CoreConfig> {
    let json: String = py
        .import("json")?
        .call_method1("dumps", (mapping,))?
        .extract()?;
    CoreConfig::from_json_str(&json).map_err(|e| config_error(py, &e))
}

/// A `config=` argument: `None`, a `Config`, or a mapping of its keys.
pub(crate) fn config_arg(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<CoreConfig>> {
    match config {
        None => Ok(None),
        Some(c) if c.is_none() => Ok(None),
        Some(c) => {
            if let Ok(c) = c.cast::<Config>() {
                Ok(Some(c.get().0.clone()))
            } else if c.cast::<PyMapping>().is_ok() || c.cast::<PyDict>().is_ok() {
                let dict = py.import("builtins")?.getattr("dict")?.call1((c,))?;
                from_mapping(py, &dict).map(Some)
            } else {
                Err(PyTypeError::new_err(format!(
                    "config must be a gangmu.Config or a dict, not {}",
                    c.get_type().name()?
                )))
            }
        }
    }
}

#[pymethods]
impl Config {
    #[new]
    #[pyo3(signature = (*, select = None, ignore = None, severity = None, options = None))]
    fn new(
        py: Python<'_>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        severity: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Config> {
        let d = PyDict::new(py);
        if let Some(select) = select {
            d.set_item("select", select)?;
        }
        if let Some(ignore) = ignore {
            d.set_item("ignore", ignore)?;
        }
        if let Some(severity) = severity {
            d.set_item("severity", severity)?;
        }
        if let Some(options) = options {
            d.set_item("options", options)?;
        }
        from_mapping(py, &d).map(Config)
    }

    /// Reads a configuration from a dict with the keys of ``gangmu.toml``.
    ///
    /// >>> Config.from_dict({"ignore": ["PUNC"]}).ignore
    /// ['PUNC']
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Config> {
        let dict = py.import("builtins")?.getattr("dict")?.call1((data,))?;
        from_mapping(py, &dict).map(Config)
    }

    /// Reads a configuration from TOML (``gangmu.toml``, or the body of
    /// ``[tool.gangmu]``).
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str) -> PyResult<Config> {
        CoreConfig::from_toml_str(text)
            .map(Config)
            .map_err(|e| config_error(py, &e))
    }

    /// The configuration as a dict (every key, defaults filled in).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (config_json(&self.0),))
    }

    /// Rules to run (ids, names or id prefixes); ``None`` runs every rule.
    #[getter]
    fn select(&self) -> Option<Vec<String>> {
        self.0.select.clone()
    }

    /// Rules not to run (ids, names or id prefixes).
    #[getter]
    fn ignore(&self) -> Vec<String> {
        self.0.ignore.clone()
    }

    /// Severity overrides by rule id or name.
    #[getter]
    fn severity(&self) -> std::collections::BTreeMap<String, &'static str> {
        self.0
            .severity
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str()))
            .collect()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Config>()
            .map(|o| o.get().0 == self.0)
            .unwrap_or(false)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let py = slf.py();
        let from_dict = py.get_type::<Config>().getattr("from_dict")?;
        Ok((from_dict, (slf.get().to_dict(py)?,)))
    }

    fn __repr__(&self) -> String {
        format!("gangmu.Config({})", config_json(&self.0))
    }
}
