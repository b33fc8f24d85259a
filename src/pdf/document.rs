//! The main file of the handbook of one language: the template applied to the whole
//! document, then every page of the language in reading order as a chapter, with its
//! info card, its body and, for the comparison and glossary pages, the table and the
//! entries the HTML templates show.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::markup::{self, Body, Link, Omission, Target, escape, label, string};
use super::world::FileSource;
use super::{Cache, Parts, Templates, compile, output, pdf_bytes};
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::error::Result;
use crate::files::OutputFile;
use crate::load::FieldValue;
use crate::markdown::{LinkKind, LinkOutput};
use crate::model::url::{decode_percent, join_normalised};
use crate::model::{Page, Site, body_span};
use crate::render::{Theme, labels, strings};

/// Picture formats Typst can print.
const PICTURES: &[&str] = &["png", "jpg", "jpeg", "gif", "svg", "webp"];

/// The label of a page's chapter.
pub(super) fn chapter_label(page: &Page) -> String {
    label("c:", page.id.as_str())
}

/// What the labels of a page's headings and footnotes start with.
pub(super) fn prefix(page: &Page) -> String {
    format!("{}:", chapter_label(page))
}

/// Content with `text` escaped: `[…]`.
pub(super) fn content(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('[');
    escape(&mut out, text);
    out.push(']');
    out
}

/// Whether text in language `lang` gets our soft hyphens: Indonesian, which Typst
/// cannot hyphenate (`hyphenate.rs`).
pub(super) fn soft_hyphens(lang: &str) -> bool {
    lang == "id" || lang.starts_with("id-")
}

/// A field's value as content.
pub(super) fn field_value(value: &FieldValue, t: &crate::markdown::Labels, soft: bool) -> String {
    match value {
        FieldValue::Text(text) => format!("[{}]", markup::inline(text, t, soft)),
        FieldValue::List(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|i| format!("[{}]", markup::inline(i, t, soft)))
                .collect();
            format!("list({},)", items.join(", "))
        }
        FieldValue::Integer(n) => format!("[{n}]"),
        FieldValue::Bool(b) => format!("[{}]", if *b { "✓" } else { "✗" }),
        FieldValue::Page(id) => content(id),
    }
}

/// The label of the kind `kind` and (label, value) of every field `page` has, as
/// Typst arguments of `card`; `skip` names fields shown elsewhere.
pub(super) fn card_args(
    site: &Site,
    page: &Page,
    skip: &[&str],
    t: &crate::markdown::Labels,
) -> Option<String> {
    let kind = page.front.kind.as_ref()?;
    let def = site.config.kinds.get(&kind.value)?;
    let lang = page.lang.as_str();
    let kind_label = def.label.get(lang).unwrap_or(&kind.value);
    let mut fields = String::new();
    for (name, field) in &def.fields {
        // A field with `card = false` is not on the card, as on the site.
        if skip.contains(&name.as_str()) || !field.card {
            continue;
        }
        let Some(value) = page.front.fields.get(name) else {
            continue;
        };
        let shown = field.label.get(lang).unwrap_or(name);
        let value = match value {
            // A page field shows the title of the page it names, as the site's card does.
            FieldValue::Page(id) => {
                let named = |same_lang: bool| {
                    site.pages
                        .iter()
                        .find(|p| p.id.as_str() == id && (!same_lang || p.lang == page.lang))
                };
                content(
                    named(true)
                        .or_else(|| named(false))
                        .map_or(id, |p| &p.title),
                )
            }
            _ => field_value(value, t, soft_hyphens(lang)),
        };
        let _ = write!(fields, "({}, {}), ", content(shown), value);
    }
    Some(format!("kind: {}, fields: ({fields})", content(kind_label)))
}

/// Every page of a language the PDF holds, in reading order: all but unfinished
/// translations and pages for authors only (`audience: authors`).
pub(super) fn chapters(site: &Site, lang_index: usize) -> Vec<usize> {
    site.reading_order[lang_index]
        .iter()
        .copied()
        .filter(|&i| !site.pages[i].is_stub() && !site.pages[i].front.for_authors)
        .collect()
}

/// The links of `page` as they lead in the PDF: within the document to a chapter or a
/// heading, or out to the site online (with `base_url`), or nowhere. Pictures point at
/// their file in the document's world, which `pictures` collects.
pub(super) fn links<'a>(
    site: &'a Site,
    page: &'a Page,
    included: &HashSet<usize>,
    pictures: &mut Vec<(String, FileSource)>,
    broken: &mut Vec<Omission>,
) -> Vec<Link> {
    let base = site.config.base_url.as_deref();
    let online = |path: &str| match base {
        Some(base) => Target::Url(format!("{base}{path}")),
        None => Target::Text,
    };
    let dir = page.url.rsplit_once('/').map_or("", |(d, _)| d);
    let mut ids = HeadingIds::default();
    page.analysis
        .links
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let resolved = page.links.get(i);
            let fragment = |href: &str| href.split_once('#').map(|(_, f)| f.to_string());
            let mut link = Link {
                target: Target::Text,
                title: None,
                badge: None,
            };
            match (resolved, page.link_targets.get(i).copied().flatten()) {
                _ if raw.kind != LinkKind::Image && raw.dest.starts_with('#') => {
                    link.target = ids.target(page, &raw.dest[1..]);
                }
                (Some(LinkOutput::Href { href, title, badge }), Some(t)) => {
                    let target = &site.pages[t];
                    link.title = title.clone();
                    link.badge = badge.as_ref().map(|(code, _)| code.clone());
                    link.target = if included.contains(&t) {
                        ids.target(target, &fragment(href).unwrap_or_default())
                    } else {
                        let mut path = target.url.clone();
                        if let Some(f) = fragment(href) {
                            path.push('#');
                            path.push_str(&f);
                        }
                        online(&path)
                    };
                }
                (Some(LinkOutput::Href { href, title, .. }), None) => {
                    link.title = title.clone();
                    let path = href.split(['#', '?']).next().unwrap_or("");
                    let file = join_normalised(dir, &decode_percent(path));
                    let is_picture = |rel: &str| {
                        rel.rsplit_once('.')
                            .is_some_and(|(_, ext)| PICTURES.contains(&ext.to_ascii_lowercase().as_str()))
                    };
                    link.target = match file {
                        Some(rel) if raw.kind == LinkKind::Image => {
                            match site.statics.iter().find(|s| s.rel == rel) {
                                Some(s) if is_picture(&rel) && !opens(&s.source, &rel) => {
                                    broken.push(Omission {
                                        offset: raw.range.start,
                                        message: format!(
                                            "the picture `{rel}` does not open: its contents are not those of a {} file",
                                            rel.rsplit('.').next().unwrap_or("").to_ascii_uppercase()
                                        ),
                                    });
                                    Target::Text
                                }
                                Some(s) if is_picture(&rel) => {
                                    let at = format!("/content/{rel}");
                                    pictures.push((at.clone(), FileSource::Disk(s.source.clone())));
                                    Target::Image(at)
                                }
                                _ => Target::Text,
                            }
                        }
                        Some(rel) => online(&rel),
                        None => Target::Text,
                    };
                }
                _ if raw.kind != LinkKind::Image
                    && ["https://", "http://", "mailto:"]
                        .iter()
                        .any(|s| raw.dest.starts_with(s)) =>
                {
                    link.target = Target::Url(raw.dest.clone());
                }
                _ => {}
            }
            link
        })
        .collect()
}

/// The headings of the pages links lead to, by id, each page's made once: a page of
/// N links to its own headings costs N look-ups, not N × its headings (issue #24).
#[derive(Default)]
struct HeadingIds<'a>(HashMap<&'a str, HashMap<&'a str, usize>>);

impl<'a> HeadingIds<'a> {
    /// The label of heading `id` of `page` in the document; its chapter's for an id
    /// that is no heading there, and for the leading `# Title` the chapter heading
    /// stands for.
    fn target(&mut self, page: &'a Page, id: &str) -> Target {
        let headings = &page.analysis.headings;
        let by_id = self.0.entry(page.url.as_str()).or_insert_with(|| {
            // The first heading of an id wins, as a browser's `#id` finds it.
            let mut by_id = HashMap::with_capacity(headings.len());
            for (i, h) in headings.iter().enumerate() {
                by_id.entry(h.id.as_str()).or_insert(i);
            }
            by_id
        });
        let is_title = |i: usize| i == 0 && page.drop_leading_h1 && headings[0].level == 1;
        match by_id.get(id) {
            Some(&i) if !is_title(i) => Target::Label(label(&prefix(page), id)),
            _ => Target::Label(chapter_label(page)),
        }
    }
}

/// Whether the file at `path` starts as a picture of its extension must (a PNG's
/// signature, a JPEG's, …), so that a damaged or misnamed picture is an error at its
/// page before Typst reads it.
fn opens(path: &std::path::Path, rel: &str) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = &head[..n];
    match rel
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        Some("jpg" | "jpeg") => head.starts_with(&[0xFF, 0xD8, 0xFF]),
        Some("gif") => head.starts_with(b"GIF8"),
        Some("webp") => head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP"),
        Some("svg") => String::from_utf8_lossy(head).contains("<svg"),
        _ => false,
    }
}

/// How deep a page sits: the home page and sections at the top are chapters of level
/// 1, their pages of level 2, and so on.
fn level(site: &Site, index: usize) -> usize {
    let mut depth = 0;
    let mut up = site.pages[index].parent;
    while let Some(p) = up {
        depth += 1;
        up = site.pages[p].parent;
    }
    depth.max(1)
}

/// The handbook of language `lang_index` as the file `path`, and the warnings about
/// what it left out.
pub(super) fn handbook(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    lang_index: usize,
    path: String,
    cache: Cache<'_>,
) -> Result<(OutputFile, Vec<Diagnostic>)> {
    let language = &site.config.languages[lang_index];
    let lang = language.code.as_str();
    let t = strings(theme, lang);
    let get = |key: &str| t.get(key).cloned().unwrap_or_else(|| key.to_string());
    let chapters = chapters(site, lang_index);
    let included: HashSet<usize> = chapters.iter().copied().collect();
    let mut main = String::with_capacity(64 * 1024);
    // `[book] author`, `publisher`, `edition`: passed only when set, so that a
    // project's older `book.typ` without these parameters still works without them.
    let credits = &site.config.credits;
    let mut extra = String::new();
    if let Some(author) = &credits.author {
        let _ = write!(extra, ", author: {}", string(author));
    }
    for (key, value) in [
        ("publisher", &credits.publisher),
        ("edition", &credits.edition),
    ] {
        if let Some(value) = value {
            let _ = write!(extra, ", {key}: {}", content(value));
        }
    }
    let _ = writeln!(
        main,
        "#import {}: *\n#show: book.with(title: {}, description: {}, lang: {}, language: {}, contents: {}{extra})\n",
        string(&format!("/{}", site.config.pdf.template)),
        content(&language.title),
        content(&language.description),
        string(lang),
        content(&language.name),
        content(&get("contents")),
    );
    // A cross-reference on paper: ", hlm. 42" / ", p. 42" after the link (issue #30).
    let _ = writeln!(
        main,
        "#let page-ref(target) = context [, {}~#numbering(\"1\", ..counter(page).at(target))]\n",
        {
            let mut s = String::new();
            escape(&mut s, &get("pdf_page_abbr"));
            s
        }
    );
    let mut parts: Parts = vec![(0, None)];
    let mut pictures = Vec::new();
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for &i in &chapters {
        let page = &site.pages[i];
        parts.push((main.len(), page.path.clone()));
        let body_labels = labels(t, String::new());
        let level = level(site, i);
        let mut broken = Vec::new();
        let links = links(site, page, &included, &mut pictures, &mut broken);
        errors.extend(omitted(page, &broken).into_iter().map(|d| {
            Diagnostic::error(d.span, d.message)
                .with_help("replace the file, or save it again in that format")
        }));
        let _ = writeln!(
            main,
            "#chapter-break(level: {level})\n#heading(level: {level})[{}]<{}>\n",
            {
                let mut s = String::new();
                escape(&mut s, &page.title);
                s
            },
            chapter_label(page),
        );
        if let Some(summary) = &page.front.summary {
            let _ = writeln!(
                main,
                "#summary[{}]\n",
                markup::inline(summary, &body_labels, soft_hyphens(lang))
            );
        }
        if let Some(card) = card_args(site, page, &["handout"], &body_labels) {
            let _ = writeln!(main, "#card({card})\n");
        }
        if page.body().len() > MAX_TYPESET_BYTES {
            warnings.push(too_large(page));
            continue;
        }
        let prefix = prefix(page);
        let (body, omissions) = markup::to_typst(&Body {
            text: page.body(),
            headings: &page.analysis.headings,
            links: &links,
            labels: &body_labels,
            prefix: &prefix,
            level,
            drop_leading_h1: page.drop_leading_h1,
            page_refs: true,
            soft_hyphens: soft_hyphens(lang),
        });
        main.push_str(&body);
        main.push('\n');
        warnings.extend(omitted(page, &omissions));
        match page.front.template.as_ref().map(|t| t.value.as_str()) {
            Some("comparison.html") => {
                main.push_str(&comparison(site, page, &included, &get, &body_labels))
            }
            Some("glossary.html") => main.push_str(&glossary(site, page, &included, &body_labels)),
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(crate::error::Error::Content(errors));
    }
    // The same input as the previous build's, which gave no warning: its PDF.
    let key = Cache::key(&main, templates, &pictures, &path);
    if warnings.is_empty()
        && let Some((bytes, _)) = cache.reuse(&path, &key)
    {
        return Ok((output(path, bytes), warnings));
    }
    let what = format!("`{path}`");
    let document = compile(main, templates, pictures, &parts, &what)?;
    let at = crate::diagnostic::Span::file(crate::config::CONFIG_FILE);
    let bytes = pdf_bytes(&document, &path, &what, &at, &mut warnings)?;
    if warnings.is_empty() {
        cache.ledger.record(&path, &key, &bytes, "");
    }
    Ok((output(path, bytes), warnings))
}

/// The largest page body, in bytes, the PDF typesets: about 300 printed pages. A
/// larger page is left out of the PDF with a warning (its chapter heading stays, so
/// links to it still lead somewhere); the site and the EPUB keep it. Typesetting costs
/// memory in proportion: one page of 50 MB took 14.7 GB (issue #24).
pub(super) const MAX_TYPESET_BYTES: usize = 1 << 20;

/// The warning for a page left out of the PDF for its size.
fn too_large(page: &Page) -> Diagnostic {
    let span = crate::diagnostic::Span::new(page.path.clone().unwrap_or_default(), 1, 1);
    Diagnostic::warning(
        span,
        crate::msg!(
            "pdf-page-too-large",
            size = page.body().len() / 1024,
            limit = MAX_TYPESET_BYTES / 1024
        ),
    )
    .with_help(crate::help!())
}

/// Warnings at the places of a page's body that the PDF left out.
pub(super) fn omitted(page: &Page, omissions: &[Omission]) -> Vec<Diagnostic> {
    if omissions.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(&page.source);
    omissions
        .iter()
        .map(|o| Diagnostic::warning(body_span(page, &index, o.offset), o.message.clone()))
        .collect()
}

/// The page's link in the document: to its chapter when the PDF holds it.
fn page_link(site: &Site, index: usize, included: &HashSet<usize>) -> String {
    let page = &site.pages[index];
    let mut title = String::new();
    escape(&mut title, &page.title);
    match included.contains(&index) {
        true => format!("link(<{}>)[{title}]", chapter_label(page)),
        false => format!("[{title}]"),
    }
}

/// The pages of a kind in the page's language, in the order `pages_of_kind` gives.
fn kind_pages(site: &Site, lang_index: usize, kind: &str) -> Vec<usize> {
    let mut pages: Vec<usize> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.lang_index == lang_index && p.front.kind.as_ref().is_some_and(|k| k.value == kind)
        })
        .map(|(i, _)| i)
        .collect();
    crate::render::functions::sort_pages(site, &mut pages);
    pages
}

/// `#comparison(…)`: what `comparison.html` shows, from `extra: { kind, columns }`.
fn comparison(
    site: &Site,
    page: &Page,
    included: &HashSet<usize>,
    get: &dyn Fn(&str) -> String,
    t: &crate::markdown::Labels,
) -> String {
    let extra = page.front.extra.as_ref();
    let Some(kind) = extra.and_then(|e| e.get("kind")).and_then(|k| k.as_str()) else {
        return String::new();
    };
    let Some(def) = site.config.kinds.get(kind) else {
        return String::new();
    };
    let columns: Vec<&str> = extra
        .and_then(|e| e.get("columns"))
        .and_then(|c| c.as_array())
        .map(|c| c.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let lang = page.lang.as_str();
    let shown: Vec<(&String, &crate::config::FieldDef)> = def
        .fields
        .iter()
        .filter(|(name, _)| columns.is_empty() || columns.contains(&name.as_str()))
        .collect();
    let mut header = format!("{}, ", content(&get("comparison_name")));
    for (name, f) in &shown {
        let _ = write!(header, "{}, ", content(f.label.get(lang).unwrap_or(name)));
    }
    let mut rows = String::new();
    for i in kind_pages(site, page.lang_index, kind) {
        let p = &site.pages[i];
        let _ = write!(rows, "([#{}], ", page_link(site, i, included));
        for (name, _) in &shown {
            match p.front.fields.get(*name) {
                Some(v) => {
                    let _ = write!(rows, "{}, ", field_value(v, t, soft_hyphens(lang)));
                }
                None => rows.push_str("[], "),
            }
        }
        rows.push_str("),\n");
    }
    let mut caption = String::new();
    escape(&mut caption, &page.title);
    format!("#comparison(caption: [{caption}], header: ({header}), rows: ({rows}))\n\n")
}

/// `#glossary(…)`: what `glossary.html` shows. From `extra: { kind, field,
/// definition }` (every term of a list field of a kind, with its page's definition
/// field), else every term a page of the language defines in its own `extra.glossary`
/// (issue #30: the PDF printed only the glossary's introduction).
fn glossary(
    site: &Site,
    page: &Page,
    included: &HashSet<usize>,
    t: &crate::markdown::Labels,
) -> String {
    let extra = page.front.extra.as_ref();
    let get = |key: &str| extra.and_then(|e| e.get(key)).and_then(|v| v.as_str());
    let mut out = String::from("#glossary(entries: (\n");
    match (get("kind"), get("field")) {
        (Some(kind), Some(field)) => {
            let definition = get("definition");
            let entries =
                crate::render::functions::kind_field_terms(site, page.lang_index, kind, field);
            for (term, i) in entries {
                let p = &site.pages[i];
                let text = match definition.and_then(|d| p.front.fields.get(d)) {
                    Some(v) => field_value(v, t, soft_hyphens(page.lang.as_str())),
                    None => content(p.front.summary.as_deref().unwrap_or(&p.title)),
                };
                let _ = writeln!(
                    out,
                    "({}, {text}, [#{}]),",
                    content(term),
                    page_link(site, i, included)
                );
            }
        }
        _ => {
            for (i, entry) in crate::render::functions::glossary_list(site, page.lang_index) {
                let _ = writeln!(
                    out,
                    "({}, {}, [#{}]),",
                    content(entry.term),
                    content(entry.definition),
                    page_link(site, i, included)
                );
            }
        }
    }
    out.push_str("))\n\n");
    out
}
