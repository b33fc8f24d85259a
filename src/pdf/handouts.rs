//! One A4 page per page of the kind `[handouts] kind` names: its title, summary,
//! fields and its `handout` text (Markdown; without one, the page's summary stands
//! alone). Each handout is laid out alone at full size, then smaller until it fits one
//! page; one that does not fit even at the smallest size is kept and warned about at
//! the page. `downloads/handouts-<lang>.pdf` holds them all, each at its size.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::document::{card_args, chapters, content, omitted, soft_hyphens};
use super::markup::{self, Body, string};
use super::{Cache, Parts, Templates, compile, output, pdf_bytes};
use crate::diagnostic::{Diagnostic, Span};
use crate::error::Result;
use crate::files::OutputFile;
use crate::load::FieldValue;
use crate::model::{Page, Site};
use crate::render::{Theme, labels, strings};

/// The sizes a handout is tried at, largest first.
const SCALES: &[f32] = &[1.0, 0.93, 0.86, 0.8, 0.74];

/// The field that holds a page's handout text.
const HANDOUT_FIELD: &str = "handout";

/// The handouts of language `lang_index`, one by one (each page's at `each(stem)`) and
/// all in one (at `all`), and warnings.
pub(super) fn handouts(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    lang_index: usize,
    all_path: String,
    cache: Cache<'_>,
    each: &dyn Fn(&str) -> String,
) -> Result<(Vec<OutputFile>, Vec<Diagnostic>)> {
    let Some(config) = &site.config.handouts else {
        return Ok((Vec::new(), Vec::new()));
    };
    let language = &site.config.languages[lang_index];
    let lang = language.code.as_str();
    let t = strings(theme, lang);
    let body_labels = labels(t, String::new());
    let pages: Vec<usize> = chapters(site, lang_index)
        .into_iter()
        .filter(|&i| {
            site.pages[i]
                .front
                .kind
                .as_ref()
                .is_some_and(|k| k.value == config.kind)
        })
        .collect();
    let import = format!("#import {}: *\n", string(&format!("/{}", config.template)));
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut all = import.clone();
    let mut all_parts: Parts = vec![(0, None)];
    let mut stems = HashSet::new();
    for (n, &i) in pages.iter().enumerate() {
        let page = &site.pages[i];
        let (call, omissions) = handout_call(site, page, &body_labels);
        let omitted = omitted(page, &omissions);
        let stem = file_stem(page, &mut stems);
        let path = each(&stem);
        // The same handout as the previous build's, which fitted without a warning:
        // its PDF, at the scale it fitted.
        let key = Cache::key(&format!("{import}{}", call(1.0)), templates, &[], &path);
        let reused = omitted
            .is_empty()
            .then(|| cache.reuse_if(&path, &key, |note| note.parse::<f32>().is_ok()))
            .flatten()
            .and_then(|(bytes, note)| Some((bytes, note.parse::<f32>().ok()?)));
        warnings.extend(omitted);
        if let Some((bytes, scale)) = reused {
            files.push(output(path.clone(), bytes));
            if n > 0 {
                all.push_str("#pagebreak()\n");
            }
            all_parts.push((all.len(), page.path.clone()));
            let _ = writeln!(all, "{}", call(scale));
            continue;
        }
        let clean = warnings.len();
        let what = format!("`{path}`");
        let parts: Parts = vec![(0, page.path.clone())];
        let mut fitted = None;
        for &scale in SCALES {
            let main = format!("{import}{}", call(scale));
            let document = compile(main, templates, Vec::new(), &parts, &what)?;
            let pages = document.pages.len();
            fitted = Some((scale, document));
            if pages <= 1 {
                break;
            }
        }
        let Some((scale, document)) = fitted else {
            continue;
        };
        if document.pages.len() > 1 {
            let span = page
                .path
                .clone()
                .map_or_else(|| Span::file(crate::config::CONFIG_FILE), Span::file);
            warnings.push(
                Diagnostic::warning(
                    span,
                    format!(
                        "the handout does not fit one page, even in smaller print: it takes {} pages",
                        document.pages.len()
                    ),
                )
                .with_help(format!("shorten the page's `{HANDOUT_FIELD}` text or its fields")),
            );
        }
        let at = page
            .path
            .as_ref()
            .map_or_else(|| Span::file(crate::config::CONFIG_FILE), Span::file);
        let bytes = pdf_bytes(&document, &path, &what, &at, &mut warnings)?;
        if warnings.len() == clean && omissions.is_empty() {
            cache.ledger.record(&path, &key, &bytes, &scale.to_string());
        }
        files.push(output(path.clone(), bytes));
        if n > 0 {
            all.push_str("#pagebreak()\n");
        }
        all_parts.push((all.len(), page.path.clone()));
        let _ = writeln!(all, "{}", call(scale));
    }
    if !pages.is_empty() {
        let path = all_path;
        let key = Cache::key(&all, templates, &[], &path);
        if let Some((bytes, _)) = cache.reuse(&path, &key) {
            files.push(output(path, bytes));
            return Ok((files, warnings));
        }
        let what = format!("`{path}`");
        let document = compile(all, templates, Vec::new(), &all_parts, &what)?;
        let at = Span::file(crate::config::CONFIG_FILE);
        let mut own = Vec::new();
        let bytes = pdf_bytes(&document, &path, &what, &at, &mut own)?;
        if own.is_empty() {
            cache.ledger.record(&path, &key, &bytes, "");
        }
        warnings.extend(own);
        files.push(output(path.clone(), bytes));
    }
    Ok((files, warnings))
}

/// The output name of a page's handout: the last part of its address in its language
/// (`swabantu` in Indonesian, `self-help` in English; see
/// [`crate::render::handout_stem`]), or its whole id when another page of the kind has
/// the same name.
fn file_stem(page: &Page, seen: &mut HashSet<String>) -> String {
    let stem = crate::render::handout_stem(page);
    let stem = if seen.contains(&stem) {
        page.rel.replace('/', "-")
    } else {
        stem
    };
    seen.insert(stem.clone());
    stem
}

/// The call of `handout` for `page`, at a given scale.
fn handout_call<'a>(
    site: &'a Site,
    page: &'a Page,
    t: &crate::markdown::Labels,
) -> (impl Fn(f32) -> String + 'a, Vec<markup::Omission>) {
    let language = &site.config.languages[page.lang_index];
    let card =
        card_args(site, page, &[HANDOUT_FIELD], t).unwrap_or_else(|| "kind: [], fields: ()".into());
    let summary = page.front.summary.as_deref().map_or_else(
        || "none".to_string(),
        |s| {
            format!(
                "[{}]",
                markup::inline(s, t, soft_hyphens(page.lang.as_str()))
            )
        },
    );
    let (body, omissions) = match page.front.fields.get(HANDOUT_FIELD) {
        Some(FieldValue::Text(text)) => {
            // The handout text is a field: its links are not resolved, only web
            // addresses lead anywhere.
            let (markup, omissions) = markup::to_typst(&Body {
                text,
                headings: &[],
                links: &[],
                labels: t,
                prefix: "h:",
                level: 1,
                drop_leading_h1: false,
                page_refs: false,
                soft_hyphens: soft_hyphens(page.lang.as_str()),
            });
            (format!("[{markup}]"), omissions)
        }
        _ => ("none".to_string(), Vec::new()),
    };
    let title = content(&page.title);
    let book = content(&language.title);
    let lang = string(language.code.as_str());
    let call = move |scale: f32| {
        format!(
            "#handout(book: {book}, lang: {lang}, title: {title}, summary: {summary}, {card}, body: {body}, scale: {scale})\n"
        )
    };
    (call, omissions)
}
