//! Reading and checking [`Config`]: strict, with errors that name the key.

use serde_json::Value;

use super::{rules, Config, ConfigError, RuleInfo};

const TOP_KEYS: &[&str] = &["select", "ignore", "severity", "options"];
const OPTION_KEYS: &[&str] = &[
    "allow-fullwidth-dot",
    "allow-dunhao-level3",
    "allow-level-skip",
    "required-elements",
];
/// Element kinds accepted in `required-elements` (the tree's `MetaKind` names).
pub(crate) const ELEMENT_KINDS: &[&str] = &[
    "copy_number",
    "secrecy",
    "urgency",
    "issuer_mark",
    "doc_number",
    "signer",
    "decree",
    "addressee",
    "attachment_note",
    "signature",
    "date",
    "note",
    "cc",
    "issued",
    "field",
];

fn err(key: impl Into<String>, message: impl Into<String>) -> ConfigError {
    ConfigError {
        key: key.into(),
        message: message.into(),
    }
}

/// Whether `selector` (id, name or id prefix) selects the rule.
pub(crate) fn selects(selector: &str, info: &RuleInfo) -> bool {
    let s = selector.trim();
    !s.is_empty()
        && (s == info.id
            || s == info.name
            || (info.id.starts_with(s) && s.chars().all(|c| c.is_ascii_alphanumeric())))
}

fn check_selector(key: &str, s: &str) -> Result<(), ConfigError> {
    if rules().iter().any(|r| selects(s, r)) {
        Ok(())
    } else {
        Err(err(
            key,
            format!("unknown rule selector `{s}` (no rule id, name or id prefix matches it)"),
        ))
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "a table",
    }
}

fn string_list(key: &str, v: &Value) -> Result<(), ConfigError> {
    let Value::Array(items) = v else {
        return Err(err(
            key,
            format!("expected an array of strings, found {}", type_name(v)),
        ));
    };
    for it in items {
        let Value::String(s) = it else {
            return Err(err(
                key,
                format!("expected strings, found {}", type_name(it)),
            ));
        };
        check_selector(key, s)?;
    }
    Ok(())
}

/// Checks the raw value key by key, so that every error names its key.
fn check_value(v: &Value) -> Result<(), ConfigError> {
    let Value::Object(top) = v else {
        return Err(err("", format!("expected a table, found {}", type_name(v))));
    };
    for (k, val) in top {
        match k.as_str() {
            // `select: null` is the default (every rule), as serialised.
            "select" if val.is_null() => {}
            "select" | "ignore" => string_list(k, val)?,
            "severity" => {
                let Value::Object(m) = val else {
                    return Err(err(
                        k,
                        format!("expected a table, found {}", type_name(val)),
                    ));
                };
                for (rule, sev) in m {
                    let key = format!("severity.{rule}");
                    check_selector(&key, rule)?;
                    let Value::String(s) = sev else {
                        return Err(err(
                            key,
                            format!("expected a severity, found {}", type_name(sev)),
                        ));
                    };
                    s.parse::<crate::Severity>().map_err(|m| err(&key, m))?;
                }
            }
            "options" => {
                let Value::Object(m) = val else {
                    return Err(err(
                        k,
                        format!("expected a table, found {}", type_name(val)),
                    ));
                };
                for (opt, ov) in m {
                    let key = format!("options.{opt}");
                    match opt.as_str() {
                        "required-elements" => {
                            let Value::Object(types) = ov else {
                                return Err(err(key, "expected a table of 文种 → element lists"));
                            };
                            for (doc_type, elems) in types {
                                let ekey = format!("{key}.{doc_type}");
                                let Value::Array(elems) = elems else {
                                    return Err(err(ekey, "expected an array of element names"));
                                };
                                for e in elems {
                                    match e {
                                        Value::String(s) if ELEMENT_KINDS.contains(&s.as_str()) => {
                                        }
                                        other => {
                                            return Err(err(
                                                ekey,
                                                format!(
                                                    "unknown element {other} (expected one of {})",
                                                    ELEMENT_KINDS.join(", ")
                                                ),
                                            ))
                                        }
                                    }
                                }
                            }
                        }
                        o if OPTION_KEYS.contains(&o) => {
                            if !ov.is_boolean() {
                                return Err(err(
                                    key,
                                    format!("expected a boolean, found {}", type_name(ov)),
                                ));
                            }
                        }
                        _ => {
                            return Err(err(
                                key,
                                format!(
                                    "unknown option (expected one of {})",
                                    OPTION_KEYS.join(", ")
                                ),
                            ))
                        }
                    }
                }
            }
            _ => {
                return Err(err(
                    k.as_str(),
                    format!("unknown key (expected one of {})", TOP_KEYS.join(", ")),
                ))
            }
        }
    }
    Ok(())
}

fn from_value(v: Value) -> Result<Config, ConfigError> {
    check_value(&v)?;
    let c: Config = serde_json::from_value(v).map_err(|e| err("", e.to_string()))?;
    validate(&c)?;
    Ok(c)
}

pub(crate) fn from_toml_str(s: &str) -> Result<Config, ConfigError> {
    let table: toml::Table = toml::from_str(s).map_err(|e| err("", e.message().to_string()))?;
    let v = serde_json::to_value(table).map_err(|e| err("", e.to_string()))?;
    from_value(v)
}

pub(crate) fn from_pyproject_str(s: &str) -> Result<Option<Config>, ConfigError> {
    let table: toml::Table = toml::from_str(s).map_err(|e| err("", e.message().to_string()))?;
    let Some(section) = table
        .get("tool")
        .and_then(|t| t.as_table())
        .and_then(|t| t.get("gangmu"))
    else {
        return Ok(None);
    };
    let v = serde_json::to_value(section).map_err(|e| err("tool.gangmu", e.to_string()))?;
    from_value(v).map(Some).map_err(|mut e| {
        e.key = if e.key.is_empty() {
            "tool.gangmu".into()
        } else {
            format!("tool.gangmu.{}", e.key)
        };
        e
    })
}

pub(crate) fn from_json_str(s: &str) -> Result<Config, ConfigError> {
    let v: Value = serde_json::from_str(s).map_err(|e| err("", e.to_string()))?;
    from_value(v)
}

pub(crate) fn validate(c: &Config) -> Result<(), ConfigError> {
    if let Some(sel) = &c.select {
        for s in sel {
            check_selector("select", s)?;
        }
    }
    for s in &c.ignore {
        check_selector("ignore", s)?;
    }
    for k in c.severity.keys() {
        check_selector(&format!("severity.{k}"), k)?;
    }
    for (t, elems) in &c.options.required_elements {
        for e in elems {
            if !ELEMENT_KINDS.contains(&e.as_str()) {
                return Err(err(
                    format!("options.required-elements.{t}"),
                    format!("unknown element `{e}`"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_by_id_name_and_prefix() {
        let c = Config::from_toml_str("select = [\"SEQ003\", \"hdr-level1-marker\", \"PUNC\"]\n");
        assert!(c.is_ok(), "{c:?}");
        for bad in [
            "select = [\"SE\"]",
            "ignore = [\"seq\"]",
            "ignore = [\"XYZ001\"]",
        ] {
            let e = Config::from_toml_str(bad);
            // `SE` is a prefix of SEQ ids and valid; `seq` is not a name.
            if bad.contains("\"SE\"") {
                assert!(e.is_ok(), "a bare prefix should select: {e:?}");
            } else {
                assert!(e.is_err(), "should reject {bad}");
            }
        }
    }

    #[test]
    fn errors_name_the_key() {
        let cases = [
            ("bogus = 1", "bogus"),
            (
                "[options]\nallow-everything = true",
                "options.allow-everything",
            ),
            (
                "[options]\nallow-level-skip = \"yes\"",
                "options.allow-level-skip",
            ),
            ("[severity]\nSEQ003 = \"fatal\"", "severity.SEQ003"),
            ("[severity]\nNOPE = \"error\"", "severity.NOPE"),
            ("ignore = [\"NOPE\"]", "ignore"),
            (
                "[options.required-elements]\n\"请示\" = [\"addresse\"]",
                "options.required-elements.请示",
            ),
        ];
        for (toml, key) in cases {
            let e = Config::from_toml_str(toml).unwrap_err();
            assert_eq!(e.key, key, "{toml}: {e}");
        }
    }

    #[test]
    fn json_and_toml_read_the_same_config() {
        let t = Config::from_toml_str(
            "select = [\"SEQ\"]\nignore = [\"SEQ007\"]\n[severity]\nSEQ001 = \"error\"\n[options]\nallow-level-skip = false\n[options.required-elements]\n\"请示\" = [\"addressee\", \"date\"]\n",
        )
        .unwrap();
        let j = Config::from_json_str(
            r#"{"select":["SEQ"],"ignore":["SEQ007"],"severity":{"SEQ001":"error"},"options":{"allow-level-skip":false,"required-elements":{"请示":["addressee","date"]}}}"#,
        )
        .unwrap();
        assert_eq!(t, j);
        assert!(!t.is_enabled("SEQ007"));
    }
}
