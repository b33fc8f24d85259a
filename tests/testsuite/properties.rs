//! Property tests for the pure pieces: slugs and relative URLs.

use panduan::markdown::slugify;
use panduan::model::url::{decode_percent, join_normalised, relative, root_prefix};
use proptest::prelude::*;

/// Applies `href` (relative, percent-encoded) to the folder of `from`.
fn resolve(from: &str, href: &str) -> Option<String> {
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    join_normalised(dir, &decode_percent(href))
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,12}",
        "[a-zA-Z çéü]{1,8}",
        Just("index.html".to_string()),
        "[a-z]{1,4}[ #?%][a-z]{1,4}",
    ]
}

fn output_path() -> impl Strategy<Value = String> {
    (prop::collection::vec(segment(), 0..5), "[a-z]{1,8}\\.html").prop_map(|(dirs, file)| {
        if dirs.is_empty() {
            file
        } else {
            format!("{}/{file}", dirs.join("/"))
        }
    })
}

proptest! {
    #[test]
    fn every_relative_link_resolves_to_its_target_inside_the_output(from in output_path(), to in output_path()) {
        let href = relative(&from, &to);
        prop_assert!(!href.starts_with('/'), "{}", href);
        prop_assert!(!href.ends_with('/'), "links name files: {}", href);
        prop_assert_eq!(resolve(&from, &href), Some(to.clone()), "{} -> {} via {}", from, to, href);
    }

    #[test]
    fn root_prefix_leads_to_the_root(from in output_path(), to in output_path()) {
        let href = format!("{}{}", root_prefix(&from), to);
        prop_assert_eq!(resolve(&from, &href), Some(to));
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes_and_stable(text in "\\PC{0,40}") {
        let slug = slugify(&text);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
        prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()), "{}", slug);
        prop_assert_eq!(slugify(&slug), slug.clone(), "slugify is idempotent");
        prop_assert!(!slug.contains(['/', '\\', '.', '#', '?']));
    }

    #[test]
    fn js_strings_are_json_strings_safe_inside_a_script(text in "(\\PC|[\u{0}-\u{1f}<>&\\\\\"\u{2028}\u{2029}\u{e2}]){0,40}") {
        let js = panduan::escape::js_string(&text);
        prop_assert!(!js.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{}", js);
        prop_assert!(!js.chars().any(|c| c < ' '), "{}", js);
        // Still a JSON string that reads back as the text.
        let back: String = serde_json::from_str(&js).expect("valid JSON string");
        prop_assert_eq!(back, text);
    }
}
