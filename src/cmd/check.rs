//! `panduan check`: every check, printed as the human report or as JSON; exit 1 on
//! errors, or on warnings with `--strict`.

use std::process::ExitCode;

use panduan::cli::{CheckArgs, Format};
use panduan::{BuildOptions, Result};

use super::console::outln;
use super::project;

/// Checks and prints the report on stdout.
pub(crate) fn run(args: CheckArgs) -> Result<ExitCode> {
    let options = BuildOptions {
        root: project::root(&args.root)?,
        drafts: args.drafts,
        ..Default::default()
    };
    let report = panduan::check::run(&options)?;
    match args.format {
        Format::Human => outln!("{report}"),
        Format::Json => outln!("{}", report.to_json()),
    }
    Ok(ExitCode::from(
        report.exit_code(super::strictness(args.strict)),
    ))
}
