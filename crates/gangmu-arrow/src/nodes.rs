//! The node table, `gangmu.nodes/1`: one row per node of each document, in
//! the order of [`gangmu::Document::walk`].

use std::borrow::Cow;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use gangmu::{Document, LineIndex, Node};
use serde::Serialize;

use crate::columns::{schema_of, Builders, Cells, Null, Record, Row};

/// The version of the node table's schema, stored in its metadata under
/// [`SCHEMA_KEY`](crate::SCHEMA_KEY). Adding a column at the end keeps it;
/// renaming, removing, retyping or reordering a column changes it.
///
/// ```
/// assert_eq!(gangmu_arrow::nodes_schema().metadata()["gangmu.schema"], gangmu_arrow::NODES_SCHEMA);
/// ```
pub const NODES_SCHEMA: &str = "gangmu.nodes/1";

/// What a node holds beyond its span. [`node_fields`] is the one place that
/// reads the node variants.
#[derive(Default)]
struct NodeFields<'a> {
    type_name: &'a str,
    kind: Option<String>,
    depth: Option<u32>,
    level: Option<u8>,
    marker: Option<&'a str>,
    family: Option<Cow<'static, str>>,
    ordinal: Option<u32>,
    title: Option<&'a str>,
    run_in: Option<bool>,
    value: Option<&'a str>,
}

/// The snake_case name serde gives a unit variant (`web_chrome`, `shi`…).
fn serde_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn node_fields<'a>(text: &'a str, node: &'a Node) -> NodeFields<'a> {
    let base = NodeFields {
        type_name: node.type_name(),
        ..NodeFields::default()
    };
    match node {
        Node::Noise(n) => NodeFields {
            kind: serde_name(&n.kind),
            ..base
        },
        Node::Meta(m) => NodeFields {
            kind: serde_name(&m.kind),
            value: Some(&m.text),
            ..base
        },
        Node::Title(t) => NodeFields {
            value: Some(&t.text),
            ..base
        },
        Node::Subtitle(t) => NodeFields {
            value: Some(&t.text),
            ..base
        },
        Node::Section(s) => NodeFields {
            depth: Some(s.depth),
            ..base
        },
        Node::Heading(h) => NodeFields {
            depth: Some(h.depth),
            level: h.level,
            marker: h.marker.as_ref().map(|m| m.text.as_str()),
            family: h.marker.as_ref().map(|m| Cow::Borrowed(m.family.name())),
            ordinal: h.marker.as_ref().map(|m| m.ordinal),
            title: Some(text.get(h.title.range()).unwrap_or("")),
            run_in: Some(h.run_in),
            ..base
        },
        Node::Enumeration(e) => NodeFields {
            family: serde_name(&e.family).map(Cow::Owned),
            ..base
        },
        Node::Item(i) => NodeFields {
            marker: Some(&i.marker.text),
            family: serde_name(&i.marker.family).map(Cow::Owned),
            ordinal: Some(i.marker.ordinal),
            ..base
        },
        Node::Blank(_)
        | Node::Continuation(_)
        | Node::Paragraph(_)
        | Node::Text(_)
        | Node::Attachment(_)
        | Node::Entry(_) => base,
    }
}

/// One row of the node table.
#[derive(Default)]
struct NodeRow<'a> {
    doc_id: &'a str,
    node_id: i32,
    parent_id: Option<i32>,
    node: NodeFields<'a>,
    start: i64,
    end: i64,
    byte_start: i64,
    byte_end: i64,
    line: i32,
    column: i32,
    text: &'a str,
    heading_path: &'a [String],
    doc_title: Option<&'a str>,
    error: Option<&'a str>,
}

fn small(n: impl TryInto<i32>) -> i32 {
    n.try_into().unwrap_or(i32::MAX)
}

fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Row for NodeRow<'_> {
    const VERSION: &'static str = NODES_SCHEMA;
}

impl Record for NodeRow<'_> {
    fn cells<C: Cells>(&self, c: &mut C) {
        let n = &self.node;
        c.str("doc_id", Null::Never, Some(self.doc_id));
        c.i32("node_id", Null::Never, Some(self.node_id));
        c.i32("parent_id", Null::Allowed, self.parent_id);
        c.str("type", Null::Never, Some(n.type_name));
        c.str("kind", Null::Allowed, n.kind.as_deref());
        c.i32("depth", Null::Allowed, n.depth.map(small));
        c.i32("level", Null::Allowed, n.level.map(i32::from));
        c.str("marker", Null::Allowed, n.marker);
        c.str("family", Null::Allowed, n.family.as_deref());
        c.i32("ordinal", Null::Allowed, n.ordinal.map(small));
        c.str("title", Null::Allowed, n.title);
        c.bool("run_in", Null::Allowed, n.run_in);
        c.str("value", Null::Allowed, n.value);
        c.i64("start", Null::Never, Some(self.start));
        c.i64("end", Null::Never, Some(self.end));
        c.i64("byte_start", Null::Never, Some(self.byte_start));
        c.i64("byte_end", Null::Never, Some(self.byte_end));
        c.i32("line", Null::Never, Some(self.line));
        c.i32("column", Null::Never, Some(self.column));
        c.str("text", Null::Never, Some(self.text));
        c.str_list("heading_path", self.heading_path);
        c.str("doc_title", Null::Allowed, self.doc_title);
        c.str("error", Null::Allowed, self.error);
    }
}

/// The Arrow schema of the node table (`gangmu.nodes/1`); docs/arrow.md
/// describes each column.
///
/// ```
/// let schema = gangmu_arrow::nodes_schema();
/// assert_eq!(schema.field(0).name(), "doc_id");
/// assert!(schema.field_with_name("heading_path").is_ok());
/// ```
pub fn nodes_schema() -> SchemaRef {
    schema_of(&NodeRow::default())
}

/// Builds the node table: push documents (and error rows for inputs that
/// could not be read), then [`NodeTable::finish`] a record batch.
///
/// ```
/// let text = "关于开展检查的通知\n\n一、检查内容\n正文。\n";
/// let mut table = gangmu_arrow::NodeTable::new();
/// table.push_document("a", text, &gangmu::parse(text));
/// table.push_error("b", "binary content: NUL byte at 3");
/// let batch = table.finish();
/// assert_eq!(batch.num_rows(), 6); // title, blank, section, heading, paragraph, and the error row
/// ```
pub struct NodeTable {
    builders: Builders,
    text_bytes: usize,
}

impl Default for NodeTable {
    fn default() -> Self {
        NodeTable::new()
    }
}

impl NodeTable {
    /// An empty table.
    ///
    /// ```
    /// assert_eq!(gangmu_arrow::NodeTable::new().rows(), 0);
    /// ```
    pub fn new() -> Self {
        NodeTable {
            builders: Builders::new(nodes_schema()),
            text_bytes: 0,
        }
    }

    /// The table's schema ([`nodes_schema`]).
    ///
    /// ```
    /// assert_eq!(gangmu_arrow::NodeTable::new().schema(), gangmu_arrow::nodes_schema());
    /// ```
    pub fn schema(&self) -> SchemaRef {
        self.builders.schema()
    }

    /// Rows pushed since the last [`NodeTable::finish`].
    ///
    /// ```
    /// let mut t = gangmu_arrow::NodeTable::new();
    /// t.push_error("x", "not text");
    /// assert_eq!(t.rows(), 1);
    /// ```
    pub fn rows(&self) -> usize {
        self.builders.rows()
    }

    /// Bytes of the `text` column pushed since the last [`NodeTable::finish`]
    /// (a section's text holds its children's, so this grows faster than the
    /// input). A batch's strings must stay under 2 GiB.
    ///
    /// ```
    /// let mut t = gangmu_arrow::NodeTable::new();
    /// t.push_document("x", "正文。", &gangmu::parse("正文。"));
    /// assert_eq!(t.text_bytes(), "正文。".len());
    /// ```
    pub fn text_bytes(&self) -> usize {
        self.text_bytes
    }

    /// Appends one row per node of `doc`, which must have been parsed from
    /// `text`. Node ids count from 0 in the order of
    /// [`Document::walk`](gangmu::Document::walk) (depth-first, document
    /// order); offsets are code points, lines and columns 1-based.
    ///
    /// ```
    /// let text = "一、总则\n正文。";
    /// let mut t = gangmu_arrow::NodeTable::new();
    /// t.push_document("doc", text, &gangmu::parse(text));
    /// assert_eq!(t.rows(), 3); // section, heading, paragraph
    /// ```
    pub fn push_document(&mut self, doc_id: &str, text: &str, doc: &Document) {
        let index = LineIndex::new(text);
        let doc_title = doc.title_text();
        // (node, parent id, nesting level in the tree)
        let mut stack: Vec<(&Node, Option<i32>, usize)> =
            doc.children.iter().rev().map(|n| (n, None, 0)).collect();
        // Labels of the enclosing sections and attachments, with their levels.
        let mut path: Vec<String> = Vec::new();
        let mut path_levels: Vec<usize> = Vec::new();
        let mut next_id: i32 = 0;
        while let Some((node, parent_id, level)) = stack.pop() {
            let node_id = next_id;
            next_id = next_id.saturating_add(1);
            while path_levels.last().is_some_and(|&l| l >= level) {
                path_levels.pop();
                path.pop();
            }
            if let Some(label) = gangmu::chunk::section_label(text, node) {
                path.push(label);
                path_levels.push(level);
            }
            for child in node.children().iter().rev() {
                stack.push((child, Some(node_id), level + 1));
            }
            let span = node.span();
            let (line, column) = index.line_col(span.start);
            let node_text = text.get(span.range()).unwrap_or("");
            self.text_bytes += node_text.len();
            self.builders.push(&NodeRow {
                doc_id,
                node_id,
                parent_id,
                node: node_fields(text, node),
                start: offset(index.char_offset(span.start)),
                end: offset(index.char_offset(span.end)),
                byte_start: offset(span.start),
                byte_end: offset(span.end),
                line: small(line),
                column: small(column),
                text: node_text,
                heading_path: &path,
                doc_title,
                error: None,
            });
        }
    }

    /// Appends the row that stands for a document that could not be read:
    /// type `error`, node id 0, the reason in `error`, offsets, line and
    /// column 0, empty text.
    ///
    /// ```
    /// let mut t = gangmu_arrow::NodeTable::new();
    /// t.push_error("broken.txt", "binary content: NUL byte at 0");
    /// assert_eq!(t.finish().num_rows(), 1);
    /// ```
    pub fn push_error(&mut self, doc_id: &str, error: &str) {
        self.builders.push(&NodeRow {
            doc_id,
            node: NodeFields {
                type_name: "error",
                ..NodeFields::default()
            },
            error: Some(error),
            ..NodeRow::default()
        });
    }

    /// The rows pushed since the last call, as one record batch.
    ///
    /// ```
    /// let mut t = gangmu_arrow::NodeTable::new();
    /// t.push_document("x", "正文。", &gangmu::parse("正文。"));
    /// assert_eq!(t.finish().num_rows(), 1);
    /// assert_eq!(t.finish().num_rows(), 0);
    /// ```
    pub fn finish(&mut self) -> RecordBatch {
        self.text_bytes = 0;
        self.builders.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Int32Type, Int64Type};
    use arrow_array::Array;

    fn table(docs: &[(&str, &str)]) -> RecordBatch {
        let mut t = NodeTable::new();
        for (id, text) in docs {
            t.push_document(id, text, &gangmu::parse(text));
        }
        t.finish()
    }

    fn strs(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
        let col = batch.column_by_name(name).unwrap().as_string::<i32>();
        (0..col.len())
            .map(|i| col.is_valid(i).then(|| col.value(i).to_string()))
            .collect()
    }

    fn ints(batch: &RecordBatch, name: &str) -> Vec<Option<i64>> {
        let col = batch.column_by_name(name).unwrap();
        if let Some(c) = col.as_primitive_opt::<Int32Type>() {
            return (0..c.len())
                .map(|i| c.is_valid(i).then(|| i64::from(c.value(i))))
                .collect();
        }
        let c = col.as_primitive::<Int64Type>();
        (0..c.len())
            .map(|i| c.is_valid(i).then(|| c.value(i)))
            .collect()
    }

    #[test]
    fn one_row_per_node_in_walk_order_with_parents_and_paths() {
        let text = "关于开展检查的通知\n\n一、检查内容\n（一）范围。一是查制度；二是查落实。\n二、工作要求\n请报送。\n";
        let doc = gangmu::parse(text);
        let batch = table(&[("n1", text)]);
        let walk: Vec<&Node> = doc.walk().map(|(_, n)| n).collect();
        assert_eq!(batch.num_rows(), walk.len());
        let types = strs(&batch, "type");
        let expected: Vec<Option<String>> = walk
            .iter()
            .map(|n| Some(n.type_name().to_string()))
            .collect();
        assert_eq!(types, expected);
        assert_eq!(
            ints(&batch, "node_id"),
            (0..walk.len() as i64).map(Some).collect::<Vec<_>>()
        );

        // Every parent id points at an earlier row whose node contains this one.
        let parents = ints(&batch, "parent_id");
        for (i, p) in parents.iter().enumerate() {
            match p {
                None => assert!(doc.children.iter().any(|c| std::ptr::eq(c, walk[i]))),
                Some(p) => {
                    let p = *p as usize;
                    assert!(p < i);
                    assert!(walk[p].children().iter().any(|c| std::ptr::eq(c, walk[i])));
                }
            }
        }

        // Offsets are code points and slice the text to the node's text.
        let chars: Vec<char> = text.chars().collect();
        let (starts, ends) = (ints(&batch, "start"), ints(&batch, "end"));
        for (i, t) in strs(&batch, "text").into_iter().enumerate() {
            let (s, e) = (starts[i].unwrap() as usize, ends[i].unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), t.unwrap());
        }

        let at = |ty: &str, k: usize| {
            types
                .iter()
                .enumerate()
                .filter(|(_, t)| t.as_deref() == Some(ty))
                .nth(k)
                .unwrap()
                .0
        };
        let h2 = at("heading", 1);
        assert_eq!(strs(&batch, "marker")[h2].as_deref(), Some("（一）"));
        assert_eq!(strs(&batch, "family")[h2].as_deref(), Some("chinese_paren"));
        assert_eq!(ints(&batch, "depth")[h2], Some(2));
        assert_eq!(ints(&batch, "level")[h2], Some(2));
        assert_eq!(ints(&batch, "ordinal")[h2], Some(1));
        assert_eq!(ints(&batch, "line")[h2], Some(4));
        assert_eq!(strs(&batch, "title")[h2].as_deref(), Some("范围。"));
        let item = at("item", 1);
        assert_eq!(strs(&batch, "marker")[item].as_deref(), Some("二是"));
        assert_eq!(strs(&batch, "family")[item].as_deref(), Some("shi"));
        assert_eq!(
            strs(&batch, "family")[at("enumeration", 0)].as_deref(),
            Some("shi")
        );
        assert_eq!(
            strs(&batch, "value")[at("title", 0)].as_deref(),
            Some("关于开展检查的通知")
        );

        let paths = batch
            .column_by_name("heading_path")
            .unwrap()
            .as_list::<i32>();
        let path = |i: usize| -> Vec<String> {
            let v = paths.value(i);
            let v = v.as_string::<i32>();
            (0..v.len()).map(|k| v.value(k).to_string()).collect()
        };
        assert_eq!(path(at("title", 0)), Vec::<String>::new());
        assert_eq!(path(at("item", 0)), ["一、检查内容", "（一）范围"]);
        assert_eq!(path(at("heading", 2)), ["二、工作要求"]);
        assert_eq!(path(at("paragraph", 1)), ["二、工作要求"]);
        assert!(strs(&batch, "doc_title")
            .iter()
            .all(|t| t.as_deref() == Some("关于开展检查的通知")));
        assert!(strs(&batch, "error").iter().all(Option::is_none));
    }

    #[test]
    fn meta_and_noise_rows_carry_their_kind() {
        let text = "国发〔2024〕1号\n\n-2-\n正文。\n";
        let batch = table(&[("m", text)]);
        let kinds: Vec<_> = strs(&batch, "type")
            .into_iter()
            .zip(strs(&batch, "kind"))
            .filter_map(|(t, k)| k.map(|k| (t.unwrap(), k)))
            .collect();
        assert!(
            kinds.contains(&("meta".to_string(), "doc_number".to_string())),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("noise".to_string(), "page_number".to_string())),
            "{kinds:?}"
        );
    }

    #[test]
    fn error_rows_and_empty_documents() {
        let mut t = NodeTable::new();
        t.push_document("empty", "", &gangmu::parse(""));
        assert_eq!(t.rows(), 0, "an empty document has no node");
        t.push_error("bad", "binary content");
        let b = t.finish();
        assert_eq!(strs(&b, "type"), [Some("error".to_string())]);
        assert_eq!(strs(&b, "error"), [Some("binary content".to_string())]);
        assert_eq!(strs(&b, "doc_id"), [Some("bad".to_string())]);
        assert_eq!(ints(&b, "node_id"), [Some(0)]);
    }

    #[test]
    fn batches_concatenate_documents_in_push_order() {
        let b = table(&[("a", "一、总则\n正文。"), ("b", "正文。")]);
        let ids = strs(&b, "doc_id");
        assert_eq!(ids.iter().filter(|i| i.as_deref() == Some("a")).count(), 3);
        assert_eq!(ids.last().unwrap().as_deref(), Some("b"));
        assert_eq!(ints(&b, "node_id").last().unwrap(), &Some(0));
    }
}
