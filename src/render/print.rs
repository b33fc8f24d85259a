//! `<lang>/print.html`: the whole handbook of one language in reading order, ready for
//! "Save as PDF". Each page is a chapter with an id; every id inside a chapter is
//! prefixed with it, and links between pages become links to chapters, so the
//! document works on paper (page references) and on screen.

use serde::Serialize;

use super::context::{Field, SiteCtx, site_ctx};
use super::page::{body_html, fields};
use super::strings::{labels, strings, strings_value};
use super::{Compiled, OutputFile, RenderOptions, Result, render_template};
use crate::load::FieldValue;
use crate::markdown::medium::{self, Medium};
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
    /// What the page's info card shows (as on its own page, without the handout).
    kind_label: Option<&'a str>,
    fields: Vec<Field<'a>>,
    /// For a comparison page (`template: comparison.html`): a block per page of the
    /// kind, the print-friendly form of the site's table.
    comparison: Option<Comparison<'a>>,
    /// For a glossary page (`template: glossary.html`): its entries.
    glossary: Option<Vec<GlossaryItem<'a>>>,
}

/// The comparison of a kind's pages, as `print.html` lays it out: one block per page.
#[derive(Serialize)]
struct Comparison<'a> {
    name_label: &'a str,
    rows: Vec<ComparisonRow<'a>>,
}

#[derive(Serialize)]
struct ComparisonRow<'a> {
    title: &'a str,
    href: String,
    fields: Vec<Field<'a>>,
}

/// One entry of a glossary chapter.
#[derive(Serialize)]
struct GlossaryItem<'a> {
    /// The id of the entry on the site's glossary (`term-<key>`, or its number).
    id: String,
    term: &'a str,
    definition: std::borrow::Cow<'a, str>,
    /// Where the term is explained: its chapter, or its page on the site.
    href: String,
    title: &'a str,
}

/// Where a link to page `target` leads from the print document of language
/// `lang_index`: its chapter when the document holds it, else its own page.
fn chapter_href(site: &Site, target: usize, lang_index: usize, chapter_ids: &[String]) -> String {
    let page = &site.pages[target];
    let is_chapter = page.lang_index == lang_index && !page.is_stub() && !page.front.for_authors;
    match is_chapter {
        true => format!("#{}", chapter_ids.get(target).map_or("", String::as_str)),
        false => {
            let lang = site.config.languages[lang_index].code.as_str();
            relative(&format!("{lang}/print.html"), &page.url)
        }
    }
}

/// The fields of page `index`, with links to chapters: for its info card (issue #29:
/// the print document had none of the cards) those the card shows, else all but the
/// handout.
fn card_fields<'a>(
    site: &'a Site,
    index: usize,
    chapter_ids: &[String],
    only_card: bool,
) -> Vec<Field<'a>> {
    let page = &site.pages[index];
    let mut fields = fields(site, page);
    fields.retain(|f| f.name != "handout" && (f.card || !only_card));
    for f in &mut fields {
        if let (Some(link), Some(&t)) = (f.page.as_mut(), page.field_pages.get(f.name)) {
            link.href = chapter_href(site, t, page.lang_index, chapter_ids);
        }
    }
    fields
}

/// What the comparison page `page` shows below its body, from `extra: { kind,
/// columns }`, as the site's `comparison.html` reads it.
fn comparison<'a>(
    site: &'a Site,
    page: &'a Page,
    chapter_ids: &[String],
    name_label: &'a str,
) -> Option<Comparison<'a>> {
    let extra = page.front.extra.as_ref()?;
    let kind = extra.get("kind")?.as_str()?;
    site.config.kinds.get(kind)?;
    let columns: Vec<&str> = extra
        .get("columns")
        .and_then(|c| c.as_array())
        .map(|c| c.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let mut pages: Vec<usize> = (0..site.pages.len())
        .filter(|&i| {
            let p = &site.pages[i];
            p.lang_index == page.lang_index
                && p.front.kind.as_ref().is_some_and(|k| k.value == kind)
        })
        .collect();
    super::functions::sort_pages(site, &mut pages);
    let rows = pages
        .into_iter()
        .map(|i| {
            let mut fields = card_fields(site, i, chapter_ids, false);
            fields.retain(|f| columns.is_empty() || columns.contains(&f.name));
            ComparisonRow {
                title: &site.pages[i].title,
                href: chapter_href(site, i, page.lang_index, chapter_ids),
                fields,
            }
        })
        .collect();
    Some(Comparison { name_label, rows })
}

/// The entries of the glossary page `page`: from `extra: { kind, field, definition }`
/// (the older form), else every term a page of the language defines in its
/// `extra.glossary`, as the site's `glossary.html` lists them.
fn glossary<'a>(site: &'a Site, page: &'a Page, chapter_ids: &[String]) -> Vec<GlossaryItem<'a>> {
    let extra = page.front.extra.as_ref();
    let get = |key: &str| extra.and_then(|e| e.get(key)).and_then(|v| v.as_str());
    let l = page.lang_index;
    match (get("kind"), get("field")) {
        (Some(kind), Some(field)) => {
            let definition = get("definition");
            super::functions::kind_field_terms(site, l, kind, field)
                .into_iter()
                .enumerate()
                .map(|(n, (term, i))| {
                    let p = &site.pages[i];
                    let definition = match definition.and_then(|d| p.front.fields.get(d)) {
                        Some(FieldValue::Text(t)) => t.as_str().into(),
                        Some(FieldValue::List(items)) => items.join(", ").into(),
                        Some(FieldValue::Integer(n)) => n.to_string().into(),
                        _ => p.front.summary.as_deref().unwrap_or(&p.title).into(),
                    };
                    GlossaryItem {
                        id: format!("term-{}", n + 1),
                        term,
                        definition,
                        href: chapter_href(site, i, l, chapter_ids),
                        title: &p.title,
                    }
                })
                .collect()
        }
        _ => super::functions::glossary_list(site, l)
            .into_iter()
            .map(|(i, e)| GlossaryItem {
                id: format!("term-{}", e.key),
                term: e.term,
                definition: e.definition.into(),
                href: chapter_href(site, i, l, chapter_ids),
                title: &site.pages[i].title,
            })
            .collect(),
    }
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
                    let href = if target.lang_index == page.lang_index && !target.front.for_authors
                    {
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
    let html = body_html(
        theme,
        page,
        &links,
        &labels(strings(theme, lang), prefix),
        Medium::Screen,
    )
    .1;
    regions_named_in_chapter(&html, &page.title)
}

/// The start of a table's region as the Markdown writer puts it, up to its name.
const REGION_NAME: &str = "class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"";

/// A chapter's table regions named with the chapter's title first ("Hari 1: Memahami
/// kelompok › Jadwal"): on its own page a region's name is unique, but the print
/// document holds every page, and several have a "Jadwal".
fn regions_named_in_chapter(html: &str, title: &str) -> std::sync::Arc<str> {
    if !html.contains(REGION_NAME) {
        return html.into();
    }
    let mut named = String::from(REGION_NAME);
    crate::escape::escape_attr(&mut named, title);
    named.push_str(" \u{203a} ");
    html.replace(REGION_NAME, &named).into()
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
    if page.is_stub() {
        // An unfinished translation has no body yet (see `body_html`).
        return ("".into(), "".into());
    }
    let page_labels = labels(strings(theme, lang), String::new());
    let marked = markdown::to_marked_html(
        page.body(),
        &page.analysis.headings,
        &page.links,
        &page_labels,
        markdown::LeadingH1::drop_if(page.drop_leading_h1),
    );
    let Some(marked) = marked else {
        let own = body_html(theme, page, &page.links, &page_labels, Medium::Print).1;
        return (own, chapter_html(site, theme, index, chapter_ids));
    };
    let url = format!("{lang}/print.html");
    let prefix = format!("{}--", chapter_ids.get(index).map_or("", String::as_str));
    let links = print_links(site, page, &url, &prefix, chapter_ids);
    let own = marked.fill("", &page.links, &page.analysis.links);
    let chapter = marked.fill(&prefix, &links, &page.analysis.links);
    (
        medium::cut(&own, Medium::Print).into(),
        regions_named_in_chapter(&medium::cut(&chapter, Medium::Screen), &page.title),
    )
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
    let name_label = strings(theme, lang)
        .get("comparison_name")
        .map_or("", String::as_str);
    let mut list = Vec::with_capacity(chapters.len());
    for (i, content) in chapters {
        let (i, page) = (*i, &site.pages[*i]);
        // A page for authors only (`audience: authors`) is no chapter of the book.
        if page.front.for_authors {
            continue;
        }
        let mut depth = 0;
        let mut up = page.parent;
        while let Some(p) = up {
            depth += 1;
            up = site.pages[p].parent;
        }
        let template = page.front.template.as_ref().map(|t| t.value.as_str());
        let kind_label = page.front.kind.as_ref().and_then(|k| {
            let def = site.config.kinds.get(&k.value)?;
            Some(def.label.get(lang).map_or(k.value.as_str(), String::as_str))
        });
        list.push(Chapter {
            id: chapter_ids.get(i).cloned().unwrap_or_default(),
            title: &page.title,
            depth,
            content,
            kind_label,
            fields: card_fields(site, i, chapter_ids, true),
            comparison: match template {
                Some("comparison.html") => comparison(site, page, chapter_ids, name_label),
                _ => None,
            },
            glossary: match template {
                Some("glossary.html") => Some(glossary(site, page, chapter_ids)),
                _ => None,
            },
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
