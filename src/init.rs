//! `panduan init`: writes a small bilingual handbook to start from, in the author's
//! language first, with a `.gitignore` for its output folder and editors' leftovers.
//! Existing files are never overwritten; they are listed as kept.
//!
//! The scaffold is the same handbook in both orders: its first language (the default
//! one, whose folder names are the page ids) is the author's ([`Language`]). It has a
//! home page, a section, a first page and a short "how to write a page" page in both
//! languages; `book.toml` is commented in the first language; the pages of the second
//! language carry translation records, so that `check` reports when their source
//! changes. It builds and passes `check --strict` as written.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The language a starter handbook is written in first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English first, Indonesian second.
    #[default]
    En,
    /// Indonesian first, English second.
    Id,
}

impl Language {
    /// The scaffold's first language for messages in `lang` (see [`crate::i18n::choose`]).
    pub fn of_messages(lang: crate::i18n::Lang) -> Language {
        match lang {
            crate::i18n::Lang::Id => Language::Id,
            crate::i18n::Lang::En => Language::En,
        }
    }
}

/// One page of the scaffold in one language.
struct PageText {
    /// The front matter after `title:` (each line ending in `\n`).
    front: String,
    title: &'static str,
    /// Everything after the closing `---` line.
    body: String,
}

/// A page in both languages: its path below `content/<lang>/`, and its text in
/// Indonesian and in English.
struct Pair {
    rel: &'static str,
    id: PageText,
    en: PageText,
}

/// Folder and file names of the scaffold's pages, which are its page ids: the first
/// language's words. The other language gets its own words as `slug:`.
struct Names {
    section: &'static str,
    first: &'static str,
    how_to: &'static str,
}

const ID_NAMES: Names = Names {
    section: "memulai",
    first: "halaman-pertama",
    how_to: "cara-menulis",
};

const EN_NAMES: Names = Names {
    section: "getting-started",
    first: "first-page",
    how_to: "how-to-write",
};

const GITIGNORE: &str = "# Written by `panduan init`: what git should not keep.\n\
     # The built site (`output` in book.toml) and the folders a build works in.\n\
     /book/\n\
     /.book.panduan-*/\n\
     /.book.panduan-lock\n\
     *.zip.panduan-tmp\n\
     # The versions the browser editor replaced (panduan serve), to undo a save.\n\
     /.panduan/\n\
     # Editors' and systems' leftovers.\n\
     *~\n\
     *.swp\n\
     *.swo\n\
     .#*\n\
     \\#*#\n\
     *.tmp\n\
     .DS_Store\n\
     Thumbs.db\n\
     desktop.ini\n";

const LANGUAGE_ID: &str = r#"[languages.id]
name = "Bahasa Indonesia"
title = "Panduan Kami"
description = "Panduan kerja lembaga kami."
"#;

const LANGUAGE_EN: &str = r#"[languages.en]
name = "English"
title = "Our Handbook"
description = "Our agency's practice handbook."
"#;

fn book_toml(first: Language) -> String {
    match first {
        Language::Id => format!(
            r#"# Pengaturan buku ini untuk Panduan. Pengaturan yang sering dipakai dijelaskan dalam
# panduan penulis (mulai dari bab "Memulai buku panduan baru"); daftar lengkapnya ada di README
# Panduan, bagian "book.toml reference" (berbahasa Inggris). Baris yang diawali tanda #
# adalah catatan.
[book]
# Folder tempat `panduan build` menulis buku yang siap dibagikan.
output = "book"
# Alamat buku setelah diterbitkan di internet. Hapus tanda # di depannya bila sudah ada.
# base_url = "https://example.org/panduan/"

# Bahasa buku. Bahasa yang ditulis pertama adalah bahasa utama.
{LANGUAGE_ID}
{LANGUAGE_EN}
# Istilah baku. Di sebelah kiri bentuk yang dihindari, di sebelah kanan istilah yang dipakai;
# `panduan check` menunjukkan setiap bentuk yang dihindari beserta letaknya.
# Hapus tanda # di depan baris-baris berikut untuk memakainya.
# [terms.id]
# "konseling individual" = "konseling perorangan"
# "permainan peran" = {{ use = "bermain peran", en = "role-play" }}

# File unduhan yang dibuat `panduan build` di folder `downloads/`. Hapus tanda # di
# depan sebuah bagian beserta baris-barisnya untuk memakainya.
# PDF setiap bahasa, untuk dicetak (tidak dibuat kecuali diaktifkan; membuat build lebih lama).
# [pdf]
# enabled = true
# Satu halaman A4 untuk setiap halaman dari satu jenis, untuk dibagikan di pelatihan.
# Jenisnya harus dideklarasikan di bawah [kinds].
# [handouts]
# kind = "jenis-kelompok"
# EPUB dan zip luring selalu dibuat, kecuali dimatikan; tanggal setiap unduhan dapat ditetapkan.
# [downloads]
# offline_zip = true
# date = "2026-12-01"
"#
        ),
        Language::En => format!(
            r#"# This handbook's settings for Panduan. Every key is described in Panduan's README,
# section "book.toml reference". Lines that start with # are notes.
[book]
# The folder `panduan build` writes the finished handbook into.
output = "book"
# The handbook's address once it is published online. Remove the # once you have one.
# base_url = "https://example.org/handbook/"

# The handbook's languages. The first one is the main language.
{LANGUAGE_EN}
{LANGUAGE_ID}
# House terms. On the left the form to avoid, on the right the term to use;
# `panduan check` shows every use of a form to avoid, with its place.
# Remove the # in front of the lines below to use them.
# [terms.en]
# "role play" = "role-play"
# "individual counseling" = {{ use = "individual counselling", id = "konseling perorangan" }}

# Downloads that `panduan build` makes in `downloads/`. Remove the # in front of a
# section and its lines to use it.
# The PDF of each language, for printing (off unless switched on; it makes builds longer).
# [pdf]
# enabled = true
# One A4 page for each page of a kind, to hand out at trainings. The kind must be
# declared under [kinds].
# [handouts]
# kind = "group-type"
# The EPUB and the offline zip are made by default; every download's date can be set.
# [downloads]
# offline_zip = true
# date = "2026-12-01"
"#
        ),
    }
}

/// The scaffold's pages, ids and links named after the first language.
fn pages(first: Language) -> Vec<Pair> {
    let (n, other) = match first {
        Language::Id => (&ID_NAMES, &EN_NAMES),
        Language::En => (&EN_NAMES, &ID_NAMES),
    };
    // The slug of a name in the language that does not name the files.
    let slug = |lang: Language, name: &str| -> String {
        if lang == first {
            String::new()
        } else {
            format!("slug: {name}\n")
        }
    };
    let (id_names, en_names) = match first {
        Language::Id => (n, other),
        Language::En => (other, n),
    };
    let (section, first_page, how_to) = (n.section, n.first, n.how_to);
    let (from, to) = match first {
        Language::Id => ("id", "en"),
        Language::En => ("en", "id"),
    };
    vec![
        Pair {
            rel: "_index.md",
            id: PageText {
                title: "Panduan Kami",
                front: String::new(),
                body: format!(
                    "\nSelamat datang di panduan kerja lembaga kami. Mulailah dari bagian\n[Memulai]({section}/_index.md).\n"
                ),
            },
            en: PageText {
                title: "Our Handbook",
                front: String::new(),
                body: format!(
                    "\nWelcome to our agency's practice handbook. Start with the section\n[Getting started]({section}/_index.md).\n"
                ),
            },
        },
        Pair {
            rel: "_index",
            id: PageText {
                title: "Memulai",
                front: format!("{}order: 1\n", slug(Language::Id, id_names.section)),
                body: format!(
                    "\nBagian ini berisi langkah pertama. Baca [[{section}/{first_page}]], lalu\n[[{section}/{how_to}]].\n"
                ),
            },
            en: PageText {
                title: "Getting started",
                front: format!("{}order: 1\n", slug(Language::En, en_names.section)),
                body: format!(
                    "\nThis section holds the first steps. Read [[{section}/{first_page}]], then\n[[{section}/{how_to}]].\n"
                ),
            },
        },
        Pair {
            rel: "first",
            id: PageText {
                title: "Halaman pertama",
                front: format!(
                    "summary: Contoh halaman dengan tautan dan catatan.\n{}order: 1\n",
                    slug(Language::Id, id_names.first)
                ),
                body: format!(
                    "\n## Menulis\n\nHalaman ini ditulis dengan Markdown. Tautan ke halaman lain ditulis seperti ini:\n[Memulai](_index.md). Petunjuk lengkapnya ada di\n[Cara menulis halaman]({how_to}.md).\n\n> [!TIP]\n> Jalankan `panduan serve`, lalu buka alamat yang ditampilkannya. Setiap kali\n> sebuah file disimpan, halaman di peramban diperbarui dengan sendirinya.\n"
                ),
            },
            en: PageText {
                title: "First page",
                front: format!(
                    "summary: An example page with a link and a note.\n{}order: 1\n",
                    slug(Language::En, en_names.first)
                ),
                body: format!(
                    "\n## Writing\n\nThis page is written in Markdown. A link to another page looks like this:\n[Getting started](_index.md). The full guide is in\n[How to write a page]({how_to}.md).\n\n> [!TIP]\n> Run `panduan serve`, then open the address it shows. Each time you save a\n> file, the page in the browser updates by itself.\n"
                ),
            },
        },
        Pair {
            rel: "how_to",
            id: PageText {
                title: "Cara menulis halaman",
                front: format!(
                    "summary: Tempat menyimpan file, bagian atas halaman, isi, tautan, gambar, dan pemeriksaan.\n{}order: 2\n",
                    slug(Language::Id, "cara-menulis")
                ),
                body: how_to_id(section, first_page, from, to),
            },
            en: PageText {
                title: "How to write a page",
                front: format!(
                    "summary: Where files go, the top of a page, the text, links, pictures and checks.\n{}order: 2\n",
                    slug(Language::En, "how-to-write-a-page")
                ),
                body: how_to_en(section, first_page, from, to),
            },
        },
    ]
}

fn how_to_id(section: &str, first_page: &str, from: &str, to: &str) -> String {
    format!(
        r#"
Setiap halaman adalah satu file teks berakhiran `.md` di folder `content/`. Halaman
berbahasa Indonesia disimpan di `content/id/`, halaman berbahasa Inggris di
`content/en/`. Dua file dengan nama dan letak yang sama di kedua folder adalah satu
halaman dalam dua bahasa.

## Bagian atas halaman

Setiap file dibuka dengan beberapa baris keterangan di antara dua garis `---`:

```yaml
---
title: Kelompok swabantu
summary: Satu kalimat tentang isi halaman ini.
order: 3
---
```

`title` adalah judul halaman dan wajib diisi. `summary` adalah ringkasan singkat,
sedangkan `order` menentukan urutan halaman di menu samping.

## Menulis isi

Di bawah garis `---` yang kedua, tulis isi halaman dengan Markdown:

```markdown
## Judul bagian

Paragraf dipisahkan oleh satu baris kosong. Kata yang perlu ditekankan
ditulis **tebal** atau *miring*.

- butir pertama
- butir kedua

> [!NOTE]
> Catatan ditampilkan dalam kotak tersendiri.
```

## Tautan dan gambar

Tautan ke halaman lain ditulis dengan nama filenya, misalnya
`[Halaman pertama]({first_page}.md)`, atau dengan nama halamannya,
`[[{section}/{first_page}]]`. Simpan gambar di dalam folder `content/`, lalu
tampilkan dengan `![keterangan gambar](../gambar/contoh.png)`. Keterangan itu
membantu pembaca yang tidak dapat melihat gambar.

## Memeriksa dan menerbitkan

- `panduan serve` menampilkan buku di peramban selama Anda menulis. Bila ada
  kesalahan, letaknya (file, baris, dan kolom) ditunjukkan di layar.
- `panduan check` memeriksa seluruh buku: tautan yang rusak, halaman yang belum
  diterjemahkan, dan istilah yang perlu diganti menurut daftar istilah baku di
  `book.toml`.
- `panduan build` menyimpan buku yang siap dibagikan di folder `book/`.

## Menerjemahkan

Untuk mulai menerjemahkan halaman `content/{from}/{section}/halaman-baru.md`, jalankan
`panduan new content/{to}/{section}/halaman-baru.md --translate-from {from}`. Setelah
terjemahannya diperiksa, jalankan `panduan translated` dengan nama file terjemahan
itu. Sejak itu `panduan check` memberi tahu Anda bila halaman aslinya berubah.
"#
    )
}

fn how_to_en(section: &str, first_page: &str, from: &str, to: &str) -> String {
    format!(
        r#"
Each page is one text file ending in `.md` in the `content/` folder. Indonesian pages
go in `content/id/`, English pages in `content/en/`. Two files with the same name in
the same place in both folders are one page in two languages.

## The top of a page

Each file opens with a few lines of details between two `---` lines:

```yaml
---
title: Self-help groups
summary: One sentence about what this page holds.
order: 3
---
```

`title` is the page's title and is required. `summary` is a short summary, and
`order` sets the page's place in the side menu.

## Writing the text

Below the second `---` line, write the page in Markdown:

```markdown
## A section heading

Paragraphs are separated by one empty line. Words that need weight
are written in **bold** or *italics*.

- the first item
- the second item

> [!NOTE]
> A note is shown in a box of its own.
```

## Links and pictures

A link to another page names its file, for example
`[First page]({first_page}.md)`, or the page itself, `[[{section}/{first_page}]]`.
Keep pictures inside the `content/` folder and show them with
`![what the picture shows](../pictures/example.png)`. That description is read out
to readers who cannot see the picture.

## Checking and publishing

- `panduan serve` shows the handbook in the browser while you write. If something is
  wrong, its place (file, line and column) is shown on screen.
- `panduan check` checks the whole handbook: broken links, pages not yet translated,
  and terms to replace according to the house terms in `book.toml`.
- `panduan build` writes the finished handbook into the `book/` folder, ready to share.

## Translating

To start translating the page `content/{from}/{section}/new-page.md`, run
`panduan new content/{to}/{section}/new-page.md --translate-from {from}`. Once the
translation has been reviewed, run `panduan translated` with the translation's file name.
From then on `panduan check` tells you when the original page changes.
"#
    )
}

/// Every file of the scaffold, relative to the new handbook's folder.
fn files(first: Language) -> Vec<(String, String)> {
    let names = match first {
        Language::Id => &ID_NAMES,
        Language::En => &EN_NAMES,
    };
    let (from, to) = match first {
        Language::Id => ("id", "en"),
        Language::En => ("en", "id"),
    };
    let mut firsts = Vec::new();
    let mut seconds = Vec::new();
    for pair in pages(first) {
        let rel = match pair.rel {
            "_index" => format!("{}/_index.md", names.section),
            "first" => format!("{}/{}.md", names.section, names.first),
            "how_to" => format!("{}/{}.md", names.section, names.how_to),
            other => other.to_string(),
        };
        let (source, translation) = match first {
            Language::Id => (pair.id, pair.en),
            Language::En => (pair.en, pair.id),
        };
        let record = crate::translation::record_yaml(
            from,
            &crate::translation::fingerprint(source.title, &source.body),
        );
        firsts.push((format!("content/{from}/{rel}"), page_file(&source, "")));
        seconds.push((
            format!("content/{to}/{rel}"),
            page_file(&translation, &record),
        ));
    }
    let mut out = vec![
        ("book.toml".to_string(), book_toml(first)),
        (".gitignore".to_string(), GITIGNORE.to_string()),
    ];
    out.extend(firsts);
    out.extend(seconds);
    out
}

fn page_file(page: &PageText, record: &str) -> String {
    format!(
        "---\ntitle: {}\n{}{record}---\n{}",
        page.title, page.front, page.body
    )
}

/// What `init` did.
#[derive(Debug, Default)]
pub struct Created {
    pub written: Vec<PathBuf>,
    pub skipped: Vec<PathBuf>,
}

/// Writes the starter handbook into `dir`, `first` language first, keeping any file
/// that already exists.
pub fn run(dir: &Path, first: Language) -> Result<Created> {
    let mut created = Created::default();
    for (rel, text) in files(first) {
        let path = dir.join(rel);
        if path.exists() {
            created.skipped.push(path);
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|source| Error::Write {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // `create_new` so that a file appearing meanwhile is never overwritten.
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(text.as_bytes())
                    .map_err(|source| Error::Write {
                        path: path.clone(),
                        source,
                    })?;
                created.written.push(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => created.skipped.push(path),
            Err(source) => return Err(Error::Write { path, source }),
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_orders_have_the_same_files_but_the_ids_of_the_first_language() {
        let id: Vec<String> = files(Language::Id).into_iter().map(|f| f.0).collect();
        let en: Vec<String> = files(Language::En).into_iter().map(|f| f.0).collect();
        assert_eq!(id.len(), en.len());
        assert!(id.contains(&"content/en/memulai/cara-menulis.md".to_string()));
        assert!(en.contains(&"content/id/getting-started/how-to-write.md".to_string()));
        let toml = book_toml(Language::Id);
        assert!(
            toml.find("[languages.id]") < toml.find("[languages.en]"),
            "{toml}"
        );
        let toml = book_toml(Language::En);
        assert!(
            toml.find("[languages.en]") < toml.find("[languages.id]"),
            "{toml}"
        );
    }

    /// Issue #31: an author finds the PDF, the handouts and the downloads in the
    /// `book.toml` that `init` writes, commented, in her language; uncommented, each
    /// section is a valid setting.
    #[test]
    fn book_toml_mentions_the_pdf_handouts_and_downloads_commented_in_the_authors_language() {
        for (lang, words) in [
            (Language::Id, "PDF setiap bahasa, untuk dicetak"),
            (Language::En, "The PDF of each language, for printing"),
        ] {
            let toml = book_toml(lang);
            assert!(toml.contains(words), "{toml}");
            for section in [
                "# [pdf]\n# enabled = true",
                "# [handouts]\n# kind = ",
                "# [downloads]\n# offline_zip = true",
            ] {
                assert!(toml.contains(section), "{section} in {toml}");
            }
            assert!(!toml.contains("\n[pdf]"), "commented: {toml}");
            let uncommented = toml
                .replace("# [pdf]\n# enabled", "[pdf]\nenabled")
                .replace(
                    "# [downloads]\n# offline_zip = true\n# date",
                    "[downloads]\noffline_zip = true\ndate",
                );
            let parsed: toml::Table = toml::from_str(&uncommented).expect("valid TOML");
            assert_eq!(parsed["pdf"]["enabled"].as_bool(), Some(true));
            assert_eq!(parsed["downloads"]["date"].as_str(), Some("2026-12-01"));
        }
    }
}
