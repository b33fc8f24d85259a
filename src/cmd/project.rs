//! Where the handbook is: `--root DIR`, else the nearest folder from here up that holds
//! a `book.toml`.

use std::path::PathBuf;

use panduan::Error;
use panduan::cli::RootArg;

/// The project root the command works on.
pub(crate) fn root(arg: &RootArg) -> Result<PathBuf, Error> {
    if let Some(root) = &arg.root {
        return Ok(root.clone());
    }
    let here = std::env::current_dir().map_err(|e| {
        Error::Msg(panduan::msg!(
            "current-folder-unreadable",
            detail = e.to_string()
        ))
    })?;
    panduan::find_root(&here).ok_or_else(|| Error::Msg(panduan::msg!("no-book-toml")))
}
