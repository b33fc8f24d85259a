//! Failures: every content problem is reported as `path:line:col: error: ...` with a
//! help line, the exit code says what happened, and the previous output survives.

use crate::support;

use support::{Run, TestSite};

fn failing_build(site: &TestSite) -> Run {
    let had_output = site.exists("book/.panduan-output");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "content problems exit with 1\n{run}");
    let after = match had_output {
        true => "the previous output was kept",
        false => "nothing was written",
    };
    assert!(run.stderr.contains(after), "{run}");
    run
}

#[test]
fn broken_link_is_located_with_a_suggestion() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\nTeks dan [tautan](beranda.md).\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr.contains(
            "content/id/halaman.md:5:10: error: the link target `beranda.md` does not exist"
        ),
        "{run}"
    );
    assert!(run.stderr.contains("= help:"), "{run}");
}

#[test]
fn broken_wikilink_suggests_the_nearest_id() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/_index.md",
        "---\ntitle: Beranda\n---\n\nLihat [[halamn]].\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/_index.md:5:7: error: no page has the id `halamn`"),
        "{run}"
    );
    assert!(run.stderr.contains("did you mean `halaman`?"), "{run}");
}

#[test]
fn broken_anchor_lists_what_exists() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/_index.md",
        "---\ntitle: Beranda\n---\n\nLihat [[halaman#bagian-dua]].\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr.contains(
            "content/id/_index.md:5:7: error: the anchor `#bagian-dua` does not exist in `Halaman`"
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("the anchors of `Halaman`: `#bagian-satu`"),
        "{run}"
    );
}

#[test]
fn bad_yaml_points_at_the_line_of_the_md_file() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\nsummary: satu: dua\norder: 2\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    assert!(run.stderr.contains("content/id/halaman.md:3:"), "{run}");
    // The broken page still counts as existing: no cascade of link warnings.
    assert!(!run.stderr.contains("exists only in"), "{run}");
    assert!(run.stderr.contains("error: a colon inside text"), "{run}");
}

#[test]
fn yaml_that_is_not_a_map_is_explained() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\n- satu\n- dua\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:2:1: error: the front matter is not a map of keys"),
        "{run}"
    );
}

#[test]
fn unclosed_front_matter_is_an_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n\nTeks tanpa penutup.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:1:1: error: the front matter is never closed"),
        "{run}"
    );
}

#[test]
fn unknown_front_matter_key_lists_valid_keys() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\nsumary: salah ketik\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:3:1: error: unknown front-matter key `sumary`"),
        "{run}"
    );
    assert!(run.stderr.contains("did you mean `summary`?"), "{run}");
    assert!(
        run.stderr.contains("valid keys: `title`, `summary`"),
        "{run}"
    );
}

#[test]
fn wrong_type_in_front_matter_is_located() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\norder: pertama\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr.contains(
            "content/id/halaman.md:3:8: error: `order` must be a whole number, found text"
        ),
        "{run}"
    );
}

#[test]
fn missing_title_is_an_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\norder: 1\n---\n\nTeks tanpa judul.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:1:1: error: this page has no title"),
        "{run}"
    );
}

#[test]
fn two_pages_with_the_same_output_path_are_an_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/lain.md",
        "---\ntitle: Lain\nslug: halaman\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    // Told at the `slug:` line of the second page (#26), naming the path both would take.
    assert!(
        run.stderr
            .contains("error: `slug: halaman` is also used by"),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("so both pages would be written to `id/halaman/index.html`"),
        "{run}"
    );
}

#[test]
fn urls_differing_only_by_case_are_an_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/lain.md",
        "---\ntitle: Lain\nslug: Halaman\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr.contains("`Halaman` is not a valid slug"),
        "{run}"
    );
    assert!(run.stderr.contains("try `halaman`"), "{run}");
}

#[test]
fn duplicate_key_is_an_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/lain.md",
        "---\ntitle: Lain\nkey: halaman\n---\n\nTeks.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("error: two `id` pages have the id `halaman`"),
        "{run}"
    );
}

#[test]
fn all_problems_are_reported_together() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\nwarna: merah\n---\n\nTeks.\n",
    );
    site.write(
        "content/en/halaman.md",
        "---\ntitle: Page\n---\n\nSee [x](nowhere.md).\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:3:1: error: unknown front-matter key `warna`"),
        "{run}"
    );
    assert!(
        run.stderr.contains(
            "content/en/halaman.md:5:5: error: the link target `nowhere.md` does not exist"
        ),
        "{run}"
    );
    assert!(run.stderr.contains("failed with 2 errors"), "{run}");
}

#[test]
fn unknown_kind_and_missing_fields_are_located() {
    let site = TestSite::copy("bilingual");
    site.write(
        "content/en/guide/zebra.md",
        "---\ntitle: Zebra\nkind: group-typ\n---\n\nText.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/en/guide/zebra.md:3:7: error: unknown kind `group-typ`"),
        "{run}"
    );
    assert!(run.stderr.contains("did you mean `group-type`?"), "{run}");
    site.write(
        "content/en/guide/zebra.md",
        "---\ntitle: Zebra\nkind: group-type\nnumber: three\ncolour: red\n---\n\nText.\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr.contains(
            "content/en/guide/zebra.md:3:7: error: a page of kind `group-type` is missing `purpose`"
        ),
        "{run}"
    );
    assert!(
        run.stderr.contains(
            "content/en/guide/zebra.md:4:9: error: `number` must be a whole number, found text"
        ),
        "{run}"
    );
    assert!(
        run.stderr.contains("content/en/guide/zebra.md:5:1: error: unknown front-matter key `colour` for a page of kind `group-type`"),
        "{run}"
    );
    assert!(
        run.stderr.contains("`number`, `purpose`, `examples`"),
        "{run}"
    );
}

#[test]
fn failed_build_keeps_the_previous_output() {
    let site = TestSite::copy("minimal");
    let ok = site.run(["build"]);
    assert_eq!(ok.code, 0, "{ok}");
    let before = site.read("book/id/halaman/index.html");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman baru\n---\n\n[rusak](tidak-ada.md)\n",
    );
    failing_build(&site);
    assert_eq!(site.read("book/id/halaman/index.html"), before);
    // No temporary folders are left behind.
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("panduan-tmp") || n.contains("panduan-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn book_toml_unknown_key_is_located_and_exit_code_is_2() {
    let site = TestSite::copy("minimal");
    let text = site.read("book.toml").replace(
        "title = \"Minimal\"\n\n[languages.en]",
        "titel = \"Minimal\"\n\n[languages.en]",
    );
    site.write("book.toml", &text);
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("book.toml:3:1: error: unknown key `titel`"),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("valid keys here: `name`, `title`, `description`"),
        "{run}"
    );
}

#[test]
fn refused_output_directories() {
    let site = TestSite::copy("minimal");
    let home = site.path().join(".home-for-tests");
    std::fs::create_dir_all(&home).expect("home");
    let cases: Vec<(String, &str)> = vec![
        (".".into(), "it is the project folder"),
        ("content".into(), "it is the `content/` folder"),
        (
            "content/id/out".into(),
            "it is inside the `content/` folder",
        ),
        ("themes".into(), "it is the `themes/` folder"),
        ("..".into(), "it contains the project folder"),
        ("/".into(), "it is the root of the file system"),
        (home.display().to_string(), "it is your home folder"),
    ];
    for (out, reason) in cases {
        let run = site.run(["build", "--out", &out]);
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stderr.contains("refusing to use"), "{run}");
        assert!(run.stderr.contains(reason), "expected `{reason}`\n{run}");
    }
    // A folder that is not empty and not ours.
    site.write("mine/notes.txt", "precious");
    let run = site.run(["build", "--out", "mine"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("was not created by Panduan"), "{run}");
    assert_eq!(site.read("mine/notes.txt"), "precious");
    // Nothing was deleted along the way.
    assert!(site.exists("content/id/halaman.md") && site.exists("book.toml"));
}

#[test]
fn an_empty_folder_may_be_used_and_is_then_ours() {
    let site = TestSite::copy("minimal");
    std::fs::create_dir_all(site.path().join("site")).expect("mkdir");
    let run = site.run(["build", "--out", "site"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(site.exists("site/.panduan-output"));
    let again = site.run(["build", "--out", "site"]);
    assert_eq!(again.code, 0, "{again}");
}

#[test]
fn missing_content_folder_is_exit_code_2() {
    let site = TestSite::copy("minimal");
    std::fs::remove_dir_all(site.path().join("content")).expect("rm");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("there is no `content/` folder"),
        "{run}"
    );
}

#[test]
fn page_outside_a_language_folder_is_an_error() {
    let site = TestSite::copy("minimal");
    site.write("content/fr/page.md", "---\ntitle: Page\n---\n");
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/fr/page.md:1:1: error: this page is not inside a language folder"),
        "{run}"
    );
}

#[test]
fn missing_static_file_is_an_error() {
    let site = TestSite::copy("minimal");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\n![Gambar](gambar.png)\n",
    );
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:5:1: error: the file `gambar.png` does not exist"),
        "{run}"
    );
}

#[test]
fn image_without_alt_text_warns() {
    let site = TestSite::copy("minimal");
    site.write("content/id/gambar.png", "not really a png");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\n![](gambar.png)\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr
            .contains("content/id/halaman.md:5:1: warning: the image `gambar.png` has no alt text"),
        "{run}"
    );
    assert!(run.stdout.contains("1 warning"), "{run}");
}

#[test]
fn invalid_utf8_is_located() {
    let site = TestSite::copy("minimal");
    std::fs::write(
        site.path().join("content/id/halaman.md"),
        b"---\ntitle: Halaman\n---\n\nka\xffta\n",
    )
    .expect("write");
    let run = failing_build(&site);
    assert!(
        run.stderr
            .contains("content/id/halaman.md:5:3: error: this file is not valid UTF-8 text"),
        "{run}"
    );
}

#[cfg(unix)]
#[test]
fn a_build_killed_midway_leaves_a_complete_output() {
    let site = TestSite::copy("minimal");
    for n in 0..300 {
        site.write(
            &format!("content/id/p{n:03}.md"),
            &format!(
                "---\ntitle: Halaman {n}\n---\n\n[[halaman]] {}\n",
                "teks ".repeat(200)
            ),
        );
    }
    assert_eq!(site.run(["build"]).code, 0);
    let count = |site: &TestSite| {
        walkdir::WalkDir::new(site.path().join("book"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .count()
    };
    let complete = count(&site);
    for round in 0..12u64 {
        site.write(
            "content/id/halaman.md",
            &format!("---\ntitle: Halaman versi {round}\n---\n\n## Bagian satu\n"),
        );
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_panduan"))
            .arg("build")
            .current_dir(site.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start build");
        std::thread::sleep(std::time::Duration::from_millis(5 + round * 12));
        let _ = child.kill();
        let _ = child.wait();
        // Old or new, the output is whole: marker, home page and every file.
        assert!(site.exists("book/.panduan-output"), "round {round}");
        assert!(site.exists("book/id/index.html"), "round {round}");
        assert_eq!(count(&site), complete, "round {round}: a partial output");
    }
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let leftovers = std::fs::read_dir(site.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The lock file beside the output stays (issue #24).
        .filter(|n| n.contains(".panduan-") && !n.ends_with(".panduan-lock"))
        .count();
    assert_eq!(
        leftovers, 0,
        "temporary folders of killed builds are cleaned up"
    );
}
