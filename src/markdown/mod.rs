//! Markdown as pulldown-cmark events: analysis (headings, links) and HTML.
//!
//! Two passes over the same text with the same options see the same events in the same
//! order: [`analyse`] collects headings and links so the model can resolve them, and
//! [`to_html`] renders with the resolved links substituted in order. A body needed in
//! two places (its page, the print document) is rendered once with marks where they
//! differ ([`to_marked_html`]), filled in for each. Content is never
//! run as a template, and HTML is never rewritten with regexes. Pure: no I/O.
//!
//! - `analysis`: the first pass, [`analyse`] -> [`Analysis`] (and [`slugify`]);
//! - `html`: the second pass, the HTML writer behind [`to_html`];
//! - `marked`: [`to_marked_html`] and [`MarkedHtml::fill`], on top of that writer;
//! - `medium`: parts of a body for the screen or for paper only (`<!-- panduan:screen -->`);
//! - `scripts`: what in raw HTML or a link would run script ([`Script`]), read by an HTML5
//!   tokenizer, for the analysis and the EPUB ([`script_in_attribute`]).

mod analysis;
mod html;
mod marked;
pub mod medium;
mod scripts;
#[cfg(test)]
mod tests;

use pulldown_cmark::{HeadingLevel, Options};

pub use analysis::{
    Analysis, Heading, LinkKind, Prose, RawLink, SectionText, TERMS_MARKER, WikiSlot, analyse,
    slugify,
};
pub use html::{LeadingH1, to_html};
pub use marked::{MarkedHtml, to_marked_html};
pub use scripts::{Script, ScriptKind, script_in_attribute, script_in_element};

/// How deeply a body may nest quotes, lists and HTML elements one inside another. A
/// page nested deeper is refused where it goes past the limit, before any later stage
/// (the EPUB's HTML parser, the PDF's typesetter) meets it (issue #24). Real pages
/// stay far below: a list inside a list inside a quote is 5 levels.
pub const MAX_NESTING: usize = 100;

/// The Markdown extensions every page is parsed with.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_WIKILINKS
}

/// What a link becomes in the output, decided by the model.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkOutput {
    /// Leave the destination as written (external links, mail).
    Keep,
    /// Point at `href`; for a `[[wikilink]]` without a label, show `title`;
    /// `badge` marks a page in another language (its language code and name).
    Href {
        href: String,
        title: Option<String>,
        badge: Option<(String, String)>,
    },
    /// A link to what is not written yet (a page, a picture, a heading), marked where
    /// it stands with `note`, what to do, in the language `lang`. Only `serve` makes
    /// these: a build fails on such a link instead. `href` is where it points
    /// meanwhile (the page of a missing heading), if anywhere.
    Unfinished {
        href: Option<String>,
        note: String,
        lang: String,
    },
}

/// Labels the renderer needs in the page's language.
#[derive(Debug, Clone, Default, Hash)]
pub struct Labels {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub warning: String,
    pub caution: String,
    /// `aria-label` of the `#` link beside each heading.
    pub anchor: String,
    /// `aria-label` of the link from a footnote back to the text.
    pub back_to_text: String,
    /// `aria-label`s of task-list checkboxes.
    pub task_done: String,
    pub task_open: String,
    /// `aria-label` of the region that holds a table, focusable so that a keyboard can
    /// scroll a wide one (none when empty).
    pub table: String,
    /// Put before every id this page defines (headings, footnotes): empty on a page of
    /// its own, the chapter's id in the print document.
    pub id_prefix: String,
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A short text of the front matter (a summary, a field, an item of a list field) as
/// inline HTML: emphasis, strong, code and strikethrough are kept, everything else is
/// text (links keep their words, raw HTML is shown as written, never run). The PDF
/// reads the same markup (`pdf::markup::inline`), so the site and the paper agree.
pub fn inline_html(text: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let text = inline_only(text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut blocks = 0usize;
    for event in Parser::new_ext(&text, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) => crate::escape::escape_text(&mut out, &t),
            Event::Code(c) => {
                out.push_str("<code>");
                crate::escape::escape_text(&mut out, &c);
                out.push_str("</code>");
            }
            Event::Html(h) | Event::InlineHtml(h) => crate::escape::escape_text(&mut out, &h),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Emphasis) => out.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
            Event::Start(Tag::Strong) => out.push_str("<strong>"),
            Event::End(TagEnd::Strong) => out.push_str("</strong>"),
            Event::Start(Tag::Strikethrough) => out.push_str("<del>"),
            Event::End(TagEnd::Strikethrough) => out.push_str("</del>"),
            // Blocks (a text that reads as a list or a heading) keep their words,
            // one space apart.
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) => {
                if blocks > 0 {
                    out.push(' ');
                }
                blocks += 1;
            }
            _ => {}
        }
    }
    out
}

/// `text` with a backslash before every mark at the start of a line that would make a
/// block of it (a list item, heading, quote, rule, fence or underline), so that a field
/// that reads `-`, `1) Opening` or `> x` shows as written.
fn inline_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        out.push_str(indent);
        let first = body.chars().next();
        let after = |k: usize| body[k..].chars().next().is_none_or(char::is_whitespace);
        let rule = body.chars().filter(|c| !c.is_whitespace()).count() >= 3
            && body
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '_' | '='))
            && body
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<std::collections::HashSet<_>>()
                .len()
                == 1;
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let numbered = (1..=9).contains(&digits)
            && matches!(body[digits..].chars().next(), Some('.' | ')'))
            && after(digits + 1);
        if numbered {
            out.push_str(&body[..digits]);
            out.push('\\');
            out.push_str(&body[digits..]);
            continue;
        }
        let escape = match first {
            Some('#' | '>') => true,
            Some('-' | '+' | '*') => after(1) || rule,
            Some('_' | '=') => rule,
            Some('`' | '~') => body.starts_with("```") || body.starts_with("~~~"),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push_str(body);
    }
    out
}
