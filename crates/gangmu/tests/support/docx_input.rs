//! The `docx` fuzz target's input and property, shared with `cargo test`
//! (`tests/fuzz_regressions.rs` replays saved crashes through it).
//!
//! Input: raw bytes of a zip archive (when they start with `PK`), or up to
//! four XML fragments separated by two NUL bytes — the body of
//! `word/document.xml`, then the insides of `numbering.xml`, `styles.xml` and
//! `footnotes.xml` — packed into a .docx here, so that the fuzzer spends its
//! time in the reader and not in the zip format.

#![allow(dead_code)]

use std::io::Write;

use gangmu::docx::{self, DocxText, Limits};
use gangmu::Node;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// The .docx an input stands for.
pub fn docx_from(data: &[u8]) -> Vec<u8> {
    if data.starts_with(b"PK") {
        return data.to_vec();
    }
    let mut pieces: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while pieces.len() < 3 {
        match rest.windows(2).position(|w| w == b"\0\0") {
            Some(i) => {
                pieces.push(&rest[..i]);
                rest = &rest[i + 2..];
            }
            None => break,
        }
    }
    pieces.push(rest);
    let piece = |i: usize| {
        pieces
            .get(i)
            .map(|p| String::from_utf8_lossy(p).into_owned())
    };
    let mut parts: Vec<(&str, String)> = vec![(
        "word/document.xml",
        format!(
            "<w:document {W}><w:body>{}</w:body></w:document>",
            piece(0).unwrap_or_default()
        ),
    )];
    if let Some(n) = piece(1) {
        parts.push((
            "word/numbering.xml",
            format!("<w:numbering {W}>{n}</w:numbering>"),
        ));
    }
    if let Some(s) = piece(2) {
        parts.push(("word/styles.xml", format!("<w:styles {W}>{s}</w:styles>")));
    }
    if let Some(f) = piece(3) {
        parts.push((
            "word/footnotes.xml",
            format!("<w:footnotes {W}>{f}</w:footnotes>"),
        ));
    }
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in &parts {
        w.start_file(*name, stored).expect("a zip entry");
        w.write_all(content.as_bytes()).expect("written");
    }
    w.finish().expect("a zip").into_inner()
}

/// The source map describes the text: lines in order, each a slice without a
/// break and followed by one; labels at the start of their lines, on char
/// boundaries.
pub fn check_source_map(t: &DocxText) {
    assert_eq!(
        t.lines.len(),
        t.text.matches('\n').count(),
        "one source line per line of text"
    );
    let mut at = 0;
    for l in &t.lines {
        assert_eq!(l.span.start, at, "source lines should tile the text");
        assert!(t.text.is_char_boundary(l.span.end));
        assert!(!t.text[l.span.range()].contains('\n'));
        assert_eq!(t.text.as_bytes().get(l.span.end), Some(&b'\n'));
        at = l.span.end + 1;
    }
    assert_eq!(at, t.text.len(), "the text ends with its last line");
    for label in &t.labels {
        let line = &t.lines[label.line];
        assert_eq!(
            label.marker.start, line.span.start,
            "a label opens its line"
        );
        assert!(label.marker.end <= label.suffix.start && label.suffix.start == label.marker.end);
        assert!(label.suffix.end <= line.span.end);
        assert!(
            t.text.is_char_boundary(label.marker.end) && t.text.is_char_boundary(label.suffix.end)
        );
    }
}

/// Reading never panics; what reads has a consistent source map, parses into a
/// well-formed tree whose generated markers lie in generated text, lints
/// without fixes on generated text, and fixes without editing it.
pub fn check_docx(data: &[u8]) {
    let bytes = docx_from(data);
    let limits = Limits {
        max_part_bytes: 1 << 20,
        max_total_bytes: 4 << 20,
        ..Limits::default()
    };
    let Ok(t) = docx::read_with(&bytes, &limits) else {
        return;
    };
    check_source_map(&t);
    let mut doc = super::invariants::check_parse(&t.text);
    docx::mark_generated(&mut doc, &t);
    for (_, node) in doc.walk() {
        if let Node::Heading(h) = node {
            if let Some(m) = h.marker.as_ref().filter(|m| m.generated) {
                assert!(
                    t.is_generated(m.span),
                    "a generated marker lies in generated text"
                );
            }
        }
    }
    let config = gangmu::lint::Config::default();
    for d in docx::lint(&t, &config) {
        assert!(t.text.is_char_boundary(d.span.start) && t.text.is_char_boundary(d.span.end));
        if let Some(f) = &d.fix {
            assert!(
                f.edits.iter().all(|e| !t.touches_generated(e.span)),
                "no fix edits generated text: {d:?}"
            );
        }
    }
    // Fixes written into the file: it still reads, as the text it reports,
    // with the same generated labels.
    let written = docx::fix_docx(&bytes, &config, true).expect("a .docx that reads can be fixed");
    let again = docx::read(&written.bytes).expect("the fixed .docx reads");
    assert_eq!(
        again.text, written.text,
        "fix_docx reports the text of the file it wrote"
    );
    assert_eq!(
        again
            .labels
            .iter()
            .map(|l| &again.text[l.marker.range()])
            .collect::<Vec<_>>(),
        t.labels
            .iter()
            .map(|l| &t.text[l.marker.range()])
            .collect::<Vec<_>>(),
        "writing fixes never changes the generated labels"
    );
    let fixed = docx::fix(&t, &config, true);
    // Every label is still there, in order.
    let mut from = 0;
    for label in &t.labels {
        let s = &t.text[label.marker.start..label.suffix.end];
        match fixed[from..].find(s) {
            Some(k) => from += k + s.len(),
            None => panic!("fix lost the generated label {s:?}"),
        }
    }
}
