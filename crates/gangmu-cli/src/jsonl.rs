//! `gangmu parse --format jsonl` and `gangmu chunk`: JSON lines for pipelines,
//! files read, parsed and rendered on several threads, written in input order.
//! An input that cannot be read or decoded is a line with an `error`, not the
//! end of the run; the exit status is then 2.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gangmu_arrow::ChunkOptions;

use super::collect_inputs;

/// Files handled per round: enough to keep every thread busy, few enough to
/// bound memory on a large directory.
const ROUND: usize = 256;

/// One input's outcome.
enum Outcome {
    Text(crate::Loaded),
    Error(String),
}

fn load(path: &Path) -> (String, Outcome) {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        let read = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
        ("<stdin>".to_string(), read)
    } else {
        (path.display().to_string(), std::fs::read(path))
    };
    let outcome = match bytes {
        // A .docx (recognised by content) or text in any encoding we read.
        Ok(bytes) => match crate::load(&name, &bytes) {
            Ok(d) => Outcome::Text(d),
            Err(e) => Outcome::Error(
                e.strip_prefix(&format!("{name}: "))
                    .unwrap_or(&e)
                    .to_string(),
            ),
        },
        Err(e) => Outcome::Error(e.to_string()),
    };
    (name, outcome)
}

/// Renders every input with `render` (its name and its decoded text, or the
/// reason it could not be read) and writes the results in input order.
fn run(
    paths: &[PathBuf],
    threads: usize,
    render: impl Fn(&str, &Outcome) -> String + Sync + Send,
) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    let files = match collect_inputs(&paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for round in files.chunks(ROUND) {
        let lines = gangmu_arrow::map_ordered(round, threads, |path| {
            let (name, outcome) = load(path);
            let failed = matches!(outcome, Outcome::Error(_));
            (render(&name, &outcome), failed)
        });
        for (text, is_error) in lines {
            failed += usize::from(is_error);
            if out.write_all(text.as_bytes()).is_err() {
                return ExitCode::SUCCESS; // closed pipe
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed > 0 {
        eprintln!(
            "gangmu: {failed} of {} inputs could not be read",
            files.len()
        );
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

/// `gangmu parse --format jsonl`: one line per document,
/// `{"path", "encoding", "document"}` with the `gangmu/1` tree, or
/// `{"path", "error"}`.
pub(crate) fn run_parse(paths: &[PathBuf], threads: usize) -> ExitCode {
    run(paths, threads, |name, outcome| match outcome {
        Outcome::Text(d) => format!(
            "{{\"path\":{},\"encoding\":{},\"document\":{}}}\n",
            json_str(name),
            json_str(d.encoding_name()),
            d.parse().to_json()
        ),
        Outcome::Error(e) => format!(
            "{{\"path\":{},\"error\":{}}}\n",
            json_str(name),
            json_str(e)
        ),
    })
}

/// `gangmu chunk --format jsonl`: one line per chunk, the columns of the
/// `gangmu.chunks/1` table with the path as `doc_id`; one error row per input
/// that could not be read.
pub(crate) fn run_chunk(paths: &[PathBuf], options: ChunkOptions, threads: usize) -> ExitCode {
    run(paths, threads, |name, outcome| {
        let mut out = String::new();
        match outcome {
            Outcome::Text(d) => {
                gangmu_arrow::chunk_json_lines(name, d.text(), &d.parse(), options, &mut out)
            }
            Outcome::Error(e) => gangmu_arrow::chunk_error_json_line(name, e, &mut out),
        }
        out
    })
}
