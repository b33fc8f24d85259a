//! The files of one language's index, cut so that a query loads only what it needs,
//! from `file://` as well as over HTTP: each file is a classic script that registers
//! its part in a global table (`window.<table>["<lang>/<k>"]`), because `file://`
//! allows no `fetch`.
//!
//! - `search-<lang>.js`, the head: `{lang, pages, chunks, synonyms, shards}`, plus `terms` and
//!   `words` themselves when the index is small enough for one shard, and `text` (the
//!   one text chunk) when the text is small enough too.
//!   `pages`: the number of entries of each page, base 36, space separated (entries are
//!   numbered page after page); `chunks`: the first page of each text chunk, likewise;
//!   `shards`: the first key of each term shard (keys sorted by code point);
//!   `synonyms`: phrase -> the phrases it also means, all as stems separated by spaces
//!   (house terms, other languages' glossary terms, `[search.synonyms]`).
//! - `search-<lang>-t<k>.js` (`panduanSearchShard`): `{terms, words}` for the keys of
//!   shard k. `terms`: stem -> postings ([`super::encode_postings`]); `words`: an
//!   indexed word that is not its own stem -> its stems, space separated, so that a
//!   word's every beginning finds it (`pemberday` -> `pemberdayaan` -> `daya`).
//! - `search-<lang>-x<k>.js` (`panduanSearchText`): for each page of chunk k,
//!   `[url, title, section title, [[anchor, heading, text], …]]`: what a result shows
//!   and what phrases are checked against.
//! - `search-<lang>-words.js` (`panduanSearchWords`, only with several shards): every
//!   key, space separated, for typo tolerance.
//!
//! Small books (like the bundled handbook) keep their one shard and one text chunk in
//! the head (`text`): a first search loads one file, as before sharding.

use std::fmt::Write as _;
use std::sync::Arc;

use super::index::{JsonInJs, Stems, push_base36, push_postings};
use super::page_words::PageWords;

/// Keys and postings up to this many bytes stay in the head, as one shard.
const ONE_SHARD: usize = 256 * 1024;
/// Otherwise, about this many bytes per term shard.
const SHARD: usize = 48 * 1024;
/// Text up to this many bytes stays in one chunk.
const ONE_CHUNK: usize = 256 * 1024;
/// Otherwise, about this many bytes of text per chunk (whole pages).
const CHUNK: usize = 8 * 1024;

/// What the index of one language is made of.
pub(super) struct Built<'a> {
    pub(super) lang: &'a str,
    pub(super) pages: &'a [Arc<PageWords>],
    pub(super) stems: &'a Stems,
    /// The distinct words of all pages, by global number.
    pub(super) words: &'a [&'a str],
    /// Postings by stem number.
    pub(super) postings: &'a [Vec<u32>],
    /// Phrase (stems) -> the phrases it also means ([`super::synonyms`]).
    pub(super) synonyms: &'a std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

/// One key of the index: a stem with its postings, or a word with its stems.
struct Key<'a> {
    key: &'a str,
    /// Encoded postings (a stem) or stems, space separated (a word).
    value: String,
    stem: bool,
}

/// The index files of one language: (path under the output folder, contents).
pub(super) fn files(built: &Built<'_>) -> Vec<(String, String)> {
    let lang = built.lang;
    let keys = keys(built);
    let sizes: usize = keys.iter().map(|k| k.key.len() + k.value.len() + 8).sum();
    let shards = cut(&keys, sizes, ONE_SHARD, SHARD, |k| {
        k.key.len() + k.value.len() + 8
    });
    let mut out = Vec::new();

    let mut head = JsonInJs::begin(
        "panduanSearch",
        lang,
        if shards.len() == 1 { sizes } else { 0 },
    );
    head.raw("{\"lang\":");
    head.string(lang);
    head.raw(",\"pages\":\"");
    let mut list = String::new();
    for (k, page) in built.pages.iter().enumerate() {
        if k > 0 {
            list.push(' ');
        }
        push_base36(
            &mut list,
            u32::try_from(page.entries.len()).unwrap_or(u32::MAX),
        );
    }
    head.raw(&list);
    let chunks = chunk_ranges(built.pages);
    head.raw("\",\"chunks\":\"");
    list.clear();
    for (k, range) in chunks.iter().enumerate() {
        if k > 0 {
            list.push(' ');
        }
        push_base36(&mut list, u32::try_from(range.start).unwrap_or(u32::MAX));
    }
    head.raw(&list);
    head.raw("\",\"synonyms\":{");
    for (k, (from, to)) in built.synonyms.iter().enumerate() {
        if k > 0 {
            head.raw(",");
        }
        head.string(from);
        head.raw(":[");
        for (n, phrase) in to.iter().enumerate() {
            if n > 0 {
                head.raw(",");
            }
            head.string(phrase);
        }
        head.raw("]");
    }
    head.raw("}");
    if let [only] = shards.as_slice() {
        head.raw(",");
        shard_body(&mut head, &keys[only.clone()]);
        // A small book: one script answers the first query, text and all.
        if let [pages] = chunks.as_slice() {
            head.raw(",\"text\":");
            chunk_body(&mut head, &built.pages[pages.clone()]);
        } else {
            text_chunks(built, &chunks, &mut out);
        }
    } else {
        text_chunks(built, &chunks, &mut out);
        head.raw(",\"shards\":[");
        for (k, range) in shards.iter().enumerate() {
            if k > 0 {
                head.raw(",");
            }
            head.string(keys.get(range.start).map_or("", |key| key.key));
        }
        head.raw("]");
        for (k, range) in shards.iter().enumerate() {
            let mut shard = JsonInJs::begin("panduanSearchShard", &format!("{lang}/{k}"), 0);
            shard.raw("{");
            shard_body(&mut shard, &keys[range.clone()]);
            shard.raw("}");
            out.push((format!("assets/search-{lang}-t{k}.js"), shard.finish()));
        }
        let mut all = String::with_capacity(keys.iter().map(|k| k.key.len() + 1).sum());
        for (k, key) in keys.iter().enumerate() {
            if k > 0 && keys[k - 1].key == key.key {
                continue;
            }
            if !all.is_empty() {
                all.push(' ');
            }
            all.push_str(key.key);
        }
        let mut words = JsonInJs::begin("panduanSearchWords", lang, all.len());
        words.string(&all);
        out.push((format!("assets/search-{lang}-words.js"), words.finish()));
    }
    head.raw("}");
    out.insert(0, (format!("assets/search-{lang}.js"), head.finish()));
    out
}

/// `"terms":{…},"words":{…}` for `keys`.
fn shard_body(json: &mut JsonInJs, keys: &[Key<'_>]) {
    for (name, stem) in [("\"terms\":{", true), ("},\"words\":{", false)] {
        json.raw(name);
        let mut first = true;
        for key in keys.iter().filter(|k| k.stem == stem) {
            json.raw(if first { "" } else { "," });
            first = false;
            json.string(key.key);
            json.raw(":");
            json.string(&key.value);
        }
    }
    json.raw("}");
}

/// Every key, sorted: the stems with their postings, and the words that are not their
/// own stem with their stems. A hyphenated word whose parts are stemmed on their own
/// (`self-help`) gives its parts as words.
fn keys<'a>(built: &Built<'a>) -> Vec<Key<'a>> {
    let stems = built.stems;
    let mut keys: Vec<Key<'a>> = stems
        .stems
        .iter()
        .zip(built.postings)
        .filter(|(_, p)| !p.is_empty())
        .map(|(s, p)| {
            let mut value = String::with_capacity(p.len() * 3);
            push_postings(&mut value, p);
            Key {
                key: s.as_str(),
                value,
                stem: true,
            }
        })
        .collect();
    let mut words: rustc_hash::FxHashMap<&'a str, Vec<u32>> = rustc_hash::FxHashMap::default();
    for (w, &word) in built.words.iter().enumerate() {
        let of = stems.of(u32::try_from(w).unwrap_or(u32::MAX));
        let parts: Vec<&'a str> = word.split('-').filter(|p| !p.is_empty()).collect();
        let pairs: Vec<(&'a str, u32)> = if of.len() > 1 && of.len() == parts.len() {
            parts.into_iter().zip(of.iter().copied()).collect()
        } else {
            of.iter().map(|&s| (word, s)).collect()
        };
        for (key, s) in pairs {
            if stems.stems.get(s as usize).is_some_and(|stem| stem != key) {
                let list = words.entry(key).or_default();
                if !list.contains(&s) {
                    list.push(s);
                }
            }
        }
    }
    keys.extend(words.into_iter().map(|(key, list)| {
        let mut value = String::new();
        for (k, s) in list.iter().enumerate() {
            if k > 0 {
                value.push(' ');
            }
            value.push_str(stems.stems.get(*s as usize).map_or("", String::as_str));
        }
        Key {
            key,
            value,
            stem: false,
        }
    }));
    keys.sort_unstable_by(|a, b| a.key.cmp(b.key).then(b.stem.cmp(&a.stem)));
    keys
}

/// Cuts `items` into consecutive ranges of about `each` bytes (one range when all fit
/// in `one`), never between two items of the same key.
fn cut<T>(
    items: &[T],
    total: usize,
    one: usize,
    each: usize,
    size: impl Fn(&T) -> usize,
) -> Vec<std::ops::Range<usize>>
where
    T: SameKey,
{
    let mut out = Vec::new();
    if total <= one || items.is_empty() {
        out.push(0..items.len());
        return out;
    }
    let mut start = 0;
    let mut bytes = 0;
    for (i, item) in items.iter().enumerate() {
        if bytes >= each && i > start && !items[i - 1].same_key(item) {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += size(item);
    }
    out.push(start..items.len());
    out
}

/// Items that must stay in the same range as their neighbour.
trait SameKey {
    fn same_key(&self, next: &Self) -> bool;
}

impl SameKey for Key<'_> {
    fn same_key(&self, next: &Self) -> bool {
        self.key == next.key
    }
}

impl SameKey for Arc<PageWords> {
    fn same_key(&self, _: &Self) -> bool {
        false
    }
}

/// The bytes a page takes in a text chunk, roughly.
fn page_bytes(p: &Arc<PageWords>) -> usize {
    p.page.iter().map(String::len).sum::<usize>()
        + (0..p.entries.len())
            .map(|e| {
                let (a, h, t) = p.entry(e);
                a.len() + h.len() + t.len() + 12
            })
            .sum::<usize>()
}

/// The pages of each text chunk.
fn chunk_ranges(pages: &[Arc<PageWords>]) -> Vec<std::ops::Range<usize>> {
    let total: usize = pages.iter().map(page_bytes).sum();
    cut(pages, total, ONE_CHUNK, CHUNK, page_bytes)
}

/// Writes one text chunk's value: `[[url, title, section, [[anchor, heading, text],
/// …]], …]`.
fn chunk_body(json: &mut JsonInJs, pages: &[Arc<PageWords>]) {
    json.raw("[");
    for (n, page) in pages.iter().enumerate() {
        json.raw(if n == 0 { "[" } else { ",[" });
        for s in &page.page {
            json.string(s);
            json.raw(",");
        }
        json.raw("[");
        for e in 0..page.entries.len() {
            let (anchor, heading, text) = page.entry(e);
            json.raw(if e == 0 { "[" } else { ",[" });
            json.string(anchor);
            json.raw(",");
            json.string(heading);
            json.raw(",");
            json.string(text);
            json.raw("]");
        }
        json.raw("]]");
    }
    json.raw("]");
}

/// The text chunk files of `ranges`.
fn text_chunks(
    built: &Built<'_>,
    ranges: &[std::ops::Range<usize>],
    out: &mut Vec<(String, String)>,
) {
    let lang = built.lang;
    let mut name = String::new();
    for (k, range) in ranges.iter().enumerate() {
        let pages = &built.pages[range.clone()];
        let bytes: usize = pages.iter().map(page_bytes).sum();
        name.clear();
        let _ = write!(name, "{lang}/{k}");
        let mut json = JsonInJs::begin("panduanSearchText", &name, bytes + bytes / 16);
        chunk_body(&mut json, pages);
        out.push((format!("assets/search-{lang}-x{k}.js"), json.finish()));
    }
}
