//! `gangmu serve`: the checker on the drafter's own machine — an HTTP JSON
//! API (`/v1/parse`, `/v1/lint`, `/v1/fix`, `/v1/rules`, `/v1/text`) and a
//! web page at `/`, served from assets built into the binary.
//!
//! Government drafts are often confidential, so the server is safe by
//! default: it binds loopback unless told otherwise, refuses requests whose
//! `Host` header names another server (DNS rebinding) and cross-origin
//! requests, sends no CORS headers, limits the size of a request body and the
//! time of a request (answered `413` and `408` with JSON errors), writes
//! nothing to disk, and logs only method, path, status and timing.
//!
//! The stack is axum on tokio, with hyper's HTTP/1 underneath: the most used
//! and best kept Rust HTTP stack, small enough for one binary, with the body
//! and timeout control the limits need. Connections are accepted here rather
//! than by `axum::serve`, so that hyper gets a timer and cuts connections
//! whose headers never end. The analyses are CPU-bound, so they run on
//! tokio's blocking pool, at most one per core at a time.
//!
//! ```
//! use std::io::{Read, Write};
//! let server = gangmu_serve::Server::bind(gangmu_serve::ServeOptions {
//!     port: 0, // any free port
//!     ..Default::default()
//! }).unwrap();
//! let addr = server.local_addr();
//! let running = server.spawn();
//! let mut s = std::net::TcpStream::connect(addr).unwrap();
//! let body = "一.总则\n";
//! write!(s, "POST /v1/lint HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\n\
//!            Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
//! let mut reply = String::new();
//! s.read_to_string(&mut reply).unwrap();
//! assert!(reply.starts_with("HTTP/1.1 200"));
//! assert!(reply.contains("\"rule\":\"HDR001\""));
//! running.stop();
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use gangmu::lint::Config;

mod api;
mod error;
mod guard;
mod page;

/// How `gangmu serve` runs.
///
/// ```
/// let o = gangmu_serve::ServeOptions::default();
/// assert!(o.host.is_loopback());
/// assert_eq!(o.port, 8765);
/// assert_eq!(o.max_body_bytes, 8 << 20);
/// ```
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The address to bind; loopback by default.
    pub host: IpAddr,
    /// The port; `0` picks a free one.
    pub port: u16,
    /// More `Host` header values to accept (`name` or `name:port`), for a
    /// server reached by a name on the local network.
    pub allow_hosts: Vec<String>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// The longest a request may take, from its headers to its answer.
    pub request_timeout: Duration,
    /// The configuration requests are checked with unless they bring their own.
    pub config: Config,
    /// Log each request (method, path, status, time) on standard error.
    pub log: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8765,
            allow_hosts: Vec::new(),
            max_body_bytes: 8 << 20,
            request_timeout: Duration::from_secs(10),
            config: Config::default(),
            log: true,
        }
    }
}

/// A bound server, not yet answering.
///
/// ```
/// let server = gangmu_serve::Server::bind(gangmu_serve::ServeOptions { port: 0, ..Default::default() }).unwrap();
/// assert!(server.local_addr().ip().is_loopback());
/// assert!(server.warning().is_none(), "loopback needs no warning");
/// ```
#[derive(Debug)]
pub struct Server {
    listener: std::net::TcpListener,
    addr: SocketAddr,
    options: ServeOptions,
}

impl Server {
    /// Binds the address of `options`.
    ///
    /// ```
    /// let o = gangmu_serve::ServeOptions { port: 0, ..Default::default() };
    /// assert!(gangmu_serve::Server::bind(o).is_ok());
    /// ```
    pub fn bind(options: ServeOptions) -> io::Result<Server> {
        // A backlog of 1024, not the 128 of std's `bind`: with more
        // connections arriving at once than the backlog holds, the kernel drops
        // their SYNs and the clients wait a second to retry.
        let addr = SocketAddr::new(options.host, options.port);
        let socket = socket2::Socket::new(
            socket2::Domain::for_address(addr),
            socket2::Type::STREAM,
            None,
        )?;
        socket.set_reuse_address(true)?;
        socket.bind(&addr.into())?;
        socket.listen(1024)?;
        socket.set_nonblocking(true)?;
        let listener: std::net::TcpListener = socket.into();
        let addr = listener.local_addr()?;
        Ok(Server {
            listener,
            addr,
            options,
        })
    }

    /// The address bound (with the port picked when `port` was 0).
    ///
    /// ```
    /// let s = gangmu_serve::Server::bind(gangmu_serve::ServeOptions { port: 0, ..Default::default() }).unwrap();
    /// assert_ne!(s.local_addr().port(), 0);
    /// ```
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The warning to show when the server is reachable from other machines
    /// (bound to an address that is not loopback), else `None`.
    ///
    /// ```
    /// let s = gangmu_serve::Server::bind(gangmu_serve::ServeOptions { port: 0, ..Default::default() }).unwrap();
    /// assert_eq!(s.warning(), None);
    /// ```
    pub fn warning(&self) -> Option<String> {
        exposure_warning(self.addr)
    }

    /// Answers requests until Ctrl-C or SIGTERM, then finishes the requests
    /// under way.
    ///
    /// ```no_run
    /// // Blocks until interrupted:
    /// gangmu_serve::Server::bind(Default::default()).unwrap().run().unwrap();
    /// ```
    pub fn run(self) -> io::Result<()> {
        let runtime = runtime()?;
        runtime.block_on(self.serve(shutdown_signal()))
    }

    /// Answers requests on a thread of its own until [`Running::stop`].
    ///
    /// ```
    /// let s = gangmu_serve::Server::bind(gangmu_serve::ServeOptions { port: 0, ..Default::default() }).unwrap();
    /// let addr = s.local_addr();
    /// let running = s.spawn();
    /// assert!(std::net::TcpStream::connect(addr).is_ok());
    /// running.stop();
    /// ```
    pub fn spawn(self) -> Running {
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = runtime()?;
            runtime.block_on(self.serve(async {
                let _ = rx.await;
            }))
        });
        Running { stop: tx, thread }
    }

    /// Accepts connections until `stop`, each served by hyper's HTTP/1 with
    /// a timer, so that a client that never finishes its headers is cut at
    /// the same time limit as a slow request (axum's own `serve` has no
    /// header timeout); then lets the requests under way finish.
    async fn serve(
        self,
        stop: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> io::Result<()> {
        let listener = tokio::net::TcpListener::from_std(self.listener)?;
        let limit = self.options.request_timeout;
        let state = Arc::new(guard::State::new(self.options, self.addr));
        let app = api::router(state);
        let graceful = hyper_util::server::graceful::GracefulShutdown::new();
        let mut stop = std::pin::pin!(stop);
        loop {
            let stream = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    // Out of file descriptors or the like: wait, do not spin.
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                },
                () = &mut stop => break,
            };
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(limit);
            let conn = http.serve_connection(
                hyper_util::rt::TokioIo::new(stream),
                hyper_util::service::TowerToHyperService::new(app.clone()),
            );
            let conn = graceful.watch(conn);
            tokio::spawn(async move {
                let _ = conn.await;
            });
        }
        // Requests under way are answered within one time limit.
        tokio::select! {
            () = graceful.shutdown() => {},
            () = tokio::time::sleep(limit + Duration::from_secs(1)) => {},
        }
        Ok(())
    }
}

/// A server answering on a thread of its own (see [`Server::spawn`]).
///
/// ```
/// let s = gangmu_serve::Server::bind(gangmu_serve::ServeOptions { port: 0, ..Default::default() }).unwrap();
/// s.spawn().stop();
/// ```
#[derive(Debug)]
pub struct Running {
    stop: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<io::Result<()>>,
}

impl Running {
    /// Stops accepting requests, finishes those under way and waits for the
    /// thread.
    ///
    /// ```
    /// let s = gangmu_serve::Server::bind(gangmu_serve::ServeOptions { port: 0, ..Default::default() }).unwrap();
    /// let running = s.spawn();
    /// running.stop();
    /// ```
    pub fn stop(self) {
        let _ = self.stop.send(());
        let _ = self.thread.join();
    }
}

/// The warning for a server bound to `addr`, when other machines can reach it.
fn exposure_warning(addr: SocketAddr) -> Option<String> {
    if addr.ip().is_loopback() {
        return None;
    }
    let names = if addr.ip().is_unspecified() {
        " Requests must still name this machine as 127.0.0.1, localhost or a name given with \
         --allow-host."
    } else {
        ""
    };
    Some(format!(
        "warning: listening on {}, which other machines can reach; drafts sent to this server \
         cross the network unencrypted. Use --host 127.0.0.1 to keep it on this machine.{names}",
        addr.ip()
    ))
}

/// Two threads answer connections; the analyses run on the blocking pool.
fn runtime() -> io::Result<tokio::runtime::Runtime> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores.min(4))
        .max_blocking_threads(guard::analysis_slots() + 2)
        .enable_all()
        .build()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Reads a size: a number of bytes, or a number with `K`, `M` or `G` (powers of
/// 1024; `KiB`, `MiB`, `GiB`, `KB`… and lowercase are accepted too).
///
/// ```
/// use gangmu_serve::parse_size;
/// assert_eq!(parse_size("8MiB"), Ok(8 << 20));
/// assert_eq!(parse_size("512k"), Ok(512 << 10));
/// assert_eq!(parse_size("1000"), Ok(1000));
/// assert!(parse_size("lots").is_err());
/// ```
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: usize = n
        .parse()
        .map_err(|_| format!("`{s}` is not a size (say 8MiB, 512KiB or a number of bytes)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{s}`: unknown unit (use KiB, MiB or GiB)")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// Reads a duration: a number with `ms`, `s` or `min` (a bare number is seconds).
///
/// ```
/// use std::time::Duration;
/// use gangmu_serve::parse_duration;
/// assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
/// assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
/// assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
/// assert!(parse_duration("soon").is_err());
/// ```
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (n, unit) = t.split_at(split);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("`{s}` is not a duration (say 10s or 500ms)"))?;
    match unit.trim() {
        "ms" => Ok(Duration::from_millis(n)),
        "" | "s" => Ok(Duration::from_secs(n)),
        "min" | "m" => Ok(Duration::from_secs(n * 60)),
        _ => Err(format!("`{s}`: unknown unit (use ms, s or min)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_binds_go_without_a_warning() {
        for loopback in ["127.0.0.1:8765", "127.0.0.2:80", "[::1]:8765"] {
            assert_eq!(
                exposure_warning(loopback.parse().unwrap()),
                None,
                "{loopback}"
            );
        }
        let lan = exposure_warning("192.168.1.5:8765".parse().unwrap()).expect("a warning");
        assert!(
            lan.contains("192.168.1.5") && lan.contains("--host 127.0.0.1"),
            "{lan}"
        );
        let any = exposure_warning("0.0.0.0:8765".parse().unwrap()).expect("a warning");
        assert!(
            any.contains("--allow-host"),
            "says how other names get in: {any}"
        );
    }
}
