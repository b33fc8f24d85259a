//! `<lang>/downloads.html`: the download page of each language ("Unduh" /
//! "Downloads"), listing the files below `downloads/` with their size and date.
//!
//! Input: the [`Site`] and the [`Downloads`] that were made. Which formats exist, their
//! labels and how the page groups them come from the downloads stage's table of
//! formats, carried by each [`Download`]: this page names no format. It only lists what
//! exists, so it is right whichever steps ran. Links are relative and name files, so
//! they work from `file://`.

use serde::Serialize;

use super::special::plain_ctx;
use super::strings::{label, strings};
use super::{Compiled, OutputFile, RenderOptions, render_template};
use crate::error::Result;
use crate::model::url::{encode_path, relative};
use crate::model::{Page, Site};
use crate::stamp::Stamp;

/// The file name of the download page in each language's folder.
pub const PAGE: &str = "downloads.html";

/// Where the download page lists a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The whole handbook in one language ("Seluruh buku panduan"); those of the other
    /// languages go under "Dalam bahasa lain".
    Handbook,
    /// Files made one per page, and all of them in one.
    Handouts,
    /// The whole site without internet: a file that cannot hold itself (see
    /// [`Place::InsideZip`]).
    Offline,
}

/// One file below `downloads/`, as the downloads table describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// Below the output root (`downloads/handbook-id.epub`).
    pub path: String,
    pub size: u64,
    /// The format as the page shows it (`EPUB`).
    pub format: &'static str,
    /// The theme's UI string that names it on the page (`downloads_epub`).
    pub label: &'static str,
    pub group: Group,
    /// The language it is in (an index into `book.toml`'s languages); `None` for a file
    /// of every language.
    pub lang: Option<usize>,
    /// For a file made one per page: the file stem of that page.
    pub page: Option<String>,
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
    /// In the order the downloads table made them.
    pub files: Vec<Download>,
    /// The date of every download.
    pub date: Stamp,
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
    /// `2026-12-07`, for machines.
    date: String,
    /// `7 Desember 2026`, as the language writes it.
    date_shown: String,
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

/// The file name (without `.pdf`) of `page`'s handout: the last part of its address,
/// so that each language's handouts are named in its own words (`swabantu`,
/// `self-help`), else its file's name.
pub fn handout_stem(page: &Page) -> String {
    page.url
        .trim_end_matches("index.html")
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty() && !s.ends_with(".html"))
        .map_or_else(
            || {
                page.path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map_or_else(|| page.rel.clone(), |s| s.to_string_lossy().into_owned())
            },
            str::to_string,
        )
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
        let date_shown = shown_date(downloads.date, &label(t, "months"));
        let entry = |d: &Download, title: String| {
            let inside = downloads.place == Place::InsideZip && d.group == Group::Offline;
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
                format: d.format,
                date: downloads.date.date(),
                date_shown: date_shown.clone(),
            }
        };
        let of = |group: Group| {
            downloads
                .files
                .iter()
                .filter(move |d| d.group == group && d.lang.is_none_or(|dl| dl == l))
        };
        let handbook: Vec<Entry> = of(Group::Handbook)
            .map(|d| entry(d, label(t, d.label)))
            .collect();
        // One page's handouts in the book's reading order, each under its page's title.
        let kind = site.config.handouts.as_ref().map(|h| h.kind.as_str());
        let page_of = |stem: &str| {
            site.reading_order[l].iter().position(|&i| {
                let p = &site.pages[i];
                p.front.kind.as_ref().map(|k| k.value.as_str()) == kind
                    && (handout_stem(p) == stem || p.rel.replace('/', "-") == stem)
            })
        };
        let mut each: Vec<(Option<usize>, &Download)> = of(Group::Handouts)
            .filter_map(|d| Some((page_of(d.page.as_deref()?), d)))
            .collect();
        each.sort_by(|a, b| (a.0.is_none(), a.0, &a.1.path).cmp(&(b.0.is_none(), b.0, &b.1.path)));
        let handouts: Vec<Entry> = of(Group::Handouts)
            .filter(|d| d.page.is_none())
            .map(|d| entry(d, label(t, d.label)))
            .chain(each.into_iter().map(|(at, d)| {
                let title = at.map_or_else(
                    || d.page.clone().unwrap_or_default(),
                    |at| site.pages[site.reading_order[l][at]].title.clone(),
                );
                entry(d, title)
            }))
            .collect();
        let offline: Vec<Entry> = of(Group::Offline)
            .map(|d| entry(d, label(t, d.label)))
            .collect();
        let others: Vec<Entry> = site
            .config
            .languages
            .iter()
            .enumerate()
            .filter(|(ol, _)| *ol != l)
            .flat_map(|(ol, other)| {
                downloads
                    .files
                    .iter()
                    .filter(move |d| d.group == Group::Handbook && d.lang == Some(ol))
                    .map(move |d| (other, d))
            })
            .map(|(other, d)| entry(d, other.title.clone()))
            .collect();
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
                offline,
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

/// `stamp`'s day as a language writes it, day, month and year (`7 Desember 2026`), with
/// `months` the twelve names separated by spaces; the ISO date when a theme's list is
/// not twelve names long.
fn shown_date(stamp: Stamp, months: &str) -> String {
    let names: Vec<&str> = months.split_whitespace().collect();
    match names.get(stamp.month as usize - 1) {
        Some(month) if names.len() == 12 => format!("{} {month} {}", stamp.day, stamp.year),
        _ => stamp.date(),
    }
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
    use super::{shown_date, size};
    use crate::stamp::Stamp;

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day = Stamp::from_date("2026-12-07").expect("a date");
        let id = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember";
        assert_eq!(shown_date(day, id), "7 Desember 2026");
        assert_eq!(
            shown_date(day, &id.replace("Desember", "December")),
            "7 December 2026"
        );
        assert_eq!(
            shown_date(day, "months"),
            "2026-12-07",
            "a theme without the names"
        );
    }

    #[test]
    fn sizes_read_in_each_language() {
        assert_eq!(size(2_400_000, ","), "2,4 MB");
        assert_eq!(size(2_400_000, "."), "2.4 MB");
        assert_eq!(size(312_400, ","), "312 kB");
        assert_eq!(size(980, ","), "980 B");
        assert_eq!(size(12_600_000, "."), "13 MB");
    }
}
