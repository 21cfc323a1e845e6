//! The schemas are pinned by their documentation: docs/arrow.md lists every
//! column of each version, and the built schemas must match it exactly.

use arrow_schema::{DataType, Schema};

fn documented(version: &str) -> Vec<(String, String, bool)> {
    table(&format!("<!-- schema {version} -->"))
}

fn table(marker: &str) -> Vec<(String, String, bool)> {
    let doc = include_str!("../../../docs/arrow.md");
    let start = doc
        .find(marker)
        .unwrap_or_else(|| panic!("docs/arrow.md should have a table after {marker}"));
    doc[start + marker.len()..]
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with('|'))
        .skip(2) // header and rule
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(|c| c.trim().trim_matches('`')).collect();
            let nullable = match cells[3] {
                "yes" => true,
                "no" => false,
                other => panic!("nullable should be yes or no, not {other:?}"),
            };
            (cells[1].to_string(), cells[2].to_string(), nullable)
        })
        .collect()
}

fn type_name(t: &DataType) -> String {
    match t {
        DataType::Utf8 => "string".into(),
        DataType::Int32 => "int32".into(),
        DataType::Int64 => "int64".into(),
        DataType::Boolean => "bool".into(),
        DataType::List(item) if item.data_type() == &DataType::Utf8 && !item.is_nullable() => {
            "list<string>".into()
        }
        DataType::List(item) if matches!(item.data_type(), DataType::Struct(_)) => {
            assert!(!item.is_nullable(), "list items are never null");
            "list<part>".into()
        }
        other => format!("{other:?}"),
    }
}

fn built(schema: &Schema) -> Vec<(String, String, bool)> {
    fields(schema.fields())
}

#[test]
fn the_node_schema_is_the_documented_one() {
    let schema = gangmu_arrow::nodes_schema();
    assert_eq!(
        schema.metadata()[gangmu_arrow::SCHEMA_KEY],
        "gangmu.nodes/1"
    );
    assert_eq!(built(&schema), documented(gangmu_arrow::NODES_SCHEMA));
}

fn fields(fields: &arrow_schema::Fields) -> Vec<(String, String, bool)> {
    fields
        .iter()
        .map(|f| (f.name().clone(), type_name(f.data_type()), f.is_nullable()))
        .collect()
}

#[test]
fn the_chunk_schema_is_the_documented_one() {
    let schema = gangmu_arrow::chunks_schema();
    let parts = schema.field_with_name("parts").unwrap();
    let DataType::List(item) = parts.data_type() else {
        panic!("parts is a list")
    };
    let DataType::Struct(part) = item.data_type() else {
        panic!("of structs")
    };
    assert_eq!(
        fields(part),
        table("<!-- struct gangmu.chunks/1 part -->"),
        "the fields of a part"
    );
}

#[test]
fn the_chunk_columns_are_the_documented_ones() {
    let schema = gangmu_arrow::chunks_schema();
    assert_eq!(
        schema.metadata()[gangmu_arrow::SCHEMA_KEY],
        "gangmu.chunks/1"
    );
    assert_eq!(built(&schema), documented(gangmu_arrow::CHUNKS_SCHEMA));
}
