//! The built bundled handbook in a real browser (Debian's Chromium via playwright-core,
//! see tests/browser/): an offline crawl from file:// with zero broken links, anchors,
//! assets, folder links or network requests; zero axe-core violations (WCAG 2.1 AA) on
//! every page in the light and the dark theme; no horizontal scrolling at 360 px
//! (screenshots land in tests/browser/screenshots/); zero Nu HTML checker errors; and a
//! printed print.html. `support::tools` installs what these need on first use;
//! PANDUAN_SKIP_BROWSER=1 skips them.

use crate::support;

use std::path::PathBuf;
use std::process::Command;

use support::TestSite;
use support::tools;

fn built_handbook() -> TestSite {
    built_handbook_with(&["build"])
}

/// The bundled handbook built with `args` (`--no-pdf` where a test reads only the site).
fn built_handbook_with(args: &[&str]) -> TestSite {
    let site = TestSite::bundled();
    let run = site.run(args);
    assert_eq!(run.code, 0, "{run}");
    site
}

#[test]
fn offline_crawl_accessibility_and_layout_in_chromium() {
    if tools::browser_tests_skipped("the offline crawl in Chromium") {
        return;
    }
    let dir = tools::browser_packages();
    let chromium = tools::chromium();
    let site = built_handbook();
    let out = Command::new(tools::node())
        .env("CHROMIUM", chromium)
        .arg(dir.join("check.mjs"))
        .arg(site.path().join("book"))
        .arg(dir.join("screenshots"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    assert!(report["pages"].as_u64().unwrap_or(0) >= 50, "{report}");
    for key in [
        "broken",
        "anchors",
        "directories",
        "network",
        "errors",
        "axe",
    ] {
        assert_eq!(
            report[key].as_array().map_or(1, Vec::len),
            0,
            "{key}: {:#}",
            report[key]
        );
    }
}

#[test]
fn every_page_is_valid_html() {
    if tools::browser_tests_skipped("the Nu HTML checker") {
        return;
    }
    let dir = tools::browser_packages();
    let java = tools::java();
    let site = built_handbook();
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(site.path().join("book"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(pages.len() >= 50);
    let out = Command::new(java)
        .arg("-jar")
        .arg(dir.join("node_modules/vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .args(&pages)
        .output()
        .expect("java runs the Nu HTML checker");
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && errors.trim().is_empty(), "{errors}");
}

#[test]
fn print_document_prints_to_pdf() {
    if tools::browser_tests_skipped("printing to PDF") {
        return;
    }
    let (chromium, pdfinfo, pdftotext) = (tools::chromium(), tools::pdfinfo(), tools::pdftotext());
    let site = built_handbook();
    let pdf = site.path().join("print.pdf");
    let profile = tempfile::tempdir().expect("profile");
    let status = tools::headless_chromium(&chromium, profile.path())
        .args(["--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!(
            "file://{}",
            site.path().join("book/en/print.html").display()
        ))
        .output()
        .expect("chromium");
    assert!(pdf.is_file(), "{}", String::from_utf8_lossy(&status.stderr));
    let info = Command::new(pdfinfo)
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    let chapters = site
        .read("book/en/print.html")
        .matches("<section class=\"chapter\"")
        .count();
    assert!(
        pages > chapters,
        "one chapter per page break: {pages} PDF pages for {chapters} chapters"
    );
    let first = Command::new(pdftotext)
        .args(["-l", "1"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains("Handbook of Social Work"), "{text}");
    assert!(text.contains("Contents"), "{text}");
}

/// The reader's layout (#29), measured by `tests/browser/layout.mjs` on the bundled
/// handbook: the bar on a phone, layout shift, the drawer, the comparison table, every
/// scrollable region, no page scrolling sideways (the glossary did on a phone: its
/// "→ page" links would not wrap), axe on every page type in both schemes at 360 and 1280 px (with
/// the drawer and search open), and printing in the dark scheme. After a phone reader's
/// trial (360×800): the search page moved as its results came (layout shift 0.08–0.11),
/// every table region was named "Tabel", tap targets were 16–38 px, the drawer had no
/// close button of its own, the Day 1 schedule showed no sign that it scrolls, the open
/// search covered the bar with snippets of 5–7 lines, and the comparison's caption was a
/// narrow column on a phone.
#[test]
fn reader_layout_bar_drawer_tables_and_print_in_chromium() {
    if tools::browser_tests_skipped("the reader's layout in Chromium") {
        return;
    }
    let dir = tools::browser_packages();
    let chromium = tools::chromium();
    let site = built_handbook_with(&["build", "--no-pdf"]);
    let out = Command::new(tools::node())
        .env("CHROMIUM", chromium)
        .arg(dir.join("layout.mjs"))
        .arg(site.path().join("book"))
        .arg(dir.join("screenshots"))
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    println!("{report:#}");
    // The bar: one line of at most 10% of a 360×800 screen, at the top when scrolled.
    let header = &report["header"];
    assert!(header["share"].as_f64().unwrap_or(1.0) <= 0.10, "{header}");
    assert_eq!(header["position"], "sticky", "{header}");
    assert_eq!(header["topAfterScroll"].as_f64(), Some(0.0), "{header}");
    // Nothing moves when the scripts run; the search page, which fills in its results
    // later, keeps room for them (a layout shift below 0.01).
    for (page, cls) in report["cls"].as_object().into_iter().flatten() {
        if page.ends_with("-sources") {
            continue;
        }
        let cls = cls.as_f64().unwrap_or(1.0);
        let limit = if page.starts_with("search-") {
            0.01
        } else {
            0.0
        };
        assert!(cls <= limit, "{page}: {:#}", report["cls"]);
    }
    // The drawer opens over the page at the current page, and closes.
    let drawer = &report["drawer"];
    for key in ["visible", "overPage", "currentInView", "focusInside"] {
        assert_eq!(drawer["open"][key], true, "{key}: {drawer}");
    }
    assert_eq!(drawer["closedByEsc"], true, "{drawer}");
    assert_eq!(drawer["closedByTapOutside"], true, "{drawer}");
    // What it covers is dimmed and inert while it is open, and usable again after.
    assert_eq!(drawer["covered"]["inert"], true, "{drawer}");
    assert_eq!(drawer["covered"]["barDimmed"], true, "{drawer}");
    assert_eq!(drawer["uncoveredAfter"], true, "{drawer}");
    // The glossary: a way back to its A–Z list beside every letter.
    let back = &report["glossaryBack"];
    assert!(back["letters"].as_u64().unwrap_or(0) > 5, "{back}");
    assert_eq!(back["backLinks"], back["letters"], "{back}");
    assert_eq!(back["listInView"], true, "{back}");
    // Breadcrumbs that fit are not cut short (the first one always was); when they do
    // not, the long book title gives way first and the section stays whole.
    let crumbs = &report["breadcrumbs"];
    for page in ["comparison", "glossary"] {
        assert_eq!(
            crumbs[page]["cut"],
            serde_json::json!([]),
            "{page}: {crumbs}"
        );
    }
    let cut = crumbs["sessionPlan"]["cut"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(cut.len() <= 1, "{crumbs}");
    // Previous and next at 360 px: full width, a title of at most three lines.
    for link in report["pager"].as_array().into_iter().flatten() {
        assert!(link["width"].as_f64().unwrap_or(0.0) >= 300.0, "{link}");
        assert!(link["lines"].as_u64().unwrap_or(9) <= 3, "{link}");
    }
    // Its own close button, named in the page's language, closes it.
    let close = &drawer["close"];
    assert_eq!(close["visible"], true, "{drawer}");
    assert_eq!(close["name"], "Tutup menu", "{drawer}");
    assert_eq!(close["closes"], true, "{drawer}");
    // Tap targets of 44×44 px at 360 px, in every place measured.
    let targets = &report["targets"];
    for place in [
        "header",
        "breadcrumbs",
        "footer",
        "language menu",
        "drawer",
        "A–Z",
        "cards",
        "search page",
        "search open",
        "on this page",
        "downloads",
        "glossary",
        "info card",
        "related",
        "pager",
    ] {
        assert!(
            targets["measured"][place]["count"].as_u64().unwrap_or(0) > 0,
            "{place}: {targets:#}"
        );
    }
    assert_eq!(targets["small"], serde_json::json!([]), "{targets:#}");
    // The open search sits under the bar, which stays in view; snippets of at most
    // three lines, the found words marked, a query's HTML kept as text.
    let search = &report["search"];
    for key in ["barInView", "panelBelowBar", "panelInView"] {
        assert_eq!(search[key], true, "{key}: {search}");
    }
    assert!(search["snippets"].as_u64().unwrap_or(0) >= 3, "{search}");
    assert!(
        search["mostLines"].as_f64().unwrap_or(9.0) <= 3.05,
        "{search}"
    );
    let marked = search["marked"].as_array().cloned().unwrap_or_default();
    assert!(
        marked.contains(&"kelompok".into()) && marked.contains(&"tugas".into()),
        "{search}"
    );
    assert_eq!(search["injected"], false, "{search}");
    // "See all results (N)" looks like a link and is in view in the open box; the
    // search page counts the same N and shows all N (it stopped at 50).
    let all = &search["all"];
    for key in ["inView", "underlined", "linkColour"] {
        assert_eq!(all[key], true, "{key}: {search}");
    }
    let total = all["total"].as_u64().unwrap_or(0);
    assert!(total > 50, "{search}");
    assert_eq!(
        search["page"]["status"],
        format!("{total} hasil"),
        "{search}"
    );
    assert_eq!(search["page"]["results"], 50, "{search}");
    assert_eq!(search["pageAfterMore"]["results"], total, "{search}");
    // The Day 1 schedule at 360 px: it scrolls in its region, with a hint above it.
    let schedule = &report["schedule"];
    for key in [
        "scrolls",
        "hintShown",
        "hintAboveTable",
        "lastColumnWholeAtEnd",
    ] {
        assert_eq!(schedule[key], true, "{key}: {schedule}");
    }
    assert_eq!(schedule["overflowX"], "auto", "{schedule}");
    assert_eq!(
        schedule["hint"], "Geser ke samping untuk melihat semua kolom",
        "{schedule}"
    );
    // The comparison table: its last column in view at 1280 px, its caption at 360 px.
    for (page, widths) in report["comparison"].as_object().into_iter().flatten() {
        assert_eq!(
            widths["1280"]["lastColumnVisible"], true,
            "{page}: {widths}"
        );
        assert_eq!(widths["1280"]["layout"], "table", "{page}: {widths}");
        assert_eq!(widths["360"]["captionInView"], true, "{page}: {widths}");
        assert_eq!(widths["360"]["captionFullWidth"], true, "{page}: {widths}");
        assert_eq!(widths["360"]["overflow"], 0, "{page}: {widths}");
    }
    for key in ["scrollable", "regionNames", "overflow", "axe", "errors"] {
        assert_eq!(
            report[key].as_array().map_or(1, Vec::len),
            0,
            "{key}: {:#}",
            report[key]
        );
    }
    // Printed in the dark scheme: dark text on white, no furniture.
    for (page, print) in report["print"].as_object().into_iter().flatten() {
        assert_eq!(print["background"], "rgb(255, 255, 255)", "{page}: {print}");
        assert!(
            print["worstContrastOnWhite"].as_f64().unwrap_or(0.0) >= 4.5,
            "{page}: {print}"
        );
        assert_eq!(print["furniture"], serde_json::json!([]), "{page}: {print}");
    }
}

/// The 404 page as a static host serves it at a missing address (GitHub Pages, Netlify)
/// of a book built without a base URL, at the site's root and under a folder: styled,
/// and its home link leads home (it led to `<missing address>/id/index.html`, unstyled).
#[test]
fn not_found_page_at_a_missing_address_is_styled_and_leads_home_in_chromium() {
    if tools::browser_tests_skipped("the hosted 404 page in Chromium") {
        return;
    }
    let dir = tools::browser_packages();
    let chromium = tools::chromium();
    let site = built_handbook_with(&["build", "--no-pdf"]);
    for prefix in ["/", "/panduan/"] {
        let report = node_report(
            Command::new(tools::node())
                .env("CHROMIUM", &chromium)
                .arg(dir.join("notfound.mjs"))
                .arg(site.path().join("book"))
                .arg(prefix),
        );
        assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
        for (missing, seen) in report["pages"].as_object().into_iter().flatten() {
            // Under a folder, an address without a language's folder cannot tell where
            // the book starts (the page then assumes the site's root).
            if prefix != "/" && !(missing.starts_with("id/") || missing.starts_with("en/")) {
                continue;
            }
            assert_eq!(seen["status"], 404, "{missing}: {seen}");
            assert_eq!(seen["buttonBorder"], "2px", "{missing} is styled: {seen}");
            assert_eq!(seen["reached"]["status"], 200, "{missing}: {seen}");
            assert_eq!(
                seen["reached"]["path"],
                format!("{prefix}id/index.html"),
                "{missing}: {seen}"
            );
        }
    }
}

/// The browser editor (#27) on a copy of the bundled handbook, driven by
/// `tests/browser/editor.mjs`: open a group-type page, press Edit, change a field of the
/// form and a sentence of the body, insert a picture, save; the file on disk, the
/// picture and the rebuilt page all show the change. axe finds nothing on the editor,
/// light and dark, at 360 and 1280 px.
#[test]
fn the_editor_changes_a_field_a_sentence_and_adds_a_picture_in_chromium() {
    if tools::browser_tests_skipped("the browser editor in Chromium") {
        return;
    }
    let dir = tools::browser_packages();
    let chromium = tools::chromium();
    let site = TestSite::bundled();
    let page = "content/id/group-types/therapy.md";
    let before = site.read(page);
    let mut server = support::server::Running::serve(site.path());
    let token = server.token();
    let token_url = format!("http://{}/?token={token}", server.addr);
    let report = node_report(
        Command::new(tools::node())
            .env("CHROMIUM", chromium)
            .arg(dir.join("editor.mjs"))
            .arg(&token_url)
            .arg("/id/jenis-kelompok/terapi/")
            .arg("purpose")
            .arg(dir.join("screenshots")),
    );
    assert_eq!(
        report["errors"].as_array().map_or(1, Vec::len),
        0,
        "{report:#}"
    );
    assert_eq!(report["editLabel"], "Sunting halaman ini", "{report:#}");
    assert!(
        !report["steps"][0]["addressAfterToken"]
            .as_str()
            .unwrap_or("token")
            .contains("token"),
        "the key is taken out of the address bar: {report:#}"
    );
    // The file on disk: the field and the sentence changed, the picture linked.
    let after = site.read(page);
    let sentence = report["sentence"].as_str().expect("a sentence");
    assert!(after.contains(sentence), "{after}");
    assert!(after.contains("Diubah lewat penyunting."), "{after}");
    assert!(
        after.contains("![Kursi yang disusun melingkar](../images/foto-kegiatan.png)"),
        "{after}"
    );
    assert!(site.exists("content/id/images/foto-kegiatan.png"));
    // Only the edited key's line changed in the front matter.
    let head = |t: &str| -> Vec<String> {
        t.split("\n---\n")
            .next()
            .unwrap_or("")
            .lines()
            .map(str::to_string)
            .collect()
    };
    let changed: Vec<(String, String)> = head(&before)
        .into_iter()
        .zip(head(&after))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].0.starts_with("purpose:"), "{changed:?}");
    // The rebuilt page shows all three.
    let shown = &report["pageAfter"];
    assert_eq!(shown["sentence"], true, "{shown}");
    assert_eq!(shown["field"], true, "{shown}");
    assert_eq!(
        shown["picture"]["alt"], "Kursi yang disusun melingkar",
        "{shown}"
    );
    assert_eq!(shown["picture"]["loaded"], true, "{shown}");
    assert_eq!(
        report["axe"].as_array().map_or(1, Vec::len),
        0,
        "{:#}",
        report["axe"]
    );
    // Pasted from Excel: a Markdown table. From Word: headings, bold, italic, links and
    // lists as Markdown, a table as a table, and nothing else (no script).
    let excel = report["paste"]["excel"].as_str().unwrap_or("");
    assert!(
        excel.contains("| Nama | Usia |\n|---|---|\n| Siti | 34 |\n| Budi | 41 |"),
        "{excel}"
    );
    let word = report["paste"]["word"].as_str().unwrap_or("");
    for wanted in [
        "## Judul dari Word",
        "Teks **tebal** dan *miring* dengan [tautan](https://example.org/).",
        "- satu\n- dua",
        "**gaya tebal**",
        "| A | B |\n|---|---|\n| 1 | 2 |",
    ] {
        assert!(word.contains(wanted), "{wanted:?} in {word}");
    }
    assert!(!word.contains("alert"), "{word}");
    // A save over a version changed meanwhile is refused, with the difference to see.
    let conflict = &report["conflict"];
    assert_eq!(conflict["otherSave"], 200, "{conflict}");
    assert!(
        conflict["alert"]
            .as_str()
            .unwrap_or("")
            .contains("sudah diubah di tempat lain"),
        "{conflict}"
    );
    let diff = conflict["diff"].as_str().unwrap_or("");
    assert!(diff.contains("+ Kalimat saya."), "{diff}");
    assert!(
        site.read(page).contains("Tambahan dari penyunting lain."),
        "the other save stays"
    );
    server.assert_alive();
}

/// The browser editor (#27) in Firefox (Debian's firefox-esr, through geckodriver, by
/// `tests/browser/editor-firefox.mjs`): the editor builds its form, toolbar and preview,
/// typing into a field and into the text and pressing Save writes both to the file.
#[test]
fn the_editor_saves_in_firefox() {
    if tools::browser_tests_skipped("the browser editor in Firefox") {
        return;
    }
    let dir = tools::browser_packages();
    let (firefox, geckodriver) = (tools::firefox(), tools::geckodriver());
    let site = TestSite::bundled();
    let page = "content/id/group-types/self-help.md";
    let mut server = support::server::Running::serve(site.path());
    let token = server.token();
    let report = node_report(
        Command::new(tools::node())
            .arg(dir.join("editor-firefox.mjs"))
            .arg(&geckodriver)
            .arg(&firefox)
            .arg(format!("http://{}/?token={token}", server.addr))
            .arg("/id/jenis-kelompok/swabantu/")
            .arg("summary"),
    );
    assert_eq!(
        report["errors"].as_array().map_or(1, Vec::len),
        0,
        "{report:#}"
    );
    assert!(
        report["parts"]["fields"].as_u64().unwrap_or(0) >= 10,
        "{report:#}"
    );
    assert_eq!(report["parts"]["tools"], 9, "{report:#}");
    assert_eq!(report["parts"]["preview"], true, "{report:#}");
    assert!(
        report["status"]
            .as_str()
            .unwrap_or("")
            .starts_with("Tersimpan"),
        "{report:#}"
    );
    let after = site.read(page);
    assert!(after.contains("Diketik di Firefox."), "{after}");
    assert!(
        after.contains("Kalimat yang diketik di Firefox."),
        "{after}"
    );
    server.assert_alive();
}

/// Runs a `tests/browser/` script, fails with its output unless it succeeds, and
/// returns the JSON report it prints (printed too, for the test's log).
fn node_report(command: &mut Command) -> serde_json::Value {
    let out = command.output().expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    println!("{report:#}");
    report
}
