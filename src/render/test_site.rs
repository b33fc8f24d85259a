//! A small real site for the render stage's unit tests, made the way a build makes
//! one: `book.toml` and `content/` written to a temporary folder, then read by
//! [`config::read`], [`load::content`] and [`model::site`].
//!
//! Input: only the base URL, if any. Its pages (Indonesian first, English beside it):
//!
//! ```text
//! id/_index.md            Beranda            en/_index.md            Home
//! id/panduan/_index.md    Panduan    (1)     en/panduan/_index.md    Guide, slug `guide`
//! id/panduan/pasang.md    Pemasangan (1)     en/panduan/pasang.md    Installation, outdated,
//!                                                                     with a summary
//! id/panduan/lanjut.md    Lanjutan   (2)     en/panduan/lanjut.md    Advanced, kind group-type
//! id/panduan/hanya-id.md  Hanya Indonesia (3)                        (missing)
//! id/tentang.md           Tentang    (2)     en/tentang.md           About, related to
//!                                                                     pasang and hanya-id
//! ```
//!
//! Numbers are `order`. English URLs of the section's pages are `en/guide/…`.
//!
//! It must stay small enough to read at a glance: a test names the pages it looks at.

use super::Reuse;
use super::theme::{self, Theme};
use crate::model::Site;
use crate::{config, load, model};

/// The site, its theme, and the folder they were read from (removed when dropped).
pub(super) struct SmallSite {
    pub(super) site: Site,
    pub(super) theme: Theme,
    _dir: tempfile::TempDir,
}

impl SmallSite {
    /// The index of the page at output path `url`.
    pub(super) fn page(&self, url: &str) -> usize {
        self.site
            .pages
            .iter()
            .position(|p| p.url == url)
            .unwrap_or_else(|| panic!("no page at `{url}`"))
    }
}

/// Builds the small site, published at `base_url` when one is given.
pub(super) fn small_site(base_url: Option<&str>) -> SmallSite {
    let base_url = base_url.map_or(String::new(), |b| format!("base_url = \"{b}\"\n"));
    let book = format!(
        r#"[book]
{base_url}
[languages.id]
name = "Bahasa Indonesia"
title = "Buku Kecil"

[languages.en]
name = "English"
title = "Small Book"

[kinds.group-type]
label = {{ id = "Jenis kelompok", en = "Group type" }}
[kinds.group-type.fields.number]
type = "integer"
label = {{ id = "Nomor", en = "Number" }}
[kinds.group-type.fields.purpose]
type = "text"
label = {{ id = "Tujuan", en = "Purpose" }}
[kinds.group-type.fields.examples]
type = "list"
label = {{ id = "Contoh" }}
"#
    );
    let files: &[(&str, &str)] = &[
        ("book.toml", &book),
        (
            "content/id/_index.md",
            "---\ntitle: Beranda\n---\n\nSelamat datang.\n",
        ),
        (
            "content/id/panduan/_index.md",
            "---\ntitle: Panduan\norder: 1\n---\n\nBagian panduan.\n",
        ),
        (
            "content/id/panduan/pasang.md",
            "---\ntitle: Pemasangan\norder: 1\n---\n\n## Persiapan\n\nTeks.\n",
        ),
        (
            "content/id/panduan/lanjut.md",
            "---\ntitle: Lanjutan\norder: 2\nkind: group-type\nnumber: 3\npurpose: Menunjukkan isian.\nexamples: [satu, dua]\n---\n\nTeks.\n",
        ),
        (
            "content/id/panduan/hanya-id.md",
            "---\ntitle: Hanya Indonesia\norder: 3\n---\n\nBelum diterjemahkan.\n",
        ),
        (
            "content/id/tentang.md",
            "---\ntitle: Tentang\norder: 2\n---\n\nTentang buku.\n",
        ),
        (
            "content/en/_index.md",
            "---\ntitle: Home\n---\n\nWelcome.\n",
        ),
        (
            "content/en/panduan/_index.md",
            "---\ntitle: Guide\nslug: guide\norder: 1\n---\n\nThe guide.\n",
        ),
        (
            "content/en/panduan/pasang.md",
            "---\ntitle: Installation\nsummary: How to install.\norder: 1\ntranslation:\n  from: id\n  source: \"0000000000000000\"\n  blocks: \"\"\n---\n\n## Preparation\n\nText.\n",
        ),
        (
            "content/en/panduan/lanjut.md",
            "---\ntitle: Advanced\norder: 2\nkind: group-type\nnumber: 3\npurpose: Show the fields.\nexamples: [one, two]\n---\n\nText.\n",
        ),
        (
            "content/en/tentang.md",
            "---\ntitle: About\norder: 2\nrelated: [panduan/pasang, panduan/hanya-id]\n---\n\nAbout the book.\n",
        ),
    ];
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, text) in files {
        let path = dir.path().join(path);
        let parent = path.parent().expect("a file below the folder");
        std::fs::create_dir_all(parent).expect("create a content folder");
        std::fs::write(&path, text).expect("write a file of the small site");
    }
    let config = config::read(dir.path(), &Default::default()).expect("book.toml is valid");
    let loaded = load::content(&config, &Default::default()).expect("content/ is readable");
    let (site, diagnostics) = model::site(config, loaded, Default::default(), &Default::default());
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| matches!(d.level, crate::diagnostic::Level::Error))
        .collect();
    assert!(errors.is_empty(), "the small site has errors: {errors:?}");
    let theme = theme::load(&site.config, &mut Vec::new(), &Reuse::default())
        .expect("the embedded theme loads");
    SmallSite {
        site,
        theme,
        _dir: dir,
    }
}
