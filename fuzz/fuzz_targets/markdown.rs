//! A page body goes through the whole pipeline after reading: loading (front matter
//! split, as from a file), analysis, link resolution against a small site, and
//! rendering through the default theme. Nothing may panic.
//!
//! The small site is written once to a scratch folder; each input is read in place of
//! one of its pages, as the browser editor's preview does (`load::Overlay`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use panduan::load::Overlay;

const BOOK: &str = "[languages.id]\nname = \"Indonesia\"\ntitle = \"Uji\"\n[languages.en]\nname = \"English\"\ntitle = \"Test\"\n";

const PAGES: &[(&str, &str)] = &[
    ("content/id/_index.md", "---\ntitle: Beranda\n---\n\n## Satu\n\n[[a/b]] [x](a/b.md#dua)\n"),
    ("content/id/a/_index.md", "---\ntitle: A\n---\n\n## Dua\n"),
    ("content/id/a/b.md", "---\ntitle: B\n---\n"),
    ("content/en/a/b.md", "---\ntitle: B\n---\n\n## Two\n\n[[a/b#two]]\n"),
];

/// The scratch project, written on first use.
fn project() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("panduan-fuzz-markdown-{}", std::process::id()));
        std::fs::create_dir_all(&root).expect("scratch folder");
        std::fs::write(root.join("book.toml"), BOOK).expect("book.toml");
        for (path, text) in PAGES {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(path, text).expect("page");
        }
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let root = project();
    let Ok(config) = panduan::config::read(root, &Default::default()) else { return };
    let text = format!("---\ntitle: Halaman\n---\n{body}");
    let overlay = Overlay {
        file: root.join("content/id/a/b.md"),
        bytes: Arc::from(text.as_bytes()),
    };
    let reuse = panduan::Reuse::default();
    let Ok(loaded) = panduan::load::content_overlaid(&config, &reuse.load, Some(&overlay)) else {
        return;
    };
    let (site, mut diagnostics) = panduan::model::site(config, loaded, Default::default(), &reuse.model);
    // Positions in the fuzzed page stay inside it (a lone `\r` ends a line too).
    let lines = panduan::load::normalize_newlines(text.clone()).split('\n').count();
    for d in diagnostics.iter().filter(|d| d.span.path.ends_with("a/b.md")) {
        assert!(d.span.line.get() as usize <= lines, "{d}");
    }
    let Ok(theme) = panduan::render::theme::load(&site.config, &mut diagnostics, &reuse.render) else {
        return;
    };
    if diagnostics.iter().any(|d| d.is_error()) {
        return;
    }
    let site = Arc::new(site);
    let collected = panduan::files::Collected::default();
    let collect = |f: panduan::files::OutputFile| collected.push(f);
    let options = Default::default();
    let paths = panduan::render::pages(&site, &theme, &options, &reuse.render, &collect)
        .expect("rendering a valid model works");
    assert!(paths.iter().any(|p| p == "id/a/b/index.html"), "{paths:?}");
    panduan::render::print_documents(&site, &theme, &options, &reuse.render, &collect)
        .expect("print documents of a valid model");
});
