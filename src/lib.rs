//! Panduan turns a bilingual handbook (Markdown pages with YAML front matter in
//! `content/<lang>/`) into a cross-linked static site that works online and from
//! `file://`.
//!
//! The pipeline runs one way; each step takes the previous step's type:
//!
//! 1. [`config`]: `book.toml` -> [`config::Config`]
//! 2. [`load`]: `content/` on disk -> [`load::Loaded`] (pages with typed front matter)
//! 3. [`model`]: -> [`model::Site`] (ids, titles, URLs, navigation, translations, links)
//! 4. [`render`]: -> [`render::OutputFile`]s through the Tera theme, each handed on as
//!    soon as it is made ([`render::Emit`])
//! 5. [`pdf`]: -> the PDF of each language and the handouts (`downloads/`), typeset
//!    by Typst from the same model, after everything else rendered (`build` only)
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
pub mod epub;
pub mod error;
pub mod escape;
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
pub mod render;
pub mod search;
pub mod serve;
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
    pub render: render::RenderOptions,
    /// Also write the site as this zip file (one top folder named after the output).
    pub zip: Option<PathBuf>,
    /// Make the PDFs (`[pdf]`, `[handouts]` in book.toml): `panduan build` does unless
    /// `--no-pdf`; `serve` and `watch` never do, so a rebuild is never kept waiting.
    pub pdf: bool,
    /// What earlier builds of the same project left to reuse (`serve`, `watch`); by
    /// default switched off.
    pub reuse: std::sync::Arc<Reuse>,
}

/// What one build hands to the next: each stage's own reuse tables. The driver that
/// rebuilds (`serve`, `watch`) owns one, switched on; a plain build's is off.
#[derive(Debug, Default)]
pub struct Reuse {
    pub load: load::Reuse,
    pub model: model::Reuse,
    pub render: render::Reuse,
    pub search: search::Reuse,
}

impl Reuse {
    /// Tables that remember (`Reusing::On`) or not.
    pub fn new(reusing: memo::Reusing) -> Self {
        Reuse {
            load: load::Reuse::new(reusing),
            model: model::Reuse::new(reusing),
            render: render::Reuse::new(reusing),
            search: search::Reuse::new(reusing),
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
        },
        &options.reuse.model,
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
/// diagnostic. [`build`] writes the files as they are made instead.
pub fn render_site(options: &BuildOptions) -> Result<Rendered> {
    let (prepared, mut phases, lap) = prepare(options)?;
    let collected = render::Collected::default();
    let collect = |f: render::OutputFile| collected.push(f);
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
    emit: &render::Emit<'_>,
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
    render::check_unique_paths(paths.iter().map(String::as_str))?;
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
    let collected = render::Collected::default();
    let collect = |f: render::OutputFile| collected.push(f);
    let paths = render::pages(
        &prepared.site,
        &prepared.theme,
        &options.render,
        &options.reuse.render,
        &collect,
    )?;
    serving_download_pages(&prepared, options, &collect)?;
    render::check_unique_paths(paths.iter().map(String::as_str))?;
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

/// The download pages of a site kept in memory (`serve`): the heavy outputs they would
/// list (the EPUB, the offline zip, the PDF) are never made there, so as not to delay
/// the reload, and the pages say that `panduan build` makes them.
fn serving_download_pages(
    prepared: &Prepared,
    options: &BuildOptions,
    emit: &render::Emit<'_>,
) -> Result<()> {
    let none = render::Downloads {
        files: Vec::new(),
        date: stamp(&prepared.site.config).date(),
        place: render::Place::Serve,
    };
    for page in render::download_pages(&prepared.site, &prepared.theme, &options.render, &none)? {
        emit(page)?;
    }
    Ok(())
}

/// The files of a site that gather every page, still to make after
/// [`render_pages`].
pub struct Deferred {
    prepared: Prepared,
    render: render::RenderOptions,
    reuse: std::sync::Arc<Reuse>,
}

impl Deferred {
    /// Makes the print documents and the search indexes. `pages` are the paths of the
    /// files [`render_pages`] made, which these must not collide with.
    pub fn finish(&self, pages: &[String]) -> Result<Vec<render::OutputFile>> {
        let Prepared { site, theme, .. } = &self.prepared;
        let reuse = &*self.reuse;
        let collected = render::Collected::default();
        let collect = |f: render::OutputFile| collected.push(f);
        let (print, search_files) = rayon::join(
            || render::print_documents(site, theme, &self.render, &reuse.render, &collect),
            || search::files_into(site, &reuse.search, &collect),
        );
        print?;
        search_files?;
        let files = collected.sorted();
        render::check_unique_paths(
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
    /// Warnings only: errors stop before this.
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
    let loaded = load::content(&config, &reuse.load)?;
    phase("read");
    let (site, mut diagnostics) = model::site(
        config,
        loaded,
        model::ModelOptions {
            drafts: options.drafts,
        },
        &reuse.model,
    );
    let theme = render::theme::load(&site.config, &mut diagnostics, &reuse.render)?;
    diagnostics.extend(render::theme::check_page_templates(&site, &theme));
    if diagnostics.iter().any(Diagnostic::is_error) {
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
/// (the EPUB, the download pages, the offline zip) are made from that folder before it is swapped in.
pub fn build(options: &BuildOptions) -> Result<Report> {
    let started = Instant::now();
    let (prepared, mut phases, lap) = prepare(options)?;
    let config = &prepared.site.config;
    let out = config.output.clone();
    if let Some(zip) = &options.zip {
        output::check_zip_target(config, zip, &out)?;
    }
    let writer = output::Writer::begin(config, &out)?;
    let (mut paths, parts) = render_into(&prepared, options, &|f| writer.put(&f))?;
    // The model checks the names of pages and copied files; the theme's own are checked
    // here, before anything is zipped.
    output::check_portable_names(paths.iter().map(String::as_str))?;
    phases.push(("render", lap.elapsed()));
    phases.extend(parts);
    let mut warnings = prepared.diagnostics.clone();
    let mut pdfs = Vec::new();
    if options.pdf {
        // A failed PDF returns here: the temporary folder is dropped unfinished and the
        // previous output stays as it was.
        let lap = Instant::now();
        let made = pdf_step(&prepared, &paths)?;
        pdfs = made.files;
        warnings.extend(made.warnings);
        phases.push(("pdf", lap.elapsed()));
    }
    let lap = Instant::now();
    let offline = downloads(&prepared, options, &writer, &mut paths, pdfs)?;
    phases.push(("downloads", lap.elapsed()));
    let lap = Instant::now();
    if let Some(zip) = &options.zip {
        let top = out
            .file_name()
            .map_or_else(|| "book".into(), |n| n.to_string_lossy().into_owned());
        output::zip(&offline, zip, &top, stamp(config))?;
    }
    let written = writer.finish()?;
    phases.push(("write", lap.elapsed()));
    let report = Report {
        pages: prepared.pages_per_language(),
        warnings,
        output_shown: output::shown(config, &out),
        output: out,
        written,
        elapsed: started.elapsed(),
        phases,
    };
    // Freeing the model of a large book takes a while (about 0.2 s at 2×10,000 pages):
    // do it off the caller's path; a process that exits first skips it.
    let _ = std::thread::Builder::new().spawn(move || drop(prepared));
    Ok(report)
}

/// Step 5, once every other file is made: the PDFs and handouts, checked against the
/// paths already made (`made`: paths or files).
fn pdf_step<P: AsRef<str>>(prepared: &Prepared, made: &[P]) -> Result<pdf::Made> {
    let config = &prepared.site.config;
    if !config.pdf.enabled && config.handouts.is_none() {
        return Ok(pdf::Made::default());
    }
    let made_pdf = pdf::files(&prepared.site, &prepared.theme)?;
    render::check_unique_paths(
        made.iter()
            .map(AsRef::as_ref)
            .chain(made_pdf.files.iter().map(|f| f.path.as_str())),
    )?;
    Ok(made_pdf)
}

/// The heavy outputs below `downloads/`, made by `build` after the pages from the
/// rendered site, in this order, before the download pages and the offline zip that
/// list and hold them. `serve` makes none of them, so that they never delay a reload
/// (its download page says so). The PDFs are typeset before them, by `pdf_step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heavy {
    /// `downloads/handbook-<lang>.epub` ([`epub`]).
    Epub,
}

impl Heavy {
    /// Every heavy output, in the order they are made.
    pub const ALL: &[Heavy] = &[Heavy::Epub];
}

/// The one top folder of `downloads/handbook-offline.zip`.
pub const OFFLINE_TOP: &str = "handbook";

/// The date every download carries: `SOURCE_DATE_EPOCH` when set (the reproducible-
/// builds convention), else `[downloads] date` of `book.toml`, else a fixed default;
/// never the clock, so that two builds are byte-identical.
pub fn stamp(config: &config::Config) -> config::Stamp {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok());
    match (epoch, config.downloads.date.as_deref()) {
        (Some(seconds), _) => config::Stamp::from_unix(seconds),
        (None, Some(date)) => config::Stamp::from_date(date).unwrap_or(config::Stamp::DEFAULT),
        (None, None) => config::Stamp::DEFAULT,
    }
}

/// The steps after rendering, in order, into the staging folder of `writer`: the files
/// below `downloads/` made from the rendered site (the PDFs of [`pdf_step`], handed in as
/// `pdfs`, and the EPUB of each language), then the download pages listing them, then the offline zip of everything (with
/// the copy of the download pages that fits inside it), then the download pages as the
/// site shows them, with the zip's size. `paths` gains every file made; the output's
/// names are checked for Windows at the end. Returns the files of the offline copy
/// (for `--zip`).
///
/// `serve` makes none of these: they are the deferred outputs (see
/// [`render_pages`]), and its download page says that `build` makes them.
fn downloads(
    prepared: &Prepared,
    options: &BuildOptions,
    writer: &output::Writer,
    paths: &mut Vec<String>,
    pdfs: Vec<render::OutputFile>,
) -> Result<Vec<render::OutputFile>> {
    let Prepared { site, theme, .. } = prepared;
    let config = &site.config;
    let stamp = stamp(config);
    let mut made: Vec<render::Download> = Vec::new();
    // Writes one file made here, noting it in `paths` and, when `made` is given, as a
    // download.
    let put = |file: render::OutputFile,
               paths: &mut Vec<String>,
               made: Option<&mut Vec<render::Download>>|
     -> Result<()> {
        if let (render::Contents::Bytes(bytes), Some(made)) = (&file.contents, made) {
            made.push(render::Download {
                path: file.path.clone(),
                size: bytes.len() as u64,
            });
        }
        paths.push(file.path.clone());
        writer.put(&file)
    };
    let read = |rel: &str| writer.read(rel);
    // The PDFs and handouts, typeset before (see [`pdf_step`]).
    for file in pdfs {
        put(file, paths, Some(&mut made))?;
    }
    for heavy in Heavy::ALL {
        let files: Vec<render::OutputFile> = match heavy {
            Heavy::Epub if config.epub.enabled => (0..config.languages.len())
                .map(|l| {
                    let code = config.languages[l].code.as_str();
                    let contents = render::ui_string(theme, code, "contents");
                    let summary = render::ui_string(theme, code, "epub_accessibility_summary");
                    let book = epub::Book {
                        lang_index: l,
                        contents_label: &contents,
                        accessibility_summary: &summary,
                        stamp,
                        read: &read,
                    };
                    epub::book(site, &book)
                })
                .collect::<Result<_>>()?,
            Heavy::Epub => Vec::new(),
        };
        for file in files {
            put(file, paths, Some(&mut made))?;
        }
    }
    let listing = |files: &[render::Download], place| render::Downloads {
        files: {
            let mut files = files.to_vec();
            files.sort_by(|a, b| a.path.cmp(&b.path));
            files
        },
        date: stamp.date(),
        place,
    };
    let mut offline = writer.staged()?;
    if config.downloads.offline_zip || options.zip.is_some() {
        // The copy inside the zip lists the zip without its size (see `render::Place`).
        let mut inside = made.clone();
        inside.push(render::Download {
            path: render::OFFLINE_ZIP.into(),
            size: 0,
        });
        let inside = match config.downloads.offline_zip {
            true => listing(&inside, render::Place::InsideZip),
            false => listing(&made, render::Place::Site),
        };
        offline.extend(render::download_pages(
            site,
            theme,
            &options.render,
            &inside,
        )?);
        offline.sort_by(|a, b| a.path.cmp(&b.path));
    }
    if config.downloads.offline_zip {
        let target = writer.staged_path(render::OFFLINE_ZIP)?;
        // A fixed top folder, whatever the output folder is called, so that the zip is
        // the same wherever the site was built.
        let size = output::zip(&offline, &target, OFFLINE_TOP, stamp)?;
        writer.count(size);
        paths.push(render::OFFLINE_ZIP.into());
        made.push(render::Download {
            path: render::OFFLINE_ZIP.into(),
            size,
        });
    }
    for page in render::download_pages(
        site,
        theme,
        &options.render,
        &listing(&made, render::Place::Site),
    )? {
        put(page, paths, None)?;
    }
    render::check_unique_paths(paths.iter().map(String::as_str))?;
    output::check_portable_names(paths.iter().map(String::as_str))?;
    Ok(offline)
}

/// Finds the project root: `start` or the nearest folder above it with a `book.toml`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(config::CONFIG_FILE).is_file())
        .map(Path::to_path_buf)
}
