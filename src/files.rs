//! The files a build makes (a leaf): [`OutputFile`], where each goes as soon as it is
//! made ([`Emit`]), and the check that no two share a path. Every stage that makes
//! files (`render`, `search`, `epub`, `pdf`, `downloads`) and every one that takes them
//! (`output`, `serve`) names them here, so none has to climb to another stage for them.

use std::path::PathBuf;

use crate::error::{Error, Result};

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
