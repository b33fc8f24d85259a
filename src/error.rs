//! Errors that stop a command: I/O, configuration, templates, refused output paths, and
//! the collected content diagnostics. Content problems are [`Diagnostic`]s and travel
//! together in [`Error::Content`]; everything else stops at once.

use std::io;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, display_path};

/// Why a command could not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read `{}`", display_path(.path))]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write `{}`", display_path(.path))]
    Write { path: PathBuf, source: io::Error },
    /// `book.toml` (or another configuration file) is invalid; the diagnostic says where.
    #[error("{0}")]
    Config(Box<Diagnostic>),
    /// A theme template failed to parse or render.
    #[error("{message}")]
    Template { message: String },
    /// The output directory is not one Panduan may write to.
    #[error("refusing to use `{}` as the output directory: {reason}", display_path(.path))]
    RefusedOutput { path: PathBuf, reason: String },
    /// Problems in the content, all collected; at least one is an error.
    #[error("{} error(s) in the content", .0.iter().filter(|d| d.is_error()).count())]
    Content(Vec<Diagnostic>),
    #[error("{0}")]
    Other(String),
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
