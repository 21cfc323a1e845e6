//! What the `serve_*` tests share: the real `gangmu serve` started on a free
//! loopback port, and a small HTTP/1.1 client over `TcpStream`, so that a
//! test can also send what no well-behaved client sends (bodies cut short,
//! wrong `Host` headers, slow bodies).

#![allow(dead_code)] // each test file uses its own part

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::Duration;

/// A running `gangmu serve`, stopped when dropped.
pub struct Server {
    pub addr: SocketAddr,
    /// The binary running: `GANGMU_BIN` when set, else the one cargo built.
    pub binary: String,
    child: Child,
    pub stderr: BufReader<ChildStderr>,
}

impl Server {
    /// Starts `gangmu serve --port 0 ARGS…` and waits for its first line.
    /// The binary is `GANGMU_BIN` when set (a release build, for the load
    /// figures), else the one cargo built for the tests.
    pub fn start(args: &[&str]) -> Server {
        Server::start_in(args, None)
    }

    pub fn start_in(args: &[&str], dir: Option<&std::path::Path>) -> Server {
        let binary = std::env::var("GANGMU_BIN")
            .unwrap_or_else(|_| env!("CARGO_BIN_EXE_gangmu").to_string());
        let mut cmd = Command::new(&binary);
        cmd.args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(d) = dir {
            cmd.current_dir(d);
        }
        let mut child = cmd.spawn().expect("gangmu serve starts");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        stderr.read_line(&mut line).expect("first line");
        let url = line
            .split("listening on http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("should say where it listens: {line:?}"));
        Server {
            binary,
            addr: url.parse().expect("an address"),
            child,
            stderr,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory of the server process, in KiB.
    pub fn rss_kib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).expect("/proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Response {
        let mut headers = vec![("Host".to_string(), self.host())];
        if let Some(ct) = content_type {
            headers.push(("Content-Type".to_string(), ct.to_string()));
        }
        send(self.addr, method, path, &headers, body)
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, None, b"")
    }

    pub fn post_text(&self, path: &str, text: &str) -> Response {
        self.request(
            "POST",
            path,
            Some("text/plain; charset=utf-8"),
            text.as_bytes(),
        )
    }

    pub fn post_json(&self, path: &str, body: &serde_json::Value) -> Response {
        self.request(
            "POST",
            path,
            Some("application/json"),
            body.to_string().as_bytes(),
        )
    }

    /// Stops the server and returns what it wrote on standard error.
    pub fn stop(mut self) -> String {
        #[cfg(unix)]
        {
            // SIGTERM: the server finishes what is under way and exits.
            let _ = Command::new("kill")
                .arg("-TERM")
                .arg(self.child.id().to_string())
                .status();
        }
        let _ = self.child.wait();
        let mut rest = String::new();
        let _ = self.stderr.read_to_string(&mut rest);
        rest
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "the answer should be JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8")
    }

    /// The error code of a JSON error answer.
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("should be a JSON error: {}", self.text()))
            .to_string()
    }
}

/// Sends one request on a new connection (`Connection: close`) and reads the
/// answer.
pub fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Response {
    let mut s = connect(addr);
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    s.write_all(head.as_bytes()).expect("send head");
    // The server may answer (413) and close before the whole body is sent.
    let _ = s.write_all(body);
    read_response(&mut s)
}

pub fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(60))).unwrap();
    s
}

/// Sends raw bytes, optionally closes the sending half, and reads the answer.
pub fn send_raw(addr: SocketAddr, bytes: &[u8], close_write: bool) -> Response {
    let mut s = connect(addr);
    s.write_all(bytes).expect("send");
    if close_write {
        s.shutdown(Shutdown::Write).expect("shutdown");
    }
    read_response(&mut s)
}

pub fn read_response(s: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    // Read to the end; a reset after the answer (the server closing while a
    // body was still coming) still leaves the answer read so far.
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) if !raw.is_empty() && e.kind() != std::io::ErrorKind::WouldBlock => break,
            Err(e) => panic!("reading the answer: {e}"),
        }
    }
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Response {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("an HTTP answer: {:?}", String::from_utf8_lossy(raw)));
    let head = std::str::from_utf8(&raw[..end]).expect("ASCII head");
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    } else if let Some(len) = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        assert!(body.len() >= len, "the body should be complete");
        body.truncate(len);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

/// The repository root.
pub fn repo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The faulty draft the page test also uses.
pub fn faulty_draft() -> String {
    std::fs::read_to_string(repo().join("tests/serve/faulty_draft.txt")).expect("fixture")
}

/// The media type of a .docx.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A .docx fixture of tests/fixtures/docx.
pub fn docx_fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/docx").join(name)).expect("a .docx fixture")
}

/// The .docx fixtures, by name.
pub fn docx_fixtures() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo().join("tests/fixtures/docx"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// A zip archive of these entries, deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write as _;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx whose main part decompresses to `size` bytes, from a few KB.
pub fn docx_bomb(size: usize) -> Vec<u8> {
    let head = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#;
    let tail = "</w:t></w:r></w:p></w:body></w:document>";
    let mut xml = String::with_capacity(size + head.len() + tail.len());
    xml.push_str(head);
    while xml.len() < size {
        xml.push_str("正文正文正文正文");
    }
    xml.push_str(tail);
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

/// An empty zip archive: a zip, but no .docx.
pub const EMPTY_ZIP: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
