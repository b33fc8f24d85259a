//! What the index reads from one page: its entries (the page top, then each `##`/`###`
//! section) and each entry's words with their weights. Knows nothing of other pages.

use crate::model::{Page, Site};

use super::words::for_each_word;

/// Weights of the indexed fields: (weight per occurrence, most per entry).
pub(super) const TITLE: (u32, u32) = (10, 10);
pub(super) const HEADING: (u32, u32) = (5, 5);
pub(super) const DESCRIPTION: (u32, u32) = (3, 3);
pub(super) const TEXT: (u32, u32) = (1, 5);

/// Words counted in one field: (word number within the page, occurrences).
pub(super) type Counts = Vec<(u32, u32)>;

/// One searchable entry of a page: the page top or a `##`/`###` section.
pub(super) struct Entry {
    /// The `##`/`###` heading that opens it (an index into the page's headings); none
    /// for the page top.
    pub(super) heading: Option<usize>,
    /// The heading's words (page top: summary, tags and kind fields) with their weight.
    pub(super) first: (Counts, (u32, u32)),
    /// The words of the text.
    pub(super) body: Counts,
}

/// What one page gives the index, computed for each page on its own (in parallel).
pub(crate) struct PageWords {
    /// url, title, title of its section.
    pub(super) page: [String; 3],
    /// The page's headings and text, shared with the model.
    pub(super) analysis: std::sync::Arc<crate::markdown::Analysis>,
    /// The snippet text of the page top when the body has none before its first
    /// heading: the summary.
    pub(super) summary: Option<String>,
    /// A section's text as the page shows it, where it differs from the analysis's
    /// (an unlabelled `[[id]]` shows its target's title): by section.
    pub(super) shown: Vec<Option<String>>,
    /// The page's distinct words; counts refer to them by number.
    pub(super) words: Words,
    pub(super) title: Counts,
    pub(super) entries: Vec<Entry>,
}

impl PageWords {
    /// Entry `k`'s id ("" for the page top), heading text ("" for the page top) and
    /// plain text.
    pub(super) fn entry(&self, k: usize) -> (&str, &str, &str) {
        let entry = self.entries.get(k);
        let heading = entry
            .and_then(|e| e.heading)
            .and_then(|h| self.analysis.headings.get(h));
        let text = match self.shown.get(k) {
            Some(Some(shown)) => shown.as_str(),
            _ => self
                .analysis
                .sections
                .get(k)
                .map_or("", |s| s.text.as_str()),
        };
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
pub(super) struct WordCounter {
    /// Words of at most 16 bytes (nearly all), keyed by their bytes packed in a number:
    /// no string comparison on lookup. Words hold no NUL byte, so the packing is unique.
    pub(super) short: rustc_hash::FxHashMap<u128, u32>,
    /// Longer words.
    pub(super) long: rustc_hash::FxHashMap<String, u32>,
    pub(super) words: Words,
    pub(super) counts: Vec<u32>,
    pub(super) touched: Vec<u32>,
}

/// Distinct words, in number order, in one string: word `n` is
/// `text[ends[n - 1]..ends[n]]`.
#[derive(Default)]
pub(super) struct Words {
    pub(super) text: String,
    pub(super) ends: Vec<u32>,
}

impl Words {
    pub(super) fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(a, b)| self.text.get(a as usize..b as usize).unwrap_or(""))
    }
}

impl WordCounter {
    pub(super) fn count(&mut self, text: &str) -> Counts {
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
pub(super) fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; 16];
    buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(buf))
}

pub(super) fn page_words(site: &Site, page: &Page) -> PageWords {
    let section_title = page
        .parent
        .map(|p| site.pages[p].title.clone())
        .unwrap_or_default();
    let mut description = String::new();
    if let Some(s) = &page.front.summary {
        description.push_str(s);
        description.push(' ');
    }
    // The author's `slug` names the page as readers may look for it
    // (`pengertian-kelompok`, "what a group means").
    if let Some(slug) = &page.front.slug {
        description.push_str(&slug.value.replace('-', " "));
        description.push(' ');
    }
    for t in &page.front.tags {
        description.push_str(t);
        description.push(' ');
    }
    // Glossary terms the page defines, and their keys, name it as readers look for it.
    for (term, key) in glossary_terms(page) {
        description.push_str(term);
        description.push(' ');
        description.push_str(&key.replace('-', " "));
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
    let shown: Vec<Option<String>> = page
        .analysis
        .sections
        .iter()
        .map(|s| shown_text(site, page, s))
        .collect();
    for (k, section) in page.analysis.sections.iter().enumerate() {
        let heading = section.heading.and_then(|h| page.analysis.headings.get(h));
        let first = match heading {
            Some(h) => (counter.count(&h.text), HEADING),
            None if k == 0 => (counter.count(&description), DESCRIPTION),
            None => (Vec::new(), HEADING),
        };
        let body = counter.count(shown[k].as_deref().unwrap_or(&section.text));
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
        shown,
        words: counter.words,
        title,
        entries,
    }
}

/// The glossary entries `page` defines (`extra.glossary`): (term, key) of each entry
/// that has both.
pub(super) fn glossary_terms(page: &Page) -> Vec<(&str, &str)> {
    let Some(list) = page
        .front
        .extra
        .as_ref()
        .and_then(|e| e.get("glossary"))
        .and_then(serde_json::Value::as_array)
    else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|entry| {
            let text = |name: &str| entry.get(name).and_then(serde_json::Value::as_str);
            Some((text("term")?, text("key").unwrap_or("")))
        })
        .collect()
}

/// A section's text as the page shows it, when that differs from the analysis's: each
/// unlabelled `[[id]]` becomes its target's title. `None` when nothing changes.
fn shown_text(site: &Site, page: &Page, section: &crate::markdown::SectionText) -> Option<String> {
    if section.wiki.is_empty() {
        return None;
    }
    let links = &page.analysis.links;
    let mut out = String::with_capacity(section.text.len());
    let mut at = 0;
    for slot in &section.wiki {
        let title = links
            .binary_search_by_key(&slot.link, |l| l.range.start)
            .ok()
            .and_then(|i| page.link_targets.get(i).copied().flatten())
            .and_then(|t| site.pages.get(t))
            .map(|t| t.title.as_str());
        let (Some(before), Some(title)) = (section.text.get(at..slot.range.start), title) else {
            continue;
        };
        out.push_str(before);
        out.push_str(title);
        at = slot.range.end;
    }
    out.push_str(section.text.get(at..).unwrap_or(""));
    Some(out)
}
