//! The theme's UI strings of one language: as the template value `t`, as a map, and
//! as the [`Labels`] the Markdown writer puts into a body (alert titles, anchors,
//! task boxes).
//!
//! Input: the [`Theme`] and a language code. A key missing in the theme reads as the
//! key itself; nothing here fails.

use std::collections::BTreeMap;

use super::Theme;
use crate::markdown::Labels;

/// The UI strings of `lang` as the template value `t`.
pub(super) fn strings_value<'t>(theme: &'t Theme, lang: &str) -> &'t tera::Value {
    static EMPTY: std::sync::OnceLock<tera::Value> = std::sync::OnceLock::new();
    theme
        .string_values
        .get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(|| tera::Value::from_serializable(&())))
}

/// The UI strings of `lang` as a map.
pub(crate) fn strings<'t>(theme: &'t Theme, lang: &str) -> &'t BTreeMap<String, String> {
    static EMPTY: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    theme
        .strings
        .get(lang)
        .unwrap_or_else(|| EMPTY.get_or_init(Default::default))
}

/// The renderer's labels in one language, with ids prefixed by `id_prefix`.
pub(crate) fn labels(t: &BTreeMap<String, String>, id_prefix: String) -> Labels {
    Labels {
        note: label(t, "note"),
        tip: label(t, "tip"),
        important: label(t, "important"),
        warning: label(t, "warning"),
        caution: label(t, "caution"),
        anchor: label(t, "anchor_label"),
        back_to_text: label(t, "back_to_text"),
        task_done: label(t, "task_done"),
        task_open: label(t, "task_open"),
        table: label(t, "table"),
        id_prefix,
    }
}

/// The string `key`, or the key itself when the theme has none.
pub(super) fn label(strings: &BTreeMap<String, String>, key: &str) -> String {
    strings.get(key).cloned().unwrap_or_else(|| key.to_string())
}
