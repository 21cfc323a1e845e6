//! `gangmu lint` and `gangmu fix`: configuration discovery; the output
//! formats are the library's emitters (`gangmu::lint::emit`), which place the
//! findings of a .docx by paragraph through its source map.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gangmu::lint::emit::{
    Emitter, FileFindings, JsonEmitter, SarifEmitter, Statistics, TextEmitter,
};
use gangmu::lint::Config;
use gangmu::{Diagnostic, Severity};

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

pub(crate) fn load_config(args: &RuleArgs) -> Result<Config, String> {
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

pub(crate) fn run_lint(
    paths: &[PathBuf],
    format: LintFormat,
    args: &RuleArgs,
    statistics: bool,
    fail_on: Severity,
) -> ExitCode {
    if statistics && matches!(format, LintFormat::Sarif) {
        // SARIF holds results, not counts: printing JSON under its name would
        // mislead the code-scanning tool it is meant for.
        eprintln!(
            "gangmu: --statistics has no SARIF form; use --format text or json, or drop --statistics"
        );
        return ExitCode::from(2);
    }
    let (config, inputs) = match config_and_inputs(args, paths) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    let results: Vec<Vec<Diagnostic>> = inputs
        .iter()
        .map(|(_, _, loaded)| match loaded {
            Loaded::Text(d) => gangmu::lint::lint(&d.text, &config),
            Loaded::Docx(d, _) => gangmu::docx::lint(d, &config),
        })
        .collect();
    let files: Vec<FileFindings<'_>> = inputs
        .iter()
        .zip(&results)
        .map(|((name, _, loaded), diags)| {
            let file = FileFindings::new(name, loaded.text(), diags);
            match loaded {
                Loaded::Text(_) => file,
                Loaded::Docx(d, _) => file.with_source_map(d),
            }
        })
        .collect();
    let failing = results.iter().flatten().any(|d| d.severity >= fail_on);
    let mut out = std::io::stdout().lock();
    let written = if statistics {
        let stats = Statistics::of(&files);
        match format {
            LintFormat::Text => stats.write_text(&mut out),
            LintFormat::Json => stats.write_json(&mut out),
            LintFormat::Sarif => unreachable!("refused before linting"),
        }
    } else {
        match format {
            LintFormat::Text => TextEmitter.emit(&mut out, &files),
            LintFormat::Json => JsonEmitter.emit(&mut out, &files),
            LintFormat::Sarif => SarifEmitter.emit(&mut out, &files),
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
