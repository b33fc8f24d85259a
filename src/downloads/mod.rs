//! The step after rendering (`build` only): the heavy outputs below `downloads/`, made
//! from the rendered site and the model, in the order of the table of formats
//! ([`FORMATS`]: the PDF, the handouts, the EPUB, the offline zip), then the download
//! page of each language, which lists what was made.
//!
//! Input: the [`Site`], the theme, and the staging folder the render step wrote into
//! ([`Staging`]); output: files into that folder, the warnings of the makers, and the
//! files of the offline copy (for `--zip`). The makers are other stages (`pdf`, `epub`)
//! or live here (the zip, `zip.rs`); the table says which runs, where its files go and
//! how the download page labels them. `serve` makes none of them, so that they never
//! delay a reload: its download page says so ([`serving_pages`]).
//!
//! - `formats.rs`: the table, the only place that names the formats;
//! - `zip.rs`: the offline zip, compressed on every core;
//! - `date.rs`: the date every download carries.

mod date;
mod formats;
mod zip;

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

pub use date::{EPOCH_RANGE, source_date_epoch, stamp};
pub use formats::{FORMATS, Format, OFFLINE_TOP};
pub use zip::{ZIP_TMP_SUFFIX, check_portable_names, is_zip_file, not_a_zip, zip, zip_temporary};

use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::files::{Contents, OutputFile, Staging, check_unique_paths};
use crate::model::Site;
use crate::previous::{CACHE_FILE, Ledger, Previous};
use crate::render::{Download, Downloads, Place, RenderOptions, Theme};
use crate::stamp::Stamp;

/// What the command asks for besides `book.toml`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wants {
    /// The PDFs (`panduan build` unless `--no-pdf`).
    pub pdf: bool,
    /// A zip of the site elsewhere (`--zip`): the offline copy is gathered even when
    /// the offline zip is off.
    pub zip: bool,
}

/// What a format's maker is given.
pub struct Making<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub render: &'a RenderOptions,
    pub stamp: Stamp,
    pub staging: &'a dyn Staging,
    /// What the formats before this one made.
    made: &'a [Download],
    /// The files of the offline copy, once the offline zip gathered them.
    offline: &'a Mutex<Option<Vec<OutputFile>>>,
    /// What the previous output holds that can be reused, and the record of what this
    /// build made for the next one (see [`crate::previous`]).
    previous: &'a Previous,
    ledger: &'a Ledger,
}

/// What one format made.
#[derive(Debug, Default)]
pub struct Made {
    /// Files to write into the staging folder.
    pub files: Vec<OutputFile>,
    /// Files the maker wrote into the staging folder itself (the zip), with their size.
    pub written: Vec<(String, u64)>,
    /// What the files had to leave out.
    pub warnings: Vec<Diagnostic>,
}

/// What the step did.
#[derive(Debug)]
pub struct Outcome {
    /// The files of the offline copy (the site with the download pages that fit inside
    /// a zip), when the offline zip was made or `--zip` asked for them.
    pub offline: Option<Vec<OutputFile>>,
    pub warnings: Vec<Diagnostic>,
    /// The time each format took (`pdf`, `epub`, `zip`), then the download pages
    /// (`downloads`).
    pub phases: Vec<(&'static str, Duration)>,
    /// The date every download carries ([`stamp`]).
    pub stamp: Stamp,
    /// How many files were taken from the previous output instead of being made.
    pub reused: usize,
}

/// Makes every format that is on, in the table's order, into `staging`, then the
/// download pages; `progress` is told what each is as it starts. `paths` (every file of the site so far) gains each file made; the
/// names of all are checked for clashes and for Windows at the end.
pub fn make(
    site: &Site,
    theme: &Theme,
    render: &RenderOptions,
    wants: Wants,
    staging: &dyn Staging,
    paths: &mut Vec<String>,
    progress: &dyn Fn(&str),
) -> Result<Outcome> {
    let config = &site.config;
    let stamp = stamp(config);
    let offline = Mutex::new(None);
    let previous = Previous::read(&config.output, crate::files::OUTPUT_MARKER);
    let ledger = Ledger::default();
    let mut made: Vec<Download> = Vec::new();
    let mut outcome = Outcome {
        offline: None,
        warnings: Vec::new(),
        phases: Vec::new(),
        stamp,
        reused: 0,
    };
    for format in FORMATS.iter().filter(|f| (f.on)(config, &wants)) {
        progress(&(format.progress)());
        let lap = Instant::now();
        let making = Making {
            site,
            theme,
            render,
            stamp,
            staging,
            made: &made,
            offline: &offline,
            previous: &previous,
            ledger: &ledger,
        };
        let done = (format.make)(&making, format)?;
        for file in done.files {
            let size = match &file.contents {
                Contents::Bytes(bytes) => bytes.len() as u64,
                Contents::Copy(_) => 0,
            };
            made.push(describe(site, format, &file.path, size));
            paths.push(file.path.clone());
            staging.put(&file)?;
        }
        for (path, size) in done.written {
            made.push(describe(site, format, &path, size));
            paths.push(path);
        }
        outcome.warnings.extend(done.warnings);
        outcome.phases.push((format.name, lap.elapsed()));
    }
    let lap = Instant::now();
    let gathered = offline.into_inner().unwrap_or_else(PoisonError::into_inner);
    outcome.offline = match (gathered, wants.zip) {
        (Some(files), _) => Some(files),
        (None, true) => Some(offline_copy(
            site,
            theme,
            render,
            staging,
            &Downloads {
                files: made.clone(),
                date: stamp,
                place: Place::Site,
            },
        )?),
        (None, false) => None,
    };
    let listing = Downloads {
        files: made,
        date: stamp,
        place: Place::Site,
    };
    for page in crate::render::download_pages(site, theme, render, &listing)? {
        paths.push(page.path.clone());
        staging.put(&page)?;
    }
    check_unique_paths(paths.iter().map(String::as_str))?;
    check_portable_names(paths.iter().map(String::as_str))?;
    outcome.reused = ledger.reused();
    // Last, so that no copy of the site (the offline zip) holds it.
    if let Some(text) = ledger.file() {
        staging.put(&OutputFile {
            path: CACHE_FILE.to_string(),
            contents: Contents::Bytes(text.into_bytes()),
        })?;
    }
    outcome.phases.push(("downloads", lap.elapsed()));
    Ok(outcome)
}

/// The download pages of a site kept in memory (`serve`): the formats are never made
/// there, so as not to delay the reload, and the pages say that `panduan build` makes
/// them.
pub fn serving_pages(
    site: &Site,
    theme: &Theme,
    render: &RenderOptions,
) -> Result<Vec<OutputFile>> {
    let none = Downloads {
        files: Vec::new(),
        date: stamp(&site.config),
        place: Place::Serve,
    };
    crate::render::download_pages(site, theme, render, &none)
}

/// The entry of the download page for the file at `path` made by `format`: its
/// language and, for a file made per page, the page's file stem, read back from the
/// table's names.
fn describe(site: &Site, format: &Format, path: &str, size: u64) -> Download {
    let stem = path
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(stem, _)| stem);
    let mut lang = None;
    let mut page = None;
    if !format.every_language {
        for (l, language) in site.config.languages.iter().enumerate() {
            let code = language.code.as_str();
            if (format.file)(code) == path {
                lang = Some(l);
                break;
            }
            if let (Some(each), Some(stem)) = (format.each, stem)
                && each(code, stem) == path
            {
                lang = Some(l);
                page = Some(stem.to_string());
                break;
            }
        }
    }
    Download {
        path: path.to_string(),
        size,
        format: format.shown,
        label: format.label,
        group: format.group,
        lang,
        page,
    }
}

/// Every file staged so far, with the download pages as `listing` shows them, sorted
/// by path: what an offline copy of the site holds.
fn offline_copy(
    site: &Site,
    theme: &Theme,
    render: &RenderOptions,
    staging: &dyn Staging,
    listing: &Downloads,
) -> Result<Vec<OutputFile>> {
    let mut files = staging.staged()?;
    files.extend(crate::render::download_pages(site, theme, render, listing)?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The PDF of each language (the table's `pdf`).
fn make_pdf(m: &Making<'_>, format: &Format) -> Result<Made> {
    let names = crate::pdf::Names {
        handbook: Some(format.file),
        handouts: None,
    };
    pdf(m, &names)
}

/// The handouts of each language, all in one and one per page (the table's
/// `handouts`).
fn make_handouts(m: &Making<'_>, format: &Format) -> Result<Made> {
    let Some(each) = format.each else {
        return Ok(Made::default());
    };
    let names = crate::pdf::Names {
        handbook: None,
        handouts: Some((format.file, each)),
    };
    pdf(m, &names)
}

fn pdf(m: &Making<'_>, names: &crate::pdf::Names) -> Result<Made> {
    let cache = crate::pdf::Cache {
        previous: m.previous,
        ledger: m.ledger,
    };
    let made = crate::pdf::files(m.site, m.theme, names, cache)?;
    Ok(Made {
        files: made.files,
        written: Vec::new(),
        warnings: made.warnings,
    })
}

/// The EPUB of each language, from the pages rendered into the staging folder.
fn make_epub(m: &Making<'_>, format: &Format) -> Result<Made> {
    let config = &m.site.config;
    let read = |rel: &str| m.staging.read(rel);
    let files = (0..config.languages.len())
        .map(|l| {
            let code = config.languages[l].code.as_str();
            let contents = crate::render::ui_string(m.theme, code, "contents");
            let summary = crate::render::ui_string(m.theme, code, "epub_accessibility_summary");
            let book = crate::epub::Book {
                lang_index: l,
                path: (format.file)(code),
                contents_label: &contents,
                accessibility_summary: &summary,
                stamp: m.stamp,
                read: &read,
            };
            crate::epub::book(m.site, &book)
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Made {
        files,
        ..Made::default()
    })
}

/// The offline zip: the site as it is staged, with the copy of the download pages
/// that fits inside it (which lists the zip without its size, see [`Place`]).
fn make_offline_zip(m: &Making<'_>, format: &Format) -> Result<Made> {
    let path = (format.file)("");
    let mut inside = m.made.to_vec();
    inside.push(describe(m.site, format, &path, 0));
    let listing = Downloads {
        files: inside,
        date: m.stamp,
        place: Place::InsideZip,
    };
    let files = offline_copy(m.site, m.theme, m.render, m.staging, &listing)?;
    let target = m.staging.staged_path(&path)?;
    let size = zip(&files, &target, OFFLINE_TOP, m.stamp)?;
    m.staging.count(size);
    *m.offline.lock().unwrap_or_else(PoisonError::into_inner) = Some(files);
    Ok(Made {
        written: vec![(path, size)],
        ..Made::default()
    })
}
