//! `panduan check` and `panduan status`: everything `build` validates, plus the
//! handbook-wide checks (translations missing, outdated or unfinished, pages no other
//! page links to, duplicate titles, empty pages), without writing any output.
//!
//! Around the pipeline: it runs config -> load -> model and the theme's template check,
//! then adds its own diagnostics. For an outdated translation in a git repository it
//! recovers the source as it was when translated and shows a short diff.

use std::path::Path;
use std::process::Command;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Level, display_path};
use crate::error::Result;
use crate::model::{Page, Site, TranslationState};
use crate::{BuildOptions, load_site};

/// Runs every check; returns all diagnostics, sorted.
pub fn run(options: &BuildOptions) -> Result<Vec<Diagnostic>> {
    let (site, mut diagnostics) = load_site(options)?;
    let theme = crate::render::theme::load(&site.config, &mut diagnostics, &options.reuse.render)?;
    diagnostics.extend(crate::render::theme::check_page_templates(&site, &theme));
    diagnostics.extend(site_checks(&site));
    add_history_diffs(&site, &mut diagnostics);
    crate::diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    Ok(diagnostics)
}

fn shown(page: &Page) -> String {
    page.path
        .as_ref()
        .map(|p| display_path(p))
        .unwrap_or_default()
}

/// Checks over the whole model that `build` does not make.
pub fn site_checks(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let languages = &site.config.languages;
    // Missing translations: reported at each existing page, once per missing language.
    for slots in site.translations.values() {
        let Some(first) = slots.iter().flatten().next().copied() else {
            continue;
        };
        let original = &site.pages[first];
        if original.path.is_none() {
            continue;
        }
        for (l, slot) in slots.iter().enumerate() {
            if slot.is_none() {
                let target = format!("content/{}/{}.md", languages[l].code, original.rel);
                out.push(
                    Diagnostic::warning(
                        crate::model::page_span(original),
                        format!(
                            "this page has no {} (`{}`) translation",
                            languages[l].name, languages[l].code
                        ),
                    )
                    .with_help(format!(
                        "start one with `panduan new {target} --translate-from {}`",
                        original.lang
                    )),
                );
            }
        }
    }
    for page in &site.pages {
        let Some(path) = &page.path else { continue };
        let span = crate::model::page_span(page);
        if let Some(TranslationState::Stub { source }) = &page.translation {
            out.push(
                Diagnostic::warning(span.clone(), "this translation is still a stub").with_help(
                    format!(
                        "translate it from `{}`, delete the `{}` block, and it counts as done",
                        shown(&site.pages[*source]),
                        crate::model::STUB_MARKER
                    ),
                ),
            );
        }
        if page.parent.is_some() && !page.is_section && page.backlinks.is_empty() {
            out.push(
                Diagnostic::warning(span.clone(), "no other page links to this page").with_help(
                    "link to it from a related page so readers find it beyond the sidebar",
                ),
            );
        }
        let has_children = !page.children.is_empty();
        if page.analysis.is_empty && !has_children && page.front.template.is_none() {
            out.push(
                Diagnostic::warning(span, "this page has no text").with_help(format!(
                    "write something in `{}` or remove it",
                    display_path(path)
                )),
            );
        }
    }
    // Duplicate titles within a language.
    let mut seen: std::collections::HashMap<(usize, String), usize> =
        std::collections::HashMap::new();
    for order in &site.reading_order {
        for &i in order {
            let page = &site.pages[i];
            let key = (page.lang_index, page.title.trim().to_lowercase());
            match seen.get(&key) {
                Some(&first) if page.path.is_some() => out.push(
                    Diagnostic::warning(
                        crate::model::page_span(page),
                        format!("another page is also titled `{}`", page.title),
                    )
                    .with_help(format!(
                        "`{}` has the same title; readers cannot tell them apart",
                        shown(&site.pages[first])
                    )),
                ),
                _ => {
                    seen.insert(key, i);
                }
            }
        }
    }
    out
}

/// For outdated translations in a git repository: the source as it was when translated
/// (found by its fingerprint in the file's history), diffed with the source now.
fn add_history_diffs(site: &Site, diagnostics: &mut [Diagnostic]) {
    for page in &site.pages {
        let Some(TranslationState::Outdated { source, .. }) = &page.translation else {
            continue;
        };
        let Some(record) = &page.front.translation else {
            continue;
        };
        let source_page = &site.pages[*source];
        let Some(source_path) = &source_page.path else {
            continue;
        };
        let Some(old_body) = git_version(&site.config.root, source_path, &record.value.source)
        else {
            continue;
        };
        let diff = similar::TextDiff::from_lines(old_body.as_str(), source_page.body());
        let mut text = String::new();
        let mut lines = 0;
        for change in diff.iter_all_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
                similar::ChangeTag::Equal => continue,
            };
            lines += 1;
            if lines > 20 {
                text.push_str("\n      …");
                break;
            }
            text.push_str(&format!("\n      {sign} {}", change.value().trim_end()));
        }
        if text.is_empty() {
            continue;
        }
        if let Some(d) = diagnostics.iter_mut().find(|d| {
            d.span == record.span && d.message.starts_with("this translation is outdated")
        }) {
            let help = d.help.take().unwrap_or_default();
            d.help = Some(format!(
                "{help}\n    what changed in `{}` since (from git history):{text}",
                display_path(source_path)
            ));
        }
    }
}

/// The body of `path` (relative to `root`) at the most recent commit where its
/// fingerprint was `fingerprint`, if `root` is in a git repository.
fn git_version(root: &Path, path: &Path, fingerprint: &str) -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    let in_repo = format!("{}{}", prefix.trim(), display_path(path));
    let commits = git(&["log", "--format=%H", "-n", "200", "--", &display_path(path)])?;
    for commit in commits.lines() {
        let Some(text) = git(&["show", &format!("{commit}:{in_repo}")]) else {
            continue;
        };
        let Ok(split) = crate::load::split(&text, path) else {
            continue;
        };
        let body = &text[split.body.clone()];
        let title = split
            .yaml
            .and_then(|r| crate::load::parse_yaml_map(&text[r], path, 2).ok())
            .and_then(|m| {
                m.get("title")
                    .and_then(|(v, _)| v.as_str().map(str::to_string))
            })
            .or_else(|| crate::markdown::analyse(body).leading_h1)
            .unwrap_or_default();
        if crate::translation::fingerprint(&title, body).source == fingerprint {
            return Some(body.to_string());
        }
    }
    None
}

/// The JSON form of `check --format json` (schema version 1).
#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// One diagnostic in JSON.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub level: Level,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

/// Diagnostics as the stable JSON document of `check --format json`.
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let report = JsonReport {
        version: 1,
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics: diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                level: d.level,
                path: display_path(&d.span.path),
                line: d.span.line.get(),
                column: d.span.col.get(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

/// The state of one page in one language, for `panduan status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Written in this language (no translation record).
    Original,
    /// A translation made from the current source.
    Current,
    Outdated,
    Stub,
    Missing,
}

impl Status {
    /// The word shown in the table.
    pub fn label(self) -> &'static str {
        match self {
            Status::Original => "original",
            Status::Current => "up to date",
            Status::Outdated => "OUTDATED",
            Status::Stub => "stub",
            Status::Missing => "MISSING",
        }
    }
}

/// Rows of `panduan status`: page id and its state per language.
pub fn status(site: &Site) -> Vec<(String, Vec<Status>)> {
    site.translations
        .iter()
        .filter(|(_, slots)| {
            slots
                .iter()
                .flatten()
                .any(|&i| site.pages[i].path.is_some())
        })
        .map(|(id, slots)| {
            let states = slots
                .iter()
                .map(|slot| match slot {
                    None => Status::Missing,
                    Some(i) => match &site.pages[*i].translation {
                        None => Status::Original,
                        Some(TranslationState::Current { .. }) => Status::Current,
                        Some(TranslationState::Outdated { .. }) => Status::Outdated,
                        Some(TranslationState::Stub { .. }) => Status::Stub,
                    },
                })
                .collect();
            (id.to_string(), states)
        })
        .collect()
}
