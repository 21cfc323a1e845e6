//! `gangmu parse --format jsonl` and `gangmu chunk`: JSON lines for pipelines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gangmu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("gangmu runs")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON value"))
        .collect()
}

/// The text fixtures at the top of tests/fixtures, as paths relative to the
/// repository (the folder also holds .docx and page fixtures in subfolders).
fn fixture_args() -> Vec<String> {
    fixtures()
        .iter()
        .map(|f| f.strip_prefix(repo()).unwrap().display().to_string())
        .collect()
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// A directory with two fixtures and a file that is not text.
fn mixed_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gangmu-jsonl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let f = fixtures();
    std::fs::copy(&f[0], dir.join("a.txt")).unwrap();
    std::fs::write(dir.join("b.txt"), b"\x00\x01\x02 binary").unwrap();
    std::fs::copy(&f[1], dir.join("c.txt")).unwrap();
    dir
}

#[test]
fn parse_jsonl_gives_one_line_per_document_with_its_path_and_tree() {
    let files = fixture_args();
    let mut args: Vec<&str> = vec!["parse"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--format", "jsonl"]);
    let out = gangmu(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out);
    let files = fixtures();
    assert_eq!(docs.len(), files.len());
    for (doc, file) in docs.iter().zip(&files) {
        let rel = file.strip_prefix(repo()).unwrap();
        assert_eq!(
            doc["path"],
            Path::new("tests/fixtures")
                .join(rel.file_name().unwrap())
                .display()
                .to_string()
        );
        assert_eq!(doc["encoding"], "utf-8");
        // The tree is the one `--format json` prints for the file alone.
        let alone = gangmu(&["parse", "--format", "json", file.to_str().unwrap()]);
        let tree: Value = serde_json::from_slice(&alone.stdout).unwrap();
        assert_eq!(doc["document"], tree, "{}", file.display());
    }
}

#[test]
fn an_undecodable_file_is_an_error_line_and_exit_status_2() {
    let dir = mixed_dir("parse");
    let out = gangmu(&["parse", "--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3, "every input has its line");
    assert!(docs[0]["document"].is_object() && docs[2]["document"].is_object());
    assert!(docs[1]["path"].as_str().unwrap().ends_with("b.txt"));
    assert!(docs[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("binary content"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 3 inputs could not be read"));

    let chunks = gangmu(&["chunk", dir.to_str().unwrap()]);
    assert_eq!(chunks.status.code(), Some(2));
    let errors: Vec<Value> = lines(&chunks)
        .into_iter()
        .filter(|c| !c["error"].is_null())
        .collect();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["doc_id"].as_str().unwrap().ends_with("b.txt"));
    assert_eq!(errors[0]["text"], "");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn chunk_lines_are_the_chunk_table_rows_and_slice_their_file() {
    let files = fixture_args();
    let mut args: Vec<&str> = vec!["chunk"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--max-chars", "200", "--overlap", "20"]);
    let out = gangmu(&args);
    assert!(out.status.success());
    let chunks = lines(&out);
    let columns: Vec<String> = gangmu_arrow::chunks_schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let mut per_file = std::collections::BTreeMap::<String, Vec<i64>>::new();
    for c in &chunks {
        let mut keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        let mut want: Vec<&String> = columns.iter().collect();
        keys.sort();
        want.sort();
        assert_eq!(keys, want, "one key per column of gangmu.chunks/1");
        let path = c["doc_id"].as_str().unwrap();
        let text = std::fs::read_to_string(repo().join(path)).unwrap();
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(slice, c["text"].as_str().unwrap());
        assert!(c["text"].as_str().unwrap().chars().count() <= 200);
        per_file
            .entry(path.to_string())
            .or_default()
            .push(c["chunk_id"].as_i64().unwrap());
    }
    assert_eq!(per_file.len(), fixtures().len());
    for ids in per_file.values() {
        assert_eq!(
            *ids,
            (0..ids.len() as i64).collect::<Vec<_>>(),
            "chunk ids count from 0 per file"
        );
    }
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    for cmd in ["parse", "chunk"] {
        let mut args = vec![cmd, "tests/fixtures", "tests/corpus"];
        if cmd == "parse" {
            args.extend(["--format", "jsonl"]);
        }
        let one = gangmu(&[&args[..], &["--threads", "1"]].concat());
        let two = gangmu(&[&args[..], &["--threads", "3"]].concat());
        assert!(one.status.success());
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, two.stdout, "{cmd}");
    }
}

#[test]
fn bad_arguments_exit_2() {
    let zero = gangmu(&["chunk", "tests/fixtures", "--threads", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    let overlap = gangmu(&[
        "chunk",
        "tests/fixtures",
        "--max-chars",
        "10",
        "--overlap",
        "10",
    ]);
    assert_eq!(overlap.status.code(), Some(2));
    assert!(overlap.stdout.is_empty());
    let bad_env = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(["chunk", "tests/fixtures"])
        .env("GANGMU_NUM_THREADS", "many")
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(bad_env.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_env.stderr).contains("GANGMU_NUM_THREADS"));
}
