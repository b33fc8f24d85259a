//! Panduan turns a bilingual handbook (Markdown pages with YAML front matter in
//! `content/<lang>/`) into a cross-linked static site that works online and from
//! `file://`.
//!
//! The pipeline runs one way; each step takes the previous step's type:
//!
//! 1. [`config`]: `book.toml` -> [`config::Config`]
//! 2. [`load`]: `content/` on disk -> [`load::Loaded`] (pages with typed front matter)
//! 3. [`model`]: -> [`model::Site`] (ids, titles, URLs, navigation, translations, links)
//! 4. [`render`]: -> [`files::OutputFile`]s through the Tera theme, each handed on as
//!    soon as it is made ([`files::Emit`])
//! 5. [`downloads`] (`build` only): -> the heavy outputs below `downloads/`, one row
//!    each in [`downloads::FORMATS`] (the PDF and the handouts typeset by [`pdf`], the
//!    EPUB of [`epub`], the offline zip), then the download pages that list them
//! 6. [`output`]: -> the output folder: `build` streams the files into a temporary
//!    folder that is swapped in atomically at the end
//!
//! Content problems are [`diagnostic::Diagnostic`]s, collected across all steps; among
//! them the house terms of `book.toml` ([`terms`]) used in a page.
//! Around the pipeline, [`serve`] rebuilds on every change (`serve` keeps the site in
//! memory and reloads the browser; `watch` writes the output folder). It owns a
//! [`Reuse`]: each stage's own tables of what the last build made (see [`memo`]), so
//! that a rebuild redoes only what the change affected. A plain `build` passes them
//! switched off.
//! The binary (`src/main.rs`, one file per command in `src/cmd/`) only parses arguments,
//! calls the library and prints.

#[cfg(test)]
mod architecture;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod downloads;
pub mod epub;
pub mod error;
pub mod escape;
pub mod files;
pub mod glossary;
pub mod i18n;
pub mod init;
pub mod load;
pub mod markdown;
pub mod memo;
pub mod model;
pub mod new;
pub mod output;
pub mod pdf;
pub mod previous;
pub mod render;
pub mod search;
pub mod serve;
pub mod stamp;
pub mod status;
pub mod terms;
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
    /// What the author has not written yet (links to missing pages, pictures and
    /// headings, pages without a title): errors (`build`, `check`, `watch`), or marked
    /// on the page as warnings so that the preview goes on (`serve`). In `serve`, a
    /// page that cannot be read also keeps its last good version instead of stopping
    /// the rebuild.
    pub unfinished: model::Unfinished,
    pub render: render::RenderOptions,
    /// Also write the site as this zip file (one top folder named after the output).
    pub zip: Option<PathBuf>,
    /// Make the PDFs (`[pdf]`, `[handouts]` in book.toml): `panduan build` does unless
    /// `--no-pdf`; `serve` and `watch` never do, so a rebuild is never kept waiting.
    pub pdf: bool,
    /// Told when the build waits for another build of the same output folder.
    pub on_wait: output::OnWait,
    /// What earlier builds of the same project left to reuse (`serve`, `watch`); by
    /// default switched off.
    pub reuse: std::sync::Arc<Reuse>,
    /// Told what each long step of [`build`] is as it starts.
    pub progress: Progress,
    /// A page's text to use instead of its file (the browser editor's preview).
    pub overlay: Option<load::Overlay>,
}

/// Where [`build`] says what it is doing as each long step starts (rendering the pages,
/// then each heavy output of [`downloads::FORMATS`]), in the user's words: `panduan
/// build` shows it on a terminal. By default nobody listens.
#[derive(Clone, Default)]
pub struct Progress(Option<std::sync::Arc<Listen>>);

/// Who hears of each step (see [`Progress`]).
type Listen = dyn Fn(&str) + Send + Sync;

impl Progress {
    /// Progress told to `listen`.
    pub fn new(listen: impl Fn(&str) + Send + Sync + 'static) -> Self {
        Progress(Some(std::sync::Arc::new(listen)))
    }

    /// Says that the step described by `what` starts.
    pub fn step(&self, what: &str) {
        if let Some(listen) = &self.0 {
            listen(what);
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(on)"
        } else {
            "Progress(off)"
        })
    }
}

/// What one build hands to the next: each stage's own reuse tables. The driver that
/// rebuilds (`serve`, `watch`) owns one, switched on; a plain build's is off.
#[derive(Debug, Default)]
pub struct Reuse {
    pub load: load::Reuse,
    pub model: model::Reuse,
    pub render: render::Reuse,
    pub search: search::Reuse,
    /// The last version of each page that could be read (`serve`).
    pub last_good: LastGood,
}

/// The last version of every page that could be read, by path: in `serve`, a page
/// whose file cannot be read now (front matter that does not parse, say) stands in
/// with it, so that one broken page stops neither the others nor itself.
#[derive(Debug, Default)]
pub struct LastGood {
    pages: std::sync::Mutex<std::collections::HashMap<PathBuf, load::SourcePage>>,
}

impl LastGood {
    /// `loaded` with every page that has a reading error replaced by its last good
    /// version, if there is one; remembers the pages read without one. Returns the
    /// paths of the pages with reading errors: their errors do not stop `serve`.
    fn stand_in(
        &self,
        mut loaded: load::Loaded,
    ) -> (load::Loaded, std::collections::HashSet<PathBuf>) {
        let broken: std::collections::HashSet<PathBuf> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.span.path.clone())
            .collect();
        let mut last = self
            .pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (read_now, good): (Vec<load::SourcePage>, Vec<load::SourcePage>) =
            std::mem::take(&mut loaded.pages)
                .into_iter()
                .partition(|p| broken.contains(&p.path));
        for page in &good {
            last.insert(page.path.clone(), page.clone());
        }
        loaded.pages = good;
        // A broken page with no good version yet shows what could be read.
        let mut read_now: std::collections::HashMap<PathBuf, load::SourcePage> =
            read_now.into_iter().map(|p| (p.path.clone(), p)).collect();
        for path in &broken {
            match (last.get(path), read_now.remove(path)) {
                (Some(good), _) => loaded.pages.push(good.clone()),
                (None, Some(now)) => loaded.pages.push(now),
                (None, None) => {}
            }
        }
        loaded
            .pages
            .sort_by(|a, b| (&a.lang, &a.rel).cmp(&(&b.lang, &b.rel)));
        (loaded, broken)
    }
}

impl Reuse {
    /// Tables that remember (`Reusing::On`) or not.
    pub fn new(reusing: memo::Reusing) -> Self {
        Reuse {
            load: load::Reuse::new(reusing),
            model: model::Reuse::new(reusing),
            render: render::Reuse::new(reusing),
            search: search::Reuse::new(reusing),
            last_good: LastGood::default(),
        }
    }

    /// Whether anything is remembered.
    pub fn is_on(&self) -> bool {
        self.render.is_on()
    }

    /// How the build so far reused pages.
    pub fn counts(&self) -> render::Counts {
        self.render.counts()
    }

    /// Starts the next build: what the last build did not use is dropped.
    fn next_build(&self) {
        self.load.next_build();
        self.model.next_build();
        self.render.next_build();
        self.search.next_build();
    }
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
    /// How many downloads were taken from the previous output (see [`previous`]).
    pub reused: usize,
}

/// Runs steps 1 to 3: configuration, content and model, with every diagnostic found.
/// Fails only when Panduan cannot run at all (unreadable config, missing folder).
pub fn load_site(options: &BuildOptions) -> Result<(model::Site, Vec<Diagnostic>)> {
    let config = config::read(&options.root, &options.overrides)?;
    let loaded = load::content(&config, &options.reuse.load)?;
    Ok(model::site(
        config,
        loaded,
        model::ModelOptions {
            drafts: options.drafts,
            unfinished: options.unfinished,
        },
        &options.reuse.model,
    ))
}

/// A site rendered in memory (steps 1 to 4), not yet written anywhere.
#[derive(Debug)]
pub struct Rendered {
    pub config: config::Config,
    /// Every file of the site, sorted by path.
    pub files: Vec<files::OutputFile>,
    /// Pages per language code, in the order of `book.toml`.
    pub pages: Vec<(String, usize)>,
    /// Warnings, and in `serve` the errors of pages shown in their last good version.
    pub warnings: Vec<Diagnostic>,
    /// Time spent in each step, as in [`Report::phases`].
    pub phases: Vec<(&'static str, Duration)>,
}

/// Runs steps 1 to 4: the whole site in memory. Content errors fail with every
/// diagnostic. [`build`] writes the files as they are made instead.
pub fn render_site(options: &BuildOptions) -> Result<Rendered> {
    let (prepared, mut phases, lap) = prepare(options)?;
    let collected = files::Collected::default();
    let collect = |f: files::OutputFile| collected.push(f);
    let (_, parts) = render_into(&prepared, options, &collect)?;
    serving_download_pages(&prepared, options, &collect)?;
    let files = collected.sorted();
    phases.push(("render", lap.elapsed()));
    phases.extend(parts);
    Ok(Rendered {
        pages: prepared.pages_per_language(),
        warnings: prepared.diagnostics.clone(),
        config: prepared.site.config.clone(),
        files,
        phases,
    })
}

/// Renders every file of `prepared` into `emit`: pages, print documents and search
/// indexes side by side. Returns the paths made and the time each part took.
fn render_into(
    prepared: &Prepared,
    options: &BuildOptions,
    emit: &files::Emit<'_>,
) -> Result<(Vec<String>, Phases)> {
    let Prepared { site, theme, .. } = prepared;
    let reuse = &*options.reuse;
    let timed = |f: &(dyn Fn() -> Result<Vec<String>> + Sync)| {
        let start = Instant::now();
        f().map(|paths| (paths, start.elapsed()))
    };
    // Without reuse, `render::pages` makes the print documents as it goes (each body
    // rendered once for both); with it (serve, watch), they come on their own.
    let print_apart = reuse.is_on();
    let (pages, (print, search_files)) = rayon::join(
        || timed(&|| render::pages(site, theme, &options.render, &reuse.render, emit)),
        || {
            rayon::join(
                || {
                    timed(&|| match print_apart {
                        true => render::print_documents(
                            site,
                            theme,
                            &options.render,
                            &reuse.render,
                            emit,
                        ),
                        false => Ok(Vec::new()),
                    })
                },
                || timed(&|| search::files_into(site, &reuse.search, emit)),
            )
        },
    );
    let (mut paths, pages_took) = pages?;
    let (print, print_took) = print?;
    let (search_files, search_took) = search_files?;
    paths.extend(print);
    paths.extend(search_files);
    files::check_unique_paths(paths.iter().map(String::as_str))?;
    // These run side by side within `render`.
    let mut parts = vec![("  pages", pages_took)];
    if print_apart {
        parts.push(("  print", print_took));
    }
    parts.push(("  search", search_took));
    Ok((paths, parts))
}

/// Like [`render_site`], but renders only the pages and what they need; the files
/// that gather every page (print documents, search indexes) are left to
/// [`Deferred::finish`]. `serve` reloads the browser in between.
pub fn render_pages(options: &BuildOptions) -> Result<(Rendered, Deferred)> {
    let (prepared, mut phases, lap) = prepare(options)?;
    let collected = files::Collected::default();
    let collect = |f: files::OutputFile| collected.push(f);
    let paths = render::pages(
        &prepared.site,
        &prepared.theme,
        &options.render,
        &options.reuse.render,
        &collect,
    )?;
    serving_download_pages(&prepared, options, &collect)?;
    files::check_unique_paths(paths.iter().map(String::as_str))?;
    let files = collected.sorted();
    phases.push(("render", lap.elapsed()));
    let rendered = Rendered {
        pages: prepared.pages_per_language(),
        warnings: prepared.diagnostics.clone(),
        config: prepared.site.config.clone(),
        files,
        phases,
    };
    let deferred = Deferred {
        prepared,
        render: options.render.clone(),
        reuse: std::sync::Arc::clone(&options.reuse),
    };
    Ok((rendered, deferred))
}

/// The download pages of a site kept in memory (`serve`), which makes no download.
fn serving_download_pages(
    prepared: &Prepared,
    options: &BuildOptions,
    emit: &files::Emit<'_>,
) -> Result<()> {
    let pages = downloads::serving_pages(&prepared.site, &prepared.theme, &options.render)?;
    pages.into_iter().try_for_each(emit)
}

/// The files of a site that gather every page, still to make after
/// [`render_pages`].
pub struct Deferred {
    prepared: Prepared,
    render: render::RenderOptions,
    reuse: std::sync::Arc<Reuse>,
}

impl Deferred {
    /// The site whose pages were rendered.
    pub fn site(&self) -> &model::Site {
        &self.prepared.site
    }

    /// Makes the print documents and the search indexes. `pages` are the paths of the
    /// files [`render_pages`] made, which these must not collide with.
    pub fn finish(&self, pages: &[String]) -> Result<Vec<files::OutputFile>> {
        let Prepared { site, theme, .. } = &self.prepared;
        let reuse = &*self.reuse;
        let collected = files::Collected::default();
        let collect = |f: files::OutputFile| collected.push(f);
        let (print, search_files) = rayon::join(
            || render::print_documents(site, theme, &self.render, &reuse.render, &collect),
            || search::files_into(site, &reuse.search, &collect),
        );
        print?;
        search_files?;
        let files = collected.sorted();
        files::check_unique_paths(
            pages
                .iter()
                .map(String::as_str)
                .chain(files.iter().map(|f| f.path.as_str())),
        )?;
        Ok(files)
    }
}

/// Steps and the time each took.
type Phases = Vec<(&'static str, Duration)>;

/// A site modelled and its theme loaded, ready to render.
struct Prepared {
    site: std::sync::Arc<model::Site>,
    theme: render::Theme,
    /// Warnings, and in `serve` the errors of pages that stand in with their last good
    /// version: other errors stop before this.
    diagnostics: Vec<Diagnostic>,
}

impl Prepared {
    /// Pages per language code, in the order of `book.toml`.
    fn pages_per_language(&self) -> Vec<(String, usize)> {
        let site = &self.site;
        site.config
            .languages
            .iter()
            .enumerate()
            .map(|(l, lang)| {
                (
                    lang.code.to_string(),
                    site.pages.iter().filter(|p| p.lang_index == l).count(),
                )
            })
            .collect()
    }
}

/// Steps 1 to 3 and the theme, with the time each took (`read`, `model`) and the
/// moment the next step starts.
fn prepare(options: &BuildOptions) -> Result<(Prepared, Phases, Instant)> {
    let mut phases = Vec::new();
    let mut lap = Instant::now();
    let mut phase = |name: &'static str| {
        phases.push((name, lap.elapsed()));
        lap = Instant::now();
    };
    let reuse = &*options.reuse;
    reuse.next_build();
    let config = config::read(&options.root, &options.overrides)?;
    let loaded = load::content_overlaid(&config, &reuse.load, options.overlay.as_ref())?;
    let (loaded, kept) = match options.unfinished {
        model::Unfinished::Mark => reuse.last_good.stand_in(loaded),
        model::Unfinished::Fail => (loaded, Default::default()),
    };
    phase("read");
    let (site, mut diagnostics) = model::site(
        config,
        loaded,
        model::ModelOptions {
            drafts: options.drafts,
            unfinished: options.unfinished,
        },
        &reuse.model,
    );
    let theme = render::theme::load(&site.config, &mut diagnostics, &reuse.render)?;
    diagnostics.extend(render::theme::check_page_templates(&site, &theme));
    // In `serve`, the errors of a page that stands in with its last good version stop
    // nothing (they are shown); every other error stops the build.
    if diagnostics
        .iter()
        .any(|d| d.is_error() && !kept.contains(&d.span.path))
    {
        return Err(Error::Content(diagnostics));
    }
    phase("model");
    Ok((
        Prepared {
            site: std::sync::Arc::new(site),
            theme,
            diagnostics,
        },
        phases,
        lap,
    ))
}

/// Builds the handbook at `options.root` into its output folder. Content errors fail
/// the build with every diagnostic; the previous output stays untouched.
///
/// Each file goes to disk as soon as it is rendered, into a temporary folder that
/// replaces the output at the end: the site is never whole in memory. The downloads
/// ([`downloads::make`]) are made from that folder before it is swapped in.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    downloads::source_date_epoch()?;
    let (prepared, mut phases, lap) = prepare(options)?;
    let config = &prepared.site.config;
    let out = config.output.clone();
    if let Some(zip) = &options.zip {
        output::check_zip_target(config, zip, &out)?;
    }
    let writer = output::Writer::begin(config, &out, &options.on_wait)?;
    options.progress.step(&crate::t!("progress-render"));
    let (mut paths, parts) = render_into(&prepared, options, &|f| writer.put(&f))?;
    // The model checks the names of pages and copied files; the theme's own are checked
    // here, before anything is zipped.
    downloads::check_portable_names(paths.iter().map(String::as_str))?;
    phases.push(("render", lap.elapsed()));
    phases.extend(parts);
    let mut warnings = prepared.diagnostics.clone();
    // A failed download returns here: the temporary folder is dropped unfinished and
    // the previous output stays as it was.
    let wants = downloads::Wants {
        pdf: options.pdf,
        zip: options.zip.is_some(),
    };
    let made = downloads::make(
        &prepared.site,
        &prepared.theme,
        &options.render,
        wants,
        &writer,
        &mut paths,
        &|what| options.progress.step(what),
    )
    // A full disk while a download is written keeps the previous output: say so.
    .map_err(|e| writer.explain(e, false))?;
    warnings.extend(made.warnings);
    phases.extend(made.phases);
    let lap = Instant::now();
    if let (Some(zip), Some(offline)) = (&options.zip, &made.offline) {
        let top = out
            .file_name()
            .map_or_else(|| "book".into(), |n| n.to_string_lossy().into_owned());
        writer.note_temporary(&downloads::zip_temporary(zip));
        let had_zip = zip.is_file();
        downloads::zip(offline, zip, &top, made.stamp).map_err(|e| writer.explain(e, had_zip))?;
    }
    let written = writer.finish()?;
    phases.push(("write", lap.elapsed()));
    for left in &written.leftovers {
        warnings.push(
            Diagnostic::warning(
                diagnostic::Span::file(load::relative_to(left, &config.root)),
                crate::msg!("output-leftover"),
            )
            .with_help(crate::help!()),
        );
    }
    let report = Report {
        pages: prepared.pages_per_language(),
        warnings,
        output_shown: output::shown(config, &out),
        output: out,
        written,
        elapsed: started.elapsed(),
        phases,
        reused: made.reused,
    };
    // Freeing the model of a large book takes a while (about 0.2 s at 2×10,000 pages):
    // do it off the caller's path; a process that exits first skips it.
    let _ = std::thread::Builder::new().spawn(move || drop(prepared));
    Ok(report)
}

/// Finds the project root: `start` or the nearest folder above it with a `book.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(config::CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}
