//! The default theme is compiled in, and a project theme overrides it file by file.

use crate::support;

use std::collections::BTreeSet;
use std::path::Path;

use panduan::render::theme::{DEFAULT_I18N, DEFAULT_STATIC, DEFAULT_TEMPLATES};
use support::{TestSite, attrs, select, text};

#[test]
fn embedded_theme_lists_every_file_of_themes_default() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    let on_disk: BTreeSet<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(&root)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    let embedded: BTreeSet<String> = DEFAULT_TEMPLATES
        .iter()
        .chain(DEFAULT_STATIC)
        .chain(DEFAULT_I18N)
        .chain(panduan::pdf::DEFAULT_TYPST)
        .chain(panduan::serve::edit::DEFAULT_EDITOR)
        .map(|(p, _)| (*p).to_string())
        .collect();
    assert_eq!(
        on_disk, embedded,
        "add new theme files to src/render/theme.rs (Typst templates to src/pdf/mod.rs)"
    );
}

#[test]
fn ui_strings_have_the_same_keys_in_every_language() {
    let keys = |text: &str| -> BTreeSet<String> {
        let table: toml::Table = toml::from_str(text).expect("valid toml");
        table.keys().cloned().collect()
    };
    let mut sets = DEFAULT_I18N.iter().map(|(p, t)| (*p, keys(t)));
    let (first_path, first) = sets.next().expect("some languages");
    for (path, set) in sets {
        assert_eq!(set, first, "{path} and {first_path} differ");
    }
}

#[test]
fn the_binary_needs_no_theme_files_beside_it() {
    // The fixture has no themes/ folder at all.
    let site = TestSite::copy("minimal");
    assert!(!site.exists("themes"));
    assert_eq!(site.run(["build"]).code, 0);
    assert!(site.read("book/assets/style.css").contains("--accent"));
}

#[test]
fn project_theme_overrides_file_by_file() {
    let site = site_with_own_theme();
    // Override one template (extending the embedded base), one static file, one string.
    site.write(
        "themes/mine/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"mine\">{{ page.title }}</h1>{{ page.content | safe }}{% block after_content %}{% endblock after_content %}{% endblock main %}",
    );
    site.write("themes/mine/static/style.css", "body { color: red; }");
    site.write(
        "themes/mine/i18n/en.toml",
        "skip_to_content = \"Jump to the text\"\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let html = site.html("book/en/halaman/index.html");
    assert_eq!(text(&html, "h1.mine"), "Page");
    assert_eq!(text(&html, ".skip-link"), "Jump to the text");
    // Untouched pieces still come from the embedded theme.
    assert_eq!(attrs(&html, "html", "lang"), ["en"]);
    assert!(site.exists("book/assets/panduan.js"));
    assert_eq!(site.read("book/assets/style.css"), "body { color: red; }");
}

/// The minimal fixture with a project theme in `themes/mine` (empty until a test writes
/// into it).
fn site_with_own_theme() -> TestSite {
    let site = TestSite::copy("minimal");
    let book = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("[book]\ntheme = \"themes/mine\"\n\n{book}"),
    );
    site
}

#[test]
fn template_errors_name_the_template_and_exit_2() {
    let site = site_with_own_theme();
    site.write("themes/mine/templates/page.html", "{% extends \"base.html\" %}{% block main %}{{ page.title | nosuchfilter }}{% endblock main %}");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("page.html"), "{run}");
    assert!(run.stderr.contains("nosuchfilter"), "{run}");
}

/// Issue #26: a broken template of the project's theme is told at its file and line,
/// in the author's language, with what to do: a syntax slip, a misspelt name on a page,
/// and a filter that does not exist.
#[test]
fn a_broken_theme_template_is_told_at_its_file_and_line_with_what_to_do() {
    let site = site_with_own_theme();
    let template = "themes/mine/templates/page.html";
    let page = |line: &str| {
        format!(
            "{{% extends \"default/page.html\" %}}\n{{% block title %}}\n{line}\n{{% endblock title %}}\n"
        )
    };
    let id = &[("LANG", "id_ID.UTF-8")];
    let en = &[("LANG", "en_US.UTF-8")];

    site.write(template, &page("{{ page.title }"));
    let run = support::run_env(site.path(), ["build"], id);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.starts_with(
            "themes/mine/templates/page.html:3:15: kesalahan: templat `page.html` tidak dapat dibaca di sini"
        ),
        "{run}"
    );
    assert!(run.stderr.contains("  3 | {{ page.title }\n"), "{run}");
    assert!(
        run.stderr.contains(
            "Atau hapus `themes/mine/templates/page.html` untuk kembali memakai templat bawaan."
        ),
        "{run}"
    );
    let run = support::run_env(site.path(), ["build"], en);
    assert!(
        run.stderr.starts_with(
            "themes/mine/templates/page.html:3:15: error: the template `page.html` cannot be read here"
        ),
        "{run}"
    );
    assert!(
        run.stderr.contains(
            "or delete `themes/mine/templates/page.html` to use the built-in template again"
        ),
        "{run}"
    );

    site.write(template, &page("{{ page.titel }}"));
    let run = support::run_env(site.path(), ["build"], id);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.starts_with("themes/mine/templates/page.html:3:9: kesalahan: templat `page.html` gagal pada baris ini saat membuat `content/"),
        "{run}"
    );
    assert!(run.stderr.contains("titel"), "{run}");
    assert!(run.stderr.contains("salah ketik"), "{run}");

    site.write(template, &page("{{ page.title | nosuchfilter }}"));
    let run = support::run_env(site.path(), ["build"], en);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.starts_with("themes/mine/templates/page.html:3:17: error: the template `page.html` cannot be read here: there is no filter named `nosuchfilter`"),
        "{run}"
    );
    assert!(run.stderr.contains("check its spelling"), "{run}");
    assert!(!run.stderr.contains("-->"), "Tera's own report: {run}");
}

/// Issue #26: what Tera reports about a project template reaches the author in the
/// author's language, in plain words, never in Tera's English or its grammar words
/// (`ident`, `integer`, `Found`), and a block that no parent has gets the blocks there are.
#[test]
fn template_errors_say_teras_reports_in_the_authors_language() {
    let site = site_with_own_theme();
    let template = "themes/mine/templates/page.html";
    let id = &[("LANG", "id_ID.UTF-8")];
    let en = &[("LANG", "en_US.UTF-8")];
    // (the template's second line, what Indonesian says, what English says)
    let cases = [
        (
            "{% block main %}{% if %}x{% endif %}{% endblock main %}",
            "tertulis `%}`, padahal di sini seharusnya ada nilai atau nama",
            "`%}` is written here, where a value or a name should be",
        ),
        (
            "{% block main %}{{ page.title }{% endblock main %}",
            "tertulis `}`, padahal di sini seharusnya }}",
            "`}` is written here, where }} should be",
        ),
        (
            "{% block main %}{% for x in page.title %}{% endif %}{% endblock main %}",
            "tag ini tidak dikenal di sini, atau menutup tag yang tidak pernah dibuka",
            "this tag is unknown here, or closes a tag that was never opened",
        ),
        (
            "{% block main %}{{ page.nope | upper }}{% endblock main %}",
            "nilai yang dipakai di sini tidak ada: periksa ejaan nama-nama pada baris ini",
            "a value used here does not exist: check the spelling of the names on this line",
        ),
        (
            "{% block main %}{% for x in 3 %}{% endfor %}{% endblock main %}",
            "`{% for %}` tidak dapat mengambil isi angka satu per satu",
            "`{% for %}` cannot go through a number",
        ),
        (
            "{% block main %}{{ kind_fields(kind=\"nope\", lang=\"id\") }}{% endblock main %}",
            "jenis halaman `nope` tidak ditetapkan di book.toml; jenis yang ada:",
            "there is no kind `nope`; the kinds in book.toml:",
        ),
        (
            "{% block mian %}{% endblock mian %}",
            "blok `mian` tidak ada di templat mana pun yang menjadi dasar templat ini (extends)",
            "the block `mian` is in none of the templates this one extends",
        ),
    ];
    for (line, id_says, en_says) in cases {
        site.write(
            template,
            &format!("{{% extends \"default/page.html\" %}}\n{line}\n"),
        );
        for (vars, says) in [(id, id_says), (en, en_says)] {
            let run = support::run_env(site.path(), ["build", "--no-pdf"], vars);
            assert_eq!(run.code, 2, "{run}");
            assert!(
                run.stderr.starts_with("themes/mine/templates/page.html:2:"),
                "{run}"
            );
            assert!(run.stderr.contains(says), "{says:?} in {run}");
            for word in [
                "Found",
                "ident",
                "Unknown",
                "Tera says",
                "pesan Tera",
                "not defined",
                "i64",
            ] {
                assert!(!run.stderr.contains(word), "`{word}` in {run}");
            }
        }
    }
    // The misnamed block: the blocks there are, `main` among them.
    let run = support::run_env(site.path(), ["build", "--no-pdf"], id);
    assert!(
        run.stderr
            .contains("Templat yang menjadi dasarnya (extends) memiliki blok: ")
            && run.stderr.contains("`main`"),
        "{run}"
    );
}

#[test]
fn unknown_page_template_is_a_located_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\ntemplate: nothing.html\n---\n\nTeks.\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/id/halaman.md:3:11: error: the theme has no template `nothing.html`"
        ),
        "{run}"
    );
    assert!(run.stderr.contains("`comparison.html`"), "{run}");
}

#[test]
fn theme_css_and_javascript_stay_under_100_kb() {
    let total: usize = DEFAULT_STATIC.iter().map(|(_, text)| text.len()).sum();
    assert!(
        total < 100 * 1024,
        "the theme's CSS and JavaScript weigh {total} bytes"
    );
}

/// The minimal fixture with `[theme]` settings and the files they name.
fn site_with_theme_settings(settings: &str) -> TestSite {
    let site = TestSite::copy("minimal");
    let book = site.read("book.toml");
    site.write("book.toml", &format!("{book}\n[theme]\n{settings}\n"));
    site
}

#[test]
fn theme_extra_css_comes_after_the_built_in_stylesheet_on_every_page() {
    let site = site_with_theme_settings("extra_css = [\"look/agency.css\", \"look/more.css\"]");
    site.write("look/agency.css", ":root { --accent: #00713d; }");
    site.write("look/more.css", "h1 { letter-spacing: .01em; }");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    for page in [
        "book/en/halaman/index.html",
        "book/index.html",
        "book/404.html",
    ] {
        let html = site.html(page);
        let sheets = attrs(&html, "link[rel=stylesheet]", "href");
        let tail: Vec<&str> = sheets
            .iter()
            .map(|h| h.rsplit("assets/").next().unwrap_or(""))
            .collect();
        assert_eq!(
            tail,
            [
                "style.css",
                "custom/look/agency.css",
                "custom/look/more.css"
            ],
            "{page}"
        );
    }
    assert_eq!(
        site.read("book/assets/custom/look/agency.css"),
        ":root { --accent: #00713d; }"
    );
    // The built-in stylesheet is still there, whole.
    assert!(site.read("book/assets/style.css").contains("--sidebar-bg"));
}

#[test]
fn theme_logo_is_shown_in_the_bar_beside_the_title() {
    let site = site_with_theme_settings("logo = \"logo.svg\"");
    site.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/id/halaman/index.html");
    assert_eq!(
        attrs(&html, ".site-title img.site-logo", "src"),
        ["../../assets/custom/logo.svg"]
    );
    // The title stays the link's text; the picture is decoration beside it.
    assert_eq!(attrs(&html, ".site-title img", "alt"), [""]);
    assert!(site.exists("book/assets/custom/logo.svg"));
}

#[test]
fn theme_setting_naming_a_missing_file_is_an_error_naming_the_key() {
    let site = site_with_theme_settings("logo = \"nothing.png\"");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("`[theme] logo` names `nothing.png`"),
        "{run}"
    );
    let site = site_with_theme_settings("extra_css = [\"../outside.css\"]");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
}

#[test]
fn theme_favicon_default_and_own() {
    let site = TestSite::copy("minimal");
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/en/halaman/index.html");
    assert_eq!(
        attrs(&html, "link[rel=icon]", "href"),
        ["../../assets/favicon.svg"]
    );
    assert!(site.read("book/assets/favicon.svg").starts_with("<svg"));
    assert_eq!(
        attrs(&site.html("book/index.html"), "link[rel=icon]", "href"),
        ["assets/favicon.svg"]
    );

    let site = site_with_theme_settings("favicon = \"icon.png\"");
    site.write("icon.png", "not really a png");
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/en/halaman/index.html");
    assert_eq!(
        attrs(&html, "link[rel=icon]", "href"),
        ["../../assets/custom/icon.png"]
    );
}

#[test]
fn theme_accent_is_applied_and_a_colour_that_fails_aa_is_a_warning_with_the_ratio_and_a_colour_that_passes()
 {
    // A dark green reads on white; the dark scheme gets it lifted until it reads there.
    let site = site_with_theme_settings("accent = \"#00713d\"");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("accent"), "{run}");
    let css = site.read("book/assets/accent.css");
    assert!(css.contains(":root { --accent: #00713d; }"), "{css}");
    assert!(
        css.contains(":root[data-theme=\"dark\"] { --accent: #"),
        "{css}"
    );
    assert!(!css.contains("dark\"] { --accent: #00713d"), "{css}");
    let html = site.html("book/en/halaman/index.html");
    let sheets = attrs(&html, "link[rel=stylesheet]", "href");
    assert_eq!(
        sheets.last().map(String::as_str),
        Some("../../assets/accent.css")
    );

    // Chosen for the dark scheme, the same green fails there: the ratio and the nearest
    // colour that passes.
    let site = site_with_theme_settings("accent = \"#00713d\"\naccent_dark = \"#00713d\"");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(
            "book.toml:1:1: warning: the accent colour `#00713d` has a contrast of 2.91:1 against the dark background"
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("the nearest colour that passes is `#389068`"),
        "{run}"
    );
    assert!(!run.stderr.contains("light background"), "{run}");

    // Light yellow fails on white; the suggestion is darker.
    let site = site_with_theme_settings("accent = \"#ffd54f\"");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("contrast of 1.41:1 against the light background"),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("the nearest colour that passes is `#8a732b`"),
        "{run}"
    );

    let site = site_with_theme_settings("accent = \"green\"");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("`[theme] accent` is `green`, which is not a colour"),
        "{run}"
    );
}

#[test]
fn a_template_extends_the_built_in_one_through_the_default_prefix() {
    // The README's example.
    let site = site_with_own_theme();
    site.write(
        "themes/mine/templates/page.html",
        "{% extends \"default/page.html\" %}\n{% block after_content %}{{ super() }}<p class=\"agency-note\">Lembaga Sosial Sejahtera · 2026</p>{% endblock after_content %}\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let html = site.html("book/en/halaman/index.html");
    assert_eq!(
        text(&html, "article .agency-note"),
        "Lembaga Sosial Sejahtera · 2026"
    );
    assert_eq!(select(&html, ".site-header .menu-button").len(), 1);
}

#[test]
fn a_project_stylesheet_that_replaces_the_built_in_one_is_named_in_the_output_with_a_note_once() {
    let site = site_with_own_theme();
    site.write(
        "themes/mine/static/style.css",
        ":root { --accent: #00713d; }",
    );
    site.write("themes/mine/static/panduan.js", "/* mine */");
    // A copy identical to the built-in file replaces nothing.
    site.write(
        "themes/mine/static/stem.js",
        include_str!("../../themes/default/static/stem.js"),
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(
            "themes/mine/static/style.css:1:1: hint: replaces the built-in `static/style.css`"
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("replaces the built-in `static/panduan.js`"),
        "{run}"
    );
    assert!(!run.stderr.contains("static/stem.js"), "{run}");
    assert_eq!(run.stderr.matches("[theme] extra_css").count(), 1, "{run}");
}

#[test]
fn theme_eject_copies_the_built_in_theme_and_never_overwrites() {
    let site = TestSite::copy("minimal");
    site.write("themes/custom/static/style.css", "/* mine */");
    let run = site.run(["theme", "eject"]);
    assert_eq!(run.code, 0, "{run}");
    for (rel, text) in DEFAULT_TEMPLATES
        .iter()
        .chain(DEFAULT_I18N)
        .chain(panduan::pdf::DEFAULT_TYPST)
    {
        assert_eq!(&site.read(&format!("themes/custom/{rel}")), text, "{rel}");
    }
    assert_eq!(site.read("themes/custom/static/style.css"), "/* mine */");
    assert!(
        run.stdout
            .contains("themes/custom/static/style.css (already there)"),
        "{run}"
    );
    assert!(run.stdout.contains("theme = \"themes/custom\""), "{run}");
    // The ejected theme builds the same site.
    let book = site.read("book.toml");
    site.remove("themes/custom/static/style.css");
    site.write(
        "book.toml",
        &format!("[book]\ntheme = \"themes/custom\"\n\n{book}"),
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("replaces"), "{run}");
    // A named folder; a second run keeps everything.
    let run = site.run(["theme", "eject", "themes/agency"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(site.exists("themes/agency/templates/base.html"));
    let again = site.run(["theme", "eject", "themes/agency"]);
    assert_eq!(again.code, 0, "{again}");
    assert!(!again.stdout.contains("created"), "{again}");
}

#[test]
fn the_sidebar_and_breadcrumbs_take_the_handbook_title_from_book_toml() {
    // Regression (#31): after the title changed in book.toml, the sidebar still showed
    // the home page's title.
    let site = TestSite::copy("minimal");
    let book =
        site.read("book.toml")
            .replacen("title = \"Minimal\"", "title = \"Panduan Lembaga\"", 1);
    site.write("book.toml", &book);
    assert_eq!(site.run(["build"]).code, 0);
    let nav = site.read("book/assets/nav-id.js");
    assert!(nav.contains("Panduan Lembaga"), "{nav}");
    assert!(!nav.contains("Beranda"), "{nav}");
    let html = site.html("book/id/halaman/index.html");
    assert_eq!(text(&html, ".site-title"), "Panduan Lembaga");
    assert_eq!(text(&html, ".breadcrumbs a"), "Panduan Lembaga");
}

#[test]
fn a_field_with_card_false_is_not_on_the_card() {
    let site = TestSite::copy("page-fields");
    assert_eq!(site.run(["build"]).code, 0);
    let page = "book/en/types/therapy/index.html";
    assert_eq!(
        select(&site.html(page), ".info-card .field-purpose").len(),
        1
    );
    let book = site.read("book.toml").replacen(
        "label = { id = \"Tujuan\", en = \"Purpose\" }",
        "label = { id = \"Tujuan\", en = \"Purpose\" }\ncard = false",
        1,
    );
    site.write("book.toml", &book);
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(select(&site.html(page), ".info-card .field-purpose").is_empty());
}

#[test]
fn the_glossary_has_an_a_to_z_jump_list_and_terms_as_terms() {
    let site = TestSite::bundled();
    let run = site.run(["build", "--no-pdf"]);
    assert_eq!(run.code, 0, "{run}");
    let html = site.html("book/id/glosarium/index.html");
    let jumps = attrs(&html, ".glossary-nav a", "href");
    assert!(jumps.len() >= 10, "{jumps:?}");
    let letters = attrs(&html, "h2.glossary-letter", "id");
    assert_eq!(
        jumps,
        letters
            .iter()
            .map(|id| format!("#{id}"))
            .collect::<Vec<_>>()
    );
    let mut sorted = letters.clone();
    sorted.sort();
    assert_eq!(letters, sorted, "letters in order");
    // Every term is a defined term; none is lost to the grouping.
    let terms = select(&html, ".glossary dt dfn").len();
    assert_eq!(terms, select(&html, ".glossary-entry").len());
    assert!(terms >= 50, "{terms} terms");
}

#[test]
fn wide_tables_are_focusable_named_regions() {
    // Regression (#29): axe's `scrollable-region-focusable` on tables without links.
    let site = TestSite::copy("minimal");
    site.write(
        "content/en/halaman.md",
        "---\ntitle: Page\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/en/halaman/index.html");
    assert_eq!(attrs(&html, ".table-wrap", "tabindex"), ["0"]);
    assert_eq!(attrs(&html, ".table-wrap", "role"), ["region"]);
    assert_eq!(attrs(&html, ".table-wrap", "aria-label"), ["Table"]);
}

#[test]
fn table_regions_are_not_all_named_tabel() {
    // Regression (#29): every table's region was named "Tabel", so a page with two
    // tables had two landmarks of one name (DAISY Ace, axe `landmark-unique`). Each is
    // named by the heading before it, unique on its page; in print.html, where several
    // pages have a "Schedule", the chapter's title comes first.
    let site = TestSite::copy("minimal");
    let table = "| a | b |\n|---|---|\n| 1 | 2 |\n";
    site.write(
        "content/en/day-1.md",
        &format!("---\ntitle: Day 1\n---\n\n{table}\n## Schedule\n\n{table}\n{table}\n## Notes\n\n{table}"),
    );
    site.write(
        "content/en/day-2.md",
        &format!("---\ntitle: Day 2\n---\n\n## Schedule\n\n{table}"),
    );
    assert_eq!(site.run(["build", "--no-pdf"]).code, 0);
    let day1 = site.html("book/en/day-1/index.html");
    assert_eq!(
        attrs(&day1, ".table-wrap", "aria-label"),
        ["Table", "Schedule", "Schedule (Table 2)", "Notes"]
    );
    assert_eq!(
        attrs(
            &site.html("book/en/day-2/index.html"),
            ".table-wrap",
            "aria-label"
        ),
        ["Schedule"]
    );
    let print = site.html("book/en/print.html");
    let names = attrs(&print, ".table-wrap[role=region]", "aria-label");
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(
        names.contains(&"Day 1 \u{203a} Schedule".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Day 2 \u{203a} Schedule".to_string()),
        "{names:?}"
    );
    let unique: BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
}

#[test]
fn the_bar_renders_every_control_in_the_html() {
    // Regression (#29): the menu and dark-mode buttons were added by the script, which
    // pushed the page down 91 px.
    let site = TestSite::copy("minimal");
    assert_eq!(site.run(["build"]).code, 0);
    let html = site.html("book/id/halaman/index.html");
    for control in [
        ".menu-button",
        ".search-button",
        ".language-menu summary",
        ".theme-toggle",
    ] {
        let found = select(&html, &format!(".site-header {control}"));
        assert_eq!(found.len(), 1, "{control}");
        assert!(
            found[0].value().attr("hidden").is_none(),
            "{control} is hidden"
        );
    }
    // The scheme in use is shown by both labels, one of them hidden by CSS.
    assert_eq!(text(&html, ".theme-toggle span.when-light"), "Terang");
    assert_eq!(text(&html, ".theme-toggle span.when-dark"), "Gelap");
    // Without JavaScript the search button leads to the search page.
    assert_eq!(
        attrs(&html, ".search-button", "href"),
        ["../../id/search.html"]
    );
}
