//! House terms (issue #19): `[terms.<lang>]` in book.toml, each avoided form a warning
//! at its `path:line:col` naming the house term (in `check` and the build), what is
//! skipped, the counterpart hint for translations, and bad tables.
//!
//! The fixture `fixtures/terms/` has `[terms.id]` and `[terms.en]`; its
//! `content/id/sesi.md` uses avoided forms at known places, and quotes others where
//! they must not count (code, link targets, a bare URL, an unlabelled `[[id]]`, parts of
//! words, an HTML attribute, `<!-- panduan:terms off -->`).

use crate::support;

use support::{Run, TestSite};

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n{run}"))
}

/// (path, line, column, message) of every diagnostic at `level`.
fn found(run: &Run, level: &str) -> Vec<(String, u64, u64, String)> {
    json(run)["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|d| d["level"] == level)
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn avoided(
    path: &str,
    line: u64,
    col: u64,
    written: &str,
    write: &str,
) -> (String, u64, u64, String) {
    (
        path.to_string(),
        line,
        col,
        format!("\"{written}\" is not the house term; write \"{write}\""),
    )
}

#[test]
fn each_avoided_form_is_a_warning_at_its_place_naming_the_house_term() {
    let site = TestSite::copy("terms");
    let run = site.run(["check", "--format", "json"]);
    assert_eq!(run.code, 0, "warnings alone pass without --strict\n{run}");
    let page = "content/id/sesi.md";
    assert_eq!(
        found(&run, "warning"),
        [
            // The title and a text field of the front matter, across its lines.
            avoided(page, 2, 13, "konseling individual", "konseling perorangan"),
            avoided(page, 4, 3, "edukasi", "pendidikan"),
            // Across a line break and spaces, in any case; a capital stays a capital.
            avoided(page, 8, 25, "Konseling Individual", "Konseling perorangan"),
            avoided(page, 25, 13, "EDUKASI", "Pendidikan"),
            // A link's text counts; its target does not.
            avoided(page, 25, 28, "edukasi", "pendidikan"),
        ],
        "code, link targets, URLs, [[ids]], parts of words, attributes and the quoted part are skipped\n{run}"
    );
    let human = site.run(["check"]);
    assert!(
        human.stdout.contains(
            "content/id/sesi.md:8:25: warning: \"Konseling Individual\" is not the house term; write \"Konseling perorangan\""
        ),
        "{human}"
    );
    assert!(
        human.stdout.contains(
            "= help: the house terms of Bahasa Indonesia are in `[terms.id]` of book.toml (line 14)"
        ),
        "the help line names the table and its line\n{human}"
    );
}

#[test]
fn the_build_warns_too_and_still_succeeds() {
    let site = TestSite::copy("terms");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(
            "content/id/sesi.md:25:13: warning: \"EDUKASI\" is not the house term; write \"Pendidikan\""
        ),
        "{run}"
    );
    assert!(run.stdout.contains("5 warnings"), "{run}");
    assert!(site.exists("book/id/sesi/index.html"), "{run}");
}

#[test]
fn check_strict_fails_on_an_avoided_form_and_passes_once_it_is_replaced() {
    let site = TestSite::copy("terms");
    let run = site.run(["check", "--strict"]);
    assert_eq!(run.code, 1, "{run}");
    let text = site
        .read("content/id/sesi.md")
        .replace("konseling individual\n---", "konseling perorangan\n---")
        .replace("Sesi konseling individual", "Sesi konseling perorangan")
        .replace("  edukasi bagi", "  pendidikan bagi")
        .replace("Konseling\n   Individual", "Konseling\n   perorangan")
        .replace(
            "**EDUKASI** dan [edukasi]",
            "**PENDIDIKAN** dan [pendidikan]",
        );
    site.write("content/id/sesi.md", &text);
    let run = site.run(["check", "--strict"]);
    assert_eq!(run.code, 0, "only house terms failed it\n{run}");
}

#[test]
fn english_terms_match_in_any_case_and_only_in_english_pages() {
    let site = TestSite::copy("terms");
    site.write(
        "content/en/edukasi.md",
        "---\ntitle: Acting out\nslug: acting-out\n---\n\nA Role Play, a role-play,\nand SOCIALISATION; no roleplays.\n",
    );
    // An Indonesian page may quote an English form: only `[terms.id]` applies there.
    site.write(
        "content/id/edukasi.md",
        "---\ntitle: Bermain peran\nslug: bermain-peran\n---\n\nAnggota bermain peran (*role play*).\n",
    );
    let run = site.run(["check", "--format", "json"]);
    let warnings: Vec<_> = found(&run, "warning")
        .into_iter()
        .filter(|w| w.0 != "content/id/sesi.md")
        .collect();
    assert_eq!(
        warnings,
        [
            avoided("content/en/edukasi.md", 6, 3, "Role Play", "Role-play"),
            avoided(
                "content/en/edukasi.md",
                7,
                5,
                "SOCIALISATION",
                "Socialization"
            ),
        ],
        "{run}"
    );
}

#[test]
fn a_translation_that_never_says_the_counterpart_gets_a_hint_not_a_warning() {
    let site = TestSite::copy("terms");
    let run = site.run(["check", "--format", "json"]);
    let hint = (
        "content/en/edukasi.md".to_string(),
        1,
        1,
        "this page never says \"role-play\", though its Bahasa Indonesia source `content/id/edukasi.md` uses the house term \"bermain peran\"".to_string(),
    );
    let hints: Vec<_> = found(&run, "hint")
        .into_iter()
        .filter(|h| h.3.starts_with("this page never says"))
        .collect();
    assert_eq!(hints, [hint], "{run}");
    // Never a warning: with the source's avoided forms fixed, `--strict` passes.
    site.write("content/id/sesi.md", "---\ntitle: Sesi\n---\n\nTeks.\n");
    let strict = site.run(["check", "--strict"]);
    assert_eq!(strict.code, 0, "{strict}");
    assert!(
        strict.stdout.contains("never says \"role-play\""),
        "{strict}"
    );

    // Saying the counterpart, in any case, ends the hint.
    site.write(
        "content/en/edukasi.md",
        "---\ntitle: Acting out\nslug: acting-out\n---\n\nMembers use a Role-play to practise.\n",
    );
    let run = site.run(["check", "--format", "json"]);
    assert!(
        found(&run, "hint")
            .iter()
            .all(|h| !h.3.starts_with("this page never says")),
        "{run}"
    );
}

/// `check` on the fixture with `[terms]` replaced by `table`: exit 2 and the first line.
fn bad_table(table: &str) -> String {
    let site = TestSite::copy("terms");
    let book = site.read("book.toml");
    let at = book.find("[terms.id]").expect("the fixture has [terms.id]");
    site.write("book.toml", &format!("{}{table}", &book[..at]));
    let run = site.run(["check"]);
    assert_eq!(run.code, 2, "a bad [terms] table stops Panduan\n{run}");
    run.stderr.trim().to_string()
}

#[test]
fn bad_terms_tables_are_errors_at_their_place_in_book_toml() {
    // book.toml's [terms] start on line 13 of the fixture.
    let e = bad_table("[terms.fr]\n\"a\" = \"b\"\n");
    assert!(
        e.contains("book.toml:13:8: error: `[terms.fr]` is for a language that is not declared"),
        "{e}"
    );
    assert!(e.contains("declared languages: `id`, `en`"), "{e}");

    let e = bad_table("[terms.id]\n\"edukasi\" = \"pendidikan\"\n\"  \" = \"x\"\n");
    assert!(
        e.contains("book.toml:15:1: error: an empty term in `[terms.id]`"),
        "{e}"
    );

    let e = bad_table("[terms.id]\n\"Edukasi\" = \"edukasi\"\n");
    assert!(
        e.contains(
            "book.toml:14:1: error: \"Edukasi\" is both the form to avoid and the house term"
        ),
        "{e}"
    );

    let e = bad_table("[terms.id]\n\"edukasi\" = 3\n");
    assert!(e.contains("book.toml:14:13: error:"), "{e}");
    assert!(e.contains("the house term in quotes"), "{e}");

    let e = bad_table("[terms.id]\n\"x\" = { use = \"y\", fr = \"z\" }\n");
    assert!(
        e.contains("book.toml:14:20: error: `fr` is neither `use` nor a declared language"),
        "{e}"
    );
}

#[test]
fn in_an_indonesian_locale_the_warning_is_indonesian_at_the_same_place_with_the_same_code() {
    let site = TestSite::copy("terms");
    let run =
        |lang: &str, args: &[&str]| support::run_env(site.path(), args, &[("LANG", lang)]).stdout;
    let human = run("id_ID.UTF-8", &["check"]);
    assert!(
        human.contains(
            "content/id/sesi.md:8:25: peringatan: \"Konseling Individual\" bukan istilah baku; tulislah \"Konseling perorangan\""
        ),
        "{human}"
    );
    assert!(
        human.contains("istilah baku Bahasa Indonesia tercantum di `[terms.id]`"),
        "{human}"
    );
    let codes = |lang: &str| -> Vec<(String, u64, u64)> {
        let json: serde_json::Value =
            serde_json::from_str(&run(lang, &["check", "--format", "json"])).expect("JSON");
        json["diagnostics"]
            .as_array()
            .expect("a list")
            .iter()
            .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with("term")))
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or_default().to_string(),
                    d["line"].as_u64().unwrap_or_default(),
                    d["column"].as_u64().unwrap_or_default(),
                )
            })
            .collect()
    };
    let id = codes("id_ID.UTF-8");
    assert_eq!(id, codes("en_US.UTF-8"));
    assert_eq!(id.len(), 6, "five avoided forms and one hint: {id:?}");
    assert!(
        id.iter().any(|c| c.0 == "term-counterpart-missing"),
        "{id:?}"
    );
}
