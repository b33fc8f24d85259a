//! The HTTP side of `serve`: the site's files from memory and the live-reload socket.
//!
//! Only paths of the rendered site can be served: a request path is decoded, split into
//! segments and looked up in the site's file table; `.`/`..` segments, backslashes, NUL
//! and drive letters are refused before any lookup, so there is nothing on disk to
//! escape to. Misses get the site's own `404.html` with status 404.
//!
//! Every request, the live-reload socket's upgrade included, must name this server
//! ([`check_request`]): its `Host` is `localhost`, a loopback address or the address
//! the connection came in on, with the server's port, and its `Origin`, when a browser
//! sends one, is such an address too. Anything else gets 403, so that a web page the
//! writer visits can neither open the live-reload socket nor read the draft through
//! DNS rebinding. At most [`MAX_TABS`] sockets are open at once and a tab's message is
//! at most [`MAX_MESSAGE`] bytes.

use std::collections::HashMap;
use std::path::Path;
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
    /// While editing is on: for each page, the attributes its live-reload snippet
    /// gets (its file below `content/` and the Edit button's words).
    pub edit: HashMap<String, String>,
}

impl Default for SiteFiles {
    fn default() -> Self {
        SiteFiles {
            files: HashMap::new(),
            edit: HashMap::new(),
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
            edit: HashMap::new(),
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
/// (the last `data-build` attribute holding [`BUILD_PLACEHOLDER`]), followed by the
/// attributes `extra` (empty, or the editor's, see [`super::edit::snippet_attributes`]).
pub fn with_build(mut html: Vec<u8>, build: &str, extra: &str) -> Vec<u8> {
    let needle = format!("data-build=\"{BUILD_PLACEHOLDER}\"");
    let needle = needle.as_bytes();
    if let Some(at) = html.windows(needle.len()).rposition(|w| w == needle) {
        let value = at + "data-build=\"".len();
        let replaced = format!("{build}\"{extra}");
        html.splice(value..value + BUILD_PLACEHOLDER.len() + 1, replaced.bytes());
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
    /// The project folder, resolved: a file the build copies is served only while it
    /// still lies inside (a picture replaced by a link to `/etc/passwd` after the last
    /// good build is not).
    pub root: std::path::PathBuf,
    /// Live-reload sockets open now (at most [`MAX_TABS`]).
    pub open_tabs: std::sync::atomic::AtomicUsize,
    /// The browser editor, when editing is on.
    pub editor: Option<Arc<super::edit::Editor>>,
}

impl Shared {
    fn site(&self) -> Arc<SiteFiles> {
        Arc::clone(&self.site.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn status(&self) -> Arc<str> {
        Arc::clone(&self.status.read().unwrap_or_else(PoisonError::into_inner))
    }
}

/// The routes: the live-reload socket and the site's files, each request checked by
/// [`check_request`] first.
pub fn router(shared: Arc<Shared>) -> Router {
    let site = Router::new()
        .route(LIVE_PATH, get(live))
        .route(CLIENT_PATH, get(client))
        .fallback(file)
        .with_state(Arc::clone(&shared));
    super::edit::mount(site, shared.editor.clone()).layer(axum::middleware::from_fn(guard))
}

/// The address a connection came in on (the server's side), set on every request by
/// [`accept`].
#[derive(Debug, Clone, Copy)]
pub struct Local(pub std::net::SocketAddr);

/// Why a request is refused by [`check_request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No `Host`, or one naming another server (DNS rebinding, a proxy).
    Host(String),
    /// An `Origin` of another site (a page the writer visits), or `null`.
    Origin(String),
}

/// Whether a request may be answered: its `Host` names this server and its `Origin`,
/// if any, is this server. `local` is the address the connection came in on: the
/// names allowed are `localhost`, the loopback addresses and that address, with its
/// port. Pure, so that every handler (and the editor's `PUT`s) can use it.
pub fn check_request(
    headers: &axum::http::HeaderMap,
    local: std::net::SocketAddr,
) -> Result<(), Refused> {
    let text = |name| {
        headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    let host = text(header::HOST).unwrap_or_default();
    if !is_this_server(&host, local) {
        return Err(Refused::Host(host));
    }
    if let Some(origin) = text(header::ORIGIN) {
        let authority = origin.strip_prefix("http://").unwrap_or("");
        if authority.contains('/') || !is_this_server(authority, local) {
            return Err(Refused::Origin(origin));
        }
    }
    Ok(())
}

/// Whether `authority` (`host[:port]`) names the server at `local`.
fn is_this_server(authority: &str, local: std::net::SocketAddr) -> bool {
    let Ok(parsed) = authority.parse::<axum::http::uri::Authority>() else {
        return false;
    };
    if authority.contains('@') || parsed.port_u16().is_some_and(|p| p != local.port()) {
        return false;
    }
    let host = parsed.host().trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == local.ip(),
        Err(_) => false,
    }
}

/// Refuses, with 403, every request [`check_request`] refuses.
async fn guard(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let local = request
        .extensions()
        .get::<Local>()
        .map_or_else(|| std::net::SocketAddr::from(([127, 0, 0, 1], 0)), |l| l.0);
    match check_request(request.headers(), local) {
        Ok(()) => next.run(request).await,
        Err(refused) => {
            let why = match refused {
                Refused::Host(_) => "this server answers only to localhost and its own address\n",
                Refused::Origin(_) => "requests from other sites are refused\n",
            };
            (StatusCode::FORBIDDEN, why).into_response()
        }
    }
}

/// Live-reload sockets open at once; one more is refused (503) until one closes.
pub const MAX_TABS: usize = 64;

/// The largest message (and frame) a tab may send, in bytes: the client sends none.
pub const MAX_MESSAGE: usize = 4096;

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
        let Ok(local) = stream.local_addr() else {
            continue;
        };
        let service = TowerToHyperService::new(app.clone().map_request(
            move |req: axum::http::Request<hyper::body::Incoming>| {
                let mut req = req.map(Body::new);
                req.extensions_mut().insert(Local(local));
                req
            },
        ));
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
        Lookup::Refused => return not_found(&site, &shared.root).await,
    };
    // The browser editor's preview of a page, at the page's own address.
    if uri
        .query()
        .is_some_and(|q| q.starts_with("panduan-preview="))
        && let Some(html) = shared.editor.as_ref().and_then(|e| e.preview(&key))
    {
        return respond(StatusCode::OK, &key, html.as_bytes().to_vec());
    }
    if let Some(contents) = site.get(&key).await {
        return match read(contents, &shared.root).await {
            Some(bytes) if key.ends_with(".html") => {
                let extra = site.edit.get(&key).map_or("", String::as_str);
                respond(StatusCode::OK, &key, with_build(bytes, &site.build, extra))
            }
            Some(bytes) => respond(StatusCode::OK, &key, bytes),
            None => not_found(&site, &shared.root).await,
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
    not_found(&site, &shared.root).await
}

/// The bytes of a site file; a file the build copies is read from disk, only if it
/// (resolved through any symbolic link) lies inside `root`.
async fn read(contents: Contents, root: &Path) -> Option<Vec<u8>> {
    match contents {
        Contents::Bytes(bytes) => Some(bytes),
        // A file of `content/` that the build copies as it is.
        Contents::Copy(source) => {
            let root = root.to_path_buf();
            tokio::task::spawn_blocking(move || {
                let resolved = std::fs::canonicalize(source).ok()?;
                resolved
                    .starts_with(&root)
                    .then(|| std::fs::read(resolved).ok())
                    .flatten()
            })
            .await
            .ok()
            .flatten()
        }
    }
}

async fn not_found(site: &SiteFiles, root: &Path) -> Response {
    match site.files.get("404.html") {
        Some(contents) => match read(contents.clone(), root).await {
            Some(bytes) => respond(
                StatusCode::NOT_FOUND,
                "404.html",
                with_build(bytes, &site.build, ""),
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
    let open = shared
        .open_tabs
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let slot = TabSlot(Arc::clone(&shared));
    if open >= MAX_TABS {
        drop(slot);
        return (StatusCode::SERVICE_UNAVAILABLE, "too many open tabs\n").into_response();
    }
    ws.max_message_size(MAX_MESSAGE)
        .max_frame_size(MAX_MESSAGE)
        .on_upgrade(move |socket| async move {
            tab(socket, shared).await;
            drop(slot);
        })
}

/// One of the [`MAX_TABS`] places, given back when dropped.
struct TabSlot(Arc<Shared>);

impl Drop for TabSlot {
    fn drop(&mut self) {
        self.0
            .open_tabs
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
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

    /// [`check_request`] of a request with these headers, on a server at `local`.
    fn checked(local: &str, headers: &[(&str, &str)]) -> Result<(), Refused> {
        let mut map = axum::http::HeaderMap::new();
        for (name, value) in headers {
            map.insert(
                axum::http::HeaderName::from_bytes(name.as_bytes()).expect("a name"),
                HeaderValue::from_str(value).expect("a value"),
            );
        }
        check_request(&map, local.parse().expect("an address"))
    }

    #[test]
    fn issue_24_only_this_server_is_answered() {
        let here = "127.0.0.1:3000";
        for host in [
            "127.0.0.1:3000",
            "localhost:3000",
            "LOCALHOST",
            "[::1]:3000",
            "127.0.0.2:3000",
        ] {
            assert_eq!(checked(here, &[("host", host)]), Ok(()), "{host}");
            let origin = format!("http://{host}");
            assert_eq!(
                checked(here, &[("host", host), ("origin", &origin)]),
                Ok(()),
                "{origin}"
            );
        }
        // Bound to every interface, reached on the LAN address.
        assert_eq!(
            checked("192.168.1.5:3000", &[("host", "192.168.1.5:3000")]),
            Ok(())
        );
        for host in [
            "evil.example:3000",
            "evil.example",
            "127.0.0.1.nip.io:3000",
            "localhost.evil.example:3000",
            "127.0.0.1:3001",
            "user@127.0.0.1:3000",
            "192.168.1.5:3000",
            "",
        ] {
            assert!(
                matches!(checked(here, &[("host", host)]), Err(Refused::Host(_))),
                "{host}"
            );
        }
        assert!(matches!(checked(here, &[]), Err(Refused::Host(_))));
        for origin in [
            "http://evil.example",
            "https://127.0.0.1:3000",
            "http://127.0.0.1:3001",
            "http://localhost:3000/x",
            "null",
            "file://",
        ] {
            assert!(
                matches!(
                    checked(here, &[("host", here), ("origin", origin)]),
                    Err(Refused::Origin(_))
                ),
                "{origin}"
            );
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
