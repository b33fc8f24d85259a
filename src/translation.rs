//! Translation records: which version of its source page a translation was made from.
//!
//! A translated page carries, in its front matter,
//!
//! ```yaml
//! translation:
//!   from: id
//!   source: 9f1c2a7b0d3e4f56
//!   blocks: 1a2b 3c4d 5e6f
//! ```
//!
//! `source` is a fingerprint of the source page's title and text; `blocks` holds a short
//! fingerprint per heading or paragraph, so that without history Panduan can still tell
//! which parts of the source changed. Authors never write these by hand:
//! `panduan new --translate-from` and `panduan translated` do. Pure: no I/O.

/// The fingerprint of a page's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// 16 hex digits over the whole content.
    pub source: String,
    /// One 4-hex-digit fingerprint per block (title, headings, paragraphs).
    pub blocks: Vec<String>,
    /// The blocks' text, for showing what changed.
    pub texts: Vec<String>,
}

/// FNV-1a, 64 bits: stable across platforms and versions, and enough to notice a change.
fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Blocks of a Markdown body: runs of non-blank lines, whitespace collapsed, so that
/// re-wrapping a paragraph or changing line endings is not a change.
pub fn blocks(title: &str, body: &str) -> Vec<String> {
    let mut out = vec![format!("# {}", title.trim())];
    let mut current = String::new();
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if !line.is_empty() {
                out.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            continue;
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Fingerprints the content of a source page.
pub fn fingerprint(title: &str, body: &str) -> Fingerprint {
    let texts = blocks(title, body);
    let source = format!("{:016x}", fnv1a(&texts.join("\n\n")));
    let blocks = texts
        .iter()
        .map(|t| format!("{:04x}", fnv1a(t) >> 48))
        .collect();
    Fingerprint {
        source,
        blocks,
        texts,
    }
}

/// What changed in a source since a record's block fingerprints: the current blocks
/// that are new or changed, and how many recorded blocks are gone.
pub fn changed_blocks<'a>(recorded: &[String], now: &'a Fingerprint) -> (Vec<&'a str>, usize) {
    let changed: Vec<&str> = now
        .blocks
        .iter()
        .zip(&now.texts)
        .filter(|(fp, _)| !recorded.contains(fp))
        .map(|(_, text)| text.as_str())
        .collect();
    let removed = recorded
        .iter()
        .filter(|fp| !now.blocks.contains(fp))
        .count();
    (changed, removed)
}

/// A short excerpt of a block for messages.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if text.chars().count() > max_chars {
        out.push('…');
    }
    out
}

/// The YAML lines of a record, in block style.
pub fn record_yaml(from: &str, fp: &Fingerprint) -> String {
    format!(
        "translation:\n  from: {from}\n  source: \"{}\"\n  blocks: \"{}\"\n",
        fp.source,
        fp.blocks.join(" ")
    )
}

/// Replaces the `translation:` record in a page's text with a new one, touching no other
/// line. Returns `None` if the page has no front matter or no record.
pub fn replace_record(text: &str, new_record: &str) -> Option<String> {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let first = lines.first()?.trim_start_matches('\u{feff}').trim_end();
    if first != "---" {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---" || l.trim_end() == "...")?
        + 1;
    let start = (1..end).find(|&i| lines[i].starts_with("translation:"))?;
    // The record continues over the following indented lines (block style).
    let mut stop = start + 1;
    while stop < end && (lines[stop].starts_with(' ') || lines[stop].starts_with('\t')) {
        stop += 1;
    }
    let eol = if lines[start].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let replacement = if eol == "\r\n" {
        new_record.replace('\n', "\r\n")
    } else {
        new_record.to_string()
    };
    lines.splice(start..stop, std::iter::once(replacement.as_str()));
    Some(lines.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrapping_is_not_a_change_but_new_words_are() {
        let a = fingerprint("Judul", "Satu dua\ntiga.\n\n## Bagian\n\nEmpat.\n");
        let b = fingerprint(
            "Judul",
            "Satu dua tiga.\r\n\r\n##   Bagian\r\n\r\nEmpat.\r\n",
        );
        assert_eq!(a, b);
        let c = fingerprint("Judul", "Satu dua tiga.\n\n## Bagian\n\nEmpat lima.\n");
        assert_ne!(a.source, c.source);
        let (changed, removed) = changed_blocks(&a.blocks, &c);
        assert_eq!(changed, ["Empat lima."]);
        assert_eq!(removed, 1);
    }

    #[test]
    fn replace_record_touches_only_the_record() {
        let text = "---\ntitle: Page\ntranslation:\n  from: id\n  source: \"old\"\n  blocks: \"aaaa\"\norder: 2\n---\n\nBody.\n";
        let fp = fingerprint("Halaman", "Isi.");
        let out = replace_record(text, &record_yaml("id", &fp)).expect("has a record");
        assert!(
            out.starts_with("---\ntitle: Page\ntranslation:\n  from: id\n  source: \""),
            "{out}"
        );
        assert!(
            out.contains(&fp.source) && out.ends_with("order: 2\n---\n\nBody.\n"),
            "{out}"
        );
        let flow = "---\ntitle: P\ntranslation: { from: id, source: x }\n---\nB\n";
        let out = replace_record(flow, &record_yaml("id", &fp)).expect("flow record");
        assert!(
            out.contains("translation:\n  from: id\n") && out.ends_with("---\nB\n"),
            "{out}"
        );
        assert_eq!(replace_record("no front matter", "x"), None);
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let text =
            "---\r\ntitle: P\r\ntranslation:\r\n  from: id\r\n  source: \"a\"\r\n---\r\nB\r\n";
        let out =
            replace_record(text, "translation:\n  from: id\n  source: \"b\"\n").expect("record");
        assert_eq!(
            out,
            "---\r\ntitle: P\r\ntranslation:\r\n  from: id\r\n  source: \"b\"\r\n---\r\nB\r\n"
        );
    }
}
