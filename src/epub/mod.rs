//! A maker of the downloads step: the rendered site -> the EPUB 3 of each language,
//! written by Panduan itself (no external program).
//!
//! Input: the [`Site`] (reading order, titles, URLs, copied files) and a way to read
//! the files the render step made (`read`, the staging folder of `build`). Each page
//! of the language's reading order (the chapters of `print.html`, in the same order)
//! becomes one XHTML file made from the `<article>` of its rendered page, so the kind
//! info cards, the generated comparison and glossary come along. `xhtml.rs` makes the
//! HTML well-formed XML and rewrites every link: to another chapter (`c0003.xhtml#id`),
//! to an image packed into the book, to the published site when `base_url` is set, or
//! not at all (the text stays). The navigation document follows the sections.
//!
//! The EPUB's dates come from [`Stamp`], never the clock, and its entries are written
//! in a fixed order: the same site gives the same bytes. This step writes nothing
//! itself; the caller puts the file into the output.

mod xhtml;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::files::{Contents, OutputFile};
use crate::markdown::medium::Medium;
use crate::model::Site;
use crate::model::url::{decode_percent, encode_path, join_normalised};
use crate::stamp::Stamp;
use xhtml::{Resolve, escape_text, xml_id};

/// What the EPUB of one language needs besides the site.
pub struct Book<'a> {
    pub lang_index: usize,
    /// Where it goes in the output (the downloads table names it).
    pub path: String,
    /// The heading of the table of contents in this language (`Daftar isi`).
    pub contents_label: &'a str,
    /// The book's accessibility in a sentence, in its language (the package's
    /// `schema:accessibilitySummary`).
    pub accessibility_summary: &'a str,
    pub stamp: Stamp,
    /// Reads a file of the rendered output by its path (`id/index.html`).
    pub read: &'a (dyn Fn(&str) -> Result<Vec<u8>> + Sync),
}

/// The book's style: plain, so that reading systems can apply their own.
const STYLE: &str = "body { line-height: 1.5; }\n\
h1, h2, h3 { line-height: 1.25; }\n\
table { border-collapse: collapse; }\n\
th, td { border: 1px solid #888; padding: .2em .4em; vertical-align: top; }\n\
.info-card dt { font-weight: bold; }\n\
.info-card dd { margin: 0 0 .5em 1em; }\n\
.markdown-alert, .admonition, aside { border-left: 3px solid #888; padding-left: .8em; margin: 1em 0; }\n\
.footnote-definition { font-size: .9em; }\n\
img { max-width: 100%; }\n";

/// One chapter, converted.
struct Done {
    file: String,
    title: String,
    depth: usize,
    xhtml: String,
    properties: Vec<&'static str>,
    /// Output paths of the images it shows, with their names in the book.
    images: Vec<(String, String)>,
}

/// The chapter XHTML made from `html` (a page's `<article>`), every link and image
/// kept as written: for the fuzz targets (`fuzz/`), which reach no private module.
#[doc(hidden)]
pub fn fuzz_chapter(html: &str) -> String {
    struct AsWritten;
    impl Resolve for AsWritten {
        fn href(&mut self, href: &str) -> Option<String> {
            Some(href.to_string())
        }
        fn image(&mut self, src: &str) -> Option<String> {
            Some(src.to_string())
        }
    }
    xhtml::to_xhtml(html, &mut AsWritten).xhtml
}

/// The EPUB of one language, as an output file at [`Book::path`].
pub fn book(site: &Site, book: &Book<'_>) -> Result<OutputFile> {
    let l = book.lang_index;
    let language = &site.config.languages[l];
    let code = language.code.as_str();
    // Pages for authors only (`audience: authors`) are not in the book.
    let order: Vec<usize> = site.reading_order[l]
        .iter()
        .copied()
        .filter(|&i| !site.pages[i].front.for_authors)
        .collect();
    let order = &order;
    let files: HashMap<&str, String> = order
        .iter()
        .enumerate()
        .map(|(n, &i)| (site.pages[i].url.as_str(), format!("c{:04}.xhtml", n + 1)))
        .collect();
    let statics: HashSet<&str> = site.statics.iter().map(|s| s.rel.as_str()).collect();
    let done: Vec<Result<Done>> = order
        .par_iter()
        .map(|&i| {
            let page = &site.pages[i];
            let bytes = (book.read)(&page.url)?;
            let html = String::from_utf8_lossy(&bytes);
            let mut links = Links {
                page_url: &page.url,
                files: &files,
                statics: &statics,
                base_url: site.config.base_url.as_deref(),
                images: Vec::new(),
            };
            // The parts for the web pages only stay out of the book (issue #30).
            let body = crate::markdown::medium::cut(article(&html), Medium::Screen);
            let fragment = xhtml::to_xhtml(&body, &mut links);
            let mut depth = 0;
            let mut up = page.parent;
            while let Some(p) = up {
                depth += 1;
                up = site.pages[p].parent;
            }
            let mut properties = Vec::new();
            if fragment.has_svg {
                properties.push("svg");
            }
            if fragment.has_mathml {
                properties.push("mathml");
            }
            Ok(Done {
                file: files[page.url.as_str()].clone(),
                title: page.title.clone(),
                depth,
                xhtml: document(code, &page.title, &fragment.xhtml),
                properties,
                images: links.images,
            })
        })
        .collect();
    let chapters = done.into_iter().collect::<Result<Vec<Done>>>()?;
    let mut images: BTreeMap<String, String> = BTreeMap::new();
    for c in &chapters {
        images.extend(c.images.iter().cloned());
    }
    let title = &language.title;
    let nav = nav_document(code, book.contents_label, &chapters);
    let mut manifest = String::from(
        "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n\
         <item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n",
    );
    let mut spine = String::new();
    for c in &chapters {
        let id = c.file.trim_end_matches(".xhtml");
        manifest.push_str(&format!(
            "<item id=\"{id}\" href=\"{}\" media-type=\"application/xhtml+xml\"{}/>\n",
            c.file,
            match c.properties.is_empty() {
                true => String::new(),
                false => format!(" properties=\"{}\"", c.properties.join(" ")),
            }
        ));
        spine.push_str(&format!("<itemref idref=\"{id}\"/>\n"));
    }
    for name in images.values() {
        let id = name.trim_start_matches("files/").replace('.', "-");
        manifest.push_str(&format!(
            "<item id=\"{id}\" href=\"{name}\" media-type=\"{}\"/>\n",
            media_type(name).unwrap_or("application/octet-stream")
        ));
    }
    let mut meta = String::new();
    escape_text(&mut meta, title);
    let identifier = identifier(site, code);
    let description = match language.description.is_empty() {
        true => String::new(),
        false => {
            let mut d = String::from("<dc:description>");
            escape_text(&mut d, &language.description);
            d.push_str("</dc:description>\n");
            d
        }
    };
    // What a reader with a print disability needs to know before opening the book
    // (EPUB Accessibility 1.1; DAISY Ace reports a book without it, issue #30).
    let mut access = String::from(
        "<meta property=\"schema:accessMode\">textual</meta>\n\
         <meta property=\"schema:accessModeSufficient\">textual</meta>\n\
         <meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n\
         <meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n\
         <meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n\
         <meta property=\"schema:accessibilityHazard\">none</meta>\n",
    );
    if !images.is_empty() {
        access.push_str(
            "<meta property=\"schema:accessMode\">visual</meta>\n\
             <meta property=\"schema:accessibilityFeature\">alternativeText</meta>\n",
        );
    }
    access.push_str("<meta property=\"schema:accessibilitySummary\">");
    escape_text(&mut access, book.accessibility_summary);
    access.push_str("</meta>\n");
    // `[book] author`, `publisher`, `edition`.
    let mut credits = String::new();
    let c = &site.config.credits;
    for (open, close, value) in [
        ("<dc:creator>", "</dc:creator>\n", &c.author),
        ("<dc:publisher>", "</dc:publisher>\n", &c.publisher),
        (
            "<meta property=\"schema:bookEdition\">",
            "</meta>\n",
            &c.edition,
        ),
    ] {
        if let Some(value) = value {
            credits.push_str(open);
            escape_text(&mut credits, value);
            credits.push_str(close);
        }
    }
    let opf = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"{code}\">\n\
<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
<dc:identifier id=\"book-id\">{identifier}</dc:identifier>\n\
<dc:title>{meta}</dc:title>\n\
<dc:language>{code}</dc:language>\n\
{description}{credits}<dc:date>{date}</dc:date>\n\
<meta property=\"dcterms:modified\">{modified}</meta>\n\
{access}</metadata>\n<manifest>\n{manifest}</manifest>\n<spine>\n{spine}</spine>\n</package>\n",
        date = book.stamp.date(),
        modified = book.stamp.iso(),
    );
    let mut entries: Vec<(String, Vec<u8>)> = vec![
        (
            "META-INF/container.xml".into(),
            CONTAINER.as_bytes().to_vec(),
        ),
        ("EPUB/package.opf".into(), opf.into_bytes()),
        ("EPUB/nav.xhtml".into(), nav.into_bytes()),
        ("EPUB/style.css".into(), STYLE.as_bytes().to_vec()),
    ];
    for c in chapters {
        entries.push((format!("EPUB/{}", c.file), c.xhtml.into_bytes()));
    }
    for (target, name) in &images {
        entries.push((format!("EPUB/{name}"), (book.read)(target)?));
    }
    let bytes = pack(&entries, book.stamp).map_err(|e| {
        Error::Msg(crate::msg!(
            "epub-pack-failed",
            path = book.path.as_str(),
            reason = e.to_string()
        ))
    })?;
    Ok(OutputFile {
        path: book.path.clone(),
        contents: Contents::Bytes(bytes),
    })
}

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles><rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles>\n\
</container>\n";

/// The zip of an EPUB: `mimetype` first and stored, as the format wants, then the
/// entries in the order given, every one with the same fixed time.
fn pack(entries: &[(String, Vec<u8>)], stamp: Stamp) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let time = stamp.zip_time();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(time)
        .unix_permissions(0o644);
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/epub+zip")?;
    let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), deflated)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// A stable `urn:uuid:` for the book of one language: from its title, language and
/// address, so that a reading system sees a new build as the same book.
fn identifier(site: &Site, code: &str) -> String {
    let language = site.config.language(code).map_or("", |l| l.title.as_str());
    let a = crate::memo::key_of(&("panduan-epub", code, language, &site.config.base_url));
    let b = crate::memo::key_of(&(a, "second half"));
    let hex = format!("{a:016x}{b:016x}");
    // Shaped as a version 4 (random) UUID, variant 1.
    format!(
        "urn:uuid:{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// The `<article>` of a rendered page (the default theme's page content), or its
/// `<main>`, or the whole page when a theme has neither.
fn article(html: &str) -> &str {
    for (open, close) in [("<article", "</article>"), ("<main", "</main>")] {
        if let (Some(start), Some(end)) = (html.find(open), html.rfind(close))
            && start < end
        {
            return &html[start..end + close.len()];
        }
    }
    html
}

/// A whole XHTML content document around `body`.
fn document(code: &str, title: &str, body: &str) -> String {
    let mut t = String::new();
    escape_text(&mut t, title);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{code}\" xml:lang=\"{code}\">\n\
<head>\n<meta charset=\"UTF-8\"/>\n<title>{t}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n\
<body>\n{body}\n</body>\n</html>\n"
    )
}

/// The navigation document: the chapters as nested lists, following the sections (the
/// home page and the top sections side by side).
fn nav_document(code: &str, label: &str, chapters: &[Done]) -> String {
    let mut list = String::from("<ol>");
    let mut previous: Option<usize> = None;
    for c in chapters {
        let depth = c.depth.saturating_sub(1);
        let depth = previous.map_or(0, |p| depth.min(p + 1));
        match previous {
            None => list.push_str("<li>"),
            Some(p) if depth > p => list.push_str("<ol><li>"),
            Some(p) => {
                list.push_str("</li>");
                for _ in depth..p {
                    list.push_str("</ol></li>");
                }
                list.push_str("<li>");
            }
        }
        list.push_str("<a href=\"");
        list.push_str(&c.file);
        list.push_str("\">");
        escape_text(&mut list, &c.title);
        list.push_str("</a>");
        previous = Some(depth);
    }
    if let Some(p) = previous {
        list.push_str("</li>");
        for _ in 0..p {
            list.push_str("</ol></li>");
        }
    }
    list.push_str("</ol>");
    let mut heading = String::new();
    escape_text(&mut heading, label);
    let body = format!(
        "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\"><h1>{heading}</h1>\n{list}\n</nav>"
    );
    document(code, label, &body)
}

/// The media type of an image the EPUB can hold without a fallback (EPUB 3's core
/// media types), by its file name.
fn media_type(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// Resolves the links and images of one page into the book.
struct Links<'a> {
    page_url: &'a str,
    /// Page URL -> its chapter file.
    files: &'a HashMap<&'a str, String>,
    /// Output paths of the files copied from `content/`.
    statics: &'a HashSet<&'a str>,
    base_url: Option<&'a str>,
    images: Vec<(String, String)>,
}

impl Links<'_> {
    /// The output path a relative `href` of this page names, and its fragment.
    fn target(&self, href: &str) -> Option<(String, Option<String>)> {
        let (path, fragment) = match href.split_once('#') {
            Some((p, f)) => (p, Some(decode_percent(f))),
            None => (href, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        if path.is_empty() {
            return Some((self.page_url.to_string(), fragment));
        }
        let dir = self.page_url.rsplit_once('/').map_or("", |(d, _)| d);
        join_normalised(dir, &decode_percent(path)).map(|t| (t, fragment))
    }
}

/// Whether `href` starts with a URL scheme (`https:`, `mailto:`).
fn scheme(href: &str) -> Option<&str> {
    let (scheme, _) = href.split_once(':')?;
    (!scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

impl Resolve for Links<'_> {
    fn href(&mut self, href: &str) -> Option<String> {
        if let Some(s) = scheme(href) {
            return matches!(
                s.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto" | "tel"
            )
            .then(|| href.to_string());
        }
        if href.starts_with('/') {
            return None;
        }
        let (target, fragment) = self.target(href)?;
        if let Some(file) = self.files.get(target.as_str()) {
            let mut out = if target == self.page_url {
                String::new()
            } else {
                file.clone()
            };
            match fragment {
                Some(f) => {
                    out.push('#');
                    out.push_str(&xml_id(&f));
                }
                None if out.is_empty() => out.push_str(file),
                None => {}
            }
            return Some(out);
        }
        // Elsewhere in the site (another language, a file): online, if it is known.
        self.base_url.map(|base| {
            let mut out = format!("{base}{}", encode_path(&target));
            if let Some(f) = fragment {
                out.push('#');
                out.push_str(&f);
            }
            out
        })
    }

    fn image(&mut self, src: &str) -> Option<String> {
        if scheme(src).is_some() || src.starts_with('/') {
            return None;
        }
        let (target, _) = self.target(src)?;
        let ext = media_type(&target).map(|_| target.rsplit_once('.').map_or("", |(_, e)| e))?;
        if !self.statics.contains(target.as_str()) {
            return None;
        }
        let name = format!(
            "files/i{:016x}.{}",
            crate::memo::key_of(&target),
            ext.to_ascii_lowercase()
        );
        self.images.push((target, name.clone()));
        Some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_and_media_types_are_told_apart() {
        assert!(scheme("https://x").is_some() && scheme("a/b:c").is_none());
        assert_eq!(media_type("a/B.PNG"), Some("image/png"));
        assert_eq!(media_type("a/b.webp"), None);
    }
}
