//! `panduan serve` and `panduan watch`: rebuild on every change.
//!
//! Around the pipeline, never inside it: the [`watch`](mod@watch) module reports bursts of source
//! changes (debounced), and each burst runs the whole pipeline again.
//!
//! - `serve` renders into memory ([`crate::render_site`]) and never writes a file: not into the
//!   sources and not into the project's `book/`. It swaps the site it serves only after a
//!   good build and then tells every open tab to reload over a WebSocket; after a failed
//!   build it keeps serving the last good site and sends the diagnostics to every tab,
//!   which shows them over the page. The reload client (`live-reload.js`) is passed to
//!   the render step as [`crate::render::RenderOptions::live_reload`]; `build` never sets it.
//! - `watch` runs [`crate::build`] on every change, writing the output folder.
//!
//! Progress is reported as [`Event`]s; the binary prints them.

pub mod edit;
pub mod http;
pub mod watch;

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::broadcast;

use crate::diagnostic::{Diagnostic, Level, display_path};
use crate::error::{Error, Result};
use crate::{BuildOptions, config, render};
use http::{Shared, SiteFiles};
use watch::{SourceWatcher, Step, Trigger, WatchMethod, Watched};

/// The live-reload client, served at [`http::CLIENT_PATH`].
pub(crate) const CLIENT_JS: &str = include_str!("live-reload.js");

/// Options of `panduan serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub watch: WatchMethod,
    /// The browser editor: on by default on a loopback address (`panduan serve`
    /// decides; see [`edit`]).
    pub edit: bool,
}

/// Options of `panduan watch`.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    pub build: BuildOptions,
    pub watch: WatchMethod,
}

/// What happened, for the binary to print.
#[derive(Debug)]
pub enum Event<'a> {
    /// `serve` accepts connections at `url`; with the editor on, `edit` is the address
    /// that carries the run's token (`…/?token=…`).
    Listening { url: &'a str, edit: Option<&'a str> },
    /// Sources changed (paths relative to the project root); a rebuild starts.
    Changed { paths: &'a [PathBuf] },
    /// A build succeeded.
    Built(&'a Built),
    /// A build failed; `serve` keeps serving the last good site, `watch` keeps the output.
    Failed { error: &'a Error },
    /// Something worth knowing that stops nothing.
    Note(String),
}

/// What a good build did.
#[derive(Debug)]
pub struct Built {
    /// Pages per language code.
    pub pages: Vec<(String, usize)>,
    pub warnings: Vec<Diagnostic>,
    /// The time the pipeline took up to the reload (`serve`) or in all (`watch`).
    pub elapsed: Duration,
    /// The time the whole build took, with the files made after the reload.
    pub complete: Duration,
    /// From the first change seen to the reload message sent (`serve`) or the output
    /// written (`watch`); none for the first build.
    pub latency: Option<Duration>,
    /// How many open tabs were told to reload (`serve` only).
    pub tabs: usize,
    /// The output folder as shown to the user (`watch` only).
    pub output: Option<String>,
}

/// Serves the handbook at `options.build.root` until Ctrl-C, rebuilding on every change.
pub fn serve(options: ServeOptions, on_event: &mut dyn FnMut(Event<'_>)) -> Result<()> {
    let root = canonical_root(&options.build.root)?;
    let runtime = runtime()?;
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(addr))
        .map_err(|e| {
            let (addr, detail) = (addr.to_string(), e.to_string());
            if e.kind() == std::io::ErrorKind::AddrInUse {
                Error::Msg(crate::msg!(
                    "serve-port-in-use",
                    addr = addr,
                    detail = detail
                ))
            } else {
                Error::Msg(crate::msg!(
                    "serve-cannot-listen",
                    addr = addr,
                    detail = detail
                ))
            }
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::Msg(crate::msg!("serve-no-address", detail = e.to_string())))?;
    let url = format!("http://{}/", shown_addr(addr));

    let mut build = options.build.clone();
    build.root = root.clone();
    build.reuse = Arc::new(crate::Reuse::new(crate::memo::Reusing::On));
    // What the author has not written yet is marked on the page; the preview goes on.
    build.unfinished = crate::model::Unfinished::Mark;
    // Links of `404.html` and canonical links point at this server, not at the public site.
    build.overrides.base_url = Some(url.clone());
    let watched = Watched::of(&root, None);
    // Watch before the first build, so that nothing saved during it is missed.
    let mut watcher = SourceWatcher::start(watched, options.watch)?;

    let (tabs, _) = broadcast::channel(16);
    let editor = match options.edit {
        true => Some(Arc::new(
            edit::Editor::new(root.clone(), build.clone())
                .map_err(|e| Error::Msg(crate::msg!("serve-no-token", detail = e.to_string())))?,
        )),
        false => None,
    };
    let edit_url = editor.as_ref().map(|e| format!("{url}?token={}", e.token));
    let shared = Arc::new(Shared {
        site: RwLock::new(Arc::new(SiteFiles::default())),
        status: RwLock::new(Arc::from("{}")),
        tabs,
        placeholder: RwLock::new(Arc::from("")),
        root: root.clone(),
        open_tabs: Default::default(),
        editor,
    });
    let mut server = LiveSite {
        build,
        shared: Arc::clone(&shared),
        instance: instance_id(),
        builds: 0,
        good: String::new(),
    };
    let stop = Arc::new(AtomicBool::new(false));
    stop_on_ctrl_c(&runtime, &stop)?;
    server.rebuild(None, on_event);

    let app = http::router(Arc::clone(&shared));
    runtime.spawn(http::accept(listener, app));
    on_event(Event::Listening {
        url: &url,
        edit: edit_url.as_deref(),
    });

    watch::run(&mut watcher, &stop, &mut |step| match step {
        Step::Changed(trigger) => server.rebuild(Some(&trigger), on_event),
        Step::Warning(note) => on_event(Event::Note(note)),
    });
    runtime.shutdown_timeout(Duration::from_millis(200));
    Ok(())
}

/// Rebuilds the output folder on every change until Ctrl-C.
pub fn watch(options: WatchOptions, on_event: &mut dyn FnMut(Event<'_>)) -> Result<()> {
    let root = canonical_root(&options.build.root)?;
    let mut build = options.build.clone();
    build.root = root.clone();
    build.reuse = Arc::new(crate::Reuse::new(crate::memo::Reusing::On));
    let output = config::read(&root, &build.overrides)
        .ok()
        .map(|c| c.output)
        .or_else(|| build.overrides.output.clone().map(|o| root.join(o)));
    let mut watcher = SourceWatcher::start(Watched::of(&root, output.as_deref()), options.watch)?;
    let runtime = runtime()?;
    let stop = Arc::new(AtomicBool::new(false));
    stop_on_ctrl_c(&runtime, &stop)?;

    let run = |trigger: Option<&Trigger>, on_event: &mut dyn FnMut(Event<'_>)| {
        if let Some(t) = trigger {
            on_event(Event::Changed { paths: &t.paths });
        }
        match crate::build(&build) {
            Ok(report) => on_event(Event::Built(&Built {
                pages: report.pages,
                warnings: report.warnings,
                elapsed: report.elapsed,
                complete: report.elapsed,
                latency: trigger.map(|t| t.since.elapsed()),
                tabs: 0,
                output: Some(report.output_shown),
            })),
            Err(error) => on_event(Event::Failed { error: &error }),
        }
    };
    run(None, on_event);
    on_event(Event::Note(crate::t!("watch-watching")));
    watch::run(&mut watcher, &stop, &mut |step| match step {
        Step::Changed(trigger) => run(Some(&trigger), on_event),
        Step::Warning(note) => on_event(Event::Note(note)),
    });
    runtime.shutdown_timeout(Duration::from_millis(200));
    Ok(())
}

/// The state of `serve` that rebuilds: the build options and what tabs were told.
struct LiveSite {
    build: BuildOptions,
    shared: Arc<Shared>,
    /// Distinguishes this server from an earlier one on the same port.
    instance: String,
    builds: u64,
    /// The token of the build being served; empty before the first good build.
    good: String,
}

#[derive(Serialize)]
struct Status<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    /// The build the server is serving: a page from another build reloads.
    build: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Vec<Problem>>,
    /// The default language, for pages whose language has no strings.
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    /// The overlay's UI strings per language code.
    #[serde(skip_serializing_if = "Option::is_none")]
    strings: Option<BTreeMap<String, BTreeMap<String, String>>>,
}

/// A diagnostic as the browser shows it.
#[derive(Debug, Serialize)]
struct Problem {
    /// Empty when the problem has no place (a template that failed to render, say).
    path: String,
    line: u32,
    col: u32,
    level: Level,
    message: String,
    help: Option<String>,
    /// The language of `message` and `help`.
    lang: &'static str,
    /// The message and help in every language of the messages, by code (`en`, `id`):
    /// the overlay shows the one of the tab's page.
    texts: std::collections::BTreeMap<&'static str, Words>,
    /// The diagnostic's stable code.
    code: &'static str,
}

/// A problem's message and help line in one language.
#[derive(Debug, Clone, Serialize)]
struct Words {
    message: String,
    help: Option<String>,
}

/// `say` in every language of the messages.
fn in_every_language(
    say: impl Fn(crate::i18n::Lang) -> Words,
) -> std::collections::BTreeMap<&'static str, Words> {
    crate::i18n::Lang::ALL
        .into_iter()
        .map(|l| (l.code(), say(l)))
        .collect()
}

impl LiveSite {
    fn rebuild(&mut self, trigger: Option<&Trigger>, on_event: &mut dyn FnMut(Event<'_>)) {
        if let Some(t) = trigger {
            on_event(Event::Changed { paths: &t.paths });
        }
        self.builds += 1;
        let token = format!("{}-{}", self.instance, self.builds);
        let mut options = self.build.clone();
        // The same for every build, so that unchanged pages can be reused; the server
        // puts the build's token into each page as it sends it.
        options.render.live_reload = Some(snippet(http::BUILD_PLACEHOLDER));
        let started = Instant::now();
        match crate::render_pages(&options) {
            Ok((rendered, deferred)) => {
                let elapsed = started.elapsed();
                let paths: Vec<String> = rendered.files.iter().map(|f| f.path.clone()).collect();
                let (later, later_rx) = tokio::sync::watch::channel(None);
                let mut site = SiteFiles::new(rendered.files, &token, later_rx);
                if let Some(editor) = &self.shared.editor {
                    site.edit = edit_attributes(deferred.site(), &options);
                    editor.update(deferred.site());
                }
                *self
                    .shared
                    .site
                    .write()
                    .unwrap_or_else(PoisonError::into_inner) = Arc::new(site);
                self.good = token;
                let reload = json(&Status {
                    kind: "reload",
                    build: &self.good,
                    errors: None,
                    lang: None,
                    strings: None,
                });
                // A tab that opens (or reloads) gets what is still to do: the errors
                // of pages shown in their last good version, loudly; links to what is
                // not written yet and warnings, quietly.
                let hello = match rendered.warnings.is_empty() {
                    true => json(&Status {
                        kind: "hello",
                        build: &self.good,
                        errors: None,
                        lang: None,
                        strings: None,
                    }),
                    false => {
                        let (lang, strings) = overlay_strings(&options);
                        // `hello` with a list: what is still to do, shown quietly.
                        let kind = match rendered.warnings.iter().any(Diagnostic::is_error) {
                            true => "kept",
                            false => "hello",
                        };
                        json(&Status {
                            kind,
                            build: &self.good,
                            errors: Some(listed(&rendered.warnings)),
                            lang: Some(lang),
                            strings: Some(strings),
                        })
                    }
                };
                self.set_status(hello);
                let tabs = self.shared.tabs.send(reload).unwrap_or(0);
                let latency = trigger.map(|t| t.since.elapsed());
                // The print documents and search indexes gather every page: made after
                // the reload; a tab that asks for one meanwhile waits for it.
                let finished = deferred.finish(&paths);
                let files = match &finished {
                    Ok(files) => files
                        .iter()
                        .map(|f| (f.path.clone(), f.contents.clone()))
                        .collect(),
                    Err(_) => Default::default(),
                };
                let _ = later.send(Some(Arc::new(files)));
                on_event(Event::Built(&Built {
                    pages: rendered.pages,
                    warnings: rendered.warnings,
                    elapsed,
                    latency,
                    tabs,
                    output: None,
                    complete: started.elapsed(),
                }));
                if let Err(error) = finished {
                    self.show_errors(&options, &error);
                    on_event(Event::Failed { error: &error });
                }
            }
            Err(error) => {
                self.show_errors(&options, &error);
                on_event(Event::Failed { error: &error });
            }
        }
    }

    /// Shows `error` in every open tab (and in tabs that open later).
    fn show_errors(&self, options: &BuildOptions, error: &Error) {
        let (lang, strings) = overlay_strings(options);
        if self.good.is_empty() {
            self.set_placeholder(&lang);
        }
        let message = json(&Status {
            kind: "errors",
            build: &self.good,
            errors: Some(problems(error)),
            lang: Some(lang),
            strings: Some(strings),
        });
        self.set_status(Arc::clone(&message));
        let _ = self.shared.tabs.send(message);
    }

    fn set_status(&self, message: Arc<str>) {
        *self
            .shared
            .status
            .write()
            .unwrap_or_else(PoisonError::into_inner) = message;
    }

    /// Before any good build, every URL shows a bare page whose client shows the errors.
    fn set_placeholder(&self, lang: &str) {
        let page = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>Panduan</title></head>\n<body>\n{}\n</body>\n</html>\n",
            lang.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', ""),
            snippet("")
        );
        *self
            .shared
            .placeholder
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::from(page);
    }
}

/// For each page of `site` with a file, the attributes its live-reload snippet gets:
/// its file below `content/` and the Edit button's words in its language.
fn edit_attributes(
    site: &crate::model::Site,
    options: &BuildOptions,
) -> std::collections::HashMap<String, String> {
    let (_, strings) = overlay_strings(options);
    site.pages
        .iter()
        .filter_map(|page| {
            let shown = display_path(page.path.as_ref()?);
            let source = shown.strip_prefix("content/")?;
            let words = |key: &str, fallback: &'static str| {
                strings
                    .get(page.lang.as_str())
                    .and_then(|s| s.get(key))
                    .map_or(fallback, String::as_str)
                    .to_string()
            };
            let attributes = edit::snippet_attributes(
                source,
                [
                    &words("serve_edit", "Edit this page"),
                    &words("serve_create", "Write this page"),
                    &words("serve_no_key", "Open the address with ?token= first"),
                ],
            );
            Some((page.url.clone(), attributes))
        })
        .collect()
}

/// The reload client as inserted before `</body>`, naming the build it belongs to.
fn snippet(token: &str) -> String {
    format!(
        "<script src=\"{}\" data-build=\"{token}\"></script>",
        http::CLIENT_PATH
    )
}

fn json<T: Serialize>(value: &T) -> Arc<str> {
    Arc::from(serde_json::to_string(value).unwrap_or_else(|_| "{}".into()))
}

/// Diagnostics as the overlay lists them: errors first, at most 200.
fn listed(diagnostics: &[Diagnostic]) -> Vec<Problem> {
    let mut list: Vec<Problem> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .chain(diagnostics.iter().filter(|d| !d.is_error()))
        .map(problem)
        .collect();
    list.truncate(200);
    list
}

/// One diagnostic as the overlay shows it.
fn problem(d: &Diagnostic) -> Problem {
    let lang = crate::i18n::current().code();
    Problem {
        path: display_path(&d.span.path),
        line: d.span.line.get(),
        col: d.span.col.get(),
        level: d.level,
        message: d.message.clone(),
        help: d.help.clone(),
        lang,
        texts: in_every_language(|l| Words {
            message: d.message_in(l),
            help: d.help_in(l),
        }),
        code: d.code(),
    }
}

/// The diagnostics of a failed build, or the error itself as one problem.
fn problems(error: &Error) -> Vec<Problem> {
    let lang = crate::i18n::current().code();
    match error {
        Error::Content(diagnostics) => listed(diagnostics),
        Error::Config(d) => vec![problem(d)],
        other => {
            let causes = |l: crate::i18n::Lang| {
                let mut text = String::new();
                let mut source = std::error::Error::source(other);
                let caused_by = crate::i18n::format(l, "caused-by", None, &[]);
                while let Some(s) = source {
                    text.push_str(&format!("\n{caused_by}: {s}"));
                    source = s.source();
                }
                text
            };
            let say = |l: crate::i18n::Lang| Words {
                message: match other {
                    Error::Msg(m) => m.format_in(l) + &causes(l),
                    _ => other.to_string() + &causes(l),
                },
                help: match other {
                    Error::Msg(m) => m.attr_in(l, "help"),
                    _ => None,
                },
            };
            let here = say(crate::i18n::current());
            vec![Problem {
                path: String::new(),
                line: 1,
                col: 1,
                level: Level::Error,
                message: here.message,
                help: here.help,
                lang,
                texts: in_every_language(say),
                code: crate::diagnostic::UNCATALOGUED,
            }]
        }
    }
}

/// The overlay's strings per language (from the project's theme where it can be read,
/// else the built-in ones), and the default language.
fn overlay_strings(options: &BuildOptions) -> (String, BTreeMap<String, BTreeMap<String, String>>) {
    let mut lang = "en".to_string();
    let mut strings = BTreeMap::new();
    if let Ok(config) = config::read(&options.root, &options.overrides) {
        lang = config.default_lang().code.to_string();
        if let Ok(theme) = render::theme::load(&config, &mut Vec::new(), &Default::default()) {
            strings = theme.strings;
        }
    }
    if strings.is_empty() {
        for (path, text) in render::theme::DEFAULT_I18N {
            let code = Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Ok(table) = toml::from_str::<BTreeMap<String, String>>(text) {
                strings.insert(code, table);
            }
        }
    }
    for table in strings.values_mut() {
        table.retain(|k, _| k.starts_with("serve_") || k == "warning");
    }
    (lang, strings)
}

fn canonical_root(root: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(root).map_err(|source| Error::Read {
        path: root.to_path_buf(),
        source,
    })
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Msg(crate::msg!("serve-no-threads", detail = e.to_string())))
}

/// Sets `stop` on Ctrl-C (or SIGTERM); the rebuild loop then ends after the build under
/// way. The handlers are installed before this returns, so a Ctrl-C right after the
/// address is printed is not lost.
fn stop_on_ctrl_c(runtime: &tokio::runtime::Runtime, stop: &Arc<AtomicBool>) -> Result<()> {
    let stop = Arc::clone(stop);
    let _context = runtime.enter();
    let error =
        |e: std::io::Error| Error::Msg(crate::msg!("serve-no-ctrl-c", detail = e.to_string()));
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).map_err(error)?;
        let mut terminate = signal(SignalKind::terminate()).map_err(error)?;
        runtime.spawn(async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            stop.store(true, Ordering::Relaxed);
        });
    }
    #[cfg(windows)]
    {
        let mut ctrl_c = tokio::signal::windows::ctrl_c().map_err(error)?;
        runtime.spawn(async move {
            if ctrl_c.recv().await.is_some() {
                stop.store(true, Ordering::Relaxed);
            }
        });
    }
    Ok(())
}

/// The address as a browser needs it: a wildcard address is reachable as `127.0.0.1`.
fn shown_addr(addr: SocketAddr) -> SocketAddr {
    if addr.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), addr.port())
    } else {
        addr
    }
}

fn instance_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}", (nanos as u64) ^ u64::from(std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    #[test]
    fn content_problems_keep_their_place_errors_first() {
        let error = Error::Content(vec![
            Diagnostic::warning(Span::new("content/en/a.md", 2, 1), "old"),
            Diagnostic::error(Span::new("content/id/b.md", 3, 7), "bad").with_help("fix it"),
        ]);
        let list = problems(&error);
        assert_eq!(list[0].path, "content/id/b.md");
        assert_eq!((list[0].line, list[0].col), (3, 7));
        assert_eq!(list[0].help.as_deref(), Some("fix it"));
        assert_eq!(list[1].level, Level::Warning);
    }

    #[test]
    fn other_errors_carry_their_causes() {
        let error = Error::Read {
            path: "content".into(),
            source: std::io::Error::other("gone"),
        };
        let list = problems(&error);
        assert_eq!(list[0].path, "");
        assert_eq!(list[0].message, "cannot read `content`\ncaused by: gone");
    }

    #[test]
    fn snippet_names_its_build() {
        let s = snippet("ab-3");
        assert_eq!(
            s,
            "<script src=\"/.panduan/live-reload.js\" data-build=\"ab-3\"></script>"
        );
    }

    #[test]
    fn pages_get_the_token_of_the_build_that_serves_them() {
        let page = format!(
            "<p>data-build=&quot;x&quot;</p>{}</body>",
            snippet(http::BUILD_PLACEHOLDER)
        );
        let served = http::with_build(page.into_bytes(), "ab-7", "");
        assert_eq!(
            String::from_utf8(served).expect("utf-8"),
            "<p>data-build=&quot;x&quot;</p><script src=\"/.panduan/live-reload.js\" data-build=\"ab-7\"></script></body>"
        );
    }

    #[test]
    fn wildcard_addresses_are_shown_as_loopback() {
        let any: SocketAddr = "0.0.0.0:3000".parse().expect("an address");
        assert_eq!(shown_addr(any).to_string(), "127.0.0.1:3000");
        let v6: SocketAddr = "[::1]:0".parse().expect("an address");
        assert_eq!(shown_addr(v6).to_string(), "[::1]:0");
    }
}
