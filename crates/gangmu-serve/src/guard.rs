//! What every request passes through: the `Host` and `Origin` checks, the
//! time limit, the protective response headers and the log line; and the
//! two limits handlers use, on the body's size and on the analyses that run
//! at once.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use tokio::sync::Semaphore;

use crate::error::ApiError;
use crate::ServeOptions;

/// The server's settings and shared limits.
pub(crate) struct State {
    pub config: gangmu::lint::Config,
    pub max_body: usize,
    pub timeout: Duration,
    log: bool,
    /// Accepted `Host` values, lowercase.
    allowed_hosts: Vec<String>,
    /// One permit per analysis that may run at once.
    slots: Arc<Semaphore>,
}

/// How many analyses run at once: one per core.
pub(crate) fn analysis_slots() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

impl State {
    pub fn new(options: ServeOptions, addr: SocketAddr) -> Self {
        let port = addr.port();
        let mut names = vec![match addr {
            SocketAddr::V4(a) => a.ip().to_string(),
            SocketAddr::V6(a) => format!("[{}]", a.ip()),
        }];
        if addr.ip().is_loopback() || addr.ip().is_unspecified() {
            names.extend(["localhost", "127.0.0.1", "[::1]"].map(String::from));
        }
        let mut allowed_hosts = Vec::new();
        for name in names {
            allowed_hosts.push(format!("{name}:{port}"));
            if port == 80 {
                allowed_hosts.push(name);
            }
        }
        for h in &options.allow_hosts {
            let h = h.trim().to_ascii_lowercase();
            // `name:port` as given; a bare name gets the bound port.
            if h.rsplit_once(':')
                .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
                && !h.ends_with(']')
            {
                allowed_hosts.push(h);
            } else {
                allowed_hosts.push(format!("{h}:{port}"));
                if port == 80 {
                    allowed_hosts.push(h);
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        allowed_hosts.retain(|h| seen.insert(h.clone()));
        State {
            config: options.config,
            max_body: options.max_body_bytes,
            timeout: options.request_timeout,
            log: options.log,
            allowed_hosts,
            slots: Arc::new(Semaphore::new(analysis_slots())),
        }
    }

    /// Reads the whole body, refusing it once it passes the size limit
    /// (before reading, when `Content-Length` already says so).
    pub async fn read_body(&self, req: Request) -> Result<(HeaderMap, String, Bytes), ApiError> {
        let (parts, mut body) = req.into_parts();
        let declared = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.max_body as u64) {
            return Err(ApiError::too_large(self.max_body));
        }
        let mut buf = Vec::with_capacity(declared.unwrap_or(0) as usize);
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                ApiError::bad_request(
                    "incomplete_body",
                    "请求内容不完整，无法读取",
                    format!("the request body could not be read to its end: {e}"),
                )
            })?;
            if let Ok(data) = frame.into_data() {
                if buf.len() + data.len() > self.max_body {
                    return Err(ApiError::too_large(self.max_body));
                }
                buf.extend_from_slice(&data);
            }
        }
        let query = parts.uri.query().unwrap_or("").to_string();
        Ok((parts.headers, query, Bytes::from(buf)))
    }

    /// Runs a CPU-bound analysis on the blocking pool once a slot is free. The
    /// slot stays taken until the analysis ends, even when the request was
    /// answered `408` before, so slow requests cannot pile up work.
    pub async fn analyse<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = self
            .slots
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        tokio::task::spawn_blocking(move || {
            let out = work();
            drop(permit);
            out
        })
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "服务器内部错误",
                "the analysis failed inside the server",
            )
        })
    }

    fn check_host(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        match host {
            Some(h) if self.allowed_hosts.contains(&h) => Ok(()),
            Some(h) => Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "host_not_allowed",
                format!("拒绝访问：请求的主机名“{h}”不是本服务的地址"),
                format!(
                    "refused: the Host header `{h}` is not this server's address (expected one of {}); \
                     this protects against DNS rebinding — add --allow-host to accept another name",
                    self.allowed_hosts.join(", ")
                ),
            )),
            None => Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "host_missing",
                "拒绝访问：请求缺少 Host 头",
                "refused: the request has no Host header",
            )),
        }
    }

    /// Browsers send `Origin` on cross-origin requests (and on same-origin
    /// POSTs): only this server's own origin is accepted.
    fn check_origin(headers: &HeaderMap) -> Result<(), ApiError> {
        let Some(origin) = headers.get(header::ORIGIN) else {
            return Ok(());
        };
        let origin = origin.to_str().unwrap_or("").to_ascii_lowercase();
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        if origin == format!("http://{host}") {
            Ok(())
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "cross_origin",
                "拒绝访问：不接受来自其他网页的请求",
                format!("refused: cross-origin request from `{origin}`; this server answers only its own page"),
            ))
        }
    }
}

/// The middleware: checks, time limit, headers, log.
pub(crate) async fn guard(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path: String = req.uri().path().chars().take(120).collect();
    let checked = state
        .check_host(req.headers())
        .and_then(|()| State::check_origin(req.headers()));
    let mut response = match checked {
        Err(e) => e.into_response(),
        Ok(()) => match tokio::time::timeout(state.timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => ApiError::timeout(state.timeout).into_response(),
        },
    };
    let h = response.headers_mut();
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
             form-action 'none'; frame-ancestors 'none'",
        ),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    if state.log {
        eprintln!(
            "{method} {path} {} {:.1}ms",
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    response
}
