//! Step 3 of the pipeline: [`Loaded`] -> [`Site`], the validated model.
//!
//! Gives every page its identity ([`PageId`]), title, URL, place in the navigation and
//! translations, and resolves every link. Nothing here does I/O; problems become
//! [`Diagnostic`]s collected for the caller.

mod house_terms;
mod links;
pub use links::Unfinished;
mod references;
mod structure;
mod translations;

pub(crate) use structure::folder_of;
use structure::{reading, structure_language};
use translations::translation_states;
mod paths;
pub use paths::windows_name_problem;
pub mod url;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::{Config, Lang};
use crate::diagnostic::{Diagnostic, LineIndex, Span};
use crate::load::{FrontMatter, Loaded, SourcePage, StaticFile};
use crate::markdown::{self, Analysis, LinkOutput};
use crate::memo::{Memo, Reusing};
use crate::{help, msg};

/// The language-free identity of a page: its path below `content/<lang>/` without `.md`
/// (`group-types/therapy`; a section is its folder, the home page is empty), or the
/// `key:` of its front matter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct PageId(String);

impl PageId {
    /// The id as a string (`""` for the home page).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for PageId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("/")
        } else {
            f.write_str(&self.0)
        }
    }
}

/// Options that change what the model contains.
#[derive(Debug, Clone, Copy, Default)]
pub struct ModelOptions {
    /// Keep pages marked `draft: true`.
    pub drafts: bool,
    /// Links to pages, files and headings not written yet, and pages without a
    /// title: errors, or (`serve`) warnings marked on the page.
    pub unfinished: Unfinished,
}

/// A page, ready to render.
#[derive(Debug)]
pub struct Page {
    pub id: PageId,
    pub lang: Lang,
    /// Index of `lang` in `config.languages`.
    pub lang_index: usize,
    /// Path relative to the project root; `None` for a home page Panduan made up.
    pub path: Option<PathBuf>,
    /// Path below `content/<lang>/` without `.md`.
    pub rel: String,
    pub source: std::sync::Arc<str>,
    pub body: std::ops::Range<usize>,
    pub front: FrontMatter,
    pub title: String,
    pub is_section: bool,
    /// Output path below the output root (`id/jenis-kelompok/terapi/index.html`).
    pub url: String,
    /// The section this page belongs to (`None` for a home page).
    pub parent: Option<usize>,
    /// For sections: child pages and sections, in navigation order.
    pub children: Vec<usize>,
    pub analysis: std::sync::Arc<Analysis>,
    /// A fingerprint of the body, made on first use (see [`Page::body_key`]).
    pub(crate) body_key: std::sync::OnceLock<crate::memo::Key>,
    /// One per `analysis.links`, in the same order.
    pub links: Vec<LinkOutput>,
    /// Resolved `related:` pages (indexes into `Site::pages`).
    pub related: Vec<usize>,
    /// The page each field of `type = "page"` names, by field (indexes into
    /// `Site::pages`); a field whose value names no fitting page is left out.
    pub field_pages: indexmap::IndexMap<String, usize>,
    /// Pages this page links to, sorted.
    pub links_to: Vec<usize>,
    /// The page each link leads to, in the order of `links` (`None` for other links).
    pub link_targets: Vec<Option<usize>>,
    /// Pages that link to this page, in reading order.
    pub backlinks: Vec<usize>,
    /// Whether the body's leading `# Title` is the page title (and so not repeated).
    pub drop_leading_h1: bool,
    /// For a page with a translation record: is it up to date with its source?
    pub translation: Option<TranslationState>,
    /// The house terms and counterparts of `[terms]` this page uses (its avoided forms
    /// are warnings instead), sorted.
    pub term_uses: Vec<crate::terms::Role>,
}

/// How a translation relates to its source page now.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TranslationState {
    /// Made from the current version of the source page.
    Current { source: usize },
    /// The source page changed since: the blocks of the source that are new or
    /// changed, and how many recorded blocks are gone.
    Outdated {
        source: usize,
        changed: Vec<String>,
        removed: usize,
    },
    /// Still the stub written by `panduan new --translate-from`.
    Stub { source: usize },
}

/// The marker `panduan new --translate-from` leaves in a stub until it is translated.
pub const STUB_MARKER: &str = "<!-- panduan:translate";

/// Whether `body` is still a stub: it holds an HTML block that starts with
/// [`STUB_MARKER`], as Markdown reads it (not in code, not inside a sentence). A page
/// that only mentions the marker, as a guide to translating does, is not a stub.
pub fn is_stub(body: &str) -> bool {
    if !body.contains(STUB_MARKER) {
        return false;
    }
    let mut in_html_block = false;
    for event in pulldown_cmark::Parser::new_ext(body, crate::markdown::options()) {
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::HtmlBlock) => in_html_block = true,
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::HtmlBlock) => in_html_block = false,
            pulldown_cmark::Event::Html(html)
                if in_html_block && html.trim_start().starts_with(STUB_MARKER) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

impl Page {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.source[self.body.clone()]
    }

    /// Whether the page is still the stub `panduan new --translate-from` wrote (see
    /// [`is_stub`]).
    pub fn is_stub(&self) -> bool {
        is_stub(self.body())
    }

    /// A fingerprint of the body, computed once (only reuse between builds needs it).
    pub fn body_key(&self) -> crate::memo::Key {
        *self
            .body_key
            .get_or_init(|| crate::memo::key_of(&self.body()))
    }
}

/// The whole handbook, validated.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Sorted by (lang, reading order).
    pub pages: Vec<Page>,
    /// Per language (index as in `config.languages`): pages in reading order.
    pub reading_order: Vec<Vec<usize>>,
    /// Per language: index of the home page.
    pub homes: Vec<usize>,
    /// Per page: its position in its language's reading order, if it has one.
    pub positions: Vec<Option<usize>>,
    /// PageId -> per language (index as in `config.languages`) -> page.
    pub translations: BTreeMap<PageId, Vec<Option<usize>>>,
    /// Non-Markdown files under `content/`, copied as they are.
    pub statics: Vec<StaticFile>,
}

impl Site {
    /// The page with the same id in language `lang_index`, if translated.
    pub fn translation(&self, page: usize, lang_index: usize) -> Option<usize> {
        self.translations
            .get(&self.pages[page].id)
            .and_then(|t| t.get(lang_index).copied().flatten())
    }

    /// Position of a page in its language's reading order.
    pub fn position(&self, page: usize) -> Option<usize> {
        self.positions.get(page).copied().flatten()
    }
}

/// What the model stage remembers between builds (`serve`, `watch`): the Markdown
/// analysis of every body, by the body's fingerprint.
#[derive(Debug, Default)]
pub struct Reuse {
    analyses: Memo<std::sync::Arc<Analysis>>,
}

impl Reuse {
    /// A table that remembers (`Reusing::On`) or not.
    pub fn new(reusing: Reusing) -> Self {
        Reuse {
            analyses: Memo::new(reusing),
        }
    }

    /// Starts the next build.
    pub fn next_build(&self) {
        self.analyses.next_generation();
    }
}

/// Builds the model from what was loaded, reusing the analysis of every body `reuse`
/// has seen. Returns the site (even with errors, so that `check` can report
/// everything) and all diagnostics found.
pub fn site(
    config: Config,
    loaded: Loaded,
    options: ModelOptions,
    reuse: &Reuse,
) -> (Site, Vec<Diagnostic>) {
    let mut diagnostics = loaded.diagnostics;

    // 1. Identity and title of each page, in parallel (the Markdown analysis is the cost).
    let built: Vec<(Option<Page>, Vec<Diagnostic>)> = loaded
        .pages
        .into_par_iter()
        .filter(|p| options.drafts || !p.front.draft)
        .map(|p| page_from_source(&config, p, options.unfinished, reuse))
        .collect();
    let mut pages: Vec<Page> = Vec::new();
    for (page, mut ds) in built {
        diagnostics.append(&mut ds);
        pages.extend(page);
    }
    // 2. A home page for each language that has none.
    add_missing_homes(&config, &mut pages);
    pages.sort_by(|a, b| (a.lang_index, &a.rel).cmp(&(b.lang_index, &b.rel)));

    // 3. Sections, URLs and navigation, per language.
    let langs = config.languages.len();
    let mut homes = vec![0; langs];
    let mut reading_order = vec![Vec::new(); langs];
    for lang_index in 0..langs {
        let members: Vec<usize> = (0..pages.len())
            .filter(|&i| pages[i].lang_index == lang_index)
            .collect();
        homes[lang_index] = structure_language(&mut pages, &members, &mut diagnostics);
        reading_order[lang_index] = reading(&pages, homes[lang_index]);
    }

    // 4. Unique ids.
    let translations = translation_table(&pages, langs, &mut diagnostics);

    let mut positions = vec![None; pages.len()];
    for order in &reading_order {
        for (k, &i) in order.iter().enumerate() {
            if let Some(slot) = positions.get_mut(i) {
                *slot = Some(k);
            }
        }
    }
    let mut site = Site {
        config,
        pages,
        reading_order,
        homes,
        positions,
        translations,
        statics: loaded.statics,
    };

    // 5. Every output path unique and safe; links, related pages and backlinks; page
    // fields; translation states.
    paths::check(&site, &mut diagnostics);
    link_pages(&mut site, options.unfinished, &mut diagnostics);
    references::resolve(&mut site, &mut diagnostics);
    translation_states(&mut site, &mut diagnostics);
    crate::diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    (site, diagnostics)
}

/// Adds a home page, titled as the language, for each language that has none.
fn add_missing_homes(config: &Config, pages: &mut Vec<Page>) {
    for (lang_index, language) in config.languages.iter().enumerate() {
        if !pages
            .iter()
            .any(|p| p.lang_index == lang_index && p.is_section && p.rel == "_index")
        {
            pages.push(Page {
                id: PageId(String::new()),
                lang: language.code.clone(),
                lang_index,
                path: None,
                rel: "_index".into(),
                source: "".into(),
                body: 0..0,
                front: FrontMatter::default(),
                title: language.title.clone(),
                is_section: true,
                url: String::new(),
                parent: None,
                children: Vec::new(),
                analysis: Default::default(),
                body_key: std::sync::OnceLock::new(),
                links: Vec::new(),
                related: Vec::new(),
                field_pages: Default::default(),
                links_to: Vec::new(),
                link_targets: Vec::new(),
                backlinks: Vec::new(),
                drop_leading_h1: false,
                translation: None,
                term_uses: Vec::new(),
            });
        }
    }
}

/// PageId -> per language -> page; two pages of one language with the same id are an
/// error.
fn translation_table(
    pages: &[Page],
    langs: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<PageId, Vec<Option<usize>>> {
    let mut translations: BTreeMap<PageId, Vec<Option<usize>>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let slot = translations
            .entry(page.id.clone())
            .or_insert_with(|| vec![None; langs]);
        match slot[page.lang_index] {
            None => slot[page.lang_index] = Some(i),
            Some(other) => {
                let first = &pages[other];
                diagnostics.push(
                    Diagnostic::error(
                        page_span(page),
                        msg!(
                            "page-id-twice",
                            lang = page.lang.as_str(),
                            id = page.id.to_string()
                        ),
                    )
                    .with_help(help!(other = shown_path(first))),
                );
            }
        }
    }
    translations
}

/// A page's file as diagnostics show it (empty for a home page Panduan made up).
fn shown_path(page: &Page) -> String {
    page.path
        .as_ref()
        .map(|p| crate::diagnostic::display_path(p))
        .unwrap_or_default()
}

/// Resolves every page's links and `related:` pages, and fills in the backlinks: the
/// inverse of the links, in reading order of the linking pages.
fn link_pages(site: &mut Site, unfinished: Unfinished, diagnostics: &mut Vec<Diagnostic>) {
    let resolved = links::resolve_all(site, unfinished);
    for (i, r) in resolved.into_iter().enumerate() {
        site.pages[i].links = r.links;
        site.pages[i].related = r.related;
        site.pages[i].links_to = r.targets;
        site.pages[i].link_targets = r.per_link;
        diagnostics.extend(r.diagnostics);
    }
    for order in &site.reading_order {
        for &from in order {
            for k in 0..site.pages[from].links_to.len() {
                let to = site.pages[from].links_to[k];
                // A page for authors only is no place readers are sent from.
                if to != from && !site.pages[from].front.for_authors {
                    site.pages[to].backlinks.push(from);
                }
            }
        }
    }
}

/// The place to report a problem with a page as a whole.
pub fn page_span(page: &Page) -> Span {
    page.path
        .as_ref()
        .map_or_else(|| Span::file("content"), Span::file)
}

/// Identity, title and Markdown analysis of one page.
fn page_from_source(
    config: &Config,
    p: SourcePage,
    unfinished: Unfinished,
    reuse: &Reuse,
) -> (Option<Page>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let lang_index = config
        .languages
        .iter()
        .position(|l| l.code == p.lang)
        .unwrap_or(0);
    let body = &p.source[p.body.clone()];
    let body_key = std::sync::OnceLock::new();
    if let Some(key) = p.known_body_key() {
        let _ = body_key.set(key);
    }
    let analysis = reuse.analyses.get_or(
        || *body_key.get_or_init(|| crate::memo::key_of(&body)),
        || std::sync::Arc::new(markdown::analyse(body)),
    );
    let is_section = p.rel == "_index" || p.rel.ends_with("/_index");
    let path_id = if is_section {
        p.rel
            .strip_suffix("_index")
            .unwrap_or("")
            .trim_end_matches('/')
            .to_string()
    } else {
        p.rel.clone()
    };
    let id = match &p.front.key {
        Some(key) => {
            let k = key.value.trim().trim_matches('/');
            if k.is_empty() || k.contains(['#', '|', '\\']) {
                diagnostics.push(
                    Diagnostic::error(key.span.clone(), msg!("page-key-invalid", key = &key.value))
                        .with_help(help!()),
                );
                path_id
            } else {
                k.to_string()
            }
        }
        None => path_id,
    };
    let h1 = analysis.leading_h1.clone();
    let (title, drop_leading_h1) = match (&p.front.title, h1) {
        (Some(t), h1) if !t.value.trim().is_empty() => {
            let same = h1.as_deref().is_some_and(|h| h.trim() == t.value.trim());
            (t.value.trim().to_string(), same)
        }
        (_, Some(h1)) if !h1.is_empty() => (h1, true),
        (t, _) => {
            let span = t
                .as_ref()
                .map_or_else(|| Span::file(&p.path), |t| t.span.clone());
            let mut d = Diagnostic::error(span, msg!("page-no-title")).with_help(help!());
            if unfinished == Unfinished::Fail {
                diagnostics.push(d);
                return (None, diagnostics);
            }
            // While the author writes (`serve`), a new page shows under its file name.
            d.level = crate::diagnostic::Level::Warning;
            diagnostics.push(d);
            let folder = p.rel.trim_end_matches("_index").trim_end_matches('/');
            let name = folder.rsplit('/').next().unwrap_or(folder);
            let name = match name {
                "" => config.languages[lang_index].title.clone(),
                name => name.to_string(),
            };
            (name, false)
        }
    };
    if let Some(slug) = &p.front.slug {
        let clean = markdown::slugify(&slug.value);
        if clean != slug.value || clean.is_empty() {
            diagnostics.push(
                Diagnostic::error(slug.span.clone(), msg!("slug-invalid", slug = &slug.value))
                    .with_help(if clean.is_empty() {
                        help!()
                    } else {
                        help!("help-try", fix = clean)
                    }),
            );
        }
    }
    let mut page = Page {
        id: PageId(id),
        lang: p.lang,
        lang_index,
        path: Some(p.path),
        rel: p.rel,
        source: p.source,
        body: p.body,
        front: p.front,
        title,
        is_section,
        url: String::new(),
        parent: None,
        children: Vec::new(),
        analysis,
        body_key,
        links: Vec::new(),
        related: Vec::new(),
        field_pages: Default::default(),
        links_to: Vec::new(),
        link_targets: Vec::new(),
        backlinks: Vec::new(),
        drop_leading_h1,
        translation: None,
        term_uses: Vec::new(),
    };
    let (warnings, uses) = house_terms::look(config, &page);
    diagnostics.extend(warnings);
    page.term_uses = uses;
    if let Some(offset) = page.analysis.too_deep {
        let index = LineIndex::new(&page.source);
        diagnostics.push(
            Diagnostic::error(
                body_span(&page, &index, offset),
                msg!("page-too-deep", limit = markdown::MAX_NESTING),
            )
            .with_help(help!()),
        );
    }
    if !page.analysis.scripts.is_empty() {
        let index = LineIndex::new(&page.source);
        diagnostics.extend(
            page.analysis.scripts.iter().map(|script| {
                script_warning(body_span(&page, &index, script.offset), &script.kind)
            }),
        );
    }
    if !page.analysis.marker_problems.is_empty() {
        let index = LineIndex::new(&page.source);
        diagnostics.extend(
            page.analysis
                .marker_problems
                .iter()
                .map(|p| marker_error(body_span(&page, &index, p.offset), p.problem)),
        );
    }
    (Some(page), diagnostics)
}

/// A media marker (`<!-- panduan:screen -->`, issue #30) that does not pair up: the
/// build cannot tell where the part for one medium ends.
fn marker_error(span: Span, problem: markdown::medium::Problem) -> Diagnostic {
    use markdown::medium::Problem;
    let message = match problem {
        Problem::Unclosed(m) => msg!("medium-unclosed", medium = m.name()),
        Problem::Unopened(m) => msg!("medium-unopened", medium = m.name()),
        Problem::Nested(m) => msg!("medium-nested", medium = m.name()),
    };
    Diagnostic::error(span, message).with_help(help!())
}

/// Raw HTML and links pass through as written: what would run script in every
/// reader's browser, or send readers elsewhere, is named, so that nobody ships it
/// unknowingly (issues #15 and #24).
fn script_warning(span: Span, kind: &markdown::ScriptKind) -> Diagnostic {
    use markdown::ScriptKind as K;
    let what = match kind {
        K::Element => msg!("script-element"),
        K::Handler(name) => msg!("script-event-attribute", name = name),
        K::JavascriptUrl => msg!("script-javascript-link"),
        K::Srcdoc => msg!("script-srcdoc"),
        K::DataDocument => msg!("script-data-document"),
        K::Base => return Diagnostic::warning(span, msg!("script-base")).with_help(help!()),
        K::FormAction => {
            return Diagnostic::warning(span, msg!("script-form-action")).with_help(help!());
        }
    };
    Diagnostic::warning(span, msg!("script-runs", what = what)).with_help(help!())
}

/// The span of byte `offset` of a page's body.
pub fn body_span(page: &Page, index: &LineIndex, offset: usize) -> Span {
    let (line, col) = index.line_col(&page.source, page.body.start + offset);
    Span::new(page.path.clone().unwrap_or_default(), line, col)
}

#[cfg(test)]
mod stub_tests {
    use super::is_stub;

    /// Regression (the guide's own translating chapter became a stub): only a line that
    /// starts with the marker, outside fenced code, makes a stub.
    #[test]
    fn a_page_that_mentions_the_stub_marker_is_not_a_stub() {
        assert!(is_stub(
            "Translate here.\n\n<!-- panduan:translate\nguide\n-->\n"
        ));
        assert!(!is_stub("Delete the `<!-- panduan:translate` block.\n"));
        assert!(!is_stub("```\n<!-- panduan:translate\n```\n"));
        assert!(!is_stub(
            "~~~~md\n<!-- panduan:translate\n~~~\nstill code\n~~~~\n"
        ));
        assert!(!is_stub("````\n```rust\n<!-- panduan:translate\n````\n"));
        assert!(!is_stub("    <!-- panduan:translate\n"));
        assert!(is_stub("```\ncode\n```\n<!-- panduan:translate\n-->\n"));
    }
}
