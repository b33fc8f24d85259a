//! The template contexts: the typed values a page template receives ([`Ctx`] around a
//! [`PageCtx`], or `()` for pages that are not content pages), and the parts of them
//! that several kinds of page share: the site, the language switch, the hreflang
//! alternates, links to other pages, the translation notice, and where the notice for
//! an untranslated page lives.
//!
//! Input: the [`Site`] and one page's index. Everything here is a pure function of the
//! model; it renders no template and reads no theme.

use serde::Serialize;

use crate::markdown;
use crate::model::url::{encode_path, relative};
use crate::model::{Page, Site};

/// The site as templates see it, in one language.
#[derive(Serialize)]
pub(super) struct SiteCtx<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) base_url: Option<&'a str>,
    /// `[book] author`, `publisher`, `edition`.
    pub(super) author: Option<&'a str>,
    pub(super) publisher: Option<&'a str>,
    pub(super) edition: Option<&'a str>,
}

/// One entry of the language switch.
#[derive(Serialize)]
pub(super) struct LangLink<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    pub(super) href: String,
    pub(super) current: bool,
    pub(super) translated: bool,
}

/// One `<link rel=alternate hreflang>`.
#[derive(Serialize)]
pub(super) struct Alternate {
    pub(super) hreflang: String,
    pub(super) href: String,
}

/// A link to another page, relative to the page it is on.
#[derive(Serialize)]
pub(super) struct Link {
    pub(super) title: String,
    pub(super) href: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) lang: Option<String>,
}

/// One field of a page's kind, with its label in the page's language.
#[derive(Serialize)]
pub(super) struct Field<'a> {
    pub(super) name: &'a str,
    pub(super) label: &'a str,
    #[serde(rename = "type")]
    pub(super) ty: crate::config::FieldType,
    pub(super) value: String,
    pub(super) items: Vec<String>,
    /// `value` and `items` with their inline Markdown (`**bold**`, `*em*`, `` `code` ``)
    /// as HTML, everything else escaped, as the PDF shows them.
    pub(super) value_html: String,
    pub(super) items_html: Vec<String>,
    /// For a field of `type = "page"`: the page it names (`value` is its id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) page: Option<Link>,
    /// Whether the info card shows it (`card = false` in book.toml hides it).
    pub(super) card: bool,
}

/// What a content page's template receives as `page`.
#[derive(Serialize)]
pub(super) struct PageCtx<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) summary: Option<&'a str>,
    /// `summary` with its inline Markdown as HTML (see [`crate::markdown::inline_html`]).
    pub(super) summary_html: Option<String>,
    /// The body's HTML: a template value made once from it (a context takes values as
    /// they are instead of copying them).
    pub(super) content: tera::Value,
    pub(super) toc: Vec<&'a markdown::Heading>,
    pub(super) breadcrumbs: Vec<Link>,
    pub(super) prev: Option<Link>,
    pub(super) next: Option<Link>,
    pub(super) children: Vec<Link>,
    pub(super) related: Vec<Link>,
    pub(super) tags: &'a [String],
    pub(super) kind: Option<&'a str>,
    pub(super) kind_label: Option<&'a str>,
    pub(super) fields: Vec<Field<'a>>,
    pub(super) is_section: bool,
    pub(super) is_home: bool,
    pub(super) extra: Option<&'a serde_json::Value>,
    /// Set when this translation is outdated or still a stub: the original to read.
    pub(super) translation_notice: Option<TranslationNotice<'a>>,
}

/// The original to read instead of an outdated translation or a stub.
#[derive(Serialize)]
pub(super) struct TranslationNotice<'a> {
    /// `outdated` or `stub`.
    pub(super) state: &'static str,
    pub(super) href: String,
    pub(super) lang: &'a str,
    pub(super) name: &'a str,
    pub(super) title: &'a str,
}

/// What every page template receives.
#[derive(Serialize)]
pub(super) struct Ctx<'a, P: Serialize> {
    pub(super) site: SiteCtx<'a>,
    pub(super) lang: &'a str,
    pub(super) lang_name: &'a str,
    /// From this file back to the output root (`../../`).
    pub(super) root: String,
    /// This file's path below the output root.
    pub(super) url: &'a str,
    /// The UI strings; always set for rendering (left out of fingerprints, which
    /// include the theme's).
    pub(super) t: Option<&'a tera::Value>,
    pub(super) languages: Vec<LangLink<'a>>,
    pub(super) alternates: Vec<Alternate>,
    pub(super) canonical: Option<String>,
    pub(super) live_reload: Option<&'a str>,
    pub(super) page: P,
}

/// The notice on an outdated or stub translation, linking to its original.
pub(super) fn translation_notice<'a>(site: &'a Site, page: &Page) -> Option<TranslationNotice<'a>> {
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

/// The site in language `lang_index`.
pub(super) fn site_ctx(site: &Site, lang_index: usize) -> SiteCtx<'_> {
    let l = &site.config.languages[lang_index];
    SiteCtx {
        title: &l.title,
        description: &l.description,
        base_url: site.config.base_url.as_deref(),
        author: site.config.credits.author.as_deref(),
        publisher: site.config.credits.publisher.as_deref(),
        edition: site.config.credits.edition.as_deref(),
    }
}

/// The language switch of a page: the same page in each language, or its stub.
pub(super) fn language_links(site: &Site, index: usize) -> Vec<LangLink<'_>> {
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

/// Whether `page` is a translation still being made (`new --translate-from`): it is
/// `noindex`, and left out of the sitemap and of other pages' hreflang links.
pub(super) fn is_stub(page: &Page) -> bool {
    matches!(
        page.translation,
        Some(crate::model::TranslationState::Stub { .. })
    )
}

/// `<link rel=alternate hreflang>` for every finished translation plus `x-default`.
pub(super) fn alternates(site: &Site, index: usize) -> Vec<Alternate> {
    let page = &site.pages[index];
    let href = |target: &str| match &site.config.base_url {
        Some(base) => absolute(base, target),
        None => relative(&page.url, target),
    };
    let mut out = Vec::new();
    for (l, language) in site.config.languages.iter().enumerate() {
        if let Some(t) = site
            .translation(index, l)
            .filter(|&t| !is_stub(&site.pages[t]))
        {
            out.push(Alternate {
                hreflang: language.code.as_str().to_string(),
                href: href(&site.pages[t].url),
            });
        }
    }
    let default = site
        .translation(index, 0)
        .filter(|&t| !is_stub(&site.pages[t]))
        .map_or(page.url.as_str(), |t| site.pages[t].url.as_str());
    out.push(Alternate {
        hreflang: "x-default".into(),
        href: href(default),
    });
    out
}

/// What a [`Link`] carries besides the page's title and address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkDetail {
    Plain,
    /// The page's summary, as a section lists its children.
    Summary,
    /// The page's language, for a link to a page in another language.
    Language,
}

/// A link from the file at `from` to `page`.
pub(super) fn link_to(from: &str, page: &Page, detail: LinkDetail) -> Link {
    Link {
        title: page.title.clone(),
        href: relative(from, &page.url),
        summary: match detail {
            LinkDetail::Summary => page.front.summary.clone(),
            LinkDetail::Plain | LinkDetail::Language => None,
        },
        lang: (detail == LinkDetail::Language).then(|| page.lang.as_str().to_string()),
    }
}

/// The public address of the output file `path` on a site published at `base`
/// (a folder's `index.html` as the folder).
pub(super) fn absolute(base: &str, path: &str) -> String {
    format!(
        "{base}{}",
        encode_path(path.strip_suffix("index.html").unwrap_or(path))
    )
}
