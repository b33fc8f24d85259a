//! The `panduan` binary: parse the arguments, run the command (one file per command in
//! `cmd/`), report a failure with its causes, return the exit code. The work is in the
//! library; the binary only turns its results into text.

mod cmd;

use std::process::ExitCode;

use clap::FromArgMatches;
use panduan::cli::{Cli, Command};
use panduan::i18n::{self, Source};

fn main() -> ExitCode {
    // The language of the messages: `--lang`, `PANDUAN_LANG`, `[book] messages`, the
    // locale (README, "Messages in your language"). `--help` is printed while the
    // arguments are parsed, before any book.toml is read: it follows only the option
    // and the environment.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let option = option_value(&args, "--lang");
    let env = |name: &str| std::env::var(name).ok();
    let (lang, source) = i18n::choose(option.as_deref(), None, env);
    i18n::set(lang);
    let matches = match panduan::cli::command_in(lang).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) if lang != i18n::Lang::En && is_help(&e) => {
            let text = panduan::cli::localize_help_text(lang, &e.render().to_string());
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(e) => return usage_error(lang, &e, &args),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(lang, &e, &args),
    };
    if source > Source::Book {
        let root = option_value(&args, "--root").map(std::path::PathBuf::from);
        if let Some(book) = book_messages(root) {
            i18n::set(i18n::choose(None, Some(&book), env).0);
        }
    }
    let code = match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            cmd::report::error(&e);
            ExitCode::from(e.exit_code())
        }
    };
    cmd::console::exit_code(code)
}

/// Says what is wrong with the command line, in the user's language, and what to do
/// (clap's own text for the version and the help); exits with clap's code (2).
fn usage_error(lang: i18n::Lang, e: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    match panduan::cli::explain_error(lang, e, args) {
        Some(text) => {
            eprint!("{text}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
        None => e.exit(),
    }
}

/// Whether clap stopped to show the help (asked for, or a command was missing).
fn is_help(e: &clap::Error) -> bool {
    use clap::error::ErrorKind;
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// The value of option `name` (`--name VALUE` or `--name=VALUE`) in `args`, read
/// before clap parses them.
fn option_value(args: &[std::ffi::OsString], name: &str) -> Option<String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == name {
            return it.next().map(|v| v.into_owned());
        }
        if let Some(v) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(v.to_string());
        }
    }
    None
}

/// `[book] messages` of the handbook the command works on (`--root`, else the nearest
/// book.toml from here up), if it says one.
fn book_messages(root: Option<std::path::PathBuf>) -> Option<String> {
    let root = match root {
        Some(root) => root,
        None => panduan::find_root(&std::env::current_dir().ok()?)?,
    };
    let text = std::fs::read_to_string(root.join(panduan::config::CONFIG_FILE)).ok()?;
    panduan::config::peek_messages(&text)
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
        Command::Theme(command) => cmd::theme::run(command),
        Command::Completions(args) => cmd::completions::run(args),
    }
}
