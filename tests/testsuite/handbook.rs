//! The bundled handbook (content/, book.toml, themes/): it builds and checks clean, every
//! page exists in both languages, and the generated comparison and glossary are complete.

use crate::support;

use std::collections::BTreeSet;

use support::{TestSite, attrs, select};

const LANGS: [&str; 2] = ["id", "en"];

fn built() -> TestSite {
    let site = TestSite::bundled();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.is_empty(),
        "the bundled handbook builds without warnings\n{run}"
    );
    site
}

fn page_ids(site: &TestSite, lang: &str) -> BTreeSet<String> {
    let root = site.path().join("content").join(lang);
    walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            e.path()
                .strip_prefix(&root)
                .ok()
                .map(|p| p.display().to_string())
        })
        .collect()
}

#[test]
fn bundled_handbook_passes_check_strict() {
    let site = TestSite::bundled();
    let run = site.run(["check", "--strict"]);
    assert_eq!(run.code, 0, "{run}");
    let status = site.run(["status", "--strict"]);
    assert_eq!(status.code, 0, "{status}");
}

#[test]
fn every_page_exists_in_both_languages() {
    let site = TestSite::bundled();
    let id = page_ids(&site, "id");
    assert_eq!(id, page_ids(&site, "en"));
    assert!(id.len() >= 20, "{id:?}");
}

#[test]
fn comparison_has_ten_rows_linking_to_the_ten_type_pages() {
    let site = built();
    for lang in LANGS {
        let nav = site.read(&format!("book/assets/nav-{lang}.js"));
        let comparison = walkdir::WalkDir::new(site.path().join("book").join(lang))
            .into_iter()
            .filter_map(Result::ok)
            .find(|e| {
                e.file_name() == "index.html"
                    && std::fs::read_to_string(e.path())
                        .is_ok_and(|t| t.contains("class=\"table-wrap comparison\""))
            })
            .unwrap_or_else(|| panic!("no comparison page in {lang}"));
        let rel = comparison
            .path()
            .strip_prefix(site.path())
            .expect("inside")
            .display()
            .to_string();
        let html = site.html(&rel);
        let rows = select(&html, ".comparison tbody tr");
        assert_eq!(rows.len(), 10, "{lang}: {rel}");
        let hrefs = attrs(&html, ".comparison tbody th a", "href");
        let unique: BTreeSet<&String> = hrefs.iter().collect();
        assert_eq!(unique.len(), 10, "{lang}: ten different pages");
        let dir = std::path::Path::new(&rel)
            .parent()
            .expect("dir")
            .to_path_buf();
        for href in &hrefs {
            let target = dir.join(href);
            assert!(
                site.path().join(&target).is_file(),
                "{lang}: {href} does not exist"
            );
            // Every group type is in the sidebar too.
            let normal = std::fs::canonicalize(site.path().join(&target)).expect("exists");
            let from_book = normal
                .strip_prefix(std::fs::canonicalize(site.path().join("book")).expect("book"))
                .expect("in book");
            assert!(
                nav.contains(&format!("data-url=\\\"{}\\\"", from_book.display())),
                "{lang}: {href} not in the sidebar"
            );
        }
    }
}

#[test]
fn glossary_lists_every_declared_term() {
    let site = built();
    for lang in LANGS {
        // The terms declared in the concept pages' front matter.
        let mut declared = BTreeSet::new();
        for entry in walkdir::WalkDir::new(site.path().join("content").join(lang))
            .into_iter()
            .filter_map(Result::ok)
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            if !text.contains("\nkind: concept") {
                continue;
            }
            let line = text
                .lines()
                .find(|l| l.starts_with("terms:"))
                .expect("terms");
            let list = line
                .trim_start_matches("terms:")
                .trim()
                .trim_start_matches('[')
                .trim_end_matches(']');
            for term in list.split(',') {
                declared.insert(term.trim().trim_matches('"').to_string());
            }
        }
        assert!(declared.len() >= 8, "{lang}: {declared:?}");
        let glossary = walkdir::WalkDir::new(site.path().join("book").join(lang))
            .into_iter()
            .filter_map(Result::ok)
            .find(|e| {
                e.file_name() == "index.html"
                    && std::fs::read_to_string(e.path())
                        .is_ok_and(|t| t.contains("<dl class=\"glossary\">"))
            })
            .unwrap_or_else(|| panic!("no glossary in {lang}"));
        let html =
            support::Html::parse_document(&std::fs::read_to_string(glossary.path()).expect("read"));
        let listed: BTreeSet<String> = select(&html, ".glossary dt")
            .iter()
            .map(|e| e.text().collect::<String>())
            .collect();
        assert_eq!(listed, declared, "{lang}");
    }
}

/// The value of the front-matter line `key: value` of `text`, if it has one.
fn front_value<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let front = text.strip_prefix("---\n")?.split("\n---\n").next()?;
    front
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .map(|v| v.trim().trim_matches('"'))
}

/// Checks, in both languages, the pages of `kind`, whose `group_type` names a group
/// type: there are at least `minimum`; each names a group-type page in its source; each
/// built page's card links to that group type, whose page lists it back. Returns, per
/// language, the built group-type pages that list at least one page of `kind`.
fn pages_naming_a_group_type(
    site: &TestSite,
    kind: &str,
    minimum: usize,
) -> Vec<BTreeSet<std::path::PathBuf>> {
    let book = std::fs::canonicalize(site.path().join("book")).expect("book");
    let mut listing = Vec::new();
    for lang in LANGS {
        let mut types = BTreeSet::new();
        // In the source: every plan's `group_type` is the id of a group-type page.
        let content = site.path().join("content").join(lang);
        let mut sources = 0;
        for entry in walkdir::WalkDir::new(&content)
            .into_iter()
            .filter_map(Result::ok)
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            if front_value(&text, "kind") != Some(kind) {
                continue;
            }
            sources += 1;
            let id = front_value(&text, "group_type")
                .unwrap_or_else(|| panic!("{}: no group_type", entry.path().display()));
            let target = std::fs::read_to_string(content.join(format!("{id}.md")))
                .unwrap_or_else(|_| panic!("{lang}: `{id}` is not a page"));
            assert_eq!(front_value(&target, "kind"), Some("group-type"), "{id}");
        }
        assert!(sources >= minimum, "{lang}: {sources} pages of kind {kind}");

        // In the output: each page's card links to its group type, whose page lists
        // it ("session plans for this type", "case studies").
        let mut plans = 0;
        for entry in walkdir::WalkDir::new(book.join(lang))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name() == "index.html")
        {
            let rel = entry.path().strip_prefix(&book).expect("in book");
            let html = site.html(&format!("book/{}", rel.display()));
            if select(&html, &format!("article.kind-{kind}")).is_empty() {
                continue;
            }
            plans += 1;
            let dir = entry.path().parent().expect("dir");
            let links = attrs(&html, ".info-card .field-group_type dd a", "href");
            assert_eq!(
                links.len(),
                1,
                "{lang}: {} links its group type",
                rel.display()
            );
            let type_file = std::fs::canonicalize(dir.join(&links[0]))
                .unwrap_or_else(|_| panic!("{lang}: {} does not exist", links[0]));
            let type_rel = type_file.strip_prefix(&book).expect("in book");
            let type_html = site.html(&format!("book/{}", type_rel.display()));
            assert_eq!(
                select(&type_html, "article.kind-group-type").len(),
                1,
                "{lang}: {} is a group type",
                type_rel.display()
            );
            let type_dir = type_file.parent().expect("dir");
            let listed: Vec<std::path::PathBuf> =
                attrs(&type_html, &format!(".of-this-type.{kind} li a"), "href")
                    .iter()
                    .filter_map(|href| std::fs::canonicalize(type_dir.join(href)).ok())
                    .collect();
            assert!(
                listed.contains(&entry.path().to_path_buf()),
                "{lang}: {} does not list {}: {listed:?}",
                type_rel.display(),
                rel.display()
            );
            types.insert(type_file);
        }
        assert_eq!(plans, sources, "{lang}: every page of kind {kind} is built");
        listing.push(types);
    }
    listing
}

#[test]
fn every_session_plan_names_a_group_type_and_that_type_links_back() {
    let site = built();
    pages_naming_a_group_type(&site, "session-plan", 3);
}

#[test]
fn every_group_type_lists_a_case_study_that_links_back() {
    let site = built();
    for types in pages_naming_a_group_type(&site, "case-study", 10) {
        assert_eq!(
            types.len(),
            10,
            "each of the ten types has a case study: {types:?}"
        );
    }
}
