//! Errors that stop a command: I/O, configuration, templates, refused output paths, and
//! the collected content diagnostics. Content problems are [`Diagnostic`]s and travel
//! together in [`Error::Content`]; everything else stops at once.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, display_path};

/// Why a command could not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", crate::t!("error-read", path = display_path(.path)))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}", crate::t!("error-write", path = display_path(.path)))]
    Write { path: PathBuf, source: io::Error },
    /// `book.toml` (or another configuration file) is invalid; the diagnostic says where.
    #[error("{0}")]
    Config(Box<Diagnostic>),
    /// A theme template failed to parse or render.
    #[error("{message}")]
    Template { message: String },
    /// The output directory is not one Panduan may write to.
    #[error("{}", crate::t!("error-refused-output", path = display_path(.path), reason = reason))]
    RefusedOutput { path: PathBuf, reason: String },
    /// The `--zip` file may not be written there.
    #[error("{}", crate::t!("error-refused-zip", path = display_path(.path), reason = reason))]
    RefusedZip { path: PathBuf, reason: String },
    /// Problems in the content, all collected; at least one is an error.
    #[error("{}", crate::t!("error-content", count = .0.iter().filter(|d| d.is_error()).count()))]
    Content(Vec<Diagnostic>),
    /// The disk filled up while writing the output (or the zip); whatever was half
    /// written is removed.
    #[error("{}", crate::t!("error-disk-full", shown = shown, after = after))]
    DiskFull {
        /// The file, as the user knows it (`book/id/index.html`).
        shown: String,
        /// What is left: `the previous output was kept` or `nothing was written`.
        after: String,
    },
    /// A catalogued message (with its `.help` line, if the catalogue has one).
    #[error("{}", show_msg(.0))]
    Msg(crate::i18n::Msg),
    #[error("{0}")]
    Other(String),
}

/// A message and its help line, as an error shows them.
fn show_msg(m: &crate::i18n::Msg) -> String {
    let lang = crate::i18n::current();
    match m.attr_in(lang, "help") {
        Some(help) => format!(
            "{}{}",
            m.format_in(lang),
            crate::diagnostic::help_line(help)
        ),
        None => m.format_in(lang),
    }
}

/// Whether `e` says the disk (or the user's quota) is full.
pub fn is_disk_full(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    )
}

impl Error {
    /// The process exit code: 1 for problems in the content, 2 when Panduan could not run.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) => 1,
            _ => 2,
        }
    }
}

/// Result with Panduan's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
