//! `panduan theme eject [DIR]`: copy the built-in theme (the one compiled into the
//! binary) into a folder, for an agency that wants full control of it. It never
//! overwrites a file: one that is already there is kept and listed as kept.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use panduan::cli::{EjectArgs, ThemeCommand};
use panduan::diagnostic::display_path;
use panduan::render::theme::{DEFAULT_I18N, DEFAULT_STATIC, DEFAULT_TEMPLATES};
use panduan::{Error, Result};

use super::console::outln;
use super::project;

/// Runs a `theme` subcommand.
pub(crate) fn run(command: ThemeCommand) -> Result<ExitCode> {
    match command {
        ThemeCommand::Eject(args) => eject(args),
    }
}

/// Writes every file of the built-in theme below the folder, keeping any that exists.
fn eject(args: EjectArgs) -> Result<ExitCode> {
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // In the handbook's folder when there is one, else here.
    let root = here.join(project::root(&args.root).unwrap_or_else(|_| here.clone()));
    let dir = args.dir.unwrap_or_else(|| root.join("themes/custom"));
    // Shown from here, as typed; named in book.toml from the handbook's folder.
    let dir = dir
        .strip_prefix(&here)
        .map_or(dir.clone(), Path::to_path_buf);
    let absolute = here.join(&dir);
    let setting = absolute
        .strip_prefix(&root)
        .map_or_else(|_| display_path(&dir), display_path);
    let files = DEFAULT_TEMPLATES
        .iter()
        .chain(DEFAULT_STATIC)
        .chain(DEFAULT_I18N)
        .chain(panduan::pdf::DEFAULT_TYPST)
        .chain(panduan::serve::edit::DEFAULT_EDITOR);
    for (rel, text) in files {
        let path = dir.join(rel);
        if write_new(&path, text.as_bytes())? {
            outln!(
                "  {}",
                panduan::t!("init-created", path = display_path(&path))
            );
        } else {
            outln!("  {}", panduan::t!("init-kept", path = display_path(&path)));
        }
    }
    let shown = display_path(&dir);
    outln!(
        "{}",
        panduan::t!("theme-ejected", dir = &shown, setting = setting)
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to a new file at `path`; `false` when a file is there already
/// (`create_new`, so that one appearing meanwhile is never overwritten either).
fn write_new(path: &Path, bytes: &[u8]) -> Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut file) => file
            .write_all(bytes)
            .map(|()| true)
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(source) => Err(Error::Write {
            path: path.to_path_buf(),
            source,
        }),
    }
}
