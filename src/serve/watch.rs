//! Watching the sources: which folders, which changes count, and the debounced loop
//! that calls a rebuild once per burst of changes.
//!
//! Folders are watched, never single files: editors save by writing a temporary file and
//! renaming it over the old one, which a watch on the file itself would lose. The project
//! root is watched without recursion (for `book.toml`), `content/` and the theme folder
//! recursively. [`change_kind`] decides, without touching the disk, whether a path
//! counts; editor temporary files and the output folder never do (no rebuild loops).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify_debouncer_full::notify::{
    self, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode,
};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer_opt,
};

use crate::config::{self, Config};
use crate::error::{Error, Result};

/// How long a change must be quiet before it is reported. Editors write a file in a
/// few milliseconds (temporary file, rename); a longer wait only adds latency.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// How often the debouncer looks for quiet changes.
const TICK: Duration = Duration::from_millis(5);
/// How often `--poll` looks at the files.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// What a changed path means for the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Not part of the sources (editor temporary file, output folder, anything else).
    Ignored,
    /// `book.toml`: the folders to watch may change too.
    Config,
    /// A file or folder below `content/`.
    Content,
    /// A file or folder below the theme folder.
    Theme,
}

/// The folders a project's sources live in, as absolute paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watched {
    pub root: PathBuf,
    pub content: PathBuf,
    pub theme: Option<PathBuf>,
    /// Never a source, even when it lies below one of the folders above.
    pub output: PathBuf,
}

impl Watched {
    /// The folders of the project at `root` (its theme and output as `book.toml` says,
    /// or the defaults when `book.toml` cannot be read right now).
    pub fn of(root: &Path, output: Option<&Path>) -> Self {
        let config = config::read(root, &config::Overrides::default()).ok();
        Watched::from_config(root, config.as_ref(), output)
    }

    fn from_config(root: &Path, config: Option<&Config>, output: Option<&Path>) -> Self {
        let output = output
            .map(Path::to_path_buf)
            .or_else(|| config.map(|c| c.output.clone()))
            .unwrap_or_else(|| root.join("book"));
        Watched {
            root: root.to_path_buf(),
            content: root.join("content"),
            theme: config
                .and_then(|c| c.theme.clone())
                .map(|t| std::fs::canonicalize(&t).unwrap_or(t)),
            output: std::fs::canonicalize(&output).unwrap_or(output),
        }
    }
}

/// Whether a change to `path` counts, and for what. Pure: looks only at the path.
pub fn change_kind(path: &Path, watched: &Watched) -> ChangeKind {
    if path.starts_with(&watched.output) {
        return ChangeKind::Ignored;
    }
    if path.parent() == Some(watched.root.as_path())
        && path.file_name() == Some(config::CONFIG_FILE.as_ref())
    {
        return ChangeKind::Config;
    }
    let below = |dir: &Path| {
        path.strip_prefix(dir)
            .ok()
            .map(|rest| !rest.components().any(|c| is_temporary(c.as_os_str())))
    };
    match below(&watched.content) {
        Some(true) => return ChangeKind::Content,
        Some(false) => return ChangeKind::Ignored,
        None => {}
    }
    if let Some(theme) = &watched.theme
        && below(theme) == Some(true)
    {
        return ChangeKind::Theme;
    }
    ChangeKind::Ignored
}

/// Names that editors, sync tools and Panduan itself use for files that are not
/// sources: exactly what the loader skips, so that `serve` shows what `build` makes.
fn is_temporary(name: &std::ffi::OsStr) -> bool {
    crate::load::is_ignored(name)
}

/// Whether an event can change a file's contents (reads and access times cannot).
fn is_write(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// A burst of changes that calls for a rebuild.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The changed source paths, relative to the project root, sorted.
    pub paths: Vec<PathBuf>,
    /// When the first change of the burst was seen.
    pub since: Instant,
    /// Whether `book.toml` changed (the watched folders may move).
    pub config_changed: bool,
}

enum Watcher {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, RecommendedCache>),
}

impl Watcher {
    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Watcher::Native(d) => d.watch(path, mode),
            Watcher::Poll(d) => d.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        match self {
            Watcher::Native(d) => d.unwatch(path),
            Watcher::Poll(d) => d.unwatch(path),
        }
    }
}

/// How to find out about changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchMethod {
    /// The operating system's notifications (inotify, FSEvents, ReadDirectoryChangesW).
    Native,
    /// Look at the files every half second: for network drives and when the system's
    /// notification limits are reached.
    Poll,
}

/// Watches a project's sources and reports bursts of changes.
pub struct SourceWatcher {
    watcher: Watcher,
    events: mpsc::Receiver<DebounceEventResult>,
    watched: Watched,
    /// The folders currently watched, with their mode.
    active: Vec<(PathBuf, RecursiveMode)>,
    /// When the last burst was handed out: the rebuild it started read every file
    /// after this, so changes seen before it are in that build already.
    handed_out: Option<Instant>,
}

impl SourceWatcher {
    /// Starts watching the folders of `watched`.
    pub fn start(watched: Watched, method: WatchMethod) -> Result<Self> {
        let (tx, events) = mpsc::channel();
        let handler = move |result: DebounceEventResult| {
            // The receiver is gone only when Panduan is stopping.
            let _ = tx.send(result);
        };
        let watcher = match method {
            WatchMethod::Native => new_debouncer_opt(
                DEBOUNCE,
                Some(TICK),
                handler,
                RecommendedCache::new(),
                notify::Config::default(),
            )
            .map(Watcher::Native),
            WatchMethod::Poll => new_debouncer_opt(
                DEBOUNCE,
                Some(TICK),
                handler,
                RecommendedCache::new(),
                notify::Config::default().with_poll_interval(POLL_INTERVAL),
            )
            .map(Watcher::Poll),
        }
        .map_err(|e| watch_error(&watched.root, &e))?;
        let mut this = SourceWatcher {
            watcher,
            events,
            watched,
            active: Vec::new(),
            handed_out: None,
        };
        this.update()?;
        Ok(this)
    }

    /// The folders being watched.
    pub fn watched(&self) -> &Watched {
        &self.watched
    }

    /// Watches the folders of `self.watched` that exist, and stops watching others.
    fn update(&mut self) -> Result<()> {
        let mut wanted = vec![(self.watched.root.clone(), RecursiveMode::NonRecursive)];
        if self.watched.content.is_dir() {
            wanted.push((self.watched.content.clone(), RecursiveMode::Recursive));
        }
        if let Some(theme) = &self.watched.theme
            && theme.is_dir()
            && !theme.starts_with(&self.watched.content)
        {
            wanted.push((theme.clone(), RecursiveMode::Recursive));
        }
        for (path, _) in self.active.iter().filter(|a| !wanted.contains(a)) {
            // A folder that was deleted is no longer watched anyway.
            let _ = self.watcher.unwatch(path);
        }
        let mut active = Vec::new();
        for (path, mode) in wanted {
            if !self.active.contains(&(path.clone(), mode)) {
                self.watcher
                    .watch(&path, mode)
                    .map_err(|e| watch_error(&path, &e))?;
            }
            active.push((path, mode));
        }
        self.active = active;
        Ok(())
    }

    /// Waits for the next burst of source changes, up to `timeout`. Problems of the
    /// watcher itself are passed to `warn`.
    pub fn next(&mut self, timeout: Duration, warn: &mut dyn FnMut(String)) -> Option<Trigger> {
        let first = match self.events.recv_timeout(timeout) {
            Ok(batch) => batch,
            Err(_) => return None,
        };
        let mut batches = vec![first];
        // Changes that arrived while the last build ran belong to the same burst.
        batches.extend(self.events.try_iter());
        let mut paths = Vec::new();
        let mut since: Option<Instant> = None;
        let mut config_changed = false;
        // A watched folder itself created, deleted or renamed: watch it afresh.
        let mut folders_changed = Vec::new();
        for batch in batches {
            let events: Vec<DebouncedEvent> = match batch {
                Ok(events) => events,
                Err(errors) => {
                    for e in errors {
                        warn(crate::t!("watch-warning", detail = e.to_string()));
                    }
                    continue;
                }
            };
            for event in events {
                let rescan = event.need_rescan();
                // The debouncer may report part of a save (a rename's second half,
                // say) after the burst it belongs to; the last rebuild has seen it.
                let is_seen = self.handed_out.is_some_and(|h| event.time <= h);
                if is_seen || (!rescan && !is_write(&event.kind)) {
                    continue;
                }
                let mut counts = rescan;
                for path in &event.paths {
                    let kind = change_kind(path, &self.watched);
                    if kind != ChangeKind::Ignored {
                        if *path == self.watched.content
                            || self.watched.theme.as_ref() == Some(path)
                        {
                            folders_changed.push(path.clone());
                        }
                        counts = true;
                        config_changed |= kind == ChangeKind::Config;
                        paths.push(crate::load::relative_to(path, &self.watched.root));
                    }
                }
                if counts {
                    since = Some(since.map_or(event.time, |s| s.min(event.time)));
                }
            }
        }
        let since = since?;
        self.handed_out = Some(Instant::now());
        paths.sort();
        paths.dedup();
        if config_changed {
            let output = self.watched.output.clone();
            self.watched = Watched::of(&self.watched.root, Some(&output));
        }
        for folder in &folders_changed {
            let _ = self.watcher.unwatch(folder);
        }
        self.active.retain(|(p, _)| !folders_changed.contains(p));
        if let Err(e) = self.update() {
            warn(e.to_string());
        }
        Some(Trigger {
            paths,
            since,
            config_changed,
        })
    }
}

fn watch_error(path: &Path, e: &notify::Error) -> Error {
    let (path, detail) = (crate::diagnostic::display_path(path), e.to_string());
    match e.kind {
        notify::ErrorKind::MaxFilesWatch => Error::Msg(crate::msg!(
            "watch-limit-reached",
            path = path,
            detail = detail
        )),
        _ => Error::Msg(crate::msg!("watch-failed", path = path, detail = detail)),
    }
}

/// What the watch loop hands to its caller.
#[derive(Debug)]
pub enum Step {
    /// A burst of changes: rebuild.
    Changed(Trigger),
    /// A problem of the watcher itself, worth printing.
    Warning(String),
}

/// Calls `on_step` for every burst of source changes until `stop` is set.
pub fn run(watcher: &mut SourceWatcher, stop: &AtomicBool, on_step: &mut dyn FnMut(Step)) {
    while !stop.load(Ordering::Relaxed) {
        let mut warnings = Vec::new();
        let trigger = watcher.next(Duration::from_millis(100), &mut |w| warnings.push(w));
        for w in warnings {
            on_step(Step::Warning(w));
        }
        if let Some(trigger) = trigger {
            on_step(Step::Changed(trigger));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watched() -> Watched {
        Watched {
            root: PathBuf::from("/p"),
            content: PathBuf::from("/p/content"),
            theme: Some(PathBuf::from("/p/themes/mine")),
            output: PathBuf::from("/p/book"),
        }
    }

    fn kind(path: &str) -> ChangeKind {
        change_kind(Path::new(path), &watched())
    }

    #[test]
    fn sources_count_by_folder() {
        assert_eq!(kind("/p/book.toml"), ChangeKind::Config);
        assert_eq!(kind("/p/content/id/a.md"), ChangeKind::Content);
        assert_eq!(kind("/p/content/id/img/circle.png"), ChangeKind::Content);
        assert_eq!(kind("/p/content/en"), ChangeKind::Content);
        assert_eq!(kind("/p/content"), ChangeKind::Content);
        assert_eq!(
            kind("/p/themes/mine/templates/page.html"),
            ChangeKind::Theme
        );
    }

    #[test]
    fn output_and_other_files_are_ignored() {
        assert_eq!(kind("/p/book/id/index.html"), ChangeKind::Ignored);
        assert_eq!(kind("/p/.book.panduan-tmp-12"), ChangeKind::Ignored);
        assert_eq!(kind("/p/README.md"), ChangeKind::Ignored);
        assert_eq!(kind("/p/sub/book.toml"), ChangeKind::Ignored);
        assert_eq!(kind("/p/themes/other/base.html"), ChangeKind::Ignored);
        assert_eq!(kind("/elsewhere/content/id/a.md"), ChangeKind::Ignored);
    }

    #[test]
    fn output_inside_the_theme_is_ignored() {
        let mut w = watched();
        w.output = PathBuf::from("/p/themes/mine/out");
        assert_eq!(
            change_kind(Path::new("/p/themes/mine/out/x.html"), &w),
            ChangeKind::Ignored
        );
    }

    #[test]
    fn editor_temporary_files_are_ignored() {
        for name in [
            ".a.md.swp",
            "a.md.swx",
            "a.md.swo",
            "a.md~",
            "#a.md#",
            ".#a.md",
            "4913",
            "a.md___jb_tmp___",
            "a.md___jb_old___",
            "a.md.tmp",
            ".a.md.kate-swp",
            "photo.png.part",
        ] {
            assert_eq!(
                kind(&format!("/p/content/id/{name}")),
                ChangeKind::Ignored,
                "{name}"
            );
        }
        assert_eq!(kind("/p/content/.git/index"), ChangeKind::Ignored);
        assert_eq!(kind("/p/themes/mine/.hidden/x.css"), ChangeKind::Ignored);
    }

    #[test]
    fn reads_do_not_count_as_writes() {
        assert!(!is_write(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Read
        ))));
        assert!(!is_write(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
        assert!(is_write(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_write(&EventKind::Modify(ModifyKind::Any)));
        assert!(is_write(&EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }
}
