//! The index of one language: every page's words numbered and stemmed once, and the
//! postings of each stem; [`super::shards`] lays them out in files.

use std::fmt::Write as _;

use crate::model::Site;

use super::Reuse;
use super::page_words::{Counts, PageWords, TEXT, TITLE, page_words};
use super::push_terms;

/// Stems numbered in order of first appearance, and the stems of each distinct word.
#[derive(Default)]
pub(super) struct Stems {
    pub(super) numbers: rustc_hash::FxHashMap<String, u32>,
    pub(super) stems: Vec<String>,
    /// For word number w, its stems are `flat[starts[w]..starts[w + 1]]`.
    pub(super) starts: Vec<u32>,
    pub(super) flat: Vec<u32>,
}

impl Stems {
    pub(super) fn of(&self, word: u32) -> &[u32] {
        let w = word as usize;
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.flat[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Numbers the distinct words of all pages and stems each one once (in parallel).
/// Returns, per page, its word numbers mapped to the global ones, and the distinct
/// words by global number.
pub(super) fn stem_words<'a>(
    pages: &'a [std::sync::Arc<PageWords>],
    lang: &str,
    stems: &mut Stems,
    reuse: &Reuse,
) -> (Vec<Vec<u32>>, Vec<&'a str>) {
    use rayon::prelude::*;
    let mut numbers: rustc_hash::FxHashMap<&'a str, u32> = rustc_hash::FxHashMap::default();
    let mut words: Vec<&'a str> = Vec::new();
    let maps: Vec<Vec<u32>> = pages
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
    (maps, words)
}

/// Sums weights per stem for one entry, each field capped on its own.
pub(super) struct Weigher {
    pub(super) field: Vec<u32>,
    pub(super) entry: Vec<u32>,
    pub(super) field_touched: Vec<u32>,
    pub(super) entry_touched: Vec<u32>,
}

impl Weigher {
    pub(super) fn new(stems: usize) -> Self {
        Weigher {
            field: vec![0; stems],
            entry: vec![0; stems],
            field_touched: Vec::new(),
            entry_touched: Vec::new(),
        }
    }

    pub(super) fn add(
        &mut self,
        counts: &Counts,
        map: &[u32],
        stems: &Stems,
        (weight, cap): (u32, u32),
    ) {
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
    pub(super) fn finish(&mut self, doc: u32, postings: &mut [Vec<u32>]) {
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
pub(super) fn push_postings(out: &mut String, flat: &[u32]) {
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

pub(super) fn push_base36(out: &mut String, mut n: u32) {
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
pub(super) const SPECIAL_IN_JSON_IN_JS: [bool; 256] = crate::escape::js_escape_table(&[0xe2]);

/// Writes `(window.<global> = window.<global> || {})["<lang>"] = JSON.parse("<json>");`
/// in one pass: a classic script; `JSON.parse` of a string loads faster than an object
/// literal. The JSON is written straight into the JavaScript string, each character
/// escaped for JSON and then for the script ([`crate::escape::push_js_string`]).
pub(super) struct JsonInJs {
    pub(super) out: String,
}

impl JsonInJs {
    pub(super) fn begin(global: &str, lang: &str, capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity + 100);
        let _ = write!(out, "(window.{global} = window.{global} || {{}})[");
        crate::escape::push_js_string(&mut out, lang);
        out.push_str("] = JSON.parse(\"");
        JsonInJs { out }
    }

    /// JSON punctuation, numbers and postings: only `"` needs escaping in the script.
    pub(super) fn raw(&mut self, json: &str) {
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
    pub(super) fn string(&mut self, s: &str) {
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

    pub(super) fn finish(mut self) -> String {
        self.out.push_str("\");\n");
        self.out
    }
}

/// A fingerprint of everything the index reads from a page: its words are reused
/// while it is the same. Every field of the front matter is named, without `..`: a new
/// field does not compile until someone decides here whether the index reads it.
fn words_key(site: &Site, page: &crate::model::Page) -> crate::memo::Key {
    let crate::load::FrontMatter {
        summary,
        slug,
        tags,
        fields,
        extra,
        // The title, the place and the body are read from the page itself (below).
        title: _,
        order: _,
        related: _,
        draft: _,
        key: _,
        kind: _,
        translation: _,
        template: _,
        field_spans: _,
        // A page for authors only is left out before its words are read (below).
        for_authors: _,
    } = &page.front;
    let section = page.parent.map(|p| site.pages[p].title.as_str());
    crate::memo::key_of(&(
        &page.url,
        &page.title,
        section,
        summary,
        slug.as_ref().map(|s| &s.value),
        tags,
        crate::memo::key_of_json(fields),
        extra.as_ref().map(crate::memo::key_of_json),
        page.body(),
        // What an unlabelled `[[id]]` shows: its target's title.
        page.link_targets
            .iter()
            .map(|t| t.and_then(|t| site.pages.get(t)).map(|p| p.title.as_str()))
            .collect::<Vec<_>>(),
    ))
}

/// The index files of one language (path, contents), as `shards.rs` lays them
/// out. The words of every page whose indexed text `reuse` has seen are reused.
pub fn index_files(site: &Site, lang_index: usize, reuse: &Reuse) -> Vec<(String, String)> {
    use rayon::prelude::*;
    let lang = site.config.languages[lang_index].code.as_str();
    // A translation still being made has nothing of its own to find yet.
    let pages: Vec<std::sync::Arc<PageWords>> = site.reading_order[lang_index]
        .par_iter()
        .filter(|&&i| !site.pages[i].is_stub())
        // Nor does a page for authors only (`audience: authors`).
        .filter(|&&i| !site.pages[i].front.for_authors)
        .map(|&i| {
            let page = &site.pages[i];
            let key = || words_key(site, page);
            reuse
                .words
                .get_or(key, || std::sync::Arc::new(page_words(site, page)))
        })
        .collect();
    let mut stems = Stems::default();
    let (maps, words) = stem_words(&pages, lang, &mut stems, reuse);

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
    let synonyms = super::synonyms::synonyms(site, lang_index);
    super::shards::files(&super::shards::Built {
        lang,
        synonyms: &synonyms,
        pages: &pages,
        stems: &stems,
        words: &words,
        postings: &postings,
    })
}
