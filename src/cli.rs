//! Command-line arguments (clap). Only the shape of the commands lives here; `main.rs`
//! runs them through the library.

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
        after_help = "Examples:\n  panduan build\n  panduan build --out /tmp/site --drafts\n  panduan build --root path/to/handbook --base-url https://example.org/"
    )]
    Build(BuildArgs),
    /// Create a small bilingual handbook to start from (never overwrites files).
    #[command(
        after_help = "Examples:\n  panduan init               in the current folder\n  panduan init my-handbook   in a new folder"
    )]
    Init {
        /// The folder to create the handbook in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Remove the output folder (only if Panduan created it).
    Clean {
        #[command(flatten)]
        root: RootArg,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  panduan completions bash > ~/.local/share/bash-completion/completions/panduan"
    )]
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
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
}
