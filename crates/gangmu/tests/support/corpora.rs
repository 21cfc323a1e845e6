//! Where the test data lives. The project commits no real documents:
//!
//! - the official corpus (documents `NAME.txt` with labels `gold/NAME.gold.tsv`)
//!   is read from `GANGMU_CORPUS`, default `../shared/corpus` beside the
//!   repository;
//! - the restored scraped pages are read from `GANGMU_SCRAPED`, default
//!   `.scraped/` at the repository root (git-ignored), with their labels in
//!   `$GANGMU_CORPUS/scraped/gold`;
//! - the page fixtures of `tests/fixtures/pages` (written for the project, with
//!   labels in `tests/fixtures/pages/gold`) are always there.
//!
//! Relative paths in the variables are taken from the repository root. An
//! absent corpus is said once per `cargo test` run, in one line on standard
//! error, and the tests that need it return; with `GANGMU_REQUIRE_CORPUS=1`
//! (`.ci/run` sets it) an absent official corpus fails them instead. The
//! scraped pages are never required: CI does not have them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A labelled set of documents: texts `NAME.txt` in `texts`, labels
/// `NAME.gold.tsv` (format in the corpus's `GOLD.md`) in `gold`.
pub struct Set {
    /// Short name for messages: `official`, `scraped` or `pages`.
    pub name: &'static str,
    /// The folder of the texts.
    pub texts: PathBuf,
    /// The folder of the labels.
    pub gold: PathBuf,
}

impl Set {
    /// `(name, text path, label path)` of every text that has labels, by name.
    pub fn labelled(&self) -> Vec<(String, PathBuf, PathBuf)> {
        txt_files(&self.texts)
            .into_iter()
            .filter_map(|p| {
                let name = p.file_stem()?.to_string_lossy().into_owned();
                let gold = self.gold.join(format!("{name}.gold.tsv"));
                gold.is_file().then_some((name, p, gold))
            })
            .collect()
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn from_env(var: &str, default: &str) -> PathBuf {
    let p = std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default));
    let p = if p.is_absolute() { p } else { repo().join(p) };
    // `crates/gangmu/../../../shared` reads better as `../shared` resolved:
    // drop `.` and fold `dir/..` (lexically: the folders may not exist).
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// Where the official corpus should be (`GANGMU_CORPUS`).
pub fn official_dir() -> PathBuf {
    from_env("GANGMU_CORPUS", "../shared/corpus")
}

/// Where the restored scraped pages should be (`GANGMU_SCRAPED`).
pub fn scraped_dir() -> PathBuf {
    from_env("GANGMU_SCRAPED", ".scraped")
}

/// The `.txt` files of `dir` (not its subfolders), sorted; none if it is absent.
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Whether `GANGMU_REQUIRE_CORPUS` asks for the official corpus.
pub fn required() -> bool {
    std::env::var("GANGMU_REQUIRE_CORPUS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The official corpus, or `None` (said once) when it is absent.
///
/// # Panics
/// When it is absent and `GANGMU_REQUIRE_CORPUS=1`.
pub fn official() -> Option<Set> {
    let dir = official_dir();
    if !txt_files(&dir).is_empty() && dir.join("gold").is_dir() {
        return Some(Set {
            name: "official",
            gold: dir.join("gold"),
            texts: dir,
        });
    }
    assert!(
        !required(),
        "GANGMU_REQUIRE_CORPUS is set but the official corpus is not at {} \
         (documents NAME.txt and gold/; set GANGMU_CORPUS)",
        dir.display()
    );
    announce(
        "official",
        &format!(
            "official corpus not found at {} (set GANGMU_CORPUS): its tests are skipped",
            dir.display()
        ),
    );
    None
}

/// The restored scraped pages with their labels, or `None` (said once) when
/// the pages or the labels are absent. Never required.
pub fn scraped() -> Option<Set> {
    let texts = scraped_dir();
    let gold = official_dir().join("scraped/gold");
    let have_texts = !txt_files(&texts).is_empty();
    if have_texts && gold.is_dir() {
        return Some(Set {
            name: "scraped",
            texts,
            gold,
        });
    }
    let why = if have_texts {
        format!(
            "found at {} but their labels are not at {}",
            texts.display(),
            gold.display()
        )
    } else {
        format!("not found at {} (set GANGMU_SCRAPED)", texts.display())
    };
    announce(
        "scraped",
        &format!("scraped pages {why}: their tests are skipped"),
    );
    None
}

/// The page fixtures written for the project (always present).
pub fn pages() -> Set {
    let dir = repo().join("tests/fixtures/pages");
    Set {
        name: "pages",
        gold: dir.join("gold"),
        texts: dir,
    }
}

/// Every fixture text of `tests/fixtures`, its subfolders included, sorted.
pub fn fixture_files() -> Vec<PathBuf> {
    let root = repo().join("tests/fixtures");
    let mut out = txt_files(&root);
    out.extend(txt_files(&pages().texts));
    out.sort();
    out
}

/// The faulty drafts written for the project (`tests/fixtures/drafts`), each
/// with the findings it must raise in `NAME.expected`.
pub fn draft_files() -> Vec<PathBuf> {
    let files = txt_files(&repo().join("tests/fixtures/drafts"));
    assert!(
        !files.is_empty(),
        "tests/fixtures/drafts should hold drafts"
    );
    files
}

/// Every document the tests can read: the fixtures and the faulty drafts, then
/// the official corpus and the scraped pages where present.
pub fn all_documents() -> Vec<PathBuf> {
    let mut out = fixture_files();
    out.extend(draft_files());
    for set in [official(), scraped()].into_iter().flatten() {
        out.extend(txt_files(&set.texts));
    }
    out
}

/// One text of a set, decoded as the CLI decodes it.
pub struct Input {
    /// Which set it belongs to (`official`, `scraped`, `fixtures`, `drafts`).
    pub set: &'static str,
    /// The file name (`report_gwr_1954_wikisource.txt`).
    pub name: String,
    /// Its path.
    pub path: PathBuf,
    /// The decoded text.
    pub text: String,
}

/// Reads and decodes `files` as texts of `set`.
pub fn read_inputs(set: &'static str, files: Vec<PathBuf>) -> Vec<Input> {
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable test text");
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

/// The published texts at hand: the official corpus and the scraped pages,
/// where present.
pub fn published() -> Vec<Input> {
    let mut out = Vec::new();
    for set in [official(), scraped()].into_iter().flatten() {
        out.extend(read_inputs(set.name, txt_files(&set.texts)));
    }
    out
}

/// The faulty drafts, decoded.
pub fn drafts() -> Vec<Input> {
    read_inputs("drafts", draft_files())
}

/// Every text at hand: the published texts where present, the fixtures
/// (page fixtures included) and the faulty drafts.
pub fn everything() -> Vec<Input> {
    let mut all = published();
    all.extend(read_inputs("fixtures", fixture_files()));
    all.extend(drafts());
    all
}

/// Writes `line` to standard error once per `cargo test` run. The test
/// harness captures `eprintln!`, not writes to the stream itself. Every test
/// binary of a run is a child of the same cargo process: the first to get
/// here leaves a stamp named after that process (id and start time) and the
/// others stay quiet.
fn announce(what: &str, line: &str) {
    use std::io::Write;
    use std::sync::Mutex;
    static SAID: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if said.iter().any(|w| w == what) {
        return;
    }
    said.push(what.to_string());
    if let Some(stamp) = run_stamp(what) {
        let fresh = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&stamp)
            .is_ok();
        if !fresh {
            return;
        }
    }
    let _ = writeln!(std::io::stderr().lock(), "note: {line}");
}

/// `TMP/gangmu-corpus-notice-WHAT-PID-START` for the parent process, where it
/// can be told apart from an earlier one with the same id.
fn run_stamp(what: &str) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        let ppid = std::os::unix::process::parent_id();
        let stat = std::fs::read_to_string(format!("/proc/{ppid}/stat")).ok()?;
        // Fields after the command name (which may hold spaces); the start
        // time is field 22 of the whole line, the 20th after `)`.
        let start = stat.rsplit_once(')')?.1.split_whitespace().nth(19)?;
        let dir = option_env!("CARGO_TARGET_TMPDIR")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir);
        Some(dir.join(format!("gangmu-corpus-notice-{what}-{ppid}-{start}")))
    }
    #[cfg(not(unix))]
    {
        let _ = what;
        None
    }
}
