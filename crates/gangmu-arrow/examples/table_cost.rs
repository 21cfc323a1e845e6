//! What the tables cost on top of parsing, on one thread:
//!
//! ```sh
//! cargo run --release -p gangmu-arrow --example table_cost -- tests/corpus
//! ```
//!
//! prints the time to parse every `.txt` file of the directory, to parse and
//! build the node table, and to parse, chunk and build the chunk table (best
//! of several rounds, so run it on a quiet machine or compare within one run).

use std::time::{Duration, Instant};

use gangmu_arrow::{ChunkOptions, ChunkTable, NodeTable};

fn best(rounds: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut out = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        out = f();
        best = best.min(t.elapsed());
    }
    (best, out)
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/corpus".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a directory of .txt files")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let docs: Vec<gangmu::Document> = texts.iter().map(|t| gangmu::parse(t)).collect();
    let rounds = 10;
    let report = |what: &str, (t, rows): (Duration, usize)| {
        let s = t.as_secs_f64();
        println!(
            "{what:<28} {:8.2} ms {:8.1} MB/s {:8} rows {:7.0} ns/row",
            s * 1e3,
            mb / s,
            rows,
            if rows > 0 { s * 1e9 / rows as f64 } else { 0.0 }
        );
    };
    println!("{} files, {mb:.2} MB", texts.len());
    report(
        "parse",
        best(rounds, || {
            texts.iter().map(|t| gangmu::parse(t).children.len()).sum()
        }),
    );
    report(
        "node table (parsed trees)",
        best(rounds, || {
            let mut t = NodeTable::new();
            for (i, (text, doc)) in texts.iter().zip(&docs).enumerate() {
                t.push_document(&i.to_string(), text, doc);
            }
            t.finish().num_rows()
        }),
    );
    report(
        "chunks (parsed trees)",
        best(rounds, || {
            texts
                .iter()
                .zip(&docs)
                .map(|(t, d)| gangmu::chunk::chunks(t, d, 1000, 0).len())
                .sum()
        }),
    );
    report(
        "chunk table (parsed trees)",
        best(rounds, || {
            let mut t = ChunkTable::new(ChunkOptions::default());
            for (i, (text, doc)) in texts.iter().zip(&docs).enumerate() {
                t.push_document(&i.to_string(), text, doc);
            }
            t.finish().num_rows()
        }),
    );
}
