//! `panduan new`: create a page, or a translation stub with `--translate-from`.

use std::process::ExitCode;

use panduan::cli::NewArgs;
use panduan::diagnostic::display_path;
use panduan::{BuildOptions, Result};

use super::console::outln;
use super::project;

/// Writes the page and names it (relative to the project root).
pub(crate) fn run(args: NewArgs) -> Result<ExitCode> {
    let options = BuildOptions {
        root: project::root(&args.root)?,
        ..Default::default()
    };
    let from = args.translate_from.as_deref();
    let written = panduan::new::new_page(&options, &args.path, from)?;
    outln!(
        "{}",
        panduan::t!(
            "new-created",
            path = display_path(&panduan::load::relative_to(&written, &options.root))
        )
    );
    if from.is_some() {
        outln!("{}", panduan::t!("new-translate-next"));
    }
    Ok(ExitCode::SUCCESS)
}
