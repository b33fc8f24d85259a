//! `panduan clean`: remove the output folder, only if Panduan made it.

use std::process::ExitCode;

use panduan::cli::CleanArgs;
use panduan::{Result, config, output};

use super::console::outln;
use super::project;

/// Removes the output folder named in `book.toml`, or says it is not there.
pub(crate) fn run(args: CleanArgs) -> Result<ExitCode> {
    let root = project::root(&args.root)?;
    let config = config::read(&root, &config::Overrides::default())?;
    let shown = output::shown(&config, &config.output);
    if output::clean(&config, &config.output)? {
        outln!("{}", panduan::t!("clean-removed", out = &shown));
    } else {
        outln!("{}", panduan::t!("clean-nothing", out = &shown));
    }
    Ok(ExitCode::SUCCESS)
}
