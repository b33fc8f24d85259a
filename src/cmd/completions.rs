//! `panduan completions SHELL`: the shell completion script, generated from the
//! argument definitions in `panduan::cli`.

use std::process::ExitCode;

use clap::CommandFactory;
use panduan::Result;
use panduan::cli::{Cli, CompletionsArgs};

/// Prints the script on stdout.
pub(crate) fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = Cli::command();
    // Into memory first: `generate` panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "panduan", &mut script);
    super::console::write_bytes(&script);
    Ok(ExitCode::SUCCESS)
}
