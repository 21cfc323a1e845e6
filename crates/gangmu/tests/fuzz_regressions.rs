//! Replays every saved fuzz crash, `tests/fuzz-regressions/NNNN-TARGET-what.txt`,
//! through the same property checks as its fuzz target (the shared
//! `support/invariants.rs`), with plain `cargo test`.
//!
//! Files listed in `tests/fuzz-regressions/KNOWN_FAILING` fail today and wait
//! for a parser fix; they are replayed only by the ignored test below
//! (`cargo test --test fuzz_regressions -- --ignored`). Once fixed, delete their
//! line from KNOWN_FAILING.

#[path = "support/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz-regressions")
}

fn known_failing() -> Vec<String> {
    std::fs::read_to_string(regressions_dir().join("KNOWN_FAILING"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Every regression file, with its target: `(name, target, path)`.
fn regressions() -> Vec<(String, String, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(regressions_dir()).expect("tests/fuzz-regressions exists") {
        let path = entry.expect("readable entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let mut parts = name.splitn(3, '-');
        let (Some(num), Some(target)) = (parts.next(), parts.next()) else {
            continue;
        };
        if num.len() != 4 || !num.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        out.push((name.clone(), target.to_string(), path));
    }
    out.sort();
    out
}

/// Runs `f` on another thread and fails if it does not finish in time: a hang
/// or quadratic blow-up shows as a timeout rather than a test that never ends.
fn within(limit: Duration, what: &str, f: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        f();
        let _ = tx.send(());
    });
    match rx.recv_timeout(limit) {
        Ok(()) => handle.join().expect("the check should not panic"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            if let Err(e) = handle.join() {
                std::panic::resume_unwind(e)
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what} should finish within {limit:?}: superlinear time or a hang")
        }
    }
}

/// Replays one input through its target's properties.
fn replay(target: &str, path: &Path) {
    let data = std::fs::read(path).expect("readable regression file");
    let text = || String::from_utf8(data.clone());
    match target {
        "parse" => match std::str::from_utf8(&data) {
            Ok(t) => {
                invariants::check_parse(t);
            }
            Err(_) => {
                if let Ok(d) = gangmu::decode(&data) {
                    invariants::check_parse(&d.text);
                }
            }
        },
        "lint" => invariants::check_lint(&text().expect("UTF-8")),
        "fix" => invariants::check_fix(&text().expect("UTF-8")),
        "json_roundtrip" => invariants::check_json_roundtrip(&text().expect("UTF-8")),
        "markers" => {
            let n = if data.len() >= 4 {
                u32::from_le_bytes([data[0], data[1], data[2], data[3]])
            } else {
                1
            };
            let rest = if data.len() >= 4 {
                &data[4..]
            } else {
                &data[..]
            };
            if let Ok(t) = std::str::from_utf8(rest) {
                invariants::check_markers(t, n, true);
            }
        }
        "linear_time" => {
            // The fuzz target counts allocations; here the unit is repeated
            // into a 4 MB document that a linear parser reads in a few seconds
            // even in a debug build, and a quadratic one does not.
            let unit = text().expect("UTF-8");
            let times = 4_000_000 / unit.len().max(1);
            let doc = invariants::repeat_unit(&unit, times);
            let limit = if cfg!(debug_assertions) { 60 } else { 10 };
            within(
                Duration::from_secs(limit),
                &format!("parsing {} bytes of {unit:?}", doc.len()),
                move || {
                    std::hint::black_box(gangmu::parse(&doc));
                },
            );
        }
        other => panic!("unknown fuzz target {other} in a regression file name"),
    }
}

#[test]
fn every_saved_fuzz_crash_passes_its_target() {
    let skip = known_failing();
    let mut replayed = 0;
    for (name, target, path) in regressions() {
        if skip.contains(&name) {
            eprintln!("skipping {name}: listed in KNOWN_FAILING");
            continue;
        }
        eprintln!("replaying {name}");
        replay(&target, &path);
        replayed += 1;
    }
    eprintln!("{replayed} regression(s) replayed");
}

#[test]
#[ignore = "fails until the lead fixes the parser: see tests/fuzz-regressions/KNOWN_FAILING"]
fn known_failing_regressions_pass_once_fixed() {
    let skip = known_failing();
    let mut failures = Vec::new();
    for (name, target, path) in regressions() {
        if !skip.contains(&name) {
            continue;
        }
        let result = std::panic::catch_unwind(|| replay(&target, &path));
        if result.is_err() {
            failures.push(name);
        }
    }
    assert!(failures.is_empty(), "still failing: {failures:?}");
}

#[test]
fn the_known_failing_list_names_existing_files() {
    let names: Vec<String> = regressions().into_iter().map(|(n, _, _)| n).collect();
    for k in known_failing() {
        assert!(
            names.contains(&k),
            "KNOWN_FAILING lists {k}, which does not exist"
        );
    }
}
