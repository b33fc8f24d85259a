//! What in a body would run script in a reader's browser: `<script>` elements and
//! `on…=` attributes in raw HTML, and `javascript:` URLs in raw HTML or in Markdown
//! links. Raw HTML passes through to the output as written, so the analysis reports
//! these and the model warns. A small scanner over tags, not an HTML parser: it reads
//! tag names, attribute names and attribute values, and nothing else.

/// What was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptKind {
    /// A `<script>` element.
    Element,
    /// An event-handler attribute such as `onclick` (its name, lowercased).
    Handler(String),
    /// A `javascript:` URL, in an attribute or a Markdown link.
    JavascriptUrl,
}

/// Script in a body: what, and the byte offset in the body where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    pub kind: ScriptKind,
    pub offset: usize,
}

/// Where the scanner is between two pieces of raw HTML (an HTML block comes one line
/// at a time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum State {
    #[default]
    Text,
    /// Inside `<tag …`, before its `>`.
    Tag,
    /// Inside `<!-- …`, before its `-->`.
    Comment,
}

/// Whether `url` runs script when followed: `javascript:`, in any case, with the tabs,
/// line breaks and leading spaces browsers ignore.
pub(super) fn is_javascript_url(url: &str) -> bool {
    let mut letters = url
        .trim_start_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    "javascript:".chars().all(|want| {
        letters
            .next()
            .is_some_and(|c| c.eq_ignore_ascii_case(&want))
    })
}

/// Scans one piece of raw HTML that starts at `base` in the body, from `state`;
/// returns the state at its end.
pub(super) fn scan(html: &str, base: usize, mut state: State, found: &mut Vec<Script>) -> State {
    let bytes = html.as_bytes();
    let mut i = 0;
    let push = |found: &mut Vec<Script>, kind, at: usize| {
        found.push(Script {
            kind,
            offset: base + at,
        });
    };
    while i < bytes.len() {
        match state {
            State::Comment => match html[i..].find("-->") {
                Some(end) => {
                    i += end + 3;
                    state = State::Text;
                }
                None => return state,
            },
            State::Text => {
                let Some(lt) = html[i..].find('<') else {
                    return state;
                };
                let at = i + lt;
                let rest = &html[at + 1..];
                if rest.starts_with("!--") {
                    state = State::Comment;
                    i = at + 4;
                    continue;
                }
                let name_at = at + 1 + usize::from(rest.starts_with('/'));
                let name_len = html[name_at..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                    .unwrap_or(html.len() - name_at);
                let name = &html[name_at..name_at + name_len];
                if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    i = at + 1;
                    continue;
                }
                if name_at == at + 1 && name.eq_ignore_ascii_case("script") {
                    push(found, ScriptKind::Element, at);
                }
                state = State::Tag;
                i = name_at + name_len;
            }
            State::Tag => {
                let c = bytes[i];
                if c == b'>' {
                    state = State::Text;
                    i += 1;
                    continue;
                }
                if c.is_ascii_whitespace() || c == b'/' {
                    i += 1;
                    continue;
                }
                // An attribute: its name, then perhaps `=` and a value.
                let name_len = html[i..]
                    .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
                    .unwrap_or(html.len() - i);
                let name = &html[i..i + name_len];
                let lower = name.to_ascii_lowercase();
                if lower.len() > 2 && lower.starts_with("on") {
                    push(found, ScriptKind::Handler(lower), i);
                }
                i += name_len.max(1);
                let after_ws = i + html[i..]
                    .find(|c: char| !c.is_ascii_whitespace())
                    .unwrap_or(html.len() - i);
                if !html[after_ws..].starts_with('=') {
                    continue;
                }
                let value_at = after_ws
                    + 1
                    + html[after_ws + 1..]
                        .find(|c: char| !c.is_ascii_whitespace())
                        .unwrap_or(html.len() - after_ws - 1);
                let (value, end) = match html[value_at..].chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let inner = value_at + 1;
                        match html[inner..].find(q) {
                            Some(close) => (&html[inner..inner + close], inner + close + 1),
                            None => (&html[inner..], html.len()),
                        }
                    }
                    _ => {
                        let len = html[value_at..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(html.len() - value_at);
                        (&html[value_at..value_at + len], value_at + len)
                    }
                };
                if is_javascript_url(value) {
                    push(found, ScriptKind::JavascriptUrl, value_at);
                }
                i = end;
            }
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(html: &str) -> Vec<(ScriptKind, usize)> {
        let mut found = Vec::new();
        scan(html, 0, State::Text, &mut found);
        found.into_iter().map(|s| (s.kind, s.offset)).collect()
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_found_where_written() {
        assert_eq!(
            kinds("<SCRIPT src=x.js></script>"),
            [(ScriptKind::Element, 0)]
        );
        assert_eq!(
            kinds("<img src=x onerror=\"alert(1)\"> <a href=' JavaScript:go()'>"),
            [
                (ScriptKind::Handler("onerror".into()), 11),
                (ScriptKind::JavascriptUrl, 39),
            ]
        );
        assert_eq!(
            kinds("<a href=\"java\tscript:x\">"),
            [(ScriptKind::JavascriptUrl, 8)]
        );
    }

    #[test]
    fn plain_html_text_and_comments_are_not_script() {
        for html in [
            "<p>one=1, on=2 and onward</p>",
            "<div class=\"online\" data-on=\"x\">",
            "<!-- <script>old</script> -->",
            "a < b and c<d",
            "<a href=\"https://example.org/?javascript:\">",
            "<iframe src=\"https://www.youtube.com/embed/x\" allowfullscreen></iframe>",
        ] {
            assert_eq!(kinds(html), [], "{html}");
        }
    }

    #[test]
    fn a_tag_or_comment_continues_into_the_next_piece() {
        let mut found = Vec::new();
        let state = scan("<div\n", 0, State::Text, &mut found);
        assert_eq!(state, State::Tag);
        scan("  onclick=\"x()\">", 10, state, &mut found);
        assert_eq!(
            found,
            [Script {
                kind: ScriptKind::Handler("onclick".into()),
                offset: 12
            }]
        );
        let state = scan("<!-- a", 0, State::Text, &mut Vec::new());
        assert_eq!(scan("<script> -->", 0, state, &mut found), State::Text);
        assert_eq!(found.len(), 1);
    }
}
