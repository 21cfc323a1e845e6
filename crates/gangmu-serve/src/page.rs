//! The web page and the rule pages, from assets built into the binary: no
//! CDN, nothing fetched, so the page works offline.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use pulldown_cmark::{html, Event, Options, Parser};

use crate::error::ApiError;

const INDEX: &str = include_str!("../assets/index.html");
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../assets/app.css"),
    ),
    (
        "icon.svg",
        "image/svg+xml",
        include_str!("../assets/icon.svg"),
    ),
];

fn html_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// `GET /`: the checker.
pub(crate) async fn index() -> Response {
    html_response(INDEX.to_string())
}

/// `GET /assets/{file}`.
pub(crate) async fn asset(Path(file): Path<String>) -> Result<Response, ApiError> {
    ASSETS
        .iter()
        .find(|(name, _, _)| *name == file)
        .map(|(_, mime, body)| ([(header::CONTENT_TYPE, *mime)], *body).into_response())
        .ok_or_else(|| ApiError::not_found(&format!("/assets/{file}")))
}

/// `GET /rules`: to `/rules/`, where the index's relative links resolve.
pub(crate) async fn rules_redirect() -> Redirect {
    Redirect::permanent("/rules/")
}

/// `GET /rules/`: the index of the rules.
pub(crate) async fn rules_index() -> Response {
    html_response(wrap(
        "规则目录 · Rules",
        &markdown_html(&without_generated_note(
            &gangmu::lint::rules_index_markdown(),
        )),
    ))
}

/// `GET /rules/{id}` (also `{id}.md`, as the index links): a rule's page.
pub(crate) async fn rule_page(Path(id): Path<String>) -> Result<Response, ApiError> {
    let name = id.strip_suffix(".md").unwrap_or(&id);
    if name == "README" {
        return Ok(rules_index().await);
    }
    let md = rule_markdown(&name.to_ascii_uppercase())
        .ok_or_else(|| ApiError::not_found(&format!("/rules/{id}")))?;
    Ok(html_response(wrap(name, &markdown_html(&md))))
}

/// A rule's page as Markdown (`docs/rules/<ID>.md`), without the note that
/// says how the file is generated.
pub(crate) fn rule_markdown(id: &str) -> Option<String> {
    let md = gangmu::lint::rule_doc_markdown(id)?;
    Some(without_generated_note(&md))
}

fn without_generated_note(md: &str) -> String {
    md.lines()
        .filter(|l| !l.starts_with("<!-- Generated"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\n\n\n", "\n\n")
        + "\n"
}

/// Markdown to HTML; raw HTML in the Markdown is shown as text, never run.
fn markdown_html(md: &str) -> String {
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn wrap(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{t} · 纲目</title><link rel=\"icon\" href=\"/assets/icon.svg\">\
         <link rel=\"stylesheet\" href=\"/assets/app.css\"></head>\
         <body class=\"doc-page\"><header class=\"bar\"><a class=\"brand\" href=\"/\">\
         <img src=\"/assets/icon.svg\" alt=\"\" width=\"24\" height=\"24\"><span>纲目 公文检查</span></a>\
         <nav><a href=\"/rules/\">规则目录 Rules</a></nav></header>\
         <main class=\"rule-doc\">{body}</main></body></html>\n",
        t = escape(title)
    )
}
