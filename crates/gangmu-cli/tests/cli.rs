//! The `gangmu` binary as users run it: formats, encodings, errors, and the
//! JSON contract checked against `docs/schema/gangmu-1.schema.json`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gangmu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("gangmu runs")
}

fn gangmu_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/schema/gangmu-1.schema.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&value).expect("the schema is a valid JSON Schema")
}

fn leaves<'a>(node: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
    match node.get("children").and_then(|c| c.as_array()) {
        Some(children) if !children.is_empty() => {
            for c in children {
                leaves(c, out);
            }
        }
        _ => out.push(node),
    }
}

#[test]
fn json_output_follows_the_schema_and_tiles_the_input() {
    let validator = schema();
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    for name in [
        "regulation_nonbank_payment_institutions_2023_pdf.txt",
        "report_gwr_1988_wikisource.txt",
        "other_pboc_rural_finance_opinion_press_release.txt",
    ] {
        files.push(repo().join("tests/corpus").join(name));
    }
    for f in files {
        let out = gangmu(&["parse", f.to_str().unwrap(), "--format", "json"]);
        assert!(out.status.success(), "{}: should parse", f.display());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .take(5)
            .collect();
        assert!(
            errors.is_empty(),
            "{}: output should follow the schema: {errors:?}",
            f.display()
        );
        let len = std::fs::read(&f).unwrap().len() as u64;
        let mut ls = Vec::new();
        for c in json["children"].as_array().unwrap() {
            leaves(c, &mut ls);
        }
        let mut at = 0u64;
        for l in ls {
            assert_eq!(
                l["span"]["start"].as_u64().unwrap(),
                at,
                "{}: leaves should tile the input",
                f.display()
            );
            at = l["span"]["end"].as_u64().unwrap();
        }
        assert_eq!(
            at,
            len,
            "{}: leaves should reach the end of the input",
            f.display()
        );
    }
}

#[test]
fn json_shape_is_pinned() {
    let out = gangmu_stdin(
        &["parse", "--format", "json"],
        "一、总则\n正文。\n".as_bytes(),
    );
    assert!(out.status.success());
    let expected = concat!(
        r#"{"schema":"gangmu/1","type":"document","span":{"start":0,"end":23},"children":["#,
        r#"{"type":"section","span":{"start":0,"end":23},"depth":1,"children":["#,
        r#"{"type":"heading","span":{"start":0,"end":13},"depth":1,"level":1,"#,
        r#""marker":{"text":"一、","family":"chinese_comma","ordinal":1,"close":"、","span":{"start":0,"end":6}},"#,
        r#""title":{"start":6,"end":12},"run_in":false},"#,
        r#"{"type":"paragraph","span":{"start":13,"end":23}}]}],"diagnostics":[]}"#,
        "\n"
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        expected,
        "the JSON contract should not change shape"
    );
}

#[test]
fn the_readme_quick_start_example_parses_to_noise_title_sections_and_enumerations() {
    let out = gangmu(&[
        "parse",
        "tests/fixtures/scraped_education_bureau_report.txt",
    ]);
    assert!(out.status.success());
    let tree = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "noise WebChrome",
        "title 教育局2024年第三季度意识形态工作分析研判报告",
        "section depth=1",
        "heading depth=2",
        "enumeration Shi",
        "item 三是",
    ] {
        assert!(
            tree.contains(expected),
            "the example's tree should contain {expected:?}:\n{tree}"
        );
    }
}

#[test]
fn every_format_renders() {
    let f = "tests/fixtures/notice_full_elements.txt";
    let outline = gangmu(&["parse", f, "--format", "outline"]);
    assert_eq!(
        String::from_utf8(outline.stdout).unwrap().lines().next(),
        Some("XX市人民政府办公室关于开展2024年度安全生产大检查的通知")
    );
    let md = String::from_utf8(gangmu(&["parse", f, "--format", "markdown"]).stdout).unwrap();
    assert!(
        md.contains("## 一、检查时间"),
        "markdown should render headings with #:\n{md}"
    );
    assert!(
        md.contains("- 一是建立台账；"),
        "markdown should render enumeration items as list items"
    );
}

#[test]
fn reads_gb18030_and_utf16_input() {
    let dir = std::env::temp_dir().join(format!("gangmu-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "关于加强管理的通知\n\n一、总则\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let p = dir.join("gbk.txt");
    std::fs::write(&p, &gbk).unwrap();
    let out = gangmu(&["parse", p.to_str().unwrap(), "--format", "outline"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "关于加强管理的通知\n一、总则\n"
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let out = gangmu_stdin(&["parse", "-", "--format", "outline"], &utf16);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "关于加强管理的通知\n一、总则\n"
    );
}

#[test]
fn binary_input_is_a_clear_error_with_exit_code_2_and_no_output() {
    let dir = std::env::temp_dir().join(format!("gangmu-cli-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("image.bin");
    std::fs::write(&p, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0x00]).unwrap();
    let out = gangmu(&["parse", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing should be printed to stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("image.bin") && err.contains("NUL"),
        "the error should name the file and the reason: {err}"
    );
    let missing = gangmu(&["parse", "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn a_directory_gives_one_result_per_file() {
    let out = gangmu(&["parse", "tests/fixtures", "--format", "json"]);
    assert!(out.status.success());
    // Directories are walked recursively: the .docx fixtures and
    // LibreOffice's text exports beside them count too.
    let mut n = 0;
    let mut stack = vec![repo().join("tests/fixtures")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "txt" || x == "docx") {
                n += 1;
            }
        }
    }
    let docs = String::from_utf8(out.stdout).unwrap().lines().count();
    assert_eq!(docs, n, "one JSON line per file");
}

const NOTICE_DOCX: &str = "tests/fixtures/docx/numbered_notice.docx";

#[test]
fn a_docx_is_read_by_content_with_its_generated_markers() {
    // The same bytes under a name that says nothing.
    let dir = std::env::temp_dir().join(format!("gangmu-cli-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("draft.bin");
    std::fs::copy(repo().join(NOTICE_DOCX), &p).unwrap();
    let out = gangmu(&["parse", p.to_str().unwrap(), "--format", "outline"]);
    assert!(out.status.success());
    let outline = String::from_utf8(out.stdout).unwrap();
    assert!(
        outline.starts_with(
            "关于开展安全生产检查的通知\n一、检查内容\n  （一）重点场所\n    1.消防设施\n"
        ),
        "{outline}"
    );
    let json = gangmu(&["parse", NOTICE_DOCX, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let errors: Vec<String> = schema()
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        String::from_utf8_lossy(&json.stdout)
            .matches("\"generated\":true")
            .count(),
        13
    );
    let text = gangmu(&["parse", NOTICE_DOCX, "--format", "text"]);
    assert!(String::from_utf8(text.stdout)
        .unwrap()
        .contains("\n一、检查内容\n（一）重点场所\n"));
    // From standard input too.
    let bytes = std::fs::read(repo().join(NOTICE_DOCX)).unwrap();
    let out = gangmu_stdin(&["parse", "-", "--format", "outline"], &bytes);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), outline);
}

#[test]
fn lint_on_a_docx_reports_paragraphs_and_fix_applies_to_text_only() {
    let f = "tests/fixtures/docx/faulty_request.docx";
    let out = gangmu(&["lint", f]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("faulty_request.docx:¶4:1: warning[HDR001 hdr-level1-marker] 一级标题序号“一.”应写作“一、”（自动编号生成，请在编号格式中修改）\n"),
        "{text}"
    );
    assert!(
        text.contains("faulty_request.docx:¶6:1: warning[HDR004"),
        "{text}"
    );
    assert!(text.contains("¶10 | 二〇二四年九月三十日"), "{text}");
    // The Title style makes the first line the title, whose 。 is reported;
    // the addressee after it is found too.
    assert!(
        text.contains("faulty_request.docx:¶1:14: warning[TITLE002"),
        "{text}"
    );
    assert!(
        text.contains("faulty_request.docx:¶2:1: error[ELEM001"),
        "{text}"
    );
    let json = gangmu(&["lint", f, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let first = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "HDR001")
        .unwrap();
    assert_eq!(first["rule"], "HDR001");
    assert_eq!(first["paragraph"], 4);
    assert_eq!(first["part"]["kind"], "body");
    assert!(first["fix"].is_null(), "no fix on a generated label");
    let sarif = gangmu(&["lint", f, "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(v["runs"][0]["results"][0]["properties"]["paragraph"], 1);
    // Fixes: the typed brackets are fixed, the generated labels are not.
    let fixed = String::from_utf8(gangmu(&["fix", f]).stdout).unwrap();
    assert!(
        fixed.contains("一.购置理由\n二.购置清单\n（一）计算机十台。\n"),
        "{fixed}"
    );
    let diff = String::from_utf8(gangmu(&["fix", f, "--diff"]).stdout).unwrap();
    assert!(
        diff.contains("-(一)计算机十台。\n-(二)打印机两台。\n+（一）计算机十台。\n"),
        "{diff}"
    );
    // --write writes the fixes into the .docx: only the edited runs change,
    // the generated labels never.
    let dir = std::env::temp_dir().join(format!("gangmu-cli-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("draft.docx");
    std::fs::copy(repo().join(f), &p).unwrap();
    let out = gangmu(&["fix", "--write", p.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after =
        String::from_utf8(gangmu(&["parse", "--format", "text", p.to_str().unwrap()]).stdout)
            .unwrap();
    assert_eq!(after, fixed, "the written file reads as the printed fix");
    assert!(after.contains("县财政局：\n"));
    let lint = String::from_utf8(gangmu(&["lint", p.to_str().unwrap()]).stdout).unwrap();
    assert!(
        !lint.contains("HDR004") && lint.contains("HDR001"),
        "{lint}"
    );
    // Writing again changes nothing.
    let before = std::fs::read(&p).unwrap();
    assert!(gangmu(&["fix", "--write", p.to_str().unwrap()])
        .status
        .success());
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn a_zip_that_is_not_a_docx_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("gangmu-cli-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("archive.zip");
    // An empty zip archive: just the end-of-central-directory record.
    let mut empty = b"PK\x05\x06".to_vec();
    empty.extend_from_slice(&[0; 18]);
    std::fs::write(&p, &empty).unwrap();
    let out = gangmu(&["parse", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("archive.zip") && err.contains("not a .docx"),
        "{err}"
    );
    std::fs::write(&p, b"PK\x03\x04truncated").unwrap();
    let out = gangmu(&["lint", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("not a zip archive"));
}
