//! Text pasted from a word processor or a spreadsheet (issue #26): what Word and Excel
//! do to text that looks right on screen, recognised and explained.
//!
//! - non-breaking and other Unicode spaces in front matter are read as spaces;
//! - `—`/`–` lines that Word made of the `---` fences are read as fences, with a
//!   warning;
//! - a title or summary wrapped in curly quotes gets a warning with the fix;
//! - a paragraph of tab-separated lines gets a hint with the same rows as a Markdown
//!   table, ready to paste.
//!
//! Pure functions over text; the loader calls them.

use std::borrow::Cow;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Span};
use crate::{help, msg};

/// Whether `c` is a space other than the ASCII one that a word processor puts in text
/// (no-break, en, em, thin, narrow no-break, ideographic space, ...).
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// `yaml` with every Unicode space turned into an ASCII space, so that `summary:`
/// followed by a no-break space reads as the author sees it. Columns (counted in
/// characters) stay where they were.
pub(super) fn plain_spaces(yaml: &str) -> Cow<'_, str> {
    if yaml.chars().any(is_unicode_space) {
        Cow::Owned(
            yaml.chars()
                .map(|c| if is_unicode_space(c) { ' ' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(yaml)
    }
}

/// Whether `line` is a front-matter fence that a word processor turned into dashes
/// (`—`, `–-`, `– – –`): only dashes and spaces, at least one of them typographic.
pub(crate) fn is_dash_fence(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().any(|c| matches!(c, '–' | '—' | '―'))
        && line
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '―' | ' ') || is_unicode_space(c))
}

/// The warning for a fence written with dashes at `line`.
pub(super) fn dash_fence_warning(path: &Path, line: u32, text: &str) -> Diagnostic {
    Diagnostic::warning(
        Span::new(path, line, 1),
        msg!("front-matter-dash-fence", line = text.trim()),
    )
    .with_help(help!())
    .with_line(text)
}

/// The warning for a title or summary wrapped in curly quotes (`“Kelompok Sehati”`),
/// which would become part of it; `None` when it is not.
pub(super) fn curly_quotes(key: &str, value: &str, span: &Span) -> Option<Diagnostic> {
    let value = value.trim();
    let mut chars = value.chars();
    let (first, last) = (chars.next()?, chars.next_back()?);
    let opening = matches!(first, '“' | '”' | '„' | '‘' | '’' | '«');
    let closing = matches!(last, '”' | '“' | '’' | '‘' | '»');
    if !(opening && closing) {
        return None;
    }
    let inner: String = value
        .chars()
        .skip(1)
        .take(value.chars().count() - 2)
        .collect();
    let fix = format!("{key}: {}", quoted(inner.trim()));
    Some(
        Diagnostic::warning(span.clone(), msg!("front-matter-curly-quotes", key = key))
            .with_help(help!(fix = fix)),
    )
}

/// `text` as a quoted YAML scalar: in double quotes, or in single quotes if it holds a
/// double quote (a single quote inside is written twice).
pub(super) fn quoted(text: &str) -> String {
    if text.contains('"') || text.contains('\\') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

/// For `key: "text with "inner" quotes"`: the column (1-based) of the quote that ends
/// the text too early, and the line written so that it reads.
pub(super) fn nested_quotes(line: &str) -> Option<(u64, String)> {
    let (key, value) = line.split_once(':')?;
    if key.starts_with([' ', '\t']) {
        return None;
    }
    let value = value.trim();
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
    let early = inner.find(quote)?;
    let after = &line[key.len() + 1..];
    let value_start = key.len() + 1 + (after.len() - after.trim_start().len());
    // The opening quote, the text before the early quote, and that quote (1-based).
    let col = line[..value_start].chars().count() + 1 + inner[..early].chars().count() + 1;
    let fixed = match quote {
        // `"a "b" c"` -> `'a "b" c'` (single quotes inside doubled)
        '"' => format!("{key}: '{}'", inner.replace('\'', "''")),
        // `'a 'b' c'` -> `'a ''b'' c'`
        _ => format!("{key}: '{}'", inner.replace('\'', "''")),
    };
    Some((u64::try_from(col).unwrap_or(1), fixed))
}

/// A hint for each paragraph of `body` made of two or more lines with the same number
/// (two or more) of tab-separated cells: a table pasted from a spreadsheet, which
/// Markdown shows as one run of text. The hint holds the same rows as a Markdown table.
/// `first_line` is the file line of the body's first line.
pub(super) fn tab_tables(body: &str, path: &Path, first_line: u32) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, &str)> = Vec::new();
    let mut in_fence = false;
    let lines: Vec<&str> = body.lines().collect();
    let mut flush = |block: &mut Vec<(usize, &str)>| {
        if let Some(d) = tab_table(block, path, first_line) {
            out.push(d);
        }
        block.clear();
    };
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            flush(&mut block);
            continue;
        }
        if in_fence
            || line.trim().is_empty()
            || line.starts_with(['\t', ' ']) && !line.trim_start().contains('\t')
        {
            flush(&mut block);
            continue;
        }
        block.push((n, line));
    }
    flush(&mut block);
    out
}

/// The hint for one paragraph, if it is a pasted table.
fn tab_table(block: &[(usize, &str)], path: &Path, first_line: u32) -> Option<Diagnostic> {
    if block.len() < 2 || block.iter().any(|(_, l)| l.starts_with('\t')) {
        return None;
    }
    let rows: Vec<Vec<&str>> = block
        .iter()
        .map(|(_, l)| l.trim_end().split('\t').map(str::trim).collect())
        .collect();
    let width = rows[0].len();
    if width < 2 || rows.iter().any(|r| r.len() != width) {
        return None;
    }
    let cell = |c: &str| c.replace('|', "\\|");
    let mut table = String::new();
    for (i, row) in rows.iter().enumerate() {
        table.push_str("| ");
        table.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
        table.push_str(" |\n");
        if i == 0 {
            table.push_str(&format!("|{}\n", "---|".repeat(width)));
        }
    }
    let line = first_line.saturating_add(u32::try_from(block[0].0).unwrap_or(0));
    Some(
        Diagnostic::hint(
            Span::new(path, line, 1),
            msg!("body-tab-table", rows = rows.len()),
        )
        .with_help(help!(table = table.trim_end().to_string())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_spaces_become_spaces_and_keep_their_columns() {
        assert_eq!(plain_spaces("summary:\u{a0}Teks"), "summary: Teks");
        assert_eq!(plain_spaces("a:\u{2009}b\u{3000}c"), "a: b c");
        assert!(matches!(plain_spaces("title: x"), Cow::Borrowed(_)));
    }

    #[test]
    fn dashes_from_word_are_fences() {
        for fence in ["—", "–-", "– – –", "—-", " ―  "] {
            assert!(is_dash_fence(fence), "{fence:?}");
        }
        for other in ["---", "-", "— judul", ""] {
            assert!(!is_dash_fence(other), "{other:?}");
        }
    }

    #[test]
    fn curly_quotes_around_a_title_are_found_with_the_fix() {
        let span = Span::new("a.md", 2, 8);
        let d = curly_quotes("title", "“Kelompok Sehati”", &span).expect("a warning");
        assert_eq!(d.span, span);
        assert!(
            d.help
                .unwrap_or_default()
                .contains("title: \"Kelompok Sehati\"")
        );
        assert!(curly_quotes("title", "Kelompok “Sehati”", &span).is_none());
        assert!(curly_quotes("title", "Biasa", &span).is_none());
    }

    #[test]
    fn nested_quotes_are_rewritten_from_the_authors_line() {
        let (col, fix) =
            nested_quotes("title: \"Kelompok \"Sehati\" Desa\"").expect("nested quotes");
        assert_eq!(fix, "title: 'Kelompok \"Sehati\" Desa'");
        assert_eq!(col, 18, "at the quote before Sehati");
        let (_, fix) = nested_quotes("title: 'Ibu 'Ani' datang'").expect("nested quotes");
        assert_eq!(fix, "title: 'Ibu ''Ani'' datang'");
        assert!(nested_quotes("title: \"Biasa\"").is_none());
    }

    #[test]
    fn a_paragraph_of_tabs_gets_a_ready_markdown_table() {
        let body = "Teks biasa.\n\nNama\tUmur\nAni\t30\nBudi\t41\n\n```\na\tb\nc\td\n```\n";
        let hints = tab_tables(body, Path::new("a.md"), 5);
        assert_eq!(hints.len(), 1, "the code block is left alone");
        assert_eq!(hints[0].span, Span::new("a.md", 7, 1));
        assert_eq!(
            hints[0]
                .help
                .as_deref()
                .map(|h| h.contains("| Nama | Umur |\n|---|---|\n| Ani | 30 |\n| Budi | 41 |")),
            Some(true),
            "{:?}",
            hints[0].help
        );
        assert!(
            tab_tables("a\tb\n", Path::new("a.md"), 1).is_empty(),
            "one line"
        );
        assert!(
            tab_tables("a\tb\nc\n", Path::new("a.md"), 1).is_empty(),
            "uneven"
        );
    }
}
