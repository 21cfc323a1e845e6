//! `gangmu serve` over real HTTP: the real binary on a loopback port, every
//! answer checked against the OpenAPI description in docs/serve.md, the
//! answers compared with the CLI's, and the safety checks (Host, Origin, no
//! CORS, limits, clear errors, the log, nothing written).

mod serve_http;

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use serve_http::{
    docx_bomb, docx_fixture, docx_fixtures, faulty_draft, repo, send, send_raw, Response, Server,
    DOCX, EMPTY_ZIP,
};

/// The OpenAPI description: the ```json block of docs/serve.md.
fn openapi() -> Value {
    let md = std::fs::read_to_string(repo().join("docs/serve.md")).expect("docs/serve.md");
    let start = md
        .find("```json\n{\n  \"openapi\"")
        .expect("an OpenAPI block")
        + 8;
    let end = start + md[start..].find("\n```").expect("its end");
    serde_json::from_str(&md[start..end]).expect("the OpenAPI block is JSON")
}

/// Checks answers against the description and remembers which operations
/// and statuses were seen.
struct Contract {
    spec: Value,
    components: Value,
    /// The `$defs` of the tree's schema.
    defs: Value,
    seen: BTreeSet<(String, String, String)>,
}

impl Contract {
    fn new() -> Self {
        let spec = openapi();
        let mut components = spec["components"].clone();
        // The tree's schema is a file of its own; put it in, its `$defs` at
        // the root where its `#/$defs/…` references point.
        let mut tree: Value = serde_json::from_str(
            &std::fs::read_to_string(repo().join("docs/schema/gangmu-1.schema.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            components["schemas"]["Tree"]["$ref"], "schema/gangmu-1.schema.json",
            "the tree should be described by the JSON schema of docs/schema"
        );
        let defs = tree["$defs"].take();
        let tree_obj = tree.as_object_mut().unwrap();
        tree_obj.remove("$defs");
        tree_obj.remove("$id");
        tree_obj.remove("$schema");
        components["schemas"]["Tree"] = tree;
        Contract {
            spec,
            components,
            defs,
            seen: BTreeSet::new(),
        }
    }

    fn resolve<'a>(&'a self, v: &'a Value) -> &'a Value {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let path = r.strip_prefix("#/").expect("a local reference");
                path.split('/').fold(&self.spec, |v, k| &v[k])
            }
            None => v,
        }
    }

    /// Checks `r`, the answer to `method path` (`path` as in the description).
    fn check(&mut self, method: &str, path: &str, r: &Response) {
        let op = &self.spec["paths"][path][method.to_ascii_lowercase()];
        assert!(op.is_object(), "{method} {path} should be described");
        let status = r.status.to_string();
        let described = self.resolve(&op["responses"][&status]);
        assert!(
            described.is_object(),
            "{method} {path} answered {status}, which the description does not list: {}",
            String::from_utf8_lossy(&r.body)
        );
        let ct = r.header("content-type").unwrap_or("");
        let media = ct.split(';').next().unwrap_or("").trim();
        let schema = &described["content"][media]["schema"];
        assert!(
            schema.is_object(),
            "{method} {path} {status}: content type `{ct}` is not described"
        );
        if media == "application/json" {
            let mut root = schema.clone();
            root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
            root["components"] = self.components.clone();
            root["$defs"] = self.defs.clone();
            let validator = jsonschema::validator_for(&root).expect("a valid schema");
            let body = r.json();
            let errors: Vec<String> = validator
                .iter_errors(&body)
                .take(5)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{method} {path} {status} should match its schema: {errors:#?}"
            );
        }
        self.seen
            .insert((path.to_string(), method.to_ascii_lowercase(), status));
    }

    fn assert_all_seen(&self) {
        let mut missing = Vec::new();
        for (path, ops) in self.spec["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                for status in op["responses"].as_object().unwrap().keys() {
                    let key = (path.clone(), method.clone(), status.clone());
                    if !self.seen.contains(&key) {
                        missing.push(format!("{method} {path} {status}"));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "every described answer should be exercised: {missing:?}"
        );
    }
}

const POSTS: [&str; 4] = ["/v1/parse", "/v1/lint", "/v1/fix", "/v1/text"];

#[test]
fn every_answer_matches_the_openapi_description() {
    let mut c = Contract::new();
    let s = Server::start(&["--quiet", "--max-body", "64KiB"]);
    let draft = faulty_draft();
    for path in POSTS {
        c.check("POST", path, &s.post_text(path, &draft));
        c.check("POST", path, &s.post_json(path, &json!({"text": draft})));
        c.check(
            "POST",
            path,
            &s.request(
                "POST",
                path,
                Some("application/octet-stream"),
                draft.as_bytes(),
            ),
        );
        c.check(
            "POST",
            path,
            &s.request("POST", path, Some("text/plain"), b"\x00\x01binary"),
        );
        c.check(
            "POST",
            path,
            &s.request(
                "POST",
                path,
                Some("multipart/form-data; boundary=x"),
                b"--x--",
            ),
        );
        c.check(
            "POST",
            path,
            &s.request("POST", path, Some("text/plain"), &vec![b'a'; 65 * 1024]),
        );
        let wrong_host = [("Host".to_string(), "gangmu.example:80".to_string())];
        c.check("POST", path, &send(s.addr, "POST", path, &wrong_host, b"x"));
    }
    // A .docx, by content and by its type; a zip that is no .docx; a zip bomb
    // (the server's 64 KiB body limit lets parts decompress to 512 KiB).
    let docx = docx_fixture("faulty_request.docx");
    let bomb = docx_bomb(1 << 20);
    assert!(bomb.len() < 64 * 1024, "the bomb is a small upload");
    for path in POSTS {
        for ct in ["application/octet-stream", DOCX, "text/plain"] {
            let r = s.request("POST", path, Some(ct), &docx);
            assert_eq!(r.status, 200, "{path} {ct}: {}", r.text());
            c.check("POST", path, &r);
        }
        let r = s.request("POST", path, Some("application/octet-stream"), EMPTY_ZIP);
        assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_docx"));
        c.check("POST", path, &r);
        let r = s.request("POST", path, Some(DOCX), &bomb);
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (413, "docx_too_large"),
            "{path}: {}",
            r.text()
        );
        c.check("POST", path, &r);
    }
    let one = s.request(
        "POST",
        "/v1/fix?rule=HDR004&start=152&end=157",
        Some(DOCX),
        &docx,
    );
    assert_eq!(one.status, 200, "{}", one.text());
    c.check("POST", "/v1/fix", &one);
    for (query, code) in [
        ("rule=HDR004&start=0&end=3", "no_such_finding"),
        ("rule=HDR004&start=9", "invalid_query"),
        ("rule=HDR004&start=9&end=x", "invalid_query"),
    ] {
        let r = s.request("POST", &format!("/v1/fix?{query}"), Some(DOCX), &docx);
        assert_eq!((r.status, r.error_code().as_str()), (400, code), "{query}");
        c.check("POST", "/v1/fix", &r);
    }
    let r = s.post_json("/v1/fix", &json!({"text": draft, "unsafe": true}));
    assert!(
        r.json()["text"]
            .as_str()
            .unwrap()
            .contains("（二）检查安全设施配备情况"),
        "unsafe fixes renumber"
    );
    c.check("POST", "/v1/fix", &r);
    let r = s.post_text("/v1/fix?unsafe=true", &draft);
    assert_eq!(
        r.json()["unsafe"],
        true,
        "?unsafe=true asks for unsafe fixes"
    );
    c.check("POST", "/v1/fix", &r);
    c.check("GET", "/v1/rules", &s.get("/v1/rules"));
    c.check(
        "GET",
        "/v1/rules",
        &send(
            s.addr,
            "GET",
            "/v1/rules",
            &[("Host".into(), "evil.example".into())],
            b"",
        ),
    );
    c.check("GET", "/rules/{id}", &s.get("/rules/HDR001"));
    c.check("GET", "/rules/{id}", &s.get("/rules/SEQ003.md"));
    c.check("GET", "/rules/{id}", &s.get("/rules/NOPE999"));
    c.check("GET", "/", &s.get("/"));
    c.check(
        "OPTIONS",
        "/v1/lint",
        &s.request("OPTIONS", "/v1/lint", None, b""),
    );
    let slow = Server::start(&["--quiet", "--timeout", "300ms"]);
    for path in POSTS {
        // Headers, then a body that never comes: cut at the time limit.
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabc",
            slow.host()
        );
        c.check("POST", path, &send_raw(slow.addr, head.as_bytes(), false));
    }
    c.assert_all_seen();
}

/// The CLI's output for `args` on `text`.
fn cli(args: &[&str], text: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gangmu runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
}

#[test]
fn parse_lint_and_fix_answer_what_the_cli_prints() {
    let s = Server::start(&["--quiet", "--max-body", "16MiB"]);
    let mut texts: Vec<(String, String)> = std::fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    texts.sort();
    texts.push(("faulty draft".into(), faulty_draft()));
    assert!(texts.len() >= 10);
    for (name, text) in &texts {
        let tree = s.post_text("/v1/parse", text);
        assert_eq!(tree.status, 200);
        assert_eq!(
            tree.text() + "\n",
            cli(&["parse", "--format", "json", "-"], text),
            "{name}: /v1/parse should be `gangmu parse --format json`"
        );
        for unsafe_too in [false, true] {
            let r = s.post_json("/v1/fix", &json!({"text": text, "unsafe": unsafe_too}));
            let body = r.json();
            let args: &[&str] = if unsafe_too {
                &["fix", "--unsafe", "-"]
            } else {
                &["fix", "-"]
            };
            let expected = cli(args, text);
            assert_eq!(
                body["text"],
                expected,
                "{name}: /v1/fix (unsafe: {unsafe_too}) should be `gangmu {}`",
                args.join(" ")
            );
            // The edits turn the original into the fixed text, in code points.
            let chars: Vec<char> = text.chars().collect();
            let mut out = String::new();
            let mut at = 0;
            for e in body["edits"].as_array().unwrap() {
                let (a, b) = (
                    e["chars"]["start"].as_u64().unwrap() as usize,
                    e["chars"]["end"].as_u64().unwrap() as usize,
                );
                out.extend(&chars[at..a]);
                assert_eq!(
                    chars[a..b].iter().collect::<String>(),
                    e["original"].as_str().unwrap()
                );
                out.push_str(e["replacement"].as_str().unwrap());
                at = b;
            }
            out.extend(&chars[at..]);
            assert_eq!(
                out, expected,
                "{name}: the edits should give the fixed text"
            );
            assert_eq!(body["changed"], json!(expected != *text));
        }
        let lint = s.post_text("/v1/lint", text).json();
        let mut from_cli: Value =
            serde_json::from_str(&cli(&["lint", "--format", "json", "-"], text)).unwrap();
        let findings = lint["findings"].as_array().unwrap();
        let from_cli = from_cli.as_array_mut().unwrap();
        assert_eq!(
            findings.len(),
            from_cli.len(),
            "{name}: as many findings as the CLI"
        );
        let chars: Vec<char> = text.chars().collect();
        for (api, cli) in findings.iter().zip(from_cli.iter_mut()) {
            let cli = cli.as_object_mut().unwrap();
            cli.remove("file");
            for key in [
                "rule",
                "name",
                "severity",
                "message",
                "message_en",
                "span",
                "line",
                "column",
                "end_line",
                "end_column",
            ] {
                assert_eq!(api[key], cli[key], "{name}: `{key}` as the CLI gives it");
            }
            // Code points and bytes name the same text.
            let (b0, b1) = (
                api["span"]["start"].as_u64().unwrap() as usize,
                api["span"]["end"].as_u64().unwrap() as usize,
            );
            let (c0, c1) = (
                api["chars"]["start"].as_u64().unwrap() as usize,
                api["chars"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(chars[c0..c1].iter().collect::<String>(), text[b0..b1]);
            assert_eq!(api["fix"].is_null(), cli["fix"].is_null());
        }
    }
}

/// The CLI's output for `args` on `bytes` given on standard input.
fn cli_bytes(args: &[&str], bytes: &[u8]) -> (String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("gangmu runs");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `text` with the edits of a `/v1/fix` or `/v1/lint` answer applied (code points).
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for e in edits {
        let (a, b) = (
            e["chars"]["start"].as_u64().unwrap() as usize,
            e["chars"]["end"].as_u64().unwrap() as usize,
        );
        assert!(a >= at, "edits sorted and apart");
        out.extend(&chars[at..a]);
        out.push_str(e["replacement"].as_str().unwrap());
        at = b;
    }
    out.extend(&chars[at..]);
    out
}

fn b64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for quad in s.as_bytes().chunks(4) {
        let digits: Vec<u8> = quad
            .iter()
            .filter(|&&c| c != b'=')
            .map(|&c| value(c))
            .collect();
        let n =
            digits.iter().fold(0u32, |n, &d| (n << 6) | u32::from(d)) << (6 * (4 - digits.len()));
        out.extend_from_slice(&n.to_be_bytes()[1..digits.len()]);
    }
    out
}

#[test]
fn a_docx_is_parsed_linted_and_fixed_as_the_cli_does() {
    let s = Server::start(&["--quiet"]);
    let fixtures = docx_fixtures();
    assert!(fixtures.len() >= 5);
    let dir = std::env::temp_dir().join(format!("gangmu-serve-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut fixed_files = 0;
    for (name, bytes) in &fixtures {
        let post = |path: &str| {
            let r = s.request("POST", path, Some(DOCX), bytes);
            assert_eq!(r.status, 200, "{name} {path}: {}", r.text());
            r
        };
        // The tree, with the styles as evidence and generated markers flagged.
        assert_eq!(
            post("/v1/parse").text() + "\n",
            cli_bytes(&["parse", "--format", "json", "-"], bytes).0,
            "{name}: /v1/parse should be `gangmu parse --format json`"
        );
        // The text as Word shows it, and where each line comes from.
        let read = post("/v1/text").json();
        let text = read["text"].as_str().unwrap().to_string();
        assert_eq!(
            text,
            cli_bytes(&["parse", "--format", "text", "-"], bytes).0
        );
        assert_eq!(
            (read["format"].as_str(), read["encoding"].as_str()),
            (Some("docx"), Some("docx"))
        );
        let source = read["source"].as_array().unwrap();
        assert_eq!(
            source.len(),
            text.lines().count(),
            "{name}: one source per line"
        );
        // The findings, as `gangmu lint --format json` gives them, placed by paragraph.
        let lint = post("/v1/lint").json();
        let findings = lint["findings"].as_array().unwrap();
        let mut from_cli: Value =
            serde_json::from_str(&cli_bytes(&["lint", "--format", "json", "-"], bytes).0).unwrap();
        let from_cli = from_cli.as_array_mut().unwrap();
        assert_eq!(findings.len(), from_cli.len(), "{name}");
        for (api, cli) in findings.iter().zip(from_cli.iter()) {
            for key in [
                "rule",
                "name",
                "severity",
                "message",
                "message_en",
                "span",
                "line",
                "column",
                "end_line",
                "end_column",
                "paragraph",
                "part",
                "container",
            ] {
                assert_eq!(api[key], cli[key], "{name}: `{key}` as the CLI gives it");
            }
            assert_eq!(api["fix"].is_null(), cli["fix"].is_null());
            let line = api["line"].as_u64().unwrap() as usize;
            for key in ["paragraph", "part", "container"] {
                assert_eq!(
                    source[line - 1][key],
                    api[key],
                    "{name}: /v1/text's source of line {line}"
                );
            }
        }
        // The fixes, written into the file as `gangmu fix --write` writes them.
        for unsafe_too in [false, true] {
            let path = if unsafe_too {
                "/v1/fix?unsafe=true"
            } else {
                "/v1/fix"
            };
            let fixed = post(path).json();
            let mut args = vec!["fix"];
            if unsafe_too {
                args.push("--unsafe");
            }
            let (printed, said) = cli_bytes(&[args.as_slice(), &["-"]].concat(), bytes);
            assert_eq!(
                fixed["text"],
                printed,
                "{name}: /v1/fix should be `gangmu {}`",
                args.join(" ")
            );
            assert_eq!(fixed["format"], "docx");
            assert_eq!(
                apply_edits(&text, fixed["edits"].as_array().unwrap()),
                printed,
                "{name}: the edits give the fixed text"
            );
            let left = fixed["left"].as_u64().unwrap();
            assert_eq!(said.contains("not written"), left > 0, "{name}: {said}");
            let file = dir.join(name);
            std::fs::write(&file, bytes).unwrap();
            let mut write = args.clone();
            write.extend(["--write", file.to_str().unwrap()]);
            cli_bytes(&write, b"");
            let written = std::fs::read(&file).unwrap();
            assert_eq!(
                b64_decode(fixed["docx"].as_str().unwrap()),
                written,
                "{name}: the fixed .docx is the file `gangmu {}` writes",
                write.join(" ")
            );
            fixed_files += usize::from(fixed["changed"] == true);
        }
        // One finding fixed alone: only its edits, in one round.
        if let Some(f) = findings.iter().find(|f| f["fix"]["safe"] == true) {
            let query = format!(
                "/v1/fix?rule={}&start={}&end={}",
                f["rule"].as_str().unwrap(),
                f["span"]["start"],
                f["span"]["end"]
            );
            let one = post(&query).json();
            assert_eq!(
                one["text"].as_str().unwrap(),
                apply_edits(&text, f["fix"]["edits"].as_array().unwrap()),
                "{name}: {query} should apply that finding's fix alone"
            );
            assert!(one["edits"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["rules"] == json!([f["rule"]])));
            let again = s.request(
                "POST",
                "/v1/lint",
                Some(DOCX),
                &b64_decode(one["docx"].as_str().unwrap()),
            );
            assert!(
                !again.json()["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|g| g["rule"] == f["rule"]
                        && g["line"] == f["line"]
                        && g["column"] == f["column"]),
                "{name}: the finding is gone from the new file"
            );
        }
    }
    assert!(fixed_files >= 2, "the fixtures should have fixes to write");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn host_and_origin_are_checked_and_no_cors_header_is_sent() {
    let s = Server::start(&["--quiet"]);
    let port = s.addr.port();
    let with = |host: &str, extra: &[(&str, &str)]| {
        let mut h = vec![
            ("Host".to_string(), host.to_string()),
            ("Content-Type".into(), "text/plain".into()),
        ];
        h.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        send(s.addr, "POST", "/v1/lint", &h, "一.总则\n".as_bytes())
    };
    for ok in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        assert_eq!(with(&ok, &[]).status, 200, "Host {ok} is this server");
    }
    // DNS rebinding: a name that resolves to 127.0.0.1 but is not ours.
    for bad in [
        format!("attacker.example:{port}"),
        "attacker.example".into(),
        format!("127.0.0.1:{}", port + 1),
        "".into(),
    ] {
        let r = with(&bad, &[]);
        assert_eq!(r.status, 403, "Host `{bad}` should be refused");
        assert_eq!(r.error_code(), "host_not_allowed");
    }
    let ours = format!("http://127.0.0.1:{port}");
    assert_eq!(
        with(&format!("127.0.0.1:{port}"), &[("Origin", &ours)]).status,
        200,
        "our own page"
    );
    for origin in [
        "http://attacker.example",
        "null",
        &format!("http://localhost:{}", port + 1),
    ] {
        let r = with(&format!("127.0.0.1:{port}"), &[("Origin", origin)]);
        assert_eq!(r.status, 403, "Origin {origin} should be refused");
        assert_eq!(r.error_code(), "cross_origin");
    }
    let preflight = send(
        s.addr,
        "OPTIONS",
        "/v1/lint",
        &[
            ("Host".into(), format!("127.0.0.1:{port}")),
            ("Origin".into(), "http://attacker.example".into()),
            ("Access-Control-Request-Method".into(), "POST".into()),
        ],
        b"",
    );
    assert!(
        preflight.status == 403 || preflight.status == 405,
        "a preflight is refused"
    );
    for r in [
        preflight,
        with(&format!("127.0.0.1:{port}"), &[]),
        s.get("/"),
        s.get("/v1/rules"),
    ] {
        assert!(
            !r.headers
                .iter()
                .any(|(k, _)| k.to_ascii_lowercase().starts_with("access-control-")),
            "no CORS header should ever be sent: {:?}",
            r.headers
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("cache-control"), Some("no-store"));
    }
}

#[test]
fn oversized_truncated_and_invalid_bodies_are_refused_cleanly() {
    let mut s = Server::start(&["--quiet", "--max-body", "1KiB"]);
    let host = s.host();
    // Oversized, said by Content-Length: refused before reading.
    let r = s.post_text("/v1/lint", &"正".repeat(400));
    assert_eq!((r.status, r.error_code().as_str()), (413, "body_too_large"));
    assert!(r.json()["error"]["message_en"]
        .as_str()
        .unwrap()
        .contains("1024 bytes"));
    // Oversized, chunked with no length: refused once the limit is passed.
    let mut chunked = format!("POST /v1/lint HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
    for _ in 0..4 {
        chunked.push_str(&format!("200\r\n{}\r\n", "a".repeat(0x200)));
    }
    chunked.push_str("0\r\n\r\n");
    let r = send_raw(s.addr, chunked.as_bytes(), false);
    assert_eq!((r.status, r.error_code().as_str()), (413, "body_too_large"));
    // Truncated: Content-Length promises more than comes before the client stops sending.
    let cut = format!("POST /v1/lint HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n一、总则");
    let r = send_raw(s.addr, cut.as_bytes(), true);
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (400, "incomplete_body")
    );
    // Invalid: binary, bytes no encoding reads, bad JSON, bad configuration, wrong type.
    let r = s.request(
        "POST",
        "/v1/lint",
        Some("text/plain"),
        b"GIF89a\x00\x00binary",
    );
    assert_eq!((r.status, r.error_code().as_str()), (400, "undecodable"));
    assert!(
        r.json()["error"]["message_en"]
            .as_str()
            .unwrap()
            .contains("NUL"),
        "names the reason: {}",
        r.text()
    );
    // Bytes that start as a zip are read as a .docx, by content: a broken
    // archive is a .docx that cannot be read, and the answer says why.
    let r = s.request(
        "POST",
        "/v1/lint",
        Some("text/plain"),
        b"PK\x03\x04\x00\x00binary",
    );
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_docx"));
    assert!(
        r.json()["error"]["message_en"]
            .as_str()
            .unwrap()
            .contains("not a zip archive"),
        "{}",
        r.text()
    );
    let r = s.request("POST", "/v1/lint", Some(DOCX), "一、总则\n".as_bytes());
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_docx"));
    let r = s.request(
        "POST",
        "/v1/parse",
        Some("text/plain"),
        b"\xff\xff\xff\xfe\xfd",
    );
    assert_eq!((r.status, r.error_code().as_str()), (400, "undecodable"));
    let r = s.request(
        "POST",
        "/v1/fix",
        Some("application/json"),
        b"{\"text\": \"abc",
    );
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_json"));
    assert!(
        r.json()["error"]["message_en"]
            .as_str()
            .unwrap()
            .contains("EOF"),
        "{}",
        r.text()
    );
    let r = s.post_json("/v1/fix", &json!({"txt": "x"}));
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_json"));
    let r = s.post_json(
        "/v1/lint",
        &json!({"text": "x", "config": {"select": ["NOPE"]}}),
    );
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_config"));
    assert!(r.json()["error"]["message_en"]
        .as_str()
        .unwrap()
        .contains("NOPE"));
    let r = s.request(
        "POST",
        "/v1/lint",
        Some("application/x-www-form-urlencoded"),
        b"text=x",
    );
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (415, "unsupported_media_type")
    );
    // Garbage instead of HTTP: the connection is closed or answered 400, and the server goes on.
    let _ = std::panic::catch_unwind(|| {
        send_raw(s.addr, b"\x16\x03\x01\x02\x00 not http\r\n\r\n", true)
    });
    assert!(s.alive(), "the server should survive every fault");
    assert_eq!(
        s.post_text("/v1/lint", "一.总则\n").status,
        200,
        "and still answer"
    );
}

#[test]
fn a_request_that_takes_too_long_is_cut_at_the_limit_and_the_server_goes_on() {
    // A body that stops coming.
    let mut s = Server::start(&["--quiet", "--timeout", "400ms"]);
    let head = format!(
        "POST /v1/lint HTTP/1.1\r\nHost: {}\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n一、",
        s.host()
    );
    let started = Instant::now();
    let r = send_raw(s.addr, head.as_bytes(), false);
    let took = started.elapsed();
    assert_eq!((r.status, r.error_code().as_str()), (408, "timeout"));
    assert!(
        took >= Duration::from_millis(350) && took < Duration::from_secs(5),
        "should be cut at the limit, was cut after {took:?}"
    );
    // Headers that never end (slowloris): the connection is closed at the limit.
    for partial in [
        &b"POST /v1/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "[..],
        b"",
    ] {
        let mut c = serve_http::connect(s.addr);
        c.write_all(partial).unwrap();
        let started = Instant::now();
        let mut buf = Vec::new();
        let _ = c.read_to_end(&mut buf);
        let took = started.elapsed();
        assert!(
            took >= Duration::from_millis(350) && took < Duration::from_secs(5),
            "a connection with unfinished headers ({} bytes) should be closed at the limit, not after {took:?}",
            partial.len()
        );
    }
    assert!(s.alive());
    assert_eq!(s.post_text("/v1/lint", "一.总则\n").status, 200);
    drop(s);
    // An analysis that runs longer than the limit: a large document, a short limit.
    let mut s = Server::start(&["--quiet", "--timeout", "100ms", "--max-body", "64MiB"]);
    let big = faulty_draft().repeat(4000); // about 2.4 MB, many findings
    let started = Instant::now();
    let r = s.post_text("/v1/fix", &big);
    let took = started.elapsed();
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (408, "timeout"),
        "the fix should be cut"
    );
    assert!(
        took < Duration::from_secs(3),
        "answered at the limit, not when the work ended: {took:?}"
    );
    assert!(s.alive(), "the server should not stop");
    assert_eq!(s.get("/").status, 200, "and should go on answering at once");
    // The cut analysis keeps its core until it ends; an analysis asked for
    // meanwhile may itself pass 100 ms on a busy machine. Within a bounded
    // wait, one is answered.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let r = s.post_text("/v1/lint", "一.总则\n");
        if r.status == 200 {
            break;
        }
        assert_eq!(
            r.status,
            408,
            "only the time limit may refuse it: {}",
            r.text()
        );
        assert!(
            Instant::now() < deadline,
            "the server should answer analyses again"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(s.alive());
}

#[test]
fn the_log_has_method_path_status_and_time_only_and_nothing_is_written() {
    let dir = std::env::temp_dir().join(format!("gangmu-serve-disk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let s = Server::start_in(&[], Some(&dir));
    let secret = "机密★1年 SECRET-MARKER-7f3a";
    s.post_text(
        "/v1/lint?token=QUERY-MARKER",
        &format!("关于{secret}的通知\n一.总则\n"),
    );
    s.post_json("/v1/fix", &json!({"text": secret}));
    s.get("/rules/HDR001");
    send(
        s.addr,
        "GET",
        "/v1/rules",
        &[("Host".into(), "HOST-MARKER.example".into())],
        b"",
    );
    let log = s.stop();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 4, "one line per request: {log}");
    for l in &lines {
        let parts: Vec<&str> = l.split(' ').collect();
        assert_eq!(parts.len(), 4, "method, path, status, time: {l}");
        assert!(["GET", "POST"].contains(&parts[0]), "{l}");
        assert!(
            parts[1].starts_with('/') && !parts[1].contains('?'),
            "path without query: {l}"
        );
        assert!(
            parts[2].parse::<u16>().is_ok() && parts[3].ends_with("ms"),
            "{l}"
        );
    }
    for marker in ["SECRET-MARKER", "QUERY-MARKER", "HOST-MARKER", "机密"] {
        assert!(
            !log.contains(marker),
            "the log should not contain `{marker}`: {log}"
        );
    }
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(
        left.is_empty(),
        "nothing should be written in the working directory: {left:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
