//! The second pass: a body's HTML, with the links the model resolved put in.
//!
//! [`HtmlWriter`] turns each pulldown-cmark event of the body into the events (mostly
//! the same, some raw HTML) that pulldown-cmark's own writer then prints, one method
//! per kind of event. It counts headings and links in the order [`analyse`] found them,
//! so entry `k` of the resolved links is the `k`-th link or image of the body.
//!
//! [`analyse`]: super::analyse

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{Alignment, BlockQuoteKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::{Heading, Labels, LinkOutput, heading_level, options};
use crate::escape::{escape_attr, escape_text};

/// What to do with a level-1 heading that opens the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeadingH1 {
    /// Render it like any other heading.
    Keep,
    /// Leave it out: the theme shows it as the page title.
    Drop,
}

impl LeadingH1 {
    /// `Drop` when the heading is the page title (`Page::drop_leading_h1`), else `Keep`.
    pub fn drop_if(is_title: bool) -> Self {
        if is_title { Self::Drop } else { Self::Keep }
    }
}

/// Renders `body` to HTML. `links` holds one entry per link/image in the order of
/// [`analyse`](super::analyse); `headings` the ids from the same analysis.
/// `leading_h1` says whether a leading `# Title` is left out (the theme shows the title).
pub fn to_html(
    body: &str,
    headings: &[Heading],
    links: &[LinkOutput],
    labels: &Labels,
    leading_h1: LeadingH1,
) -> String {
    write(
        body,
        Resolved {
            headings,
            links,
            labels,
            leading_h1,
        },
    )
}

/// Everything besides its text that the HTML of a body depends on.
#[derive(Debug, Clone, Copy)]
pub(super) struct Resolved<'a> {
    /// The headings of the body's analysis, with their ids.
    pub(super) headings: &'a [Heading],
    /// What each link or image becomes, in the order of the analysis.
    pub(super) links: &'a [LinkOutput],
    pub(super) labels: &'a Labels,
    pub(super) leading_h1: LeadingH1,
}

/// Renders `body` to HTML with what the model decided for it.
pub(super) fn write<'a>(body: &'a str, resolved: Resolved<'a>) -> String {
    let mut writer = HtmlWriter::new(body, resolved);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if writer.is_in_dropped_heading() && !matches!(event, Event::End(TagEnd::Heading(_))) {
            writer.skip(&event);
            continue;
        }
        match event {
            Event::Start(tag) => writer.start(tag, range),
            Event::End(tag) => writer.end(tag),
            Event::Text(text) => writer.text(text),
            Event::Code(code) => writer.code(code),
            Event::Html(_) | Event::InlineHtml(_) => writer.html(event),
            Event::TaskListMarker(is_done) => writer.task_list_marker(is_done),
            Event::FootnoteReference(name) => writer.footnote_reference(name),
            other => writer.push(other),
        }
    }
    writer.finish()
}

/// The heading being written.
struct OpenHeading<'a> {
    level: u8,
    id: &'a str,
    /// A leading `# Title` left out: nothing inside it is written.
    is_dropped: bool,
}

/// A link being written.
struct OpenLink<'a> {
    /// The language badge to put before its end.
    badge: Option<&'a (String, String)>,
    /// Whether its text is replaced by the target's title (an unlabelled wikilink).
    is_text_replaced: bool,
    /// What is not written yet, and its language, to mark after it (`serve` only).
    unfinished: Option<(&'a str, &'a str)>,
}

/// The mark after a link or picture that is not there yet (`serve` only): what to do,
/// in the page's language, styled on its own so that it shows in any theme.
fn unfinished_mark(note: &str, lang: &str) -> String {
    let mut html = String::from(
        " <span class=\"panduan-unfinished\" role=\"note\" style=\"background:#fff4ce;color:#3d3000;border:1px dashed #8a6d00;border-radius:3px;padding:0 .3em;font-size:.85em\" lang=\"",
    );
    escape_attr(&mut html, lang);
    html.push('"');
    // A page not written yet: its file, for the browser editor's "write this page"
    // button (the note ends with the `panduan new content/…` command that makes it).
    if let Some(file) = note
        .split_once("panduan new content/")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .filter(|f| f.ends_with(".md"))
    {
        html.push_str(" data-new=\"");
        escape_attr(&mut html, file);
        html.push('"');
    }
    html.push('>');
    escape_text(&mut html, note);
    html.push_str("</span>");
    html
}

/// Turns the events of one body into the events pulldown-cmark's HTML writer prints.
/// The fields track where in the body the events are.
struct HtmlWriter<'a> {
    body: &'a str,
    resolved: Resolved<'a>,
    /// The events to print, in order.
    out: Vec<Event<'a>>,
    /// How many headings have started (the index of the next one in `headings`).
    headings_started: usize,
    heading: Option<OpenHeading<'a>>,
    /// How many links and images have started (the index of the next one in `links`).
    links_started: usize,
    /// The links open around the current event, innermost last.
    open_links: Vec<OpenLink<'a>>,
    /// The images open around the current event, with the mark of one not there yet.
    open_images: Vec<Option<(&'a str, &'a str)>>,
    /// The number of each footnote, in order of first mention (the first is 1).
    footnote_numbers: HashMap<CowStr<'a>, usize>,
    /// Per footnote: how many references to it are written, and the id of the first.
    footnote_refs: HashMap<CowStr<'a>, (usize, String)>,
    /// The `fnref-` ids written, so that a repeated reference gets one of its own.
    footnote_ref_ids: HashSet<String>,
    /// The footnote definition being written.
    open_footnote: Option<CowStr<'a>>,
    /// The text of the last heading started (a leading `# Title` left out included):
    /// what names the tables after it.
    section: Option<&'a str>,
    /// The names given to table regions so far: each is unique on the page.
    table_names: HashSet<String>,
}

impl<'a> HtmlWriter<'a> {
    fn new(body: &'a str, resolved: Resolved<'a>) -> Self {
        HtmlWriter {
            body,
            resolved,
            out: Vec::with_capacity(64),
            headings_started: 0,
            heading: None,
            links_started: 0,
            open_links: Vec::new(),
            open_images: Vec::new(),
            footnote_numbers: HashMap::new(),
            footnote_refs: HashMap::new(),
            footnote_ref_ids: HashSet::new(),
            open_footnote: None,
            section: None,
            table_names: HashSet::new(),
        }
    }

    /// Prints the events as HTML.
    fn finish(self) -> String {
        let mut html = String::with_capacity(self.body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, self.out.into_iter());
        html
    }

    /// Whether the events are inside a leading `# Title` that is left out.
    fn is_in_dropped_heading(&self) -> bool {
        self.heading.as_ref().is_some_and(|h| h.is_dropped)
    }

    /// Passes over an event inside a dropped heading: a link there still has its entry
    /// in `links`, so it is counted for the next links to find theirs.
    fn skip(&mut self, event: &Event<'a>) {
        if matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. })) {
            self.links_started += 1;
        }
    }

    fn push(&mut self, event: Event<'a>) {
        self.out.push(event);
    }

    /// Puts raw HTML of our own at block level.
    fn push_html(&mut self, html: impl Into<CowStr<'a>>) {
        self.out.push(Event::Html(html.into()));
    }

    /// Puts raw HTML of our own inside a paragraph.
    fn push_inline_html(&mut self, html: String) {
        self.out.push(Event::InlineHtml(html.into()));
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, classes, .. } => {
                self.start_heading(heading_level(level), &classes, range.start);
            }
            Tag::BlockQuote(Some(kind)) => self.start_alert(kind),
            Tag::Table(alignments) => self.start_table(alignments),
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => self.start_link(link_type, dest_url, title, id),
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => self.start_image(link_type, dest_url, title, id),
            Tag::FootnoteDefinition(name) => self.start_footnote_definition(name),
            tag => self.push(Event::Start(tag)),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(Some(_)) => self.push_html("</aside>\n"),
            TagEnd::Table => {
                self.push(Event::End(TagEnd::Table));
                self.push_html("</div>\n");
            }
            TagEnd::Link => self.end_link(),
            TagEnd::Image => {
                self.push(Event::End(TagEnd::Image));
                if let Some(Some((note, lang))) = self.open_images.pop() {
                    self.push_inline_html(unfinished_mark(note, lang));
                }
            }
            TagEnd::FootnoteDefinition => self.end_footnote_definition(),
            tag => self.push(Event::End(tag)),
        }
    }

    fn text(&mut self, text: CowStr<'a>) {
        if !self.is_text_replaced() {
            self.push(Event::Text(text));
        }
    }

    fn code(&mut self, code: CowStr<'a>) {
        if !self.is_text_replaced() {
            self.push(Event::Code(code));
        }
    }

    /// Raw HTML in the body is written as it is: authors may use it.
    fn html(&mut self, html: Event<'a>) {
        self.push(html);
    }

    /// Whether the text of the innermost open link is replaced by its target's title.
    fn is_text_replaced(&self) -> bool {
        self.open_links.last().is_some_and(|l| l.is_text_replaced)
    }

    /// Appends `id` with the page's id prefix, escaped for an attribute.
    fn push_id(&self, out: &mut String, id: &[&str]) {
        escape_attr(out, &self.resolved.labels.id_prefix);
        for part in id {
            escape_attr(out, part);
        }
    }

    /// `<h2 id="…">`, with the id from the analysis; nothing for a dropped leading h1.
    fn start_heading(&mut self, level: u8, classes: &[CowStr<'_>], start: usize) {
        let heading = self.resolved.headings.get(self.headings_started);
        let id = heading.map_or("", |h| h.id.as_str());
        self.section = heading.map(|h| h.text.as_str()).filter(|t| !t.is_empty());
        let is_dropped = self.resolved.leading_h1 == LeadingH1::Drop
            && self.headings_started == 0
            && level == 1
            // Only a heading where the first block starts (after blank lines).
            && start == self.body.len() - self.body.trim_start().len();
        self.headings_started += 1;
        self.heading = Some(OpenHeading {
            level,
            id,
            is_dropped,
        });
        if is_dropped {
            return;
        }
        let mut open = format!("<h{level} id=\"");
        self.push_id(&mut open, &[id]);
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
        self.push_html(open);
    }

    /// The `#` link to the heading, then `</h2>`.
    fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        if heading.is_dropped {
            return;
        }
        let mut close = String::from(" <a class=\"anchor\" href=\"#");
        self.push_id(&mut close, &[heading.id]);
        close.push_str("\" aria-label=\"");
        escape_attr(&mut close, &self.resolved.labels.anchor);
        let _ = writeln!(close, "\">#</a></h{}>", heading.level);
        self.push_html(close);
    }

    /// A GitHub alert (`> [!NOTE]`) becomes an aside titled in the page's language.
    fn start_alert(&mut self, kind: BlockQuoteKind) {
        let (class, label) = admonition(kind, self.resolved.labels);
        let mut open = format!(
            "<aside class=\"admonition {class}\" role=\"note\">\n<p class=\"admonition-title\">"
        );
        escape_text(&mut open, label);
        open.push_str("</p>\n");
        self.push_html(open);
    }

    /// Tables are wrapped so that a wide one scrolls on its own: in a named region a
    /// keyboard can focus, and so scroll (axe's `scrollable-region-focusable`, #29).
    fn start_table(&mut self, alignments: Vec<Alignment>) {
        if self.resolved.labels.table.is_empty() {
            self.push_html("<div class=\"table-wrap\">\n");
        } else {
            let name = self.table_name();
            let mut open = String::from(
                "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"",
            );
            escape_attr(&mut open, &name);
            open.push_str("\">\n");
            self.push_html(open);
        }
        self.push(Event::Start(Tag::Table(alignments)));
    }

    /// The name of the next table's region, unique on the page (a landmark's name tells
    /// it from the others, which DAISY Ace and axe's `landmark-unique` check): the
    /// heading before it ("Jadwal"), then with the label and a number ("Jadwal (Tabel
    /// 2)") for another table under the same heading; the label alone ("Tabel") before
    /// any heading.
    fn table_name(&mut self) -> String {
        let label = self.resolved.labels.table.as_str();
        let base = self.section.unwrap_or(label);
        let mut name = base.to_string();
        let mut n = 1;
        while self.table_names.contains(&name) {
            n += 1;
            name = if base == label {
                format!("{label} {n}")
            } else {
                format!("{base} ({label} {n})")
            };
        }
        self.table_names.insert(name.clone());
        name
    }

    /// A link to where the model resolved it; an unlabelled wikilink shows its target's
    /// title instead of its text.
    fn start_link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) {
        let resolved = self.resolved.links.get(self.links_started);
        self.links_started += 1;
        // The analysis gave an e-mail autolink the destination `mailto:…`; written as
        // that, it needs no `mailto:` added by the printer.
        let (link_type, dest_url) = match link_type {
            LinkType::Email => (LinkType::Autolink, format!("mailto:{dest_url}").into()),
            other => (other, dest_url),
        };
        let is_unlabelled_wiki = matches!(link_type, LinkType::WikiLink { has_pothole: false });
        let (dest_url, badge, shown_title) = match resolved {
            Some(LinkOutput::Href { href, title, badge }) => (
                CowStr::Borrowed(href.as_str()),
                badge.as_ref(),
                title.as_ref().filter(|_| is_unlabelled_wiki),
            ),
            Some(LinkOutput::Unfinished {
                href: Some(href), ..
            }) => (CowStr::Borrowed(href.as_str()), None, None),
            _ => (dest_url, None, None),
        };
        let unfinished = match resolved {
            Some(LinkOutput::Unfinished { note, lang, .. }) => Some((note.as_str(), lang.as_str())),
            _ => None,
        };
        self.push(Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }));
        if let Some(title) = shown_title {
            let mut text = String::new();
            escape_text(&mut text, title);
            self.push_html(text);
        }
        self.open_links.push(OpenLink {
            badge,
            is_text_replaced: shown_title.is_some(),
            unfinished,
        });
    }

    /// A link into the other language ends with a badge naming it.
    fn end_link(&mut self) {
        let open = self.open_links.pop();
        if let Some(OpenLink {
            unfinished: Some((note, lang)),
            ..
        }) = open
        {
            self.push(Event::End(TagEnd::Link));
            self.push_inline_html(unfinished_mark(note, lang));
            return;
        }
        if let Some(OpenLink {
            badge: Some((code, name)),
            ..
        }) = open
        {
            let mut badge = String::from(" <span class=\"lang-badge\" lang=\"");
            escape_attr(&mut badge, code);
            badge.push_str("\" title=\"");
            escape_attr(&mut badge, name);
            badge.push_str("\">");
            escape_text(&mut badge, &code.to_uppercase());
            badge.push_str("</span>");
            self.push_html(badge);
        }
        self.push(Event::End(TagEnd::Link));
    }

    /// An image from where the model resolved it.
    fn start_image(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) {
        let resolved = self.resolved.links.get(self.links_started);
        self.links_started += 1;
        let dest_url = match resolved {
            Some(LinkOutput::Href { href, .. }) => CowStr::Borrowed(href.as_str()),
            _ => dest_url,
        };
        self.open_images.push(match resolved {
            Some(LinkOutput::Unfinished { note, lang, .. }) => Some((note.as_str(), lang.as_str())),
            _ => None,
        });
        self.push(Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }));
    }

    /// A disabled checkbox, labelled for screen readers.
    fn task_list_marker(&mut self, is_done: bool) {
        let mut html = String::from("<input type=\"checkbox\" disabled");
        if is_done {
            html.push_str(" checked");
        }
        html.push_str(" aria-label=\"");
        let labels = self.resolved.labels;
        escape_attr(
            &mut html,
            if is_done {
                &labels.task_done
            } else {
                &labels.task_open
            },
        );
        html.push_str("\"> ");
        self.push_inline_html(html);
    }

    /// The number of footnote `name`: footnotes are numbered in order of first mention,
    /// be it a reference or the definition.
    fn footnote_number(&mut self, name: &CowStr<'a>) -> usize {
        let next = self.footnote_numbers.len() + 1;
        *self.footnote_numbers.entry(name.clone()).or_insert(next)
    }

    /// The id (without `fnref-`) of the next reference to footnote `name`: `name` for
    /// the first, `name-2`, `name-3` … for the others, so that every id is unique
    /// (issue #24). A suffix already taken by another footnote's name gets one more.
    fn footnote_ref_id(&mut self, name: &CowStr<'a>) -> String {
        let count = self.footnote_refs.get(name).map_or(0, |(count, _)| *count);
        let mut n = count + 1;
        let mut id = if n == 1 {
            name.to_string()
        } else {
            format!("{name}-{n}")
        };
        while self.footnote_ref_ids.contains(&id) {
            n += 1;
            id = format!("{name}-{n}");
        }
        self.footnote_ref_ids.insert(id.clone());
        let entry = self
            .footnote_refs
            .entry(name.clone())
            .or_insert_with(|| (0, id.clone()));
        entry.0 = n;
        id
    }

    /// A numbered link to the footnote. Footnotes get `fn-`/`fnref-` ids so that they
    /// never clash with heading ids; a footnote cited twice gets `fnref-x-2` the second
    /// time.
    fn footnote_reference(&mut self, name: CowStr<'a>) {
        let n = self.footnote_number(&name);
        let ref_id = self.footnote_ref_id(&name);
        let mut html = String::from("<sup class=\"footnote-reference\" id=\"");
        self.push_id(&mut html, &["fnref-", &ref_id]);
        html.push_str("\"><a href=\"#");
        self.push_id(&mut html, &["fn-", &name]);
        let _ = write!(html, "\">{n}</a></sup>");
        self.push_inline_html(html);
    }

    fn start_footnote_definition(&mut self, name: CowStr<'a>) {
        let n = self.footnote_number(&name);
        let mut html = String::from("<div class=\"footnote-definition\" id=\"");
        self.push_id(&mut html, &["fn-", &name]);
        let _ = writeln!(
            html,
            "\"><sup class=\"footnote-definition-label\">{n}</sup>"
        );
        self.push_html(html);
        self.open_footnote = Some(name);
    }

    /// The link back to where the footnote was referenced, then the end of its `<div>`.
    fn end_footnote_definition(&mut self) {
        let mut html = String::new();
        if let Some(name) = self.open_footnote.take() {
            // Back to the first reference (`fnref-x` unless that id went to another).
            let first = self
                .footnote_refs
                .get(&name)
                .map_or_else(|| name.to_string(), |(_, first)| first.clone());
            html.push_str("<a class=\"footnote-backref\" href=\"#");
            self.push_id(&mut html, &["fnref-", &first]);
            html.push_str("\" aria-label=\"");
            escape_attr(&mut html, &self.resolved.labels.back_to_text);
            html.push_str("\">↩</a>");
        }
        html.push_str("</div>\n");
        self.push_html(html);
    }
}

/// The class and the title of an alert of kind `kind`.
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
    use crate::markdown::analyse;
    use crate::markdown::tests::{html, labels};

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
    fn links_after_a_dropped_leading_h1_with_a_link_keep_their_destinations() {
        // Regression: links in the dropped heading were not counted, so every later link
        // took the destination of the one before it.
        let body = "# [Judul](a.md)\n\n[lain](b.md) ![x](c.png)\n";
        let a = analyse(body);
        let links: Vec<LinkOutput> = ["a", "b", "c"]
            .iter()
            .map(|d| LinkOutput::Href {
                href: format!("{d}.html"),
                title: None,
                badge: None,
            })
            .collect();
        assert_eq!(links.len(), a.links.len());
        let out = to_html(body, &a.headings, &links, &labels(), LeadingH1::Drop);
        assert_eq!(
            out,
            "<p><a href=\"b.html\">lain</a> <img src=\"c.html\" alt=\"x\" /></p>\n"
        );
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
        let out = to_html(body, &a.headings, &links, &labels(), LeadingH1::Drop);
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
    fn table_regions_are_named_by_the_heading_before_them() {
        // Regression (#29): every region was named "Tabel", the same landmark name
        // several times on a page.
        let t = "| a |\n|---|\n| 1 |\n";
        let out = html(&format!(
            "# Hari 1\n\n{t}\n## Jadwal & \\<isi>\n\n{t}\n{t}\n### Jadwal & \\<isi>\n\n{t}\n## Catatan\n\n{t}"
        ));
        let names: Vec<&str> = out
            .split("aria-label=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|name| !name.starts_with("Tautan"))
            .collect();
        assert_eq!(
            names,
            [
                "Hari 1",
                "Jadwal &amp; &lt;isi&gt;",
                "Jadwal &amp; &lt;isi&gt; (Tabel 2)",
                "Jadwal &amp; &lt;isi&gt; (Tabel 3)",
                "Catatan"
            ]
        );
        let none = html(&format!("{t}\n{t}"));
        assert!(none.contains("aria-label=\"Tabel\""), "{none}");
        assert!(none.contains("aria-label=\"Tabel 2\""), "{none}");
    }

    #[test]
    fn extensions_render() {
        let out = html(
            "| a |\n|---|\n| 1 |\n\n- [x] done\n\n~~old~~\n\nTerm\n: Definition\n\nNote[^1].\n\n[^1]: Foot.\n",
        );
        for needle in [
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel\">",
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
    fn repeated_footnote_references_get_unique_ids() {
        // Regression (issue #24): `One[^x] two[^x].` wrote `id="fnref-x"` twice.
        let out = html("One[^x] two[^x] three[^x].\n\n[^x]: Isi.\n");
        assert_eq!(out.matches("id=\"fnref-x\"").count(), 1, "{out}");
        assert_eq!(out.matches("id=\"fnref-x-2\"").count(), 1, "{out}");
        assert_eq!(out.matches("id=\"fnref-x-3\"").count(), 1, "{out}");
        assert_eq!(out.matches("href=\"#fn-x\">1</a>").count(), 3, "{out}");
        assert!(
            out.contains("class=\"footnote-backref\" href=\"#fnref-x\""),
            "{out}"
        );
        // A footnote named like a second reference keeps its ids unique too.
        let out = html("A[^x] b[^x] c[^x-2].\n\n[^x]: X.\n\n[^x-2]: Y.\n");
        let ids: Vec<&str> = out
            .split("id=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap_or(0)])
            .collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "{out}");
    }
}
