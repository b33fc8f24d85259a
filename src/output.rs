//! Step 5 of the pipeline: rendered files -> the output directory, atomically.
//!
//! The only writer of the output directory. Files are written into a temporary sibling
//! folder, which then replaces the old output in one rename; a failed or interrupted
//! build leaves the previous output untouched. Panduan only ever replaces a folder it
//! created (it carries a marker file), and refuses output paths that are, or contain,
//! the project, its content or theme, the home folder or `/`.

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
use crate::render::{Contents, OutputFile};

/// The marker file in every output folder Panduan writes.
pub const MARKER: &str = ".panduan-output";

const MARKER_TEXT: &str = "This folder was written by Panduan and is replaced on every build.\n";

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
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
    let out = resolve(out);
    let refuse = |reason: String| {
        Err(Error::RefusedOutput {
            path: out.clone(),
            reason,
        })
    };
    let root = resolve(&config.root);
    let mut precious: Vec<(PathBuf, &str)> = vec![
        (root.clone(), "the project folder"),
        (resolve(&config.content_dir()), "the `content/` folder"),
        (resolve(&config.root.join("themes")), "the `themes/` folder"),
    ];
    if let Some(theme) = &config.theme {
        precious.push((resolve(theme), "the theme folder"));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        precious.push((resolve(Path::new(&home)), "your home folder"));
    }
    if out.parent().is_none() {
        return refuse("it is the root of the file system".into());
    }
    for (path, what) in &precious {
        if &out == path {
            return refuse(format!("it is {what}"));
        }
        if path.starts_with(&out) {
            return refuse(format!("it contains {what}"));
        }
    }
    for (path, what) in &precious[1..3] {
        if out.starts_with(path) {
            return refuse(format!("it is inside {what}"));
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("it is a file, not a folder".into());
        }
        let is_ours = out.join(MARKER).is_file();
        let is_empty = fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !is_ours && !is_empty {
            return refuse(format!(
                "it is not empty and was not created by Panduan (no `{MARKER}` file in it); choose another folder or empty it yourself"
            ));
        }
    }
    Ok(())
}

/// Writes `files` to `out`, replacing its previous contents atomically.
pub fn write(config: &Config, files: &[OutputFile], out: &Path) -> Result<Written> {
    let writer = Writer::begin(config, out)?;
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
    /// Folders made so far inside `tmp`.
    dirs: Mutex<HashSet<PathBuf>>,
    files: AtomicUsize,
    bytes: AtomicU64,
    finished: bool,
}

impl Writer {
    /// Checks `out` (see [`check_target`]) and starts a temporary folder beside it.
    pub fn begin(config: &Config, out: &Path) -> Result<Writer> {
        check_target(config, out)?;
        let parent = out
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from("."));
        fs::create_dir_all(&parent).map_err(|source| Error::Write {
            path: parent.clone(),
            source,
        })?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "book".into());
        remove_stale(&parent, &name);
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
            dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            finished: false,
        };
        fs::create_dir_all(&writer.tmp).map_err(|source| Error::Write {
            path: writer.tmp.clone(),
            source,
        })?;
        // The marker first: a half-written folder left by a killed build is recognisably ours.
        let marker = writer.tmp.join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(|source| Error::Write {
            path: marker,
            source,
        })?;
        Ok(writer)
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
                fs::create_dir_all(dir).map_err(|source| Error::Write {
                    path: dir.to_path_buf(),
                    source,
                })?;
                self.dirs
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(dir.to_path_buf());
            }
        }
        let err = |source| Error::Write {
            path: path.clone(),
            source,
        };
        let size = match &f.contents {
            Contents::Bytes(bytes) => {
                let mut file = fs::File::create(&path).map_err(err)?;
                file.write_all(bytes).map_err(err)?;
                bytes.len() as u64
            }
            Contents::Copy(source) => fs::copy(source, &path).map_err(|e| Error::Read {
                path: source.clone(),
                source: e,
            })?,
        };
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
        Ok(())
    }

    /// Puts the finished folder in place of the output.
    pub fn finish(mut self) -> Result<Written> {
        swap(&self.tmp, &self.out, &self.parent, &self.name)?;
        self.finished = true;
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.finished && self.tmp.exists() {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Moves the finished folder into place; the old output is removed only afterwards.
fn swap(tmp: &Path, out: &Path, parent: &Path, name: &str) -> Result<()> {
    if !out.exists() {
        return fs::rename(tmp, out).map_err(|source| Error::Write {
            path: out.to_path_buf(),
            source,
        });
    }
    let old = parent.join(format!(".{name}.panduan-old-{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|source| Error::Write {
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
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Removes temporary folders left by builds that were killed, if they are ours.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!(".{name}.panduan-tmp-"),
        format!(".{name}.panduan-old-"),
    ];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str()))
            && entry.path().join(MARKER).is_file()
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Removes the output folder, if it is one Panduan wrote.
pub fn clean(config: &Config, out: &Path) -> Result<bool> {
    if !out.exists() {
        return Ok(false);
    }
    check_target(config, out)?;
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

/// Writes the site as one zip file with a single top folder (`top/index.html`, …), ready
/// to unzip and open. Entries are sorted and timestamps fixed, so the same site gives
/// the same bytes. The zip is written beside its final name and renamed into place, and
/// an existing file is only replaced if it is a zip.
pub fn zip(files: &[OutputFile], path: &Path, top: &str) -> Result<u64> {
    use zip::write::SimpleFileOptions;
    if path.is_dir() {
        return Err(Error::RefusedOutput {
            path: path.to_path_buf(),
            reason: "it is a folder; name a `.zip` file".into(),
        });
    }
    if path.is_file() {
        let mut head = [0u8; 4];
        let is_zip = fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && &head[..2] == b"PK";
        if !is_zip {
            return Err(Error::RefusedOutput {
                path: path.to_path_buf(),
                reason: "a file that is not a zip is already there".into(),
            });
        }
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let tmp = path.with_extension("zip.panduan-tmp");
    let write = || -> std::io::Result<u64> {
        let file = fs::File::create(&tmp)?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let mut dirs: Vec<String> = vec![format!("{top}/")];
        for f in files {
            let mut dir = String::new();
            for part in f
                .path
                .split('/')
                .rev()
                .skip(1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                dir.push_str(part);
                dir.push('/');
                dirs.push(format!("{top}/{dir}"));
            }
        }
        dirs.sort();
        dirs.dedup();
        let mut entries: Vec<(String, Option<&OutputFile>)> =
            dirs.into_iter().map(|d| (d, None)).collect();
        entries.extend(files.iter().map(|f| (format!("{top}/{}", f.path), Some(f))));
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, file) in entries {
            match file {
                None => zip.add_directory(name, options.unix_permissions(0o755))?,
                Some(f) => {
                    zip.start_file(name, options)?;
                    match &f.contents {
                        Contents::Bytes(bytes) => zip.write_all(bytes)?,
                        Contents::Copy(source) => {
                            let mut src = fs::File::open(source)?;
                            std::io::copy(&mut src, &mut zip)?;
                        }
                    }
                }
            }
        }
        let mut inner = zip.finish().map_err(std::io::Error::other)?;
        inner.flush()?;
        Ok(inner.get_ref().metadata()?.len())
    };
    match write() {
        Ok(size) => {
            fs::rename(&tmp, path).map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
            Ok(size)
        }
        Err(source) => {
            let _ = fs::remove_file(&tmp);
            Err(Error::Write {
                path: path.to_path_buf(),
                source,
            })
        }
    }
}
