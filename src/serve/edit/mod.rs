//! Writing in the browser: the editor of `panduan serve` (issue #27).
//!
//! While `serve` runs, every page has an "Edit" button (the live-reload client adds
//! it; `build` output never has one). It opens `/_panduan/edit/<path below
//! content/>`: the page's front matter as a form built from its kind's fields, its body
//! in a text area, and a live preview made by the same pipeline as the site. The
//! interface (all under `/_panduan/`, documented in the README):
//!
//! | Request | Answer |
//! |---|---|
//! | `GET source/<path>` | the file's text, its version as `ETag` |
//! | `PUT source/<path>` (token, `If-Match`) | 200 + new `ETag`; 409 if stale; 428 without `If-Match` |
//! | `PUT source/<path>` (token, `If-None-Match: *`) | 201: a new file; 409 if it exists |
//! | `POST compose/<path>` (token) `{base, set, body}` | `{text}`: the form's changes written in |
//! | `POST preview/<path>` (token) `{text}` | `{html, problems}` |
//! | `POST picture/<page path>?name=` (token) | `{path, link}`: saved in `content/<lang>/images/` |
//! | `POST undo/<path>` (token, `If-Match`) | `{text, etag}`: the version before the last save |
//! | `POST translated/<path>` (token) | `{etag}`: the translation recorded as up to date |
//! | `POST translate/<path>?from=<lang>` (token) | 201 `{path}`: a translation stub |
//! | `GET pages` | every page: path, language, title, id, kind |
//! | `GET edit/<path>` | the editor page |
//!
//! Safe by construction: every request passes [`super::http::check_request`] (its
//! `Host` and `Origin` name this server); every request that changes anything carries
//! the run's secret token in `X-Panduan-Token` (403 otherwise); paths are checked by
//! [`paths`] (400 for any path not inside `content/`); bodies are limited to
//! [`MAX_TEXT`] and pictures to [`picture::MAX_PICTURE`] (413). A save writes a
//! temporary file beside the page and renames it over the page, after keeping the
//! previous bytes in [`history`]. Saves are one at a time.

// The handlers refuse a request by returning its answer as the error: a `Response` is
// large, but each lives for one request, so boxing it would buy nothing.
#![allow(clippy::result_large_err)]

pub mod front;
pub mod history;
pub mod paths;
pub mod picture;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::Response;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::BuildOptions;
use crate::diagnostic::display_path;

/// The largest page text accepted, in bytes.
pub const MAX_TEXT: usize = 2 * 1024 * 1024;

/// The largest JSON request (a page's text twice, as `compose` gets it, and room for
/// escapes), in bytes.
pub const MAX_JSON: usize = 3 * MAX_TEXT;

/// Where the editor's requests go.
pub const PREFIX: &str = "/_panduan";

/// The header that carries the run's token.
pub const TOKEN_HEADER: &str = "x-panduan-token";

/// The editor's built-in script and styles; a project theme's `editor/editor.js` and
/// `editor/editor.css` replace them.
const EDITOR_JS: &str = include_str!("../../../themes/default/editor/editor.js");
const EDITOR_CSS: &str = include_str!("../../../themes/default/editor/editor.css");

/// The editor's files of the built-in theme, by path below `themes/default/` (what
/// `panduan theme eject` copies).
pub const DEFAULT_EDITOR: &[(&str, &str)] = &[
    ("editor/editor.css", EDITOR_CSS),
    ("editor/editor.js", EDITOR_JS),
];

/// One page of the last good build, as the editor's page picker shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PageInfo {
    /// Below `content/` (`id/group-types/therapy.md`).
    pub path: String,
    pub lang: String,
    pub title: String,
    /// The id other pages name it by (`group-types/therapy`).
    pub id: String,
    /// Its address on this server (`/id/group-types/terapi/`).
    pub url: String,
    pub kind: Option<String>,
    pub section: bool,
    /// Its pages in the other languages, by language code (paths below `content/`).
    pub translations: BTreeMap<String, String>,
    /// For a translation: `current`, `outdated` or `stub`; its source; the source's
    /// blocks that changed since it was translated.
    pub translation: Option<TranslationInfo>,
}

/// Where a translation stands, for the editor.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationInfo {
    pub state: &'static str,
    pub source: String,
    pub changed: Vec<String>,
}

/// What the editor shares across requests.
pub struct Editor {
    /// The run's secret: every request that changes anything carries it.
    pub token: String,
    /// The project folder, resolved.
    pub root: PathBuf,
    /// The options of the live site; the preview renders with these, plus the text not
    /// saved yet.
    pub options: BuildOptions,
    /// The pages of the last good build.
    pages: RwLock<Arc<Vec<PageInfo>>>,
    /// The language codes of the last good build; empty before the first one.
    languages: RwLock<Vec<String>>,
    /// Saves, undos and pictures, one at a time.
    writing: tokio::sync::Mutex<()>,
    /// Previews, one at a time.
    previewing: tokio::sync::Mutex<()>,
    /// The last preview of each page, by its key in the site (`id/x/index.html`):
    /// served at the page's own address with `?panduan-preview`, so that its relative
    /// links, styles and pictures resolve as on the page.
    previews: std::sync::Mutex<std::collections::HashMap<String, Arc<str>>>,
}

impl Editor {
    /// The editor of the project at `root` (resolved), rendering previews with
    /// `options`, with a new random token.
    pub fn new(root: PathBuf, options: BuildOptions) -> std::io::Result<Self> {
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
        let token = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let mut options = options;
        options.reuse = Arc::new(crate::Reuse::new(crate::memo::Reusing::On));
        Ok(Editor {
            token,
            root,
            options,
            pages: RwLock::new(Arc::default()),
            languages: RwLock::default(),
            writing: Default::default(),
            previewing: Default::default(),
            previews: Default::default(),
        })
    }

    /// The last preview of the page at `key` (`id/x/index.html`), if any.
    pub fn preview(&self, key: &str) -> Option<Arc<str>> {
        self.previews
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned()
    }

    fn pages(&self) -> Arc<Vec<PageInfo>> {
        Arc::clone(&self.pages.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn content(&self) -> PathBuf {
        self.root.join("content")
    }

    /// Takes in the site of a good build: its pages for the picker, its languages for
    /// the path checks (so that no request reads `book.toml`).
    pub fn update(&self, site: &crate::model::Site) {
        *self.pages.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(page_infos(site));
        *self
            .languages
            .write()
            .unwrap_or_else(PoisonError::into_inner) = site
            .config
            .languages
            .iter()
            .map(|l| l.code.to_string())
            .collect();
    }

    /// `raw` checked as a page path.
    fn page(&self, raw: &str) -> Result<paths::Inside, Response> {
        let mut langs = self
            .languages
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if langs.is_empty() {
            // No good build yet (its errors may be what the author comes to fix).
            langs = crate::config::read(&self.root, &self.options.overrides)
                .map(|c| c.languages.iter().map(|l| l.code.to_string()).collect())
                .unwrap_or_default();
        }
        let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
        paths::page(&self.content(), &langs, raw).map_err(refused_path)
    }

    /// A request that changes something: it carries the token, and `raw` is checked as
    /// a page path.
    fn writable(&self, headers: &HeaderMap, raw: &str) -> Result<paths::Inside, Response> {
        self.require_token(headers)?;
        self.page(raw)
    }

    /// Whether `headers` carry this run's token.
    fn has_token(&self, headers: &HeaderMap) -> bool {
        let Some(given) = headers.get(TOKEN_HEADER) else {
            return false;
        };
        let given = given.as_bytes();
        let token = self.token.as_bytes();
        // Compared in constant time: the answer's timing tells nothing of the token.
        given.len() == token.len() && given.iter().zip(token).fold(0, |d, (a, b)| d | (a ^ b)) == 0
    }

    fn require_token(&self, headers: &HeaderMap) -> Result<(), Response> {
        match self.has_token(headers) {
            true => Ok(()),
            false => Err(problem(StatusCode::FORBIDDEN, "token")),
        }
    }
}

/// The version of a file's bytes, as an `ETag` value (quoted).
pub fn etag(bytes: &[u8]) -> String {
    let a = crate::memo::key_of(&bytes);
    let b = crate::memo::key_of(&(bytes.len(), a, "panduan"));
    format!("\"{a:016x}{b:016x}\"")
}

/// The pages of `site` as the editor lists them.
pub fn page_infos(site: &crate::model::Site) -> Vec<PageInfo> {
    let below = |p: &crate::model::Page| {
        p.path
            .as_ref()
            .map(|path| display_path(path))
            .and_then(|s| s.strip_prefix("content/").map(str::to_string))
    };
    site.pages
        .iter()
        .enumerate()
        .filter_map(|(i, page)| {
            let path = below(page)?;
            let translations = site
                .config
                .languages
                .iter()
                .enumerate()
                .filter(|(l, _)| *l != page.lang_index)
                .filter_map(|(l, lang)| {
                    let other = site.translation(i, l)?;
                    Some((lang.code.to_string(), below(&site.pages[other])?))
                })
                .collect();
            let translation = page.translation.as_ref().and_then(|t| {
                use crate::model::TranslationState as T;
                let (state, source, changed) = match t {
                    T::Current { source } => ("current", *source, Vec::new()),
                    T::Outdated {
                        source, changed, ..
                    } => ("outdated", *source, changed.clone()),
                    T::Stub { source } => ("stub", *source, Vec::new()),
                };
                Some(TranslationInfo {
                    state,
                    source: below(&site.pages[source])?,
                    changed,
                })
            });
            Some(PageInfo {
                path,
                lang: page.lang.to_string(),
                title: page.title.clone(),
                id: page.rel.clone(),
                url: format!("/{}", page.url.trim_end_matches("index.html")),
                kind: page.front.kind.as_ref().map(|k| k.value.clone()),
                section: page.is_section,
                translations,
                translation,
            })
        })
        .collect()
}

/// The editor's routes, below [`PREFIX`].
pub fn router(editor: Arc<Editor>) -> Router {
    Router::new()
        .route(
            "/_panduan/source/{*path}",
            get(get_source)
                .put(put_source)
                .layer(DefaultBodyLimit::max(MAX_TEXT)),
        )
        .route(
            "/_panduan/compose/{*path}",
            post(compose).layer(DefaultBodyLimit::max(MAX_JSON)),
        )
        .route(
            "/_panduan/preview/{*path}",
            post(preview).layer(DefaultBodyLimit::max(MAX_JSON)),
        )
        .route(
            "/_panduan/picture/{*path}",
            post(upload_picture).layer(DefaultBodyLimit::max(picture::MAX_PICTURE)),
        )
        .route("/_panduan/undo/{*path}", post(undo))
        .route("/_panduan/translated/{*path}", post(translated))
        .route("/_panduan/translate/{*path}", post(translate))
        .route("/_panduan/pages", get(list_pages))
        .route("/_panduan/edit/{*path}", get(edit_page))
        .route("/_panduan/editor.js", get(script))
        .route("/_panduan/editor.css", get(styles))
        .with_state(editor)
}

/// An answer `{"error": code, ...}` with `status`: the editor shows the words for
/// `code` in the page's language.
fn problem(status: StatusCode, code: &str) -> Response {
    answer(status, json!({ "error": code }))
}

fn answer(status: StatusCode, value: Value) -> Response {
    let mut response = Response::new(Body::from(value.to_string()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    response
}

fn refused_path(why: paths::Outside) -> Response {
    let detail = match why {
        paths::Outside::Encoding => "encoding".to_string(),
        paths::Outside::Segment(s) => format!("segment: {s}"),
        paths::Outside::Language(l) => format!("language: {l}"),
        paths::Outside::Link => "link".to_string(),
        paths::Outside::Extension => "extension".to_string(),
    };
    answer(
        StatusCode::BAD_REQUEST,
        json!({ "error": "path", "detail": detail }),
    )
}

fn with_etag(mut response: Response, tag: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(tag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// Runs blocking file work off the async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

async fn get_source(State(editor): State<Arc<Editor>>, UrlPath(raw): UrlPath<String>) -> Response {
    let inside = match editor.page(&raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    match blocking(move || std::fs::read(&inside.file)).await {
        Some(Ok(bytes)) => {
            let tag = etag(&bytes);
            let mut response = Response::new(Body::from(bytes));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/markdown; charset=utf-8"),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            with_etag(response, &tag)
        }
        _ => problem(StatusCode::NOT_FOUND, "missing"),
    }
}

/// A new file holding `bytes`; fails if anything (a file, a link) has that name.
fn create_new(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)?;
    let written = out.write_all(bytes).and_then(|()| out.sync_all());
    if written.is_err() {
        let _ = std::fs::remove_file(file);
    }
    written
}

/// The value of header `name`, as text.
fn header_text<'a>(headers: &'a HeaderMap, name: &header::HeaderName) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn put_source(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Ok(body) = body else {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "too-large");
    };
    let inside = match editor.writable(&headers, &raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    if std::str::from_utf8(&body).is_err() {
        return problem(StatusCode::BAD_REQUEST, "not-text");
    }
    let if_match = header_text(&headers, &header::IF_MATCH).map(str::to_string);
    let create = header_text(&headers, &header::IF_NONE_MATCH) == Some("*");
    if if_match.is_none() && !create {
        return problem(StatusCode::PRECONDITION_REQUIRED, "no-version");
    }
    let _one_at_a_time = editor.writing.lock().await;
    let root = editor.root.clone();
    let content = editor.content();
    let outcome = blocking(move || -> Result<(StatusCode, String), Response> {
        // Checked again under the lock: a folder may have become a link meanwhile.
        paths::stays_inside(&content, &inside.file).map_err(refused_path)?;
        let current = std::fs::read(&inside.file).ok();
        match (&current, create) {
            (Some(bytes), _) => {
                let now = etag(bytes);
                if create || if_match.as_deref() != Some(now.as_str()) {
                    return Err(with_etag(
                        answer(
                            StatusCode::CONFLICT,
                            json!({ "error": "stale", "etag": now }),
                        ),
                        &now,
                    ));
                }
                // Saving the same text again writes nothing and keeps no version.
                if bytes.as_slice() == &body[..] {
                    return Ok((StatusCode::OK, now));
                }
                history::keep(&root, &inside.rel, bytes, &etag(&body))
                    .map_err(|_| problem(StatusCode::INTERNAL_SERVER_ERROR, "history"))?;
            }
            (None, false) => return Err(problem(StatusCode::CONFLICT, "gone")),
            (None, true) => {
                if let Some(parent) = inside.file.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|_| problem(StatusCode::INTERNAL_SERVER_ERROR, "write"))?;
                }
            }
        }
        match current {
            Some(_) => crate::files::replace_atomically(&inside.file, &body),
            // A new page: never over a file made meanwhile.
            None => create_new(&inside.file, &body),
        }
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => problem(StatusCode::CONFLICT, "exists"),
            _ => problem(StatusCode::INTERNAL_SERVER_ERROR, "write"),
        })?;
        let status = match current {
            Some(_) => StatusCode::OK,
            None => StatusCode::CREATED,
        };
        Ok((status, etag(&body)))
    })
    .await;
    match outcome {
        Some(Ok((status, tag))) => with_etag(answer(status, json!({ "etag": tag })), &tag),
        Some(Err(response)) => response,
        None => problem(StatusCode::INTERNAL_SERVER_ERROR, "write"),
    }
}

/// What the form sends: the text it started from, the keys the author changed
/// (`null` takes one out) and the body, if changed.
#[derive(Debug, Deserialize)]
struct Compose {
    base: String,
    #[serde(default)]
    set: serde_json::Map<String, Value>,
    body: Option<String>,
}

async fn compose(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Ok(body) = body else {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "too-large");
    };
    if let Err(r) = editor.writable(&headers, &raw) {
        return r;
    }
    let Ok(request) = serde_json::from_slice::<Compose>(&body) else {
        return problem(StatusCode::BAD_REQUEST, "json");
    };
    match front::compose(&request.base, &request.set, request.body.as_deref()) {
        Ok(text) => answer(StatusCode::OK, json!({ "text": text })),
        Err(front::Unwritable::Key(k) | front::Unwritable::Value(k)) => answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "error": "field", "field": k }),
        ),
        Err(front::Unwritable::Split) => problem(StatusCode::UNPROCESSABLE_ENTITY, "split"),
    }
}

/// A rendered page without its `<script>` elements: the preview shows the page, in a
/// frame where scripts do not run (the theme's menus and search are not needed there).
fn without_scripts(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        out.push_str(&html[at..start]);
        at = match lower[start..].find("</script") {
            Some(end) => lower[start + end..]
                .find('>')
                .map_or(html.len(), |close| start + end + close + 1),
            None => html.len(),
        };
    }
    out.push_str(&html[at..]);
    out
}

#[derive(Debug, Deserialize)]
struct PreviewRequest {
    text: String,
}

async fn preview(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Ok(body) = body else {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "too-large");
    };
    let inside = match editor.writable(&headers, &raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let Ok(request) = serde_json::from_slice::<PreviewRequest>(&body) else {
        return problem(StatusCode::BAD_REQUEST, "json");
    };
    let _one_at_a_time = editor.previewing.lock().await;
    let shared = Arc::clone(&editor);
    match blocking(move || render_preview(&shared, &inside, request.text)).await {
        Some(value) => answer(StatusCode::OK, value),
        None => problem(StatusCode::INTERNAL_SERVER_ERROR, "preview"),
    }
}

/// The page at `inside` rendered by the site's pipeline with `text` in place of its
/// file, and the diagnostics of that file (each with the form field it is about).
fn render_preview(editor: &Editor, inside: &paths::Inside, text: String) -> Value {
    let mut options = editor.options.clone();
    let file = editor.root.join("content").join(&inside.rel);
    options.overlay = Some(crate::load::Overlay {
        file: file.clone(),
        bytes: Arc::from(text.clone().into_bytes()),
    });
    options.render.live_reload = None;
    // A page the author marks as a draft is still shown while it is written.
    options.drafts = true;
    let shown = format!("content/{}", inside.rel);
    let lang = crate::i18n::Lang::from_code(&inside.lang).unwrap_or_else(crate::i18n::current);
    let listed = |ds: &[crate::diagnostic::Diagnostic]| -> Vec<Value> {
        ds.iter()
            .filter(|d| display_path(&d.span.path) == shown)
            .map(|d| {
                json!({
                    "line": d.span.line.get(),
                    "col": d.span.col.get(),
                    "level": if d.is_error() { "error" } else { "warning" },
                    "message": d.message_in(lang),
                    "help": d.help_in(lang),
                    "field": front::key_at_line(&text, d.span.line.get()),
                })
            })
            .collect()
    };
    match crate::render_pages(&options) {
        Ok((rendered, deferred)) => {
            let url = deferred
                .site()
                .pages
                .iter()
                .find(|p| p.path.as_deref().map(display_path).as_deref() == Some(shown.as_str()))
                .map(|p| p.url.clone());
            let page = url.and_then(|url| {
                let file = rendered.files.iter().find(|f| f.path == url)?;
                let crate::files::Contents::Bytes(bytes) = &file.contents else {
                    return None;
                };
                Some((url, without_scripts(&String::from_utf8_lossy(bytes))))
            });
            let (html, address) = match page {
                Some((url, html)) => {
                    let address = format!(
                        "/{}?panduan-preview={}",
                        url.trim_end_matches("index.html"),
                        crate::memo::key_of(&html)
                    );
                    editor
                        .previews
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(url, Arc::from(html.as_str()));
                    (Some(html), Some(address))
                }
                None => (None, None),
            };
            json!({ "html": html, "url": address, "problems": listed(&rendered.warnings) })
        }
        Err(crate::error::Error::Content(ds)) => json!({ "html": null, "problems": listed(&ds) }),
        Err(crate::error::Error::Config(d)) => json!({
            "html": null,
            "problems": [{
                "line": d.span.line.get(), "col": d.span.col.get(), "level": "error",
                "message": d.message_in(lang), "help": d.help_in(lang), "field": null,
                "file": display_path(&d.span.path),
            }],
        }),
        Err(other) => json!({
            "html": null,
            "problems": [{ "line": 1, "col": 1, "level": "error", "message": other.to_string(),
                           "help": null, "field": null }],
        }),
    }
}

/// The value of `name` in the query of `uri`, decoded (`""` when absent).
fn query_value(uri: &Uri, name: &str) -> String {
    uri.query()
        .unwrap_or("")
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_default()
}

async fn upload_picture(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Ok(body) = body else {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "too-large");
    };
    let page = match editor.writable(&headers, &raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let Some(ext) = picture::sniff(&body) else {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "not-picture");
    };
    let name = picture::name(&query_value(&uri, "name"), ext);
    let _one_at_a_time = editor.writing.lock().await;
    let content = editor.content();
    let outcome = blocking(move || -> Result<(String, String), Response> {
        let dir = content.join(&page.lang).join("images");
        paths::stays_inside(&content, &dir).map_err(refused_path)?;
        std::fs::create_dir_all(&dir)
            .map_err(|_| problem(StatusCode::INTERNAL_SERVER_ERROR, "write"))?;
        // Never over another picture: `foto.jpg`, `foto-2.jpg`... Each name is taken
        // by creating the file, so two uploads cannot both take it.
        let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
        let mut chosen = name.clone();
        let mut n = 1;
        loop {
            match create_new(&dir.join(&chosen), &body) {
                Ok(()) => break,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 1000 => {
                    n += 1;
                    chosen = format!("{stem}-{n}.{ext}");
                }
                Err(_) => return Err(problem(StatusCode::INTERNAL_SERVER_ERROR, "write")),
            }
        }
        let rel = format!("{}/images/{chosen}", page.lang);
        let link = paths::relative_link(&page.rel, &rel);
        Ok((rel, link))
    })
    .await;
    match outcome {
        Some(Ok((path, link))) => {
            answer(StatusCode::CREATED, json!({ "path": path, "link": link }))
        }
        Some(Err(r)) => r,
        None => problem(StatusCode::INTERNAL_SERVER_ERROR, "write"),
    }
}

async fn undo(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let inside = match editor.writable(&headers, &raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let Some(if_match) = header_text(&headers, &header::IF_MATCH).map(str::to_string) else {
        return problem(StatusCode::PRECONDITION_REQUIRED, "no-version");
    };
    let _one_at_a_time = editor.writing.lock().await;
    let root = editor.root.clone();
    let outcome = blocking(move || -> Result<(String, String, usize), Response> {
        let current =
            std::fs::read(&inside.file).map_err(|_| problem(StatusCode::CONFLICT, "gone"))?;
        let now = etag(&current);
        if now != if_match {
            return Err(answer(
                StatusCode::CONFLICT,
                json!({ "error": "stale", "etag": now }),
            ));
        }
        let Some(newest) = history::newest(&root, &inside.rel) else {
            return Err(problem(StatusCode::NOT_FOUND, "no-history"));
        };
        // Only while the file is what that save wrote: a change made since (another
        // editor, a git pull) is never thrown away.
        if newest.after != now {
            return Err(answer(
                StatusCode::CONFLICT,
                json!({ "error": "changed-since-save", "etag": now }),
            ));
        }
        crate::files::replace_atomically(&inside.file, &newest.bytes)
            .map_err(|_| problem(StatusCode::INTERNAL_SERVER_ERROR, "write"))?;
        let bytes = newest.bytes.clone();
        newest.forget();
        let left = history::count(&root, &inside.rel);
        Ok((
            String::from_utf8_lossy(&bytes).into_owned(),
            etag(&bytes),
            left,
        ))
    })
    .await;
    match outcome {
        Some(Ok((text, tag, left))) => with_etag(
            answer(
                StatusCode::OK,
                json!({ "text": text, "etag": tag, "undo": left }),
            ),
            &tag,
        ),
        Some(Err(r)) => r,
        None => problem(StatusCode::INTERNAL_SERVER_ERROR, "write"),
    }
}

/// Options for the commands `new` and `translated` run on behalf of the editor.
fn command_options(editor: &Editor) -> BuildOptions {
    BuildOptions {
        root: editor.root.clone(),
        overrides: editor.options.overrides.clone(),
        drafts: true,
        ..Default::default()
    }
}

async fn translated(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let inside = match editor.writable(&headers, &raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let _one_at_a_time = editor.writing.lock().await;
    let options = command_options(&editor);
    let root = editor.root.clone();
    let outcome = blocking(move || {
        let before = std::fs::read(&inside.file).ok();
        let result = crate::new::mark_translated(&options, &inside.file, None);
        let after = std::fs::read(&inside.file)
            .map(|b| etag(&b))
            .unwrap_or_default();
        if let (Ok(_), Some(before)) = (&result, before) {
            let _ = history::keep(&root, &inside.rel, &before, &after);
        }
        result.map(|_| after)
    })
    .await;
    match outcome {
        Some(Ok(tag)) => with_etag(answer(StatusCode::OK, json!({ "etag": tag })), &tag),
        Some(Err(e)) => answer(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "error": "translated", "detail": e.to_string() }),
        ),
        None => problem(StatusCode::INTERNAL_SERVER_ERROR, "write"),
    }
}

async fn translate(
    State(editor): State<Arc<Editor>>,
    UrlPath(raw): UrlPath<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let inside = match editor.writable(&headers, &raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let _one_at_a_time = editor.writing.lock().await;
    let options = command_options(&editor);
    let from = query_value(&uri, "from");
    let outcome = blocking(move || {
        if inside.file.exists() {
            return Err(problem(StatusCode::CONFLICT, "exists"));
        }
        crate::new::new_page(&options, &inside.file, Some(&from))
            .map(|_| inside.rel)
            .map_err(|e| {
                answer(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    json!({ "error": "translate", "detail": e.to_string() }),
                )
            })
    })
    .await;
    match outcome {
        Some(Ok(rel)) => answer(StatusCode::CREATED, json!({ "path": rel })),
        Some(Err(r)) => r,
        None => problem(StatusCode::INTERNAL_SERVER_ERROR, "write"),
    }
}

async fn list_pages(State(editor): State<Arc<Editor>>) -> Response {
    answer(StatusCode::OK, json!({ "pages": *editor.pages() }))
}

fn asset(kind: &'static str, bytes: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A file of the project theme's `editor/` folder, else the built-in one.
fn themed(editor: &Editor, name: &str, built_in: &str) -> Vec<u8> {
    crate::config::read(&editor.root, &editor.options.overrides)
        .ok()
        .and_then(|c| c.theme)
        .and_then(|theme| {
            let file = theme.join("editor").join(name);
            paths::stays_inside(&editor.root, &file).ok()?;
            std::fs::read(file).ok()
        })
        .unwrap_or_else(|| built_in.as_bytes().to_vec())
}

async fn script(State(editor): State<Arc<Editor>>) -> Response {
    asset(
        "text/javascript; charset=utf-8",
        themed(&editor, "editor.js", EDITOR_JS),
    )
}

async fn styles(State(editor): State<Arc<Editor>>) -> Response {
    asset(
        "text/css; charset=utf-8",
        themed(&editor, "editor.css", EDITOR_CSS),
    )
}

/// A field of the form, as the editor's script builds it.
#[derive(Debug, Serialize)]
struct FormField {
    key: String,
    /// `string`, `text`, `list`, `integer`, `bool`, `page`, `pages` (`related`),
    /// `tags`.
    #[serde(rename = "type")]
    ty: String,
    label: String,
    required: bool,
    /// For a page field: the kind the page must have.
    kind: Option<String>,
    /// Shown under "more".
    more: bool,
}

/// The form of a page of kind `kind` (if any), labelled in language `lang`.
fn form_fields(
    config: &crate::config::Config,
    kind: Option<&str>,
    lang: &str,
    strings: &BTreeMap<String, String>,
) -> Vec<FormField> {
    let word = |key: &str, fallback: &str| {
        strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    };
    let standard = |key: &str, ty: &str, required: bool, more: bool| FormField {
        key: key.to_string(),
        ty: ty.to_string(),
        label: word(&format!("editor_field_{key}"), key),
        required,
        kind: None,
        more,
    };
    let mut fields = vec![
        standard("title", "string", true, false),
        standard("summary", "text", false, false),
        standard("tags", "tags", false, false),
        standard("related", "pages", false, false),
        standard("order", "integer", false, false),
        standard("draft", "bool", false, false),
    ];
    if let Some(def) = kind.and_then(|k| config.kinds.get(k)) {
        for (key, field) in &def.fields {
            fields.push(FormField {
                key: key.clone(),
                ty: field.ty.to_string(),
                label: field
                    .label
                    .get(lang)
                    .cloned()
                    .unwrap_or_else(|| key.clone()),
                required: field.required,
                kind: field.kind.clone(),
                more: false,
            });
        }
    }
    fields.push(standard("slug", "string", false, true));
    fields
}

async fn edit_page(State(editor): State<Arc<Editor>>, UrlPath(raw): UrlPath<String>) -> Response {
    let inside = match editor.page(&raw) {
        Ok(i) => i,
        Err(r) => return r,
    };
    let shared = Arc::clone(&editor);
    match blocking(move || editor_html(&shared, &inside))
        .await
        .flatten()
    {
        Some(html) => {
            let mut response = Response::new(Body::from(html));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        None => problem(StatusCode::NOT_FOUND, "missing"),
    }
}

/// The editor page for `inside`: a shell the script fills from the JSON it carries.
fn editor_html(editor: &Editor, inside: &paths::Inside) -> Option<String> {
    let text = std::fs::read_to_string(&inside.file).ok()?;
    let config = crate::config::read(&editor.root, &editor.options.overrides).ok()?;
    let theme = crate::render::theme::load(&config, &mut Vec::new(), &Default::default()).ok();
    let mut strings: BTreeMap<String, String> = theme
        .and_then(|t| t.strings.get(&inside.lang).cloned())
        .unwrap_or_default();
    strings.retain(|k, _| k.starts_with("editor_"));
    let values = front::values(&text);
    let kind = values.get("kind").and_then(Value::as_str);
    let fields = form_fields(&config, kind, &inside.lang, &strings);
    let pages = editor.pages();
    let info = pages.iter().find(|p| p.path == inside.rel);
    let languages: Vec<Value> = config
        .languages
        .iter()
        .map(|l| json!({ "code": l.code.to_string(), "name": l.name }))
        .collect();
    let data = json!({
        "path": inside.rel,
        "lang": inside.lang,
        "text": text,
        "etag": etag(text.as_bytes()),
        "fields": fields,
        "values": values,
        "strings": strings,
        "page": info,
        "languages": languages,
        "undo": history::count(&editor.root, &inside.rel),
    });
    // Inside the script element, no `<` at all: neither `</script` nor `<!--` can end
    // or hide it.
    let data = data.to_string().replace('<', "\\u003c");
    let title = strings_title(
        &strings,
        info.map_or(inside.rel.as_str(), |p| p.title.as_str()),
    );
    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"");
    crate::escape::escape_attr(&mut html, &inside.lang);
    html.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n<title>");
    crate::escape::escape_text(&mut html, &title);
    html.push_str("</title>\n<link rel=\"stylesheet\" href=\"/_panduan/editor.css\">\n</head>\n<body>\n<noscript>JavaScript</noscript>\n<script type=\"application/json\" id=\"panduan-editor-data\">");
    html.push_str(&data);
    html.push_str("</script>\n<script src=\"/_panduan/editor.js\"></script>\n</body>\n</html>\n");
    Some(html)
}

fn strings_title(strings: &BTreeMap<String, String>, page: &str) -> String {
    let edit = strings.get("editor_title").map_or("Edit", String::as_str);
    format!("{edit}: {page}")
}

/// Adds the editor's routes to `app` when editing is on.
pub fn mount(app: Router, editor: Option<Arc<Editor>>) -> Router {
    match editor {
        Some(editor) => app.merge(router(editor)),
        None => app,
    }
}

/// What the live-reload snippet of a page carries while editing is on: the page's
/// file, and the words of the Edit button, of the button that writes a page not
/// written yet, and of the note shown when the tab has no key.
pub fn snippet_attributes(source: &str, words: [&str; 3]) -> String {
    let mut out = String::from(" data-source=\"");
    crate::escape::escape_attr(&mut out, source);
    for (name, value) in ["data-edit", "data-create", "data-no-key"]
        .iter()
        .zip(words)
    {
        out.push_str(&format!("\" {name}=\""));
        crate::escape::escape_attr(&mut out, value);
    }
    out.push('"');
    out
}
