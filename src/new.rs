//! `panduan new` (a page, or a translation stub of an existing page) and
//! `panduan translated` (mark a reviewed translation as made from the current source).
//!
//! Around the pipeline: reads the model to find pages and fingerprints, then writes one
//! file. A new file is never written over an existing one; `translated` rewrites only
//! the `translation:` record, atomically.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::display_path;
use crate::error::{Error, Result};
use crate::model::{STUB_MARKER, Site};
use crate::translation::{fingerprint, record_yaml, replace_record};
use crate::{BuildOptions, load_site};

/// Where a page file lies: its language and path below `content/<lang>/` (no `.md`).
/// A relative path is read from the current folder, or else from the handbook's
/// folder (`--root`): `panduan new content/id/x.md --root site/` works from anywhere.
fn locate(site: &Site, path: &Path) -> Result<(String, String)> {
    let content = site.config.content_dir();
    let content = fs::canonicalize(&content).unwrap_or(content);
    let from_cwd = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut candidates = vec![from_cwd];
    if path.is_relative() {
        candidates.push(site.config.root.join(path));
    }
    let below = candidates
        .iter()
        .find_map(|abs| below_content(abs, &content))
        .ok_or_else(|| {
            Error::Msg(crate::msg!(
                "new-outside-content",
                path = display_path(path)
            ))
        })?;
    let below = display_path(&below);
    let Some((lang, rest)) = below.split_once('/') else {
        return Err(Error::Msg(crate::msg!(
            "new-outside-language",
            path = display_path(path)
        )));
    };
    if site.config.language(lang).is_none() {
        return Err(unknown_language(site, lang));
    }
    let Some(rel) = rest.strip_suffix(".md") else {
        return Err(Error::Msg(crate::msg!(
            "new-not-md",
            path = display_path(path)
        )));
    };
    Ok((lang.to_string(), rel.to_string()))
}

/// `abs` below the (canonical) `content` folder, if it lies there: the nearest of its
/// folders that exists is resolved (symbolic links, `..`); the rest, and the file's
/// own name, are kept as written.
fn below_content(abs: &Path, content: &Path) -> Option<PathBuf> {
    let mut rest: Vec<std::ffi::OsString> = vec![abs.file_name()?.to_os_string()];
    let mut existing = abs.parent()?.to_path_buf();
    let resolved = loop {
        if let Ok(real) = fs::canonicalize(&existing) {
            break real;
        }
        rest.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?.to_path_buf();
    };
    let full = rest.iter().rev().fold(resolved, |p, part| p.join(part));
    full.strip_prefix(content).ok().map(Path::to_path_buf)
}

/// The error for a language code `book.toml` does not declare, listing those it does.
fn unknown_language(site: &Site, code: &str) -> Error {
    let codes: Vec<String> = site
        .config
        .languages
        .iter()
        .map(|l| format!("`{}`", l.code))
        .collect();
    Error::Msg(crate::msg!(
        "new-unknown-language",
        lang = code,
        languages = codes.join(", ")
    ))
}

/// Writes a new file, never over an existing one.
fn create(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Msg(crate::msg!("new-exists", path = display_path(path)))
            } else {
                Error::Write {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
}

/// Keys of the source's front matter that a translation does not copy: `title` is
/// written on its own as the first line to translate; `slug` is a word of the source's
/// language in its URL (the translation takes its file name until the translator gives
/// it a slug of its own); `translation` is the source's own record, if it is itself a
/// translation, while the stub gets a new one.
pub const NOT_COPIED: &[&str] = &["title", "slug", "translation"];

/// The source's front-matter lines to copy into a translation: every key but
/// [`NOT_COPIED`] (values in the source's language, such as `summary`, stay for the
/// translator to translate in place). Comment lines are left out.
fn copied_front_matter(yaml: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in yaml.lines() {
        let top_level = !line.starts_with([' ', '\t', '-'])
            && !line.trim().is_empty()
            && !line.starts_with('#');
        if top_level {
            let key = line.split(':').next().unwrap_or("").trim();
            skipping = NOT_COPIED.contains(&key);
        }
        if !skipping && !line.starts_with('#') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The title of a new page at `rel` (below `content/<lang>/`, no `.md`): its file name,
/// or for a section (`x/_index`) its folder's name, in words with a capital:
/// `kelompok-tugas` -> `Kelompok tugas`. `None` for the home page.
fn title_from_path(rel: &str) -> Option<String> {
    let mut parts = rel.rsplit('/');
    let mut stem = parts.next().unwrap_or(rel);
    if stem == "_index" {
        stem = parts.next()?;
    }
    let words = stem.trim_matches('_').replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// `panduan new PATH [--translate-from LANG]`: returns the file written.
pub fn new_page(
    options: &BuildOptions,
    path: &Path,
    translate_from: Option<&str>,
) -> Result<PathBuf> {
    let (site, _) = load_site(options)?;
    let (lang, rel) = locate(&site, path)?;
    let target = site
        .config
        .content_dir()
        .join(&lang)
        .join(format!("{rel}.md"));
    let Some(from) = translate_from else {
        let language = site.config.language(&lang).map(|l| l.title.clone());
        let title = title_from_path(&rel).or(language).unwrap_or_default();
        let text = format!(
            "---\ntitle: {}\nsummary: \"\"\n---\n\n",
            yaml_string(&title)
        );
        create(&target, &text)?;
        return Ok(target);
    };
    let from_index = site
        .config
        .languages
        .iter()
        .position(|l| l.code.as_str() == from)
        .ok_or_else(|| unknown_language(&site, from))?;
    let source = site
        .pages
        .iter()
        .find(|p| p.lang_index == from_index && p.rel == rel && p.path.is_some())
        .ok_or_else(|| {
            Error::Msg(crate::msg!(
                "new-no-source",
                path = format!("content/{from}/{rel}.md")
            ))
        })?;
    let fp = fingerprint(&source.title, source.body());
    let source_path = source
        .path
        .as_ref()
        .map(|p| display_path(p))
        .unwrap_or_default();
    let split = crate::load::split(&source.source, Path::new(&source_path)).ok();
    let copied = split
        .and_then(|s| s.yaml)
        .map(|r| copied_front_matter(&source.source[r]))
        .unwrap_or_default();
    let from_name = &site.config.languages[from_index].name;
    let guide = source.body().replace("-->", "--&gt;");
    // The notes are in the language of the messages: the translator's.
    let note: String = crate::t!(
        "new-stub-note",
        language = from_name.as_str(),
        path = source_path.as_str(),
        marker = STUB_MARKER
    )
    .lines()
    .map(|line| format!("# {line}\n"))
    .collect();
    let text = format!(
        "---\n{note}title: {}\n{copied}{}---\n\n{}\n\n{STUB_MARKER}\n{}\n\n{}\n-->\n",
        yaml_string(&source.title),
        record_yaml(from, &fp),
        crate::t!("new-stub-here"),
        crate::t!("new-stub-guide", language = from_name.as_str()),
        guide.trim_end(),
    );
    create(&target, &text)?;
    Ok(target)
}

/// `panduan translated PATH [--from LANG]`: records that the translation at `path` now
/// matches its source as it is. Returns the source's path.
pub fn mark_translated(options: &BuildOptions, path: &Path, from: Option<&str>) -> Result<String> {
    let (site, _) = load_site(options)?;
    let (lang, rel) = locate(&site, path)?;
    let lang_index = site
        .config
        .languages
        .iter()
        .position(|l| l.code.as_str() == lang)
        .unwrap_or(0);
    let page = site
        .pages
        .iter()
        .find(|p| p.lang_index == lang_index && p.rel == rel && p.path.is_some())
        .ok_or_else(|| {
            Error::Msg(crate::msg!(
                "translated-not-a-page",
                path = display_path(path)
            ))
        })?;
    if page.is_stub() {
        return Err(Error::Msg(crate::msg!(
            "translated-still-stub",
            path = display_path(path),
            marker = STUB_MARKER
        )));
    }
    let from = from
        .map(str::to_string)
        .or_else(|| {
            page.front
                .translation
                .as_ref()
                .map(|t| t.value.from.clone())
        })
        .or_else(|| {
            // A translation made by hand: the language of its original.
            let index = site.pages.iter().position(|p| std::ptr::eq(p, page))?;
            let source = crate::check::untracked_source(&site, index)?;
            Some(
                site.config.languages[site.pages[source].lang_index]
                    .code
                    .to_string(),
            )
        })
        .unwrap_or_else(|| site.config.default_lang().code.to_string());
    let from_index = site
        .config
        .languages
        .iter()
        .position(|l| l.code.as_str() == from)
        .ok_or_else(|| unknown_language(&site, &from))?;
    if from_index == lang_index {
        return Err(Error::Msg(crate::msg!(
            "translated-same-language",
            path = display_path(path),
            lang = &from
        )));
    }
    let index = site
        .pages
        .iter()
        .position(|p| std::ptr::eq(p, page))
        .unwrap_or(0);
    let source = site.translation(index, from_index).ok_or_else(|| {
        Error::Msg(crate::msg!(
            "translated-no-source",
            path = display_path(path),
            lang = &from
        ))
    })?;
    write_record(&site, index, source, &from)
}

/// `panduan translated --all`: records every translation made by hand (with no record
/// yet) as up to date with its source. Returns the pages and sources, as shown.
pub fn mark_all_untracked(options: &BuildOptions) -> Result<Vec<(String, String)>> {
    let (site, _) = load_site(options)?;
    let mut marked = Vec::new();
    for index in 0..site.pages.len() {
        let Some(source) = crate::check::untracked_source(&site, index) else {
            continue;
        };
        if site.pages[index].is_stub() {
            continue;
        }
        let from = site.config.languages[site.pages[source].lang_index]
            .code
            .to_string();
        let source_shown = write_record(&site, index, source, &from)?;
        let page_shown = site.pages[index]
            .path
            .as_ref()
            .map(|p| display_path(p))
            .unwrap_or_default();
        marked.push((page_shown, source_shown));
    }
    Ok(marked)
}

/// Writes into page `index`'s file the record of `source` (in language `from`) as it is
/// now, changing nothing else. Returns the source's path, as shown.
fn write_record(site: &Site, index: usize, source: usize, from: &str) -> Result<String> {
    let page = &site.pages[index];
    let path = page.path.as_deref().unwrap_or(Path::new(""));
    let source_page = &site.pages[source];
    let record = record_yaml(from, &fingerprint(&source_page.title, source_page.body()));
    let file = site.config.root.join(path);
    let updated = match replace_record(&page.source, &record) {
        Some(text) => text,
        None => insert_record(&page.source, &record).ok_or_else(|| {
            Error::Msg(crate::msg!(
                "translated-no-front-matter",
                path = display_path(path)
            ))
        })?,
    };
    // Write beside, then rename: the page is never half-written.
    crate::files::replace_atomically(&file, updated.as_bytes()).map_err(|source| Error::Write {
        path: file.clone(),
        source,
    })?;
    Ok(source_page
        .path
        .as_ref()
        .map(|p| display_path(p))
        .unwrap_or_default())
}

/// Adds a record just before the closing `---` of the front matter.
/// A page without front matter (titled by its `# Heading`) gets one holding the record.
fn insert_record(text: &str, record: &str) -> Option<String> {
    let split = crate::load::split(text, Path::new("")).ok()?;
    let Some(yaml) = split.yaml else {
        let bom = split.body.start;
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let block = format!("---\n{record}---\n").replace('\n', eol);
        return Some(format!("{}{block}{}", &text[..bom], &text[bom..]));
    };
    let eol = if text[..yaml.end].contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let record = if eol == "\r\n" {
        record.replace('\n', "\r\n")
    } else {
        record.to_string()
    };
    Some(format!(
        "{}{}{}",
        &text[..yaml.end],
        record,
        &text[yaml.end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_goes_before_the_closing_line_or_into_new_front_matter() {
        let record = "translation:\n  from: id\n";
        assert_eq!(
            insert_record("---\ntitle: A\n---\nB\n", record).as_deref(),
            Some("---\ntitle: A\ntranslation:\n  from: id\n---\nB\n")
        );
        assert_eq!(
            insert_record("\u{feff}# A\r\n\r\nB\r\n", record).as_deref(),
            Some("\u{feff}---\r\ntranslation:\r\n  from: id\r\n---\r\n# A\r\n\r\nB\r\n")
        );
    }

    #[test]
    fn a_new_page_is_titled_after_its_file_or_its_folder() {
        assert_eq!(
            title_from_path("kelompok-baru").as_deref(),
            Some("Kelompok baru")
        );
        assert_eq!(title_from_path("x/_index").as_deref(), Some("X"));
        assert_eq!(
            title_from_path("a/kelompok-tugas/_index").as_deref(),
            Some("Kelompok tugas")
        );
        assert_eq!(title_from_path("ülke").as_deref(), Some("Ülke"));
        assert_eq!(title_from_path("_index"), None);
    }
}
