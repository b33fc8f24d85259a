//! Panduan turns a bilingual handbook (Markdown pages with YAML front matter in
//! `content/<lang>/`) into a cross-linked static site that works online and from
//! `file://`.
//!
//! The pipeline runs one way; each step takes the previous step's type:
//!
//! 1. [`config`]: `book.toml` -> [`config::Config`]
//! 2. [`load`]: `content/` on disk -> [`load::Loaded`] (pages with typed front matter)
//! 3. [`model`]: -> [`model::Site`] (ids, titles, URLs, navigation, translations, links)
//! 4. [`render`]: -> `Vec<`[`render::OutputFile`]`>` through the Tera theme
//! 5. [`output`]: -> the output folder, swapped in atomically
//!
//! Content problems are [`diagnostic::Diagnostic`]s, collected across all steps.
//! Around the pipeline, [`serve`] rebuilds on every change (`serve` keeps the site in
//! memory and reloads the browser; `watch` writes the output folder).
//! The binary (`src/main.rs`) only parses arguments and prints.

pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod init;
pub mod load;
pub mod markdown;
pub mod model;
pub mod new;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod translation;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostic::Diagnostic;
pub use error::{Error, Result};

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The project root (the folder with `book.toml`).
    pub root: PathBuf,
    pub overrides: config::Overrides,
    pub drafts: bool,
    pub render: render::RenderOptions,
    /// Also write the site as this zip file (one top folder named after the output).
    pub zip: Option<PathBuf>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    /// Pages per language code, in the order of `book.toml`.
    pub pages: Vec<(String, usize)>,
    pub warnings: Vec<Diagnostic>,
    pub output: PathBuf,
    /// The output folder as shown to the user.
    pub output_shown: String,
    pub written: output::Written,
    pub elapsed: Duration,
    /// Time spent in each step, in order (`read`, `model`, `render`, `write`); entries
    /// indented by two spaces ran side by side within the step before them.
    pub phases: Vec<(&'static str, Duration)>,
}

/// Runs steps 1 to 3: configuration, content and model, with every diagnostic found.
/// Fails only when Panduan cannot run at all (unreadable config, missing folder).
pub fn load_site(options: &BuildOptions) -> Result<(model::Site, Vec<Diagnostic>)> {
    let config = config::read(&options.root, &options.overrides)?;
    let loaded = load::content(&config)?;
    Ok(model::site(
        config,
        loaded,
        model::ModelOptions {
            drafts: options.drafts,
        },
    ))
}

/// A site rendered in memory (steps 1 to 4), not yet written anywhere.
#[derive(Debug)]
pub struct Rendered {
    pub config: config::Config,
    /// Every file of the site, sorted by path.
    pub files: Vec<render::OutputFile>,
    /// Pages per language code, in the order of `book.toml`.
    pub pages: Vec<(String, usize)>,
    pub warnings: Vec<Diagnostic>,
    /// Time spent in each step, as in [`Report::phases`].
    pub phases: Vec<(&'static str, Duration)>,
}

/// Runs steps 1 to 4: the whole site in memory. Content errors fail with every
/// diagnostic. `serve` keeps the result in memory; [`build`] writes it.
pub fn render_site(options: &BuildOptions) -> Result<Rendered> {
    let mut phases = Vec::new();
    let mut lap = Instant::now();
    let mut phase = |name: &'static str| {
        phases.push((name, lap.elapsed()));
        lap = Instant::now();
    };
    let config = config::read(&options.root, &options.overrides)?;
    let loaded = load::content(&config)?;
    phase("read");
    let (site, mut diagnostics) = model::site(
        config,
        loaded,
        model::ModelOptions {
            drafts: options.drafts,
        },
    );
    let theme = render::theme::load(&site.config, &mut diagnostics)?;
    diagnostics.extend(render::theme::check_page_templates(&site, &theme));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(diagnostics));
    }
    phase("model");
    let timed = |f: &dyn Fn() -> Result<Vec<render::OutputFile>>| {
        let start = Instant::now();
        f().map(|files| (files, start.elapsed()))
    };
    let (files, search_files) = rayon::join(
        || timed(&|| render::site(&site, &theme, &options.render)),
        || timed(&|| Ok(search::files(&site))),
    );
    let (mut files, pages_took) = files?;
    let (search_files, search_took) = search_files?;
    files.extend(search_files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    render::check_unique_paths(&files)?;
    phase("render");
    // Pages and search run side by side within `render`.
    phases.push(("  pages", pages_took));
    phases.push(("  search", search_took));
    let pages = site
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(l, lang)| {
            (
                lang.code.to_string(),
                site.pages.iter().filter(|p| p.lang_index == l).count(),
            )
        })
        .collect();
    Ok(Rendered {
        config: site.config,
        files,
        pages,
        warnings: diagnostics,
        phases,
    })
}

/// Builds the handbook at `options.root` into its output folder. Content errors fail
/// the build with every diagnostic; the previous output stays untouched.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    let rendered = render_site(options)?;
    let mut phases = rendered.phases;
    let lap = Instant::now();
    let out = rendered.config.output.clone();
    let written = output::write(&rendered.config, &rendered.files, &out)?;
    if let Some(zip) = &options.zip {
        let top = out
            .file_name()
            .map_or_else(|| "book".into(), |n| n.to_string_lossy().into_owned());
        output::zip(&rendered.files, zip, &top)?;
    }
    phases.push(("write", lap.elapsed()));
    Ok(Report {
        pages: rendered.pages,
        warnings: rendered.warnings,
        output_shown: output::shown(&rendered.config, &out),
        output: out,
        written,
        elapsed: started.elapsed(),
        phases,
    })
}

/// Finds the project root: `start` or the nearest folder above it with a `book.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(config::CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}
