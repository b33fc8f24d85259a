//! Content for one medium (issue #30): what lies between `<!-- panduan:screen -->` and
//! `<!-- /panduan:screen -->` is for the web pages only, and what lies between
//! `<!-- panduan:print -->` and `<!-- /panduan:print -->` for paper only (`print.html`
//! and the PDF). The EPUB carries neither: it is no web page, and it is not paper.
//!
//! The markers are HTML comments, so a Markdown editor, GitHub and a plain reader show
//! the text as it is. They pass through the HTML writer as written; [`cut`] takes the
//! parts of one medium out of rendered HTML, and [`marker`] tells writers that work on
//! events (the PDF's) where a part starts and ends. `Tracker` (private) finds markers that do
//! not pair up, for the analysis to report at their place.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// A medium a part of a page can be kept for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Medium {
    /// The web pages.
    Screen,
    /// Paper: `print.html` and the PDF.
    Print,
}

impl Medium {
    /// Its name in a marker (`screen`, `print`).
    pub fn name(self) -> &'static str {
        match self {
            Medium::Screen => "screen",
            Medium::Print => "print",
        }
    }
}

/// A marker: where the part of a medium starts (`true`) or ends (`false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub medium: Medium,
    pub is_open: bool,
}

/// The marker a comment's inside (between `<!--` and `-->`) is, if any:
/// `panduan:screen`, `/panduan:print`, with any space around.
fn marker_inside(inside: &str) -> Option<Marker> {
    let word = inside.trim();
    let (is_open, word) = match word.strip_prefix('/') {
        Some(rest) => (false, rest.trim_start()),
        None => (true, word),
    };
    let medium = match word.strip_prefix("panduan:")? {
        "screen" => Medium::Screen,
        "print" => Medium::Print,
        _ => return None,
    };
    Some(Marker { medium, is_open })
}

/// Every marker in a piece of raw HTML, with its byte range in it.
pub fn markers(html: &str) -> Vec<(Range<usize>, Marker)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<!--") {
        let start = from + at;
        let Some(len) = html[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + len + 3;
        if let Some(m) = marker_inside(&html[start + 4..end - 3]) {
            out.push((start..end, m));
        }
        from = end;
    }
    out
}

/// The marker a raw HTML event is, when it is nothing else (a line of its own, or an
/// inline comment).
pub fn marker(html: &str) -> Option<Marker> {
    match markers(html).as_slice() {
        [(range, m)]
            if html[..range.start].trim().is_empty() && html[range.end..].trim().is_empty() =>
        {
            Some(*m)
        }
        _ => None,
    }
}

/// `html` without the parts marked for `medium`, markers included. A part opened and
/// never closed is left in (the analysis reports it).
pub fn cut(html: &str, medium: Medium) -> Cow<'_, str> {
    if !html.contains("panduan:") {
        return Cow::Borrowed(html);
    }
    let found = markers(html);
    if !found.iter().any(|(_, m)| m.medium == medium) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut kept_to = 0;
    let mut open: Option<usize> = None;
    for (range, m) in found {
        if m.medium != medium {
            continue;
        }
        match (m.is_open, open) {
            (true, None) => open = Some(range.start),
            (false, Some(start)) => {
                out.push_str(&html[kept_to..start]);
                kept_to = range.end;
                open = None;
            }
            _ => {}
        }
    }
    out.push_str(&html[kept_to..]);
    Cow::Owned(out)
}

/// What is wrong with a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Opened and never closed in the same block.
    Unclosed(Medium),
    /// Closed without being opened.
    Unopened(Medium),
    /// Opened inside a part already open.
    Nested(Medium),
}

/// A marker that does not pair up, at its byte offset in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkerProblem {
    pub offset: usize,
    pub problem: Problem,
}

/// Follows the markers of a body through its events: a part must close in the block
/// that holds its start (a paragraph for a marker inside text, the list item or the
/// page for a marker on a line of its own), so that cutting it leaves whole HTML.
#[derive(Debug, Default)]
pub(super) struct Tracker {
    /// The blocks open around the current event, by a number of their own.
    blocks: Vec<usize>,
    started: usize,
    /// The open part: its marker, its offset and the block it started in.
    open: Option<(Marker, usize, Option<usize>)>,
    pub(super) problems: Vec<MarkerProblem>,
}

impl Tracker {
    /// The medium of the part open at the current event, if any.
    pub(super) fn open_medium(&self) -> Option<Medium> {
        self.open.map(|(m, _, _)| m.medium)
    }

    /// Follows one event; `at` is where it starts in the body (for raw HTML, where its
    /// text is written).
    pub(super) fn see(&mut self, event: &Event<'_>, at: usize) {
        match event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Start(_) => {
                self.started += 1;
                self.blocks.push(self.started);
            }
            Event::End(_) => {
                let closed = self.blocks.pop();
                if let Some((m, offset, block)) = self.open
                    && block == closed
                {
                    self.problems.push(MarkerProblem {
                        offset,
                        problem: Problem::Unclosed(m.medium),
                    });
                    self.open = None;
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for (r, m) in markers(html) {
                    let offset = at + r.start;
                    let block = self.blocks.last().copied();
                    match (self.open, m.is_open) {
                        (None, true) => self.open = Some((m, offset, block)),
                        (Some(_), true) => self.problems.push(MarkerProblem {
                            offset,
                            problem: Problem::Nested(m.medium),
                        }),
                        (Some((o, _, b)), false) if o.medium == m.medium && b == block => {
                            self.open = None;
                        }
                        (_, false) => self.problems.push(MarkerProblem {
                            offset,
                            problem: Problem::Unopened(m.medium),
                        }),
                    }
                }
            }
            _ => {}
        }
    }

    /// The problems, with a part still open at the end of the body.
    pub(super) fn finish(mut self) -> Vec<MarkerProblem> {
        if let Some((m, offset, _)) = self.open {
            self.problems.push(MarkerProblem {
                offset,
                problem: Problem::Unclosed(m.medium),
            });
        }
        self.problems.sort_by_key(|p| p.offset);
        self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{analyse, options};
    use pulldown_cmark::{Options, Parser, html};

    fn render(md: &str) -> String {
        let mut out = String::new();
        html::push_html(&mut out, Parser::new_ext(md, options() & Options::all()));
        out
    }

    #[test]
    fn a_part_for_one_medium_is_cut_from_the_other() {
        let md = "Satu.\n\n<!-- panduan:screen -->\nKlik tombol bahasa.\n<!-- /panduan:screen -->\n\n\
                  Dua <!-- panduan:print -->(hlm. 4)<!-- /panduan:print --> tiga.\n";
        let html = render(md);
        let screen = cut(&html, Medium::Print);
        assert!(screen.contains("Klik tombol"), "{screen}");
        assert!(!screen.contains("hlm. 4"), "{screen}");
        assert!(screen.contains("<p>Dua  tiga.</p>"), "{screen}");
        let paper = cut(&html, Medium::Screen);
        assert!(!paper.contains("Klik"), "{paper}");
        assert!(paper.contains("hlm. 4"), "{paper}");
        assert!(analyse(md).marker_problems.is_empty());
    }

    #[test]
    fn markers_that_do_not_pair_up_are_problems_at_their_place() {
        let at = |md: &str| -> Vec<(usize, Problem)> {
            analyse(md)
                .marker_problems
                .iter()
                .map(|p| (p.offset, p.problem))
                .collect()
        };
        assert_eq!(
            at("a\n\n<!-- panduan:screen -->\nb\n"),
            [(3, Problem::Unclosed(Medium::Screen))]
        );
        assert_eq!(
            at("a <!-- panduan:print -->b\n\nc <!-- /panduan:print -->\n"),
            [
                (2, Problem::Unclosed(Medium::Print)),
                (29, Problem::Unopened(Medium::Print))
            ]
        );
        assert_eq!(
            at("<!--panduan:screen-->\n\n<!-- panduan:print -->\n\n<!-- /panduan:screen -->\n"),
            [(23, Problem::Nested(Medium::Print))]
        );
        // Inside code the marker is text, not a marker.
        assert!(at("`<!-- panduan:screen -->`\n\n```\n<!-- /panduan:print -->\n```\n").is_empty());
        assert_eq!(
            marker("<!-- /panduan:print -->\n").map(|m| m.is_open),
            Some(false)
        );
        assert_eq!(marker("<!-- panduan:other -->"), None);
    }
}
