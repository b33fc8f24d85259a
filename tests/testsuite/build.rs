//! `panduan build` on fixture sites: structure of the output, links, translations,
//! navigation and the failures that must stop a build.

use crate::support;

use support::{Run, TestSite, attrs, select, text};

fn build(site: &TestSite) -> Run {
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    run
}

fn resolves(from: &str, href: &str) -> String {
    // Applies a relative href to the output path of the file it appears in.
    let href = href.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn bilingual_fixture_builds_pages_at_slugged_urls() {
    let site = TestSite::copy("bilingual");
    let run = build(&site);
    assert!(
        run.stdout.contains("built 9 pages (id 5, en 4) into book/"),
        "{run}"
    );
    for path in [
        "book/index.html",
        "book/404.html",
        "book/id/index.html",
        "book/id/panduan/index.html",
        "book/id/panduan/pasang/index.html",
        "book/id/panduan/zebra/index.html",
        "book/id/images/circle.svg",
        "book/en/index.html",
        "book/en/guide/index.html",
        "book/en/guide/install/index.html",
        "book/assets/style.css",
        "book/assets/panduan.js",
        "book/assets/nav-id.js",
        "book/assets/nav-en.js",
        "book/.panduan-output",
    ] {
        assert!(site.exists(path), "missing {path}\n{run}");
    }
    // Drafts are left out, no sitemap without base_url.
    assert!(!site.exists("book/id/panduan/draft/index.html"));
    assert!(!site.exists("book/sitemap.xml"));
}

#[test]
fn drafts_are_built_with_the_drafts_flag() {
    let site = TestSite::copy("bilingual");
    let run = site.run(["build", "--drafts"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(site.exists("book/id/panduan/draft/index.html"), "{run}");
}

#[test]
fn markdown_extensions_headings_and_admonitions_render() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let html = site.html("book/id/panduan/pasang/index.html");
    // The leading `# Pemasangan` is the title: exactly one h1.
    assert_eq!(select(&html, "h1").len(), 1);
    assert_eq!(text(&html, "h1"), "Pemasangan");
    let ids = attrs(&html, ".content h2, .content h3", "id");
    assert_eq!(ids, ["persiapan", "persiapan-1", "khusus"]);
    assert_eq!(
        attrs(&html, ".content h2 a.anchor", "href"),
        ["#persiapan", "#persiapan-1"]
    );
    assert_eq!(select(&html, ".content table").len(), 1);
    assert_eq!(select(&html, ".content input[type=checkbox]").len(), 2);
    assert_eq!(select(&html, ".content del").len(), 1);
    assert_eq!(select(&html, ".content dl dt").len(), 1);
    assert!(!select(&html, ".content .footnote-definition").is_empty());
    assert_eq!(
        text(&html, ".admonition.warning .admonition-title"),
        "Peringatan"
    );
    assert_eq!(text(&html, ".admonition.note .admonition-title"), "Catatan");
    // The TOC lists the h2/h3 headings.
    assert_eq!(
        attrs(&html, ".toc a", "href"),
        ["#persiapan", "#persiapan-1", "#khusus"]
    );
    // English labels on the English page.
    let en = site.html("book/en/guide/install/index.html");
    assert_eq!(
        text(&en, ".admonition.warning .admonition-title"),
        "Warning"
    );
}

#[test]
fn template_syntax_in_content_is_shown_literally() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let raw = site.read("book/id/panduan/pasang/index.html");
    assert!(
        raw.contains("{{ name }}") && raw.contains("{% raw %}"),
        "content must not run as a template"
    );
}

#[test]
fn links_resolve_to_relative_file_urls() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let from = "id/panduan/pasang/index.html";
    let html = site.html(&format!("book/{from}"));
    let hrefs = attrs(
        &html,
        ".content a:not(.anchor):not(.footnote-backref)",
        "href",
    );
    assert!(hrefs.contains(&"#khusus".to_string()), "{hrefs:?}");
    assert!(
        hrefs.contains(&"../zebra/index.html#langkah".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"../only-id/index.html".to_string()),
        "{hrefs:?}"
    );
    assert_eq!(
        attrs(&html, ".content img", "src"),
        ["../../images/circle.svg"]
    );
    // Every internal link of every page names a file that exists.
    for entry in walkdir::WalkDir::new(site.path().join("book")) {
        let entry = entry.expect("walk");
        let Some(rel) = entry
            .path()
            .strip_prefix(site.path().join("book"))
            .ok()
            .and_then(|p| p.to_str())
        else {
            continue;
        };
        if !rel.ends_with(".html") {
            continue;
        }
        let page = site.html(&format!("book/{rel}"));
        for href in attrs(&page, "a[href], link[href], script[src], img[src]", "href")
            .into_iter()
            .chain(attrs(&page, "script[src], img[src]", "src"))
        {
            if href.starts_with("http") || href.starts_with('#') {
                continue;
            }
            assert!(!href.ends_with('/'), "{rel}: link to a directory: {href}");
            let target = resolves(rel, &href);
            assert!(
                site.exists(&format!("book/{target}")),
                "{rel}: broken link {href} -> {target}"
            );
        }
    }
}

#[test]
fn unlabelled_wikilinks_show_the_target_title() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let html = site.html("book/en/guide/zebra/index.html");
    let link = select(&html, ".content a[href='../install/index.html']");
    assert_eq!(link.len(), 1);
    assert_eq!(link[0].text().collect::<String>(), "Installation");
}

#[test]
fn link_to_a_page_only_in_the_other_language_is_marked_and_warned() {
    let site = TestSite::copy("bilingual");
    let run = build(&site);
    assert!(
        run.stderr.contains("content/en/guide/install.md:12:29: warning: `only-id.md` exists only in Bahasa Indonesia"),
        "{run}"
    );
    let html = site.html("book/en/guide/install/index.html");
    let badge = select(
        &html,
        ".content a[href='../../../id/panduan/only-id/index.html'] .lang-badge",
    );
    assert_eq!(
        badge.len(),
        1,
        "the cross-language link carries a language badge"
    );
    assert_eq!(badge[0].value().attr("lang"), Some("id"));
}

#[test]
fn language_switch_hreflang_and_html_lang() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let id = site.html("book/id/panduan/pasang/index.html");
    assert_eq!(attrs(&id, "html", "lang"), ["id"]);
    assert_eq!(
        attrs(&id, ".language-switch a", "href"),
        ["../../../en/guide/install/index.html"]
    );
    let alternates: Vec<(String, String)> = select(&id, "link[rel=alternate]")
        .iter()
        .map(|l| {
            (
                l.value().attr("hreflang").unwrap_or("").to_string(),
                l.value().attr("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        [
            ("id".to_string(), "index.html".to_string()),
            (
                "en".to_string(),
                "../../../en/guide/install/index.html".to_string()
            ),
            ("x-default".to_string(), "index.html".to_string()),
        ]
    );
    let en = site.html("book/en/guide/install/index.html");
    assert_eq!(attrs(&en, "html", "lang"), ["en"]);
    assert_eq!(text(&en, ".skip-link"), "Skip to content");
}

#[test]
fn untranslated_page_switch_leads_to_a_notice() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let id = site.html("book/id/panduan/only-id/index.html");
    let switch = attrs(&id, ".language-switch a.untranslated", "href");
    assert_eq!(switch, ["../../../en/guide/only-id/index.html"]);
    let notice = site.html("book/en/guide/only-id/index.html");
    assert_eq!(attrs(&notice, "html", "lang"), ["en"]);
    assert_eq!(text(&notice, "h1"), "This page has not been translated yet");
    assert_eq!(
        attrs(&notice, ".untranslated-notice a[hreflang=id]", "href"),
        ["../../../id/panduan/only-id/index.html"]
    );
    assert_eq!(attrs(&notice, "meta[name=robots]", "content"), ["noindex"]);
}

#[test]
fn navigation_is_rendered_once_per_language_with_order_and_breadcrumbs() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let nav = site.read("book/assets/nav-id.js");
    assert!(nav.starts_with("window.panduanNav = \""), "{nav}");
    // Order: `order` first, then title; pages without order after.
    let pos = |needle: &str| {
        nav.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in {nav}"))
    };
    assert!(pos("Pemasangan") < pos("Hanya dalam bahasa Indonesia"));
    assert!(pos("Hanya dalam bahasa Indonesia") < pos("Zebra tanpa front matter"));
    // The page itself does not carry the sidebar: only a link to the contents.
    let html = site.html("book/id/panduan/pasang/index.html");
    assert_eq!(
        attrs(&html, ".sidebar a", "href"),
        ["../../../id/index.html"]
    );
    assert_eq!(
        attrs(&html, ".breadcrumbs a", "href"),
        ["../../index.html", "../index.html"]
    );
    assert_eq!(attrs(&html, ".pager .prev", "href"), ["../index.html"]);
    assert_eq!(
        attrs(&html, ".pager .next", "href"),
        ["../only-id/index.html"]
    );
    assert_eq!(attrs(&html, ".related a", "href"), ["../zebra/index.html"]);
}

#[test]
fn kind_fields_render_as_an_info_card() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let html = site.html("book/en/guide/zebra/index.html");
    let labels: Vec<String> = select(&html, ".info-card dt")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(labels, ["Number", "Purpose", "Examples"]);
    assert_eq!(select(&html, ".info-card .field-examples li").len(), 2);
}

#[test]
fn root_index_offers_every_language_and_404_exists() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let index = site.html("book/index.html");
    assert_eq!(
        attrs(&index, "a.button", "href"),
        ["id/index.html", "en/index.html"]
    );
    assert_eq!(attrs(&index, "section", "lang"), ["id", "en"]);
    let not_found = site.html("book/404.html");
    assert_eq!(select(&not_found, "section").len(), 2);
}

#[test]
fn base_url_adds_sitemap_canonical_and_absolute_alternates() {
    let site = TestSite::copy("bilingual");
    let run = site.run(["build", "--base-url", "https://example.org/buku"]);
    assert_eq!(run.code, 0, "{run}");
    let sitemap = site.read("book/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/buku/id/panduan/pasang/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/buku/en/guide/install/\"/>"),
        "{sitemap}"
    );
    assert!(sitemap.contains("hreflang=\"x-default\""), "{sitemap}");
    let html = site.html("book/id/panduan/pasang/index.html");
    assert_eq!(
        attrs(&html, "link[rel=canonical]", "href"),
        ["https://example.org/buku/id/panduan/pasang/"]
    );
    assert!(
        attrs(&html, "link[rel=alternate]", "href")
            .iter()
            .all(|h| h.starts_with("https://example.org/buku/"))
    );
    // Page links stay relative.
    assert_eq!(attrs(&html, ".pager .prev", "href"), ["../index.html"]);
    // 404 links are absolute: it is served at any depth.
    let not_found = site.html("book/404.html");
    assert_eq!(
        attrs(&not_found, "a.button", "href"),
        [
            "https://example.org/buku/id/index.html",
            "https://example.org/buku/en/index.html"
        ]
    );
    assert_eq!(
        attrs(&not_found, "link[rel=stylesheet]", "href"),
        ["https://example.org/buku/assets/style.css"]
    );
    assert_eq!(
        attrs(&not_found, "link[rel=icon]", "href"),
        ["https://example.org/buku/assets/favicon.svg"]
    );
    // With a base URL the page needs no script to find the book's top folder.
    assert!(
        !site
            .read("book/404.html")
            .contains("createElement(\"base\")"),
        "{}",
        site.read("book/404.html")
    );
}

#[test]
fn not_found_page_served_at_a_missing_address_without_base_url_finds_the_top_folder() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let not_found = site.html("book/404.html");
    // From file:// (and at its own address) the relative links work as they are.
    assert_eq!(
        attrs(&not_found, "a.button", "href"),
        ["id/index.html", "en/index.html"]
    );
    assert_eq!(
        attrs(&not_found, "link[rel=stylesheet]", "href"),
        ["assets/style.css"]
    );
    // Served at a missing address over http(s), a script in <head>, before the
    // stylesheet, sets the page's base to the folder before a language's folder.
    let text = site.read("book/404.html");
    let script = text
        .find("createElement(\"base\")")
        .expect("the base script");
    let sheet = text.find("assets/style.css").expect("the stylesheet");
    assert!(script < sheet, "{text}");
    assert!(text.contains("[\"id\",\"en\"]"), "{text}");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = TestSite::copy("bilingual");
    let b = TestSite::copy("bilingual");
    build(&a);
    build(&b);
    let files = |site: &TestSite| -> Vec<(String, Vec<u8>)> {
        let root = site.path().join("book");
        let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&root)
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                (rel, std::fs::read(e.path()).unwrap_or_default())
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(files(&a), files(&b));
}

#[test]
fn page_size_does_not_grow_with_the_number_of_pages() {
    // Regression guard against repeating the navigation in every page.
    let site = TestSite::copy("bilingual");
    build(&site);
    let small = site.read("book/id/panduan/only-id/index.html").len();
    for n in 0..200 {
        site.write(
            &format!("content/id/guide/extra-{n:03}.md"),
            &format!(
                "---\ntitle: Tambahan nomor {n}\norder: {}\n---\n\nIsi.\n",
                n + 10
            ),
        );
    }
    build(&site);
    let large = site.read("book/id/panduan/only-id/index.html").len();
    assert!(
        large < small + 200,
        "page grew from {small} to {large} bytes with 200 more pages"
    );
}

#[test]
fn labelled_wikilinks_work_inside_tables() {
    // Regression: in a table the `|` is escaped as `\|` and the backslash stayed in the id.
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/_index.md",
        "---\ntitle: Beranda\n---\n\n| Jenis | Halaman |\n|---|---|\n| satu | [[halaman\\|label tabel]] |\n| dua | [[halaman#bagian-satu\\|bagian]] |\n",
    );
    build(&site);
    let html = site.html("book/id/index.html");
    assert_eq!(
        attrs(&html, "td a", "href"),
        ["halaman/index.html", "halaman/index.html#bagian-satu"]
    );
    assert_eq!(text(&html, "td a"), "label tabel");
}

#[test]
fn footnotes_do_not_clash_with_heading_ids() {
    // Regression: `[^catatan]` and `## Catatan` both produced `id="catatan"`.
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\n## Catatan\n\nTeks[^catatan].\n\n[^catatan]: Isi catatan.\n",
    );
    build(&site);
    let html = site.html("book/id/halaman/index.html");
    assert_eq!(attrs(&html, "[id=catatan]", "id").len(), 1);
    assert_eq!(
        attrs(&html, ".footnote-reference a", "href"),
        ["#fn-catatan"]
    );
    assert_eq!(
        attrs(&html, ".footnote-backref", "href"),
        ["#fnref-catatan"]
    );
}

#[test]
fn zip_has_one_top_folder_and_is_deterministic() {
    let site = TestSite::copy("bilingual");
    std::fs::create_dir_all(site.path().join("out")).expect("the zip's folder");
    let run = site.run(["build", "--zip", "out/buku.zip"]);
    assert_eq!(run.code, 0, "{run}");
    let first = std::fs::read(site.path().join("out/buku.zip")).expect("zip written");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(first.clone())).expect("a valid zip");
    let names: Vec<String> = (0..archive.len())
        .map(|i| {
            archive
                .by_index(i)
                .expect("entry")
                .name()
                .expect("utf-8 name")
                .to_string()
        })
        .collect();
    assert_eq!(names[0], "book/");
    assert!(names.iter().all(|n| n.starts_with("book/")), "{names:?}");
    assert!(names.contains(&"book/index.html".to_string()));
    assert!(names.contains(&"book/id/panduan/pasang/index.html".to_string()));
    assert!(names.contains(&"book/id/images/circle.svg".to_string()));
    let mut index = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("book/index.html").expect("index"),
        &mut index,
    )
    .expect("read");
    assert_eq!(index, site.read("book/index.html"));
    // Same content, same bytes; no temporary file left.
    assert_eq!(site.run(["build", "--zip", "out/buku.zip"]).code, 0);
    assert_eq!(
        std::fs::read(site.path().join("out/buku.zip")).expect("zip"),
        first
    );
    assert!(!site.exists("out/buku.zip.panduan-tmp"));
    // A file that is not a zip is never overwritten.
    site.write("notes.txt", "precious");
    let refused = site.run(["build", "--zip", "notes.txt"]);
    assert_eq!(refused.code, 2, "{refused}");
    assert_eq!(site.read("notes.txt"), "precious");
}

#[test]
fn print_document_holds_every_page_with_links_turned_into_chapters() {
    let site = TestSite::copy("bilingual");
    build(&site);
    let html = site.html("book/id/print.html");
    let chapters = select(&html, "section.chapter");
    assert_eq!(chapters.len(), 5, "every Indonesian page, in reading order");
    let titles: Vec<String> = select(&html, "section.chapter > h1")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(titles[0], "Beranda Buku Uji");
    assert_eq!(attrs(&html, ".print-toc a", "href").len(), 5);
    // Every id once; every `#` link lands on one of them.
    let ids = attrs(&html, "[id]", "id");
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(
        unique.len(),
        ids.len(),
        "duplicate ids in the print document"
    );
    for href in attrs(&html, "a[href^='#']", "href") {
        assert!(
            unique.contains(&href[1..].to_string()),
            "{href} goes nowhere"
        );
    }
    // The wikilink to zebra#langkah became a link to the chapter's heading.
    assert!(attrs(&html, "a", "href").contains(&"#chapter-guide-zebra--langkah".to_string()));
    // Files resolve from the print document's place; other-language pages stay pages.
    assert_eq!(attrs(&html, "img", "src"), ["images/circle.svg"]);
    assert!(site.exists("book/id/images/circle.svg"));
    // Every page links to the print version (and the downloads).
    let page = site.html("book/en/guide/install/index.html");
    assert_eq!(
        attrs(&page, ".site-footer a", "href"),
        ["../../../en/print.html", "../../../en/downloads.html"]
    );
}

#[test]
fn editor_and_download_leftovers_are_not_content() {
    let site = TestSite::copy("bilingual");
    let leftovers = [
        "4913",
        "install.md~",
        ".install.md.swp",
        "install.md.swo",
        "#install.md#",
        "install.md___jb_tmp___",
        "install.md___jb_old___",
        "photo.png.part",
        "photo.png.crdownload",
        "notes.kate-swp",
    ];
    for name in leftovers {
        site.write(&format!("content/en/guide/{name}"), "left behind");
    }
    site.write("content/en/guide/keep.txt", "a real file");
    build(&site);
    for name in leftovers {
        assert!(
            !site.exists(&format!("book/en/guide/{name}")),
            "`{name}` must not be copied into the site"
        );
    }
    assert!(
        site.exists("book/en/guide/keep.txt"),
        "other files are copied"
    );
}
