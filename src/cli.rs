//! Command-line arguments (clap). Only the shape of the commands lives here; the
//! binary runs each one through the library (`src/cmd/<command>.rs`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::i18n::{self, Lang};

/// Panduan: bilingual handbooks from Markdown, for reading online and offline.
#[derive(Debug, Parser)]
#[command(
    name = "panduan",
    version,
    about,
    after_help = "Examples:\n  panduan build                      build the handbook here into book/\n  panduan build --base-url https://example.org/panduan/\n  panduan init my-handbook           start a new bilingual handbook\n  panduan clean                      remove the built book/\n\nExit codes: 0 success, 1 problems in the content, 2 could not run."
)]
pub struct Cli {
    /// The language of Panduan's messages: `id` (Indonesian) or `en` (English).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["id", "en"], hide_possible_values = true)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

/// The command line with its help in `lang`: the English help is the text above (the
/// English catalogue holds the same words, a test keeps them equal); in another
/// language every `about`, option help, example block and clap's own headings come
/// from the catalogue (`cli-…` ids).
/// The help and usage as clap printed them, with the words clap keeps to itself
/// (`[OPTIONS]`) in `lang`.
pub fn localize_help_text(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        _ => text.replace(
            "[OPTIONS]",
            &format!("[{}]", i18n::format(lang, "cli-value-options", None, &[])),
        ),
    }
}

pub fn command_in(lang: Lang) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    if lang == Lang::En {
        return command;
    }
    localize(command, "cli", lang, true)
}

/// `command` (named by catalogue prefix `prefix`) and its subcommands in `lang`.
fn localize(mut command: clap::Command, prefix: &str, lang: Lang, top: bool) -> clap::Command {
    let text = |id: String| i18n::try_format(lang, &id, None, &[]);
    if let Some(about) = text(format!("{prefix}-about")) {
        command = command.about(about);
    }
    if let Some(after) = text(format!("{prefix}-after")) {
        command = command.after_help(after);
    }
    let options = i18n::format(lang, "cli-heading-options", None, &[]);
    let arguments = i18n::format(lang, "cli-heading-arguments", None, &[]);
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = text(format!("{prefix}-arg-{id}")).or_else(|| text(format!("cli-arg-{id}")));
        let heading = if positional { &arguments } else { &options };
        command = command.mut_arg(&id, |a| {
            let a = a.help_heading(heading.clone());
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let usage = i18n::format(lang, "cli-heading-usage", None, &[]);
    command = command
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(i18n::format(lang, "cli-arg-help", None, &[]))
                .help_heading(options.clone()),
        )
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(i18n::format(lang, "cli-heading-commands", None, &[]))
        .subcommand_value_name(i18n::format(lang, "cli-value-command", None, &[]));
    if top {
        command = command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(i18n::format(lang, "cli-arg-version", None, &[]))
                .help_heading(options),
        );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let inner = format!("{prefix}-{name}");
        command = command.mut_subcommand(&name, |s| localize(s, &inner, lang, false));
    }
    if top {
        // clap adds its `help` command when the tree is built: build it, then give
        // that command its description too.
        command.build();
        if let Some(about) = text("cli-help-about".to_string()) {
            command = help_about(command, &about);
        }
    }
    command
}

/// A mistake on the command line in `lang`, in plain words with what to do (issue #26):
/// `error: …` and its `help:` line, as Panduan prints every failure, in place of clap's
/// own English. `args` are the arguments as given (to name the command they are for).
/// `None` for what is not a mistake (the help, the version).
pub fn explain_error(lang: Lang, e: &clap::Error, args: &[std::ffi::OsString]) -> Option<String> {
    let (message, help) = error_words(lang, e, args)?;
    Some(format!(
        "{}: {message}\n  = {}: {help}\n",
        crate::diagnostic::Level::Error.word_in(lang),
        crate::diagnostic::help_word(lang)
    ))
}

/// The message and the help line of [`explain_error`].
fn error_words(
    lang: Lang,
    e: &clap::Error,
    args: &[std::ffi::OsString],
) -> Option<(String, String)> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let root = command_in(lang);
    let (command, sub) = command_path(&root, args);
    let name = command.join(" ");
    let say = |id: &str, attr: Option<&str>, args: &[(&'static str, i18n::Arg)]| {
        i18n::format(lang, id, attr, args)
    };
    let text = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => s.first().cloned(),
        _ => None,
    };
    let list = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let ticked = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let more = || say("cli-see-help", None, &[("command", name.as_str().into())]);
    let words = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::InvalidSubcommand => {
            let word = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            let commands: Vec<String> = sub
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .filter(|c| c != "help")
                .collect();
            let nearest = text(ContextKind::SuggestedSubcommand);
            let a = vec![
                ("word", word.into()),
                ("command", name.as_str().into()),
                ("commands", ticked(&commands).into()),
                ("nearest", nearest.clone().unwrap_or_default().into()),
            ];
            let help = match nearest {
                Some(_) => say("cli-unknown-command", Some("help-nearest"), &a),
                None => say("cli-unknown-command", Some("help"), &a),
            };
            (say("cli-unknown-command", None, &a), help)
        }
        ErrorKind::UnknownArgument => {
            let word = text(ContextKind::InvalidArg).unwrap_or_default();
            let nearest = text(ContextKind::SuggestedArg);
            let a = vec![
                ("word", word.as_str().into()),
                ("command", name.as_str().into()),
                ("nearest", nearest.clone().unwrap_or_default().into()),
            ];
            if word.starts_with('-') {
                // An option of another command (`panduan build --open`) is named there.
                let elsewhere = commands_with_option(&root, &word);
                let mut a = a;
                a.push(("elsewhere", elsewhere.join(", ").into()));
                let help = match (nearest, elsewhere.is_empty()) {
                    (_, false) => say("cli-unknown-option", Some("help-elsewhere"), &a),
                    (Some(_), true) => say("cli-unknown-option", Some("help-nearest"), &a),
                    (None, true) => say("cli-unknown-option", Some("help"), &a),
                };
                (say("cli-unknown-option", None, &a), help)
            } else {
                // A word too many: a name with a space, if the command takes names.
                let attr = match sub.get_positionals().next() {
                    Some(_) => "help",
                    None => "help-options",
                };
                (
                    say("cli-unexpected-word", None, &a),
                    say("cli-unexpected-word", Some(attr), &a),
                )
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let shown = text(ContextKind::InvalidArg).unwrap_or_default();
            let option = shown.split(['=', ' ']).next().unwrap_or(&shown).to_string();
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let valid = list(ContextKind::ValidValue);
            let nearest = text(ContextKind::SuggestedValue);
            let expected = expected_value(lang, &sub, &option);
            let a = vec![
                ("option", option.as_str().into()),
                ("shown", shown.as_str().into()),
                ("value", value.as_str().into()),
                ("valid", ticked(&valid).into()),
                ("nearest", nearest.clone().unwrap_or_default().into()),
                ("expected", expected.clone().unwrap_or_default().into()),
                ("command", name.as_str().into()),
            ];
            if value.is_empty() {
                (
                    say("cli-missing-value", None, &a),
                    say("cli-missing-value", Some("help"), &a),
                )
            } else {
                let attr = match (&nearest, valid.is_empty(), &expected) {
                    (Some(_), _, _) => "help-nearest",
                    (None, false, _) => "help",
                    (None, true, Some(_)) => "help-expect",
                    (None, true, None) => "help-other",
                };
                (
                    say("cli-invalid-value", None, &a),
                    say("cli-invalid-value", Some(attr), &a),
                )
            }
        }
        ErrorKind::ArgumentConflict => {
            let option = text(ContextKind::InvalidArg).unwrap_or_default();
            let other = list(ContextKind::PriorArg);
            let a = vec![
                ("option", option.as_str().into()),
                ("other", ticked(&other).into()),
                ("command", name.as_str().into()),
            ];
            (
                say("cli-conflict", None, &a),
                say("cli-conflict", Some("help"), &a),
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = list(ContextKind::InvalidArg);
            let example = example_of(&sub, &name);
            // What the first missing argument is, in the words of its own help.
            let what = missing
                .first()
                .and_then(|m| {
                    sub.get_arguments().find(|a| {
                        a.get_value_names()
                            .is_some_and(|v| v.iter().any(|n| &format!("<{n}>") == m))
                            || m == &format!("<{}>", a.get_id().as_str().to_uppercase())
                    })
                })
                .and_then(|a| a.get_help())
                .map(|h| lower_first(&h.to_string()))
                .unwrap_or_else(|| ticked(&missing));
            let a = vec![
                ("command", name.as_str().into()),
                ("missing", ticked(&missing).into()),
                ("what", what.into()),
                ("example", example.clone().unwrap_or_default().into()),
            ];
            let help = match example {
                Some(_) => say("cli-missing-argument", Some("help"), &a),
                None => more(),
            };
            (say("cli-missing-argument", None, &a), help)
        }
        _ => (
            say(
                "cli-cannot-read",
                None,
                &[("command", name.as_str().into())],
            ),
            more(),
        ),
    };
    Some(words)
}

/// The words naming the command that `args` run (`["panduan", "theme", "eject"]`),
/// and that command.
fn command_path(root: &clap::Command, args: &[std::ffi::OsString]) -> (Vec<String>, clap::Command) {
    let mut names = vec![root.get_name().to_string()];
    let mut command = root.clone();
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            it.next();
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        match command.find_subcommand(arg.as_ref()) {
            Some(sub) if sub.get_name() != "help" => {
                names.push(sub.get_name().to_string());
                command = sub.clone();
            }
            _ => break,
        }
    }
    (names, command)
}

/// The commands (`panduan serve`, …) that have option `word` (`--port`, `--port=80`).
fn commands_with_option(root: &clap::Command, word: &str) -> Vec<String> {
    let long = word
        .trim_start_matches('-')
        .split('=')
        .next()
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut stack: Vec<(String, &clap::Command)> = vec![(root.get_name().to_string(), root)];
    while let Some((name, command)) = stack.pop() {
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let sub_name = format!("{name} {}", sub.get_name());
            if sub
                .get_arguments()
                .any(|a| !a.is_global_set() && a.get_long() == Some(long))
            {
                out.push(format!("`{sub_name}`"));
            }
            stack.push((sub_name, sub));
        }
    }
    out.sort();
    out
}

/// What option `option` (`--port`) of `command` takes, in words, when it is not one
/// of a list of values.
fn expected_value(lang: Lang, command: &clap::Command, option: &str) -> Option<String> {
    let long = option.trim_start_matches('-');
    let arg = command.get_arguments().find(|a| {
        a.get_long() == Some(long)
            || (a.is_positional()
                && a.get_value_names()
                    .is_some_and(|v| v.iter().any(|n| format!("<{n}>") == option)))
    })?;
    i18n::try_format(lang, &format!("cli-expect-{}", arg.get_id()), None, &[])
}

/// `text` with a small first letter (a help line used inside a sentence).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first example in the help of `command` (named `name`, `panduan new`), without
/// its comment: a line to type.
fn example_of(command: &clap::Command, name: &str) -> Option<String> {
    let after = command.get_after_help()?.to_string();
    let prefix = format!("{name} ");
    after
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(&prefix))
        .map(|l| l.split("  ").next().unwrap_or(l).trim().to_string())
}

/// `command` with `about` as the description of its `help` subcommand and of those of
/// its subcommands (`panduan theme help`).
fn help_about(mut command: clap::Command, about: &str) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |s| match name.as_str() {
            "help" => s.about(about.to_string()),
            _ => help_about(s, about),
        });
    }
    command
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the handbook into its output folder (default `book/`).
    #[command(
        after_help = "Examples:\n  panduan build\n  panduan build --out /tmp/site --drafts\n  panduan build --zip handbook.zip        the site as one zip, ready to unzip and open\n  panduan build --root path/to/handbook --base-url https://example.org/"
    )]
    Build(BuildArgs),
    /// Build, serve on this computer, and reload the browser after every saved change.
    #[command(
        after_help = "Examples:\n  panduan serve                 http://127.0.0.1:3000/\n  panduan serve --open          and open it in the browser\n  panduan serve --port 0        any free port (the address is printed)\n  panduan serve --poll          on a network drive\n\nNothing is written to disk: the site is kept in memory. A failed rebuild shows its\nerrors in the terminal and over the page, and the last good version stays served."
    )]
    Serve(ServeArgs),
    /// Rebuild the output folder after every saved change (no server).
    #[command(after_help = "Examples:\n  panduan watch\n  panduan watch --out /tmp/site")]
    Watch(WatchArgs),
    /// Create a small bilingual handbook to start from (never overwrites files).
    #[command(
        after_help = "Examples:\n  panduan init               in the current folder\n  panduan init my-handbook   in a new folder"
    )]
    Init(InitArgs),
    /// Check everything a build checks, plus translations, orphan pages, duplicate
    /// titles and empty pages, without writing anything.
    #[command(
        after_help = "Examples:\n  panduan check\n  panduan check --strict              warnings fail too (for CI)\n  panduan check --format json > report.json\n\nExit codes: 0 clean, 1 findings (errors, or warnings with --strict), 2 could not run."
    )]
    Check(CheckArgs),
    /// Create a page, or a translation stub of a page in another language.
    #[command(
        after_help = "Examples:\n  panduan new content/id/group-types/mentoring.md\n  panduan new content/en/group-types/therapy.md --translate-from id"
    )]
    New(NewArgs),
    /// Mark a reviewed translation as up to date with its source page.
    #[command(
        after_help = "Examples:\n  panduan translated content/en/group-types/therapy.md\n  panduan translated --all    start tracking every translation made by hand (no record yet)"
    )]
    Translated(TranslatedArgs),
    /// Show, per page and language, whether translations are up to date, outdated or missing.
    #[command(
        after_help = "Example:\n  panduan status --strict    exit 1 if anything is missing, outdated or a stub"
    )]
    Status(StatusArgs),
    /// Remove the output folder (only if Panduan created it).
    Clean(CleanArgs),
    /// Work with the theme: `panduan theme eject [DIR]` copies the built-in theme out.
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  panduan completions bash > ~/.local/share/bash-completion/completions/panduan"
    )]
    Completions(CompletionsArgs),
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `path:line:col: level: message` lines, grouped by file.
    Human,
    /// One JSON document (schema in README).
    Json,
}

/// Where the project is.
#[derive(Debug, Args)]
pub struct RootArg {
    /// The handbook's folder (default: the nearest folder with a book.toml, from here up).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// Options of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Output folder (overrides `output` in book.toml).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Public address of the site, for canonical links, hreflang and sitemap.xml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Also write the site as one zip file (for USB sticks and training centres).
    #[arg(long, value_name = "FILE")]
    pub zip: Option<PathBuf>,
    /// Print the time spent in each step (load, render, pdf, write).
    #[arg(long)]
    pub timings: bool,
    /// Skip the PDFs and handouts this time (`[pdf]`, `[handouts]` in book.toml).
    #[arg(long)]
    pub no_pdf: bool,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Port to listen on; 0 picks a free one.
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on; `0.0.0.0` lets other computers on the network see the book.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the book in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Look for changes every half second instead of relying on system notifications
    /// (network drives, or when the system's watch limit is reached).
    #[arg(long)]
    pub poll: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Let the browser editor change files even though `--bind` opens the server to
    /// other computers (anyone with the printed address can then change pages).
    #[arg(long, conflicts_with = "no_edit")]
    pub edit: bool,
    /// Turn the browser editor off: the pages have no Edit button.
    #[arg(long)]
    pub no_edit: bool,
}

/// Options of `watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub build: BuildArgs,
    /// Look for changes every half second instead of relying on system notifications.
    #[arg(long)]
    pub poll: bool,
}

/// Options of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the handbook in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as failures.
    #[arg(long)]
    pub strict: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

/// Options of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The page file to create, below `content/<lang>/`.
    pub path: PathBuf,
    /// Start from this language's page at the same path: its fields are copied, its
    /// text is kept as a guide, and the translation records its version.
    #[arg(long, value_name = "LANG")]
    pub translate_from: Option<String>,
    #[command(flatten)]
    pub root: RootArg,
}

/// Options of `translated`.
#[derive(Debug, Args)]
pub struct TranslatedArgs {
    /// The translated page.
    #[arg(required_unless_present = "all")]
    pub path: Option<PathBuf>,
    /// Record every translation that has no record yet (made by hand) as up to date
    /// with its source; records already there are left alone.
    #[arg(long, conflicts_with_all = ["path", "from"])]
    pub all: bool,
    /// The source language (default: the one recorded, else the original's, else the default language).
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
    #[command(flatten)]
    pub root: RootArg,
}

/// Options of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Exit with 1 if any translation is missing, outdated or a stub.
    #[arg(long)]
    pub strict: bool,
}

/// Options of `clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub root: RootArg,
}

/// The subcommands of `theme`.
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Copy the built-in theme (templates, CSS, JavaScript, strings, Typst) into a
    /// folder, for full control; never overwrites a file.
    #[command(
        after_help = "Examples:\n  panduan theme eject                 into themes/custom/ of the handbook\n  panduan theme eject themes/agency\nThen write theme = \"themes/custom\" under [book] in book.toml."
    )]
    Eject(EjectArgs),
}

/// Options of `theme eject`.
#[derive(Debug, Args)]
pub struct EjectArgs {
    /// The folder to copy into (default: `themes/custom` in the handbook's folder).
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub root: RootArg,
}

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (catalogue id, English text of the derive) for every about, example block and
    /// option help of the command tree.
    fn derive_texts() -> Vec<(String, String)> {
        fn walk(c: &clap::Command, prefix: &str, out: &mut Vec<(String, String)>) {
            if let Some(a) = c.get_about() {
                out.push((format!("{prefix}-about"), a.to_string()));
            }
            if let Some(a) = c.get_after_help() {
                out.push((format!("{prefix}-after"), a.to_string()));
            }
            for arg in c.get_arguments() {
                if let Some(h) = arg.get_help() {
                    let id = arg.get_id().to_string();
                    let shared = format!("cli-arg-{id}");
                    let own = format!("{prefix}-arg-{id}");
                    let key = if i18n::exists(&own) { own } else { shared };
                    out.push((key, h.to_string()));
                }
            }
            for s in c.get_subcommands() {
                walk(s, &format!("{prefix}-{}", s.get_name()), out);
            }
        }
        let mut out = Vec::new();
        walk(&<Cli as clap::CommandFactory>::command(), "cli", &mut out);
        out
    }

    #[test]
    fn the_english_catalogue_has_the_help_of_the_command_line_word_for_word() {
        if std::env::var_os("PANDUAN_PRINT_CLI_FTL").is_some() {
            for (id, text) in derive_texts() {
                println!("{id} = {}", text.replace('\n', "\n    "));
            }
        }
        for (id, text) in derive_texts() {
            let catalogued = i18n::try_format(Lang::En, &id, None, &[]);
            assert_eq!(catalogued.as_deref(), Some(text.as_str()), "{id}");
        }
    }

    #[test]
    fn the_indonesian_help_comes_from_the_catalogue() {
        let mut c = command_in(Lang::Id);
        let help = c.render_help().to_string();
        assert!(help.contains("Penggunaan:"), "{help}");
        assert!(help.contains("Perintah:"), "{help}");
        assert!(help.contains("Pilihan:"), "{help}");
        assert!(!help.contains("Usage:"), "{help}");
        let mut build = command_in(Lang::Id);
        let build = build
            .find_subcommand_mut("build")
            .expect("build")
            .render_help();
        assert!(build.to_string().contains("Folder keluaran"), "{build}");
    }
}
