//! Page fields: a kind's field of `type = "page"` names another page by its id
//! (`group_type: group-types/therapy`). Each such value becomes the index of the page it
//! names, or a diagnostic at the value: no page has that id, or the page is not of the
//! kind the field asks for. Pure: works on the [`Site`] as built so far.

use indexmap::IndexMap;

use super::Site;
use crate::config::FieldType;
use crate::diagnostic::{Diagnostic, Span, did_you_mean};
use crate::i18n::Msg;
use crate::load::FieldValue;
use crate::{help, msg, t};

/// Resolves the page fields of every page into `Page::field_pages`.
pub(super) fn resolve(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) {
    let resolved: Vec<IndexMap<String, usize>> = (0..site.pages.len())
        .map(|i| resolve_page(site, i, diagnostics))
        .collect();
    for (page, fields) in site.pages.iter_mut().zip(resolved) {
        page.field_pages = fields;
    }
}

/// The pages that page `index`'s page fields name, by field.
fn resolve_page(
    site: &Site,
    index: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> IndexMap<String, usize> {
    let page = &site.pages[index];
    let mut found = IndexMap::new();
    let Some(def) = page
        .front
        .kind
        .as_ref()
        .and_then(|k| site.config.kinds.get(&k.value))
    else {
        return found;
    };
    for (name, value) in &page.front.fields {
        let (Some(field), FieldValue::Page(wanted)) = (def.fields.get(name), value) else {
            continue;
        };
        if field.ty != FieldType::Page {
            continue;
        }
        let span = page
            .front
            .field_spans
            .get(name)
            .cloned()
            .unwrap_or_else(|| super::page_span(page));
        let wanted_kind = field.kind.as_deref();
        match target(site, page.lang_index, wanted) {
            None => diagnostics.push(no_such_page(
                site,
                page.lang_index,
                span,
                name,
                wanted,
                wanted_kind,
            )),
            Some(t) => {
                let target = &site.pages[t];
                let its_kind = target.front.kind.as_ref().map(|k| k.value.as_str());
                if let Some(kind) = wanted_kind.filter(|&k| Some(k) != its_kind) {
                    diagnostics.push(wrong_kind(
                        site,
                        page.lang_index,
                        span,
                        (name, wanted),
                        kind,
                        its_kind,
                    ));
                    continue;
                }
                if target.lang_index != page.lang_index {
                    let lang = &site.config.languages[target.lang_index];
                    diagnostics.push(
                        Diagnostic::warning(
                            span,
                            msg!(
                                "field-page-other-language",
                                page = wanted,
                                language = &lang.name,
                                lang = lang.code.as_str(),
                                field = name
                            ),
                        )
                        .with_help(help!()),
                    );
                }
                found.insert(name.clone(), t);
            }
        }
    }
    found
}

/// The page with the id `wanted` in language `lang`, else in another language.
fn target(site: &Site, lang: usize, wanted: &str) -> Option<usize> {
    let per_lang = site.translations.get(wanted)?;
    per_lang
        .get(lang)
        .copied()
        .flatten()
        .or_else(|| per_lang.iter().flatten().next().copied())
}

/// The ids of the pages of language `lang` a page field may name, sorted: those of
/// `kind`, or every page but the home page.
fn candidates<'s>(site: &'s Site, lang: usize, kind: Option<&str>) -> Vec<&'s str> {
    let mut ids: Vec<&str> = site
        .pages
        .iter()
        .filter(|p| p.lang_index == lang && !p.id.as_str().is_empty())
        .filter(|p| kind.is_none_or(|k| p.front.kind.as_ref().is_some_and(|pk| pk.value == k)))
        .map(|p| p.id.as_str())
        .collect();
    ids.sort_unstable();
    ids
}

/// `ids` in backticks, joined by `separator`.
fn backticked(ids: &[&str], separator: &str) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(separator)
}

/// "did you mean `a` or `b`?", or a few of the valid ids, or `None` when there are none.
fn suggestion(wanted: &str, valid: &[&str], kind: Option<&str>) -> Option<Msg> {
    let near = did_you_mean(wanted, valid.iter().copied(), 3);
    if !near.is_empty() {
        let or = format!(" {} ", t!("word-or"));
        return Some(msg!("field-page-nearest", nearest = backticked(&near, &or)));
    }
    let some = &valid[..valid.len().min(3)];
    let more = if valid.len() > some.len() {
        ", …"
    } else {
        ""
    };
    let list = backticked(some, ", ");
    match (some.is_empty(), kind) {
        (true, Some(kind)) => Some(msg!("field-page-none-of-kind", kind = kind)),
        (true, None) => None,
        (false, Some(kind)) => Some(msg!(
            "field-page-of-kind",
            kind = kind,
            pages = format!("{list}{more}")
        )),
        (false, None) => Some(msg!("field-page-example", pages = format!("{list}{more}"))),
    }
}

fn no_such_page(
    site: &Site,
    lang: usize,
    span: Span,
    field: &str,
    wanted: &str,
    kind: Option<&str>,
) -> Diagnostic {
    let d = Diagnostic::error(
        span,
        msg!("field-page-missing", field = field, page = wanted),
    );
    let valid = candidates(site, lang, kind);
    match suggestion(wanted.trim_end_matches(".md"), &valid, kind) {
        Some(help) => d.with_help(help),
        None => d,
    }
}

fn wrong_kind(
    site: &Site,
    lang: usize,
    span: Span,
    (field, wanted): (&str, &str),
    kind: &str,
    its_kind: Option<&str>,
) -> Diagnostic {
    let is = match its_kind {
        Some(k) => msg!("field-page-is-of-kind", kind = k),
        None => msg!("field-page-is-kindless"),
    };
    let d = Diagnostic::error(
        span,
        msg!(
            "field-page-wrong-kind",
            field = field,
            kind = kind,
            page = wanted,
            is = is
        ),
    );
    let valid = candidates(site, lang, Some(kind));
    match suggestion(wanted, &valid, Some(kind)) {
        Some(help) => d.with_help(help),
        None => d,
    }
}
