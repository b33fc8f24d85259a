//! Escaping text for the places output puts it: HTML element content, HTML attribute
//! values, JavaScript string literals inside a `<script>`, and the words of a command
//! Panduan suggests in a message ([`shell_word`]).
//!
//! A leaf: it imports nothing of ours, so every stage may use it. Each function appends
//! to a `String` it is given and copies runs of bytes that need no escaping whole.

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attr(out: &mut String, s: &str) {
    escape_with(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'"' => Some("&quot;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'\'' => Some("&#39;"),
        _ => None,
    });
}

/// Escapes text for HTML element content.
pub fn escape_text(out: &mut String, s: &str) {
    escape_with(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        _ => None,
    });
}

/// Appends `s`, with each ASCII byte that `escape` names replaced; runs of other bytes
/// are copied whole.
#[inline]
fn escape_with(out: &mut String, s: &str, escape: impl Fn(u8) -> Option<&'static str>) {
    out.reserve(s.len());
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if let Some(replacement) = escape(b) {
            out.push_str(&s[start..i]);
            out.push_str(replacement);
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
}

/// A JavaScript string literal that is also safe inside an HTML `<script>`.
pub fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_js_string(&mut out, s);
    out
}

/// Bytes that [`push_js_string`] must look at; all others are copied as they are. The
/// last bytes of U+2028 and U+2029 (E2 80 A8, E2 80 A9) are among them.
const JS_SPECIAL: [bool; 256] = js_escape_table(&[0xa8, 0xa9]);

/// The bytes a JavaScript string literal safe inside `<script>` must escape (controls,
/// `"`, `\\`, `<`, `>`, `&`), with `extra` bytes to look at as well.
pub(crate) const fn js_escape_table(extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'&' as usize] = true;
    let mut k = 0;
    while k < extra.len() {
        table[extra[k] as usize] = true;
        k += 1;
    }
    table
}

/// Appends `s` as a JavaScript string literal that is also safe inside an HTML
/// `<script>`: JSON escapes, plus `<`, `>`, `&`, U+2028 and U+2029 as `\uXXXX`.
pub fn push_js_string(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !JS_SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        let (from, escape) = match b {
            b'"' => (i, "\\\""),
            b'\\' => (i, "\\\\"),
            b'\n' => (i, "\\n"),
            b'\r' => (i, "\\r"),
            b'\t' => (i, "\\t"),
            0x08 => (i, "\\b"),
            0x0c => (i, "\\f"),
            b'<' => (i, "\\u003c"),
            b'>' => (i, "\\u003e"),
            b'&' => (i, "\\u0026"),
            0xa8 | 0xa9 if i >= 2 && bytes[i - 2] == 0xe2 && bytes[i - 1] == 0x80 => {
                (i - 2, if b == 0xa8 { "\\u2028" } else { "\\u2029" })
            }
            0xa8 | 0xa9 => {
                i += 1;
                continue;
            }
            _ => (i, ""),
        };
        out.push_str(&s[start..from]);
        if escape.is_empty() {
            let _ = std::fmt::Write::write_fmt(out, format_args!("\\u{b:04x}"));
        } else {
            out.push_str(escape);
        }
        i += 1;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// `word` as one word of a command to paste into a terminal: unchanged when it needs
/// no quoting, else in double quotes, which bash, zsh, PowerShell and cmd all read as
/// one word. A word holding `"`, `$`, `` ` `` or `!` (which double quotes do not keep
/// literal in bash or PowerShell) goes in single quotes instead, which both read
/// literally. Every command suggested in a message quotes its paths through this.
pub fn shell_word(word: &str) -> std::borrow::Cow<'_, str> {
    let is_plain =
        |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '=' | '+');
    if !word.is_empty() && word.chars().all(is_plain) {
        return word.into();
    }
    if word.contains(['"', '$', '`', '!']) {
        format!("'{word}'").into()
    } else {
        format!("\"{word}\"").into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(f: fn(&mut String, &str), s: &str) -> String {
        let mut out = String::from("=");
        f(&mut out, s);
        out
    }

    #[test]
    fn html_escapes_replace_only_their_bytes_and_append() {
        let s = "a & b < c > d \" e ' ç";
        assert_eq!(escaped(escape_text, s), "=a &amp; b &lt; c &gt; d \" e ' ç");
        assert_eq!(
            escaped(escape_attr, s),
            "=a &amp; b &lt; c &gt; d &quot; e &#39; ç"
        );
    }

    #[test]
    fn js_strings_escape_script_breakers_and_line_separators() {
        assert_eq!(
            js_string("</script>&\"\\\n\u{1}\u{2028}\u{2029}\u{e2}\u{a8}ç"),
            "\"\\u003c/script\\u003e\\u0026\\\"\\\\\\n\\u0001\\u2028\\u2029\u{e2}\u{a8}ç\""
        );
    }

    #[test]
    fn shell_words_are_quoted_only_when_they_need_it() {
        assert_eq!(
            super::shell_word("content/en/group-types/therapy.md"),
            "content/en/group-types/therapy.md"
        );
        assert_eq!(
            super::shell_word("content/id/my page.md"),
            "\"content/id/my page.md\""
        );
        assert_eq!(
            super::shell_word("content/id/it's (new) & old.md"),
            "\"content/id/it's (new) & old.md\""
        );
        assert_eq!(
            super::shell_word("content/id/$HOME!.md"),
            "'content/id/$HOME!.md'"
        );
        assert_eq!(
            super::shell_word("content/id/catatan-anak.md"),
            "content/id/catatan-anak.md"
        );
        assert_eq!(
            super::shell_word("konseling/ibu-ibu;rm.md"),
            "\"konseling/ibu-ibu;rm.md\""
        );
        assert_eq!(super::shell_word(""), "\"\"");
    }
}
