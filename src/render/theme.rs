//! The theme: Tera templates, static files and UI strings per language.
//!
//! The default theme (`themes/default/`) is compiled into the binary, so an installed
//! `panduan` needs no files beside it. A project theme (`theme = "..."` in book.toml)
//! overrides it file by file: its templates win by name (the embedded ones stay
//! reachable through Tera's fallback prefix), its static files by path and its
//! strings by key.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Span, display_path};
use crate::error::{Error, Result};

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $name)))),*]
    };
}

/// Templates shipped in the binary. `tests/testsuite/theme.rs` compares this list with `themes/default/`.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = embed![
    "templates/base.html",
    "templates/page.html",
    "templates/untranslated.html",
    "templates/index.html",
    "templates/404.html",
    "templates/nav.html",
    "templates/comparison.html",
    "templates/glossary.html",
    "templates/search.html",
    "templates/print.html",
    "templates/downloads.html",
];

/// Static files shipped in the binary, written below `assets/`.
pub const DEFAULT_STATIC: &[(&str, &str)] = embed![
    "static/style.css",
    "static/panduan.js",
    "static/stem.js",
    "static/search.js",
];

/// UI strings shipped in the binary, one file per language.
pub const DEFAULT_I18N: &[(&str, &str)] = embed!["i18n/id.toml", "i18n/en.toml"];

/// The prefix under which the embedded templates are registered.
const EMBEDDED_PREFIX: &str = "default/";

/// A loaded theme: template sources, static files and strings, and the templates
/// compiled (once, with the site's template functions registered).
pub struct Theme {
    /// (name, source); embedded templates carry the `default/` prefix.
    pub templates: Vec<(String, String)>,
    /// Static files by path below `static/` (written to `assets/`).
    pub statics: BTreeMap<String, Vec<u8>>,
    /// UI strings per language code.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// The same as template values (`t`), made once: a page's context takes a
    /// reference to them instead of a copy.
    pub(crate) string_values: BTreeMap<String, tera::Value>,
    pub(crate) compiled: Arc<CompiledTera>,
    /// A fingerprint of the templates and strings, for reuse between builds.
    pub(crate) key: crate::memo::Key,
}

/// The templates compiled, with the template functions answering from `answers`
/// (set for each site before it is rendered).
pub(crate) struct CompiledTera {
    pub(crate) tera: tera::Tera,
    pub(crate) answers: Arc<super::functions::AnswerSlot>,
}

/// Loads the embedded theme and the project's overrides, compiling the templates only
/// when they (or the kinds) changed since the last build `reuse` remembers. Problems
/// with the project's strings become warnings in `diagnostics`.
pub fn load(
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
    reuse: &super::Reuse,
) -> Result<Theme> {
    let mut templates: Vec<(String, String)> = DEFAULT_TEMPLATES
        .iter()
        .map(|(path, text)| {
            (
                format!("{EMBEDDED_PREFIX}{}", strip_dir(path)),
                (*text).to_string(),
            )
        })
        .collect();
    let mut statics: BTreeMap<String, Vec<u8>> = DEFAULT_STATIC
        .iter()
        .map(|(path, text)| (strip_dir(path).to_string(), text.as_bytes().to_vec()))
        .collect();
    let mut strings: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (path, text) in DEFAULT_I18N {
        let lang = strip_dir(path).trim_end_matches(".toml").to_string();
        let table: BTreeMap<String, String> = toml::from_str(text).map_err(|e| {
            Error::Msg(crate::msg!(
                "theme-embedded-invalid",
                path = *path,
                detail = e.to_string()
            ))
        })?;
        strings.insert(lang, table);
    }

    if let Some(dir) = &config.theme {
        if !dir.is_dir() {
            return Err(Error::Msg(crate::msg!(
                "theme-folder-missing",
                path = display_path(&crate::load::relative_to(dir, &config.root))
            )));
        }
        for (rel, abs) in files_below(&dir.join("templates"), config)? {
            let text = read_text(&abs)?;
            templates.push((rel, text));
        }
        for (rel, abs) in files_below(&dir.join("static"), config)? {
            let bytes = std::fs::read(&abs).map_err(|source| Error::Read {
                path: abs.clone(),
                source,
            })?;
            statics.insert(rel, bytes);
        }
        for (rel, abs) in files_below(&dir.join("i18n"), config)? {
            let Some(lang) = rel.strip_suffix(".toml") else {
                continue;
            };
            let text = read_text(&abs)?;
            let shown = crate::load::relative_to(&abs, &config.root);
            match toml::from_str::<BTreeMap<String, String>>(&text) {
                Ok(table) => strings.entry(lang.to_string()).or_default().extend(table),
                Err(e) => {
                    return Err(Error::Config(Box::new(Diagnostic::error(
                        Span::file(shown),
                        crate::msg!("theme-strings-invalid", detail = e.message().trim()),
                    ))));
                }
            }
        }
    }
    // Every language needs strings; fall back to English keys where a language has none.
    let fallback = strings.get("en").cloned().unwrap_or_default();
    for lang in &config.languages {
        let code = lang.code.as_str();
        let table = strings.entry(code.to_string()).or_default();
        let missing: Vec<String> = fallback
            .keys()
            .filter(|k| !table.contains_key(*k))
            .cloned()
            .collect();
        if !missing.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    Span::file("book.toml"),
                    crate::msg!(
                        "theme-strings-missing",
                        lang = code,
                        keys = missing.join(", ")
                    ),
                )
                .with_help(crate::help!()),
            );
            for k in missing {
                table.insert(k.clone(), fallback[&k].clone());
            }
        }
    }
    // Compiled now, so that template syntax errors stop the build before any work.
    let kinds: Vec<String> = config.kinds.keys().cloned().collect();
    let key = crate::memo::key_of(&(&templates, &kinds));
    let compiled = reuse.theme.try_get_or(key, || {
        let answers = Arc::new(super::functions::AnswerSlot::default());
        let tera = compile(&templates, |tera| {
            super::functions::register(tera, Arc::clone(&answers), kinds)
        })?;
        Ok::<_, Error>(Arc::new(CompiledTera { tera, answers }))
    })?;
    let key = crate::memo::key_of(&(key, &strings));
    let string_values = strings
        .iter()
        .map(|(lang, table)| (lang.clone(), tera::Value::from_serializable(table)))
        .collect();
    Ok(Theme {
        templates,
        statics,
        strings,
        string_values,
        compiled,
        key,
    })
}

/// Compiles `templates` after `register` has added filters and functions (Tera needs
/// them before the templates that use them).
fn compile(
    templates: &[(String, String)],
    register: impl FnOnce(&mut tera::Tera),
) -> Result<tera::Tera> {
    let mut tera = tera::Tera::new();
    tera.set_fallback_prefixes([EMBEDDED_PREFIX])
        .map_err(|e| template_error(&crate::t!("template-setup"), &e))?;
    register(&mut tera);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(&crate::t!("template-invalid"), &e))?;
    Ok(tera)
}

impl Theme {
    /// Whether a template of this name exists (the theme's own or the embedded one).
    pub fn has_template(&self, name: &str) -> bool {
        self.templates
            .iter()
            .any(|(n, _)| n == name || n.strip_prefix(EMBEDDED_PREFIX) == Some(name))
    }

    /// Template names a page may use (without the embedded prefix).
    fn page_template_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .templates
            .iter()
            .map(|(n, _)| n.strip_prefix(EMBEDDED_PREFIX).unwrap_or(n))
            .filter(|n| {
                !matches!(
                    *n,
                    "base.html"
                        | "nav.html"
                        | "index.html"
                        | "404.html"
                        | "search.html"
                        | "downloads.html"
                )
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// A Tera error with every cause, as Tera's own messages carry the template position.
pub fn template_error(what: &str, e: &tera::Error) -> Error {
    let mut message = format!("{what}: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!("\n  {}: {s}", crate::t!("caused-by")));
        source = s.source();
    }
    Error::Template { message }
}

fn strip_dir(path: &str) -> &str {
    path.split_once('/').map_or(path, |(_, rest)| rest)
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Files below `dir` as (`/`-separated relative path, absolute path), sorted; none if
/// the folder does not exist. Symbolic links are followed inside the project (and the
/// theme); one that leads outside is an error at its path (see
/// [`crate::load::link_outside`]).
fn files_below(dir: &Path, config: &Config) -> Result<Vec<(String, std::path::PathBuf)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let inside = crate::load::project_folders(config);
    let mut outside = None;
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let is_out = e.path_is_symlink() && crate::load::link_outside(e.path(), &inside);
            if is_out && outside.is_none() {
                outside = Some(e.path().to_path_buf());
            }
            !is_out
        });
    let mut out = Vec::new();
    for entry in walker {
        let entry = entry.map_err(|e| Error::Read {
            path: e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| dir.to_path_buf()),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("cannot walk the theme")),
        })?;
        if entry.file_type().is_file() && !crate::load::is_ignored(entry.file_name()) {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            out.push((rel, entry.path().to_path_buf()));
        }
    }
    if let Some(link) = outside {
        return Err(Error::Config(Box::new(
            Diagnostic::error(
                Span::file(crate::load::relative_to(&link, &config.root)),
                crate::msg!("link-outside-project"),
            )
            .with_help(crate::help!()),
        )));
    }
    Ok(out)
}

/// Every `template:` named in front matter must exist in the theme.
pub fn check_page_templates(site: &crate::model::Site, theme: &Theme) -> Vec<Diagnostic> {
    site.pages
        .iter()
        .filter_map(|p| p.front.template.as_ref())
        .filter(|t| !theme.has_template(&t.value))
        .map(|t| {
            let names = theme.page_template_names();
            Diagnostic::error(
                t.span.clone(),
                crate::msg!("theme-template-missing", template = &t.value),
            )
            .with_help(crate::help!(templates = crate::load::backticked(&names)))
        })
        .collect()
}
