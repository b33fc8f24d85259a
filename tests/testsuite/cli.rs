//! The command line: init, clean, completions, version and help.

use crate::support;

use support::{TestSite, run_in};

#[test]
fn init_scaffolds_a_handbook_that_builds() {
    let dir = tempfile::tempdir().expect("temp");
    let run = run_in(dir.path(), ["init", "handbook"]);
    assert_eq!(run.code, 0, "{run}");
    let root = dir.path().join("handbook");
    assert!(root.join("book.toml").is_file() && root.join("content/id/_index.md").is_file());
    let build = run_in(&root, ["build"]);
    assert_eq!(build.code, 0, "{build}");
    // No locale at all (the tests clear the environment): English first.
    assert!(build.stdout.contains("(en 4, id 4)"), "{build}");
    assert!(
        build.stderr.is_empty(),
        "the starter handbook builds without warnings\n{build}"
    );
}

/// `panduan init ARGS` in a new folder with only `LANG` (and `PATH`) set.
fn init_with_lang(lang: &str, args: &[&str]) -> (tempfile::TempDir, support::Run) {
    let dir = tempfile::tempdir().expect("temp");
    let mut all = vec!["init"];
    all.extend_from_slice(args);
    let run = support::run_env(dir.path(), all, &[("LANG", lang)]);
    (dir, run)
}

/// The scaffold builds, and `check --strict` finds nothing at all (not even a hint).
fn assert_clean(root: &std::path::Path) {
    let build = run_in(root, ["build"]);
    assert_eq!(build.code, 0, "{build}");
    assert!(build.stderr.is_empty(), "{build}");
    let check = run_in(root, ["check", "--strict"]);
    assert_eq!(check.code, 0, "{check}");
    assert_eq!(
        check.stdout.trim(),
        "checked: 0 errors, 0 warnings",
        "{check}"
    );
}

/// `init NAME` with `LANG=locale` (and `args` before the name): the handbook's folder,
/// after checking that it succeeded and that `book.toml` declares `first` before
/// `second`, with its notes in the first language (`note`).
fn scaffold(
    locale: &str,
    args: &[&str],
    (first, second, note): (&str, &str, &str),
) -> (tempfile::TempDir, std::path::PathBuf) {
    let mut all = args.to_vec();
    all.push("b");
    let (dir, run) = init_with_lang(locale, &all);
    assert_eq!(run.code, 0, "{run}");
    let root = dir.path().join("b");
    let book = std::fs::read_to_string(root.join("book.toml")).expect("book.toml");
    let at = |lang: &str| book.find(&format!("[languages.{lang}]"));
    assert!(
        at(first) < at(second),
        "`{first}` is the first language\n{book}"
    );
    assert!(book.contains(note), "notes in the first language\n{book}");
    (dir, root)
}

fn read(root: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn init_in_an_indonesian_locale_writes_indonesian_first() {
    let first = ("id", "en", "# Bahasa buku. Bahasa yang ditulis pertama");
    let (_dir, root) = scaffold("id_ID.UTF-8", &[], first);
    let how_to = read(&root, "content/id/memulai/cara-menulis.md");
    assert!(
        how_to.starts_with("---\ntitle: Cara menulis halaman\n"),
        "{how_to}"
    );
    let english = read(&root, "content/en/memulai/cara-menulis.md");
    assert!(english.contains("title: How to write a page"), "{english}");
    assert!(english.contains("translation:\n  from: id"), "{english}");
    assert_clean(&root);
    let html = read(
        &root,
        "book/en/getting-started/how-to-write-a-page/index.html",
    );
    assert!(
        html.contains("How to write a page"),
        "at its English address"
    );
}

#[test]
fn init_in_an_english_locale_writes_english_first_and_lang_overrides_the_locale() {
    let first = ("en", "id", "# The handbook's languages. The first one");
    let (_dir, root) = scaffold("en_US.UTF-8", &[], first);
    let how_to = read(&root, "content/id/getting-started/how-to-write.md");
    assert!(
        how_to.contains("title: Cara menulis halaman\nsummary:"),
        "{how_to}"
    );
    assert!(how_to.contains("slug: cara-menulis"), "{how_to}");
    assert_clean(&root);
    assert!(
        root.join("book/id/memulai/cara-menulis/index.html")
            .is_file()
    );

    // `--lang` wins over the locale.
    let first = ("id", "en", "# Bahasa buku.");
    let (_dir, root) = scaffold("en_US.UTF-8", &["--lang", "id"], first);
    assert!(root.join("content/en/memulai/halaman-pertama.md").is_file());
}

#[test]
fn the_starter_house_terms_once_switched_on_find_nothing_in_the_starter_pages() {
    for lang in ["id_ID.UTF-8", "en_GB.UTF-8"] {
        let (dir, run) = init_with_lang(lang, &["b"]);
        assert_eq!(run.code, 0, "{run}");
        let root = dir.path().join("b");
        let book = std::fs::read_to_string(root.join("book.toml")).expect("book.toml");
        let on = book.replace("# [terms", "[terms").replace("\n# \"", "\n\"");
        assert!(on.contains("\n[terms."), "{on}");
        std::fs::write(root.join("book.toml"), on).expect("write");
        assert_clean(&root);
    }
}

#[test]
fn init_never_overwrites_existing_files() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir_all(dir.path().join("content/id")).expect("mkdir");
    std::fs::write(dir.path().join("book.toml"), "# mine\n").expect("write");
    std::fs::write(dir.path().join("content/id/_index.md"), "mine").expect("write");
    let run = run_in(dir.path(), ["init"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.contains("kept    ./book.toml") || run.stdout.contains("kept    book.toml"),
        "{run}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("book.toml")).expect("read"),
        "# mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("content/id/_index.md")).expect("read"),
        "mine"
    );
    assert!(dir.path().join("content/en/_index.md").is_file());
}

#[test]
fn clean_removes_only_our_output() {
    let site = TestSite::copy("minimal");
    assert_eq!(site.run(["build"]).code, 0);
    let run = site.run(["clean"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!site.exists("book"));
    assert!(site.run(["clean"]).stdout.contains("nothing to remove"));
    // A foreign folder at the output path is refused, not deleted.
    site.write("book/mine.txt", "keep");
    let refused = site.run(["clean"]);
    assert_eq!(refused.code, 2, "{refused}");
    assert_eq!(site.read("book/mine.txt"), "keep");
}

#[test]
fn root_is_found_from_a_subfolder_and_by_flag() {
    let site = TestSite::copy("minimal");
    let run = run_in(&site.path().join("content/id"), ["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(site.exists("book/index.html"));
    let elsewhere = tempfile::tempdir().expect("temp");
    let by_flag = run_in(
        elsewhere.path(),
        [
            "build",
            "--root",
            &site.path().display().to_string(),
            "--out",
            "out",
        ],
    );
    assert_eq!(by_flag.code, 0, "{by_flag}");
    assert!(
        site.exists("out/index.html"),
        "--out is relative to the project root"
    );
    let nowhere = run_in(elsewhere.path(), ["build"]);
    assert_eq!(nowhere.code, 2, "{nowhere}");
    assert!(nowhere.stderr.contains("no `book.toml` here"), "{nowhere}");
}

#[test]
fn completions_version_and_help() {
    let dir = tempfile::tempdir().expect("temp");
    let bash = run_in(dir.path(), ["completions", "bash"]);
    assert_eq!(bash.code, 0, "{bash}");
    assert!(bash.stdout.contains("_panduan"), "{bash}");
    let version = run_in(dir.path(), ["--version"]);
    assert_eq!(
        version.stdout.trim(),
        format!("panduan {}", env!("CARGO_PKG_VERSION"))
    );
    let help = run_in(dir.path(), ["build", "--help"]);
    for needle in ["--out", "--base-url", "--drafts", "--root", "Examples:"] {
        assert!(help.stdout.contains(needle), "missing {needle}\n{help}");
    }
    let bad = run_in(dir.path(), ["frobnicate"]);
    assert_eq!(bad.code, 2, "{bad}");
}
