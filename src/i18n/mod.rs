//! Messages in the author's language: every sentence Panduan says to a person comes
//! from a Project Fluent catalogue, one per language (`src/i18n/<lang>/panduan.ftl`,
//! compiled into the binary), looked up by a stable id.
//!
//! - [`Lang`] is a language of the messages (not of the handbook): English or
//!   Indonesian. The process has one current language ([`set`], [`current`]), chosen
//!   once by the binary in the documented order ([`choose`]); English until then.
//! - [`t!`](crate::t) formats a message in the current language;
//!   [`msg!`](crate::msg) keeps a message's id and arguments ([`Msg`]) so that it can be
//!   formatted later, in any language (the `serve` overlay shows both).
//! - A diagnostic's code is its message id (`link-missing-page`); its `help:` line is
//!   the message's `.help` attribute (or another attribute, `.help-nearest`, …).
//!
//! Fluent's Unicode isolation marks are off: messages go to terminals and logs, where
//! the marks would show as noise around `path:line:col` and names.
//! This module imports nothing else of ours.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English catalogue.
pub const EN_FTL: &str = include_str!("en/panduan.ftl");
/// The Indonesian catalogue.
pub const ID_FTL: &str = include_str!("id/panduan.ftl");

/// A language Panduan speaks to its user in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    /// Every language of the messages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The code: `en`, `id`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// `en` or `id` (also `en-US`, `id_ID`, any case); `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "id" | "in" => Some(Lang::Id),
            _ => None,
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Lang::En => EN_FTL,
            Lang::Id => ID_FTL,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where the current language came from, strongest first (see [`choose`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// `--lang`.
    Option,
    /// `PANDUAN_LANG`.
    PanduanLang,
    /// `[book] messages` in book.toml.
    Book,
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`.
    Locale,
    /// Nothing said anything: English.
    Default,
}

/// The language of a POSIX locale value: `id_ID.UTF-8`, `id`, `id_ID` are Indonesian;
/// `C`, `POSIX` and every other language are English. `None` for an empty value, which
/// POSIX treats as unset.
pub fn from_locale(value: &str) -> Option<Lang> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    Some(Lang::from_code(value).unwrap_or(Lang::En))
}

/// The language of the messages, in this order: the `--lang` option, `PANDUAN_LANG`,
/// `[book] messages`, then the locale as POSIX reads it (`LC_ALL` overrides
/// `LC_MESSAGES`, which overrides `LANG`), else English. `env` reads an environment
/// variable. An option or variable naming a language Panduan has no messages in is
/// passed over.
pub fn choose(
    option: Option<&str>,
    book: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> (Lang, Source) {
    if let Some(lang) = option.and_then(Lang::from_code) {
        return (lang, Source::Option);
    }
    if let Some(lang) = env("PANDUAN_LANG").as_deref().and_then(Lang::from_code) {
        return (lang, Source::PanduanLang);
    }
    if let Some(lang) = book.and_then(Lang::from_code) {
        return (lang, Source::Book);
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(lang) = env(name).as_deref().and_then(from_locale) {
            return (lang, Source::Locale);
        }
    }
    (Lang::En, Source::Default)
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of every message formatted from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The current language of the messages.
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Id as u8 {
        Lang::Id
    } else {
        Lang::En
    }
}

/// A value given to a message: text, a number (numbers choose plural forms), or
/// another message, said in the same language as the one it is given to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    Text(String),
    Number(i64),
    Msg(Box<Msg>),
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Msg(m) => write!(f, "{m}"),
        }
    }
}

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Text(v.to_string())
            }
        }
    )*};
}
text_args!(
    String,
    &str,
    &String,
    &&str,
    Cow<'_, str>,
    char,
    &Lang,
    Lang
);

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Number(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u32, u64, i64, i32, u16, u128);

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Self {
        Arg::Text(p.to_string_lossy().replace('\\', "/"))
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Self {
        Arg::from(p.as_path())
    }
}

/// The arguments of one message.
pub type Args = Vec<(&'static str, Arg)>;

/// A message by id, with its arguments, not yet formatted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    pub id: &'static str,
    pub args: Args,
}

impl Msg {
    /// The message in `lang`.
    pub fn format_in(&self, lang: Lang) -> String {
        format(lang, self.id, None, &self.args)
    }

    /// The message in the current language.
    pub fn format(&self) -> String {
        self.format_in(current())
    }

    /// Attribute `attr` of the message in `lang` (`None` when the message has none).
    pub fn attr_in(&self, lang: Lang, attr: &str) -> Option<String> {
        try_format(lang, self.id, Some(attr), &self.args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

/// A [`Msg`]: `msg!("link-missing-page", target = t, title = page.title)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::Msg {
            id: $id,
            args: vec![$((stringify!($k), $crate::i18n::Arg::from($v))),*],
        }
    };
}

/// A message formatted in the current language: `t!("build-summary", pages = n)`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::msg!($id $(, $k = $v)*).format()
    };
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Lang::ALL.map(make_bundle));
    &all[lang as usize]
}

fn make_bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // A catalogue with a syntax error still gives its good messages; the unit tests
    // hold both catalogues free of errors.
    let resource = match FluentResource::try_new(lang.catalogue().to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    // Duplicate ids are caught by the unit tests; the first one stays.
    let _ = bundle.add_resource(resource);
    bundle
}

fn fluent_args(lang: Lang, args: &[(&'static str, Arg)]) -> FluentArgs<'static> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        match v {
            Arg::Text(s) => out.set(*k, FluentValue::from(s.clone())),
            Arg::Number(n) => out.set(*k, FluentValue::from(*n)),
            Arg::Msg(m) => out.set(*k, FluentValue::from(m.format_in(lang))),
        }
    }
    out
}

/// Message `id` (or its attribute `attr`) in `lang`, or `None` when it is not there.
pub fn try_format(
    lang: Lang,
    id: &str,
    attr: Option<&str>,
    args: &[(&'static str, Arg)],
) -> Option<String> {
    let bundle = bundle(lang);
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        None => message.value()?,
        Some(a) => message.get_attribute(a)?.value(),
    };
    let args = fluent_args(lang, args);
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned(),
    )
}

/// Message `id` (or its attribute `attr`) in `lang`; a message missing from `lang`
/// falls back to English, and one missing everywhere shows its id (the unit tests
/// keep both from happening).
pub fn format(lang: Lang, id: &str, attr: Option<&str>, args: &[(&'static str, Arg)]) -> String {
    try_format(lang, id, attr, args)
        .or_else(|| try_format(Lang::En, id, attr, args))
        .unwrap_or_else(|| match attr {
            Some(a) => format!("{id}.{a}"),
            None => id.to_string(),
        })
}

/// Whether the English catalogue has message `id`.
pub fn exists(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

#[cfg(test)]
mod tests;
