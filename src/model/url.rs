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
}
