//! Single-threaded throughput of `parse`, `lint` and parse+lint, for
//! `scripts/bench` and for measuring peak memory with `/usr/bin/time -v`.
//!
//! ```text
//! cargo run --release --example throughput -- corpus ../shared/corpus [SECONDS]
//! cargo run --release --example throughput -- synthetic 50 [parse|lint|both|none]
//! ```
//!
//! `corpus DIR` parses every `.txt` file of DIR repeatedly for about SECONDS
//! (default 3) per operation and prints one line per operation:
//! `parse <bytes> <seconds> <MB/s>`. `synthetic N` builds an N MB synthetic
//! document, runs the operation once and prints the same line; run it under
//! `/usr/bin/time -v` to read the peak resident set size.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::{Duration, Instant};

fn op(name: &str, text: &str) -> usize {
    match name {
        "parse" => black_box(gangmu::parse(text)).children.len(),
        "lint" => {
            let doc = gangmu::parse(text);
            black_box(gangmu::lint::lint_document(
                text,
                &doc,
                &gangmu::lint::Config::default(),
            ))
            .len()
        }
        // Builds the input only: the baseline for peak-memory measurements.
        "none" => black_box(text.len()),
        "both" => black_box(gangmu::lint::lint(text, &gangmu::lint::Config::default())).len(),
        other => panic!("unknown operation {other} (parse, lint or both)"),
    }
}

fn report(name: &str, bytes: usize, elapsed: Duration) {
    let secs = elapsed.as_secs_f64();
    println!("{name} {bytes} {secs:.4} {:.1}", bytes as f64 / secs / 1e6);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("corpus") => {
            let dir = args.get(1).expect("corpus DIR [SECONDS]");
            let seconds: f64 = args.get(2).map_or(3.0, |s| s.parse().expect("SECONDS"));
            let mut texts = Vec::new();
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .expect("corpus directory")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for p in paths {
                let bytes = std::fs::read(&p).expect("readable file");
                texts.push(gangmu::decode(&bytes).expect("decodable corpus").text);
            }
            let total: usize = texts.iter().map(String::len).sum();
            for name in ["parse", "both"] {
                // One warm-up pass, then whole passes until the time is spent.
                for t in &texts {
                    op(name, t);
                }
                let started = Instant::now();
                let mut bytes = 0;
                while started.elapsed().as_secs_f64() < seconds {
                    for t in &texts {
                        op(name, t);
                    }
                    bytes += total;
                }
                report(name, bytes, started.elapsed());
            }
        }
        Some("synthetic") => {
            let mb: usize = args.get(1).map_or(50, |s| s.parse().expect("MB"));
            let name = args.get(2).map_or("parse", String::as_str);
            let text = synthetic::document(mb * 1_000_000);
            let started = Instant::now();
            op(name, &text);
            report(name, text.len(), started.elapsed());
        }
        _ => {
            eprintln!("usage: throughput corpus DIR [SECONDS] | throughput synthetic MB [parse|lint|both|none]");
            std::process::exit(2);
        }
    }
}
