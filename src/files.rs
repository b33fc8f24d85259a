//! The files a build makes (a leaf): [`OutputFile`], where each goes as soon as it is
//! made ([`Emit`]), and the check that no two share a path. Every stage that makes
//! files (`render`, `search`, `epub`, `pdf`, `downloads`) and every one that takes them
//! (`output`, `serve`) names them here, so none has to climb to another stage for them.

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The marker file in every output folder Panduan writes (`output` writes it; the
/// downloads step reads the previous output only where it is).
pub const OUTPUT_MARKER: &str = ".panduan-output";

/// The body of an output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// Copy this file from the project as it is.
    Copy(PathBuf),
}

/// One file of the output, at a `/`-separated path below the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: Contents,
}

impl OutputFile {
    /// A file of these bytes at `path`.
    pub fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }
}

/// Files gathered in memory from any thread (`serve` keeps its site in memory).
#[derive(Debug, Default)]
pub struct Collected(std::sync::Mutex<Vec<OutputFile>>);

impl Collected {
    /// Adds one file; never fails (the signature is that of [`Emit`]).
    pub fn push(&self, file: OutputFile) -> Result<()> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
        Ok(())
    }

    /// The files, sorted by path.
    pub fn sorted(self) -> Vec<OutputFile> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

/// Where rendered files go as soon as they are made (straight to disk for `build`, so
/// that the whole site is never in memory at once).
pub type Emit<'a> = dyn Fn(OutputFile) -> Result<()> + Sync + 'a;

/// The folder a build writes into before it replaces the output (`output::Writer`), as
/// the steps after rendering see it: they add files, read back what was written, list
/// it (for the offline zip) and write one large file straight into it.
pub trait Staging: Sync {
    /// Writes one file (from any thread).
    fn put(&self, file: &OutputFile) -> Result<()>;
    /// Reads back a file written so far (`id/index.html`).
    fn read(&self, rel: &str) -> Result<Vec<u8>>;
    /// Every file written so far, each as a file to copy, sorted by path.
    fn staged(&self) -> Result<Vec<OutputFile>>;
    /// Where the file `rel` is to be written by someone else (its folder made).
    fn staged_path(&self, rel: &str) -> Result<PathBuf>;
    /// Counts a file of `bytes` written at a [`Staging::staged_path`].
    fn count(&self, bytes: u64);
}

/// Checks that no two output files share a path (case-insensitively, which breaks on
/// Windows and macOS).
pub fn check_unique_paths<'a>(paths: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for path in paths {
        if let Some(other) = seen.insert(path.to_lowercase(), path) {
            return Err(Error::Msg(crate::msg!(
                "output-files-clash",
                path = path,
                other = other
            )));
        }
    }
    Ok(())
}

/// What a failed build leaves of the previous output (or zip), in words.
/// `what` is `output` or `zip file`.
pub fn after_failure(had_previous: bool, what: &str) -> String {
    match (had_previous, what) {
        (false, _) => crate::t!("after-nothing"),
        (true, "output") => crate::t!("after-kept"),
        (true, _) => crate::t!("after-kept-zip"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_paths_pass() {
        let paths = [
            "index.html",
            "id/index.html",
            "en/index.html",
            "id/a/index.html",
        ];
        assert!(check_unique_paths(paths).is_ok());
    }

    #[test]
    fn two_paths_that_differ_only_in_case_are_refused_with_both_named() {
        let paths = [
            "id/Panduan/index.html",
            "en/index.html",
            "id/panduan/index.html",
        ];
        let message = check_unique_paths(paths).expect_err("a clash").to_string();
        assert!(
            message.contains("`id/panduan/index.html` (and `id/Panduan/index.html`)"),
            "{message}"
        );
        assert!(check_unique_paths(["a.html", "b.html", "a.html"]).is_err());
    }
}

/// Replaces `file` with `bytes` so that it is never seen half-written: the bytes go to a
/// new temporary file beside it, which is then renamed over it. The temporary file is
/// created exclusively (`create_new`) under a name no one can guess, so a file or a
/// symbolic link planted under that name is never followed or written through. Its
/// name starts with `.`, so neither the loader nor `serve`'s watcher takes it for a
/// page. A file whose old permissions can be read keeps them.
pub fn replace_atomically(file: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(file).ok().map(|m| m.permissions());
    let mut attempt = 0u32;
    let (tmp, mut out) = loop {
        let mut salt = [0u8; 8];
        getrandom::fill(&mut salt).map_err(std::io::Error::other)?;
        let salt: String = salt.iter().map(|b| format!("{b:02x}")).collect();
        let tmp = file.with_file_name(format!(".{name}.{salt}.panduan-tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(out) => break (tmp, out),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        out.write_all(bytes)?;
        if let Some(permissions) = permissions {
            out.set_permissions(permissions)?;
        }
        out.sync_all()?;
        drop(out);
        rename_over(&tmp, file)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `std::fs::rename`, tried again for a moment when Windows refuses because another
/// program (an editor, an antivirus, a sync tool) holds the file open.
fn rename_over(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    let mut wait = std::time::Duration::from_millis(20);
    for _ in 0..6 {
        match std::fs::rename(from, to) {
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                std::thread::sleep(wait);
                wait *= 2;
            }
            other => return other,
        }
    }
    std::fs::rename(from, to)
}

#[cfg(all(test, unix))]
mod replace_tests {
    use super::replace_atomically;

    #[test]
    fn issue_27_a_planted_link_is_never_written_through() {
        let dir = std::env::temp_dir().join(format!("panduan-replace-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let page = dir.join("page.md");
        std::fs::write(&page, "old").expect("write");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "safe").expect("write");
        // The names of the old fixed temporary files, linked to the victim.
        for planted in [
            ".page.md.panduan-edit",
            "page.md.panduan-tmp",
            ".page.md.panduan-tmp",
        ] {
            std::os::unix::fs::symlink(&victim, dir.join(planted)).expect("a link");
        }
        replace_atomically(&page, b"new").expect("replaced");
        assert_eq!(std::fs::read(&page).expect("read"), b"new");
        assert!(
            !std::fs::symlink_metadata(&page)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&victim).expect("read"), b"safe");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
