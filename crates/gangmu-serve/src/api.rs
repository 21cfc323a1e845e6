//! The JSON API: `POST /v1/parse`, `/v1/lint`, `/v1/fix`, `/v1/text` and
//! `GET /v1/rules`; and the router that puts them beside the page.

use std::sync::{Arc, LazyLock};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::Engine as _;
use gangmu::docx::{DocxError, DocxText, Limits};
use gangmu::lint::emit::{FileFindings, JsonEmitter, SourceMap as _};
use gangmu::lint::{rules, Config};
use gangmu::{LineIndex, Severity};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::guard::{self, State as Shared};
use crate::page;

type AppState = State<Arc<Shared>>;

pub(crate) fn router(state: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/assets/{file}", get(page::asset))
        .route("/rules", get(page::rules_redirect))
        .route("/rules/", get(page::rules_index))
        .route("/rules/{id}", get(page::rule_page))
        .route("/v1/parse", post(parse))
        .route("/v1/lint", post(lint))
        .route("/v1/fix", post(fix))
        .route("/v1/text", post(text))
        .route("/v1/rules", get(rule_catalogue))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .with_state(state)
}

async fn not_found(req: Request) -> ApiError {
    ApiError::not_found(req.uri().path())
}

async fn method_not_allowed(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} 不接受 {} 请求", req.uri().path(), req.method()),
        format!("{} does not accept {}", req.uri().path(), req.method()),
    )
}

/// A request's document and options.
struct Input {
    source: Source,
    config: Config,
    include_unsafe: bool,
    /// `?rule=…&start=…&end=…`: the one finding `/v1/fix` is to fix.
    finding: Option<FindingRef>,
    /// The body limit, which bounds what a .docx may decompress to.
    max_body: usize,
}

/// The document of a request, as it came.
enum Source {
    /// Text, decoded.
    Text {
        text: String,
        encoding: &'static str,
    },
    /// The bytes of a .docx: read on the analysis pool, under the time limit
    /// (unzipping and rendering the numbering is work).
    Docx(Bytes),
}

/// The document read: text, or a .docx as Word shows it with its bytes (the
/// fixes are written into them).
enum Read {
    Text(String),
    Docx(DocxText, Bytes),
}

impl Read {
    fn text(&self) -> &str {
        match self {
            Read::Text(t) => t,
            Read::Docx(d, _) => &d.text,
        }
    }
}

impl Input {
    /// Reads the document; a .docx within limits tied to the body limit: its
    /// parts may decompress to 8 times `--max-body` each, 16 times in all
    /// (64 and 128 MiB by default), never more than the library's defaults.
    fn read(self) -> Result<(Read, Config, bool, Option<FindingRef>), ApiError> {
        let read = match self.source {
            Source::Text { text, .. } => Read::Text(text),
            Source::Docx(bytes) => {
                let defaults = Limits::default();
                let limits = Limits {
                    max_part_bytes: (self.max_body as u64)
                        .saturating_mul(8)
                        .min(defaults.max_part_bytes),
                    max_total_bytes: (self.max_body as u64)
                        .saturating_mul(16)
                        .min(defaults.max_total_bytes),
                    ..defaults
                };
                let docx = gangmu::docx::read_with(&bytes, &limits).map_err(docx_error)?;
                Read::Docx(docx, bytes)
            }
        };
        Ok((read, self.config, self.include_unsafe, self.finding))
    }
}

/// One finding, by rule and byte span, as `/v1/lint` gave it.
struct FindingRef {
    rule: String,
    span: gangmu::Span,
}

impl FindingRef {
    fn is(&self, d: &gangmu::Diagnostic) -> bool {
        d.rule == self.rule && d.span == self.span
    }
}

/// The JSON form of a request.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonInput {
    text: String,
    #[serde(default)]
    config: Option<Value>,
    #[serde(default, rename = "unsafe")]
    include_unsafe: bool,
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The value of `name` in a query string (`a=1&b=2`).
fn query_value<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// `?rule=ID&start=N&end=M`, all three or none.
fn finding_ref(query: &str) -> Result<Option<FindingRef>, ApiError> {
    let (rule, start, end) = (
        query_value(query, "rule"),
        query_value(query, "start"),
        query_value(query, "end"),
    );
    if rule.is_none() && start.is_none() && end.is_none() {
        return Ok(None);
    }
    let offset = |v: Option<&str>| v.and_then(|v| v.parse::<usize>().ok());
    match (rule, offset(start), offset(end)) {
        (Some(rule), Some(start), Some(end)) if !rule.is_empty() && start <= end => {
            Ok(Some(FindingRef {
                rule: rule.to_string(),
                span: gangmu::Span::new(start, end),
            }))
        }
        _ => Err(ApiError::bad_request(
            "invalid_query",
            "要修复单个问题，请同时给出 rule、start 和 end（字节偏移，start ≤ end）",
            "to fix one finding, give rule, start and end together (its rule id and byte span, start <= end)",
        )),
    }
}

/// Reads the document of a request: a JSON object `{"text", "config",
/// "unsafe"}`, or a file's bytes — a .docx (by its content, whatever the
/// declared type, as the CLI reads files) or text (UTF-8, UTF-16 with BOM,
/// GB18030).
async fn input(state: &Shared, req: Request) -> Result<Input, ApiError> {
    let (headers, query, body) = state.read_body(req).await?;
    let flag = |name: &str| {
        query
            .split('&')
            .any(|kv| kv == name || kv == format!("{name}=true") || kv == format!("{name}=1"))
    };
    let finding = finding_ref(&query)?;
    let input = |source, config, include_unsafe| Input {
        source,
        config,
        include_unsafe,
        finding,
        max_body: state.max_body,
    };
    match media_type(&headers).as_str() {
        "application/json" => {
            let j: JsonInput = serde_json::from_slice(&body).map_err(|e| {
                ApiError::bad_request(
                    "invalid_json",
                    format!("请求不是有效的 JSON：{e}"),
                    format!("the body is not a valid request object ({{\"text\": …, \"config\": …, \"unsafe\": …}}): {e}"),
                )
            })?;
            let config = match j.config {
                None => state.config.clone(),
                Some(v) => Config::from_json_str(&v.to_string()).map_err(|e| {
                    ApiError::bad_request(
                        "invalid_config",
                        format!("配置有误：{e}"),
                        format!("invalid configuration: {e}"),
                    )
                })?,
            };
            let source = Source::Text {
                text: j.text,
                encoding: "utf-8",
            };
            Ok(input(
                source,
                config,
                j.include_unsafe || flag("unsafe"),
            ))
        }
        DOCX => Ok(input(
            Source::Docx(body),
            state.config.clone(),
            flag("unsafe"),
        )),
        "" | "text/plain" | "application/octet-stream" => {
            let source = if gangmu::docx::looks_like_zip(&body) {
                Source::Docx(body)
            } else {
                let decoded = decode(&body)?;
                Source::Text {
                    text: decoded.text,
                    encoding: decoded.encoding.name(),
                }
            };
            Ok(input(source, state.config.clone(), flag("unsafe")))
        }
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("不支持的内容类型“{other}”"),
            format!(
                "unsupported Content-Type `{other}`: send a file's bytes (text/plain, application/octet-stream, or the .docx type) or application/json ({{\"text\": …}})"
            ),
        )),
    }
}

fn decode(body: &Bytes) -> Result<gangmu::Decoded, ApiError> {
    gangmu::decode(body).map_err(|e| {
        ApiError::bad_request(
            "undecodable",
            format!("无法将内容读作文本：{e}"),
            format!("the body cannot be read as text: {e}"),
        )
    })
}

/// A .docx that cannot be read: `413` when it decompresses past the limits
/// (a zip bomb, or a document too large for this server), else `400` naming
/// the part and the reason.
fn docx_error(e: DocxError) -> ApiError {
    match e {
        DocxError::TooLarge { .. } | DocxError::TooManyEntries { .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "docx_too_large",
            format!("该 .docx 文件解压后超过上限：{e}"),
            format!(
                "the .docx is larger than this server reads once decompressed ({e}); start the server with a larger --max-body to accept it"
            ),
        ),
        e => ApiError::bad_request(
            "invalid_docx",
            format!("无法读取该 .docx 文件：{e}"),
            format!("the body cannot be read as a .docx: {e}"),
        ),
    }
}

fn json_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `POST /v1/parse`: the `gangmu/1` tree (of a .docx: with its styles as
/// evidence and generated markers flagged, as `gangmu parse` gives it).
async fn parse(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let json = state
        .analyse(move || {
            let (read, ..) = input.read()?;
            Ok(match read {
                Read::Text(text) => gangmu::parse(&text).to_json(),
                Read::Docx(docx, _) => gangmu::docx::parse_text(&docx).to_json(),
            })
        })
        .await??;
    Ok(json_response(json))
}

/// `POST /v1/text`: the text of an uploaded file, as the other endpoints read
/// it; of a .docx, the text Word shows and where each line comes from.
async fn text(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let encoding = match &input.source {
        Source::Text { encoding, .. } => *encoding,
        Source::Docx(_) => "docx",
    };
    let body = state
        .analyse(move || {
            let (read, ..) = input.read()?;
            let text = read.text();
            let mut v = json!({
                "text": text,
                "encoding": encoding,
                "format": if matches!(read, Read::Docx(..)) { "docx" } else { "text" },
                "chars": text.chars().count(),
                "lines": LineIndex::new(text).line_count(),
            });
            if let Read::Docx(docx, _) = &read {
                let source: Vec<Value> = docx
                    .lines
                    .iter()
                    .map(|l| docx.fields(l.span.start).map_or(Value::Null, Value::Object))
                    .collect();
                v["source"] = Value::Array(source);
            }
            Ok(v.to_string())
        })
        .await??;
    Ok(json_response(body))
}

/// A code-point span of `span`.
fn chars(index: &LineIndex, span: gangmu::Span) -> Value {
    json!({"start": index.char_offset(span.start), "end": index.char_offset(span.end)})
}

/// `POST /v1/lint`: findings with rule, spans in bytes and code points, lines
/// and columns, fixes, and the link to the rule's page; of a .docx, also the
/// paragraph, part and container (as `gangmu lint --format json`).
async fn lint(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let body = state
        .analyse(move || {
            let (read, config, ..) = input.read()?;
            let found = match &read {
                Read::Text(text) => gangmu::lint::lint(text, &config),
                Read::Docx(docx, _) => gangmu::docx::lint(docx, &config),
            };
            let file = FileFindings::new("", read.text(), &found);
            let file = match &read {
                Read::Text(_) => file,
                Read::Docx(docx, _) => file.with_source_map(docx),
            };
            let index = file.index();
            // Written finding by finding: a long document can have tens of
            // thousands, and a JSON value for all of them at once would hold
            // many times the answer's size.
            let mut out = String::from("{\"findings\":[");
            let mut counts = [0usize; 3];
            let mut fixable = 0;
            for (k, d) in found.iter().enumerate() {
                let mut v = JsonEmitter::finding(&file, d);
                let obj = v.as_object_mut().expect("a finding is an object");
                obj.remove("file");
                obj.insert("chars".into(), chars(index, d.span));
                obj.insert("doc".into(), json!(format!("/rules/{}", d.rule)));
                if let (Some(fix), Some(Value::Object(f))) = (&d.fix, obj.get_mut("fix")) {
                    let edits: Vec<Value> = fix
                        .edits
                        .iter()
                        .map(|e| {
                            json!({"span": e.span, "chars": chars(index, e.span), "replacement": e.replacement})
                        })
                        .collect();
                    f.insert("edits".into(), Value::Array(edits));
                    fixable += usize::from(fix.safe);
                }
                counts[match d.severity {
                    Severity::Error => 0,
                    Severity::Warning => 1,
                    Severity::Info => 2,
                }] += 1;
                if k > 0 {
                    out.push(',');
                }
                out.push_str(&v.to_string());
            }
            out.push_str("],\"summary\":");
            out.push_str(
                &json!({"error": counts[0], "warning": counts[1], "info": counts[2], "fixable": fixable})
                    .to_string(),
            );
            out.push('}');
            Ok(out)
        })
        .await??;
    Ok(json_response(body))
}

/// `POST /v1/fix`: the fixed text (as `gangmu fix` gives it) and the edits
/// from the original to it; with `?rule=&start=&end=`, the fix of that one
/// finding alone. Of a .docx: the fixes written into its runs, as `gangmu
/// fix` does, the new file's text, and the new file itself (base64).
async fn fix(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let body = state
        .analyse(move || {
            let (read, config, include_unsafe, finding) = input.read()?;
            let matched = std::cell::Cell::new(false);
            let keep = |d: &gangmu::Diagnostic| {
                let is = finding.as_ref().map_or(true, |f| f.is(d));
                if is {
                    matched.set(true);
                }
                is
            };
            let (fixed, docx) = match &read {
                Read::Text(text) => {
                    let fixed = match &finding {
                        None => gangmu::lint::fix_with_edits(text, &config, include_unsafe),
                        Some(_) => gangmu::lint::fix_selected(text, &config, include_unsafe, keep),
                    };
                    (fixed, None)
                }
                Read::Docx(_, bytes) => {
                    let done = match &finding {
                        None => gangmu::docx::fix_docx(bytes, &config, include_unsafe),
                        Some(_) => {
                            gangmu::docx::fix_docx_selected(bytes, &config, include_unsafe, keep)
                        }
                    }
                    .map_err(docx_error)?;
                    let fixed = gangmu::lint::FixedText {
                        text: done.text,
                        edits: done.edits,
                    };
                    let file = json!({
                        "written": done.written,
                        "left": done.left,
                        "docx": base64::engine::general_purpose::STANDARD.encode(&done.bytes),
                    });
                    (fixed, Some(file))
                }
            };
            if let (Some(f), false) = (&finding, matched.get()) {
                return Err(ApiError::bad_request(
                    "no_such_finding",
                    format!(
                        "文稿中没有 {} 在字节 {}–{} 处的问题（文稿可能已修改，请重新检查）",
                        f.rule, f.span.start, f.span.end
                    ),
                    format!(
                        "no finding of {} at bytes {}..{} in this document (it may have changed: lint it again)",
                        f.rule, f.span.start, f.span.end
                    ),
                ));
            }
            let original = read.text();
            let index = LineIndex::new(original);
            let edits: Vec<Value> = fixed
                .edits
                .iter()
                .map(|e| {
                    let (line, column) = index.line_col(e.span.start);
                    json!({
                        "span": e.span,
                        "chars": chars(&index, e.span),
                        "line": line,
                        "column": column,
                        "original": &original[e.span.range()],
                        "replacement": e.replacement,
                        "rules": e.rules,
                    })
                })
                .collect();
            let mut v = json!({
                "text": fixed.text,
                "changed": fixed.text != original,
                "unsafe": include_unsafe,
                "edits": edits,
            });
            if let (Some(Value::Object(file)), Some(obj)) = (docx, v.as_object_mut()) {
                obj.insert("format".into(), json!("docx"));
                obj.extend(file);
            }
            Ok(v.to_string())
        })
        .await??;
    Ok(json_response(body))
}

/// The catalogue, rendered once.
static CATALOGUE: LazyLock<String> = LazyLock::new(|| {
    let list: Vec<Value> = rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name,
                "severity": r.severity,
                "source": r.source.code(),
                "source_description": r.source.description(),
                "summary": r.summary,
                "summary_en": r.summary_en,
                "fix": gangmu::lint::rule_fix(r.id),
                "url": format!("/rules/{}", r.id),
                "doc": page::rule_markdown(r.id),
            })
        })
        .collect();
    json!({"rules": list}).to_string()
});

/// `GET /v1/rules`: every rule with its documentation (Markdown).
async fn rule_catalogue() -> Response {
    json_response(CATALOGUE.clone())
}
