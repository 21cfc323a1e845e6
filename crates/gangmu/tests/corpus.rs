//! The corpus test: every document the tests can read (fixtures, the official
//! corpus, the restored scraped pages) parses losslessly, and the parser is
//! scored against the hand-checked labels (format in the corpus's `GOLD.md`)
//! of three sets, each with its thresholds:
//!
//! - the official corpus (`GANGMU_CORPUS`, required in CI): [`OFFICIAL`];
//! - the restored scraped pages (`GANGMU_SCRAPED`, where present):
//!   [`SCRAPED_FLOOR`], on the way to [`SCRAPED_TARGET`];
//! - the page fixtures of `tests/fixtures/pages` (always): [`PAGES_FLOOR`],
//!   on the way to the same target.
//!
//! `GANGMU_SCORE_TARGETS=1` holds the scraped pages and the page fixtures to
//! the target instead of the floor. The measures are those of
//! `shared/tools/score.py`, computed from the `gangmu/1` JSON of each tree;
//! `scripts/score` prints the same figures with the reference scorer.
//! Run with `-- --nocapture` to see the per-document table.

#[path = "support/corpora.rs"]
mod corpora;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use corpora::Set;
use gangmu::{Document, Heading, Node};
use serde_json::Value;

/// Minimum figures for a set. Noise F1 is not held on the official corpus.
#[derive(Clone, Copy, Debug)]
struct Thresholds {
    f1: f64,
    depth: f64,
    title: f64,
    noise: f64,
}

/// What the parser holds on the official corpus, a ratchet (heading F1
/// 1.000, depth 0.994, title 1.000, noise F1 0.974 when this was set; the
/// project's own bar is F1 0.97, depth 0.95, title 0.95, which `scripts/score`
/// checks). One title or a few depths may move; more is a regression.
const OFFICIAL: Thresholds = Thresholds {
    f1: 0.995,
    depth: 0.99,
    title: 0.98,
    noise: 0.97,
};

/// The goal for pages copied from template and document-sharing sites: the
/// targets of issue 10 (heading F1 ≥ 0.97, depth ≥ 0.95, title ≥ 0.95,
/// noise F1 ≥ 0.90), for the restored pages and for the page fixtures.
const SCRAPED_TARGET: Thresholds = Thresholds {
    f1: 0.97,
    depth: 0.95,
    title: 0.95,
    noise: 0.90,
};

/// What today's parser holds on the 40 restored pages (heading F1 0.981,
/// depth 0.964, title 0.975, noise F1 0.988 when this was set; 0.940, 0.765,
/// 0.200 and 0.419 before the work of issue 10). A ratchet: it is above
/// [`SCRAPED_TARGET`] now, so the target is met on these pages; it is not
/// a measure of how the parser does on pages it was not tuned on (the page
/// fixtures are one such check, and the held-out pages of issue 10).
const SCRAPED_FLOOR: Thresholds = Thresholds {
    f1: 0.98,
    depth: 0.96,
    title: 0.97,
    noise: 0.98,
};

/// What today's parser holds on the page fixtures of `tests/fixtures/pages`
/// (heading F1 0.974, depth 0.933, title 0.977, noise F1 0.972 when this was
/// set; 0.908, 0.812, 0.455 and 0.558 before the work of issue 10). A ratchet
/// like [`SCRAPED_FLOOR`]; the goal is [`SCRAPED_TARGET`].
const PAGES_FLOOR: Thresholds = Thresholds {
    f1: 0.975,
    depth: 0.93,
    title: 0.97,
    noise: 0.95,
};

fn targets_asked() -> bool {
    std::env::var("GANGMU_SCORE_TARGETS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Asserts the leaves tile the text and every span sits on char boundaries.
fn assert_lossless(name: &str, text: &str, doc: &Document) {
    let mut at = 0;
    for leaf in doc.leaves() {
        let s = leaf.span();
        assert_eq!(
            s.start,
            at,
            "{name}: leaf {} should start where the previous ended",
            leaf.type_name()
        );
        assert!(s.end >= s.start, "{name}: span should not be reversed");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{name}: span should fall on char boundaries"
        );
        at = s.end;
    }
    assert_eq!(
        at,
        text.len(),
        "{name}: leaves should cover the whole input"
    );
    for (_, n) in doc.walk() {
        let s = n.span();
        for c in n.children() {
            assert!(
                s.contains(c.span()),
                "{name}: a child should lie inside its parent"
            );
        }
        if let Node::Heading(Heading { title, .. }) = n {
            assert!(
                s.contains(*title),
                "{name}: a heading's title should lie inside it"
            );
        }
    }
}

#[test]
fn every_document_and_fixture_parses_losslessly() {
    let files = corpora::all_documents();
    assert!(
        files.len() >= corpora::fixture_files().len() && !files.is_empty(),
        "should find the fixtures"
    );
    for f in files {
        let bytes = fs::read(&f).unwrap();
        let text = gangmu::decode(&bytes).unwrap().text;
        let doc = gangmu::parse(&text);
        assert_lossless(&f.display().to_string(), &text, &doc);
        let back = Document::from_json(&doc.to_json()).unwrap();
        assert_eq!(back, doc, "{}: JSON should round-trip", f.display());
    }
}

/// Counts for one document or a whole set, as `shared/tools/score.py` keeps them.
#[derive(Default, Debug)]
struct Score {
    docs: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    depth_ok: usize,
    titles_ok: usize,
    noise_tp: usize,
    noise_fp: usize,
    noise_fn: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.docs += o.docs;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.depth_ok += o.depth_ok;
        self.titles_ok += o.titles_ok;
        self.noise_tp += o.noise_tp;
        self.noise_fp += o.noise_fp;
        self.noise_fn += o.noise_fn;
    }

    /// (heading precision, recall, F1, depth accuracy, title rate, noise F1)
    fn figures(&self) -> (f64, f64, f64, f64, f64, f64) {
        let (p, r, f) = f1(self.tp, self.fp, self.fn_);
        let depth = if self.tp > 0 {
            self.depth_ok as f64 / self.tp as f64
        } else {
            0.0
        };
        let title = self.titles_ok as f64 / self.docs.max(1) as f64;
        let (_, _, nf) = f1(self.noise_tp, self.noise_fp, self.noise_fn);
        (p, r, f, depth, title, nf)
    }
}

/// Gold labels by 1-based line: label and heading depth.
type Gold = BTreeMap<usize, (String, Option<u32>)>;

fn load_gold(path: &Path) -> Gold {
    let mut labels = BTreeMap::new();
    for line in fs::read_to_string(path).unwrap().lines().skip(1) {
        let mut parts = line.split('\t');
        let ln: usize = parts.next().unwrap().parse().unwrap();
        let label = parts.next().unwrap_or("").to_string();
        let depth = parts.next().and_then(|d| d.parse().ok());
        labels.insert(ln, (label, depth));
    }
    labels
}

/// The line (1-based, split on `\n` as GOLD.md says) of a byte offset.
fn line_of(starts: &[usize], off: usize) -> usize {
    match starts.binary_search(&off) {
        Ok(i) => i + 1,
        Err(i) => i,
    }
}

/// Every object of the `gangmu/1` JSON with a `type` and a `span`.
fn json_nodes(tree: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![tree];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(m) => {
                if m.contains_key("type") && m.contains_key("span") {
                    out.push(v);
                }
                stack.extend(m.iter().filter(|(k, _)| *k != "span").map(|(_, v)| v));
            }
            Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    out
}

/// Scores one document the way `shared/tools/score.py` does, from its JSON.
fn score(text: &str, doc: &Document, gold: &Gold) -> Score {
    let mut starts = vec![0];
    starts.extend(
        text.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i + 1),
    );
    let tree: Value = serde_json::from_str(&doc.to_json()).unwrap();
    let mut p_head: BTreeMap<usize, Option<u64>> = BTreeMap::new();
    let mut p_title = BTreeSet::new();
    let mut p_noise = BTreeSet::new();
    for n in json_nodes(&tree) {
        let (start, end) = (
            n["span"]["start"].as_u64().unwrap() as usize,
            n["span"]["end"].as_u64().unwrap() as usize,
        );
        let lines = || (end > start).then(|| line_of(&starts, start)..=line_of(&starts, end - 1));
        match n["type"].as_str() {
            Some("heading") => {
                p_head
                    .entry(line_of(&starts, start))
                    .or_insert(n["depth"].as_u64());
            }
            Some("title") => p_title.extend(lines().into_iter().flatten()),
            Some("noise") => p_noise.extend(lines().into_iter().flatten()),
            _ => {}
        }
    }
    let label = |ln: usize| gold.get(&ln).map(|(l, _)| l.as_str());
    let p_title: BTreeSet<usize> = p_title
        .into_iter()
        .filter(|ln| gold.contains_key(ln))
        // A `cont` line right after the title is the title's hard-wrapped
        // tail: either reading counts.
        .filter(|&ln| {
            let mut k = ln;
            while label(k) == Some("cont") {
                k -= 1;
            }
            !(k < ln && label(k) == Some("title"))
        })
        .collect();
    let p_noise: BTreeSet<usize> = p_noise
        .into_iter()
        .filter(|ln| gold.contains_key(ln))
        .collect();
    let by = |l: &str| -> BTreeSet<usize> {
        gold.iter()
            .filter(|(_, (lab, _))| lab == l)
            .map(|(k, _)| *k)
            .collect()
    };
    let g_head: BTreeMap<usize, Option<u32>> = gold
        .iter()
        .filter(|(_, (lab, _))| lab == "heading")
        .map(|(k, (_, d))| (*k, *d))
        .collect();
    let (g_title, g_noise) = (by("title"), by("noise"));
    let mut s = Score {
        docs: 1,
        ..Score::default()
    };
    for (ln, d) in &p_head {
        match g_head.get(ln) {
            Some(gd) => {
                s.tp += 1;
                if gd.map(u64::from) == *d {
                    s.depth_ok += 1;
                }
            }
            None => s.fp += 1,
        }
    }
    s.fn_ = g_head.keys().filter(|k| !p_head.contains_key(k)).count();
    s.titles_ok = usize::from(p_title == g_title);
    s.noise_tp = g_noise.intersection(&p_noise).count();
    s.noise_fp = p_noise.difference(&g_noise).count();
    s.noise_fn = g_noise.difference(&p_noise).count();
    s
}

fn f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        1.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Scores every labelled document of `set`, prints a table and the totals,
/// and asserts `min`.
fn assert_set_meets(set: &Set, min: Thresholds) {
    let docs = set.labelled();
    assert!(
        !docs.is_empty(),
        "{}: no labelled document in {}",
        set.name,
        set.texts.display()
    );
    println!(
        "{:<55} {:>5} {:>4} {:>4} {:>6} {:>5}",
        set.name, "tp", "fp", "fn", "depth", "title"
    );
    let mut total = Score::default();
    for (name, text_path, gold_path) in docs {
        let text = gangmu::decode(&fs::read(&text_path).unwrap()).unwrap().text;
        let doc = gangmu::parse(&text);
        let s = score(&text, &doc, &load_gold(&gold_path));
        let (p, r, f, ..) = s.figures();
        println!(
            "{name:<55} {:>5} {:>4} {:>4} {:>6} {:>5}  P={p:.3} R={r:.3} F1={f:.3}",
            s.tp,
            s.fp,
            s.fn_,
            s.depth_ok,
            if s.titles_ok == 1 { "ok" } else { "MISS" }
        );
        total.add(&s);
    }
    let (p, r, f, depth, title, nf) = total.figures();
    println!(
        "{}: docs={} heading P={p:.3} R={r:.3} F1={f:.3} depth={depth:.3} title={title:.3} noise F1={nf:.3}",
        set.name, total.docs
    );
    let name = set.name;
    assert!(
        f >= min.f1,
        "{name}: heading F1 should be at least {}, got {f:.3}",
        min.f1
    );
    assert!(
        depth >= min.depth,
        "{name}: depth accuracy should be at least {}, got {depth:.3}",
        min.depth
    );
    assert!(
        title >= min.title,
        "{name}: title exact-match should be at least {}, got {title:.3}",
        min.title
    );
    assert!(
        nf >= min.noise,
        "{name}: noise F1 should be at least {}, got {nf:.3}",
        min.noise
    );
}

#[test]
fn official_corpus_meets_its_thresholds() {
    if let Some(set) = corpora::official() {
        assert_set_meets(&set, OFFICIAL);
    }
}

#[test]
fn scraped_pages_meet_their_thresholds() {
    if let Some(set) = corpora::scraped() {
        let min = if targets_asked() {
            SCRAPED_TARGET
        } else {
            SCRAPED_FLOOR
        };
        assert_set_meets(&set, min);
    }
}

#[test]
fn page_fixtures_meet_their_thresholds() {
    let min = if targets_asked() {
        SCRAPED_TARGET
    } else {
        PAGES_FLOOR
    };
    assert_set_meets(&corpora::pages(), min);
}

#[test]
fn every_page_fixture_has_labels_for_exactly_its_non_blank_lines() {
    // GOLD.md: every non-blank line (after removing white space, U+3000 and
    // zero-width characters) has exactly one row; blank lines have none.
    let set = corpora::pages();
    let files = corpora::txt_files(&set.texts);
    assert!(
        !files.is_empty(),
        "tests/fixtures/pages should hold fixtures"
    );
    let blank =
        |c: char| c.is_whitespace() || "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}".contains(c);
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        let gold_path = set.gold.join(format!("{name}.gold.tsv"));
        assert!(
            gold_path.is_file(),
            "{name}: should have {}",
            gold_path.display()
        );
        let raw = fs::read_to_string(&gold_path).unwrap();
        assert!(
            raw.starts_with("line\tlabel\tdepth\tmarker\n"),
            "{name}: labels should start with the header row"
        );
        let text = fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        let nonblank: BTreeSet<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.chars().all(blank))
            .map(|(i, _)| i + 1)
            .collect();
        let gold = load_gold(&gold_path);
        let labelled: BTreeSet<usize> = gold.keys().copied().collect();
        assert_eq!(
            labelled, nonblank,
            "{name}: labelled lines should be the non-blank lines"
        );
        for row in raw.lines().skip(1) {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(
                cols.len(),
                4,
                "{name}: row {row:?} should have four columns"
            );
            let ln: usize = cols[0].parse().unwrap();
            let known = [
                "noise", "title", "subtitle", "meta", "heading", "cont", "body",
            ];
            assert!(
                known.contains(&cols[1]),
                "{name}:{ln}: unknown label {:?}",
                cols[1]
            );
            if cols[1] == "heading" {
                assert!(
                    cols[2].parse::<u32>().is_ok_and(|d| d >= 1),
                    "{name}:{ln}: a heading needs a depth"
                );
                let line = lines[ln - 1].trim_start_matches(|c: char| {
                    blank(c) || c == '#' || c == '*' || c == '-' || c == '>'
                });
                assert!(
                    cols[3].is_empty() || line.contains(cols[3]),
                    "{name}:{ln}: marker {:?} should be written on the line",
                    cols[3]
                );
            } else {
                assert!(
                    cols[2].is_empty() && cols[3].is_empty(),
                    "{name}:{ln}: only headings carry a depth and a marker"
                );
            }
        }
    }
}
