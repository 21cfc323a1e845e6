//! The faulty drafts of `tests/fixtures/drafts/`: realistic 通知, 请示, 报告,
//! 函, 纪要, 方案, a regulation and more, written for the project, each with
//! five or more faults at once. `NAME.expected` lists, line by line, every
//! fault of `NAME.txt` that the rule catalogue covers:
//!
//! ```text
//! # a comment
//! 5 ELEM001                      a fault the linter must report on line 5
//! 3 ELEM001 gap: …               a fault it cannot report yet, because the
//!                                parser does not recognise the element
//!                                (its reason after the colon)
//! 1 W001 false: …                a finding that is not a fault, known and
//!                                explained (a parser gap as well)
//! ```
//!
//! The test fails when a listed fault is not reported on its line, when a
//! finding is reported that the list does not know, and when a `gap:` or
//! `false:` entry is out of date; it prints the recall (faults reported /
//! faults listed, gaps included) per draft and overall.

#[path = "support/corpora.rs"]
mod corpora;

use std::collections::{BTreeMap, BTreeSet};

use gangmu::lint::{lint, Config};

/// What a line of `.expected` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Fault,
    Gap,
    False,
}

/// `(line, rule)` → (kind, note).
type Expected = BTreeMap<(usize, String), (Kind, String)>;

fn read_expected(name: &str, text: &str) -> Expected {
    let mut out = Expected::new();
    for (k, raw) in text.lines().enumerate() {
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let mut parts = l.splitn(3, ' ');
        let line: usize = parts
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{name}.expected:{}: a line number first", k + 1));
        let rule = parts
            .next()
            .unwrap_or_else(|| panic!("{name}.expected:{}: a rule id after the line", k + 1))
            .to_string();
        assert!(
            gangmu::lint::rules().iter().any(|r| r.id == rule),
            "{name}.expected:{}: no rule {rule}",
            k + 1
        );
        let rest = parts.next().unwrap_or("").trim();
        let (kind, note) = if let Some(n) = rest.strip_prefix("gap:") {
            (Kind::Gap, n.trim().to_string())
        } else if let Some(n) = rest.strip_prefix("false:") {
            (Kind::False, n.trim().to_string())
        } else {
            assert!(
                rest.is_empty(),
                "{name}.expected:{}: after the rule, only `gap: …` or `false: …`",
                k + 1
            );
            (Kind::Fault, String::new())
        };
        if kind != Kind::Fault {
            assert!(!note.is_empty(), "{name}.expected:{}: say why", k + 1);
        }
        assert!(
            out.insert((line, rule.clone()), (kind, note)).is_none(),
            "{name}.expected:{}: {line} {rule} is listed twice",
            k + 1
        );
    }
    out
}

#[test]
fn every_fault_of_the_drafts_is_reported_on_its_line() {
    let config = Config::default();
    let drafts = corpora::drafts();
    assert!(
        drafts.len() >= 10,
        "at least ten drafts, found {}",
        drafts.len()
    );
    let mut problems = Vec::new();
    let mut report = Vec::new();
    let (mut listed, mut found_total, mut false_total) = (0, 0, 0);
    for d in &drafts {
        let stem = d.name.trim_end_matches(".txt");
        let path = d.path.with_extension("expected");
        let expected = read_expected(
            stem,
            &std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("{stem}: needs {}", path.display())),
        );
        let faults = expected.values().filter(|(k, _)| *k != Kind::False).count();
        assert!(
            faults >= 5,
            "{stem}: a draft holds five faults or more, lists {faults}"
        );
        let index = gangmu::LineIndex::new(&d.text);
        let reported: BTreeSet<(usize, String)> = lint(&d.text, &config)
            .into_iter()
            .map(|x| (index.line_col(x.span.start).0, x.rule))
            .collect();
        let mut hit = 0;
        for ((line, rule), (kind, note)) in &expected {
            let is_reported = reported.contains(&(*line, rule.clone()));
            match (kind, is_reported) {
                (Kind::Fault, true) => hit += 1,
                (Kind::Fault, false) => {
                    problems.push(format!("{stem}:{line}: {rule} is not reported"))
                }
                (Kind::Gap, false) => {}
                (Kind::Gap, true) => problems.push(format!(
                    "{stem}:{line}: {rule} is reported now: drop `gap:` ({note})"
                )),
                (Kind::False, true) => false_total += 1,
                (Kind::False, false) => problems.push(format!(
                    "{stem}:{line}: the false {rule} is gone: drop the entry ({note})"
                )),
            }
        }
        for (line, rule) in &reported {
            if !expected.contains_key(&(*line, rule.clone())) {
                let text: String = d
                    .text
                    .lines()
                    .nth(line - 1)
                    .unwrap_or("")
                    .chars()
                    .take(40)
                    .collect();
                problems.push(format!(
                    "{stem}:{line}: {rule} is reported but not listed (a false finding, or a fault to add): {text}"
                ));
            }
        }
        listed += faults;
        found_total += hit;
        report.push(format!("{stem}: {hit}/{faults}"));
    }
    eprintln!(
        "drafts: recall {found_total}/{listed} = {:.3}; known false findings {false_total}\n  {}",
        found_total as f64 / listed as f64,
        report.join("\n  ")
    );
    assert!(
        problems.is_empty(),
        "{} problem(s) with the drafts:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
