//! The pages that are not content pages: the root `index.html` (choose a language),
//! `404.html`, the notice where a page is missing in a language (linking to the
//! original), and each language's search page.
//!
//! Input: the [`Site`]. Each of these pages is made from the model and the theme's
//! strings alone; none of them renders Markdown.

use rayon::prelude::*;
use serde::Serialize;

use super::context::{Alternate, Ctx, LangLink, absolute, site_ctx};
use super::strings::{label, strings, strings_value};
use super::{Compiled, OutputFile, RenderOptions, render_template};
use crate::error::Result;
use crate::model::Site;
use crate::model::url::{encode_path, relative, root_prefix};

/// `<lang>/search.html`: the search page, answering `?q=...` from the index script.
pub(super) fn search_page(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    lang_index: usize,
) -> Result<OutputFile> {
    let url = format!("{}/search.html", site.config.languages[lang_index].code);
    let ctx = plain_ctx(site, theme, options, lang_index, &url);
    let html = render_template(theme, "search.html", &ctx, &format!("`{url}`"))?;
    Ok(OutputFile::bytes(url, html))
}

/// The context of a page of language `lang_index` that Panduan makes itself at `url`
/// (`<lang>/<name>.html`), whose language switch leads to the same page in each language.
pub(super) fn plain_ctx<'a>(
    site: &'a Site,
    theme: &'a Compiled<'_>,
    options: &'a RenderOptions,
    lang_index: usize,
    url: &'a str,
) -> Ctx<'a, ()> {
    let language = &site.config.languages[lang_index];
    let lang = language.code.as_str();
    let name = url.rsplit_once('/').map_or(url, |(_, n)| n);
    let languages = site
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(k, l)| LangLink {
            code: l.code.as_str(),
            name: &l.name,
            href: relative(url, &format!("{}/{name}", l.code)),
            current: k == lang_index,
            translated: true,
        })
        .collect();
    Ctx {
        site: site_ctx(site, lang_index),
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
    }
}

#[derive(Serialize)]
struct Original<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    href: String,
}

/// A notice page in every language where a page is missing, linking to the original.
pub(super) fn untranslated(
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
                &crate::t!("template-what-notice", url = url.as_str()),
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
pub(super) fn chooser(
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
        /// A 404 page without a base URL: served at a missing address, it finds the
        /// book's top folder from that address (the folder before a language's).
        find_root: bool,
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
        find_root: is_404 && site.config.base_url.is_none(),
    };
    let html = render_template(theme, template, &ctx, &format!("`{path}`"))?;
    Ok(OutputFile::bytes(path, html))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::language_links;
    use crate::render::test_site::small_site;
    use crate::render::{Reuse, functions};

    #[test]
    fn the_notice_for_a_missing_page_is_where_the_language_switch_points() {
        let s = small_site(None);
        let (reuse, answers) = (Reuse::default(), functions::Answers::default());
        let theme = Compiled {
            tera: &s.theme.compiled.tera,
            theme: &s.theme,
            reuse: &reuse,
            answers: &answers,
        };
        let files = untranslated(&s.site, &theme, &RenderOptions::default()).expect("notices");
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["en/guide/hanya-id/index.html"]);
        let from = "id/panduan/hanya-id/index.html";
        let switch = language_links(&s.site, s.page(from));
        assert_eq!(relative(from, paths[0]), switch[1].href);
    }
}
