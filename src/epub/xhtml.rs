//! The HTML of a rendered page -> a well-formed XHTML fragment for one EPUB chapter.
//!
//! The page is parsed as HTML5 (html5ever, as a browser would, so raw HTML an author
//! wrote is read the same way) and written back as XML: void elements closed (`<br/>`),
//! every `&`, `<` and `"` escaped (named entities were decoded by the parser, so none
//! is left), ids made valid XML names, script left out (`<script>` in any namespace, and
//! every attribute [`markdown::script_in_attribute`] names: event attributes,
//! `javascript:` in `href`, `xlink:href` or SVG `set to=`, form `action`/`formaction`),
//! and each
//! link and image handed to a [`Resolve`] that says where it points inside the book.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::markdown;

/// Where links and images of a chapter go in the EPUB.
pub(super) trait Resolve {
    /// The `href` of a link as written in the page, in the EPUB; `None` leaves the link
    /// out (its text stays).
    fn href(&mut self, href: &str) -> Option<String>;
    /// The `src` of an image in the EPUB; `None` shows its alt text instead.
    fn image(&mut self, src: &str) -> Option<String>;
}

/// A chapter's body as XHTML, and what its manifest item must declare.
#[derive(Debug, Default)]
pub(super) struct Fragment {
    pub(super) xhtml: String,
    /// Inline `<svg>` (the manifest property `svg`).
    pub(super) has_svg: bool,
    /// Inline MathML (the manifest property `mathml`).
    pub(super) has_mathml: bool,
}

/// HTML elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements left out with everything inside them: they run code, belong in `<head>`,
/// or load from the network, which an EPUB may not without declaring it.
const DROPPED: &[&str] = &[
    "script", "noscript", "style", "template", "link", "meta", "base", "iframe", "object", "embed",
    "frame", "frameset",
];

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";

/// `html` (an element and what it holds, e.g. a page's `<article>`) as XHTML.
pub(super) fn to_xhtml(html: &str, resolve: &mut dyn Resolve) -> Fragment {
    let doc = Html::parse_fragment(html);
    let mut out = Fragment::default();
    let x = &mut out.xhtml;
    // The node whose subtree is being skipped, and the foreign roots open.
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut foreign_depth = 0usize;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => escape_text(x, text),
                    Node::Element(e) => {
                        let name: &str = &e.name.local;
                        let ns: &str = &e.name.ns;
                        if node.id() == doc.root_element().id() {
                            continue;
                        }
                        let is_html = ns == "http://www.w3.org/1999/xhtml";
                        let classes = e.attr("class").unwrap_or_default();
                        let is_anchor =
                            name == "a" && classes.split_whitespace().any(|c| c == "anchor");
                        // A page's `<nav>` (its table of contents, "On this page") is
                        // the website's furniture: the book has its own navigation. So
                        // is what a template marks `class="furniture"` (the glossary's
                        // links back to its A–Z list, which the book leaves out).
                        let furniture = is_html
                            && (name == "nav"
                                || classes.split_whitespace().any(|c| c == "furniture"));
                        if (is_html && DROPPED.contains(&name))
                            || is_anchor
                            || furniture
                            || markdown::script_in_element(name).is_some()
                        {
                            skipping = Some(node.id());
                            continue;
                        }
                        if is_html && name == "img" {
                            let src = e.attr("src").unwrap_or_default();
                            match resolve.image(src) {
                                Some(src) => {
                                    x.push_str("<img src=\"");
                                    escape_attr(x, &src);
                                    x.push_str("\" alt=\"");
                                    escape_attr(x, e.attr("alt").unwrap_or_default());
                                    x.push_str("\"/>");
                                }
                                None => {
                                    x.push_str("<span class=\"image-missing\">");
                                    escape_text(x, e.attr("alt").unwrap_or_default());
                                    x.push_str("</span>");
                                }
                            }
                            continue;
                        }
                        x.push('<');
                        x.push_str(name);
                        if !is_html && foreign_depth == 0 {
                            match ns {
                                SVG_NS => {
                                    out.has_svg = true;
                                    x.push_str(" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
                                }
                                MATHML_NS => {
                                    out.has_mathml = true;
                                    x.push_str(" xmlns=\"http://www.w3.org/1998/Math/MathML\"");
                                }
                                _ => {}
                            }
                        }
                        if !is_html {
                            foreign_depth += 1;
                        }
                        let href = (is_html && name == "a")
                            .then(|| e.attr("href").and_then(|h| resolve.href(h)))
                            .flatten();
                        for (qual, value) in e.attrs.iter() {
                            let local: &str = &qual.local;
                            let attr_ns: &str = &qual.ns;
                            let prefix = match attr_ns {
                                "" => "",
                                "http://www.w3.org/1999/xlink" => "xlink:",
                                "http://www.w3.org/XML/1998/namespace" => "xml:",
                                _ => continue,
                            };
                            // What the warnings name as script, or as sending readers
                            // elsewhere (`javascript:` in `xlink:href`, `set to=`, form
                            // `action`), is left out by the same reading (issue #24).
                            let skip = markdown::script_in_attribute(name, local, value).is_some()
                                || !is_xml_name(local)
                                || matches!(local, "srcset" | "xmlns" | "contenteditable")
                                || (is_html
                                    && name == "a"
                                    && (local == "href"
                                        || local == "name"
                                        || (href.is_none()
                                            && matches!(
                                                local,
                                                "hreflang" | "target" | "rel" | "download" | "type"
                                            ))));
                            if skip {
                                continue;
                            }
                            x.push(' ');
                            x.push_str(prefix);
                            x.push_str(local);
                            x.push_str("=\"");
                            if local == "id" && prefix.is_empty() {
                                escape_attr(x, &xml_id(value));
                            } else {
                                escape_attr(x, value);
                            }
                            x.push('"');
                        }
                        if let Some(href) = &href {
                            x.push_str(" href=\"");
                            escape_attr(x, href);
                            x.push('"');
                        }
                        if is_html && VOID.contains(&name) {
                            x.push_str("/>");
                        } else {
                            x.push('>');
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() || node.id() == doc.root_element().id() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    let name: &str = &e.name.local;
                    let is_html = &*e.name.ns == "http://www.w3.org/1999/xhtml";
                    if !is_html {
                        foreign_depth = foreign_depth.saturating_sub(1);
                    }
                    if is_html && (VOID.contains(&name) || name == "img") {
                        continue;
                    }
                    x.push_str("</");
                    x.push_str(name);
                    x.push('>');
                }
            }
        }
    }
    out
}

/// `id` as a valid XML name (an `NCName`): ids that start with a digit, `-` or `.`
/// get a leading `_`, and characters XML does not allow in a name become `_`. Applied
/// to ids and to the fragments of links alike, so links keep their targets.
pub(super) fn xml_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 1);
    for (i, c) in id.chars().enumerate() {
        if i == 0 && !is_name_start(c) {
            out.push('_');
            if is_name_char(c) {
                out.push(c);
                continue;
            }
        }
        out.push(if is_name_char(c) { c } else { '_' });
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '_'
        || matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D
            | 0x37F..=0x1FFF | 0x200C..=0x200D | 0x2070..=0x218F | 0x2C00..=0x2FEF
            | 0x3001..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || c.is_ascii_digit()
        || matches!(c, '-' | '.' | '\u{B7}')
        || matches!(c as u32, 0x300..=0x36F | 0x203F..=0x2040)
}

/// Whether `name` can be an attribute name in XML (no colon: prefixes are written by
/// [`to_xhtml`] itself).
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Whether XML 1.0 allows the character at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Appends text for XML element content.
pub(super) fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// Appends text for an XML attribute value in double quotes.
fn escape_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Links to `x.html` go to `c1.xhtml`; everything else is left out; images kept.
    struct Plain;
    impl Resolve for Plain {
        fn href(&mut self, href: &str) -> Option<String> {
            href.strip_prefix("x.html").map(|f| format!("c1.xhtml{f}"))
        }
        fn image(&mut self, src: &str) -> Option<String> {
            (src == "a.png").then(|| "files/img-1.png".into())
        }
    }

    fn x(html: &str) -> String {
        to_xhtml(html, &mut Plain).xhtml
    }

    #[test]
    fn void_elements_close_and_entities_become_characters() {
        assert_eq!(
            x("<p>a<br>b&nbsp;&amp;&lt; <img src=a.png alt='A &quot;'><hr></p>"),
            "<p>a<br/>b\u{a0}&amp;&lt; <img src=\"files/img-1.png\" alt=\"A &quot;\"/></p><hr/><p></p>",
            "html5 closes the paragraph at <hr>, as a browser does"
        );
        assert_eq!(
            x("<p><img src=gone.png alt=gone></p>"),
            "<p><span class=\"image-missing\">gone</span></p>"
        );
    }

    #[test]
    fn links_are_resolved_or_left_as_text_and_code_is_left_out() {
        assert_eq!(
            x("<a href='x.html#1-a' hreflang=en>go</a><a href='y.html' hreflang=en>stay</a>"),
            "<a hreflang=\"en\" href=\"c1.xhtml#1-a\">go</a><a>stay</a>"
        );
        assert_eq!(
            x(
                "<h2 id='1-a' onclick='x()'>T <a class=anchor href='#1-a'>#</a></h2><script>alert(1)</script>"
            ),
            "<h2 id=\"_1-a\">T </h2>"
        );
        assert_eq!(x("<p>a<!-- c -->b</p><iframe src=v></iframe>"), "<p>ab</p>");
        assert_eq!(
            x("<nav class=toc><h2>On this page</h2><ol><li>a</li></ol></nav><p>text</p>"),
            "<p>text</p>",
            "web furniture stays on the web"
        );
    }

    #[test]
    fn script_in_svg_forms_and_attributes_is_left_out() {
        // Regression (issue #24): the EPUB kept `<svg><script>`, `javascript:` in SVG
        // `xlink:href`, `set to=` and form actions.
        let out = x(
            "<svg><script>alert(1)</script><a xlink:href=\"javascript:alert(2)\"><set attributeName=\"href\" to=\"javascript:alert(3)\"/><text>t</text></a></svg>\
             <form action=\"https://evil.example/\"><button formaction=\"https://evil.example/\">b</button></form>\
             <a href=\"&#106;avascript:alert(4)\">j</a><math><mi xlink:href=\"javascript:alert(5)\">m</mi></math>",
        );
        for bad in ["script", "javascript", "alert", "action", "evil"] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(
            out.contains("<text>t</text>") && out.contains(">b</button>"),
            "{out}"
        );
    }

    #[test]
    fn ids_become_xml_names() {
        assert_eq!(xml_id("tujuan"), "tujuan");
        assert_eq!(xml_id("1-intro"), "_1-intro");
        assert_eq!(xml_id("a:b c"), "a_b_c");
        assert_eq!(xml_id(""), "_");
        assert_eq!(xml_id("pemberdayaan-é"), "pemberdayaan-é");
    }

    #[test]
    fn inline_svg_gets_its_namespace_and_is_reported() {
        let f = to_xhtml(
            "<p><svg viewBox='0 0 1 1'><circle r=1 /></svg></p>",
            &mut Plain,
        );
        assert!(f.has_svg);
        assert_eq!(
            f.xhtml,
            "<p><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 1 1\"><circle r=\"1\"></circle></svg></p>"
        );
    }
}
