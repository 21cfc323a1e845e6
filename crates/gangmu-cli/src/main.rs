//! The `gangmu` command-line tool.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

/// Structure of Chinese administrative documents (公文): parse to a typed tree.
#[derive(Parser)]
#[command(name = "gangmu", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse documents and print their structure.
    Parse {
        /// Files or directories to parse; `-` or nothing reads standard input.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Tree)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The gangmu/1 JSON tree.
    Json,
    /// An indented view with line numbers.
    Tree,
    /// The heading skeleton.
    Outline,
    /// The document rendered as Markdown.
    Markdown,
}

struct Input {
    name: String,
    bytes: Vec<u8>,
}

fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let mut files: Vec<PathBuf> =
                walk_dir(p).map_err(|e| format!("{}: {e}", p.display()))?;
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt") | Some("md") | Some("text")
            ) {
                out.push(path);
            }
        }
    }
    Ok(out)
}

fn read_input(path: &Path) -> Result<Input, String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("<stdin>: {e}"))?;
        return Ok(Input {
            name: "<stdin>".into(),
            bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Input {
        name: path.display().to_string(),
        bytes,
    })
}

fn render(format: Format, text: &str, doc: &gangmu::Document) -> String {
    match format {
        Format::Json => {
            let mut s = doc.to_json();
            s.push('\n');
            s
        }
        Format::Tree => gangmu::render::tree(text, doc),
        Format::Outline => gangmu::render::outline(text, doc),
        Format::Markdown => gangmu::render::markdown(text, doc),
    }
}

fn run_parse(paths: &[PathBuf], format: Format) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    let files = match collect_inputs(&paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    // Decode everything first, so that an undecodable file prints nothing.
    let mut decoded = Vec::with_capacity(files.len());
    for f in &files {
        let input = match read_input(f) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("gangmu: {e}");
                return ExitCode::from(2);
            }
        };
        match gangmu::decode(&input.bytes) {
            Ok(d) => decoded.push((input.name, d.text)),
            Err(e) => {
                eprintln!("gangmu: {}: {e}", input.name);
                return ExitCode::from(2);
            }
        }
    }
    let many = decoded.len() > 1;
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let total = decoded.len();
    for (k, (name, text)) in decoded.iter().enumerate() {
        let doc = gangmu::parse(text);
        let body = render(format, text, &doc);
        let written = if many {
            match format {
                Format::Json => write!(out, "{body}"),
                _ => write!(out, "==> {name} <==\n{body}\n"),
            }
        } else {
            write!(out, "{body}")
        };
        if written.is_err() {
            return ExitCode::SUCCESS; // closed pipe
        }
        if many && started.elapsed().as_secs() >= 2 {
            eprint!("\rgangmu: {}/{} files", k + 1, total);
        }
    }
    if many && started.elapsed().as_secs() >= 2 {
        eprintln!();
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { paths, format } => run_parse(&paths, format),
    }
}
