//! Output paths and relative URLs between them. Pure.

/// The relative URL from the file at output path `from` to the file at `to`, both
/// `/`-separated paths below the output root (`id/a/index.html`). The result always
/// names a file, so it works from `file://`.
pub fn relative(from: &str, to: &str) -> String {
    // The folder of `from`, with its final `/`.
    let from_dir = from.rfind('/').map_or("", |i| &from[..=i]);
    // The length of the folders both paths share (whole segments only).
    let mut common = 0;
    for (i, (a, b)) in from_dir.bytes().zip(to.bytes()).enumerate() {
        if a != b {
            break;
        }
        if a == b'/' {
            common = i + 1;
        }
    }
    let ups = from_dir[common..].matches('/').count();
    let rest = &to[common..];
    let mut out = String::with_capacity(ups * 3 + rest.len());
    for _ in 0..ups {
        out.push_str("../");
    }
    push_encoded_path(&mut out, rest);
    out
}

/// The prefix that leads from the file at `from` back to the output root (`../../`).
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// Percent-encodes the characters of a path that may not appear raw in an `href`
/// (spaces, `#`, `?`, `%`, quotes, controls); letters outside ASCII stay readable.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    push_encoded_path(&mut out, path);
    out
}

/// Appends `path` percent-encoded as [`encode_path`] does.
pub fn push_encoded_path(out: &mut String, path: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for c in path.chars() {
        let encode = matches!(
            c,
            ' ' | '#'
                | '?'
                | '%'
                | '"'
                | '\''
                | '<'
                | '>'
                | '\\'
                | '['
                | ']'
                | '^'
                | '`'
                | '{'
                | '|'
                | '}'
        ) || c.is_control();
        if encode {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        } else {
            out.push(c);
        }
    }
}

/// Decodes `%XX` escapes (invalid sequences are kept as written).
pub fn decode_percent(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Joins `rel` onto the folder `dir` (both `/`-separated, relative) and normalises `.`
/// and `..`. `None` when the result would climb above the start.
pub fn join_normalised(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_name_files() {
        assert_eq!(
            relative("id/a/index.html", "id/b/index.html"),
            "../b/index.html"
        );
        assert_eq!(
            relative("id/index.html", "id/a/b/index.html"),
            "a/b/index.html"
        );
        assert_eq!(
            relative("id/a/b/index.html", "en/index.html"),
            "../../../en/index.html"
        );
        assert_eq!(
            relative("index.html", "assets/style.css"),
            "assets/style.css"
        );
        assert_eq!(relative("id/a/index.html", "id/a/index.html"), "index.html");
        assert_eq!(
            relative("id/a/index.html", "id/a b/index.html"),
            "../a%20b/index.html"
        );
    }

    #[test]
    fn root_prefix_counts_folders() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("id/a/index.html"), "../../");
    }

    #[test]
    fn join_normalises_and_refuses_to_climb_out() {
        assert_eq!(
            join_normalised("id/group-types", "../concepts/x.md").as_deref(),
            Some("id/concepts/x.md")
        );
        assert_eq!(
            join_normalised("id", "./a/./b.md").as_deref(),
            Some("id/a/b.md")
        );
        assert_eq!(join_normalised("id", "../../x.md"), None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(decode_percent("a%20b.md"), "a b.md");
        assert_eq!(decode_percent("100%"), "100%");
        assert_eq!(decode_percent("%zz"), "%zz");
    }

    #[test]
    fn relative_urls_share_only_whole_folders() {
        assert_eq!(
            relative("id/ab/index.html", "id/abc/index.html"),
            "../abc/index.html"
        );
        assert_eq!(
            relative("id/abc/index.html", "id/ab/index.html"),
            "../ab/index.html"
        );
        assert_eq!(relative("id/a/index.html", "id/a/b.png"), "b.png");
        assert_eq!(relative("index.html", "index.html"), "index.html");
    }

    #[test]
    fn relative_urls_encode_only_the_part_they_write() {
        assert_eq!(relative("id/a b/index.html", "id/a b/c#d.png"), "c%23d.png");
        assert_eq!(
            relative("id/index.html", "id/kelompok dukungan/index.html"),
            "kelompok%20dukungan/index.html"
        );
    }

    #[test]
    fn encoding_keeps_letters_and_escapes_what_an_href_cannot_hold() {
        assert_eq!(
            encode_path("id/pemberdayaan/index.html"),
            "id/pemberdayaan/index.html"
        );
        assert_eq!(encode_path("a b#c?d%e"), "a%20b%23c%3Fd%25e");
        assert_eq!(
            encode_path("\"q\"'<>\\[]^`{|}"),
            "%22q%22%27%3C%3E%5C%5B%5D%5E%60%7B%7C%7D"
        );
        assert_eq!(encode_path("café/ü.png"), "café/ü.png");
        assert_eq!(encode_path("tab\there\u{7f}"), "tab%09here%7F");
        assert_eq!(encode_path("a-b_c.d~e/f+g=h&i"), "a-b_c.d~e/f+g=h&i");
    }

    #[test]
    fn decoding_undoes_encoding() {
        for path in ["a b#c?d%e", "café/ü.png", "\"q\"'<>\\[]^`{|}", "tab\there"] {
            assert_eq!(decode_percent(&encode_path(path)), path, "{path:?}");
        }
    }

    #[test]
    fn percent_decoding_of_odd_input() {
        assert_eq!(decode_percent("caf%C3%A9.md"), "café.md");
        assert_eq!(decode_percent("%41%42"), "AB");
        assert_eq!(decode_percent("a%2"), "a%2", "too short at the end");
        assert_eq!(decode_percent("a%"), "a%");
        assert_eq!(
            decode_percent("%FF.md"),
            "%FF.md",
            "not UTF-8: kept as written"
        );
        assert_eq!(decode_percent("%e2%82%ac"), "€", "lowercase hex");
    }

    #[test]
    fn joining_handles_the_root_dots_and_empty_parts() {
        assert_eq!(
            join_normalised("id/a", "/en/b.md").as_deref(),
            Some("en/b.md")
        );
        assert_eq!(
            join_normalised("id/a", "b//c.md").as_deref(),
            Some("id/a/b/c.md")
        );
        assert_eq!(
            join_normalised("id", "../en/x.md").as_deref(),
            Some("en/x.md")
        );
        assert_eq!(join_normalised("id/a", "..").as_deref(), Some("id"));
        assert_eq!(join_normalised("", "x.md").as_deref(), Some("x.md"));
        assert_eq!(join_normalised("", "../x.md"), None);
        assert_eq!(join_normalised("id/a", "b/../../..").as_deref(), Some(""));
        assert_eq!(join_normalised("id/a", "b/../../../.."), None);
    }
}
