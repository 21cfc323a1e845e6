//! `gangmu lint` and `gangmu fix` end to end: exit codes, excerpts aligned
//! for full-width characters, JSON and SARIF, configuration discovery, fixes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const DRAFT: &str = "关于开展检查的通知\n\n各单位:\n\n一.检查范围\n(一)重点单位。\n(三)一般单位,要加强领导。\n\n某某局\n2024年09月05日\n";

fn gangmu(args: &[&str], stdin: &str, dir: Option<&PathBuf>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gangmu"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("gangmu runs");
    // gangmu may exit before reading (a configuration error): ignore EPIPE.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("gangmu ends")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gangmu-lint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

#[test]
fn lint_exits_1_on_errors_0_when_clean_2_on_bad_input() {
    let o = gangmu(&["lint", "-"], DRAFT, None);
    assert_eq!(o.status.code(), Some(1), "should fail on error findings");
    let clean =
        "关于开展检查的通知\n\n各单位：\n\n一、检查范围\n（一）重点单位。\n（二）一般单位。\n";
    let o = gangmu(&["lint", "-"], clean, None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "should pass a clean text: {}",
        stdout(&o)
    );
    let o = gangmu(&["lint", "--select", "NOPE", "-"], clean, None);
    assert_eq!(o.status.code(), Some(2), "should reject an unknown rule");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("NOPE"),
        "should name the unknown rule"
    );
    let o = gangmu(&["lint", "/no/such/file.txt"], "", None);
    assert_eq!(o.status.code(), Some(2), "should fail on a missing file");
    let o = gangmu(
        &["lint", "--fail-on", "warning", "--select", "HDR", "-"],
        DRAFT,
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "warnings fail with --fail-on warning"
    );
}

#[test]
fn excerpts_underline_the_span_at_display_width() {
    let o = gangmu(
        &["lint", "--select", "PUNC001", "-"],
        "要加强领导,落实责任。\n",
        None,
    );
    let out = stdout(&o);
    assert!(
        out.contains("<stdin>:1:6: warning[PUNC001 punc-halfwidth]"),
        "{out}"
    );
    // `要加强领导` is five full-width characters: ten columns before the caret.
    let caret = out.lines().find(|l| l.contains('^')).expect("an underline");
    let after_bar = caret.split_once("| ").expect("gutter").1;
    assert!(
        after_bar.starts_with(&format!("{}^ ", " ".repeat(10))),
        "{out}"
    );
}

#[test]
fn json_and_sarif_carry_rule_span_and_position() {
    let o = gangmu(&["lint", "--format", "json", "-"], DRAFT, None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let first = &v[0];
    assert_eq!(first["rule"], "ELEM001");
    assert_eq!(first["name"], "elem-addressee-colon");
    assert_eq!(first["line"], 3);
    assert!(first["span"]["start"].is_u64());
    let o = gangmu(&["lint", "--format", "sarif", "-"], DRAFT, None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("sarif");
    assert_eq!(v["version"], "2.1.0");
    assert!(v["runs"][0]["results"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    assert!(v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .is_some_and(|r| r.len() >= 55));
}

#[test]
fn statistics_count_findings_per_rule() {
    let o = gangmu(&["lint", "--statistics", "-"], DRAFT, None);
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l.contains("HDR004") && l.trim_start().starts_with('2')),
        "{out}"
    );
}

#[test]
fn statistics_in_sarif_is_a_usage_error_not_json_in_disguise() {
    let o = gangmu(
        &["lint", "--statistics", "--format", "sarif", "-"],
        DRAFT,
        None,
    );
    assert_eq!(o.status.code(), Some(2), "should refuse as a usage error");
    assert!(
        o.stdout.is_empty(),
        "should print nothing on standard output"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--statistics has no SARIF form"),
        "should say why: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = gangmu(
        &["lint", "--statistics", "--format", "json", "-"],
        DRAFT,
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json statistics");
    assert!(
        v[0]["count"].is_u64(),
        "JSON statistics should carry counts"
    );
}

#[test]
fn config_is_read_from_gangmu_toml_and_pyproject() {
    let d = temp_dir("config");
    std::fs::write(
        d.join("gangmu.toml"),
        "ignore = [\"ELEM\", \"DATE\", \"SEQ003\"]\n",
    )
    .unwrap();
    let o = gangmu(&["lint", "--fail-on", "error", "-"], DRAFT, Some(&d));
    assert_eq!(
        o.status.code(),
        Some(0),
        "gangmu.toml should silence the errors: {}",
        stdout(&o)
    );
    std::fs::remove_file(d.join("gangmu.toml")).unwrap();
    std::fs::write(
        d.join("pyproject.toml"),
        "[tool.gangmu]\nselect = [\"HDR004\"]\n",
    )
    .unwrap();
    let o = gangmu(&["lint", "--format", "json", "-"], DRAFT, Some(&d));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(v.as_array().unwrap().iter().all(|d| d["rule"] == "HDR004"));
    std::fs::write(d.join("bad.toml"), "[severity]\nHDR004 = \"loud\"\n").unwrap();
    let o = gangmu(&["lint", "--config", "bad.toml", "-"], DRAFT, Some(&d));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("severity.HDR004"));
}

#[test]
fn fix_prints_diffs_and_writes_idempotently() {
    let o = gangmu(&["fix", "-"], DRAFT, None);
    let fixed = stdout(&o);
    assert!(
        fixed.contains("各单位：\n\n一、检查范围\n（一）重点单位。\n（三）一般单位，要加强领导。"),
        "{fixed}"
    );
    assert!(fixed.ends_with("2024年9月5日\n"));
    let again = stdout(&gangmu(&["fix", "-"], &fixed, None));
    assert_eq!(again, fixed, "a second fix should change nothing");
    let diff = stdout(&gangmu(&["fix", "--diff", "-"], DRAFT, None));
    assert!(
        diff.contains("\n-(一)重点单位。\n") && diff.contains("\n+（一）重点单位。\n"),
        "{diff}"
    );
    let unsafe_fixed = stdout(&gangmu(&["fix", "--unsafe", "-"], DRAFT, None));
    assert!(
        unsafe_fixed.contains("（二）一般单位"),
        "--unsafe renumbers: {unsafe_fixed}"
    );
    let d = temp_dir("write");
    let f = d.join("draft.txt");
    std::fs::write(&f, DRAFT).unwrap();
    let o = gangmu(&["fix", "--write", f.to_str().unwrap()], "", None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), fixed);
}
