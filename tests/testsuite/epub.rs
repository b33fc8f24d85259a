//! The EPUB of each language (`downloads/handbook-<lang>.epub`, issue #18): `epubcheck`
//! passes with 0 errors on the bundled handbook and on a book with images, footnotes,
//! tables and cross links; the chapters are those of `print.html`, in its order; links
//! between chapters and images work inside the book.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::support::{TestSite, tools};

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The bilingual fixture with a page of everything an EPUB must carry: a table, a
/// footnote, a PNG and an SVG, links to another chapter's heading and to a heading of
/// its own that starts with a digit, raw HTML and an entity.
pub(crate) fn rich_site() -> TestSite {
    let site = TestSite::copy("bilingual");
    std::fs::write(site.path().join("content/id/images/dot.png"), PNG).expect("png");
    for (lang, title) in [("id", "Serba ada"), ("en", "Everything")] {
        site.write(
            &format!("content/{lang}/guide/extras.md"),
            &format!(
                "---\ntitle: {title}\norder: 5\n---\n\n\
                 ## 1. Mulai\n\nLihat [[guide/zebra#steps]] dan [bagian ini](#1-mulai).[^n]\n\n\
                 | a | b |\n|---|---|\n| 1 &amp; 2 | x<br>y&nbsp;z |\n\n\
                 ![titik](../images/dot.png) ![lingkaran](../images/circle.svg)\n\n\
                 <details><summary>Lagi</summary><p>Isi<br>baris</p></details>\n\n\
                 [^n]: Catatan kaki.\n"
            ),
        );
    }
    // The English zebra page names its heading `steps`; the Indonesian one has none.
    let zebra = site.read("content/id/guide/zebra.md");
    site.write(
        "content/id/guide/zebra.md",
        &format!("{zebra}\n## Steps\n\nLangkah.\n"),
    );
    site
}

/// Every entry of the zip at `path`: (name, bytes, stored uncompressed).
pub(crate) fn entries(path: &Path) -> Vec<(String, Vec<u8>, bool)> {
    let bytes = std::fs::read(path).expect("the zip is there");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    (0..archive.len())
        .map(|i| {
            let mut e = archive.by_index(i).expect("an entry");
            let name = e.name().expect("a name").to_string();
            let stored = e.compression() == zip::CompressionMethod::Stored;
            let mut data = Vec::new();
            e.read_to_end(&mut data).expect("inflate");
            (name, data, stored)
        })
        .collect()
}

pub(crate) fn text_of(entries: &[(String, Vec<u8>, bool)], name: &str) -> String {
    let (_, data, _) = entries
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no `{name}` in the EPUB"));
    String::from_utf8(data.clone()).expect("utf-8")
}

/// epubcheck's report on `book`, whatever it found.
pub(crate) fn epubcheck_report(book: &Path) -> String {
    let out = Command::new(tools::java())
        .arg("-jar")
        .arg(tools::epubcheck())
        .arg(book)
        .output()
        .expect("run epubcheck");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs epubcheck on every file in `books`, side by side; fails with its report.
pub(crate) fn epubcheck(books: &[std::path::PathBuf]) {
    let jar = tools::epubcheck();
    let java = tools::java();
    std::thread::scope(|s| {
        let runs: Vec<_> = books
            .iter()
            .map(|b| {
                let (jar, java) = (&jar, &java);
                s.spawn(move || {
                    let out = Command::new(java)
                        .arg("-jar")
                        .arg(jar)
                        .arg(b)
                        .output()
                        .expect("run epubcheck");
                    (b, out)
                })
            })
            .collect();
        for run in runs {
            let (book, out) = run.join().expect("epubcheck thread");
            let report = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                out.status.success() && report.contains("0 fatals / 0 errors"),
                "epubcheck on {}:\n{report}",
                book.display()
            );
        }
    });
}

#[test]
fn epubcheck_passes_on_the_bundled_handbook() {
    if tools::browser_tests_skipped("epub::epubcheck_passes_on_the_bundled_handbook") {
        return;
    }
    let site = TestSite::bundled();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    epubcheck(&[
        site.path().join("book/downloads/handbook-id.epub"),
        site.path().join("book/downloads/handbook-en.epub"),
    ]);
}

#[test]
fn epubcheck_passes_on_a_book_with_images_footnotes_tables_and_cross_links() {
    if tools::browser_tests_skipped("epub::epubcheck_passes_on_a_book_with_images") {
        return;
    }
    let site = rich_site();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    epubcheck(&[
        site.path().join("book/downloads/handbook-id.epub"),
        site.path().join("book/downloads/handbook-en.epub"),
    ]);
}

#[test]
fn the_epub_holds_the_print_chapters_in_order_with_working_links_and_images() {
    let site = rich_site();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let book = entries(&site.path().join("book/downloads/handbook-id.epub"));
    // The container: `mimetype` first, stored, with nothing else in it.
    assert_eq!(book[0].0, "mimetype");
    assert_eq!(book[0].1, b"application/epub+zip");
    assert!(book[0].2, "mimetype is stored uncompressed");
    let opf = text_of(&book, "EPUB/package.opf");
    assert!(opf.contains("<dc:language>id</dc:language>"), "{opf}");
    let modified = opf
        .split("<meta property=\"dcterms:modified\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default();
    assert!(
        modified.len() == 20 && modified.ends_with('Z') && modified.as_bytes()[10] == b'T',
        "{opf}"
    );
    // The same chapters as print.html, in the same order.
    let print = site.html("book/id/print.html");
    let print_titles: Vec<String> = crate::support::select(&print, "section.chapter > h1")
        .iter()
        .map(|h| h.text().collect::<String>())
        .collect();
    let nav = text_of(&book, "EPUB/nav.xhtml");
    let nav_doc = scraper::Html::parse_document(&nav);
    let nav_titles: Vec<String> = crate::support::select(&nav_doc, "nav a")
        .iter()
        .map(|a| a.text().collect::<String>())
        .collect();
    assert_eq!(nav_titles, print_titles);
    let spine: Vec<&str> = opf
        .match_indices("<itemref idref=\"")
        .map(|(i, _)| &opf[i + 16..i + 21])
        .collect();
    assert_eq!(spine.len(), print_titles.len(), "{opf}");
    // Every chapter is XHTML in its language, and every link inside the book lands.
    let names: Vec<&str> = book.iter().map(|(n, _, _)| n.as_str()).collect();
    let mut extras = None;
    for (name, data, _) in &book {
        if !name.ends_with(".xhtml") {
            continue;
        }
        let text = String::from_utf8(data.clone()).expect("utf-8");
        assert!(text.contains("lang=\"id\" xml:lang=\"id\""), "{name}");
        assert!(
            !text.contains("&nbsp;") && !text.contains("<br>"),
            "{name}: {text}"
        );
        // The web page's furniture stays on the web: the book has its own navigation.
        assert!(
            name == "EPUB/nav.xhtml"
                || (!text.contains("Di halaman ini") && !text.contains("<nav")),
            "{name}: {text}"
        );
        let doc = scraper::Html::parse_document(&text);
        let ids: Vec<String> = crate::support::attrs(&doc, "[id]", "id");
        for href in crate::support::attrs(&doc, "a[href]", "href") {
            if href.starts_with("http") || href.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = href
                .split_once('#')
                .map_or((href.as_str(), None), |(f, x)| (f, Some(x)));
            if !file.is_empty() {
                assert!(
                    names.contains(&format!("EPUB/{file}").as_str()),
                    "{name}: {href}"
                );
            }
            if let (true, Some(f)) = (file.is_empty(), fragment) {
                assert!(ids.iter().any(|i| i == f), "{name}: {href} has no target");
            }
        }
        for src in crate::support::attrs(&doc, "img", "src") {
            assert!(
                names.contains(&format!("EPUB/{src}").as_str()),
                "{name}: {src}"
            );
        }
        if text.contains("<title>Serba ada</title>") {
            extras = Some(text);
        }
    }
    let extras = extras.expect("the chapter of extras.md");
    let doc = scraper::Html::parse_document(&extras);
    assert_eq!(crate::support::select(&doc, "table").len(), 1, "{extras}");
    assert_eq!(
        crate::support::select(&doc, "img").len(),
        2,
        "png and svg: {extras}"
    );
    assert!(
        extras.contains("id=\"_1-mulai\""),
        "an id that starts with a digit: {extras}"
    );
    assert!(extras.contains("href=\"#_1-mulai\""), "{extras}");
    let zebra = crate::support::attrs(&doc, "a[href*=\"#steps\"]", "href");
    assert_eq!(zebra.len(), 1, "{extras}");
    assert!(
        zebra[0].starts_with('c') && zebra[0].ends_with(".xhtml#steps"),
        "{zebra:?}"
    );
    assert!(
        crate::support::select(&doc, ".footnote-definition").len() == 1,
        "{extras}"
    );
    // The English zebra page is of a kind: its info card comes along.
    let en = entries(&site.path().join("book/downloads/handbook-en.epub"));
    let info_card = en
        .iter()
        .any(|(_, d, _)| String::from_utf8_lossy(d).contains("class=\"info-card\""));
    assert!(info_card, "the kind's info card is in the book");
}

// ---------------------------------------------------------------------------------
// Issue #30, point 8 (helper "print"): the package's accessibility metadata and the
// navigation's role, which DAISY Ace reports as serious and moderate when missing.

#[test]
fn issue_30_the_epub_declares_its_accessibility_and_its_navigation_role() {
    let site = rich_site();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    for lang in ["id", "en"] {
        let book = entries(
            &site
                .path()
                .join(format!("book/downloads/handbook-{lang}.epub")),
        );
        let opf = text_of(&book, "EPUB/package.opf");
        for wanted in [
            "<meta property=\"schema:accessMode\">textual</meta>",
            "<meta property=\"schema:accessModeSufficient\">textual</meta>",
            "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>",
            "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>",
            "<meta property=\"schema:accessibilityHazard\">none</meta>",
            // The fixture has pictures, each with its alt text.
            "<meta property=\"schema:accessMode\">visual</meta>",
            "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>",
        ] {
            assert!(opf.contains(wanted), "{lang}: no {wanted} in\n{opf}");
        }
        let summary = opf
            .split("<meta property=\"schema:accessibilitySummary\">")
            .nth(1)
            .and_then(|s| s.split_once("</meta>"))
            .map(|(s, _)| s.to_string())
            .unwrap_or_default();
        assert!(summary.len() > 40, "{lang}: summary `{summary}`");
        let nav = text_of(&book, "EPUB/nav.xhtml");
        assert!(
            nav.contains("<nav epub:type=\"toc\" role=\"doc-toc\""),
            "{lang}: {nav}"
        );
    }
}
