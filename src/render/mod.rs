//! Step 4 of the pipeline: [`Site`] -> rendered files (`Vec<OutputFile>`).
//!
//! 1. per language, the navigation is rendered once (`assets/nav-<lang>.js`), so a
//!    page's size does not grow with the size of the book;
//! 2. every page is rendered in parallel: Markdown with resolved links, then the
//!    page template with a typed context;
//! 3. pages for untranslated pages, the language chooser, `404.html`, `sitemap.xml`
//!    and the theme's static files complete the site.
//!
//! Nothing here writes to disk; `output` does. This file holds the stage's types (the
//! files it makes, its options, where the files go) and the order in which the rooms
//! below are called:
//!
//! - `context.rs`: the typed template contexts and the parts every page shares
//!   (language switch, hreflang alternates, links, translation notice);
//! - `strings.rs`: the theme's UI strings of one language;
//! - `navigation.rs`: `assets/nav-<lang>.js`;
//! - `page.rs`: one page and its body;
//! - `special.rs`: the language chooser, `404.html`, untranslated notices, search pages;
//! - `sitemap.rs`: `sitemap.xml`; `print.rs`: `<lang>/print.html`;
//! - `downloads.rs`: `<lang>/downloads.html`, made after the files it lists
//!   ([`download_pages`]);
//! - `incremental.rs`: reuse between builds; `functions.rs`: template functions;
//!   [`theme`]: the theme.

mod context;
mod downloads;
pub(crate) mod functions;
mod incremental;
mod navigation;
mod page;
mod print;
mod sitemap;
mod special;
mod strings;
mod tera_words;
#[cfg(test)]
mod test_site;
pub mod theme;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Result;
use crate::files::{Contents, Emit, OutputFile};
use crate::model::Site;
pub use downloads::{Download, Downloads, Group, PAGE as DOWNLOADS_PAGE, Place, handout_stem};
pub use incremental::{Counts, Reuse};
pub(crate) use strings::{labels, strings};
pub use theme::Theme;

/// Options for rendering.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// HTML inserted before `</body>` of every page (the live-reload client of `serve`).
    pub live_reload: Option<String>,
}

/// The print document of every language (`<lang>/print.html`): each gathers every
/// page of its language, so `serve` makes them after the reload (see
/// [`crate::render_pages`]).
pub fn print_documents(
    site: &Site,
    theme: &Theme,
    options: &RenderOptions,
    reuse: &Reuse,
    emit: &Emit<'_>,
) -> Result<Vec<String>> {
    let no_answers = functions::Answers::default();
    let theme = &Compiled {
        tera: &theme.compiled.tera,
        theme,
        reuse,
        answers: &no_answers,
    };
    let ids: Vec<String> = site.pages.iter().map(print::chapter_id).collect();
    // One language at a time, so that only one language's chapters are in memory.
    let mut paths = Vec::new();
    for l in 0..site.config.languages.len() {
        let chapters: Vec<(usize, std::sync::Arc<str>)> = site.reading_order[l]
            .par_iter()
            .map(|&i| (i, print::chapter_html(site, theme, i, &ids)))
            .collect();
        let file = print::document(site, theme, options, l, &chapters, &ids)?;
        paths.push(file.path.clone());
        emit(file)?;
    }
    Ok(paths)
}

/// The download page of every language (`<lang>/downloads.html`), listing
/// `downloads`: made after the files below `downloads/`, so that it lists what exists.
pub fn download_pages(
    site: &Site,
    theme: &Theme,
    options: &RenderOptions,
    downloads: &Downloads,
) -> Result<Vec<OutputFile>> {
    let no_answers = functions::Answers::default();
    let reuse = Reuse::default();
    let theme = &Compiled {
        tera: &theme.compiled.tera,
        theme,
        reuse: &reuse,
        answers: &no_answers,
    };
    downloads::pages(site, theme, options, downloads)
}

/// The theme's UI string `key` in language `lang` (the key itself when it has none).
pub fn ui_string(theme: &Theme, lang: &str, key: &str) -> String {
    strings::label(strings::strings(theme, lang), key)
}

/// Every file of the site but the search indexes: pages, navigation, notices for
/// untranslated pages, search pages, the language chooser, `404.html`, the sitemap and
/// static files, and, when `reuse` is off, the print documents (made with the pages,
/// see `pages_with_print`; `serve` and `watch`, which reuse, make them after
/// reloading the browser with [`print_documents`]). Pages are rendered in parallel.
/// Each file goes to `emit` as soon as it is made; returns the paths of all.
pub fn pages(
    site: &std::sync::Arc<Site>,
    theme: &Theme,
    options: &RenderOptions,
    reuse: &Reuse,
    emit: &Emit<'_>,
) -> Result<Vec<String>> {
    let answers = std::sync::Arc::new(functions::Answers::new(std::sync::Arc::clone(site)));
    let previous = theme.compiled.answers.set(std::sync::Arc::clone(&answers));
    // The previous answers hold the previous site: let it go off the critical path.
    let _ = std::thread::Builder::new().spawn(move || drop(previous));
    let site: &Site = site;
    let theme = &Compiled {
        tera: &theme.compiled.tera,
        theme,
        reuse,
        answers: &answers,
    };
    let mut files: Vec<OutputFile> = Vec::new();

    let navigations: Vec<Result<OutputFile>> = site
        .config
        .languages
        .par_iter()
        .enumerate()
        .map(|(l, language)| navigation::navigation(site, theme, l, language.code.as_str()))
        .collect();
    for nav in navigations {
        files.push(nav?);
    }
    let mut paths = match reuse.is_on() {
        false => pages_with_print(site, theme, options, emit)?,
        true => incremental::pages(site, theme, options, emit)?,
    };
    paths.extend(other_files(site, theme, options, files, emit)?);
    Ok(paths)
}

/// A page's index and its body as a chapter of the print document.
type Chapter = (usize, std::sync::Arc<str>);

/// Every page and, language by language, the print document: each page's body is
/// rendered once for both (see [`print::page_and_chapter_html`]). A language's print
/// document is made while the next language's pages are, so at most two languages'
/// chapters are in memory at a time. Returns the paths made.
fn pages_with_print(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    emit: &Emit<'_>,
) -> Result<Vec<String>> {
    let ids: Vec<String> = site.pages.iter().map(print::chapter_id).collect();
    let mut in_print = vec![false; site.pages.len()];
    let mut paths = Vec::with_capacity(site.pages.len() + 4);
    let pages_of = |l: usize| -> Result<(Vec<String>, Vec<Chapter>)> {
        let done: Vec<Result<(String, Chapter)>> = site.reading_order[l]
            .par_iter()
            .map(|&i| {
                let (own, chapter) = print::page_and_chapter_html(site, theme, i, &ids);
                let (file, _) = page::page(site, theme, options, i, Some(own))?;
                let path = file.path.clone();
                emit(file)?;
                Ok((path, (i, chapter)))
            })
            .collect();
        done.into_iter()
            .collect::<Result<Vec<_>>>()
            .map(|v| v.into_iter().unzip())
    };
    let document = |l: usize, chapters: &[Chapter]| -> Result<String> {
        let file = print::document(site, theme, options, l, chapters, &ids)?;
        let path = file.path.clone();
        emit(file)?;
        Ok(path)
    };
    // The print document of one language is made while the next language's pages are.
    let mut previous: Option<(usize, Vec<Chapter>)> = None;
    for l in 0..site.config.languages.len() {
        let (document_done, pages_done) = rayon::join(
            || {
                previous
                    .take()
                    .map(|(pl, chapters)| document(pl, &chapters))
            },
            || pages_of(l),
        );
        paths.extend(document_done.transpose()?);
        let (made, chapters) = pages_done?;
        for (i, _) in &chapters {
            in_print[*i] = true;
        }
        paths.extend(made);
        previous = Some((l, chapters));
    }
    if let Some((l, chapters)) = previous {
        paths.push(document(l, &chapters)?);
    }
    // Pages outside every reading order, if any.
    let rest: Vec<Result<String>> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| !in_print[i])
        .map(|i| {
            let (file, _) = page::page(site, theme, options, i, None)?;
            let path = file.path.clone();
            emit(file)?;
            Ok(path)
        })
        .collect();
    for r in rest {
        paths.push(r?);
    }
    Ok(paths)
}

/// The files besides pages and print documents: navigation (already in `files`),
/// notices for untranslated pages, search pages, the language chooser, `404.html`, the
/// sitemap and static files. Returns their paths.
fn other_files(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    mut files: Vec<OutputFile>,
    emit: &Emit<'_>,
) -> Result<Vec<String>> {
    let mut paths = Vec::new();
    files.extend(special::untranslated(site, theme, options)?);
    for l in 0..site.config.languages.len() {
        files.push(special::search_page(site, theme, options, l)?);
    }
    files.push(special::chooser(site, theme, options, "index.html")?);
    files.push(special::chooser(site, theme, options, "404.html")?);
    if let Some(base) = &site.config.base_url {
        files.push(OutputFile::bytes(
            "sitemap.xml",
            sitemap::sitemap(site, base),
        ));
    }
    for (path, bytes) in &theme.statics {
        files.push(OutputFile::bytes(format!("assets/{path}"), bytes.clone()));
    }
    for s in &site.statics {
        files.push(OutputFile {
            path: s.rel.clone(),
            contents: Contents::Copy(s.source.clone()),
        });
    }
    for file in files {
        paths.push(file.path.clone());
        emit(file)?;
    }
    Ok(paths)
}

/// A theme with its templates compiled, ready for one site.
struct Compiled<'a> {
    tera: &'a tera::Tera,
    theme: &'a Theme,
    reuse: &'a Reuse,
    answers: &'a functions::Answers,
}

impl std::ops::Deref for Compiled<'_> {
    type Target = Theme;
    fn deref(&self) -> &Theme {
        self.theme
    }
}

fn render_template<C: Serialize>(
    theme: &Compiled<'_>,
    template: &str,
    ctx: &C,
    what: &str,
) -> Result<String> {
    let context = tera::Context::from_serialize(ctx).map_err(|e| {
        theme::template_error(
            &crate::t!("template-prepare", template = template, what = what),
            None,
            &e,
            theme.sources(),
        )
    })?;
    theme.tera.render(template, &context).map_err(|e| {
        theme::template_error(
            &crate::t!("template-failed", template = template, what = what),
            Some(what),
            &e,
            theme.sources(),
        )
    })
}
