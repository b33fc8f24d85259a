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
    "static/favicon.svg",
];

/// UI strings shipped in the binary, one file per language.
pub const DEFAULT_I18N: &[(&str, &str)] = embed!["i18n/id.toml", "i18n/en.toml"];

/// The prefix under which the embedded templates are registered.
const EMBEDDED_PREFIX: &str = "default/";

/// Where the files named in `[theme]` (extra CSS, logo, favicon) go below `assets/`.
const CUSTOM_DIR: &str = "custom/";

/// The stylesheet made from `[theme] accent`, below `assets/`.
const ACCENT_CSS: &str = "accent.css";

/// The page backgrounds of the default theme, light and dark, that an accent colour
/// must stand out against (`--bg` in `style.css`).
const BACKGROUNDS: [(&str, [u8; 3]); 2] =
    [("light", [0xff, 0xff, 0xff]), ("dark", [0x15, 0x18, 0x1b])];

/// What `[theme]` adds to every page, as templates see it (`theme_assets`, a global):
/// paths below `assets/`.
#[derive(Debug, Clone, Default, Hash, serde::Serialize)]
pub struct ThemeAssets {
    /// The favicon: the theme's own `favicon.svg`, or `[theme] favicon`.
    pub favicon: String,
    /// `[theme] logo`, if set.
    pub logo: Option<String>,
    /// Stylesheets after the theme's own: the accent's, then `[theme] extra_css`.
    pub extra_css: Vec<String>,
}

/// A loaded theme: template sources, static files and strings, and the templates
/// compiled (once, with the site's template functions registered).
pub struct Theme {
    /// (name, source); embedded templates carry the `default/` prefix.
    pub templates: Vec<(String, String)>,
    /// The file of each of the project's templates, by name, relative to the project
    /// root (`themes/custom/templates/page.html`): where a template error is reported.
    pub files: BTreeMap<String, std::path::PathBuf>,
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
    /// What `[theme]` adds to every page.
    pub assets: ThemeAssets,
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
    let mut files = BTreeMap::new();
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
        // A file that replaces a built-in one (and differs from it) is named in the
        // output; the first one with a note on what replacing means (#31).
        let mut replaced: Vec<(std::path::PathBuf, String)> = Vec::new();
        for (rel, abs) in files_below(&dir.join("templates"), config)? {
            let text = read_text(&abs)?;
            let builtin = format!("templates/{rel}");
            if DEFAULT_TEMPLATES
                .iter()
                .any(|(p, t)| *p == builtin && *t != text)
            {
                replaced.push((crate::load::relative_to(&abs, &config.root), builtin));
            }
            files.insert(rel.clone(), crate::load::relative_to(&abs, &config.root));
            templates.push((rel, text));
        }
        for (rel, abs) in files_below(&dir.join("static"), config)? {
            let bytes = std::fs::read(&abs).map_err(|source| Error::Read {
                path: abs.clone(),
                source,
            })?;
            if statics.get(&rel).is_some_and(|b| *b != bytes) {
                replaced.push((
                    crate::load::relative_to(&abs, &config.root),
                    format!("static/{rel}"),
                ));
            }
            statics.insert(rel, bytes);
        }
        for (k, (path, builtin)) in replaced.into_iter().enumerate() {
            let note = Diagnostic::hint(
                Span::file(path),
                crate::msg!("theme-file-replaces", builtin = builtin),
            );
            diagnostics.push(match k {
                0 => note.with_help(crate::help!()),
                _ => note,
            });
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
    let assets = settings(config, &mut statics, diagnostics)?;
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
    let key = crate::memo::key_of(&(&templates, &kinds, &assets));
    let compiled = reuse.theme.try_get_or(key, || {
        let answers = Arc::new(super::functions::AnswerSlot::default());
        let mut tera = compile(&templates, &files, |tera| {
            super::functions::register(tera, Arc::clone(&answers), kinds)
        })?;
        tera.global_context().insert("theme_assets", &assets);
        Ok::<_, Error>(Arc::new(CompiledTera { tera, answers }))
    })?;
    let key = crate::memo::key_of(&(key, &strings));
    let string_values = strings
        .iter()
        .map(|(lang, table)| (lang.clone(), tera::Value::from_serializable(table)))
        .collect();
    Ok(Theme {
        templates,
        files,
        statics,
        strings,
        string_values,
        compiled,
        key,
        assets,
    })
}

/// Reads what `[theme]` names into `statics` (below `custom/`, and the accent's
/// stylesheet), and warns about an accent colour that fails WCAG AA contrast against
/// the light or the dark background.
fn settings(
    config: &Config,
    statics: &mut BTreeMap<String, Vec<u8>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<ThemeAssets> {
    let s = &config.theme_settings;
    let mut extra_css = Vec::new();
    if s.accent.is_some() || s.accent_dark.is_some() {
        let [light, dark] = [s.accent.as_deref(), s.accent_dark.as_deref()]
            .map(|c| c.map(|c| parse_hex(c).ok_or(c)).transpose());
        let (light, dark) = match (light, dark) {
            (Ok(l), Ok(d)) => (l, d),
            (Err(bad), _) | (_, Err(bad)) => {
                return Err(Error::Config(Box::new(
                    Diagnostic::error(
                        Span::file("book.toml"),
                        crate::msg!("theme-accent-invalid", accent = bad),
                    )
                    .with_help(crate::help!()),
                )));
            }
        };
        let [(_, light_bg), (_, dark_bg)] = BACKGROUNDS;
        // Only a colour the author chose is checked; the dark one made from the light
        // one passes by construction.
        let dark = match (dark, light) {
            (Some(d), _) => Some((d, true)),
            (None, Some(l)) => Some((nearest_passing(l, dark_bg), false)),
            (None, None) => None,
        };
        let chosen = [
            ("light", light.map(|l| (l, true)), light_bg),
            ("dark", dark, dark_bg),
        ];
        let mut css = String::from("/* [theme] accent of book.toml */\n");
        for (scheme, colour, bg) in chosen {
            let Some((rgb, checked)) = colour else {
                continue;
            };
            let ratio = contrast(rgb, bg);
            if checked && ratio < AA {
                diagnostics.push(
                    Diagnostic::warning(
                        Span::file("book.toml"),
                        crate::msg!(
                            "theme-accent-contrast",
                            accent = hex(rgb),
                            scheme = scheme,
                            ratio = format!("{ratio:.2}"),
                        ),
                    )
                    .with_help(crate::help!(nearest = hex(nearest_passing(rgb, bg)))),
                );
            }
            // On screen only: printing keeps its dark ink on white.
            css.push_str(&match scheme {
                "light" => format!("@media screen {{ :root {{ --accent: {0}; }} }}\n", hex(rgb)),
                _ => format!(
                    "@media screen {{ :root[data-theme=\"dark\"] {{ --accent: {0}; }} }}\n@media screen and (prefers-color-scheme: dark) {{ :root:not([data-theme=\"light\"]) {{ --accent: {0}; }} }}\n",
                    hex(rgb)
                ),
            });
        }
        statics.insert(ACCENT_CSS.to_string(), css.into_bytes());
        extra_css.push(ACCENT_CSS.to_string());
    }
    let mut add = |key: &str, rel: &str| -> Result<String> {
        let clean = rel.replace('\\', "/");
        let inside = !clean.starts_with('/')
            && !std::path::Path::new(&clean).is_absolute()
            && clean.split('/').all(|c| !c.is_empty() && c != "..");
        let abs = config.root.join(&clean);
        if !inside || !abs.is_file() {
            return Err(Error::Config(Box::new(
                Diagnostic::error(
                    Span::file("book.toml"),
                    crate::msg!("theme-setting-file", key = key, path = rel),
                )
                .with_help(crate::help!()),
            )));
        }
        let bytes = std::fs::read(&abs).map_err(|source| Error::Read {
            path: abs.clone(),
            source,
        })?;
        let path = format!("{CUSTOM_DIR}{clean}");
        statics.insert(path.clone(), bytes);
        Ok(path)
    };
    let favicon = match &s.favicon {
        Some(f) => add("favicon", f)?,
        None => "favicon.svg".to_string(),
    };
    let logo = s.logo.as_deref().map(|l| add("logo", l)).transpose()?;
    for css in &s.extra_css {
        extra_css.push(add("extra_css", css)?);
    }
    Ok(ThemeAssets {
        favicon,
        logo,
        extra_css,
    })
}

/// WCAG AA for normal text.
const AA: f64 = 4.5;

/// `#rrggbb` or `#rgb`.
fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let h = text.strip_prefix('#')?;
    let digits: Vec<u8> = h
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [r, g, b] => Some([r * 17, g * 17, b * 17]),
        [r1, r2, g1, g2, b1, b2] => Some([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2]),
        _ => None,
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG relative luminance.
fn luminance(rgb: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let v = f64::from(c) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/// WCAG contrast ratio, 1 to 21.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The colour nearest to `rgb` that passes AA against `bg`: `rgb` mixed with black (on
/// a light background) or white (on a dark one), as little as needed.
fn nearest_passing(rgb: [u8; 3], bg: [u8; 3]) -> [u8; 3] {
    let toward: f64 = if luminance(bg) > 0.5 { 0.0 } else { 255.0 };
    let mix = |t: f64| rgb.map(|c| (f64::from(c) + (toward - f64::from(c)) * t).round() as u8);
    (0..=100)
        .map(|step| mix(f64::from(step) / 100.0))
        .find(|&c| contrast(c, bg) >= AA)
        .unwrap_or_else(|| mix(1.0))
}

/// Compiles `templates` after `register` has added filters and functions (Tera needs
/// them before the templates that use them).
fn compile(
    templates: &[(String, String)],
    files: &BTreeMap<String, std::path::PathBuf>,
    register: impl FnOnce(&mut tera::Tera),
) -> Result<tera::Tera> {
    let sources = Sources { templates, files };
    let mut tera = tera::Tera::new();
    tera.set_fallback_prefixes([EMBEDDED_PREFIX])
        .map_err(|e| template_error(&crate::t!("template-setup"), None, &e, sources))?;
    register(&mut tera);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(&crate::t!("template-invalid"), None, &e, sources))?;
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

/// The templates of a theme and the files of the project's own, for [`template_error`].
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub templates: &'a [(String, String)],
    pub files: &'a BTreeMap<String, std::path::PathBuf>,
}

impl Theme {
    /// Its templates and their files, for [`template_error`].
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            templates: &self.templates,
            files: &self.files,
        }
    }
}

/// A Tera error as the author reads it: when Tera says where (a syntax error, or a
/// line that failed while `making` a page), a diagnostic at that line of the
/// template's file, naming the template and what to do; otherwise `what` failed,
/// with Tera's words and every cause.
pub fn template_error(
    what: &str,
    making: Option<&str>,
    e: &tera::Error,
    sources: Sources<'_>,
) -> Error {
    if let Some(d) = template_diagnostic(making, e, sources) {
        return Error::Config(Box::new(d));
    }
    let mut message = format!("{what}: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(&format!("\n  {}: {s}", crate::t!("caused-by")));
        source = s.source();
    }
    Error::Template { message }
}

/// The diagnostic for a Tera error that knows its template and line (see
/// [`template_error`]).
fn template_diagnostic(
    making: Option<&str>,
    e: &tera::Error,
    sources: Sources<'_>,
) -> Option<Diagnostic> {
    if let tera::ErrorKind::MissingParent { current, parent } = e.kind() {
        return Some(missing_parent(current, parent, sources));
    }
    // The error, or one of its causes, that has a place in a template.
    let mut at: Option<&tera::Error> = Some(e);
    let place = loop {
        let error = at?;
        match error.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                let span = r.span();
                break Place {
                    message: r.message().to_string(),
                    name: r.filename().to_string(),
                    line: span.start_line,
                    col: span.start_col + 1,
                };
            }
            // Unknown filters, tests and functions, and blocks no parent has, come as
            // the text of Tera's reports: the first in one of the project's templates
            // (a built-in template may fail because of one of them), else the first.
            tera::ErrorKind::Msg(text) if !Place::read_all(text).is_empty() => {
                let mut all = Place::read_all(text);
                let at = all
                    .iter()
                    .position(|p| sources.files.contains_key(&p.name))
                    .unwrap_or(0);
                break all.swap_remove(at);
            }
            _ => {
                at = std::error::Error::source(error).and_then(|s| s.downcast_ref::<tera::Error>());
            }
        }
    };
    let name = place.name.as_str();
    let shown = name.strip_prefix(EMBEDDED_PREFIX).unwrap_or(name);
    let (path, own) = match sources.files.get(name) {
        Some(file) => (file.clone(), true),
        None => (
            std::path::PathBuf::from(format!("themes/default/templates/{shown}")),
            false,
        ),
    };
    let line_no = u32::try_from(place.line).unwrap_or(1);
    let col = u32::try_from(place.col).unwrap_or(1);
    let detail = super::tera_words::plain(&place.message);
    let message = match making {
        None => crate::msg!("template-syntax", template = shown, detail = detail),
        Some(what) => crate::msg!(
            "template-render",
            template = shown,
            what = what,
            detail = detail
        ),
    };
    // A block that no parent has: the blocks they have.
    let parent_blocks = if place.message.starts_with("Block `") {
        super::tera_words::parent_blocks(name, sources.templates)
    } else {
        Vec::new()
    };
    // A name Tera does not know (`Unknown filter `x``, `Unknown function`, `Unknown
    // test`) is a spelling to check, not a tag to close.
    let unknown_name = making.is_none()
        && place.message.starts_with("Unknown ")
        && !place.message.starts_with("Unknown tag");
    // A built-in template that fails may do so because of the project's templates it
    // extends or includes (a block they dropped): name them.
    let mut own_files: Vec<String> = sources
        .files
        .values()
        .map(|f| format!("`{}`", display_path(f)))
        .collect();
    own_files.sort();
    let help = match (own, unknown_name) {
        (true, false) if !parent_blocks.is_empty() => {
            let blocks: Vec<String> = parent_blocks.iter().map(|b| format!("`{b}`")).collect();
            crate::help!(
                "help-block",
                blocks = blocks.join(", "),
                path = display_path(&path)
            )
        }
        (true, false) => crate::help!(path = display_path(&path)),
        (true, true) => crate::help!("help-unknown", path = display_path(&path)),
        (false, _) if !own_files.is_empty() => {
            crate::help!("help-builtin-project", files = own_files.join(", "))
        }
        (false, _) => crate::help!("help-builtin"),
    };
    let mut d = Diagnostic::error(Span::new(path, line_no, col), message).with_help(help);
    let text = sources
        .templates
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str());
    if let Some(line) = text.and_then(|t| t.lines().nth(place.line.saturating_sub(1))) {
        d = d.with_line(line);
    }
    Some(d)
}

/// The error for template `current` extending `parent`, which the theme does not have:
/// at its `{% extends %}` line, with the templates there are.
fn missing_parent(current: &str, parent: &str, sources: Sources<'_>) -> Diagnostic {
    let shown = current.strip_prefix(EMBEDDED_PREFIX).unwrap_or(current);
    let path =
        sources.files.get(current).cloned().unwrap_or_else(|| {
            std::path::PathBuf::from(format!("themes/default/templates/{shown}"))
        });
    let text = sources
        .templates
        .iter()
        .find(|(n, _)| n == current)
        .map_or("", |(_, t)| t.as_str());
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("extends"))
        .map_or((1, None), |(i, l)| (i + 1, Some(l)));
    let col = line.and_then(|l| l.find(parent)).map_or(1, |b| b + 1);
    let mut names: Vec<String> = sources
        .templates
        .iter()
        .map(|(n, _)| format!("`{}`", n.strip_prefix(EMBEDDED_PREFIX).unwrap_or(n)))
        .collect();
    names.sort();
    names.dedup();
    let mut d = Diagnostic::error(
        Span::new(
            path,
            u32::try_from(line_no).unwrap_or(1),
            u32::try_from(col).unwrap_or(1),
        ),
        crate::msg!("template-missing-parent", template = shown, parent = parent),
    )
    .with_help(crate::help!(templates = names.join(", ")));
    if let Some(line) = line {
        d = d.with_line(line);
    }
    d
}

/// Where Tera says a template went wrong, and in what words.
struct Place {
    message: String,
    /// The template's name (`page.html`, `default/base.html`).
    name: String,
    line: usize,
    /// 1-based.
    col: usize,
}

impl Place {
    /// The problems of reports Tera gave as text, in order: each `error: MESSAGE` line
    /// followed by `--> NAME:LINE:COL`.
    fn read_all(text: &str) -> Vec<Place> {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        lines
            .windows(2)
            .filter_map(|pair| {
                let message = pair[0].strip_prefix("error: ")?;
                let at = pair[1].strip_prefix("--> ")?;
                let mut parts = at.rsplitn(3, ':');
                let col = parts.next()?.parse().ok()?;
                let line = parts.next()?.parse().ok()?;
                let name = parts.next()?.to_string();
                Some(Place {
                    message: message.to_string(),
                    name,
                    line,
                    col,
                })
            })
            .collect()
    }
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
