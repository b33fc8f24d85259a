//! House terms: the forms a handbook avoids and the terms it uses instead, per language
//! (`[terms.<lang>]` in `book.toml`), and finding them in running text.
//!
//! - [`HouseTerms::parse`] validates the tables as read from `book.toml` ([`RawTerms`]),
//!   with the place of every problem;
//! - a [`Haystack`] gathers the running text of one page (pieces of Markdown text,
//!   front-matter lines) into one normalised string that remembers where each part
//!   came from in the source;
//! - [`LanguageTerms::find`] runs one Aho-Corasick automaton over it: every avoided
//!   form, every house term and every counterpart of another language's house term,
//!   in one pass.
//!
//! Matching ignores case (ASCII by the automaton, other letters lowercased in the
//! haystack), counts a run of spaces or a line break as one space, and takes whole
//! words only: no letter or digit may touch a match on either side. Pure; this module
//! imports only [`crate::diagnostic`] and [`crate::i18n`] (its messages).

use std::ops::Range;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use indexmap::IndexMap;
use toml::Spanned;

use crate::diagnostic::LineIndex;

/// An entry of `[terms.<lang>]` as written: the house term, or a table with the house
/// term (`use`) and its counterparts in other languages (`en = "role-play"`).
#[derive(Debug)]
pub enum RawTerm {
    Plain(String),
    Table(Vec<(Spanned<String>, Spanned<String>)>),
}

impl<'de> serde::Deserialize<'de> for RawTerm {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawTerm;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "the house term in quotes, or a table such as `{ use = \"bermain peran\", en = \"role-play\" }`",
                )
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawTerm, E> {
                Ok(RawTerm::Plain(s.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawTerm, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(RawTerm::Table(entries))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The `[terms]` table as read: language code -> avoided form -> [`RawTerm`].
pub type RawTerms = IndexMap<Spanned<String>, IndexMap<Spanned<String>, Spanned<RawTerm>>>;

/// A problem in `[terms]`: where (a byte offset of `book.toml`), what, and what to do.
#[derive(Debug, Clone)]
pub struct TermsError {
    pub offset: usize,
    pub message: crate::i18n::Msg,
    pub help: crate::diagnostic::Help,
}

/// One line of a `[terms.<lang>]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The form to avoid, as written in `book.toml`.
    pub avoided: String,
    /// The house term to write instead.
    pub preferred: String,
    /// The house term's counterparts in other languages: (language code, term).
    pub counterparts: Vec<(String, String)>,
    /// The line of `book.toml` the entry is on.
    pub line: u32,
}

/// What a match in a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The avoided form of entry `entry` of the page language's table.
    Avoided { entry: usize },
    /// The house term of entry `entry` of the page language's table.
    Preferred { entry: usize },
    /// The counterpart, in the page's language, of entry `entry` of the table of
    /// language `table` (an index into [`HouseTerms::languages`]).
    Counterpart { table: usize, entry: usize },
}

/// The house terms of one language, and the automaton that finds them.
#[derive(Debug, Clone, Default)]
pub struct LanguageTerms {
    /// The language code.
    pub lang: String,
    /// The entries of `[terms.<lang>]`, in the order of `book.toml`.
    pub entries: Vec<Entry>,
    matcher: Option<Matcher>,
}

/// Every language's house terms.
#[derive(Debug, Clone, Default)]
pub struct HouseTerms {
    /// One per language, in the order of the languages given to [`HouseTerms::parse`].
    pub languages: Vec<LanguageTerms>,
}

/// A use found in a page: where in the source it starts and ends, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    pub source: Range<usize>,
    pub roles: &'a [Role],
}

/// The patterns of one language: normalised forms, each with what it stands for.
#[derive(Debug, Clone)]
struct Matcher {
    /// Leftmost-longest: the search over each page.
    longest: AhoCorasick,
    /// Every match: for the rare place where the longest match is not a whole word.
    every: AhoCorasick,
    /// Per pattern, what a whole-word match of it is (with the counterparts that are
    /// its beginning: `role-play` in a pattern `role-plays`).
    roles: Vec<Vec<Role>>,
    /// Per pattern, the counterparts among `roles`: they also count at the start of a
    /// longer word (`role-play` in `role-plays`), since a hint only asks whether a page
    /// says them.
    counterparts: Vec<Vec<Role>>,
    /// Whether the pattern starts and ends with a letter or digit (only then do its
    /// neighbours have to be something else).
    edges: Vec<(bool, bool)>,
}

/// A term as it is matched: lowercase, with every run of white space one space.
pub fn normalize(term: &str) -> String {
    term.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

impl HouseTerms {
    /// Validates `raw` (from `text`, the whole `book.toml`) against the declared
    /// language codes, in the order the languages are used.
    pub fn parse(raw: RawTerms, languages: &[&str], text: &str) -> Result<HouseTerms, TermsError> {
        let index = LineIndex::new(text);
        let line_of = |offset: usize| index.line_col(text, offset).0;
        let declared = || {
            languages
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = HouseTerms {
            languages: languages
                .iter()
                .map(|l| LanguageTerms {
                    lang: l.to_string(),
                    ..LanguageTerms::default()
                })
                .collect(),
        };
        for (lang, table) in raw {
            let Some(l) = languages.iter().position(|c| *c == lang.get_ref()) else {
                // code: terms-unknown-language
                return Err(TermsError {
                    offset: lang.span().start,
                    message: crate::msg!("terms-unknown-language", lang = lang.get_ref()),
                    help: crate::help!(declared = declared(), lang = lang.get_ref()),
                });
            };
            let name = format!("[terms.{}]", lang.get_ref());
            let mut entries: Vec<Entry> = Vec::new();
            let mut seen: IndexMap<String, u32> = IndexMap::new();
            let mut preferred_at = Vec::new();
            for (avoided, value) in table {
                let key = normalize(avoided.get_ref());
                let line = line_of(avoided.span().start);
                if key.is_empty() {
                    // code: terms-empty
                    return Err(TermsError {
                        offset: avoided.span().start,
                        message: crate::msg!("terms-empty", table = &name),
                        help: crate::help!(),
                    });
                }
                if let Some(first) = seen.get(&key) {
                    // code: terms-duplicate
                    return Err(TermsError {
                        offset: avoided.span().start,
                        message: crate::msg!(
                            "terms-duplicate",
                            term = avoided.get_ref().trim(),
                            table = &name,
                            line = *first
                        ),
                        help: crate::help!(),
                    });
                }
                seen.insert(key.clone(), line);
                let value_at = value.span().start;
                let (preferred, counterparts) = read_entry(
                    value.into_inner(),
                    value_at,
                    avoided.get_ref(),
                    lang.get_ref(),
                    languages,
                    &name,
                )?;
                let preferred_key = normalize(preferred.get_ref());
                if preferred_key.is_empty() {
                    // code: terms-empty
                    return Err(TermsError {
                        offset: preferred.span().start,
                        message: crate::msg!(
                            "terms-empty-preferred",
                            term = avoided.get_ref().trim()
                        ),
                        help: crate::help!(),
                    });
                }
                if preferred_key == key {
                    // code: terms-same
                    return Err(TermsError {
                        offset: avoided.span().start,
                        message: crate::msg!("terms-same", term = avoided.get_ref().trim()),
                        help: crate::help!(),
                    });
                }
                preferred_at.push((preferred_key, preferred.span().start));
                entries.push(Entry {
                    avoided: avoided.get_ref().trim().to_string(),
                    preferred: preferred.get_ref().trim().to_string(),
                    counterparts,
                    line,
                });
            }
            for (key, at) in preferred_at {
                if let Some((_, line)) = seen.get_key_value(&key) {
                    let avoided = entries.iter().find(|e| e.line == *line);
                    let next = avoided.map(|e| e.preferred.as_str()).unwrap_or_default();
                    // code: terms-chain
                    return Err(TermsError {
                        offset: at,
                        message: crate::msg!(
                            "terms-chain",
                            term = &key,
                            table = &name,
                            line = *line
                        ),
                        help: crate::help!(next = next),
                    });
                }
            }
            out.languages[l].entries = entries;
        }
        out.build_matchers();
        Ok(out)
    }

    /// The house terms of the language at `lang_index`, if it has any to look for.
    pub fn language(&self, lang_index: usize) -> Option<&LanguageTerms> {
        self.languages
            .get(lang_index)
            .filter(|t| t.matcher.is_some())
    }

    /// The index of the table of language `code`.
    pub fn table_of(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|t| t.lang == code)
    }

    fn build_matchers(&mut self) {
        let mut patterns: Vec<IndexMap<String, Vec<Role>>> =
            vec![IndexMap::new(); self.languages.len()];
        for (t, table) in self.languages.iter().enumerate() {
            for (entry, e) in table.entries.iter().enumerate() {
                let own = &mut patterns[t];
                own.entry(normalize(&e.avoided))
                    .or_default()
                    .push(Role::Avoided { entry });
                own.entry(normalize(&e.preferred))
                    .or_default()
                    .push(Role::Preferred { entry });
                for (lang, term) in &e.counterparts {
                    if let Some(other) = self.table_of(lang) {
                        patterns[other]
                            .entry(normalize(term))
                            .or_default()
                            .push(Role::Counterpart { table: t, entry });
                    }
                }
            }
        }
        for (table, patterns) in self.languages.iter_mut().zip(patterns) {
            table.matcher = Matcher::new(patterns);
        }
    }
}

/// A house term's counterparts in other languages: (language code, term).
type Counterparts = Vec<(String, String)>;

/// The house term and counterparts of one entry.
fn read_entry(
    value: RawTerm,
    value_at: usize,
    avoided: &str,
    lang: &str,
    languages: &[&str],
    name: &str,
) -> Result<(Spanned<String>, Counterparts), TermsError> {
    let entries = match value {
        RawTerm::Plain(text) => {
            let len = text.len();
            return Ok((Spanned::new(value_at..value_at + len, text), Vec::new()));
        }
        RawTerm::Table(entries) => entries,
    };
    let mut preferred = None;
    let mut counterparts = Vec::new();
    for (key, term) in entries {
        let code = key.get_ref().as_str();
        if code == "use" {
            preferred = Some(term);
        } else if code == lang {
            // code: terms-own-counterpart
            return Err(TermsError {
                offset: key.span().start,
                message: crate::msg!("terms-own-counterpart", lang = lang, table = name),
                help: crate::help!(),
            });
        } else if languages.contains(&code) {
            if normalize(term.get_ref()).is_empty() {
                // code: terms-empty
                return Err(TermsError {
                    offset: term.span().start,
                    message: crate::msg!(
                        "terms-empty-counterpart",
                        lang = code,
                        term = avoided.trim()
                    ),
                    help: crate::help!(lang = code),
                });
            }
            counterparts.push((code.to_string(), term.get_ref().trim().to_string()));
        } else {
            // code: terms-unknown-key
            return Err(TermsError {
                offset: key.span().start,
                message: crate::msg!("terms-unknown-key", key = code),
                help: crate::help!(
                    other = *languages.iter().find(|l| **l != lang).unwrap_or(&"en"),
                    declared = languages
                        .iter()
                        .map(|l| format!("`{l}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    match preferred {
        Some(p) => Ok((p, counterparts)),
        // code: terms-missing-use
        None => Err(TermsError {
            offset: value_at,
            message: crate::msg!("terms-missing-use", term = avoided.trim()),
            help: crate::help!(),
        }),
    }
}

impl Matcher {
    fn new(patterns: IndexMap<String, Vec<Role>>) -> Option<Matcher> {
        if patterns.is_empty() {
            return None;
        }
        let automaton = |kind| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(kind)
                .build(patterns.keys())
                .ok()
        };
        let (longest, every) = (
            automaton(MatchKind::LeftmostLongest)?,
            automaton(MatchKind::Standard)?,
        );
        let keys: Vec<&String> = patterns.keys().collect();
        let edges = keys
            .iter()
            .map(|p| {
                (
                    p.chars().next().is_some_and(is_word),
                    p.chars().next_back().is_some_and(is_word),
                )
            })
            .collect();
        let own_counterparts = |roles: &[Role]| -> Vec<Role> {
            roles
                .iter()
                .copied()
                .filter(|r| matches!(r, Role::Counterpart { .. }))
                .collect()
        };
        let mut roles: Vec<Vec<Role>> = patterns.values().cloned().collect();
        let mut counterparts: Vec<Vec<Role>> = roles.iter().map(|r| own_counterparts(r)).collect();
        for (i, key) in keys.iter().enumerate() {
            for (j, shorter) in keys.iter().enumerate() {
                if i != j && key.starts_with(shorter.as_str()) {
                    let more = own_counterparts(&patterns[j]);
                    roles[i].extend(&more);
                    counterparts[i].extend(more);
                }
            }
            roles[i].sort();
            roles[i].dedup();
            counterparts[i].sort();
            counterparts[i].dedup();
        }
        Some(Matcher {
            longest,
            every,
            roles,
            counterparts,
            edges,
        })
    }

    /// What the match of `pattern` at `start..end` of `text` stands for, if its ends
    /// are where words end.
    fn accept(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<&[Role]> {
        let (starts_word, ends_word) = self.edges[pattern];
        if starts_word && text[..start].chars().next_back().is_some_and(is_word) {
            return None;
        }
        let roles = if ends_word && text[end..].chars().next().is_some_and(is_word) {
            &self.counterparts[pattern]
        } else {
            &self.roles[pattern]
        };
        (!roles.is_empty()).then_some(roles.as_slice())
    }
}

impl LanguageTerms {
    /// Every use of a term in `haystack`, in order, whole words only; where matches
    /// overlap, the leftmost, then the longest, wins.
    pub fn find<'a>(&'a self, haystack: &Haystack) -> Vec<Found<'a>> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let text = haystack.text.as_str();
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(m) = matcher.longest.find(Input::new(text).span(pos..text.len())) {
            let start = m.start();
            let hit = matcher
                .accept(text, start, m.end(), m.pattern().as_usize())
                .map(|roles| (m.end(), roles))
                .or_else(|| {
                    // Not a whole word (`edukasi` in `edukasinya`): a shorter term
                    // that starts here may be one.
                    matcher
                        .every
                        .find_overlapping_iter(Input::new(text).span(start..m.end()))
                        .filter(|o| o.start() == start)
                        .filter_map(|o| {
                            let roles =
                                matcher.accept(text, start, o.end(), o.pattern().as_usize())?;
                            Some((o.end(), roles))
                        })
                        .max_by_key(|&(end, _)| end)
                });
            let Some((end, roles)) = hit else {
                pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            pos = end;
            let source_start = haystack.source_of(start);
            // The end of the last character: the next byte may start another piece.
            let last = text[..end]
                .char_indices()
                .next_back()
                .map_or(start, |(i, _)| i);
            let source_end = (haystack.source_of(last) + (end - last)).max(source_start);
            out.push(Found {
                source: source_start..source_end,
                roles,
            });
        }
        out
    }
}

/// How a piece of text follows the piece before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// Something that is not running text lies between (a block ends, code, HTML):
    /// no term may span the two.
    Apart,
    /// White space or a line break lies between.
    Space,
    /// Only markup lies between (`**`, `[`): the two read as one.
    Touching,
}

/// The running text of one page, normalised for matching: ASCII letters as they are
/// (the automaton ignores their case), other letters lowercased, each run of white
/// space one space, and `\n` where pieces are [`Join::Apart`].
#[derive(Debug, Default)]
pub struct Haystack {
    text: String,
    /// Where parts of `text` come from, sorted by `at`.
    marks: Vec<Mark>,
    /// The source offset just after the last piece.
    end: usize,
}

/// From `at` in the haystack on, the text comes from `source` on, byte for byte
/// (or, when `fixed`, all of it from `source`).
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    source: usize,
    fixed: bool,
}

impl Haystack {
    /// Adds `piece`, which is the source text at `source`.
    pub fn push(&mut self, source: usize, piece: &str, join: Join) {
        self.join(join);
        self.mark(source, false);
        let mut chunk = 0; // start of the part of `piece` not yet copied
        let mut moved = false; // whether `text` and the source are no longer in step
        let flush = |hay: &mut Haystack, from: usize, to: usize, moved: &mut bool| {
            if from < to {
                if *moved {
                    hay.mark(source + from, false);
                    *moved = false;
                }
                hay.text.push_str(&piece[from..to]);
            }
        };
        let bytes = piece.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Most bytes are ASCII letters, digits and punctuation: copied as they are.
            if b > b' ' && b.is_ascii() {
                i += 1;
                continue;
            }
            if b == b' ' && !self.ends_in_space_before(piece, chunk, i) {
                i += 1;
                continue;
            }
            let c = piece[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                flush(self, chunk, i, &mut moved);
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.mark(source + i, false);
                    self.text.push(' ');
                }
                moved = true;
                chunk = i + len;
            } else if !c.is_ascii() {
                let mut lower = c.to_lowercase();
                if !(lower.len() == 1 && lower.next() == Some(c)) {
                    flush(self, chunk, i, &mut moved);
                    let before = self.text.len();
                    self.text.extend(c.to_lowercase());
                    if self.text.len() - before != len {
                        self.marks.push(Mark {
                            at: before,
                            source: source + i,
                            fixed: true,
                        });
                        moved = true;
                    }
                    chunk = i + len;
                }
            }
            i += len;
        }
        flush(self, chunk, piece.len(), &mut moved);
        self.end = source + piece.len();
    }

    /// Adds `piece`, which stands for the source text in `source` without being it
    /// (an entity, an escape): every offset in it maps to the start of `source`.
    pub fn push_fixed(&mut self, source: Range<usize>, piece: &str, join: Join) {
        self.join(join);
        self.mark(source.start, true);
        for c in piece.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.text.extend(c.to_lowercase());
            }
        }
        self.end = source.end;
    }

    /// Whether `text` will end in a space when `piece[chunk..i]` is copied: a space
    /// there is a second one, which is dropped.
    fn ends_in_space_before(&self, piece: &str, chunk: usize, i: usize) -> bool {
        if chunk < i {
            piece.as_bytes()[i - 1] == b' '
        } else {
            self.text.is_empty() || self.text.ends_with([' ', '\n'])
        }
    }

    fn join(&mut self, join: Join) {
        if self.text.is_empty() {
            return;
        }
        let separator = match join {
            Join::Apart => '\n',
            Join::Space => ' ',
            Join::Touching => return,
        };
        if self.text.ends_with('\n') || (separator == ' ' && self.text.ends_with(' ')) {
            return;
        }
        if separator == '\n' && self.text.ends_with(' ') {
            self.text.pop();
        }
        self.marks.push(Mark {
            at: self.text.len(),
            source: self.end,
            fixed: true,
        });
        self.text.push(separator);
    }

    fn mark(&mut self, source: usize, fixed: bool) {
        self.marks.push(Mark {
            at: self.text.len(),
            source,
            fixed,
        });
    }

    /// The source offset of byte `at` of the haystack.
    fn source_of(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.end;
        }
        let i = self.marks.partition_point(|m| m.at <= at);
        match i.checked_sub(1).map(|i| self.marks[i]) {
            Some(m) if m.fixed => m.source,
            Some(m) => m.source + (at - m.at),
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = r#"
[languages.id]
name = "Bahasa Indonesia"
title = "Panduan"

[languages.en]
name = "English"
title = "Handbook"

[terms.id]
"konseling individual" = "konseling perorangan"
"permainan peran" = { use = "bermain peran", en = "role-play" }
"édukasi" = "pendidikan"

[terms.en]
"role play" = "role-play"
"#;

    #[derive(serde::Deserialize)]
    struct Book {
        #[serde(default)]
        terms: RawTerms,
    }

    fn parse(text: &str) -> Result<HouseTerms, TermsError> {
        let raw: Book = toml::from_str(text).expect("valid TOML");
        HouseTerms::parse(raw.terms, &["id", "en"], text)
    }

    fn uses(terms: &LanguageTerms, pieces: &[(&str, Join)]) -> Vec<(String, Vec<Role>)> {
        let mut hay = Haystack::default();
        let mut source = String::new();
        for (piece, join) in pieces {
            hay.push(source.len(), piece, *join);
            source.push_str(piece);
        }
        terms
            .find(&hay)
            .into_iter()
            .map(|f| (source[f.source].to_string(), f.roles.to_vec()))
            .collect()
    }

    #[test]
    fn finds_whole_words_in_any_case_across_spaces_and_lines() {
        let terms = parse(BOOK).expect("valid");
        let id = terms.language(0).expect("id terms");
        let found = uses(
            id,
            &[
                (
                    "Konseling  Individual, lalu konseling\n  individual",
                    Join::Apart,
                ),
                (
                    "; konseling individualnya dan prakonseling individual",
                    Join::Apart,
                ),
                ("ÉDUKASI dan bermain peran", Join::Space),
            ],
        );
        let written: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            written,
            [
                "Konseling  Individual",
                "konseling\n  individual",
                "ÉDUKASI",
                "bermain peran"
            ]
        );
        assert_eq!(found[0].1, [Role::Avoided { entry: 0 }]);
        assert_eq!(found[3].1, [Role::Preferred { entry: 1 }]);
        let en = terms.language(1).expect("en terms");
        let found = uses(en, &[("a role-play, a role play", Join::Apart)]);
        // `role-play` is the English house term and the counterpart of `bermain peran`.
        assert_eq!(
            found[0].1,
            [
                Role::Preferred { entry: 0 },
                Role::Counterpart { table: 0, entry: 1 }
            ]
        );
        assert_eq!(found[0].0, "role-play");
        assert_eq!(found[1].1, [Role::Avoided { entry: 0 }]);
        // A counterpart also counts at the start of a longer word; nothing else does.
        let found = uses(en, &[("two role-plays", Join::Apart)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, [Role::Counterpart { table: 0, entry: 1 }]);
        // Also inside a longer term that starts with it.
        let longer = parse(&BOOK.replace(
            "[terms.en]\n",
            "[terms.en]\n\"role plays\" = \"role-plays\"\n",
        ))
        .expect("valid");
        let en = longer.language(1).expect("en terms");
        let found = uses(en, &[("two role-plays", Join::Apart)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            [
                Role::Preferred { entry: 0 },
                Role::Counterpart { table: 0, entry: 1 }
            ]
        );
    }

    #[test]
    fn a_shorter_term_counts_where_the_longest_one_is_not_a_whole_word() {
        let text = BOOK.replace(
            "[terms.en]\n",
            "[terms.en]\n\"counseling\" = \"counselling\"\n\"counseling group\" = \"counselling group\"\n",
        );
        let terms = parse(&text).expect("valid");
        let en = terms.language(1).expect("en terms");
        let found = uses(en, &[("counseling groups, counseling group", Join::Apart)]);
        let written: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(written, ["counseling", "counseling group"]);
    }

    #[test]
    fn pieces_apart_never_join_and_touching_ones_do() {
        let terms = parse(BOOK).expect("valid");
        let id = terms.language(0).expect("id terms");
        assert!(
            uses(
                id,
                &[("konseling", Join::Apart), ("individual", Join::Apart)]
            )
            .is_empty()
        );
        let found = uses(
            id,
            &[
                ("x konseling ", Join::Apart),
                ("individual", Join::Touching),
            ],
        );
        assert_eq!(found[0].0, "konseling individual");
    }

    #[test]
    fn offsets_stay_exact_after_lowercased_letters_and_collapsed_space() {
        let terms = parse(BOOK).expect("valid");
        let id = terms.language(0).expect("id terms");
        // `İ` lowercases to two characters: what follows keeps its source offset.
        let found = uses(id, &[("İİ   x\t\tkonseling individual", Join::Apart)]);
        assert_eq!(found[0].0, "konseling individual");
    }

    #[test]
    fn bad_tables_are_located_errors() {
        let bad = |from: &str, to: &str| {
            let text = BOOK.replace(from, to);
            let e = parse(&text).expect_err("invalid");
            let (line, col) = LineIndex::new(&text).line_col(&text, e.offset);
            let d = crate::diagnostic::Diagnostic::error(
                crate::diagnostic::Span::new("", line, col),
                e.message,
            )
            .with_help(e.help);
            let shown = d.to_string();
            let shown = shown.trim_start_matches(":");
            shown
                .replacen(": error: ", ": ", 1)
                .replace("\n  = help: ", " / ")
        };
        let e = bad("[terms.en]", "[terms.fr]");
        assert!(e.starts_with("15:8: `[terms.fr]` is for a language"), "{e}");
        assert!(e.contains("`id`, `en`"), "{e}");
        let e = bad("\"édukasi\"", "\" \"");
        assert!(e.starts_with("13:1: an empty term in `[terms.id]`"), "{e}");
        let e = bad("\"konseling perorangan\"", "\"Konseling  individual\"");
        assert!(
            e.starts_with("11:1: \"konseling individual\" is both"),
            "{e}"
        );
        let e = bad("\"édukasi\"", "\"Konseling individual\"");
        assert!(e.contains("twice (also on line 11)"), "{e}");
        let e = bad("= \"pendidikan\"", "= \"permainan peran\"");
        assert!(
            e.contains("is itself a form to avoid in `[terms.id]` (line 12)"),
            "{e}"
        );
        assert!(e.contains("\"bermain peran\""), "{e}");
        let e = bad("en = \"role-play\"", "fr = \"role-play\"");
        assert!(
            e.contains("`fr` is neither `use` nor a declared language"),
            "{e}"
        );
        let e = bad("en = \"role-play\"", "id = \"x\"");
        assert!(e.contains("a counterpart in `id`"), "{e}");
        let e = bad("use = \"bermain peran\", ", "");
        assert!(e.contains("has no `use"), "{e}");
    }
}
