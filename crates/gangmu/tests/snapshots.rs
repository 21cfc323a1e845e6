//! One snapshot per fixture in `tests/fixtures` and `tests/fixtures/pages`
//! (named `page_NAME`): the input, the tree (as the CLI's `tree` view shows
//! it) and the diagnostics. Review changes with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test` and `git diff`).

#[path = "support/corpora.rs"]
mod corpora;

use std::fs;

#[test]
fn fixtures_parse_to_their_snapshots() {
    let pages = corpora::pages().texts;
    let files = corpora::fixture_files();
    assert!(
        files.iter().any(|f| !f.starts_with(&pages)) && files.iter().any(|f| f.starts_with(&pages)),
        "tests/fixtures and tests/fixtures/pages should hold fixtures"
    );
    for f in files {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let name = if f.starts_with(&pages) {
            format!("page_{stem}")
        } else {
            stem
        };
        let text = fs::read_to_string(&f).unwrap();
        let doc = gangmu::parse(&text);
        let idx = gangmu::LineIndex::new(&text);
        let mut diags = String::new();
        for d in &doc.diagnostics {
            let (l, c) = idx.line_col(d.span.start);
            diags.push_str(&format!(
                "{l}:{c} {} {} {}\n",
                d.rule, d.severity, d.message_en
            ));
        }
        let snapshot = format!(
            "---- input ----\n{text}\n---- tree ----\n{}---- diagnostics ----\n{diags}",
            gangmu::render::tree(&text, &doc)
        );
        insta::assert_snapshot!(name, snapshot);
    }
}
