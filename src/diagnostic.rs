//! Diagnostics: a problem in the author's content, with the place it comes from.
//!
//! Every content problem the pipeline finds becomes a [`Diagnostic`]; they are collected
//! and printed together as `path:line:col: level: message` with an optional `help:` line.
//!
//! A diagnostic has a stable [`code`](Diagnostic::code), the id of its message in the
//! catalogues of [`crate::i18n`] (`link-missing-page`); its message and help line are
//! formatted in the current language when it is made, and can be formatted again in
//! another one ([`Diagnostic::message_in`]). Made from plain text instead
//! (`Diagnostic::warning(span, format!(..))`), it has the code `uncatalogued` and the
//! same words in every language: give it a catalogue entry (see README, "Development").
//! This module imports only [`crate::i18n`].

use std::fmt;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use crate::i18n::{self, Lang, Msg};

/// A place in a source file, 1-based, displayed as `content/id/install.md:14:3`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Path relative to the project root, as the author sees it.
    pub path: PathBuf,
    pub line: NonZeroU32,
    pub col: NonZeroU32,
}

impl Span {
    /// A span at `line:col` of `path`; zero values are clamped to 1.
    pub fn new(path: impl Into<PathBuf>, line: u32, col: u32) -> Self {
        Span {
            path: path.into(),
            line: NonZeroU32::new(line).unwrap_or(NonZeroU32::MIN),
            col: NonZeroU32::new(col).unwrap_or(NonZeroU32::MIN),
        }
    }

    /// The start of a file (used when a problem concerns the file as a whole).
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Span::new(path, 1, 1)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", display_path(&self.path), self.line, self.col)
    }
}

/// Paths are printed with `/` on every platform so messages and tests read the same.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    /// A suggestion that is not a problem (yet): shown by `check`, never fails it.
    Hint,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Hint => "hint",
        })
    }
}

impl Level {
    /// The word a terminal shows for this level in `lang` (`error`, `kesalahan`): the
    /// JSON of `check` keeps the English code of [`Display`](fmt::Display).
    pub fn word_in(self, lang: Lang) -> String {
        match self {
            Level::Error => crate::msg!("label-error"),
            Level::Warning => crate::msg!("label-warning"),
            Level::Hint => crate::msg!("label-hint"),
        }
        .format_in(lang)
    }
}

/// The label of a `help:` line in `lang` (`help`, `petunjuk`).
pub fn help_word(lang: Lang) -> String {
    crate::msg!("label-help").format_in(lang)
}

/// The label of a `note:` line in `lang` (`note`, `catatan`).
pub fn note_word(lang: Lang) -> String {
    crate::msg!("label-note").format_in(lang)
}

/// `error: {message}`, with the label in the current language, for a failure that
/// has no place in a file.
pub fn error_line(message: impl fmt::Display) -> String {
    format!("{}: {message}", Level::Error.word_in(i18n::current()))
}

/// `note: {message}`, with the label in the current language.
pub fn note_line(message: impl fmt::Display) -> String {
    format!("{}: {message}", note_word(i18n::current()))
}

/// `\n  = help: {help}`, with the label in the current language: the help line under a
/// message.
pub fn help_line(help: impl fmt::Display) -> String {
    format!("\n  = {}: {help}", help_word(i18n::current()))
}

/// One problem in the content, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    pub span: Span,
    /// The message, in the language current when it was made.
    pub message: String,
    /// The `help:` line, in the same language.
    pub help: Option<String>,
    /// The source line the problem is on, shown under the message with a `^` under
    /// [`Span::col`] (set with [`Diagnostic::with_line`]).
    pub line: Option<String>,
    /// How to say the message and the help line again in another language (boxed: a
    /// diagnostic travels in `Result`s and stays small).
    words: Box<Words>,
}

/// The code of a diagnostic made from plain text.
pub const UNCATALOGUED: &str = "uncatalogued";

/// What a diagnostic's words are made from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Words {
    /// The stable code (see [`Diagnostic::code`]).
    code: &'static str,
    message: Option<Msg>,
    help: Option<Help>,
}

/// A diagnostic's message: a catalogued [`Msg`] (made with [`msg!`](crate::msg)), or
/// plain text, which stays the same in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Catalogued(Msg),
    Text(String),
}

impl From<Msg> for Message {
    fn from(m: Msg) -> Self {
        Message::Catalogued(m)
    }
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Message::Text(s)
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Message::Text(s.to_string())
    }
}

impl From<&String> for Message {
    fn from(s: &String) -> Self {
        Message::Text(s.clone())
    }
}

/// A help line: an attribute of the diagnostic's own message (made with
/// [`help!`](crate::help), which may add arguments), another catalogued message, or
/// plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Help {
    Attr {
        name: &'static str,
        args: i18n::Args,
    },
    Catalogued(Msg),
    Text(String),
}

impl From<Msg> for Help {
    fn from(m: Msg) -> Self {
        Help::Catalogued(m)
    }
}

impl From<String> for Help {
    fn from(s: String) -> Self {
        Help::Text(s)
    }
}

impl From<&str> for Help {
    fn from(s: &str) -> Self {
        Help::Text(s.to_string())
    }
}

impl From<&String> for Help {
    fn from(s: &String) -> Self {
        Help::Text(s.clone())
    }
}

/// A [`Help`] line from an attribute of the diagnostic's message: `help!()` is its
/// `.help`, `help!("help-nearest", nearest = s)` another attribute with one more
/// argument.
#[macro_export]
macro_rules! help {
    () => {
        $crate::diagnostic::Help::Attr { name: "help", args: Vec::new() }
    };
    ($name:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::diagnostic::Help::Attr {
            name: $name,
            args: vec![$((stringify!($k), $crate::i18n::Arg::from($v))),*],
        }
    };
    ($($k:ident = $v:expr),+ $(,)?) => {
        $crate::diagnostic::Help::Attr {
            name: "help",
            args: vec![$((stringify!($k), $crate::i18n::Arg::from($v))),*],
        }
    };
}

impl Diagnostic {
    /// A diagnostic of `level` at `span`.
    pub fn new(level: Level, span: Span, message: impl Into<Message>) -> Self {
        let (code, text, words) = match message.into() {
            Message::Catalogued(m) => (m.id, m.format(), Some(m)),
            Message::Text(s) => (UNCATALOGUED, s, None),
        };
        Diagnostic {
            level,
            span,
            message: text,
            help: None,
            line: None,
            words: Box::new(Words {
                code,
                message: words,
                help: None,
            }),
        }
    }

    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<Message>) -> Self {
        Diagnostic::new(Level::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<Message>) -> Self {
        Diagnostic::new(Level::Warning, span, message)
    }

    /// A hint at `span`: something to improve that is not a problem.
    pub fn hint(span: Span, message: impl Into<Message>) -> Self {
        Diagnostic::new(Level::Hint, span, message)
    }

    /// Adds a `help:` line: `help!()` for the message's `.help`, or text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<Help>) -> Self {
        let help = help.into();
        self.help = Some(self.help_in_words(&help, i18n::current()));
        self.words.help = Some(help);
        self
    }

    /// The stable code: the message's id in the catalogue (`yaml-colon-in-text`), the
    /// same in every language; `uncatalogued` for a message made from plain text.
    pub fn code(&self) -> &'static str {
        self.words.code
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.words.message {
            Some(m) => m.format_in(lang),
            None => self.message.clone(),
        }
    }

    /// The help line in `lang`.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        match &self.words.help {
            Some(h) => Some(self.help_in_words(h, lang)),
            None => self.help.clone(),
        }
    }

    /// This diagnostic with its message and help line in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Diagnostic {
        Diagnostic {
            message: self.message_in(lang),
            help: self.help_in(lang),
            ..self.clone()
        }
    }

    fn help_in_words(&self, help: &Help, lang: Lang) -> String {
        match help {
            Help::Text(s) => s.clone(),
            Help::Catalogued(m) => m.format_in(lang),
            Help::Attr { name, args } => {
                let mut all = self
                    .words
                    .message
                    .as_ref()
                    .map(|m| m.args.clone())
                    .unwrap_or_default();
                all.extend(args.iter().cloned());
                i18n::format(lang, self.words.code, Some(name), &all)
            }
        }
    }

    /// Replaces the help line by text (a message made from pieces by its caller).
    pub fn set_help_text(&mut self, help: Option<String>) {
        self.words.help = help.clone().map(Help::Text);
        self.help = help;
    }

    /// Shows `line`, the text of the source line at [`Diagnostic::span`], with a caret
    /// under the column.
    #[must_use]
    pub fn with_line(mut self, line: &str) -> Self {
        self.line = Some(line.trim_end_matches(['\r', '\n']).to_string());
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = i18n::current();
        write!(
            f,
            "{}: {}: {}",
            self.span,
            self.level.word_in(lang),
            self.message
        )?;
        if let Some(line) = &self.line {
            // Tabs are shown as one space each, so that the caret stays under its column.
            let number = self.span.line.to_string();
            let gutter = " ".repeat(number.len());
            let (shown, col) = excerpt(line, self.span.col.get().saturating_sub(1) as usize);
            let caret = " ".repeat(col);
            write!(
                f,
                "\n  {gutter} |\n  {number} | {}\n  {gutter} | {caret}^",
                shown.replace('\t', " ")
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = {}: {help}", help_word(lang))?;
        }
        Ok(())
    }
}

/// The characters of a source line shown under a message, at most: a longer line (a
/// 10,000-deep flow list on one line) is cut to this many around the column, with `…`
/// where it was cut.
pub const EXCERPT_CHARS: usize = 120;

/// `line` cut to [`EXCERPT_CHARS`] around the 0-based character column `col`, and the
/// column within what is shown.
fn excerpt(line: &str, col: usize) -> (std::borrow::Cow<'_, str>, usize) {
    let count = line.chars().count();
    if count <= EXCERPT_CHARS {
        return (std::borrow::Cow::Borrowed(line), col);
    }
    let col = col.min(count);
    let start = col
        .saturating_sub(EXCERPT_CHARS / 2)
        .min(count - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(EXCERPT_CHARS));
    if end < count {
        shown.push('…');
    }
    (
        std::borrow::Cow::Owned(shown),
        col - start + usize::from(start > 0),
    )
}

/// Sorts diagnostics by place, then level, code and message, for reproducible output
/// in the same order in every language.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.span, a.level, a.code(), &a.message).cmp(&(&b.span, b.level, b.code(), &b.message))
    });
}

/// Maps byte offsets of one text to 1-based line and column (columns count characters).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based (line, column) of byte `offset` in `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (to_u32(line + 1), to_u32(col + 1))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The closest candidates to `wanted` by edit distance, best first (at most `limit`).
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let max = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let d = edit_distance(&wanted_lower, &lower);
            let contains = !wanted_lower.is_empty()
                && (lower.ends_with(&wanted_lower) || wanted_lower.ends_with(&lower));
            (d <= max || contains).then_some((if contains { d.min(max) } else { d }, c))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets_to_lines_and_char_columns() {
        let text = "ab\ncé d\n\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // `d` is after a two-byte `é`: byte 7, char column 4
        assert_eq!(idx.line_col(text, 7), (2, 4));
        assert_eq!(idx.line_col(text, 9), (3, 1));
        assert_eq!(idx.line_col(text, 10), (4, 1));
        assert_eq!(idx.line_col(text, 999), (4, 5));
    }

    #[test]
    fn issue_24_a_long_line_is_cut_around_its_column() {
        let line = "[".repeat(10_000);
        let d = Diagnostic::error(Span::new("a.md", 2, 5_001), "deep").with_line(&line);
        let shown = d.to_string();
        assert!(shown.len() < 600, "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        let text = lines[2].split_once("| ").expect("the excerpt").1;
        let caret = lines[3].split_once("| ").expect("the caret").1;
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        assert_eq!(text.chars().count(), EXCERPT_CHARS + 2);
        assert_eq!(caret.chars().count(), 1 + EXCERPT_CHARS / 2 + 1, "{caret}");
        let (short, col) = excerpt("abc", 1);
        assert_eq!((short.as_ref(), col), ("abc", 1));
        let long = "x".repeat(500);
        let (end, col) = excerpt(&long, 499);
        assert_eq!(
            (end.chars().count(), col),
            (EXCERPT_CHARS + 1, EXCERPT_CHARS)
        );
    }

    #[test]
    fn did_you_mean_finds_near_names() {
        let c = ["group-types/therapy", "concepts/empowerment", "home"];
        assert_eq!(
            did_you_mean("group-types/theraphy", c, 3),
            vec!["group-types/therapy"]
        );
        assert_eq!(did_you_mean("therapy", c, 3), vec!["group-types/therapy"]);
        assert!(did_you_mean("zzzzzzzzzz", c, 3).is_empty());
    }

    #[test]
    fn diagnostic_displays_location_level_message_and_help() {
        let d = Diagnostic::error(Span::new("content/id/a.md", 3, 7), "bad link")
            .with_help("try `b.md`");
        assert_eq!(
            d.to_string(),
            "content/id/a.md:3:7: error: bad link\n  = help: try `b.md`"
        );
    }

    #[test]
    fn a_diagnostic_with_its_line_shows_a_caret_under_the_column() {
        let d = Diagnostic::error(Span::new("content/id/a.md", 12, 4), "here")
            .with_line("\tab: c\r\n")
            .with_help("fix");
        assert_eq!(
            d.to_string(),
            "content/id/a.md:12:4: error: here\n     |\n  12 |  ab: c\n     |    ^\n  = help: fix"
        );
    }
}
