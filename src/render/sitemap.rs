//! `sitemap.xml`: every page at its absolute address, sorted by URL, with its
//! translations as hreflang alternates and the default language's as `x-default`.
//!
//! Input: the [`Site`] and its base URL (there is no sitemap without one). It uses no
//! theme and no template.

use super::context::absolute;
use crate::escape::{escape_attr, escape_text};
use crate::model::{Page, Site};

/// `sitemap.xml` with hreflang alternates, for a site published at `base`.
pub(super) fn sitemap(site: &Site, base: &str) -> String {
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
