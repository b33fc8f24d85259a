//! `panduan check`, `status`, `new --translate-from` and `translated`: every diagnostic
//! in human and JSON form, and the whole outdated-translation cycle with and without git.

use crate::support;

use std::process::Command;

use support::{Run, TestSite};

fn check(site: &TestSite, extra: &[&str]) -> Run {
    let mut args = vec!["check"];
    args.extend_from_slice(extra);
    site.run(args)
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n{run}"))
}

#[test]
fn check_reports_missing_translation_and_writes_nothing() {
    let site = TestSite::copy("bilingual");
    let run = check(&site, &[]);
    assert_eq!(run.code, 0, "warnings alone pass without --strict\n{run}");
    assert!(
        run.stdout.contains(
            "content/id/guide/only-id.md:1:1: warning: this page has no English (`en`) translation"
        ),
        "{run}"
    );
    assert!(
        run.stdout
            .contains("panduan new content/en/guide/only-id.md --translate-from id"),
        "{run}"
    );
    assert!(
        run.stdout.contains("checked: 0 errors, 2 warnings"),
        "{run}"
    );
    assert!(!site.exists("book"), "check writes no output");
    let strict = check(&site, &["--strict"]);
    assert_eq!(strict.code, 1, "{strict}");
}

#[test]
fn check_json_has_a_stable_schema() {
    let site = TestSite::copy("bilingual");
    site.write(
        "content/en/guide/zebra.md",
        "---\ntitle: Zebra\n---\n\nSee [x](gone.md).\n",
    );
    let run = check(&site, &["--format", "json"]);
    assert_eq!(run.code, 1, "{run}");
    let doc = json(&run);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], 1);
    let first = &doc["diagnostics"][0];
    for key in ["level", "path", "line", "column", "message", "help"] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    let error = doc["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["level"] == "error"))
        .expect("an error");
    assert_eq!(error["path"], "content/en/guide/zebra.md");
    assert_eq!(error["line"], 5);
    assert_eq!(error["column"], 5);
}

#[test]
fn check_reports_orphans_duplicate_titles_and_empty_pages() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/sendiri.md",
        "---\ntitle: Halaman\n---\n\nTak ada yang menaut ke sini.\n",
    );
    site.write("content/en/sendiri.md", "---\ntitle: Lonely\n---\n\n");
    let run = check(&site, &[]);
    assert!(
        run.stdout
            .contains("content/id/sendiri.md:1:1: warning: no other page links to this page"),
        "{run}"
    );
    assert!(
        run.stdout
            .contains("content/id/sendiri.md:1:1: warning: another page is also titled `Halaman`")
            || run.stdout.contains(
                "content/id/halaman.md:1:1: warning: another page is also titled `Halaman`"
            ),
        "{run}"
    );
    assert!(
        run.stdout
            .contains("content/en/sendiri.md:1:1: warning: this page has no text"),
        "{run}"
    );
    let doc = json(&check(&site, &["--format", "json"]));
    let messages: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(messages.contains(&"this page has no text"), "{messages:?}");
}

#[test]
fn check_reports_build_errors_too() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\nwarna: biru\n---\n\nTeks.\n",
    );
    let run = check(&site, &[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stdout
            .contains("content/id/halaman.md:3:1: error: unknown front-matter key `warna`"),
        "{run}"
    );
}

fn git(site: &TestSite, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(site.path())
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// translate -> edit source -> outdated (with what changed) -> mark translated -> clean.
fn outdated_cycle(site: &TestSite, with_git: bool) -> Run {
    let new = site.run([
        "new",
        "content/en/guide/only-id.md",
        "--translate-from",
        "id",
    ]);
    assert_eq!(new.code, 0, "{new}");
    let stub = site.read("content/en/guide/only-id.md");
    assert!(
        stub.contains("translation:\n  from: id\n  source: \""),
        "{stub}"
    );
    assert!(stub.contains("order: 3"), "fields are copied\n{stub}");
    assert!(
        stub.contains("Halaman ini belum diterjemahkan."),
        "the source text is kept as a guide\n{stub}"
    );
    // A second `new` never overwrites.
    let again = site.run([
        "new",
        "content/en/guide/only-id.md",
        "--translate-from",
        "id",
    ]);
    assert_eq!(again.code, 2, "{again}");
    assert_eq!(site.read("content/en/guide/only-id.md"), stub);

    let status = site.run(["status"]);
    assert!(
        status.stdout.contains("guide/only-id  original     stub"),
        "{status}"
    );
    let stub_check = check(site, &[]);
    assert!(
        stub_check
            .stdout
            .contains("content/en/guide/only-id.md:1:1: warning: this translation is still a stub"),
        "{stub_check}"
    );

    // The translator finishes: translates and removes the guide block.
    let record: String = stub
        .lines()
        .skip_while(|l| !l.starts_with("translation:"))
        .take(4)
        .collect::<Vec<_>>()
        .join("\n");
    site.write("content/en/guide/only-id.md", &format!("---\ntitle: Only in Indonesian\norder: 3\n{record}\n---\n\nThis page is a translation.\n"));
    let clean = check(site, &["--strict"]);
    assert_eq!(clean.code, 0, "{clean}");
    if with_git {
        git(site, &["add", "-A"]);
        git(site, &["commit", "-qm", "translate"]);
    }

    // The source changes.
    site.write(
        "content/id/guide/only-id.md",
        "---\ntitle: Hanya dalam bahasa Indonesia\norder: 3\n---\n\nHalaman ini belum diterjemahkan.\n\n## Langkah baru\n\nParagraf tambahan tentang kohesi.\n",
    );
    let outdated = check(site, &[]);
    assert!(
        outdated.stdout.contains("content/en/guide/only-id.md:5:3: warning: this translation is outdated: its `id` source has changed"),
        "{outdated}"
    );
    assert!(
        outdated
            .stdout
            .contains("changed or new: Paragraf tambahan tentang kohesi."),
        "{outdated}"
    );
    let status = site.run(["status", "--strict"]);
    assert_eq!(status.code, 1, "{status}");
    assert!(status.stdout.contains("OUTDATED"), "{status}");
    // Readers see it too.
    let build = site.run(["build"]);
    assert_eq!(build.code, 0, "{build}");
    let html = site.html("book/en/guide/only-id/index.html");
    assert_eq!(
        support::attrs(&html, ".translation-notice.outdated a", "href"),
        ["../../../id/panduan/only-id/index.html"]
    );

    // Mark as translated: only the record changes.
    let before = site.read("content/en/guide/only-id.md");
    let mark = site.run(["translated", "content/en/guide/only-id.md"]);
    assert_eq!(mark.code, 0, "{mark}");
    let after = site.read("content/en/guide/only-id.md");
    assert_ne!(before, after);
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("  source:") && !l.starts_with("  blocks:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        strip(&before),
        strip(&after),
        "nothing but the record changes"
    );
    let done = check(site, &["--strict"]);
    assert_eq!(done.code, 0, "{done}");
    outdated
}

#[test]
fn outdated_cycle_without_git_shows_changed_blocks() {
    let site = TestSite::copy("bilingual");
    let outdated = outdated_cycle(&site, false);
    assert!(!outdated.stdout.contains("from git history"), "{outdated}");
}

#[test]
fn outdated_cycle_in_git_shows_a_diff() {
    let site = TestSite::copy("bilingual");
    git(&site, &["init", "-q"]);
    git(&site, &["add", "-A"]);
    git(&site, &["commit", "-qm", "start"]);
    let outdated = outdated_cycle(&site, true);
    assert!(
        outdated
            .stdout
            .contains("what changed in `content/id/guide/only-id.md` since (from git history):"),
        "{outdated}"
    );
    assert!(outdated.stdout.contains("+ ## Langkah baru"), "{outdated}");
}

#[test]
fn translated_refuses_a_stub_and_bad_records_are_errors() {
    let site = TestSite::copy("bilingual");
    assert_eq!(
        site.run([
            "new",
            "content/en/guide/only-id.md",
            "--translate-from",
            "id"
        ])
        .code,
        0
    );
    let refused = site.run(["translated", "content/en/guide/only-id.md"]);
    assert_eq!(refused.code, 2, "{refused}");
    assert!(refused.stderr.contains("still holds the"), "{refused}");
    site.write(
        "content/en/guide/only-id.md",
        "---\ntitle: X\ntranslation: { from: fr, source: abc }\n---\n\nText.\n",
    );
    let run = check(&site, &[]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stdout
            .contains("error: `fr` is not a language of this book"),
        "{run}"
    );
    site.write(
        "content/en/guide/only-id.md",
        "---\ntitle: X\ntranslation: { from: id }\n---\n\nText.\n",
    );
    let run = check(&site, &[]);
    assert!(
        run.stdout
            .contains("error: `translation` is missing `source`"),
        "{run}"
    );
}

#[test]
fn new_page_without_translation() {
    let site = TestSite::copy("minimal");
    let run = site.run(["new", "content/id/kelompok-baru.md"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        site.read("content/id/kelompok-baru.md")
            .starts_with("---\ntitle: \"Kelompok baru\"\n")
    );
    let outside = site.run(["new", "notes/x.md"]);
    assert_eq!(outside.code, 2, "{outside}");
    assert!(
        outside
            .stderr
            .contains("not inside this handbook's `content/` folder"),
        "{outside}"
    );
}
