//! `gangmu lint` and `gangmu fix`: configuration discovery, output formats.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gangmu::docx::{Container, Part};
use gangmu::lint::{rules, Config};
use gangmu::{Diagnostic, LineIndex, Severity};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::{read_all, LintFormat, Loaded, RuleArgs};

/// The configuration: `--config FILE`, else `gangmu.toml`, else the
/// `[tool.gangmu]` table of `pyproject.toml` in the current directory; then the
/// command line's `--select` and `--ignore`.
/// The configuration and the decoded inputs of a `lint` or `fix` run.
#[allow(clippy::type_complexity)]
fn config_and_inputs(
    args: &RuleArgs,
    paths: &[PathBuf],
) -> Result<(Config, Vec<(String, PathBuf, Loaded)>), String> {
    Ok((load_config(args)?, read_all(paths)?))
}

fn load_config(args: &RuleArgs) -> Result<Config, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let is_pyproject = |p: &Path| p.file_name().is_some_and(|n| n == "pyproject.toml");
    let mut config = match &args.config {
        Some(p) => {
            let s = read(p)?;
            let c = if is_pyproject(p) {
                Config::from_pyproject_str(&s).map(Option::unwrap_or_default)
            } else {
                Config::from_toml_str(&s)
            };
            c.map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => {
            let own = PathBuf::from("gangmu.toml");
            let py = PathBuf::from("pyproject.toml");
            if own.is_file() {
                Config::from_toml_str(&read(&own)?).map_err(|e| format!("gangmu.toml: {e}"))?
            } else if py.is_file() {
                Config::from_pyproject_str(&read(&py)?)
                    .map_err(|e| format!("pyproject.toml: {e}"))?
                    .unwrap_or_default()
            } else {
                Config::default()
            }
        }
    };
    if !args.select.is_empty() {
        config.select = Some(args.select.clone());
    }
    config.ignore.extend(args.ignore.iter().cloned());
    config.validate().map_err(|e| {
        let key = if args
            .select
            .iter()
            .chain(&args.ignore)
            .any(|s| e.message.contains(s.as_str()))
        {
            "command line"
        } else {
            "configuration"
        };
        format!("{key}: {e}")
    })?;
    Ok(config)
}

fn rule_name(id: &str) -> &'static str {
    rules().iter().find(|r| r.id == id).map_or("", |r| r.name)
}

/// The line of `text` holding byte `at`: its start and its text.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |k| k + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |k| at + k);
    (start, &text[start..end])
}

fn display(s: &str) -> String {
    s.replace('\t', " ")
}

/// Where byte `at` is, for people: `line:column` in a text file; in a .docx,
/// the paragraph (`¶5`, counted from 1 in its part, with the part, table cell
/// or text box when it is not the body's own flow) and the column.
fn location(loaded: &Loaded, idx: &LineIndex, at: usize) -> (String, usize) {
    let (line, col) = idx.line_col(at);
    let Loaded::Docx(docx, _) = loaded else {
        return (line.to_string(), col);
    };
    let Some(src) = docx.source(at) else {
        return (line.to_string(), col);
    };
    let para = src
        .paragraph
        .map_or("¶-".to_string(), |p| format!("¶{}", p + 1));
    let part = match src.part {
        Part::Body => String::new(),
        Part::Footnote { id } => format!("footnote {id} "),
        Part::Endnote { id } => format!("endnote {id} "),
        Part::Header { index } => format!("header {} ", index + 1),
        Part::Footer { index } => format!("footer {} ", index + 1),
    };
    let within = match src.container {
        Container::Text => String::new(),
        Container::TableCell { table, row, cell } => {
            format!(" (table {}, row {}, cell {})", table + 1, row + 1, cell + 1)
        }
        Container::TextBox => " (text box)".to_string(),
    };
    (format!("{part}{para}{within}"), col)
}

/// The .docx source-map fields of a finding in JSON: paragraph (from 1), part
/// and container.
fn docx_fields(loaded: &Loaded, at: usize) -> Option<serde_json::Value> {
    let Loaded::Docx(docx, _) = loaded else {
        return None;
    };
    let src = docx.source(at)?;
    Some(json!({
        "paragraph": src.paragraph.map(|p| p + 1),
        "part": src.part,
        "container": src.container,
    }))
}

/// One finding as text: location, rule, message, and the source line with the
/// span underlined (display width 2 for full-width characters).
fn render_text(name: &str, loaded: &Loaded, idx: &LineIndex, d: &Diagnostic) -> String {
    let text = loaded.text();
    let (line, col) = location(loaded, idx, d.span.start);
    let (ls, src) = line_at(text, d.span.start);
    let end = d.span.end.min(ls + src.len()).max(d.span.start);
    let pad = display(&src[..d.span.start - ls]).width();
    let width = display(&text[d.span.start..end]).width().max(1);
    let gutter = line.width();
    let fix = match &d.fix {
        Some(f) if f.safe => " [fix]",
        Some(_) => " [unsafe fix]",
        None => "",
    };
    format!(
        "{name}:{line}:{col}: {sev}[{rule} {rname}] {msg}{fix}\n{sp} |\n{line} | {src}\n{sp} | {pad}{marks} {en}\n",
        sev = d.severity,
        rule = d.rule,
        rname = rule_name(&d.rule),
        msg = d.message,
        sp = " ".repeat(gutter),
        src = display(src),
        pad = " ".repeat(pad),
        marks = "^".repeat(width),
        en = d.message_en,
    )
}

fn json_of(name: &str, loaded: &Loaded, idx: &LineIndex, d: &Diagnostic) -> serde_json::Value {
    let (line, column) = idx.line_col(d.span.start);
    let (end_line, end_column) = idx.line_col(d.span.end);
    let mut v = json!({
        "file": name,
        "rule": d.rule,
        "name": rule_name(&d.rule),
        "severity": d.severity,
        "message": d.message,
        "message_en": d.message_en,
        "span": d.span,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "fix": d.fix,
    });
    if let (Some(extra), Some(obj)) = (docx_fields(loaded, d.span.start), v.as_object_mut()) {
        if let Some(fields) = extra.as_object() {
            obj.extend(fields.clone());
        }
    }
    v
}

fn sarif(
    results: &[(String, LineIndex, Vec<Diagnostic>)],
    inputs: &[(String, PathBuf, Loaded)],
) -> serde_json::Value {
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let driver_rules: Vec<_> = rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.summary_en},
                "fullDescription": {"text": r.summary},
                "helpUri": format!("docs/rules/{}.md", r.id),
                "defaultConfiguration": {"level": level(r.severity)},
            })
        })
        .collect();
    let mut out = Vec::new();
    for ((name, idx, diags), (_, _, loaded)) in results.iter().zip(inputs) {
        for d in diags {
            let (sl, sc) = idx.line_col(d.span.start);
            let (el, ec) = idx.line_col(d.span.end);
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": format!("{} ({})", d.message, d.message_en)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": name},
                    "region": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}
                }}],
            });
            if let (Some(extra), Some(obj)) =
                (docx_fields(loaded, d.span.start), result.as_object_mut())
            {
                obj.insert("properties".into(), extra);
            }
            out.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gangmu", "version": env!("CARGO_PKG_VERSION"), "rules": driver_rules}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }]
    })
}

pub(crate) fn run_lint(
    paths: &[PathBuf],
    format: LintFormat,
    args: &RuleArgs,
    statistics: bool,
    fail_on: Severity,
) -> ExitCode {
    let (config, inputs) = match config_and_inputs(args, paths) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    let mut results = Vec::with_capacity(inputs.len());
    for (name, _, loaded) in &inputs {
        let diags = match loaded {
            Loaded::Text(d) => gangmu::lint::lint(&d.text, &config),
            Loaded::Docx(d, _) => gangmu::docx::lint(d, &config),
        };
        results.push((name.clone(), LineIndex::new(loaded.text()), diags));
    }
    let failing = results
        .iter()
        .flat_map(|r| &r.2)
        .any(|d| d.severity >= fail_on);
    let mut out = std::io::stdout().lock();
    let written = if statistics {
        let mut counts: BTreeMap<&str, (usize, Severity)> = BTreeMap::new();
        for d in results.iter().flat_map(|r| &r.2) {
            let e = counts.entry(d.rule.as_str()).or_insert((0, d.severity));
            e.0 += 1;
        }
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        match format {
            LintFormat::Text => {
                let mut s = String::new();
                for (id, (n, sev)) in &rows {
                    s.push_str(&format!("{n:>6}  {id:<9} {:<28} {sev}\n", rule_name(id)));
                }
                write!(out, "{s}")
            }
            _ => {
                let v: Vec<_> = rows
                    .iter()
                    .map(|(id, (n, sev))| json!({"rule": id, "name": rule_name(id), "count": n, "severity": sev}))
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&v).unwrap_or_default()
                )
            }
        }
    } else {
        match format {
            LintFormat::Text => {
                let mut s = String::new();
                let mut total = 0;
                for ((name, idx, diags), (_, _, loaded)) in results.iter().zip(&inputs) {
                    for d in diags {
                        s.push_str(&render_text(name, loaded, idx, d));
                        s.push('\n');
                        total += 1;
                    }
                }
                if total > 0 {
                    let fixable = results
                        .iter()
                        .flat_map(|r| &r.2)
                        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
                        .count();
                    s.push_str(&format!(
                        "Found {total} finding(s); {fixable} fixable with `gangmu fix`.\n"
                    ));
                }
                write!(out, "{s}")
            }
            LintFormat::Json => {
                // Streamed one diagnostic at a time (a hostile file can have
                // hundreds of thousands), in the layout of
                // `serde_json::to_string_pretty` for the whole array.
                let mut out = std::io::BufWriter::new(&mut out);
                let all =
                    results
                        .iter()
                        .zip(&inputs)
                        .flat_map(|((name, idx, diags), (_, _, loaded))| {
                            diags.iter().map(move |d| (name, loaded, idx, d))
                        });
                let mut first = true;
                let mut written = Ok(());
                for (name, loaded, idx, d) in all {
                    let item = serde_json::to_string_pretty(&json_of(name, loaded, idx, d))
                        .unwrap_or_default();
                    let sep = if first { "[\n" } else { ",\n" };
                    first = false;
                    written = write!(out, "{sep}  {}", item.replace('\n', "\n  "));
                    if written.is_err() {
                        break;
                    }
                }
                written
                    .and_then(|()| writeln!(out, "{}", if first { "[]" } else { "\n]" }))
                    .and_then(|()| out.flush())
            }
            LintFormat::Sarif => writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&sarif(&results, &inputs)).unwrap_or_default()
            ),
        }
    };
    if written.is_err() {
        return ExitCode::SUCCESS; // closed pipe
    }
    if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub(crate) fn run_fix(
    paths: &[PathBuf],
    include_unsafe: bool,
    diff: bool,
    write: bool,
    args: &RuleArgs,
) -> ExitCode {
    let (config, inputs) = match config_and_inputs(args, paths) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    if write {
        for (name, path, loaded) in &inputs {
            if path.as_os_str() == "-" {
                eprintln!("gangmu: --write needs files, not standard input");
                return ExitCode::from(2);
            }
            match loaded {
                Loaded::Docx(..) => {}
                Loaded::Text(d) if d.encoding != gangmu::Encoding::Utf8 => {
                    eprintln!(
                        "gangmu: {name}: read as {}; --write only rewrites UTF-8 files",
                        d.encoding.name()
                    );
                    return ExitCode::from(2);
                }
                Loaded::Text(_) => {}
            }
        }
    }
    let many = inputs.len() > 1;
    let mut out = std::io::stdout().lock();
    let mut changed = 0;
    for (name, path, loaded) in &inputs {
        let text = loaded.text();
        // A .docx: the fixes that can be written into its runs (never into
        // generated numbering); the text shown is the new file's.
        let mut docx_out = None;
        let fixed = match loaded {
            Loaded::Text(_) => gangmu::lint::fix(text, &config, include_unsafe),
            Loaded::Docx(_, bytes) => {
                match gangmu::docx::fix_docx(bytes, &config, include_unsafe) {
                    Ok(f) => {
                        let t = f.text.clone();
                        docx_out = Some(f);
                        t
                    }
                    Err(e) => {
                        eprintln!("gangmu: {name}: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
        };
        if let Some(f) = &docx_out {
            if f.left > 0 {
                eprintln!(
                    "gangmu: {name}: {} fix(es) not written: they touch generated numbering, tabs, breaks, fields or several paragraphs",
                    f.left
                );
            }
        }
        if fixed != text {
            changed += 1;
        }
        let r = if diff {
            if fixed == text {
                Ok(())
            } else {
                let d = similar::TextDiff::from_lines(text, fixed.as_str());
                write!(
                    out,
                    "{}",
                    d.unified_diff().context_radius(2).header(name, name)
                )
            }
        } else if write {
            if fixed != text {
                let bytes = match &docx_out {
                    Some(f) => f.bytes.as_slice(),
                    None => fixed.as_bytes(),
                };
                if let Err(e) = write_replacing(path, bytes) {
                    eprintln!("gangmu: {name}: {e}");
                    return ExitCode::from(2);
                }
            }
            Ok(())
        } else if many {
            write!(out, "==> {name} <==\n{fixed}\n")
        } else {
            write!(out, "{fixed}")
        };
        if r.is_err() {
            return ExitCode::SUCCESS;
        }
    }
    if write {
        eprintln!("gangmu: fixed {changed} of {} file(s)", inputs.len());
    }
    ExitCode::SUCCESS
}

/// Writes `bytes` to `path` through a temporary file beside it, so that an
/// interrupted write never leaves half a document.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".gangmu-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
