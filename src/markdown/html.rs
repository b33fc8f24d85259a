//! The second pass: a body's HTML, with the links the model resolved put in.

use std::fmt::Write as _;

use pulldown_cmark::{BlockQuoteKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::{Heading, Labels, LinkOutput, heading_level, options};
use crate::escape::{escape_attr, escape_text};

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
}
