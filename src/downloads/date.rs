//! The date every download carries, never the clock, so that two builds of the same
//! sources are byte-identical.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::UNIX_EPOCH;

use crate::config::{CONFIG_FILE, Config};
use crate::stamp::Stamp;

/// The date of the downloads, the first of:
///
/// 1. `SOURCE_DATE_EPOCH` (the reproducible-builds convention);
/// 2. `[downloads] date` of `book.toml`;
/// 3. the date of the last git commit that touched the project, when it is in git;
/// 4. the newest modification time of its sources (`book.toml`, `content/`, the
///    themes);
/// 5. 1 January 2000, when none can be read.
pub fn stamp(config: &Config) -> Stamp {
    // Checked at the start of a build (see [`source_date_epoch`]).
    let epoch = source_date_epoch().ok().flatten();
    match (epoch, config.downloads.date.as_deref()) {
        (Some(seconds), _) => Stamp::from_unix(seconds),
        (None, Some(date)) => Stamp::from_date(date).unwrap_or(Stamp::DEFAULT),
        (None, None) => last_commit(&config.root)
            .or_else(|| newest_source(config))
            .map_or(Stamp::DEFAULT, Stamp::from_unix),
    }
}

/// The committer date of the last commit that touched `root`, in seconds; `None` when
/// git is not installed, `root` is not in a repository, or nothing in it is committed.
fn last_commit(root: &Path) -> Option<u64> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "-1", "--format=%ct", "--", "."])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// The newest modification time, in seconds, of `book.toml` and every file below
/// `content/`, `themes/` and the theme folder.
fn newest_source(config: &Config) -> Option<u64> {
    let mut roots = vec![
        config.root.join(CONFIG_FILE),
        config.content_dir(),
        config.root.join("themes"),
    ];
    roots.extend(config.theme.clone());
    roots
        .iter()
        .flat_map(|root| walkdir::WalkDir::new(root).into_iter().flatten())
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| entry.metadata().ok()?.modified().ok())
        .filter_map(|time| time.duration_since(UNIX_EPOCH).ok())
        .map(|since| since.as_secs())
        .max()
}

/// The earliest and latest `SOURCE_DATE_EPOCH` a download can carry (the years a zip
/// entry can hold): 1980-01-01 and 2107-12-31 23:59:59 UTC.
pub const EPOCH_RANGE: std::ops::RangeInclusive<u64> = 315_532_800..=4_354_819_199;

/// `SOURCE_DATE_EPOCH`, checked: unset or empty is `None`; anything but a whole number
/// of seconds within [`EPOCH_RANGE`] is an error (the reproducible-builds convention:
/// a malformed value stops the build rather than being ignored, issue #24).
pub fn source_date_epoch() -> crate::error::Result<Option<u64>> {
    use crate::error::Error;
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let text = raw.to_string_lossy();
    let value = text.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let shown: String = value.chars().take(40).collect();
    let Ok(seconds) = value.parse::<u64>() else {
        return Err(Error::Msg(crate::msg!("epoch-invalid", value = shown)));
    };
    if !EPOCH_RANGE.contains(&seconds) {
        return Err(Error::Msg(crate::msg!(
            "epoch-out-of-range",
            value = shown,
            first = *EPOCH_RANGE.start(),
            last = *EPOCH_RANGE.end()
        )));
    }
    Ok(Some(seconds))
}
