//! Search: one index per language, built from the model and shipped as classic
//! `<script>`s (`assets/search-<lang>.js` and the parts it names, see `shards.rs`), so
//! it loads from `file://` as well as over HTTP: no `fetch`, no modules, no
//! WebAssembly.
//!
//! Around the pipeline: takes `&Site` and hands on output files ([`files_into`]);
//! `render` never calls it.
//! Words are split by [`tokenize`] and reduced by the language's stemmer
//! ([`stem_id`], [`stem_en`]); `themes/default/static/stem.js` does exactly the same in
//! the browser, held to it by the shared vectors in `tests/search/`.
//!
//! The index holds one entry per page section (the page top, then each `##`/`###`
//! heading), with the section's text for snippets and phrases, and for each stem the entries it
//! occurs in with a weight: title 10, heading 5, summary/slug/tags/fields 3, text 1 per
//! occurrence (at most 5).

mod index;
mod page_words;
mod shards;
pub mod stem_en;
pub mod stem_id;
mod synonyms;
mod words;

use crate::files::{Contents, OutputFile};
use crate::memo::{Memo, Reusing};
use crate::model::Site;

pub use index::{encode_postings, index_files};
use page_words::PageWords;
pub use words::tokenize;

/// The stems of SCOWL's common English words (`data/en-stems.txt`, see its NOTICE):
/// a word whose stem is one of them is a real word, never "corrected".
pub const EN_STEMS: &str = include_str!("data/en-stems.txt");

/// The search terms of a text in a language: its words, stemmed. A hyphenated word
/// that is not a repetition (`self-help`) also gives its parts.
pub fn terms(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in tokenize(text) {
        push_terms(&word, lang, &mut out);
    }
    out
}

pub(super) fn push_terms(word: &str, lang: &str, out: &mut Vec<String>) {
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

/// The search files: one index per language, and the Indonesian root words for the
/// browser's stemmer (only if the book has Indonesian). Each file goes to `emit` as
/// soon as it is made, one language after the other so that only one index is in
/// memory at a time; returns the paths. What `reuse` remembers of pages and words is
/// reused.
pub fn files_into(
    site: &Site,
    reuse: &Reuse,
    emit: &crate::files::Emit<'_>,
) -> crate::error::Result<Vec<String>> {
    let mut paths = Vec::new();
    let mut put = |path: String, bytes: Vec<u8>| {
        paths.push(path.clone());
        emit(OutputFile {
            path,
            contents: Contents::Bytes(bytes),
        })
    };
    for l in 0..site.config.languages.len() {
        for (path, contents) in index_files(site, l, reuse) {
            put(path, contents.into_bytes())?;
        }
    }
    if site.config.language("en").is_some() {
        // Real English words, to tell them from typos (loaded only when a word finds
        // nothing).
        let words: Vec<&str> = EN_STEMS.lines().filter(|l| !l.is_empty()).collect();
        let list = format!(
            "window.panduanWordsEn = {};\n",
            crate::escape::js_string(&words.join(" "))
        );
        put("assets/words-en.js".into(), list.into_bytes())?;
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
    use super::index::JsonInJs;
    use super::page_words::WordCounter;
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
