//! Step 2 of the pipeline: disk -> [`Loaded`] (source pages and static files).
//!
//! Walks `content/`, reads every file, splits and parses front matter. It interprets
//! nothing beyond the file layout and the front matter, and reads only what lies below
//! `content/`.
//!
//! Symbolic links are followed only inside the project ([`link_outside`]): a link
//! that leads outside it (to `/etc/passwd`, to a folder of system files) is an error at
//! the link's path and nothing behind it is read, so nothing from outside the project
//! reaches the output, the zip or `serve`. A link inside the project is followed, to
//! what it names; a link that leads back into a folder above it (a loop) is reported
//! and skipped.
//!
//! Who else touches the disk: in the pipeline, `config` reads `book.toml`, the theme
//! (`render::theme`) reads the project's theme folder, and `output` writes the output
//! folder (copying the static files found here); `model` and the rest of `render` do no
//! I/O. Around the pipeline, `check` runs `git` to show how an outdated translation's
//! source changed, and the commands (`init`, `new`, `serve`, …) read and write for
//! their own ends.

mod front_matter;
mod pasted;

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

pub(crate) use front_matter::backticked;
pub use front_matter::{FieldValue, FrontMatter, Located, TranslationRecord};
pub use front_matter::{Split, normalize_newlines, parse_yaml_map, split};

use crate::config::{Config, Lang};
use crate::diagnostic::{Diagnostic, LineIndex, Span};
use crate::error::{Error, Result};
use crate::memo::{Memo, Reusing};
use crate::{help, msg};

/// One Markdown file of `content/<lang>/`.
#[derive(Debug, Clone)]
pub struct SourcePage {
    pub lang: Lang,
    /// Path relative to the project root (`content/id/group-types/therapy.md`).
    pub path: PathBuf,
    /// Path below `content/<lang>/`, with `/` separators and without `.md`
    /// (`group-types/therapy`, `group-types/_index`).
    pub rel: String,
    /// The whole file, so spans are real file lines.
    pub source: std::sync::Arc<str>,
    /// The Markdown after the front matter.
    pub body: std::ops::Range<usize>,
    pub front: FrontMatter,
    /// Whether the file had front matter at all.
    pub has_front_matter: bool,
    /// A fingerprint of the body, made on first use (see [`SourcePage::body_key`]).
    body_key: std::sync::OnceLock<crate::memo::Key>,
}

impl SourcePage {
    /// The body's fingerprint, if it was made already.
    pub fn known_body_key(&self) -> Option<crate::memo::Key> {
        self.body_key.get().copied()
    }

    /// A fingerprint of the body, computed once.
    pub fn body_key(&self) -> crate::memo::Key {
        *self
            .body_key
            .get_or_init(|| crate::memo::key_of(&&self.source[self.body.clone()]))
    }
}

/// What the load stage remembers between builds (`serve`, `watch`): every file read
/// and parsed, by its path, its bytes and the configuration.
#[derive(Debug, Default)]
pub struct Reuse {
    pages_read: Memo<std::sync::Arc<(Option<SourcePage>, Vec<Diagnostic>)>>,
}

impl Reuse {
    /// A table that remembers (`Reusing::On`) or not.
    pub fn new(reusing: Reusing) -> Self {
        Reuse {
            pages_read: Memo::new(reusing),
        }
    }

    /// Starts the next build.
    pub fn next_build(&self) {
        self.pages_read.next_generation();
    }
}

/// A non-Markdown file under `content/`, copied to the same path in the output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StaticFile {
    /// Path below `content/`, with `/` separators (`id/images/circle.png`).
    pub rel: String,
    /// Absolute path on disk.
    pub source: PathBuf,
}

/// Everything read from `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sorted by (lang, rel).
    pub pages: Vec<SourcePage>,
    /// Sorted by rel.
    pub statics: Vec<StaticFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `content/` of the project described by `config`, reusing the parse of every
/// file whose bytes `reuse` has seen.
pub fn content(config: &Config, reuse: &Reuse) -> Result<Loaded> {
    content_overlaid(config, reuse, None)
}

/// Text that stands in for a file's bytes on disk: the browser editor's preview of a
/// page not saved yet (`serve`).
#[derive(Debug, Clone)]
pub struct Overlay {
    /// The page file, as the loader finds it (below the project's `content/`).
    pub file: PathBuf,
    pub bytes: std::sync::Arc<[u8]>,
}

/// [`content`], reading `overlay`'s bytes instead of its file's.
pub fn content_overlaid(
    config: &Config,
    reuse: &Reuse,
    overlay: Option<&Overlay>,
) -> Result<Loaded> {
    let content_dir = config.content_dir();
    if !content_dir.is_dir() {
        return Err(Error::Msg(msg!("no-content-folder", root = &config.root)));
    }
    let mut diagnostics = Vec::new();
    let mut md_files = Vec::new();
    let mut statics = Vec::new();
    // Hidden Markdown files (`.draft.md`, `..md`) are skipped, but not in silence: an
    // author may not know that a leading dot hides a file.
    let mut hidden_pages = Vec::new();
    let inside = project_folders(config);
    let mut outside = Vec::new();
    let walker = walkdir::WalkDir::new(&content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let ignored = e.depth() > 0 && is_ignored(e.file_name());
            if ignored && is_hidden_page(e) {
                hidden_pages.push(relative_to(e.path(), &config.root));
            }
            if !ignored && e.path_is_symlink() && link_outside(e.path(), &inside) {
                outside.push(relative_to(e.path(), &config.root));
                return false;
            }
            !ignored
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative_to(p, &config.root))
                    .unwrap_or_default();
                let message = if e.loop_ancestor().is_some() {
                    msg!("walk-link-loop")
                } else {
                    msg!(
                        "walk-unreadable",
                        detail = e
                            .io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string)
                    )
                };
                diagnostics.push(Diagnostic::warning(Span::file(path), message));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(below) = entry.path().strip_prefix(&content_dir) else {
            continue;
        };
        let Some(rel) = slash_path(below) else {
            diagnostics.push(
                Diagnostic::error(
                    Span::file(relative_to(entry.path(), &config.root)),
                    msg!("file-name-not-unicode"),
                )
                .with_help(help!()),
            );
            continue;
        };
        if rel.ends_with(".md") {
            md_files.push((entry.path().to_path_buf(), rel));
        } else {
            statics.push(StaticFile {
                rel,
                source: entry.path().to_path_buf(),
            });
        }
    }

    for path in outside {
        diagnostics.push(
            Diagnostic::error(Span::file(path), msg!("link-outside-project")).with_help(help!()),
        );
    }
    for path in hidden_pages {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let visible = name.trim_start_matches('.');
        let help = match visible {
            ".md" | "md" | "" => help!(),
            v => help!("help-rename", name = v),
        };
        diagnostics
            .push(Diagnostic::warning(Span::file(path), msg!("hidden-page")).with_help(help));
    }

    // A file that cannot be read (no permission) is found here, so that `check` reports
    // it as `build`, which copies it, would.
    let unreadable: Vec<Diagnostic> = statics
        .par_iter()
        .filter_map(|s| {
            let e = std::fs::File::open(&s.source).err()?;
            Some(Diagnostic::error(
                Span::file(relative_to(&s.source, &config.root)),
                msg!("file-unreadable", detail = e.to_string()),
            ))
        })
        .collect();
    diagnostics.extend(unreadable);
    let results: Vec<(Option<SourcePage>, Vec<Diagnostic>)> = md_files
        .par_iter()
        .map(|(abs, rel)| match reuse.pages_read.is_on() {
            _ if overlay.is_some_and(|o| o.file == *abs) => {
                let bytes = overlay.map(|o| o.bytes.to_vec()).unwrap_or_default();
                read_page(config, abs, rel, Ok(bytes))
            }
            true => read_page_reusing(config, abs, rel, reuse),
            false => read_page(config, abs, rel, std::fs::read(abs)),
        })
        .collect();
    let mut pages = Vec::new();
    for (page, mut ds) in results {
        pages.extend(page);
        diagnostics.append(&mut ds);
    }
    // Sorting makes the output independent of the file-system order.
    pages.sort_by(|a, b| (&a.lang, &a.rel).cmp(&(&b.lang, &b.rel)));
    statics.sort();
    Ok(Loaded {
        pages,
        statics,
        diagnostics,
    })
}

/// [`read_page`], parsed again only when the file's bytes (or the configuration, which
/// decides how front matter is read) changed.
fn read_page_reusing(
    config: &Config,
    abs: &Path,
    rel: &str,
    reuse: &Reuse,
) -> (Option<SourcePage>, Vec<Diagnostic>) {
    let bytes = match std::fs::read(abs) {
        Ok(bytes) => bytes,
        Err(e) => return read_page(config, abs, rel, Err(e)),
    };
    let key = crate::memo::key_of(&(abs, &bytes, config.fingerprint));
    let parsed = reuse.pages_read.get_or(
        || key,
        || {
            let (page, diagnostics) = read_page(config, abs, rel, Ok(bytes));
            if let Some(p) = &page {
                // Fingerprinted once, while the parse is remembered.
                p.body_key();
            }
            std::sync::Arc::new((page, diagnostics))
        },
    );
    (*parsed).clone()
}

/// Parses one page read from `abs`. A page whose front matter is broken is still
/// returned (with what could be read, and its path as a stand-in title) so that links
/// to it do not cascade into more errors; the diagnostics fail the build anyway.
fn read_page(
    config: &Config,
    abs: &Path,
    rel: &str,
    bytes: std::io::Result<Vec<u8>>,
) -> (Option<SourcePage>, Vec<Diagnostic>) {
    let path = relative_to(abs, &config.root);
    let (lang_dir, below) = rel.split_once('/').unwrap_or(("", rel));
    let Some(lang) = config.language(lang_dir).map(|l| l.code.clone()) else {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        let d = Diagnostic::error(Span::file(&path), msg!("page-outside-language"))
            .with_help(help!(languages = backticked(&codes)));
        return (None, vec![d]);
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::error(
                Span::file(&path),
                msg!("file-unreadable", detail = e.to_string()),
            );
            return (None, vec![d]);
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let (line, col) = LineIndex::new(&text).line_col(&text, valid);
            let d = Diagnostic::error(Span::new(&path, line, col), msg!("file-not-utf8"))
                .with_help(help!());
            return (None, vec![d]);
        }
    };
    let rel = below.strip_suffix(".md").unwrap_or(below).to_string();
    let mut diagnostics = Vec::new();
    let source = normalize_newlines(source);
    let source = if source.contains('\0') {
        let offset = source.find('\0').unwrap_or(0);
        let (line, col) = LineIndex::new(&source).line_col(&source, offset);
        diagnostics.push(
            Diagnostic::warning(Span::new(&path, line, col), msg!("file-has-nul"))
                .with_help(help!()),
        );
        source.replace('\0', "\u{fffd}")
    } else {
        source
    };
    let (front, body, has_front_matter) = match split(&source, &path) {
        Ok(split) => {
            let front = match &split.yaml {
                Some(range) => {
                    match parse_yaml_map(&source[range.clone()], &path, split.yaml_first_line) {
                        Ok(map) => {
                            front_matter::to_front_matter(map, config, &source, &mut diagnostics)
                        }
                        Err(d) => {
                            diagnostics.push(d);
                            FrontMatter::default()
                        }
                    }
                }
                None => FrontMatter::default(),
            };
            diagnostics.extend(split.warnings);
            // A table pasted from a spreadsheet: tab-separated lines.
            let body_line = source[..split.body.start].matches('\n').count() + 1;
            diagnostics.extend(pasted::tab_tables(
                &source[split.body.clone()],
                &path,
                u32::try_from(body_line).unwrap_or(u32::MAX),
            ));
            (front, split.body, split.yaml.is_some())
        }
        Err(d) => {
            diagnostics.push(d);
            (FrontMatter::default(), source.len()..source.len(), true)
        }
    };
    let mut front = front;
    if diagnostics.iter().any(Diagnostic::is_error) && front.title.is_none() {
        front.title = Some(Located {
            value: rel.clone(),
            span: Span::file(&path),
        });
    }
    let page = SourcePage {
        lang,
        path,
        rel,
        has_front_matter,
        body_key: std::sync::OnceLock::new(),
        source: source.into(),
        body,
        front,
    };
    (Some(page), diagnostics)
}

/// The folders a build may read through a symbolic link: the project, and the theme
/// where `book.toml` places it outside the project; resolved (no links, no `..`).
pub fn project_folders(config: &Config) -> Vec<PathBuf> {
    std::iter::once(&config.root)
        .chain(config.theme.as_ref())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect()
}

/// Whether the symbolic link at `path` leads outside every folder of `inside` (see
/// [`project_folders`]), or nowhere (a broken link). Resolved in one step, through
/// every link of a chain, as the operating system would.
pub fn link_outside(path: &Path, inside: &[PathBuf]) -> bool {
    match std::fs::canonicalize(path) {
        Ok(target) => !inside.iter().any(|folder| target.starts_with(folder)),
        Err(_) => false,
    }
}

/// Hidden files, editor backups, swap and safe-write files, and partial downloads are
/// not content: the loader skips them and `serve` does not rebuild for them.
pub fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".kate-swp",
            ".part",
            ".crdownload",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

/// A hidden Markdown file, not an editor's swap or backup file: a name that starts
/// with a dot and ends with `.md`.
fn is_hidden_page(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') && name.ends_with(".md") && !entry.file_type().is_dir()
}

/// `path` relative to `root` when it lies inside it.
pub fn relative_to(path: &Path, root: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

/// A relative path as a `/`-separated string; `None` if not valid Unicode.
fn slash_path(path: &Path) -> Option<String> {
    let mut out = String::new();
    for c in path.components() {
        if let Component::Normal(part) = c {
            if !out.is_empty() {
                out.push('/');
            }
            out.push_str(part.to_str()?);
        }
    }
    Some(out)
}
