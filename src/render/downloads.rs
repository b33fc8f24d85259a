//! `<lang>/downloads.html`: the download page of each language ("Unduh" /
//! "Downloads"), listing the files below `downloads/` with their size and date: the
//! handbook as PDF and EPUB, the handouts one by one and all in one, and the offline
//! zip of the whole site.
//!
//! Input: the [`Site`] and the [`Downloads`] that were made (the caller looks at what
//! the steps after rendering wrote). The page only lists what exists, so it is right
//! whichever steps ran. Links are relative and name files, so they work from `file://`.

use serde::Serialize;

use super::special::plain_ctx;
use super::strings::{label, strings};
use super::{Compiled, OutputFile, RenderOptions, render_template};
use crate::error::Result;
use crate::model::Site;
use crate::model::url::{encode_path, relative};

/// The file name of the download page in each language's folder.
pub const PAGE: &str = "downloads.html";

/// The offline zip of the whole site, below the output root.
pub const OFFLINE_ZIP: &str = "downloads/handbook-offline.zip";

/// One file below `downloads/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// Below the output root (`downloads/handbook-id.epub`).
    pub path: String,
    pub size: u64,
}

/// Which copy of the download pages is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The output folder (or the site online): every file with its size.
    Site,
    /// The copy inside the offline zip, which cannot hold itself: the zip is named
    /// without a link (or with its address online) and without a size, since the
    /// size of a zip holding the page that states it is not known while it is made.
    InsideZip,
    /// `panduan serve`, which makes none of them: the page says so.
    Serve,
}

/// What the download pages list.
#[derive(Debug, Clone)]
pub struct Downloads {
    /// Sorted by path.
    pub files: Vec<Download>,
    /// `2026-12-01`, the date of every download.
    pub date: String,
    pub place: Place,
}

#[derive(Serialize)]
struct Entry {
    title: String,
    /// The file's name, as the browser saves it.
    file: String,
    /// Relative to the download page; none for the zip inside itself.
    href: Option<String>,
    size: Option<String>,
    format: &'static str,
    /// `2026-12-01`.
    date: String,
}

/// A group of downloads under its own heading.
#[derive(Serialize)]
struct Section {
    id: &'static str,
    title: String,
    entries: Vec<Entry>,
    /// A sentence below the list.
    note: Option<String>,
}

/// The download page of every language.
pub(super) fn pages(
    site: &Site,
    theme: &Compiled<'_>,
    options: &RenderOptions,
    downloads: &Downloads,
) -> Result<Vec<OutputFile>> {
    let mut out = Vec::new();
    for (l, language) in site.config.languages.iter().enumerate() {
        let code = language.code.as_str();
        let t = strings(theme, code);
        let url = format!("{code}/{PAGE}");
        let decimal = label(t, "decimal_separator");
        let entry = |d: &Download, title: String| {
            let format = match d.path.rsplit_once('.').map(|(_, e)| e) {
                Some("pdf") => "PDF",
                Some("epub") => "EPUB",
                _ => "ZIP",
            };
            let inside = downloads.place == Place::InsideZip && d.path == OFFLINE_ZIP;
            let href = match (inside, site.config.base_url.as_deref()) {
                (false, _) => Some(relative(&url, &d.path)),
                (true, Some(base)) => Some(format!("{base}{}", encode_path(&d.path))),
                (true, None) => None,
            };
            Entry {
                title,
                file: d.path.rsplit('/').next().unwrap_or(&d.path).to_string(),
                href,
                size: (!inside).then(|| size(d.size, &decimal)),
                format,
                date: downloads.date.clone(),
            }
        };
        let find = |path: &str| downloads.files.iter().find(|d| d.path == path);
        let mut handbook = Vec::new();
        for (ext, key) in [("pdf", "downloads_pdf"), ("epub", "downloads_epub")] {
            if let Some(d) = find(&format!("downloads/handbook-{code}.{ext}")) {
                handbook.push(entry(d, label(t, key)));
            }
        }
        let handouts_all = find(&format!("downloads/handouts-{code}.pdf"))
            .map(|d| entry(d, label(t, "downloads_handouts_all")));
        let folder = format!("downloads/handouts/{code}/");
        let handouts: Vec<Entry> = downloads
            .files
            .iter()
            .filter_map(|d| {
                let stem = d.path.strip_prefix(&folder)?.strip_suffix(".pdf")?;
                let title = site
                    .pages
                    .iter()
                    .find(|p| {
                        p.lang_index == l
                            && p.path
                                .as_ref()
                                .and_then(|f| f.file_stem())
                                .is_some_and(|s| s == stem)
                    })
                    .map_or_else(|| stem.to_string(), |p| p.title.clone());
                Some(entry(d, title))
            })
            .collect();
        let offline = find(OFFLINE_ZIP).map(|d| entry(d, label(t, "downloads_offline")));
        let others: Vec<Entry> = site
            .config
            .languages
            .iter()
            .filter(|other| other.code != language.code)
            .flat_map(|other| {
                ["pdf", "epub"].into_iter().filter_map(move |ext| {
                    let path = format!("downloads/handbook-{}.{ext}", other.code);
                    Some((other, find(&path)?))
                })
            })
            .map(|(other, d)| entry(d, other.title.clone()))
            .collect();
        let mut handouts = handouts;
        if let Some(all) = handouts_all {
            handouts.insert(0, all);
        }
        let note = |key: &str| Some(label(t, key));
        let offline_note = match downloads.place {
            Place::InsideZip => Some(format!(
                "{} {}",
                label(t, "downloads_inside_zip"),
                label(t, "downloads_offline_hint")
            )),
            _ => note("downloads_offline_hint"),
        };
        let sections: Vec<Section> = [
            ("downloads-handbook", "downloads_handbook", handbook, None),
            ("downloads-handouts", "downloads_handouts", handouts, None),
            (
                "downloads-offline",
                "downloads_offline",
                offline.into_iter().collect(),
                offline_note,
            ),
            (
                "downloads-others",
                "downloads_other_languages",
                others,
                None,
            ),
        ]
        .into_iter()
        .filter(|(_, _, entries, _)| !entries.is_empty())
        .map(|(id, key, entries, note)| Section {
            id,
            title: label(t, key),
            entries,
            note,
        })
        .collect();
        #[derive(Serialize)]
        struct DownloadsCtx<'a> {
            #[serde(flatten)]
            base: super::context::Ctx<'a, ()>,
            sections: Vec<Section>,
            serving: bool,
        }
        let ctx = DownloadsCtx {
            base: plain_ctx(site, theme, options, l, &url),
            sections,
            serving: downloads.place == Place::Serve,
        };
        let html = render_template(theme, "downloads.html", &ctx, &format!("`{url}`"))?;
        out.push(OutputFile::bytes(url, html));
    }
    Ok(out)
}

/// A file size for readers, in decimal units with one decimal below 10 (`2,4 MB` with
/// `decimal` `,`; `312 kB`; `980 B`).
fn size(bytes: u64, decimal: &str) -> String {
    let (value, unit) = match bytes {
        b if b < 1000 => return format!("{b} B"),
        b if b < 1_000_000 => (b as f64 / 1e3, "kB"),
        b if b < 1_000_000_000 => (b as f64 / 1e6, "MB"),
        b => (b as f64 / 1e9, "GB"),
    };
    let text = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    format!("{} {unit}", text.replace('.', decimal))
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_in_each_language() {
        assert_eq!(size(2_400_000, ","), "2,4 MB");
        assert_eq!(size(2_400_000, "."), "2.4 MB");
        assert_eq!(size(312_400, ","), "312 kB");
        assert_eq!(size(980, ","), "980 B");
        assert_eq!(size(12_600_000, "."), "13 MB");
    }
}
