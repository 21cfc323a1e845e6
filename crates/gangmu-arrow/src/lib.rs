//! # gangmu-arrow
//!
//! Arrow tables of [gangmu](gangmu) parse trees and retrieval chunks, for data
//! pipelines: one row per node (`gangmu.nodes/1`) or per chunk
//! (`gangmu.chunks/1`), built directly into Arrow arrays. The Python package
//! hands these batches to pyarrow through the Arrow C stream interface, so no
//! Python object is made per row; the `gangmu` command writes the same rows
//! as JSON lines.
//!
//! Offsets are code points (as Python counts), with UTF-8 byte offsets beside
//! them. The schemas are versioned (the `gangmu.schema` metadata key) and
//! documented in `docs/arrow.md`.
//!
//! ```
//! use arrow_array::cast::AsArray;
//!
//! let text = "关于开展检查的通知\n\n一、检查内容\n（一）范围。\n";
//! let mut table = gangmu_arrow::NodeTable::new();
//! table.push_document("notice-1", text, &gangmu::parse(text));
//! let batch = table.finish();
//! let types = batch.column_by_name("type").unwrap().as_string::<i32>();
//! let types: Vec<&str> = types.iter().flatten().collect();
//! assert_eq!(types, ["title", "blank", "section", "heading", "section", "heading"]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod batch;
mod chunks;
mod columns;
mod nodes;

pub use batch::{
    chunk_batches, default_threads, map_ordered, node_batches, Data, Input, THREADS_VAR,
};
pub use chunks::{
    chunk_error_json_line, chunk_json_lines, chunks_schema, ChunkOptions, ChunkTable, CHUNKS_SCHEMA,
};
pub use columns::SCHEMA_KEY;
pub use nodes::{nodes_schema, NodeTable, NODES_SCHEMA};
