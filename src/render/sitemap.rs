//! `sitemap.xml`: every page at its absolute address, sorted by URL, with its
//! translations as hreflang alternates and the default language's as `x-default`.
//!
//! Input: the [`Site`] and its base URL (there is no sitemap without one). It uses no
//! theme and no template.

use super::context::{absolute, is_stub};
use crate::escape::{escape_attr, escape_text};
use crate::model::{Page, Site};

/// `sitemap.xml` with hreflang alternates, for a site published at `base`.
pub(super) fn sitemap(site: &Site, base: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // A translation still being made is not published as one (see `is_stub`).
    // Nor is a page for authors only (`audience: authors`).
    let mut pages: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| !is_stub(p) && !p.front.for_authors)
        .collect();
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    for page in pages {
        xml.push_str("  <url>\n    <loc>");
        escape_text(&mut xml, &absolute(base, &page.url));
        xml.push_str("</loc>\n");
        if let Some(slots) = site.translations.get(&page.id) {
            let finished = |slot: &Option<usize>| slot.filter(|&t| !is_stub(&site.pages[t]));
            for (l, slot) in slots.iter().enumerate() {
                if let Some(t) = &finished(slot) {
                    xml.push_str("    <xhtml:link rel=\"alternate\" hreflang=\"");
                    xml.push_str(site.config.languages[l].code.as_str());
                    xml.push_str("\" href=\"");
                    escape_attr(&mut xml, &absolute(base, &site.pages[*t].url));
                    xml.push_str("\"/>\n");
                }
            }
            if let Some(d) = &slots.first().and_then(finished) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_site::small_site;

    const BASE: &str = "https://example.org/buku/";

    #[test]
    fn every_page_is_listed_at_its_absolute_address_in_url_order() {
        let s = small_site(Some(BASE));
        let xml = sitemap(&s.site, BASE);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
        assert!(xml.ends_with("</urlset>\n"));
        let locs: Vec<&str> = xml
            .split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split_once("</loc>"))
            .map(|(loc, _)| loc)
            .collect();
        // Sorted by output path (`en/guide/index.html` before `en/index.html`), each
        // written as its folder.
        let expected: Vec<String> = [
            "en/guide/",
            "en/guide/lanjut/",
            "en/guide/pasang/",
            "en/",
            "en/tentang/",
            "id/",
            "id/panduan/hanya-id/",
            "id/panduan/",
            "id/panduan/lanjut/",
            "id/panduan/pasang/",
            "id/tentang/",
        ]
        .iter()
        .map(|p| format!("{BASE}{p}"))
        .collect();
        assert_eq!(locs, expected);
    }

    #[test]
    fn each_page_names_its_translations_and_the_default_language() {
        let s = small_site(Some(BASE));
        let xml = sitemap(&s.site, BASE);
        let translated = format!(
            "  <url>\n    <loc>{BASE}en/guide/pasang/</loc>\n\
             \x20   <xhtml:link rel=\"alternate\" hreflang=\"id\" href=\"{BASE}id/panduan/pasang/\"/>\n\
             \x20   <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{BASE}en/guide/pasang/\"/>\n\
             \x20   <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{BASE}id/panduan/pasang/\"/>\n\
             \x20 </url>\n"
        );
        assert!(xml.contains(&translated), "{xml}");
        // Missing in English: no English alternate.
        let untranslated = format!(
            "  <url>\n    <loc>{BASE}id/panduan/hanya-id/</loc>\n\
             \x20   <xhtml:link rel=\"alternate\" hreflang=\"id\" href=\"{BASE}id/panduan/hanya-id/\"/>\n\
             \x20   <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{BASE}id/panduan/hanya-id/\"/>\n\
             \x20 </url>\n"
        );
        assert!(xml.contains(&untranslated), "{xml}");
    }
}
