//! Hostile and odd input (tests/fixtures/hostile/): every case ends in a correct page
//! or a clear diagnostic with `path:line:col`, never a panic, and a failed build keeps
//! the previous output.

use crate::support;

use support::{Run, TestSite, attrs, select, text};

/// A copy of `minimal` with one hostile file added as `content/id/<name>`.
fn with_case(case: &str, name: &str) -> TestSite {
    let site = TestSite::copy("minimal");
    let bytes = std::fs::read(support::fixtures().join("hostile").join(case)).expect("fixture");
    let path = site.path().join("content/id").join(name);
    std::fs::write(path, bytes).expect("write case");
    site
}

fn ok(site: &TestSite) -> Run {
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!run.stderr.contains("panicked"), "{run}");
    run
}

/// Builds once cleanly, adds the case, and expects a located error with the old output kept.
fn fails(case: &str, name: &str, expected: &str) -> Run {
    let site = TestSite::copy("minimal");
    ok(&site);
    let before = site.read("book/id/index.html");
    let bytes = std::fs::read(support::fixtures().join("hostile").join(case)).expect("fixture");
    std::fs::write(site.path().join("content/id").join(name), bytes).expect("write case");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(expected),
        "expected `{expected}`\n{run}"
    );
    assert!(!run.stderr.contains("panicked"), "{run}");
    assert_eq!(
        site.read("book/id/index.html"),
        before,
        "the previous output is kept"
    );
    run
}

#[test]
fn bom_and_mixed_line_endings_make_a_correct_page() {
    let site = with_case("bom-crlf.md", "bom-crlf.md");
    ok(&site);
    let html = site.html("book/id/bom-crlf/index.html");
    assert_eq!(text(&html, "h1"), "BOM dan CRLF");
    assert_eq!(attrs(&html, ".content h2", "id"), ["satu", "dua"]);
    // Positions stay right in such a file.
    let source = std::fs::read_to_string(site.path().join("content/id/bom-crlf.md")).expect("read");
    std::fs::write(
        site.path().join("content/id/bom-crlf.md"),
        source.replace("[[halaman]]", "[[tidak-ada]]"),
    )
    .expect("write");
    let run = site.run(["build"]);
    assert!(
        run.stderr
            .contains("content/id/bom-crlf.md:8:6: error: no page has the id `tidak-ada`"),
        "{run}"
    );
}

#[test]
fn empty_file_has_no_title() {
    fails(
        "empty.md",
        "empty.md",
        "content/id/empty.md:1:1: error: this page has no title",
    );
}

#[test]
fn unclosed_front_matter() {
    fails(
        "unclosed.md",
        "unclosed.md",
        "content/id/unclosed.md:1:1: error: the front matter is never closed",
    );
}

#[test]
fn yaml_list_or_scalar_instead_of_a_map() {
    fails(
        "yaml-list.md",
        "yaml-list.md",
        "content/id/yaml-list.md:2:1: error: the front matter is not a map of keys",
    );
    fails(
        "yaml-scalar.md",
        "yaml-scalar.md",
        "content/id/yaml-scalar.md:2:1: error: the front matter is not a map of keys",
    );
}

#[test]
fn billion_laughs_is_stopped_by_the_yaml_budget() {
    fails(
        "billion-laughs.md",
        "lol.md",
        "error: the front matter is too large",
    );
}

#[test]
fn invalid_utf8_is_located() {
    fails(
        "invalid-utf8.md",
        "rusak.md",
        "content/id/rusak.md:5:3: error: this file is not valid UTF-8 text",
    );
}

#[test]
fn nul_bytes_are_replaced_and_warned() {
    let site = with_case("nul.md", "nul.md");
    let run = ok(&site);
    assert!(
        run.stderr
            .contains("content/id/nul.md:5:4: warning: this file contains NUL characters"),
        "{run}"
    );
    // `nul` is a device name on Windows: the page gets a name the site can hold there.
    let html = site.read("book/id/nul-1/index.html");
    assert!(
        !html.contains('\0') && html.contains("Ada\u{fffd}NUL"),
        "no NUL in the output"
    );
}

#[test]
fn hostile_front_matter_is_escaped_everywhere() {
    let site = with_case("hostile-title.md", "jahat.md");
    ok(&site);
    let html = site.html("book/id/jahat/index.html");
    let title = "</script><script>alert(\"t\")</script> & <b>judul</b>";
    assert_eq!(text(&html, "h1"), title);
    assert_eq!(text(&html, "title"), format!("{title} · Minimal"));
    assert_eq!(
        attrs(&html, "meta[name=description]", "content"),
        ["\"><script>alert(\"s\")</script>"]
    );
    assert_eq!(text(&html, ".tag"), "</script><b>tag</b>");
    // Only the theme's own scripts exist; no `<b>` element was injected.
    for script in select(&html, "script") {
        let code: String = script.text().collect();
        assert!(!code.contains("alert"), "a script was injected: {code}");
    }
    let inline = select(&html, "script").len() - attrs(&html, "script", "src").len();
    assert_eq!(
        inline, 1,
        "only the theme's own inline script (the colour scheme)"
    );
    assert!(select(&html, "h1 b, .tag b").is_empty());
    // Template syntax in content stays literal.
    assert!(text(&html, ".content p").contains("Teks {{ x }} dan {% y %}"));
    // The navigation script holds the title without a `</script>` break-out.
    let nav = site.read("book/assets/nav-id.js");
    assert!(
        !nav.contains("</script>") && !nav.contains("<script"),
        "{nav}"
    );
    // Links to the page show the escaped title.
    let home = site.html("book/id/index.html");
    assert!(select(&home, "b").is_empty());
}

#[test]
fn odd_file_names_become_pages_or_clear_errors() {
    let site = TestSite::copy("minimal");
    for name in [
        "a b.md",
        "ç.md",
        "pemberdayaan-masyarakat.md",
        "Kelompok Swabantu.md",
        "..md",
    ] {
        site.write(
            &format!("content/id/{name}"),
            "---\ntitle: Nama aneh\n---\n\nIsi.\n",
        );
    }
    // Titles must differ from other pages only for check, not for build.
    let run = ok(&site);
    assert!(
        run.stdout.contains("(id 6, en 2)"),
        "`..md` is a hidden file and is skipped\n{run}"
    );
    for path in ["a-b", "ç", "pemberdayaan-masyarakat", "kelompok-swabantu"] {
        assert!(
            site.exists(&format!("book/id/{path}/index.html")),
            "missing {path}\n{run}"
        );
    }
    // Names of signs only are spelt out (see `real_names::names_made_only_of_signs_get_stable_urls`).
    for (name, url) in [
        ("!.md", "exclamation-mark"),
        ("[[.md", "open-bracket-open-bracket"),
    ] {
        let odd = TestSite::copy("minimal");
        odd.write(
            &format!("content/id/{name}"),
            "---\ntitle: Nama aneh\n---\n\nIsi.\n",
        );
        let run = ok(&odd);
        assert!(odd.exists(&format!("book/id/{url}/index.html")), "{run}");
    }
}

#[test]
fn names_differing_only_by_case_are_an_error() {
    let site = TestSite::copy("minimal");
    site.write("content/id/Kelompok.md", "---\ntitle: Satu\n---\n");
    site.write("content/id/kelompok.md", "---\ntitle: Dua\n---\n");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("error: two pages would be written to `id/kelompok/index.html`"),
        "{run}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_dangling_link_are_skipped_with_a_warning() {
    let site = TestSite::copy("minimal");
    std::os::unix::fs::symlink("..", site.path().join("content/id/loop")).expect("symlink");
    std::os::unix::fs::symlink("nowhere.md", site.path().join("content/id/dangling.md"))
        .expect("symlink");
    let run = ok(&site);
    assert!(
        run.stderr.contains(
            "content/id/loop:1:1: warning: this symbolic link points back into a folder above it"
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("content/id/dangling.md:1:1: warning: cannot read"),
        "{run}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_a_located_error() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::copy("minimal");
    let path = site.path().join("content/id/rahasia.md");
    std::fs::write(&path, "---\ntitle: Rahasia\n---\n").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!(
            "note: running as a user who can read any file (root); only checking that the build survives"
        );
        ok(&site);
        return;
    }
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("content/id/rahasia.md:1:1: error: cannot read this file"),
        "{run}"
    );
}

#[test]
fn very_long_lines_deep_nesting_and_a_huge_page_build() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/panjang.md",
        &format!("---\ntitle: Panjang\n---\n\n{}\n", "kata ".repeat(200_000)),
    );
    let nested: String = format!(
        "---\ntitle: Sarang\n---\n\n{}dalam\n\n{}",
        "> ".repeat(10_000),
        (0..10_000)
            .map(|i| format!("{}- x\n", "  ".repeat(i % 500)))
            .collect::<String>()
    );
    site.write("content/id/sarang.md", &nested);
    // 50 MB of ordinary paragraphs.
    let paragraph =
        "Kelompok swabantu saling mendukung dalam pertemuan mingguan. ".repeat(16) + "\n\n";
    let big = format!(
        "---\ntitle: Besar\n---\n\n{}",
        paragraph.repeat(50 * 1024 * 1024 / paragraph.len())
    );
    site.write("content/id/besar.md", &big);
    ok(&site);
    assert!(site.read("book/id/panjang/index.html").len() > 1_000_000);
    assert!(site.read("book/id/sarang/index.html").contains("dalam"));
    assert!(site.read("book/id/besar/index.html").len() > 50 * 1024 * 1024);
}

#[test]
fn read_only_content_builds_and_stays_untouched() {
    let site = TestSite::copy("minimal");
    let content = site.path().join("content");
    let snapshot = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap_or_default(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&content);
    for entry in walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
    {
        let mut perms = entry.metadata().expect("metadata").permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(entry.path(), perms).expect("chmod");
    }
    ok(&site);
    assert_eq!(before, snapshot(&content));
    // Give write access back so the temporary folder can be removed.
    for entry in walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
    {
        let mut perms = entry.metadata().expect("metadata").permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        let _ = std::fs::set_permissions(entry.path(), perms);
    }
}

#[test]
fn lone_carriage_returns_count_as_line_breaks() {
    // Found by fuzzing: YAML counted a lone `\r` as a line break and our positions did not.
    let site = TestSite::copy("minimal");
    std::fs::write(
        site.path().join("content/id/mac.md"),
        "---\rtitle: Mac\rorder: [1\r---\r\rTeks.\r",
    )
    .expect("write");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/id/mac.md:3:8: error: invalid YAML in the front matter: unclosed bracket"
        ),
        "{run}"
    );
    std::fs::write(
        site.path().join("content/id/mac.md"),
        "---\rtitle: Mac\r---\r\r## Satu\r\rTeks.\r",
    )
    .expect("write");
    ok(&site);
    assert_eq!(
        attrs(&site.html("book/id/mac/index.html"), ".content h2", "id"),
        ["satu"]
    );
}
