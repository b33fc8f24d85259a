//! The handbook's vocabulary as synonyms for one language's search: house terms (each
//! avoided form and its house term, both ways; another language's forms lead to this
//! language's counterpart), glossary terms of other languages (their key shared with a
//! page here leads to its term), and `[search.synonyms.<lang>]` of `book.toml` (both
//! ways). Phrases are kept as their stems, space separated, as a query is stemmed.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Site;

use super::page_words::glossary_terms;

/// Phrase (stems) -> the phrases (stems) it also means, for the language at
/// `lang_index`.
pub(super) fn synonyms(site: &Site, lang_index: usize) -> BTreeMap<String, BTreeSet<String>> {
    let lang = site.config.languages[lang_index].code.as_str();
    let stems = |text: &str| super::terms(text, lang).join(" ");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |from: &str, to: &str| {
        let (from, to) = (stems(from), stems(to));
        if !from.is_empty() && !to.is_empty() && from != to {
            out.entry(from).or_default().insert(to);
        }
    };
    // Another language's house term that is the counterpart of one here: its avoided
    // forms lead here too (`roleplay` -> `role-play` -> `bermain peran`).
    let mut counterpart_of: BTreeMap<String, &str> = BTreeMap::new();
    for table in site
        .config
        .terms
        .languages
        .iter()
        .filter(|t| t.lang == lang)
    {
        for entry in &table.entries {
            for (other, foreign) in &entry.counterparts {
                counterpart_of.insert(format!("{other}:{}", stems(foreign)), &entry.preferred);
            }
        }
    }
    for table in &site.config.terms.languages {
        for entry in &table.entries {
            let key = format!("{}:{}", table.lang, stems(&entry.preferred));
            if let Some(here) = counterpart_of.get(&key) {
                add(&entry.avoided, here);
            }
            if table.lang == lang {
                add(&entry.avoided, &entry.preferred);
                add(&entry.preferred, &entry.avoided);
                for (_, foreign) in &entry.counterparts {
                    add(foreign, &entry.preferred);
                }
            } else if let Some((_, here)) = entry.counterparts.iter().find(|(l, _)| l == lang) {
                add(&entry.avoided, here);
                add(&entry.preferred, here);
            }
        }
    }
    // Glossary terms of other languages, by their shared key.
    let mut here: BTreeMap<&str, &str> = BTreeMap::new();
    let mut foreign: Vec<(&str, &str)> = Vec::new();
    for page in &site.pages {
        for (term, key) in glossary_terms(page) {
            if key.is_empty() {
                continue;
            }
            if page.lang_index == lang_index {
                here.insert(key, term);
            } else {
                foreign.push((key, term));
            }
        }
    }
    for (key, term) in foreign {
        if let Some(own) = here.get(key) {
            add(term, own);
        }
    }
    if let Some(table) = site.config.search.synonyms.get(lang) {
        for (word, list) in table {
            for other in list {
                add(word, other);
                add(other, word);
            }
        }
    }
    out
}
