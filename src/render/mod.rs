//! Step 4 of the pipeline: [`Site`] -> rendered files (`Vec<OutputFile>`).
//!
//! 1. per language, the navigation is rendered once (`assets/nav-<lang>.js`), so a
//!    page's size does not grow with the size of the book;
//! 2. every page is rendered in parallel: Markdown with resolved links, then the
//!    page template with a typed context;
//! 3. pages for untranslated pages, the language chooser, `404.html`, `sitemap.xml`
//!    and the theme's static files complete the site.
//!
//! Nothing here writes to disk; `output` does.

pub(crate) mod functions;
mod incremental;
mod print;
pub mod theme;

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::escape::{escape_attr, escape_text, js_string};
use crate::markdown::{self, Labels};
use crate::model::url::{encode_path, relative, root_prefix};
use crate::model::{Page, Site};
pub use incremental::{Counts, Reuse};
pub use theme::Theme;

/// The body of an output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// Copy this file from the project as it is.
    Copy(PathBuf),
}

/// One file of the output, at a `/`-separated path below the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: Contents,
}

impl OutputFile {
    fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }
}

/// Options for rendering.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// HTML inserted before `</body>` of every page (the live-reload client of `serve`).
    pub live_reload: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct SiteCtx<'a> {
    title: &'a str,
    description: &'a str,
    base_url: Option<&'a str>,
}

#[derive(Serialize)]
struct LangLink<'a> {
    code: &'a str,
    name: &'a str,
    href: String,
    current: bool,
    translated: bool,
}

#[derive(Serialize)]
struct Alternate {
    hreflang: String,
    href: String,
}

#[derive(Serialize)]
struct Link {
    title: String,
    href: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
}

#[derive(Serialize)]
struct Field<'a> {
    name: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    ty: crate::config::FieldType,
    value: String,
    items: Vec<String>,
}

#[derive(Serialize)]
struct PageCtx<'a> {
    id: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    /// The body's HTML: a template value made once from it (a context takes values as
    /// they are instead of copying them).
    content: tera::Value,
    toc: Vec<&'a markdown::Heading>,
    breadcrumbs: Vec<Link>,
    prev: Option<Link>,
    next: Option<Link>,
    children: Vec<Link>,
    related: Vec<Link>,
    tags: &'a [String],
    kind: Option<&'a str>,
    kind_label: Option<&'a str>,
    fields: Vec<Field<'a>>,
    is_section: bool,
    is_home: bool,
    extra: Option<&'a serde_json::Value>,
    /// Set when this translation is outdated or still a stub: the original to read.
    translation_notice: Option<TranslationNotice<'a>>,
}

#[derive(Serialize)]
struct TranslationNotice<'a> {
    /// `outdated` or `stub`.
    state: &'static str,
    href: String,
    lang: &'a str,
    name: &'a str,
    title: &'a str,
}

/// What every page template receives.
#[derive(Serialize)]
struct Ctx<'a, P: Serialize> {
    site: SiteCtx<'a>,
    lang: &'a str,
    lang_name: &'a str,
    /// From this file back to the output root (`../../`).
    root: String,
    /// This file's path below the output root.
    url: &'a str,
    /// The UI strings; always set for rendering (left out of fingerprints, which
    /// include the theme's).
    t: Option<&'a tera::Value>,
    languages: Vec<LangLink<'a>>,
    alternates: Vec<Alternate>,
    canonical: Option<String>,
    live_reload: Option<&'a str>,
    page: P,
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

/// Files gathered in memory from any thread (`serve` keeps its site in memory).
#[derive(Debug, Default)]
pub struct Collected(std::sync::Mutex<Vec<OutputFile>>);

impl Collected {
    /// Adds one file; never fails (the signature is that of [`Emit`]).
    pub fn push(&self, file: OutputFile) -> Result<()> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(file);
        Ok(())
    }

    /// The files, sorted by path.
    pub fn sorted(self) -> Vec<OutputFile> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

/// Where rendered files go as soon as they are made (straight to disk for `build`, so
/// that the whole site is never in memory at once).
pub type Emit<'a> = dyn Fn(OutputFile) -> Result<()> + Sync + 'a;

/// Every file of the site but the search indexes: pages, navigation, notices for
/// untranslated pages, search pages, the language chooser, `404.html`, the sitemap and
/// static files, and, when `reuse` is off, the print documents (made with the pages,
/// see [`pages_with_print`]; `serve` and `watch`, which reuse, make them after
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
        .map(|(l, language)| navigation(site, theme, l, language.code.as_str()))
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
                let (file, _) = page(site, theme, options, i, Some(own))?;
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
            let (file, _) = page(site, theme, options, i, None)?;
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
    files.extend(untranslated(site, theme, options)?);
    for l in 0..site.config.languages.len() {
        files.push(search_page(site, theme, options, l)?);
    }
    files.push(chooser(site, theme, options, "index.html")?);
    files.push(chooser(site, theme, options, "404.html")?);
    if let Some(base) = &site.config.base_url {
        files.push(OutputFile::bytes("sitemap.xml", sitemap(site, base)));
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

/// The UI strings of `lang` as the template value `t`.
fn strings_value<'t>(theme: &'t Theme, lang: &str) -> &'t tera::Value {
    static EMPTY: std::sync::OnceLock<tera::Value> = std::sync::OnceLock::new();
    theme
        .string_values
        .get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(|| tera::Value::from_serializable(&())))
}

fn strings<'t>(theme: &'t Theme, lang: &str) -> &'t std::collections::BTreeMap<String, String> {
    static EMPTY: std::sync::OnceLock<std::collections::BTreeMap<String, String>> =
        std::sync::OnceLock::new();
    theme
        .strings
        .get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(Default::default))
}

/// The renderer's labels in one language, with ids prefixed by `id_prefix`.
fn labels(t: &std::collections::BTreeMap<String, String>, id_prefix: String) -> Labels {
    Labels {
        note: label(t, "note"),
        tip: label(t, "tip"),
        important: label(t, "important"),
        warning: label(t, "warning"),
        caution: label(t, "caution"),
        anchor: label(t, "anchor_label"),
        back_to_text: label(t, "back_to_text"),
        task_done: label(t, "task_done"),
        task_open: label(t, "task_open"),
        id_prefix,
    }
}

fn label(strings: &std::collections::BTreeMap<String, String>, key: &str) -> String {
    strings.get(key).cloned().unwrap_or_else(|| key.to_string())
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
        theme::template_error(&format!("cannot prepare `{template}` for {what}"), &e)
    })?;
    theme
        .tera
        .render(template, &context)
        .map_err(|e| theme::template_error(&format!("template `{template}` failed for {what}"), &e))
}

#[derive(Serialize)]
struct NavItem<'a> {
    title: &'a str,
    url: &'a str,
    href: &'a str,
    depth: usize,
    is_section: bool,
    opens: bool,
    closes: usize,
}

/// `assets/nav-<lang>.js`: the sidebar of one language, rendered once.
fn navigation(
    site: &Site,
    theme: &Compiled<'_>,
    lang_index: usize,
    lang: &str,
) -> Result<OutputFile> {
    let home = site.homes[lang_index];
    // Depth-first with explicit depth; the home page itself is the first item.
    let mut items: Vec<NavItem<'_>> = Vec::new();
    let mut stack: Vec<(usize, usize)> = vec![(home, 0)];
    while let Some((i, depth)) = stack.pop() {
        let page = &site.pages[i];
        items.push(NavItem {
            title: &page.title,
            url: &page.url,
            href: &page.url,
            depth,
            is_section: page.is_section,
            opens: depth > 0 && !page.children.is_empty(),
            closes: 0,
        });
        if i != home {
            stack.extend(page.children.iter().rev().map(|&c| (c, depth + 1)));
        } else {
            stack.extend(page.children.iter().rev().map(|&c| (c, 1)));
        }
    }
    // How many nested lists close after each item: the drop in depth to the next one.
    for k in 0..items.len() {
        let here = items[k].depth;
        let next = items.get(k + 1).map_or(1, |n| n.depth);
        let effective = if items[k].opens { here + 1 } else { here };
        items[k].closes = effective.saturating_sub(next.max(1));
        if k == 0 {
            items[k].closes = 0;
        }
    }
    #[derive(Serialize)]
    struct NavCtx<'a> {
        lang: &'a str,
        items: Vec<NavItem<'a>>,
    }
    let ctx = NavCtx { lang, items };
    let render = || -> Result<std::sync::Arc<str>> {
        let html = render_template(theme, "nav.html", &ctx, &format!("the `{lang}` navigation"))?;
        Ok(format!("window.panduanNav = {};\n", js_string(&html)).into())
    };
    let js = match theme.reuse.is_on() {
        false => render()?,
        true => incremental::navigation(theme, &ctx, render)?,
    };
    Ok(OutputFile::bytes(
        format!("assets/nav-{lang}.js"),
        js.as_bytes(),
    ))
}

fn link_to(from: &str, page: &Page, with_summary: bool, other_lang: bool) -> Link {
    Link {
        title: page.title.clone(),
        href: relative(from, &page.url),
        summary: if with_summary {
            page.front.summary.clone()
        } else {
            None
        },
        lang: other_lang.then(|| page.lang.as_str().to_string()),
    }
}

fn absolute(base: &str, path: &str) -> String {
    format!(
        "{base}{}",
        encode_path(path.strip_suffix("index.html").unwrap_or(path))
    )
}

/// Renders page `index` (with `content` as its body's HTML, if given); when reusing,
/// also returns what the next build needs to reuse it.
fn page(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    index: usize,
    content: Option<std::sync::Arc<str>>,
) -> Result<(OutputFile, Option<incremental::LastPage>)> {
    let page = &site.pages[index];
    let language = &site.config.languages[page.lang_index];
    let lang = language.code.as_str();
    let (content_key, content) = match content {
        Some(content) => (None, content),
        None => body_html(
            theme,
            page,
            &page.links,
            &labels(strings(theme, lang), String::new()),
        ),
    };
    let from = page.url.as_str();

    let mut breadcrumbs = Vec::new();
    let mut up = page.parent;
    while let Some(p) = up {
        breadcrumbs.push(link_to(from, &site.pages[p], false, false));
        up = site.pages[p].parent;
    }
    breadcrumbs.reverse();
    let order = &site.reading_order[page.lang_index];
    let pos = site.position(index);
    let prev = pos
        .and_then(|p| p.checked_sub(1))
        .map(|p| link_to(from, &site.pages[order[p]], false, false));
    let next = pos
        .and_then(|p| order.get(p + 1))
        .map(|&n| link_to(from, &site.pages[n], false, false));

    let kind_def = page
        .front
        .kind
        .as_ref()
        .and_then(|k| site.config.kinds.get(&k.value));
    let fields = kind_def
        .map(|def| {
            def.fields
                .iter()
                .filter_map(|(name, fd)| {
                    let value = page.front.fields.get(name)?;
                    let (value, items) = match value {
                        crate::load::FieldValue::Text(s) => (s.clone(), Vec::new()),
                        crate::load::FieldValue::List(l) => (l.join(", "), l.clone()),
                        crate::load::FieldValue::Integer(n) => (n.to_string(), Vec::new()),
                        crate::load::FieldValue::Bool(b) => (b.to_string(), Vec::new()),
                    };
                    Some(Field {
                        name,
                        label: fd.label.get(lang).map_or(name.as_str(), String::as_str),
                        ty: fd.ty,
                        value,
                        items,
                    })
                })
                .collect()
        })
        .unwrap_or_default();

    let ctx = Ctx {
        site: site_ctx(site, page.lang_index),
        lang,
        lang_name: &language.name,
        root: root_prefix(from),
        url: from,
        t: Some(strings_value(theme, lang)),
        languages: language_links(site, index),
        alternates: alternates(site, index),
        canonical: site.config.base_url.as_deref().map(|b| absolute(b, from)),
        live_reload: options.live_reload.as_deref(),
        page: PageCtx {
            id: page.id.as_str(),
            title: &page.title,
            summary: page.front.summary.as_deref(),
            // Filled in below, unless the page can be reused.
            content: tera::Value::safe_string(""),
            toc: page
                .analysis
                .headings
                .iter()
                .filter(|h| (2..=3).contains(&h.level))
                .collect(),
            breadcrumbs,
            prev,
            next,
            children: page
                .children
                .iter()
                .map(|&c| link_to(from, &site.pages[c], true, false))
                .collect(),
            related: page
                .related
                .iter()
                .map(|&r| {
                    link_to(
                        from,
                        &site.pages[r],
                        false,
                        site.pages[r].lang_index != page.lang_index,
                    )
                })
                .collect(),
            tags: &page.front.tags,
            kind: page.front.kind.as_ref().map(|k| k.value.as_str()),
            kind_label: page
                .front
                .kind
                .as_ref()
                .and_then(|k| site.config.kinds.get(&k.value))
                .and_then(|d| d.label.get(lang))
                .map(String::as_str),
            fields,
            is_section: page.is_section,
            is_home: page.parent.is_none(),
            extra: page.front.extra.as_ref(),
            translation_notice: translation_notice(site, page),
        },
    };
    let what = page.path.as_ref().map_or_else(
        || format!("the `{lang}` home page"),
        |p| format!("`{}`", crate::diagnostic::display_path(p)),
    );
    let template = page
        .front
        .template
        .as_ref()
        .map_or("page.html", |t| t.value.as_str());
    let mut ctx = ctx;
    match content_key {
        Some(content_key) if theme.reuse.is_on() => {
            let inputs = incremental::PageInputs {
                page,
                template,
                content,
                content_key,
                what: &what,
            };
            incremental::page(theme, ctx, inputs)
        }
        _ => {
            ctx.page.content = tera::Value::safe_string(&content);
            let html = render_template(theme, template, &ctx, &what)?;
            Ok((OutputFile::bytes(page.url.clone(), html), None))
        }
    }
}

/// A page body as HTML, with its fingerprint when reusing (see
/// [`incremental::body_html`]).
fn body_html(
    theme: &Compiled<'_>,
    page: &Page,
    links: &[markdown::LinkOutput],
    labels: &Labels,
) -> (Option<crate::memo::Key>, std::sync::Arc<str>) {
    let render = || {
        markdown::to_html(
            page.body(),
            &page.analysis.headings,
            links,
            labels,
            markdown::LeadingH1::drop_if(page.drop_leading_h1),
        )
        .into()
    };
    match theme.reuse.is_on() {
        false => (None, render()),
        true => {
            let (key, html) = incremental::body_html(theme.reuse, page, links, labels, render);
            (Some(key), html)
        }
    }
}

fn translation_notice<'a>(site: &'a Site, page: &Page) -> Option<TranslationNotice<'a>> {
    let (state, source) = match page.translation.as_ref()? {
        crate::model::TranslationState::Outdated { source, .. } => ("outdated", *source),
        crate::model::TranslationState::Stub { source } => ("stub", *source),
        crate::model::TranslationState::Current { .. } => return None,
    };
    let original = &site.pages[source];
    let language = &site.config.languages[original.lang_index];
    Some(TranslationNotice {
        state,
        href: relative(&page.url, &original.url),
        lang: language.code.as_str(),
        name: &language.name,
        title: &original.title,
    })
}

fn site_ctx(site: &Site, lang_index: usize) -> SiteCtx<'_> {
    let l = &site.config.languages[lang_index];
    SiteCtx {
        title: &l.title,
        description: &l.description,
        base_url: site.config.base_url.as_deref(),
    }
}

/// The language switch of a page: the same page in each language, or its stub.
fn language_links(site: &Site, index: usize) -> Vec<LangLink<'_>> {
    let page = &site.pages[index];
    site.config
        .languages
        .iter()
        .enumerate()
        .map(|(l, language)| {
            let target = site.translation(index, l);
            let href = match target {
                Some(t) => relative(&page.url, &site.pages[t].url),
                None => relative(&page.url, &site.notice_url(page, l)),
            };
            LangLink {
                code: language.code.as_str(),
                name: &language.name,
                href,
                current: l == page.lang_index,
                translated: target.is_some(),
            }
        })
        .collect()
}

/// `<link rel=alternate hreflang>` for every translation plus `x-default`.
fn alternates(site: &Site, index: usize) -> Vec<Alternate> {
    let page = &site.pages[index];
    let href = |target: &str| match &site.config.base_url {
        Some(base) => absolute(base, target),
        None => relative(&page.url, target),
    };
    let mut out = Vec::new();
    for (l, language) in site.config.languages.iter().enumerate() {
        if let Some(t) = site.translation(index, l) {
            out.push(Alternate {
                hreflang: language.code.as_str().to_string(),
                href: href(&site.pages[t].url),
            });
        }
    }
    let default = site
        .translation(index, 0)
        .map_or(page.url.as_str(), |t| site.pages[t].url.as_str());
    out.push(Alternate {
        hreflang: "x-default".into(),
        href: href(default),
    });
    out
}

/// `<lang>/search.html`: the search page, answering `?q=...` from the index script.
fn search_page(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    lang_index: usize,
) -> Result<OutputFile> {
    let language = &site.config.languages[lang_index];
    let lang = language.code.as_str();
    let url = format!("{lang}/search.html");
    let languages = site
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(k, l)| LangLink {
            code: l.code.as_str(),
            name: &l.name,
            href: relative(&url, &format!("{}/search.html", l.code)),
            current: k == lang_index,
            translated: true,
        })
        .collect();
    let ctx = Ctx {
        site: site_ctx(site, lang_index),
        lang,
        lang_name: &language.name,
        root: root_prefix(&url),
        url: &url,
        t: Some(strings_value(theme, lang)),
        languages,
        alternates: Vec::new(),
        canonical: None,
        live_reload: options.live_reload.as_deref(),
        page: (),
    };
    let html = render_template(theme, "search.html", &ctx, &format!("`{url}`"))?;
    Ok(OutputFile::bytes(url, html))
}

#[derive(Serialize)]
struct Original<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    href: String,
}

/// A notice page in every language where a page is missing, linking to the original.
fn untranslated(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
) -> Result<Vec<OutputFile>> {
    let taken: std::collections::HashSet<String> =
        site.pages.iter().map(|p| p.url.to_lowercase()).collect();
    let mut jobs = Vec::new();
    for slots in site.translations.values() {
        let Some(original) = slots.iter().flatten().next().copied() else {
            continue;
        };
        for (l, slot) in slots.iter().enumerate() {
            if slot.is_none() {
                let url = site.notice_url(&site.pages[original], l);
                if !taken.contains(&url.to_lowercase()) {
                    jobs.push((original, l, url));
                }
            }
        }
    }
    jobs.par_iter()
        .map(|(original, l, url)| {
            let language = &site.config.languages[*l];
            let lang = language.code.as_str();
            let slots = &site.translations[&site.pages[*original].id];
            let originals: Vec<Original<'_>> = slots
                .iter()
                .flatten()
                .map(|&o| {
                    let p = &site.pages[o];
                    let ol = &site.config.languages[p.lang_index];
                    Original {
                        code: ol.code.as_str(),
                        name: &ol.name,
                        title: &p.title,
                        href: relative(url, &p.url),
                    }
                })
                .collect();
            #[derive(Serialize)]
            struct StubCtx<'a> {
                #[serde(flatten)]
                base: Ctx<'a, ()>,
                originals: Vec<Original<'a>>,
            }
            let languages = site
                .config
                .languages
                .iter()
                .enumerate()
                .map(|(k, lg)| {
                    let target = slots.get(k).copied().flatten();
                    LangLink {
                        code: lg.code.as_str(),
                        name: &lg.name,
                        href: target.map_or_else(
                            || relative(url, &site.notice_url(&site.pages[*original], k)),
                            |t| relative(url, &site.pages[t].url),
                        ),
                        current: k == *l,
                        translated: target.is_some(),
                    }
                })
                .collect();
            let ctx = StubCtx {
                base: Ctx {
                    site: site_ctx(site, *l),
                    lang,
                    lang_name: &language.name,
                    root: root_prefix(url),
                    url,
                    t: Some(strings_value(theme, lang)),
                    languages,
                    alternates: Vec::new(),
                    canonical: None,
                    live_reload: options.live_reload.as_deref(),
                    page: (),
                },
                originals,
            };
            let html = render_template(
                theme,
                "untranslated.html",
                &ctx,
                &format!("the untranslated notice `{url}`"),
            )?;
            Ok(OutputFile::bytes(url.clone(), html))
        })
        .collect()
}

#[derive(Serialize)]
struct Choice<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    description: &'a str,
    href: String,
    choose: String,
    not_found_title: String,
    not_found_body: String,
}

/// The root `index.html` (choose a language) and `404.html`.
fn chooser(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    template: &str,
) -> Result<OutputFile> {
    let path = template;
    let is_404 = template == "404.html";
    // A 404 page is served at any depth, so its links are absolute when a base URL is known.
    let root = match (&site.config.base_url, is_404) {
        (Some(base), true) => base.clone(),
        _ => root_prefix(path),
    };
    let languages: Vec<Choice<'_>> = site
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(l, language)| {
            let t = strings(theme, language.code.as_str());
            Choice {
                code: language.code.as_str(),
                name: &language.name,
                title: &language.title,
                description: &language.description,
                href: format!("{root}{}", encode_path(&site.pages[site.homes[l]].url)),
                choose: label(t, "choose_language"),
                not_found_title: label(t, "not_found_title"),
                not_found_body: label(t, "not_found_body"),
            }
        })
        .collect();
    let alternates = if is_404 {
        Vec::new()
    } else {
        let mut alts: Vec<Alternate> = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(l, language)| {
                let url = &site.pages[site.homes[l]].url;
                Alternate {
                    hreflang: language.code.as_str().to_string(),
                    href: site
                        .config
                        .base_url
                        .as_deref()
                        .map_or_else(|| relative(path, url), |b| absolute(b, url)),
                }
            })
            .collect();
        alts.push(Alternate {
            hreflang: "x-default".into(),
            href: site
                .config
                .base_url
                .clone()
                .unwrap_or_else(|| "index.html".into()),
        });
        alts
    };
    #[derive(Serialize)]
    struct ChooserCtx<'a> {
        lang: &'a str,
        root: String,
        languages: Vec<Choice<'a>>,
        alternates: Vec<Alternate>,
        canonical: Option<String>,
        live_reload: Option<&'a str>,
    }
    let ctx = ChooserCtx {
        lang: site.config.default_lang().code.as_str(),
        root,
        languages,
        alternates,
        canonical: if is_404 {
            None
        } else {
            site.config.base_url.clone()
        },
        live_reload: options.live_reload.as_deref(),
    };
    let html = render_template(theme, template, &ctx, &format!("`{path}`"))?;
    Ok(OutputFile::bytes(path, html))
}

/// `sitemap.xml` with hreflang alternates, for a site published at `base`.
fn sitemap(site: &Site, base: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut pages: Vec<&Page> = site.pages.iter().collect();
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    for page in pages {
        xml.push_str("  <url>\n    <loc>");
        escape_text(&mut xml, &absolute(base, &page.url));
        xml.push_str("</loc>\n");
        if let Some(slots) = site.translations.get(&page.id) {
            for (l, slot) in slots.iter().enumerate() {
                if let Some(t) = slot {
                    xml.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
                    xml.push_str(site.config.languages[l].code.as_str());
                    xml.push_str("\" href=\"");
                    escape_attr(&mut xml, &absolute(base, &site.pages[*t].url));
                    xml.push_str("\"/>\n");
                }
            }
            if let Some(Some(d)) = slots.first() {
                xml.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"");
                escape_attr(&mut xml, &absolute(base, &site.pages[*d].url));
                xml.push_str("\"/>\n");
            }
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Checks that no two output files share a path (case-insensitively, which breaks on
/// Windows and macOS).
pub fn check_unique_paths<'a>(paths: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for path in paths {
        if let Some(other) = seen.insert(path.to_lowercase(), path) {
            return Err(Error::Other(format!(
                "two output files would be written to `{path}` (and `{other}`)\n  = help: a file in `content/` has the same path as a generated page; rename it"
            )));
        }
    }
    Ok(())
}
