//! Raw HTML and hostile shapes through the Markdown analysis, the HTML writer, and,
//! for a body within the nesting limit (as a build refuses the others), the EPUB's
//! XHTML and the PDF's Typst markup (issue #24). The first byte picks a shape: the
//! rest as a body, or repeated in a deep nesting (`>`, `- `, `1. `, `<div>`), as N
//! identical headings, N citations of one footnote, or N links to one heading. Nothing
//! may panic; a body nested past the limit is found too deep, and its analysis stops
//! there.
#![no_main]
use libfuzzer_sys::fuzz_target;

use panduan::markdown::{self, LeadingH1, LinkOutput, MAX_NESTING};

/// Whether the first line of `text` holds only dashes, spaces and tabs: after `- - `
/// it makes the line a thematic break (`<hr>`), as CommonMark says.
fn is_dashes(text: &str) -> bool {
    let first = text.split(['\n', '\r']).next().unwrap_or_default();
    first.chars().all(|c| matches!(c, '-' | ' ' | '\t'))
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let count = 1 + usize::from(shape >> 3) * 20;
    let (body, deeper_than_limit) = match shape & 7 {
        0 => (format!("{}{text}\n", "> ".repeat(count)), count > MAX_NESTING),
        // `- - -` with nothing but dashes after it is a thematic break, not a list.
        1 => (
            format!("{}{text}\n", "- ".repeat(count)),
            count > MAX_NESTING && !is_dashes(text),
        ),
        2 => (format!("{}{text}\n", "1. ".repeat(count)), count > MAX_NESTING),
        3 => (
            format!("<div>\n{}{text}{}\n</div>\n", "<div>".repeat(count), "</div>".repeat(count)),
            count + 1 > MAX_NESTING,
        ),
        4 => (format!("## {text}\n\n").repeat(count), false),
        5 => (
            format!("{}\n\n[^x]: {text}\n", "Teks[^x] ".repeat(count)),
            false,
        ),
        6 => (
            format!("## Judul\n\n{}\n", format!("[{text}](#judul) ").repeat(count)),
            false,
        ),
        _ => (text.to_string(), false),
    };
    let analysis = markdown::analyse(&body);
    if deeper_than_limit {
        assert!(analysis.too_deep.is_some(), "{count} levels of shape {shape}");
    }
    for s in &analysis.scripts {
        assert!(s.offset <= body.len());
    }
    let ids: std::collections::HashSet<&str> = analysis.headings.iter().map(|h| h.id.as_str()).collect();
    let explicit = analysis.headings.len() - ids.len();
    // Only explicit `{#id}`s may repeat; generated ones never do.
    assert!(explicit == 0 || body.contains("{#"), "repeated heading ids");
    let links = vec![LinkOutput::Keep; analysis.links.len()];
    let labels = markdown::Labels::default();
    let html = markdown::to_html(&body, &analysis.headings, &links, &labels, LeadingH1::Keep);
    if analysis.too_deep.is_none() {
        let _ = panduan::epub::fuzz_chapter(&html);
        let _ = panduan::pdf::fuzz_markup(&body);
    }
    // The shared classification takes any attribute.
    let _ = markdown::script_in_attribute("a", "href", text);
    let _ = markdown::script_in_attribute("iframe", "srcdoc", text);
});
