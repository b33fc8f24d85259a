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
fn locate(site: &Site, path: &Path) -> Result<(String, String)> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let content = site.config.content_dir();
    let content = fs::canonicalize(&content).unwrap_or(content);
    let parent = abs
        .parent()
        .map(|p| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()));
    let abs = match (parent, abs.file_name()) {
        (Some(p), Some(name)) => p.join(name),
        _ => abs,
    };
    let below = abs.strip_prefix(&content).map_err(|_| {
        Error::Other(format!(
            "`{}` is not inside this handbook's `content/` folder",
            display_path(path)
        ))
    })?;
    let below = display_path(below);
    let Some((lang, rest)) = below.split_once('/') else {
        return Err(Error::Other(format!(
            "`{}` is not inside a language folder such as `content/id/`",
            display_path(path)
        )));
    };
    if site.config.language(lang).is_none() {
        return Err(unknown_language(site, lang));
    }
    let Some(rel) = rest.strip_suffix(".md") else {
        return Err(Error::Other(format!(
            "`{}` must end in `.md`",
            display_path(path)
        )));
    };
    Ok((lang.to_string(), rel.to_string()))
}

/// The error for a language code `book.toml` does not declare, listing those it does.
fn unknown_language(site: &Site, code: &str) -> Error {
    let codes: Vec<String> = site
        .config
        .languages
        .iter()
        .map(|l| format!("`{}`", l.code))
        .collect();
    Error::Other(format!(
        "`{code}` is not a language of this handbook\n  = help: the languages in book.toml: {}",
        codes.join(", ")
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
                Error::Other(format!(
                    "`{}` already exists; Panduan never overwrites a page",
                    display_path(path)
                ))
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

/// The source's front-matter lines worth copying into a translation: everything but
/// the keys that are per-language or per-translation.
fn copied_front_matter(yaml: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in yaml.lines() {
        let top_level = !line.starts_with([' ', '\t', '-'])
            && !line.trim().is_empty()
            && !line.starts_with('#');
        if top_level {
            let key = line.split(':').next().unwrap_or("").trim();
            skipping = matches!(key, "title" | "slug" | "translation" | "draft" | "summary");
        }
        if !skipping && !line.starts_with('#') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
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
        let stem = rel
            .rsplit('/')
            .next()
            .unwrap_or(&rel)
            .trim_start_matches('_');
        let mut title: String = stem.replace(['-', '_'], " ");
        if let Some(first) = title.get(..1) {
            title = first.to_uppercase() + &title[1..];
        }
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
            Error::Other(format!(
                "there is no page `content/{from}/{rel}.md` to translate from"
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
    let text = format!(
        "---\n# Translated from {from_name} ({source_path}). Translate the title and the text,\n# delete the `{STUB_MARKER}` block at the end, then build.\ntitle: {}\n{copied}{}---\n\nTranslate here.\n\n{STUB_MARKER}\nThe {from_name} text, as a guide. Delete this block when the translation is done.\n\n{}\n-->\n",
        yaml_string(&source.title),
        record_yaml(from, &fp),
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
            Error::Other(format!(
                "`{}` is not a page of this handbook",
                display_path(path)
            ))
        })?;
    if page.body().contains(STUB_MARKER) {
        return Err(Error::Other(format!(
            "`{}` still holds the `{STUB_MARKER}` guide block; finish the translation and delete that block first",
            display_path(path)
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
        .unwrap_or_else(|| site.config.default_lang().code.to_string());
    let from_index = site
        .config
        .languages
        .iter()
        .position(|l| l.code.as_str() == from)
        .ok_or_else(|| unknown_language(&site, &from))?;
    if from_index == lang_index {
        return Err(Error::Other(format!(
            "`{}` is itself in `{from}`; name the source language with `--from`",
            display_path(path)
        )));
    }
    let index = site
        .pages
        .iter()
        .position(|p| std::ptr::eq(p, page))
        .unwrap_or(0);
    let source = site.translation(index, from_index).ok_or_else(|| {
        Error::Other(format!(
            "`{}` has no `{from}` source page",
            display_path(path)
        ))
    })?;
    let source_page = &site.pages[source];
    let record = record_yaml(&from, &fingerprint(&source_page.title, source_page.body()));
    let file = site
        .config
        .root
        .join(page.path.as_ref().map_or(Path::new(""), PathBuf::as_path));
    let updated = match replace_record(&page.source, &record) {
        Some(text) => text,
        None => insert_record(&page.source, &record).ok_or_else(|| {
            Error::Other(format!(
                "`{}` has no front matter to record the translation in",
                display_path(path)
            ))
        })?,
    };
    // Write beside, then rename: the page is never half-written.
    let tmp = file.with_extension("md.panduan-tmp");
    fs::write(&tmp, updated).map_err(|source| Error::Write {
        path: tmp.clone(),
        source,
    })?;
    fs::rename(&tmp, &file).map_err(|source| Error::Write {
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
fn insert_record(text: &str, record: &str) -> Option<String> {
    let split = crate::load::split(text, Path::new("")).ok()?;
    let yaml = split.yaml?;
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
