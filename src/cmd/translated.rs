//! `panduan translated`: record a reviewed translation as up to date with its source.

use std::process::ExitCode;

use panduan::cli::TranslatedArgs;
use panduan::diagnostic::display_path;
use panduan::{BuildOptions, Result};

use super::console::outln;
use super::project;

/// Updates the page's translation record and names its source.
pub(crate) fn run(args: TranslatedArgs) -> Result<ExitCode> {
    let options = BuildOptions {
        root: project::root(&args.root)?,
        ..Default::default()
    };
    let source = panduan::new::mark_translated(&options, &args.path, args.from.as_deref())?;
    outln!(
        "{} is now recorded as up to date with {source}",
        display_path(&args.path)
    );
    Ok(ExitCode::SUCCESS)
}
