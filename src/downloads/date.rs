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
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok());
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
