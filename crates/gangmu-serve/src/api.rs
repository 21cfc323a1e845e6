//! The JSON API: `POST /v1/parse`, `/v1/lint`, `/v1/fix`, `/v1/text` and
//! `GET /v1/rules`; and the router that puts them beside the page.

use std::sync::{Arc, LazyLock};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use gangmu::lint::emit::{FileFindings, JsonEmitter};
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
    text: String,
    encoding: &'static str,
    config: Config,
    include_unsafe: bool,
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

/// Reads the document of a request: a JSON object `{"text", "config",
/// "unsafe"}`, or the bytes of a text file (UTF-8, UTF-16 with BOM, GB18030).
async fn input(state: &Shared, req: Request) -> Result<Input, ApiError> {
    let (headers, query, body) = state.read_body(req).await?;
    let flag = |name: &str| {
        query
            .split('&')
            .any(|kv| kv == name || kv == format!("{name}=true") || kv == format!("{name}=1"))
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
            Ok(Input {
                text: j.text,
                encoding: "utf-8",
                config,
                include_unsafe: j.include_unsafe || flag("unsafe"),
            })
        }
        "" | "text/plain" | "application/octet-stream" => {
            let decoded = decode(&body)?;
            Ok(Input {
                text: decoded.text,
                encoding: decoded.encoding.name(),
                config: state.config.clone(),
                include_unsafe: flag("unsafe"),
            })
        }
        DOCX => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "docx_unsupported",
            "此版本尚不能读取 .docx 文件，请粘贴文本或另存为 .txt",
            "this build cannot read .docx files yet; send the text, or save the document as .txt",
        )),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("不支持的内容类型“{other}”"),
            format!(
                "unsupported Content-Type `{other}`: send text/plain (a text file's bytes) or application/json ({{\"text\": …}})"
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

fn json_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `POST /v1/parse`: the `gangmu/1` tree.
async fn parse(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let json = state
        .analyse(move || gangmu::parse(&input.text).to_json())
        .await?;
    Ok(json_response(json))
}

/// `POST /v1/text`: the text of an uploaded file, as the other endpoints read it.
async fn text(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let chars = input.text.chars().count();
    let lines = LineIndex::new(&input.text).line_count();
    Ok(axum::Json(json!({
        "text": input.text,
        "encoding": input.encoding,
        "format": "text",
        "chars": chars,
        "lines": lines,
    }))
    .into_response())
}

/// A code-point span of `span`.
fn chars(index: &LineIndex, span: gangmu::Span) -> Value {
    json!({"start": index.char_offset(span.start), "end": index.char_offset(span.end)})
}

/// `POST /v1/lint`: findings with rule, spans in bytes and code points, lines
/// and columns, fixes, and the link to the rule's page.
async fn lint(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let body = state
        .analyse(move || {
            let found = gangmu::lint::lint(&input.text, &input.config);
            let file = FileFindings::new("", &input.text, &found);
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
            out
        })
        .await?;
    Ok(json_response(body))
}

/// `POST /v1/fix`: the fixed text (as `gangmu fix` gives it) and the edits
/// from the original to it.
async fn fix(State(state): AppState, req: Request) -> Result<Response, ApiError> {
    let input = input(&state, req).await?;
    let body = state
        .analyse(move || {
            let fixed =
                gangmu::lint::fix_with_edits(&input.text, &input.config, input.include_unsafe);
            let index = LineIndex::new(&input.text);
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
                        "original": &input.text[e.span.range()],
                        "replacement": e.replacement,
                        "rules": e.rules,
                    })
                })
                .collect();
            json!({
                "text": fixed.text,
                "changed": fixed.text != input.text,
                "unsafe": input.include_unsafe,
                "edits": edits,
            })
            .to_string()
        })
        .await?;
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
