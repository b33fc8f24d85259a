//! Real authors, real names (issue #15): file and folder names as agency authors write
//! them, notices of untranslated pages, output paths that meet, and files shared
//! between languages. Each fixture is one shape, in `tests/fixtures/real-content/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::{TestSite, attrs, fixtures, select};

/// Every file below `dir` with its bytes, by path relative to `dir`.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The `path:line:col: error: …` lines of some output.
fn error_lines(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter(|l| {
            l.split_once(": error: ").is_some_and(|(place, _)| {
                place.rsplitn(3, ':').count() == 3 && !place.starts_with("error")
            })
        })
        .collect()
}

#[test]
fn untranslated_notices_keep_their_folder_path() {
    // content/en/a/write.md and content/en/b/write.md, no `_index.md` in `a/` or `b/`,
    // no Indonesian translation: once both notices went to `id/write/index.html`.
    let site = TestSite::copy("real-content/notice-folders");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    for (folder, title) in [("a", "Writing reports"), ("b", "Writing letters")] {
        let notice = site.html(&format!("book/id/{folder}/write/index.html"));
        let hrefs = attrs(&notice, "main a", "href");
        assert!(
            hrefs.contains(&format!("../../../en/{folder}/write/index.html")),
            "the notice in `{folder}/` links to its own original: {hrefs:?}"
        );
        assert!(
            select(&notice, "main")
                .iter()
                .any(|m| m.text().collect::<String>().contains(title)),
            "the notice names `{title}`"
        );
        let original = site.html(&format!("book/en/{folder}/write/index.html"));
        assert!(
            attrs(&original, "a[hreflang], a[lang]", "href")
                .iter()
                .chain(attrs(&original, "nav a", "href").iter())
                .any(|h| h == &format!("../../../id/{folder}/write/index.html")),
            "the language switch of `en/{folder}/write` leads to its own notice"
        );
    }
    assert!(!site.exists("book/id/write/index.html"));
    let check = site.run(["check"]);
    assert_eq!(check.code, 0, "{check}");
}

#[test]
fn check_reports_every_error_build_reports() {
    // Every fixture site of every engineer: whatever `build` calls an error at a place,
    // `check` calls one too, and when `build` fails, `check` does not pass.
    let mut sites: Vec<PathBuf> = walkdir::WalkDir::new(fixtures())
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk fixtures"))
        .filter(|e| e.file_name() == "book.toml")
        .filter_map(|e| e.path().parent().map(Path::to_path_buf))
        .collect();
    sites.dedup();
    assert!(
        sites.len() >= 4,
        "fixture sites found: {sites:?} (the walk should find them all)"
    );
    for fixture in sites {
        let name = fixture
            .strip_prefix(fixtures())
            .expect("below fixtures")
            .to_string_lossy()
            .into_owned();
        let site = TestSite::copy(&name);
        let build = site.run(["build"]);
        let check = site.run(["check"]);
        let found = error_lines(&check.stdout);
        for line in error_lines(&build.stderr) {
            assert!(
                found.contains(&line),
                "{name}: `build` reports\n  {line}\nbut `check` does not\n{build}\n{check}"
            );
        }
        if build.code != 0 {
            assert_ne!(
                check.code, 0,
                "{name}: `build` fails but `check` passes\n{build}\n{check}"
            );
        }
    }
}

#[test]
fn a_collision_fails_before_anything_is_written() {
    // content/id/laporan.md and content/id/laporan/index.html (a page copied from an old
    // site) both want `id/laporan/index.html`; content/id/search.html wants the search
    // page's place. Both are found before the output is touched.
    let site = TestSite::copy("real-content/collision");
    let aside = site.path().join("aside");
    std::fs::create_dir(&aside).expect("aside");
    for (from, to) in [
        ("content/id/laporan/index.html", "a"),
        ("content/id/search.html", "b"),
    ] {
        std::fs::rename(site.path().join(from), aside.join(to)).expect("move aside");
    }
    let first = site.run(["build"]);
    assert_eq!(first.code, 0, "{first}");
    let before = tree(&site.path().join("book"));
    for (to, from) in [
        ("content/id/laporan/index.html", "a"),
        ("content/id/search.html", "b"),
    ] {
        std::fs::rename(aside.join(from), site.path().join(to)).expect("move back");
    }
    // A temporary folder left by an earlier killed build: starting a new one removes it.
    let stale = site.path().join(".book.panduan-tmp-4000000");
    std::fs::create_dir(&stale).expect("stale");
    std::fs::write(stale.join(".panduan-output"), "").expect("marker");

    let run = site.run(["build"]);
    assert_eq!(
        run.code, 1,
        "a content problem, not a failure to run\n{run}"
    );
    for line in [
        "content/id/laporan/index.html:1:1: error: two files would be written to `id/laporan/index.html`",
        "content/id/search.html:1:1: error: two files would be written to `id/search.html`",
    ] {
        assert!(
            run.stderr.contains(line),
            "every collision is reported\n{run}"
        );
    }
    assert!(
        run.stderr
            .contains("`content/id/laporan.md` has the same output path"),
        "{run}"
    );
    assert_eq!(
        tree(&site.path().join("book")),
        before,
        "the previous output is kept"
    );
    assert!(
        stale.exists(),
        "no temporary output folder was begun\n{run}"
    );

    let fresh = site.run(["build", "--out", "fresh/book"]);
    assert_eq!(fresh.code, 1, "{fresh}");
    assert!(
        !site.exists("fresh"),
        "nothing is written, not even the output's parent folder\n{fresh}"
    );
    let check = site.run(["check"]);
    assert_eq!(check.code, 1, "{check}");
    assert!(
        check.stdout.contains("content/id/search.html:1:1: error"),
        "{check}"
    );
}

#[test]
fn names_made_only_of_signs_get_stable_urls() {
    // `!.md`, `%.md`, `[[.md`, `((.md`, `~.md` and `★.md` are valid names on Windows,
    // macOS and Linux; once they were errors ("no URL can be made").
    let site = TestSite::copy("real-content/sign-names");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let expected = [
        ("exclamation-mark", "Tanda !"),
        ("percent", "Tanda %"),
        ("open-bracket-open-bracket", "Tanda [["),
        ("open-paren-open-paren", "Tanda (("),
        ("tilde", "Tanda ~"),
        // Beyond ASCII: a fingerprint of the name, the same on every machine.
        ("page-de07fa5d", "Tanda ★"),
        (
            "exclamation-mark-exclamation-mark/catatan",
            "Di dalam folder tanda",
        ),
    ];
    for (url, title) in expected {
        let html = site.html(&format!("book/id/{url}/index.html"));
        assert_eq!(crate::support::text(&html, "h1").trim(), title, "{url}");
    }
    let first = tree(&site.path().join("book"));
    let again = site.run(["build"]);
    assert_eq!(again.code, 0, "{again}");
    assert_eq!(
        tree(&site.path().join("book")),
        first,
        "stable across builds"
    );
}

#[test]
fn hidden_markdown_files_are_skipped_with_a_warning() {
    let site = TestSite::copy("real-content/sign-names");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    for (name, help) in [
        (".draft.md", "rename it to `draft.md`"),
        ("..md", "give it a name such as `page.md`"),
    ] {
        assert!(
            run.stderr.contains(&format!(
                "content/id/{name}:1:1: warning: this file's name starts with a dot, so it is hidden and not made into a page"
            )),
            "{run}"
        );
        assert!(run.stderr.contains(help), "{run}");
    }
    assert!(run.stdout.contains("(id 8, en 1)"), "{run}");
}

#[test]
fn output_names_windows_cannot_hold_are_errors() {
    let site = TestSite::copy("minimal");
    let long = format!("{}akhir", "laporan-kegiatan-kelompok-".repeat(8));
    let long_url = format!("id/{long}/index.html");
    let page = "---\ntitle: Halaman\n---\n\nIsi.\n";
    // Written by the test: a repository holding these names could not be checked out
    // on Windows.
    site.write("content/id/gambar/jam 10:30.png", "png");
    site.write("content/id/gambar/nul.txt", "teks");
    site.write("content/id/gambar/foto.", "png");
    site.write(
        "content/id/perangkat.md",
        "---\ntitle: Perangkat\nslug: aux\n---\n",
    );
    site.write(&format!("content/id/{long}.md"), page);
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    for (line, help) in [
        (
            "content/id/gambar/jam 10:30.png:1:1: error: the name `jam 10:30.png` holds `:`, which Windows does not allow in a name",
            "= help: rename it without any of",
        ),
        (
            "content/id/gambar/nul.txt:1:1: error: `nul.txt` is a name Windows keeps for a device",
            "= help: rename the file or folder `nul.txt`, for example to `nul-1`",
        ),
        (
            "content/id/gambar/foto.:1:1: error: the name `foto.` ends with a dot or a space, which Windows drops",
            "= help: rename it so that it ends with a letter or a digit",
        ),
        (
            "content/id/perangkat.md:1:1: error: `aux` is a name Windows keeps for a device",
            "(or set `slug:` in the front matter)",
        ),
        (
            &format!(
                "content/id/{long}.md:1:1: error: the output path `{long_url}` is {} characters long",
                long_url.chars().count()
            ),
            "= help: shorten the names of the file and its folders, to at most 200 characters in all",
        ),
    ] {
        assert!(run.stderr.contains(line), "missing\n  {line}\n{run}");
        assert!(run.stderr.contains(help), "missing\n  {help}\n{run}");
    }
    // A name Windows keeps, without a `slug:`, gets a stable name instead.
    let named = TestSite::copy("minimal");
    named.write("content/id/con.md", "---\ntitle: Con\n---\n\nIsi.\n");
    let run = named.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(named.exists("book/id/con-1/index.html"), "{run}");
}

#[test]
fn names_differing_only_by_case_are_errors_for_files_too() {
    let site = TestSite::copy("minimal");
    site.write("content/id/gambar/Foto.png", "png");
    site.write("content/id/gambar/foto.png", "png");
    site.write("content/id/Catatan.md", "---\ntitle: Satu\n---\n");
    site.write("content/id/catatan.md", "---\ntitle: Dua\n---\n");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/id/gambar/foto.png:1:1: error: `id/gambar/foto.png` and `id/gambar/Foto.png` differ only by upper/lower case"
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("error: two pages would be written to `id/catatan/index.html`"),
        "{run}"
    );
    let check = site.run(["check"]);
    assert_eq!(check.code, 1, "{check}");
    assert!(
        check
            .stdout
            .contains("content/id/gambar/foto.png:1:1: error"),
        "{check}"
    );
}

#[test]
fn pictures_are_shared_between_languages() {
    // The pictures live in content/id/gambar/; the English pages use the same relative
    // paths. The agency's logo lives in content/shared/, for every language.
    let site = TestSite::copy("real-content/shared-pictures");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let room = site.html("book/en/kegiatan/ruang/index.html");
    let sources = attrs(&room, "main img", "src");
    assert!(
        sources.contains(&"../../../id/gambar/ruang.png".to_string()),
        "the Indonesian copy serves the English page: {sources:?}"
    );
    assert!(
        sources.contains(&"../../gambar/peta.png".to_string()),
        "a picture of the page's own language comes first: {sources:?}"
    );
    assert!(site.exists("book/id/gambar/ruang.png"));
    assert!(
        !site.exists("book/en/gambar/ruang.png"),
        "the picture is written once"
    );
    for (page, logo) in [
        ("book/id/index.html", "../shared/logo.png"),
        ("book/en/index.html", "../shared/logo.png"),
    ] {
        assert_eq!(attrs(&site.html(page), "main img", "src"), [logo], "{page}");
    }
    assert_eq!(site.read("book/shared/logo.png"), "PNG logo\n");

    // A translation started with `panduan new` keeps the original's picture paths.
    let new = site.run([
        "new",
        "content/en/kegiatan/catatan.md",
        "--translate-from",
        "id",
    ]);
    assert_eq!(new.code, 0, "{new}");
    let stub = site.read("content/en/kegiatan/catatan.md");
    let (front, _) = stub
        .split_once("Translate here.")
        .expect("the stub's placeholder");
    assert!(
        stub.contains("](../gambar/catatan.png)"),
        "the guide keeps the picture's path: {stub}"
    );
    site.write(
        "content/en/kegiatan/catatan.md",
        &format!(
            "{front}Write notes after the meeting.\n\n![Sample notes](../gambar/catatan.png)\n"
        ),
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let notes = site.html("book/en/kegiatan/catatan/index.html");
    assert_eq!(
        attrs(&notes, "main img", "src"),
        ["../../../id/gambar/catatan.png"]
    );
}

#[test]
fn a_missing_picture_names_every_place_looked_in() {
    let site = TestSite::copy("real-content/shared-pictures");
    site.write(
        "content/en/kegiatan/ruang.md",
        "---\ntitle: Arranging the room\n---\n\n![Chairs](../gambar/kursi.png)\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/en/kegiatan/ruang.md:5:1: error: the file `../gambar/kursi.png` does not exist\n  = help: no file `content/en/gambar/kursi.png` (nor `content/id/gambar/kursi.png`)"
        ),
        "{run}"
    );
}
