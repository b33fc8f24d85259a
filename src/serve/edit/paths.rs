//! Which files the browser editor may touch.
//!
//! A path comes from a URL (`/_panduan/source/id/group-types/therapy.md`): it is
//! decoded, checked word by word, and only then joined to `content/`. A path is
//! refused when any of its segments is empty, `.` or `..`, starts with `.` (hidden
//! files, the loader's own and editors' temporary files), holds a backslash, a colon,
//! NUL or another control character, or is a name Windows reserves (`con`, `nul`,
//! `com1`...). Its first segment must be a language of `book.toml`. Once joined, the
//! deepest folder that exists is resolved through every symbolic link and must still
//! lie inside `content/`; so must the file itself when it exists. Pure but for that
//! resolution.

use std::path::{Path, PathBuf};

/// A checked path of a file inside `content/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inside {
    /// `/`-separated, below `content/` (`id/group-types/therapy.md`).
    pub rel: String,
    /// The language: the first segment.
    pub lang: String,
    /// The file on disk (not resolved: the name the author knows).
    pub file: PathBuf,
}

/// Why a path is refused (each answered with 400).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Not valid percent-encoding or UTF-8.
    Encoding,
    /// A segment that is empty, `.`, `..`, hidden, reserved or holds a forbidden
    /// character.
    Segment(String),
    /// The first segment is not a language of the book.
    Language(String),
    /// A symbolic link (or a folder of one) leads out of `content/`.
    Link,
    /// Not the kind of file the request is for (a page must end in `.md`).
    Extension,
}

/// Names Windows reserves for devices, whatever the extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether one segment of a path may name a file or folder of `content/`.
pub fn is_allowed_segment(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or("").to_ascii_lowercase();
    !(segment.is_empty()
        || segment.starts_with('.')
        || segment.ends_with('.')
        || segment.ends_with(' ')
        || segment
            .chars()
            .any(|c| c.is_control() || "\\:*?\"<>|".contains(c))
        || RESERVED.contains(&stem.as_str()))
}

/// Checks the raw (percent-encoded) path `raw`, below `content/`, against the
/// languages `langs`, and places it in `content`.
pub fn resolve(content: &Path, langs: &[&str], raw: &str) -> Result<Inside, Outside> {
    let decoded = percent_encoding::percent_decode_str(raw.trim_start_matches('/'))
        .decode_utf8()
        .map_err(|_| Outside::Encoding)?;
    let segments: Vec<&str> = decoded.split('/').collect();
    if let Some(bad) = segments.iter().find(|s| !is_allowed_segment(s)) {
        return Err(Outside::Segment((*bad).to_string()));
    }
    let lang = segments[0];
    if !langs.contains(&lang) || segments.len() < 2 {
        return Err(Outside::Language(lang.to_string()));
    }
    let file = segments
        .iter()
        .fold(content.to_path_buf(), |path, s| path.join(s));
    stays_inside(content, &file)?;
    Ok(Inside {
        rel: segments.join("/"),
        lang: lang.to_string(),
        file,
    })
}

/// Whether `file`, through every symbolic link of its folders and itself, lies in
/// `content`.
pub fn stays_inside(content: &Path, file: &Path) -> Result<(), Outside> {
    let content = std::fs::canonicalize(content).map_err(|_| Outside::Link)?;
    // The deepest part that exists (a new page's folder may not exist yet).
    let mut existing = file;
    while std::fs::symlink_metadata(existing).is_err() {
        existing = existing.parent().ok_or(Outside::Link)?;
    }
    let resolved = std::fs::canonicalize(existing).map_err(|_| Outside::Link)?;
    if resolved.starts_with(&content) {
        Ok(())
    } else {
        Err(Outside::Link)
    }
}

/// A page's path: checked, ending in `.md`.
pub fn page(content: &Path, langs: &[&str], raw: &str) -> Result<Inside, Outside> {
    let inside = resolve(content, langs, raw)?;
    if !inside.rel.ends_with(".md") || inside.rel.ends_with("/.md") {
        return Err(Outside::Extension);
    }
    Ok(inside)
}

/// `from` (a page, below `content/`) to `to` (any file below `content/`), as a
/// relative link: `id/a/b.md` to `id/images/c.png` is `../images/c.png`.
pub fn relative_link(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').collect();
    let to: Vec<&str> = to.split('/').collect();
    let from_dirs = &from[..from.len() - 1];
    let common = from_dirs
        .iter()
        .zip(&to[..to.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dirs.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

/// A safe file name from words: lowercase ASCII letters and digits joined by `-`
/// (`Foto Kegiatan (1).JPG` gives `foto-kegiatan-1`), accents dropped, at most 60
/// characters; `fallback` when nothing is left.
pub fn safe_stem(words: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in words.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.len() > 60 {
        out.truncate(60);
        out = out.trim_end_matches('-').to_string();
    }
    if out.is_empty() || !is_allowed_segment(&out) {
        fallback.to_string()
    } else {
        out
    }
}

/// A Latin letter with an accent as the letter without it (`é` -> `e`); other
/// characters as they are.
fn fold_accent(c: char) -> Option<char> {
    const FROM: &str =
        "àáâãäåāçćčèéêëēėęìíîïīòóôõöøōùúûüūñńýÿšžÀÁÂÃÄÅĀÇĆČÈÉÊËĒĖĘÌÍÎÏĪÒÓÔÕÖØŌÙÚÛÜŪÑŃÝŠŽ";
    const TO: &str =
        "aaaaaaaccceeeeeeeiiiiiooooooouuuuunnyyszAAAAAAACCCEEEEEEEIIIIIOOOOOOOUUUUUNNYSZ";
    match FROM.chars().position(|f| f == c) {
        Some(i) => TO.chars().nth(i),
        None => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_segments_are_refused() {
        for bad in [
            "", ".", "..", ".git", "a.", "a ", "con", "CON.md", "nul.txt", "com1", "a\\b", "c:",
            "a\u{0}b", "a\nb", "x?y",
        ] {
            assert!(!is_allowed_segment(bad), "{bad:?}");
        }
        for good in [
            "therapy.md",
            "kelompok-é.md",
            "_index.md",
            "console.md",
            "a b.md",
        ] {
            assert!(is_allowed_segment(good), "{good:?}");
        }
    }

    #[test]
    fn paths_outside_content_are_refused() {
        let dir = std::env::temp_dir().join(format!("panduan-edit-paths-{}", std::process::id()));
        let content = dir.join("content");
        std::fs::create_dir_all(content.join("id/a")).expect("folders");
        let langs = ["id", "en"];
        for raw in [
            "../book.toml",
            "id/../../book.toml",
            "id/%2e%2e/x.md",
            "id//x.md",
            "fr/x.md",
            "id",
            "/etc/passwd",
            "id/.hidden.md",
            "%ff",
        ] {
            assert!(page(&content, &langs, raw).is_err(), "{raw}");
        }
        assert_eq!(
            page(&content, &langs, "id/a/b.txt"),
            Err(Outside::Extension)
        );
        let ok = page(&content, &langs, "id/a/new%20page.md").expect("inside");
        assert_eq!(ok.rel, "id/a/new page.md");
        assert_eq!(ok.file, content.join("id/a/new page.md"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&dir, content.join("id/out")).expect("a link");
            assert_eq!(page(&content, &langs, "id/out/book.md"), Err(Outside::Link));
            assert_eq!(
                page(&content, &langs, "id/out/new/deeper.md"),
                Err(Outside::Link)
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn links_are_relative_to_the_page() {
        assert_eq!(
            relative_link("id/a/b.md", "id/images/c.png"),
            "../images/c.png"
        );
        assert_eq!(relative_link("id/b.md", "id/images/c.png"), "images/c.png");
        assert_eq!(relative_link("id/a/b.md", "id/a/c.md"), "c.md");
        assert_eq!(relative_link("id/a/b/c.md", "id/d.md"), "../../d.md");
    }

    #[test]
    fn names_become_safe() {
        assert_eq!(safe_stem("Foto Kegiatan (1)", "x"), "foto-kegiatan-1");
        assert_eq!(safe_stem("Café Résumé", "x"), "cafe-resume");
        assert_eq!(safe_stem("???", "gambar"), "gambar");
        assert_eq!(safe_stem("con", "gambar"), "gambar");
        assert_eq!(safe_stem(&"a".repeat(80), "x").len(), 60);
    }
}
