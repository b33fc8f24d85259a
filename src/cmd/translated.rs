//! `panduan translated`: record a reviewed translation (or, with `--all`, every one made
//! by hand) as up to date with its source.

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
    let Some(path) = args.path.filter(|_| !args.all) else {
        let marked = panduan::new::mark_all_untracked(&options)?;
        for (page, source) in &marked {
            outln!(
                "{}",
                panduan::t!(
                    "translated-recorded",
                    page = page.to_string(),
                    source = source.to_string()
                )
            );
        }
        outln!("{}", panduan::t!("translated-all", count = marked.len()));
        return Ok(ExitCode::SUCCESS);
    };
    let source = panduan::new::mark_translated(&options, &path, args.from.as_deref())?;
    outln!(
        "{}",
        panduan::t!(
            "translated-recorded",
            page = display_path(&path),
            source = source.to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}
