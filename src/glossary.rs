//! Checks of the glossary terms that pages define in `extra.glossary` (a list of
//! `{ key, term, definition }`, gathered by the `glossary` template function).
//!
//! Around the pipeline: `check` calls [`checks`] on the finished model. It warns about
//! an entry without a key, term or definition, a key used twice in one language, and a
//! key that another language lacks although the page has a translation there, each at
//! the entry's `path:line:col`. It reads the model only and writes nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Span, display_path};
use crate::model::{Page, Site, page_span};

/// One entry of a page's `extra.glossary`, as far as it was written.
struct Entry<'a> {
    key: Option<&'a str>,
    term: Option<&'a str>,
    definition: Option<&'a str>,
    /// Where the entry starts in the page's file.
    span: Span,
}

/// The glossary entries of `page`, with the place of each in its file; `Err` with a
/// warning when `extra.glossary` is there but is not a list.
fn entries(page: &Page) -> Result<Vec<Entry<'_>>, Diagnostic> {
    let Some(value) = page.front.extra.as_ref().and_then(|e| e.get("glossary")) else {
        return Ok(Vec::new());
    };
    let Some(list) = value.as_array() else {
        return Err(Diagnostic::warning(
            place(page, "glossary:", 0).unwrap_or_else(|| page_span(page)),
            crate::msg!("glossary-not-a-list"),
        )
        .with_help(crate::help!()));
    };
    Ok(list
        .iter()
        .enumerate()
        .map(|(n, entry)| {
            let text = |name: &str| {
                entry
                    .get(name)
                    .and_then(serde_json::Value::as_str)
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
            };
            Entry {
                key: text("key"),
                term: text("term"),
                definition: text("definition"),
                span: place(page, "- ", n).unwrap_or_else(|| page_span(page)),
            }
        })
        .collect())
}

/// The place of the `n`-th line (0-based) after the `glossary:` line of the front
/// matter that starts, once indented, with `marker`.
fn place(page: &Page, marker: &str, n: usize) -> Option<Span> {
    let path = page.path.as_ref()?;
    let front = &page.source[..page.body.start.min(page.source.len())];
    let mut lines = front.lines().enumerate();
    let (start, _) = lines.find(|(_, l)| l.trim_start().starts_with("glossary:"))?;
    let indent = column(front, start);
    if marker == "glossary:" {
        return Some(Span::new(path.clone(), line_number(start), indent));
    }
    // The entries end where a line is indented no deeper than `glossary:` itself.
    let (line, _) = lines
        .take_while(|(i, l)| l.trim().is_empty() || column(front, *i) > indent)
        .filter(|(_, l)| l.trim_start().starts_with(marker))
        .nth(n)?;
    Some(Span::new(
        path.clone(),
        line_number(line),
        column(front, line),
    ))
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The 1-based column of the first non-blank character of line `index`.
fn column(text: &str, index: usize) -> u32 {
    let line = text.lines().nth(index).unwrap_or_default();
    u32::try_from(line.len() - line.trim_start().len() + 1).unwrap_or(1)
}

/// Every warning about the glossary entries of `site`.
pub fn checks(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let languages = &site.config.languages;
    // The keys each language defines, and the pages that define glossary entries.
    let mut keys: Vec<BTreeMap<&str, &Page>> = vec![BTreeMap::new(); languages.len()];
    let mut defining = Vec::new();
    for page in site.pages.iter().filter(|p| p.path.is_some()) {
        match entries(page) {
            Err(d) => out.push(d),
            Ok(list) if list.is_empty() => {}
            Ok(list) => defining.push((page, list)),
        }
    }
    for (page, list) in &defining {
        for entry in list {
            let missing: Vec<&str> = [
                ("key", entry.key),
                ("term", entry.term),
                ("definition", entry.definition),
            ]
            .into_iter()
            .filter_map(|(name, v)| v.is_none().then_some(name))
            .collect();
            if !missing.is_empty() {
                out.push(
                    Diagnostic::warning(
                        entry.span.clone(),
                        crate::msg!("glossary-term-incomplete", missing = missing.join("`, `")),
                    )
                    .with_help(crate::help!()),
                );
            }
            let Some(key) = entry.key else { continue };
            if let Some(first) = keys[page.lang_index].insert(key, page) {
                out.push(
                    Diagnostic::warning(
                        entry.span.clone(),
                        crate::msg!("glossary-key-twice", key = key),
                    )
                    .with_help(crate::help!(
                        other = first.path.as_deref().map(display_path).unwrap_or_default()
                    )),
                );
            }
        }
    }
    for (page, list) in &defining {
        let Some(slots) = site.translations.get(&page.id) else {
            continue;
        };
        for (l, slot) in slots.iter().enumerate() {
            let Some(other) = slot.map(|i| &site.pages[i]) else {
                continue;
            };
            if l == page.lang_index || other.path.is_none() {
                continue;
            }
            let theirs: BTreeSet<&str> = keys[l].keys().copied().collect();
            for entry in list {
                let Some(key) = entry.key.filter(|k| !theirs.contains(k)) else {
                    continue;
                };
                out.push(
                    Diagnostic::warning(
                        entry.span.clone(),
                        crate::msg!(
                            "glossary-no-counterpart",
                            term = entry.term.unwrap_or(key),
                            language = &languages[l].name,
                            lang = languages[l].code.as_str()
                        ),
                    )
                    .with_help(crate::help!(
                        key = key,
                        other = other.path.as_deref().map(display_path).unwrap_or_default()
                    )),
                );
            }
        }
    }
    out
}
