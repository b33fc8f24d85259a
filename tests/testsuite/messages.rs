//! Messages in the author's language (issue #19): the real binary with
//! `LANG=id_ID.UTF-8` and `LANG=en_US.UTF-8` (and `LC_ALL`, `--lang`, `PANDUAN_LANG`,
//! `[book] messages` choosing otherwise) on fixtures with each kind of problem. The
//! words change, the labels too (`kesalahan:`, `peringatan:`, `petunjuk:`); the places
//! (`path:line:col`), the exit codes and the JSON codes and levels do not.

use std::path::Path;
use std::process::Command;

use crate::support::TestSite;

/// What one run printed and returned.
struct Said {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `panduan ARGS` in `dir` with only `vars` (and `PATH`, `HOME`) set.
fn run_with(dir: &Path, vars: &[(&str, &str)], args: &[&str]) -> Said {
    let mut command = Command::new(env!("CARGO_BIN_EXE_panduan"));
    command
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join(".home-for-tests"));
    for (k, v) in vars {
        command.env(k, v);
    }
    let out = command.output().expect("run panduan");
    Said {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const ID: &[(&str, &str)] = &[("LANG", "id_ID.UTF-8")];
const EN: &[(&str, &str)] = &[("LANG", "en_US.UTF-8")];

/// The `path:line:col: level` starts of the diagnostic lines of `text`, with the
/// level's word in English.
fn places(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("content/") || l.starts_with("book.toml"))
        .filter_map(|l| {
            let (place, rest) = l.split_once(": ")?;
            let level = match rest.split(':').next()? {
                "kesalahan" => "error",
                "peringatan" => "warning",
                "saran" => "hint",
                other => other,
            };
            Some(format!("{place}: {level}"))
        })
        .collect()
}

/// The codes of `check --format json`.
fn codes(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("check prints JSON");
    v["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                format!("{}:{}:{}", d["path"], d["line"], d["column"]),
            )
        })
        .collect()
}

/// A problem planted in the `bilingual` fixture, and what each language says about it.
struct Case {
    file: &'static str,
    text: &'static str,
    code: &'static str,
    id: &'static str,
    en: &'static str,
}

const CASES: &[Case] = &[
    Case {
        file: "content/id/guide/langkah.md",
        text: "---\ntitle: Langkah\nsummary: Langkah pertama: berkenalan\n---\nTeks.\n",
        code: "yaml-colon-in-text",
        id: "ada titik dua di dalam teks",
        en: "a colon inside text",
    },
    Case {
        file: "content/id/guide/tautan.md",
        text: "---\ntitle: Tautan\n---\nLihat [ini](tidak-ada.md).\n",
        code: "link-missing-page",
        id: "halaman tujuan tautan `tidak-ada.md` tidak ditemukan",
        en: "the link target `tidak-ada.md` does not exist",
    },
    Case {
        file: "content/id/guide/jangkar.md",
        text: "---\ntitle: Jangkar\n---\n## Awal\n\nLihat [bagian](#tujuan).\n",
        code: "anchor-missing",
        id: "jangkar `#tujuan` tidak ada di `Jangkar`",
        en: "the anchor `#tujuan` does not exist in `Jangkar`",
    },
    Case {
        file: "content/id/guide/jenis.md",
        text: "---\ntitle: Jenis\nkind: group-type\nnumber: 1\npurpose: Tujuan.\nwarna: merah\n---\nTeks.\n",
        code: "front-matter-unknown-kind-key",
        id: "kunci front matter `warna` tidak dikenal untuk halaman berjenis `group-type`",
        en: "unknown front-matter key `warna` for a page of kind `group-type`",
    },
];

#[test]
fn each_problem_is_told_in_the_locale_language_at_the_same_place_with_the_same_exit_code() {
    for case in CASES {
        let site = TestSite::copy("bilingual");
        site.write(case.file, case.text);
        let id = run_with(site.path(), ID, &["build"]);
        let en = run_with(site.path(), EN, &["build"]);
        assert!(id.stderr.contains(case.id), "{}: {}", case.code, id.stderr);
        assert!(en.stderr.contains(case.en), "{}: {}", case.code, en.stderr);
        assert!(!id.stderr.contains(case.en), "{}: {}", case.code, id.stderr);
        assert_eq!(id.code, 1, "{}", id.stderr);
        assert_eq!(id.code, en.code);
        assert!(!places(&id.stderr).is_empty(), "{}", id.stderr);
        assert_eq!(places(&id.stderr), places(&en.stderr));
        // The labels are in the language too (issue #26); JSON keeps English codes.
        assert!(id.stderr.contains(": kesalahan: "), "{}", id.stderr);
        assert!(!id.stderr.contains(": error: "), "{}", id.stderr);
        assert!(en.stderr.contains(": error: "), "{}", en.stderr);

        let id = run_with(site.path(), ID, &["check", "--format", "json"]);
        let en = run_with(site.path(), EN, &["check", "--format", "json"]);
        assert_eq!(id.code, en.code);
        let (id_codes, en_codes) = (codes(&id.stdout), codes(&en.stdout));
        assert_eq!(id_codes, en_codes);
        assert!(
            en_codes.iter().any(|(c, _)| c == case.code),
            "{}: {en_codes:?}",
            case.code
        );
        assert!(id.stdout.contains(case.id), "{}", id.stdout);
    }
}

#[test]
fn the_build_summary_and_check_summary_follow_the_language() {
    let site = TestSite::copy("bilingual");
    let id = run_with(site.path(), ID, &["build"]);
    assert_eq!(id.code, 0, "{}", id.stderr);
    assert!(id.stdout.contains("halaman (id "), "{}", id.stdout);
    assert!(
        id.stdout.contains("selesai dibuat di book/"),
        "{}",
        id.stdout
    );
    let en = run_with(site.path(), EN, &["build"]);
    assert!(en.stdout.starts_with("built "), "{}", en.stdout);
    let id = run_with(site.path(), ID, &["check"]);
    let en = run_with(site.path(), EN, &["check"]);
    assert_eq!(id.code, en.code);
    assert!(id.stdout.contains("diperiksa: "), "{}", id.stdout);
    assert!(en.stdout.contains("checked: "), "{}", en.stdout);
    let id = run_with(site.path(), ID, &["status"]);
    assert!(id.stdout.starts_with("halaman"), "{}", id.stdout);
}

#[test]
fn a_refused_output_folder_and_a_missing_book_toml_are_told_in_the_language() {
    let site = TestSite::copy("bilingual");
    let id = run_with(site.path(), ID, &["build", "--out", "content"]);
    let en = run_with(site.path(), EN, &["build", "--out", "content"]);
    assert_eq!((id.code, en.code), (2, 2));
    assert!(
        id.stderr
            .contains("tidak dapat dipakai sebagai folder keluaran"),
        "{}",
        id.stderr
    );
    assert!(en.stderr.contains("refusing to use"), "{}", en.stderr);

    let empty = tempfile::tempdir().expect("a temporary folder");
    let id = run_with(empty.path(), ID, &["build"]);
    let en = run_with(empty.path(), EN, &["build"]);
    assert_eq!((id.code, en.code), (2, 2));
    assert!(id.stderr.contains("tidak ada `book.toml`"), "{}", id.stderr);
    assert!(id.stderr.contains("= petunjuk: Jalankan"), "{}", id.stderr);
    assert!(en.stderr.contains("no `book.toml` here"), "{}", en.stderr);
}

#[test]
fn lc_all_overrides_lc_messages_which_overrides_lang() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    let said = |vars: &[(&str, &str)]| run_with(empty.path(), vars, &["build"]).stderr;
    let english = "no `book.toml` here";
    let indonesian = "tidak ada `book.toml`";
    assert!(said(&[("LANG", "id_ID.UTF-8"), ("LC_ALL", "en_US.UTF-8")]).contains(english));
    assert!(said(&[("LANG", "id_ID.UTF-8"), ("LC_ALL", "C")]).contains(english));
    assert!(said(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "id_ID")]).contains(indonesian));
    assert!(said(&[("LC_ALL", "id"), ("LC_MESSAGES", "en_US")]).contains(indonesian));
    assert!(said(&[("LANG", "POSIX")]).contains(english));
    assert!(said(&[]).contains(english));
}

#[test]
fn the_option_beats_panduan_lang_which_beats_book_toml_which_beats_the_locale() {
    let site = TestSite::copy("bilingual");
    let book = site
        .read("book.toml")
        .replace("[book]\n", "[book]\nmessages = \"id\"\n");
    site.write("book.toml", &book);
    site.write("content/id/guide/tautan.md", CASES[1].text);
    let said = |vars: &[(&str, &str)], args: &[&str]| run_with(site.path(), vars, args).stderr;
    assert!(said(EN, &["build"]).contains(CASES[1].id));
    assert!(
        said(
            &[("PANDUAN_LANG", "en"), ("LANG", "id_ID.UTF-8")],
            &["build"]
        )
        .contains(CASES[1].en)
    );
    assert!(said(ID, &["build", "--lang", "en"]).contains(CASES[1].en));
    assert!(said(&[("PANDUAN_LANG", "en")], &["--lang", "id", "build"]).contains(CASES[1].id));
    // A wrong value is an error at its place in book.toml.
    site.write(
        "book.toml",
        &book.replace("messages = \"id\"", "messages = \"fr\""),
    );
    let wrong = run_with(site.path(), EN, &["build"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong
            .stderr
            .starts_with("book.toml:2:1: error: `messages = \"fr\"`"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn help_is_in_the_language_of_the_option_or_the_environment() {
    let site = TestSite::copy("bilingual");
    let id = run_with(site.path(), ID, &["build", "--help"]);
    assert_eq!(id.code, 0);
    assert!(
        id.stdout.contains("Penggunaan: panduan build [PILIHAN]"),
        "{}",
        id.stdout
    );
    assert!(id.stdout.contains("Pilihan:"), "{}", id.stdout);
    assert!(id.stdout.contains("Folder keluaran"), "{}", id.stdout);
    let top = run_with(site.path(), EN, &["--lang", "id", "--help"]);
    assert!(top.stdout.contains("Perintah:"), "{}", top.stdout);
    assert!(
        top.stdout.contains("Menampilkan pesan ini"),
        "{}",
        top.stdout
    );
    assert!(!top.stdout.contains("Print"), "{}", top.stdout);
    assert!(!top.stdout.contains("Usage"), "{}", top.stdout);
    // `panduan help build` says the same as `panduan build --help`.
    let help_build = run_with(site.path(), ID, &["help", "build"]);
    assert_eq!(help_build.stdout, id.stdout);
    let en = run_with(site.path(), EN, &["build", "--help"]);
    assert!(en.stdout.contains("Usage: panduan build"), "{}", en.stdout);
    assert!(en.stdout.contains("Output folder"), "{}", en.stdout);
}

/// Words of the libraries underneath (serde, toml, the YAML parser, clap) and Rust type
/// names that no message may show an author (issue #26).
const JARGON: &[&str] = &[
    "invalid type",
    "expected struct",
    "expected a map",
    "expected a boolean",
    "expected literal string",
    "string values must be quoted",
    "FieldDef",
    "KindDef",
    "RawConfig",
    "Option<",
    "Vec<",
    "serde",
    "simple key",
    "trailing content",
    "mapping values",
    "did not match any variant",
    "unknown variant",
    "help: None",
];

/// Every bad-input fixture (the hostile pages, the real-content shapes, and bad
/// `book.toml` lines), checked in both languages: no message uses the jargon of the
/// libraries underneath.
#[test]
fn no_message_about_bad_input_contains_library_jargon() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut sites: Vec<TestSite> = Vec::new();
    // Each hostile page in the bilingual fixture.
    for entry in std::fs::read_dir(fixtures.join("hostile")).expect("hostile/") {
        let path = entry.expect("an entry").path();
        let site = TestSite::copy("bilingual");
        std::fs::copy(&path, site.path().join("content/id/hostile.md")).expect("copy");
        sites.push(site);
    }
    for entry in std::fs::read_dir(fixtures.join("real-content")).expect("real-content/") {
        let name = entry.expect("an entry").file_name();
        sites.push(TestSite::copy(&format!(
            "real-content/{}",
            name.to_string_lossy()
        )));
    }
    // `book.toml` slips an author makes, and pages from Word.
    let book_slips = [
        ("title = \"Buku Uji\"", "title = Buku Uji"),
        (
            "[kinds.group-type.fields.examples]",
            "[kinds.kelompok]\nlabel = \"Kelompok\"\n[kinds.kelompok.fields]\ntujuan = \"text\"\n[kinds.group-type.fields.examples]",
        ),
        ("[book]\n", "[book]\nmessages = 3\n"),
        ("[book]\n", "[pdf]\nenabled = \"ya\"\n[book]\n"),
    ];
    for (from, to) in book_slips {
        let site = TestSite::copy("bilingual");
        let text = site.read("book.toml");
        assert!(text.contains(from), "{from}");
        site.write("book.toml", &text.replacen(from, to, 1));
        sites.push(site);
    }
    for page in [
        "---\ntitle: \"Kelompok \"Sehati\" Desa\"\n---\nTeks.\n",
        "—\ntitle: “Posyandu”\nsummary:\u{a0}Ringkas\n—\nNama\tUmur\nAni\t30\n",
        "---\njudul: Posyandu\n---\n[x](tidak-ada.md)\n",
    ] {
        let site = TestSite::copy("bilingual");
        site.write("content/id/word.md", page);
        sites.push(site);
    }
    let mut seen = 0;
    for site in &sites {
        for vars in [ID, EN] {
            for args in [&["check"][..], &["build", "--no-pdf"][..]] {
                let said = run_with(site.path(), vars, args);
                let text = format!("{}{}", said.stdout, said.stderr);
                seen += usize::from(said.code != 0);
                for word in JARGON {
                    assert!(
                        !text.contains(word),
                        "`{word}` in {args:?} ({vars:?}):\n{text}"
                    );
                }
            }
        }
    }
    assert!(seen > 20, "the fixtures make diagnostics: {seen}");
    // A bad --base-url is the command line's, not a line of `book.toml`.
    let site = TestSite::copy("bilingual");
    let id = run_with(site.path(), ID, &["build", "--base-url", "bukan alamat"]);
    assert_eq!(id.code, 2, "{}", id.stderr);
    assert!(
        id.stderr
            .contains("`--base-url bukan alamat` bukan alamat http(s)"),
        "{}",
        id.stderr
    );
    assert!(!id.stderr.contains("book.toml:"), "{}", id.stderr);
}

/// Issue #26: `book.toml` in plain words, with the line written as it reads.
#[test]
fn book_toml_slips_say_what_was_expected_with_the_authors_line_fixed() {
    let site = TestSite::copy("bilingual");
    let text = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("{text}\n[kinds.kelompok]\nlabel = {{ id = \"Kelompok\", en = \"Group\" }}\n[kinds.kelompok.fields]\ntujuan = \"text\"\n"),
    );
    let id = run_with(site.path(), ID, &["check"]);
    assert!(
        id.stderr.contains("`tujuan` harus berisi bagian pengaturan tersendiri")
            && id.stderr.contains("tulis `[kinds.kelompok.fields.tujuan]` di barisnya sendiri, lalu `type = \"text\"` di bawahnya"),
        "{}",
        id.stderr
    );
    let en = run_with(site.path(), EN, &["check"]);
    assert!(
        en.stderr.contains("`tujuan` needs a table of settings"),
        "{}",
        en.stderr
    );
    site.write(
        "book.toml",
        &text.replacen("title = \"Buku Uji\"", "title = Buku Uji", 1),
    );
    let id = run_with(site.path(), ID, &["check"]);
    assert!(
        id.stderr.contains("book.toml:6:9: kesalahan: teks `title` harus diapit tanda kutip\n  = petunjuk: Tulis `title = \"Buku Uji\"`."),
        "{}",
        id.stderr
    );
}

/// Issue #26: a mistake on the command line (an unknown command or option, a missing
/// or wrong value) is told in the user's language with what to do, in place of clap's
/// English; the exit code stays 2.
#[test]
fn command_line_mistakes_are_told_in_the_language_with_what_to_do() {
    let site = TestSite::copy("bilingual");
    // (arguments, what Indonesian says, what English says)
    let cases: &[(&[&str], &[&str], &[&str])] = &[
        (
            &["serv"],
            &[
                "kesalahan: `serv` bukan perintah `panduan`",
                "= petunjuk: Mungkin maksud Anda `panduan serve`?",
            ],
            &[
                "error: `serv` is not a command of `panduan`",
                "= help: did you mean `panduan serve`?",
            ],
        ),
        (
            &["build", "--no-pfd"],
            &[
                "kesalahan: `panduan build` tidak memiliki pilihan `--no-pfd`",
                "Mungkin maksud Anda `--no-pdf`?",
            ],
            &[
                "error: `panduan build` has no option `--no-pfd`",
                "did you mean `--no-pdf`?",
            ],
        ),
        (
            &["build", "--open"],
            &["`--open` adalah pilihan untuk `panduan serve`"],
            &["`--open` is an option of `panduan serve`"],
        ),
        (
            &["new"],
            &[
                "kesalahan: `panduan new` memerlukan `<PATH>`: file halaman yang akan dibuat",
                "= petunjuk: Contoh: `panduan new content/id/",
            ],
            &[
                "error: `panduan new` needs `<PATH>`: the page file to create",
                "= help: for example: `panduan new content/id/",
            ],
        ),
        (
            &["serve", "--port", "tiga"],
            &[
                "kesalahan: `tiga` bukan nilai yang dapat dipakai untuk `--port`",
                "bilangan bulat dari 0 sampai 65535",
            ],
            &[
                "error: `tiga` is not a value `--port` takes",
                "a whole number from 0 to 65535",
            ],
        ),
        (
            &["check", "--format", "jsn"],
            &["Mungkin maksud Anda `json`?"],
            &["did you mean `json`?"],
        ),
        (
            &["build", "--root"],
            &[
                "kesalahan: `--root` perlu diikuti sebuah nilai",
                "`--root <DIR>`",
            ],
            &["error: `--root` needs a value after it", "`--root <DIR>`"],
        ),
        (
            &["new", "content/id/halaman", "baru.md"],
            &["Nama yang berisi spasi harus diapit tanda kutip"],
            &["a name with spaces goes in quotes"],
        ),
        (
            &["theme", "ejct"],
            &["Mungkin maksud Anda `panduan theme eject`?"],
            &["did you mean `panduan theme eject`?"],
        ),
    ];
    // clap's own words, which must not reach an author.
    let clap = [
        "unexpected argument",
        "unrecognized subcommand",
        "invalid value",
        "the following required arguments",
        "Usage:",
        "For more information",
        "tip:",
    ];
    for (args, id_words, en_words) in cases {
        for (vars, words) in [(ID, id_words), (EN, en_words)] {
            let said = run_with(site.path(), vars, args);
            assert_eq!(said.code, 2, "{args:?}: {}", said.stderr);
            for word in *words {
                assert!(said.stderr.contains(word), "{args:?}: {}", said.stderr);
            }
            for word in clap {
                assert!(!said.stderr.contains(word), "{args:?}: {}", said.stderr);
            }
        }
    }
    // `panduan theme` shows its help, every line of it in Indonesian.
    let theme = run_with(site.path(), ID, &["theme"]);
    assert!(theme.stderr.contains("Penggunaan:"), "{}", theme.stderr);
    assert!(!theme.stderr.contains("Print"), "{}", theme.stderr);
    // The version and the help are not mistakes.
    assert_eq!(run_with(site.path(), ID, &["--version"]).code, 0);
    assert_eq!(run_with(site.path(), ID, &["new", "--help"]).code, 0);
}

/// Issue #26: the labels of the terminal's messages (`error:`, `warning:`, `help:`) are
/// in the user's language; `check --format json` keeps its English levels.
#[test]
fn error_and_warning_labels_are_in_the_language_of_the_terminal() {
    let site = TestSite::copy("bilingual");
    site.write("content/id/guide/tautan.md", CASES[1].text);
    site.write(
        "content/id/guide/gambar.md",
        "---\ntitle: Gambar\n---\n![](../images/circle.svg)\n",
    );
    let id = run_with(site.path(), ID, &["build"]);
    assert_eq!(id.code, 1, "{}", id.stderr);
    for word in [": kesalahan: ", ": peringatan: ", "\n  = petunjuk: "] {
        assert!(id.stderr.contains(word), "{word}: {}", id.stderr);
    }
    assert!(
        id.stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("kesalahan: pembuatan buku gagal")),
        "{}",
        id.stderr
    );
    for word in [": error: ", ": warning: ", "= help: ", "\nerror: "] {
        assert!(!id.stderr.contains(word), "{word}: {}", id.stderr);
    }
    let en = run_with(site.path(), EN, &["build"]);
    for word in [
        ": error: ",
        ": warning: ",
        "\n  = help: ",
        "\nerror: the build failed",
    ] {
        assert!(en.stderr.contains(word), "{word}: {}", en.stderr);
    }
    let json = run_with(site.path(), ID, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("check prints JSON");
    let levels: Vec<&str> = v["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter_map(|d| d["level"].as_str())
        .collect();
    assert!(
        levels.contains(&"error") && levels.contains(&"warning"),
        "{levels:?}"
    );
}
