//! Step 1 of the pipeline: `book.toml` -> [`Config`].
//!
//! Reads and validates the project's configuration. Unknown or mistyped keys are an error
//! at `book.toml:line:col` that lists the valid keys. This module reads one file and
//! nothing else. It also names the front-matter keys every page may use
//! ([`RESERVED_KEYS`]): the kinds declared here may not take them for fields, and the
//! load stage reads front matter against them. The house terms of `[terms.<lang>]` are
//! validated by [`crate::terms`] once the languages are known.

use std::fmt;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Help, LineIndex, Span};
use crate::error::{Error, Result};
use crate::i18n::Msg;
use crate::{help, msg};

/// The name of the configuration file at the project root.
pub const CONFIG_FILE: &str = "book.toml";

/// Front-matter keys every page may use (kind fields come on top); no field of a kind
/// may take one of these names.
pub const RESERVED_KEYS: &[&str] = &[
    "title",
    "summary",
    "order",
    "slug",
    "tags",
    "related",
    "draft",
    "key",
    "kind",
    "template",
    "extra",
    "translation",
    "audience",
];

/// A language code such as `id` or `en`; only [`Config`] constructs one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// The code as written in `book.toml`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One language of the book.
#[derive(Debug, Clone)]
pub struct Language {
    pub code: Lang,
    /// The language's own name, shown in the language switch (`Bahasa Indonesia`).
    pub name: String,
    pub title: String,
    pub description: String,
}

/// The type of a kind's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// One line of text.
    String,
    /// Longer text; Markdown inline syntax allowed.
    Text,
    /// A list of strings.
    List,
    /// A whole number.
    Integer,
    /// `true` or `false`.
    Bool,
    /// The id of another page (`group-types/therapy`), optionally of one kind.
    Page,
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FieldType::String => "string",
            FieldType::Text => "text",
            FieldType::List => "list",
            FieldType::Integer => "integer",
            FieldType::Bool => "bool",
            FieldType::Page => "page",
        })
    }
}

/// A field of a kind, as declared in `book.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    #[serde(rename = "type")]
    pub ty: FieldType,
    #[serde(default)]
    pub required: bool,
    /// For a `page` field: the kind the named page must have.
    #[serde(default)]
    pub kind: Option<String>,
    /// Label per language code; the field name is used where a label is missing.
    #[serde(default)]
    pub label: IndexMap<String, String>,
    /// Whether the page's info card shows it (default `true`; `card = false` keeps a
    /// field for comparison tables, handouts and templates only).
    #[serde(default = "shown")]
    pub card: bool,
}

fn shown() -> bool {
    true
}

/// A kind of structured page (e.g. `group-type`), as declared in `book.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    /// Name of the kind per language code.
    #[serde(default)]
    pub label: IndexMap<String, String>,
    /// The fields in the order they are shown.
    #[serde(default)]
    pub fields: IndexMap<String, FieldDef>,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The project root (the folder holding `book.toml`).
    pub root: PathBuf,
    /// Languages in the order of `book.toml`; the default language first.
    pub languages: Vec<Language>,
    /// Output directory, absolute.
    pub output: PathBuf,
    /// `https://example.org/handbook/` with a final `/`, if set.
    pub base_url: Option<String>,
    /// Theme directory, absolute, if the project names one.
    pub theme: Option<PathBuf>,
    /// The language of Panduan's messages, `[book] messages` (`id` or `en`), if set.
    pub messages: Option<crate::i18n::Lang>,
    /// Who wrote, who publishes and which edition (`[book] author`, `publisher`,
    /// `edition`): on the PDF's title page and in its and the EPUB's metadata, and on
    /// the download page. Empty values are `None`.
    pub credits: Credits,
    pub kinds: IndexMap<String, KindDef>,
    /// The PDF of the whole handbook per language (`[pdf]`).
    pub pdf: PdfConfig,
    /// One-page handouts of the pages of a kind (`[handouts]`), if asked for.
    pub handouts: Option<HandoutsConfig>,
    /// The house terms of each language (`[terms.<lang>]`), in the order of
    /// [`Config::languages`].
    pub terms: crate::terms::HouseTerms,
    /// `[epub]`: the EPUB of each language.
    pub epub: EpubConfig,
    /// `[downloads]`: the download page, the offline zip and the date of every download.
    pub downloads: DownloadsConfig,
    /// `[search]`: the agency's own synonyms for search.
    pub search: SearchConfig,
    /// `[theme]`: extra CSS, logo, accent colour and favicon.
    pub theme_settings: ThemeSettings,
    /// A fingerprint of everything the configuration was read from (the root, the text
    /// of `book.toml`, the overrides), so that later stages can tell it changed.
    pub fingerprint: crate::memo::Key,
}

/// `[book] author`, `publisher` and `edition`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Credits {
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub edition: Option<String>,
}

impl Config {
    /// The default language (the first one).
    pub fn default_lang(&self) -> &Language {
        &self.languages[0]
    }

    /// The language with this code.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code.as_str() == code)
    }

    /// The content directory.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

/// `[epub]` of `book.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EpubConfig {
    /// Whether `build` writes `downloads/handbook-<lang>.epub` (default `true`).
    #[serde(default = "yes")]
    pub enabled: bool,
}

impl Default for EpubConfig {
    fn default() -> Self {
        EpubConfig { enabled: true }
    }
}

/// `[downloads]` of `book.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownloadsConfig {
    /// Whether `build` writes `downloads/handbook-offline.zip`, the whole site in one
    /// zip (default `true`).
    #[serde(default = "yes")]
    pub offline_zip: bool,
    /// The date of every download (`YYYY-MM-DD`), written into the EPUB and the zip
    /// entries; `SOURCE_DATE_EPOCH` wins over it. Never the clock: see
    /// [`DownloadsConfig::date`].
    #[serde(default)]
    pub date: Option<String>,
}

impl Default for DownloadsConfig {
    fn default() -> Self {
        DownloadsConfig {
            offline_zip: true,
            date: None,
        }
    }
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    book: RawBook,
    languages: IndexMap<String, RawLanguage>,
    #[serde(default)]
    kinds: IndexMap<String, KindDef>,
    #[serde(default)]
    pdf: PdfConfig,
    handouts: Option<HandoutsConfig>,
    #[serde(default)]
    terms: crate::terms::RawTerms,
    #[serde(default)]
    epub: EpubConfig,
    #[serde(default)]
    downloads: DownloadsConfig,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    theme: ThemeSettings,
}

/// `[search]` of `book.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// `[search.synonyms.<lang>]`: a word or phrase readers type -> the words or
    /// phrases of the handbook it means (`"pkdrt" = ["kekerasan dalam rumah tangga"]`).
    /// Search treats each pair as synonyms both ways.
    #[serde(default)]
    pub synonyms: IndexMap<String, IndexMap<String, Vec<String>>>,
}

/// `[theme]`: adjustments to the theme without a theme of one's own (#31). Paths are
/// relative to the handbook's folder; `render::theme` checks them and the accent.
#[derive(Debug, Clone, Default, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct ThemeSettings {
    /// Stylesheets added after the theme's own, in this order.
    #[serde(default)]
    pub extra_css: Vec<String>,
    /// A picture shown in the bar beside the title (and on the PDF's title page).
    pub logo: Option<String>,
    /// The accent colour, `#rrggbb`, of the light scheme; the dark one takes it lifted
    /// to the nearest colour that reads on its background, unless `accent_dark` is set.
    pub accent: Option<String>,
    /// The accent colour of the dark scheme.
    pub accent_dark: Option<String>,
    /// The icon browsers show in tabs (the theme's own by default).
    pub favicon: Option<String>,
}

/// `[pdf]`: the PDF of the whole handbook, one per language, written by `panduan build`
/// to `downloads/handbook-<lang>.pdf`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PdfConfig {
    /// Whether `panduan build` writes it (default `false`: typesetting costs far more
    /// than the site, about 0.1 s a page; the bundled handbook turns it on; `--no-pdf`
    /// skips it once).
    #[serde(default)]
    pub enabled: bool,
    /// The Typst template of the theme that lays the book out (default `book.typ`).
    #[serde(default = "book_typ")]
    pub template: String,
}

impl Default for PdfConfig {
    fn default() -> Self {
        PdfConfig {
            enabled: false,
            template: book_typ(),
        }
    }
}

/// `[handouts]`: one A4 page per page of a kind, to
/// `downloads/handouts/<lang>/<file-stem>.pdf` and all in one `downloads/handouts-<lang>.pdf`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoutsConfig {
    /// The kind whose pages get a handout (`group-type`).
    pub kind: String,
    /// The Typst template of the theme (default `handout.typ`).
    #[serde(default = "handout_typ")]
    pub template: String,
}

fn book_typ() -> String {
    "book.typ".into()
}

fn handout_typ() -> String {
    "handout.typ".into()
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawBook {
    output: Option<String>,
    base_url: Option<String>,
    theme: Option<String>,
    default_language: Option<String>,
    messages: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    edition: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    name: String,
    title: String,
    #[serde(default)]
    description: String,
}

/// Overrides from the command line, applied on top of `book.toml`.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
}

/// Reads `<root>/book.toml`.
pub fn read(root: &Path, overrides: &Overrides) -> Result<Config> {
    let path = root.join(CONFIG_FILE);
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    parse(root, &text, overrides)
}

/// Parses and validates the text of `book.toml` for the project at `root`.
pub fn parse(root: &Path, text: &str, overrides: &Overrides) -> Result<Config> {
    let config_error = |offset: usize, message: Msg, help: Option<Help>| {
        let (line, col) = LineIndex::new(text).line_col(text, offset);
        let mut d = Diagnostic::error(Span::new(CONFIG_FILE, line, col), message);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        Error::Config(Box::new(d))
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        // The line of the problem, and the `[table]` it is in, to write it as it reads.
        let at = offset.min(text.len());
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..].lines().next().unwrap_or("");
        let table = text[..start]
            .lines()
            .rev()
            .find_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']'))
            .unwrap_or("")
            .trim_matches(['[', ']']);
        let (message, help) = split_toml_message(e.message(), line, table);
        config_error(offset, message, help)
    })?;
    // Locate a key for validation errors: `[languages.xx]` or the first `key =` line.
    let find = |needle: &str| text.find(needle).unwrap_or(0);

    if raw.languages.is_empty() {
        return Err(config_error(
            find("languages"),
            msg!("config-no-languages"),
            Some(help!()),
        ));
    }
    let mut languages = Vec::new();
    for (code, lang) in raw.languages {
        if !is_valid_lang_code(&code) {
            return Err(config_error(
                find(&format!("languages.{code}")),
                msg!("config-language-code", code = &code),
                Some(help!()),
            ));
        }
        languages.push(Language {
            code: Lang(code),
            name: lang.name,
            title: lang.title,
            description: lang.description,
        });
    }
    if let Some(default) = &raw.book.default_language {
        match languages.iter().position(|l| l.code.as_str() == default) {
            Some(i) => {
                let lang = languages.remove(i);
                languages.insert(0, lang);
            }
            None => {
                return Err(config_error(
                    find("default_language"),
                    msg!("config-default-language", lang = default),
                    Some(help!(
                        languages = languages
                            .iter()
                            .map(|l| format!("`{}`", l.code))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                ));
            }
        }
    }

    let base_url = match overrides.base_url.as_ref().or(raw.book.base_url.as_ref()) {
        None => None,
        Some(url) if url.is_empty() => None,
        Some(url) => {
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
            {
                // From the command line, the place is `--base-url`, not `book.toml`.
                if overrides.base_url.is_some() {
                    return Err(Error::Msg(msg!("config-base-url-option", url = url)));
                }
                return Err(config_error(
                    find("base_url"),
                    msg!("config-base-url", url = url),
                    Some(help!()),
                ));
            }
            Some(if url.ends_with('/') {
                url.clone()
            } else {
                format!("{url}/")
            })
        }
    };

    for (name, kind) in &raw.kinds {
        if !is_valid_name(name) {
            return Err(config_error(
                find(&format!("kinds.{name}")),
                msg!("config-kind-name", kind = name),
                Some(help!()),
            ));
        }
        for (field, def) in &kind.fields {
            check_page_kind(text, name, field, def, &raw.kinds)
                .map_err(|(at, message, help)| config_error(at, message, Some(help)))?;
            if !is_valid_name(&field.replace('_', "-")) || RESERVED_KEYS.contains(&field.as_str()) {
                return Err(config_error(
                    find(&format!("fields.{field}")),
                    msg!("config-field-name", field = field, kind = name),
                    Some(help!(reserved = RESERVED_KEYS.join(", "))),
                ));
            }
        }
    }

    if let Some(handouts) = &raw.handouts
        && !raw.kinds.contains_key(&handouts.kind)
    {
        let kinds: Vec<String> = raw.kinds.keys().map(|k| format!("`{k}`")).collect();
        return Err(config_error(
            find("[handouts]"),
            msg!("config-handouts-kind", kind = &handouts.kind),
            Some(match kinds.is_empty() {
                true => help!("help-none"),
                false => help!(kinds = kinds.join(", ")),
            }),
        ));
    }
    for lang in raw.search.synonyms.keys() {
        if !languages.iter().any(|l| l.code.as_str() == lang) {
            let declared: Vec<String> = languages
                .iter()
                .map(|l| format!("`{}`", l.code.as_str()))
                .collect();
            return Err(config_error(
                find(&format!("synonyms.{lang}")),
                msg!("config-search-language", lang = lang),
                Some(help!(declared = declared.join(", "), lang = lang)),
            ));
        }
    }
    for (key, template) in [
        ("[pdf]", Some(&raw.pdf.template)),
        ("[handouts]", raw.handouts.as_ref().map(|h| &h.template)),
    ] {
        if let Some(t) = template
            && !is_template_name(t)
        {
            return Err(config_error(
                find(key),
                msg!("config-typst-template", template = t, table = key),
                Some(help!()),
            ));
        }
    }

    if let Some(date) = &raw.downloads.date
        && crate::stamp::Stamp::from_date(date).is_none()
    {
        return Err(config_error(
            find("date"),
            msg!("config-downloads-date", date = date),
            Some(help!()),
        ));
    }
    let output = overrides
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(raw.book.output.as_deref().unwrap_or("book")));
    let output = if output.is_absolute() {
        output
    } else {
        root.join(output)
    };
    let theme = raw.book.theme.map(|t| root.join(t));
    let messages = match raw.book.messages.as_deref() {
        None => None,
        Some(code) => match crate::i18n::Lang::ALL
            .into_iter()
            .find(|l| l.code() == code)
        {
            Some(lang) => Some(lang),
            None => {
                return Err(config_error(
                    find("messages"),
                    msg!("config-messages", code = code),
                    Some(help!()),
                ));
            }
        },
    };
    let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
    let terms = crate::terms::HouseTerms::parse(raw.terms, &codes, text)
        .map_err(|e| config_error(e.offset, e.message, Some(e.help)))?;

    Ok(Config {
        root: root.to_path_buf(),
        languages,
        output,
        base_url,
        theme,
        messages,
        credits: Credits {
            author: non_empty(raw.book.author),
            publisher: non_empty(raw.book.publisher),
            edition: non_empty(raw.book.edition),
        },
        kinds: raw.kinds,
        pdf: raw.pdf,
        handouts: raw.handouts,
        terms,
        epub: raw.epub,
        downloads: raw.downloads,
        search: raw.search,
        theme_settings: raw.theme,
        fingerprint: crate::memo::key_of(&(root, text, &overrides.output, &overrides.base_url)),
    })
}

/// `text` trimmed, unless nothing is left.
fn non_empty(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Checks the `kind = "…"` of the field `field` of kind `kind`: only a `page` field
/// takes one, and it must name a declared kind. The error is (offset in `text` of the
/// field's `kind` key, message, help).
fn check_page_kind(
    text: &str,
    kind: &str,
    field: &str,
    def: &FieldDef,
    kinds: &IndexMap<String, KindDef>,
) -> std::result::Result<(), (usize, Msg, Help)> {
    let Some(wanted) = &def.kind else {
        return Ok(());
    };
    let table = format!("kinds.{kind}.fields.{field}");
    let at = text.find(&table).map_or(0, |start| {
        let after = start + table.len();
        text[after..]
            .find("\nkind")
            .map_or(start, |i| after + i + 1)
    });
    if def.ty != FieldType::Page {
        return Err((
            at,
            msg!(
                "config-kind-not-page",
                field = field,
                kind = kind,
                ty = def.ty.to_string()
            ),
            help!(),
        ));
    }
    if kinds.contains_key(wanted) {
        return Ok(());
    }
    let known: Vec<&str> = kinds.keys().map(String::as_str).collect();
    let help = match crate::diagnostic::did_you_mean(wanted, known.iter().copied(), 1).first() {
        Some(best) => help!("help-nearest", nearest = *best),
        None => help!(
            kinds = known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Err((
        at,
        msg!(
            "config-field-kind-unknown",
            field = field,
            kind = kind,
            wanted = wanted
        ),
        help,
    ))
}

/// toml's messages read "unknown field `x`, expected one of `a`, `b`": keep the first part
/// as the message and turn the list into a help line, led by the valid key nearest to
/// the unknown one by edit distance (`did you mean `title`?`).
fn split_toml_message(message: &str, line: &str, table: &str) -> (Msg, Option<Help>) {
    let message = message.trim();
    if let Some(said) = plain_toml_message(message, line, table) {
        return said;
    }
    match message.split_once(", expected ") {
        Some((head, tail)) if head.starts_with("unknown field") => {
            let valid = tail.trim_start_matches("one of ");
            let unknown = backticked_words(head).next().unwrap_or_default();
            let nearest = crate::diagnostic::did_you_mean(unknown, backticked_words(valid), 1);
            let help = match nearest.first() {
                Some(key) => help!("help-nearest", nearest = *key, valid = valid),
                None => help!(valid = valid),
            };
            (msg!("config-unknown-key", key = unknown), Some(help))
        }
        _ => (msg!("config-invalid", detail = message), None),
    }
}

/// The parser's words for a wrong value (`invalid type: string "text", expected struct
/// FieldDef`, `string values must be quoted`) as the author's own: what was expected,
/// with the line written the way it reads. `line` is the line of `book.toml` where the
/// problem is. `None` for messages handled elsewhere.
fn plain_toml_message(message: &str, line: &str, table: &str) -> Option<(Msg, Option<Help>)> {
    let (key, value) = line
        .split_once('=')
        .map_or((line.trim(), ""), |(k, v)| (k.trim(), v.trim()));
    if message.starts_with("string values must be quoted") || message.starts_with("invalid string")
    {
        let fix = format!("{key} = \"{}\"", value.trim_matches(['"', '\'']));
        return Some((
            msg!("config-unquoted-text", key = key),
            Some(help!(fix = fix)),
        ));
    }
    let rest = message.strip_prefix("invalid type: ")?;
    let (found, expected) = rest.split_once(", expected ")?;
    let wanted = if expected.starts_with("struct ") || expected.contains("map") {
        "table"
    } else if expected.contains("boolean") {
        "bool"
    } else if expected.contains("integer") || expected.starts_with(['u', 'i']) {
        "number"
    } else if expected.contains("sequence") {
        "list"
    } else if expected.contains("string") {
        "text"
    } else {
        return None;
    };
    let inner = value.trim_matches(['"', '\'']);
    let help = match (wanted, expected) {
        // `tujuan = "text"` under `[kinds.x.fields]`: a field is a table of its own.
        (_, "struct FieldDef") => help!("help-field", table = table, value = inner),
        ("table", _) => help!("help-table", value = inner),
        ("bool", _) => help!("help-bool"),
        ("number", _) => help!("help-number"),
        ("list", _) => help!("help-list", value = inner),
        _ => help!("help-text", value = inner),
    };
    let _ = found;
    Some((
        msg!("config-wrong-type", key = key, wanted = wanted),
        Some(help),
    ))
}

/// The value of `[book] messages` in the text of a `book.toml`, read leniently (before
/// the file is checked), so that even its own errors can be in the chosen language.
pub fn peek_messages(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    table
        .get("book")?
        .get("messages")?
        .as_str()
        .map(str::to_string)
}

/// The words between backticks in `text`: `a`, `b` in "one of `a`, `b`".
fn backticked_words(text: &str) -> impl Iterator<Item = &str> {
    text.split('`').skip(1).step_by(2)
}

fn is_valid_lang_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A file name of the theme's `typst/` folder: `book.typ`, no folders.
fn is_template_name(name: &str) -> bool {
    name.ends_with(".typ")
        && name.len() > 4
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        && !name.starts_with('.')
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[book]
base_url = "https://example.org/handbook"

[languages.id]
name = "Bahasa Indonesia"
title = "Panduan"

[languages.en]
name = "English"
title = "Handbook"
"#;

    fn err(text: &str) -> String {
        match parse(Path::new("/p"), text, &Overrides::default()) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("expected an error"),
        }
    }

    #[test]
    fn reads_languages_in_order_and_normalises_base_url() {
        let c = parse(Path::new("/p"), GOOD, &Overrides::default()).expect("valid");
        assert_eq!(c.default_lang().code.as_str(), "id");
        assert_eq!(c.languages[1].code.as_str(), "en");
        assert_eq!(c.base_url.as_deref(), Some("https://example.org/handbook/"));
        assert_eq!(c.output, Path::new("/p/book"));
    }

    #[test]
    fn search_synonyms_are_read_per_declared_language() {
        let text = format!(
            "{GOOD}\n[search.synonyms.id]\n\"pkdrt\" = [\"kekerasan dalam rumah tangga\"]\n"
        );
        let c = parse(Path::new("/p"), &text, &Overrides::default()).expect("valid");
        assert_eq!(
            c.search.synonyms["id"]["pkdrt"],
            ["kekerasan dalam rumah tangga"]
        );
        let e = err(&format!("{GOOD}\n[search.synonyms.fr]\n\"x\" = [\"y\"]\n"));
        assert!(
            e.starts_with("book.toml:13:9: error: `[search.synonyms.fr]` is for a language"),
            "{e}"
        );
        assert!(e.contains("`id`, `en`"), "{e}");
    }

    #[test]
    fn default_language_moves_first() {
        let text = GOOD.replace("[book]", "[book]\ndefault_language = \"en\"");
        let c = parse(Path::new("/p"), &text, &Overrides::default()).expect("valid");
        assert_eq!(c.default_lang().code.as_str(), "en");
    }

    #[test]
    fn unknown_key_is_located_and_lists_valid_keys() {
        let text = GOOD.replace("title = \"Handbook\"", "titel = \"Handbook\"");
        let e = err(&text);
        assert!(
            e.starts_with("book.toml:11:1: error: unknown key `titel`"),
            "{e}"
        );
        assert!(
            e.contains(
                "help: did you mean `title`? valid keys here: `name`, `title`, `description`"
            ),
            "{e}"
        );
    }

    #[test]
    fn an_unknown_key_gets_the_nearest_valid_one_or_none() {
        let e = err(&GOOD.replace("[book]", "[book]\nouptut = \"site\""));
        assert!(
            e.contains("help: did you mean `output`? valid keys here: "),
            "{e}"
        );
        let e = err(&GOOD.replace("[book]", "[book]\nbaseurl = \"x\""));
        assert!(e.contains("did you mean `base_url`?"), "{e}");
        let e = err(&GOOD.replace("[book]", "[book]\nzzzzzzzzzz = 1"));
        assert!(
            e.contains("help: valid keys here: "),
            "far from every key: {e}"
        );
        assert!(!e.contains("did you mean"), "{e}");
    }

    #[test]
    fn a_kind_field_cannot_take_a_front_matter_key() {
        let text = format!("{GOOD}\n[kinds.group-type.fields.summary]\ntype = \"text\"\n");
        let e = err(&text);
        assert!(
            e.contains("`summary` cannot be the name of a field of kind `group-type`"),
            "{e}"
        );
        assert!(e.contains(&RESERVED_KEYS.join(", ")), "{e}");
        let ok = format!("{GOOD}\n[kinds.group-type.fields.purpose]\ntype = \"text\"\n");
        parse(Path::new("/p"), &ok, &Overrides::default()).expect("`purpose` is free");
    }

    #[test]
    fn pdf_is_on_by_default_and_handouts_name_a_declared_kind() {
        let c = parse(Path::new("/p"), GOOD, &Overrides::default()).expect("valid");
        assert!(!c.pdf.enabled);
        assert_eq!(c.pdf.template, "book.typ");
        assert!(c.handouts.is_none());
        let text = format!(
            "{GOOD}\n[pdf]\nenabled = true\n[handouts]\nkind = \"group-type\"\n[kinds.group-type]\n"
        );
        let c = parse(Path::new("/p"), &text, &Overrides::default()).expect("valid");
        assert!(c.pdf.enabled);
        let h = c.handouts.expect("handouts");
        assert_eq!(
            (h.kind.as_str(), h.template.as_str()),
            ("group-type", "handout.typ")
        );
        let e = err(&format!("{GOOD}\n[handouts]\nkind = \"grup\"\n"));
        assert!(
            e.contains("`[handouts] kind = \"grup\"` is not a kind"),
            "{e}"
        );
        let e = err(&format!("{GOOD}\n[pdf]\ntemplate = \"../x.typ\"\n"));
        assert!(e.contains("is not the name of a Typst template"), "{e}");
    }

    #[test]
    fn a_page_field_names_a_declared_kind_and_only_page_fields_take_one() {
        let kinds =
            "\n[kinds.group-type]\n[kinds.session-plan.fields.group_type]\ntype = \"page\"\n";
        let ok = format!("{GOOD}{kinds}kind = \"group-type\"\n");
        let c = parse(Path::new("/p"), &ok, &Overrides::default()).expect("valid");
        let field = &c.kinds["session-plan"].fields["group_type"];
        assert_eq!(
            (field.ty, field.kind.as_deref()),
            (FieldType::Page, Some("group-type"))
        );
        // At the field's `kind` key, on line 16.
        let e = err(&format!("{GOOD}{kinds}kind = \"group-typ\"\n"));
        assert!(
            e.starts_with("book.toml:16:1: error: the field `group_type` of kind `session-plan` asks for pages of kind `group-typ`, which book.toml does not declare"),
            "{e}"
        );
        assert!(e.contains("did you mean `group-type`?"), "{e}");
        let text = format!("{GOOD}{kinds}kind = \"group-type\"\n").replace("\"page\"", "\"text\"");
        let e = err(&text);
        assert!(
            e.contains("`kind` is only for fields of `type = \"page\"`; the field `group_type` of kind `session-plan` is of type `text`"),
            "{e}"
        );
    }

    #[test]
    fn bad_base_url_is_an_error() {
        let e = err(&GOOD.replace("https://example.org/handbook", "example.org"));
        assert!(e.contains("not an http(s) URL"), "{e}");
    }

    #[test]
    fn a_download_date_that_is_no_date_is_refused() {
        let e = err(&format!("{GOOD}\n[downloads]\ndate = \"2026-02-30\"\n"));
        assert!(e.contains("`date = \"2026-02-30\"` is not a date"), "{e}");
        let e = err(&format!("{GOOD}\n[epub]\nenable = false\n"));
        assert!(e.contains("did you mean `enabled`?"), "{e}");
    }
}
