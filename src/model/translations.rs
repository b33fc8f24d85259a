//! Translation states: every translation record compared with its source page as it is
//! now (current, outdated with the blocks that changed, or still a stub), and the
//! diagnostics for pages whose translation is missing, outdated or untracked. No I/O.

use super::*;

/// Compares every translation record with its source page as it is now.
pub(super) fn translation_states(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) {
    for i in 0..site.pages.len() {
        let Some(record) = site.pages[i].front.translation.clone() else {
            continue;
        };
        let page = &site.pages[i];
        let Some(from) = site
            .config
            .languages
            .iter()
            .position(|l| l.code.as_str() == record.value.from)
        else {
            diagnostics.push(
                Diagnostic::error(
                    record.span.clone(),
                    format!("`{}` is not a language of this book", record.value.from),
                )
                .with_help(format!(
                    "the languages in book.toml: {}",
                    site.config
                        .languages
                        .iter()
                        .map(|l| format!("`{}`", l.code))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            continue;
        };
        if from == page.lang_index {
            diagnostics.push(Diagnostic::error(
                record.span.clone(),
                "a page cannot be a translation from its own language",
            ));
            continue;
        }
        let Some(source) = site.translation(i, from) else {
            diagnostics.push(
                Diagnostic::warning(
                    record.span.clone(),
                    format!(
                        "this translation's source page (`{}` in `{}`) does not exist",
                        page.id, record.value.from
                    ),
                )
                .with_help("the source may have been renamed; give both pages the same `key:`"),
            );
            continue;
        };
        let now =
            crate::translation::fingerprint(&site.pages[source].title, site.pages[source].body());
        let state = if page.body().contains(STUB_MARKER) {
            TranslationState::Stub { source }
        } else if now.source == record.value.source {
            TranslationState::Current { source }
        } else {
            let (changed, removed) = crate::translation::changed_blocks(&record.value.blocks, &now);
            let changed: Vec<String> = changed
                .iter()
                .map(|t| crate::translation::excerpt(t, 70))
                .collect();
            let source_path = site.pages[source]
                .path
                .as_ref()
                .map(|p| crate::diagnostic::display_path(p))
                .unwrap_or_default();
            let mut help = format!("`{source_path}` changed since this translation was made");
            if !record.value.blocks.is_empty() {
                for c in changed.iter().take(5) {
                    help.push_str(&format!("\n      changed or new: {c}"));
                }
                if changed.len() > 5 {
                    help.push_str(&format!("\n      … and {} more", changed.len() - 5));
                }
                if removed > 0 {
                    help.push_str(&format!("\n      {removed} part(s) removed"));
                }
            }
            help.push_str(&format!(
                "\n    after updating the translation, run `panduan translated {}`",
                crate::escape::shell_word(
                    &page
                        .path
                        .as_ref()
                        .map(|p| crate::diagnostic::display_path(p))
                        .unwrap_or_default()
                )
            ));
            diagnostics.push(
                Diagnostic::warning(
                    record.span.clone(),
                    format!(
                        "this translation is outdated: its `{}` source has changed",
                        record.value.from
                    ),
                )
                .with_help(help),
            );
            TranslationState::Outdated {
                source,
                changed,
                removed,
            }
        };
        site.pages[i].translation = Some(state);
    }
}
