//! Markdown -> Typst markup, from the same pulldown-cmark events (and the same
//! options) as the HTML, with the links the pdf step resolved for the document put in.
//!
//! Text is escaped character by character: every sign that means something in Typst
//! markup (`# * _ ` $ @ < > [ ] \ / ~ = - + .`) gets a backslash, so no text of a page
//! can become code, a comment, a label or a list. Everything Panduan writes itself is
//! a function call (`#emph[…];`, `#link(<…>)[…];`) closed with `;`, so the text after
//! it cannot continue the call. Raw HTML is left out (a PDF cannot show it).

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Alignment, BlockQuoteKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use crate::markdown::medium::{self, Medium};
use crate::markdown::{Heading, Labels, options};

/// What a link or picture of a body points at in the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// A place in this document: a chapter, a heading (a label, see [`label`]).
    Label(String),
    /// An address outside the document (the web, e-mail, the site online).
    Url(String),
    /// A picture, at this path of the document's world.
    Image(String),
    /// Nothing a PDF can point at (a file of the site, with no public address): the
    /// text alone.
    Text,
}

/// One resolved link or picture, in the order of the body's analysis.
#[derive(Debug, Clone)]
pub(super) struct Link {
    pub(super) target: Target,
    /// For an unlabelled `[[wikilink]]`: the title of its target, shown as its text.
    pub(super) title: Option<String>,
    /// A page in another language: its code, shown after the text.
    pub(super) badge: Option<String>,
}

/// One body to write, with everything besides its text that it depends on.
pub(super) struct Body<'a> {
    pub(super) text: &'a str,
    /// The headings of the body's analysis, with their ids.
    pub(super) headings: &'a [Heading],
    pub(super) links: &'a [Link],
    /// The admonition labels in the page's language.
    pub(super) labels: &'a Labels,
    /// Put before every label the body defines (`chapter-x--`).
    pub(super) prefix: &'a str,
    /// The level of the chapter's own heading: a `##` of the body is one below it.
    pub(super) level: usize,
    /// Whether a leading `# Title` is the chapter title, and so left out.
    pub(super) drop_leading_h1: bool,
    /// Whether a link to another chapter is followed by its page (`page-ref`, defined
    /// by the handbook's main file): on paper a link cannot be followed (issue #30).
    pub(super) page_refs: bool,
    /// Whether the text gets soft hyphens where an Indonesian word may break
    /// (`hyphenate.rs`): for a page in Indonesian, which Typst cannot hyphenate.
    pub(super) soft_hyphens: bool,
}

/// Something of a body the PDF leaves out, at a byte offset of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Omission {
    pub(super) offset: usize,
    pub(super) message: String,
}

/// A body as Typst markup, and what it had to leave out.
pub(super) fn to_typst(body: &Body<'_>) -> (String, Vec<Omission>) {
    let mut writer = Writer::new(body);
    for (event, range) in Parser::new_ext(body.text, options()).into_offset_iter() {
        writer.event(event, range);
    }
    writer.finish()
}

/// A field value (Markdown inline syntax, no resolved links) as Typst markup, with
/// soft hyphens if `soft_hyphens` (see [`Body::soft_hyphens`]).
pub(super) fn inline(text: &str, labels: &Labels, soft_hyphens: bool) -> String {
    let body = Body {
        text,
        headings: &[],
        links: &[],
        labels,
        prefix: "",
        level: 1,
        drop_leading_h1: false,
        page_refs: false,
        soft_hyphens,
    };
    let (markup, _) = to_typst(&body);
    markup.trim_end().to_string()
}

/// The name of a Typst label: `prefix` (ours, with `:` between its parts) and `id` (a
/// page's or a heading's) with letters, digits, `-` and `_` as they are and any other
/// character as `.` and its code point, so that two ids never share a label.
pub(super) fn label(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len());
    out.push_str(prefix);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!(".{:x}.", c as u32));
        }
    }
    out
}

/// Appends `text` escaped for Typst markup.
pub(super) fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\\' | '#' | '*' | '_' | '`' | '$' | '@' | '<' | '>' | '[' | ']' | '~' | '=' | '-'
            | '+' | '/' | '.' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            // Our own placeholders (see `Writer::finish`) use the private use area.
            '\u{E000}'..='\u{F8FF}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
}

/// `text` as a Typst string literal, quotes included.
pub(super) fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{E000}'..='\u{F8FF}' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The placeholder of footnote reference `n`, replaced in [`Writer::finish`].
fn placeholder(n: usize) -> String {
    format!("\u{E000}{n}\u{E001}")
}

/// What an open link does at its end.
struct OpenLink {
    badge: Option<String>,
    is_text_replaced: bool,
    /// The label whose page follows the link.
    page_ref: Option<String>,
}

/// A picture being written: where it points and its alt text so far.
struct OpenImage {
    target: Target,
    alt: String,
    offset: usize,
}

/// Turns the events of one body into Typst markup. Nested parts (a heading, a footnote,
/// a code block) are written into their own buffer on `stack`.
struct Writer<'a> {
    body: &'a Body<'a>,
    /// The buffers being written, innermost last; the first is the body.
    stack: Vec<String>,
    headings_started: usize,
    /// The heading being written: its level in the document and its label; `None`
    /// inside it when it is the dropped leading `# Title`.
    heading: Option<Option<(usize, String)>>,
    links_started: usize,
    open_links: Vec<OpenLink>,
    image: Option<OpenImage>,
    /// Whether the events are inside a code block.
    in_code_block: Option<String>,
    /// The names of the footnote definitions being written.
    open_footnotes: Vec<String>,
    /// Footnote definitions by name, as markup.
    footnotes: HashMap<String, String>,
    /// Footnote references in order: the name of reference `n`.
    references: Vec<String>,
    /// Whether a term of a definition list is open (`terms.item[…][…`).
    term_open: Vec<bool>,
    omissions: Vec<Omission>,
    /// Whether the events are inside a part for the web pages only.
    in_screen_part: bool,
}

impl<'a> Writer<'a> {
    fn new(body: &'a Body<'a>) -> Self {
        Writer {
            body,
            stack: vec![String::with_capacity(body.text.len() * 5 / 4)],
            headings_started: 0,
            heading: None,
            links_started: 0,
            open_links: Vec::new(),
            image: None,
            in_code_block: None,
            open_footnotes: Vec::new(),
            footnotes: HashMap::new(),
            references: Vec::new(),
            term_open: Vec::new(),
            omissions: Vec::new(),
            in_screen_part: false,
        }
    }

    fn out(&mut self) -> &mut String {
        self.stack
            .last_mut()
            .expect("the body's own buffer is never popped")
    }

    fn push(&mut self, text: &str) {
        self.out().push_str(text);
    }

    fn escaped(&mut self, text: &str) {
        let out = self.stack.last_mut().expect("the body's own buffer");
        escape(out, text);
    }

    fn is_in_dropped_heading(&self) -> bool {
        matches!(self.heading, Some(None))
    }

    fn is_text_replaced(&self) -> bool {
        self.open_links.last().is_some_and(|l| l.is_text_replaced)
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if self.is_in_dropped_heading() {
            match event {
                Event::End(TagEnd::Heading(_)) => self.heading = None,
                // A link there still has its entry in `links`.
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.links_started += 1,
                _ => {}
            }
            return;
        }
        // A part for the web pages only is left out (issue #30); its links and
        // headings still have their entries.
        if let Event::Html(html) | Event::InlineHtml(html) = &event
            && let Some(m) = medium::marker(html)
            && m.medium == Medium::Screen
        {
            self.in_screen_part = m.is_open;
            return;
        }
        if self.in_screen_part {
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.links_started += 1,
                Event::Start(Tag::Heading { .. }) => self.headings_started += 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                if let Some(image) = &mut self.image {
                    image.alt.push_str(&code);
                } else if !self.is_text_replaced() {
                    let call = format!("#raw({});", string(&code));
                    self.push(&call);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push("#linebreak();"),
            Event::Rule => self.push("#line(length: 100%)\n\n"),
            Event::TaskListMarker(done) => self.push(if done { "☒ " } else { "☐ " }),
            Event::FootnoteReference(name) => {
                self.references.push(name.to_string());
                let p = placeholder(self.references.len() - 1);
                self.push(&p);
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text(&m),
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(image) = &mut self.image {
            image.alt.push_str(text);
        } else if self.in_code_block.is_some() {
            self.push(text);
        } else if !self.is_text_replaced() {
            // Headings are set ragged: no soft hyphens there.
            if self.body.soft_hyphens && self.heading.is_none() {
                self.escaped(&super::hyphenate::soft_hyphens(text));
            } else {
                self.escaped(text);
            }
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => self.start_heading(level as usize, range),
            Tag::BlockQuote(None) => self.push("#quote(block: true)[\n"),
            Tag::BlockQuote(Some(kind)) => {
                let (class, label) = admonition(kind, self.body.labels);
                let open = format!("#admonition({}, [", string(class));
                self.push(&open);
                self.escaped(label);
                self.push("])[\n");
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.in_code_block = Some(lang);
                self.stack.push(String::new());
            }
            // A checklist (`- [ ] …`) shows its box, not a bullet and a box.
            Tag::List(None) => {
                let source = self.body.text.get(range.clone()).unwrap_or("");
                let first = source.trim_start().get(1..).unwrap_or("").trim_start();
                let is_checklist = ["[ ]", "[x]", "[X]"].iter().any(|b| first.starts_with(b));
                self.push(match is_checklist {
                    true => "#list(marker: none,\n",
                    false => "#list(\n",
                });
            }
            Tag::List(Some(start)) => {
                let open = format!("#enum(start: {start},\n");
                self.push(&open);
            }
            Tag::Item => self.push("["),
            Tag::FootnoteDefinition(name) => {
                self.open_footnotes.push(name.to_string());
                self.stack.push(String::new());
            }
            Tag::DefinitionList => {
                self.push("#terms(\n");
                self.term_open.push(false);
            }
            Tag::DefinitionListTitle => {
                if self.term_open.last() == Some(&true) {
                    self.push("],\n");
                }
                if let Some(open) = self.term_open.last_mut() {
                    *open = true;
                }
                self.push("terms.item[");
            }
            Tag::DefinitionListDefinition => {}
            Tag::Table(alignments) => self.start_table(&alignments),
            Tag::TableHead => self.push("header: ("),
            Tag::TableRow => self.push("("),
            Tag::TableCell => self.push("["),
            Tag::Emphasis => self.push("#emph["),
            Tag::Strong => self.push("#strong["),
            Tag::Strikethrough => self.push("#strike["),
            Tag::Superscript => self.push("#super["),
            Tag::Subscript => self.push("#sub["),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.start_link(link_type, &dest_url),
            Tag::Image { dest_url, .. } => {
                let link = self.next_link(&dest_url);
                self.image = Some(OpenImage {
                    target: link.target,
                    alt: String::new(),
                    offset: range.start,
                });
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.push("\n\n"),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => self.push("]\n\n"),
            TagEnd::CodeBlock => {
                let code = self.stack.pop().unwrap_or_default();
                let lang = self.in_code_block.take().unwrap_or_default();
                let code = code.strip_suffix('\n').unwrap_or(&code);
                let call = match lang.is_empty() {
                    true => format!("#raw(block: true, {})\n\n", string(code)),
                    false => format!(
                        "#raw(block: true, lang: {}, {})\n\n",
                        string(&lang),
                        string(code)
                    ),
                };
                self.push(&call);
            }
            TagEnd::List(_) => self.push(");\n\n"),
            TagEnd::Item => self.push("],\n"),
            TagEnd::FootnoteDefinition => {
                // The name is not on the end tag: it was pushed with the start.
                let markup = self.stack.pop().unwrap_or_default();
                self.pending_footnote(markup);
            }
            TagEnd::DefinitionList => {
                if self.term_open.pop() == Some(true) {
                    self.push("],\n");
                }
                self.push(");\n\n");
            }
            TagEnd::DefinitionListTitle => self.push("]["),
            TagEnd::DefinitionListDefinition => self.push("\n\n"),
            TagEnd::Table => self.push("));\n\n"),
            TagEnd::TableHead => self.push("), rows: ("),
            TagEnd::TableRow => self.push("),\n"),
            TagEnd::TableCell => self.push("], "),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => self.push("];"),
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// The resolved link for the next link or picture; one made from its destination
    /// when there is none (field values).
    fn next_link(&mut self, dest: &str) -> Link {
        let link = self.body.links.get(self.links_started).cloned();
        self.links_started += 1;
        link.unwrap_or_else(|| Link {
            target: if dest.starts_with("https://")
                || dest.starts_with("http://")
                || dest.starts_with("mailto:")
            {
                Target::Url(dest.to_string())
            } else {
                Target::Text
            },
            title: None,
            badge: None,
        })
    }

    fn start_heading(&mut self, level: usize, range: Range<usize>) {
        let body = self.body;
        let id = body
            .headings
            .get(self.headings_started)
            .map_or("", |h| h.id.as_str());
        let is_dropped = body.drop_leading_h1
            && self.headings_started == 0
            && level == 1
            && range.start == body.text.len() - body.text.trim_start().len();
        self.headings_started += 1;
        if is_dropped {
            self.heading = Some(None);
            return;
        }
        let level = body.level + level.max(2) - 1;
        self.heading = Some(Some((level, label(body.prefix, id))));
        self.stack.push(String::new());
    }

    fn end_heading(&mut self) {
        let Some(Some((level, label))) = self.heading.take() else {
            return;
        };
        let text = self.stack.pop().unwrap_or_default();
        // A heading without an id (a field's text) gets no label: two would clash.
        let label = match label.ends_with(':') {
            true => String::new(),
            false => format!("<{label}>"),
        };
        let call = format!("#heading(level: {level})[{}]{label}\n\n", text.trim());
        self.push(&call);
    }

    fn start_table(&mut self, alignments: &[Alignment]) {
        let aligns: Vec<&str> = alignments
            .iter()
            .map(|a| match a {
                Alignment::None => "auto",
                Alignment::Left => "left",
                Alignment::Center => "center",
                Alignment::Right => "right",
            })
            .collect();
        let open = format!("#md-table(align: ({},), ", aligns.join(", "));
        self.push(&open);
    }

    fn start_link(&mut self, link_type: LinkType, dest: &CowStr<'_>) {
        let dest = match link_type {
            LinkType::Email => format!("mailto:{dest}"),
            _ => dest.to_string(),
        };
        let link = self.next_link(&dest);
        let is_unlabelled_wiki = matches!(link_type, LinkType::WikiLink { has_pothole: false });
        let open = match &link.target {
            Target::Label(l) => format!("#link(<{l}>)["),
            Target::Url(u) => format!("#link({})[", string(u)),
            Target::Image(_) | Target::Text => "#[".to_string(),
        };
        self.push(&open);
        let shown = link.title.filter(|_| is_unlabelled_wiki);
        if let Some(title) = &shown {
            self.escaped(title);
        }
        // Only a link to another chapter or its headings: within a chapter the
        // place is near.
        let own_chapter = self.body.prefix.trim_end_matches(':');
        let page_ref = match &link.target {
            Target::Label(l)
                if self.body.page_refs && !l.starts_with(self.body.prefix) && l != own_chapter =>
            {
                Some(l.clone())
            }
            _ => None,
        };
        self.open_links.push(OpenLink {
            badge: link.badge,
            is_text_replaced: shown.is_some(),
            page_ref,
        });
    }

    fn end_link(&mut self) {
        let open = self.open_links.pop();
        if let Some(OpenLink {
            badge: Some(code), ..
        }) = &open
        {
            self.push(" #text(size: 0.75em)[(");
            self.escaped(&code.to_uppercase());
            self.push(")];");
        }
        self.push("];");
        if let Some(OpenLink {
            page_ref: Some(label),
            ..
        }) = open
            && self.image.is_none()
        {
            let call = format!("#page-ref(<{label}>);");
            self.push(&call);
        }
    }

    fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        match &image.target {
            Target::Image(path) => {
                let call = format!(
                    "#md-image({}, alt: {});",
                    string(path),
                    string(image.alt.trim())
                );
                self.push(&call);
            }
            _ => {
                self.omissions.push(Omission {
                    offset: image.offset,
                    message: format!(
                        "the picture `{}` is left out of the PDF: only pictures of the content (PNG, JPEG, GIF, SVG, WebP) can be printed",
                        image.alt.trim()
                    ),
                });
                self.push("#[");
                self.escaped(&image.alt);
                self.push("];");
            }
        }
    }

    /// A footnote definition just ended: its name is the one whose start was last seen.
    fn pending_footnote(&mut self, markup: String) {
        if let Some(name) = self.open_footnotes.pop() {
            self.footnotes.entry(name).or_insert(markup);
        }
    }

    /// Puts the footnotes in: the first reference to a footnote holds its text, later
    /// ones refer to it.
    fn finish(self) -> (String, Vec<Omission>) {
        let Writer {
            mut stack,
            footnotes,
            references,
            body,
            mut omissions,
            ..
        } = self;
        let text = stack.swap_remove(0);
        if references.is_empty() {
            return (text, omissions);
        }
        let mut out =
            String::with_capacity(text.len() + footnotes.values().map(String::len).sum::<usize>());
        let mut seen = std::collections::HashSet::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find('\u{E000}') {
            out.push_str(&rest[..at]);
            let after = &rest[at + '\u{E000}'.len_utf8()..];
            let end = after.find('\u{E001}').unwrap_or(after.len());
            let n: usize = after[..end].parse().unwrap_or(usize::MAX);
            rest = after.get(end + '\u{E001}'.len_utf8()..).unwrap_or("");
            let Some(name) = references.get(n) else {
                continue;
            };
            // `:` never comes out of `label` for a heading id: no clash with one.
            let fn_label = label(&format!("{}fn:", body.prefix), name);
            match footnotes.get(name) {
                Some(_) if !seen.insert(name.clone()) => {
                    out.push_str(&format!("#footnote(<{fn_label}>);"));
                }
                Some(markup) => {
                    out.push_str(&format!("#footnote[{}]<{fn_label}>", markup.trim()));
                }
                None => {
                    escape(&mut out, &format!("[^{name}]"));
                }
            }
        }
        out.push_str(rest);
        omissions.sort_by_key(|o| o.offset);
        (out, omissions)
    }
}

/// The class and the label of an alert (`> [!NOTE]`), as the HTML names them.
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

    fn typst(text: &str) -> String {
        let labels = Labels {
            note: "Note".into(),
            ..Labels::default()
        };
        let body = Body {
            text,
            headings: &[],
            links: &[],
            labels: &labels,
            prefix: "c:p:",
            level: 1,
            drop_leading_h1: false,
            page_refs: false,
            soft_hyphens: false,
        };
        to_typst(&body).0
    }

    #[test]
    fn every_sign_typst_reads_as_code_is_escaped() {
        let out = typst(r"a #b $c$ \*d\* `f` @g [i] \\ // j ~ = - + l <x");
        assert_eq!(
            out,
            "a \\#b \\$c\\$ \\*d\\* #raw(\"f\"); \\@g \\[i\\] \\\\ \\/\\/ j \\~ \\= \\- \\+ l \\<x\n\n"
        );
        // A paragraph that starts like a numbered list stays text.
        assert_eq!(typst(r"1\. one"), "1\\. one\n\n");
    }

    #[test]
    fn our_placeholders_in_the_text_are_escaped_and_stay_text() {
        let out = typst("a \u{E000}0\u{E001} b[^n]\n\n[^n]: note");
        assert!(out.contains(r"\u{e000}0\u{e001}"), "{out}");
        assert!(out.contains("#footnote[note"), "{out}");
    }

    #[test]
    fn a_footnote_used_twice_is_printed_once_and_referred_to_after() {
        let out = typst("x[^a] y[^a] z[^missing]\n\n[^a]: The note.");
        assert_eq!(out.matches("#footnote[The note\\.").count(), 1, "{out}");
        assert!(out.contains("]<c:p:fn:a>"), "{out}");
        assert!(out.contains("#footnote(<c:p:fn:a>);"), "{out}");
        assert!(out.contains(r"\[^missing\]"), "{out}");
    }

    #[test]
    fn labels_keep_ids_apart() {
        assert_eq!(
            label("c:", "group-types/therapy"),
            "c:group-types.2f.therapy"
        );
        assert_ne!(label("c:", "a.b"), label("c:", "a/b"));
        assert_eq!(label("c:", "ñ"), "c:.f1.");
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_line_ends() {
        assert_eq!(string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }

    #[test]
    fn tables_lists_and_admonitions_become_calls_of_the_template() {
        let out = typst("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- x\n- y\n\n> [!NOTE]\n> n\n");
        assert!(
            out.contains(
                "#md-table(align: (left, right,), header: ([a], [b], ), rows: (([1], [2], ),"
            ),
            "{out}"
        );
        assert!(out.contains("#list(\n[x],\n[y],\n);"), "{out}");
        assert!(out.contains("#admonition(\"note\", [Note])[\nn"), "{out}");
    }
}
