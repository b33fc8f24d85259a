//! House terms in one page (`[terms.<lang>]` of `book.toml`): every avoided form in its
//! running text and its front matter becomes a warning at its place, naming the house
//! term; the house terms and counterparts it uses are kept for `check`'s hint about
//! translations. One pass of [`crate::terms`]' automaton per page, over the Markdown
//! text the analysis kept ([`crate::markdown::Prose`]) and the front-matter lines that
//! hold text.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, LineIndex, Span};
use crate::terms::{Entry, Haystack, Join, Role};

use super::Page;

/// Front-matter keys whose values are names, numbers or records, not text a reader
/// reads: house terms are not looked for in them.
const NOT_TEXT: &[&str] = &[
    "slug",
    "key",
    "kind",
    "template",
    "related",
    "translation",
    "order",
    "draft",
];

/// The warnings for avoided forms in `page`, and the other terms it uses (sorted).
pub(super) fn look(config: &Config, page: &Page) -> (Vec<Diagnostic>, Vec<Role>) {
    let Some(terms) = config.terms.language(page.lang_index) else {
        return (Vec::new(), Vec::new());
    };
    let Some(path) = &page.path else {
        return (Vec::new(), Vec::new());
    };
    let source = &*page.source;
    let mut haystack = Haystack::default();
    front_matter(source, page.body.start, &mut haystack);
    let base = page.body.start;
    for piece in &page.analysis.prose {
        let at = base + piece.range.start;
        match &piece.text {
            None => haystack.push(at, &source[at..base + piece.range.end], piece.gap),
            Some(text) => haystack.push_fixed(at..base + piece.range.end, text, piece.gap),
        }
    }
    let mut diagnostics = Vec::new();
    let mut uses = Vec::new();
    let mut index = None;
    for found in terms.find(&haystack) {
        for &role in found.roles {
            let Role::Avoided { entry } = role else {
                uses.push(role);
                continue;
            };
            let index = index.get_or_insert_with(|| LineIndex::new(source));
            let (line, col) = index.line_col(source, found.source.start);
            // As written, unless markup sits inside (`konseling *individual*`).
            let avoided = &terms.entries[entry].avoided;
            let written = source
                .get(found.source.clone())
                .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|w| crate::terms::normalize(w) == crate::terms::normalize(avoided))
                .unwrap_or_else(|| avoided.clone());
            diagnostics.push(
                avoided_warning(
                    Span::new(path.clone(), line, col),
                    &written,
                    &terms.entries[entry],
                    config.languages[page.lang_index].name.as_str(),
                    &terms.lang,
                )
                .with_line(line_at(source, found.source.start)),
            );
        }
    }
    uses.sort();
    uses.dedup();
    (diagnostics, uses)
}

fn avoided_warning(
    span: Span,
    written: &str,
    entry: &Entry,
    language: &str,
    code: &str,
) -> Diagnostic {
    Diagnostic::warning(
        span,
        crate::msg!(
            "term-avoided",
            written = written,
            preferred = same_capital(written, &entry.preferred)
        ),
    )
    .with_help(crate::help!(
        language = language,
        lang = code,
        line = entry.line
    ))
}

/// `preferred` with a capital first letter when `written` has one (a sentence start).
fn same_capital(written: &str, preferred: &str) -> String {
    let capital = written.chars().next().is_some_and(char::is_uppercase);
    let mut chars = preferred.chars();
    match chars.next() {
        Some(first) if capital && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => preferred.to_string(),
    }
}

/// The source line that holds byte `offset`.
fn line_at(source: &str, offset: usize) -> &str {
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    &source[start..end]
}

/// Adds the front matter's text (`source[..end]`) to `haystack`, line by line: the
/// values of the keys that hold text (not [`NOT_TEXT`]), with their continuation
/// lines, each key's value apart from the next.
fn front_matter(source: &str, end: usize, haystack: &mut Haystack) {
    let mut at = 0;
    let mut reading = false;
    let mut join = Join::Apart;
    for line in source[..end].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let text = line.trim_end();
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || text == "---" {
            join = Join::Apart;
            continue;
        }
        let continues = text.starts_with(char::is_whitespace) || text.starts_with('-');
        let value = if continues {
            text
        } else {
            let (key, value) = text.split_once(':').unwrap_or((text, ""));
            reading = !NOT_TEXT.contains(&key.trim());
            join = Join::Apart;
            value
        };
        if reading {
            let offset = start + (text.len() - value.len());
            haystack.push(offset, value, join);
            join = Join::Space;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capital_at_the_start_is_kept() {
        assert_eq!(same_capital("Edukasi", "pendidikan"), "Pendidikan");
        assert_eq!(same_capital("edukasi", "pendidikan"), "pendidikan");
        assert_eq!(same_capital("Role play", "role-play"), "Role-play");
    }
}
