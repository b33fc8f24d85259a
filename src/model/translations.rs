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
                    crate::msg!("translation-unknown-language", lang = &record.value.from),
                )
                .with_help(crate::help!(
                    languages = site
                        .config
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
                crate::msg!("translation-from-own-language"),
            ));
            continue;
        }
        let Some(source) = site.translation(i, from) else {
            diagnostics.push(
                Diagnostic::warning(
                    record.span.clone(),
                    crate::msg!(
                        "translation-source-missing",
                        id = page.id.to_string(),
                        lang = &record.value.from
                    ),
                )
                .with_help(crate::help!()),
            );
            continue;
        };
        let now =
            crate::translation::fingerprint(&site.pages[source].title, site.pages[source].body());
        let state = if page.is_stub() {
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
            let mut help = crate::t!("outdated-changed-since", path = source_path);
            if !record.value.blocks.is_empty() {
                for c in changed.iter().take(5) {
                    help.push_str("\n      ");
                    help.push_str(&crate::t!("outdated-changed-block", block = c));
                }
                if changed.len() > 5 {
                    help.push_str("\n      ");
                    help.push_str(&crate::t!("outdated-more", count = changed.len() - 5));
                }
                if removed > 0 {
                    help.push_str("\n      ");
                    help.push_str(&crate::t!("outdated-removed", count = removed));
                }
            }
            help.push_str("\n    ");
            help.push_str(&crate::t!(
                "outdated-run-translated",
                path = crate::escape::shell_word(
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
                    crate::msg!("translation-outdated", lang = &record.value.from),
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
