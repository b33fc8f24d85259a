//! The `panduan` binary: parse the arguments, run the command (one file per command in
//! `cmd/`), report a failure with its causes, return the exit code. The work is in the
//! library; the binary only turns its results into text.

mod cmd;

use std::process::ExitCode;

use clap::Parser;
use panduan::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            cmd::report::error(&e);
            ExitCode::from(e.exit_code())
        }
    };
    cmd::console::exit_code(code)
}

/// Runs one command; `Err` is for failures to run (exit code from [`panduan::Error`]).
fn run(command: Command) -> panduan::Result<ExitCode> {
    match command {
        Command::Build(args) => cmd::build::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Watch(args) => cmd::watch::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Translated(args) => cmd::translated::run(args),
        Command::Status(args) => cmd::status::run(args),
        Command::Clean(args) => cmd::clean::run(args),
        Command::Completions(args) => cmd::completions::run(args),
    }
}
