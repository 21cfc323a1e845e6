//! Diagnostics: findings about a text, each with its rule id, as data.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is.
///
/// ```
/// use gangmu::Severity;
/// assert!(Severity::Error > Severity::Warning);
/// assert_eq!("warning".parse::<Severity>().unwrap(), Severity::Warning);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; not a defect.
    Info,
    /// Probably a defect.
    Warning,
    /// A defect against the standard.
    Error,
}

impl Severity {
    /// The lowercase name (`"error"`).
    ///
    /// ```
    /// assert_eq!(gangmu::Severity::Info.as_str(), "info");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info)"
            )),
        }
    }
}

/// One replacement of a byte range by new text.
///
/// ```
/// let e = gangmu::Edit { span: gangmu::Span::new(0, 3), replacement: "1.".into() };
/// assert_eq!(e.replacement, "1.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// The bytes replaced.
    pub span: Span,
    /// What replaces them.
    pub replacement: String,
}

/// A mechanical fix: edits applied together.
///
/// ```
/// let f = gangmu::Fix { safe: true, edits: vec![] };
/// assert!(f.safe);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Safe fixes never change wording and are applied by default.
    pub safe: bool,
    /// Non-overlapping edits.
    pub edits: Vec<Edit>,
}

/// A finding about a span of the text.
///
/// ```
/// let doc = gangmu::parse("热门文档\n- 2024-08-28 08:57:57 范文\n\n关于开展检查的通知\n\n正文。");
/// assert!(doc.diagnostics.iter().any(|d| d.rule == "W001"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule id (`SEQ003`).
    pub rule: String,
    /// How serious.
    pub severity: Severity,
    /// Message in Chinese.
    pub message: String,
    /// The same message in English.
    pub message_en: String,
    /// The bytes the finding is about.
    pub span: Span,
    /// A mechanical fix, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}
