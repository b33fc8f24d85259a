//! One content page: its body as HTML (Markdown with resolved links), its template
//! context, and the page template rendered with both.
//!
//! Input: the [`Site`] and a page's index, and when given the body's HTML already made
//! (with the print chapter, see [`super::print`]). It must not look at other output
//! files: what the page shows of other pages comes from the model.

use super::context::{
    Ctx, Field, Link, LinkDetail, PageCtx, absolute, alternates, is_stub, language_links, link_to,
    site_ctx, translation_notice,
};
use super::strings::{labels, strings, strings_value};
use super::{Compiled, OutputFile, RenderOptions, Theme, incremental, render_template};
use crate::error::Result;
use crate::markdown::medium::{self, Medium};
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
            Medium::Print,
        ),
    };
    let mut ctx = page_ctx(site, theme.theme, options, index);
    let what = page.path.as_ref().map_or_else(
        || crate::t!("owner-home-page", lang = lang),
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
            // A stub's summary is still the source's, not yet translated.
            summary: page.front.summary.as_deref().filter(|_| !is_stub(page)),
            summary_html: page
                .front
                .summary
                .as_deref()
                .filter(|_| !is_stub(page))
                .map(markdown::inline_html),
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
                .filter(|&&c| !site.pages[c].front.for_authors)
                .map(|&c| link_to(from, &site.pages[c], LinkDetail::Summary))
                .collect(),
            related: page
                .related
                .iter()
                .map(|&r| link_across(page, &site.pages[r]))
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
        let mut link = link_to(from, &site.pages[p], LinkDetail::Plain);
        if site.pages[p].parent.is_none() {
            // The home page is the handbook: its title is the one in book.toml (#31).
            link.title = site.config.languages[site.pages[p].lang_index]
                .title
                .clone();
        }
        breadcrumbs.push(link);
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
    // Pages for authors only are left out of the readers' path through the book.
    let listed = |&&i: &&usize| !site.pages[i].front.for_authors;
    let prev = pos
        .and_then(|p| order[..p].iter().rev().find(listed))
        .map(|&p| link_to(from, &site.pages[p], LinkDetail::Plain));
    let next = pos
        .and_then(|p| order.get(p + 1..))
        .and_then(|rest| rest.iter().find(listed))
        .map(|&n| link_to(from, &site.pages[n], LinkDetail::Plain));
    (prev, next)
}

/// A link from `page` to `target`, marked with the target's language when it is another.
fn link_across(page: &Page, target: &Page) -> Link {
    let detail = match target.lang_index == page.lang_index {
        true => LinkDetail::Plain,
        false => LinkDetail::Language,
    };
    link_to(&page.url, target, detail)
}

/// The fields of the page's kind that the page sets, in the kind's order, labelled in
/// the page's language.
pub(super) fn fields<'a>(site: &'a Site, page: &'a Page) -> Vec<Field<'a>> {
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
                        crate::load::FieldValue::Page(id) => (id.clone(), Vec::new()),
                    };
                    let target = page.field_pages.get(name);
                    let page = target.map(|&t| link_across(page, &site.pages[t]));
                    Some(Field {
                        name,
                        label: fd.label.get(lang).map_or(name.as_str(), String::as_str),
                        ty: fd.ty,
                        value_html: markdown::inline_html(&value),
                        items_html: items.iter().map(|i| markdown::inline_html(i)).collect(),
                        value,
                        items,
                        page,
                        card: fd.card,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A page body as HTML without its parts for `leave_out` (paper's on a web page, the
/// screen's in the print document), with its fingerprint when reusing (see
/// [`incremental::body_html`]).
pub(super) fn body_html(
    theme: &Compiled<'_>,
    page: &Page,
    links: &[markdown::LinkOutput],
    labels: &Labels,
    leave_out: Medium,
) -> (Option<crate::memo::Key>, std::sync::Arc<str>) {
    let render = || {
        // An unfinished translation shows only its notice: neither the placeholder
        // text nor the guide block (the source, in a comment) reach the output.
        if page.is_stub() {
            return "".into();
        }
        let html = markdown::to_html(
            page.body(),
            &page.analysis.headings,
            links,
            labels,
            markdown::LeadingH1::drop_if(page.drop_leading_h1),
        );
        medium::cut(&html, leave_out).into()
    };
    match theme.reuse.is_on() {
        false => (None, render()),
        true => {
            let (key, html) = incremental::body_html(theme.reuse, page, links, labels, render);
            (Some(key), html)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_site::{SmallSite, small_site};

    /// The context of the page at `url`, as [`page`] hands it to the template.
    fn ctx_of<'a>(s: &'a SmallSite, url: &str) -> Ctx<'a, PageCtx<'a>> {
        static OPTIONS: RenderOptions = RenderOptions { live_reload: None };
        page_ctx(&s.site, &s.theme, &OPTIONS, s.page(url))
    }

    /// (title, href) of each link.
    fn links(links: &[Link]) -> Vec<(&str, &str)> {
        links
            .iter()
            .map(|l| (l.title.as_str(), l.href.as_str()))
            .collect()
    }

    #[test]
    fn root_leads_from_a_nested_page_back_to_the_output_root() {
        let s = small_site(None);
        assert_eq!(ctx_of(&s, "id/index.html").root, "../");
        assert_eq!(ctx_of(&s, "id/panduan/index.html").root, "../../");
        let ctx = ctx_of(&s, "id/panduan/pasang/index.html");
        assert_eq!(ctx.root, "../../../");
        assert_eq!(ctx.url, "id/panduan/pasang/index.html");
        assert_eq!((ctx.lang, ctx.lang_name), ("id", "Bahasa Indonesia"));
    }

    #[test]
    fn breadcrumbs_run_from_the_home_page_down_to_the_parent_section() {
        let s = small_site(None);
        let ctx = ctx_of(&s, "id/panduan/hanya-id/index.html");
        // The home page is named by the handbook's title in book.toml (#31), not its own.
        assert_eq!(
            links(&ctx.page.breadcrumbs),
            [
                ("Buku Kecil", "../../index.html"),
                ("Panduan", "../index.html")
            ]
        );
        assert!(ctx_of(&s, "id/index.html").page.breadcrumbs.is_empty());
    }

    #[test]
    fn prev_and_next_follow_the_reading_order_across_sections() {
        let s = small_site(None);
        let link = |l: &Option<Link>| l.as_ref().map(|l| (l.title.clone(), l.href.clone()));
        let ctx = ctx_of(&s, "id/panduan/pasang/index.html");
        assert_eq!(
            link(&ctx.page.prev),
            Some(("Panduan".into(), "../index.html".into()))
        );
        assert_eq!(
            link(&ctx.page.next),
            Some(("Lanjutan".into(), "../lanjut/index.html".into()))
        );
        // The last page of a section leads out of it.
        let ctx = ctx_of(&s, "id/panduan/hanya-id/index.html");
        assert_eq!(
            link(&ctx.page.next),
            Some(("Tentang".into(), "../../tentang/index.html".into()))
        );
        // The reading order starts at the home page and ends at the last page.
        assert!(ctx_of(&s, "id/index.html").page.prev.is_none());
        assert!(ctx_of(&s, "id/tentang/index.html").page.next.is_none());
        // Each language has its own order.
        let ctx = ctx_of(&s, "en/guide/lanjut/index.html");
        assert_eq!(
            link(&ctx.page.next),
            Some(("About".into(), "../../tentang/index.html".into()))
        );
    }

    #[test]
    fn language_links_go_to_the_translation_or_to_the_untranslated_notice() {
        let s = small_site(None);
        let switch = |url: &str| -> Vec<(String, String, bool, bool)> {
            ctx_of(&s, url)
                .languages
                .iter()
                .map(|l| (l.code.to_string(), l.href.clone(), l.current, l.translated))
                .collect()
        };
        assert_eq!(
            switch("en/guide/pasang/index.html"),
            [
                (
                    "id".into(),
                    "../../../id/panduan/pasang/index.html".into(),
                    false,
                    true
                ),
                ("en".into(), "index.html".into(), true, true),
            ]
        );
        // Missing in English: the notice beside the English section.
        assert_eq!(
            switch("id/panduan/hanya-id/index.html"),
            [
                ("id".into(), "index.html".into(), true, true),
                (
                    "en".into(),
                    "../../../en/guide/hanya-id/index.html".into(),
                    false,
                    false
                ),
            ]
        );
    }

    #[test]
    fn alternates_name_each_translation_and_the_default_language() {
        let alternates = |s: &SmallSite, url: &str| -> Vec<(String, String)> {
            ctx_of(s, url)
                .alternates
                .iter()
                .map(|a| (a.hreflang.clone(), a.href.clone()))
                .collect()
        };
        let s = small_site(Some("https://example.org/buku/"));
        assert_eq!(
            alternates(&s, "en/guide/pasang/index.html"),
            [
                (
                    "id".into(),
                    "https://example.org/buku/id/panduan/pasang/".into()
                ),
                (
                    "en".into(),
                    "https://example.org/buku/en/guide/pasang/".into()
                ),
                (
                    "x-default".into(),
                    "https://example.org/buku/id/panduan/pasang/".into()
                ),
            ]
        );
        assert_eq!(
            ctx_of(&s, "en/guide/pasang/index.html")
                .canonical
                .as_deref(),
            Some("https://example.org/buku/en/guide/pasang/")
        );
        // No alternate for a missing translation.
        assert_eq!(
            alternates(&s, "id/panduan/hanya-id/index.html"),
            [
                (
                    "id".into(),
                    "https://example.org/buku/id/panduan/hanya-id/".into()
                ),
                (
                    "x-default".into(),
                    "https://example.org/buku/id/panduan/hanya-id/".into()
                ),
            ]
        );
        // Without a base URL, relative, and no canonical address.
        let s = small_site(None);
        assert_eq!(
            alternates(&s, "en/guide/pasang/index.html"),
            [
                ("id".into(), "../../../id/panduan/pasang/index.html".into()),
                ("en".into(), "index.html".into()),
                (
                    "x-default".into(),
                    "../../../id/panduan/pasang/index.html".into()
                ),
            ]
        );
        assert!(ctx_of(&s, "en/guide/pasang/index.html").canonical.is_none());
    }

    #[test]
    fn an_outdated_translation_links_to_its_original() {
        let s = small_site(None);
        let ctx = ctx_of(&s, "en/guide/pasang/index.html");
        let notice = ctx.page.translation_notice.expect("a notice");
        assert_eq!(notice.state, "outdated");
        assert_eq!(notice.href, "../../../id/panduan/pasang/index.html");
        assert_eq!(
            (notice.lang, notice.name, notice.title),
            ("id", "Bahasa Indonesia", "Pemasangan")
        );
        // The original and a translation without a record have none.
        assert!(
            ctx_of(&s, "id/panduan/pasang/index.html")
                .page
                .translation_notice
                .is_none()
        );
        assert!(
            ctx_of(&s, "en/tentang/index.html")
                .page
                .translation_notice
                .is_none()
        );
    }

    #[test]
    fn fields_of_a_kind_carry_their_labels_in_the_page_language() {
        let s = small_site(None);
        let fields = |url: &str| -> Vec<(String, String, String, Vec<String>)> {
            ctx_of(&s, url)
                .page
                .fields
                .iter()
                .map(|f| {
                    let (name, label) = (f.name.to_string(), f.label.to_string());
                    (name, label, f.value.clone(), f.items.clone())
                })
                .collect()
        };
        let en = fields("en/guide/lanjut/index.html");
        assert_eq!(
            en,
            [
                ("number".into(), "Number".into(), "3".into(), vec![]),
                (
                    "purpose".into(),
                    "Purpose".into(),
                    "Show the fields.".into(),
                    vec![]
                ),
                // No English label: the field's name.
                (
                    "examples".into(),
                    "examples".into(),
                    "one, two".into(),
                    vec!["one".into(), "two".into()]
                ),
            ]
        );
        let labels: Vec<String> = fields("id/panduan/lanjut/index.html")
            .into_iter()
            .map(|f| f.1)
            .collect();
        assert_eq!(labels, ["Nomor", "Tujuan", "Contoh"]);
        let ctx = ctx_of(&s, "en/guide/lanjut/index.html");
        assert_eq!(ctx.page.kind, Some("group-type"));
        assert_eq!(ctx.page.kind_label, Some("Group type"));
        assert!(ctx_of(&s, "en/tentang/index.html").page.fields.is_empty());
    }

    #[test]
    fn children_carry_summaries_and_related_pages_elsewhere_their_language() {
        let s = small_site(None);
        let ctx = ctx_of(&s, "en/guide/index.html");
        let children: Vec<_> = ctx
            .page
            .children
            .iter()
            .map(|l| (l.title.as_str(), l.href.as_str(), l.summary.as_deref()))
            .collect();
        assert_eq!(
            children,
            [
                ("Installation", "pasang/index.html", Some("How to install.")),
                ("Advanced", "lanjut/index.html", None),
            ]
        );
        assert!(ctx.page.children.iter().all(|l| l.lang.is_none()));
        // A related page missing in English is the Indonesian one, marked as such.
        let ctx = ctx_of(&s, "en/tentang/index.html");
        let related: Vec<_> = ctx
            .page
            .related
            .iter()
            .map(|l| (l.title.as_str(), l.href.as_str(), l.lang.as_deref()))
            .collect();
        assert_eq!(
            related,
            [
                ("Installation", "../guide/pasang/index.html", None),
                (
                    "Hanya Indonesia",
                    "../../id/panduan/hanya-id/index.html",
                    Some("id")
                ),
            ]
        );
        assert!(ctx.page.related.iter().all(|l| l.summary.is_none()));
    }
}
