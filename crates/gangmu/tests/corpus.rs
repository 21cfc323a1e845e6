//! The corpus test: every real document in `tests/corpus` parses losslessly, and
//! the parser is scored against the hand-checked gold labels (see
//! `tests/corpus/GOLD.md`) with the thresholds of the project.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use gangmu::{Document, Heading, Node, Noise, Title};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(repo().join("tests/corpus"))
        .expect("tests/corpus exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 50, "the corpus should hold the 52 documents");
    files
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
fn every_corpus_document_and_fixture_parses_losslessly() {
    let mut files = corpus_files();
    files.extend(
        fs::read_dir(repo().join("tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt")),
    );
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let doc = gangmu::parse(&text);
        assert_lossless(&f.display().to_string(), &text, &doc);
        let back = Document::from_json(&doc.to_json()).unwrap();
        assert_eq!(back, doc, "{}: JSON should round-trip", f.display());
    }
}

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    depth_ok: usize,
    title_ok: bool,
    noise_tp: usize,
    noise_fp: usize,
    noise_fn: usize,
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

/// Scores one document the way `shared/tools/score.py` does.
fn score(text: &str, doc: &Document, gold: &Gold) -> Score {
    let mut starts = vec![0];
    starts.extend(
        text.bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(i, _)| i + 1),
    );
    let lines_of = |s: gangmu::Span| -> Vec<usize> {
        if s.end <= s.start {
            return vec![];
        }
        (line_of(&starts, s.start)..=line_of(&starts, s.end - 1)).collect()
    };
    let mut p_head: BTreeMap<usize, u32> = BTreeMap::new();
    let mut p_title = BTreeSet::new();
    let mut p_noise = BTreeSet::new();
    for (_, n) in doc.walk() {
        match n {
            Node::Heading(Heading { span, depth, .. }) => {
                p_head.entry(line_of(&starts, span.start)).or_insert(*depth);
            }
            Node::Title(Title { span, .. }) => p_title.extend(lines_of(*span)),
            Node::Noise(Noise { span, .. }) => p_noise.extend(lines_of(*span)),
            _ => {}
        }
    }
    let nonblank: BTreeSet<usize> = gold.keys().copied().collect();
    let p_title: BTreeSet<usize> = p_title.intersection(&nonblank).copied().collect();
    let p_noise: BTreeSet<usize> = p_noise.intersection(&nonblank).copied().collect();
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
    let mut s = Score::default();
    for (ln, d) in &p_head {
        match g_head.get(ln) {
            Some(gd) => {
                s.tp += 1;
                if *gd == Some(*d) {
                    s.depth_ok += 1;
                }
            }
            None => s.fp += 1,
        }
    }
    s.fn_ = g_head.keys().filter(|k| !p_head.contains_key(k)).count();
    s.title_ok = p_title == g_title;
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

#[test]
fn parser_meets_the_corpus_thresholds() {
    let mut total = Score::default();
    let mut docs = 0usize;
    let mut titles_ok = 0usize;
    println!(
        "{:<55} {:>5} {:>4} {:>4} {:>6} {:>5}",
        "document", "tp", "fp", "fn", "depth", "title"
    );
    for f in corpus_files() {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let gold_path = repo()
            .join("tests/corpus/gold")
            .join(format!("{name}.gold.tsv"));
        if !gold_path.exists() {
            continue;
        }
        let text = fs::read_to_string(&f).unwrap();
        let doc = gangmu::parse(&text);
        let s = score(&text, &doc, &load_gold(&gold_path));
        let (p, r, f1_doc) = f1(s.tp, s.fp, s.fn_);
        println!(
            "{name:<55} {:>5} {:>4} {:>4} {:>6} {:>5}  P={p:.3} R={r:.3} F1={f1_doc:.3}",
            s.tp,
            s.fp,
            s.fn_,
            s.depth_ok,
            if s.title_ok { "ok" } else { "MISS" }
        );
        docs += 1;
        titles_ok += usize::from(s.title_ok);
        total.tp += s.tp;
        total.fp += s.fp;
        total.fn_ += s.fn_;
        total.depth_ok += s.depth_ok;
        total.noise_tp += s.noise_tp;
        total.noise_fp += s.noise_fp;
        total.noise_fn += s.noise_fn;
    }
    let (p, r, f) = f1(total.tp, total.fp, total.fn_);
    let depth = total.depth_ok as f64 / total.tp.max(1) as f64;
    let title = titles_ok as f64 / docs.max(1) as f64;
    let (_, _, nf) = f1(total.noise_tp, total.noise_fp, total.noise_fn);
    println!(
        "docs={docs} heading P={p:.3} R={r:.3} F1={f:.3} depth={depth:.3} title={title:.3} noise F1={nf:.3}"
    );
    assert!(docs >= 50, "should score the whole corpus");
    assert!(f >= 0.97, "heading F1 should be at least 0.97, got {f:.3}");
    assert!(
        depth >= 0.95,
        "depth accuracy should be at least 0.95, got {depth:.3}"
    );
    assert!(
        title >= 0.95,
        "title exact-match should be at least 0.95, got {title:.3}"
    );
}
