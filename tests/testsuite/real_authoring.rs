//! Real authors, real content (issue #15): whatever an agency author writes builds, or
//! gets a message they can act on. Fixtures: `tests/fixtures/real-content/<shape>/`.

use crate::support::{self, TestSite};

/// The source line under a diagnostic, as printed: `line_no | text` with a caret under
/// column `col`.
fn shown_line(line_no: u32, text: &str, col: usize) -> String {
    format!(
        "\n    |\n  {line_no} | {text}\n    | {}^\n",
        " ".repeat(col - 1)
    )
}

/// Builds `yaml-slips` with `content/id/langkah.md` holding `front` as its front matter.
fn build_with_front_matter(front: &str) -> support::Run {
    let site = TestSite::copy("real-content/yaml-slips");
    site.write(
        "content/id/langkah.md",
        &format!("---\n{front}---\n\nTeks.\n"),
    );
    site.run(["build"])
}

#[test]
fn colon_inside_text_asks_for_quotes_built_from_the_authors_line() {
    let run = build_with_front_matter("title: Langkah\nsummary: Langkah pertama: berkenalan\n");
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(&format!(
            "content/id/langkah.md:3:25: error: a colon inside text: YAML reads `word: ` as the start of a new key{}  = help: put the text in quotes: `summary: \"Langkah pertama: berkenalan\"`",
            shown_line(3, "summary: Langkah pertama: berkenalan", 25)
        )),
        "{run}"
    );
    assert!(!run.stderr.contains("mapping values"), "{run}");
}

#[test]
fn tab_used_for_indentation_is_named_at_its_line() {
    let run = build_with_front_matter("title: Langkah\n\tsummary: Perkenalan\n");
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(
            "content/id/langkah.md:3:1: error: a tab is used here; YAML allows only spaces for indentation\n"
        ),
        "{run}"
    );
    assert!(run.stderr.contains("  3 |  summary: Perkenalan\n"), "{run}");
    assert!(run.stderr.contains("= help: replace the tab"), "{run}");
    let nested = build_with_front_matter("title: Langkah\ntags:\n\t- satu\n");
    assert!(
        nested.stderr.contains(
            "content/id/langkah.md:4:1: error: a tab is used here; YAML allows only spaces for indentation"
        ),
        "{nested}"
    );
}

#[test]
fn unclosed_quote_shows_the_line_and_the_closed_text() {
    let run = build_with_front_matter("title: \"Langkah pertama\nsummary: Perkenalan\n");
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr.contains(&format!(
            "content/id/langkah.md:2:8: error: this quote is never closed{}  = help: end the text with the same quote mark it starts with, on the same line: `title: \"Langkah pertama\"`",
            shown_line(2, "title: \"Langkah pertama", 8)
        )),
        "{run}"
    );
}

#[test]
fn comma_separated_tags_without_brackets_warn_and_show_the_list() {
    let run = build_with_front_matter("title: Langkah\ntags: kelompok, terapi\n");
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(&format!(
            "content/id/langkah.md:3:7: warning: `tags` has one item, `kelompok, terapi`: without brackets, commas do not separate items{}  = help: for 2 items, write the list in brackets: `tags: [kelompok, terapi]`",
            shown_line(3, "tags: kelompok, terapi", 7)
        )),
        "{run}"
    );
    let listed = build_with_front_matter("title: Langkah\ntags: [kelompok, terapi]\n");
    assert!(listed.stderr.is_empty(), "{listed}");
}

#[test]
fn new_section_index_is_titled_after_its_folder_not_index() {
    let site = TestSite::copy("real-content/hand-translated");
    let run = site.run(["new", "content/id/kelompok-tugas/_index.md"]);
    assert_eq!(run.code, 0, "{run}");
    let text = site.read("content/id/kelompok-tugas/_index.md");
    assert!(
        text.starts_with("---\ntitle: \"Kelompok tugas\"\n"),
        "{text}"
    );
    let short = site.run(["new", "content/id/x/_index.md"]);
    assert_eq!(short.code, 0, "{short}");
    assert!(
        site.read("content/id/x/_index.md")
            .starts_with("---\ntitle: \"X\"\n")
    );
}

#[test]
fn new_translate_from_copies_summary_and_every_field_but_slug_and_record() {
    let site = TestSite::copy("real-content/hand-translated");
    let run = site.run([
        "new",
        "content/en/kelompok/tugas.md",
        "--translate-from",
        "id",
    ]);
    assert_eq!(run.code, 0, "{run}");
    let stub = site.read("content/en/kelompok/tugas.md");
    for line in [
        "title: \"Kelompok tugas\"\n",
        "summary: Kelompok untuk menyelesaikan tugas.\n",
        "order: 3\n",
        "tags: [kelompok, tugas]\n",
        "kind: group-type\n",
        "purpose: Menyelesaikan tugas bersama.\n",
        "extra:\n  warna: biru\n",
        "translation:\n  from: id\n",
    ] {
        assert!(stub.contains(line), "missing {line:?} in\n{stub}");
    }
    assert!(
        !stub.contains("slug:"),
        "the slug is the source's own\n{stub}"
    );
    assert_eq!(stub.matches("translation:").count(), 1, "{stub}");
    // The stub builds: the kind's required field came along.
    let build = site.run(["build"]);
    assert_eq!(build.code, 0, "{build}");
}

#[test]
fn hand_made_translation_is_not_tracked_in_status() {
    let site = TestSite::copy("real-content/hand-translated");
    let run = site.run(["status"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout
            .contains("kelompok/terapi  original     not tracked\n"),
        "{run}"
    );
    assert!(
        run.stdout.contains("en: 1 MISSING, 3 not tracked\n"),
        "{run}"
    );
}

#[test]
fn hand_made_translation_gets_a_hint_to_start_tracking_it() {
    let site = TestSite::copy("real-content/hand-translated");
    let run = site.run(["check"]);
    assert_eq!(run.code, 0, "a hint alone never fails\n{run}");
    assert!(
        run.stdout.contains(
            "content/en/kelompok/terapi.md:1:1: hint: this translation is not tracked: Panduan cannot tell you when its Bahasa Indonesia (`id`) source changes\n\
             \x20 = help: if it is up to date with `content/id/kelompok/terapi.md`, run `panduan translated content/en/kelompok/terapi.md` (or `panduan translated --all` for every such page)"
        ),
        "{run}"
    );
    assert!(run.stdout.contains(", 3 hints"), "{run}");
    let strict = site.run(["check", "--strict", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&strict.stdout).expect("JSON");
    assert_eq!(doc["hints"], 3, "{strict}");
    assert_eq!(doc["warnings"], 1, "only the missing translation\n{strict}");
}

#[test]
fn translated_all_records_hand_made_translations_so_outdated_is_detected() {
    let site = TestSite::copy("real-content/hand-translated");
    let before = site.read("content/en/kelompok/terapi.md");
    let run = site.run(["translated", "--all"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        run.stdout.contains(
            "content/en/kelompok/terapi.md is now recorded as up to date with content/id/kelompok/terapi.md"
        ),
        "{run}"
    );
    assert!(run.stdout.contains("recorded 3 translations"), "{run}");
    // Only the record is added.
    let after = site.read("content/en/kelompok/terapi.md");
    let record_at = after
        .find("translation:\n  from: id\n  source: \"")
        .expect("a record");
    let record_end = after[record_at..].find("---\n").expect("closing line") + record_at;
    assert_eq!(
        format!("{}{}", &after[..record_at], &after[record_end..]),
        before
    );
    let status = site.run(["status"]);
    assert!(!status.stdout.contains("not tracked"), "{status}");
    assert!(
        status.stdout.contains("en: 1 MISSING, 3 up to date\n"),
        "{status}"
    );
    let again = site.run(["translated", "--all"]);
    assert!(again.stdout.contains("recorded 0 translations"), "{again}");
    assert_eq!(site.read("content/en/kelompok/terapi.md"), after);

    // The source changes: the translation is now reported as outdated.
    let source = site.read("content/id/kelompok/terapi.md");
    site.write(
        "content/id/kelompok/terapi.md",
        &format!("{source}\nParagraf baru tentang kohesi.\n"),
    );
    let check = site.run(["check"]);
    assert!(
        check.stdout.contains(
            "content/en/kelompok/terapi.md:9:3: warning: this translation is outdated: its `id` source has changed"
        ),
        "{check}"
    );
    assert!(
        check
            .stdout
            .contains("changed or new: Paragraf baru tentang kohesi."),
        "{check}"
    );
}

#[test]
fn unfinished_translation_shows_only_its_notice_and_is_not_published_as_finished() {
    let site = TestSite::copy("real-content/hand-translated");
    let new = site.run([
        "new",
        "content/en/kelompok/tugas.md",
        "--translate-from",
        "id",
    ]);
    assert_eq!(new.code, 0, "{new}");
    let run = site.run(["build", "--base-url", "https://example.org/buku/"]);
    assert_eq!(run.code, 0, "{run}");

    let raw = site.read("book/en/kelompok/tugas/index.html");
    let html = site.html("book/en/kelompok/tugas/index.html");
    assert_eq!(
        support::attrs(&html, ".translation-notice.stub a", "href"),
        ["../../../id/jenis-kelompok/tugas/index.html"]
    );
    assert_eq!(
        support::attrs(&html, "meta[name=robots]", "content"),
        ["noindex"]
    );
    for leak in [
        "Translate here",
        "panduan:translate",
        "Kelompok tugas menyelesaikan pekerjaan",
        "Kelompok untuk menyelesaikan tugas",
    ] {
        assert!(
            !raw.contains(leak),
            "`{leak}` reached the stub's page\n{raw}"
        );
    }
    let sitemap = site.read("book/sitemap.xml");
    assert!(!sitemap.contains("en/kelompok/tugas"), "{sitemap}");
    assert!(sitemap.contains("id/jenis-kelompok/tugas/"), "{sitemap}");
    let source = site.html("book/id/jenis-kelompok/tugas/index.html");
    assert_eq!(
        support::attrs(&source, "link[rel=alternate]", "hreflang"),
        ["id", "x-default"],
        "no hreflang to the stub"
    );
    assert!(
        support::attrs(&source, "meta[name=robots]", "content").is_empty(),
        "the source stays indexable"
    );
    // A finished translation is linked again.
    let finished = site.html("book/id/jenis-kelompok/terapi/index.html");
    assert_eq!(
        support::attrs(&finished, "link[rel=alternate]", "hreflang"),
        ["id", "en", "x-default"]
    );
    for file in walkdir::WalkDir::new(site.path().join("book"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let bytes = std::fs::read(file.path()).expect("read output");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("panduan:translate") && !text.contains("Translate here"),
            "the guide block or placeholder reached {}",
            file.path().display()
        );
    }
}

// Text from Word and Excel, and other small traps (issue #26): each under
// `LANG=id_ID.UTF-8` and `LANG=en_US.UTF-8`, at the same place.

const ID: &[(&str, &str)] = &[("LANG", "id_ID.UTF-8")];
const EN: &[(&str, &str)] = &[("LANG", "en_US.UTF-8")];

/// What a run printed: `check` prints on stdout, `build` on stderr.
fn said(run: &support::Run) -> String {
    format!("{}{}", run.stdout, run.stderr)
}

/// `yaml-slips` with `content/id/langkah.md` holding `text`, checked in `vars`' language.
fn check_page(text: &str, vars: &[(&str, &str)]) -> support::Run {
    let site = TestSite::copy("real-content/yaml-slips");
    site.write("content/id/langkah.md", text);
    support::run_env(site.path(), ["check"], vars)
}

#[test]
fn a_no_break_space_after_a_key_reads_as_a_space() {
    for vars in [ID, EN] {
        let run = check_page(
            "---\ntitle: Langkah\nsummary:\u{a0}Langkah pertama\n---\n\nTeks.\n",
            vars,
        );
        assert!(!said(&run).contains("langkah.md:3"), "{run}");
        assert!(!said(&run).contains("simple key"), "{run}");
        assert_ne!(run.code, 2, "{run}");
    }
}

#[test]
fn dash_fences_from_word_are_read_and_explained() {
    let text = "—\ntitle: Langkah\n—\n\nTeks.\n";
    let id = check_page(text, ID);
    assert!(
        said(&id).contains("content/id/langkah.md:1:1: peringatan: baris `—` dibaca sebagai `---`"),
        "{id}"
    );
    assert!(
        said(&id).contains("content/id/langkah.md:3:1: peringatan:"),
        "{id}"
    );
    assert!(!said(&id).contains("belum memiliki judul"), "{id}");
    let en = check_page(text, EN);
    assert!(
        said(&en).contains(
            "content/id/langkah.md:1:1: warning: the line `—` is read as `---`: a word processor turned the three hyphens into a dash"
        ),
        "{en}"
    );
    assert!(!said(&en).contains("has no title"), "{en}");
}

#[test]
fn curly_quotes_around_a_title_warn_with_the_fix() {
    let text = "---\ntitle: “Kelompok Sehati”\n---\n\nTeks.\n";
    let id = check_page(text, ID);
    assert!(
        said(&id).contains(
            "content/id/langkah.md:2:8: peringatan: `title` diapit tanda kutip melengkung"
        ),
        "{id}"
    );
    assert!(said(&id).contains("`title: \"Kelompok Sehati\"`"), "{id}");
    let en = check_page(text, EN);
    assert!(
        said(&en)
            .contains("content/id/langkah.md:2:8: warning: the `title` is wrapped in curly quotes"),
        "{en}"
    );
}

#[test]
fn nested_quotes_get_advice_built_from_the_authors_line() {
    let text = "---\ntitle: \"Kelompok \"Sehati\" Desa\"\n---\n\nTeks.\n";
    let id = check_page(text, ID);
    assert_eq!(id.code, 1, "{id}");
    assert!(
        said(&id).contains("content/id/langkah.md:2:18: kesalahan: tanda kutip di dalam teks ini membuat teksnya berakhir terlalu cepat"),
        "{id}"
    );
    assert!(
        said(&id).contains("`title: 'Kelompok \"Sehati\" Desa'`"),
        "{id}"
    );
    let en = check_page(text, EN);
    assert!(
        said(&en).contains(
            "content/id/langkah.md:2:18: error: the quotes inside this text end it too early"
        ),
        "{en}"
    );
    assert!(!said(&en).contains("trailing content"), "{en}");
}

#[test]
fn a_table_pasted_from_excel_gets_a_ready_markdown_table() {
    let text = "---\ntitle: Langkah\n---\n\nNama\tUmur\nAni\t30\nBudi\t41\n";
    let id = check_page(text, ID);
    assert!(
        said(&id).contains("content/id/langkah.md:5:1: saran: 3 baris ini dipisahkan dengan tab"),
        "{id}"
    );
    assert!(
        said(&id).contains("| Nama | Umur |\n|---|---|\n| Ani | 30 |\n| Budi | 41 |"),
        "{id}"
    );
    let en = check_page(text, EN);
    assert!(
        said(&en).contains("content/id/langkah.md:5:1: hint: these 3 lines are separated by tabs"),
        "{en}"
    );
}

#[test]
fn indonesian_front_matter_keys_suggest_their_english_key() {
    let text = "---\njudul: Langkah\nurutan: 2\n---\n\nTeks.\n";
    let id = check_page(text, ID);
    assert!(
        said(&id).contains("Tulis nama kuncinya dalam bahasa Inggris: `title`"),
        "{id}"
    );
    assert!(
        said(&id).contains("Tulis nama kuncinya dalam bahasa Inggris: `order`"),
        "{id}"
    );
    let en = check_page(text, EN);
    assert!(
        said(&en).contains("write the key in English: `title`"),
        "{en}"
    );
}

#[test]
fn a_link_whose_case_differs_from_the_file_names_the_real_file() {
    let site = TestSite::copy("real-content/yaml-slips");
    site.write("content/id/gambar/Foto.JPG", "not really a picture");
    site.write(
        "content/id/langkah.md",
        "---\ntitle: Langkah\n---\n\n![Foto kegiatan](gambar/foto.jpg)\n",
    );
    let id = support::run_env(site.path(), ["build"], ID);
    assert_eq!(id.code, 1, "{id}");
    assert!(
        said(&id).contains("content/id/langkah.md:5:1: kesalahan: nama file `gambar/foto.jpg` sebenarnya `content/id/gambar/Foto.JPG`"),
        "{id}"
    );
    assert!(said(&id).contains("server web tidak"), "{id}");
    assert!(
        said(&id).contains("Tulis tautannya `gambar/Foto.JPG`, persis seperti nama filenya."),
        "{id}"
    );
    let en = support::run_env(site.path(), ["build"], EN);
    assert!(
        said(&en).contains("content/id/langkah.md:5:1: error: the file `gambar/foto.jpg` is called `content/id/gambar/Foto.JPG`"),
        "{en}"
    );
}

#[test]
fn a_link_to_a_page_not_written_yet_gives_the_panduan_new_command() {
    let site = TestSite::copy("real-content/yaml-slips");
    site.write(
        "content/id/langkah.md",
        "---\ntitle: Langkah\n---\n\nLihat [Posyandu](kelompok/posyandu.md).\n",
    );
    let id = support::run_env(site.path(), ["build"], ID);
    assert_eq!(id.code, 1, "{id}");
    assert!(
        said(&id)
            .contains("Untuk menulisnya, jalankan `panduan new content/id/kelompok/posyandu.md`."),
        "{id}"
    );
    let en = support::run_env(site.path(), ["check"], EN);
    assert_eq!(en.code, 1, "{en}");
    assert!(
        said(&en).contains("to write it: `panduan new content/id/kelompok/posyandu.md`"),
        "{en}"
    );
}

/// Issue #26: `panduan new` and `panduan translated` take a path relative to `--root`
/// (run from the folder above the handbook, or from anywhere), as well as one relative
/// to the current folder.
#[test]
fn new_and_translated_accept_a_path_relative_to_root() {
    let outer = tempfile::tempdir().expect("a temporary folder");
    let site = outer.path().join("site");
    support::copy_dir(&support::fixtures().join("bilingual"), &site);
    let elsewhere = tempfile::tempdir().expect("another folder");
    let root = site.to_string_lossy().into_owned();

    // From the folder above, with a relative `--root`.
    let id = support::run_env(
        outer.path(),
        ["new", "content/id/guide/posyandu.md", "--root", "site"],
        ID,
    );
    assert_eq!(id.code, 0, "{id}");
    assert!(
        id.stdout
            .contains("content/id/guide/posyandu.md sudah dibuat"),
        "{id}"
    );
    assert!(site.join("content/id/guide/posyandu.md").is_file());
    assert!(!outer.path().join("content").exists());

    // From anywhere, with the handbook's full path; a translation too.
    let en = support::run_env(
        elsewhere.path(),
        [
            "new",
            "content/en/guide/posyandu.md",
            "--translate-from",
            "id",
            "--root",
            &root,
        ],
        EN,
    );
    assert_eq!(en.code, 0, "{en}");
    assert!(
        en.stdout.contains("created content/en/guide/posyandu.md"),
        "{en}"
    );
    assert!(site.join("content/en/guide/posyandu.md").is_file());

    // A folder that does not exist yet below `content/<lang>/` is made.
    let deeper = support::run_env(
        outer.path(),
        ["new", "content/id/kegiatan/rapat.md", "--root", "site"],
        ID,
    );
    assert_eq!(deeper.code, 0, "{deeper}");
    assert!(site.join("content/id/kegiatan/rapat.md").is_file());

    // `translated`, from the folder above.
    for vars in [ID, EN] {
        let marked = support::run_env(
            outer.path(),
            [
                "translated",
                "content/en/guide/install.md",
                "--root",
                "site",
            ],
            vars,
        );
        assert_eq!(marked.code, 0, "{marked}");
    }
    let text = std::fs::read_to_string(site.join("content/en/guide/install.md")).expect("read");
    assert!(text.contains("translation:"), "{text}");

    // A path relative to the current folder still works, inside the handbook.
    let inside = support::run_env(&site.join("content/id"), ["new", "guide/ketiga.md"], ID);
    assert_eq!(inside.code, 0, "{inside}");
    assert!(site.join("content/id/guide/ketiga.md").is_file());

    // A path in neither place is refused, in the author's language.
    let outside = support::run_env(outer.path(), ["new", "halaman.md", "--root", "site"], ID);
    assert_eq!(outside.code, 2, "{outside}");
    assert!(
        outside
            .stderr
            .contains("`halaman.md` tidak berada di dalam folder `content/`"),
        "{outside}"
    );
}

/// Issue #26: two pages with the same slug in one language are told at the `slug:` line
/// of the second, naming both pages and what to change; the notices for their missing
/// translations, which meet as a consequence, are not reported (they asked to translate).
#[test]
fn the_same_slug_twice_is_told_at_the_slug_line_of_the_second_page() {
    let site = TestSite::copy("bilingual");
    site.write(
        "content/id/guide/kegiatan-posyandu.md",
        "---\ntitle: Kegiatan posyandu\nsummary: Ringkas\nslug: posyandu\n---\nTeks.\n",
    );
    site.write(
        "content/id/guide/rapat.md",
        "---\ntitle: Rapat\nsummary: Ringkas\n# catatan\n\nslug: posyandu\n---\nTeks.\n",
    );
    let id = support::run_env(site.path(), ["build"], ID);
    assert_eq!(id.code, 1, "{id}");
    assert!(
        id.stderr.contains(
            "content/id/guide/rapat.md:6:1: kesalahan: `slug: posyandu` juga dipakai oleh `content/id/guide/kegiatan-posyandu.md`, sehingga kedua halaman akan ditulis ke `id/panduan/posyandu/index.html`"
        ),
        "{id}"
    );
    assert!(
        id.stderr
            .contains("= petunjuk: Beri halaman ini alamatnya sendiri, misalnya `slug: rapat`"),
        "{id}"
    );
    assert!(id.stderr.contains("  6 | slug: posyandu"), "{id}");
    assert!(!id.stderr.contains(":1:1: kesalahan"), "{id}");
    assert!(!id.stderr.contains("terjemahkan halaman ini"), "{id}");
    let en = support::run_env(site.path(), ["check"], EN);
    assert_eq!(en.code, 1, "{en}");
    let said = said(&en);
    assert!(
        said.contains(
            "content/id/guide/rapat.md:6:1: error: `slug: posyandu` is also used by `content/id/guide/kegiatan-posyandu.md`"
        ),
        "{en}"
    );
    assert!(said.contains("e.g. `slug: rapat`"), "{en}");
    assert!(!said.contains("translate this page, or"), "{en}");
    assert_eq!(said.matches(": error: ").count(), 1, "{en}");
}

/// Issue #26 point 5: a translator without git sees exactly what changed in the source:
/// one changed table row (not the whole table and its unchanged header), one new list
/// item, and one removed paragraph (not "3 parts removed").
#[test]
fn outdated_translation_without_git_shows_the_changed_row_the_new_item_and_the_removed_paragraph_alone()
 {
    let site = TestSite::copy("bilingual");
    let source = "content/id/guide/install.md";
    let text = site.read(source);
    site.write(
        source,
        &text.replacen(
            "| a     | 1     |\n",
            "| a     | 1     |\n| b     | 2     |\n| c     | 3     |\n",
            1,
        ),
    );
    let recorded = site.run(["translated", "content/en/guide/install.md"]);
    assert_eq!(recorded.code, 0, "{recorded}");
    let text = site.read(source);
    site.write(
        source,
        &text
            .replacen("| b     | 2     |\n", "| b     | 22    |\n", 1)
            .replacen("- [ ] belum\n", "- [ ] belum\n- [ ] baru\n", 1)
            .replacen("~~lama~~\n", "", 1),
    );
    let id = support::run_env(site.path(), ["check"], ID);
    let help = id
        .stdout
        .split("terjemahan ini sudah usang")
        .nth(1)
        .and_then(|rest| rest.split("jalankan `panduan translated").next())
        .unwrap_or_else(|| panic!("no outdated warning: {id}"));
    let listed: Vec<&str> = help
        .lines()
        .filter_map(|l| l.trim().strip_prefix("berubah atau baru: "))
        .collect();
    assert_eq!(listed, ["| b | 22 |", "- [ ] baru"], "{id}");
    assert!(help.contains("1 bagian dihapus"), "{id}");
    assert!(
        !help.contains("Kolom"),
        "the unchanged header is not listed: {id}"
    );
    let en = support::run_env(site.path(), ["check"], EN);
    assert!(en.stdout.contains("      1 part removed\n"), "{en}");
}

/// Issue #26 (the social worker's trial): the notes `new --translate-from` writes into
/// the translation are in the translator's language, and the terminal's next step
/// after `init` is the preview.
#[test]
fn a_translation_stub_and_init_speak_the_authors_language() {
    let site = TestSite::copy("bilingual");
    let run = support::run_env(
        site.path(),
        [
            "new",
            "content/en/guide/only-id.md",
            "--translate-from",
            "id",
        ],
        ID,
    );
    assert_eq!(run.code, 0, "{run}");
    let stub = site.read("content/en/guide/only-id.md");
    assert!(
        stub.starts_with("---\n# Diterjemahkan dari Bahasa Indonesia (content/id/guide/only-id.md). Terjemahkan judul"),
        "{stub}"
    );
    assert!(stub.contains("\nTerjemahkan di sini.\n"), "{stub}");
    assert!(!stub.contains("Translate"), "{stub}");
    let built = support::run_env(site.path(), ["check"], ID);
    assert_eq!(built.code, 0, "the stub is still a stub: {built}");

    let empty = tempfile::tempdir().expect("a temporary folder");
    let init = support::run_env(empty.path(), ["init", "buku"], ID);
    assert_eq!(init.code, 0, "{init}");
    assert!(
        init.stdout
            .contains("lalu `panduan serve --open` untuk melihatnya di peramban"),
        "{init}"
    );
    let toml = std::fs::read_to_string(empty.path().join("buku/book.toml")).expect("book.toml");
    assert!(toml.contains("panduan penulis"), "{toml}");
}

/// Regression (found by the guide's own chapter on translating): a finished page that
/// shows the stub marker in code, or mentions it in a sentence, is published as a page,
/// not taken for an unfinished translation.
#[test]
fn a_page_that_mentions_the_stub_marker_in_code_is_not_a_stub() {
    let site = TestSite::copy("bilingual");
    site.write(
        "content/en/guide/install.md",
        "---\ntitle: Installing\n---\n\nDelete the `<!-- panduan:translate` block, as here:\n\n```\n<!-- panduan:translate\nThe source text\n-->\n```\n\nThen build.\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let html = site.read("book/en/guide/install/index.html");
    assert!(
        html.contains("Then build."),
        "the body is published: {html}"
    );
    let status = site.run(["status"]);
    let line = status
        .stdout
        .lines()
        .find(|l| l.contains("guide/install"))
        .unwrap_or_else(|| panic!("{status}"));
    assert!(!line.to_lowercase().contains("stub"), "{line}");
}
