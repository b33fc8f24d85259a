//! `panduan init`: writes a small bilingual handbook to start from, with a `.gitignore`
//! for its output folder and editors' leftovers. Existing files are never overwritten;
//! they are listed as kept.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The starter files, relative to the new handbook's folder.
const FILES: &[(&str, &str)] = &[
    (
        "book.toml",
        r#"# Panduan configuration. Every key is described in Panduan's README.
[book]
output = "book"
# base_url = "https://example.org/handbook/"

# The first language is the default one.
[languages.id]
name = "Bahasa Indonesia"
title = "Panduan Kami"
description = "Panduan kerja lembaga kami."

[languages.en]
name = "English"
title = "Our Handbook"
description = "Our agency's practice handbook."
"#,
    ),
    (
        ".gitignore",
        "# Written by `panduan init`: what git should not keep.\n\
         # The built site (`output` in book.toml) and the folders a build works in.\n\
         /book/\n\
         /.book.panduan-*/\n\
         *.zip.panduan-tmp\n\
         # Editors' and systems' leftovers.\n\
         *~\n\
         *.swp\n\
         *.swo\n\
         .#*\n\
         \\#*#\n\
         *.tmp\n\
         .DS_Store\n\
         Thumbs.db\n\
         desktop.ini\n",
    ),
    (
        "content/id/_index.md",
        "---\ntitle: Panduan Kami\n---\n\nSelamat datang. Mulailah dari [Memulai](memulai/_index.md).\n",
    ),
    (
        "content/id/memulai/_index.md",
        "---\ntitle: Memulai\nslug: memulai\norder: 1\n---\n\nBagian ini berisi langkah pertama. Lihat [[memulai/halaman-pertama]].\n",
    ),
    (
        "content/id/memulai/halaman-pertama.md",
        "---\ntitle: Halaman pertama\nsummary: Contoh halaman dengan tautan dan catatan.\norder: 1\n---\n\n## Menulis\n\nTulis dengan Markdown. Tautan ke halaman lain: [Memulai](_index.md).\n\n> [!TIP]\n> Jalankan `panduan build` lalu buka `book/index.html`.\n",
    ),
    (
        "content/en/_index.md",
        "---\ntitle: Our Handbook\n---\n\nWelcome. Start with [Getting started](memulai/_index.md).\n",
    ),
    (
        "content/en/memulai/_index.md",
        "---\ntitle: Getting started\nslug: getting-started\norder: 1\n---\n\nThis section holds the first steps. See [[memulai/halaman-pertama]].\n",
    ),
    (
        "content/en/memulai/halaman-pertama.md",
        "---\ntitle: First page\nsummary: An example page with a link and a note.\nslug: first-page\norder: 1\n---\n\n## Writing\n\nWrite in Markdown. A link to another page: [Getting started](_index.md).\n\n> [!TIP]\n> Run `panduan build`, then open `book/index.html`.\n",
    ),
];

/// What `init` did.
#[derive(Debug, Default)]
pub struct Created {
    pub written: Vec<PathBuf>,
    pub skipped: Vec<PathBuf>,
}

/// Writes the starter handbook into `dir`, keeping any file that already exists.
pub fn run(dir: &Path) -> Result<Created> {
    let mut created = Created::default();
    for (rel, text) in FILES {
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
