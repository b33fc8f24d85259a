//! Raw HTML and hostile shapes through the Markdown analysis and the HTML writer
//! (issue #24). The first byte picks a shape: the rest as a body, or repeated in a
//! deep nesting (`>`, `- `, `1. `, `<div>`), as N identical headings, or as N citations
//! of one footnote. Nothing may panic; a body nested past the limit is found too deep,
//! and its analysis stops there.
#![no_main]
use libfuzzer_sys::fuzz_target;

use panduan::markdown::{self, LeadingH1, LinkOutput, MAX_NESTING};

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let count = 1 + usize::from(shape >> 3) * 20;
    let (body, deeper_than_limit) = match shape & 7 {
        0 => (format!("{}{text}\n", "> ".repeat(count)), count > MAX_NESTING),
        1 => (format!("{}{text}\n", "- ".repeat(count)), count > MAX_NESTING),
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
    let _ = markdown::to_html(&body, &analysis.headings, &links, &labels, LeadingH1::Keep);
    // The shared classification takes any attribute.
    let _ = markdown::script_in_attribute("a", "href", text);
    let _ = markdown::script_in_attribute("iframe", "srcdoc", text);
});
