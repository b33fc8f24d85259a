//! Search: one index per language, built from the model and shipped as a classic
//! `<script>` (`assets/search-<lang>.js`), so it loads from `file://` as well as over
//! HTTP: no `fetch`, no modules, no WebAssembly.
//!
//! Around the pipeline: takes `&Site`, returns output files; `render` never calls it.
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

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::markdown;
use crate::model::{Page, Site};
use crate::render::{Contents, OutputFile};

/// Splits text into lowercase words: letters and digits, with inner hyphens kept
/// (`kelompok-kelompok`); other characters separate words.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '-' && !word.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric())
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

/// One searchable section of a page.
struct Section {
    /// Page URL (from the output root) with `#anchor` for headings.
    url: String,
    /// Heading text; empty for the page top.
    heading: String,
    /// Plain text, for matching and snippets.
    text: String,
}

/// Plain text of a page body split at `##`/`###` headings (ids from the analysis).
fn sections(page: &Page) -> Vec<Section> {
    let mut out = vec![Section {
        url: page.url.clone(),
        heading: String::new(),
        text: String::new(),
    }];
    let mut heading_no = 0;
    let mut in_heading: Option<u8> = None;
    for event in Parser::new_ext(page.body(), markdown::options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                let h = page.analysis.headings.get(heading_no);
                heading_no += 1;
                match h {
                    Some(h) if (2..=3).contains(&h.level) => {
                        in_heading = Some(h.level);
                        out.push(Section {
                            url: format!("{}#{}", page.url, h.id),
                            heading: h.text.clone(),
                            text: String::new(),
                        });
                    }
                    _ => in_heading = Some(1),
                }
            }
            Event::End(TagEnd::Heading(_)) => in_heading = None,
            Event::Text(t) | Event::Code(t) if in_heading.is_none() => {
                if let Some(s) = out.last_mut() {
                    s.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => {
                if let Some(s) = out.last_mut()
                    && !s.text.ends_with(' ')
                    && !s.text.is_empty()
                {
                    s.text.push(' ');
                }
            }
            _ => {}
        }
    }
    for s in &mut out {
        let trimmed = s.text.trim().to_string();
        s.text = trimmed;
    }
    out
}

#[derive(Serialize)]
struct Index<'a> {
    lang: &'a str,
    /// Per page: [url, title, title of its section].
    pages: Vec<[String; 3]>,
    /// Per entry: [page number, anchor ("" for the page top), heading]. The entries'
    /// text, for snippets, is in a second file so that answering needs less to load.
    docs: Vec<(u32, String, String)>,
    /// stem -> its postings as text: `entry.weight` pairs in base 36, separated by
    /// spaces, each entry number a difference from the previous one. Strings cost the
    /// browser little to load; only the postings a query needs are ever decoded.
    terms: BTreeMap<String, String>,
}

/// Postings `[entry, weight, entry, weight, …]` (entries ascending) as compact text.
pub fn encode_postings(flat: &[u32]) -> String {
    let mut out = String::new();
    let mut previous = 0;
    for pair in flat.chunks(2) {
        if let [doc, weight] = pair {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&base36(doc - previous));
            out.push('.');
            out.push_str(&base36(*weight));
            previous = *doc;
        }
    }
    out
}

fn base36(mut n: u32) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = Vec::new();
    loop {
        buf.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    buf.reverse();
    String::from_utf8(buf).unwrap_or_default()
}

/// The index of one language: the body of `assets/search-<lang>.js` (stems, entries)
/// and of `assets/search-<lang>-text.js` (the entries' text, for snippets).
pub fn index_js(site: &Site, lang_index: usize) -> (String, String) {
    let lang = site.config.languages[lang_index].code.as_str();
    let mut docs: Vec<(u32, String, String)> = Vec::new();
    let mut pages: Vec<[String; 3]> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    // Stems are interned: each distinct word is stemmed once, and postings are kept
    // per stem number until the end.
    let mut words: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
    let mut stem_ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut postings: Vec<Vec<u32>> = Vec::new();
    let mut counts: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    let mut add = |doc: u32, text: &str, weight: u32, cap: u32| {
        counts.clear();
        for word in tokenize(text) {
            let ids = match words.get(&word) {
                Some(ids) => ids.clone(),
                None => {
                    let mut stems = Vec::new();
                    push_terms(&word, lang, &mut stems);
                    let ids: Vec<u32> = stems
                        .into_iter()
                        .map(|s| {
                            let next = u32::try_from(stem_ids.len()).unwrap_or(u32::MAX);
                            *stem_ids.entry(s).or_insert_with(|| {
                                postings.push(Vec::new());
                                next
                            })
                        })
                        .collect();
                    words.insert(word, ids.clone());
                    ids
                }
            };
            for id in ids {
                let c = counts.entry(id).or_default();
                *c = (*c + weight).min(cap.max(weight));
            }
        }
        let mut found: Vec<(u32, u32)> = counts.iter().map(|(&k, &v)| (k, v)).collect();
        found.sort_unstable();
        for (id, w) in found {
            let list = &mut postings[id as usize];
            if list.len() >= 2 && list[list.len() - 2] == doc {
                let last = list.len() - 1;
                list[last] += w;
            } else {
                list.push(doc);
                list.push(w);
            }
        }
    };
    for &i in &site.reading_order[lang_index] {
        let page = &site.pages[i];
        let section_title = page
            .parent
            .map(|p| site.pages[p].title.clone())
            .unwrap_or_default();
        let mut extra = String::new();
        if let Some(s) = &page.front.summary {
            extra.push_str(s);
            extra.push(' ');
        }
        for t in &page.front.tags {
            extra.push_str(t);
            extra.push(' ');
        }
        for value in page.front.fields.values() {
            match value {
                crate::load::FieldValue::Text(s) => extra.push_str(s),
                crate::load::FieldValue::List(l) => extra.push_str(&l.join(" ")),
                _ => {}
            }
            extra.push(' ');
        }
        let page_no = u32::try_from(pages.len()).unwrap_or(u32::MAX);
        pages.push([page.url.clone(), page.title.clone(), section_title]);
        for (k, section) in sections(page).into_iter().enumerate() {
            let doc = u32::try_from(docs.len()).unwrap_or(u32::MAX);
            add(doc, &page.title, 10, 10);
            if k == 0 {
                add(doc, &extra, 3, 3);
            } else {
                add(doc, &section.heading, 5, 5);
            }
            add(doc, &section.text, 1, 5);
            let text = if k == 0 && section.text.is_empty() {
                page.front.summary.clone().unwrap_or_default()
            } else {
                section.text
            };
            let anchor = section
                .url
                .split_once('#')
                .map_or(String::new(), |(_, a)| a.to_string());
            docs.push((page_no, anchor, section.heading));
            texts.push(text);
        }
    }
    let terms: BTreeMap<String, String> = stem_ids
        .into_iter()
        .map(|(stem, id)| (stem, encode_postings(&postings[id as usize])))
        .collect();
    let key = crate::render::js_string(lang);
    // `JSON.parse("...")` loads faster than the same data as an object literal.
    let as_json_string = |json: String| crate::render::js_string(&json);
    let index = format!(
        "(window.panduanSearch = window.panduanSearch || {{}})[{key}] = JSON.parse({});\n",
        as_json_string(
            serde_json::to_string(&Index {
                lang,
                pages,
                docs,
                terms
            })
            .unwrap_or_else(|_| "{}".into())
        )
    );
    let text = format!(
        "(window.panduanSearchText = window.panduanSearchText || {{}})[{key}] = JSON.parse({});\n",
        as_json_string(serde_json::to_string(&texts).unwrap_or_else(|_| "[]".into()))
    );
    (index, text)
}

/// The search files: one index per language, and the Indonesian root words for the
/// browser's stemmer (only if the book has Indonesian).
pub fn files(site: &Site) -> Vec<OutputFile> {
    use rayon::prelude::*;
    let mut out: Vec<OutputFile> = (0..site.config.languages.len())
        .into_par_iter()
        .flat_map(|l| {
            let code = &site.config.languages[l].code;
            let (index, text) = index_js(site, l);
            [
                OutputFile {
                    path: format!("assets/search-{code}.js"),
                    contents: Contents::Bytes(index.into_bytes()),
                },
                OutputFile {
                    path: format!("assets/search-{code}-text.js"),
                    contents: Contents::Bytes(text.into_bytes()),
                },
            ]
        })
        .collect();
    if site.config.language("id").is_some() {
        let words: Vec<&str> = stem_id::ROOTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        out.push(OutputFile {
            path: "assets/roots-id.js".into(),
            contents: Contents::Bytes(
                format!(
                    "window.panduanRootsId = {};\n",
                    crate::render::js_string(&words.join(" "))
                )
                .into_bytes(),
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_delta_coded_in_base_36() {
        assert_eq!(encode_postings(&[3, 10, 40, 1, 41, 36]), "3.a 11.1 1.10");
        assert_eq!(encode_postings(&[]), "");
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
