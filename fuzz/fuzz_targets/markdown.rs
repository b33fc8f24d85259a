//! A page body goes through the whole pure pipeline: analysis, link resolution against
//! a small site, and rendering through the default theme. Nothing may panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};

use panduan::load::{FrontMatter, Loaded, Located, SourcePage};

const BOOK: &str = "[languages.id]\nname = \"Indonesia\"\ntitle = \"Uji\"\n[languages.en]\nname = \"English\"\ntitle = \"Test\"\n";

fn page(config: &panduan::config::Config, lang: usize, rel: &str, body: &str) -> SourcePage {
    let lang_code = config.languages[lang].code.clone();
    let path = PathBuf::from(format!("content/{lang_code}/{rel}.md"));
    let mut front = FrontMatter::default();
    front.title = Some(Located { value: format!("Page {rel}"), span: panduan::diagnostic::Span::file(&path) });
    SourcePage {
        lang: lang_code,
        path,
        rel: rel.to_string(),
        source: body.to_string(),
        body: 0..body.len(),
        front,
        has_front_matter: true,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let Ok(config) = panduan::config::parse(Path::new("/p"), BOOK, &Default::default()) else { return };
    let loaded = Loaded {
        pages: vec![
            page(&config, 0, "_index", "## Satu\n\n[[a/b]] [x](a/b.md#dua)\n"),
            page(&config, 0, "a/b", body),
            page(&config, 0, "a/_index", "## Dua\n"),
            page(&config, 1, "a/b", "## Two\n\n[[a/b#two]]\n"),
        ],
        statics: Vec::new(),
        diagnostics: Vec::new(),
    };
    let (site, diagnostics) = panduan::model::site(config, loaded, Default::default());
    // Positions in the fuzzed page stay inside it (`lines()` also splits at `\r\n`).
    let lines = body.split('\n').count();
    for d in diagnostics.iter().filter(|d| d.span.path.ends_with("a/b.md")) {
        assert!(d.span.line.get() as usize <= lines, "{d}");
    }
    let mut ds = Vec::new();
    let Ok(theme) = panduan::render::theme::load(&site.config, &mut ds) else { return };
    if diagnostics.iter().any(|d| d.is_error()) {
        return;
    }
    let files = panduan::render::site(&site, &theme, &Default::default()).expect("rendering a valid model works");
    assert!(files.iter().any(|f| f.path == "id/a/b/index.html"));
});
