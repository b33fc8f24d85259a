//! The previous output as a cache for what is slow to make (issue #25): a build that
//! finds its own previous output takes a typeset PDF from it when the PDF's whole input
//! is the same, instead of typesetting it again.
//!
//! Contract:
//! - Every cached file is recorded in [`CACHE_FILE`] beside the output marker, one line
//!   per file: `pdf`, its path, the [`Key`] of its input, the sum of its bytes, and a
//!   note the maker needs back (a handout's scale). The file is written by the build
//!   ([`Ledger::file`]) and read by the next one ([`Previous::read`]).
//! - A file is reused only when the previous output has the marker, its line parses,
//!   the key is the same and the file on disk still has the recorded sum: a missing,
//!   stale, foreign or corrupt cache means the file is made again, never a wrong one.
//!   The result is byte-identical to a clean build (the makers are deterministic).
//! - A key covers everything the maker reads: the generated source, every template and
//!   picture (their bytes), the file's own path, the version of Panduan and
//!   [`FORMAT`], which is raised whenever the maker changes in a way its input does
//!   not show (Typst's version, the PDF's options).
//! - A file whose making gave warnings is not cached (the warnings must be told again).
//!
//! A leaf: it knows only the output marker's name, given by its caller.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use siphasher::sip128::{Hasher128, SipHasher13};

/// The cache's record, in the output folder beside the marker.
pub const CACHE_FILE: &str = ".panduan-cache";

/// Raised whenever a maker's output may change while its recorded input does not.
pub const FORMAT: u32 = 2;

/// The fingerprint of everything a file is made from (128 bits, hex).
pub struct Key(SipHasher13);

impl Default for Key {
    fn default() -> Self {
        Self::new()
    }
}

impl Key {
    /// A key that already covers Panduan's version and [`FORMAT`].
    pub fn new() -> Self {
        let mut key = Key(SipHasher13::new_with_keys(
            0x7061_6e64_7561_6e21,
            0x6361_6368_6521,
        ));
        key.add(env!("CARGO_PKG_VERSION").as_bytes());
        key.add(&FORMAT.to_le_bytes());
        key
    }

    /// Adds one input (its length first, so that two inputs cannot run into each other).
    pub fn add(&mut self, bytes: &[u8]) {
        self.0.write(&(bytes.len() as u64).to_le_bytes());
        self.0.write(bytes);
    }

    /// The key, as 32 hex digits.
    pub fn finish(&self) -> String {
        format!("{:032x}", self.0.finish128().as_u128())
    }
}

/// The sum of a file's bytes, as recorded.
fn sum(bytes: &[u8]) -> String {
    let mut key = Key(SipHasher13::new_with_keys(1, 2));
    key.add(bytes);
    key.finish()
}

/// One recorded file.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    key: String,
    sum: String,
    note: String,
}

/// What the previous output holds that can be reused.
#[derive(Debug, Default)]
pub struct Previous {
    dir: PathBuf,
    entries: HashMap<String, Entry>,
}

impl Previous {
    /// The cache of the output folder `out`: empty unless `out` holds `marker` (it is
    /// Panduan's) and a readable [`CACHE_FILE`]. Lines that do not parse are skipped.
    pub fn read(out: &Path, marker: &str) -> Previous {
        let mut previous = Previous {
            dir: out.to_path_buf(),
            entries: HashMap::new(),
        };
        if !out.join(marker).is_file() {
            return previous;
        }
        let Ok(text) = std::fs::read_to_string(out.join(CACHE_FILE)) else {
            return previous;
        };
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if let ["pdf", path, key, sum, note] = fields[..]
                && safe_path(path)
                && key.len() == 32
                && sum.len() == 32
            {
                previous.entries.insert(
                    path.to_string(),
                    Entry {
                        key: key.to_string(),
                        sum: sum.to_string(),
                        note: note.to_string(),
                    },
                );
            }
        }
        previous
    }

    /// The bytes and note of the file at `path` (below the output root) made from
    /// `key`, if the previous output holds exactly that.
    pub fn reuse(&self, path: &str, key: &str) -> Option<(Vec<u8>, String)> {
        let entry = self.entries.get(path)?;
        if entry.key != key {
            return None;
        }
        let bytes = std::fs::read(self.dir.join(path)).ok()?;
        (sum(&bytes) == entry.sum).then(|| (bytes, entry.note.clone()))
    }
}

/// A relative path of `/`-separated names, none of them empty, `.` or `..`.
fn safe_path(path: &str) -> bool {
    !path.is_empty()
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'))
}

/// The files this build made that the next one may reuse, and how many of them it took
/// from the previous output.
#[derive(Debug, Default)]
pub struct Ledger {
    entries: Mutex<Vec<(String, Entry)>>,
    reused: AtomicUsize,
}

impl Ledger {
    /// Counts one file taken from the previous output (it is recorded too).
    pub fn count_reused(&self) {
        self.reused.fetch_add(1, Ordering::Relaxed);
    }

    /// How many files were taken from the previous output.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    /// Records the file at `path`, made from `key`, with a `note` for its maker (no tab
    /// or line break).
    pub fn record(&self, path: &str, key: &str, bytes: &[u8], note: &str) {
        let entry = Entry {
            key: key.to_string(),
            sum: sum(bytes),
            note: note.replace(['\t', '\n', '\r'], " "),
        };
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), entry));
    }

    /// The text of [`CACHE_FILE`], sorted by path; `None` when nothing was recorded.
    pub fn file(&self) -> Option<String> {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if entries.is_empty() {
            return None;
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut text = String::from(
            "# Panduan's record of the files the next build may reuse; safe to delete.\n",
        );
        for (path, e) in entries {
            text.push_str(&format!("pdf\t{path}\t{}\t{}\t{}\n", e.key, e.sum, e.note));
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_file_is_reused_only_with_its_key_and_its_bytes() {
        let out = tempfile::tempdir().expect("temp dir");
        std::fs::write(out.path().join(".marker"), "").expect("marker");
        std::fs::create_dir_all(out.path().join("downloads")).expect("dir");
        std::fs::write(out.path().join("downloads/a.pdf"), b"PDF A").expect("pdf");
        let mut key = Key::new();
        key.add(b"source");
        let key = key.finish();
        let ledger = Ledger::default();
        ledger.record("downloads/a.pdf", &key, b"PDF A", "0.93");
        let text = ledger.file().expect("a record");
        std::fs::write(out.path().join(CACHE_FILE), &text).expect("cache");

        let previous = Previous::read(out.path(), ".marker");
        assert_eq!(
            previous.reuse("downloads/a.pdf", &key),
            Some((b"PDF A".to_vec(), "0.93".to_string()))
        );
        assert_eq!(previous.reuse("downloads/a.pdf", &"0".repeat(32)), None);
        assert_eq!(previous.reuse("downloads/b.pdf", &key), None);
        // The file changed since: made again.
        std::fs::write(out.path().join("downloads/a.pdf"), b"PDF B").expect("pdf");
        assert_eq!(previous.reuse("downloads/a.pdf", &key), None);
        // Not Panduan's folder, a corrupt line, a path out of the folder: nothing.
        assert!(Previous::read(out.path(), ".other").entries.is_empty());
        std::fs::write(
            out.path().join(CACHE_FILE),
            format!("pdf\t../x.pdf\t{key}\t{key}\t\ngarbage\npdf\tdownloads/a.pdf\n"),
        )
        .expect("cache");
        assert!(Previous::read(out.path(), ".marker").entries.is_empty());
    }

    #[test]
    fn inputs_cannot_run_into_each_other() {
        let (mut a, mut b) = (Key::new(), Key::new());
        a.add(b"ab");
        a.add(b"c");
        b.add(b"a");
        b.add(b"bc");
        assert_ne!(a.finish(), b.finish());
    }
}
