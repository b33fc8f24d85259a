//! `assets/nav-<lang>.js`: the sidebar of one language, rendered once per language
//! from its page tree (the home page and its children, depth first) and shipped as a
//! script string, so that a page's size does not grow with the size of the book.
//!
//! Input: the [`Site`] and a language. It must not depend on any one page: each page
//! marks its own place in the sidebar in the browser.

use serde::Serialize;

use super::{Compiled, OutputFile, incremental, render_template};
use crate::error::Result;
use crate::escape::js_string;
use crate::model::Site;

#[derive(Serialize)]
struct NavItem<'a> {
    title: &'a str,
    url: &'a str,
    href: &'a str,
    depth: usize,
    is_section: bool,
    opens: bool,
    closes: usize,
}

/// `assets/nav-<lang>.js`: the sidebar of one language, rendered once.
pub(super) fn navigation(
    site: &Site,
    theme: &Compiled<'_>,
    lang_index: usize,
    lang: &str,
) -> Result<OutputFile> {
    let home = site.homes[lang_index];
    // Depth-first with explicit depth; the home page itself is the first item.
    let mut items: Vec<NavItem<'_>> = Vec::new();
    let mut stack: Vec<(usize, usize)> = vec![(home, 0)];
    while let Some((i, depth)) = stack.pop() {
        let page = &site.pages[i];
        // The home page is the handbook: its title is the one in book.toml (#31).
        let title = match i == home {
            true => site.config.languages[lang_index].title.as_str(),
            false => page.title.as_str(),
        };
        items.push(NavItem {
            title,
            url: &page.url,
            href: &page.url,
            depth,
            is_section: page.is_section,
            opens: depth > 0 && !page.children.is_empty(),
            closes: 0,
        });
        // Pages for authors only (`audience: authors`) are not in the navigation.
        let children = page
            .children
            .iter()
            .rev()
            .filter(|&&c| !site.pages[c].front.for_authors);
        if i != home {
            stack.extend(children.map(|&c| (c, depth + 1)));
        } else {
            stack.extend(children.map(|&c| (c, 1)));
        }
    }
    // How many nested lists close after each item: the drop in depth to the next one.
    for k in 0..items.len() {
        let here = items[k].depth;
        let next = items.get(k + 1).map_or(1, |n| n.depth);
        let effective = if items[k].opens { here + 1 } else { here };
        items[k].closes = effective.saturating_sub(next.max(1));
        if k == 0 {
            items[k].closes = 0;
        }
    }
    #[derive(Serialize)]
    struct NavCtx<'a> {
        lang: &'a str,
        items: Vec<NavItem<'a>>,
    }
    let ctx = NavCtx { lang, items };
    let render = || -> Result<std::sync::Arc<str>> {
        let html = render_template(
            theme,
            "nav.html",
            &ctx,
            &crate::t!("template-what-navigation", lang = lang),
        )?;
        Ok(format!("window.panduanNav = {};\n", js_string(&html)).into())
    };
    let js = match theme.reuse.is_on() {
        false => render()?,
        true => incremental::navigation(theme, &ctx, render)?,
    };
    Ok(OutputFile::bytes(
        format!("assets/nav-{lang}.js"),
        js.as_bytes(),
    ))
}
