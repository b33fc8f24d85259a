//! The offline zip: the whole site as one zip file with a single top folder, compressed
//! on every core, the same bytes for the same site; and the check that every name in it
//! unpacks on Windows.

use std::fs;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::display_path;
use crate::error::{Error, Result};
use crate::files::{Contents, OutputFile, after_failure};
use crate::stamp::Stamp;

/// Whether the file at `path` starts as a zip does.
pub fn is_zip_file(path: &Path) -> bool {
    let mut head = [0u8; 4];
    fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && &head[..2] == b"PK"
}

/// The refusal to write a zip over a file that is not one.
pub fn not_a_zip(path: &Path) -> Error {
    Error::RefusedZip {
        path: path.to_path_buf(),
        reason: crate::t!("refuse-zip-not-zip"),
    }
}

/// Checks that every entry of a zip can be unpacked on Windows: names Windows accepts
/// (no `< > : " \ | ? *`, no device names such as `CON` or `lpt1.txt`, no final dot
/// or space), paths short enough, and no two entries, files or folders, that are one
/// on a system that ignores case.
pub fn check_portable_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for name in names {
        let bare = name.trim_end_matches('/');
        if let Some(problem) = crate::model::windows_name_problem(bare) {
            return Err(Error::Msg(crate::msg!(
                "output-not-portable",
                name = bare,
                problem = problem
            )));
        }
        if let Some(other) = seen.insert(bare.to_lowercase(), name)
            && !(other.ends_with('/') && name.ends_with('/'))
        {
            return Err(Error::Msg(crate::msg!(
                "output-case-collision",
                name = name,
                other = other
            )));
        }
    }
    Ok(())
}

/// How the temporary file of a zip being written ends (`handbook.zip.panduan-tmp`).
pub const ZIP_TMP_SUFFIX: &str = ".zip.panduan-tmp";

/// Where the zip `path` is written before it is renamed into place.
pub fn zip_temporary(path: &Path) -> std::path::PathBuf {
    path.with_extension(&ZIP_TMP_SUFFIX[1..])
}

/// A writer that, once a write or seek failed (a full disk), pretends that the rest
/// succeed: the zip writer, dropped after the error, then finishes into nothing instead
/// of printing its own complaint (`ZipWriter::drop: …`) under ours (issue #24). The
/// first error is returned as it is.
struct Quiet<W> {
    inner: W,
    failed: bool,
}

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed {
            return Ok(buf.len());
        }
        self.inner.write(buf).inspect_err(|_| self.failed = true)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed {
            return Ok(());
        }
        self.inner.flush().inspect_err(|_| self.failed = true)
    }
}

impl<W: std::io::Seek> std::io::Seek for Quiet<W> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        if self.failed {
            return Ok(0);
        }
        self.inner.seek(pos).inspect_err(|_| self.failed = true)
    }
}

/// Entries of a zip compressed together, on one core.
const ZIP_RUN: usize = 64;

/// Entries of a zip compressed before they are written out.
const ZIP_WAVE: usize = 2048;

/// Writes the site as one zip file with a single top folder (`top/index.html`, …), ready
/// to unzip and open. Entries are sorted and every entry has the time `stamp` (from the
/// content, never the clock), so the same site gives the same bytes; every name is
/// checked with [`check_portable_names`] first. The zip is written beside its final
/// name and renamed into place, and an existing file is only replaced if it is a zip.
pub fn zip(files: &[OutputFile], path: &Path, top: &str, stamp: Stamp) -> Result<u64> {
    use zip::write::SimpleFileOptions;
    if path.is_dir() {
        return Err(Error::RefusedZip {
            path: path.to_path_buf(),
            reason: crate::t!("refuse-zip-folder"),
        });
    }
    let had_zip = path.is_file();
    if had_zip && !is_zip_file(path) {
        return Err(not_a_zip(path));
    }
    let tmp = zip_temporary(path);
    let mut names: Vec<String> = files.iter().map(|f| format!("{top}/{}", f.path)).collect();
    names.push(format!("{top}/"));
    check_portable_names(names.iter().map(String::as_str))?;
    let write = || -> std::io::Result<u64> {
        let file = fs::File::create(&tmp)?;
        let mut zip = zip::ZipWriter::new(Quiet {
            inner: std::io::BufWriter::new(file),
            failed: false,
        });
        // Level 2 of zlib-rs: on the bundled handbook's pages, as fast as its level 1
        // (and two to three times miniz_oxide's level 1, the level used before) and a
        // fifth smaller than either, which switches to a cruder match finder at 1.
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(2))
            .last_modified_time(stamp.zip_time())
            .unix_permissions(0o644);
        let mut dirs: Vec<String> = vec![format!("{top}/")];
        for f in files {
            let mut dir = String::new();
            for part in f
                .path
                .split('/')
                .rev()
                .skip(1)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                dir.push_str(part);
                dir.push('/');
                dirs.push(format!("{top}/{dir}"));
            }
        }
        dirs.sort();
        dirs.dedup();
        let mut entries: Vec<(String, Option<&OutputFile>)> =
            dirs.into_iter().map(|d| (d, None)).collect();
        entries.extend(files.iter().map(|f| (format!("{top}/{}", f.path), Some(f))));
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        // Compressing is most of the time: runs of entries are compressed side by side
        // into small zips, which are then copied into this one in order, as they are.
        // The runs are fixed, so the bytes do not depend on the number of cores; a
        // wave at a time, so that only that much is held in memory.
        for wave in entries.chunks(ZIP_WAVE) {
            let parts: Vec<std::io::Result<Vec<u8>>> = wave
                .par_chunks(ZIP_RUN)
                .map(|run| {
                    let mut part = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
                    for (name, file) in run {
                        match file {
                            None => part.add_directory(name, options.unix_permissions(0o755))?,
                            Some(f) => {
                                part.start_file(name, options)?;
                                match &f.contents {
                                    Contents::Bytes(bytes) => part.write_all(bytes)?,
                                    Contents::Copy(source) => {
                                        let mut src = fs::File::open(source)?;
                                        std::io::copy(&mut src, &mut part)?;
                                    }
                                }
                            }
                        }
                    }
                    Ok(part.finish()?.into_inner())
                })
                .collect();
            for part in parts {
                let archive = zip::ZipArchive::new(std::io::Cursor::new(part?))?;
                zip.merge_archive(archive)?;
            }
        }
        let mut inner = zip.finish().map_err(std::io::Error::other)?.inner;
        inner.flush()?;
        Ok(inner.get_ref().metadata()?.len())
    };
    match write() {
        Ok(size) => {
            fs::rename(&tmp, path).map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
            Ok(size)
        }
        Err(source) => {
            let _ = fs::remove_file(&tmp);
            if crate::error::is_disk_full(&source) {
                return Err(Error::DiskFull {
                    shown: display_path(path),
                    after: after_failure(had_zip, "zip file"),
                });
            }
            Err(Error::Write {
                path: path.to_path_buf(),
                source,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output file of text.
    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::bytes(path, text)
    }

    #[test]
    fn the_zip_has_one_top_folder_and_the_same_bytes_each_time() {
        let p = tempfile::tempdir().expect("a temporary folder");
        let files = [
            file("index.html", "home"),
            file("id/a/index.html", "a"),
            file("assets/style.css", "css"),
        ];
        let path = p.path().join("handbook.zip");
        zip(&files, &path, "handbook", Stamp::DEFAULT).expect("zip");
        let first = fs::read(&path).expect("read the zip");
        let mut archive =
            ::zip::ZipArchive::new(std::io::Cursor::new(&first)).expect("a valid zip");
        let names: Vec<String> = (0..archive.len())
            .map(|i| {
                archive
                    .by_index(i)
                    .expect("an entry")
                    .name()
                    .expect("a name")
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "handbook/",
                "handbook/assets/",
                "handbook/assets/style.css",
                "handbook/id/",
                "handbook/id/a/",
                "handbook/id/a/index.html",
                "handbook/index.html",
            ]
        );
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("handbook/id/a/index.html").expect("entry"),
            &mut text,
        )
        .expect("inflate");
        assert_eq!(text, "a");
        zip(&files, &path, "handbook", Stamp::DEFAULT).expect("zip again");
        assert_eq!(
            fs::read(&path).expect("read the zip"),
            first,
            "reproducible"
        );
    }

    #[test]
    fn zip_names_windows_cannot_unpack_are_refused() {
        for bad in [
            vec!["book/id/a:b.png"],
            vec!["book/assets/CON.css"],
            vec!["book/id/trailing./x.html"],
            vec!["book/id/A.png", "book/id/a.png"],
            vec!["book/id/a", "book/id/A/"],
        ] {
            let e = check_portable_names(bad.iter().copied()).expect_err("refused");
            assert!(e.to_string().contains("Windows"), "{bad:?}: {e}");
        }
        let long = format!("book/{}.html", "a".repeat(200));
        assert!(check_portable_names([long.as_str()]).is_err());
        check_portable_names(["book/", "book/id/", "book/ID/", "book/id/a.png"])
            .expect("folders differing by case unpack into one");
    }

    #[test]
    fn the_zip_replaces_only_a_zip() {
        let p = tempfile::tempdir().expect("a temporary folder");
        let path = p.path().join("notes.zip");
        fs::write(&path, "not a zip").expect("write");
        let e =
            zip(&[file("index.html", "x")], &path, "top", Stamp::DEFAULT).expect_err("not a zip");
        assert!(matches!(e, Error::RefusedZip { .. }), "{e}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "not a zip");
        let e = zip(&[], p.path(), "top", Stamp::DEFAULT).expect_err("a folder");
        assert!(matches!(e, Error::RefusedZip { .. }), "{e}");
    }
}
