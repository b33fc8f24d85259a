//! The table of heavy outputs: every file below `downloads/` that `build` makes from
//! the rendered site. This is the one place that names the formats: what turns each
//! on, how it is made, where its files go and how the download page labels it. A new
//! format is a new row here (and its maker); `tests/testsuite/downloads.rs` checks that
//! no other source file names a format's file.

use super::{Made, Making, Wants};
use crate::config::Config;
use crate::error::Result;
use crate::render::Group;

/// One heavy output.
pub struct Format {
    /// Its name in `--timings` and on the progress line (`epub`).
    pub name: &'static str,
    /// Whether this build makes it.
    pub on: fn(&Config, &Wants) -> bool,
    /// How it is made.
    pub make: fn(&Making<'_>, &Format) -> Result<Made>,
    /// Its file below the output root, in the language `code` (the zip, of every
    /// language, ignores it).
    pub file: fn(&str) -> String,
    /// For a format made one file per page as well: the file of the page with file stem
    /// `stem` in the language `code`.
    pub each: Option<fn(&str, &str) -> String>,
    /// The theme's UI string that labels it on the download page.
    pub label: &'static str,
    /// The format as the download page shows it.
    pub shown: &'static str,
    /// Where the download page lists it.
    pub group: Group,
    /// Whether its file holds every language (one file), rather than one per language.
    pub every_language: bool,
    /// What a terminal shows while it is made (`writing the EPUBs…`).
    pub progress: fn() -> String,
}

/// Every heavy output, in the order they are made: the offline zip comes last, since
/// it holds all the others.
pub static FORMATS: &[Format] = &[
    Format {
        name: "pdf",
        progress: || crate::t!("progress-pdf"),
        on: |config, wants| wants.pdf && config.pdf.enabled,
        make: super::make_pdf,
        file: |code| format!("downloads/handbook-{code}.pdf"),
        each: None,
        label: "downloads_pdf",
        shown: "PDF",
        group: Group::Handbook,
        every_language: false,
    },
    Format {
        name: "handouts",
        progress: || crate::t!("progress-handouts"),
        on: |config, wants| wants.pdf && config.handouts.is_some(),
        make: super::make_handouts,
        file: |code| format!("downloads/handouts-{code}.pdf"),
        each: Some(|code, stem| format!("downloads/handouts/{code}/{stem}.pdf")),
        label: "downloads_handouts_all",
        shown: "PDF",
        group: Group::Handouts,
        every_language: false,
    },
    Format {
        name: "epub",
        progress: || crate::t!("progress-epub"),
        on: |config, _| config.epub.enabled,
        make: super::make_epub,
        file: |code| format!("downloads/handbook-{code}.epub"),
        each: None,
        label: "downloads_epub",
        shown: "EPUB",
        group: Group::Handbook,
        every_language: false,
    },
    Format {
        name: "zip",
        progress: || crate::t!("progress-zip"),
        on: |config, _| config.downloads.offline_zip,
        make: super::make_offline_zip,
        file: |_| "downloads/handbook-offline.zip".to_string(),
        each: None,
        label: "downloads_offline",
        shown: "ZIP",
        group: Group::Offline,
        every_language: true,
    },
];

/// The one top folder inside the offline zip, whatever the output folder is called, so
/// that the zip is the same wherever the site was built.
pub const OFFLINE_TOP: &str = "handbook";
