//! Markdown as pulldown-cmark events: analysis (headings, links) and HTML.
//!
//! Two passes over the same text with the same options see the same events in the same
//! order: [`analyse`] collects headings and links so the model can resolve them, and
//! [`to_html`] renders with the resolved links substituted in order. A body needed in
//! two places (its page, the print document) is rendered once with marks where they
//! differ ([`to_marked_html`]), filled in for each. Content is never
//! run as a template, and HTML is never rewritten with regexes. Pure: no I/O.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{
    BlockQuoteKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::escape::{escape_attr, escape_text};

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

/// A heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    /// Unique within the page; `{#id}` if given, else from the text.
    pub id: String,
    pub text: String,
    /// Byte range in the body.
    #[serde(skip)]
    pub range: Range<usize>,
}

/// How a link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](dest)` and its reference forms.
    Markdown,
    /// `[[page-id#anchor|label]]`; `labelled` when it has a `|label`.
    Wiki { labelled: bool },
    /// `![alt](src)`.
    Image,
}

/// A link or image as written in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLink {
    pub kind: LinkKind,
    pub dest: String,
    /// Byte range of the whole link in the body.
    pub range: Range<usize>,
    /// The text inside (the alt text of an image).
    pub text: String,
}

/// What [`analyse`] finds in a body.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub headings: Vec<Heading>,
    pub links: Vec<RawLink>,
    /// The text of a level-1 heading that opens the body, if any.
    pub leading_h1: Option<String>,
    /// Whether the body has any text at all.
    pub is_empty: bool,
    /// The body as plain text, split where a `##` or `###` heading starts: the first
    /// part is the text before any such heading. Search indexes these.
    pub sections: Vec<SectionText>,
}

/// The plain text of a part of a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionText {
    /// The `##`/`###` heading that opens this part (an index into
    /// [`Analysis::headings`]); none for the part before the first one.
    pub heading: Option<usize>,
    /// Text and code, with blocks and line breaks as single spaces; heading text is
    /// left out.
    pub text: String,
}

impl SectionText {
    /// Ends a word at a block end or line break.
    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }
}

/// Finds the headings (with their final ids) and the links of a body.
pub fn analyse(body: &str) -> Analysis {
    let mut out = Analysis {
        is_empty: true,
        sections: vec![SectionText::default()],
        ..Analysis::default()
    };
    let mut ids = IdAllocator::default();
    let mut heading: Option<(u8, Option<String>, Range<usize>, String)> = None;
    let mut link_stack: Vec<RawLink> = Vec::new();
    let mut first_block = true;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                    out.sections.push(SectionText {
                        heading: Some(out.headings.len()),
                        text: String::new(),
                    });
                }
                heading = Some((
                    heading_level(*level),
                    id.as_ref().map(|s| s.to_string()),
                    range,
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, range, text)) = heading.take() {
                    let text = text.trim().to_string();
                    let id = ids.allocate(explicit.as_deref(), &text);
                    if level == 1 && first_block && out.headings.is_empty() {
                        out.leading_h1 = Some(text.clone());
                    }
                    out.headings.push(Heading {
                        level,
                        id,
                        text,
                        range,
                    });
                }
                first_block = false;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let kind = match link_type {
                    LinkType::WikiLink { has_pothole } => LinkKind::Wiki {
                        labelled: *has_pothole,
                    },
                    _ => LinkKind::Markdown,
                };
                link_stack.push(RawLink {
                    kind,
                    dest: dest_url.to_string(),
                    range,
                    text: String::new(),
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                link_stack.push(RawLink {
                    kind: LinkKind::Image,
                    dest: dest_url.to_string(),
                    range,
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(link) = link_stack.pop() {
                    if let Some(outer) = link_stack.last_mut() {
                        outer.text.push_str(&link.text);
                    }
                    out.links.push(link);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                out.is_empty &= t.trim().is_empty();
                if let Some(h) = heading.as_mut() {
                    h.3.push_str(t);
                } else if let Some(s) = out.sections.last_mut() {
                    s.text.push_str(t);
                }
                if let Some(l) = link_stack.last_mut() {
                    l.text.push_str(t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => out.is_empty = false,
            _ => {}
        }
        if matches!(event, Event::SoftBreak | Event::HardBreak | Event::End(_))
            && heading.is_none()
            && let Some(s) = out.sections.last_mut()
        {
            s.space();
        }
        if matches!(event, Event::End(_))
            && first_block
            && heading.is_none()
            && link_stack.is_empty()
        {
            // The first block that is not a heading ends the chance of a leading h1.
            first_block = false;
        }
    }
    for s in &mut out.sections {
        let trimmed = s.text.trim();
        if trimmed.len() != s.text.len() {
            s.text = trimmed.to_string();
        }
    }
    // Links are reported in source order of their start (nested images end first).
    out.links.sort_by_key(|l| l.range.start);
    out
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

/// Hands out unique heading ids: the first `Setting up` is `setting-up`, the next
/// `setting-up-1`. Explicit `{#id}`s are used as written.
#[derive(Default)]
struct IdAllocator {
    used: HashSet<String>,
}

impl IdAllocator {
    fn allocate(&mut self, explicit: Option<&str>, text: &str) -> String {
        if let Some(id) = explicit {
            self.used.insert(id.to_string());
            return id.to_string();
        }
        let base = match slugify(text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

/// A URL- and id-friendly form of `text`: lowercase letters and digits joined by `-`.
/// Letters outside ASCII are kept (`ç`), punctuation and spaces become one `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            // Some capitals lower to a letter plus a combining mark (`İ`): keep only
            // the letters, so that a slug of a slug is the same slug.
            out.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    out
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
    /// Put before every id this page defines (headings, footnotes): empty on a page of
    /// its own, the chapter's id in the print document.
    pub id_prefix: String,
}

/// Renders `body` to HTML. `links` holds one entry per link/image in the order of
/// [`analyse`]; `headings` the ids from the same analysis. A leading `# Title` is left
/// out (the theme shows the title).
pub fn to_html(
    body: &str,
    headings: &[Heading],
    links: &[LinkOutput],
    labels: &Labels,
    drop_leading_h1: bool,
) -> String {
    let mut html = String::with_capacity(body.len() * 3 / 2);
    let mut events: Vec<Event<'_>> = Vec::with_capacity(64);
    let mut heading_no = 0usize;
    let mut in_heading: Option<(u8, bool)> = None; // (level, dropped)
    // Links are in source order; events arrive with nested images inside links, so
    // index by start offset.
    let mut link_iter = 0usize;
    let mut link_ends: Vec<Option<(String, String)>> = Vec::new(); // badge to emit at end
    // Footnotes get `fn-`/`fnref-` ids so they never clash with heading ids, numbers in
    // order of first mention, and a link back to where they were referenced.
    let mut footnotes: Vec<String> = Vec::new();
    let footnote_number = |name: &str, footnotes: &mut Vec<String>| -> usize {
        match footnotes.iter().position(|n| n == name) {
            Some(i) => i + 1,
            None => {
                footnotes.push(name.to_string());
                footnotes.len()
            }
        }
    };
    let mut open_footnote: Option<String> = None;
    let mut replacing_text: Vec<bool> = Vec::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, classes, .. }) => {
                let lvl = heading_level(level);
                let h = headings.get(heading_no);
                heading_no += 1;
                let dropped = drop_leading_h1
                    && heading_no == 1
                    && lvl == 1
                    && range.start == first_block_start(body);
                in_heading = Some((lvl, dropped));
                if dropped {
                    continue;
                }
                let id = h.map_or("", |h| h.id.as_str());
                let mut open = format!("<h{lvl} id=\"");
                escape_attr(&mut open, &labels.id_prefix);
                escape_attr(&mut open, id);
                open.push('"');
                if !classes.is_empty() {
                    open.push_str(" class=\"");
                    escape_attr(
                        &mut open,
                        &classes
                            .iter()
                            .map(|c| c.as_ref())
                            .collect::<Vec<_>>()
                            .join(" "),
                    );
                    open.push('"');
                }
                open.push('>');
                events.push(Event::Html(open.into()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((lvl, dropped)) = in_heading.take() {
                    if dropped {
                        continue;
                    }
                    let id = headings
                        .get(heading_no.wrapping_sub(1))
                        .map_or("", |h| h.id.as_str());
                    let mut close = String::from(" <a class=\"anchor\" href=\"#");
                    escape_attr(&mut close, &labels.id_prefix);
                    escape_attr(&mut close, id);
                    close.push_str("\" aria-label=\"");
                    escape_attr(&mut close, &labels.anchor);
                    let _ = writeln!(close, "\">#</a></h{lvl}>");
                    events.push(Event::Html(close.into()));
                }
            }
            _ if matches!(in_heading, Some((_, true))) => {}
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, label) = admonition(kind, labels);
                let mut open = format!(
                    "<aside class=\"admonition {class}\" role=\"note\">\n<p class=\"admonition-title\">"
                );
                escape_text(&mut open, label);
                open.push_str("</p>\n");
                events.push(Event::Html(open.into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                events.push(Event::Html("</aside>\n".into()));
            }
            Event::Start(Tag::Table(align)) => {
                events.push(Event::Html("<div class=\"table-wrap\">\n".into()));
                events.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let out = links.get(link_iter);
                link_iter += 1;
                let unlabelled_wiki =
                    matches!(link_type, LinkType::WikiLink { has_pothole: false });
                let (dest_url, badge, shown_title) = match out {
                    Some(LinkOutput::Href {
                        href,
                        title: t,
                        badge,
                    }) => (
                        CowStr::from(href.clone()),
                        badge.clone(),
                        t.as_ref().filter(|_| unlabelled_wiki),
                    ),
                    _ => (dest_url, None, None),
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
                let replace = shown_title.is_some();
                if let Some(t) = shown_title {
                    let mut text = String::new();
                    escape_text(&mut text, t);
                    events.push(Event::Html(text.into()));
                }
                link_ends.push(badge);
                replacing_text.push(replace);
            }
            Event::End(TagEnd::Link) => {
                replacing_text.pop();
                if let Some(Some((code, name))) = link_ends.pop() {
                    let mut badge = String::from(" <span class=\"lang-badge\" lang=\"");
                    escape_attr(&mut badge, &code);
                    badge.push_str("\" title=\"");
                    escape_attr(&mut badge, &name);
                    badge.push_str("\">");
                    escape_text(&mut badge, &code.to_uppercase());
                    badge.push_str("</span>");
                    events.push(Event::Html(badge.into()));
                }
                events.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let out = links.get(link_iter);
                link_iter += 1;
                let dest_url = match out {
                    Some(LinkOutput::Href { href, .. }) => CowStr::from(href.clone()),
                    _ => dest_url,
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::TaskListMarker(done) => {
                let mut html = String::from("<input type=\"checkbox\" disabled");
                if done {
                    html.push_str(" checked");
                }
                html.push_str(" aria-label=\"");
                escape_attr(
                    &mut html,
                    if done {
                        &labels.task_done
                    } else {
                        &labels.task_open
                    },
                );
                html.push_str("\"> ");
                events.push(Event::InlineHtml(html.into()));
            }
            Event::FootnoteReference(name) => {
                let n = footnote_number(&name, &mut footnotes);
                let p = &labels.id_prefix;
                let mut html = String::from("<sup class=\"footnote-reference\" id=\"");
                escape_attr(&mut html, &format!("{p}fnref-{name}"));
                html.push_str("\"><a href=\"#");
                escape_attr(&mut html, &format!("{p}fn-{name}"));
                let _ = write!(html, "\">{n}</a></sup>");
                events.push(Event::InlineHtml(html.into()));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let n = footnote_number(&name, &mut footnotes);
                let mut html = String::from("<div class=\"footnote-definition\" id=\"");
                escape_attr(&mut html, &format!("{}fn-{name}", labels.id_prefix));
                let _ = writeln!(
                    html,
                    "\"><sup class=\"footnote-definition-label\">{n}</sup>"
                );
                events.push(Event::Html(html.into()));
                open_footnote = Some(name.to_string());
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let mut html = String::new();
                if let Some(name) = open_footnote.take() {
                    html.push_str("<a class=\"footnote-backref\" href=\"#");
                    escape_attr(&mut html, &format!("{}fnref-{name}", labels.id_prefix));
                    html.push_str("\" aria-label=\"");
                    escape_attr(&mut html, &labels.back_to_text);
                    html.push_str("\">↩</a>");
                }
                html.push_str("</div>\n");
                events.push(Event::Html(html.into()));
            }
            Event::Text(_) | Event::Code(_) if replacing_text.last() == Some(&true) => {}
            other => events.push(other),
        }
    }
    pulldown_cmark::html::push_html(&mut html, events.drain(..));
    html
}

/// Where a body rendered once for two places (its page and the print document) differs
/// between them: the prefix of every id it defines, and each link's destination.
/// Marks are Unicode noncharacters, which [`to_marked_html`] refuses to meet in its
/// input; a link's mark passes through pulldown-cmark's URL escaping as `%EF%B7%91`,
/// its number, `%EF%B7%92`.
const ID_PREFIX_MARK: char = '\u{FDD0}';
const LINK_OPEN: char = '\u{FDD1}';
const LINK_CLOSE: char = '\u{FDD2}';
const LINK_OPEN_ESCAPED: &str = "%EF%B7%91";
const LINK_CLOSE_ESCAPED: &str = "%EF%B7%92";

/// A body rendered with marks where ids take their prefix and links their destination:
/// [`MarkedHtml::fill`] makes the HTML of each place from it, the same as [`to_html`]
/// with that place's prefix and links.
#[derive(Debug)]
pub struct MarkedHtml(String);

/// Renders `body` once for several places (see [`MarkedHtml`]); `links` gives what
/// every place shares (shown titles and language badges); destinations and the id
/// prefix are left as marks. `None` when the body, a label or a link text contains a
/// mark already: render each place with [`to_html`] then.
pub fn to_marked_html(
    body: &str,
    headings: &[Heading],
    links: &[LinkOutput],
    labels: &Labels,
    drop_leading_h1: bool,
) -> Option<MarkedHtml> {
    let marked = |s: &str| {
        [ID_PREFIX_MARK, LINK_OPEN, LINK_CLOSE]
            .iter()
            .any(|m| s.contains(m.encode_utf8(&mut [0; 4]) as &str))
            || s.contains("%EF%B7%9")
    };
    let label_texts = [
        &labels.note,
        &labels.tip,
        &labels.important,
        &labels.warning,
        &labels.caution,
        &labels.anchor,
        &labels.back_to_text,
        &labels.task_done,
        &labels.task_open,
    ];
    let link_texts = links.iter().flat_map(|l| match l {
        LinkOutput::Href { title, badge, .. } => [
            title.as_deref(),
            badge.as_ref().map(|b| b.0.as_str()),
            badge.as_ref().map(|b| b.1.as_str()),
        ],
        LinkOutput::Keep => [None, None, None],
    });
    if marked(body) || label_texts.iter().any(|t| marked(t)) || link_texts.flatten().any(marked) {
        return None;
    }
    let marks: Vec<LinkOutput> = links
        .iter()
        .enumerate()
        .map(|(k, link)| {
            let href = format!("{LINK_OPEN}{k}{LINK_CLOSE}");
            match link {
                LinkOutput::Href { title, badge, .. } => LinkOutput::Href {
                    href,
                    title: title.clone(),
                    badge: badge.clone(),
                },
                LinkOutput::Keep => LinkOutput::Href {
                    href,
                    title: None,
                    badge: None,
                },
            }
        })
        .collect();
    let labels = Labels {
        id_prefix: ID_PREFIX_MARK.to_string(),
        ..labels.clone()
    };
    Some(MarkedHtml(to_html(
        body,
        headings,
        &marks,
        &labels,
        drop_leading_h1,
    )))
}

impl MarkedHtml {
    /// The HTML for one place: ids prefixed with `id_prefix`, link `k` pointing at
    /// `href(k)` (`None`: the destination as written, `raw[k].dest`).
    pub fn fill(&self, id_prefix: &str, links: &[LinkOutput], raw: &[RawLink]) -> String {
        let html = self.0.as_str();
        let mut out = String::with_capacity(html.len() + html.len() / 16);
        let mut prefix = String::new();
        escape_attr(&mut prefix, id_prefix);
        let mut rest = html;
        // Marks start with byte 0xEF (U+FDD0) or `%`: find those bytes, not characters.
        while let Some(at) = rest.bytes().position(|b| b == 0xEF || b == b'%') {
            out.push_str(&rest[..at]);
            let from = &rest[at..];
            if let Some(after) = from.strip_prefix(ID_PREFIX_MARK) {
                out.push_str(&prefix);
                rest = after;
                continue;
            }
            let link = from.strip_prefix(LINK_OPEN_ESCAPED).and_then(|after| {
                let (number, after) = after.split_once(LINK_CLOSE_ESCAPED)?;
                Some((number.parse::<usize>().ok()?, after))
            });
            if !from.starts_with('%') {
                // Another character that starts with byte 0xEF.
                let len = from.chars().next().map_or(1, char::len_utf8);
                out.push_str(&from[..len]);
                rest = &from[len..];
                continue;
            }
            match link {
                Some((k, after)) => {
                    let dest = match links.get(k) {
                        Some(LinkOutput::Href { href, .. }) => href.as_str(),
                        _ => raw.get(k).map_or("", |r| r.dest.as_str()),
                    };
                    let _ = pulldown_cmark_escape::escape_href(&mut out, dest);
                    rest = after;
                }
                None => {
                    out.push('%');
                    rest = &from[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Byte offset where the first block of `body` starts (after blank lines).
fn first_block_start(body: &str) -> usize {
    body.len() - body.trim_start().len()
}

fn admonition(kind: BlockQuoteKind, labels: &Labels) -> (&'static str, &str) {
    match kind {
        BlockQuoteKind::Note => ("note", &labels.note),
        BlockQuoteKind::Tip => ("tip", &labels.tip),
        BlockQuoteKind::Important => ("important", &labels.important),
        BlockQuoteKind::Warning => ("warning", &labels.warning),
        BlockQuoteKind::Caution => ("caution", &labels.caution),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels {
        Labels {
            note: "Catatan".into(),
            tip: "Tip".into(),
            important: "Penting".into(),
            warning: "Peringatan".into(),
            caution: "Hati-hati".into(),
            anchor: "Tautan ke bagian ini".into(),
            back_to_text: "Kembali ke teks".into(),
            task_done: "selesai".into(),
            task_open: "belum".into(),
            id_prefix: String::new(),
        }
    }

    /// A body with every place a page and its print chapter differ.
    const RICH: &str = "# Judul\n\nTeks [[other]] dan [[other|label]] dan [x](#bagian \"t\"), \
        [mail](mailto:a@b.c), <https://e.org/a?b=c&d>, ![alt *x*](img/a%20b.png \"j\").\
        [[link ![img](i.png)]]\n\n## Bagian {#bagian}\n\n- [x] selesai\n- [ ] belum\n\n\
        > [!NOTE]\n> Catatan[^1] dan [^dua].\n\n| a | b |\n|---|---|\n| [t](#bagian) | 2 |\n\n\
        [^1]: Satu.\n[^dua]: Dua [kembali](#judul).\n\n## Bagian\n\n<a href=\"#raw\" id=\"raw\">raw</a> 100% \
        %EF%B7 %EF%B7%8 %\n";

    /// Links as the model might resolve them: some rewritten, some kept.
    fn resolved(a: &Analysis, tag: &str) -> Vec<LinkOutput> {
        a.links
            .iter()
            .enumerate()
            .map(|(k, l)| match k % 3 {
                0 => LinkOutput::Keep,
                1 => LinkOutput::Href {
                    href: format!("{tag}/{k}/ä b\"<&>.html#{}", l.dest),
                    title: Some(format!("Judul {k} <&>")),
                    badge: Some(("en".into(), "English".into())),
                },
                _ => LinkOutput::Href {
                    href: format!("#{tag}-{k}"),
                    title: None,
                    badge: None,
                },
            })
            .collect()
    }

    #[test]
    fn a_body_marked_once_fills_in_as_rendered_for_each_place() {
        let a = analyse(RICH);
        assert!(a.links.len() >= 6, "{:?}", a.links);
        let page = resolved(&a, "page");
        let mut print = resolved(&a, "print");
        // Shown titles and badges are the same in every place; only destinations differ.
        for (p, q) in print.iter_mut().zip(&page) {
            if let (
                LinkOutput::Href { title, badge, .. },
                LinkOutput::Href {
                    title: t, badge: b, ..
                },
            ) = (p, q)
            {
                *title = t.clone();
                *badge = b.clone();
            }
        }
        let marked = to_marked_html(RICH, &a.headings, &page, &labels(), true)
            .expect("no marks in the body");
        for (prefix, links) in [("", &page), ("chapter-x--", &print)] {
            let expected = to_html(
                RICH,
                &a.headings,
                links,
                &Labels {
                    id_prefix: prefix.into(),
                    ..labels()
                },
                true,
            );
            assert_eq!(
                marked.fill(prefix, links, &a.links),
                expected,
                "prefix {prefix:?}"
            );
        }
    }

    #[test]
    fn bodies_holding_marks_are_rendered_for_each_place() {
        for body in ["a \u{FDD0} b", "[x](https://e.org/%EF%B7%91)", "c \u{FDD2}"] {
            let a = analyse(body);
            let links = vec![LinkOutput::Keep; a.links.len()];
            assert!(
                to_marked_html(body, &a.headings, &links, &labels(), true).is_none(),
                "{body:?}"
            );
        }
        let a = analyse("[[x]]");
        let links = vec![LinkOutput::Href {
            href: "x.html".into(),
            title: Some("\u{FDD1}".into()),
            badge: None,
        }];
        assert!(to_marked_html("[[x]]", &a.headings, &links, &labels(), true).is_none());
    }

    fn html(body: &str) -> String {
        let a = analyse(body);
        let links = vec![LinkOutput::Keep; a.links.len()];
        to_html(body, &a.headings, &links, &labels(), true)
    }

    #[test]
    fn heading_ids_are_unique_and_explicit_ids_win() {
        let a = analyse("## Tujuan\n\n## Tujuan\n\n## Lain {#khusus}\n\n### Ça va?\n");
        let ids: Vec<&str> = a.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["tujuan", "tujuan-1", "khusus", "ça-va"]);
    }

    #[test]
    fn leading_h1_is_found_and_dropped_from_html() {
        let a = analyse("\n# Kelompok terapi\n\nTeks.\n");
        assert_eq!(a.leading_h1.as_deref(), Some("Kelompok terapi"));
        let out = html("# Kelompok terapi\n\nTeks.\n");
        assert!(!out.contains("<h1"), "{out}");
        let later = analyse("Teks.\n\n# Judul\n");
        assert_eq!(later.leading_h1, None);
    }

    #[test]
    fn alerts_become_translated_admonitions() {
        let out = html("> [!WARNING]\n> Hati-hati.\n");
        assert!(
            out.contains("<aside class=\"admonition warning\" role=\"note\">"),
            "{out}"
        );
        assert!(
            out.contains("<p class=\"admonition-title\">Peringatan</p>"),
            "{out}"
        );
        assert!(!out.contains("<blockquote"), "{out}");
    }

    #[test]
    fn template_syntax_in_content_is_literal() {
        let out = html("Nilai {{ name }} dan {% if x %}.\n");
        assert!(
            out.contains("{{ name }}") && out.contains("{% if x %}"),
            "{out}"
        );
    }

    #[test]
    fn links_and_images_are_found_in_order_with_text() {
        let a = analyse("See [the *page*](a.md#x) and [[b#y|label]] and [[c]] ![alt](i.png).\n");
        let found: Vec<(&str, &str)> = a
            .links
            .iter()
            .map(|l| (l.dest.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("a.md#x", "the page"),
                ("b#y", "label"),
                ("c", "c"),
                ("i.png", "alt")
            ]
        );
        assert_eq!(a.links[1].kind, LinkKind::Wiki { labelled: true });
        assert_eq!(a.links[3].kind, LinkKind::Image);
    }

    #[test]
    fn resolved_links_replace_destinations_and_unlabelled_wikilinks_show_titles() {
        let body = "[x](a.md) [[b]]\n";
        let a = analyse(body);
        let links = vec![
            LinkOutput::Href {
                href: "../a/index.html".into(),
                title: None,
                badge: None,
            },
            LinkOutput::Href {
                href: "../../en/b/index.html".into(),
                title: Some("Bee <page>".into()),
                badge: Some(("en".into(), "English".into())),
            },
        ];
        let out = to_html(body, &a.headings, &links, &labels(), true);
        assert!(out.contains("<a href=\"../a/index.html\">x</a>"), "{out}");
        assert!(out.contains("<a href=\"../../en/b/index.html\">Bee &lt;page&gt; <span class=\"lang-badge\" lang=\"en\" title=\"English\">EN</span></a>"), "{out}");
    }

    #[test]
    fn long_tables_keep_body_cells_as_td() {
        // Regression: rendering in chunks lost the writer's table state, so body cells
        // after a chunk boundary came out as `<th>`.
        let rows: String = (0..60).map(|i| format!("| a{i} | [b](#x) |\n")).collect();
        let out = html(&format!("| H1 | H2 |\n|---|---|\n{rows}"));
        assert_eq!(out.matches("<th>").count(), 2, "{out}");
        assert_eq!(out.matches("<td>").count(), 120);
    }

    #[test]
    fn extensions_render() {
        let out = html(
            "| a |\n|---|\n| 1 |\n\n- [x] done\n\n~~old~~\n\nTerm\n: Definition\n\nNote[^1].\n\n[^1]: Foot.\n",
        );
        for needle in [
            "<div class=\"table-wrap\">",
            "<table>",
            "checkbox",
            "<del>old</del>",
            "<dl>",
            "footnote",
        ] {
            assert!(out.contains(needle), "missing {needle} in {out}");
        }
    }

    #[test]
    fn footnote_ids_never_clash_with_heading_ids() {
        let out = html("## Catatan\n\nTeks[^catatan].\n\n[^catatan]: Isi.\n");
        assert!(out.contains("<h2 id=\"catatan\">"), "{out}");
        assert!(
            out.contains("id=\"fnref-catatan\"><a href=\"#fn-catatan\">1</a>"),
            "{out}"
        );
        assert!(
            out.contains("<div class=\"footnote-definition\" id=\"fn-catatan\">"),
            "{out}"
        );
        assert!(
            out.contains("href=\"#fnref-catatan\" aria-label=\"Kembali ke teks\">↩</a></div>"),
            "{out}"
        );
        assert_eq!(out.matches("id=\"catatan\"").count(), 1);
    }

    #[test]
    fn slugify_keeps_letters_and_joins_words() {
        assert_eq!(
            slugify("Kelompok Swabantu (Self-help)"),
            "kelompok-swabantu-self-help"
        );
        assert_eq!(slugify("  Apa itu  kelompok? "), "apa-itu-kelompok");
        assert_eq!(slugify("Member's role"), "members-role");
        assert_eq!(slugify("İzmir"), slugify(&slugify("İzmir")));
    }
}
