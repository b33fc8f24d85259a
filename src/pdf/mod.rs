//! The step after render: the PDF of the whole handbook per language and one-page
//! handouts of a kind, typeset by Typst as a library (no browser, no TeX).
//!
//! Input: the [`Site`] and the loaded [`Theme`] (for its UI strings); output: files
//! below `downloads/` as [`OutputFile`]s, handed to `output` like every other file.
//! Each body is written as Typst markup from the same pulldown-cmark events as its HTML
//! (`markup.rs`), with its links pointing at labels of the document; the kinds' info
//! cards, the comparison table and the glossary come from the model, as for the HTML
//! templates. The theme's Typst templates (`typst/book.typ`, `typst/handout.typ`; a
//! project theme's own win, file by file) lay them out; `world.rs` is the only thing
//! Typst can see: the generated main file, the templates, the content's pictures and
//! the bundled fonts. No clock: the PDFs carry no date, so two builds of the same
//! content are byte-identical.
//!
//! - `markup.rs`: Markdown -> Typst markup, and the escaping of text;
//! - `document.rs`: the main file of the handbook of one language;
//! - `handouts.rs`: one page per page of a kind, shrunk until it fits;
//! - `world.rs`: the Typst [`typst::World`] of one document.

mod document;
mod handouts;
pub mod hyphenate;
mod markup;
mod world;

use std::path::PathBuf;

use rayon::prelude::*;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::layout::PagedDocument;
use typst::syntax::FileId;

use crate::diagnostic::{Diagnostic, LineIndex, Span, display_path};
use crate::error::{Error, Result};
use crate::files::{Contents, OutputFile};
use crate::model::Site;
use crate::previous::{Key, Ledger, Previous};
use crate::render::Theme;
use world::{DocWorld, FileSource};

/// The Typst templates shipped in the binary. `tests/testsuite/theme.rs` compares this
/// list with `themes/default/`.
pub const DEFAULT_TYPST: &[(&str, &str)] = &[
    (
        "typst/book.typ",
        include_str!("../../themes/default/typst/book.typ"),
    ),
    (
        "typst/handout.typ",
        include_str!("../../themes/default/typst/handout.typ"),
    ),
];

/// The stack of each thread that typesets a language's PDFs.
const STACK: usize = 256 << 20;

/// What the PDF step made.
#[derive(Debug, Default)]
pub struct Made {
    /// The PDFs, sorted by path.
    pub files: Vec<OutputFile>,
    /// What the PDFs had to leave out or could not fit.
    pub warnings: Vec<Diagnostic>,
}

/// Where the PDF step's files go, as the downloads table names them; `None` for what
/// this build does not make.
#[derive(Debug, Clone, Copy, Default)]
pub struct Names {
    /// The handbook of the language `code`.
    pub handbook: Option<Name>,
    /// The handouts of the language `code` all in one, and one page's handout (the
    /// language's code, the page's file stem).
    pub handouts: Option<(Name, EachName)>,
}

/// The file of a language's document, from the language's code.
pub type Name = fn(&str) -> String;

/// The file of one page's handout: from the language's code and the page's file stem.
pub type EachName = fn(&str, &str) -> String;

/// A page body as Typst markup, its links pointing in turn at a heading of the
/// document, an address and nothing: for the fuzz targets (`fuzz/`), which reach no
/// private module.
#[doc(hidden)]
pub fn fuzz_markup(text: &str) -> String {
    let analysis = crate::markdown::analyse(text);
    let links: Vec<markup::Link> = (0..analysis.links.len())
        .map(|i| markup::Link {
            target: match i % 3 {
                0 => markup::Target::Label(markup::label("chapter-1--", "h")),
                1 => markup::Target::Url("https://example.org/".to_string()),
                _ => markup::Target::Text,
            },
            title: None,
            badge: None,
        })
        .collect();
    let labels = crate::markdown::Labels::default();
    markup::to_typst(&markup::Body {
        text,
        headings: &analysis.headings,
        links: &links,
        labels: &labels,
        prefix: "chapter-1--",
        level: 1,
        drop_leading_h1: true,
        page_refs: true,
        soft_hyphens: true,
    })
    .0
}

/// The PDF of every language and, with `[handouts]` in book.toml, the handouts (one by
/// one and all in one), at the paths `names` gives. A page the PDF cannot be made from is an error at
/// the page; a broken template is an error at the template.
///
/// A document whose whole input is the same as in `cache.previous` is taken from the
/// previous output instead of being typeset again (see [`crate::previous`]); every
/// document made without warnings is recorded in `cache.ledger` for the next build.
pub fn files(site: &Site, theme: &Theme, names: &Names, cache: Cache<'_>) -> Result<Made> {
    let templates = templates(site)?;
    let one_language = |l: usize| -> Result<Made> {
        let mut made = Made::default();
        let code = site.config.languages[l].code.as_str();
        if let Some(name) = names.handbook {
            let (file, warnings) =
                document::handbook(site, theme, &templates, l, name(code), cache)?;
            made.files.push(file);
            made.warnings.extend(warnings);
        }
        if let Some((all, each)) = names.handouts {
            let (files, warnings) =
                handouts::handouts(site, theme, &templates, l, all(code), cache, &|stem| {
                    each(code, stem)
                })?;
            made.files.extend(files);
            made.warnings.extend(warnings);
        }
        Ok(made)
    };
    // Typst recurses deeply over a long document (a handbook of 1,000 pages overflows
    // the usual 2 MiB stack), also in the work it hands to rayon: everything runs in a
    // pool of its own with large stacks. A stack is only reserved; what a compilation
    // does not touch is never used.
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(STACK)
        .thread_name(|i| format!("pdf-{i}"))
        .build()
        .map_err(|e| Error::Other(format!("cannot start the PDF step: {e}")))?;
    let made: Vec<Result<Made>> = pool.install(|| {
        (0..site.config.languages.len())
            .into_par_iter()
            .map(one_language)
            .collect()
    });
    let mut all = Made::default();
    for m in made {
        let m = m?;
        all.files.extend(m.files);
        all.warnings.extend(m.warnings);
    }
    all.files.sort_by(|a, b| a.path.cmp(&b.path));
    // Typst remembers layouts for the next compilation; a build makes only these.
    typst::comemo::evict(0);
    Ok(all)
}

/// The previous output to reuse documents from, and the record of what this build
/// made (issue #25).
#[derive(Clone, Copy)]
pub struct Cache<'a> {
    pub previous: &'a Previous,
    pub ledger: &'a Ledger,
}

impl Cache<'_> {
    /// The key of a document: its main file, every template and picture it can read
    /// (their bytes), and its path in the output.
    fn key(
        main: &str,
        templates: &Templates,
        pictures: &[(String, FileSource)],
        path: &str,
    ) -> String {
        let mut key = Key::new();
        key.add(path.as_bytes());
        key.add(main.as_bytes());
        for (name, source) in templates.files.iter().chain(pictures) {
            key.add(name.as_bytes());
            match source {
                FileSource::Text(text) => key.add(text.as_bytes()),
                // An unreadable file fails the compilation, which then tells.
                FileSource::Disk(file) => key.add(&std::fs::read(file).unwrap_or_default()),
            }
        }
        key.finish()
    }

    /// The bytes of `path` from the previous output when made from `key`, with their
    /// note.
    fn reuse(&self, path: &str, key: &str) -> Option<(Vec<u8>, String)> {
        self.reuse_if(path, key, |_| true)
    }

    /// As [`Cache::reuse`], when the recorded note is one `accept` takes.
    fn reuse_if(
        &self,
        path: &str,
        key: &str,
        accept: impl Fn(&str) -> bool,
    ) -> Option<(Vec<u8>, String)> {
        let reused = self.previous.reuse(path, key).filter(|r| accept(&r.1))?;
        self.ledger.record(path, key, &reused.0, &reused.1);
        self.ledger.count_reused();
        Some(reused)
    }
}

/// The Typst files every document can read: the embedded templates, then every file of
/// the project theme's `typst/` folder over them (by the path below it, `/book.typ`).
struct Templates {
    files: Vec<(String, FileSource)>,
    /// Where each template came from, for messages (`typst/book.typ` of the theme).
    shown: Vec<(String, String)>,
}

impl Templates {
    /// The files for a world, as (path, source) pairs.
    fn sources(&self) -> impl Iterator<Item = (String, FileSource)> + '_ {
        self.files.iter().cloned()
    }

    /// Whether the template `name` (`book.typ`) exists.
    fn has(&self, name: &str) -> bool {
        let path = format!("/{name}");
        self.files.iter().any(|(p, _)| *p == path)
    }

    /// How to name file `path` (`/book.typ`) of the document in a message.
    fn shown(&self, path: &str) -> String {
        self.shown.iter().find(|(p, _)| p == path).map_or_else(
            || path.trim_start_matches('/').to_string(),
            |(_, s)| s.clone(),
        )
    }

    /// The text of file `path`, for line numbers in messages.
    fn text(&self, path: &str) -> Option<String> {
        match self.files.iter().find(|(p, _)| p == path)?.1.clone() {
            FileSource::Text(t) => Some(t),
            FileSource::Disk(d) => std::fs::read_to_string(d).ok(),
        }
    }
}

fn templates(site: &Site) -> Result<Templates> {
    let mut files: Vec<(String, FileSource)> = DEFAULT_TYPST
        .iter()
        .map(|(p, text)| {
            (
                format!("/{}", p.trim_start_matches("typst/")),
                FileSource::Text((*text).to_string()),
            )
        })
        .collect();
    let mut shown: Vec<(String, String)> = DEFAULT_TYPST
        .iter()
        .map(|(p, _)| {
            (
                format!("/{}", p.trim_start_matches("typst/")),
                format!("{p} of the built-in theme"),
            )
        })
        .collect();
    if let Some(dir) = site.config.theme.as_ref().map(|t| t.join("typst"))
        && dir.is_dir()
    {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::Read {
                path: e.path().map_or_else(|| dir.clone(), PathBuf::from),
                source: e.into(),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let path = format!("/{}", rel.to_string_lossy().replace('\\', "/"));
            let on_disk = entry.path().to_path_buf();
            let relative = on_disk
                .strip_prefix(&site.config.root)
                .map_or_else(|_| on_disk.clone(), PathBuf::from);
            files.retain(|(p, _)| *p != path);
            shown.retain(|(p, _)| *p != path);
            shown.push((path.clone(), display_path(&relative)));
            files.push((path, FileSource::Disk(on_disk)));
        }
    }
    let templates = Templates { files, shown };
    let config = &site.config;
    let wanted = std::iter::once(config.pdf.template.as_str())
        .filter(|_| config.pdf.enabled)
        .chain(config.handouts.as_ref().map(|h| h.template.as_str()));
    for name in wanted {
        if !templates.has(name) {
            return Err(Error::Template {
                message: format!(
                    "the Typst template `{name}` named in book.toml is neither in the theme's `typst/` folder nor built in\n  = help: add `typst/{name}` to the theme, or remove `template = \"{name}\"`"
                ),
            });
        }
    }
    Ok(templates)
}

/// Where the generated main file came from, so that an error in it can name the page:
/// (byte offset where the page's part starts, the page's path).
type Parts = Vec<(usize, Option<PathBuf>)>;

/// Compiles `main` with the templates and `pictures` into a laid-out document.
fn compile(
    main: String,
    templates: &Templates,
    pictures: Vec<(String, FileSource)>,
    parts: &Parts,
    what: &str,
) -> Result<PagedDocument> {
    let world = DocWorld::new(main, templates.sources().chain(pictures));
    let warned = typst::compile::<PagedDocument>(&world);
    let mut document = warned
        .output
        .map_err(|errors| compile_error(&world, templates, parts, what, &errors))?;
    for page in &mut document.pages {
        drop_unused_soft_hyphens(&mut page.frame);
    }
    Ok(document)
}

/// Takes out of the text of a laid-out frame every soft hyphen that no line broke at
/// (issue #30). Typst leaves them in the text of the letter before them, so that a
/// copied or searched word would read `prak\u{ad}tik`; a soft hyphen shown as the
/// hyphen at a line's end is a glyph of its own and stays, as in Typst's own
/// hyphenation. Glyphs and positions are unchanged.
fn drop_unused_soft_hyphens(frame: &mut typst::layout::Frame) {
    use typst::layout::FrameItem;
    let needed = |item: &FrameItem| match item {
        FrameItem::Group(_) => true,
        FrameItem::Text(t) => t.text.contains(hyphenate::SHY),
        _ => false,
    };
    if !frame.items().any(|(_, item)| needed(item)) {
        return;
    }
    let items: Vec<_> = frame.items().cloned().collect();
    frame.clear();
    for (at, mut item) in items {
        match &mut item {
            FrameItem::Group(group) => drop_unused_soft_hyphens(&mut group.frame),
            FrameItem::Text(text) => drop_in_text(text),
            _ => {}
        }
        frame.push(at, item);
    }
}

/// [`drop_unused_soft_hyphens`] for one run of text: the text without them, and each
/// glyph's range moved to match.
fn drop_in_text(item: &mut typst::text::TextItem) {
    const LEN: usize = hyphenate::SHY.len_utf8();
    let text = item.text.as_str();
    let shown: Vec<usize> = item
        .glyphs
        .iter()
        .filter(|g| text.get(g.range()) == Some("\u{ad}"))
        .map(|g| g.range().start)
        .collect();
    let dropped: Vec<usize> = text
        .match_indices(hyphenate::SHY)
        .map(|(i, _)| i)
        .filter(|i| !shown.contains(i))
        .collect();
    if dropped.is_empty() {
        return;
    }
    let moved = |at: usize| at - LEN * dropped.partition_point(|&d| d < at);
    let mut kept = String::with_capacity(text.len());
    let mut last = 0;
    for &d in &dropped {
        kept.push_str(&text[last..d]);
        last = d + LEN;
    }
    kept.push_str(&text[last..]);
    for glyph in &mut item.glyphs {
        let range = glyph.range();
        // Ranges are u16 in Typst and only shrink here.
        glyph.range = moved(range.start) as u16..moved(range.end) as u16;
    }
    item.text = kept.into();
}

/// Writes a laid-out document as PDF, with no date and an id made from `ident` (the
/// output path), so that the same content gives the same bytes. It is declared
/// PDF/UA-1 (which also makes viewers show its title, not its file name) when the
/// content allows; when it does not, it is written without the declaration and each
/// reason is a warning at `at` (issue #30).
fn pdf_bytes(
    document: &PagedDocument,
    ident: &str,
    what: &str,
    at: &Span,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<u8>> {
    let ua = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident),
        timestamp: None,
        standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
            .map_err(|e| Error::Other(format!("the PDF {what} could not be written: {e}")))?,
        ..Default::default()
    };
    let reasons = match typst_pdf::pdf(document, &ua) {
        Ok(bytes) => return Ok(bytes),
        Err(errors) => errors,
    };
    let mut seen = std::collections::BTreeSet::new();
    for e in reasons.iter() {
        let reason = e.message.to_string();
        if seen.insert(reason.clone()) {
            warnings.push(
                Diagnostic::warning(
                    at.clone(),
                    crate::msg!("pdf-not-ua", file = what, reason = reason),
                )
                .with_help(crate::help!()),
            );
        }
    }
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident),
        timestamp: None,
        ..Default::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        Error::Other(format!(
            "the PDF {what} could not be written: {}",
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })
}

/// A file of `downloads/`.
fn output(path: String, bytes: Vec<u8>) -> OutputFile {
    OutputFile {
        path,
        contents: Contents::Bytes(bytes),
    }
}

/// Typst's errors as ours: at the page whose part of the main file holds the error
/// (a content error), else at the template (a theme error).
fn compile_error(
    world: &DocWorld,
    templates: &Templates,
    parts: &Parts,
    what: &str,
    errors: &[SourceDiagnostic],
) -> Error {
    let main = world::id_of("/main.typ");
    let mut content = Vec::new();
    let mut theme = Vec::new();
    for e in errors.iter().filter(|e| e.severity == Severity::Error) {
        let hints: String = e.hints.iter().map(|h| format!("; {h}")).collect();
        let message = format!("the PDF {what} could not be made: {}{hints}", e.message);
        let id: Option<FileId> = e.span.id();
        let range = world.range(e.span);
        match (id, range) {
            (Some(id), Some(range)) if id == main => {
                let page = parts
                    .iter()
                    .rev()
                    .find(|(start, _)| *start <= range.start)
                    .and_then(|(_, path)| path.clone());
                let span = page.map_or_else(|| Span::file(crate::config::CONFIG_FILE), Span::file);
                content.push(Diagnostic::error(span, message).with_help(
                    "check the page's pictures (PNG, JPEG, GIF, SVG or WebP files that open) and its Markdown",
                ));
            }
            (Some(id), range) => {
                let path = id
                    .vpath()
                    .as_rootless_path()
                    .to_string_lossy()
                    .replace('\\', "/");
                let path = format!("/{path}");
                let place = match (range, templates.text(&path)) {
                    (Some(r), Some(text)) => {
                        let (line, col) = LineIndex::new(&text).line_col(&text, r.start);
                        format!("{}:{line}:{col}", templates.shown(&path))
                    }
                    _ => templates.shown(&path),
                };
                theme.push(format!("{place}: {message}"));
            }
            (None, _) => theme.push(message),
        }
    }
    if !content.is_empty() {
        return Error::Content(content);
    }
    Error::Template {
        message: match theme.is_empty() {
            true => format!("the PDF {what} could not be made"),
            false => theme.join("\n"),
        },
    }
}
