//! Every path the output will hold, known before anything is rendered: pages, notices
//! for untranslated pages, files copied from `content/` and the pages Panduan makes
//! itself. Checks that no two of them meet (also by upper/lower case only, which is
//! one file on Windows and macOS) and that each is a name Windows accepts, where
//! training laptops unzip the site. Pure: problems become diagnostics, so that a build
//! fails before it writes anything and `check` reports the same.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Page, Site, page_span, shown_path};
use crate::diagnostic::{Diagnostic, Span};
use crate::i18n::Msg;
use crate::{help, msg};

/// The longest output path (in characters, below the output folder) that stays clear
/// of Windows' 260-character limit once the folder is unzipped somewhere.
const MAX_PATH_CHARS: usize = 200;

impl Site {
    /// Where the notice for `page`, missing in language `lang_index`, is written: below
    /// the translation of its section when there is one, keeping the page's folders
    /// under that section (`en/guide/a/only-id/index.html`), else at the original's
    /// path in the other language's folder. Two untranslated pages with the same file
    /// name in different folders so get different notices.
    pub fn notice_url(&self, page: &Page, lang_index: usize) -> String {
        let code = self.config.languages[lang_index].code.as_str();
        let beside_section = page.parent.filter(|_| !page.is_section).and_then(|p| {
            let translated = self.translation(p, lang_index)?;
            let folder = dir_of(&self.pages[p].url);
            let below = page.url.strip_prefix(folder)?;
            Some(format!("{}{below}", dir_of(&self.pages[translated].url)))
        });
        beside_section.unwrap_or_else(|| {
            let rest = page
                .url
                .split_once('/')
                .map_or(page.url.as_str(), |(_, r)| r);
            format!("{code}/{rest}")
        })
    }
}

/// The folder part of an output path, with its final `/` (`en/guide/`).
fn dir_of(url: &str) -> &str {
    url.strip_suffix("index.html").unwrap_or(url)
}

/// What puts a file into the output.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// A page Panduan makes itself (the language chooser, a search page, …).
    Generated,
    Page(usize),
    /// A file of `content/` copied as it is (index into `Site::statics`).
    Static(usize),
    /// The notice for page `original`, missing in language `lang`.
    Notice {
        original: usize,
        lang: usize,
    },
}

/// Every output path of `site` but those of the theme's own files (below `assets/`),
/// generated pages first, so that a clash is reported at the author's file.
fn planned(site: &Site) -> Vec<(String, Owner)> {
    let mut out: Vec<(String, Owner)> = Vec::new();
    for name in ["index.html", "404.html"] {
        out.push((name.to_string(), Owner::Generated));
    }
    if site.config.base_url.is_some() {
        out.push(("sitemap.xml".to_string(), Owner::Generated));
    }
    for language in &site.config.languages {
        for name in ["search.html", "print.html", "downloads.html"] {
            out.push((format!("{}/{name}", language.code), Owner::Generated));
        }
    }
    out.extend(
        site.pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.url.clone(), Owner::Page(i))),
    );
    out.extend(
        site.statics
            .iter()
            .enumerate()
            .map(|(k, s)| (s.rel.clone(), Owner::Static(k))),
    );
    for slots in site.translations.values() {
        let Some(original) = slots.iter().flatten().next().copied() else {
            continue;
        };
        for (lang, slot) in slots.iter().enumerate() {
            if slot.is_none() {
                let url = site.notice_url(&site.pages[original], lang);
                out.push((url, Owner::Notice { original, lang }));
            }
        }
    }
    out
}

/// Checks every output path: no two the same (nor the same but for case), none in
/// the theme's `assets/` folder, and each one a path Windows can hold.
pub(super) fn check(site: &Site, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let planned = planned(site);
    // Pages that meet another page: the notices for their missing translations meet
    // too, which says nothing more (and would ask to translate them).
    let mut clashing: Vec<usize> = Vec::new();
    for (k, (path, owner)) in planned.iter().enumerate() {
        if let Owner::Static(_) = owner
            && path.starts_with("assets/")
        {
            diagnostics.push(
                Diagnostic::error(span(site, *owner), msg!("output-assets-folder"))
                    .with_help(help!()),
            );
            continue;
        }
        match seen.get(&path.to_lowercase()) {
            Some(&first) => {
                let pages = [planned[first].1, *owner];
                if let [Owner::Page(a), Owner::Page(b)] = pages {
                    clashing.extend([a, b]);
                }
                let follows = pages.iter().any(
                    |o| matches!(o, Owner::Notice { original, .. } if clashing.contains(original)),
                );
                if !follows {
                    diagnostics.push(clash(site, &planned[first], (path, *owner)));
                }
            }
            None => {
                seen.insert(path.to_lowercase(), k);
            }
        }
        if !matches!(owner, Owner::Generated | Owner::Notice { .. }) {
            diagnostics.extend(windows_problem(path).map(|problem| {
                Diagnostic::error(span(site, *owner), problem.message).with_help(match owner {
                    Owner::Page(_) => problem.help_page,
                    _ => problem.help_file,
                })
            }));
        }
    }
}

/// The place to report a problem of an output path: the author's file behind it.
fn span(site: &Site, owner: Owner) -> Span {
    match owner {
        Owner::Generated => Span::file("content"),
        Owner::Page(i) | Owner::Notice { original: i, .. } => page_span(&site.pages[i]),
        Owner::Static(k) => Span::file(PathBuf::from("content").join(&site.statics[k].rel)),
    }
}

/// How a message names what writes a path.
fn described(site: &Site, owner: Owner) -> Msg {
    match owner {
        Owner::Generated => msg!("owner-generated"),
        Owner::Page(i) => match shown_path(&site.pages[i]) {
            p if p.is_empty() => msg!("owner-home-page", lang = site.pages[i].lang.as_str()),
            p => msg!("owner-page", path = p),
        },
        Owner::Static(k) => msg!("owner-file", path = &site.statics[k].rel),
        Owner::Notice { original, lang } => msg!(
            "owner-notice",
            lang = site.config.languages[lang].code.as_str(),
            path = shown_path(&site.pages[original])
        ),
    }
}

/// The error for `second` meeting the path of `first`, reported at `second`; two pages
/// of which one sets its `slug:` are reported at that line ([`same_slug`]).
fn clash(site: &Site, first: &(String, Owner), second: (&String, Owner)) -> Diagnostic {
    let (first_path, first_owner) = first;
    let (path, owner) = second;
    if first_path == path
        && let (Owner::Page(a), Owner::Page(b)) = (*first_owner, owner)
        && let Some(d) = same_slug(site, b, a, path).or_else(|| same_slug(site, a, b, path))
    {
        return d;
    }
    let message = if first_path != path {
        msg!("output-path-case-clash", path = path, other = first_path)
    } else if matches!((first_owner, owner), (Owner::Page(_), Owner::Page(_))) {
        msg!("output-path-two-pages", path = path)
    } else {
        msg!("output-path-two-files", path = path)
    };
    let fix = match owner {
        Owner::Page(_) => msg!("clash-fix-page"),
        Owner::Static(_) => msg!("clash-fix-file"),
        Owner::Notice { .. } => msg!("clash-fix-notice"),
        Owner::Generated => msg!("clash-fix-generated"),
    };
    let what = match owner {
        Owner::Notice { lang, .. } => msg!(
            "clash-this-notice",
            lang = site.config.languages[lang].code.as_str()
        ),
        _ => msg!("clash-this"),
    };
    Diagnostic::error(span(site, owner), message).with_help(msg!(
        "clash-help",
        other = described(site, *first_owner),
        what = what,
        fix = fix
    ))
}

/// The error for page `this`, whose `slug:` gives it the output path `path` of page
/// `other`, at that `slug:` line; `None` when `this` sets no slug.
fn same_slug(site: &Site, this: usize, other: usize, path: &str) -> Option<Diagnostic> {
    let page = &site.pages[this];
    let slug = page.front.slug.as_ref()?;
    // A slug of its own to suggest: the file's name, unless that is the slug already.
    let stem = page.rel.rsplit('/').next().unwrap_or(&page.rel);
    let from_name = crate::markdown::slugify(stem);
    let fix = if from_name.is_empty() || from_name == slug.value || stem == "_index" {
        format!("{}-2", slug.value)
    } else {
        from_name
    };
    let line = page
        .source
        .lines()
        .nth(slug.span.line.get() as usize - 1)
        .unwrap_or_default();
    // At the key, where the author reads `slug:` (the value may be on the next line).
    let span = match line.find("slug") {
        Some(byte) => Span::new(
            slug.span.path.clone(),
            slug.span.line.get(),
            u32::try_from(line[..byte].chars().count() + 1).unwrap_or(1),
        ),
        None => slug.span.clone(),
    };
    Some(
        Diagnostic::error(
            span,
            msg!(
                "output-path-same-slug",
                slug = slug.value.as_str(),
                other = shown_path(&site.pages[other]),
                path = path,
                fix = fix
            ),
        )
        .with_help(help!())
        .with_line(line),
    )
}

/// Why Windows would refuse an output path.
#[derive(Debug, PartialEq, Eq)]
struct WindowsProblem {
    message: Msg,
    /// What to do when a page's URL is the problem.
    help_page: Msg,
    /// What to do when a copied file's name is.
    help_file: Msg,
}

/// Names Windows keeps for devices, with or without an extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether Windows keeps `name` (or `name` without its extensions) for a device.
pub(super) fn is_reserved_on_windows(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name).trim_end();
    RESERVED.contains(&base.to_lowercase().as_str())
}

/// Why Windows could not hold `path` (`/`-separated), in words, if it could not: for
/// paths the model does not plan (the theme's files, the entries of a zip).
pub fn windows_name_problem(path: &str) -> Option<String> {
    windows_problem(path).map(|p| format!("{}; {}", p.message, p.help_file))
}

/// The first reason Windows could not hold `path` (`/`-separated, below the output
/// folder), if any.
fn windows_problem(path: &str) -> Option<WindowsProblem> {
    let problem = |message: Msg, fix: Msg| WindowsProblem {
        message,
        help_page: msg!("windows-fix-page", fix = fix.clone()),
        help_file: fix,
    };
    for part in path.split('/') {
        if let Some(c) = part
            .chars()
            .find(|c| matches!(c, '<' | '>' | ':' | '"' | '\\' | '|' | '?' | '*') || c.is_control())
        {
            return Some(problem(
                msg!("windows-sign", name = part, sign = c),
                msg!("windows-sign-fix"),
            ));
        }
        if part.ends_with(['.', ' ']) {
            return Some(problem(
                msg!("windows-trailing-dot", name = part),
                msg!("windows-trailing-dot-fix"),
            ));
        }
        if is_reserved_on_windows(part) {
            let base = part.split('.').next().unwrap_or(part).trim_end();
            return Some(problem(
                msg!("windows-device-name", name = part),
                msg!(
                    "windows-device-name-fix",
                    name = part,
                    fix = format!("{base}-1")
                ),
            ));
        }
    }
    let length = path.chars().count();
    (length > MAX_PATH_CHARS).then(|| {
        problem(
            msg!("windows-path-too-long", path = path, length = length),
            msg!("windows-path-too-long-fix", limit = MAX_PATH_CHARS),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_refuses_signs_devices_trailing_dots_and_long_paths() {
        for ok in [
            "id/a/index.html",
            "id/con-1/index.html",
            "id/icon.png",
            "id/a b.png",
        ] {
            assert_eq!(windows_problem(ok), None, "{ok}");
        }
        for bad in [
            "id/a:b.png",
            "id/a?.png",
            "id/con/index.html",
            "id/gambar/NUL.txt",
            "id/lpt9.tar.gz",
            "id/a./b.png",
            "id/b.png ",
        ] {
            assert!(windows_problem(bad).is_some(), "{bad}");
        }
        let long = format!("id/{}/index.html", "a".repeat(MAX_PATH_CHARS));
        assert!(windows_problem(&long).is_some());
    }
}
