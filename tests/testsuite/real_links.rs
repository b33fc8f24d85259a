//! Links as agency authors really write them (issue #15): e-mail autolinks, query
//! strings, site-absolute paths, suggestions that can be pasted back, raw HTML with
//! scripts. Each shape has its own small site in `tests/fixtures/real-content/`.

use crate::support;

use support::{Run, TestSite, attrs};

/// Builds the fixture `real-content/<shape>` and expects success.
fn built(shape: &str) -> (TestSite, Run) {
    let site = TestSite::copy(&format!("real-content/{shape}"));
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    (site, run)
}

#[test]
fn email_autolink_becomes_mailto() {
    let (site, run) = built("email-autolink");
    assert!(!run.stderr.contains("does not exist"), "{run}");
    for page in ["book/id/index.html", "book/id/print.html"] {
        let html = site.html(page);
        let hrefs = attrs(&html, "a[href^='mailto:']", "href");
        assert_eq!(
            hrefs,
            ["mailto:tim@example.org", "mailto:kami@example.org"],
            "{page}"
        );
    }
}

/// Builds `site` (never built before) and expects content errors: exit 1, nothing
/// written.
fn failing(site: &TestSite) -> Run {
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("nothing was written"), "{run}");
    run
}

/// The text between the backticks of the first `did you mean `…`?` on stderr.
fn suggestion(run: &Run) -> String {
    let (_, after) = run
        .stderr
        .split_once("did you mean `")
        .unwrap_or_else(|| panic!("no suggestion\n{run}"));
    let (found, _) = after.split_once("`?").expect("a closed suggestion");
    found.to_string()
}

#[test]
fn query_strings_are_kept_in_links_to_files_and_pages() {
    let (site, _) = built("query-strings");
    let html = site.html("book/id/index.html");
    assert_eq!(
        attrs(&html, "main .content a:not(.anchor)", "href"),
        [
            "doc.pdf?page=2#x",
            "halaman/index.html?x=1",
            "halaman/index.html?x=1#bagian"
        ]
    );
}

#[test]
fn query_strings_do_not_hide_a_missing_file() {
    let site = TestSite::copy("real-content/query-strings");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\n## Bagian\n\nLihat [ini](hilang.pdf?page=2).\n",
    );
    let run = failing(&site);
    assert!(
        run.stderr.contains(
            "content/id/halaman.md:7:7: error: the file `hilang.pdf?page=2` does not exist\n  = help: no file `content/id/hilang.pdf`"
        ),
        "{run}"
    );
}

#[test]
fn site_absolute_links_start_at_the_language_folder_and_are_written_relative() {
    let (site, run) = built("site-absolute");
    assert!(!run.stderr.contains("warning"), "{run}");
    let html = site.html("book/id/concepts/deep/page/index.html");
    assert_eq!(
        attrs(&html, "main .content a:not(.anchor)", "href"),
        [
            "../../../guide/x/index.html#langkah",
            "../../../guide/index.html",
            "../../../guide/index.html",
            "../../../index.html",
        ]
    );
    assert_eq!(
        attrs(&html, "main .content img", "src"),
        ["../../../images/circle.png"]
    );
}

#[test]
fn site_absolute_links_to_nothing_say_where_they_start() {
    let site = TestSite::copy("real-content/site-absolute");
    site.write(
        "content/id/concepts/deep/page.md",
        "---\ntitle: Dalam\n---\n\n[a](/guide/y.md) [b](/guide/x) [c](/../x.md) [d](/nowhere.pdf)\n",
    );
    let run = failing(&site);
    for expected in [
        "content/id/concepts/deep/page.md:5:1: error: the link target `/guide/y.md` does not exist\n  = help: did you mean `/guide/x.md`?",
        "content/id/concepts/deep/page.md:5:18: error: the file `/guide/x` does not exist\n  = help: a link to a page names its file: did you mean `/guide/x.md`?",
        "content/id/concepts/deep/page.md:5:32: error: the link `/../x.md` climbs above `content/id/`",
        "content/id/concepts/deep/page.md:5:46: error: the file `/nowhere.pdf` does not exist\n  = help: no file `content/id/nowhere.pdf` (nor `content/en/nowhere.pdf`); a link that starts with `/` starts at `content/id/`",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{run}");
    }
}

/// Writes `written` into `guide/start.md` of the `suggestions` site, builds, pastes the
/// suggested text in place of the `wrong` part, and builds again: it must succeed.
fn suggestion_fixes(written: &str, wrong: &str, expected: &str) {
    let site = TestSite::copy("real-content/suggestions");
    let page = |link: &str| format!("---\ntitle: Mulai\n---\n\nBaca {link}.\n");
    site.write("content/id/guide/start.md", &page(written));
    let run = failing(&site);
    let suggested = suggestion(&run);
    assert_eq!(suggested, expected, "{run}");
    site.write(
        "content/id/guide/start.md",
        &page(&written.replace(wrong, &suggested)),
    );
    let run = site.run(["build"]);
    assert_eq!(
        run.code, 0,
        "the suggestion, pasted, must fix the link\n{run}"
    );
}

#[test]
fn md_link_suggestion_is_the_text_to_write_in_that_page() {
    suggestion_fixes(
        "[kelompok](../concept/group.md)",
        "../concept/group.md",
        "../concepts/group.md",
    );
    suggestion_fixes(
        "[kelompok](../concepts/grup.md#definisi)",
        "../concepts/grup.md#definisi",
        "../concepts/group.md#definisi",
    );
    suggestion_fixes("[konseling](konselin.md)", "konselin.md", "konseling.md");
}

#[test]
fn short_wikilink_typo_suggests_an_id_of_this_handbook() {
    suggestion_fixes("[[konselin]]", "konselin", "konseling");
    suggestion_fixes("[[concepts/grop]]", "concepts/grop", "concepts/group");
    // Nothing near: the example id is one of this handbook's.
    let site = TestSite::copy("real-content/suggestions");
    site.write(
        "content/id/guide/start.md",
        "---\ntitle: Mulai\n---\n\nBaca [[zzzzzzzz]].\n",
    );
    let run = failing(&site);
    assert!(
        run.stderr.contains("no page has the id `zzzzzzzz`\n  = help: a page id is its path below `content/<language>/` without `.md`, e.g. `concepts/group`"),
        "{run}"
    );
}

/// What `raw-scripts/content/id/_index.md` holds that runs script, where it is.
const SCRIPTS_FOUND: [&str; 5] = [
    "content/id/_index.md:7:1: warning: a `<script>` element runs script in the browser of every reader of this page",
    "content/id/_index.md:9:26: warning: the event attribute `onerror` runs script",
    "content/id/_index.md:11:1: warning: a `javascript:` link runs script",
    "content/id/_index.md:11:36: warning: a `javascript:` link runs script",
    "content/id/_index.md:13:9: warning: the event attribute `onmouseover` runs script",
];

#[test]
fn raw_html_scripts_are_warned_with_their_place() {
    let (site, run) = built("raw-scripts");
    for expected in SCRIPTS_FOUND {
        assert!(run.stderr.contains(expected), "{expected}\n{run}");
    }
    // Nothing else: bold text, a class named `online`, a video embed are plain HTML.
    assert_eq!(run.stderr.matches("warning:").count(), 5, "{run}");
    assert!(run.stdout.contains("5 warnings"), "{run}");
    assert!(
        run.stderr
            .contains("= help: remove it, unless you trust this code"),
        "{run}"
    );
    // The policy is to warn: the page is written as the author wrote it.
    let html = site.read("book/id/index.html");
    assert!(html.contains("<script>alert(\"x\")</script>"), "{html}");
}

#[test]
fn raw_html_scripts_fail_check_strict() {
    let site = TestSite::copy("real-content/raw-scripts");
    let run = site.run(["check"]);
    assert_eq!(run.code, 0, "warnings alone do not fail\n{run}");
    let run = site.run(["check", "--strict"]);
    assert_eq!(run.code, 1, "{run}");
    for expected in SCRIPTS_FOUND {
        // `check` prints its findings on stdout.
        assert!(run.stdout.contains(expected), "{expected}\n{run}");
    }
}
