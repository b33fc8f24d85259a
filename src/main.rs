//! The `panduan` binary: parse arguments, call the library, print, return an exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use panduan::cli::{BuildArgs, Cli, Command, RootArg};
use panduan::diagnostic::Diagnostic;
use panduan::{BuildOptions, Error, config};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            report_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Build(args) => build(args),
        Command::Init { dir } => {
            let created = panduan::init::run(&dir)?;
            for path in &created.written {
                println!("  created {}", panduan::diagnostic::display_path(path));
            }
            for path in &created.skipped {
                println!(
                    "  kept    {} (already there)",
                    panduan::diagnostic::display_path(path)
                );
            }
            println!(
                "A bilingual handbook is ready in `{}`. Next: cd there and run `panduan build`.",
                panduan::diagnostic::display_path(&dir)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Clean { root } => {
            let root = project_root(&root)?;
            let config = config::read(&root, &config::Overrides::default())?;
            let shown = panduan::output::shown(&config, &config.output);
            if panduan::output::clean(&config, &config.output)? {
                println!("removed {shown}/");
            } else {
                println!("nothing to remove: {shown}/ does not exist");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "panduan", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn project_root(arg: &RootArg) -> Result<PathBuf, Error> {
    if let Some(root) = &arg.root {
        return Ok(root.clone());
    }
    let here = std::env::current_dir()
        .map_err(|e| Error::Other(format!("cannot read the current folder: {e}")))?;
    panduan::find_root(&here).ok_or_else(|| {
        Error::Other(
            "no `book.toml` here or in any folder above\n  = help: run this inside a handbook, pass `--root DIR`, or start one with `panduan init`"
                .into(),
        )
    })
}

fn build(args: BuildArgs) -> Result<ExitCode, Error> {
    let root = project_root(&args.root)?;
    let options = BuildOptions {
        root,
        overrides: config::Overrides {
            output: args.out,
            base_url: args.base_url,
        },
        drafts: args.drafts,
        render: Default::default(),
    };
    let report = panduan::build(&options)?;
    print_diagnostics(&report.warnings);
    let per_lang: Vec<String> = report
        .pages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let total: usize = report.pages.iter().map(|(_, n)| n).sum();
    let warnings = report.warnings.len();
    println!(
        "built {total} pages ({}) into {}/ in {} ms: {} files, {} KiB, {warnings} warning{}",
        per_lang.join(", "),
        report.output_shown,
        report.elapsed.as_millis(),
        report.written.files,
        report.written.bytes.div_ceil(1024),
        if warnings == 1 { "" } else { "s" },
    );
    Ok(ExitCode::SUCCESS)
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "{d}");
    }
}

fn report_error(e: &Error) {
    match e {
        Error::Content(diagnostics) => {
            print_diagnostics(diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = diagnostics.len() - errors;
            eprintln!(
                "error: the build failed with {errors} error{} and {warnings} warning{}; the previous output was kept",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            );
        }
        Error::Config(d) => eprintln!("{d}"),
        other => {
            eprintln!("error: {other}");
            let mut source = std::error::Error::source(other);
            while let Some(s) = source {
                eprintln!("caused by: {s}");
                source = s.source();
            }
        }
    }
}
