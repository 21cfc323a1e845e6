//! The chunk table, `gangmu.chunks/1`: one row per retrieval chunk of each
//! document ([`gangmu::chunk::chunks`]). The same rows are the JSON lines of
//! `gangmu chunk --format jsonl`.

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use gangmu::chunk::Chunk;
use gangmu::{Document, LineIndex};

use crate::columns::{json_line, schema_of, Builders, Cells, Null, Row};

/// The version of the chunk table's schema, stored in its metadata under
/// [`SCHEMA_KEY`](crate::SCHEMA_KEY).
///
/// ```
/// assert_eq!(gangmu_arrow::chunks_schema().metadata()["gangmu.schema"], gangmu_arrow::CHUNKS_SCHEMA);
/// ```
pub const CHUNKS_SCHEMA: &str = "gangmu.chunks/1";

/// How documents are cut into chunks (the arguments of
/// [`gangmu::chunk::chunks`]).
///
/// ```
/// let o = gangmu_arrow::ChunkOptions::default();
/// assert_eq!((o.max_chars, o.overlap), (1000, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkOptions {
    /// Longest chunk, in characters.
    pub max_chars: usize,
    /// Characters shared by consecutive pieces of a section that had to be cut.
    pub overlap: usize,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions {
            max_chars: 1000,
            overlap: 0,
        }
    }
}

/// One row of the chunk table: a [`Chunk`] with its document's id and title,
/// its offsets in code points and its line. Its columns are listed once, in
/// [`Row::cells`]: a field added to [`Chunk`] becomes a column there.
#[derive(Default)]
struct ChunkRow<'a> {
    doc_id: &'a str,
    chunk_id: i32,
    text: &'a str,
    start: i64,
    end: i64,
    byte_start: i64,
    byte_end: i64,
    line: i32,
    heading_path: &'a [String],
    doc_title: Option<&'a str>,
    error: Option<&'a str>,
}

impl<'a> ChunkRow<'a> {
    fn new(
        doc_id: &'a str,
        chunk_id: usize,
        text: &'a str,
        index: &LineIndex,
        chunk: &'a Chunk,
        doc_title: Option<&'a str>,
    ) -> Self {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        ChunkRow {
            doc_id,
            chunk_id: i32::try_from(chunk_id).unwrap_or(i32::MAX),
            text: text.get(chunk.span.range()).unwrap_or(""),
            start: n(index.char_offset(chunk.span.start)),
            end: n(index.char_offset(chunk.span.end)),
            byte_start: n(chunk.span.start),
            byte_end: n(chunk.span.end),
            line: i32::try_from(index.line(chunk.span.start)).unwrap_or(i32::MAX),
            heading_path: &chunk.heading_path,
            doc_title,
            error: None,
        }
    }
}

impl Row for ChunkRow<'_> {
    const VERSION: &'static str = CHUNKS_SCHEMA;

    fn cells<C: Cells>(&self, c: &mut C) {
        c.str("doc_id", Null::Never, Some(self.doc_id));
        c.i32("chunk_id", Null::Never, Some(self.chunk_id));
        c.str("text", Null::Never, Some(self.text));
        c.i64("start", Null::Never, Some(self.start));
        c.i64("end", Null::Never, Some(self.end));
        c.i64("byte_start", Null::Never, Some(self.byte_start));
        c.i64("byte_end", Null::Never, Some(self.byte_end));
        c.i32("line", Null::Never, Some(self.line));
        c.str_list("heading_path", self.heading_path);
        c.str("doc_title", Null::Allowed, self.doc_title);
        c.str("error", Null::Allowed, self.error);
    }
}

/// The Arrow schema of the chunk table (`gangmu.chunks/1`); docs/arrow.md
/// describes each column.
///
/// ```
/// assert_eq!(gangmu_arrow::chunks_schema().field(1).name(), "chunk_id");
/// ```
pub fn chunks_schema() -> SchemaRef {
    schema_of(&ChunkRow::default())
}

/// Calls `each` with every chunk row of `doc` (parsed from `text`).
fn for_each_row(
    doc_id: &str,
    text: &str,
    doc: &Document,
    options: ChunkOptions,
    mut each: impl FnMut(&ChunkRow<'_>),
) {
    let chunks = gangmu::chunk::chunks(text, doc, options.max_chars, options.overlap);
    let index = LineIndex::new(text);
    let title = doc.title_text();
    for (i, chunk) in chunks.iter().enumerate() {
        each(&ChunkRow::new(doc_id, i, text, &index, chunk, title));
    }
}

fn error_row<'a>(doc_id: &'a str, error: &'a str) -> ChunkRow<'a> {
    ChunkRow {
        doc_id,
        error: Some(error),
        ..ChunkRow::default()
    }
}

/// Appends the chunk rows of `doc` to `out` as JSON lines (one object per
/// chunk, keyed by the chunk table's column names, each line ending in `\n`).
///
/// ```
/// let text = "一、总则\n正文。\n";
/// let mut out = String::new();
/// gangmu_arrow::chunk_json_lines("a.txt", text, &gangmu::parse(text), Default::default(), &mut out);
/// assert_eq!(out, "{\"doc_id\":\"a.txt\",\"chunk_id\":0,\"text\":\"一、总则\\n正文。\",\"start\":0,\"end\":8,\"byte_start\":0,\"byte_end\":22,\"line\":1,\"heading_path\":[\"一、总则\"],\"doc_title\":null,\"error\":null}\n");
/// ```
pub fn chunk_json_lines(
    doc_id: &str,
    text: &str,
    doc: &Document,
    options: ChunkOptions,
    out: &mut String,
) {
    for_each_row(doc_id, text, doc, options, |row| {
        json_line(row, out);
        out.push('\n');
    });
}

/// Appends the JSON line of a document that could not be read (see
/// [`ChunkTable::push_error`]).
///
/// ```
/// let mut out = String::new();
/// gangmu_arrow::chunk_error_json_line("x.bin", "binary content", &mut out);
/// assert!(out.contains("\"error\":\"binary content\""));
/// ```
pub fn chunk_error_json_line(doc_id: &str, error: &str, out: &mut String) {
    json_line(&error_row(doc_id, error), out);
    out.push('\n');
}

/// Builds the chunk table.
///
/// ```
/// let text = "一、总则\n正文。\n二、附则\n附文。\n";
/// let mut t = gangmu_arrow::ChunkTable::new(gangmu_arrow::ChunkOptions { max_chars: 10, overlap: 0 });
/// t.push_document("a", text, &gangmu::parse(text));
/// assert_eq!(t.finish().num_rows(), 2);
/// ```
pub struct ChunkTable {
    builders: Builders,
    options: ChunkOptions,
}

impl ChunkTable {
    /// An empty table that cuts documents with `options`.
    ///
    /// ```
    /// assert_eq!(gangmu_arrow::ChunkTable::new(Default::default()).rows(), 0);
    /// ```
    pub fn new(options: ChunkOptions) -> Self {
        ChunkTable {
            builders: Builders::new(chunks_schema()),
            options,
        }
    }

    /// The table's schema ([`chunks_schema`]).
    ///
    /// ```
    /// let t = gangmu_arrow::ChunkTable::new(Default::default());
    /// assert_eq!(t.schema(), gangmu_arrow::chunks_schema());
    /// ```
    pub fn schema(&self) -> SchemaRef {
        self.builders.schema()
    }

    /// Rows pushed since the last [`ChunkTable::finish`].
    ///
    /// ```
    /// let mut t = gangmu_arrow::ChunkTable::new(Default::default());
    /// t.push_document("a", "正文。", &gangmu::parse("正文。"));
    /// assert_eq!(t.rows(), 1);
    /// ```
    pub fn rows(&self) -> usize {
        self.builders.rows()
    }

    /// Appends one row per chunk of `doc`, which must have been parsed from
    /// `text`; chunk ids count from 0 in each document.
    ///
    /// ```
    /// let text = "一、总则\n正文。";
    /// let mut t = gangmu_arrow::ChunkTable::new(Default::default());
    /// t.push_document("a", text, &gangmu::parse(text));
    /// assert_eq!(t.rows(), 1);
    /// ```
    pub fn push_document(&mut self, doc_id: &str, text: &str, doc: &Document) {
        let builders = &mut self.builders;
        for_each_row(doc_id, text, doc, self.options, |row| builders.push(row));
    }

    /// Appends the row that stands for a document that could not be read:
    /// chunk id 0, the reason in `error`, empty text, offsets and line 0.
    ///
    /// ```
    /// let mut t = gangmu_arrow::ChunkTable::new(Default::default());
    /// t.push_error("x.bin", "binary content");
    /// assert_eq!(t.rows(), 1);
    /// ```
    pub fn push_error(&mut self, doc_id: &str, error: &str) {
        self.builders.push(&error_row(doc_id, error));
    }

    /// The rows pushed since the last call, as one record batch.
    ///
    /// ```
    /// let mut t = gangmu_arrow::ChunkTable::new(Default::default());
    /// assert_eq!(t.finish().num_rows(), 0);
    /// ```
    pub fn finish(&mut self) -> RecordBatch {
        self.builders.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::Array;

    #[test]
    fn rows_are_the_chunks_of_the_core_with_code_point_offsets() {
        let text = "关于开展检查的通知\n\n一、检查内容\n（一）范围。各地要全面检查。\n二、工作要求\n请报送。\n";
        let doc = gangmu::parse(text);
        let options = ChunkOptions {
            max_chars: 12,
            overlap: 2,
        };
        let expected = gangmu::chunk::chunks(text, &doc, 12, 2);
        let mut t = ChunkTable::new(options);
        t.push_document("d", text, &doc);
        let b = t.finish();
        assert_eq!(b.num_rows(), expected.len());
        let texts = b.column_by_name("text").unwrap().as_string::<i32>();
        let starts = b
            .column_by_name("start")
            .unwrap()
            .as_primitive::<arrow_array::types::Int64Type>();
        let paths = b.column_by_name("heading_path").unwrap().as_list::<i32>();
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in expected.iter().enumerate() {
            assert_eq!(texts.value(i), c.text(text));
            let s = starts.value(i) as usize;
            let n = c.text(text).chars().count();
            assert_eq!(chars[s..s + n].iter().collect::<String>(), c.text(text));
            assert_eq!(paths.value(i).len(), c.heading_path.len());
        }

        // The JSON lines hold the same rows.
        let mut lines = String::new();
        chunk_json_lines("d", text, &doc, options, &mut lines);
        let parsed: Vec<serde_json::Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(parsed.len(), expected.len());
        let first = lines.lines().next().unwrap();
        assert!(
            first.starts_with("{\"doc_id\":\"d\",\"chunk_id\":0,\"text\":"),
            "{first}"
        );
        for (i, v) in parsed.iter().enumerate() {
            assert_eq!(v["text"], texts.value(i));
            assert_eq!(v["chunk_id"], i);
            assert_eq!(v["doc_title"], "关于开展检查的通知");
            let mut names: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
            let schema = b.schema();
            let mut columns: Vec<&str> =
                schema.fields().iter().map(|f| f.name().as_str()).collect();
            names.sort_unstable();
            columns.sort_unstable();
            assert_eq!(names, columns, "one JSON key per column");
        }
    }

    #[test]
    fn error_rows() {
        let mut t = ChunkTable::new(ChunkOptions::default());
        t.push_error("bad", "undecodable text");
        let b = t.finish();
        let err = b.column_by_name("error").unwrap().as_string::<i32>();
        assert_eq!(err.value(0), "undecodable text");
        assert!(b.column_by_name("doc_title").unwrap().is_null(0));
    }
}
