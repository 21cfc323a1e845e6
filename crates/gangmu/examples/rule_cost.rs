//! Time spent by each lint rule over a directory of documents (one thread).
//!
//! ```text
//! cargo run --release --example rule_cost -- ../shared/corpus
//! ```
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(
                gangmu::decode(&std::fs::read(&p).expect("read"))
                    .expect("decode")
                    .text,
            );
        }
    }
    let docs: Vec<_> = texts.iter().map(|t| gangmu::parse(t)).collect();
    let total: usize = texts.iter().map(String::len).sum();
    let reps = 20;
    let time = |cfg: &gangmu::lint::Config| {
        let t = Instant::now();
        for _ in 0..reps {
            for (t, d) in texts.iter().zip(&docs) {
                std::hint::black_box(gangmu::lint::lint_document(t, d, cfg));
            }
        }
        t.elapsed().as_secs_f64() / reps as f64
    };
    let t = Instant::now();
    for _ in 0..reps {
        for t in &texts {
            std::hint::black_box(gangmu::parse(t));
        }
    }
    let parse = t.elapsed().as_secs_f64() / reps as f64;
    let all = time(&gangmu::lint::Config::default());
    let none = time(&gangmu::lint::Config {
        select: Some(vec![]),
        ..Default::default()
    });
    println!(
        "parse {:.2} ms ({:.0} MB/s); lint all {:.2} ms ({:.0} MB/s); context only {:.2} ms",
        parse * 1e3,
        total as f64 / parse / 1e6,
        all * 1e3,
        total as f64 / all / 1e6,
        none * 1e3
    );
    let mut rows = Vec::new();
    for r in gangmu::lint::rules() {
        let cfg = gangmu::lint::Config {
            select: Some(vec![r.id.to_string()]),
            ..Default::default()
        };
        rows.push((time(&cfg) - none, r.id));
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, id) in rows.iter().take(25) {
        println!("{id:10} {:.3} ms", t * 1e3);
    }
}
