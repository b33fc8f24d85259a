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
    assert!(build.stdout.contains("(id 3, en 3)"), "{build}");
    assert!(
        build.stderr.is_empty(),
        "the starter handbook builds without warnings\n{build}"
    );
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
