//! One content page: its body as HTML (Markdown with resolved links), its template
//! context, and the page template rendered with both.
//!
//! Input: the [`Site`] and a page's index, and when given the body's HTML already made
//! (with the print chapter, see [`super::print`]). It must not look at other output
//! files: what the page shows of other pages comes from the model.

use super::context::{
    Ctx, Field, Link, LinkDetail, PageCtx, absolute, alternates, language_links, link_to, site_ctx,
    translation_notice,
};
use super::strings::{labels, strings, strings_value};
use super::{Compiled, OutputFile, RenderOptions, Theme, incremental, render_template};
use crate::error::Result;
use crate::markdown::{self, Labels};
use crate::model::url::root_prefix;
use crate::model::{Page, Site};

/// Renders page `index` (with `content` as its body's HTML, if given); when reusing,
/// also returns what the next build needs to reuse it.
pub(super) fn page(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    index: usize,
    content: Option<std::sync::Arc<str>>,
) -> Result<(OutputFile, Option<incremental::LastPage>)> {
    let page = &site.pages[index];
    let lang = site.config.languages[page.lang_index].code.as_str();
    let (content_key, content) = match content {
        Some(content) => (None, content),
        None => body_html(
            theme,
            page,
            &page.links,
            &labels(strings(theme, lang), String::new()),
        ),
    };
    let mut ctx = page_ctx(site, theme.theme, options, index);
    let what = page.path.as_ref().map_or_else(
        || format!("the `{lang}` home page"),
        |p| format!("`{}`", crate::diagnostic::display_path(p)),
    );
    let template = page
        .front
        .template
        .as_ref()
        .map_or("page.html", |t| t.value.as_str());
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

/// The template context of page `index`; its `content` is left empty for [`page`] to
/// fill in (unless the page can be reused).
pub(super) fn page_ctx<'a>(
    site: &'a Site,
    theme: &'a Theme,
    options: &'a RenderOptions,
    index: usize,
) -> Ctx<'a, PageCtx<'a>> {
    let page = &site.pages[index];
    let language = &site.config.languages[page.lang_index];
    let lang = language.code.as_str();
    let from = page.url.as_str();
    let (prev, next) = prev_next(site, index);
    Ctx {
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
            content: tera::Value::safe_string(""),
            toc: page
                .analysis
                .headings
                .iter()
                .filter(|h| (2..=3).contains(&h.level))
                .collect(),
            breadcrumbs: breadcrumbs(site, index),
            prev,
            next,
            children: page
                .children
                .iter()
                .map(|&c| link_to(from, &site.pages[c], LinkDetail::Summary))
                .collect(),
            related: page
                .related
                .iter()
                .map(|&r| {
                    let detail = match site.pages[r].lang_index == page.lang_index {
                        true => LinkDetail::Plain,
                        false => LinkDetail::Language,
                    };
                    link_to(from, &site.pages[r], detail)
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
            fields: fields(site, page),
            is_section: page.is_section,
            is_home: page.parent.is_none(),
            extra: page.front.extra.as_ref(),
            translation_notice: translation_notice(site, page),
        },
    }
}

/// The sections above page `index`, outermost first.
fn breadcrumbs(site: &Site, index: usize) -> Vec<Link> {
    let from = site.pages[index].url.as_str();
    let mut breadcrumbs = Vec::new();
    let mut up = site.pages[index].parent;
    while let Some(p) = up {
        breadcrumbs.push(link_to(from, &site.pages[p], LinkDetail::Plain));
        up = site.pages[p].parent;
    }
    breadcrumbs.reverse();
    breadcrumbs
}

/// The pages before and after page `index` in its language's reading order.
fn prev_next(site: &Site, index: usize) -> (Option<Link>, Option<Link>) {
    let page = &site.pages[index];
    let from = page.url.as_str();
    let order = &site.reading_order[page.lang_index];
    let pos = site.position(index);
    let prev = pos
        .and_then(|p| p.checked_sub(1))
        .map(|p| link_to(from, &site.pages[order[p]], LinkDetail::Plain));
    let next = pos
        .and_then(|p| order.get(p + 1))
        .map(|&n| link_to(from, &site.pages[n], LinkDetail::Plain));
    (prev, next)
}

/// The fields of the page's kind that the page sets, in the kind's order, labelled in
/// the page's language.
fn fields<'a>(site: &'a Site, page: &'a Page) -> Vec<Field<'a>> {
    let lang = site.config.languages[page.lang_index].code.as_str();
    let kind_def = page
        .front
        .kind
        .as_ref()
        .and_then(|k| site.config.kinds.get(&k.value));
    kind_def
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
        .unwrap_or_default()
}

/// A page body as HTML, with its fingerprint when reusing (see
/// [`incremental::body_html`]).
pub(super) fn body_html(
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
            page.drop_leading_h1,
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
