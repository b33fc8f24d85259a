//! Kinds: typed fields, info cards, and the template functions behind the comparison
//! table, the glossary and backlinks.

use crate::support;

use support::{TestSite, attrs, select, text};

fn site_with_kinds() -> TestSite {
    let site = TestSite::copy("bilingual");
    let book = site.read("book.toml");
    site.write(
        "book.toml",
        &format!(
            "{book}\n[kinds.concept]\nlabel = {{ id = \"Konsep\", en = \"Concept\" }}\n[kinds.concept.fields.definition]\ntype = \"text\"\nrequired = true\nlabel = {{ id = \"Definisi\", en = \"Definition\" }}\n[kinds.concept.fields.terms]\ntype = \"list\"\nrequired = true\nlabel = {{ id = \"Istilah\", en = \"Terms\" }}\n"
        ),
    );
    for (n, name, purpose) in [(2, "beta", "Second purpose"), (1, "alpha", "First purpose")] {
        site.write(
            &format!("content/en/types/{name}.md"),
            &format!("---\ntitle: Type {name}\norder: {n}\nkind: group-type\nnumber: {n}\npurpose: {purpose}\nexamples: [ex-{name}]\n---\n\nAbout {name}. See [[guide/install]].\n"),
        );
    }
    site.write(
        "content/en/types/_index.md",
        "---\ntitle: Types\norder: 3\n---\n\nAll types.\n",
    );
    site.write(
        "content/en/compare.md",
        "---\ntitle: Comparison\norder: 4\ntemplate: comparison.html\nextra: { kind: group-type, columns: [purpose, examples] }\n---\n\nAll types side by side.\n",
    );
    site.write(
        "content/en/concepts/cohesion.md",
        "---\ntitle: Cohesion\nkind: concept\ndefinition: The bond that holds a group together.\nterms: [cohesion, group cohesion]\n---\n\nText.\n",
    );
    site.write(
        "content/en/concepts/empowerment.md",
        "---\ntitle: Empowerment\nkind: concept\ndefinition: Members take an active part in change.\nterms: [empowerment]\n---\n\nText, see [[cohesion]].\n",
    );
    site.write(
        "content/en/glossary.md",
        "---\ntitle: Glossary\norder: 5\ntemplate: glossary.html\nextra: { kind: concept, field: terms, definition: definition }\n---\n\nEvery term.\n",
    );
    site
}

#[test]
fn comparison_table_has_one_row_per_page_of_the_kind() {
    let site = site_with_kinds();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let html = site.html("book/en/compare/index.html");
    let rows = select(&html, ".comparison tbody tr");
    // zebra (guide/zebra, order 2) + alpha (order 1) + beta (order 2), sorted by order then title.
    assert_eq!(rows.len(), 3);
    let names: Vec<String> = select(&html, ".comparison tbody th a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(names, ["Type alpha", "Type beta", "Zebra"]);
    assert_eq!(
        attrs(&html, ".comparison tbody th a", "href"),
        [
            "../../en/types/alpha/index.html",
            "../../en/types/beta/index.html",
            "../../en/guide/zebra/index.html"
        ]
    );
    let headers: Vec<String> = select(&html, ".comparison thead th")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        headers,
        ["Name", "Purpose", "Examples"],
        "only the chosen columns, with labels"
    );
    assert_eq!(
        text(&html, ".comparison tbody tr:first-child td"),
        "First purpose"
    );
    assert_eq!(text(&html, ".content p"), "All types side by side.");
}

#[test]
fn glossary_lists_every_term_alphabetically_with_definition_and_link() {
    let site = site_with_kinds();
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/en/glossary/index.html");
    let terms: Vec<String> = select(&html, ".glossary dt")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(terms, ["cohesion", "empowerment", "group cohesion"]);
    assert_eq!(
        attrs(&html, ".glossary dt a", "href"),
        [
            "../../en/concepts/cohesion/index.html",
            "../../en/concepts/empowerment/index.html",
            "../../en/concepts/cohesion/index.html"
        ]
    );
    assert!(text(&html, ".glossary dd").contains("The bond that holds a group together."));
}

#[test]
fn backlinks_name_the_pages_that_link_here() {
    let site = site_with_kinds();
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/en/guide/install/index.html");
    let back: Vec<String> = select(&html, ".backlinks a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    // In reading order: zebra (in guide), then the types.
    assert_eq!(back, ["Zebra", "Type alpha", "Type beta"]);
    let cohesion = site.html("book/en/concepts/cohesion/index.html");
    assert_eq!(
        attrs(&cohesion, ".backlinks a", "href"),
        ["../../../en/concepts/empowerment/index.html"]
    );
    // A page nobody links to has no backlinks section.
    let glossary = site.html("book/en/glossary/index.html");
    assert!(select(&glossary, ".backlinks").is_empty());
}

#[test]
fn comparison_of_an_unknown_kind_is_a_template_error_naming_the_page() {
    let site = site_with_kinds();
    site.write(
        "content/en/compare.md",
        "---\ntitle: Comparison\ntemplate: comparison.html\nextra: { kind: nothing }\n---\n\nText.\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("content/en/compare.md"), "{run}");
    assert!(run.stderr.contains("there is no kind `nothing`"), "{run}");
}

// Page fields (`type = "page"`): tests/fixtures/page-fields has the kinds `group-type`,
// `concept` and `session-plan`, whose `group_type` names a group type; the plan
// `plans/grief` names `types/therapy` in both languages.

#[test]
fn a_page_field_links_to_the_page_it_names_and_that_page_lists_it() {
    let site = TestSite::copy("page-fields");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.is_empty(), "{run}");
    for (lang, type_title, plan_title) in [
        ("en", "Therapy groups", "A session on grief"),
        ("id", "Kelompok terapi", "Sesi duka"),
    ] {
        let plan = site.html(&format!("book/{lang}/plans/grief/index.html"));
        assert_eq!(
            attrs(&plan, ".info-card .field-group_type dd a", "href"),
            ["../../types/therapy/index.html"],
            "{lang}: the card links to the group type"
        );
        assert_eq!(text(&plan, ".info-card .field-group_type dd a"), type_title);
        let therapy = site.html(&format!("book/{lang}/types/therapy/index.html"));
        assert_eq!(
            attrs(&therapy, ".of-this-type.session-plan li a", "href"),
            [format!("../../../{lang}/plans/grief/index.html")],
            "{lang}: the group type lists its plan"
        );
        assert_eq!(
            text(&therapy, ".of-this-type.session-plan li a"),
            plan_title
        );
        // A kind book.toml does not declare (`case-study`) lists nothing, and a type
        // no plan names has no list at all.
        assert!(select(&therapy, ".of-this-type.case-study").is_empty());
        let task = site.html(&format!("book/{lang}/types/task/index.html"));
        assert!(select(&task, ".of-this-type").is_empty(), "{lang}");
    }
}

/// `panduan check` on tests/fixtures/page-fields with the plan `plans/grief` naming
/// `group_type` as given per language; `check` must fail.
fn check_plans_naming(group_types: &[(&str, &str)]) -> support::Run {
    let site = TestSite::copy("page-fields");
    for (lang, group_type) in group_types {
        site.write(
            &format!("content/{lang}/plans/grief.md"),
            &format!(
                "---\ntitle: Grief\nkind: session-plan\ngroup_type: {group_type}\n---\n\nText.\n"
            ),
        );
    }
    let run = site.run(["check"]);
    assert_eq!(run.code, 1, "{run}");
    // The build stops too, and writes nothing.
    let build = site.run(["build"]);
    assert_eq!(build.code, 1, "{build}");
    assert!(!site.path().join("book").exists(), "{build}");
    run
}

#[test]
fn a_page_field_naming_no_page_is_an_error_at_its_value_with_a_suggestion() {
    let run = check_plans_naming(&[("en", "types/therapi")]);
    assert!(
        run.stdout.contains(
            "content/en/plans/grief.md:4:13: error: `group_type` names the page `types/therapi`, but no page has that id\n  = help: did you mean `types/therapy`?"
        ),
        "{run}"
    );
}

#[test]
fn a_page_field_naming_a_page_of_another_kind_is_an_error_listing_the_right_ones() {
    let run = check_plans_naming(&[("id", "concepts/group"), ("en", "types")]);
    assert!(
        run.stdout.contains(
            "content/id/plans/grief.md:4:13: error: `group_type` must name a page of kind `group-type`, but `concepts/group` is a page of kind `concept`\n  = help: a page id is its path below `content/<language>/` without `.md`; pages of kind `group-type`: `types/task`, `types/therapy`"
        ),
        "{run}"
    );
    // A section has no kind.
    assert!(
        run.stdout.contains(
            "content/en/plans/grief.md:4:13: error: `group_type` must name a page of kind `group-type`, but `types` is a page without a kind"
        ),
        "{run}"
    );
}

/// A bilingual site whose pages define glossary terms in `extra.glossary` (issue #17),
/// with a glossary page in each language.
fn site_with_defined_terms() -> TestSite {
    let site = TestSite::copy("bilingual");
    let page = |title: &str, terms: &[(&str, &str, &str)]| {
        let mut text = format!("---\ntitle: {title}\nextra:\n  glossary:\n");
        for (key, term, definition) in terms {
            text.push_str(&format!(
                "    - key: {key}\n      term: {term}\n      definition: \"{definition}\"\n"
            ));
        }
        text + "---\n\nText, see [[glossary]].\n"
    };
    site.write(
        "content/en/guide/roles.md",
        &page(
            "Roles",
            &[
                (
                    "mediator",
                    "mediator",
                    "The go-between when interests differ.",
                ),
                (
                    "facilitator",
                    "facilitator",
                    "Opens up space for members to decide.",
                ),
            ],
        ),
    );
    site.write(
        "content/id/guide/roles.md",
        &page(
            "Peran",
            &[
                (
                    "mediator",
                    "mediator",
                    "Penengah ketika kepentingan berbeda.",
                ),
                (
                    "facilitator",
                    "fasilitator",
                    "Membuka ruang agar anggota memutuskan.",
                ),
            ],
        ),
    );
    for (lang, title) in [("en", "Glossary"), ("id", "Glosarium")] {
        site.write(
            &format!("content/{lang}/glossary.md"),
            &format!("---\ntitle: {title}\ntemplate: glossary.html\n---\n\nEvery term, see [[guide/roles]].\n"),
        );
    }
    site
}

#[test]
fn glossary_shows_each_term_with_its_own_definition_and_key() {
    let site = site_with_defined_terms();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    for (lang, section, terms, definition) in [
        (
            "en",
            "guide",
            ["facilitator", "mediator"],
            "Opens up space for members to decide.",
        ),
        (
            "id",
            "panduan",
            ["fasilitator", "mediator"],
            "Membuka ruang agar anggota memutuskan.",
        ),
    ] {
        let html = site.html(&format!("book/{lang}/glossary/index.html"));
        let listed: Vec<String> = select(&html, ".glossary dt")
            .iter()
            .map(|e| e.text().collect())
            .collect();
        assert_eq!(listed, terms, "{lang}: alphabetical");
        // The anchors are the keys, the same in both languages.
        assert_eq!(
            attrs(&html, ".glossary dt", "id"),
            ["term-facilitator", "term-mediator"]
        );
        let dds: Vec<String> = select(&html, ".glossary dd")
            .iter()
            .map(|e| e.text().collect())
            .collect();
        assert!(dds[0].starts_with(definition), "{lang}: {dds:?}");
        assert_ne!(dds[0], dds[1], "{lang}: each term its own definition");
        assert_eq!(
            attrs(&html, ".glossary dt a", "href"),
            [
                format!("../../{lang}/{section}/roles/index.html"),
                format!("../../{lang}/{section}/roles/index.html")
            ]
        );
    }
}

#[test]
fn check_warns_about_a_glossary_term_without_counterpart_or_definition() {
    let site = site_with_defined_terms();
    let id = site.read("content/id/guide/roles.md");
    site.write(
        "content/id/guide/roles.md",
        &id.replace("key: facilitator", "key: fasilitator").replace(
            "      definition: \"Penengah ketika kepentingan berbeda.\"\n",
            "",
        ),
    );
    let run = site.run(["check"]);
    assert_eq!(run.code, 0, "warnings only\n{run}");
    for expected in [
        "content/id/guide/roles.md:5:5: warning: this glossary term has no `definition`",
        "content/id/guide/roles.md:7:5: warning: the glossary term `fasilitator` has no English (`en`) counterpart",
        "content/en/guide/roles.md:8:5: warning: the glossary term `facilitator` has no Bahasa Indonesia (`id`) counterpart",
    ] {
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains(expected), "missing {expected:?}\n{run}");
    }
    assert_eq!(site.run(["check", "--strict"]).code, 1);
}

/// Regression (the phone reader saw "**Sulit membaca:**" on every session plan): the
/// inline Markdown of a summary, a text field and the items of a list field is shown as
/// the PDF shows it (bold, emphasis, code), on the page and in print.html; raw HTML in
/// them stays text.
#[test]
fn inline_markdown_in_fields_and_summaries_is_shown_not_its_asterisks() {
    let site = site_with_kinds();
    site.write(
        "content/en/types/gamma.md",
        "---\ntitle: Type gamma\nsummary: A *short* one\norder: 3\nkind: group-type\nnumber: 3\npurpose: \"**Purpose:** the `third` <b>one</b>\"\nexamples: [\"**Hard to read:** read aloud\", plain]\n---\n\nAbout gamma.\n",
    );
    let run = site.run(["build", "--no-pdf"]);
    assert_eq!(run.code, 0, "{run}");
    for file in ["book/en/types/gamma/index.html", "book/en/print.html"] {
        let html = scraper::Html::parse_document(&site.read(file));
        let items: Vec<String> = select(&html, ".field-examples li")
            .iter()
            .map(|e| e.inner_html())
            .collect();
        assert!(
            items.contains(&"<strong>Hard to read:</strong> read aloud".to_string()),
            "{file}: {items:?}"
        );
        let purpose: Vec<String> = select(&html, ".field-purpose dd")
            .iter()
            .map(|e| e.inner_html())
            .collect();
        assert!(
            purpose.contains(
                &"<strong>Purpose:</strong> the <code>third</code> &lt;b&gt;one&lt;/b&gt;"
                    .to_string()
            ),
            "{file}: {purpose:?}"
        );
    }
    let page = site.read("book/en/types/gamma/index.html");
    assert!(
        page.contains("<p class=\"summary\">A <em>short</em> one</p>"),
        "{page}"
    );
    assert!(!page.contains("**"), "{page}");
}
