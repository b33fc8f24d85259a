//! `panduan check`: everything `build` validates, plus the handbook-wide checks
//! (translations missing, outdated or unfinished, pages no other page links to,
//! duplicate titles, empty pages, translations that never say the counterpart of a
//! house term their source uses), without writing any output.
//!
//! Around the pipeline: it runs config -> load -> model and the theme's template check,
//! then adds its own diagnostics. For an outdated translation in a git repository it
//! recovers the source as it was when translated and shows a short diff. The findings
//! come back as a [`Report`]: its `Display` is the human report, [`Report::to_json`]
//! the JSON one; the binary prints one of them and exits with [`Report::exit_code`].

use std::path::Path;
use std::process::Command;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Level, display_path};
use crate::error::Result;
use crate::model::{Page, Site, TranslationState};
use crate::terms::Role;
use crate::{BuildOptions, load_site};
use crate::{help, msg, t};

/// Runs every check; returns all diagnostics, sorted.
pub fn run(options: &BuildOptions) -> Result<Report> {
    let (site, mut diagnostics) = load_site(options)?;
    let theme = crate::render::theme::load(&site.config, &mut diagnostics, &options.reuse.render)?;
    diagnostics.extend(crate::render::theme::check_page_templates(&site, &theme));
    diagnostics.extend(site_checks(&site));
    add_history_diffs(&site, &mut diagnostics);
    crate::diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    Ok(Report { diagnostics })
}

/// Whether findings short of an error fail: `--strict` of `check` and `status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Strictness {
    /// Only errors fail `check`; `status` never fails.
    #[default]
    Lenient,
    /// Warnings fail `check` too; unfinished translations fail `status`.
    Strict,
}

/// What `panduan check` found. `Display` is the human report: the diagnostics grouped
/// by file, a blank line between files, then the `checked: N errors, M warnings` line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Sorted, without duplicates.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// How many diagnostics are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many diagnostics are warnings.
    pub fn warnings(&self) -> usize {
        count(&self.diagnostics, Level::Warning)
    }

    /// How many diagnostics are hints (which never fail `check`).
    pub fn hints(&self) -> usize {
        count(&self.diagnostics, Level::Hint)
    }

    /// The report as the stable JSON document of `check --format json`.
    pub fn to_json(&self) -> String {
        to_json(&self.diagnostics)
    }

    /// The process exit code: 1 for errors, or for warnings when `--strict`; else 0.
    pub fn exit_code(&self, strictness: Strictness) -> u8 {
        let fails_on_warnings = strictness == Strictness::Strict && self.warnings() > 0;
        if self.errors() > 0 || fails_on_warnings {
            1
        } else {
            0
        }
    }
}

impl std::fmt::Display for Report {
    /// Every line ends with a newline except the last, the `checked:` line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut last: Option<&Path> = None;
        for d in &self.diagnostics {
            if last.is_some_and(|p| p != d.span.path) {
                writeln!(f)?;
            }
            last = Some(&d.span.path);
            writeln!(f, "{d}")?;
        }
        if !self.diagnostics.is_empty() {
            writeln!(f)?;
        }
        let (errors, warnings) = (self.errors(), self.warnings());
        let hints = self.hints();
        write!(
            f,
            "{}",
            t!(
                "check-summary",
                errors = errors,
                warnings = warnings,
                hints = hints
            )
        )
    }
}

/// How many of `diagnostics` are at `level`.
fn count(diagnostics: &[Diagnostic], level: Level) -> usize {
    diagnostics.iter().filter(|d| d.level == level).count()
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
                        msg!(
                            "translation-missing",
                            language = &languages[l].name,
                            lang = languages[l].code.as_str()
                        ),
                    )
                    .with_help(help!(
                        path = crate::escape::shell_word(&target),
                        from = original.lang.as_str()
                    )),
                );
            }
        }
    }
    for (i, page) in site.pages.iter().enumerate() {
        let Some(path) = &page.path else { continue };
        let span = crate::model::page_span(page);
        if let Some(source) = untracked_source(site, i) {
            let source = &site.pages[source];
            let language = &languages[source.lang_index];
            out.push(
                Diagnostic::hint(
                    span.clone(),
                    msg!(
                        "translation-untracked",
                        language = &language.name,
                        lang = language.code.as_str()
                    ),
                )
                .with_help(help!(source = shown(source), path = path)),
            );
        }
        if let Some(TranslationState::Stub { source }) = &page.translation {
            out.push(
                Diagnostic::warning(span.clone(), msg!("translation-stub")).with_help(help!(
                    source = shown(&site.pages[*source]),
                    marker = crate::model::STUB_MARKER
                )),
            );
        }
        if page.parent.is_some() && !page.is_section && page.backlinks.is_empty() {
            out.push(Diagnostic::warning(span.clone(), msg!("page-orphan")).with_help(help!()));
        }
        let has_children = !page.children.is_empty();
        if page.analysis.is_empty && !has_children && page.front.template.is_none() {
            out.push(Diagnostic::warning(span, msg!("page-empty")).with_help(help!(path = path)));
        }
    }
    out.extend(crate::glossary::checks(site));
    out.extend(counterpart_hints(site));
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
                        msg!("title-twice", title = &page.title),
                    )
                    .with_help(help!(other = shown(&site.pages[first]))),
                ),
                _ => {
                    seen.insert(key, i);
                }
            }
        }
    }
    out
}

/// A translation that never says the counterpart of a house term its source uses
/// (`"permainan peran" = { use = "bermain peran", en = "role-play" }` in `[terms.id]`):
/// a hint, never a warning, since the translation may say the same another way.
fn counterpart_hints(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, page) in site.pages.iter().enumerate() {
        if page.path.is_none() {
            continue;
        }
        let source = match &page.translation {
            Some(TranslationState::Stub { .. }) => continue,
            Some(
                TranslationState::Current { source } | TranslationState::Outdated { source, .. },
            ) => *source,
            None => match untracked_source(site, i) {
                Some(source) => source,
                None => continue,
            },
        };
        let original = &site.pages[source];
        let table = original.lang_index;
        let Some(terms) = site.config.terms.languages.get(table) else {
            continue;
        };
        for role in &original.term_uses {
            let Role::Preferred { entry } = *role else {
                continue;
            };
            let term = &terms.entries[entry];
            let Some((_, counterpart)) = term
                .counterparts
                .iter()
                .find(|(lang, _)| lang == page.lang.as_str())
            else {
                continue;
            };
            if page.term_uses.contains(&Role::Counterpart { table, entry }) {
                continue;
            }
            out.push(
                Diagnostic::hint(
                    crate::model::page_span(page),
                    crate::msg!(
                        "term-counterpart-missing",
                        counterpart = counterpart,
                        language = &site.config.languages[table].name,
                        source = shown(original),
                        term = &term.preferred
                    ),
                )
                .with_help(crate::help!(
                    lang = &terms.lang,
                    line = term.line,
                    counterpart = counterpart
                )),
            );
        }
    }
    out
}

/// For a translation made by hand, which has no record: its source page, so that it
/// can be tracked (`panduan translated`). A page is such a translation when another
/// language of its set is the original: the language other pages' records name as
/// their source, else the first language in `book.toml` with a file of the page.
pub fn untracked_source(site: &Site, index: usize) -> Option<usize> {
    let page = &site.pages[index];
    if page.path.is_none() || page.front.translation.is_some() {
        return None;
    }
    let slots = site.translations.get(&page.id)?;
    let pages = || slots.iter().flatten().map(|&i| &site.pages[i]);
    let named = pages()
        .filter_map(|p| p.front.translation.as_ref())
        .find_map(|record| {
            site.config
                .languages
                .iter()
                .position(|l| l.code.as_str() == record.value.from)
        });
    let original = named
        .and_then(|l| slots.get(l).copied().flatten())
        .or_else(|| {
            slots
                .iter()
                .flatten()
                .copied()
                .find(|&i| site.pages[i].path.is_some())
        })?;
    (original != index && site.pages[original].path.is_some()).then_some(original)
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
        if let Some(d) = diagnostics
            .iter_mut()
            .find(|d| d.span == record.span && d.code() == "translation-outdated")
        {
            let help = d.help.take().unwrap_or_default();
            let since = t!("outdated-git-history", path = source_path);
            d.set_help_text(Some(format!("{help}\n    {since}{text}")));
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
    /// Added after version 1 first shipped: suggestions that never fail `check`.
    pub hints: usize,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// One diagnostic in JSON.
#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub level: Level,
    pub path: String,
    pub line: u32,
    pub column: u32,
    /// The stable code of the diagnostic, the same in every language.
    pub code: &'a str,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

/// Diagnostics as the stable JSON document of `check --format json`.
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    let report = JsonReport {
        version: 1,
        errors: count(diagnostics, Level::Error),
        warnings: count(diagnostics, Level::Warning),
        hints: count(diagnostics, Level::Hint),
        diagnostics: diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                level: d.level,
                path: display_path(&d.span.path),
                line: d.span.line.get(),
                column: d.span.col.get(),
                code: d.code(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    fn report(diagnostics: Vec<Diagnostic>) -> Report {
        Report { diagnostics }
    }

    #[test]
    fn human_report_groups_by_file_and_counts_with_plurals() {
        let report = report(vec![
            Diagnostic::error(Span::new("content/en/a.md", 3, 1), "broken").with_help("fix it"),
            Diagnostic::warning(Span::new("content/en/a.md", 9, 2), "odd"),
            Diagnostic::warning(Span::new("content/id/a.md", 1, 1), "untranslated"),
        ]);
        assert_eq!(
            report.to_string(),
            "\
content/en/a.md:3:1: error: broken
  = help: fix it
content/en/a.md:9:2: warning: odd

content/id/a.md:1:1: warning: untranslated

checked: 1 error, 2 warnings"
        );
        assert_eq!((report.errors(), report.warnings()), (1, 2));
    }

    #[test]
    fn empty_report_is_only_the_count_line() {
        assert_eq!(
            report(Vec::new()).to_string(),
            "checked: 0 errors, 0 warnings"
        );
        let one = report(vec![Diagnostic::warning(Span::new("a.md", 1, 1), "w")]);
        assert_eq!(
            one.to_string(),
            "a.md:1:1: warning: w\n\nchecked: 0 errors, 1 warning"
        );
    }

    #[test]
    fn errors_fail_always_and_warnings_only_when_strict() {
        let clean = report(Vec::new());
        let warned = report(vec![Diagnostic::warning(Span::new("a.md", 1, 1), "w")]);
        let failed = report(vec![Diagnostic::error(Span::new("a.md", 1, 1), "e")]);
        for strictness in [Strictness::Lenient, Strictness::Strict] {
            assert_eq!(clean.exit_code(strictness), 0);
            assert_eq!(failed.exit_code(strictness), 1);
        }
        assert_eq!(warned.exit_code(Strictness::Lenient), 0);
        assert_eq!(warned.exit_code(Strictness::Strict), 1);
    }

    #[test]
    fn json_report_counts_and_lists_every_diagnostic() {
        let report = report(vec![
            Diagnostic::error(Span::new("content/en/a.md", 3, 7), "broken").with_help("fix"),
            Diagnostic::warning(Span::new("content/id/a.md", 1, 1), "odd"),
        ]);
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("valid JSON");
        assert_eq!(json["version"], 1);
        assert_eq!(json["errors"], 1);
        assert_eq!(json["warnings"], 1);
        assert_eq!(json["diagnostics"][0]["path"], "content/en/a.md");
        assert_eq!(json["diagnostics"][0]["column"], 7);
        assert_eq!(json["diagnostics"][0]["help"], "fix");
        assert_eq!(json["diagnostics"][1]["level"], "warning");
        assert!(json["diagnostics"][1]["help"].is_null());
    }
}
