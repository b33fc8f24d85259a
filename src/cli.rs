//! Command-line arguments (clap). Only the shape of the commands lives here; the
//! binary runs each one through the library (`src/cmd/<command>.rs`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Panduan: bilingual handbooks from Markdown, for reading online and offline.
#[derive(Debug, Parser)]
#[command(
    name = "panduan",
    version,
    about,
    after_help = "Examples:\n  panduan build                      build the handbook here into book/\n  panduan build --base-url https://example.org/panduan/\n  panduan init my-handbook           start a new bilingual handbook\n  panduan clean                      remove the built book/\n\nExit codes: 0 success, 1 problems in the content, 2 could not run."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
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
        after_help = "Examples:\n  panduan init               in the current folder\n  panduan init my-handbook   in a new folder\n  panduan init --lang id     Indonesian first, whatever the system's language"
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
    /// Print the time spent in each step (load, render, write).
    #[arg(long)]
    pub timings: bool,
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
    /// The handbook's first (main) language, in which `book.toml`'s notes are written
    /// [default: the language of your messages: Indonesian when LC_ALL, LC_MESSAGES or
    /// LANG starts with `id`, else English]
    #[arg(long, value_enum)]
    pub lang: Option<crate::init::Language>,
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

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}
