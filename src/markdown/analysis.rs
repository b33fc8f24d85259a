//! The first pass: a body's headings (with their final ids), links and plain text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

use super::medium::{MarkerProblem, Medium, Tracker};
use super::scripts::{self, Script, ScriptKind};
use super::{heading_level, options};
use crate::terms::Join;

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
    /// What would run script in the reader's browser, in source order.
    pub scripts: Vec<Script>,
    /// The running text, piece by piece in source order, where house terms are looked
    /// for: text outside code, link targets (a bare URL, an unlabelled `[[id]]`) and
    /// raw HTML, and outside `<!-- panduan:terms off -->` … `<!-- panduan:terms on -->`.
    pub prose: Vec<Prose>,
    /// Where the body first nests deeper than [`MAX_NESTING`](super::MAX_NESTING) (quotes, lists and
    /// elements one inside another), if it does: such a page is refused.
    pub too_deep: Option<usize>,
    /// Media markers (`<!-- panduan:screen -->`, …) that do not pair up.
    pub marker_problems: Vec<MarkerProblem>,
}

/// A piece of a body's running text (one text event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    /// Byte range in the body.
    pub range: Range<usize>,
    /// The text, when it is not the source in `range` as written (an entity, an escape).
    pub text: Option<Box<str>>,
    /// What lies between this piece and the one before.
    pub gap: Join,
}

/// The marker that stops house terms being looked for (`… on` starts again): for a page
/// that quotes the forms to avoid on purpose, such as a style guide.
pub const TERMS_MARKER: &str = "panduan:terms";

/// Where [`analyse`] is in the running text.
struct ProseState {
    gap: Join,
    /// Where the last piece ended in the body.
    end: usize,
    in_code_block: bool,
    /// Per open link or image: whether its text is its target (`<https://…>`, `[[id]]`).
    links: Vec<bool>,
    /// Between `<!-- panduan:terms off -->` and `… on -->`.
    off: bool,
}

impl ProseState {
    /// Follows one event; a text event worth matching becomes a piece of `prose`.
    fn see(&mut self, event: &Event<'_>, range: &Range<usize>, body: &str, prose: &mut Vec<Prose>) {
        match event {
            Event::Text(text) => {
                if self.in_code_block || self.off || self.links.contains(&true) {
                    self.gap = Join::Apart;
                    return;
                }
                let gap = match self.gap {
                    Join::Apart => Join::Apart,
                    Join::Space => Join::Space,
                    Join::Touching => match body.get(self.end..range.start) {
                        Some(between) if between.contains(char::is_whitespace) => Join::Space,
                        _ => Join::Touching,
                    },
                };
                let as_written = body.get(range.clone()) == Some(text.as_ref());
                prose.push(Prose {
                    range: range.clone(),
                    text: (!as_written).then(|| text.as_ref().into()),
                    gap,
                });
                self.end = range.end;
                self.gap = Join::Touching;
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.gap != Join::Apart {
                    self.gap = Join::Space;
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.in_code_block = true;
                self.gap = Join::Apart;
            }
            Event::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                self.gap = Join::Apart;
            }
            Event::Start(Tag::Link { link_type, .. }) => self.links.push(matches!(
                link_type,
                LinkType::Autolink | LinkType::Email | LinkType::WikiLink { has_pothole: false }
            )),
            Event::Start(Tag::Image { .. }) => self.links.push(false),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                self.links.pop();
            }
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript,
            )
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript,
            )
            | Event::InlineHtml(_) => self.directive(event),
            _ => {
                self.directive(event);
                self.gap = Join::Apart;
            }
        }
    }

    /// `<!-- panduan:terms off -->` and `<!-- panduan:terms on -->`.
    fn directive(&mut self, event: &Event<'_>) {
        let (Event::Html(html) | Event::InlineHtml(html)) = event else {
            return;
        };
        if let Some(at) = html.find(TERMS_MARKER) {
            let rest = html[at + TERMS_MARKER.len()..].trim_start();
            if rest.starts_with("off") {
                self.off = true;
            } else if rest.starts_with("on") {
                self.off = false;
            }
        }
    }
}

/// The plain text of a part of a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionText {
    /// The `##`/`###` heading that opens this part (an index into
    /// [`Analysis::headings`]); none for the part before the first one.
    pub heading: Option<usize>,
    /// Text and code, with blocks and line breaks as single spaces; heading text is
    /// left out. Inline markup (emphasis, links) adds no space, so the text reads as the
    /// page shows it ("swabantu, yang", not "swabantu , yang").
    pub text: String,
    /// Where an unlabelled `[[id]]` wrote its target in `text`: the page shows the
    /// target's title there instead, which only the model knows (search puts it in).
    pub wiki: Vec<WikiSlot>,
}

/// An unlabelled wikilink's place in a [`SectionText`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiSlot {
    /// Byte range of the target as written, in the section's text.
    pub range: Range<usize>,
    /// Where the link starts in the body (the `range.start` of its [`RawLink`]).
    pub link: usize,
}

impl SectionText {
    /// Ends a word at a block end or line break.
    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }
}

/// Finds the headings (with their final ids) and the links of a body, its text, its
/// script and how deeply it nests. One pass over the events, each kind of event handed
/// to the part of `Analyser` that deals with it.
pub fn analyse(body: &str) -> Analysis {
    let mut a = Analyser::new(body);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        a.prose.see(&event, &range, body, &mut a.out.prose);
        a.follow_html(&event, &range);
        a.media.see(&event, a.written_at(&event, &range));
        match &event {
            Event::Start(Tag::Heading { level, id, .. }) => a.start_heading(*level, id, range),
            Event::End(TagEnd::Heading(_)) => a.end_heading(),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => a.start_link(*link_type, dest_url, range),
            Event::Start(Tag::Image { dest_url, .. }) => a.start_image(dest_url, range),
            Event::End(TagEnd::Link | TagEnd::Image) => a.end_link(),
            Event::Text(t) | Event::Code(t) => a.text(t),
            Event::Html(_) | Event::InlineHtml(_) => a.out.is_empty = false,
            _ => {}
        }
        a.after(&event);
    }
    a.finish()
}

/// The first pass under way: what is found so far, and where in the body it is.
struct Analyser<'a> {
    body: &'a str,
    out: Analysis,
    ids: IdAllocator,
    /// The heading being read: level, explicit id, range and text so far.
    heading: Option<(u8, Option<String>, Range<usize>, String)>,
    /// The links and images open, innermost last.
    link_stack: Vec<RawLink>,
    /// Per open link: where an unlabelled wikilink's text starts in its section's text.
    wiki_starts: Vec<Option<usize>>,
    /// Whether no block has ended yet (a level-1 heading here opens the body).
    first_block: bool,
    /// Raw HTML as a browser reads it, with what Panduan writes around it.
    html: scripts::Scanner,
    /// What [`Scanner::ours`](scripts::Scanner::ours) is given for an event, reused.
    rendered: String,
    prose: ProseState,
    /// The media markers open (`<!-- panduan:screen -->`, …).
    media: Tracker,
}

impl<'a> Analyser<'a> {
    fn new(body: &'a str) -> Self {
        Analyser {
            body,
            out: Analysis {
                is_empty: true,
                sections: vec![SectionText::default()],
                ..Analysis::default()
            },
            ids: IdAllocator::default(),
            heading: None,
            link_stack: Vec::new(),
            wiki_starts: Vec::new(),
            first_block: true,
            html: scripts::Scanner::default(),
            rendered: String::new(),
            prose: ProseState {
                gap: Join::Apart,
                end: 0,
                in_code_block: false,
                links: Vec::new(),
                off: false,
            },
            media: Tracker::default(),
        }
    }

    /// Where an event is written in the body: raw HTML inside a list or a quote loses
    /// its indentation or `>`, so it is looked for in its range.
    fn written_at(&self, event: &Event<'_>, range: &Range<usize>) -> usize {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => self
                .body
                .get(range.clone())
                .and_then(|source| source.find(html.as_ref()))
                .map_or(range.start, |at| range.start + at),
            _ => range.start,
        }
    }

    /// Feeds raw HTML to the scanner at its place, and the HTML any other event becomes
    /// as Panduan's own (so that the scanner is where a browser would be); notes where
    /// the nesting first goes past [`MAX_NESTING`](super::MAX_NESTING).
    fn follow_html(&mut self, event: &Event<'_>, range: &Range<usize>) {
        if self.out.too_deep.is_some() {
            // The page is refused: the rest is not read.
            return;
        }
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                // Where the piece is written: inside a list or a quote, pieces lose
                // their indentation or `>`, so they are looked for in their range.
                let base = self.written_at(event, range);
                self.html.raw(self.body, html, base, &mut self.out.scripts);
            }
            // Text is escaped (no `<`): one letter leaves the tokenizer where all of it
            // would, at the cost of one.
            Event::Text(_) | Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.html.ours("x");
            }
            _ => {
                self.rendered.clear();
                pulldown_cmark::html::push_html(&mut self.rendered, std::iter::once(event.clone()));
                self.html.ours(&self.rendered);
            }
        }
        if self.out.too_deep.is_none()
            && let Some(at) = self.html.too_deep()
        {
            self.out.too_deep = Some(at.unwrap_or(range.start));
        }
    }

    fn start_heading(&mut self, level: HeadingLevel, id: &Option<CowStr<'_>>, range: Range<usize>) {
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            self.out.sections.push(SectionText {
                heading: Some(self.out.headings.len()),
                text: String::new(),
                wiki: Vec::new(),
            });
        }
        self.heading = Some((
            heading_level(level),
            id.as_ref().map(|s| s.to_string()),
            range,
            String::new(),
        ));
    }

    fn end_heading(&mut self) {
        if let Some((level, explicit, range, text)) = self.heading.take() {
            let text = text.trim().to_string();
            let id = self.ids.allocate(explicit.as_deref(), &text);
            if level == 1 && self.first_block && self.out.headings.is_empty() {
                self.out.leading_h1 = Some(text.clone());
            }
            self.out.headings.push(Heading {
                level,
                id,
                text,
                range,
            });
        }
        self.first_block = false;
    }

    /// A `javascript:` destination of a Markdown link or image runs script too.
    fn check_destination(&mut self, dest: &str, offset: usize) {
        if scripts::is_javascript_url(dest) {
            self.out.scripts.push(Script {
                kind: ScriptKind::JavascriptUrl,
                offset,
            });
        }
    }

    fn start_link(&mut self, link_type: LinkType, dest_url: &str, range: Range<usize>) {
        let kind = match link_type {
            LinkType::WikiLink { has_pothole } => LinkKind::Wiki {
                labelled: has_pothole,
            },
            _ => LinkKind::Markdown,
        };
        // `<tim@example.org>` is an address, not a file: its destination is what the
        // browser gets, `mailto:tim@example.org`.
        let dest = match link_type {
            LinkType::Email => format!("mailto:{dest_url}"),
            _ => dest_url.to_string(),
        };
        let is_unlabelled_wiki = matches!(link_type, LinkType::WikiLink { has_pothole: false });
        let heading_open = self.heading.is_some();
        self.wiki_starts.push(
            self.out
                .sections
                .last()
                .filter(|_| is_unlabelled_wiki && !heading_open)
                .map(|s| s.text.len()),
        );
        self.check_destination(&dest, range.start);
        self.link_stack.push(RawLink {
            kind,
            dest,
            range,
            text: String::new(),
        });
    }

    fn start_image(&mut self, dest_url: &str, range: Range<usize>) {
        self.wiki_starts.push(None);
        self.check_destination(dest_url, range.start);
        self.link_stack.push(RawLink {
            kind: LinkKind::Image,
            dest: dest_url.to_string(),
            range,
            text: String::new(),
        });
    }

    fn end_link(&mut self) {
        if let (Some(Some(start)), Some(link), Some(s)) = (
            self.wiki_starts.pop(),
            self.link_stack.last(),
            self.out.sections.last_mut(),
        ) && start <= s.text.len()
        {
            s.wiki.push(WikiSlot {
                range: start..s.text.len(),
                link: link.range.start,
            });
        }
        if let Some(link) = self.link_stack.pop() {
            if let Some(outer) = self.link_stack.last_mut() {
                outer.text.push_str(&link.text);
            }
            self.out.links.push(link);
        }
    }

    fn text(&mut self, t: &str) {
        self.out.is_empty &= t.trim().is_empty();
        if let Some(h) = self.heading.as_mut() {
            h.3.push_str(t);
        } else if self.media.open_medium() == Some(Medium::Print) {
            // Text for paper only is not on the web page the search finds.
        } else if let Some(s) = self.out.sections.last_mut() {
            s.text.push_str(t);
        }
        if let Some(l) = self.link_stack.last_mut() {
            l.text.push_str(t);
        }
    }

    /// Word breaks in the section text, and the end of the chance of a leading h1.
    fn after(&mut self, event: &Event<'_>) {
        let is_inline_end = matches!(
            event,
            Event::End(
                TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Link
                    | TagEnd::Image
            )
        );
        if matches!(event, Event::SoftBreak | Event::HardBreak | Event::End(_))
            && !is_inline_end
            && self.heading.is_none()
            && let Some(s) = self.out.sections.last_mut()
        {
            s.space();
        }
        if matches!(event, Event::End(_))
            && self.first_block
            && self.heading.is_none()
            && self.link_stack.is_empty()
        {
            // The first block that is not a heading ends the chance of a leading h1.
            self.first_block = false;
        }
    }

    fn finish(self) -> Analysis {
        let mut out = self.out;
        out.marker_problems = self.media.finish();
        for s in &mut out.sections {
            let start = s.text.len() - s.text.trim_start().len();
            let trimmed = s.text.trim();
            if trimmed.len() != s.text.len() {
                let len = trimmed.len();
                s.text = trimmed.to_string();
                s.wiki.retain_mut(|w| {
                    w.range =
                        w.range.start.saturating_sub(start)..w.range.end.saturating_sub(start);
                    w.range.end <= len
                });
            }
        }
        // Links are reported in source order of their start (nested images end first).
        out.links.sort_by_key(|l| l.range.start);
        out.scripts.sort_by_key(|s| s.offset);
        out
    }
}

/// Hands out unique heading ids: the first `Setting up` is `setting-up`, the next
/// `setting-up-1`. Explicit `{#id}`s are used as written. Each base remembers the
/// next number to try, so that N identical headings cost N steps, not N² (issue #24).
#[derive(Default)]
struct IdAllocator {
    used: HashSet<String>,
    next: HashMap<String, usize>,
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
        let n = self.next.entry(base.clone()).or_insert(1);
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_are_unique_and_explicit_ids_win() {
        let a = analyse("## Tujuan\n\n## Tujuan\n\n## Lain {#khusus}\n\n### Ça va?\n");
        let ids: Vec<&str> = a.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["tujuan", "tujuan-1", "khusus", "ça-va"]);
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
