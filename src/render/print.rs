//! `<lang>/print.html`: the whole handbook of one language in reading order, ready for
//! "Save as PDF". Each page is a chapter with an id; every id inside a chapter is
//! prefixed with it, and links between pages become links to chapters, so the
//! document works on paper (page references) and on screen.

use serde::Serialize;

use super::context::{SiteCtx, site_ctx};
use super::page::body_html;
use super::strings::{labels, strings, strings_value};
use super::{Compiled, OutputFile, RenderOptions, Result, render_template};
use crate::markdown::{self, LinkKind, LinkOutput};
use crate::model::url::{decode_percent, join_normalised, relative, root_prefix};
use crate::model::{Page, Site};

/// The id of a page's chapter in the print document.
pub(super) fn chapter_id(page: &Page) -> String {
    match markdown::slugify(page.id.as_str()) {
        s if s.is_empty() => "chapter-home".into(),
        s => format!("chapter-{s}"),
    }
}

#[derive(Serialize)]
struct Chapter<'a> {
    id: String,
    title: &'a str,
    depth: usize,
    content: &'a str,
}

/// The links of `page` as they must be in the print document at `url`.
fn print_links(
    site: &Site,
    page: &Page,
    url: &str,
    prefix: &str,
    chapter_ids: &[String],
) -> Vec<LinkOutput> {
    page.analysis
        .links
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let fragment = |href: &str| href.split_once('#').map(|(_, f)| f.to_string());
            match (
                page.links.get(i),
                page.link_targets.get(i).copied().flatten(),
            ) {
                (Some(LinkOutput::Href { href, title, badge }), Some(t)) => {
                    let target = &site.pages[t];
                    let href = if target.lang_index == page.lang_index {
                        let chapter = chapter_ids.get(t).map_or("", String::as_str);
                        match fragment(href) {
                            Some(f) => format!("#{chapter}--{f}"),
                            None => format!("#{chapter}"),
                        }
                    } else {
                        let mut h = relative(url, &target.url);
                        if let Some(f) = fragment(href) {
                            h.push('#');
                            h.push_str(&f);
                        }
                        h
                    };
                    LinkOutput::Href {
                        href,
                        title: title.clone(),
                        badge: badge.clone(),
                    }
                }
                (Some(LinkOutput::Href { href, title, badge }), None) => {
                    // A file: resolve from the page, point from the print document.
                    let dir = page.url.rsplit_once('/').map_or("", |(d, _)| d);
                    let (path, frag) = href
                        .split_once('#')
                        .map_or((href.as_str(), None), |(p, f)| (p, Some(f)));
                    let href = match join_normalised(dir, &decode_percent(path)) {
                        Some(target) => {
                            let mut h = relative(url, &target);
                            if let Some(f) = frag {
                                h.push('#');
                                h.push_str(f);
                            }
                            h
                        }
                        None => href.clone(),
                    };
                    LinkOutput::Href {
                        href,
                        title: title.clone(),
                        badge: badge.clone(),
                    }
                }
                (_, _) if raw.kind != LinkKind::Image && raw.dest.starts_with('#') => {
                    LinkOutput::Href {
                        href: format!("#{prefix}{}", &raw.dest[1..]),
                        title: None,
                        badge: None,
                    }
                }
                (Some(other), _) => other.clone(),
                (None, _) => LinkOutput::Keep,
            }
        })
        .collect()
}

/// The body of page `index` as a chapter of its language's print document;
/// `chapter_ids` holds every page's [`chapter_id`], by page index.
pub(super) fn chapter_html(
    site: &Site,
    theme: &Compiled<'_>,
    index: usize,
    chapter_ids: &[String],
) -> std::sync::Arc<str> {
    let page = &site.pages[index];
    let lang = site.config.languages[page.lang_index].code.as_str();
    let url = format!("{lang}/print.html");
    let prefix = format!("{}--", chapter_ids.get(index).map_or("", String::as_str));
    let links = print_links(site, page, &url, &prefix, chapter_ids);
    body_html(theme, page, &links, &labels(strings(theme, lang), prefix)).1
}

/// The body of page `index` for its own page and as a chapter of the print document,
/// from one Markdown render when possible (see [`markdown::MarkedHtml`]).
pub(super) fn page_and_chapter_html(
    site: &Site,
    theme: &Compiled<'_>,
    index: usize,
    chapter_ids: &[String],
) -> (std::sync::Arc<str>, std::sync::Arc<str>) {
    let page = &site.pages[index];
    let lang = site.config.languages[page.lang_index].code.as_str();
    let page_labels = labels(strings(theme, lang), String::new());
    let marked = markdown::to_marked_html(
        page.body(),
        &page.analysis.headings,
        &page.links,
        &page_labels,
        markdown::LeadingH1::drop_if(page.drop_leading_h1),
    );
    let Some(marked) = marked else {
        let own = body_html(theme, page, &page.links, &page_labels).1;
        return (own, chapter_html(site, theme, index, chapter_ids));
    };
    let url = format!("{lang}/print.html");
    let prefix = format!("{}--", chapter_ids.get(index).map_or("", String::as_str));
    let links = print_links(site, page, &url, &prefix, chapter_ids);
    let own = marked.fill("", &page.links, &page.analysis.links);
    let chapter = marked.fill(&prefix, &links, &page.analysis.links);
    (own.into(), chapter.into())
}

/// Renders the print document of language `lang_index`; `chapters` holds the
/// language's pages in reading order, each with its [`chapter_html`].
pub(super) fn document(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    lang_index: usize,
    chapters: &[(usize, std::sync::Arc<str>)],
    chapter_ids: &[String],
) -> Result<OutputFile> {
    let language = &site.config.languages[lang_index];
    let lang = language.code.as_str();
    let url = format!("{lang}/print.html");
    let t = strings_value(theme, lang);
    let mut list = Vec::with_capacity(chapters.len());
    for (i, content) in chapters {
        let (i, page) = (*i, &site.pages[*i]);
        let mut depth = 0;
        let mut up = page.parent;
        while let Some(p) = up {
            depth += 1;
            up = site.pages[p].parent;
        }
        list.push(Chapter {
            id: chapter_ids.get(i).cloned().unwrap_or_default(),
            title: &page.title,
            depth,
            content,
        });
    }
    #[derive(Serialize)]
    struct PrintCtx<'a> {
        site: SiteCtx<'a>,
        lang: &'a str,
        root: String,
        t: &'a tera::Value,
        chapters: Vec<Chapter<'a>>,
        live_reload: Option<&'a str>,
    }
    let ctx = PrintCtx {
        site: site_ctx(site, lang_index),
        lang,
        root: root_prefix(&url),
        t,
        chapters: list,
        live_reload: options.live_reload.as_deref(),
    };
    let html = render_template(theme, "print.html", &ctx, &format!("`{url}`"))?;
    Ok(OutputFile::bytes(url, html))
}
