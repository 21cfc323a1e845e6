//! gangmu's rendering of the .docx fixtures against LibreOffice's own text
//! export of the same files, line by line (tests/fixtures/docx, made by
//! `make_fixtures.py`).
//!
//! By default the committed exports are read; with `GANGMU_DOCX_FIXTURES=DIR`
//! the fixtures and exports LibreOffice just made in DIR (CI runs
//! LibreOffice itself, see scripts/test-docx.sh).
//!
//! LibreOffice's text export indents list paragraphs by four spaces a level,
//! writes one space after every label whatever `w:suff` says, and leaves out
//! text boxes, notes, headers and footers: the comparison takes the body
//! lines, drops the indentation and puts a space after gangmu's labels. Every
//! other difference must be listed in `KNOWN` with the reason, and every
//! listed difference must still occur.

use std::path::{Path, PathBuf};

use gangmu::docx::{Container, DocxText, Part};

/// Lines where LibreOffice (7.4, Debian's) shows what Word does not:
/// (fixture, LibreOffice's line, gangmu's line, why).
const KNOWN: &[(&str, &str, &str, &str)] = &[
    (
        "formats",
        "一.1 细目",
        "1.1 细目",
        "w:isLgl (legal numbering) is ignored by LibreOffice; Word writes every level of the label in Arabic digits",
    ),
    (
        "formats",
        "一.2 细目",
        "1.2 细目",
        "w:isLgl, as above",
    ),
    (
        "formats",
        "第一条 条文连续编号",
        "第二条 条文连续编号",
        "w:lvlRestart w:val=\"0\" (never restart) is ignored by LibreOffice; Word continues 条 across 章",
    ),
    (
        "formats",
        "㉑、 第21项",
        "21、 第21项",
        "decimalEnclosedCircle past 20: LibreOffice goes on with ㉑…㊿; ECMA-376 §17.18.59 (and so gangmu) falls back to decimal after ⑳",
    ),
    (
        "minutes_table_changes",
        "会议认真研究了被删除的文字下一阶段工作。",
        "会议认真研究了下一阶段工作。",
        "LibreOffice exports text with its tracked changes shown, deletions included; Word's final view and gangmu drop w:del",
    ),
];

/// Number formats LibreOffice reads as plain decimal (it has no such format):
/// the lines of `formats` under these headings are compared on the text only.
const DECIMAL_IN_LIBREOFFICE: &[&str] = &["decimalEnclosedParen", "decimalEnclosedFullstop"];

fn fixtures() -> PathBuf {
    match std::env::var_os("GANGMU_DOCX_FIXTURES") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/docx"),
    }
}

/// gangmu's body lines as LibreOffice writes them: labels followed by one space.
fn comparable(docx: &DocxText) -> Vec<String> {
    let mut out = Vec::new();
    let mut labels = docx.labels.iter().peekable();
    for (i, line) in docx.lines.iter().enumerate() {
        let label = labels.next_if(|l| l.line == i);
        if line.part != Part::Body || line.container == Container::TextBox {
            continue;
        }
        let text = &docx.text[line.span.range()];
        out.push(match label {
            Some(l) => format!(
                "{} {}",
                &docx.text[l.marker.range()],
                &docx.text[l.suffix.end..line.span.end]
            ),
            None => text.to_string(),
        });
    }
    out
}

#[test]
fn gangmu_renders_every_fixture_as_libreoffice_exports_it() {
    let dir = fixtures();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".docx").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 5, "fixtures missing in {}", dir.display());
    let mut used = vec![false; KNOWN.len()];
    let mut failures = Vec::new();
    let mut compared = 0;
    for name in &names {
        let bytes = std::fs::read(dir.join(format!("{name}.docx"))).unwrap();
        let export = std::fs::read_to_string(dir.join(format!("{name}.libreoffice.txt")))
            .unwrap_or_else(|e| panic!("{name}.libreoffice.txt: {e}"));
        let docx = gangmu::docx::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = comparable(&docx);
        let theirs: Vec<&str> = export
            .trim_start_matches('\u{feff}')
            .lines()
            .map(str::trim_start)
            .collect();
        let theirs: Vec<&str> = match theirs.iter().rposition(|l| !l.is_empty()) {
            Some(last) => theirs[..=last].to_vec(),
            None => Vec::new(),
        };
        if ours.len() != theirs.len() {
            failures.push(format!(
                "{name}: {} lines from gangmu, {} from LibreOffice\n  gangmu: {ours:?}\n  LibreOffice: {theirs:?}",
                ours.len(),
                theirs.len()
            ));
            continue;
        }
        let mut section = "";
        for (k, (o, t)) in ours.iter().zip(&theirs).enumerate() {
            compared += 1;
            if let Some(f) = o.strip_prefix("格式") {
                section = f;
            }
            if o == t {
                continue;
            }
            if let Some(i) = KNOWN
                .iter()
                .position(|(f, lo, g, _)| f == name && lo == t && g == o)
            {
                used[i] = true;
                continue;
            }
            if name == "formats" && DECIMAL_IN_LIBREOFFICE.contains(&section) {
                let text = |s: &str| s.split_once(' ').map(|x| x.1.to_string());
                if text(o) == text(t) {
                    continue;
                }
            }
            failures.push(format!(
                "{name} line {}: gangmu {o:?}, LibreOffice {t:?}",
                k + 1
            ));
        }
    }
    for (i, (f, lo, g, why)) in KNOWN.iter().enumerate() {
        if !used[i] {
            failures.push(format!(
                "listed difference no longer seen in {f}: LibreOffice {lo:?}, gangmu {g:?} ({why})"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} lines differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{compared} lines of {} fixtures agree with LibreOffice ({} listed differences)",
        names.len(),
        KNOWN.len()
    );
}

#[test]
fn the_notice_fixture_has_generated_markers_and_the_right_hierarchy() {
    let bytes = std::fs::read(fixtures().join("numbered_notice.docx")).unwrap();
    let (docx, doc) = gangmu::docx::parse(&bytes).unwrap();
    let outline = gangmu::render::outline(&docx.text, &doc);
    assert_eq!(
        outline,
        "关于开展安全生产检查的通知\n一、检查内容\n  （一）重点场所\n    1.消防设施\n      （1）灭火器材\n      （2）疏散通道\n        ①安全出口\n        ②应急照明\n    2.用电安全\n  （二）一般场所\n二、工作要求\n  （一）加强组织领导\n  （二）落实工作责任\n三、其他事项\n"
    );
    let generated = doc
        .headings()
        .filter(|h| h.marker.as_ref().is_some_and(|m| m.generated))
        .count();
    assert_eq!(generated, 13);
}
