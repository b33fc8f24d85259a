//! `panduan completions SHELL`: the shell completion script, generated from the
//! argument definitions in `panduan::cli`.

use std::process::ExitCode;

use clap::CommandFactory;
use panduan::Result;
use panduan::cli::{Cli, CompletionsArgs};

/// Prints the script on stdout.
pub(crate) fn run(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "panduan", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
