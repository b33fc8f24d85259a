//! Template functions: queries over the whole site that a theme can call.
//!
//! - `pages_of_kind(kind, lang)`: the pages of a kind in a language, sorted by `order`
//!   then title, each with `id`, `title`, `url` (from the output root: write
//!   `{{ root ~ p.url }}`), `summary`, `order`, `fields` and `refs` (for each field of
//!   `type = "page"`, the page it names: `id`, `title`, `url`). With `field` and
//!   `value`, only the pages whose field `field` is `value` (or, for a list, holds it).
//!   A kind that `book.toml` does not declare has no pages, so a theme can list kinds a
//!   handbook may not have.
//! - `kind_fields(kind, lang)`: the declared fields of a kind with their labels.
//! - `terms(kind, field, lang)`: every entry of the list field `field` of the pages of a
//!   kind, alphabetically, each with `term` and the page's `id`, `title`, `url`, `fields`.
//! - `glossary(lang)`: every term that a page of the language defines in its front matter
//!   (`extra.glossary`, a list of `{ key, term, definition }`), alphabetically, each with
//!   `key`, `term`, `definition` and the defining page's `id`, `title`, `url`, `fields`.
//! - `backlinks(id, lang)`: the pages that link to page `id`, in reading order.
//!
//! Answers are worked out on first use and remembered for the site. Each call is noted
//! (see [`noting_calls`]) with a fingerprint of its answer, so that a page rendered
//! before can be reused only while every answer it used is unchanged; checking that
//! needs only the fingerprint, never the template value.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};

use serde::Serialize;
use tera::{Kwargs, State, TeraResult, Value};

use crate::load::FieldValue;
use crate::memo::Key;
use crate::model::{Page, Site};

#[derive(Serialize, Clone)]
struct PageRef<'a> {
    id: &'a str,
    title: &'a str,
    url: &'a str,
    summary: Option<&'a str>,
    order: Option<i64>,
    fields: &'a indexmap::IndexMap<String, FieldValue>,
    /// The pages named by the page fields, by field.
    #[serde(skip_serializing_if = "indexmap::IndexMap::is_empty")]
    refs: indexmap::IndexMap<&'a str, Target<'a>>,
}

/// A page named by a page field.
#[derive(Serialize, Clone)]
struct Target<'a> {
    id: &'a str,
    title: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Term<'a> {
    term: &'a str,
    /// The term's first letter, upper case, for an A–Z list (see [`letter`]).
    letter: String,
    #[serde(flatten)]
    page: PageRef<'a>,
}

/// One entry of a page's `extra.glossary`: a term with its own definition.
#[derive(Serialize)]
struct GlossaryEntry<'a> {
    /// The same in every language, so that translated terms pair up.
    key: &'a str,
    term: &'a str,
    /// The term's first letter, upper case, for an A–Z list (see [`letter`]).
    letter: String,
    definition: &'a str,
    #[serde(flatten)]
    page: PageRef<'a>,
}

/// A term a page defines in its `extra.glossary`, as every output lists it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DefinedTerm<'a> {
    pub(crate) key: &'a str,
    pub(crate) term: &'a str,
    pub(crate) definition: &'a str,
}

/// The entries of `page`'s `extra.glossary` that have a key, a term and a definition.
fn glossary_entries(page: &Page) -> impl Iterator<Item = DefinedTerm<'_>> {
    let list = page
        .front
        .extra
        .as_ref()
        .and_then(|e| e.get("glossary"))
        .and_then(serde_json::Value::as_array);
    list.into_iter().flatten().filter_map(move |entry| {
        let text = |name: &str| entry.get(name).and_then(serde_json::Value::as_str);
        Some(DefinedTerm {
            key: text("key")?,
            term: text("term")?,
            definition: text("definition")?,
        })
    })
}

/// The older glossary form, `extra: { kind, field }`: every term listed in `field` by a
/// page of `kind` in language `lang_index`, with the index of that page, in the
/// glossary's order. `print.html` and the PDF both list these.
pub(crate) fn kind_field_terms<'a>(
    site: &'a Site,
    lang_index: usize,
    kind: &str,
    field: &str,
) -> Vec<(&'a str, usize)> {
    let mut entries: Vec<(&str, usize)> = (0..site.pages.len())
        .filter(|&i| {
            let p = &site.pages[i];
            p.lang_index == lang_index && p.front.kind.as_ref().is_some_and(|k| k.value == kind)
        })
        .filter_map(|i| match site.pages[i].front.fields.get(field) {
            Some(FieldValue::List(items)) => Some(items.iter().map(move |t| (t.as_str(), i))),
            _ => None,
        })
        .flatten()
        .collect();
    entries.sort_by_cached_key(|(term, i)| term_order(term, &site.pages[*i].title));
    entries
}

/// Every term the pages of language `lang_index` define (`extra.glossary`), with the
/// index of the page that defines it, in the glossary's order: by term, then key and
/// page. The site's `glossary()`, `print.html`, the PDF and the EPUB all list these.
pub(crate) fn glossary_list(site: &Site, lang_index: usize) -> Vec<(usize, DefinedTerm<'_>)> {
    let mut entries: Vec<(usize, DefinedTerm<'_>)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.lang_index == lang_index)
        .flat_map(|(i, p)| glossary_entries(p).map(move |e| (i, e)))
        .collect();
    entries.sort_by_cached_key(|(i, e)| (e.term.to_lowercase(), e.key, site.pages[*i].id.as_str()));
    entries
}

#[derive(Serialize)]
struct FieldInfo<'a> {
    name: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    ty: crate::config::FieldType,
    required: bool,
}

fn page_ref<'a>(site: &'a Site, page: &'a Page) -> PageRef<'a> {
    PageRef {
        id: page.id.as_str(),
        title: &page.title,
        url: &page.url,
        summary: page.front.summary.as_deref(),
        order: page.front.order,
        fields: &page.front.fields,
        refs: page
            .field_pages
            .iter()
            .map(|(field, &t)| {
                let target = &site.pages[t];
                (
                    field.as_str(),
                    Target {
                        id: target.id.as_str(),
                        title: &target.title,
                        url: &target.url,
                    },
                )
            })
            .collect(),
    }
}

/// Whether `value` is `wanted`, or a list that holds it.
fn field_is(value: Option<&FieldValue>, wanted: &str) -> bool {
    match value {
        Some(FieldValue::Text(s) | FieldValue::Page(s)) => s == wanted,
        Some(FieldValue::List(items)) => items.iter().any(|i| i == wanted),
        Some(FieldValue::Integer(n)) => n.to_string() == wanted,
        Some(FieldValue::Bool(b)) => b.to_string() == wanted,
        None => false,
    }
}

/// Sorts pages as `pages_of_kind` lists them: by `order`, then title (the PDF's
/// comparison table uses the same order).
pub(crate) fn sort_pages(site: &Site, pages: &mut [usize]) {
    pages.sort_by_cached_key(|&i| {
        let p = &site.pages[i];
        (p.front.order.unwrap_or(i64::MAX), p.title.to_lowercase())
    });
}

/// The letter a term is listed under in an A–Z list: its first letter in upper case,
/// without accents for the common Latin ones; `#` for a term that starts otherwise.
pub(crate) fn letter(term: &str) -> String {
    let Some(first) = term
        .trim_start()
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '(' | '«' | '“'))
    else {
        return "#".into();
    };
    let plain = match first.to_lowercase().next().unwrap_or(first) {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    };
    match plain.is_alphabetic() {
        true => plain.to_uppercase().collect(),
        false => "#".into(),
    }
}

/// The sort key of a glossary entry in `terms`: the term, then its page's title.
pub(crate) fn term_order(term: &str, title: &str) -> (String, String) {
    (term.to_lowercase(), title.to_string())
}

/// One call of a template function, by its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Call {
    PagesOfKind {
        kind: String,
        lang: String,
        /// Only the pages whose field (`.0`) is `.1`.
        filter: Option<(String, String)>,
    },
    KindFields {
        kind: String,
        lang: String,
    },
    Terms {
        kind: String,
        field: String,
        lang: String,
    },
    Glossary {
        lang: String,
    },
    Backlinks {
        id: String,
        lang: String,
    },
}

/// What a call is answered with before it becomes a template value.
enum Answer<'a> {
    Pages(Vec<PageRef<'a>>),
    Fields(Vec<FieldInfo<'a>>),
    Terms(Vec<Term<'a>>),
    Glossary(Vec<GlossaryEntry<'a>>),
}

impl Answer<'_> {
    fn key(&self) -> Key {
        match self {
            Answer::Pages(v) => crate::memo::key_of_json(v),
            Answer::Fields(v) => crate::memo::key_of_json(v),
            Answer::Terms(v) => crate::memo::key_of_json(v),
            Answer::Glossary(v) => crate::memo::key_of_json(v),
        }
    }

    fn value(&self) -> Value {
        match self {
            Answer::Pages(v) => Value::from_serializable(v),
            Answer::Fields(v) => Value::from_serializable(v),
            Answer::Terms(v) => Value::from_serializable(v),
            Answer::Glossary(v) => Value::from_serializable(v),
        }
    }
}

/// The fingerprint noted for a call that has no answer (an unknown kind).
const NO_ANSWER: Key = 0;

/// The answers for one site, worked out as they are asked for.
#[derive(Default)]
pub(crate) struct Answers {
    site: Option<Arc<Site>>,
    /// The pages of each (language, kind), sorted by `order` then title.
    kinds: OnceLock<HashMap<(usize, String), Vec<usize>>>,
    /// Each page by (language, id).
    by_id: OnceLock<HashMap<(usize, String), usize>>,
    values: Mutex<HashMap<Call, Value>>,
    keys: Mutex<HashMap<Call, Key>>,
}

impl Answers {
    /// The answers for `site`.
    pub(crate) fn new(site: Arc<Site>) -> Self {
        Answers {
            site: Some(site),
            ..Answers::default()
        }
    }

    fn kinds(&self, site: &Site) -> &HashMap<(usize, String), Vec<usize>> {
        self.kinds.get_or_init(|| {
            let mut kinds: HashMap<(usize, String), Vec<usize>> = HashMap::new();
            for (i, p) in site.pages.iter().enumerate() {
                if let Some(k) = &p.front.kind {
                    kinds
                        .entry((p.lang_index, k.value.clone()))
                        .or_default()
                        .push(i);
                }
            }
            for pages in kinds.values_mut() {
                sort_pages(site, pages);
            }
            kinds
        })
    }

    /// The answer to `call`; `None` when it names an unknown kind or field (for
    /// `pages_of_kind`, only an unknown field of a declared kind).
    fn answer<'s>(&'s self, site: &'s Site, call: &Call) -> Option<Answer<'s>> {
        let lang_index = |lang: &str| {
            site.config
                .languages
                .iter()
                .position(|l| l.code.as_str() == lang)
        };
        let kind_pages = |kind: &String, lang: &str| -> Option<Vec<&'s Page>> {
            site.config.kinds.get(kind)?;
            let l = lang_index(lang)?;
            Some(
                self.kinds(site)
                    .get(&(l, kind.clone()))
                    .map(|v| v.iter().map(|&i| &site.pages[i]).collect())
                    .unwrap_or_default(),
            )
        };
        match call {
            Call::PagesOfKind { kind, lang, filter } => {
                let Some(def) = site.config.kinds.get(kind) else {
                    return Some(Answer::Pages(Vec::new()));
                };
                if let Some((field, _)) = filter {
                    def.fields.get(field)?;
                }
                Some(Answer::Pages(
                    kind_pages(kind, lang)?
                        .into_iter()
                        .filter(|p| {
                            filter.as_ref().is_none_or(|(field, wanted)| {
                                field_is(p.front.fields.get(field), wanted)
                            })
                        })
                        .map(|p| page_ref(site, p))
                        .collect(),
                ))
            }
            Call::KindFields { kind, lang } => {
                lang_index(lang)?;
                let def = site.config.kinds.get(kind)?;
                Some(Answer::Fields(
                    def.fields
                        .iter()
                        .map(|(name, f)| FieldInfo {
                            name,
                            label: f.label.get(lang).map_or(name.as_str(), String::as_str),
                            ty: f.ty,
                            required: f.required,
                        })
                        .collect(),
                ))
            }
            Call::Terms { kind, field, lang } => {
                let def = site.config.kinds.get(kind)?;
                if def.fields.get(field)?.ty != crate::config::FieldType::List {
                    return None;
                }
                let mut terms: Vec<Term<'s>> = kind_pages(kind, lang)?
                    .into_iter()
                    .filter_map(|p| match p.front.fields.get(field) {
                        Some(FieldValue::List(items)) => Some((p, items)),
                        _ => None,
                    })
                    .flat_map(|(p, items)| {
                        items.iter().map(move |t| Term {
                            term: t,
                            letter: letter(t),
                            page: page_ref(site, p),
                        })
                    })
                    .collect();
                terms.sort_by_cached_key(|t| term_order(t.term, t.page.title));
                Some(Answer::Terms(terms))
            }
            Call::Glossary { lang } => {
                let l = lang_index(lang)?;
                let entries: Vec<GlossaryEntry<'s>> = glossary_list(site, l)
                    .into_iter()
                    .map(|(i, e)| GlossaryEntry {
                        key: e.key,
                        term: e.term,
                        letter: letter(e.term),
                        definition: e.definition,
                        page: page_ref(site, &site.pages[i]),
                    })
                    .collect();
                Some(Answer::Glossary(entries))
            }
            Call::Backlinks { id, lang } => {
                let by_id = self.by_id.get_or_init(|| {
                    site.pages
                        .iter()
                        .enumerate()
                        .map(|(i, p)| ((p.lang_index, p.id.as_str().to_string()), i))
                        .collect()
                });
                let refs = lang_index(lang)
                    .and_then(|l| by_id.get(&(l, id.clone())))
                    .map(|&i| {
                        site.pages[i]
                            .backlinks
                            .iter()
                            .map(|&b| page_ref(site, &site.pages[b]))
                            .collect()
                    })
                    .unwrap_or_default();
                Some(Answer::Pages(refs))
            }
        }
    }

    /// The fingerprint of the answer to `call`.
    fn key(&self, call: &Call) -> Key {
        if let Some(&k) = self
            .keys
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(call)
        {
            return k;
        }
        let key = self
            .site
            .as_deref()
            .and_then(|site| self.answer(site, call))
            .map_or(NO_ANSWER, |a| a.key());
        self.keys
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(call.clone(), key);
        key
    }

    /// The answer to `call` as a template value, noted for the page being rendered.
    fn ask(&self, call: Call) -> Option<Value> {
        // Fingerprints are for reusing pages (serve); a plain build notes nothing.
        if CALLS.with(|c| c.borrow().is_some()) {
            let key = self.key(&call);
            CALLS.with(|c| {
                if let Some(calls) = c.borrow_mut().as_mut() {
                    calls.push((call.clone(), key));
                }
            });
        }
        if let Some(v) = self
            .values
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&call)
        {
            return Some(v.clone());
        }
        let value = self.answer(self.site.as_deref()?, &call)?.value();
        self.values
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(call, value.clone());
        Some(value)
    }

    /// Whether every noted call would get the same answer from these answers.
    pub(crate) fn agree(&self, calls: &[(Call, Key)]) -> bool {
        calls.iter().all(|(call, key)| self.key(call) == *key)
    }
}

/// The calls a render made, with the fingerprints of their answers.
pub(crate) type Calls = Vec<(Call, Key)>;

thread_local! {
    static CALLS: RefCell<Option<Calls>> = const { RefCell::new(None) };
}

/// Runs `render` and returns, with its result, the calls it made to the functions on
/// this thread (a Tera render runs on the calling thread).
pub(crate) fn noting_calls<T>(render: impl FnOnce() -> T) -> (T, Calls) {
    let outer = CALLS.with(|c| c.borrow_mut().replace(Vec::new()));
    let result = render();
    let calls = CALLS.with(|c| std::mem::replace(&mut *c.borrow_mut(), outer));
    (result, calls.unwrap_or_default())
}

/// The answers the registered functions use; set for each site before rendering it.
#[derive(Default)]
pub(crate) struct AnswerSlot(RwLock<Arc<Answers>>);

impl AnswerSlot {
    /// Puts in the answers for the next site; returns the previous ones.
    pub(crate) fn set(&self, answers: Arc<Answers>) -> Arc<Answers> {
        std::mem::replace(
            &mut *self.0.write().unwrap_or_else(PoisonError::into_inner),
            answers,
        )
    }

    fn get(&self) -> Arc<Answers> {
        Arc::clone(&self.0.read().unwrap_or_else(PoisonError::into_inner))
    }
}

fn arg<'k>(kwargs: &'k Kwargs, name: &'k str) -> TeraResult<String> {
    kwargs.must_get::<&str>(name).map(str::to_string)
}

/// Registers the functions on `tera`; they answer from whatever `slot` holds.
pub(super) fn register(tera: &mut tera::Tera, slot: Arc<AnswerSlot>, kinds: Vec<String>) {
    let unknown_kind = Arc::new(move |kind: &str| {
        super::tera_words::own_error(crate::t!(
            "template-fn-unknown-kind",
            kind = kind,
            kinds = kinds.join(", ")
        ))
    });

    let a = slot.clone();
    tera.register_function(
        "pages_of_kind",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (kind, lang) = (arg(&kwargs, "kind")?, arg(&kwargs, "lang")?);
            let field = kwargs.get::<&str>("field")?.map(str::to_string);
            let value = kwargs.get::<&str>("value")?.map(str::to_string);
            let filter = match (field, value) {
                (Some(field), Some(value)) => Some((field, value)),
                (None, None) => None,
                _ => {
                    return Err(super::tera_words::own_error(crate::t!(
                        "template-fn-field-and-value"
                    )));
                }
            };
            let what = filter.as_ref().map_or_else(
                || crate::t!("template-fn-unknown-lang", lang = lang.as_str()),
                |(field, _)| {
                    crate::t!(
                        "template-fn-not-a-field",
                        field = field.as_str(),
                        kind = kind.as_str()
                    )
                },
            );
            a.get()
                .ask(Call::PagesOfKind { kind, lang, filter })
                .ok_or_else(|| super::tera_words::own_error(what))
        },
    );
    let (a, unknown) = (slot.clone(), unknown_kind);
    tera.register_function(
        "kind_fields",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (kind, lang) = (arg(&kwargs, "kind")?, arg(&kwargs, "lang")?);
            a.get()
                .ask(Call::KindFields {
                    kind: kind.clone(),
                    lang,
                })
                .ok_or_else(|| unknown(&kind))
        },
    );
    let a = slot.clone();
    tera.register_function(
        "terms",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (kind, field, lang) = (
                arg(&kwargs, "kind")?,
                arg(&kwargs, "field")?,
                arg(&kwargs, "lang")?,
            );
            a.get()
                .ask(Call::Terms {
                    kind: kind.clone(),
                    field: field.clone(),
                    lang,
                })
                .ok_or_else(|| {
                    super::tera_words::own_error(crate::t!(
                        "template-fn-not-a-list",
                        field = field.as_str(),
                        kind = kind.as_str()
                    ))
                })
        },
    );
    let a = slot.clone();
    tera.register_function(
        "glossary",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let lang = arg(&kwargs, "lang")?;
            a.get()
                .ask(Call::Glossary { lang: lang.clone() })
                .ok_or_else(|| {
                    super::tera_words::own_error(crate::t!(
                        "template-fn-unknown-lang",
                        lang = lang.as_str()
                    ))
                })
        },
    );
    let a = slot;
    tera.register_function(
        "backlinks",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (id, lang) = (arg(&kwargs, "id")?, arg(&kwargs, "lang")?);
            Ok(a.get()
                .ask(Call::Backlinks { id, lang })
                .unwrap_or_else(|| Value::from_serializable(&Vec::<()>::new())))
        },
    );
}
