//! The Typst [`World`] of one document: its main source made in memory, the theme's
//! Typst templates, the pictures of the content and the bundled fonts. Nothing else
//! can be reached: no clock, no packages, no file outside what was handed in.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts bundled with Typst (Libertinus Serif, New Computer Modern, DejaVu Sans
/// Mono: open licences, Latin Extended covered), loaded once per process.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// Where a file of the document comes from.
#[derive(Debug, Clone)]
pub(super) enum FileSource {
    /// Text made by Panduan or a template of the embedded theme.
    Text(String),
    /// A file on disk (a picture of the content, a file of the project's theme).
    Disk(PathBuf),
}

/// One document to compile: `/main.typ` and the files it may read, by their path in
/// the document (`/book.typ`, `/content/id/images/circle.png`).
pub(super) struct DocWorld {
    main: FileId,
    files: HashMap<FileId, FileSource>,
}

impl DocWorld {
    /// A world whose main file is `main` and which can read `files`.
    pub(super) fn new(main: String, files: impl IntoIterator<Item = (String, FileSource)>) -> Self {
        let main_id = id_of("/main.typ");
        let mut map: HashMap<FileId, FileSource> = files
            .into_iter()
            .map(|(path, source)| (id_of(&path), source))
            .collect();
        map.insert(main_id, FileSource::Text(main));
        DocWorld {
            main: main_id,
            files: map,
        }
    }

    fn bytes(&self, id: FileId) -> FileResult<Bytes> {
        let not_found = || FileError::NotFound(id.vpath().as_rootless_path().to_path_buf());
        match self.files.get(&id) {
            Some(FileSource::Text(text)) => Ok(Bytes::from_string(text.clone())),
            Some(FileSource::Disk(path)) => std::fs::read(path)
                .map(Bytes::new)
                .map_err(|e| FileError::from_io(e, path)),
            None => Err(not_found()),
        }
    }
}

/// The id of a file of the document at `path` (`/book.typ`).
pub(super) fn id_of(path: &str) -> FileId {
    FileId::new(None, VirtualPath::new(path))
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.bytes(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.bytes(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    /// No clock: the same content makes the same PDF on any day.
    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}
