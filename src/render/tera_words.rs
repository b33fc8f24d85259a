//! Tera's reports in the author's words (issue #26).
//!
//! Contract: [`plain`] turns the text of one Tera report (`Found `}` but expected }}.`,
//! `Unknown filter `x``, `Variable `page.x` is not defined. Available variables: …`)
//! into a sentence of the message catalogue, in the current language, keeping every
//! name the author wrote in backticks. Tera's grammar words (`ident`, `integer`, `float`)
//! never reach the author: a list of them reads as "a value or a name". A report this
//! module does not know keeps Tera's text, after the words "Tera says", so that nothing
//! is lost; the tests list the reports of the templates authors write wrong most often.
//!
//! [`parent_blocks`] reads the blocks a template's parents define, for the help of a
//! block no parent has.

use crate::i18n::Msg;

/// The report `message` of Tera, as a message of the catalogue.
pub(super) fn plain(message: &str) -> Msg {
    if let Some(own) = message.strip_prefix(OWN) {
        return crate::msg!("tera-own", detail = own);
    }
    let m = message.trim().trim_end_matches('.');
    if let Some(rest) = m.strip_prefix("Invalid type for the value, expected `")
        && let Some((expected, got)) = rest.split_once("` but got `")
    {
        let got = got.trim_end_matches('`');
        return if got == "undefined" {
            crate::msg!("tera-value-missing")
        } else {
            crate::msg!(
                "tera-invalid-type",
                got = type_word(got),
                expected = type_word(expected)
            )
        };
    }
    if let Some(name) = between(m, "Block `", "` is not defined in any parent template") {
        return crate::msg!("tera-block-not-in-parent", name = name);
    }
    if let Some(rest) = m.strip_prefix("Found ") {
        let (found, expected) = rest
            .split_once(" but expected ")
            .or_else(|| rest.split_once(" but was expecting "))
            .unwrap_or((rest, ""));
        let found = ticked(found);
        return if expected.is_empty() || is_grammar(expected) {
            crate::msg!("tera-found-unexpected", found = found)
        } else {
            crate::msg!("tera-found-expected", found = found, expected = expected)
        };
    }
    for (prefix, id) in [
        ("Unknown filter `", "filter"),
        ("Unknown function `", "function"),
        ("Unknown test `", "test"),
        ("Unknown template `", "template"),
        ("Unknown component `", "component"),
    ] {
        if let Some(name) = m.strip_prefix(prefix).and_then(|r| r.strip_suffix('`')) {
            return match id {
                "filter" => crate::msg!("tera-unknown-filter", name = name),
                "function" => crate::msg!("tera-unknown-function", name = name),
                "test" => crate::msg!("tera-unknown-test", name = name),
                "template" => crate::msg!("tera-unknown-template", name = name),
                _ => crate::msg!("tera-unknown-component", name = name),
            };
        }
    }
    for (start, end, field) in [
        ("Variable `", "` is not defined", false),
        ("Field `", "` is not defined", true),
    ] {
        if let Some(rest) = m.strip_prefix(start)
            && let Some((name, after)) = rest.split_once(end)
        {
            let available = after
                .trim_start_matches('.')
                .trim()
                .strip_prefix("Available variables:")
                .or_else(|| {
                    after
                        .trim_start_matches('.')
                        .trim()
                        .strip_prefix("Available fields:")
                })
                .map(str::trim)
                .unwrap_or("");
            return match (field, available.is_empty()) {
                (true, true) => crate::msg!("tera-field-undefined", name = name),
                (false, true) => crate::msg!("tera-variable-undefined", name = name),
                (true, false) => {
                    crate::msg!("tera-field-undefined-among", name = name, names = available)
                }
                (false, false) => crate::msg!(
                    "tera-variable-undefined-among",
                    name = name,
                    names = available
                ),
            };
        }
    }
    if let Some(name) = between(m, "Variable `", "` exists but its value is undefined") {
        return crate::msg!("tera-variable-undefined", name = name);
    }
    if let Some(rest) = m.strip_prefix("Closing tag '")
        && let Some((end, open)) = rest.split_once("' doesn't match opening tag '")
    {
        let open = open.trim_end_matches('\'');
        return crate::msg!("tera-closing-mismatch", end = end, open = open);
    }
    if let Some(ty) = between(m, "Iteration not possible on type `", "`") {
        return crate::msg!("tera-not-iterable", ty = type_word(ty));
    }
    if let Some(rest) = m.strip_prefix("Argument `")
        && let Some((name, _)) = rest.split_once('`')
    {
        return crate::msg!("tera-argument-missing", name = name);
    }
    match m {
        "Unexpected character" => crate::msg!("tera-unexpected-character"),
        "Unknown tag" => crate::msg!("tera-unknown-tag"),
        "Closing comment tag `#}` not found" => crate::msg!("tera-comment-unclosed"),
        "Cannot divide by 0" => crate::msg!("tera-divide-by-zero"),
        "Tried to escape an undefined value" => crate::msg!("tera-escape-undefined"),
        _ if m.starts_with("String opened with") => crate::msg!("tera-string-unclosed"),
        _ => crate::msg!("tera-other", detail = m),
    }
}

/// The start of a message Panduan's own template functions give (in the current
/// language already): [`plain`] shows it as it is.
pub(crate) const OWN: &str = "\u{2063}";

/// The error of one of Panduan's template functions, `text` said in the current language.
pub(crate) fn own_error(text: String) -> tera::Error {
    tera::Error::message(format!("{OWN}{text}"))
}

/// Tera's name of a type (`string`, `i64`, `map/struct`) in plain words.
fn type_word(ty: &str) -> Msg {
    match ty {
        "string" => crate::msg!("tera-type-string"),
        "bool" => crate::msg!("tera-type-bool"),
        "array" => crate::msg!("tera-type-array"),
        "map/struct" => crate::msg!("tera-type-map"),
        "none" => crate::msg!("tera-type-none"),
        t if ["u64", "i64", "f64", "u128", "i128", "number"].contains(&t) => {
            crate::msg!("tera-type-number")
        }
        t => crate::msg!("tera-type-other", ty = t),
    }
}

/// The text between `start` (at the beginning of `m`) and `end` (right after the name).
fn between<'m>(m: &'m str, start: &str, end: &str) -> Option<&'m str> {
    let rest = m.strip_prefix(start)?;
    let at = rest.find(end)?;
    Some(&rest[..at])
}

/// `found` in backticks (Tera writes some tokens with them and some without).
fn ticked(found: &str) -> String {
    let bare = found.trim().trim_matches('`');
    format!("`{bare}`")
}

/// Whether Tera's "expected …" names grammar (`ident`, `integer`…) rather than a token
/// an author could type.
fn is_grammar(expected: &str) -> bool {
    ["ident", "integer", "float", "bool", "string"]
        .iter()
        .any(|w| expected.split([',', ' ']).any(|part| part == *w))
}

/// The blocks that the parents of template `name` define (following `{% extends %}`
/// through `templates`), sorted and without repeats.
pub(super) fn parent_blocks(name: &str, templates: &[(String, String)]) -> Vec<String> {
    let text_of = |n: &str| {
        templates
            .iter()
            .find(|(t, _)| t == n)
            .map(|(_, text)| text.as_str())
    };
    let mut blocks = Vec::new();
    let mut seen = Vec::new();
    let mut at = text_of(name).and_then(extends);
    while let Some(parent) = at {
        if seen.contains(&parent) {
            break;
        }
        seen.push(parent);
        let Some(text) = text_of(parent) else { break };
        blocks.extend(block_names(text));
        at = extends(text);
    }
    blocks.sort();
    blocks.dedup();
    blocks
}

/// The template named by the `{% extends "…" %}` of `text`.
fn extends(text: &str) -> Option<&str> {
    let at = text.find("extends")?;
    let rest = &text[at + "extends".len()..];
    let quote = rest.find(['"', '\''])?;
    let q = rest[quote..].chars().next()?;
    let name = &rest[quote + 1..];
    name.find(q).map(|end| &name[..end])
}

/// The names of the `{% block NAME %}` tags in `text`.
fn block_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("{%") {
        let tag = text[at + 2..].trim_start_matches('-').trim_start();
        if let Some(rest) = tag.strip_prefix("block ") {
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn en(message: &str) -> String {
        plain(message).format_in(Lang::En)
    }

    fn id(message: &str) -> String {
        plain(message).format_in(Lang::Id)
    }

    #[test]
    fn reports_authors_meet_read_without_grammar_words() {
        let cases = [
            "Found `}` but expected }}.",
            "Found `%}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`",
            "Block `content` is not defined in any parent template",
            "Unknown filter `nosuch`",
            "Variable `page.nope` is not defined. Available variables: page, lang",
            "Closing tag 'endfor' doesn't match opening tag 'if'",
            "Unexpected character",
        ];
        for case in cases {
            for said in [en(case), id(case)] {
                for word in ["ident", "integer", "Found", "Unknown", "Tera says", "Tera:"] {
                    assert!(!said.contains(word), "`{word}` in {said:?} (from {case:?})");
                }
            }
        }
        assert_eq!(
            id("Found `}` but expected }}."),
            "tertulis `}`, padahal di sini seharusnya }}"
        );
        assert!(id("Unknown filter `nosuch`").contains("`nosuch`"));
        assert_eq!(
            id("Invalid type for the value, expected `string` but got `i64`"),
            "di sini ada angka, padahal yang diperlukan teks"
        );
        assert_eq!(
            en("Iteration not possible on type `i64`"),
            "`{% for %}` cannot go through a number"
        );
        let own = own_error("jenis `x` tidak ada".to_string()).to_string();
        assert_eq!(id(&own), "jenis `x` tidak ada");
        assert!(
            en("Variable `page.nope` is not defined. Available variables: page, lang")
                .contains("page, lang")
        );
    }

    #[test]
    fn an_unknown_report_keeps_teras_words() {
        assert!(en("Something new happened").contains("Something new happened"));
    }

    #[test]
    fn parent_blocks_follow_the_extends_chain() {
        let templates = vec![
            (
                "page.html".to_string(),
                "{% extends \"default/page.html\" %}{% block nope %}{% endblock %}".to_string(),
            ),
            (
                "default/page.html".to_string(),
                "{% extends 'default/base.html' %}{%- block main -%}{% endblock %}".to_string(),
            ),
            (
                "default/base.html".to_string(),
                "{% block head %}{% endblock %}{% block main %}{% endblock %}".to_string(),
            ),
        ];
        assert_eq!(parent_blocks("page.html", &templates), ["head", "main"]);
    }
}
