//! What in a body would run script in a reader's browser, or send it elsewhere: raw
//! HTML passes through to the output as written, so the analysis reports these and the
//! model warns (issues #15 and #24).
//!
//! Raw HTML is read by html5ever's HTML5 tokenizer, the one browsers' parsing is
//! specified by, so it is read as a browser reads it: character references in
//! attributes are decoded (`&#106;avascript:`, `javascript&colon;`), comments end
//! where a browser ends them (`<!-->`, `--!>`), and the text of `<style>`, `<textarea>`,
//! `<noscript>` and the like is text. The tokenizer is fed one character at a time, so
//! that each tag is found at its place in the body. [`script_in_element`] and
//! [`script_in_attribute`] are the one classification, used by the EPUB too to leave
//! out what it finds.
//!
//! What is reported ([`ScriptKind`]): `<script>` (in HTML, SVG or MathML), event
//! attributes (`on…=`, and SVG `set`/`animate` of one), `javascript:` and `vbscript:`
//! URLs in any attribute that can hold a URL (`href`, `src`, `xlink:href`, `action`,
//! `formaction`, `to=`, `values=` …), `srcdoc` documents that hold any of these
//! (read recursively), `data:` documents in frames, `<base href>`, and forms that send
//! what readers type to another address.
//!
//! The tokenizer also counts how deeply elements are nested, for the nesting limit.

use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;

use super::MAX_NESTING;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// What was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptKind {
    /// A `<script>` element (in HTML, SVG or MathML).
    Element,
    /// An event-handler attribute such as `onclick` (its name, lowercased), or an SVG
    /// `set`/`animate` that sets one.
    Handler(String),
    /// A `javascript:` (or `vbscript:`) URL, in an attribute or a Markdown link.
    JavascriptUrl,
    /// An `<iframe srcdoc>` whose document holds script.
    Srcdoc,
    /// A `data:` document (HTML, SVG, XML) loaded in a frame, an object or an embed.
    DataDocument,
    /// A `<base href>`: every relative address, the theme's scripts included, loads
    /// from where it points.
    Base,
    /// A form, or a button's `formaction`, that sends what readers type to an address.
    FormAction,
}

/// Script in a body: what, and the byte offset in the body where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub kind: ScriptKind,
    pub offset: usize,
}

/// Whether `url` runs script when followed: `javascript:` (or `vbscript:`), in any
/// case, with the tabs, line breaks and leading spaces and controls browsers ignore.
/// Character references must already be decoded.
pub(super) fn is_javascript_url(url: &str) -> bool {
    let letters = || {
        url.trim_start_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
    };
    ["javascript:", "vbscript:"].iter().any(|scheme| {
        let mut letters = letters();
        scheme.chars().all(|want| {
            letters
                .next()
                .is_some_and(|c| c.eq_ignore_ascii_case(&want))
        })
    })
}

/// Whether an element of this name runs script wherever it is: `<script>`, in any
/// namespace (an SVG `<script>` runs too).
pub fn script_in_element(name: &str) -> Option<ScriptKind> {
    local(name)
        .eq_ignore_ascii_case("script")
        .then_some(ScriptKind::Element)
}

/// What in attribute `attribute="value"` of element `element` would run script or send
/// readers elsewhere. `value` is decoded (character references read); names may carry
/// a prefix (`xlink:href`). Shared by the warnings and the EPUB, which leaves out
/// every attribute this names.
pub fn script_in_attribute(element: &str, attribute: &str, value: &str) -> Option<ScriptKind> {
    let element = local(element).to_ascii_lowercase();
    let name = local(attribute).to_ascii_lowercase();
    if name.len() > 2 && name.starts_with("on") {
        return Some(ScriptKind::Handler(name));
    }
    // SVG animation of an event attribute: `<set attributeName="onload" to="…">`.
    if name == "attributename" {
        let target = local(value.trim()).to_ascii_lowercase();
        if target.len() > 2 && target.starts_with("on") {
            return Some(ScriptKind::Handler(target));
        }
    }
    if name == "srcdoc" {
        return srcdoc_has_script(value).then_some(ScriptKind::Srcdoc);
    }
    if !is_text_attribute(&name) {
        // `values` of an SVG animation is a list: `values="x;javascript:…"`.
        let is_script = if name == "values" {
            value.split(';').any(is_javascript_url)
        } else {
            is_javascript_url(value)
        };
        if is_script {
            return Some(ScriptKind::JavascriptUrl);
        }
    }
    if matches!(element.as_str(), "iframe" | "frame" | "object" | "embed")
        && matches!(name.as_str(), "src" | "data")
        && is_data_document(value)
    {
        return Some(ScriptKind::DataDocument);
    }
    if element == "base" && name == "href" {
        return Some(ScriptKind::Base);
    }
    if (name == "formaction" || (element == "form" && name == "action"))
        && !value.trim().is_empty()
        && !value.trim_start().starts_with('#')
    {
        return Some(ScriptKind::FormAction);
    }
    None
}

/// The local part of a name that may carry a prefix (`xlink:href` -> `href`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Attributes that hold text for people, never an address a browser follows: the words
/// `javascript:` there are just words.
fn is_text_attribute(name: &str) -> bool {
    matches!(
        name,
        "title" | "alt" | "class" | "id" | "lang" | "placeholder" | "label" | "style"
    ) || name.starts_with("aria-")
}

/// A `data:` URL holding a document that runs script when loaded in a frame.
fn is_data_document(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    url.strip_prefix("data:").is_some_and(|rest| {
        let mime = rest.split([',', ';']).next().unwrap_or_default();
        mime.contains("html") || mime.contains("svg") || mime.contains("xml")
    })
}

/// Elements whose end tag may be left out (the next one closes them): they do not
/// count towards the nesting depth.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// HTML elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];

/// A finding of the tokenizer, before it has its place: what, and the attribute it is
/// in (none for the element itself).
struct Pending {
    kind: ScriptKind,
    attribute: Option<String>,
}

/// Receives the tokens: classifies tags, tells the tokenizer when an element's text is
/// not markup, and counts nesting.
#[derive(Default)]
struct Sink {
    pending: RefCell<Vec<Pending>>,
    /// Whether any token came out since it was last reset.
    emitted: Cell<bool>,
    /// How many `<svg>`/`<math>` are open: there, `<style>` and `<script>` hold markup.
    foreign: Cell<usize>,
    /// How many elements are open (as far as tags tell).
    depth: Cell<usize>,
    /// The most that were open at once.
    deepest: Cell<usize>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(_) | Token::CommentToken(_) | Token::DoctypeToken(_) => {
                self.emitted.set(true);
                TokenSinkResult::Continue
            }
            Token::TagToken(tag) => {
                self.emitted.set(true);
                self.tag(&tag)
            }
            _ => TokenSinkResult::Continue,
        }
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.foreign.get() > 0
    }
}

impl Sink {
    fn tag(&self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let is_foreign_root = matches!(name, "svg" | "math");
        if tag.kind == TagKind::EndTag {
            if is_foreign_root {
                self.foreign.set(self.foreign.get().saturating_sub(1));
            }
            if !OPTIONAL_END.contains(&name) && !VOID.contains(&name) {
                self.depth.set(self.depth.get().saturating_sub(1));
            }
            return TokenSinkResult::Continue;
        }
        let mut pending = self.pending.borrow_mut();
        if let Some(kind) = script_in_element(name) {
            pending.push(Pending {
                kind,
                attribute: None,
            });
        }
        for attr in &tag.attrs {
            if let Some(kind) = script_in_attribute(name, &attr.name.local, &attr.value) {
                pending.push(Pending {
                    kind,
                    attribute: Some(attr.name.local.to_string()),
                });
            }
        }
        let in_foreign = self.foreign.get() > 0;
        let closes_itself = (in_foreign || is_foreign_root) && tag.self_closing;
        if !closes_itself && !OPTIONAL_END.contains(&name) && !VOID.contains(&name) {
            let depth = self.depth.get() + 1;
            self.depth.set(depth);
            self.deepest.set(self.deepest.get().max(depth));
        }
        if is_foreign_root && !tag.self_closing {
            self.foreign.set(self.foreign.get() + 1);
            return TokenSinkResult::Continue;
        }
        if in_foreign {
            return TokenSinkResult::Continue;
        }
        // What the tree builder would tell a browser's tokenizer (scripting on).
        match name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Reads the raw HTML of one body, piece by piece, in order.
pub(super) struct Scanner {
    tokenizer: Tokenizer<Sink>,
    queue: BufferQueue,
    /// Where the `<` of the tag being read is in the body, if it is in raw HTML.
    tag_start: Option<usize>,
    /// Where raw HTML first nested deeper than [`MAX_NESTING`].
    too_deep_at: Option<usize>,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner {
            tokenizer: Tokenizer::new(Sink::default(), TokenizerOpts::default()),
            queue: BufferQueue::default(),
            tag_start: None,
            too_deep_at: None,
        }
    }
}

impl Scanner {
    /// Whether what was read so far nests deeper than [`MAX_NESTING`], and where raw
    /// HTML did (none when Panduan's own HTML did, around Markdown).
    pub(super) fn too_deep(&self) -> Option<Option<usize>> {
        (self.tokenizer.sink.deepest.get() > MAX_NESTING).then_some(self.too_deep_at)
    }

    /// How many elements raw HTML has open here.
    #[cfg(test)]
    fn depth(&self) -> usize {
        self.tokenizer.sink.depth.get()
    }

    /// Reads one piece of raw HTML that starts at `base` in `body`; what it finds goes
    /// to `found` at its place.
    pub(super) fn raw(&mut self, body: &str, html: &str, base: usize, found: &mut Vec<Script>) {
        let mut buf = [0u8; 4];
        for (i, c) in html.char_indices() {
            let at = base + i;
            self.queue
                .push_back(StrTendril::from_slice(c.encode_utf8(&mut buf)));
            let _ = self.tokenizer.feed(&self.queue);
            let sink = &self.tokenizer.sink;
            if sink.emitted.replace(false) {
                let start = self.tag_start.take().unwrap_or(at);
                for p in sink.pending.borrow_mut().drain(..) {
                    let offset = p
                        .attribute
                        .and_then(|a| attribute_at(body.get(start..=at)?, &a))
                        .map_or(start, |o| start + o);
                    found.push(Script {
                        kind: p.kind,
                        offset,
                    });
                }
                if self.too_deep_at.is_none() && sink.deepest.get() > MAX_NESTING {
                    self.too_deep_at = Some(start);
                }
            }
            if c == '<' && self.tag_start.is_none() {
                self.tag_start = Some(at);
            }
        }
    }

    /// Reads HTML of Panduan's own making (what the Markdown around raw HTML becomes),
    /// for the state it leaves the tokenizer in; nothing in it is reported.
    pub(super) fn ours(&mut self, html: &str) {
        if html.is_empty() {
            return;
        }
        self.queue.push_back(StrTendril::from_slice(html));
        let _ = self.tokenizer.feed(&self.queue);
        let sink = &self.tokenizer.sink;
        sink.pending.borrow_mut().clear();
        if sink.emitted.replace(false) {
            self.tag_start = None;
        }
    }
}

/// Where attribute `name` is written in the source of a tag: the first place it
/// stands as a name (after a space, `/` or a quote), ignoring case.
fn attribute_at(tag: &str, name: &str) -> Option<usize> {
    let lower = tag.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find(&name) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_whitespace() || matches!(c, '/' | '"' | '\'')) {
            return Some(at);
        }
        from = at + name.len().max(1);
    }
    None
}

/// How deeply `srcdoc` documents are read inside one another before one is taken to
/// hold script unread (each level is a tokenizer on the stack).
const MAX_SRCDOC_DEPTH: usize = 8;

thread_local! {
    /// How many `srcdoc` documents are being read on this thread, one inside another.
    static SRCDOC_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Whether an `srcdoc` document holds anything [`script_in_attribute`] names.
fn srcdoc_has_script(html: &str) -> bool {
    let depth = SRCDOC_DEPTH.with(Cell::get);
    if depth >= MAX_SRCDOC_DEPTH {
        return true;
    }
    SRCDOC_DEPTH.with(|d| d.set(depth + 1));
    let mut found = Vec::new();
    scan_document(html, &mut found);
    SRCDOC_DEPTH.with(|d| d.set(depth));
    !found.is_empty()
}

/// Everything in a whole HTML document (an `srcdoc`), at offsets into it.
fn scan_document(html: &str, found: &mut Vec<Script>) {
    let mut scanner = Scanner::default();
    scanner.raw(html, html, 0, found);
    scanner.tokenizer.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<(ScriptKind, usize)> {
        let mut found = Vec::new();
        scan_document(html, &mut found);
        found.into_iter().map(|s| (s.kind, s.offset)).collect()
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_found_where_written() {
        assert_eq!(
            kinds("<SCRIPT src=x.js></script>"),
            [(ScriptKind::Element, 0)]
        );
        assert_eq!(
            kinds("<img src=x onerror=\"alert(1)\"> <a href=' JavaScript:go()'>"),
            [
                (ScriptKind::Handler("onerror".into()), 11),
                (ScriptKind::JavascriptUrl, 34),
            ]
        );
        assert_eq!(
            kinds("<a href=\"java\tscript:x\">"),
            [(ScriptKind::JavascriptUrl, 3)]
        );
    }

    #[test]
    fn character_references_in_attributes_are_decoded() {
        for html in [
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
        ] {
            assert_eq!(kinds(html), [(ScriptKind::JavascriptUrl, 3)], "{html}");
        }
    }

    #[test]
    fn comments_end_where_browsers_end_them() {
        assert_eq!(
            kinds("<!--> <img src=x onerror=alert(1)> -->"),
            [(ScriptKind::Handler("onerror".into()), 17)]
        );
        assert_eq!(
            kinds("<!-- a --!> <img src=x onerror=alert(1)> -->"),
            [(ScriptKind::Handler("onerror".into()), 23)]
        );
        assert_eq!(kinds("<!-- <script>old</script> -->"), []);
    }

    #[test]
    fn srcdoc_base_forms_and_svg_are_found() {
        assert_eq!(
            kinds("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>"),
            [(ScriptKind::Srcdoc, 8)]
        );
        assert_eq!(kinds("<iframe srcdoc=\"<p>hi</p>\"></iframe>"), []);
        assert_eq!(
            kinds("<base href=\"https://evil.example/\">"),
            [(ScriptKind::Base, 6)]
        );
        assert_eq!(
            kinds("<form action=\"https://evil.example/\"><button formaction=\"javascript:x\">"),
            [(ScriptKind::FormAction, 6), (ScriptKind::JavascriptUrl, 45)]
        );
        assert_eq!(
            kinds(
                "<svg><a xlink:href=\"javascript:alert(1)\"><set attributeName=href to=\"javascript:alert(2)\"/></a></svg>"
            ),
            [
                (ScriptKind::JavascriptUrl, 8),
                (ScriptKind::JavascriptUrl, 65)
            ]
        );
        assert_eq!(
            kinds(
                "<svg><animate attributeName=href values=\"x;javascript:alert(1)\"/><script>alert(2)</script></svg>"
            ),
            [(ScriptKind::JavascriptUrl, 33), (ScriptKind::Element, 65)]
        );
    }

    #[test]
    fn plain_html_text_and_raw_text_are_not_script() {
        for html in [
            "<p>one=1, on=2 and onward</p>",
            "<div class=\"online\" data-on=\"x\">",
            "a < b and c<d",
            "<a href=\"https://example.org/?javascript:\">",
            "<iframe src=\"https://www.youtube.com/embed/x\" allowfullscreen></iframe>",
            "<p title=\"javascript: a language\">x</p>",
            "<textarea><script>alert(1)</script></textarea>",
            "<style>a::after { content: '<img src=x onerror=alert(1)>' }</style>",
            "<form action=\"#top\"></form>",
        ] {
            assert_eq!(kinds(html), [], "{html}");
        }
    }

    #[test]
    fn a_tag_or_comment_continues_into_the_next_piece() {
        let body = "<div\n  onclick=\"x()\">";
        let mut scanner = Scanner::default();
        let mut found = Vec::new();
        scanner.raw(body, &body[..5], 0, &mut found);
        scanner.raw(body, &body[5..], 5, &mut found);
        assert_eq!(
            found,
            [Script {
                kind: ScriptKind::Handler("onclick".into()),
                offset: 7
            }]
        );
        let body = "<!-- a\n<script> -->";
        let mut scanner = Scanner::default();
        scanner.raw(body, &body[..7], 0, &mut found);
        scanner.raw(body, &body[7..], 7, &mut found);
        assert_eq!(found.len(), 1);
    }

    /// The vectors of `tests/fixtures/hostile/script-vectors.txt`.
    pub(crate) fn vectors() -> Vec<&'static str> {
        include_str!("../../tests/fixtures/hostile/script-vectors.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect()
    }

    #[test]
    fn every_vector_of_the_corpus_is_found() {
        let vectors = vectors();
        assert!(vectors.len() > 80, "{}", vectors.len());
        let missed: Vec<&str> = vectors
            .into_iter()
            .filter(|vector| {
                let body = format!("Teks.\n\n{vector}\n\nTeks.\n");
                crate::markdown::analyse(&body).scripts.is_empty()
            })
            .collect();
        assert!(missed.is_empty(), "nothing found in {missed:#?}");
    }

    #[test]
    fn nesting_is_counted() {
        let html = "<div><div><p>a<p>b<span>x</span></div><section>";
        let mut scanner = Scanner::default();
        scanner.raw(html, html, 0, &mut Vec::new());
        assert_eq!(scanner.tokenizer.sink.deepest.get(), 3);
        assert_eq!(scanner.depth(), 2);
        assert_eq!(scanner.too_deep(), None);
        let deep = format!("<p>{}", "<div>".repeat(MAX_NESTING + 1));
        let mut scanner = Scanner::default();
        scanner.raw(&deep, &deep, 0, &mut Vec::new());
        assert_eq!(scanner.too_deep(), Some(Some(3 + 5 * MAX_NESTING)));
    }
}
