//! `gangmu serve` under load, on loopback only: rounds of 200 concurrent
//! requests of mixed sizes and endpoints, every answer checked against the
//! library's own result, the server's resident memory read from /proc before
//! and after, bounded in count (4 rounds) and time (asserted).
//!
//! `scripts/test-serve.sh` runs it against the release binary
//! (`GANGMU_BIN=target/release/gangmu`) with `--nocapture` to print the
//! figures (requests per second, latency percentiles, memory); against the
//! debug binary of `cargo test` its large documents are smaller.

mod serve_http;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serve_http::{faulty_draft, repo, Server};

const CONCURRENT: usize = 200;
/// Measured rounds and warm-up rounds against the release server (one less
/// of each against the debug binary of `cargo test`).
const ROUNDS: usize = 5;
const WARM_UP: usize = 2;

/// What a request sends and what its answer must be.
struct Case {
    method: &'static str,
    path: &'static str,
    body: String,
    check: Check,
}

type Check = Box<dyn Fn(&serve_http::Response) -> Result<(), String> + Send + Sync>;

/// The CONCURRENT requests of a round: three in four small (a draft or a
/// fixture, 0.6 to 12 KB), one in five medium (30 KB), one in twenty large
/// (300 KB; 30 KB against a debug server); endpoints in turn.
fn cases(full: bool) -> Vec<Case> {
    let draft = faulty_draft();
    let mut small = vec![draft.clone()];
    for name in [
        "notice_full_elements.txt",
        "regulation_with_parts.txt",
        "meeting_minutes.txt",
    ] {
        small.push(std::fs::read_to_string(repo().join("tests/fixtures").join(name)).unwrap());
    }
    let medium = draft.repeat(50);
    let large = draft.repeat(if full { 500 } else { 50 });
    let config = gangmu::lint::Config::default();
    let n_rules = gangmu::lint::rules().len();
    (0..CONCURRENT)
        .map(|i| {
            let doc = if i % 20 == 7 {
                large.clone()
            } else if i % 5 == 1 {
                medium.clone()
            } else {
                small[i % small.len()].clone()
            };
            let (method, path, check): (_, _, Check) = match i % 6 {
                0 | 5 => {
                    let rules: Vec<String> = gangmu::lint::lint(&doc, &config)
                        .into_iter()
                        .map(|d| d.rule)
                        .collect();
                    (
                        "POST",
                        "/v1/lint",
                        Box::new(move |r| {
                            let v = r.json();
                            let got: Vec<&str> = v["findings"]
                                .as_array()
                                .ok_or("no findings")?
                                .iter()
                                .map(|f| f["rule"].as_str().unwrap_or(""))
                                .collect();
                            (got == rules).then_some(()).ok_or(format!(
                                "{} findings, expected {}",
                                got.len(),
                                rules.len()
                            ))
                        }),
                    )
                }
                1 => {
                    let tree = gangmu::parse(&doc).to_json();
                    (
                        "POST",
                        "/v1/parse",
                        Box::new(move |r| {
                            (r.body == tree.as_bytes())
                                .then_some(())
                                .ok_or("tree differs".into())
                        }),
                    )
                }
                2 | 4 => {
                    let fixed = gangmu::lint::fix(&doc, &config, false);
                    (
                        "POST",
                        "/v1/fix",
                        Box::new(move |r| {
                            (r.json()["text"] == fixed.as_str())
                                .then_some(())
                                .ok_or("fixed text differs".into())
                        }),
                    )
                }
                _ if i % 12 == 3 => (
                    "GET",
                    "/v1/rules",
                    Box::new(move |r| {
                        (r.json()["rules"].as_array().map(Vec::len) == Some(n_rules))
                            .then_some(())
                            .ok_or("rules".into())
                    }),
                ),
                _ => (
                    "GET",
                    "/",
                    Box::new(|r| r.text().contains("纲目").then_some(()).ok_or("page".into())),
                ),
            };
            let body = if method == "GET" { String::new() } else { doc };
            Case {
                method,
                path,
                body,
                check,
            }
        })
        .collect()
}

/// One round: CONCURRENT requests started together. Returns the time from
/// the start to the last answer and each request's latency; the answers are
/// checked after the round, so that checking does not count as waiting.
fn round(s: &Server, cases: &Arc<Vec<Case>>) -> (Duration, Vec<Duration>) {
    let barrier = Arc::new(Barrier::new(CONCURRENT + 1));
    let addr = s.addr;
    let host = s.host();
    let threads: Vec<_> = (0..CONCURRENT)
        .map(|i| {
            let (barrier, cases, host) = (barrier.clone(), cases.clone(), host.clone());
            std::thread::spawn(move || {
                let case = &cases[i];
                let headers = [
                    ("Host".to_string(), host),
                    ("Content-Type".to_string(), "text/plain".to_string()),
                ];
                barrier.wait();
                let started = Instant::now();
                let r =
                    serve_http::send(addr, case.method, case.path, &headers, case.body.as_bytes());
                (started.elapsed(), Instant::now(), r)
            })
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    let answers: Vec<_> = threads
        .into_iter()
        .map(|t| t.join().expect("a client thread"))
        .collect();
    let wall = answers.iter().map(|(_, end, _)| *end).max().unwrap() - started;
    for ((_, _, r), case) in answers.iter().zip(cases.iter()) {
        assert_eq!(
            r.status,
            200,
            "{} {} should succeed under load: {}",
            case.method,
            case.path,
            r.text()
        );
        if let Err(e) = (case.check)(r) {
            panic!(
                "{} {} answered wrongly under load: {e}",
                case.method, case.path
            );
        }
    }
    (wall, answers.into_iter().map(|(took, _, _)| took).collect())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let k = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[k].as_secs_f64() * 1000.0
}

#[test]
fn rounds_of_200_concurrent_requests_are_all_answered_correctly_without_memory_growth() {
    let started = Instant::now();
    let s = Server::start(&["--quiet", "--timeout", "60s"]);
    let full = std::env::var_os("GANGMU_BIN").is_some() || !cfg!(debug_assertions);
    let cases = Arc::new(cases(full));
    let bytes: usize = cases.iter().map(|c| c.body.len()).sum();
    let idle = s.rss_kib();
    // Warm-up: the allocator's arenas (one per thread that ran an analysis)
    // and the rule catalogue are set up once.
    let (warm_up, rounds) = if full {
        (WARM_UP, ROUNDS)
    } else {
        (WARM_UP - 1, ROUNDS - 1)
    };
    let mut before = 0;
    for _ in 0..warm_up {
        round(&s, &cases);
        before = before.max(s.rss_kib());
    }
    let mut all = Vec::new();
    let mut rates = Vec::new();
    let mut after = Vec::new();
    for _ in 0..rounds {
        let (wall, latencies) = round(&s, &cases);
        rates.push(CONCURRENT as f64 / wall.as_secs_f64());
        all.extend(latencies);
        after.push(s.rss_kib());
    }
    all.sort();
    let took = started.elapsed();
    println!(
        "serve load: {rounds} rounds of {CONCURRENT} concurrent requests ({:.1} MB sent per round), server: {}",
        bytes as f64 / 1e6,
        s.binary
    );
    println!(
        "  requests/s per round: {}",
        rates
            .iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "  latency ms: p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        percentile(&all, 0.5),
        percentile(&all, 0.9),
        percentile(&all, 0.99),
        percentile(&all, 1.0)
    );
    println!(
        "  RSS MiB: idle {:.1}, after {warm_up} warm-up round(s) (highest) {:.1}, after each round {}",
        idle as f64 / 1024.0,
        before as f64 / 1024.0,
        after
            .iter()
            .map(|k| format!("{:.1}", *k as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("  whole test: {:.1} s", took.as_secs_f64());
    // No growth: the rounds after the warm-up end where it ended, within the
    // allocator's slack (which thread's arena holds what varies from round to
    // round by about 15 MiB here): a quarter, at least 16 MiB. A leak of the
    // answers (20 KB a request on average) would add 20 MiB over the rounds.
    let slack = (before / 4).max(16 * 1024);
    let last = *after.last().unwrap();
    assert!(
        last <= before + slack,
        "memory should not grow with the rounds: {before} KiB after warm-up, {last} KiB after {rounds} rounds"
    );
    assert!(
        took < Duration::from_secs(180),
        "the load test is bounded in time: {took:?}"
    );
}
