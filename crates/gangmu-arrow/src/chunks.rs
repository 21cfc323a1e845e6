//! The chunk table, `gangmu.chunks/1`: one row per retrieval chunk of each
//! document ([`gangmu::chunk::chunks`]). The same rows are the JSON lines of
//! `gangmu chunk --format jsonl`.

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use gangmu::chunk::{Chunk, ChunkPart};
use gangmu::{Document, LineIndex};

use crate::columns::{json_line, schema_of, Builders, Cells, Null, Record, Row};

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

/// One row of the chunk table: a [`Chunk`] with its document's id, its
/// offsets in code points and its line. Its columns are listed once, in
/// [`Record::cells`], in the order of [`Chunk`]'s fields: a field added to
/// [`Chunk`] becomes a field here and one line there.
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
    size: i64,
    doc_title: Option<&'a str>,
    doc_number: Option<&'a str>,
    heading_path: &'a [String],
    citation: &'a str,
    parts: Vec<PartRow<'a>>,
    parent_id: Option<i32>,
    prev_id: Option<i32>,
    next_id: Option<i32>,
    error: Option<&'a str>,
}

/// One item of a chunk's `parts`: a [`ChunkPart`].
#[derive(Default)]
struct PartRow<'a> {
    start: i64,
    end: i64,
    byte_start: i64,
    byte_end: i64,
    citation: &'a str,
    section_id: Option<i32>,
}

fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn id(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl<'a> ChunkRow<'a> {
    fn new(doc_id: &'a str, text: &'a str, index: &LineIndex, chunk: &'a Chunk) -> Self {
        let cp = |byte: usize| offset(index.char_offset(byte));
        ChunkRow {
            doc_id,
            chunk_id: id(chunk.id),
            text: text.get(chunk.span.range()).unwrap_or(""),
            start: cp(chunk.span.start),
            end: cp(chunk.span.end),
            byte_start: offset(chunk.span.start),
            byte_end: offset(chunk.span.end),
            line: id(index.line(chunk.span.start)),
            size: offset(chunk.size),
            doc_title: chunk.title.as_deref(),
            doc_number: chunk.doc_number.as_deref(),
            heading_path: &chunk.heading_path,
            citation: &chunk.citation,
            parts: chunk
                .parts
                .iter()
                .map(|p: &ChunkPart| PartRow {
                    start: cp(p.span.start),
                    end: cp(p.span.end),
                    byte_start: offset(p.span.start),
                    byte_end: offset(p.span.end),
                    citation: &p.citation,
                    section_id: p.section_id.map(id),
                })
                .collect(),
            parent_id: chunk.parent_id.map(id),
            prev_id: chunk.prev_id.map(id),
            next_id: chunk.next_id.map(id),
            error: None,
        }
    }
}

impl Row for ChunkRow<'_> {
    const VERSION: &'static str = CHUNKS_SCHEMA;
}

impl Record for ChunkRow<'_> {
    fn cells<C: Cells>(&self, c: &mut C) {
        c.str("doc_id", Null::Never, Some(self.doc_id));
        c.i32("chunk_id", Null::Never, Some(self.chunk_id));
        c.str("text", Null::Never, Some(self.text));
        c.i64("start", Null::Never, Some(self.start));
        c.i64("end", Null::Never, Some(self.end));
        c.i64("byte_start", Null::Never, Some(self.byte_start));
        c.i64("byte_end", Null::Never, Some(self.byte_end));
        c.i32("line", Null::Never, Some(self.line));
        c.i64("size", Null::Never, Some(self.size));
        c.str("doc_title", Null::Allowed, self.doc_title);
        c.str("doc_number", Null::Allowed, self.doc_number);
        c.str_list("heading_path", self.heading_path);
        c.str("citation", Null::Never, Some(self.citation));
        c.struct_list("parts", &self.parts);
        c.i32("parent_id", Null::Allowed, self.parent_id);
        c.i32("prev_id", Null::Allowed, self.prev_id);
        c.i32("next_id", Null::Allowed, self.next_id);
        c.str("error", Null::Allowed, self.error);
    }
}

impl Record for PartRow<'_> {
    fn cells<C: Cells>(&self, c: &mut C) {
        c.i64("start", Null::Never, Some(self.start));
        c.i64("end", Null::Never, Some(self.end));
        c.i64("byte_start", Null::Never, Some(self.byte_start));
        c.i64("byte_end", Null::Never, Some(self.byte_end));
        c.str("citation", Null::Never, Some(self.citation));
        c.i32("section_id", Null::Allowed, self.section_id);
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

/// Calls `each` with the row of every chunk of `doc` (parsed from `text`).
fn for_each_row(doc_id: &str, text: &str, chunks: &[Chunk], mut each: impl FnMut(&ChunkRow<'_>)) {
    let index = LineIndex::new(text);
    for chunk in chunks {
        each(&ChunkRow::new(doc_id, text, &index, chunk));
    }
}

fn chunk(text: &str, doc: &Document, options: ChunkOptions) -> Vec<Chunk> {
    gangmu::chunk::chunks(text, doc, options.max_chars, options.overlap)
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
/// let row: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
/// assert_eq!(row["doc_id"], "a.txt");
/// assert_eq!(row["text"], "一、总则\n正文。");
/// assert_eq!((row["start"].as_i64(), row["end"].as_i64()), (Some(0), Some(8)));
/// assert_eq!(row["citation"], "一、");
/// assert_eq!(row["parts"][0]["citation"], "一、");
/// ```
pub fn chunk_json_lines(
    doc_id: &str,
    text: &str,
    doc: &Document,
    options: ChunkOptions,
    out: &mut String,
) {
    for_each_row(doc_id, text, &chunk(text, doc, options), |row| {
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
        let chunks = chunk(text, doc, self.options);
        self.push_chunks(doc_id, text, &chunks);
    }

    /// Appends one row per chunk of `chunks`, made from `text` (by
    /// [`gangmu::chunk::chunks_by`] with a token budget, say).
    ///
    /// ```
    /// let text = "一、总则\n第一句话。第二句话。\n";
    /// let doc = gangmu::parse(text);
    /// let chunks = gangmu::chunk::chunks_by(text, &doc, 12, 0, &mut |s: &str| s.len() / 3);
    /// let mut t = gangmu_arrow::ChunkTable::new(Default::default());
    /// t.push_chunks("a", text, &chunks);
    /// assert_eq!(t.rows(), chunks.len());
    /// ```
    pub fn push_chunks(&mut self, doc_id: &str, text: &str, chunks: &[Chunk]) {
        let builders = &mut self.builders;
        for_each_row(doc_id, text, chunks, |row| builders.push(row));
    }

    /// Appends the row that stands for a document that could not be read:
    /// chunk id 0, the reason in `error`, empty text, citation, heading path
    /// and parts, offsets, size and line 0, nulls elsewhere.
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
