//! Template functions: queries over the whole site that a theme can call.
//!
//! - `pages_of_kind(kind, lang)`: the pages of a kind in a language, sorted by `order`
//!   then title, each with `id`, `title`, `url` (from the output root: write
//!   `{{ root ~ p.url }}`), `summary`, `order` and `fields`.
//! - `kind_fields(kind, lang)`: the declared fields of a kind with their labels.
//! - `terms(kind, field, lang)`: every entry of the list field `field` of the pages of a
//!   kind, alphabetically, each with `term` and the page's `id`, `title`, `url`, `fields`.
//! - `backlinks(id, lang)`: the pages that link to page `id`, in reading order.
//!
//! The answers are computed once per site, so a call costs a lookup and a clone.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use tera::{Kwargs, State, TeraResult, Value};

use crate::load::FieldValue;
use crate::model::{Page, Site};

#[derive(Serialize, Clone)]
struct PageRef<'a> {
    id: &'a str,
    title: &'a str,
    url: &'a str,
    summary: Option<&'a str>,
    order: Option<i64>,
    fields: &'a indexmap::IndexMap<String, FieldValue>,
}

#[derive(Serialize)]
struct Term<'a> {
    term: &'a str,
    #[serde(flatten)]
    page: PageRef<'a>,
}

#[derive(Serialize)]
struct FieldInfo<'a> {
    name: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    ty: crate::config::FieldType,
    required: bool,
}

/// Precomputed answers, keyed by (lang, kind[, field]) or (lang, id).
#[derive(Default)]
struct Answers {
    kinds: HashMap<(String, String), Value>,
    fields: HashMap<(String, String), Value>,
    terms: HashMap<(String, String, String), Value>,
    backlinks: HashMap<(String, String), Value>,
}

fn page_ref(page: &Page) -> PageRef<'_> {
    PageRef {
        id: page.id.as_str(),
        title: &page.title,
        url: &page.url,
        summary: page.front.summary.as_deref(),
        order: page.front.order,
        fields: &page.front.fields,
    }
}

fn compute(site: &Site) -> Answers {
    let mut answers = Answers::default();
    for (l, language) in site.config.languages.iter().enumerate() {
        let lang = language.code.as_str();
        for (kind, def) in &site.config.kinds {
            let mut pages: Vec<&Page> = site
                .pages
                .iter()
                .filter(|p| {
                    p.lang_index == l && p.front.kind.as_ref().is_some_and(|k| &k.value == kind)
                })
                .collect();
            pages.sort_by(|a, b| {
                (a.front.order.unwrap_or(i64::MAX), a.title.to_lowercase())
                    .cmp(&(b.front.order.unwrap_or(i64::MAX), b.title.to_lowercase()))
            });
            let refs: Vec<PageRef<'_>> = pages.iter().map(|p| page_ref(p)).collect();
            answers
                .kinds
                .insert((lang.into(), kind.clone()), Value::from_serializable(&refs));
            let infos: Vec<FieldInfo<'_>> = def
                .fields
                .iter()
                .map(|(name, f)| FieldInfo {
                    name,
                    label: f.label.get(lang).map_or(name.as_str(), String::as_str),
                    ty: f.ty,
                    required: f.required,
                })
                .collect();
            answers.fields.insert(
                (lang.into(), kind.clone()),
                Value::from_serializable(&infos),
            );
            for (field, f) in &def.fields {
                if f.ty != crate::config::FieldType::List {
                    continue;
                }
                let mut terms: Vec<Term<'_>> = pages
                    .iter()
                    .filter_map(|p| match p.front.fields.get(field) {
                        Some(FieldValue::List(items)) => Some((p, items)),
                        _ => None,
                    })
                    .flat_map(|(p, items)| {
                        items.iter().map(move |t| Term {
                            term: t,
                            page: page_ref(p),
                        })
                    })
                    .collect();
                terms.sort_by(|a, b| {
                    (a.term.to_lowercase(), a.page.title)
                        .cmp(&(b.term.to_lowercase(), b.page.title))
                });
                answers.terms.insert(
                    (lang.into(), kind.clone(), field.clone()),
                    Value::from_serializable(&terms),
                );
            }
        }
    }
    for page in &site.pages {
        if page.backlinks.is_empty() {
            continue;
        }
        let refs: Vec<PageRef<'_>> = page
            .backlinks
            .iter()
            .map(|&b| page_ref(&site.pages[b]))
            .collect();
        answers.backlinks.insert(
            (page.lang.as_str().into(), page.id.as_str().into()),
            Value::from_serializable(&refs),
        );
    }
    answers
}

fn arg<'k>(kwargs: &'k Kwargs, name: &'k str) -> TeraResult<String> {
    kwargs.must_get::<&str>(name).map(str::to_string)
}

/// Registers the site's functions on `tera`.
pub(super) fn register(tera: &mut tera::Tera, site: &Site) {
    let kinds: Vec<String> = site.config.kinds.keys().cloned().collect();
    register_answers(tera, Arc::new(compute(site)), kinds);
}

/// Registers the functions without a site, so templates can be checked before a build.
pub(super) fn register_placeholders(tera: &mut tera::Tera) {
    register_answers(tera, Arc::new(Answers::default()), Vec::new());
}

fn register_answers(tera: &mut tera::Tera, answers: Arc<Answers>, kinds: Vec<String>) {
    let unknown_kind = Arc::new(move |kind: &str| {
        tera::Error::message(format!(
            "unknown kind `{kind}`; the kinds in book.toml: {}",
            kinds.join(", ")
        ))
    });

    let (a, unknown) = (answers.clone(), unknown_kind.clone());
    tera.register_function(
        "pages_of_kind",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (kind, lang) = (arg(&kwargs, "kind")?, arg(&kwargs, "lang")?);
            a.kinds
                .get(&(lang, kind.clone()))
                .cloned()
                .ok_or_else(|| unknown(&kind))
        },
    );
    let (a, unknown) = (answers.clone(), unknown_kind.clone());
    tera.register_function(
        "kind_fields",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (kind, lang) = (arg(&kwargs, "kind")?, arg(&kwargs, "lang")?);
            a.fields
                .get(&(lang, kind.clone()))
                .cloned()
                .ok_or_else(|| unknown(&kind))
        },
    );
    let a = answers.clone();
    tera.register_function(
        "terms",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (kind, field, lang) = (
                arg(&kwargs, "kind")?,
                arg(&kwargs, "field")?,
                arg(&kwargs, "lang")?,
            );
            a.terms
                .get(&(lang, kind.clone(), field.clone()))
                .cloned()
                .ok_or_else(|| {
                    tera::Error::message(format!("`{field}` is not a list field of kind `{kind}`"))
                })
        },
    );
    let a = answers;
    tera.register_function(
        "backlinks",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let (id, lang) = (arg(&kwargs, "id")?, arg(&kwargs, "lang")?);
            Ok(a.backlinks
                .get(&(lang, id))
                .cloned()
                .unwrap_or_else(|| Value::from_serializable(&Vec::<()>::new())))
        },
    );
}
