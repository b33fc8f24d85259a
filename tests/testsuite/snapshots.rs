//! Snapshots of the rendered `<main>` of representative pages (insta): the real binary
//! builds `tests/fixtures/minimal`, `tests/fixtures/bilingual` and the bundled handbook,
//! and each page's `<main>` (its content, not the chrome around it) is compared with
//! `tests/snapshots/<name>.snap`, named `<site>__<lang>__<page id>__main`.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test testsuite snapshots::`,
//! then review the `.snap` diff before committing it.

use crate::support;

use support::{TestSite, select};

/// Builds `site` and snapshots `<main>` of each `(name, output file)`.
fn assert_main_snapshots(site: &TestSite, pages: &[(&str, &str)]) {
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for (name, file) in pages {
        let html = site.html(file);
        let main = select(&html, "main");
        assert_eq!(main.len(), 1, "{file} has {} <main> elements", main.len());
        settings.set_description(*file);
        settings.bind(|| insta::assert_snapshot!(*name, tidy(&main[0].html())));
    }
}

/// The serialised element with trailing spaces and runs of blank lines removed, so that
/// a snapshot shows what a page says rather than the templates' whitespace.
fn tidy(html: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in html.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if blank && !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

// tests/fixtures/minimal/: one page and the home page, in id and en.
#[test]
fn minimal_pages() {
    assert_main_snapshots(
        &TestSite::copy("minimal"),
        &[
            ("minimal__id__index__main", "book/id/index.html"),
            ("minimal__id__halaman__main", "book/id/halaman/index.html"),
            ("minimal__en__halaman__main", "book/en/halaman/index.html"),
        ],
    );
}

// tests/fixtures/bilingual/: a section with slugs in id, a page using every Markdown
// feature, one page without front matter, one page only in id, and the print document.
#[test]
fn bilingual_pages() {
    assert_main_snapshots(
        &TestSite::copy("bilingual"),
        &[
            ("bilingual__id__index__main", "book/id/index.html"),
            ("bilingual__id__guide__main", "book/id/panduan/index.html"),
            (
                "bilingual__id__guide__install__main",
                "book/id/panduan/pasang/index.html",
            ),
            (
                "bilingual__en__guide__install__main",
                "book/en/guide/install/index.html",
            ),
            (
                "bilingual__id__guide__zebra__main",
                "book/id/panduan/zebra/index.html",
            ),
            (
                "bilingual__en__guide__only-id__main",
                "book/en/guide/only-id/index.html",
            ),
            ("bilingual__en__print__main", "book/en/print.html"),
        ],
    );
}

// The bundled handbook, whose content will be rewritten: a kind page with its info
// card, and the comparison table made by a template function.
#[test]
fn handbook_pages() {
    assert_main_snapshots(
        &TestSite::bundled(),
        &[
            (
                "handbook__id__group-types__therapy__main",
                "book/id/jenis-kelompok/terapi/index.html",
            ),
            (
                "handbook__en__comparison__main",
                "book/en/comparison/index.html",
            ),
        ],
    );
}
