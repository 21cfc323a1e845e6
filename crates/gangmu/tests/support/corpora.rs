//! The texts the corpus-wide tests read, and where they come from.
//!
//! - The official documents: `GANGMU_CORPUS`, default `../shared/corpus`
//!   beside the repository. CI always has it and sets
//!   `GANGMU_REQUIRE_CORPUS=1`, so its absence fails there; elsewhere a test
//!   says so in one line and goes on.
//! - The restored scraped pages: `GANGMU_SCRAPED`, default `.scraped` in the
//!   repository (git-ignored; restore them as the developers' guide says).
//!   Absent in CI: one line, never a failure.
//! - The fixtures (`tests/fixtures/*.txt`) and the faulty drafts
//!   (`tests/fixtures/drafts/*.txt`): written for the project, always there.
//!
//! A relative path in an environment variable is taken from the repository's
//! root. Texts are decoded as the CLI decodes them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One text of a corpus.
pub struct Input {
    /// Which set it belongs to (`corpus`, `scraped`, `fixtures`, `drafts`).
    pub set: &'static str,
    /// The file name (`report_gwr_1954_wikisource.txt`).
    pub name: String,
    /// Its path.
    pub path: PathBuf,
    /// The decoded text.
    pub text: String,
}

/// The repository's root.
pub fn repo() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    p.canonicalize().unwrap_or(p)
}

fn dir_from(var: &str, default: PathBuf) -> PathBuf {
    match std::env::var_os(var) {
        Some(v) if !v.is_empty() => {
            let p = PathBuf::from(v);
            if p.is_absolute() {
                p
            } else {
                repo().join(p)
            }
        }
        _ => default,
    }
}

/// The `.txt` files of `dir`, sorted by name, decoded.
pub fn read_dir(set: &'static str, dir: &Path) -> Vec<Input> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable corpus file");
            let text = gangmu::decode(&bytes)
                .unwrap_or_else(|e| panic!("{}: should decode: {e}", path.display()))
                .text;
            Input {
                set,
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                path,
                text,
            }
        })
        .collect()
}

/// Whether CI demands the official corpus (`GANGMU_REQUIRE_CORPUS=1`).
pub fn corpus_required() -> bool {
    std::env::var("GANGMU_REQUIRE_CORPUS").is_ok_and(|v| v == "1")
}

/// The official documents, or `None` (after one line on stderr) when the
/// folder is absent; panics when it is absent and required.
pub fn official() -> Option<Vec<Input>> {
    let dir = dir_from("GANGMU_CORPUS", repo().join("../shared/corpus"));
    let docs = read_dir("corpus", &dir);
    if docs.is_empty() {
        assert!(
            !corpus_required(),
            "GANGMU_REQUIRE_CORPUS=1 but no official corpus at {} (set GANGMU_CORPUS)",
            dir.display()
        );
        eprintln!(
            "official corpus absent at {} (set GANGMU_CORPUS): skipped",
            dir.display()
        );
        return None;
    }
    Some(docs)
}

/// The restored scraped pages, or `None` (after one line on stderr) when they
/// have not been restored.
pub fn scraped() -> Option<Vec<Input>> {
    let dir = dir_from("GANGMU_SCRAPED", repo().join(".scraped"));
    let pages = read_dir("scraped", &dir);
    if pages.is_empty() {
        eprintln!(
            "scraped pages absent at {} (set GANGMU_SCRAPED): skipped",
            dir.display()
        );
        return None;
    }
    Some(pages)
}

/// The hand-written fixtures (`tests/fixtures/*.txt`).
pub fn fixtures() -> Vec<Input> {
    let docs = read_dir("fixtures", &repo().join("tests/fixtures"));
    assert!(!docs.is_empty(), "tests/fixtures should hold fixtures");
    docs
}

/// The faulty drafts (`tests/fixtures/drafts/*.txt`).
pub fn drafts() -> Vec<Input> {
    let docs = read_dir("drafts", &repo().join("tests/fixtures/drafts"));
    assert!(!docs.is_empty(), "tests/fixtures/drafts should hold drafts");
    docs
}

/// Every text at hand: the official corpus and the scraped pages where
/// present, the fixtures and the drafts.
pub fn everything() -> Vec<Input> {
    let mut all = official().unwrap_or_default();
    all.extend(scraped().unwrap_or_default());
    all.extend(fixtures());
    all.extend(drafts());
    all
}
