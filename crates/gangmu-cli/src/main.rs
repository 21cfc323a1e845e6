//! The `gangmu` command-line tool.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

/// Structure of Chinese administrative documents (公文): parse to a typed tree,
/// check the conventions, fix what is mechanical.
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
        #[command(flatten)]
        threads: ThreadsArg,
    },
    /// Cut documents into retrieval chunks along their structure.
    ///
    /// Prints one JSON object per chunk (the columns of the `gangmu.chunks/1`
    /// table, docs/arrow.md, with the file's path as `doc_id`). An input that
    /// cannot be read is one line with an `error`; the exit status is then 2.
    Chunk {
        /// Files or directories to chunk; `-` or nothing reads standard input.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ChunkFormat::Jsonl)]
        format: ChunkFormat,
        /// Longest chunk, in characters.
        #[arg(long, default_value_t = 1000)]
        max_chars: usize,
        /// Characters shared by consecutive pieces of a section that had to be cut.
        #[arg(long, default_value_t = 0)]
        overlap: usize,
        #[command(flatten)]
        threads: ThreadsArg,
    },
    /// Check documents against the rule catalogue (docs/rules).
    ///
    /// Exit status: 0 when nothing is found at or above the failing severity,
    /// 1 when something is, 2 on usage, configuration or input errors.
    Lint {
        /// Files or directories to check; `-` or nothing reads standard input.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        #[command(flatten)]
        rules: RuleArgs,
        /// Print the number of findings per rule instead of the findings.
        #[arg(long)]
        statistics: bool,
        /// The lowest severity that makes the exit status 1.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
    },
    /// Apply the mechanical fixes; prints the fixed text unless `--write`.
    Fix {
        /// Files or directories to fix; `-` or nothing reads standard input.
        paths: Vec<PathBuf>,
        /// Also apply unsafe fixes (renumbering, rewording punctuation of headings).
        #[arg(long = "unsafe")]
        include_unsafe: bool,
        /// Print a unified diff instead of the fixed text.
        #[arg(long, conflicts_with = "write")]
        diff: bool,
        /// Write the fixed text back to the files.
        #[arg(long)]
        write: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Check drafts in the browser: a web page and an HTTP API on this machine.
    ///
    /// Binds 127.0.0.1 (loopback) unless --host says otherwise; keeps nothing,
    /// logs only method, path, status and time. Ctrl-C stops it. See docs/serve.md.
    Serve {
        /// The port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8765)]
        port: u16,
        /// The address to bind. Anything but loopback lets other machines
        /// reach the server (a warning says so).
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
        /// Another name to accept in the Host header (`name` or `name:port`),
        /// for a server reached by name; may be repeated.
        #[arg(long = "allow-host")]
        allow_host: Vec<String>,
        /// The largest request body accepted (bytes, or with KiB/MiB/GiB).
        #[arg(long, default_value = "8MiB", value_parser = gangmu_serve::parse_size)]
        max_body: usize,
        /// The longest a request may take (ms, s or min) before it is answered 408.
        #[arg(long, default_value = "10s", value_parser = gangmu_serve::parse_duration)]
        timeout: std::time::Duration,
        /// Do not log requests on standard error.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(clap::Args)]
struct ThreadsArg {
    /// Threads for `--format jsonl` (default: GANGMU_NUM_THREADS, else
    /// OMP_NUM_THREADS, else one per core).
    #[arg(long)]
    threads: Option<usize>,
}

impl ThreadsArg {
    fn count(&self) -> Result<usize, String> {
        match self.threads {
            Some(0) => Err("--threads must be at least 1".into()),
            Some(n) => Ok(n),
            None => gangmu_arrow::default_threads(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ChunkFormat {
    /// One JSON object per chunk.
    Jsonl,
}

#[derive(clap::Args)]
struct RuleArgs {
    /// Rules to run (ids, names or id prefixes, comma-separated); replaces the
    /// configuration's `select`.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rules not to run (ids, names or id prefixes, comma-separated); added to
    /// the configuration's `ignore`.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Configuration file (`gangmu.toml`, or a `pyproject.toml` with
    /// `[tool.gangmu]`). Default: `gangmu.toml`, then `pyproject.toml`, in the
    /// current directory.
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    /// Human-readable, with the source excerpt underlined.
    Text,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> gangmu::Severity {
        match self {
            FailOn::Error => gangmu::Severity::Error,
            FailOn::Warning => gangmu::Severity::Warning,
            FailOn::Info => gangmu::Severity::Info,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The text as read: for a .docx, the text Word shows, numbering included.
    Text,
    /// The gangmu/1 JSON tree.
    Json,
    /// An indented view with line numbers.
    Tree,
    /// The heading skeleton.
    Outline,
    /// The document rendered as Markdown.
    Markdown,
    /// One line per document: `{"path", "encoding", "document"}` with the
    /// gangmu/1 tree, or `{"path", "error"}` for an input that cannot be read
    /// (then the exit status is 2). Files are parsed on several threads.
    Jsonl,
}

struct Input {
    name: String,
    bytes: Vec<u8>,
}

/// An input read and turned into text.
pub(crate) enum Loaded {
    /// A text file, decoded.
    Text(gangmu::Decoded),
    /// A .docx (recognised by content, whatever its name), read as Word shows
    /// it, and the file's bytes (fixes are written into them).
    Docx(gangmu::docx::DocxText, Vec<u8>),
}

impl Loaded {
    /// The encoding the text was read in (`docx` for a .docx).
    pub(crate) fn encoding_name(&self) -> &'static str {
        match self {
            Loaded::Text(d) => d.encoding.name(),
            Loaded::Docx(..) => "docx",
        }
    }

    pub(crate) fn text(&self) -> &str {
        match self {
            Loaded::Text(d) => &d.text,
            Loaded::Docx(d, _) => &d.text,
        }
    }

    /// The parsed tree; generated heading markers of a .docx are flagged.
    pub(crate) fn parse(&self) -> gangmu::Document {
        match self {
            Loaded::Text(d) => gangmu::parse(&d.text),
            // With the styles as evidence; generated markers flagged.
            Loaded::Docx(d, _) => gangmu::docx::parse_text(d),
        }
    }
}

/// Reads bytes as a .docx when they are a zip archive, else as text.
pub(crate) fn load(name: &str, bytes: &[u8]) -> Result<Loaded, String> {
    if gangmu::docx::looks_like_zip(bytes) {
        return gangmu::docx::read(bytes)
            .map(|d| Loaded::Docx(d, bytes.to_vec()))
            .map_err(|e| format!("{name}: {e}"));
    }
    gangmu::decode(bytes)
        .map(Loaded::Text)
        .map_err(|e| format!("{name}: {e}"))
}

pub(crate) fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
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
                Some("txt") | Some("md") | Some("text") | Some("docx")
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
        Format::Text => text.to_string(),
        Format::Json => {
            let mut s = doc.to_json();
            s.push('\n');
            s
        }
        Format::Tree => gangmu::render::tree(text, doc),
        Format::Outline => gangmu::render::outline(text, doc),
        Format::Markdown => gangmu::render::markdown(text, doc),
        Format::Jsonl => unreachable!("jsonl is written by the jsonl module"),
    }
}

/// Reads and decodes every input; an error names the file.
fn read_all(paths: &[PathBuf]) -> Result<Vec<(String, PathBuf, Loaded)>, String> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    };
    let files = collect_inputs(&paths)?;
    let mut decoded = Vec::with_capacity(files.len());
    for f in &files {
        let input = read_input(f)?;
        let loaded = load(&input.name, &input.bytes)?;
        decoded.push((input.name, f.clone(), loaded));
    }
    Ok(decoded)
}

fn run_parse(paths: &[PathBuf], format: Format) -> ExitCode {
    // Decode everything first, so that an undecodable file prints nothing.
    let decoded: Vec<(String, Loaded)> = match read_all(paths) {
        Ok(d) => d.into_iter().map(|(n, _, d)| (n, d)).collect(),
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    let many = decoded.len() > 1;
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let total = decoded.len();
    for (k, (name, loaded)) in decoded.iter().enumerate() {
        let text = loaded.text();
        let doc = loaded.parse();
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
        if k + 1 == total {
            // The process ends here: freeing the last tree node by node cost
            // about 2 instructions per input byte (callgrind), for memory the
            // system takes back at exit anyway.
            std::mem::forget(doc);
            std::mem::forget(body);
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

fn run_serve(mut options: gangmu_serve::ServeOptions, rules: &RuleArgs) -> ExitCode {
    options.config = match lint_cmd::load_config(rules) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("gangmu: {e}");
            return ExitCode::from(2);
        }
    };
    let server = match gangmu_serve::Server::bind(options.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "gangmu: cannot listen on {}:{}: {e}",
                options.host, options.port
            );
            return ExitCode::from(2);
        }
    };
    if let Some(w) = server.warning() {
        eprintln!("gangmu: {w}");
    }
    let addr = server.local_addr();
    let shown = if addr.ip().is_loopback() && addr.is_ipv4() {
        format!("http://127.0.0.1:{}/", addr.port())
    } else {
        format!("http://{addr}/")
    };
    eprintln!("gangmu serve: listening on {shown} (Ctrl-C stops)");
    match server.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gangmu: {e}");
            ExitCode::from(2)
        }
    }
}

fn with_threads(threads: &ThreadsArg, run: impl FnOnce(usize) -> ExitCode) -> ExitCode {
    match threads.count() {
        Ok(n) => run(n),
        Err(e) => {
            eprintln!("gangmu: {e}");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse {
            paths,
            format: Format::Jsonl,
            threads,
        } => with_threads(&threads, |n| jsonl::run_parse(&paths, n)),
        Command::Parse { paths, format, .. } => run_parse(&paths, format),
        Command::Chunk {
            paths,
            format: ChunkFormat::Jsonl,
            max_chars,
            overlap,
            threads,
        } => {
            if max_chars == 0 || overlap >= max_chars {
                eprintln!("gangmu: need --max-chars >= 1 and --overlap < --max-chars");
                return ExitCode::from(2);
            }
            let options = gangmu_arrow::ChunkOptions { max_chars, overlap };
            with_threads(&threads, |n| jsonl::run_chunk(&paths, options, n))
        }
        Command::Lint {
            paths,
            format,
            rules,
            statistics,
            fail_on,
        } => lint_cmd::run_lint(&paths, format, &rules, statistics, fail_on.severity()),
        Command::Fix {
            paths,
            include_unsafe,
            diff,
            write,
            rules,
        } => lint_cmd::run_fix(&paths, include_unsafe, diff, write, &rules),
        Command::Serve {
            port,
            host,
            allow_host,
            max_body,
            timeout,
            quiet,
            rules,
        } => run_serve(
            gangmu_serve::ServeOptions {
                host,
                port,
                allow_hosts: allow_host,
                max_body_bytes: max_body,
                request_timeout: timeout,
                config: gangmu::lint::Config::default(),
                log: !quiet,
            },
            &rules,
        ),
    }
}

mod jsonl;
mod lint_cmd;
