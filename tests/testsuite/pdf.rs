//! The PDF of each language and the one-page handouts (issue #18), read back with
//! poppler (`pdfinfo`, `pdftotext`, `pdfimages`) and `qpdf --json`, on
//! `fixtures/pdf/` (footnotes, a wide table, admonitions, a picture, signs Typst would
//! read as code) and on the bundled handbook.

use crate::support;

use std::path::Path;
use std::process::Command;

use support::TestSite;
use support::tools::{pdfinfo, pdftotext, qpdf};

/// `pdfinfo`'s `Pages:`.
fn pages(pdf: &Path) -> usize {
    let out = Command::new(pdfinfo())
        .arg(pdf)
        .output()
        .expect("run pdfinfo");
    assert!(out.status.success(), "pdfinfo {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}", pdf.display()))
}

/// The text of pages `first..=last` (all with `None`), laid out as on paper.
fn text(pdf: &Path, range: Option<(usize, usize)>) -> String {
    let mut cmd = Command::new(pdftotext());
    cmd.arg("-layout");
    if let Some((first, last)) = range {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("run pdftotext");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    // Words that were hyphenated at a line end are joined again for the checks.
    String::from_utf8_lossy(&out.stdout).replace("-\n", "")
}

/// The text with all runs of white space made one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `qpdf --json` of the PDF.
fn json(pdf: &Path) -> serde_json::Value {
    let out = Command::new(qpdf())
        .args(["--json", "--json-key=qpdf"])
        .arg(pdf)
        .output()
        .expect("run qpdf");
    assert!(out.status.success(), "qpdf {}", pdf.display());
    serde_json::from_slice(&out.stdout).expect("qpdf writes JSON")
}

/// The titles of the outline (bookmarks), depth first, from the PDF's objects.
fn outline(pdf: &Path) -> Vec<String> {
    let doc = json(pdf);
    let objects = &doc["qpdf"][1];
    let obj = |r: &serde_json::Value| -> serde_json::Value {
        let key = format!("obj:{}", r.as_str().unwrap_or(""));
        objects[&key]["value"].clone()
    };
    let root = objects
        .as_object()
        .expect("objects")
        .values()
        .find(|o| o["value"]["/Type"] == "/Catalog")
        .map(|o| o["value"].clone())
        .expect("a catalog");
    let mut titles = Vec::new();
    let mut stack = vec![obj(&obj(&root["/Outlines"])["/First"])];
    while let Some(item) = stack.pop() {
        if item.is_null() {
            continue;
        }
        if let Some(t) = item["/Title"].as_str() {
            titles.push(t.trim_start_matches("u:").to_string());
        }
        stack.push(obj(&item["/Next"]));
        stack.push(obj(&item["/First"]));
    }
    titles
}

/// How many link annotations lead to a place within the document.
fn internal_links(pdf: &Path) -> usize {
    let doc = json(pdf);
    doc["qpdf"][1]
        .as_object()
        .expect("objects")
        .values()
        .filter(|o| o["value"]["/Subtype"] == "/Link")
        .filter(|o| {
            let v = &o["value"];
            !v["/Dest"].is_null() || v["/A"]["/S"] == "/GoTo"
        })
        .count()
}

/// Builds `site` and asserts success.
fn build(site: &TestSite) -> support::Run {
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    run
}

#[test]
fn the_pdf_of_each_language_has_a_title_page_contents_with_page_numbers_and_every_chapter() {
    let site = TestSite::copy("pdf");
    build(&site);
    for (lang, chapters) in [
        (
            "en",
            &[
                "PDF Test Handbook",
                "Markdown features",
                "Group types",
                "Therapy groups",
                "Task groups",
            ][..],
        ),
        (
            "id",
            &[
                "Buku Uji PDF",
                "Fitur Markdown",
                "Jenis kelompok",
                "Kelompok terapi",
            ][..],
        ),
    ] {
        let pdf = site
            .path()
            .join(format!("book/downloads/handbook-{lang}.pdf"));
        assert!(pages(&pdf) >= 4, "{lang}: title, contents and chapters");
        let title_page = flat(&text(&pdf, Some((1, 1))));
        assert!(
            title_page.contains(chapters[0]),
            "{lang} title page: {title_page}"
        );
        let contents = text(&pdf, Some((2, 2)));
        for chapter in chapters {
            let line = contents
                .lines()
                .find(|l| l.contains(chapter))
                .unwrap_or_else(|| panic!("{lang}: `{chapter}` not in the contents:\n{contents}"));
            assert!(
                line.trim_end().ends_with(|c: char| c.is_ascii_digit()),
                "{lang}: no page number for `{chapter}`: {line:?}"
            );
        }
        let all = flat(&text(&pdf, None));
        for chapter in chapters {
            assert!(
                all.matches(chapter).count() >= 2,
                "{lang}: `{chapter}` only in the contents"
            );
        }
        let bookmarks = outline(&pdf);
        for chapter in chapters {
            assert!(
                bookmarks.iter().any(|b| b == chapter),
                "{lang}: no bookmark `{chapter}` in {bookmarks:?}"
            );
        }
    }
}

#[test]
fn markdown_survives_into_the_pdf_signs_footnotes_tables_admonitions_pictures_links() {
    let site = TestSite::copy("pdf");
    build(&site);
    let pdf = site.path().join("book/downloads/handbook-en.pdf");
    let all = flat(&text(&pdf, None));
    for expected in [
        r"Literal signs: #$*_[]\@< and // not a comment, /* not either */, code #x, a = b - c + d.",
        "1. Not a list, and a label <chapter> and @ref too.",
        "The first settlement house opened in London in 1884.",
        "A second note, with emphasis.",
        "alpha cell",
        "seventh",
        "A note for the trainer.",
        "Watch the time.",
        "Purpose Helping members explore their feelings.",
        "psychodrama",
    ] {
        assert!(all.contains(expected), "`{expected}` missing from:\n{all}");
    }
    // The admonitions carry their labels; the footnote used twice is printed once.
    assert!(all.contains("Note A note for the trainer."), "{all}");
    assert!(all.contains("Warning Watch the time."), "{all}");
    assert_eq!(all.matches("opened in London in 1884").count(), 1, "{all}");
    let images = Command::new(pdfinfo().with_file_name("pdfimages"))
        .arg("-list")
        .arg(&pdf)
        .output()
        .expect("run pdfimages");
    let listed = String::from_utf8_lossy(&images.stdout);
    assert!(
        listed
            .lines()
            .any(|l| l.contains(" 40 ") && l.contains(" 24 ")),
        "{listed}"
    );
    // `[[features]]`, `features.md#a-wide-table`, `_index.md`, `[[types/therapy]]`,
    // and the footnote marks, all within the document.
    assert!(
        internal_links(&pdf) >= 4,
        "internal links: {}",
        internal_links(&pdf)
    );
    let id = flat(&text(
        &site.path().join("book/downloads/handbook-id.pdf"),
        None,
    ));
    assert!(id.contains(r"Tanda apa adanya: #$*_[]\@<."), "{id}");
    assert!(
        id.contains("Tips Sebuah kiat."),
        "Indonesian admonition label: {id}"
    );
}

#[test]
fn each_handout_is_one_page_and_all_of_a_language_are_in_one_pdf() {
    let site = TestSite::copy("pdf");
    build(&site);
    let dir = site.path().join("book/downloads");
    for (lang, stems) in [("en", &["therapy", "task"][..]), ("id", &["therapy"][..])] {
        for stem in stems {
            let pdf = dir.join(format!("handouts/{lang}/{stem}.pdf"));
            assert_eq!(pages(&pdf), 1, "{}", pdf.display());
        }
        assert_eq!(
            pages(&dir.join(format!("handouts-{lang}.pdf"))),
            stems.len()
        );
    }
    let therapy = flat(&text(&dir.join("handouts/en/therapy.pdf"), None));
    for expected in [
        "Therapy groups",
        "Groups for people with serious emotional problems.",
        "Purpose Helping members explore their feelings.",
        "Before the first session, meet every member alone.",
        "Agree on confidentiality.",
    ] {
        assert!(
            therapy.contains(expected),
            "`{expected}` missing: {therapy}"
        );
    }
    // Without a `handout` text the page's summary and fields make the handout.
    let task = flat(&text(&dir.join("handouts/en/task.pdf"), None));
    assert!(task.contains("Groups that get a job done."), "{task}");
}

#[test]
fn a_handout_too_long_for_one_page_is_shrunk_then_warned_about_at_its_page() {
    let site = TestSite::copy("pdf");
    let sentence = "Members speak in turn and listen to one another. ";
    let page = |repeat: usize| {
        format!(
            "---\ntitle: Task groups\nkind: group-type\npurpose: Reaching a goal.\nhandout: |\n  {}\n---\n\nBody.\n",
            sentence.repeat(repeat)
        )
    };
    let pdf = site.path().join("book/downloads/handouts/en/task.pdf");
    // The height of the first word of the handout text: its size of print.
    let print_size = || {
        let out = Command::new(pdftotext())
            .arg("-bbox")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext -bbox");
        let xml = String::from_utf8_lossy(&out.stdout).into_owned();
        let line = xml
            .lines()
            .find(|l| l.contains(">Members<"))
            .unwrap_or_else(|| panic!("no `Members` in {xml}"))
            .to_string();
        let attr = |name: &str| -> f64 {
            let rest =
                &line[line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2..];
            rest[..rest.find('"').expect("end")]
                .parse()
                .expect("number")
        };
        attr("yMax") - attr("yMin")
    };
    site.write("content/en/types/task.md", &page(20));
    build(&site);
    let full = print_size();
    // About 1,000 words fit one page once the print is made smaller.
    site.write("content/en/types/task.md", &page(110));
    let run = build(&site);
    assert!(!run.stderr.contains("does not fit"), "{run}");
    assert_eq!(pages(&pdf), 1);
    assert!(
        print_size() < full * 0.95,
        "not shrunk: {} vs {full}",
        print_size()
    );

    site.write("content/en/types/task.md", &page(400));
    let run = build(&site);
    assert!(
        run.stderr
            .contains("content/en/types/task.md:1:1: warning: the handout does not fit one page"),
        "{run}"
    );
    assert!(
        run.stderr.contains("shorten the page's `handout` text"),
        "{run}"
    );
}

#[test]
fn two_builds_make_byte_identical_pdfs() {
    let site = TestSite::copy("pdf");
    build(&site);
    let read =
        |rel: &str| std::fs::read(site.path().join("book/downloads").join(rel)).expect("pdf");
    let files = [
        "handbook-en.pdf",
        "handbook-id.pdf",
        "handouts-en.pdf",
        "handouts/en/therapy.pdf",
    ];
    let first: Vec<Vec<u8>> = files.iter().map(|f| read(f)).collect();
    // The second build is a clean one (into an empty folder): a build into the previous
    // output would take its PDFs from there (issue #25).
    std::fs::remove_dir_all(site.path().join("book")).expect("remove the output");
    build(&site);
    for (f, bytes) in files.iter().zip(&first) {
        assert!(read(f) == *bytes, "{f} differs between two builds");
    }
    // No clock in them.
    let info = Command::new(pdfinfo())
        .arg(site.path().join("book/downloads/handbook-en.pdf"))
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(!info.contains("CreationDate"), "{info}");
}

#[test]
fn no_pdf_and_enabled_false_skip_the_pdfs() {
    let site = TestSite::copy("pdf");
    let run = site.run(["build", "--no-pdf"]);
    assert_eq!(run.code, 0, "{run}");
    let no_pdf = |site: &TestSite| {
        !site.exists("book/downloads/handbook-en.pdf")
            && !site.exists("book/downloads/handbook-id.pdf")
            && !site.exists("book/downloads/handouts-en.pdf")
            && !site.exists("book/downloads/handouts")
    };
    assert!(no_pdf(&site), "{run}");
    let toml = site
        .read("book.toml")
        .replace("[handouts]\nkind = \"group-type\"\n", "")
        .replace("[pdf]\nenabled = true\n", "[pdf]\nenabled = false\n");
    site.write("book.toml", &toml);
    build(&site);
    assert!(no_pdf(&site));
    // Off by default: without a `[pdf]` table, no PDF.
    site.write("book.toml", &toml.replace("[pdf]\nenabled = false\n", ""));
    build(&site);
    assert!(no_pdf(&site));
}

#[test]
fn a_picture_that_does_not_open_is_an_error_at_its_page_and_the_previous_output_stays() {
    let site = TestSite::copy("pdf");
    build(&site);
    let before = std::fs::read(site.path().join("book/downloads/handbook-en.pdf")).expect("pdf");
    site.write("content/shared/circle.png", "this is not a picture");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/en/features.md:38:1: error: the picture `shared/circle.png` does not open"
        ),
        "{run}"
    );
    assert!(run.stderr.contains("the previous output was kept"), "{run}");
    let after = std::fs::read(site.path().join("book/downloads/handbook-en.pdf")).expect("pdf");
    assert!(before == after, "the previous PDF was replaced");
}

#[test]
fn a_theme_template_overrides_the_built_in_one_and_its_errors_name_it() {
    let site = TestSite::copy("pdf");
    site.write(
        "themes/mine/typst/handout.typ",
        "#let handout(title: [], ..rest) = [MY HANDOUT #title]\n",
    );
    let toml = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("[book]\ntheme = \"themes/mine\"\n{toml}"),
    );
    build(&site);
    let therapy = flat(&text(
        &site.path().join("book/downloads/handouts/en/therapy.pdf"),
        None,
    ));
    assert_eq!(therapy, "MY HANDOUT Therapy groups");
    site.write(
        "themes/mine/typst/handout.typ",
        "#let handout(..rest) = [#nope]\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("themes/mine/typst/handout.typ:1:"),
        "{run}"
    );
    assert!(run.stderr.contains("unknown variable: nope"), "{run}");
}

#[test]
fn the_bundled_handbook_has_both_pdfs_and_ten_one_page_handouts_per_language() {
    let site = TestSite::bundled();
    build(&site);
    let dir = site.path().join("book/downloads");
    for lang in ["id", "en"] {
        let pdf = dir.join(format!("handbook-{lang}.pdf"));
        assert!(pages(&pdf) > 20, "{lang}");
        let contents = text(&pdf, Some((2, 2)));
        let numbered = contents
            .lines()
            .filter(|l| l.trim_end().ends_with(|c: char| c.is_ascii_digit()) && l.contains(". ."))
            .count();
        assert!(
            numbered >= 25,
            "{lang}: {numbered} numbered entries in\n{contents}"
        );
        let handouts: Vec<_> = std::fs::read_dir(dir.join(format!("handouts/{lang}")))
            .expect("handouts folder")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(handouts.len(), 10, "{lang}: {handouts:?}");
        for h in &handouts {
            assert_eq!(pages(h), 1, "{}", h.display());
        }
        assert_eq!(pages(&dir.join(format!("handouts-{lang}.pdf"))), 10);
    }
}

// ---------------------------------------------------------------------------------
// Issue #30 (and #29, point 2): the PDF, the EPUB and `print.html` carry what the site
// shows, and the handbook's media markers and pages for authors.

/// Text reduced to its lower-case letters and digits, so that what Typst did to it
/// (line breaks, hyphens, curly quotes, bullets) does not matter.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What the site of one language shows that every other form must carry too.
#[derive(Default)]
struct Shown {
    /// (term, definition) of every glossary entry.
    glossary: Vec<(String, String)>,
    /// (page, value) of every field of every info card: a text or a list item.
    cards: Vec<(String, String)>,
    /// Per comparison row: its name, then its cells (texts and list items).
    rows: Vec<Vec<String>>,
}

/// Every `index.html` below `dir`.
fn pages_below(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read the output") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "index.html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The values of a `dd` or `td`: each list item, or its whole text.
fn values(cell: scraper::ElementRef<'_>) -> Vec<String> {
    let li = scraper::Selector::parse("li").expect("selector");
    let items: Vec<String> = cell.select(&li).map(|l| l.text().collect()).collect();
    match items.is_empty() {
        true => vec![cell.text().collect()],
        false => items,
    }
}

fn shown_on_the_site(book: &Path, lang: &str) -> Shown {
    let sel = |s: &str| scraper::Selector::parse(s).expect("selector");
    let mut shown = Shown::default();
    for path in pages_below(&book.join(lang)) {
        let html = scraper::Html::parse_document(&std::fs::read_to_string(&path).expect("read"));
        let page = path.display().to_string();
        for dd in html.select(&sel("article dl.info-card dd")) {
            for v in values(dd) {
                shown.cards.push((page.clone(), v));
            }
        }
        for entry in html.select(&sel("dl.glossary .glossary-entry")) {
            let term: String = entry.select(&sel("dt")).flat_map(|e| e.text()).collect();
            let dd = entry.select(&sel("dd")).next().expect("a definition");
            let source: String = dd
                .select(&sel(".glossary-source"))
                .flat_map(|e| e.text())
                .collect();
            let all: String = dd.text().collect();
            let definition = all.trim_end().strip_suffix(source.trim()).unwrap_or(&all);
            shown.glossary.push((term, definition.to_string()));
        }
        for tr in html.select(&sel(".comparison tbody tr")) {
            let mut row: Vec<String> = tr.select(&sel("th")).map(|t| t.text().collect()).collect();
            for td in tr.select(&sel("td")) {
                row.extend(values(td));
            }
            shown.rows.push(row);
        }
    }
    shown
}

/// The landscape pages of a PDF (the comparison table's), as text.
fn landscape_text(pdf: &Path) -> String {
    let n = pages(pdf);
    let out = Command::new(pdfinfo())
        .args(["-f", "1", "-l", &n.to_string()])
        .arg(pdf)
        .output()
        .expect("run pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout);
    // `Page   71 size: 841.89 x 595.28 pts (A4)`
    let wide: Vec<usize> = info
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("Page")?;
            let (number, size) = rest.split_once("size:")?;
            let mut dims = size.split_whitespace();
            let w: f64 = dims.next()?.parse().ok()?;
            let h: f64 = dims.nth(1)?.parse().ok()?;
            (w > h).then(|| number.trim().parse().ok())?
        })
        .collect();
    // In reading order, not laid out: a table's cells come one after the other.
    wide.iter()
        .map(|&p| {
            let out = Command::new(pdftotext())
                .args(["-f", &p.to_string(), "-l", &p.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .expect("run pdftotext");
            String::from_utf8_lossy(&out.stdout).into_owned()
        })
        .collect()
}

/// The text of every chapter of an EPUB.
fn epub_text(epub: &Path) -> String {
    let sel = scraper::Selector::parse("body").expect("selector");
    crate::epub::entries(epub)
        .into_iter()
        .filter(|(n, _, _)| n.ends_with(".xhtml") && !n.ends_with("nav.xhtml"))
        .map(|(_, data, _)| {
            let html = scraper::Html::parse_document(&String::from_utf8_lossy(&data));
            html.select(&sel).flat_map(|b| b.text()).collect::<String>()
        })
        .collect()
}

#[test]
fn issue_30_the_pdf_epub_and_print_html_carry_every_glossary_entry_card_and_comparison_row() {
    let site = TestSite::bundled();
    build(&site);
    let book = site.path().join("book");
    for lang in ["id", "en"] {
        let shown = shown_on_the_site(&book, lang);
        assert!(
            shown.glossary.len() >= 50,
            "{lang}: {} terms",
            shown.glossary.len()
        );
        assert!(
            shown.cards.len() >= 200,
            "{lang}: {} card values",
            shown.cards.len()
        );
        assert_eq!(shown.rows.len(), 10, "{lang}: comparison rows");
        let print = {
            let html = site.html(&format!("book/{lang}/print.html"));
            letters(&support::text(&html, "main"))
        };
        let pdf_path = book.join(format!("downloads/handbook-{lang}.pdf"));
        let pdf = letters(&text(&pdf_path, None));
        let table = letters(&landscape_text(&pdf_path));
        let epub = letters(&epub_text(
            &book.join(format!("downloads/handbook-{lang}.epub")),
        ));
        let mut missing = Vec::new();
        for (form, text) in [("print.html", &print), ("PDF", &pdf), ("EPUB", &epub)] {
            for (term, definition) in &shown.glossary {
                for part in [term, definition] {
                    if !text.contains(&letters(part)) {
                        missing.push(format!("{form}: glossary `{term}`: {part}"));
                    }
                }
            }
            for (page, value) in &shown.cards {
                if !text.contains(&letters(value)) {
                    missing.push(format!("{form}: the card of {page}: {value}"));
                }
            }
            // The comparison: in the PDF, on its landscape pages.
            let text = if form == "PDF" { &table } else { text };
            for row in &shown.rows {
                for cell in row {
                    if !text.contains(&letters(cell)) {
                        missing.push(format!("{form}: comparison row `{}`: {cell}", row[0]));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{lang}: {} missing, first:\n{}",
            missing.len(),
            missing[..missing.len().min(20)].join("\n")
        );
    }
}

#[test]
fn issue_30_screen_and_print_markers_keep_text_for_one_medium() {
    let site = TestSite::copy("pdf");
    site.write(
        "content/en/media.md",
        "---\ntitle: Media\n---\n\nBoth media.<!-- panduan:screen --> Click the zebra button.<!-- /panduan:screen -->\n\n\
         <!-- panduan:screen -->\n> [!NOTE]\n> Use the language switch at the top.\n<!-- /panduan:screen -->\n\n\
         <!-- panduan:print -->\nThis printed copy was made for the course.\n<!-- /panduan:print -->\n\n\
         - A list item.<!-- panduan:print --> See the handout.<!-- /panduan:print -->\n",
    );
    build(&site);
    let page = support::text(&site.html("book/en/media/index.html"), "main");
    let print = support::text(&site.html("book/en/print.html"), "main");
    let pdf = flat(&text(
        &site.path().join("book/downloads/handbook-en.pdf"),
        None,
    ));
    let epub = epub_text(&site.path().join("book/downloads/handbook-en.epub"));
    let screen = ["Click the zebra button", "Use the language switch"];
    let paper = ["This printed copy was made", "See the handout"];
    for s in screen {
        assert!(page.contains(s), "page: {s}\n{page}");
        assert!(!print.contains(s), "print.html: {s}");
        assert!(!pdf.contains(s), "PDF: {s}");
        assert!(!epub.contains(s), "EPUB: {s}");
    }
    for s in paper {
        assert!(!page.contains(s), "page: {s}");
        assert!(print.contains(s), "print.html: {s}");
        assert!(pdf.contains(s), "PDF: {s}\n{pdf}");
        assert!(!epub.contains(s), "EPUB: {s}");
    }
    for form in [&page, &print, &pdf, &epub] {
        assert!(form.contains("Both media."), "{form}");
    }
    // Text for paper only is not found by the site's search.
    let index = site.read("book/assets/search-en.js");
    assert!(!index.contains("printed copy"), "search index");
    assert!(index.contains("zebra button"), "search index");
}

#[test]
fn issue_30_a_marker_never_closed_is_an_error_at_its_place() {
    let site = TestSite::copy("pdf");
    site.write(
        "content/en/media.md",
        "---\ntitle: Media\n---\n\nFirst.\n\n<!-- panduan:screen -->\nNever closed.\n\nText <!-- /panduan:print --> here.\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/en/media.md:7:1: error: the part for the web pages only that starts here is never closed"
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("content/en/media.md:10:6: error: `<!-- /panduan:print -->` closes a part"),
        "{run}"
    );
    let check = site.run(["check"]);
    assert_eq!(check.code, 1, "{check}");
    assert!(check.stdout.contains("content/en/media.md:7:1"), "{check}");
}

#[test]
fn issue_29_a_page_for_authors_is_built_and_checked_but_left_out_of_every_listing() {
    let site = TestSite::copy("pdf");
    site.write(
        "content/en/style.md",
        "---\ntitle: Zebra house style\naudience: authors\n---\n\nWrite zebracrossing as one word. [Features](features.md)\n",
    );
    let built = site.run(["build", "--base-url", "https://example.org/h/"]);
    assert_eq!(built.code, 0, "{built}");
    let page = support::text(&site.html("book/en/style/index.html"), "main");
    assert!(page.contains("zebracrossing"), "{page}");
    for file in [
        "book/assets/nav-en.js",
        "book/assets/search-en.js",
        "book/sitemap.xml",
        "book/en/print.html",
        "book/en/index.html",
        "book/en/features/index.html",
    ] {
        let text = site.read(file);
        assert!(
            !text.contains("zebracrossing") && !text.contains("Zebra house style"),
            "{file} names the page for authors"
        );
    }
    let pdf = flat(&text(
        &site.path().join("book/downloads/handbook-en.pdf"),
        None,
    ));
    assert!(
        !pdf.contains("zebracrossing") && !pdf.contains("Zebra house style"),
        "PDF"
    );
    let epub = epub_text(&site.path().join("book/downloads/handbook-en.epub"));
    assert!(!epub.contains("zebracrossing"), "EPUB");
    // Still checked: a broken link on it is an error.
    site.write(
        "content/en/style.md",
        "---\ntitle: Zebra house style\naudience: authors\n---\n\n[Gone](gone.md)\n",
    );
    let check = site.run(["check"]);
    assert_eq!(check.code, 1, "{check}");
    assert!(check.stdout.contains("content/en/style.md:6:1"), "{check}");
    // Anything but `readers` or `authors` is an error at the value.
    site.write(
        "content/en/style.md",
        "---\ntitle: Zebra house style\naudience: editors\n---\n\nText.\n",
    );
    let check = site.run(["check"]);
    assert_eq!(check.code, 1, "{check}");
    assert!(check.stdout.contains("content/en/style.md:3:"), "{check}");
}

#[test]
fn issue_30_the_pdfs_declare_pdf_ua_1_and_show_their_title() {
    let site = TestSite::copy("pdf");
    let run = build(&site);
    assert!(!run.stderr.contains("PDF/UA"), "{run}");
    for file in ["handbook-en.pdf", "handbook-id.pdf", "handouts-en.pdf"] {
        let pdf = site.path().join("book/downloads").join(file);
        let doc = json(&pdf);
        let catalog = doc["qpdf"][1]
            .as_object()
            .expect("objects")
            .values()
            .find(|o| o["value"]["/Type"] == "/Catalog")
            .map(|o| o["value"].clone())
            .expect("a catalog");
        let prefs = &catalog["/ViewerPreferences"];
        let prefs = match prefs.as_str() {
            // An indirect object.
            Some(r) => doc["qpdf"][1][format!("obj:{r}")]["value"].clone(),
            None => prefs.clone(),
        };
        assert_eq!(prefs["/DisplayDocTitle"], true, "{file}: {prefs}");
        // The XMP metadata names the standard: `pdfuaid:part` 1.
        let plain = site.path().join("plain.pdf");
        let out = Command::new(qpdf())
            .args(["--stream-data=uncompress"])
            .arg(&pdf)
            .arg(&plain)
            .output()
            .expect("run qpdf");
        assert!(out.status.success(), "qpdf");
        let bytes = String::from_utf8_lossy(&std::fs::read(&plain).expect("read")).into_owned();
        assert!(
            bytes.contains("pdfuaid:part>1<") || bytes.contains("pdfuaid:part=\"1\""),
            "{file}: no PDF/UA-1 identifier"
        );
    }
}

#[test]
fn issue_30_a_link_to_another_chapter_gives_its_page_on_paper_in_each_language() {
    let site = TestSite::copy("pdf");
    site.write(
        "content/id/rujukan.md",
        "---\ntitle: Rujukan\n---\n\nLihat [[types/therapy]] untuk contohnya.\n",
    );
    build(&site);
    let dir = site.path().join("book/downloads");
    // The page a chapter starts on, from its line in the contents (page 2).
    let contents_page = |pdf: &Path, title: &str| -> String {
        let contents = text(pdf, Some((2, 2)));
        let line = contents
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("`{title}` in the contents:\n{contents}"));
        line.trim_end()
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .expect("a page number")
            .to_string()
    };
    let id_pdf = dir.join("handbook-id.pdf");
    let en_pdf = dir.join("handbook-en.pdf");
    let id = flat(&text(&id_pdf, None));
    let en = flat(&text(&en_pdf, None));
    let therapy = contents_page(&id_pdf, "Kelompok terapi");
    assert!(
        id.contains(&format!(
            "Lihat Kelompok terapi, hlm. {therapy} untuk contohnya."
        )),
        "no page reference to p. {therapy} in\n{id}"
    );
    let therapy = contents_page(&en_pdf, "Therapy groups");
    assert!(
        en.contains(&format!("Therapy groups, p. {therapy}")),
        "no page reference to p. {therapy} in\n{en}"
    );
    assert!(
        !en.contains(", hlm. ") && !id.contains(", p. "),
        "each language its own form"
    );
}

/// Issue #25: the previous output is a cache. After edits of every kind (none, a page's
/// text, a handout's text, a picture, the book's title), and after a corrupt or foreign
/// cache, a build into the previous output is byte-identical to a clean build, and it
/// takes from the previous output exactly the PDFs whose input did not change.
#[test]
fn the_previous_output_is_a_cache_byte_identical_to_a_clean_build() {
    let site = TestSite::copy("pdf");
    let reused = |run: &support::Run| -> usize {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains("taken from the previous output"))
            .unwrap_or_else(|| panic!("no reuse line: {run}"));
        line.trim()
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{line}"))
    };
    let cached = |site: &TestSite| -> usize {
        let run = site.run(["build", "--timings"]);
        assert_eq!(run.code, 0, "{run}");
        reused(&run)
    };
    let clean_equals_cached = |site: &TestSite, what: &str| {
        let clean = tempfile::tempdir().expect("temp dir");
        let out = clean.path().join("book");
        let run = site.run(["build", "--timings", "--out", out.to_str().expect("UTF-8")]);
        assert_eq!(run.code, 0, "{run}");
        assert_eq!(reused(&run), 0, "a clean build reuses nothing");
        let (a, b) = (
            crate::stress::tree(&site.path().join("book")),
            crate::stress::tree(&out),
        );
        let differ: Vec<&String> = a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .collect();
        assert!(differ.is_empty(), "after {what}: {differ:?}");
    };
    assert_eq!(cached(&site), 0, "the first build has no previous output");
    let pdfs = std::fs::read_to_string(site.path().join("book/.panduan-cache"))
        .expect("the cache record")
        .lines()
        .filter(|l| l.starts_with("pdf\t"))
        .count();
    assert!(pdfs >= 6, "{pdfs} PDFs recorded");

    assert_eq!(cached(&site), pdfs, "nothing changed: every PDF reused");
    clean_equals_cached(&site, "no change");

    // A page's text: its language's handbook is made again, nothing else.
    let page = "content/id/features.md";
    site.write(page, &format!("{}\nSatu kalimat baru.\n", site.read(page)));
    assert_eq!(cached(&site), pdfs - 1, "only handbook-id.pdf");
    clean_equals_cached(&site, "a page's text");

    // A handout's text: that handout and its language's handouts in one.
    let handout = "content/id/types/therapy.md";
    site.write(
        handout,
        &site
            .read(handout)
            .replacen("purpose: Membantu", "purpose: Sungguh membantu", 1),
    );
    let after = cached(&site);
    assert!(after < pdfs - 1, "{after} reused after a handout changed");
    clean_equals_cached(&site, "a handout's text");

    // A picture's bytes (the path stays): the English handbook, which shows it.
    let picture = site.path().join("content/shared/circle.png");
    let other = Path::new(env!("CARGO_MANIFEST_DIR")).join("guide/content/id/images");
    let png = std::fs::read_dir(&other)
        .expect("the guide's pictures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "png"))
        .expect("a PNG");
    std::fs::copy(&png, &picture).expect("replace the picture");
    assert_eq!(cached(&site), pdfs - 1, "only handbook-en.pdf");
    clean_equals_cached(&site, "a picture");

    // The book's title: every PDF.
    let book = site.read("book.toml");
    site.write(
        "book.toml",
        &book.replacen("title = \"", "title = \"Baru: ", 1),
    );
    let retitled = cached(&site);
    assert!(retitled < pdfs, "{retitled} reused after the title changed");
    clean_equals_cached(&site, "the title");

    // A corrupt cache record, and a cached PDF damaged on disk: made again.
    let record = site.path().join("book/.panduan-cache");
    let text = std::fs::read_to_string(&record).expect("record");
    std::fs::write(&record, text.replace('\t', " ")).expect("corrupt the record");
    assert_eq!(cached(&site), 0, "a corrupt record reuses nothing");
    clean_equals_cached(&site, "a corrupt record");
    let damaged = site.path().join("book/downloads/handbook-id.pdf");
    std::fs::write(&damaged, b"%PDF-1.7 not really").expect("damage a PDF");
    assert_eq!(cached(&site), pdfs - 1, "the damaged PDF is made again");
    clean_equals_cached(&site, "a damaged PDF");

    // A foreign cache: the two languages' handbooks swapped on disk.
    let (en, id) = (
        site.path().join("book/downloads/handbook-en.pdf"),
        site.path().join("book/downloads/handbook-id.pdf"),
    );
    let (en_bytes, id_bytes) = (
        std::fs::read(&en).expect("en"),
        std::fs::read(&id).expect("id"),
    );
    std::fs::write(&en, id_bytes).expect("swap");
    std::fs::write(&id, en_bytes).expect("swap");
    assert_eq!(cached(&site), pdfs - 2, "both handbooks made again");
    clean_equals_cached(&site, "a foreign cache");
}

/// Issue #30.3: Indonesian words get soft hyphens for Typst to break at, and none is
/// left in the PDF's text where no line broke: copied or searched text reads whole
/// words, in both languages.
#[test]
fn soft_hyphens_are_left_only_where_a_line_broke() {
    let site = TestSite::copy("pdf");
    build(&site);
    for lang in ["id", "en"] {
        let pdf = site
            .path()
            .join(format!("book/downloads/handbook-{lang}.pdf"));
        let text = text(&pdf, None);
        let stray: Vec<&str> = text
            .lines()
            .filter(|line| {
                line.trim_end()
                    .trim_end_matches(['\u{ad}', '-'])
                    .contains('\u{ad}')
            })
            .collect();
        assert!(stray.is_empty(), "{lang}: soft hyphens mid-line: {stray:?}");
    }
}

/// Issue #30.6 (and the phone reader's finding that the download page listed the
/// handouts by their English file names): each language's handouts are named by that
/// language's page address, and the download page lists them in the book's order.
#[test]
fn handouts_are_named_by_each_languages_address_and_listed_in_reading_order() {
    let site = TestSite::copy("pdf");
    let id = "content/id/types/therapy.md";
    site.write(
        id,
        &site.read(id).replacen("title:", "slug: terapi\ntitle:", 1),
    );
    build(&site);
    let dir = site.path().join("book/downloads/handouts");
    assert!(dir.join("id/terapi.pdf").is_file(), "the Indonesian name");
    assert!(!dir.join("id/therapy.pdf").exists());
    assert!(dir.join("en/therapy.pdf").is_file(), "the English name");
    // Therapy (order 1) before task (order 2), though `task` sorts first by name.
    let page = std::fs::read_to_string(site.path().join("book/en/downloads.html")).expect("page");
    let html = scraper::Html::parse_document(&page);
    let mut links: Vec<String> = support::attrs(&html, "a[href*='handouts/en/']", "href");
    links.dedup();
    assert_eq!(
        links,
        [
            "../downloads/handouts/en/therapy.pdf",
            "../downloads/handouts/en/task.pdf"
        ],
        "{links:?}"
    );
    let page = std::fs::read_to_string(site.path().join("book/id/downloads.html")).expect("page");
    assert!(page.contains("handouts/id/terapi.pdf"), "{page}");
}

/// Issue #30.5: `[book] author`, `publisher` and `edition` are on the PDF's title page
/// and in its metadata, in the EPUB's metadata (which epubcheck still passes), and on
/// the download page.
#[test]
fn book_author_publisher_and_edition_reach_the_pdf_the_epub_and_the_download_page() {
    let site = TestSite::copy("pdf");
    let book = site.read("book.toml");
    site.write(
        "book.toml",
        &format!(
            "[book]\nauthor = \"Tim Pekerja Sosial & Mitra\"\npublisher = \"Dinas Sosial Kota Contoh\"\nedition = \"Edisi kedua, 2026\"\n\n{book}"
        ),
    );
    build(&site);
    let pdf = site.path().join("book/downloads/handbook-id.pdf");
    let info = Command::new(pdfinfo()).arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Author:") && l.contains("Tim Pekerja Sosial & Mitra")),
        "{info}"
    );
    let title_page = flat(&text(&pdf, Some((1, 1))));
    for credit in [
        "Tim Pekerja Sosial & Mitra",
        "Dinas Sosial Kota Contoh",
        "Edisi kedua, 2026",
    ] {
        assert!(title_page.contains(credit), "{credit} in {title_page}");
    }
    let epub = site.path().join("book/downloads/handbook-id.epub");
    let opf = crate::epub::entries(&epub)
        .into_iter()
        .find(|(n, _, _)| n.ends_with("package.opf"))
        .map(|(_, data, _)| String::from_utf8_lossy(&data).into_owned())
        .expect("package.opf");
    assert!(
        opf.contains("<dc:creator>Tim Pekerja Sosial &amp; Mitra</dc:creator>"),
        "{opf}"
    );
    assert!(
        opf.contains("<dc:publisher>Dinas Sosial Kota Contoh</dc:publisher>"),
        "{opf}"
    );
    assert!(
        opf.contains("<meta property=\"schema:bookEdition\">Edisi kedua, 2026</meta>"),
        "{opf}"
    );
    crate::epub::epubcheck(&[epub]);
    let page = site.read("book/id/downloads.html");
    let html = scraper::Html::parse_document(&page);
    let credits: Vec<String> = support::select(&html, ".downloads-credits dd")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        credits,
        [
            "Tim Pekerja Sosial & Mitra",
            "Dinas Sosial Kota Contoh",
            "Edisi kedua, 2026"
        ]
    );
    assert!(page.contains("<dt>Penyusun</dt>"), "{page}");
}
