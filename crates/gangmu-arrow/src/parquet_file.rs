//! Parquet output of the tables (feature `parquet`).

use std::io::Write;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

/// A Parquet file being written, batch by batch (Snappy-compressed, the
/// Arrow schema and its `gangmu.schema` version stored in the file).
///
/// ```
/// let text = "一、总则\n正文。";
/// let mut table = gangmu_arrow::NodeTable::new();
/// table.push_document("a", text, &gangmu::parse(text));
/// let mut file = gangmu_arrow::ParquetFile::new(Vec::new(), table.schema()).unwrap();
/// file.write(&table.finish()).unwrap();
/// let bytes = file.finish().unwrap();
/// assert_eq!(&bytes[..4], b"PAR1");
/// ```
pub struct ParquetFile<W: Write + Send> {
    writer: ArrowWriter<W>,
}

fn io_error(e: parquet::errors::ParquetError) -> std::io::Error {
    match e {
        parquet::errors::ParquetError::External(e) => std::io::Error::other(e),
        e => std::io::Error::other(e.to_string()),
    }
}

impl<W: Write + Send> ParquetFile<W> {
    /// Starts a file of tables with `schema` ([`nodes_schema`](crate::nodes_schema)
    /// or [`chunks_schema`](crate::chunks_schema)).
    ///
    /// ```
    /// assert!(gangmu_arrow::ParquetFile::new(Vec::new(), gangmu_arrow::chunks_schema()).is_ok());
    /// ```
    pub fn new(out: W, schema: SchemaRef) -> std::io::Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = ArrowWriter::try_new(out, schema, Some(props)).map_err(io_error)?;
        Ok(ParquetFile { writer })
    }

    /// Writes one batch (empty batches are skipped).
    ///
    /// ```
    /// let mut file = gangmu_arrow::ParquetFile::new(Vec::new(), gangmu_arrow::nodes_schema()).unwrap();
    /// file.write(&gangmu_arrow::NodeTable::new().finish()).unwrap();
    /// ```
    pub fn write(&mut self, batch: &RecordBatch) -> std::io::Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        self.writer.write(batch).map_err(io_error)
    }

    /// Writes the footer and returns the output.
    ///
    /// ```
    /// let file = gangmu_arrow::ParquetFile::new(Vec::new(), gangmu_arrow::nodes_schema()).unwrap();
    /// assert!(file.finish().unwrap().ends_with(b"PAR1"));
    /// ```
    pub fn finish(self) -> std::io::Result<W> {
        self.writer.into_inner().map_err(io_error)
    }
}
