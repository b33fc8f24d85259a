//! One render for several places: marks where ids take their prefix and links their
//! destination, filled in for each place.

use super::html::{self, LeadingH1, Resolved};
use super::{Heading, Labels, LinkOutput, RawLink};
use crate::escape::escape_attr;

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
/// [`MarkedHtml::fill`] makes the HTML of each place from it, the same as
/// [`to_html`](super::to_html)
/// with that place's prefix and links.
#[derive(Debug)]
pub struct MarkedHtml(String);

/// Renders `body` once for several places (see [`MarkedHtml`]); `links` gives what
/// every place shares (shown titles and language badges); destinations and the id
/// prefix are left as marks. `None` when the body, a label or a link text contains a
/// mark already: render each place with [`to_html`](super::to_html) then.
pub fn to_marked_html(
    body: &str,
    headings: &[Heading],
    links: &[LinkOutput],
    labels: &Labels,
    leading_h1: LeadingH1,
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
        LinkOutput::Keep | LinkOutput::Unfinished { .. } => [None, None, None],
    });
    // A marked link (`serve` only) is written by each place on its own.
    if links
        .iter()
        .any(|l| matches!(l, LinkOutput::Unfinished { .. }))
    {
        return None;
    }
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
                LinkOutput::Keep | LinkOutput::Unfinished { .. } => LinkOutput::Href {
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
    // The same writer as for one place, with marks for what differs between places.
    Some(MarkedHtml(html::write(
        body,
        Resolved {
            headings,
            links: &marks,
            labels: &labels,
            leading_h1,
        },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::tests::labels;
    use crate::markdown::{Analysis, analyse, to_html};

    /// A body with every place a page and its print chapter differ.
    const RICH: &str = "# Judul\n\nTeks [[other]] dan [[other|label]] dan [x](#bagian \"t\"), \
        [mail](mailto:a@b.c), <https://e.org/a?b=c&d>, <tim@example.org>, ![alt *x*](img/a%20b.png \"j\").\
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
        let marked = to_marked_html(RICH, &a.headings, &page, &labels(), LeadingH1::Drop)
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
                LeadingH1::Drop,
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
                to_marked_html(body, &a.headings, &links, &labels(), LeadingH1::Drop).is_none(),
                "{body:?}"
            );
        }
        let a = analyse("[[x]]");
        let links = vec![LinkOutput::Href {
            href: "x.html".into(),
            title: Some("\u{FDD1}".into()),
            badge: None,
        }];
        assert!(to_marked_html("[[x]]", &a.headings, &links, &labels(), LeadingH1::Drop).is_none());
    }
}
