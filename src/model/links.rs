//! Link resolution: every Markdown link, `[[wikilink]]`, image and `related:` entry of
//! every page becomes a relative URL or a diagnostic. Lookups are hash maps built once,
//! so resolution is linear in the number of links.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::url::{decode_percent, encode_path, join_normalised, relative};
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
use crate::diagnostic::{Diagnostic, Level, LineIndex, Span, did_you_mean};
use crate::i18n::Msg;
use crate::markdown::{LinkKind, LinkOutput, RawLink};
use crate::{help, msg, t};

/// What to do with a link to what is not written yet: a missing page, file or heading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unfinished {
    /// An error (`build`, `check`): the build fails.
    #[default]
    Fail,
    /// A warning, and the link is marked on its page with what to do (`serve`): the
    /// preview goes on while the author writes.
    Mark,
}

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
    unfinished: Unfinished,
}

pub(super) fn resolve_all(site: &Site, unfinished: Unfinished) -> Vec<Resolved> {
    let langs = site.config.languages.len();
    let mut lookup = Lookup {
        site,
        by_rel: HashMap::new(),
        by_tail: HashMap::new(),
        ids: vec![Vec::new(); langs],
        rels: vec![Vec::new(); langs],
        statics: site.statics.iter().map(|s| s.rel.as_str()).collect(),
        unfinished,
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

/// What a link keeps after its target's path: `?query` and `#fragment`, as written.
#[derive(Clone, Copy)]
struct Suffix<'a> {
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl Suffix<'_> {
    /// `href` with the query, then the fragment (an empty fragment is left out).
    fn append(self, mut href: String) -> String {
        if let Some(q) = self.query {
            href.push('?');
            href.push_str(q);
        }
        if let Some(f) = self.fragment.filter(|f| !f.is_empty()) {
            href.push('#');
            href.push_str(f);
        }
        href
    }
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
                Found::Nowhere => {
                    let d = self.missing_page(related.span.clone(), wanted, page.lang_index);
                    out.diagnostics.push(self.unfinished_level(d));
                }
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
                    let d = self.missing_page(span.get(), target, page.lang_index);
                    let new = new_command(page.lang.as_str(), target);
                    return self.not_yet(page, d, msg!("unfinished-page", command = new), None, ds);
                }
            }
        };
        match target_index {
            Some(t) => {
                let title = (!labelled).then(|| self.site.pages[t].title.clone());
                let suffix = Suffix {
                    query: None,
                    fragment,
                };
                let out = self.href(index, t, suffix, title);
                self.anchored(page, t, fragment, span, out, ds)
            }
            None => (LinkOutput::Keep, None),
        }
    }

    /// A Markdown link or picture: a page by its `.md` file, a section by its folder,
    /// a file of `content/`, an anchor of this page, or anything outside (kept).
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
                Diagnostic::warning(span.get(), msg!("image-no-alt", image = dest))
                    .with_help(help!()),
            );
        }
        if dest.is_empty() || is_external(dest) {
            return (LinkOutput::Keep, None);
        }
        let (path, fragment) = split_fragment(dest);
        // `doc.pdf?page=2`: the file is `doc.pdf`; the query goes on to the output.
        let (path, query) = match path.split_once('?') {
            Some((path, query)) => (path, Some(query).filter(|q| !q.is_empty())),
            None => (path, None),
        };
        let suffix = Suffix { query, fragment };
        if path.is_empty() {
            // `#anchor` on this page
            return self.anchored(page, index, fragment, span, LinkOutput::Keep, ds);
        }
        let Some(target) = self.target_of(page, dest, path, span, ds) else {
            return (LinkOutput::Keep, None);
        };
        if target.joined.ends_with(".md") {
            return self.page_link(index, page, &target, suffix, span, ds);
        }
        // A folder with a section?
        if let Some(l) = target.lang {
            let section_rel = match target.rest.as_str() {
                "" => "_index".to_string(),
                rest => format!("{rest}/_index"),
            };
            if let Some(&t) = self.by_rel.get(&(l, section_rel.as_str())) {
                let out = self.href(index, t, suffix, None);
                return self.anchored(page, t, fragment, span, out, ds);
            }
        }
        self.file_link(page, &target, suffix, span, ds)
    }

    /// Where a link's path leads below `content/`, or `None` (with an error) when it
    /// climbs out.
    fn target_of(
        &self,
        page: &Page,
        dest: &str,
        path: &str,
        span: &LinkSpan<'_>,
        ds: &mut Vec<Diagnostic>,
    ) -> Option<Target> {
        let lang = page.lang.as_str();
        let decoded = decode_percent(path);
        // A leading `/` starts at the page's language folder, `content/<lang>/`.
        let is_absolute = decoded.starts_with('/');
        let joined = match decoded.strip_prefix('/') {
            Some(below) => join_normalised("", below).map(|j| match j.as_str() {
                "" => lang.to_string(),
                j => format!("{lang}/{j}"),
            }),
            None => join_normalised(&format!("{lang}/{}", folder_of(page)), &decoded),
        };
        let Some(joined) = joined else {
            let d = match is_absolute {
                true => Diagnostic::error(
                    span.get(),
                    msg!("link-above-language", link = dest, lang = lang),
                )
                .with_help(help!()),
                false => Diagnostic::error(span.get(), msg!("link-outside-content", link = dest))
                    .with_help(help!()),
            };
            ds.push(d);
            return None;
        };
        let (first, rest) = joined.split_once('/').unwrap_or((joined.as_str(), ""));
        let target_lang = self
            .site
            .config
            .languages
            .iter()
            .position(|l| l.code.as_str() == first);
        // Where the author's paths start, for the help of a missing target.
        let starts_at = match is_absolute {
            true => msg!("link-starts-at-language", lang = lang),
            false => msg!("link-starts-at-page"),
        };
        Some(Target {
            dest: dest.to_string(),
            path: path.to_string(),
            rest: rest.to_string(),
            lang: target_lang,
            is_absolute,
            starts_at,
            joined,
        })
    }

    /// A link to a page by its `.md` file: in this language, else in another one (with
    /// a warning), else a missing page.
    fn page_link(
        &self,
        index: usize,
        page: &Page,
        target: &Target,
        suffix: Suffix<'_>,
        span: &LinkSpan<'_>,
        ds: &mut Vec<Diagnostic>,
    ) -> (LinkOutput, Option<usize>) {
        let rest = target.rest.strip_suffix(".md").unwrap_or(&target.rest);
        let found = target
            .lang
            .and_then(|l| self.by_rel.get(&(l, rest)).copied());
        let found = match found {
            Some(t) => Some(t),
            None if target.lang == Some(page.lang_index) => {
                // Only in another language?
                let other = (0..self.site.config.languages.len())
                    .filter(|&l| l != page.lang_index)
                    .find_map(|l| self.by_rel.get(&(l, rest)).copied());
                if let Some(t) = other {
                    ds.push(self.fallback_warning(span.get(), &target.dest, t));
                }
                other
            }
            None => None,
        };
        if let Some(t) = found {
            let out = self.href(index, t, suffix, None);
            return self.anchored(page, t, suffix.fragment, span, out, ds);
        }
        let lang = page.lang.as_str();
        let rel = target.joined.strip_suffix(".md").unwrap_or(&target.joined);
        let wanted = format!("{}.md", rel.split_once('/').map_or(rel, |(_, r)| r));
        let in_lang = target.lang.unwrap_or(page.lang_index);
        let candidates = &self.rels[in_lang];
        let command = format!("panduan new content/{}", target.joined);
        let mut d = Diagnostic::error(span.get(), msg!("link-missing-page", link = &target.dest));
        if let Some(best) = did_you_mean(&wanted, candidates.iter().map(String::as_str), 1).first()
        {
            // What to write in this page, so that pasting it fixes the link.
            let code = self.site.config.languages[in_lang].code.as_str();
            let written = match target.is_absolute && in_lang == page.lang_index {
                true => format!("/{}", encode_path(best)),
                false => relative(
                    &format!("{lang}/{}.md", page.rel),
                    &format!("{code}/{best}"),
                ),
            };
            d = d.with_help(help!(
                "help-nearest",
                nearest = suffix.append(written),
                command = command.as_str()
            ));
        } else {
            d = d.with_help(help!(
                path = &target.joined,
                starts_at = target.starts_at.clone(),
                command = command.as_str()
            ));
        }
        self.not_yet(
            page,
            d,
            msg!("unfinished-page", command = command),
            None,
            ds,
        )
    }

    /// A link to a file of `content/`: of this language, else at the same path in
    /// another language (the default language first), so that one copy serves every
    /// language; else a missing file.
    fn file_link(
        &self,
        page: &Page,
        target: &Target,
        suffix: Suffix<'_>,
        span: &LinkSpan<'_>,
        ds: &mut Vec<Diagnostic>,
    ) -> (LinkOutput, Option<usize>) {
        let rest = target.rest.as_str();
        let file = std::iter::once(target.joined.clone())
            .chain(target.lang.into_iter().flat_map(|l| {
                let languages = &self.site.config.languages;
                (0..languages.len())
                    .filter(move |&k| k != l)
                    .map(move |k| format!("{}/{rest}", languages[k].code))
            }))
            .find(|candidate| self.statics.contains(candidate.as_str()));
        if let Some(file) = file {
            let href = suffix.append(relative(&page.url, &file));
            let out = LinkOutput::Href {
                href,
                title: None,
                badge: None,
            };
            return (out, None);
        }
        let elsewhere: Vec<String> = target
            .lang
            .map(|l| {
                let languages = &self.site.config.languages;
                (0..languages.len())
                    .filter(|&k| k != l)
                    .map(|k| format!("`content/{}/{rest}`", languages[k].code))
                    .collect()
            })
            .unwrap_or_default();
        let mut d = Diagnostic::error(span.get(), msg!("link-missing-file", link = &target.dest));
        // `/guide/x` for the page `guide/x.md`?
        let is_page = target
            .lang
            .is_some_and(|l| self.by_rel.contains_key(&(l, rest)));
        let (path, starts_at) = (&target.joined, target.starts_at.clone());
        d = match is_page {
            true => d.with_help(help!(
                "help-page",
                nearest = suffix.append(format!("{}.md", target.path.trim_end_matches('/')))
            )),
            false if elsewhere.is_empty() => d.with_help(help!(path = path, starts_at = starts_at)),
            false => d.with_help(help!(
                "help-elsewhere",
                path = path,
                elsewhere = elsewhere.join(", "),
                starts_at = starts_at
            )),
        };
        // The same case in another spelling (`Foto.JPG` for `foto.jpg`): names the real
        // file, since a web server tells them apart where a laptop does not.
        let mut note = msg!("unfinished-file", path = format!("content/{path}"));
        if let Some(real) = self.other_case(&target.joined) {
            let fix = case_as_in(&target.dest, &real);
            d = Diagnostic::error(
                span.get(),
                msg!("link-wrong-case", link = &target.dest, real = real),
            )
            .with_help(help!(fix = fix.as_str()));
            // The page says the same, not "put the file at…" (which would make a copy).
            note = msg!("unfinished-file-case", fix = fix);
        }
        self.not_yet(page, d, note, None, ds)
    }

    /// A file or page of `content/` whose path differs from `joined` only in upper and
    /// lower case, as the author should write it.
    fn other_case(&self, joined: &str) -> Option<String> {
        let lower = joined.to_lowercase();
        self.statics
            .iter()
            .copied()
            .find(|s| s.to_lowercase() == lower)
            .map(|s| format!("content/{s}"))
    }

    /// `out`, the link to page `target`, checked for its `#fragment`: a missing heading
    /// is an error, or in `serve` a warning with the link marked.
    fn anchored(
        &self,
        page: &Page,
        target: usize,
        fragment: Option<&str>,
        span: &LinkSpan<'_>,
        out: LinkOutput,
        ds: &mut Vec<Diagnostic>,
    ) -> (LinkOutput, Option<usize>) {
        let points_at = match out {
            LinkOutput::Href { .. } => Some(target),
            _ => None,
        };
        let Some((d, anchor)) = self.check_anchor(target, fragment, span) else {
            return (out, points_at);
        };
        let href = match &out {
            LinkOutput::Href { href, .. } => Some(href.clone()),
            _ => None,
        };
        let title = self.site.pages[target].title.as_str();
        let note = msg!("unfinished-anchor", anchor = anchor, title = title);
        match self.unfinished {
            Unfinished::Fail => {
                ds.push(d);
                (out, points_at)
            }
            Unfinished::Mark => (self.not_yet(page, d, note, href, ds).0, points_at),
        }
    }

    /// Reports `d`, a link to what is not written yet: an error and the link left as
    /// written; in `serve`, a warning and the link marked with `note`, in the page's
    /// language.
    fn not_yet(
        &self,
        page: &Page,
        d: Diagnostic,
        note: Msg,
        href: Option<String>,
        ds: &mut Vec<Diagnostic>,
    ) -> (LinkOutput, Option<usize>) {
        ds.push(self.unfinished_level(d));
        match self.unfinished {
            Unfinished::Fail => (LinkOutput::Keep, None),
            Unfinished::Mark => {
                let lang = crate::i18n::Lang::from_code(page.lang.as_str())
                    .unwrap_or_else(crate::i18n::current);
                let out = LinkOutput::Unfinished {
                    href,
                    note: note.format_in(lang),
                    lang: lang.code().to_string(),
                };
                (out, None)
            }
        }
    }

    /// `d` as the mode says: an error, or in `serve` a warning.
    fn unfinished_level(&self, mut d: Diagnostic) -> Diagnostic {
        if self.unfinished == Unfinished::Mark {
            d.level = Level::Warning;
        }
        d
    }

    fn href(
        &self,
        from: usize,
        to: usize,
        suffix: Suffix<'_>,
        title: Option<String>,
    ) -> LinkOutput {
        let (from_page, to_page) = (&self.site.pages[from], &self.site.pages[to]);
        let href = suffix.append(relative(&from_page.url, &to_page.url));
        let badge = (from_page.lang_index != to_page.lang_index).then(|| {
            let lang = &self.site.config.languages[to_page.lang_index];
            (lang.code.as_str().to_string(), lang.name.clone())
        });
        LinkOutput::Href { href, title, badge }
    }

    /// The error of a `#fragment` that names no heading of page `target`, with the
    /// anchor as the author wrote it (decoded); `None` when it is there.
    fn check_anchor(
        &self,
        target: usize,
        fragment: Option<&str>,
        span: &LinkSpan<'_>,
    ) -> Option<(Diagnostic, String)> {
        let fragment = fragment.filter(|f| !f.is_empty())?;
        let page = &self.site.pages[target];
        let wanted = decode_percent(fragment);
        if page.analysis.headings.iter().any(|h| h.id == wanted) {
            return None;
        }
        let ids: Vec<&str> = page
            .analysis
            .headings
            .iter()
            .map(|h| h.id.as_str())
            .collect();
        let help = match did_you_mean(&wanted, ids.iter().copied(), 1).first() {
            Some(best) => help!("help-nearest", nearest = *best),
            None if ids.is_empty() => help!("help-no-headings"),
            None => help!(
                anchors = ids
                    .iter()
                    .take(10)
                    .map(|i| format!("`#{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let d = Diagnostic::error(
            span.get(),
            msg!("anchor-missing", anchor = &wanted, title = &page.title),
        )
        .with_help(help);
        Some((d, wanted))
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
            msg!(
                "link-other-language",
                link = wanted,
                language = &lang.name,
                lang = lang.code.as_str()
            ),
        )
        .with_help(help!())
    }

    fn missing_page(&self, span: Span, wanted: &str, lang: usize) -> Diagnostic {
        let code = self.site.config.languages[lang].code.as_str();
        let d = Diagnostic::error(
            span,
            msg!(
                "page-id-missing",
                id = wanted,
                command = new_command(code, wanted)
            ),
        );
        let ids = &self.ids[lang];
        // The last part of an id is enough where it is unique (`[[therapy]]`), so a
        // short link is compared with those too.
        let tails = ids.iter().filter_map(|id| {
            let (_, tail) = id.rsplit_once('/')?;
            let unique = self
                .by_tail
                .get(&(lang, tail))
                .is_some_and(|pages| pages.len() == 1);
            unique.then_some(tail)
        });
        let mut pages = HashSet::new();
        let found: Vec<&str> = did_you_mean(wanted, ids.iter().copied().chain(tails), 6)
            .into_iter()
            // A page once, by its first (nearest) name.
            .filter(|name| match self.find_by_id(lang, name) {
                Found::Here(t) => pages.insert(t),
                _ => true,
            })
            .take(3)
            .collect();
        if !found.is_empty() {
            let or = format!(" {} ", t!("word-or"));
            return d.with_help(help!(
                "help-nearest",
                nearest = found
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(&or)
            ));
        }
        // An example from this handbook, preferably one with a folder.
        let example = ids
            .iter()
            .find(|id| id.contains('/'))
            .or_else(|| ids.iter().find(|id| !id.is_empty()));
        match example {
            Some(id) => d.with_help(help!("help-example", example = *id)),
            None => d.with_help(help!()),
        }
    }
}

/// Where a Markdown link's path leads, below `content/`.
struct Target {
    /// The destination as written.
    dest: String,
    /// Its path, without `?query` and `#fragment`.
    path: String,
    /// The path below `content/`, starting with a language folder (`id/a/b.md`).
    joined: String,
    /// `joined` without its first folder.
    rest: String,
    /// The language of that first folder, if it is one.
    lang: Option<usize>,
    /// Whether the path started with `/` (at the page's language folder).
    is_absolute: bool,
    /// Where the author's paths start, for the help of a missing target.
    starts_at: Msg,
}

/// The command that creates page `id` of language `lang`, ready to paste.
fn new_command(lang: &str, id: &str) -> String {
    format!("panduan new content/{lang}/{}.md", id.trim_matches('/'))
}

enum Found {
    Here(usize),
    Elsewhere(usize),
    Nowhere,
}

/// The link `dest` written with the upper and lower case of the file `real` that it
/// names: each of its last names that differs from the file's only in case takes the
/// file's (`gambar/foto.jpg` for `content/id/gambar/Foto.JPG` gives `gambar/Foto.JPG`).
fn case_as_in(dest: &str, real: &str) -> String {
    let (path, rest) = dest
        .find(['#', '?'])
        .map_or((dest, ""), |at| dest.split_at(at));
    let mut names: Vec<&str> = path.split('/').collect();
    let mut real_names = real.rsplit('/');
    for name in names.iter_mut().rev() {
        match real_names.next() {
            Some(r) if r != *name && r.to_lowercase() == name.to_lowercase() => *name = r,
            Some(r) if r == *name => {}
            _ => break,
        }
    }
    format!("{}{rest}", names.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ModelOptions;

    const BOOK: &str = "[languages.id]\nname = \"Bahasa Indonesia\"\ntitle = \"Panduan\"\n\n\
                        [languages.en]\nname = \"English\"\ntitle = \"Handbook\"\n";

    /// The pages and files every test site has besides the page under test.
    const BASE: &[(&str, &str)] = &[
        (
            "content/id/concepts/role.md",
            "---\ntitle: Peran\n---\n## Definisi\n\n## Contoh kasus\n",
        ),
        (
            "content/en/concepts/role.md",
            "---\ntitle: Role\n---\n## Definition\n",
        ),
        (
            "content/id/group-types/therapy.md",
            "---\ntitle: Terapi\n---\nTeks.\n",
        ),
        (
            "content/id/group-types/_index.md",
            "---\ntitle: Jenis kelompok\n---\n",
        ),
        (
            "content/en/only-english.md",
            "---\ntitle: Only in English\n---\n## Why\n",
        ),
        ("content/id/a/intro.md", "---\ntitle: Pengantar A\n---\n"),
        ("content/id/b/intro.md", "---\ntitle: Pengantar B\n---\n"),
        ("content/id/images/circle.png", "not really a png"),
        ("content/id/group-types/form.pdf", "not really a pdf"),
    ];

    /// The page under test; its links climb to `concepts/`, stay in `group-types/`, or
    /// cross to `en/`.
    const FROM: &str = "content/id/group-types/from.md";

    /// The model of a book written to a temporary folder (`files`: paths below the project
    /// with their text), and its diagnostics. The one place a test builds a site.
    fn site_of(files: &[(&str, &str)]) -> (Site, Vec<Diagnostic>) {
        site_with(files, ModelOptions::default())
    }

    /// [`site_of`] with model options.
    fn site_with(files: &[(&str, &str)], options: ModelOptions) -> (Site, Vec<Diagnostic>) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (path, text) in files {
            let path = dir.path().join(path);
            let parent = path.parent().expect("a file has a folder");
            std::fs::create_dir_all(parent).expect("the folder can be made");
            std::fs::write(&path, text).expect("the file can be written");
        }
        let config = crate::config::read(dir.path(), &Default::default()).expect("a valid book");
        let loaded = crate::load::content(&config, &crate::load::Reuse::default())
            .expect("content/ can be read");
        crate::model::site(config, loaded, options, &crate::model::Reuse::default())
    }

    /// A site with the page under test, and every diagnostic of the site, as printed.
    struct Outcome {
        site: Site,
        page: usize,
        diagnostics: Vec<String>,
    }

    impl Outcome {
        /// What each link of the page under test becomes, in link order.
        fn links(&self) -> &[LinkOutput] {
            &self.site.pages[self.page].links
        }

        /// The title of the page each link leads to, in link order.
        fn targets(&self) -> Vec<Option<&str>> {
            self.site.pages[self.page]
                .link_targets
                .iter()
                .map(|t| t.map(|t| self.site.pages[t].title.as_str()))
                .collect()
        }
    }

    /// Builds [`BASE`] plus the page under test, whose front matter has a title and
    /// `extra_front`, then `body` (so the body starts on line 4 plus the extra lines).
    fn resolve_with(extra_front: &str, body: &str) -> Outcome {
        let text = format!("---\ntitle: Dari\n{extra_front}---\n{body}");
        let mut files = BASE.to_vec();
        files.push((FROM, &text));
        files.push(("book.toml", BOOK));
        let (site, diagnostics) = site_of(&files);
        let page = site
            .pages
            .iter()
            .position(|p| p.lang.as_str() == "id" && p.rel == "group-types/from")
            .expect("the page under test is in the site");
        Outcome {
            site,
            page,
            diagnostics: diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    /// [`resolve_with`] a front matter of only a title: the body starts on line 4.
    fn resolve(body: &str) -> Outcome {
        resolve_with("", body)
    }

    /// A link to a page or file of the same language, shown with its own text.
    fn href(href: &str) -> LinkOutput {
        LinkOutput::Href {
            href: href.into(),
            title: None,
            badge: None,
        }
    }

    /// A wikilink without a label, shown with the target's title.
    fn titled(href: &str, title: &str) -> LinkOutput {
        LinkOutput::Href {
            href: href.into(),
            title: Some(title.into()),
            badge: None,
        }
    }

    /// A link that falls back to (or points at) the English page, marked with a badge.
    fn in_english(href: &str, title: Option<&str>) -> LinkOutput {
        LinkOutput::Href {
            href: href.into(),
            title: title.map(str::to_string),
            badge: Some(("en".into(), "English".into())),
        }
    }

    const NONE: [&str; 0] = [];

    #[test]
    fn a_link_takes_the_case_of_the_file_it_names() {
        assert_eq!(
            case_as_in("gambar/foto.jpg", "content/id/gambar/Foto.JPG"),
            "gambar/Foto.JPG"
        );
        assert_eq!(
            case_as_in("../Shared/foto.jpg#x", "content/shared/Foto.jpg"),
            "../shared/Foto.jpg#x"
        );
    }

    #[test]
    fn relative_md_links_climb_with_dot_dot_and_name_the_target_file() {
        let out = resolve(
            "[a](../concepts/role.md) [b](therapy.md) [c](./therapy.md) [d](../group-types/../concepts/role.md)\n",
        );
        assert_eq!(out.diagnostics, NONE);
        assert_eq!(
            out.links(),
            [
                href("../../concepts/role/index.html"),
                href("../therapy/index.html"),
                href("../therapy/index.html"),
                href("../../concepts/role/index.html"),
            ]
        );
        assert_eq!(
            out.targets(),
            [Some("Peran"), Some("Terapi"), Some("Terapi"), Some("Peran")]
        );
        let links_to: Vec<&str> = out.site.pages[out.page]
            .links_to
            .iter()
            .map(|&t| out.site.pages[t].title.as_str())
            .collect();
        assert_eq!(links_to, ["Peran", "Terapi"], "each target once, sorted");
    }

    #[test]
    fn anchors_are_checked_against_the_target_headings() {
        let out = resolve(concat!(
            "[a](../concepts/role.md#definisi) [b](../concepts/role.md#contoh-kasus)\n\n",
            "[c](#sini)\n\n## Sini\n\n",
            "[d](../concepts/role.md#defnisi) [e](#situ) [f](therapy.md#x)\n",
        ));
        assert_eq!(
            out.links(),
            [
                href("../../concepts/role/index.html#definisi"),
                href("../../concepts/role/index.html#contoh-kasus"),
                LinkOutput::Keep,
                href("../../concepts/role/index.html#defnisi"),
                LinkOutput::Keep,
                href("../therapy/index.html#x"),
            ]
        );
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:10:1: error: the anchor `#defnisi` does not exist in `Peran`\n  = help: did you mean `#definisi`?",
                "content/id/group-types/from.md:10:34: error: the anchor `#situ` does not exist in `Dari`\n  = help: did you mean `#sini`?",
                "content/id/group-types/from.md:10:45: error: the anchor `#x` does not exist in `Terapi`\n  = help: `Terapi` has no headings",
            ]
        );
    }

    #[test]
    fn wikilinks_find_pages_by_full_id_or_unique_last_part() {
        let out = resolve(concat!(
            "[[concepts/role]] [[role]] [[concepts/role|peran itu]] [[role#contoh-kasus]]\n\n",
            "[[group-types/therapy.md]] [[therapy]] [[#sini]]\n\n## Sini\n",
        ));
        assert_eq!(out.diagnostics, NONE);
        assert_eq!(
            out.links(),
            [
                titled("../../concepts/role/index.html", "Peran"),
                titled("../../concepts/role/index.html", "Peran"),
                href("../../concepts/role/index.html"),
                titled("../../concepts/role/index.html#contoh-kasus", "Peran"),
                titled("../therapy/index.html", "Terapi"),
                titled("../therapy/index.html", "Terapi"),
                titled("index.html#sini", "Dari"),
            ]
        );
    }

    #[test]
    fn an_ambiguous_last_part_is_not_guessed() {
        let out = resolve("[[intro]] [[a/intro]]\n");
        assert_eq!(
            out.links(),
            [
                LinkOutput::Keep,
                titled("../../a/intro/index.html", "Pengantar A")
            ]
        );
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:4:1: error: no page has the id `intro`\n  = help: did you mean `a/intro` or `b/intro`? If that page is not written yet: `panduan new content/id/intro.md`",
            ]
        );
    }

    #[test]
    fn a_page_only_in_the_other_language_is_linked_with_a_badge_and_a_warning() {
        let out = resolve(concat!(
            "[[only-english]] [[only-english|why]] [a](../only-english.md#why)\n\n",
            "[b](../../en/concepts/role.md#definition)\n",
        ));
        assert_eq!(
            out.links(),
            [
                in_english(
                    "../../../en/only-english/index.html",
                    Some("Only in English")
                ),
                in_english("../../../en/only-english/index.html", None),
                in_english("../../../en/only-english/index.html#why", None),
                in_english("../../../en/concepts/role/index.html#definition", None),
            ]
        );
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:4:1: warning: `only-english` exists only in English (`en`); the link goes there\n  = help: translate that page to link within this language",
                "content/id/group-types/from.md:4:18: warning: `only-english` exists only in English (`en`); the link goes there\n  = help: translate that page to link within this language",
                "content/id/group-types/from.md:4:39: warning: `../only-english.md#why` exists only in English (`en`); the link goes there\n  = help: translate that page to link within this language",
            ]
        );
    }

    #[test]
    fn missing_targets_are_errors_that_suggest_the_nearest_page() {
        let out = resolve(concat!(
            "[a](terapy.md) [b](../konsep/zzz.md) [[concepts/rol]] [[zzzzzz]]\n\n",
            "[c](../../../outside.md)\n",
        ));
        assert_eq!(out.links(), vec![LinkOutput::Keep; 5]);
        assert_eq!(out.targets(), vec![None; 5]);
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:4:1: error: the link target `terapy.md` does not exist\n  = help: did you mean `therapy.md`? If that page is not written yet: `panduan new content/id/group-types/terapy.md`",
                "content/id/group-types/from.md:4:16: error: the link target `../konsep/zzz.md` does not exist\n  = help: no page `content/id/konsep/zzz.md`; links are relative to this page's file; to write it: `panduan new content/id/konsep/zzz.md`",
                "content/id/group-types/from.md:4:38: error: no page has the id `concepts/rol`\n  = help: did you mean `concepts/role`? If that page is not written yet: `panduan new content/id/concepts/rol.md`",
                "content/id/group-types/from.md:4:55: error: no page has the id `zzzzzz`\n  = help: a page id is its path below `content/<language>/` without `.md`, e.g. `a/intro`; to write this page: `panduan new content/id/zzzzzz.md`",
                "content/id/group-types/from.md:6:1: error: the link `../../../outside.md` points outside `content/`\n  = help: link to pages and files inside `content/`",
            ]
        );
    }

    #[test]
    fn images_and_files_link_to_their_copy_in_the_output() {
        let out = resolve(concat!(
            "![a circle](../images/circle.png) [form](form.pdf#page=2) ![](../images/circle.png)\n\n",
            "[gone](gone.pdf) ![gone](../images/gone.png)\n\n",
            "[web](https://example.org/x.md) [mail](mailto:a@example.org) [[group-types]] [s](./)\n",
        ));
        assert_eq!(
            out.links(),
            [
                href("../../images/circle.png"),
                href("../form.pdf#page=2"),
                href("../../images/circle.png"),
                LinkOutput::Keep,
                LinkOutput::Keep,
                LinkOutput::Keep,
                LinkOutput::Keep,
                titled("../index.html", "Jenis kelompok"),
                href("../index.html"),
            ]
        );
        assert_eq!(
            out.targets(),
            [
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some("Jenis kelompok"),
                Some("Jenis kelompok")
            ]
        );
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:4:59: warning: the image `../images/circle.png` has no alt text\n  = help: describe the picture for readers who cannot see it: `![a circle of chairs](circle.png)`",
                "content/id/group-types/from.md:6:1: error: the file `gone.pdf` does not exist\n  = help: no file `content/id/group-types/gone.pdf` (nor `content/en/group-types/gone.pdf`); links are relative to this page's file",
                "content/id/group-types/from.md:6:18: error: the file `../images/gone.png` does not exist\n  = help: no file `content/id/images/gone.png` (nor `content/en/images/gone.png`); links are relative to this page's file",
            ]
        );
    }

    #[test]
    fn related_pages_resolve_like_wikilinks() {
        let out = resolve_with("related: [role, only-english, nothing-here]\n", "");
        let page = &out.site.pages[out.page];
        let related: Vec<&str> = page
            .related
            .iter()
            .map(|&r| out.site.pages[r].title.as_str())
            .collect();
        assert_eq!(related, ["Peran", "Only in English"]);
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:3:10: error: no page has the id `nothing-here`\n  = help: a page id is its path below `content/<language>/` without `.md`, e.g. `a/intro`; to write this page: `panduan new content/id/nothing-here.md`",
                "content/id/group-types/from.md:3:10: warning: `only-english` exists only in English (`en`); the link goes there\n  = help: translate that page to link within this language",
            ]
        );
    }

    #[test]
    fn backlinks_are_the_inverse_of_links() {
        let out = resolve("[[role]] [again](../concepts/role.md) [[therapy]]\n");
        let role = out
            .site
            .pages
            .iter()
            .position(|p| p.lang.as_str() == "id" && p.rel == "concepts/role")
            .expect("the role page");
        assert_eq!(out.site.pages[role].backlinks, [out.page]);
    }

    /// The page under test with `body`, resolved as `serve` does.
    fn resolve_marked(body: &str) -> Outcome {
        let text = format!("---\ntitle: Dari\n---\n{body}");
        let mut files = BASE.to_vec();
        files.push((FROM, &text));
        files.push(("book.toml", BOOK));
        let options = ModelOptions {
            unfinished: Unfinished::Mark,
            ..ModelOptions::default()
        };
        let (site, diagnostics) = site_with(&files, options);
        let page = site
            .pages
            .iter()
            .position(|p| p.lang.as_str() == "id" && p.rel == "group-types/from")
            .expect("the page under test is in the site");
        Outcome {
            site,
            page,
            diagnostics: diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    /// Issue #26: in `serve`, what is not written yet is a warning, and the link is
    /// marked in the page's language (Indonesian here) with what to do.
    #[test]
    fn in_serve_links_to_what_is_not_written_yet_are_marked_in_the_pages_language() {
        let out = resolve_marked(
            "[a](posyandu.md) ![b](../images/gone.png) [c](../concepts/role.md#nanti) [[belum]]\n",
        );
        let marked = |href: Option<&str>, note: &str| LinkOutput::Unfinished {
            href: href.map(str::to_string),
            note: note.into(),
            lang: "id".into(),
        };
        assert_eq!(
            out.links(),
            [
                marked(
                    None,
                    "belum ditulis; untuk memulainya: panduan new content/id/group-types/posyandu.md"
                ),
                marked(
                    None,
                    "file ini belum ada; simpan filenya di content/id/images/gone.png"
                ),
                marked(
                    Some("../../concepts/role/index.html#nanti"),
                    "“Peran” belum memiliki judul bagian #nanti"
                ),
                marked(
                    None,
                    "belum ditulis; untuk memulainya: panduan new content/id/belum.md"
                ),
            ]
        );
        assert!(
            out.diagnostics.iter().all(|d| d.contains(": warning: ")),
            "{:?}",
            out.diagnostics
        );
        assert_eq!(out.diagnostics.len(), 4, "{:?}", out.diagnostics);
        // The same links fail a build.
        let out = resolve(
            "[a](posyandu.md) ![b](../images/gone.png) [c](../concepts/role.md#nanti) [[belum]]\n",
        );
        assert!(out.diagnostics.iter().all(|d| d.contains(": error: ")));
        assert_eq!(out.diagnostics.len(), 4);
    }

    /// Issue #26: `Foto.JPG` linked as `foto.jpg` works on Windows and fails on the
    /// server; the error names the real file.
    #[test]
    fn a_link_whose_case_differs_from_the_file_names_the_real_file() {
        let out = resolve("![Lingkaran](../images/Circle.PNG)\n");
        assert_eq!(
            out.diagnostics,
            [
                "content/id/group-types/from.md:4:1: error: the file `../images/Circle.PNG` is called `content/id/images/circle.png`: the capital letters differ\n  = help: write the link as `../images/circle.png`, exactly as the file is called: Windows treats the two spellings as one file, but a web server does not, and the link would be broken once published"
            ]
        );
    }
}
