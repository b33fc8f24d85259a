//! Helpers shared by the unit tests of the Markdown modules, and snapshot tests of the
//! HTML the writer makes from representative bodies (`snapshots/`, one per feature;
//! each snapshot's description is the Markdown it was made from).

use super::*;

/// Indonesian labels, as the default theme has them.
pub(super) fn labels() -> Labels {
    Labels {
        note: "Catatan".into(),
        tip: "Tip".into(),
        important: "Penting".into(),
        warning: "Peringatan".into(),
        caution: "Hati-hati".into(),
        anchor: "Tautan ke bagian ini".into(),
        back_to_text: "Kembali ke teks".into(),
        task_done: "selesai".into(),
        task_open: "belum".into(),
        table: "Tabel".into(),
        id_prefix: String::new(),
    }
}

/// The HTML of `body` with every link kept as written.
pub(super) fn html(body: &str) -> String {
    let a = analyse(body);
    let links = vec![LinkOutput::Keep; a.links.len()];
    to_html(body, &a.headings, &links, &labels(), LeadingH1::Drop)
}

/// Snapshots `html`, described by the Markdown `body` it was made from.
fn assert_html_snapshot(name: &str, body: &str, html: &str) {
    insta::with_settings!({ description => body, omit_expression => true }, {
        insta::assert_snapshot!(name, html);
    });
}

/// Snapshots the HTML of `body`, with every link kept as written.
fn snapshot(name: &str, body: &str) {
    assert_html_snapshot(name, body, &html(body));
}

/// How the model might resolve a link: a page in the same language, a page in the
/// other language (with a badge), an image beside the page, or left as written.
fn resolve(link: &RawLink) -> LinkOutput {
    let (page, anchor) = match link.dest.split_once('#') {
        Some((page, anchor)) => (page, format!("#{anchor}")),
        None => (link.dest.as_str(), String::new()),
    };
    let href = |lang: &str, page: &str| format!("../{lang}{page}/index.html{anchor}");
    match (link.kind, page.trim_end_matches(".md")) {
        (LinkKind::Image, "img/diagram.png") => LinkOutput::Href {
            href: format!("../{}", link.dest),
            title: None,
            badge: None,
        },
        (LinkKind::Image, _) => LinkOutput::Keep,
        (_, "kelompok") => LinkOutput::Href {
            href: href("", "kelompok"),
            title: Some("Kelompok <swabantu> & lainnya".into()),
            badge: None,
        },
        (_, "hanya-en") => LinkOutput::Href {
            href: href("../en/", "hanya-en"),
            title: Some("Only in English".into()),
            badge: Some(("en".into(), "English".into())),
        },
        _ => LinkOutput::Keep,
    }
}

/// Snapshots the HTML of `body` with its links resolved by [`resolve`].
fn snapshot_resolved(name: &str, body: &str, labels: &Labels, leading_h1: LeadingH1) {
    let a = analyse(body);
    let links: Vec<LinkOutput> = a.links.iter().map(resolve).collect();
    let html = to_html(body, &a.headings, &links, labels, leading_h1);
    assert_html_snapshot(name, body, &html);
}

#[test]
fn snapshot_headings_with_ids_custom_ids_and_duplicates() {
    snapshot(
        "headings",
        "## Tujuan\n\n## Tujuan\n\n## Tujuan {#tujuan-khusus}\n\n### Ça va? {.penting}\n\n\
         #### Peran *anggota* & `kode`\n\n##### !!!\n\n###### Member's role\n",
    );
}

#[test]
fn snapshot_leading_h1_dropped_or_kept() {
    let body = "\n# Kelompok terapi\n\nTeks.\n\n# Judul kedua\n";
    snapshot_resolved("leading_h1_dropped", body, &labels(), LeadingH1::Drop);
    snapshot_resolved("leading_h1_kept", body, &labels(), LeadingH1::Keep);
    snapshot("h1_after_text_stays", "Teks.\n\n# Judul\n");
}

#[test]
fn snapshot_footnotes_numbered_by_first_mention() {
    snapshot(
        "footnotes",
        "## Catatan\n\nTeks[^catatan] dan[^dua] lalu lagi[^catatan].\n\n\
         [^dua]: Yang *kedua*.\n[^catatan]: Isi catatan.\n",
    );
}

#[test]
fn snapshot_tables_are_wrapped() {
    snapshot(
        "tables",
        "| Kiri | Tengah | Kanan | Biasa |\n|:---|:---:|---:|---|\n\
         | a | **b** | `c` | [t](#x) |\n| 1 | 2 | 3 | a \\| b |\n",
    );
}

#[test]
fn snapshot_task_lists_have_labelled_checkboxes() {
    snapshot(
        "task_lists",
        "- [x] selesai\n- [ ] belum\n  - [x] bersarang\n- biasa\n",
    );
}

#[test]
fn snapshot_definition_lists() {
    snapshot(
        "definition_lists",
        "Kelompok\n: Sekumpulan orang.\n: Definisi *kedua*.\n\nTerapi\n\n: Penyembuhan, \
         dalam paragraf.\n",
    );
}

#[test]
fn snapshot_alerts_of_every_kind_with_labels() {
    snapshot(
        "alerts",
        "> [!NOTE]\n> Catatan.\n\n> [!TIP]\n> Saran.\n\n> [!IMPORTANT]\n> Penting.\n\n\
         > [!WARNING]\n> Awas.\n\n> [!CAUTION]\n> Hati-hati, *sungguh*.\n\n> Kutipan biasa.\n",
    );
}

#[test]
fn snapshot_alert_labels_are_escaped() {
    let labels = Labels {
        note: "Catatan <&> \"kutip\"".into(),
        ..labels()
    };
    snapshot_resolved(
        "alert_label_escaped",
        "> [!NOTE]\n> Isi.\n",
        &labels,
        LeadingH1::Drop,
    );
}

#[test]
fn snapshot_wikilinks_and_markdown_links() {
    snapshot_resolved(
        "links",
        "[[kelompok]] dan [[kelompok|label sendiri]] dan [[kelompok#tujuan]] dan \
         [[hanya-en]] dan [[hanya-en|label]] dan [[tidak-ada]].\n\n\
         [Markdown](kelompok.md#peran \"judul\"), [luar](https://contoh.org/a?b=c&d), \
         <mailto:a@b.c>, [rujukan][r].\n\n[r]: kelompok.md\n",
        &labels(),
        LeadingH1::Drop,
    );
}

#[test]
fn snapshot_images_with_and_without_alt() {
    snapshot_resolved(
        "images",
        "![Diagram *alur* <1>](img/diagram.png \"Judul\") ![](img/tanpa-alt.png)\n\n\
         [![Gambar di tautan](img/diagram.png)](kelompok.md)\n",
        &labels(),
        LeadingH1::Drop,
    );
}

#[test]
fn snapshot_raw_html_is_kept_as_written() {
    snapshot(
        "raw_html",
        "<div class=\"kotak\">\n\n*isi*\n\n</div>\n\nTeks <kbd>Ctrl</kbd> dan \
         <span title=\"x\">y</span> & 100% <!-- komentar -->.\n",
    );
}

#[test]
fn snapshot_code_blocks_are_escaped() {
    snapshot(
        "code_blocks",
        "```rust\nfn main() { println!(\"<&>\"); }\n```\n\n~~~\ntanpa bahasa\n~~~\n\n    \
         menjorok <b>\n\nSebaris `a < b && c`.\n",
    );
}

#[test]
fn snapshot_template_syntax_is_shown_as_written() {
    snapshot(
        "template_syntax",
        "Nilai {{ name }} dan {% if x %}ya{% endif %} serta {# komentar #}.\n\n\
         ```\n{{ page.title | upper }}\n```\n\n`{{ kode }}` dan [{{ tautan }}](#x)\n",
    );
}

#[test]
fn snapshot_print_chapter_prefixes_every_id() {
    let labels = Labels {
        id_prefix: "bab-kelompok--".into(),
        ..labels()
    };
    snapshot_resolved(
        "print_chapter",
        "# Kelompok\n\n## Tujuan\n\nTeks[^1] dan [[kelompok#tujuan]].\n\n[^1]: Catatan.\n",
        &labels,
        LeadingH1::Drop,
    );
}

/// Issue #29, point 4: section text reads as the page shows it. Inline markup adds no
/// space before the punctuation after it, and an unlabelled `[[id]]` is marked where it
/// wrote its target, for search to put the target's title there.
#[test]
fn section_text_has_no_space_after_inline_markup_and_marks_unlabelled_wikilinks() {
    let a = analyse(
        "Kelompok **swabantu**, yang [kuat](x.md); lihat [[practice/ethics]].\n\n## Dua\n\n*a*.",
    );
    let first = &a.sections[0];
    assert_eq!(
        first.text,
        "Kelompok swabantu, yang kuat; lihat practice/ethics."
    );
    assert_eq!(first.wiki.len(), 1);
    let slot = &first.wiki[0];
    assert_eq!(&first.text[slot.range.clone()], "practice/ethics");
    let link = a.links.iter().find(|l| l.range.start == slot.link);
    assert_eq!(link.map(|l| l.dest.as_str()), Some("practice/ethics"));
    assert_eq!(a.sections[1].text, "a.");
}

/// A front-matter text is inline: marks that would start a block show as written
/// (review of the inline fields: `-` rendered empty, `1) Pembukaan` lost its number).
#[test]
fn inline_html_keeps_block_marks_as_text() {
    for (text, html) in [
        ("-", "-"),
        ("1) Pembukaan", "1) Pembukaan"),
        ("2. Inti", "2. Inti"),
        ("- 30 menit", "- 30 menit"),
        ("---", "---"),
        ("> kutipan", "&gt; kutipan"),
        ("# bukan judul", "# bukan judul"),
        ("+ 62 812", "+ 62 812"),
        ("*short* one", "<em>short</em> one"),
        (
            "**Sulit membaca:** dibacakan",
            "<strong>Sulit membaca:</strong> dibacakan",
        ),
        (
            "`kode` dan <b>x</b>",
            "<code>kode</code> dan &lt;b&gt;x&lt;/b&gt;",
        ),
        ("2026 adalah tahun", "2026 adalah tahun"),
    ] {
        assert_eq!(inline_html(text), html, "{text:?}");
    }
}
