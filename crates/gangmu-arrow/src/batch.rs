//! Many documents at once: inputs that may be text, bytes to decode or
//! missing; parsing them on a pool of threads into record batches; and the
//! thread count a process should use by default, which inside an engine's
//! worker is the worker's share of the machine, not the machine.

use std::sync::{Arc, Mutex};

use arrow_array::RecordBatch;
use rayon::prelude::*;

use crate::chunks::{ChunkOptions, ChunkTable};
use crate::nodes::NodeTable;

/// The environment variable that sets the default number of threads.
pub const THREADS_VAR: &str = "GANGMU_NUM_THREADS";

/// One document to process: an id and its content.
///
/// ```
/// use gangmu_arrow::{Data, Input};
/// let inputs = [
///     Input { id: "a.txt", data: Data::Text("一、总则\n正文。") },
///     Input { id: "b.txt", data: Data::Bytes("正文。".as_bytes()) },
///     Input { id: "c.txt", data: Data::Invalid("no text") },
/// ];
/// let batches = gangmu_arrow::node_batches(&inputs, 1);
/// let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
/// assert_eq!(rows, 3 + 1 + 1); // c.txt is an error row
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The document's id, written in every row (`doc_id`).
    pub id: &'a str,
    /// Its content.
    pub data: Data<'a>,
}

/// The content of an [`Input`].
#[derive(Clone, Copy, Debug)]
pub enum Data<'a> {
    /// Text, parsed as it is.
    Text(&'a str),
    /// Bytes, decoded with [`gangmu::decode`] first (UTF-8, UTF-16 with a BOM,
    /// GB18030); bytes that are not text give an error row.
    Bytes(&'a [u8]),
    /// No usable content: an error row with this reason.
    Invalid(&'a str),
}

/// What parsing one input gave.
enum Parsed<'a> {
    Doc(std::borrow::Cow<'a, str>, gangmu::Document),
    Error(String),
}

fn parse_input<'a>(data: Data<'a>) -> Parsed<'a> {
    match data {
        Data::Text(text) => Parsed::Doc(text.into(), gangmu::parse(text)),
        Data::Bytes(bytes) => match gangmu::decode(bytes) {
            Ok(decoded) => {
                let doc = gangmu::parse(&decoded.text);
                Parsed::Doc(decoded.text.into(), doc)
            }
            Err(e) => Parsed::Error(e.to_string()),
        },
        Data::Invalid(reason) => Parsed::Error(reason.to_string()),
    }
}

/// A batch's strings must stay under 2 GiB (32-bit offsets); a batch is
/// closed once its text column passes this many bytes.
const BATCH_TEXT_BYTES: usize = 256 << 20;

fn input_len(input: &Input<'_>) -> usize {
    match input.data {
        Data::Text(t) => t.len(),
        Data::Bytes(b) => b.len(),
        Data::Invalid(_) => 0,
    }
}

/// Contiguous groups of inputs, each built into batches by one thread: about
/// four groups per thread so that a large document does not leave the other
/// threads idle, and none much above 32 MB of input.
fn groups<'i, 'a>(inputs: &'i [Input<'a>], threads: usize) -> Vec<&'i [Input<'a>]> {
    let total: usize = inputs.iter().map(input_len).sum();
    let target = (total / (threads * 4).max(1)).clamp(1, 32 << 20);
    let mut out = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, input) in inputs.iter().enumerate() {
        size += input_len(input);
        if size >= target {
            out.push(&inputs[start..=i]);
            start = i + 1;
            size = 0;
        }
    }
    if start < inputs.len() {
        out.push(&inputs[start..]);
    }
    out
}

/// Parses every input (on `threads` threads) into the node table
/// (`gangmu.nodes/1`), in input order: one row per node, and one error row
/// per input that is [`Data::Invalid`] or bytes that are not text.
///
/// ```
/// use gangmu_arrow::{Data, Input};
/// let inputs: Vec<Input> = ["一、总则\n正文。", "正文。"]
///     .iter()
///     .map(|t| Input { id: "x", data: Data::Text(t) })
///     .collect();
/// let batches = gangmu_arrow::node_batches(&inputs, 2);
/// assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 4);
/// ```
pub fn node_batches(inputs: &[Input<'_>], threads: usize) -> Vec<RecordBatch> {
    let per_group = map_ordered(&groups(inputs, threads), threads, |group| {
        let mut table = NodeTable::new();
        let mut out = Vec::new();
        for input in group.iter() {
            if table.text_bytes() > BATCH_TEXT_BYTES {
                out.push(table.finish());
            }
            match parse_input(input.data) {
                Parsed::Doc(text, doc) => table.push_document(input.id, &text, &doc),
                Parsed::Error(e) => table.push_error(input.id, &e),
            }
        }
        out.push(table.finish());
        out
    });
    per_group.into_iter().flatten().collect()
}

/// Parses and chunks every input (on `threads` threads) into the chunk table
/// (`gangmu.chunks/1`), in input order, with error rows as in
/// [`node_batches`].
///
/// ```
/// use gangmu_arrow::{ChunkOptions, Data, Input};
/// let inputs = [Input { id: "a", data: Data::Text("一、总则\n正文。\n二、附则\n附文。") }];
/// let options = ChunkOptions { max_chars: 10, overlap: 0 };
/// let batches = gangmu_arrow::chunk_batches(&inputs, options, 1);
/// assert_eq!(batches[0].num_rows(), 2);
/// ```
pub fn chunk_batches(
    inputs: &[Input<'_>],
    options: ChunkOptions,
    threads: usize,
) -> Vec<RecordBatch> {
    let per_group = map_ordered(&groups(inputs, threads), threads, |group| {
        let mut table = ChunkTable::new(options);
        for input in group.iter() {
            match parse_input(input.data) {
                Parsed::Doc(text, doc) => table.push_document(input.id, &text, &doc),
                Parsed::Error(e) => table.push_error(input.id, &e),
            }
        }
        table.finish()
    });
    per_group
}

/// The number of threads to use when the caller names none:
/// `GANGMU_NUM_THREADS` if set; else `OMP_NUM_THREADS`, which Ray, Spark and
/// Dask set in their workers to the CPUs of the task (1 by default); else the
/// cores this process may run on. An invalid `GANGMU_NUM_THREADS` is an
/// error; an invalid `OMP_NUM_THREADS` is ignored.
///
/// ```
/// assert!(gangmu_arrow::default_threads().unwrap() >= 1);
/// ```
pub fn default_threads() -> Result<usize, String> {
    threads_from(
        std::env::var(THREADS_VAR).ok().as_deref(),
        std::env::var("OMP_NUM_THREADS").ok().as_deref(),
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
    )
}

fn threads_from(
    gangmu: Option<&str>,
    omp: Option<&str>,
    cores: impl FnOnce() -> usize,
) -> Result<usize, String> {
    if let Some(v) = gangmu.map(str::trim).filter(|v| !v.is_empty()) {
        return match v.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(format!(
                "{THREADS_VAR} must be a whole number of threads, at least 1 (it is {v:?})"
            )),
        };
    }
    // OMP_NUM_THREADS may list one count per nesting level ("4,2").
    let omp = omp
        .and_then(|v| v.split(',').next())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n >= 1);
    Ok(omp.unwrap_or_else(cores))
}

/// Thread pools by size, made once per process. A process forked from one
/// that had pools (a Spark or multiprocessing worker) has none of their
/// threads, so its pools are made anew.
struct Pools {
    pid: u32,
    pools: Vec<(usize, Arc<rayon::ThreadPool>)>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

fn pool(threads: usize) -> Arc<rayon::ThreadPool> {
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        // Dropping would signal threads that do not exist in this process.
        std::mem::forget(guard.take());
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        pools: Vec::new(),
    });
    if let Some((_, p)) = pools.pools.iter().find(|(n, _)| *n == threads) {
        return p.clone();
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("gangmu-{i}"))
            .build()
            .expect("a thread pool can be made"),
    );
    if pools.pools.len() >= 4 {
        pools.pools.remove(0);
    }
    pools.pools.push((threads, p.clone()));
    p
}

/// `f` applied to every item on `threads` threads, results in item order.
/// One thread runs on the calling thread, with no pool.
///
/// ```
/// let squares = gangmu_arrow::map_ordered(&[1, 2, 3], 2, |x| x * x);
/// assert_eq!(squares, [1, 4, 9]);
/// ```
pub fn map_ordered<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    pool(threads).install(|| items.par_iter().map(f).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_thread_count_follows_the_environment_in_order() {
        let cores = || 8;
        assert_eq!(threads_from(None, None, cores), Ok(8));
        assert_eq!(threads_from(Some("3"), Some("1"), cores), Ok(3));
        assert_eq!(threads_from(Some(" "), Some("2"), cores), Ok(2));
        assert_eq!(threads_from(None, Some("4,2"), cores), Ok(4));
        assert_eq!(threads_from(None, Some("many"), cores), Ok(8));
        assert_eq!(threads_from(None, Some("0"), cores), Ok(8));
        let err = threads_from(Some("0"), None, cores).unwrap_err();
        assert!(
            err.contains("GANGMU_NUM_THREADS") && err.contains("\"0\""),
            "{err}"
        );
        assert!(threads_from(Some("two"), None, cores).is_err());
    }

    #[test]
    fn groups_cover_the_inputs_in_order() {
        let texts: Vec<String> = (0..50).map(|i| "字".repeat(i * 10 + 1)).collect();
        let inputs: Vec<Input> = texts
            .iter()
            .map(|t| Input {
                id: "x",
                data: Data::Text(t),
            })
            .collect();
        for threads in [1, 2, 7] {
            let g = groups(&inputs, threads);
            assert!(g.len() >= threads.min(inputs.len()) && g.len() <= 4 * threads + 1);
            let flat: Vec<*const Input> = g
                .iter()
                .flat_map(|g| g.iter())
                .map(|i| i as *const _)
                .collect();
            let all: Vec<*const Input> = inputs.iter().map(|i| i as *const _).collect();
            assert_eq!(flat, all);
        }
        assert!(groups(&[], 2).is_empty());
    }

    #[test]
    fn batches_are_the_same_whatever_the_thread_count() {
        let texts: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "关于第{i}次检查的通知\n\n一、检查内容\n正文{i}。一是查制度；二是查落实。\n"
                )
            })
            .collect();
        let ids: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let mut inputs: Vec<Input> = texts
            .iter()
            .zip(&ids)
            .map(|(t, id)| Input {
                id,
                data: Data::Text(t),
            })
            .collect();
        inputs[3].data = Data::Bytes(b"\x00\x01\x02binary");
        inputs[7].data = Data::Bytes(texts[7].as_bytes());
        inputs[9].data = Data::Invalid("None is not a document");
        let concat = |b: Vec<RecordBatch>| arrow_select_concat(&b);
        let one = concat(node_batches(&inputs, 1));
        for threads in [2, 3] {
            assert_eq!(concat(node_batches(&inputs, threads)), one);
        }
        let errors: Vec<String> = one
            .iter()
            .filter(|r| r.1 == "error")
            .map(|r| r.0.clone())
            .collect();
        assert_eq!(errors, ["3", "9"]);
        let chunks_one = chunk_batches(&inputs, ChunkOptions::default(), 1);
        let chunks_two = chunk_batches(&inputs, ChunkOptions::default(), 2);
        let rows = |b: &[RecordBatch]| b.iter().map(|b| b.num_rows()).sum::<usize>();
        assert_eq!(rows(&chunks_one), rows(&chunks_two));
        let per_doc: usize = inputs
            .iter()
            .filter_map(|i| match i.data {
                Data::Text(t) => Some(gangmu::chunk::chunks(t, &gangmu::parse(t), 1000, 0).len()),
                Data::Bytes(b) => std::str::from_utf8(b)
                    .ok()
                    .map(|t| gangmu::chunk::chunks(t, &gangmu::parse(t), 1000, 0).len()),
                Data::Invalid(_) => None,
            })
            .sum();
        assert_eq!(
            rows(&chunks_one),
            per_doc + 2,
            "the chunks and two error rows"
        );
    }

    /// (doc_id, type) of every row, across batches.
    fn arrow_select_concat(batches: &[RecordBatch]) -> Vec<(String, String)> {
        use arrow_array::cast::AsArray;
        let mut out = Vec::new();
        for b in batches {
            let ids = b.column_by_name("doc_id").unwrap().as_string::<i32>();
            let types = b.column_by_name("type").unwrap().as_string::<i32>();
            for i in 0..b.num_rows() {
                out.push((ids.value(i).to_string(), types.value(i).to_string()));
            }
        }
        out
    }

    #[test]
    fn a_forked_process_gets_new_pools() {
        // The same process reuses its pool.
        assert!(Arc::ptr_eq(&pool(2), &pool(2)));
        // A recorded pid that is not ours (as after a fork) drops the pools.
        let before = pool(3);
        POOLS.lock().unwrap().as_mut().unwrap().pid = u32::MAX;
        let after = pool(3);
        assert!(!Arc::ptr_eq(&before, &after));
    }
}
