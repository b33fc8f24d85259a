//! The default theme is compiled in, and a project theme overrides it file by file.

use crate::support;

use std::collections::BTreeSet;
use std::path::Path;

use panduan::render::theme::{DEFAULT_I18N, DEFAULT_STATIC, DEFAULT_TEMPLATES};
use support::{TestSite, attrs, text};

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
    let site = TestSite::copy("minimal");
    let book = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("[book]\ntheme = \"themes/mine\"\n\n{book}"),
    );
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

#[test]
fn template_errors_name_the_template_and_exit_2() {
    let site = TestSite::copy("minimal");
    let book = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("[book]\ntheme = \"themes/mine\"\n\n{book}"),
    );
    site.write("themes/mine/templates/page.html", "{% extends \"base.html\" %}{% block main %}{{ page.title | nosuchfilter }}{% endblock main %}");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("page.html"), "{run}");
    assert!(run.stderr.contains("nosuchfilter"), "{run}");
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
