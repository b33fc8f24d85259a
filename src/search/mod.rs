//! Search: one index per language, built from the model and shipped as a classic
//! `<script>` (`assets/search-<lang>.js`), so it loads from `file://` as well as over
//! HTTP: no `fetch`, no modules, no WebAssembly.
//!
//! Around the pipeline: takes `&Site` and hands on output files ([`files_into`]);
//! `render` never calls it.
//! Words are split by [`tokenize`] and reduced by the language's stemmer
//! ([`stem_id`], [`stem_en`]); `themes/default/static/stem.js` does exactly the same in
//! the browser, held to it by the shared vectors in `tests/search/`.
//!
//! The index holds one entry per page section (the page top, then each `##`/`###`
//! heading), with the section's text for snippets, and for each stem the entries it
//! occurs in with a weight: title 10, heading 5, summary/tags/fields 3, text 1 per
//! occurrence (at most 5).

pub mod stem_en;
pub mod stem_id;

use std::fmt::Write as _;

use crate::memo::{Memo, Reusing};
use crate::model::{Page, Site};
use crate::render::{Contents, OutputFile};

/// Splits text into lowercase words: letters and digits, with inner hyphens kept
/// (`kelompok-kelompok`); other characters separate words.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of `text` as [`tokenize`] splits it, without allocating a
/// string per word: a word of lowercase ASCII letters, digits and inner hyphens (most
/// of them) is handed on as a slice of `text`.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => {}
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        let start = i;
        let mut end = i;
        loop {
            end += bytes.get(end..).map_or(0, |rest| {
                rest.iter().take_while(|&&b| SIMPLE[usize::from(b)]).count()
            });
            let simple_next = bytes.get(end + 1).is_some_and(|&b| SIMPLE[usize::from(b)]);
            if end > start && bytes.get(end) == Some(&b'-') && simple_next {
                end += 1;
            } else {
                break;
            }
        }
        let ends_here = match bytes.get(end) {
            None => true,
            Some(&b'-') => !starts_word(text, end + 1),
            Some(&b) => b.is_ascii() && !b.is_ascii_alphanumeric(),
        };
        if end > start && ends_here {
            f(&text[start..end]);
            i = end;
        } else {
            i = general_word(text, start, &mut word);
            f(&word);
            word.clear();
        }
    }
}

/// Bytes that make up simple words: lowercase ASCII letters and digits.
const SIMPLE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_lowercase() || (b as u8).is_ascii_digit();
        b += 1;
    }
    table
};

/// Whether an alphanumeric character starts at byte `at` of `text`.
fn starts_word(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Reads the word that starts at byte `start` (an alphanumeric character) into `word`,
/// lowercased; returns where it ends.
fn general_word(text: &str, start: usize, word: &mut String) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let (len, alphanumeric) = if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                word.push(char::from(b.to_ascii_lowercase()));
            }
            (1, b.is_ascii_alphanumeric())
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => {
                    word.extend(c.to_lowercase());
                    (c.len_utf8(), true)
                }
                Some(c) => (c.len_utf8(), false),
                None => (1, false),
            }
        };
        if !alphanumeric {
            if b == b'-' && !word.is_empty() && starts_word(text, i + 1) {
                word.push('-');
            } else {
                return i;
            }
        }
        i += len;
    }
    i
}

/// The search terms of a text in a language: its words, stemmed. A hyphenated word
/// that is not a repetition (`self-help`) also gives its parts.
pub fn terms(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in tokenize(text) {
        push_terms(&word, lang, &mut out);
    }
    out
}

fn push_terms(word: &str, lang: &str, out: &mut Vec<String>) {
    let stemmed = stem(word, lang);
    if stemmed.contains('-') {
        for part in word.split('-').filter(|p| !p.is_empty()) {
            out.push(stem(part, lang));
        }
    } else {
        out.push(stemmed);
    }
}

/// The stem of one lowercase word in `lang`; languages without a stemmer keep words.
pub fn stem(word: &str, lang: &str) -> String {
    match lang {
        "id" => stem_id::stem(word),
        "en" => stem_en::stem(word),
        _ => word.to_string(),
    }
}

/// Weights of the indexed fields: (weight per occurrence, most per entry).
const TITLE: (u32, u32) = (10, 10);
const HEADING: (u32, u32) = (5, 5);
const DESCRIPTION: (u32, u32) = (3, 3);
const TEXT: (u32, u32) = (1, 5);

/// Words counted in one field: (word number within the page, occurrences).
type Counts = Vec<(u32, u32)>;

/// One searchable entry of a page: the page top or a `##`/`###` section.
struct Entry {
    /// The `##`/`###` heading that opens it (an index into the page's headings); none
    /// for the page top.
    heading: Option<usize>,
    /// The heading's words (page top: summary, tags and kind fields) with their weight.
    first: (Counts, (u32, u32)),
    /// The words of the text.
    body: Counts,
}

/// What one page gives the index, computed for each page on its own (in parallel).
pub(crate) struct PageWords {
    /// url, title, title of its section.
    page: [String; 3],
    /// The page's headings and text, shared with the model.
    analysis: std::sync::Arc<crate::markdown::Analysis>,
    /// The snippet text of the page top when the body has none before its first
    /// heading: the summary.
    summary: Option<String>,
    /// The page's distinct words; counts refer to them by number.
    words: Words,
    title: Counts,
    entries: Vec<Entry>,
}

impl PageWords {
    /// Entry `k`'s id ("" for the page top), heading text ("" for the page top) and
    /// plain text.
    fn entry(&self, k: usize) -> (&str, &str, &str) {
        let entry = self.entries.get(k);
        let heading = entry
            .and_then(|e| e.heading)
            .and_then(|h| self.analysis.headings.get(h));
        let text = self
            .analysis
            .sections
            .get(k)
            .map_or("", |s| s.text.as_str());
        let text = match (&self.summary, k) {
            (Some(summary), 0) if text.is_empty() => summary.as_str(),
            _ => text,
        };
        (
            heading.map_or("", |h| h.id.as_str()),
            heading.map_or("", |h| h.text.as_str()),
            text,
        )
    }
}

/// Counts the words of a page's fields, numbering its distinct words, which it keeps in
/// number order in one string.
#[derive(Default)]
struct WordCounter {
    /// Words of at most 16 bytes (nearly all), keyed by their bytes packed in a number:
    /// no string comparison on lookup. Words hold no NUL byte, so the packing is unique.
    short: rustc_hash::FxHashMap<u128, u32>,
    /// Longer words.
    long: rustc_hash::FxHashMap<String, u32>,
    words: Words,
    counts: Vec<u32>,
    touched: Vec<u32>,
}

/// Distinct words, in number order, in one string: word `n` is
/// `text[ends[n - 1]..ends[n]]`.
#[derive(Default)]
struct Words {
    text: String,
    ends: Vec<u32>,
}

impl Words {
    fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(a, b)| self.text.get(a as usize..b as usize).unwrap_or(""))
    }
}

impl WordCounter {
    fn count(&mut self, text: &str) -> Counts {
        let Self {
            short,
            long,
            words,
            counts,
            touched,
        } = self;
        for_each_word(text, |word| {
            let next = u32::try_from(counts.len()).unwrap_or(u32::MAX);
            let (n, new) = match packed(word) {
                Some(key) => {
                    let n = *short.entry(key).or_insert(next);
                    (n, n == next)
                }
                None => match long.get(word) {
                    Some(&n) => (n, false),
                    None => {
                        long.insert(word.to_string(), next);
                        (next, true)
                    }
                },
            };
            if new {
                words.push(word);
                counts.push(0);
            }
            let c = &mut counts[n as usize];
            if *c == 0 {
                touched.push(n);
            }
            *c += 1;
        });
        touched
            .drain(..)
            .map(|n| (n, std::mem::take(&mut counts[n as usize])))
            .collect()
    }
}

/// The bytes of a word of at most 16 bytes as one number (see [`WordCounter`]).
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 16];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(buf))
}

fn page_words(site: &Site, page: &Page) -> PageWords {
    let section_title = page
        .parent
        .map(|p| site.pages[p].title.clone())
        .unwrap_or_default();
    let mut description = String::new();
    if let Some(s) = &page.front.summary {
        description.push_str(s);
        description.push(' ');
    }
    for t in &page.front.tags {
        description.push_str(t);
        description.push(' ');
    }
    for value in page.front.fields.values() {
        match value {
            crate::load::FieldValue::Text(s) => description.push_str(s),
            crate::load::FieldValue::List(l) => description.push_str(&l.join(" ")),
            _ => {}
        }
        description.push(' ');
    }
    let mut counter = WordCounter::default();
    let title = counter.count(&page.title);
    let mut entries = Vec::with_capacity(page.analysis.sections.len());
    for (k, section) in page.analysis.sections.iter().enumerate() {
        let heading = section.heading.and_then(|h| page.analysis.headings.get(h));
        let first = match heading {
            Some(h) => (counter.count(&h.text), HEADING),
            None if k == 0 => (counter.count(&description), DESCRIPTION),
            None => (Vec::new(), HEADING),
        };
        let body = counter.count(&section.text);
        entries.push(Entry {
            heading: heading.and(section.heading),
            first,
            body,
        });
    }
    PageWords {
        page: [page.url.clone(), page.title.clone(), section_title],
        analysis: std::sync::Arc::clone(&page.analysis),
        summary: page.front.summary.clone(),
        words: counter.words,
        title,
        entries,
    }
}

/// Stems numbered in order of first appearance, and the stems of each distinct word.
#[derive(Default)]
struct Stems {
    numbers: rustc_hash::FxHashMap<String, u32>,
    stems: Vec<String>,
    /// For word number w, its stems are `flat[starts[w]..starts[w + 1]]`.
    starts: Vec<u32>,
    flat: Vec<u32>,
}

impl Stems {
    fn of(&self, word: u32) -> &[u32] {
        let w = word as usize;
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.flat[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// What search remembers between builds (`serve`, `watch`): each page's words, by
/// everything the index reads from the page, and each word's stems.
#[derive(Debug, Default)]
pub struct Reuse {
    words: Memo<std::sync::Arc<PageWords>>,
    stems: Memo<std::sync::Arc<[String]>>,
}

impl Reuse {
    /// Tables that remember (`Reusing::On`) or not.
    pub fn new(reusing: Reusing) -> Self {
        Reuse {
            words: Memo::new(reusing),
            stems: Memo::new(reusing),
        }
    }

    /// Starts the next build.
    pub fn next_build(&self) {
        self.words.next_generation();
        self.stems.next_generation();
    }
}

/// Numbers the distinct words of all pages and stems each one once (in parallel).
/// Returns, per page, its word numbers mapped to the global ones.
fn stem_words<'a>(
    pages: &'a [std::sync::Arc<PageWords>],
    lang: &str,
    stems: &mut Stems,
    reuse: &Reuse,
) -> Vec<Vec<u32>> {
    use rayon::prelude::*;
    let mut numbers: rustc_hash::FxHashMap<&'a str, u32> = rustc_hash::FxHashMap::default();
    let mut words: Vec<&'a str> = Vec::new();
    let maps = pages
        .iter()
        .map(|p| {
            p.words
                .iter()
                .map(|w| {
                    *numbers.entry(w).or_insert_with(|| {
                        words.push(w);
                        u32::try_from(words.len() - 1).unwrap_or(u32::MAX)
                    })
                })
                .collect()
        })
        .collect();
    let stem = |w: &str| -> std::sync::Arc<[String]> {
        let mut out = Vec::new();
        push_terms(w, lang, &mut out);
        out.into()
    };
    let stemmed: Vec<std::sync::Arc<[String]>> = words
        .par_iter()
        .map(|w| {
            reuse
                .stems
                .get_or(|| crate::memo::key_of(&(lang, w)), || stem(w))
        })
        .collect();
    stems.starts.push(0);
    for list in stemmed {
        for stem in list.iter() {
            let next = u32::try_from(stems.stems.len()).unwrap_or(u32::MAX);
            let n = match stems.numbers.get(stem) {
                Some(&n) => n,
                None => {
                    stems.stems.push(stem.clone());
                    stems.numbers.insert(stem.clone(), next);
                    next
                }
            };
            stems.flat.push(n);
        }
        stems
            .starts
            .push(u32::try_from(stems.flat.len()).unwrap_or(u32::MAX));
    }
    maps
}

/// Sums weights per stem for one entry, each field capped on its own.
struct Weigher {
    field: Vec<u32>,
    entry: Vec<u32>,
    field_touched: Vec<u32>,
    entry_touched: Vec<u32>,
}

impl Weigher {
    fn new(stems: usize) -> Self {
        Weigher {
            field: vec![0; stems],
            entry: vec![0; stems],
            field_touched: Vec::new(),
            entry_touched: Vec::new(),
        }
    }

    fn add(&mut self, counts: &Counts, map: &[u32], stems: &Stems, (weight, cap): (u32, u32)) {
        for &(word, n) in counts {
            let global = map.get(word as usize).copied().unwrap_or(u32::MAX);
            for &s in stems.of(global) {
                let f = &mut self.field[s as usize];
                if *f == 0 {
                    self.field_touched.push(s);
                }
                *f = f.saturating_add(n.saturating_mul(weight));
            }
        }
        for s in self.field_touched.drain(..) {
            let w = std::mem::take(&mut self.field[s as usize]).min(cap.max(weight));
            let e = &mut self.entry[s as usize];
            if *e == 0 {
                self.entry_touched.push(s);
            }
            *e += w;
        }
    }

    /// Appends this entry's weights to the postings and starts the next entry.
    fn finish(&mut self, doc: u32, postings: &mut [Vec<u32>]) {
        for s in self.entry_touched.drain(..) {
            let w = std::mem::take(&mut self.entry[s as usize]);
            if let Some(list) = postings.get_mut(s as usize) {
                list.push(doc);
                list.push(w);
            }
        }
    }
}

/// Postings `[entry, weight, entry, weight, …]` (entries ascending) as compact text.
pub fn encode_postings(flat: &[u32]) -> String {
    let mut out = String::new();
    push_postings(&mut out, flat);
    out
}

/// Appends [`encode_postings`] of `flat` to `out` (only `0-9a-z`, `.` and spaces, so it
/// needs no escaping in JSON).
fn push_postings(out: &mut String, flat: &[u32]) {
    let mut previous = 0;
    for (k, pair) in flat.chunks(2).enumerate() {
        if let [doc, weight] = pair {
            if k > 0 {
                out.push(' ');
            }
            push_base36(out, doc - previous);
            out.push('.');
            push_base36(out, *weight);
            previous = *doc;
        }
    }
}

fn push_base36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    // u32::MAX has 7 digits in base 36.
    let mut buf = [0u8; 8];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[at..] {
        out.push(char::from(b));
    }
}

/// Bytes that [`JsonInJs::string`] may have to escape: controls, `"`, `\\`, `<`, `>`,
/// `&`, and the first byte of U+2028 and U+2029.
const SPECIAL_IN_JSON_IN_JS: [bool; 256] = crate::escape::js_escape_table(&[0xe2]);

/// Writes `(window.<global> = window.<global> || {})["<lang>"] = JSON.parse("<json>");`
/// in one pass: a classic script; `JSON.parse` of a string loads faster than an object
/// literal. The JSON is written straight into the JavaScript string, each character
/// escaped for JSON and then for the script ([`crate::escape::push_js_string`]).
struct JsonInJs {
    out: String,
}

impl JsonInJs {
    fn begin(global: &str, lang: &str, capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity + 100);
        let _ = write!(out, "(window.{global} = window.{global} || {{}})[");
        crate::escape::push_js_string(&mut out, lang);
        out.push_str("] = JSON.parse(\"");
        JsonInJs { out }
    }

    /// JSON punctuation, numbers and postings: only `"` needs escaping in the script.
    fn raw(&mut self, json: &str) {
        for part in json.split_inclusive('"') {
            match part.strip_suffix('"') {
                Some(before) => {
                    self.out.push_str(before);
                    self.out.push_str("\\\"");
                }
                None => self.out.push_str(part),
            }
        }
    }

    /// A JSON string with the value `s`, as `serde_json` writes it, escaped for the
    /// script.
    fn string(&mut self, s: &str) {
        let out = &mut self.out;
        out.reserve(s.len() + 4);
        out.push_str("\\\"");
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if !SPECIAL_IN_JSON_IN_JS[usize::from(b)] {
                i += 1;
                continue;
            }
            let escape = match b {
                b'"' => "\\\\\\\"",
                b'\\' => "\\\\\\\\",
                b'\n' => "\\\\n",
                b'\r' => "\\\\r",
                b'\t' => "\\\\t",
                0x08 => "\\\\b",
                0x0c => "\\\\f",
                0..0x20 => "",
                b'<' => "\\u003c",
                b'>' => "\\u003e",
                b'&' => "\\u0026",
                0xe2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
                {
                    if bytes.get(i + 2) == Some(&0xa8) {
                        "\\u2028"
                    } else {
                        "\\u2029"
                    }
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&s[start..i]);
            if escape.is_empty() {
                let _ = write!(out, "\\\\u{b:04x}");
            }
            out.push_str(escape);
            i += if escape.starts_with("\\u202") { 3 } else { 1 };
            start = i;
        }
        out.push_str(&s[start..]);
        out.push_str("\\\"");
    }

    fn finish(mut self) -> String {
        self.out.push_str("\");\n");
        self.out
    }
}

/// The index of one language: the body of `assets/search-<lang>.js` (stems, entries)
/// and of `assets/search-<lang>-text.js` (the entries' text, for snippets).
///
/// `search-<lang>.js` holds `{lang, pages, docs, terms}`:
/// - `pages`: per page `[url, title, title of its section]`;
/// - `docs`: per entry `[page number, anchor ("" for the page top), heading]`;
/// - `terms`: stem -> its postings as text: `entry.weight` pairs in base 36, separated
///   by spaces, each entry number a difference from the previous one. Strings cost the
///   browser little to load; only the postings a query needs are ever decoded.
///
/// `search-<lang>-text.js` holds the entries' text, in entry order, so that answering
/// needs less to load.
///
/// The words of every page whose indexed text `reuse` has seen are reused.
pub fn index_js(site: &Site, lang_index: usize, reuse: &Reuse) -> (String, String) {
    use rayon::prelude::*;
    let lang = site.config.languages[lang_index].code.as_str();
    let pages: Vec<std::sync::Arc<PageWords>> = site.reading_order[lang_index]
        .par_iter()
        .map(|&i| {
            let page = &site.pages[i];
            // Everything the index reads from the page.
            let key = || {
                let section = page.parent.map(|p| site.pages[p].title.as_str());
                crate::memo::key_of(&(
                    &page.url,
                    &page.title,
                    section,
                    &page.front.summary,
                    &page.front.tags,
                    crate::memo::key_of_json(&page.front.fields),
                    page.body(),
                ))
            };
            reuse
                .words
                .get_or(key, || std::sync::Arc::new(page_words(site, page)))
        })
        .collect();
    let mut stems = Stems::default();
    let maps = stem_words(&pages, lang, &mut stems, reuse);

    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); stems.stems.len()];
    let mut weigher = Weigher::new(stems.stems.len());
    let mut doc = 0u32;
    for (page, map) in pages.iter().zip(&maps) {
        for entry in &page.entries {
            weigher.add(&page.title, map, &stems, TITLE);
            weigher.add(&entry.first.0, map, &stems, entry.first.1);
            weigher.add(&entry.body, map, &stems, TEXT);
            weigher.finish(doc, &mut postings);
            doc += 1;
        }
    }

    let mut json = JsonInJs::begin("panduanSearch", lang, postings_len(&postings) * 4);
    json.raw("{\"lang\":");
    json.string(lang);
    json.raw(",\"pages\":[");
    for (k, page) in pages.iter().enumerate() {
        json.raw(if k == 0 { "[" } else { ",[" });
        for (j, s) in page.page.iter().enumerate() {
            if j > 0 {
                json.raw(",");
            }
            json.string(s);
        }
        json.raw("]");
    }
    json.raw("],\"docs\":[");
    let mut first = true;
    let mut number = String::new();
    for (k, page) in pages.iter().enumerate() {
        for e in 0..page.entries.len() {
            let (anchor, heading, _) = page.entry(e);
            number.clear();
            let _ = write!(number, "{}[{k},", if first { "" } else { "," });
            json.raw(&number);
            first = false;
            json.string(anchor);
            json.raw(",");
            json.string(heading);
            json.raw("]");
        }
    }
    json.raw("],\"terms\":{");
    let mut order: Vec<u32> = (0..u32::try_from(stems.stems.len()).unwrap_or(u32::MAX)).collect();
    order.sort_unstable_by(|&a, &b| stems.stems[a as usize].cmp(&stems.stems[b as usize]));
    let mut list = String::new();
    for (k, &s) in order.iter().enumerate() {
        if k > 0 {
            json.raw(",");
        }
        json.string(&stems.stems[s as usize]);
        list.clear();
        list.push_str(":\"");
        push_postings(&mut list, &postings[s as usize]);
        list.push('"');
        json.raw(&list);
    }
    json.raw("}}");

    let entry_texts = || {
        pages
            .iter()
            .flat_map(|p| (0..p.entries.len()).map(move |e| p.entry(e).2))
    };
    let text_bytes: usize = entry_texts().map(|t| t.len() + 5).sum();
    let mut texts = JsonInJs::begin("panduanSearchText", lang, text_bytes + text_bytes / 16);
    texts.raw("[");
    for (k, text) in entry_texts().enumerate() {
        if k > 0 {
            texts.raw(",");
        }
        texts.string(text);
    }
    texts.raw("]");
    (json.finish(), texts.finish())
}

/// Bytes of all postings, to size the index's buffer.
fn postings_len(postings: &[Vec<u32>]) -> usize {
    postings.iter().map(Vec::len).sum()
}

/// The search files: one index per language, and the Indonesian root words for the
/// browser's stemmer (only if the book has Indonesian). Each file goes to `emit` as
/// soon as it is made, one language after the other so that only one index is in
/// memory at a time; returns the paths. What `reuse` remembers of pages and words is
/// reused.
pub fn files_into(
    site: &Site,
    reuse: &Reuse,
    emit: &crate::render::Emit<'_>,
) -> crate::error::Result<Vec<String>> {
    let mut paths = Vec::new();
    let mut put = |path: String, bytes: Vec<u8>| {
        paths.push(path.clone());
        emit(OutputFile {
            path,
            contents: Contents::Bytes(bytes),
        })
    };
    for (l, language) in site.config.languages.iter().enumerate() {
        let code = &language.code;
        let (index, text) = index_js(site, l, reuse);
        put(format!("assets/search-{code}.js"), index.into_bytes())?;
        put(format!("assets/search-{code}-text.js"), text.into_bytes())?;
    }
    if site.config.language("id").is_some() {
        let words: Vec<&str> = stem_id::ROOTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let roots = format!(
            "window.panduanRootsId = {};\n",
            crate::escape::js_string(&words.join(" "))
        );
        put("assets/roots-id.js".into(), roots.into_bytes())?;
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_js_is_serde_json_then_a_js_string() {
        let strings = [
            "",
            "plain",
            "a\"b\\c",
            "\u{0}\u{1f}\n\r\t\u{8}\u{c}",
            "ç <&> \u{2028}\u{2029}\u{7f} \u{e280}",
            "\"\"\\",
        ];
        let mut js = JsonInJs::begin("g", "x\"<", 0);
        js.raw("{\"a\":[1,");
        for (k, s) in strings.iter().enumerate() {
            if k > 0 {
                js.raw(",");
            }
            js.string(s);
        }
        js.raw("]}");
        let json = format!(
            "{{\"a\":[1,{}]}}",
            strings
                .map(|s| serde_json::to_string(s).expect("json"))
                .join(",")
        );
        let mut expected = String::from("(window.g = window.g || {})[");
        crate::escape::push_js_string(&mut expected, "x\"<");
        expected.push_str("] = JSON.parse(");
        crate::escape::push_js_string(&mut expected, &json);
        expected.push_str(");\n");
        assert_eq!(js.finish(), expected);
    }

    /// The word splitting as it was before its fast path, character by character.
    fn words_one_char_at_a_time(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if c == '-'
                && !word.is_empty()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
            {
                word.push('-');
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn fast_word_splitting_agrees_with_the_simple_one(
            text in "([a-zA-Z0-9]{0,4}[- .,—İé中ß\u{2028}]{0,2}){0,12}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), words_one_char_at_a_time(&text));
        }
    }

    #[test]
    fn words_are_numbered_and_counted_whatever_their_length() {
        let long = "a".repeat(16);
        let longer = format!("{long}b");
        let text = format!("{long} {longer} X {long} x {longer}-c Ünï {longer} ünï");
        let mut counter = WordCounter::default();
        let counts = counter.count(&text);
        let words: Vec<&str> = counter.words.iter().collect();
        let expected_longer_c = format!("{longer}-c");
        assert_eq!(
            words,
            [long.as_str(), &longer, "x", &expected_longer_c, "ünï"]
        );
        assert_eq!(counts, [(0, 2), (1, 2), (2, 2), (3, 1), (4, 2)]);
        // A second field keeps the numbers of the first.
        assert_eq!(counter.count(&format!("ünï {longer}")), [(4, 1), (1, 1)]);
        // Words that differ only in their last bytes stay apart.
        let mut counter = WordCounter::default();
        let counts = counter.count("kelompokkelompok kelompokanggota kelompok kelompokkelompoj");
        assert_eq!(counts, [(0, 1), (1, 1), (2, 1), (3, 1)]);
    }

    #[test]
    fn postings_are_delta_coded_in_base_36() {
        assert_eq!(encode_postings(&[3, 10, 40, 1, 41, 36]), "3.a 11.1 1.10");
        assert_eq!(encode_postings(&[]), "");
        assert_eq!(encode_postings(&[u32::MAX, 35]), "1z141z3.z");
    }

    #[test]
    fn tokenize_keeps_inner_hyphens_and_lowercases() {
        assert_eq!(
            tokenize("Kelompok-kelompok (Self-help), 10 anggota—dan -x y-"),
            [
                "kelompok-kelompok",
                "self-help",
                "10",
                "anggota",
                "dan",
                "x",
                "y"
            ]
        );
    }

    #[test]
    fn terms_stem_and_split_non_repetitions() {
        assert_eq!(
            terms("kelompok-kelompok memberdayakan", "id"),
            ["kelompok", "daya"]
        );
        assert_eq!(terms("Self-help groups", "en"), ["self", "help", "group"]);
    }
}
