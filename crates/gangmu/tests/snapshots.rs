//! One snapshot per fixture in `tests/fixtures`: the input, the tree (as the
//! CLI's `tree` view shows it) and the diagnostics. Review changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test` and `git diff`).

use std::fs;
use std::path::Path;

#[test]
fn fixtures_parse_to_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "tests/fixtures should hold fixtures");
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
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
