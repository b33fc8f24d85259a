//! The versions the editor replaced, to undo a save.
//!
//! Before the editor writes a file, the bytes it replaces are kept in
//! `.panduan/history/<path below content/>/<n>.md` in the project folder: the loader
//! and the watcher never read `.panduan/`, so the build ignores it. The last
//! [`KEEP`] versions of each file are kept, the oldest removed. Undo takes the newest
//! version back out.

use std::path::{Path, PathBuf};

/// Versions kept per file.
pub const KEEP: usize = 20;

/// The folder of `rel`'s versions (`rel` checked, below `content/`).
fn folder(root: &Path, rel: &str) -> PathBuf {
    rel.split('/')
        .fold(root.join(".panduan").join("history"), |p, s| p.join(s))
}

/// The versions of `rel`, oldest first, by their number.
fn versions(dir: &Path) -> Vec<(u64, PathBuf)> {
    let mut found: Vec<(u64, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name.strip_suffix(".md")?.parse().ok()?;
            Some((n, e.path()))
        })
        .collect();
    found.sort();
    found
}

/// Keeps `bytes` as the newest version of `rel`, dropping versions beyond [`KEEP`].
pub fn keep(root: &Path, rel: &str, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder(root, rel);
    std::fs::create_dir_all(&dir)?;
    let existing = versions(&dir);
    let next = existing.last().map_or(1, |(n, _)| n + 1);
    std::fs::write(dir.join(format!("{next:06}.md")), bytes)?;
    let excess = (existing.len() + 1).saturating_sub(KEEP);
    for (_, old) in existing.into_iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

/// How many versions of `rel` can be taken back.
pub fn count(root: &Path, rel: &str) -> usize {
    versions(&folder(root, rel)).len()
}

/// The newest version of `rel`, without removing it.
pub fn newest(root: &Path, rel: &str) -> Option<(PathBuf, Vec<u8>)> {
    let (_, path) = versions(&folder(root, rel)).pop()?;
    let bytes = std::fs::read(&path).ok()?;
    Some((path, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_versions_are_kept() {
        let root = std::env::temp_dir().join(format!("panduan-history-{}", std::process::id()));
        for i in 0..25 {
            keep(&root, "id/a.md", format!("v{i}").as_bytes()).expect("kept");
        }
        assert_eq!(count(&root, "id/a.md"), KEEP);
        let (path, bytes) = newest(&root, "id/a.md").expect("a version");
        assert_eq!(bytes, b"v24");
        std::fs::remove_file(path).expect("taken");
        assert_eq!(newest(&root, "id/a.md").map(|v| v.1), Some(b"v23".to_vec()));
        assert_eq!(count(&root, "id/b.md"), 0);
        let _ = std::fs::remove_dir_all(&root);
    }
}
