//! The editor's form, written into front matter without rewriting it.
//!
//! The form sends only the keys the author changed ([`compose`]). Each changed key's
//! block (its line and the lines that continue it) is replaced in place, a new key
//! goes at the end of the front matter, and a cleared key is taken out. Every other
//! byte stays as it was: the other keys, their order, comments, blank lines, line
//! endings, and the body, unless the author changed the body. Values are written in
//! the simplest YAML that reads back as the same value: a plain scalar where one is
//! safe, a double-quoted one where not, a literal block (`|`) for text of several lines,
//! and for a list the style its key already had (`[a, b]` or one `- item` per line).

use std::ops::Range;
use std::path::Path;

use serde_json::Value;

/// Why the form's changes cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwritable {
    /// A key that is not a plain word (`title`, `group_type`).
    Key(String),
    /// A value of a type front matter does not hold here (an object, a list of lists).
    Value(String),
    /// The front matter's fences cannot be found (see the page's own error).
    Split,
}

/// Top-level keys of `yaml` and the byte range of each one's block (relative to
/// `yaml`), without the blank lines and comments that follow it.
pub fn key_blocks(yaml: &str) -> Vec<(String, Range<usize>)> {
    let mut blocks: Vec<(String, Range<usize>)> = Vec::new();
    // The end of the last line of the current block that is neither blank nor a
    // comment at the margin.
    let mut pos = 0;
    for line in yaml.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let starts_key = !content.is_empty()
            && !content.starts_with([' ', '\t', '#', '-'])
            && content.contains(':');
        if starts_key {
            let key = content
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\''])
                .to_string();
            blocks.push((key, start..pos));
        } else if let Some((_, range)) = blocks.last_mut() {
            let continues = content.starts_with([' ', '\t', '-'])
                && !content.trim().is_empty()
                && !content.trim_start().starts_with('#');
            let indented_comment =
                content.starts_with([' ', '\t']) && content.trim_start().starts_with('#');
            if continues || indented_comment {
                range.end = pos;
            } else if content.trim().is_empty() && is_literal_block(&yaml[range.clone()]) {
                // A blank line inside a `|` block belongs to it if the block goes on.
                let rest = &yaml[pos..];
                let next = rest.lines().find(|l| !l.trim().is_empty());
                if next.is_some_and(|l| l.starts_with([' ', '\t'])) {
                    range.end = pos;
                }
            }
        }
    }
    blocks
}

/// Whether a key's block is a block scalar (`key: |`, `key: >-`...).
fn is_literal_block(block: &str) -> bool {
    let first = block.lines().next().unwrap_or("");
    let value = first.split_once(':').map_or("", |(_, v)| v).trim();
    value.starts_with('|') || value.starts_with('>')
}

/// `base` with the keys of `set` written into its front matter (a `null` value takes
/// the key out) and, if `body` is given, its body replaced by `body`.
pub fn compose(
    base: &str,
    set: &serde_json::Map<String, Value>,
    body: Option<&str>,
) -> Result<String, Unwritable> {
    let split = crate::load::split(base, Path::new("")).map_err(|_| Unwritable::Split)?;
    let body_range = split.body.clone();
    let head = match split.yaml {
        Some(_) => &base[..body_range.start],
        None => base,
    };
    let eol = if head.contains("\r\n") { "\r\n" } else { "\n" };
    let new_body = body.map_or(&base[body_range.clone()], |b| b);
    let Some(yaml) = split.yaml else {
        // No front matter yet: one holding only what is set.
        let mut front = String::new();
        for (key, value) in set {
            check_key(key)?;
            if !value.is_null() {
                front.push_str(&entry(key, value, false)?);
            }
        }
        let bom = &base[..body_range.start];
        if front.is_empty() {
            return Ok(format!("{bom}{new_body}"));
        }
        let front = format!("---\n{front}---\n").replace('\n', eol);
        return Ok(format!("{bom}{front}{new_body}"));
    };
    let text = &base[yaml.clone()];
    let blocks = key_blocks(text);
    // Edits as (range in `text`, replacement), applied from the end.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut appended = String::new();
    for (key, value) in set {
        check_key(key)?;
        let found = blocks.iter().find(|(k, _)| k == key);
        let written = match value.is_null() {
            true => String::new(),
            false => {
                let flow = found.is_some_and(|(_, r)| is_flow(&text[r.clone()]));
                entry(key, value, flow || found.is_none())?.replace('\n', eol)
            }
        };
        match found {
            Some((_, range)) => edits.push((range.clone(), written)),
            None => appended.push_str(&written),
        }
    }
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut yaml_text = text.to_string();
    if !appended.is_empty() && !yaml_text.is_empty() && !yaml_text.ends_with('\n') {
        yaml_text.push_str(eol);
    }
    yaml_text.push_str(&appended);
    for (range, written) in edits {
        yaml_text.replace_range(range, &written);
    }
    Ok(format!(
        "{}{}{}{}",
        &base[..yaml.start],
        yaml_text,
        &base[yaml.end..body_range.start],
        new_body
    ))
}

fn check_key(key: &str) -> Result<(), Unwritable> {
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !key.starts_with('-');
    ok.then_some(())
        .ok_or_else(|| Unwritable::Key(key.to_string()))
}

/// Whether a list key's block is written in flow style (`key: [a, b]`).
fn is_flow(block: &str) -> bool {
    let first = block.lines().next().unwrap_or("");
    first
        .split_once(':')
        .is_some_and(|(_, v)| v.trim_start().starts_with('['))
}

/// `key: value` and its continuation lines, ending in `\n`.
fn entry(key: &str, value: &Value, flow: bool) -> Result<String, Unwritable> {
    let bad = || Unwritable::Value(key.to_string());
    Ok(match value {
        Value::Null => String::new(),
        Value::Bool(b) => format!("{key}: {b}\n"),
        Value::Number(n) => format!("{key}: {n}\n"),
        Value::String(s) if s.contains('\n') => {
            let chomp = if s.ends_with('\n') { "" } else { "-" };
            let mut out = format!("{key}: |{chomp}\n");
            for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
                match line.trim_end_matches('\r').is_empty() {
                    true => out.push('\n'),
                    false => out.push_str(&format!("  {}\n", line.trim_end_matches('\r'))),
                }
            }
            out
        }
        Value::String(s) => format!("{key}: {}\n", scalar(s, false)),
        Value::Array(items) => {
            let strings: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::String(s) if !s.contains('\n') => Ok(s.clone()),
                    Value::Number(n) => Ok(n.to_string()),
                    Value::Bool(b) => Ok(b.to_string()),
                    _ => Err(bad()),
                })
                .collect::<Result<_, _>>()?;
            match flow {
                true => {
                    let inner: Vec<String> = strings.iter().map(|s| scalar(s, true)).collect();
                    format!("{key}: [{}]\n", inner.join(", "))
                }
                false => {
                    let mut out = format!("{key}:\n");
                    for s in &strings {
                        out.push_str(&format!("  - {}\n", scalar(s, false)));
                    }
                    out
                }
            }
        }
        Value::Object(_) => return Err(bad()),
    })
}

/// `s` as a YAML scalar that reads back as the string `s`: plain where that is safe,
/// else double-quoted. `in_flow`: inside `[...]`, where `,[]{}` end a plain scalar.
pub fn scalar(s: &str, in_flow: bool) -> String {
    if is_plain_safe(s, in_flow) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

fn is_plain_safe(s: &str, in_flow: bool) -> bool {
    const SPECIAL: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    let Some(first) = s.chars().next() else {
        return false;
    };
    let looks_like_number = s.parse::<f64>().is_ok()
        || s.starts_with("0x")
        || s.starts_with("0o")
        || s.starts_with('.') && s[1..].parse::<f64>().is_ok();
    !(s.trim() != s
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| c.is_control() || c == '\u{feff}')
        || (in_flow && s.contains([',', '[', ']', '{', '}']))
        || SPECIAL.contains(&s.to_ascii_lowercase().as_str())
        || looks_like_number)
}

/// The front matter of `text` as JSON values by key (empty when there is none or it
/// cannot be read: the form then starts empty and the page's own error says why).
pub fn values(text: &str) -> serde_json::Map<String, Value> {
    let Ok(split) = crate::load::split(text, Path::new("")) else {
        return Default::default();
    };
    let Some(yaml) = split.yaml else {
        return Default::default();
    };
    serde_saphyr::from_str::<serde_json::Map<String, Value>>(&text[yaml]).unwrap_or_default()
}

/// The top-level key whose block holds 1-based `line` of the file `text`, if any.
pub fn key_at_line(text: &str, line: u32) -> Option<String> {
    let split = crate::load::split(text, Path::new("")).ok()?;
    let yaml = split.yaml?;
    let first_line = text[..yaml.start].matches('\n').count() + 1;
    let yaml_text = &text[yaml];
    for (key, range) in key_blocks(yaml_text) {
        let start = first_line + yaml_text[..range.start].matches('\n').count();
        let end = first_line
            + yaml_text[..range.end.saturating_sub(1)]
                .matches('\n')
                .count();
        if (start..=end).contains(&(line as usize)) {
            return Some(key);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn set(pairs: Value) -> serde_json::Map<String, Value> {
        pairs.as_object().cloned().unwrap_or_default()
    }

    const PAGE: &str = "---\n# A comment the author wrote\ntitle: Kelompok terapi\nsummary: >-\n  Folded\n  text\ntags: [a, b]\nexamples:\n- one\n- two\n\nhandout: |\n  Line one.\n\n  Line two.\nnumber: 9 # Zastrow\n---\n\nBody *stays*.\r\n";

    #[test]
    fn only_the_changed_key_changes() {
        let out =
            compose(PAGE, &set(json!({"title": "Kelompok terapi baru"})), None).expect("written");
        assert_eq!(
            out,
            PAGE.replace("title: Kelompok terapi\n", "title: Kelompok terapi baru\n")
        );
    }

    #[test]
    fn blocks_cover_their_continuation_lines() {
        let yaml = &PAGE[4..PAGE.find("\n---\n").expect("fence") + 1];
        let keys: Vec<(String, &str)> = key_blocks(yaml)
            .into_iter()
            .map(|(k, r)| (k, &yaml[r]))
            .collect();
        assert_eq!(keys[0], ("title".into(), "title: Kelompok terapi\n"));
        assert_eq!(keys[1].1, "summary: >-\n  Folded\n  text\n");
        assert_eq!(keys[3].1, "examples:\n- one\n- two\n");
        assert_eq!(keys[4].1, "handout: |\n  Line one.\n\n  Line two.\n");
        assert_eq!(keys[5].1, "number: 9 # Zastrow\n");
    }

    #[test]
    fn lists_keep_their_style_and_new_keys_go_last() {
        let out = compose(
            PAGE,
            &set(json!({"tags": ["x, y", "z"], "examples": ["three"], "draft": true})),
            None,
        )
        .expect("written");
        assert!(out.contains("tags: [\"x, y\", z]\n"), "{out}");
        assert!(out.contains("examples:\n  - three\n\nhandout"), "{out}");
        assert!(
            out.contains("number: 9 # Zastrow\ndraft: true\n---\n"),
            "{out}"
        );
    }

    #[test]
    fn cleared_keys_go_and_text_of_lines_is_a_block() {
        let out = compose(
            PAGE,
            &set(json!({"summary": null, "handout": "One.\n\nTwo: three"})),
            None,
        )
        .expect("written");
        assert!(!out.contains("summary"), "{out}");
        assert!(
            out.contains("handout: |-\n  One.\n\n  Two: three\nnumber"),
            "{out}"
        );
        let back = values(&out);
        assert_eq!(back["handout"], json!("One.\n\nTwo: three"));
    }

    #[test]
    fn awkward_strings_read_back_the_same() {
        for s in [
            "Kelompok \"Sehati\": tujuan",
            "yes",
            "12",
            "- item",
            "# not a comment",
            " padded ",
            "a: b",
            "tab\there",
            "",
            "50%",
            "@home",
        ] {
            let out =
                compose("---\ntitle: x\n---\n", &set(json!({"title": s})), None).expect("written");
            assert_eq!(values(&out)["title"], json!(s), "{out}");
        }
    }

    #[test]
    fn the_body_is_replaced_byte_for_byte() {
        let out = compose(PAGE, &Default::default(), Some("New\r\nbody")).expect("written");
        assert!(out.ends_with("---\nNew\r\nbody"), "{out}");
        assert!(out.starts_with(&PAGE[..PAGE.find("\n---\n").expect("fence") + 5]));
    }

    #[test]
    fn a_page_without_front_matter_gets_one() {
        let out = compose(
            "# Judul\n\nTeks.\n",
            &set(json!({"summary": "Ringkas"})),
            None,
        )
        .expect("written");
        assert_eq!(out, "---\nsummary: Ringkas\n---\n# Judul\n\nTeks.\n");
    }

    #[test]
    fn keys_are_found_by_line() {
        assert_eq!(key_at_line(PAGE, 3).as_deref(), Some("title"));
        assert_eq!(key_at_line(PAGE, 6).as_deref(), Some("summary"));
        assert_eq!(key_at_line(PAGE, 15).as_deref(), Some("handout"));
        assert_eq!(key_at_line(PAGE, 19), None);
    }

    #[test]
    fn odd_keys_are_refused() {
        assert_eq!(
            compose(PAGE, &set(json!({"a: b": "x"})), None),
            Err(Unwritable::Key("a: b".into()))
        );
        assert_eq!(
            compose(PAGE, &set(json!({"extra": {"a": 1}})), None),
            Err(Unwritable::Value("extra".into()))
        );
    }
}
