//! Findings placed by paragraph: the [`SourceMap`] of a .docx, which the lint
//! emitters use to print `draft.docx:¶5:1:` instead of a line number and to
//! add `paragraph`, `part` and `container` to JSON and SARIF findings.

use serde_json::{json, Map, Value};

use super::{Container, DocxText, Part};
use crate::lint::emit::SourceMap;

impl SourceMap for DocxText {
    /// The paragraph (`¶5`, counted from 1 in its part), with the part and
    /// the table cell or text box when it is not the body's own flow:
    /// `footnote 2 ¶1`, `header 1 ¶1`, `¶7 (table 1, row 2, cell 3)`,
    /// `¶4 (text box)`; `¶-` for the blank lines between parts.
    ///
    /// ```
    /// use gangmu::lint::emit::SourceMap;
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../../tests/fixtures/docx/minutes_table_changes.docx")).unwrap();
    /// let docx = gangmu::docx::read(&bytes).unwrap();
    /// assert_eq!(docx.place(0).as_deref(), Some("¶1"));
    /// let in_table = docx.lines.iter().find(|l| l.container != gangmu::docx::Container::Text).unwrap();
    /// assert!(docx.place(in_table.span.start).unwrap().contains("(table 1, row 1, cell 1)"));
    /// ```
    fn place(&self, at: usize) -> Option<String> {
        let src = self.source(at)?;
        let para = src
            .paragraph
            .map_or("¶-".to_string(), |p| format!("¶{}", p + 1));
        let part = match src.part {
            Part::Body => String::new(),
            Part::Footnote { id } => format!("footnote {id} "),
            Part::Endnote { id } => format!("endnote {id} "),
            Part::Header { index } => format!("header {} ", index + 1),
            Part::Footer { index } => format!("footer {} ", index + 1),
        };
        let within = match src.container {
            Container::Text => String::new(),
            Container::TableCell { table, row, cell } => {
                format!(" (table {}, row {}, cell {})", table + 1, row + 1, cell + 1)
            }
            Container::TextBox => " (text box)".to_string(),
        };
        Some(format!("{part}{para}{within}"))
    }

    /// `paragraph` (from 1; `null` between parts), `part` and `container`,
    /// as in [`super::SourceLine`].
    ///
    /// ```
    /// use gangmu::lint::emit::SourceMap;
    /// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"),
    ///     "/../../tests/fixtures/docx/numbered_notice.docx")).unwrap();
    /// let docx = gangmu::docx::read(&bytes).unwrap();
    /// let f = docx.fields(0).unwrap();
    /// assert_eq!(f["paragraph"], 1);
    /// assert_eq!(f["part"]["kind"], "body");
    /// assert_eq!(f["container"]["kind"], "text");
    /// ```
    fn fields(&self, at: usize) -> Option<Map<String, Value>> {
        let src = self.source(at)?;
        let v = json!({
            "paragraph": src.paragraph.map(|p| p + 1),
            "part": src.part,
            "container": src.container,
        });
        match v {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
}
