//! Step 5 of the pipeline: rendered files -> the output directory, atomically.
//!
//! The only writer of the output directory. Files are written into a temporary sibling
//! folder, which then replaces the old output in one rename; a failed or interrupted
//! build leaves the previous output untouched. Panduan only ever replaces a folder it
//! created (it carries a marker file), and refuses output paths that are, or contain,
//! the project, its content or theme, the home folder or `/`.
//!
//! Two builds of one output folder never interleave: each holds an advisory lock on a
//! file beside the folder (`.book.panduan-lock`, see [`OutputLock`]) from the moment it
//! starts writing until its folder is in place, and a second build waits for it. The
//! lock is also what proves that a temporary folder left beside the output is stale:
//! only the holder of the lock writes one, so while a build holds it, every other
//! `.book.panduan-tmp-*`/`-old-*` folder belongs to a build that is gone.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::display_path;
use crate::error::{Error, Result};
use crate::files::{Contents, OutputFile, after_failure};

/// The marker file in every output folder Panduan writes.
pub const MARKER: &str = crate::files::OUTPUT_MARKER;

const MARKER_TEXT: &str = "This folder was written by Panduan and is replaced on every build.\n";

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    /// Folders of earlier builds beside the output that could not be removed (a
    /// previous output made read-only, say), for the report to name.
    pub leftovers: Vec<PathBuf>,
}

/// Told, once, that a build waits for another build of the same output folder to
/// finish (with the message to show). Does nothing by default.
#[derive(Clone, Default)]
pub struct OnWait(Option<std::sync::Arc<Say>>);

/// What [`OnWait`] calls.
type Say = dyn Fn(&str) + Send + Sync;

impl OnWait {
    /// Calls `say` with the message when a build has to wait.
    pub fn new(say: impl Fn(&str) + Send + Sync + 'static) -> Self {
        OnWait(Some(std::sync::Arc::new(say)))
    }

    fn say(&self, message: &str) {
        if let Some(say) = &self.0 {
            say(message);
        }
    }
}

impl std::fmt::Debug for OnWait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "OnWait(..)"
        } else {
            "OnWait(none)"
        })
    }
}

/// The folder that holds `out` and the name of `out` in it.
fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = out
        .parent()
        .map(Path::to_path_buf)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "book".into());
    (parent, name)
}

/// An advisory lock on an output folder: the file `.<name>.panduan-lock` beside it,
/// locked (`flock` on Unix, `LockFileEx` on Windows) while a build writes the folder or
/// `clean` removes it. The operating system releases it when the process ends, however
/// it ends, so a killed build never leaves it held. The file stays (removing it would
/// let two builds lock two different files); it holds the process id of the holder,
/// for the message of a build that waits, and the temporary files outside the output
/// that the holder made ([`Writer::note_temporary`]).
pub struct OutputLock {
    file: Option<fs::File>,
}

impl OutputLock {
    /// Locks the output `name` in `parent`, waiting for another holder to let go.
    /// Where the file system has no locks, nothing is locked (see [`OutputLock::is_held`]).
    pub fn acquire(parent: &Path, name: &str, shown: &str, on_wait: &OnWait) -> Result<Self> {
        let path = parent.join(format!(".{name}.panduan-lock"));
        let failed = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(failed)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let holder = std::io::read_to_string(&mut file).unwrap_or_default();
                let pid = holder.lines().next().unwrap_or("").trim().to_string();
                on_wait.say(&crate::t!("output-waiting", out = shown, pid = pid));
                file.lock().map_err(failed)?;
            }
            Err(fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                return Ok(OutputLock { file: None });
            }
            Err(fs::TryLockError::Error(e)) => return Err(failed(e)),
        }
        let lock = OutputLock { file: Some(file) };
        Ok(lock)
    }

    /// Whether the lock is held (false where the file system has no locks).
    pub fn is_held(&self) -> bool {
        self.file.is_some()
    }

    /// The lock file's lines: the holder's process id, then temporary files.
    fn lines(&self) -> Vec<String> {
        let Some(mut file) = self.file.as_ref() else {
            return Vec::new();
        };
        let mut text = String::new();
        let _ = std::io::Seek::rewind(&mut file);
        let _ = std::io::Read::read_to_string(&mut file, &mut text);
        text.lines().map(str::to_string).collect()
    }

    fn rewrite(&self, lines: &[String]) {
        let Some(mut file) = self.file.as_ref() else {
            return;
        };
        let mut text = lines.join("\n");
        text.push('\n');
        let _ = file.set_len(0);
        let _ = std::io::Seek::rewind(&mut file);
        let _ = file.write_all(text.as_bytes());
    }

    /// Removes the temporary files a killed holder recorded, and makes this process
    /// the holder.
    fn remove_recorded(&self) {
        for line in self.lines().iter().skip(1) {
            let path = Path::new(line);
            if path.is_file() && line.ends_with(crate::downloads::ZIP_TMP_SUFFIX) {
                let _ = fs::remove_file(path);
            }
        }
        self.rewrite(&[std::process::id().to_string()]);
    }

    /// Records a temporary file, to be removed by the next holder if it is still there.
    fn record(&self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut lines = self.lines();
        if lines.is_empty() {
            lines.push(std::process::id().to_string());
        }
        lines.push(path.to_string_lossy().into_owned());
        self.rewrite(&lines);
    }
}

/// Resolves `path` as far as it exists (symlinks, `..`), keeping the part that does not
/// exist yet as written.
fn resolve(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for part in rest.into_iter().rev() {
        out.push(part);
    }
    out
}

/// Refuses output folders that are, or contain, something precious, and output folders
/// Panduan did not create.
pub fn check_target(config: &Config, out: &Path) -> Result<()> {
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from);
    check_target_with_home(config, out, home.as_deref())
}

/// [`check_target`], with the user's home folder given (tests give one of their own).
fn check_target_with_home(config: &Config, out: &Path, home: Option<&Path>) -> Result<()> {
    let out = resolve(out);
    let refuse = |reason: String| {
        Err(Error::RefusedOutput {
            path: out.clone(),
            reason,
        })
    };
    let root = resolve(&config.root);
    let mut precious: Vec<(PathBuf, String)> = vec![
        (root.clone(), crate::t!("folder-project")),
        (resolve(&config.content_dir()), crate::t!("folder-content")),
        (
            resolve(&config.root.join("themes")),
            crate::t!("folder-themes"),
        ),
    ];
    if let Some(theme) = &config.theme {
        precious.push((resolve(theme), crate::t!("folder-theme")));
    }
    if let Some(home) = home {
        precious.push((resolve(home), crate::t!("folder-home")));
    }
    if out.parent().is_none() {
        return refuse(crate::t!("refuse-root"));
    }
    for (path, what) in &precious {
        if &out == path {
            return refuse(crate::t!("refuse-is", what = what));
        }
        if path.starts_with(&out) {
            return refuse(crate::t!("refuse-contains", what = what));
        }
    }
    for (path, what) in &precious[1..3] {
        if out.starts_with(path) {
            return refuse(crate::t!("refuse-inside", what = what));
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse(crate::t!("refuse-a-file"));
        }
        let is_ours = out.join(MARKER).is_file();
        let is_empty = fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !is_ours && !is_empty {
            return refuse(crate::t!("refuse-not-ours", marker = MARKER));
        }
    }
    Ok(())
}

/// Writes `files` to `out`, replacing its previous contents atomically.
pub fn write(config: &Config, files: &[OutputFile], out: &Path) -> Result<Written> {
    let writer = Writer::begin(config, out, &OnWait::default())?;
    files.par_iter().try_for_each(|f| writer.put(f))?;
    writer.finish()
}

/// Writes a site file by file as it is rendered, into a temporary folder beside the
/// output that replaces the output in [`Writer::finish`]. Dropped without `finish` (an
/// error, a panic), it removes the temporary folder and the previous output stays.
pub struct Writer {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    tmp: PathBuf,
    /// `out` as the user knows it (`book`), for messages.
    shown: String,
    /// Whether a previous output of ours is there, to be kept if this build fails.
    had_output: bool,
    /// Held until the writer is dropped: no other build writes `out` meanwhile.
    lock: OutputLock,
    /// Folders of earlier builds that could not be removed (named in the report).
    leftovers: Mutex<Vec<PathBuf>>,
    /// Folders made so far inside `tmp`.
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    finished: bool,
}

impl Writer {
    /// Checks `out` (see [`check_target`]) and starts a temporary folder beside it.
    /// Waits (saying so through `on_wait`) while another build writes the same output.
    pub fn begin(config: &Config, out: &Path, on_wait: &OnWait) -> Result<Writer> {
        check_target(config, out)?;
        let (parent, name) = parent_and_name(out);
        fs::create_dir_all(&parent).map_err(|source| Error::Write {
            path: parent.clone(),
            source,
        })?;
        let lock = OutputLock::acquire(&parent, &name, &shown(config, out), on_wait)?;
        // Checked again: the build we waited for may have changed what is there.
        check_target(config, out)?;
        let mut leftovers = Vec::new();
        if lock.is_held() {
            leftovers = remove_stale(&parent, &name);
            lock.remove_recorded();
        }
        let tmp = parent.join(format!(".{name}.panduan-tmp-{}", std::process::id()));
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(|source| Error::Write {
                path: tmp.clone(),
                source,
            })?;
        }
        let writer = Writer {
            out: out.to_path_buf(),
            parent,
            name,
            tmp,
            lock,
            leftovers: Mutex::new(leftovers),
            shown: shown(config, out),
            had_output: has_output(out),
            dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            finished: false,
        };
        fs::create_dir_all(&writer.tmp).map_err(|source| writer.failed("", source))?;
        // The marker first: a half-written folder left by a killed build is recognisably ours.
        fs::write(writer.tmp.join(MARKER), MARKER_TEXT)
            .map_err(|source| writer.failed(MARKER, source))?;
        Ok(writer)
    }

    /// The error for a failed write of `rel` (a path in the output): a full disk is
    /// named as such, with what is left of the previous output.
    fn failed(&self, rel: &str, source: std::io::Error) -> Error {
        if crate::error::is_disk_full(&source) {
            return Error::DiskFull {
                shown: format!("{}/{rel}", self.shown),
                after: after_failure(self.had_output, "output"),
            };
        }
        Error::Write {
            path: self.tmp.join(rel),
            source,
        }
    }

    /// Writes one file (from any thread).
    pub fn put(&self, f: &OutputFile) -> Result<()> {
        let path = self.tmp.join(&f.path);
        if let Some(dir) = path.parent() {
            let known = self
                .dirs
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(dir);
            if !known {
                let rel = dir.strip_prefix(&self.tmp).unwrap_or(dir);
                fs::create_dir_all(dir)
                    .map_err(|source| self.failed(&display_path(rel), source))?;
                self.dirs
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(dir.to_path_buf());
            }
        }
        let err = |source| self.failed(&f.path, source);
        let size = match &f.contents {
            Contents::Bytes(bytes) => {
                let mut file = fs::File::create(&path).map_err(err)?;
                file.write_all(bytes).map_err(err)?;
                bytes.len() as u64
            }
            Contents::Copy(source) => fs::copy(source, &path).map_err(|e| {
                if crate::error::is_disk_full(&e) {
                    self.failed(&f.path, e)
                } else {
                    Error::Read {
                        path: source.clone(),
                        source: e,
                    }
                }
            })?,
        };
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
        Ok(())
    }

    /// Reads back a file written so far (`id/index.html`), for the steps that are made
    /// from the rendered site (the EPUB).
    pub fn read(&self, rel: &str) -> Result<Vec<u8>> {
        let path = self.tmp.join(rel);
        fs::read(&path).map_err(|source| Error::Read { path, source })
    }

    /// Every file written so far but the marker, each as a file to copy, sorted by path.
    pub fn staged(&self) -> Result<Vec<OutputFile>> {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&self.tmp).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::Read {
                path: e.path().map_or_else(|| self.tmp.clone(), Path::to_path_buf),
                source: e.into(),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&self.tmp).unwrap_or(entry.path());
            let rel = display_path(rel);
            if rel != MARKER {
                files.push(OutputFile {
                    path: rel,
                    contents: Contents::Copy(entry.path().to_path_buf()),
                });
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// Where a file of the output is written until [`Writer::finish`] (for the offline
    /// zip, written there by the downloads step).
    pub fn staged_path(&self, rel: &str) -> Result<PathBuf> {
        let path = self.tmp.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|source| self.failed(rel, source))?;
        }
        Ok(path)
    }

    /// Counts a file written into the staging folder by someone else (the offline zip).
    pub fn count(&self, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// `e`, from writing a zip, saying what a full disk left: the previous output (the
    /// offline zip is part of it) and, when `zip_kept`, the previous `--zip` file.
    pub fn explain(&self, e: Error, zip_kept: bool) -> Error {
        match e {
            Error::DiskFull { shown, .. } => {
                let mut after = after_failure(self.had_output, "output");
                if zip_kept {
                    after = format!("{after}; {}", crate::t!("after-kept-zip"));
                }
                Error::DiskFull { shown, after }
            }
            other => other,
        }
    }

    /// Notes `path`, a temporary file made outside the output folder (the `--zip`
    /// file's), so that the next build removes it if this one is killed before it
    /// does.
    pub fn note_temporary(&self, path: &Path) {
        self.lock.record(path);
    }

    /// Puts the finished folder in place of the output.
    pub fn finish(mut self) -> Result<Written> {
        let left = swap(&self.tmp, &self.out, &self.parent, &self.name)?;
        self.finished = true;
        let mut leftovers = std::mem::take(
            &mut *self
                .leftovers
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        leftovers.extend(left);
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
            leftovers,
        })
    }
}

impl crate::files::Staging for Writer {
    fn put(&self, file: &OutputFile) -> Result<()> {
        Writer::put(self, file)
    }
    fn read(&self, rel: &str) -> Result<Vec<u8>> {
        Writer::read(self, rel)
    }
    fn staged(&self) -> Result<Vec<OutputFile>> {
        Writer::staged(self)
    }
    fn staged_path(&self, rel: &str) -> Result<PathBuf> {
        Writer::staged_path(self, rel)
    }
    fn count(&self, bytes: u64) {
        Writer::count(self, bytes)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.finished && self.tmp.exists() {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Whether `out` holds an output Panduan wrote, which a failed build leaves as it is.
pub fn has_output(out: &Path) -> bool {
    out.join(MARKER).is_file()
}

/// Moves the finished folder into place; the old output is removed only afterwards.
/// Returns the old output if it could not be removed.
fn swap(tmp: &Path, out: &Path, parent: &Path, name: &str) -> Result<Option<PathBuf>> {
    if !out.exists() {
        return fs::rename(tmp, out)
            .map(|()| None)
            .map_err(|source| Error::Write {
                path: out.to_path_buf(),
                source,
            });
    }
    let old = parent.join(format!(".{name}.panduan-old-{}", std::process::id()));
    if old.exists() {
        remove_ours(&old).map_err(|source| Error::Write {
            path: old.clone(),
            source,
        })?;
    }
    fs::rename(out, &old).map_err(|source| Error::Write {
        path: out.to_path_buf(),
        source,
    })?;
    if let Err(source) = fs::rename(tmp, out) {
        // Put the previous output back.
        let _ = fs::rename(&old, out);
        return Err(Error::Write {
            path: out.to_path_buf(),
            source,
        });
    }
    Ok(remove_ours(&old).err().map(|_| old))
}

/// Removes temporary folders left by builds that were killed, if they are ours;
/// returns those that could not be removed. Called only by the holder of the
/// [`OutputLock`]: their builds are gone.
fn remove_stale(parent: &Path, name: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let prefixes = [
        format!(".{name}.panduan-tmp-"),
        format!(".{name}.panduan-old-"),
    ];
    let mut left = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            continue;
        }
        // A build killed between creating its folder and writing the marker (its first
        // file) leaves it empty: that one goes too.
        let empty = fs::read_dir(entry.path()).is_ok_and(|mut d| d.next().is_none());
        if empty {
            let _ = fs::remove_dir(entry.path());
        } else if entry.path().join(MARKER).is_file() && remove_ours(&entry.path()).is_err() {
            left.push(entry.path());
        }
    }
    left.sort();
    left
}

/// Removes a folder Panduan wrote (it holds the marker), first as it is, then, if
/// that fails, after making its folders writable again (an output someone made
/// read-only: its files cannot be unlinked from a read-only folder).
fn remove_ours(dir: &Path) -> std::io::Result<()> {
    if fs::remove_dir_all(dir).is_ok() || !dir.exists() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_dir()
            && let Ok(meta) = entry.metadata()
        {
            let mut permissions = meta.permissions();
            if permissions.readonly() {
                #[allow(clippy::permissions_set_readonly_false)]
                permissions.set_readonly(false);
                let _ = fs::set_permissions(entry.path(), permissions);
            }
        }
    }
    fs::remove_dir_all(dir)
}

/// Removes the output folder, if it is one Panduan wrote.
pub fn clean(config: &Config, out: &Path) -> Result<bool> {
    if !out.exists() {
        return Ok(false);
    }
    check_target(config, out)?;
    let (parent, name) = parent_and_name(out);
    let _lock = OutputLock::acquire(&parent, &name, &shown(config, out), &OnWait::default())?;
    if !out.exists() {
        return Ok(false);
    }
    fs::remove_dir_all(out).map_err(|source| Error::Write {
        path: out.to_path_buf(),
        source,
    })?;
    Ok(true)
}

/// `out` for messages: relative to the project root when inside it.
pub fn shown(config: &Config, out: &Path) -> String {
    display_path(&crate::load::relative_to(out, &config.root))
}

/// Refuses a zip file inside the folders a build reads or writes (`content/`,
/// `themes/`, the theme, the output folder: each build would pack the last zip into
/// the next one) and a zip whose folder does not exist. Checked before anything is
/// written.
pub fn check_zip_target(config: &Config, zip: &Path, out: &Path) -> Result<()> {
    let refuse = |reason: String| {
        Err(Error::RefusedZip {
            path: zip.to_path_buf(),
            reason,
        })
    };
    // Relative to the current folder, as the command line gives it.
    let resolved = match std::env::current_dir() {
        Ok(here) if zip.is_relative() => resolve(&here.join(zip)),
        _ => resolve(zip),
    };
    let mut folders: Vec<(PathBuf, String)> = vec![
        (resolve(&config.content_dir()), crate::t!("folder-content")),
        (
            resolve(&config.root.join("themes")),
            crate::t!("folder-themes"),
        ),
        (
            resolve(out),
            crate::t!("folder-output", path = shown(config, out)),
        ),
    ];
    if let Some(theme) = &config.theme {
        folders.push((resolve(theme), crate::t!("folder-theme")));
    }
    for (folder, what) in &folders {
        if resolved.starts_with(folder) {
            return refuse(crate::t!("refuse-zip-inside", what = what));
        }
    }
    let parent = zip.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent.filter(|p| !p.is_dir()) {
        return refuse(crate::t!(
            "refuse-zip-no-folder",
            path = display_path(parent)
        ));
    }
    if zip.is_dir() {
        return refuse(crate::t!("refuse-zip-folder"));
    }
    if zip.is_file() && !crate::downloads::is_zip_file(zip) {
        return Err(crate::downloads::not_a_zip(zip));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Overrides;

    const BOOK: &str = "[book]\ntheme = \"look\"\n\n\
                        [languages.id]\nname = \"Bahasa Indonesia\"\ntitle = \"Panduan\"\n";

    /// A project in a temporary folder (`project/` with `content/`, `themes/` and its
    /// theme `look/`), beside a stand-in home folder `home/user/`.
    struct Project {
        dir: tempfile::TempDir,
        config: Config,
    }

    impl Project {
        fn new() -> Project {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let root = dir.path().join("project");
            for folder in ["content/id", "themes/default", "look", "../home/user"] {
                fs::create_dir_all(root.join(folder)).expect("the folder can be made");
            }
            let config = crate::config::parse(&root, BOOK, &Overrides::default())
                .expect("a valid book.toml");
            Project { dir, config }
        }

        /// A path relative to the temporary folder.
        fn path(&self, rel: &str) -> PathBuf {
            self.dir.path().join(rel)
        }

        /// Why [`check_target`] refuses `out`, or `None` when it accepts it; the home
        /// folder is `home/user/` of the temporary folder.
        fn refusal(&self, out: &Path) -> Option<String> {
            let home = self.path("home/user");
            match check_target_with_home(&self.config, out, Some(&home)) {
                Ok(()) => None,
                Err(Error::RefusedOutput { reason, .. }) => Some(reason),
                Err(e) => panic!("not a refusal: {e}"),
            }
        }

        /// [`Project::refusal`] of a path relative to the temporary folder.
        fn refusal_of(&self, rel: &str) -> Option<String> {
            self.refusal(&self.path(rel))
        }
    }

    /// An output file of text.
    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(text.as_bytes().to_vec()),
        }
    }

    /// The files below `dir` with their text, sorted, as `path: text`.
    fn listing(dir: &Path) -> Vec<String> {
        let mut out: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.expect("a readable entry"))
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).expect("below dir");
                let text = fs::read_to_string(e.path()).expect("a text file");
                format!("{}: {}", rel.display(), text.trim_end())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn refuses_the_project_and_what_holds_it() {
        let p = Project::new();
        assert_eq!(
            p.refusal_of("project").as_deref(),
            Some("it is the project folder")
        );
        assert_eq!(
            p.refusal_of("").as_deref(),
            Some("it contains the project folder")
        );
        assert_eq!(
            p.refusal_of("project/content/..").as_deref(),
            Some("it is the project folder"),
            "`..` is resolved"
        );
    }

    #[test]
    fn refuses_content_themes_and_the_theme() {
        let p = Project::new();
        for (rel, reason) in [
            ("project/content", "it is the `content/` folder"),
            (
                "project/content/id/book",
                "it is inside the `content/` folder",
            ),
            ("project/themes", "it is the `themes/` folder"),
            (
                "project/themes/default/out",
                "it is inside the `themes/` folder",
            ),
            ("project/look", "it is the theme folder"),
        ] {
            assert_eq!(p.refusal_of(rel).as_deref(), Some(reason), "{rel}");
        }
    }

    #[test]
    fn refuses_the_home_folder_and_the_root() {
        let p = Project::new();
        assert_eq!(
            p.refusal_of("home/user").as_deref(),
            Some("it is your home folder")
        );
        assert_eq!(
            p.refusal_of("home").as_deref(),
            Some("it contains your home folder")
        );
        assert_eq!(
            p.refusal(Path::new("/")).as_deref(),
            Some("it is the root of the file system")
        );
    }

    #[test]
    fn accepts_only_a_folder_that_is_new_empty_or_ours() {
        let p = Project::new();
        assert_eq!(p.refusal_of("project/book"), None, "not there yet");
        assert_eq!(p.refusal_of("elsewhere/deep/book"), None, "not there yet");
        fs::create_dir_all(p.path("project/book")).expect("mkdir");
        assert_eq!(p.refusal_of("project/book"), None, "empty");
        fs::write(p.path("project/book/notes.txt"), "mine").expect("write");
        let refused = p
            .refusal_of("project/book")
            .expect("a folder of someone else's");
        assert!(
            refused.starts_with("it is not empty and was not created by Panduan"),
            "{refused}"
        );
        fs::write(p.path("project/book").join(MARKER), MARKER_TEXT).expect("write");
        assert_eq!(p.refusal_of("project/book"), None, "ours");
        fs::write(p.path("project/a-file"), "x").expect("write");
        assert_eq!(
            p.refusal_of("project/a-file").as_deref(),
            Some("it is a file, not a folder")
        );
    }

    #[test]
    fn write_replaces_our_folder_and_leaves_a_foreign_one_alone() {
        let p = Project::new();
        let out = p.path("project/book");
        write(
            &p.config,
            &[file("index.html", "one"), file("id/a/index.html", "a")],
            &out,
        )
        .expect("a new folder");
        assert_eq!(
            listing(&out),
            [
                format!("{MARKER}: {}", MARKER_TEXT.trim_end()),
                "id/a/index.html: a".to_string(),
                "index.html: one".to_string(),
            ]
        );
        let written = write(&p.config, &[file("index.html", "two")], &out).expect("ours");
        assert_eq!((written.files, written.bytes), (1, 3));
        assert_eq!(
            listing(&out)[1..],
            ["index.html: two".to_string()],
            "old files are gone"
        );

        let foreign = p.path("project/theirs");
        fs::create_dir_all(&foreign).expect("mkdir");
        fs::write(foreign.join("keep.txt"), "keep").expect("write");
        let e = write(&p.config, &[file("index.html", "x")], &foreign).expect_err("not ours");
        assert!(matches!(e, Error::RefusedOutput { .. }), "{e}");
        assert_eq!(listing(&foreign), ["keep.txt: keep"]);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output_intact() {
        let p = Project::new();
        let out = p.path("project/book");
        write(&p.config, &[file("index.html", "good")], &out).expect("first build");
        let before = listing(&out);
        let missing = OutputFile {
            path: "id/photo.png".into(),
            contents: Contents::Copy(p.path("project/content/id/gone.png")),
        };
        let e = write(&p.config, &[file("index.html", "new"), missing], &out)
            .expect_err("a file to copy is missing");
        assert!(matches!(e, Error::Read { .. }), "{e}");
        assert_eq!(listing(&out), before);

        // A writer dropped without `finish` (an error elsewhere, a panic) changes nothing.
        let writer = Writer::begin(&p.config, &out, &OnWait::default()).expect("begin");
        writer.put(&file("index.html", "half")).expect("put");
        drop(writer);
        assert_eq!(listing(&out), before);
        let beside: Vec<String> = fs::read_dir(p.path("project"))
            .expect("read the project")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("panduan-"))
            .collect();
        assert_eq!(beside, [".book.panduan-lock"], "temporary folders left");
    }

    #[test]
    fn issue_24_stale_folders_go_only_when_their_build_is_gone() {
        let p = Project::new();
        let out = p.path("project/book");
        write(&p.config, &[file("index.html", "good")], &out).expect("first build");
        // A folder of a killed build, and an old output a read-only copy left behind.
        let stale = p.path("project/.book.panduan-tmp-999999");
        let old = p.path("project/.book.panduan-old-999998");
        for dir in [&stale, &old] {
            fs::create_dir_all(dir.join("id")).expect("mkdir");
            fs::write(dir.join(MARKER), MARKER_TEXT).expect("marker");
            fs::write(dir.join("id/page.html"), "x").expect("write");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(old.join("id"), fs::Permissions::from_mode(0o555)).expect("chmod");
        }
        // While another build holds the lock, nothing is touched.
        let holder = OutputLock::acquire(&p.path("project"), "book", "book", &OnWait::default())
            .expect("lock");
        let lock_file = fs::File::open(p.path("project/.book.panduan-lock")).expect("open");
        assert!(
            matches!(lock_file.try_lock(), Err(fs::TryLockError::WouldBlock)),
            "held"
        );
        drop(holder);
        // The next build holds it: the folders are provably stale and removed.
        let written = write(&p.config, &[file("index.html", "new")], &out).expect("build");
        assert!(written.leftovers.is_empty(), "{:?}", written.leftovers);
        assert!(!stale.exists() && !old.exists());
    }

    /// Regression (a build killed between making its folder and writing the marker, seen
    /// under load in `a_build_killed_midway_leaves_a_complete_output`): the empty folder
    /// goes with the next build; a folder that is not empty and has no marker stays.
    #[test]
    fn an_empty_folder_of_a_killed_build_is_removed() {
        let p = Project::new();
        let out = p.path("project/book");
        write(&p.config, &[file("index.html", "good")], &out).expect("first build");
        let empty = p.path("project/.book.panduan-tmp-999997");
        let foreign = p.path("project/.book.panduan-tmp-999996");
        fs::create_dir_all(&empty).expect("mkdir");
        fs::create_dir_all(&foreign).expect("mkdir");
        fs::write(foreign.join("notes.txt"), "not ours").expect("write");
        write(&p.config, &[file("index.html", "new")], &out).expect("build");
        assert!(!empty.exists(), "the empty folder goes");
        assert!(
            foreign.join("notes.txt").is_file(),
            "a folder without the marker stays"
        );
    }

    #[test]
    fn a_full_disk_is_named_with_what_is_left() {
        let p = Project::new();
        let out = p.path("project/book");
        let full = || std::io::Error::from(std::io::ErrorKind::StorageFull);
        let writer = Writer::begin(&p.config, &out, &OnWait::default()).expect("begin");
        assert_eq!(
            writer.failed("id/index.html", full()).to_string(),
            "the disk is full while writing `book/id/index.html`; nothing was written\n  = help: free some space and build again"
        );
        drop(writer);
        write(&p.config, &[file("index.html", "good")], &out).expect("first build");
        let writer = Writer::begin(&p.config, &out, &OnWait::default()).expect("begin");
        let e = writer.failed("index.html", full()).to_string();
        assert!(e.contains("; the previous output was kept\n"), "{e}");
        let other = writer.failed("index.html", std::io::Error::other("gone"));
        assert!(matches!(other, Error::Write { .. }), "{other}");
    }
}
