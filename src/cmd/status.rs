//! `panduan status`: the table of every page's translation state in every language;
//! with `--strict`, exit 1 if any is missing, outdated or a stub.

use std::process::ExitCode;

use panduan::cli::StatusArgs;
use panduan::status::Table;
use panduan::{BuildOptions, Result};

use super::console::out;
use super::project;

/// Loads the handbook and prints its [`Table`] on stdout.
pub(crate) fn run(args: StatusArgs) -> Result<ExitCode> {
    let options = BuildOptions {
        root: project::root(&args.root)?,
        ..Default::default()
    };
    let (site, _) = panduan::load_site(&options)?;
    let table = Table::new(&site);
    out!("{table}");
    Ok(ExitCode::from(
        table.exit_code(super::strictness(args.strict)),
    ))
}
