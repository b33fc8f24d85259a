//! The versions the editor replaced, to undo a save.
//!
//! Before the editor writes a file, the bytes it replaces are kept in
//! `.panduan/history/<path below content/>/<n>.md` in the project folder, with
//! `<n>.after`: the version (ETag) of the text that save wrote. The loader and the
//! watcher never read `.panduan/`, so the build ignores it, and `.panduan/.gitignore`
//! keeps it out of git (old versions may hold what an author deleted on purpose). The
//! last [`KEEP`] versions of each file are kept, the oldest removed.
//!
//! Undo takes the newest version back only while the file is still exactly what that
//! save wrote: after any other change (another editor, a `git pull`) it is refused,
//! so undo never throws work away. The folders are resolved and must be the project's
//! own `.panduan/history/...`, not a symbolic link elsewhere; version files are
//! created exclusively and read only when they are plain files.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Versions kept per file.
pub const KEEP: usize = 20;

/// The folder of `rel`'s versions (`rel` checked, below `content/`), created, and
/// checked to be the project's own: no part of it a link leading elsewhere.
fn folder(root: &Path, rel: &str) -> std::io::Result<PathBuf> {
    let base = root.join(".panduan");
    // Folder by folder: a link met on the way is refused before anything is made
    // through it.
    let mut dir = root.to_path_buf();
    for part in [".panduan", "history"].into_iter().chain(rel.split('/')) {
        dir.push(part);
        match std::fs::symlink_metadata(&dir) {
            Ok(meta) if meta.file_type().is_dir() => {}
            Ok(_) => {
                return Err(std::io::Error::other(
                    "the history folder is not a plain folder of the project",
                ));
            }
            Err(_) => std::fs::create_dir(&dir)?,
        }
    }
    let ignore = base.join(".gitignore");
    if std::fs::symlink_metadata(&ignore).is_err() {
        let _ = create(
            &ignore,
            b"# Written by panduan serve: old versions of pages stay out of git.\n*\n",
        );
    }
    Ok(dir)
}

/// The versions in `dir`, oldest first, by their number.
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

/// A new file with `bytes`, never through an existing file or link.
fn create(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?
        .write_all(bytes)
}

/// Keeps `bytes` as the newest version of `rel`, replaced by a save that wrote the
/// version `after`; drops versions beyond [`KEEP`].
pub fn keep(root: &Path, rel: &str, bytes: &[u8], after: &str) -> std::io::Result<()> {
    let dir = folder(root, rel)?;
    let existing = versions(&dir);
    let next = existing.last().map_or(1, |(n, _)| n + 1);
    create(&dir.join(format!("{next:06}.after")), after.as_bytes())?;
    create(&dir.join(format!("{next:06}.md")), bytes)?;
    let excess = (existing.len() + 1).saturating_sub(KEEP);
    for (_, old) in existing.into_iter().take(excess) {
        let _ = std::fs::remove_file(old.with_extension("after"));
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

/// How many versions of `rel` can be taken back.
pub fn count(root: &Path, rel: &str) -> usize {
    folder(root, rel).map_or(0, |dir| versions(&dir).len())
}

/// The newest version of `rel`: its bytes, and the version of the text the save that
/// replaced it wrote.
pub struct Newest {
    path: PathBuf,
    pub bytes: Vec<u8>,
    pub after: String,
}

impl Newest {
    /// Removes it, once it is back in place.
    pub fn forget(self) {
        let _ = std::fs::remove_file(self.path.with_extension("after"));
        let _ = std::fs::remove_file(self.path);
    }
}

/// The newest version of `rel`, if there is one that is a plain file.
pub fn newest(root: &Path, rel: &str) -> Option<Newest> {
    let dir = folder(root, rel).ok()?;
    let (_, path) = versions(&dir).pop()?;
    let plain = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_file());
    let after_path = path.with_extension("after");
    if !plain(&path) || !plain(&after_path) {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let after = std::fs::read_to_string(after_path).ok()?;
    Some(Newest { path, bytes, after })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_versions_are_kept() {
        let root = std::env::temp_dir().join(format!("panduan-history-{}", std::process::id()));
        std::fs::create_dir_all(&root).expect("a folder");
        for i in 0..25 {
            keep(
                &root,
                "id/a.md",
                format!("v{i}").as_bytes(),
                &format!("e{i}"),
            )
            .expect("kept");
        }
        assert_eq!(count(&root, "id/a.md"), KEEP);
        let newest = newest(&root, "id/a.md").expect("a version");
        assert_eq!(
            (newest.bytes.as_slice(), newest.after.as_str()),
            (&b"v24"[..], "e24")
        );
        newest.forget();
        assert_eq!(
            super::newest(&root, "id/a.md").map(|v| v.bytes),
            Some(b"v23".to_vec())
        );
        assert_eq!(count(&root, "id/b.md"), 0);
        assert!(root.join(".panduan/.gitignore").is_file());
        let _ = std::fs::remove_dir_all(&root);
    }

    #[cfg(unix)]
    #[test]
    fn issue_27_a_history_folder_linked_out_of_the_project_is_refused() {
        let root =
            std::env::temp_dir().join(format!("panduan-history-link-{}", std::process::id()));
        let outside =
            std::env::temp_dir().join(format!("panduan-history-out-{}", std::process::id()));
        std::fs::create_dir_all(root.join(".panduan")).expect("a folder");
        std::fs::create_dir_all(&outside).expect("a folder");
        std::os::unix::fs::symlink(&outside, root.join(".panduan/history")).expect("a link");
        assert!(keep(&root, "id/a.md", b"v", "e").is_err());
        assert!(newest(&root, "id/a.md").is_none());
        assert_eq!(std::fs::read_dir(&outside).expect("read").count(), 0);
        let _ = std::fs::remove_dir_all(&root);
        let _ = std::fs::remove_dir_all(&outside);
    }
}
