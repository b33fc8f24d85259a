//! The HTTP side of `serve`: the site's files from memory and the live-reload socket.
//!
//! Only paths of the rendered site can be served: a request path is decoded, split into
//! segments and looked up in the site's file table; `.`/`..` segments, backslashes, NUL
//! and drive letters are refused before any lookup, so there is nothing on disk to
//! escape to. Misses get the site's own `404.html` with status 404.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;

use crate::files::{Contents, OutputFile};

/// Where the reload client connects. Content files starting with `.` are never part
/// of a site, so this cannot shadow a page.
pub const LIVE_PATH: &str = "/.panduan/live";
/// Where pages load the reload client from (a small tag in every page, the client once).
pub const CLIENT_PATH: &str = "/.panduan/live-reload.js";

/// Files of a site made after its pages, shared once they are ready.
pub type Later = Option<Arc<HashMap<String, Contents>>>;

/// One rendered site, as served.
#[derive(Debug)]
pub struct SiteFiles {
    files: HashMap<String, Contents>,
    /// The token of the build these files come from.
    build: String,
    /// The files that gather every page (print documents, search indexes), made after
    /// the pages: a request for one of them waits until they are ready.
    later: tokio::sync::watch::Receiver<Later>,
}

impl Default for SiteFiles {
    fn default() -> Self {
        SiteFiles {
            files: HashMap::new(),
            build: String::new(),
            later: tokio::sync::watch::channel(Some(Arc::default())).1,
        }
    }
}

/// How long a request waits for the files made after the pages.
const LATER_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Stands for the build's token in the live-reload snippet of rendered pages; the
/// server puts the real token in as it sends a page (see [`with_build`]).
pub const BUILD_PLACEHOLDER: &str = "panduan-build-token";

impl SiteFiles {
    /// The site made of `files`, from build `build`, with the files `later` will hold.
    pub fn new(
        files: Vec<OutputFile>,
        build: &str,
        later: tokio::sync::watch::Receiver<Later>,
    ) -> Self {
        SiteFiles {
            files: files.into_iter().map(|f| (f.path, f.contents)).collect(),
            build: build.to_string(),
            later,
        }
    }

    /// The file at `key`: a page at once, a gathering file once it is made.
    async fn get(&self, key: &str) -> Option<Contents> {
        if let Some(c) = self.files.get(key) {
            return Some(c.clone());
        }
        let mut later = self.later.clone();
        let ready = tokio::time::timeout(LATER_WAIT, later.wait_for(Option::is_some)).await;
        match ready {
            Ok(Ok(files)) => files.as_ref().and_then(|f| f.get(key).cloned()),
            _ => None,
        }
    }
}

/// An HTML page with the token of the build it comes from in its live-reload snippet
/// (the last `data-build` attribute holding [`BUILD_PLACEHOLDER`]).
pub fn with_build(mut html: Vec<u8>, build: &str) -> Vec<u8> {
    let needle = format!("data-build=\"{BUILD_PLACEHOLDER}\"");
    let needle = needle.as_bytes();
    if let Some(at) = html.windows(needle.len()).rposition(|w| w == needle) {
        let value = at + "data-build=\"".len();
        html.splice(value..value + BUILD_PLACEHOLDER.len(), build.bytes());
    }
    html
}

/// What every request handler shares.
pub struct Shared {
    /// The last good site, swapped whole after every good build.
    pub site: RwLock<Arc<SiteFiles>>,
    /// The message a newly connected tab receives: the current build, or its errors.
    pub status: RwLock<Arc<str>>,
    /// Messages to every open tab.
    pub tabs: broadcast::Sender<Arc<str>>,
    /// Shown for every page while no build has succeeded yet.
    pub placeholder: RwLock<Arc<str>>,
}

impl Shared {
    fn site(&self) -> Arc<SiteFiles> {
        Arc::clone(&self.site.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn status(&self) -> Arc<str> {
        Arc::clone(&self.status.read().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The routes: the live-reload socket and the site's files.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(LIVE_PATH, get(live))
        .route(CLIENT_PATH, get(client))
        .fallback(file)
        .with_state(shared)
}

/// A request path, checked and turned into a key of the site's file table.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The file at this `/`-separated path below the site root.
    File(String),
    /// Not a path of any site (traversal, backslash, bad encoding...).
    Refused,
}

/// How long a client may take to send a request's headers before its connection is
/// closed: half-sent requests must not hold sockets (and file descriptors) forever.
const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Serves `app` on every connection `listener` accepts, until the runtime stops.
/// Like `axum::serve`, plus a time limit on reading request headers, which axum does
/// not offer.
pub async fn accept(listener: tokio::net::TcpListener, app: Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    use tower::ServiceExt as _;
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: wait a moment rather than spin.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(
            app.clone()
                .map_request(|req: axum::http::Request<hyper::body::Incoming>| req.map(Body::new)),
        );
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT);
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades()
                .await;
        });
    }
}

/// Decodes and checks the path of a request URL (without the query). Pure.
pub fn site_path(raw: &str) -> Lookup {
    let Some(rest) = raw.strip_prefix('/') else {
        return Lookup::Refused;
    };
    let Ok(decoded) = percent_encoding::percent_decode_str(rest).decode_utf8() else {
        return Lookup::Refused;
    };
    if decoded.contains(['\\', '\0']) {
        return Lookup::Refused;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        let is_bad = matches!(*segment, "." | "..")
            || segment.contains(':')
            || (segment.is_empty() && i != last);
        if is_bad {
            return Lookup::Refused;
        }
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        Lookup::File(format!("{decoded}index.html"))
    } else {
        Lookup::File(decoded.into_owned())
    }
}

/// The `Content-Type` of a site file, from its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

async fn file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let site = shared.site();
    if site.files.is_empty() {
        let page = Arc::clone(
            &shared
                .placeholder
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        );
        return respond(
            StatusCode::SERVICE_UNAVAILABLE,
            "index.html",
            page.as_bytes().to_vec(),
        );
    }
    let key = match site_path(uri.path()) {
        Lookup::File(key) => key,
        Lookup::Refused => return not_found(&site).await,
    };
    if let Some(contents) = site.get(&key).await {
        return match read(contents).await {
            Some(bytes) if key.ends_with(".html") => {
                respond(StatusCode::OK, &key, with_build(bytes, &site.build))
            }
            Some(bytes) => respond(StatusCode::OK, &key, bytes),
            None => not_found(&site).await,
        };
    }
    // `/id/guide` for the folder `id/guide/`: relative links need the final slash.
    if site.files.contains_key(&format!("{key}/index.html")) {
        let location = match uri.query() {
            Some(q) => format!("{}/?{q}", uri.path()),
            None => format!("{}/", uri.path()),
        };
        if let Ok(location) = HeaderValue::from_str(&location) {
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
    }
    not_found(&site).await
}

async fn read(contents: Contents) -> Option<Vec<u8>> {
    match contents {
        Contents::Bytes(bytes) => Some(bytes),
        // A file of `content/` that the build copies as it is.
        Contents::Copy(source) => tokio::task::spawn_blocking(move || std::fs::read(source).ok())
            .await
            .ok()
            .flatten(),
    }
}

async fn not_found(site: &SiteFiles) -> Response {
    match site.files.get("404.html") {
        Some(contents) => match read(contents.clone()).await {
            Some(bytes) => respond(
                StatusCode::NOT_FOUND,
                "404.html",
                with_build(bytes, &site.build),
            ),
            None => (StatusCode::NOT_FOUND, "not found").into_response(),
        },
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

fn respond(status: StatusCode, path: &str, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    // Every rebuild changes files in place: never let the browser use an old copy.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn client() -> Response {
    respond(
        StatusCode::OK,
        "live-reload.js",
        super::CLIENT_JS.as_bytes().to_vec(),
    )
}

async fn live(ws: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    ws.on_upgrade(move |socket| tab(socket, shared))
}

/// One open tab: first the current status, then every message until it goes away.
async fn tab(mut socket: WebSocket, shared: Arc<Shared>) {
    // Subscribe before reading the status so that no build in between is missed; a
    // message repeated this way is harmless (the client compares build tokens).
    let mut messages = shared.tabs.subscribe();
    let status = shared.status();
    if socket.send(Message::text(status.as_ref())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            message = messages.recv() => {
                let text = match message {
                    Ok(text) => text,
                    // Too slow to keep up: the current status says all that matters.
                    Err(broadcast::error::RecvError::Lagged(_)) => shared.status(),
                    Err(broadcast::error::RecvError::Closed) => break,
                };
                if socket.send(Message::text(text.as_ref())).await.is_err() {
                    break;
                }
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_)) | Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(s: &str) -> Lookup {
        Lookup::File(s.to_string())
    }

    #[test]
    fn folders_serve_their_index() {
        assert_eq!(site_path("/"), file("index.html"));
        assert_eq!(site_path("/id/"), file("id/index.html"));
        assert_eq!(site_path("/id/a%20b/"), file("id/a b/index.html"));
        assert_eq!(site_path("/assets/style.css"), file("assets/style.css"));
        assert_eq!(
            site_path("/id/kelompok-%C3%A9/"),
            file("id/kelompok-é/index.html")
        );
    }

    #[test]
    fn traversal_is_refused() {
        for raw in [
            "/..",
            "/../etc/passwd",
            "/id/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/id/..%2f..%2fbook.toml",
            "/..%5c..%5cbook.toml",
            "/id\\..\\book.toml",
            "/./index.html",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/c%3a%5cwindows",
            "/a%00.html",
            "/%ff",
            "relative",
        ] {
            assert_eq!(site_path(raw), Lookup::Refused, "{raw}");
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("id/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/style.CSS"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("assets/nav-id.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type("sitemap.xml"), "application/xml");
        assert_eq!(content_type("id/img/circle.png"), "image/png");
        assert_eq!(content_type("id/img/photo.jpeg"), "image/jpeg");
        assert_eq!(content_type("fonts/a.woff2"), "font/woff2");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }
}
