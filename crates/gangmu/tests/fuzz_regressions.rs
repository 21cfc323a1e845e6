//! Replays every saved fuzz crash, `tests/fuzz-regressions/NNNN-TARGET-what.txt`,
//! through the same property checks as its fuzz target (the shared
//! `support/invariants.rs`), with plain `cargo test`; and puts every document
//! the tests can read (fixtures, the official corpus and the scraped pages
//! where present) through the text properties of the fuzz targets.

#[path = "support/corpora.rs"]
mod corpora;
#[path = "support/docx_input.rs"]
mod docx_input;
#[path = "support/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz-regressions")
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
        "docx" => docx_input::check_docx(&data),
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
                invariants::check_markers(t, n);
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
                &format!(
                    "parsing {} bytes (and linting half as many) of {unit:?}",
                    doc.len()
                ),
                move || {
                    std::hint::black_box(gangmu::parse(&doc));
                    // The linter too, on half as much text (the
                    // fuzz target checks both; ENUM003 was quadratic here).
                    let lint_doc = invariants::repeat_unit(&unit, times / 2);
                    let config = gangmu::lint::Config::default();
                    std::hint::black_box(gangmu::lint::lint(&lint_doc, &config));
                },
            );
        }
        other => panic!("unknown fuzz target {other} in a regression file name"),
    }
}

#[test]
fn every_saved_fuzz_crash_passes_its_target() {
    let all = regressions();
    assert!(
        !all.is_empty(),
        "tests/fuzz-regressions should hold the saved crashes"
    );
    for (name, target, path) in &all {
        eprintln!("replaying {name}");
        replay(target, path);
    }
    eprintln!("{} regression(s) replayed", all.len());
}

#[test]
fn every_document_passes_the_fuzz_properties() {
    let files = corpora::all_documents();
    assert!(!files.is_empty(), "should find the fixtures");
    for f in files {
        let bytes = std::fs::read(&f).expect("readable document");
        let text = gangmu::decode(&bytes).expect("decodable document").text;
        eprintln!("checking {}", f.display());
        invariants::check_parse(&text);
        invariants::check_json_roundtrip(&text);
        invariants::check_lint(&text);
        invariants::check_fix(&text);
    }
}

#[test]
fn the_docx_seeds_pass_the_docx_property() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds-docx");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/seeds-docx exists") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let read = gangmu::docx::read(&docx_input::docx_from(&data));
        let t = read.unwrap_or_else(|e| panic!("{}: seeds should read: {e}", path.display()));
        assert!(!t.text.is_empty());
        docx_input::check_docx(&data);
        n += 1;
    }
    assert!(n >= 4, "the docx seeds are in fuzz/seeds-docx");
}
