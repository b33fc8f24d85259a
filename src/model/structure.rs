//! Sections, URLs and navigation of one language: each page's parent, children and
//! URL (from its folders, `slug:` or a name spelt out), and the reading order. No I/O.

use super::*;

/// The folder of a page below `content/<lang>/`: a section's own folder, or the folder
/// holding a page's file.
pub(crate) fn folder_of(page: &Page) -> &str {
    if page.is_section {
        page.rel
            .strip_suffix("_index")
            .unwrap_or("")
            .trim_end_matches('/')
    } else {
        page.rel.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// Gives every page of one language its URL, parent and ordered children; returns the
/// home page's index.
pub(super) fn structure_language(
    pages: &mut [Page],
    members: &[usize],
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let lang = pages[members[0]].lang.as_str().to_string();
    // folder -> section page
    let sections: HashMap<String, usize> = members
        .iter()
        .filter(|&&i| pages[i].is_section)
        .map(|&i| (folder_of(&pages[i]).to_string(), i))
        .collect();
    let home = sections.get("").copied().unwrap_or(members[0]);

    // URL of each folder: the slugs of its sections, or folder names.
    let mut folder_urls: HashMap<String, String> = HashMap::new();
    let url_of_folder = |folder: &str, folder_urls: &mut HashMap<String, String>| -> String {
        let mut acc = String::new();
        let mut path = String::new();
        for part in folder.split('/').filter(|p| !p.is_empty()) {
            if !path.is_empty() {
                path.push('/');
            }
            path.push_str(part);
            let seg = match folder_urls.get(&path) {
                Some(u) => u.rsplit('/').next().unwrap_or(part).to_string(),
                None => {
                    let seg = sections
                        .get(&path)
                        .and_then(|&s| pages[s].front.slug.as_ref().map(|s| s.value.clone()))
                        .unwrap_or_else(|| default_slug(part));
                    let full = if acc.is_empty() {
                        seg.clone()
                    } else {
                        format!("{acc}/{seg}")
                    };
                    folder_urls.insert(path.clone(), full);
                    seg
                }
            };
            if !acc.is_empty() {
                acc.push('/');
            }
            acc.push_str(&seg);
        }
        acc
    };
    let mut urls = Vec::with_capacity(members.len());
    for &i in members {
        let page = &pages[i];
        let url = if page.is_section {
            let dir = url_of_folder(folder_of(page), &mut folder_urls);
            join_url(&lang, &dir, "")
        } else {
            let (folder, stem) = page.rel.rsplit_once('/').unwrap_or(("", page.rel.as_str()));
            let dir = url_of_folder(folder, &mut folder_urls);
            let slug = page
                .front
                .slug
                .as_ref()
                .map_or_else(|| default_slug(stem), |s| s.value.clone());
            join_url(&lang, &dir, &slug)
        };
        urls.push(url);
    }
    for (&i, url) in members.iter().zip(urls) {
        pages[i].url = url;
    }

    // Parents: the nearest folder above with a section.
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in members {
        if i == home {
            continue;
        }
        let mut folder = if pages[i].is_section {
            folder_of(&pages[i])
                .rsplit_once('/')
                .map_or("", |(d, _)| d)
                .to_string()
        } else {
            folder_of(&pages[i]).to_string()
        };
        let parent = loop {
            if let Some(&s) = sections.get(&folder) {
                break s;
            }
            match folder.rsplit_once('/') {
                Some((up, _)) => folder = up.to_string(),
                None if folder.is_empty() => break home,
                None => folder.clear(),
            }
        };
        pages[i].parent = Some(parent);
        children.entry(parent).or_default().push(i);
    }
    for (parent, mut kids) in children {
        kids.sort_by(|&a, &b| nav_key(&pages[a]).cmp(&nav_key(&pages[b])));
        pages[parent].children = kids;
    }
    let _ = diagnostics;
    home
}

/// Navigation order: `order` first (pages without one after), then title, then path.
pub(super) fn nav_key(page: &Page) -> (i64, String, &str) {
    (
        page.front.order.unwrap_or(i64::MAX),
        page.title.to_lowercase(),
        &page.rel,
    )
}

pub(super) fn join_url(lang: &str, dir: &str, slug: &str) -> String {
    let mut url = String::from(lang);
    for part in [dir, slug] {
        if !part.is_empty() {
            url.push('/');
            url.push_str(part);
        }
    }
    url.push_str("/index.html");
    url
}

/// The URL segment for a file or folder name without a `slug:`. A name of signs only
/// (`!.md`, `[[.md`, valid on every system) is spelt out (`exclamation-mark`,
/// `open-bracket-open-bracket`), or, with signs beyond ASCII or very many, becomes
/// `page-` and a short fingerprint of the name: stable across builds and machines. A
/// name Windows keeps for a device (`con`, `nul`, `lpt1`) gets `-1` appended, so the
/// site can be unzipped there.
pub(super) fn default_slug(name: &str) -> String {
    let slug = match markdown::slugify(name) {
        s if s.is_empty() => spelt_out(name).unwrap_or_else(|| {
            // FNV-1a: the same 32 bits for the same name everywhere.
            let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            format!("page-{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
        }),
        s => s,
    };
    if paths::is_reserved_on_windows(&slug) {
        format!("{slug}-1")
    } else {
        slug
    }
}

/// A name of ASCII signs spelt out in words (`%` -> `percent`), if it is short enough.
pub(super) fn spelt_out(name: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for c in name.chars() {
        let word = match c {
            ' ' | '\t' => continue,
            '!' => "exclamation-mark",
            '"' => "quote",
            '#' => "hash",
            '$' => "dollar",
            '%' => "percent",
            '&' => "and",
            '\'' => "apostrophe",
            '(' => "open-paren",
            ')' => "close-paren",
            '*' => "star",
            '+' => "plus",
            ',' => "comma",
            '-' => "dash",
            '.' => "dot",
            ':' => "colon",
            ';' => "semicolon",
            '<' => "less-than",
            '=' => "equals",
            '>' => "greater-than",
            '?' => "question-mark",
            '@' => "at",
            '[' => "open-bracket",
            ']' => "close-bracket",
            '^' => "caret",
            '_' => "underscore",
            '`' => "backtick",
            '{' => "open-brace",
            '|' => "bar",
            '}' => "close-brace",
            '~' => "tilde",
            _ => return None,
        };
        words.push(word);
    }
    let spelt = words.join("-");
    (!spelt.is_empty() && spelt.len() <= 60).then_some(spelt)
}

/// Depth-first reading order from `home`.
pub(super) fn reading(pages: &[Page], home: usize) -> Vec<usize> {
    let mut order = Vec::new();
    let mut stack = vec![home];
    while let Some(i) = stack.pop() {
        order.push(i);
        stack.extend(pages[i].children.iter().rev());
    }
    order
}
