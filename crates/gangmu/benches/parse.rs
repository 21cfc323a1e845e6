//! Throughput of `parse`, `lint` and parse+lint, single-threaded, in MB/s
//! (decimal megabytes): over the documents of the official corpus
//! (`GANGMU_CORPUS`, default `../shared/corpus`; skipped, in one line, when
//! it is absent) and over a synthetic document of 50 MB (`GANGMU_BENCH_MB` to
//! change the size, 0 to skip it).
//!
//! ```text
//! cargo bench -p gangmu --bench parse
//! ```
//!
//! Peak memory for the 50 MB document is measured by running
//! `examples/throughput.rs` under `/usr/bin/time -v` (see docs/performance.md).

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

#[path = "../tests/support/corpora.rs"]
mod corpora;
#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gangmu::lint::{self, Config};

fn corpus() -> Vec<String> {
    let Some(set) = corpora::official() else {
        return Vec::new();
    };
    corpora::txt_files(&set.texts)
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("readable corpus file");
            gangmu::decode(&bytes).expect("decodable corpus file").text
        })
        .collect()
}

fn bench_corpus(c: &mut Criterion) {
    let texts = corpus();
    if texts.is_empty() {
        return;
    }
    let total: usize = texts.iter().map(String::len).sum();
    let config = Config::default();
    let docs: Vec<_> = texts.iter().map(|t| gangmu::parse(t)).collect();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::BytesDecimal(total as u64));
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(gangmu::parse(black_box(t)));
            }
        })
    });
    g.bench_function("lint", |b| {
        b.iter(|| {
            for (t, d) in texts.iter().zip(&docs) {
                black_box(lint::lint_document(black_box(t), d, &config));
            }
        })
    });
    g.bench_function("parse+lint", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(lint::lint(black_box(t), &config));
            }
        })
    });
    g.finish();
}

fn bench_synthetic(c: &mut Criterion) {
    let mb: usize = std::env::var("GANGMU_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    if mb == 0 {
        return;
    }
    let text = synthetic::document(mb * 1_000_000);
    let config = Config::default();
    let doc = gangmu::parse(&text);
    let mut g = c.benchmark_group(format!("synthetic_{mb}mb"));
    g.throughput(Throughput::BytesDecimal(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("parse", |b| {
        b.iter(|| black_box(gangmu::parse(black_box(&text))))
    });
    g.bench_function("lint", |b| {
        b.iter(|| black_box(lint::lint_document(black_box(&text), &doc, &config)))
    });
    g.bench_function("parse+lint", |b| {
        b.iter(|| black_box(lint::lint(black_box(&text), &config)))
    });
    g.finish();
}

criterion_group!(benches, bench_corpus, bench_synthetic);
criterion_main!(benches);
