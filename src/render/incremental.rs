//! Reuse between builds for the render stage (`serve`, `watch`): what one build can
//! hand to the next, so that a rebuild renders again only what a change affected.
//!
//! Every render stays a pure function of its inputs; [`Reuse`] only remembers results
//! by a fingerprint of *all* the inputs that produced them:
//!
//! - a body's HTML: by the body, its resolved links and the labels;
//! - a language's navigation: by its template context and the theme;
//! - a rendered page: by its template, its whole template context and the answers of
//!   every site-wide template function the template called (`backlinks`, ...): when one
//!   of those answers changes (a title on another page, say), the page is rendered again;
//! - the compiled theme: by the theme's files and the kinds;
//! - the pages of the last build, for a shortcut: when nothing but page bodies changed,
//!   only the pages whose body changed are rendered again.
//!
//! A plain `build` passes a [`Reuse`] that is switched off, and none of this runs.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::context::{Ctx, PageCtx};
use super::{Compiled, Emit, OutputFile, RenderOptions, functions, theme};
use crate::error::Result;
use crate::load::{FrontMatter, Located};
use crate::markdown::{Labels, LinkOutput};
use crate::memo::{Key, Memo, Reusing, Slot};
use crate::model::{Page, Site};

/// What the render stage remembers between builds.
#[derive(Debug, Default)]
pub struct Reuse {
    /// Body HTML and navigation scripts, by fingerprint.
    bodies: Memo<Arc<str>>,
    rendered: Memo<RenderedPage>,
    pub(super) theme: Slot<Arc<theme::CompiledTera>>,
    /// By the fingerprint of everything but the bodies ([`structure_key`]).
    last_pages: Slot<Arc<HashMap<String, LastPage>>>,
    reused: AtomicU64,
    rerendered: AtomicU64,
}

/// How much of a build was reused: pages rendered again and pages reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub pages_rendered: u64,
    pub pages_reused: u64,
}

impl Reuse {
    /// Tables that remember (`Reusing::On`) or not.
    pub fn new(reusing: Reusing) -> Self {
        Reuse {
            bodies: Memo::new(reusing),
            rendered: Memo::new(reusing),
            theme: Slot::new(reusing),
            last_pages: Slot::new(reusing),
            reused: AtomicU64::new(0),
            rerendered: AtomicU64::new(0),
        }
    }

    /// Whether anything is remembered.
    pub fn is_on(&self) -> bool {
        self.rendered.is_on()
    }

    /// Starts the next build: counts start again, and what the last build did not use
    /// is dropped.
    pub fn next_build(&self) {
        self.reused.store(0, Ordering::Relaxed);
        self.rerendered.store(0, Ordering::Relaxed);
        self.bodies.next_generation();
        self.rendered.next_generation();
    }

    /// How the build so far reused pages.
    pub fn counts(&self) -> Counts {
        Counts {
            pages_rendered: self.rerendered.load(Ordering::Relaxed),
            pages_reused: self.reused.load(Ordering::Relaxed),
        }
    }

    fn note(&self, reused: bool) {
        let counter = if reused {
            &self.reused
        } else {
            &self.rerendered
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// A rendered page and what its template asked the site.
#[derive(Clone)]
struct RenderedPage {
    html: Arc<str>,
    /// (function, arguments, fingerprint of the answer) for each site-wide template
    /// function the template called.
    asked: Arc<[(functions::Call, Key)]>,
}

/// One page of the last build.
#[derive(Clone)]
pub(super) struct LastPage {
    /// The fingerprint of its body.
    body: Key,
    html: Arc<str>,
    /// Its entries in [`Reuse::rendered`] and [`Reuse::bodies`], kept alive while the
    /// shortcut serves the page.
    rendered_key: Key,
    body_html_key: Key,
}

/// Every page, rendered again only where its inputs changed. When nothing but bodies
/// changed since the last build, a page whose body did not change is the same as then.
/// Returns the paths made.
pub(super) fn pages(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    emit: &Emit<'_>,
) -> Result<Vec<String>> {
    let reuse = theme.reuse;
    let structure = structure_key(site, theme, options);
    let last = reuse
        .last_pages
        .take()
        .filter(|(key, _)| *key == structure)
        .map(|(_, pages)| pages);
    let pages: Vec<Result<(String, Option<LastPage>)>> = site
        .pages
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let unchanged = last
                .as_ref()
                .and_then(|last| last.get(&p.url))
                .filter(|done| done.body == p.body_key());
            let (file, done) = match unchanged {
                Some(done) => {
                    reuse.note(true);
                    // Keep what the page was made from for the next build that needs it.
                    let _ = reuse.rendered.get(done.rendered_key);
                    let _ = reuse.bodies.get(done.body_html_key);
                    let file = OutputFile::bytes(p.url.clone(), done.html.as_bytes());
                    (file, Some(done.clone()))
                }
                None => super::page::page(site, theme, options, i, None)?,
            };
            let path = file.path.clone();
            emit(file)?;
            Ok((path, done))
        })
        .collect();
    let mut kept = HashMap::new();
    let mut paths = Vec::with_capacity(pages.len() + 16);
    for p in pages {
        let (path, done) = p?;
        if let Some(done) = done {
            kept.insert(path.clone(), done);
        }
        paths.push(path);
    }
    reuse.last_pages.put(structure, Arc::new(kept));
    Ok(paths)
}

/// A fingerprint of everything the pages of `site` depend on besides their own bodies:
/// the configuration, the theme, the options, and every page's place, titles, front
/// matter, resolved links, backlinks and translation state.
///
/// Every field of a page and of its front matter is named below, without `..`: a new
/// field does not compile until someone decides here whether it is hashed.
fn structure_key(site: &Site, theme: &Compiled<'_>, options: &RenderOptions) -> Key {
    let mut h = crate::memo::hasher();
    site.config.fingerprint.hash(&mut h);
    theme.theme.key.hash(&mut h);
    options.live_reload.hash(&mut h);
    site.reading_order.hash(&mut h);
    site.homes.hash(&mut h);
    site.translations.hash(&mut h);
    for p in &site.pages {
        let Page {
            id,
            lang: _,
            lang_index,
            path,
            rel,
            // The body is fingerprinted on its own (`Page::body_key`), and so is what
            // comes from it alone: its analysis (headings, links, the table of contents).
            source: _,
            body: _,
            analysis: _,
            body_key: _,
            front,
            title,
            is_section,
            url,
            parent,
            children,
            links,
            related,
            field_pages,
            links_to,
            link_targets,
            backlinks,
            drop_leading_h1,
            translation,
            term_uses,
        } = p;
        (id.as_str(), lang_index, path, rel, url, title).hash(&mut h);
        (is_section, parent, children, related).hash(&mut h);
        field_pages.len().hash(&mut h);
        field_pages.iter().for_each(|entry| entry.hash(&mut h));
        (links, links_to, link_targets, backlinks, drop_leading_h1).hash(&mut h);
        (translation, term_uses).hash(&mut h);
        let FrontMatter {
            title,
            summary,
            order,
            slug,
            tags,
            related,
            draft,
            for_authors,
            key,
            kind,
            translation,
            extra,
            template,
            fields,
            // Where each field was written: for messages only.
            field_spans: _,
        } = front;
        (
            value(title),
            summary,
            order,
            value(slug),
            tags,
            draft,
            for_authors,
        )
            .hash(&mut h);
        let related: Vec<&str> = related.iter().map(|r| r.value.as_str()).collect();
        (related, value(key), value(kind), value(template)).hash(&mut h);
        translation
            .as_ref()
            .map(|t| (&t.value.from, &t.value.source, &t.value.blocks))
            .hash(&mut h);
        crate::memo::key_of_json(fields).hash(&mut h);
        crate::memo::key_of_json(extra).hash(&mut h);
    }
    h.finish()
}

/// The value of a front matter entry written in one place, without the place.
fn value(v: &Option<Located<String>>) -> Option<&str> {
    v.as_ref().map(|l| l.value.as_str())
}

/// What [`page`] needs besides the context.
pub(super) struct PageInputs<'a> {
    pub(super) page: &'a Page,
    pub(super) template: &'a str,
    /// The body's HTML and its fingerprint (see [`body_html`]).
    pub(super) content: Arc<str>,
    pub(super) content_key: Key,
    /// The page as error messages name it.
    pub(super) what: &'a str,
}

/// A page rendered from `ctx`, or the same page from the last build when its inputs
/// (template, context, body, and the answers of the template functions it used) are
/// unchanged.
pub(super) fn page(
    theme: &Compiled<'_>,
    mut ctx: Ctx<'_, PageCtx<'_>>,
    inputs: PageInputs<'_>,
) -> Result<(OutputFile, Option<LastPage>)> {
    let reuse = theme.reuse;
    let PageInputs {
        page,
        template,
        content,
        content_key,
        what,
    } = inputs;
    // `t` is a template value whose map order differs from one build to the next; the
    // theme's key covers it.
    let t = ctx.t.take();
    let key = crate::memo::key_of(&(
        template,
        theme.theme.key,
        crate::memo::key_of_json(&ctx),
        content_key,
    ));
    ctx.t = t;
    let last = |html: Arc<str>| LastPage {
        body: page.body_key(),
        html,
        rendered_key: key,
        body_html_key: content_key,
    };
    if let Some(done) = reuse.rendered.get(key)
        && theme.answers.agree(&done.asked)
    {
        reuse.note(true);
        let file = OutputFile::bytes(page.url.clone(), done.html.as_bytes());
        return Ok((file, Some(last(done.html))));
    }
    reuse.note(false);
    ctx.page.content = tera::Value::safe_string(&content);
    let (html, asked) =
        functions::noting_calls(|| super::render_template(theme, template, &ctx, what));
    let html: Arc<str> = html?.into();
    reuse.rendered.insert(
        key,
        RenderedPage {
            html: Arc::clone(&html),
            asked: asked.into(),
        },
    );
    let file = OutputFile::bytes(page.url.clone(), html.as_bytes());
    Ok((file, Some(last(html))))
}

/// A page body as HTML with its fingerprint, from the last build when it rendered the
/// same body with the same links and labels.
pub(super) fn body_html(
    reuse: &Reuse,
    page: &Page,
    links: &[LinkOutput],
    labels: &Labels,
    render: impl FnOnce() -> Arc<str>,
) -> (Key, Arc<str>) {
    let key = crate::memo::key_of(&(page.body_key(), links, labels, page.drop_leading_h1));
    (key, reuse.bodies.get_or(|| key, render))
}

/// A language's navigation script, from the last build when its context and the theme
/// are unchanged.
pub(super) fn navigation(
    theme: &Compiled<'_>,
    ctx: &impl Serialize,
    render: impl FnOnce() -> Result<Arc<str>>,
) -> Result<Arc<str>> {
    let key = || crate::memo::key_of(&("nav.html", theme.theme.key, crate::memo::key_of_json(ctx)));
    theme.reuse.bodies.try_get_or(key, render)
}
