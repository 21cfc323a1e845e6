//! Hostile .docx files: each gives a clear `DocxError` or a text and a
//! well-formed tree — never a panic, a hang or unbounded memory.
//!
//! The zip bomb at the default limits and the 100 MB document are slow in a
//! debug build; they run with `--release` (scripts/test-docx.sh) or
//! `-- --ignored`.

use std::io::Write;

use gangmu::docx::{read, read_with, DocxError, Limits};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true)
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        w.start_file(*name, options()).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#)
}

/// Leaves tile the text; every line of the source map is a slice of it.
fn check(text: &gangmu::docx::DocxText) {
    let doc = gangmu::parse(&text.text);
    let mut at = 0;
    for leaf in doc.leaves() {
        assert_eq!(leaf.span().start, at);
        at = leaf.span().end;
    }
    assert_eq!(at, text.text.len());
    for l in &text.lines {
        assert!(l.span.end <= text.text.len() && text.text.is_char_boundary(l.span.start));
        assert!(!text.text[l.span.range()].contains('\n'));
    }
    assert_eq!(text.lines.len(), text.text.matches('\n').count());
    for label in &text.labels {
        assert!(text.text.is_char_boundary(label.marker.start));
        assert!(text.text.is_char_boundary(label.suffix.end));
    }
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in a debug build: run with --release or --ignored"
)]
fn a_zip_bomb_stops_at_the_default_limit() {
    // 300 MiB of spaces compress to a few hundred kilobytes.
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("word/document.xml", options()).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        w.write_all(&chunk).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 << 20, "{} bytes", bomb.len());
    match read(&bomb) {
        Err(DocxError::TooLarge { part, limit }) => {
            assert_eq!(part, "word/document.xml");
            assert_eq!(limit, 256 << 20);
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    // Several parts that each fit, but not all together.
    let limits = Limits {
        max_part_bytes: 1 << 20,
        max_total_bytes: 3 << 20,
        ..Limits::default()
    };
    let part = vec![b' '; (1 << 20) - 10];
    let doc = document("");
    let many = zip_of(&[
        ("word/styles.xml", &part),
        ("word/numbering.xml", &part),
        ("word/footnotes.xml", &part),
        ("word/document.xml", doc.as_bytes()),
    ]);
    // Styles and numbering that are only white space are not XML documents.
    assert!(read_with(&many, &limits).is_err());
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in a debug build: run with --release or --ignored"
)]
fn a_100_mb_document_reads_and_parses() {
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let body_text =
        "为进一步加强和改进工作，切实提高质量和效率，现就有关事项提出如下意见，请认真贯彻执行。";
    let heading = |lvl: u32, t: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
        )
    };
    let unit = format!(
        "{}{}{}",
        heading(0, "总体要求"),
        heading(1, "工作目标"),
        format!("<w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>").repeat(8)
    );
    let text_per_unit = "一、总体要求\n（一）工作目标\n".len() + (body_text.len() + 1) * 8;
    let units = 100_000_000 / text_per_unit + 1;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("word/numbering.xml", options()).unwrap();
    w.write_all(numbering.as_bytes()).unwrap();
    w.start_file("word/document.xml", options()).unwrap();
    w.write_all(format!("<w:document {W}><w:body>").as_bytes())
        .unwrap();
    for _ in 0..units {
        w.write_all(unit.as_bytes()).unwrap();
    }
    w.write_all(b"</w:body></w:document>").unwrap();
    let bytes = w.finish().unwrap().into_inner();
    let started = std::time::Instant::now();
    let (docx, doc) = gangmu::docx::parse(&bytes).unwrap();
    eprintln!(
        "{} MB of text from a {} MB .docx read and parsed in {:.1} s",
        docx.text.len() / 1_000_000,
        bytes.len() / 1_000_000,
        started.elapsed().as_secs_f64()
    );
    assert!(docx.text.len() >= 100_000_000);
    assert_eq!(docx.labels.len(), units * 2);
    assert!(docx.text.contains("\n九十九、总体要求\n（一）工作目标\n"));
    assert!(
        docx.text.contains("\n一〇〇、总体要求\n"),
        "chineseCounting writes 100 digit by digit"
    );
    assert_eq!(docx.lines.len(), units * 10);
    let mut at = 0;
    for leaf in doc.leaves() {
        assert_eq!(leaf.span().start, at);
        at = leaf.span().end;
    }
    assert_eq!(at, docx.text.len());
}

#[test]
fn too_many_entries_and_too_deep_nesting_are_refused() {
    let names: Vec<String> = (0..10_001).map(|i| format!("f{i}")).collect();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for n in &names {
        w.start_file(n.as_str(), stored).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    assert!(matches!(
        read(&bytes),
        Err(DocxError::TooManyEntries {
            entries: 10_001,
            limit: 10_000
        })
    ));
    // A million nested elements: refused at depth 256, without a million-deep stack.
    let deep = format!("{}{}", "<a>".repeat(1_000_000), "</a>".repeat(1_000_000));
    let bytes = zip_of(&[("word/document.xml", deep.as_bytes())]);
    assert!(matches!(read(&bytes), Err(DocxError::TooDeep { .. })));
    // Deep nesting in the numbering part too.
    let doc = document("<w:p/>");
    let bytes = zip_of(&[
        ("word/document.xml", doc.as_bytes()),
        ("word/numbering.xml", deep.as_bytes()),
    ]);
    assert!(
        matches!(read(&bytes), Err(DocxError::TooDeep { part, .. }) if part == "word/numbering.xml")
    );
}

#[test]
fn missing_parts_and_dangling_references_still_give_a_text() {
    // Relationships naming parts that are not there; numbering that names
    // definitions that do not exist; a numbering style linked to itself.
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="nowhere.xml"/>
      <Relationship Id="b" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="../../../../etc/passwd"/>
    </Relationships>"#;
    let root_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="missing/main.xml"/>
    </Relationships>"#;
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="S"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="77"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="numbering" w:styleId="S"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let p = |n: u32| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:numId w:val="{n}"/></w:numPr></w:pPr><w:r><w:t>段落{n}</w:t></w:r></w:p>"#
        )
    };
    let doc = document(&format!("{}{}{}", p(1), p(2), p(3)));
    let bytes = zip_of(&[
        ("_rels/.rels", root_rels.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    let t = read(&bytes).unwrap();
    assert_eq!(t.text, "段落1\n段落2\n段落3\n");
    check(&t);
    // A zip with only a document and nothing else at all.
    let t = read(&zip_of(&[("word/document.xml", document("").as_bytes())])).unwrap();
    assert_eq!(t.text, "");
}

#[test]
fn odd_but_well_formed_content_reads() {
    // A hundred thousand field begins without ends, unbalanced separators, a
    // run inside a run inside a text box inside a table 200 deep.
    let fields = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#.repeat(100_000);
    let seps =
        r#"<w:r><w:fldChar w:fldCharType="separate"/><w:fldChar w:fldCharType="end"/></w:r>"#
            .repeat(1000);
    let tables = "<w:tbl><w:tr><w:tc>".repeat(60)
        + "<w:p><w:r><w:t>深</w:t></w:r></w:p>"
        + &"</w:tc></w:tr></w:tbl>".repeat(60);
    let body = format!("<w:p>{seps}<w:r><w:t>甲</w:t></w:r></w:p><w:p>{fields}<w:r><w:t>不显示</w:t></w:r></w:p>{tables}");
    let t = read(&zip_of(&[(
        "word/document.xml",
        document(&body).as_bytes(),
    )]))
    .unwrap();
    assert_eq!(t.text, "甲\n\n深\n");
    check(&t);
}

/// xorshift64*, so that the mutations are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

#[test]
fn mutated_fixtures_never_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/docx");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut ok = 0;
    for name in ["numbered_notice", "regulation_outline", "formats"] {
        let bytes = std::fs::read(dir.join(format!("{name}.docx"))).unwrap();
        // Bytes of the archive flipped, and the archive cut short.
        for _ in 0..200 {
            let mut b = bytes.clone();
            for _ in 0..1 + rng.next(8) {
                let i = rng.next(b.len());
                b[i] ^= 1 << rng.next(8);
            }
            if let Ok(t) = read(&b) {
                check(&t);
                let fixed = gangmu::docx::fix_docx(&b, &Default::default(), true)
                    .expect("what reads can be fixed");
                assert_eq!(read(&fixed.bytes).unwrap().text, fixed.text);
                ok += 1;
            }
        }
        for cut in (0..bytes.len()).step_by(97) {
            let _ = read(&bytes[..cut]);
        }
        // The XML of the main part mutated, then zipped again.
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        let pieces = [
            "<w:p>",
            "</w:p>",
            "<w:numPr>",
            "<w:ilvl w:val=\"9\"/>",
            "<w:numId w:val=\"1\"/>",
            "&#x0;",
            "&bogus;",
            "<w:t>",
            "</w:r>",
            "<w:tbl>",
            "<mc:Fallback>",
            "<w:fldChar w:fldCharType=\"end\"/>",
        ];
        for _ in 0..100 {
            let mut x = xml.clone();
            for _ in 0..1 + rng.next(4) {
                let mut at = rng.next(x.len());
                while !x.is_char_boundary(at) {
                    at -= 1;
                }
                x.insert_str(at, pieces[rng.next(pieces.len())]);
            }
            let b = zip_of(&[("word/document.xml", x.as_bytes())]);
            if let Ok(t) = read(&b) {
                check(&t);
                let fixed = gangmu::docx::fix_docx(&b, &Default::default(), true)
                    .expect("what reads can be fixed");
                assert_eq!(read(&fixed.bytes).unwrap().text, fixed.text);
                ok += 1;
            }
        }
    }
    assert!(ok > 0, "some mutations should still read");
}
