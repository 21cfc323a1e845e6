//! `docs/rules/` is generated from the rule registry: this test regenerates the
//! pages and fails when a file differs, so the docs cannot drift from the code.
//! Run with `GANGMU_BLESS=1` to rewrite them.

use std::path::PathBuf;

use gangmu::lint::{rule_doc_markdown, rules, rules_index_markdown};

#[test]
fn docs_rules_match_the_registry() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules");
    let bless = std::env::var_os("GANGMU_BLESS").is_some();
    let mut expected: Vec<(PathBuf, String)> = rules()
        .iter()
        .map(|r| {
            (
                dir.join(format!("{}.md", r.id)),
                rule_doc_markdown(r.id).expect("registered"),
            )
        })
        .collect();
    expected.push((dir.join("README.md"), rules_index_markdown()));
    if bless {
        std::fs::create_dir_all(&dir).expect("docs/rules");
        for (path, body) in &expected {
            std::fs::write(path, body).expect("write");
        }
    }
    let mut stale = Vec::new();
    for (path, body) in &expected {
        let have = std::fs::read_to_string(path).unwrap_or_default();
        if have != *body {
            stale.push(path.display().to_string());
        }
    }
    // No page for a rule that no longer exists.
    for entry in std::fs::read_dir(&dir).expect("docs/rules exists") {
        let path = entry.expect("entry").path();
        if !expected.iter().any(|(p, _)| *p == path) {
            stale.push(format!("{} (no such rule)", path.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is out of date; regenerate with GANGMU_BLESS=1 cargo test -p gangmu --test rule_docs:\n{}",
        stale.join("\n")
    );
}
