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

use crate::model::{Page, Site};
use crate::render::{Contents, OutputFile};

/// Splits text into lowercase words: letters and digits, with inner hyphens kept
/// (`kelompok-kelompok`); other characters separate words.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of `text` as [`tokenize`] splits it, without allocating a
/// string per word.
fn for_each_word(text: &str, f: &mut dyn FnMut(&str)) {
    let starts_word = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric)
    };
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII, by far the most common, byte by byte; other letters as characters.
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
            if b == b'-' && !word.is_empty() && starts_word(i + 1) {
                word.push('-');
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
        }
        i += len;
    }
    if !word.is_empty() {
        f(&word);
    }
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
    /// The heading's id; empty for the page top.
    anchor: String,
    /// The heading's text; empty for the page top.
    heading: String,
    /// Plain text, for snippets.
    text: String,
    /// The heading's words (page top: summary, tags and kind fields) with their weight.
    first: (Counts, (u32, u32)),
    /// The words of the text.
    body: Counts,
}

/// What one page gives the index, computed for each page on its own (in parallel).
pub(crate) struct PageWords {
    /// url, title, title of its section.
    page: [String; 3],
    /// The page's distinct words; counts refer to them by number.
    words: Vec<String>,
    title: Counts,
    entries: Vec<Entry>,
}

/// Counts the words of a page's fields, numbering its distinct words.
#[derive(Default)]
struct WordCounter {
    numbers: rustc_hash::FxHashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    touched: Vec<u32>,
}

impl WordCounter {
    fn count(&mut self, text: &str) -> Counts {
        let Self {
            numbers,
            words,
            counts,
            touched,
        } = self;
        for_each_word(text, &mut |word| {
            let n = match numbers.get(word) {
                Some(&n) => n,
                None => {
                    let n = u32::try_from(words.len()).unwrap_or(u32::MAX);
                    numbers.insert(word.to_string(), n);
                    words.push(word.to_string());
                    counts.push(0);
                    n
                }
            };
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
        let text = if k == 0 && section.text.is_empty() {
            page.front.summary.clone().unwrap_or_default()
        } else {
            section.text.clone()
        };
        entries.push(Entry {
            anchor: heading.map(|h| h.id.clone()).unwrap_or_default(),
            heading: heading.map(|h| h.text.clone()).unwrap_or_default(),
            text,
            first,
            body,
        });
    }
    PageWords {
        page: [page.url.clone(), page.title.clone(), section_title],
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

/// Numbers the distinct words of all pages and stems each one once (in parallel).
/// Returns, per page, its word numbers mapped to the global ones.
fn stem_words<'a>(
    pages: &'a [std::sync::Arc<PageWords>],
    lang: &str,
    stems: &mut Stems,
    cache: Option<&crate::cache::Cache>,
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
                    *numbers.entry(w.as_str()).or_insert_with(|| {
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
        .map(|w| match cache {
            Some(cache) => cache
                .stems
                .get_or(crate::cache::key_of(&(lang, w)), || stem(w)),
            None => stem(w),
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

/// Appends `s` as a JSON string (escaped as `serde_json` does).
fn push_json_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.push_str(&s[start..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                let _ = write!(out, "\\u{b:04x}");
            }
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// `(window.<global> = window.<global> || {})["<lang>"] = JSON.parse("<json>");`:
/// a classic script; `JSON.parse` of a string loads faster than an object literal.
fn assign_json(global: &str, lang: &str, json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 8 + 100);
    let _ = write!(out, "(window.{global} = window.{global} || {{}})[");
    crate::render::push_js_string(&mut out, lang);
    out.push_str("] = JSON.parse(");
    crate::render::push_js_string(&mut out, json);
    out.push_str(");\n");
    out
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
/// With a `cache`, the words of every page whose indexed text is unchanged are reused.
pub fn index_js(
    site: &Site,
    lang_index: usize,
    cache: Option<&crate::cache::Cache>,
) -> (String, String) {
    use rayon::prelude::*;
    let lang = site.config.languages[lang_index].code.as_str();
    let pages: Vec<std::sync::Arc<PageWords>> = site.reading_order[lang_index]
        .par_iter()
        .map(|&i| {
            let page = &site.pages[i];
            match cache {
                None => std::sync::Arc::new(page_words(site, page)),
                Some(cache) => {
                    let section = page.parent.map(|p| site.pages[p].title.as_str());
                    let key = crate::cache::key_of(&(
                        &page.url,
                        &page.title,
                        section,
                        &page.front.summary,
                        &page.front.tags,
                        crate::cache::key_of_json(&page.front.fields),
                        page.body(),
                    ));
                    cache
                        .search_words
                        .get_or(key, || std::sync::Arc::new(page_words(site, page)))
                }
            }
        })
        .collect();
    let mut stems = Stems::default();
    let maps = stem_words(&pages, lang, &mut stems, cache);

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

    let mut json = String::new();
    json.push_str("{\"lang\":");
    push_json_string(&mut json, lang);
    json.push_str(",\"pages\":[");
    for (k, page) in pages.iter().enumerate() {
        json.push_str(if k == 0 { "[" } else { ",[" });
        for (j, s) in page.page.iter().enumerate() {
            if j > 0 {
                json.push(',');
            }
            push_json_string(&mut json, s);
        }
        json.push(']');
    }
    json.push_str("],\"docs\":[");
    let mut first = true;
    for (k, page) in pages.iter().enumerate() {
        for entry in &page.entries {
            let _ = write!(json, "{}[{k},", if first { "" } else { "," });
            first = false;
            push_json_string(&mut json, &entry.anchor);
            json.push(',');
            push_json_string(&mut json, &entry.heading);
            json.push(']');
        }
    }
    json.push_str("],\"terms\":{");
    let mut order: Vec<u32> = (0..u32::try_from(stems.stems.len()).unwrap_or(u32::MAX)).collect();
    order.sort_unstable_by(|&a, &b| stems.stems[a as usize].cmp(&stems.stems[b as usize]));
    for (k, &s) in order.iter().enumerate() {
        if k > 0 {
            json.push(',');
        }
        push_json_string(&mut json, &stems.stems[s as usize]);
        json.push(':');
        json.push('"');
        push_postings(&mut json, &postings[s as usize]);
        json.push('"');
    }
    json.push_str("}}");

    let mut texts = String::from("[");
    let mut first = true;
    for entry in pages.iter().flat_map(|p| &p.entries) {
        if !first {
            texts.push(',');
        }
        first = false;
        push_json_string(&mut texts, &entry.text);
    }
    texts.push(']');
    (
        assign_json("panduanSearch", lang, &json),
        assign_json("panduanSearchText", lang, &texts),
    )
}

/// The search files: one index per language, and the Indonesian root words for the
/// browser's stemmer (only if the book has Indonesian). Each file goes to `emit` as
/// soon as it is made, one language after the other so that only one index is in
/// memory at a time; returns the paths. With a `cache`, what it remembers of pages
/// and words is reused.
pub fn files_into(
    site: &Site,
    cache: Option<&crate::cache::Cache>,
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
        let (index, text) = index_js(site, l, cache);
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
            crate::render::js_string(&words.join(" "))
        );
        put("assets/roots-id.js".into(), roots.into_bytes())?;
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped_as_serde_json_does() {
        for s in [
            "",
            "plain",
            "a\"b\\c",
            "\u{0}\u{1f}\n\r\t\u{8}\u{c}",
            "ç <&> \u{2028}\u{7f}",
        ] {
            let mut out = String::new();
            push_json_string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).expect("json"), "{s:?}");
        }
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
