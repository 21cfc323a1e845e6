//! Errors answered as JSON: a status, a stable code, and the reason in
//! Chinese and English.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answer: `{"error": {"status", "code", "message", "message_en"}}`.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub message_en: String,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            message_en: message_en.into(),
        }
    }

    pub fn too_large(limit: usize) -> Self {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("请求内容超过上限（{}）", human_size(limit)),
            format!(
                "the request body exceeds the limit of {limit} bytes ({}); start the server with a larger --max-body to accept it",
                human_size(limit)
            ),
        )
    }

    pub fn timeout(limit: std::time::Duration) -> Self {
        ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!("请求处理超过时限（{} 毫秒）", limit.as_millis()),
            format!(
                "the request took longer than the limit of {} ms; start the server with a longer --timeout to allow it",
                limit.as_millis()
            ),
        )
    }

    pub fn bad_request(
        code: &'static str,
        message: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message, en)
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("没有这个地址：{what}"),
            format!("no such resource: {what}"),
        )
    }
}

fn human_size(n: usize) -> String {
    if n >= 1 << 20 && n % (1 << 20) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n % (1 << 10) == 0 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} 字节")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
            "message_en": self.message_en,
        }});
        (self.status, axum::Json(body)).into_response()
    }
}
