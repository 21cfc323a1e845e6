//! A table defined once. A row type lists its columns in one function,
//! [`Row::cells`], which hands each column's name, type and value to a
//! [`Cells`] visitor; the schema, the Arrow builders and the JSON-lines form of
//! a row are three visitors of that one list.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Int32Builder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};

/// The key of the schema metadata entry that names the table's version
/// (`gangmu.nodes/1`, `gangmu.chunks/1`).
pub const SCHEMA_KEY: &str = "gangmu.schema";

/// Whether a column may hold nulls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Null {
    Never,
    Allowed,
}

/// Receives the columns of one row, in order.
pub(crate) trait Cells {
    fn str(&mut self, name: &'static str, null: Null, value: Option<&str>);
    fn i32(&mut self, name: &'static str, null: Null, value: Option<i32>);
    fn i64(&mut self, name: &'static str, null: Null, value: Option<i64>);
    fn bool(&mut self, name: &'static str, null: Null, value: Option<bool>);
    /// A `list<string>` column: never null, items never null.
    fn str_list(&mut self, name: &'static str, value: &[String]);
    /// A `list<struct>` column: never null, items never null, each item's
    /// fields those of its [`Record::cells`] (scalars only).
    fn struct_list<P: Record + Default>(&mut self, name: &'static str, items: &[P]);
}

/// Something with named, typed fields: a row, or an item of a `list<struct>`.
pub(crate) trait Record {
    /// Hands every field to `cells`, always the same fields in the same order
    /// with the same types.
    fn cells<C: Cells>(&self, cells: &mut C);
}

/// A row of a table: a [`Record`] whose type names the table's version.
pub(crate) trait Row: Record {
    /// The table's version, stored under [`SCHEMA_KEY`].
    const VERSION: &'static str;
}

fn list_item() -> Field {
    Field::new("item", DataType::Utf8, false)
}

struct Fields(Vec<Field>);

impl Fields {
    fn add(&mut self, name: &str, data_type: DataType, null: Null) {
        self.0
            .push(Field::new(name, data_type, null == Null::Allowed));
    }
}

impl Cells for Fields {
    fn str(&mut self, name: &'static str, null: Null, _: Option<&str>) {
        self.add(name, DataType::Utf8, null);
    }
    fn i32(&mut self, name: &'static str, null: Null, _: Option<i32>) {
        self.add(name, DataType::Int32, null);
    }
    fn i64(&mut self, name: &'static str, null: Null, _: Option<i64>) {
        self.add(name, DataType::Int64, null);
    }
    fn bool(&mut self, name: &'static str, null: Null, _: Option<bool>) {
        self.add(name, DataType::Boolean, null);
    }
    fn str_list(&mut self, name: &'static str, _: &[String]) {
        self.add(name, DataType::List(Arc::new(list_item())), Null::Never);
    }
    fn struct_list<P: Record + Default>(&mut self, name: &'static str, _: &[P]) {
        let item = struct_item(&fields_of(&P::default()));
        self.add(name, DataType::List(Arc::new(item)), Null::Never);
    }
}

fn fields_of<R: Record>(example: &R) -> Vec<Field> {
    let mut fields = Fields(Vec::new());
    example.cells(&mut fields);
    fields.0
}

fn struct_item(fields: &[Field]) -> Field {
    Field::new("item", DataType::Struct(fields.to_vec().into()), false)
}

/// The schema of a row type, read from one of its rows.
pub(crate) fn schema_of<R: Row>(example: &R) -> SchemaRef {
    let fields = Fields(fields_of(example));
    let metadata =
        std::collections::HashMap::from([(SCHEMA_KEY.to_string(), R::VERSION.to_string())]);
    Arc::new(Schema::new_with_metadata(fields.0, metadata))
}

enum Builder {
    Str(StringBuilder),
    I32(Int32Builder),
    I64(Int64Builder),
    Bool(BooleanBuilder),
    StrList(ListBuilder<StringBuilder>),
    StructList(ListBuilder<StructBuilder>),
}

impl Builder {
    fn for_type(data_type: &DataType) -> Builder {
        match data_type {
            DataType::Utf8 => Builder::Str(StringBuilder::new()),
            DataType::Int32 => Builder::I32(Int32Builder::new()),
            DataType::Int64 => Builder::I64(Int64Builder::new()),
            DataType::Boolean => Builder::Bool(BooleanBuilder::new()),
            DataType::List(item) => match item.data_type() {
                DataType::Struct(fields) => {
                    let values = StructBuilder::from_fields(fields.clone(), 0);
                    Builder::StructList(ListBuilder::new(values).with_field(item.clone()))
                }
                _ => {
                    Builder::StrList(ListBuilder::new(StringBuilder::new()).with_field(list_item()))
                }
            },
            other => unreachable!("no column of type {other}"),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Str(b) => Arc::new(b.finish()),
            Builder::I32(b) => Arc::new(b.finish()),
            Builder::I64(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::StrList(b) => Arc::new(b.finish()),
            Builder::StructList(b) => Arc::new(b.finish()),
        }
    }
}

/// Rows being gathered into record batches.
pub(crate) struct Builders {
    schema: SchemaRef,
    columns: Vec<Builder>,
    rows: usize,
}

/// The [`Cells`] visitor that appends a row to the builders.
struct Append<'b> {
    columns: &'b mut [Builder],
    at: usize,
}

impl Append<'_> {
    fn next(&mut self) -> &mut Builder {
        self.at += 1;
        &mut self.columns[self.at - 1]
    }
}

const MISMATCH: &str = "a row's cells follow the schema made from its type";

impl Cells for Append<'_> {
    fn str(&mut self, _: &'static str, _: Null, value: Option<&str>) {
        match self.next() {
            Builder::Str(b) => b.append_option(value),
            _ => unreachable!("{MISMATCH}"),
        }
    }
    fn i32(&mut self, _: &'static str, _: Null, value: Option<i32>) {
        match self.next() {
            Builder::I32(b) => b.append_option(value),
            _ => unreachable!("{MISMATCH}"),
        }
    }
    fn i64(&mut self, _: &'static str, _: Null, value: Option<i64>) {
        match self.next() {
            Builder::I64(b) => b.append_option(value),
            _ => unreachable!("{MISMATCH}"),
        }
    }
    fn bool(&mut self, _: &'static str, _: Null, value: Option<bool>) {
        match self.next() {
            Builder::Bool(b) => b.append_option(value),
            _ => unreachable!("{MISMATCH}"),
        }
    }
    fn str_list(&mut self, _: &'static str, value: &[String]) {
        match self.next() {
            Builder::StrList(b) => {
                for item in value {
                    b.values().append_value(item);
                }
                b.append(true);
            }
            _ => unreachable!("{MISMATCH}"),
        }
    }
    fn struct_list<P: Record + Default>(&mut self, _: &'static str, items: &[P]) {
        match self.next() {
            Builder::StructList(b) => {
                for item in items {
                    let mut fields = AppendField {
                        builder: b.values(),
                        at: 0,
                    };
                    item.cells(&mut fields);
                    b.values().append(true);
                }
                b.append(true);
            }
            _ => unreachable!("{MISMATCH}"),
        }
    }
}

/// The [`Cells`] visitor that appends an item's fields to a struct builder.
struct AppendField<'b> {
    builder: &'b mut StructBuilder,
    at: usize,
}

impl AppendField<'_> {
    fn field<T: arrow_array::builder::ArrayBuilder>(&mut self) -> &mut T {
        self.at += 1;
        self.builder
            .field_builder::<T>(self.at - 1)
            .expect(MISMATCH)
    }
}

impl Cells for AppendField<'_> {
    fn str(&mut self, _: &'static str, _: Null, value: Option<&str>) {
        self.field::<StringBuilder>().append_option(value);
    }
    fn i32(&mut self, _: &'static str, _: Null, value: Option<i32>) {
        self.field::<Int32Builder>().append_option(value);
    }
    fn i64(&mut self, _: &'static str, _: Null, value: Option<i64>) {
        self.field::<Int64Builder>().append_option(value);
    }
    fn bool(&mut self, _: &'static str, _: Null, value: Option<bool>) {
        self.field::<BooleanBuilder>().append_option(value);
    }
    fn str_list(&mut self, _: &'static str, _: &[String]) {
        unreachable!("struct items hold scalars only");
    }
    fn struct_list<P: Record + Default>(&mut self, _: &'static str, _: &[P]) {
        unreachable!("struct items hold scalars only");
    }
}

impl Builders {
    pub(crate) fn new(schema: SchemaRef) -> Self {
        let columns = schema
            .fields()
            .iter()
            .map(|f| Builder::for_type(f.data_type()))
            .collect();
        Builders {
            schema,
            columns,
            rows: 0,
        }
    }

    pub(crate) fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Rows pushed since the last [`Builders::finish`].
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    pub(crate) fn push<R: Row>(&mut self, row: &R) {
        let mut append = Append {
            columns: &mut self.columns,
            at: 0,
        };
        row.cells(&mut append);
        debug_assert_eq!(append.at, self.columns.len(), "{MISMATCH}");
        self.rows += 1;
    }

    /// The rows pushed since the last call, as one batch.
    pub(crate) fn finish(&mut self) -> RecordBatch {
        let arrays: Vec<ArrayRef> = self.columns.iter_mut().map(Builder::finish).collect();
        self.rows = 0;
        RecordBatch::try_new(self.schema.clone(), arrays).expect(MISMATCH)
    }
}

/// The [`Cells`] visitor that writes a row as a JSON object.
struct Json<'o> {
    out: &'o mut String,
    first: bool,
}

impl Json<'_> {
    fn key(&mut self, name: &str) {
        self.out.push(if self.first { '{' } else { ',' });
        self.first = false;
        write_json_str(self.out, name);
        self.out.push(':');
    }

    fn scalar(&mut self, name: &str, value: Option<impl std::fmt::Display>) {
        use std::fmt::Write;
        self.key(name);
        match value {
            Some(v) => write!(self.out, "{v}").expect("writing to a String"),
            None => self.out.push_str("null"),
        }
    }
}

fn write_json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).expect("a string always serialises"));
}

impl Cells for Json<'_> {
    fn str(&mut self, name: &'static str, _: Null, value: Option<&str>) {
        self.key(name);
        match value {
            Some(s) => write_json_str(self.out, s),
            None => self.out.push_str("null"),
        }
    }
    fn i32(&mut self, name: &'static str, _: Null, value: Option<i32>) {
        self.scalar(name, value);
    }
    fn i64(&mut self, name: &'static str, _: Null, value: Option<i64>) {
        self.scalar(name, value);
    }
    fn bool(&mut self, name: &'static str, _: Null, value: Option<bool>) {
        self.scalar(name, value);
    }
    fn str_list(&mut self, name: &'static str, value: &[String]) {
        self.key(name);
        self.out.push('[');
        for (i, item) in value.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            write_json_str(self.out, item);
        }
        self.out.push(']');
    }
    fn struct_list<P: Record + Default>(&mut self, name: &'static str, items: &[P]) {
        self.key(name);
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            json_object(item, self.out);
        }
        self.out.push(']');
    }
}

fn json_object<R: Record>(record: &R, out: &mut String) {
    let mut json = Json { out, first: true };
    record.cells(&mut json);
    if json.first {
        out.push('{');
    }
    out.push('}');
}

/// Appends `row` to `out` as one JSON object, keyed by the column names, in
/// column order.
pub(crate) fn json_line<R: Row>(row: &R, out: &mut String) {
    json_object(row, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int32Type;
    use arrow_array::Array;

    struct Tagged<'a> {
        name: &'a str,
        n: Option<i32>,
        tags: Vec<String>,
        spans: Vec<Piece>,
    }

    #[derive(Default)]
    struct Piece {
        at: i64,
        label: String,
        ok: Option<bool>,
    }

    impl Record for Piece {
        fn cells<C: Cells>(&self, c: &mut C) {
            c.i64("at", Null::Never, Some(self.at));
            c.str("label", Null::Never, Some(&self.label));
            c.bool("ok", Null::Allowed, self.ok);
        }
    }

    impl Record for Tagged<'_> {
        fn cells<C: Cells>(&self, c: &mut C) {
            c.str("name", Null::Never, Some(self.name));
            c.i32("n", Null::Allowed, self.n);
            c.str_list("tags", &self.tags);
            c.struct_list("spans", &self.spans);
        }
    }

    impl Row for Tagged<'_> {
        const VERSION: &'static str = "test/1";
    }

    #[test]
    fn the_schema_batches_and_json_come_from_one_column_list() {
        let owned = String::from("二");
        let rows = [
            Tagged {
                name: "一",
                n: Some(1),
                tags: vec!["a".into(), "\"b\"".into()],
                spans: vec![
                    Piece {
                        at: 3,
                        label: "第一条".into(),
                        ok: Some(true),
                    },
                    Piece::default(),
                ],
            },
            Tagged {
                name: &owned,
                n: None,
                tags: vec![],
                spans: vec![],
            },
        ];
        let schema = schema_of(&rows[0]);
        assert_eq!(schema.metadata()[SCHEMA_KEY], "test/1");
        let names: Vec<_> = schema.fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(names, ["name", "n", "tags", "spans"]);
        let DataType::List(item) = schema.field(3).data_type() else {
            panic!("spans should be a list")
        };
        let DataType::Struct(fields) = item.data_type() else {
            panic!("of structs")
        };
        let inner: Vec<_> = fields
            .iter()
            .map(|f| (f.name().as_str(), f.is_nullable()))
            .collect();
        assert_eq!(inner, [("at", false), ("label", false), ("ok", true)]);
        assert!(!schema.field(0).is_nullable() && schema.field(1).is_nullable());

        let mut b = Builders::new(schema);
        for r in &rows {
            b.push(r);
        }
        assert_eq!(b.rows(), 2);
        let batch = b.finish();
        assert_eq!(b.rows(), 0, "finish starts a new batch");
        assert_eq!(batch.num_rows(), 2);
        let n = batch.column(1).as_primitive::<Int32Type>();
        assert_eq!((n.value(0), n.is_null(1)), (1, true));
        let tags = batch.column(2).as_list::<i32>();
        assert_eq!((tags.value(0).len(), tags.value(1).len()), (2, 0));
        let spans = batch.column(3).as_list::<i32>();
        let first = spans.value(0);
        let first = first.as_struct();
        assert_eq!(first.len(), 2);
        let labels = first.column(1).as_string::<i32>();
        assert_eq!((labels.value(0), labels.value(1)), ("第一条", ""));
        assert!(first.column(2).is_null(1));
        assert_eq!(spans.value(1).len(), 0);
        assert_eq!(b.finish().num_rows(), 0);

        let mut line = String::new();
        json_line(&rows[0], &mut line);
        assert_eq!(
            line,
            r#"{"name":"一","n":1,"tags":["a","\"b\""],"spans":[{"at":3,"label":"第一条","ok":true},{"at":0,"label":"","ok":null}]}"#
        );
        line.clear();
        json_line(&rows[1], &mut line);
        assert_eq!(line, r#"{"name":"二","n":null,"tags":[],"spans":[]}"#);
    }
}
