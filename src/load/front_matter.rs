//! Front matter: split the YAML block off a page and turn it into typed [`FrontMatter`].
//!
//! All YAML parsing in Panduan goes through [`parse_yaml_map`]. Positions in diagnostics
//! are lines of the `.md` file, not of the YAML block. Pure: no I/O.

use std::ops::Range;
use std::path::Path;

use indexmap::IndexMap;
use serde_json::Value;
use serde_saphyr::Spanned;

use crate::config::{Config, FieldType, KindDef, RESERVED_KEYS};
use crate::diagnostic::{Diagnostic, Help, Span, did_you_mean};
use crate::help;
use crate::i18n::Msg;
use crate::{msg, t};

use super::pasted;

/// A value with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// The value of a kind's field, as typed by its declaration.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    List(Vec<String>),
    Integer(i64),
    Bool(bool),
    /// The id of another page, as written (the model checks that it names one).
    Page(String),
}

/// The record of a translated page: the language and version of its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRecord {
    /// The source language code.
    pub from: String,
    /// The source's fingerprint when this translation was last brought up to date.
    pub source: String,
    /// Per-block fingerprints of that version.
    pub blocks: Vec<String>,
}

/// Typed front matter of one page.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub title: Option<Located<String>>,
    pub summary: Option<String>,
    pub order: Option<i64>,
    pub slug: Option<Located<String>>,
    pub tags: Vec<String>,
    pub related: Vec<Located<String>>,
    pub draft: bool,
    /// `audience: authors`: a page for the handbook's authors only (issue #29), kept
    /// out of the navigation, search, print, PDF, EPUB and sitemap.
    pub for_authors: bool,
    pub key: Option<Located<String>>,
    pub kind: Option<Located<String>>,
    /// Which version of which source this page translates.
    pub translation: Option<Located<TranslationRecord>>,
    /// Free-form values for the theme (`page.extra` in templates).
    pub extra: Option<Value>,
    /// The theme template that renders this page instead of `page.html`.
    pub template: Option<Located<String>>,
    /// The kind's fields in declaration order.
    pub fields: IndexMap<String, FieldValue>,
    /// Where the value of each field in `fields` was written.
    pub field_spans: IndexMap<String, Span>,
}

/// Turns lone carriage returns (old Mac line endings, or a damaged file) into `\n`, so
/// that YAML, Markdown and our line numbers agree on what a line is. `\r\n` stays; the
/// length in bytes does not change.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') || !text.split('\r').skip(1).any(|rest| !rest.starts_with('\n')) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Where the front matter and the body are in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The YAML between the `---` lines, if the file has front matter.
    pub yaml: Option<Range<usize>>,
    /// The Markdown after the front matter.
    pub body: Range<usize>,
    /// 1-based line of the first YAML line (the line after the opening `---`).
    pub yaml_first_line: u32,
    /// Fences a word processor turned into dashes (`—`), read as fences.
    pub warnings: Vec<Diagnostic>,
}

/// Splits `text` into front matter and body. The front matter starts with a `---` line
/// at the very top and ends with the next `---` (or `...`) line.
pub fn split(text: &str, path: &Path) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_line_end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let no_front_matter = Split {
        yaml: None,
        body: start..text.len(),
        yaml_first_line: 1,
        warnings: Vec::new(),
    };
    let first = &text[start..first_line_end];
    // Word turns `---` into `—` (issue #26): read as a fence, with a warning.
    let is_dashes = pasted::is_dash_fence(first);
    if first.trim_end() != "---" && !is_dashes {
        return Ok(no_front_matter);
    }
    let mut warnings = Vec::new();
    if is_dashes {
        warnings.push(pasted::dash_fence_warning(path, 1, first));
    }
    let mut pos = first_line_end;
    let mut line_number = 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        line_number += 1;
        let line = text[pos..end].trim_end();
        let is_dash_close = pasted::is_dash_fence(line);
        if line == "---" || line == "..." || is_dash_close {
            if is_dash_close {
                warnings.push(pasted::dash_fence_warning(path, line_number, line));
            }
            return Ok(Split {
                yaml: Some(first_line_end..pos),
                body: end..text.len(),
                yaml_first_line: 2,
                warnings,
            });
        }
        pos = end;
    }
    if is_dashes {
        // A line of dashes with no closing one is text, not front matter.
        return Ok(no_front_matter);
    }
    Err(Diagnostic::error(Span::file(path), msg!("front-matter-not-closed")).with_help(help!()))
}

/// Parses a YAML mapping, keeping where each value was written. Errors are located in
/// the file: `first_line` is the file line of the YAML's first line.
pub fn parse_yaml_map(
    yaml: &str,
    path: &Path,
    first_line: u32,
) -> Result<IndexMap<String, (Value, Span)>, Diagnostic> {
    let at = |line: u64, col: u64| {
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        Span::new(
            path,
            first_line.saturating_add(line.saturating_sub(1)),
            u32::try_from(col).unwrap_or(u32::MAX),
        )
    };
    // A no-break space from a word processor reads as the space it looks like.
    let yaml = &*pasted::plain_spaces(yaml);
    if let Some(map) = simple_yaml_map(yaml) {
        return Ok(map
            .into_iter()
            .map(|(k, (v, line, col))| (k, (v, at(line, col))))
            .collect());
    }
    let options = serde_saphyr::options! { with_snippet: false };
    let parsed: Result<IndexMap<String, Spanned<Value>>, _> =
        serde_saphyr::from_str_with_options(yaml, options);
    match parsed {
        Ok(map) => {
            let map: IndexMap<String, (Value, Span)> = map
                .into_iter()
                .map(|(k, v)| {
                    let span = at(v.referenced.line(), v.referenced.column());
                    (k, (v.value, span))
                })
                .collect();
            // A NUL (YAML's `"\0"`) would end up raw in the HTML, the EPUB and the PDF.
            for (key, (value, span)) in &map {
                if has_nul(value) || key.contains('\0') {
                    return Err(
                        Diagnostic::error(span.clone(), msg!("yaml-nul")).with_help(help!())
                    );
                }
            }
            Ok(map)
        }
        Err(e) => {
            let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let text = e.to_string();
            let message = text
                .rsplit_once(" at line ")
                .map_or(text.as_str(), |(m, _)| m);
            let slip = if let Some(limit) = yaml_limit(&text, yaml) {
                Slip::whole(line, col, limit)
            } else if message.starts_with("expected mapping start") {
                Slip::whole(line, col, msg!("yaml-not-a-map"))
            } else {
                yaml_slip(yaml, message, line, col)
            };
            let line_text = usize::try_from(slip.line)
                .ok()
                .and_then(|n| yaml.lines().nth(n.saturating_sub(1)));
            let mut d =
                Diagnostic::error(at(slip.line, slip.col), slip.message).with_help(slip.help);
            if let Some(text) = line_text.filter(|_| slip.show_line) {
                d = d.with_line(text);
            }
            Err(d)
        }
    }
}

/// Whether a NUL character is in any text of `value`.
fn has_nul(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().any(has_nul),
        Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || has_nul(v)),
        _ => false,
    }
}

/// How deep lists and maps may nest in front matter (the parser's own budget).
pub(crate) const YAML_MAX_DEPTH: usize = 64;
/// How many values (keys, items, scalars) front matter may hold.
pub(crate) const YAML_MAX_VALUES: usize = 250_000;

/// The limit of the YAML parser that `text` (its error about `yaml`) says was passed,
/// as a message naming it: nesting depth, number of values, size of text, or aliases
/// (too many values where anchors and aliases expand into them).
fn yaml_limit(text: &str, yaml: &str) -> Option<Msg> {
    let has_aliases = yaml.contains('&') && yaml.contains('*');
    if text.contains("recursion limit exceeded") {
        return Some(msg!("yaml-too-deep", limit = YAML_MAX_DEPTH));
    }
    let breach = text.split_once("budget breached: ")?.1;
    Some(if breach.contains("Depth") {
        msg!("yaml-too-deep", limit = YAML_MAX_DEPTH)
    } else if (breach.starts_with("Nodes") || breach.starts_with("Events")) && !has_aliases {
        msg!("yaml-too-many-values", limit = YAML_MAX_VALUES)
    } else if (breach.contains("Bytes") || breach.starts_with("Documents")) && !has_aliases {
        msg!("yaml-too-much-text")
    } else {
        msg!("yaml-too-large")
    })
}

/// A YAML error in plain words: where, what, and what to do.
struct Slip {
    /// 1-based line and column within the YAML block.
    line: u64,
    col: u64,
    message: Msg,
    help: Help,
    /// Whether to show the line with a caret.
    show_line: bool,
}

impl Slip {
    /// A problem of the block as a whole, shown without its line.
    fn whole(line: u64, col: u64, message: Msg) -> Slip {
        Slip {
            line,
            col,
            message,
            help: help!(),
            show_line: false,
        }
    }
}

/// The common slips of authors who are not programmers, recognised from the parser's
/// `message` at `line:col` (1-based, within `yaml`) and the author's own line: a colon
/// inside text, a tab used for indentation, an unclosed quote, a line indented by
/// mistake. Anything else keeps the parser's words.
fn yaml_slip(yaml: &str, message: &str, line: u64, col: u64) -> Slip {
    let lines: Vec<&str> = yaml.lines().collect();
    let line_at = |n: u64| {
        usize::try_from(n)
            .ok()
            .and_then(|n| lines.get(n.saturating_sub(1)).copied())
            .unwrap_or("")
    };
    let slip = |line: u64, col: u64, message: Msg, help: Help| Slip {
        line,
        col,
        message,
        help,
        show_line: true,
    };
    let text = line_at(line);
    if message.contains("tab") {
        // The parser may report the line before the tab: find the tab itself.
        let indented = lines
            .iter()
            .position(|l| {
                l.starts_with([' ', '\t']) && l[..l.len() - l.trim_start().len()].contains('\t')
            })
            .or_else(|| lines.iter().position(|l| l.contains('\t')));
        if let Some(n) = indented {
            let tab = lines[n].chars().position(|c| c == '\t').unwrap_or(0);
            let n = u64::try_from(n + 1).unwrap_or(line);
            let col = u64::try_from(tab + 1).unwrap_or(1);
            return slip(n, col, msg!("yaml-tab", line = n), help!());
        }
    }
    if message.starts_with("unclosed quote") {
        let help = match text.split_once(": ") {
            Some((key, value))
                if !key.starts_with([' ', '\t']) && value.starts_with(['"', '\'']) =>
            {
                let quote = &value[..1];
                help!(
                    "help-fix",
                    fix = format!("{key}: {}{quote}", value.trim_end())
                )
            }
            _ => help!(),
        };
        return slip(line, col, msg!("yaml-unclosed-quote"), help);
    }
    if let Some((at, fix)) = (message.contains("trailing content")
        || message.contains("after quoted"))
    .then(|| pasted::nested_quotes(text))
    .flatten()
    {
        return slip(line, at, msg!("yaml-nested-quotes"), help!(fix = fix));
    }
    if message.starts_with("mapping values are not allowed") {
        if text.starts_with(' ') {
            return slip(line, 1, msg!("yaml-indented-line"), help!());
        }
        if let Some((key, value)) = text.split_once(": ") {
            let value = value.trim();
            if !value.starts_with(['"', '\'', '[', '{', '|', '>']) {
                return slip(
                    line,
                    col,
                    msg!("yaml-colon-in-text"),
                    help!(fix = format!("{key}: {}", quoted(value))),
                );
            }
        }
    }
    slip(line, col, msg!("yaml-invalid", detail = message), help!())
}

/// `text` as a quoted YAML scalar: in double quotes, or in single quotes if it holds a
/// double quote (a single quote inside is written twice).
fn quoted(text: &str) -> String {
    pasted::quoted(text)
}

/// Front matter of the common, simple shape, read without the YAML parser (which costs
/// far more than such a block needs): one `key: value` per line, each value a plain
/// word-like scalar, a small integer or a flow list of such scalars. Returns `None` for
/// anything else (comments, quotes, nesting, booleans, nulls, floats, special
/// characters...), which the full parser reads; a test holds both to the same answers.
/// Values come with their line and column (1-based, within the block).
fn simple_yaml_map(yaml: &str) -> Option<IndexMap<String, (Value, u64, u64)>> {
    let mut map = IndexMap::new();
    for (n, line) in yaml
        .strip_suffix('\n')
        .unwrap_or(yaml)
        .split('\n')
        .enumerate()
    {
        let (key, value) = line.split_once(": ")?;
        let mut key_chars = key.chars();
        if !key_chars.next()?.is_ascii_alphabetic()
            || !key_chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let value_col = key.len() + 2;
        let parsed = if let Some(items) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']'))
        {
            if items.is_empty() {
                Value::Array(Vec::new())
            } else {
                let mut list = Vec::new();
                for item in items.split(", ") {
                    if item.contains(',') {
                        return None;
                    }
                    list.push(simple_scalar(item)?);
                }
                Value::Array(list)
            }
        } else {
            simple_scalar(value)?
        };
        let line_no = u64::try_from(n + 1).ok()?;
        let col = u64::try_from(value_col + 1).ok()?;
        if map
            .insert(key.to_string(), (parsed, line_no, col))
            .is_some()
        {
            return None;
        }
    }
    Some(map)
}

/// A plain scalar that YAML reads as the same string, or a small non-negative integer.
fn simple_scalar(value: &str) -> Option<Value> {
    let first = value.chars().next()?;
    if first.is_ascii_digit() {
        let n: u32 = value.parse().ok()?;
        return (n.to_string() == value).then(|| Value::from(n));
    }
    if !first.is_alphabetic() || value.ends_with(' ') || value.ends_with(':') {
        return None;
    }
    let plain = value.chars().all(|c| {
        c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | ';' | '(' | ')' | '-' | '/' | '?')
    });
    if !plain || value.contains("  ") || value.contains(" -") {
        return None;
    }
    const SPECIAL: &[&str] = &["true", "false", "null", "yes", "no", "on", "off", "y", "n"];
    if SPECIAL.contains(&value.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some(Value::String(value.to_string()))
}

/// Turns the parsed YAML map into typed front matter, checking every key against the
/// reserved keys and the fields of the page's kind. Diagnostics come in the order of
/// the keys; an unknown kind is reported first and missing kind fields last.
pub(super) fn to_front_matter(
    map: IndexMap<String, (Value, Span)>,
    config: &Config,
    file_text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> FrontMatter {
    let kind = page_kind(&map, config, diagnostics);
    let missing = kind.as_ref().and_then(|kind| missing_fields(kind, &map));
    let mut fm = FrontMatter::default();
    for (key, (value, span)) in &map {
        let entry = Entry { key, value, span };
        let read = read_page_key(&mut fm, &entry)
            .unwrap_or_else(|| read_kind_field(&mut fm, kind.as_ref(), &entry, file_text));
        if let Err(d) = read {
            diagnostics.push(d);
        }
        diagnostics.extend(comma_text_for_a_list(kind.as_ref(), &entry, file_text));
    }
    diagnostics.extend(missing);
    // Curly quotes pasted from a word processor become part of the text.
    for (key, (value, span)) in &map {
        if let (true, Some(text)) = (matches!(key.as_str(), "title" | "summary"), value.as_str()) {
            diagnostics.extend(pasted::curly_quotes(key, text, span));
        }
    }
    fm
}

/// One `key: value` of the front matter.
struct Entry<'a> {
    key: &'a str,
    value: &'a Value,
    /// Where the value was written.
    span: &'a Span,
}

impl Entry<'_> {
    /// `value`, located where this entry's value was written.
    fn located<T>(&self, value: T) -> Located<T> {
        Located {
            value,
            span: self.span.clone(),
        }
    }

    /// The error for a value that is not `expected` (`text`, `a whole number`, …).
    fn wrong_type(&self, expected: Msg) -> Diagnostic {
        Diagnostic::error(
            self.span.clone(),
            msg!(
                "front-matter-wrong-type",
                key = self.key,
                expected = expected,
                found = describe(self.value)
            ),
        )
    }

    /// `read`, the value converted to the type a key needs, or the error that the value
    /// must be `expected`.
    fn typed<T>(&self, read: Option<T>, expected: Msg) -> Result<T, Diagnostic> {
        read.ok_or_else(|| self.wrong_type(expected))
    }
}

/// The kind a page declares with `kind:`, as `book.toml` defines it.
struct PageKind<'a> {
    name: &'a str,
    def: &'a KindDef,
    /// Where `kind:`'s value was written.
    span: Span,
}

/// The page's kind, if `kind:` names one `book.toml` declares; an unknown kind is
/// reported (a `kind:` that is not text is reported with the other keys).
fn page_kind<'a>(
    map: &IndexMap<String, (Value, Span)>,
    config: &'a Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PageKind<'a>> {
    let Some((Value::String(wanted), span)) = map.get("kind") else {
        return None;
    };
    if let Some((name, def)) = config.kinds.get_key_value(wanted) {
        return Some(PageKind {
            name,
            def,
            span: span.clone(),
        });
    }
    let known: Vec<&str> = config.kinds.keys().map(String::as_str).collect();
    let help = match did_you_mean(wanted, known.iter().copied(), 1).first() {
        Some(best) => help!("help-nearest", nearest = *best),
        None if known.is_empty() => help!("help-none"),
        None => help!(kinds = backticked(&known)),
    };
    diagnostics
        .push(Diagnostic::error(span.clone(), msg!("kind-unknown", kind = wanted)).with_help(help));
    None
}

/// Reads one of the [`RESERVED_KEYS`] into `fm`; `None` if `entry` is not one of them.
fn read_page_key(fm: &mut FrontMatter, entry: &Entry<'_>) -> Option<Result<(), Diagnostic>> {
    let value = entry.value;
    let read = match entry.key {
        "title" => entry
            .typed(as_text(value), msg!("expect-text"))
            .map(|t| fm.title = Some(entry.located(t))),
        "summary" => entry
            .typed(as_text(value), msg!("expect-text"))
            .map(|t| fm.summary = Some(t)),
        "order" => entry
            .typed(value.as_i64(), msg!("expect-whole-number"))
            .map(|n| fm.order = Some(n)),
        "slug" => entry
            .typed(as_text(value), msg!("expect-text"))
            .map(|s| fm.slug = Some(entry.located(s))),
        "key" => entry
            .typed(as_text(value), msg!("expect-text"))
            .map(|s| fm.key = Some(entry.located(s))),
        "kind" => entry
            .typed(value.as_str(), msg!("expect-kind-name"))
            .map(|s| fm.kind = Some(entry.located(s.to_string()))),
        "translation" => {
            read_translation(entry).map(|record| fm.translation = Some(entry.located(record)))
        }
        "extra" => entry
            .typed(
                value.is_object().then(|| value.clone()),
                msg!("expect-extra-map"),
            )
            .map(|extra| fm.extra = Some(extra)),
        "template" => entry
            .typed(as_text(value), msg!("expect-template-name"))
            .map(|s| fm.template = Some(entry.located(s))),
        "draft" => entry
            .typed(value.as_bool(), msg!("expect-bool"))
            .map(|b| fm.draft = b),
        "audience" => entry
            .typed(
                match value.as_str().map(str::trim) {
                    Some("readers") => Some(false),
                    Some("authors") => Some(true),
                    _ => None,
                },
                msg!("expect-audience"),
            )
            .map(|b| fm.for_authors = b),
        "tags" | "related" => read_list_key(fm, entry),
        _ => return None,
    };
    Some(read)
}

/// Reads `tags:` (text) or `related:` (page ids, each located at the list).
fn read_list_key(fm: &mut FrontMatter, entry: &Entry<'_>) -> Result<(), Diagnostic> {
    let expected = match entry.key {
        "related" => msg!("expect-page-ids"),
        _ => msg!("expect-text-list"),
    };
    let list = entry.typed(as_list(entry.value), expected)?;
    match entry.key {
        "related" => fm.related = list.into_iter().map(|id| entry.located(id)).collect(),
        _ => fm.tags = list,
    }
    Ok(())
}

/// Reads `translation:`, the record Panduan writes for a translated page.
fn read_translation(entry: &Entry<'_>) -> Result<TranslationRecord, Diagnostic> {
    translation_record(entry.value).map_err(|problem| {
        Diagnostic::error(
            entry.span.clone(),
            msg!("translation-record-invalid", problem = problem),
        )
        .with_help(help!())
    })
}

/// Reads a field of the page's kind into `fields`, typed as `book.toml` declares it;
/// any other key is unknown.
fn read_kind_field(
    fm: &mut FrontMatter,
    kind: Option<&PageKind<'_>>,
    entry: &Entry<'_>,
    file_text: &str,
) -> Result<(), Diagnostic> {
    let Some(field) = kind.and_then(|kind| kind.def.fields.get(entry.key)) else {
        return Err(unknown_key(kind, entry, file_text));
    };
    let (typed, expected) = match field.ty {
        FieldType::String | FieldType::Text => (
            as_text(entry.value).map(FieldValue::Text),
            msg!("expect-text"),
        ),
        FieldType::List => (
            as_list(entry.value).map(FieldValue::List),
            msg!("expect-text-list"),
        ),
        FieldType::Integer => (
            entry.value.as_i64().map(FieldValue::Integer),
            msg!("expect-whole-number"),
        ),
        FieldType::Bool => (
            entry.value.as_bool().map(FieldValue::Bool),
            msg!("expect-bool"),
        ),
        FieldType::Page => (
            as_text(entry.value).map(|id| FieldValue::Page(id.trim().to_string())),
            msg!("expect-page-id"),
        ),
    };
    fm.fields
        .insert(entry.key.to_string(), entry.typed(typed, expected)?);
    fm.field_spans
        .insert(entry.key.to_string(), entry.span.clone());
    Ok(())
}

/// The warning for `tags: a, b`, which YAML reads as one item `a, b`: a list key (or
/// list field of the page's kind) whose value is text with a comma.
fn comma_text_for_a_list(
    kind: Option<&PageKind<'_>>,
    entry: &Entry<'_>,
    file_text: &str,
) -> Option<Diagnostic> {
    let is_list = matches!(entry.key, "tags" | "related")
        || kind
            .and_then(|kind| kind.def.fields.get(entry.key))
            .is_some_and(|field| field.ty == FieldType::List);
    let Value::String(text) = entry.value else {
        return None;
    };
    if !is_list || !text.contains(',') {
        return None;
    }
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    let key = entry.key;
    let mut d = Diagnostic::warning(
        entry.span.clone(),
        msg!("list-without-brackets", key = key, text = text),
    )
    .with_help(help!(
        count = items.len(),
        fix = format!("{key}: [{}]", items.join(", "))
    ));
    let line = entry.span.line.get() as usize;
    if let Some(text) = file_text.lines().nth(line.saturating_sub(1)) {
        d = d.with_line(text);
    }
    Some(d)
}

/// The error for a key that is neither reserved nor a field of the page's kind, at the
/// key itself, with the valid keys and the nearest one.
/// Front-matter keys written in Indonesian, and the key Panduan reads.
const INDONESIAN_KEYS: &[(&str, &str)] = &[
    ("judul", "title"),
    ("ringkasan", "summary"),
    ("urutan", "order"),
    ("label", "tags"),
    ("tag", "tags"),
    ("jenis", "kind"),
    ("kunci", "key"),
    ("terkait", "related"),
    ("draf", "draft"),
];

fn unknown_key(kind: Option<&PageKind<'_>>, entry: &Entry<'_>, file_text: &str) -> Diagnostic {
    let key = entry.key;
    let mut valid: Vec<&str> = RESERVED_KEYS.to_vec();
    if let Some(kind) = kind {
        valid.extend(kind.def.fields.keys().map(String::as_str));
    }
    let listed = backticked(&valid);
    // An Indonesian author may write the key in Indonesian (issue #26).
    let english = INDONESIAN_KEYS
        .iter()
        .find(|(id, _)| key.eq_ignore_ascii_case(id))
        .map(|(_, en)| *en);
    let help = match (english, did_you_mean(key, valid.iter().copied(), 1).first()) {
        (Some(en), _) => help!("help-english", valid = listed, nearest = en),
        (None, Some(best)) => help!("help-nearest", valid = listed, nearest = *best),
        (None, None) => help!(valid = listed),
    };
    let what = match kind {
        Some(kind) => msg!("front-matter-unknown-kind-key", key = key, kind = kind.name),
        None => msg!("front-matter-unknown-key", key = key),
    };
    Diagnostic::error(key_span(file_text, entry.span, key), what).with_help(help)
}

/// The error for the required fields of the page's kind that `map` lacks, if any.
fn missing_fields(
    kind: &PageKind<'_>,
    map: &IndexMap<String, (Value, Span)>,
) -> Option<Diagnostic> {
    let fields = &kind.def.fields;
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(k, f)| f.required && !map.contains_key(*k))
        .map(|(k, _)| k.as_str())
        .collect();
    if missing.is_empty() {
        return None;
    }
    let expected: Vec<String> = fields
        .iter()
        .map(|(k, f)| {
            let ty = match &f.kind {
                Some(kind) => t!("kind-field-of-kind", ty = f.ty.to_string(), kind = kind),
                None => f.ty.to_string(),
            };
            if f.required {
                t!("kind-field-required", field = k, ty = ty)
            } else {
                t!("kind-field-optional", field = k, ty = ty)
            }
        })
        .collect();
    let name = kind.name;
    let d = Diagnostic::error(
        kind.span.clone(),
        msg!(
            "kind-missing-fields",
            kind = name,
            missing = backticked(&missing),
            count = missing.len()
        ),
    )
    .with_help(help!(fields = expected.join(", ")));
    Some(d)
}

/// The span of `key` itself on the line where its value was found (keys precede values).
fn key_span(text: &str, value_span: &Span, key: &str) -> Span {
    let line_no = value_span.line.get() as usize;
    let line = text.lines().nth(line_no.saturating_sub(1)).unwrap_or("");
    match line.find(key) {
        Some(byte) => Span::new(
            value_span.path.clone(),
            value_span.line.get(),
            u32::try_from(line[..byte].chars().count() + 1).unwrap_or(1),
        ),
        None => value_span.clone(),
    }
}

/// The record a `translation:` value holds, or what is wrong with it.
fn translation_record(value: &Value) -> Result<TranslationRecord, Msg> {
    let Value::Object(map) = value else {
        return Err(msg!("translation-not-a-map", found = describe(value)));
    };
    if let Some(unknown) = map
        .keys()
        .find(|k| !matches!(k.as_str(), "from" | "source" | "blocks"))
    {
        return Err(msg!("translation-unknown-key", key = unknown));
    }
    let text = |key: &str| map.get(key).and_then(as_text);
    let from = text("from").ok_or_else(|| msg!("translation-missing-from"))?;
    let source = text("source").ok_or_else(|| msg!("translation-missing-source"))?;
    let blocks = text("blocks")
        .map(|b| b.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    Ok(TranslationRecord {
        from,
        source,
        blocks,
    })
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn as_list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Array(items) => items.iter().map(as_text).collect(),
        Value::Null => Some(Vec::new()),
        other => as_text(other).map(|s| vec![s]),
    }
}

fn describe(v: &Value) -> Msg {
    match v {
        Value::Null => msg!("found-nothing"),
        Value::Bool(_) => msg!("found-bool"),
        Value::Number(_) => msg!("found-number"),
        Value::String(_) => msg!("found-text"),
        Value::Array(_) => msg!("found-list"),
        Value::Object(_) => msg!("found-map"),
    }
}

pub(crate) fn backticked(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values of every kind the shortcut must take or leave to the parser.
    const VALUES: &[&str] = &[
        "Kelompok terapi",
        "Self-help groups",
        "186",
        "0",
        "007",
        "-3",
        "1.5",
        "1e3",
        "yes",
        "No",
        "TRUE",
        "null",
        "~",
        "y",
        "on",
        "a: b",
        "a #c",
        "a#c",
        "'q'",
        "\"q\"",
        "[kelompok]",
        "[a, b]",
        "[a,b]",
        "[]",
        "[ a ]",
        "[1, x]",
        "[yes]",
        "x ",
        " x",
        "a  b",
        "Ünïcödé ß",
        "a, b",
        "(x)",
        "x (y)",
        "a - b",
        "a-b",
        "a/b",
        "why?",
        "?x",
        "-x",
        "x:",
        "x;y",
        "4294967296",
        "&a",
        "*a",
        "!t x",
        "|",
        ">",
        "%x",
        "@x",
        "`x`",
        "x\r",
    ];

    #[test]
    fn each_value_on_its_own_reads_as_yaml_does() {
        for v in VALUES {
            for yaml in [
                format!("title: {v}"),
                format!("tags: [{v}]"),
                format!("a: x\nb: {v}\n"),
            ] {
                if let Some(simple) = simple_yaml_map(&yaml) {
                    assert_eq!(Some(simple), parsed_fully(&yaml), "{yaml:?}");
                }
            }
        }
    }

    /// What the YAML parser makes of `yaml`, as [`simple_yaml_map`] gives it.
    fn parsed_fully(yaml: &str) -> Option<IndexMap<String, (Value, u64, u64)>> {
        let options = serde_saphyr::options! { with_snippet: false };
        let map: IndexMap<String, Spanned<Value>> =
            serde_saphyr::from_str_with_options(yaml, options).ok()?;
        Some(
            map.into_iter()
                .map(|(k, v)| (k, (v.value, v.referenced.line(), v.referenced.column())))
                .collect(),
        )
    }

    proptest::proptest! {
        /// The shortcut for simple front matter reads exactly what the YAML parser reads
        /// (values and positions), or leaves the block to it.
        #[test]
        fn simple_front_matter_reads_as_yaml_does(
            lines in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["title", "summary", "order", "tags", "kind", "a-b", "x_1", "Title", "1x", " title", "title:"]),
                    proptest::sample::select(VALUES.to_vec()),
                ),
                0..6,
            ),
            trailing_newline: bool,
        ) {
            let mut yaml = lines
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .collect::<Vec<_>>()
                .join("\n");
            if trailing_newline {
                yaml.push('\n');
            }
            if let Some(simple) = simple_yaml_map(&yaml) {
                proptest::prop_assert_eq!(Some(simple), parsed_fully(&yaml), "{:?}", yaml);
            }
        }
    }

    #[test]
    fn generated_front_matter_takes_the_shortcut() {
        let yaml = "title: Pemimpin dalam kesejahteraan 186\nsummary: Membantu keputusan pada keterampilan itu.\norder: 186\ntags: [kelompok, terapi]\n";
        assert!(simple_yaml_map(yaml).is_some());
        assert_eq!(simple_yaml_map(yaml), parsed_fully(yaml));
    }

    fn p() -> &'static Path {
        Path::new("content/id/a.md")
    }

    #[test]
    fn split_finds_yaml_and_body() {
        let text = "---\ntitle: A\n---\n# Body\n";
        let s = split(text, p()).expect("closed");
        assert_eq!(&text[s.yaml.clone().expect("yaml")], "title: A\n");
        assert_eq!(&text[s.body], "# Body\n");
    }

    #[test]
    fn split_handles_bom_crlf_and_no_front_matter() {
        let text = "\u{feff}---\r\ntitle: A\r\n---\r\nbody";
        let s = split(text, p()).expect("closed");
        assert_eq!(&text[s.yaml.expect("yaml")], "title: A\r\n");
        assert_eq!(&text[s.body], "body");
        let plain = split("# Just a page\n---\nnot yaml", p()).expect("plain");
        assert_eq!(plain.yaml, None);
        assert_eq!(plain.body, 0..26);
    }

    #[test]
    fn lone_carriage_returns_become_newlines() {
        assert_eq!(normalize_newlines("a\rb\r\nc\r".into()), "a\nb\r\nc\n");
        assert_eq!(normalize_newlines("plain\r\n".into()), "plain\r\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = split("---\ntitle: A\n# Body\n", p()).expect_err("unclosed");
        assert!(e.message.contains("never closed"));
    }

    const BOOK: &str = r#"
[languages.id]
name = "Bahasa Indonesia"
title = "Panduan"

[kinds.group-type.fields]
purpose = { type = "text", required = true }
leadership = { type = "string" }
members = { type = "list", required = true }
size = { type = "integer" }
closed = { type = "bool" }
next = { type = "page", kind = "group-type" }
"#;

    /// Reads `yaml` as the front matter of a page of a book declared by `book`: the typed
    /// front matter and every diagnostic, as printed.
    fn read_with(book: &str, yaml: &str) -> (FrontMatter, Vec<String>) {
        let config = crate::config::parse(Path::new("book"), book, &Default::default())
            .expect("a valid book.toml");
        let text = format!("---\n{yaml}---\nbody\n");
        let split = split(&text, p()).expect("closed");
        let range = split.yaml.clone().expect("front matter");
        let map = parse_yaml_map(&text[range], p(), split.yaml_first_line).expect("valid YAML");
        let mut diagnostics = Vec::new();
        let front = to_front_matter(map, &config, &text, &mut diagnostics);
        let printed = diagnostics.iter().map(ToString::to_string).collect();
        (front, printed)
    }

    fn read(yaml: &str) -> (FrontMatter, Vec<String>) {
        read_with(BOOK, yaml)
    }

    fn at(line: u32, col: u32) -> Span {
        Span::new(p(), line, col)
    }

    fn located(value: &str, line: u32, col: u32) -> Option<Located<String>> {
        Some(Located {
            value: value.to_string(),
            span: at(line, col),
        })
    }

    #[test]
    fn every_page_key_is_read_with_its_place() {
        let (fm, ds) = read(concat!(
            "title: Kelompok terapi\n",
            "summary: Ringkas\n",
            "order: 3\n",
            "slug: terapi\n",
            "key: group-types/therapy\n",
            "template: comparison.html\n",
            "draft: true\n",
            "tags: [kelompok, terapi]\n",
            "related: [a, b/c]\n",
            "extra: { colour: red }\n",
            "translation: { from: en, source: abc, blocks: \"x y\" }\n",
        ));
        assert_eq!(ds, Vec::<String>::new());
        assert_eq!(fm.title, located("Kelompok terapi", 2, 8));
        assert_eq!(fm.summary.as_deref(), Some("Ringkas"));
        assert_eq!(fm.order, Some(3));
        assert_eq!(fm.slug, located("terapi", 5, 7));
        assert_eq!(fm.key, located("group-types/therapy", 6, 6));
        assert_eq!(fm.template, located("comparison.html", 7, 11));
        assert!(fm.draft);
        assert_eq!(fm.tags, ["kelompok", "terapi"]);
        let related: Vec<(&str, u32, u32)> = fm
            .related
            .iter()
            .map(|r| (r.value.as_str(), r.span.line.get(), r.span.col.get()))
            .collect();
        assert_eq!(related, [("a", 10, 10), ("b/c", 10, 10)]);
        assert_eq!(fm.extra, Some(serde_json::json!({ "colour": "red" })));
        let translation = fm.translation.expect("a record");
        assert_eq!(
            translation.value,
            TranslationRecord {
                from: "en".into(),
                source: "abc".into(),
                blocks: vec!["x".into(), "y".into()],
            }
        );
        assert_eq!(translation.span, at(12, 14));
        assert_eq!(fm.kind, None);
        assert!(fm.fields.is_empty());
    }

    #[test]
    fn scalars_stand_for_text_and_lists() {
        let (fm, ds) = read("title: 186\nsummary: true\ntags: kelompok\nrelated:\n");
        assert_eq!(ds, Vec::<String>::new());
        assert_eq!(fm.title.map(|t| t.value).as_deref(), Some("186"));
        assert_eq!(fm.summary.as_deref(), Some("true"));
        assert_eq!(fm.tags, ["kelompok"]);
        assert!(fm.related.is_empty());
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error_at_the_value() {
        let (fm, ds) = read(concat!(
            "title: [a]\n",
            "summary: { a: b }\n",
            "order: third\n",
            "slug: [s]\n",
            "key: { k: v }\n",
            "kind: 7\n",
            "template: [t]\n",
            "draft: maybe\n",
            "tags: { a: b }\n",
            "related: { a: b }\n",
            "extra: 3\n",
        ));
        assert_eq!(
            ds,
            [
                "content/id/a.md:2:8: error: `title` must be text, found a list",
                "content/id/a.md:3:10: error: `summary` must be text, found a map",
                "content/id/a.md:4:8: error: `order` must be a whole number, found text",
                "content/id/a.md:5:7: error: `slug` must be text, found a list",
                "content/id/a.md:6:6: error: `key` must be text, found a map",
                "content/id/a.md:7:7: error: `kind` must be the name of a kind, found a number",
                "content/id/a.md:8:11: error: `template` must be the name of a template, e.g. `comparison.html`, found a list",
                "content/id/a.md:9:8: error: `draft` must be `true` or `false`, found text",
                "content/id/a.md:10:7: error: `tags` must be a list of text, found a map",
                "content/id/a.md:11:10: error: `related` must be a list of page ids, found a map",
                "content/id/a.md:12:8: error: `extra` must be a map of keys, e.g. `extra: { kind: group-type }`, found a number",
            ]
        );
        assert_eq!(fm.title, None);
        assert_eq!(fm.kind, None);
        assert!(!fm.draft);
    }

    #[test]
    fn a_broken_translation_record_says_what_is_wrong() {
        let (fm, ds) = read("translation: en\n");
        assert_eq!(fm.translation, None);
        let (_, more) = read("translation: { from: en, source: abc, by: me }\n");
        let (_, no_from) = read("translation: { source: abc }\n");
        let (_, no_source) = read("translation: { from: en }\n");
        let all: Vec<String> = [ds, more, no_from, no_source].concat();
        assert_eq!(
            all,
            [
                "content/id/a.md:2:14: error: `translation` must be a map with `from` and `source`, found text\n  = help: let Panduan write this record: `panduan new PATH --translate-from LANG` or `panduan translated PATH`",
                "content/id/a.md:2:14: error: `translation` has an unknown key `by` (valid: `from`, `source`, `blocks`)\n  = help: let Panduan write this record: `panduan new PATH --translate-from LANG` or `panduan translated PATH`",
                "content/id/a.md:2:14: error: `translation` is missing `from` (the source language)\n  = help: let Panduan write this record: `panduan new PATH --translate-from LANG` or `panduan translated PATH`",
                "content/id/a.md:2:14: error: `translation` is missing `source` (the source's fingerprint)\n  = help: let Panduan write this record: `panduan new PATH --translate-from LANG` or `panduan translated PATH`",
            ]
        );
    }

    #[test]
    fn kind_fields_are_typed_and_checked() {
        let (fm, ds) = read(concat!(
            "title: T\n",
            "kind: group-type\n",
            "purpose: Membantu\n",
            "leadership: 12\n",
            "members: [a, b]\n",
            "size: 8\n",
            "closed: false\n",
            "next: \" group-types/therapy \"\n",
        ));
        assert_eq!(ds, Vec::<String>::new());
        assert_eq!(fm.kind, located("group-type", 3, 7));
        let fields: Vec<(&str, &FieldValue)> =
            fm.fields.iter().map(|(k, v)| (k.as_str(), v)).collect();
        assert_eq!(
            fields,
            [
                ("purpose", &FieldValue::Text("Membantu".into())),
                ("leadership", &FieldValue::Text("12".into())),
                ("members", &FieldValue::List(vec!["a".into(), "b".into()])),
                ("size", &FieldValue::Integer(8)),
                ("closed", &FieldValue::Bool(false)),
                ("next", &FieldValue::Page("group-types/therapy".into())),
            ]
        );
        // The model reports a page field that names no page at its value.
        assert_eq!(fm.field_spans["next"], at(9, 7));
    }

    #[test]
    fn kind_fields_of_the_wrong_type_and_missing_ones_are_errors() {
        let (fm, ds) = read(concat!(
            "kind: group-type\n",
            "size: many\n",
            "closed: [x]\n",
            "leadership: { a: b }\n",
            "purps: x\n",
            "next: [a, b]\n",
        ));
        assert_eq!(
            ds,
            [
                "content/id/a.md:3:7: error: `size` must be a whole number, found text",
                "content/id/a.md:4:9: error: `closed` must be `true` or `false`, found a list",
                "content/id/a.md:5:13: error: `leadership` must be text, found a map",
                "content/id/a.md:6:1: error: unknown front-matter key `purps` for a page of kind `group-type`\n  = help: did you mean `purpose`? valid keys: `title`, `summary`, `order`, `slug`, `tags`, `related`, `draft`, `key`, `kind`, `template`, `extra`, `translation`, `audience`, `purpose`, `leadership`, `members`, `size`, `closed`, `next`",
                "content/id/a.md:7:7: error: `next` must be the id of a page, e.g. `group-types/therapy`, found a list",
                "content/id/a.md:2:7: error: a page of kind `group-type` is missing `purpose`, `members`\n  = help: fields of `group-type`: `purpose` (text, required), `leadership` (string), `members` (list, required), `size` (integer), `closed` (bool), `next` (page of kind `group-type`)",
            ]
        );
        assert!(fm.fields.is_empty());
    }

    #[test]
    fn unknown_keys_and_kinds_are_located_and_suggest() {
        let (_, plain) = read("title: T\nsumary: x\npurpose: y\n");
        let (_, kinds) = read("kind: grup-type\npurpose: y\n");
        let (_, far) = read("kind: zebra\n");
        let (_, none) = read_with(
            "[languages.id]\nname = \"Bahasa Indonesia\"\ntitle = \"Panduan\"\n",
            "kind: group-type\n",
        );
        let all: Vec<String> = [plain, kinds, far, none].concat();
        assert_eq!(
            all,
            [
                "content/id/a.md:3:1: error: unknown front-matter key `sumary`\n  = help: did you mean `summary`? valid keys: `title`, `summary`, `order`, `slug`, `tags`, `related`, `draft`, `key`, `kind`, `template`, `extra`, `translation`, `audience`",
                "content/id/a.md:4:1: error: unknown front-matter key `purpose`\n  = help: valid keys: `title`, `summary`, `order`, `slug`, `tags`, `related`, `draft`, `key`, `kind`, `template`, `extra`, `translation`, `audience`",
                "content/id/a.md:2:7: error: unknown kind `grup-type`\n  = help: did you mean `group-type`?",
                "content/id/a.md:3:1: error: unknown front-matter key `purpose`\n  = help: valid keys: `title`, `summary`, `order`, `slug`, `tags`, `related`, `draft`, `key`, `kind`, `template`, `extra`, `translation`, `audience`",
                "content/id/a.md:2:7: error: unknown kind `zebra`\n  = help: the kinds in book.toml: `group-type`",
                "content/id/a.md:2:7: error: unknown kind `group-type`\n  = help: declare kinds under `[kinds.NAME]` in book.toml",
            ]
        );
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let e = parse_yaml_map("title: A\nsummary: [oops\n", p(), 2).expect_err("bad yaml");
        assert_eq!(e.span.line.get(), 3, "{e}");
        let list = parse_yaml_map("- a\n- b\n", p(), 2).expect_err("list");
        assert!(list.message.contains("not a map"), "{list}");
    }
}
