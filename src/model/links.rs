//! Link resolution: every Markdown link, `[[wikilink]]`, image and `related:` entry of
//! every page becomes a relative URL or a diagnostic. Lookups are hash maps built once,
//! so resolution is linear in the number of links.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::url::{decode_percent, join_normalised, relative};
use super::{Page, Site, body_span, folder_of};

/// The place of a link, computed only when a diagnostic needs it (building a page's
/// line index for every link was a measurable share of a build).
struct LinkSpan<'a> {
    page: &'a Page,
    offset: usize,
    index: &'a std::cell::OnceCell<LineIndex>,
}

impl LinkSpan<'_> {
    fn get(&self) -> Span {
        let index = self.index.get_or_init(|| LineIndex::new(&self.page.source));
        body_span(self.page, index, self.offset)
    }
}
use crate::diagnostic::{Diagnostic, LineIndex, Span, did_you_mean};
use crate::markdown::{LinkKind, LinkOutput, RawLink};

/// What resolution yields for one page.
pub(super) struct Resolved {
    pub links: Vec<LinkOutput>,
    /// Pages this page links to (deduplicated, sorted).
    pub targets: Vec<usize>,
    /// The page each link leads to, in link order (`None` for files, outside links and
    /// broken links).
    pub per_link: Vec<Option<usize>>,
    pub related: Vec<usize>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Indexes built once per site.
struct Lookup<'a> {
    site: &'a Site,
    /// (lang index, rel) -> page
    by_rel: HashMap<(usize, &'a str), usize>,
    /// (lang index, last id segment) -> pages
    by_tail: HashMap<(usize, &'a str), Vec<usize>>,
    /// Per language: every id and every `.md` path, for "did you mean".
    ids: Vec<Vec<&'a str>>,
    rels: Vec<Vec<String>>,
    statics: HashSet<&'a str>,
}

pub(super) fn resolve_all(site: &Site) -> Vec<Resolved> {
    let langs = site.config.languages.len();
    let mut lookup = Lookup {
        site,
        by_rel: HashMap::new(),
        by_tail: HashMap::new(),
        ids: vec![Vec::new(); langs],
        rels: vec![Vec::new(); langs],
        statics: site.statics.iter().map(|s| s.rel.as_str()).collect(),
    };
    for (i, page) in site.pages.iter().enumerate() {
        lookup
            .by_rel
            .insert((page.lang_index, page.rel.as_str()), i);
        let tail = page.id.as_str().rsplit('/').next().unwrap_or("");
        lookup
            .by_tail
            .entry((page.lang_index, tail))
            .or_default()
            .push(i);
        lookup.ids[page.lang_index].push(page.id.as_str());
        lookup.rels[page.lang_index].push(format!("{}.md", page.rel));
    }
    site.pages
        .par_iter()
        .enumerate()
        .map(|(i, page)| lookup.resolve_page(i, page))
        .collect()
}

/// A link's destination split into path and `#fragment`.
fn split_fragment(dest: &str) -> (&str, Option<&str>) {
    match dest.split_once('#') {
        Some((path, frag)) => (path, Some(frag)),
        None => (dest, None),
    }
}

fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    // A scheme: letters, digits, `+`, `-`, `.` before the first `:`, and no `/` before it.
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

impl Lookup<'_> {
    fn resolve_page(&self, index: usize, page: &Page) -> Resolved {
        let mut out = Resolved {
            links: Vec::with_capacity(page.analysis.links.len()),
            targets: Vec::new(),
            per_link: Vec::with_capacity(page.analysis.links.len()),
            related: Vec::new(),
            diagnostics: Vec::new(),
        };
        if page.analysis.links.is_empty() && page.front.related.is_empty() {
            return out;
        }
        let line_index = std::cell::OnceCell::new();
        for link in &page.analysis.links {
            let span = LinkSpan {
                page,
                offset: link.range.start,
                index: &line_index,
            };
            let resolved: (LinkOutput, Option<usize>) = match link.kind {
                LinkKind::Wiki { labelled } => {
                    self.wiki(index, page, link, labelled, &span, &mut out.diagnostics)
                }
                LinkKind::Markdown | LinkKind::Image => {
                    self.path_link(index, page, link, &span, &mut out.diagnostics)
                }
            };
            if let Some(t) = resolved.1 {
                out.targets.push(t);
            }
            out.per_link.push(resolved.1);
            out.links.push(resolved.0);
        }
        out.targets.sort_unstable();
        out.targets.dedup();
        for related in &page.front.related {
            let wanted = related.value.trim().trim_end_matches(".md");
            match self.find_by_id(page.lang_index, wanted) {
                Found::Here(t) => out.related.push(t),
                Found::Elsewhere(t) => {
                    out.diagnostics
                        .push(self.fallback_warning(related.span.clone(), wanted, t));
                    out.related.push(t);
                }
                Found::Nowhere => out.diagnostics.push(self.missing_page(
                    related.span.clone(),
                    wanted,
                    page.lang_index,
                )),
            }
        }
        out
    }

    fn wiki(
        &self,
        index: usize,
        page: &Page,
        link: &RawLink,
        labelled: bool,
        span: &LinkSpan<'_>,
        ds: &mut Vec<Diagnostic>,
    ) -> (LinkOutput, Option<usize>) {
        // In a table the `|` of `[[id|label]]` is written `\|`; the backslash stays in
        // the destination.
        let dest = link.dest.trim().trim_end_matches('\\');
        let (target, fragment) = split_fragment(dest);
        let target = target.trim().trim_end_matches(".md");
        let target_index = if target.is_empty() {
            Some(index)
        } else {
            match self.find_by_id(page.lang_index, target) {
                Found::Here(t) => Some(t),
                Found::Elsewhere(t) => {
                    ds.push(self.fallback_warning(span.get(), target, t));
                    Some(t)
                }
                Found::Nowhere => {
                    ds.push(self.missing_page(span.get(), target, page.lang_index));
                    None
                }
            }
        };
        match target_index {
            Some(t) => {
                self.check_anchor(t, fragment, span, ds);
                let title = (!labelled).then(|| self.site.pages[t].title.clone());
                (self.href(index, t, fragment, title), Some(t))
            }
            None => (LinkOutput::Keep, None),
        }
    }

    fn path_link(
        &self,
        index: usize,
        page: &Page,
        link: &RawLink,
        span: &LinkSpan<'_>,
        ds: &mut Vec<Diagnostic>,
    ) -> (LinkOutput, Option<usize>) {
        let dest = link.dest.trim();
        if link.kind == LinkKind::Image && link.text.trim().is_empty() {
            ds.push(
                Diagnostic::warning(span.get(), format!("the image `{dest}` has no alt text"))
                    .with_help("describe the picture for readers who cannot see it: `![a circle of chairs](circle.png)`"),
            );
        }
        if dest.is_empty() || is_external(dest) {
            return (LinkOutput::Keep, None);
        }
        let (path, fragment) = split_fragment(dest);
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        if path.is_empty() {
            // `#anchor` on this page
            self.check_anchor(index, fragment, span, ds);
            return (LinkOutput::Keep, None);
        }
        let lang = page.lang.as_str();
        let dir = format!("{lang}/{}", folder_of(page));
        let decoded = decode_percent(path);
        let Some(joined) = join_normalised(&dir, &decoded) else {
            ds.push(
                Diagnostic::error(
                    span.get(),
                    format!("the link `{dest}` points outside `content/`"),
                )
                .with_help("link to pages and files inside `content/`"),
            );
            return (LinkOutput::Keep, None);
        };
        let (first, rest) = joined.split_once('/').unwrap_or((joined.as_str(), ""));
        let target_lang = self
            .site
            .config
            .languages
            .iter()
            .position(|l| l.code.as_str() == first);

        if let Some(rel) = joined.strip_suffix(".md") {
            let rest = rest.strip_suffix(".md").unwrap_or(rest);
            let found = target_lang.and_then(|l| self.by_rel.get(&(l, rest)).copied());
            let found = match found {
                Some(t) => Some(t),
                None if target_lang == Some(page.lang_index) => {
                    // Only in another language?
                    let other = (0..self.site.config.languages.len())
                        .filter(|&l| l != page.lang_index)
                        .find_map(|l| self.by_rel.get(&(l, rest)).copied());
                    if let Some(t) = other {
                        ds.push(self.fallback_warning(span.get(), dest, t));
                    }
                    other
                }
                None => None,
            };
            return match found {
                Some(t) => {
                    self.check_anchor(t, fragment, span, ds);
                    (self.href(index, t, fragment, None), Some(t))
                }
                None => {
                    let wanted = format!("{}.md", rel.split_once('/').map_or(rel, |(_, r)| r));
                    let candidates = &self.rels[target_lang.unwrap_or(page.lang_index)];
                    let mut d = Diagnostic::error(
                        span.get(),
                        format!("the link target `{dest}` does not exist"),
                    );
                    if let Some(best) =
                        did_you_mean(&wanted, candidates.iter().map(String::as_str), 1).first()
                    {
                        d = d.with_help(format!("did you mean `content/{}/{best}`?", first));
                    } else {
                        d = d.with_help(format!(
                            "no page `content/{joined}`; links are relative to this file"
                        ));
                    }
                    ds.push(d);
                    (LinkOutput::Keep, None)
                }
            };
        }
        // A folder with a section?
        if let Some(l) = target_lang {
            let section_rel = if rest.is_empty() {
                "_index".to_string()
            } else {
                format!("{rest}/_index")
            };
            if let Some(&t) = self.by_rel.get(&(l, section_rel.as_str())) {
                self.check_anchor(t, fragment, span, ds);
                return (self.href(index, t, fragment, None), Some(t));
            }
        }
        if self.statics.contains(joined.as_str()) {
            let mut href = relative(&page.url, &joined);
            if let Some(f) = fragment {
                href.push('#');
                href.push_str(f);
            }
            let out = LinkOutput::Href {
                href,
                title: None,
                badge: None,
            };
            return (out, None);
        }
        ds.push(
            Diagnostic::error(span.get(), format!("the file `{dest}` does not exist")).with_help(
                format!("no file `content/{joined}`; links are relative to this page's file"),
            ),
        );
        (LinkOutput::Keep, None)
    }

    fn href(
        &self,
        from: usize,
        to: usize,
        fragment: Option<&str>,
        title: Option<String>,
    ) -> LinkOutput {
        let (from_page, to_page) = (&self.site.pages[from], &self.site.pages[to]);
        let mut href = relative(&from_page.url, &to_page.url);
        if let Some(f) = fragment.filter(|f| !f.is_empty()) {
            href.push('#');
            href.push_str(f);
        }
        let badge = (from_page.lang_index != to_page.lang_index).then(|| {
            let lang = &self.site.config.languages[to_page.lang_index];
            (lang.code.as_str().to_string(), lang.name.clone())
        });
        LinkOutput::Href { href, title, badge }
    }

    fn check_anchor(
        &self,
        target: usize,
        fragment: Option<&str>,
        span: &LinkSpan<'_>,
        ds: &mut Vec<Diagnostic>,
    ) {
        let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
            return;
        };
        let page = &self.site.pages[target];
        let wanted = decode_percent(fragment);
        if page.analysis.headings.iter().any(|h| h.id == wanted) {
            return;
        }
        let ids: Vec<&str> = page
            .analysis
            .headings
            .iter()
            .map(|h| h.id.as_str())
            .collect();
        let help = match did_you_mean(&wanted, ids.iter().copied(), 1).first() {
            Some(best) => format!("did you mean `#{best}`?"),
            None if ids.is_empty() => format!("`{}` has no headings", page.title),
            None => format!(
                "the anchors of `{}`: {}",
                page.title,
                ids.iter()
                    .take(10)
                    .map(|i| format!("`#{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        ds.push(
            Diagnostic::error(
                span.get(),
                format!("the anchor `#{wanted}` does not exist in `{}`", page.title),
            )
            .with_help(help),
        );
    }

    fn find_by_id(&self, lang: usize, wanted: &str) -> Found {
        let wanted = wanted.trim_matches('/');
        let id_match = |l: usize| -> Option<usize> {
            let by_id = self
                .site
                .translations
                .get(wanted)
                .and_then(|t| t.get(l).copied().flatten());
            by_id.or_else(|| match self.by_tail.get(&(l, wanted)).map(Vec::as_slice) {
                Some([only]) => Some(*only),
                _ => None,
            })
        };
        if let Some(t) = id_match(lang) {
            return Found::Here(t);
        }
        (0..self.site.config.languages.len())
            .filter(|&l| l != lang)
            .find_map(id_match)
            .map_or(Found::Nowhere, Found::Elsewhere)
    }

    fn fallback_warning(&self, span: Span, wanted: &str, target: usize) -> Diagnostic {
        let page = &self.site.pages[target];
        let lang = &self.site.config.languages[page.lang_index];
        Diagnostic::warning(
            span,
            format!(
                "`{wanted}` exists only in {} (`{}`); the link goes there",
                lang.name, lang.code
            ),
        )
        .with_help("translate that page to link within this language")
    }

    fn missing_page(&self, span: Span, wanted: &str, lang: usize) -> Diagnostic {
        let d = Diagnostic::error(span, format!("no page has the id `{wanted}`"));
        match did_you_mean(wanted, self.ids[lang].iter().copied(), 3).as_slice() {
            [] => d.with_help("a page id is its path below `content/<language>/` without `.md`, e.g. `group-types/therapy`"),
            found => d.with_help(format!(
                "did you mean {}?",
                found.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" or ")
            )),
        }
    }
}

enum Found {
    Here(usize),
    Elsewhere(usize),
    Nowhere,
}
