//! What real machines do to Panduan's input and output (issue #15): a full or closed
//! stdout or stderr, a full disk, zip files in the wrong place, paths with spaces in
//! the commands Panduan suggests, and the small messages around them. Fixtures are in
//! `tests/fixtures/real-content/io-*`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::support;

use support::{Run, TestSite};

/// The small bilingual site these tests start from.
fn small() -> TestSite {
    TestSite::copy("real-content/io-small")
}

/// `panduan ARGS` in `dir` with a clean environment (as `support::run_in`), with the
/// given stdout and stderr.
fn run_with(dir: &Path, args: &[&str], stdout: Stdio, stderr: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_panduan"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join(".home-for-tests"))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("run panduan")
}

/// `/dev/full` opened for writing: every write to it fails with "no space left".
fn dev_full() -> Stdio {
    Stdio::from(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full"),
    )
}

#[test]
fn stdout_on_a_full_device_exits_2_with_one_message_and_no_panic() {
    let site = small();
    let child = run_with(site.path(), &["build"], dev_full(), Stdio::piped());
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        stderr
            .matches("error: cannot write to the standard output")
            .count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("is full"), "{stderr}");
    assert!(stderr.contains("= help: free some space"), "{stderr}");
    assert!(site.exists("book/index.html"), "the build itself is done");
}

#[test]
fn stderr_on_a_full_device_exits_2_and_no_panic() {
    let site = small();
    // `--timings` prints on stderr.
    let child = run_with(
        site.path(),
        &["build", "--timings"],
        Stdio::piped(),
        dev_full(),
    );
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.starts_with("built 4 pages"), "{stdout}");
}

#[test]
fn a_closed_stdout_pipe_is_quiet_and_changes_no_exit_code() {
    for (args, code) in [
        (&["build"][..], 0),
        (&["completions", "bash"][..], 0),
        (&["status", "--strict"][..], 0),
    ] {
        let site = small();
        let mut child = run_with(site.path(), args, Stdio::piped(), Stdio::piped());
        // Close the reading end before Panduan writes anything (`| head -c0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}: nothing is said about a closed pipe");
    }
}

/// A tmpfs mounted on a temporary folder, unmounted when dropped.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    /// Mounts a 2 MiB tmpfs on `path`, or `None` (with a note) where that is not
    /// permitted (not root, in a container without the right).
    fn mount(path: &Path) -> Option<SmallDisk> {
        std::fs::create_dir_all(path).expect("the mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(path)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("note: skipped: cannot mount a small tmpfs here (needs root)");
            return None;
        }
        Some(SmallDisk {
            path: path.to_path_buf(),
        })
    }

    /// Fills the disk up to about `free` bytes.
    fn fill_leaving(&self, free: usize) {
        use std::io::Write;
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 4096];
        let mut written = 0;
        while file.write_all(&chunk).is_ok() {
            written += chunk.len();
        }
        drop(file);
        let keep = written.saturating_sub(free) as u64;
        std::fs::OpenOptions::new()
            .write(true)
            .open(&filler)
            .and_then(|f| f.set_len(keep))
            .expect("shorten the filler");
    }

    /// The files below the disk's `book/`, with their bytes.
    fn listing(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let book = self.path.join("book");
        let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(&book)
            .into_iter()
            .map(|e| e.expect("entry"))
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&book).expect("below").to_path_buf();
                (rel, std::fs::read(e.path()).expect("read"))
            })
            .collect();
        out.sort();
        out
    }

    /// Names of what lies beside `book/` that a build left (temporary folders).
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(&self.path)
            .expect("read the disk")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            // The lock file beside the output stays (issue #24).
            .filter(|n| n.contains("panduan-") && !n.ends_with(".panduan-lock"))
            .collect()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[test]
fn a_full_disk_while_writing_the_output_keeps_the_previous_output() {
    let site = small();
    let disk_dir = tempfile::tempdir().expect("temp dir");
    let Some(disk) = SmallDisk::mount(&disk_dir.path().join("disk")) else {
        return;
    };
    let out = disk.path.join("book");
    let out_arg = out.to_string_lossy().into_owned();
    let first = site.run(["build", "--out", &out_arg]);
    assert_eq!(first.code, 0, "{first}");
    let before = disk.listing();
    disk.fill_leaving(64 * 1024);

    let run = site.run(["build", "--out", &out_arg]);
    assert_eq!(run.code, 2, "{run}");
    assert!(!run.stderr.contains("panicked"), "{run}");
    assert!(
        run.stderr.contains(&format!(
            "error: the disk is full while writing `{}/",
            out.display()
        )),
        "{run}"
    );
    assert!(
        run.stderr
            .contains("; the previous output was kept\n  = help: free some space and build again"),
        "{run}"
    );
    assert!(disk.listing() == before, "the previous output is intact");
    assert_eq!(disk.leftovers(), Vec::<String>::new(), "{run}");
}

#[test]
fn a_full_disk_on_the_first_build_says_nothing_was_written() {
    let site = small();
    let disk_dir = tempfile::tempdir().expect("temp dir");
    let Some(disk) = SmallDisk::mount(&disk_dir.path().join("disk")) else {
        return;
    };
    disk.fill_leaving(64 * 1024);
    let out = disk.path.join("book");
    let run = site.run(["build", "--out", &out.to_string_lossy()]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("error: the disk is full while writing"),
        "{run}"
    );
    assert!(run.stderr.contains("; nothing was written\n"), "{run}");
    assert!(!run.stderr.contains("previous output"), "{run}");
    assert!(!out.exists());
    assert_eq!(disk.leftovers(), Vec::<String>::new(), "{run}");
}

#[test]
fn issue_24_a_full_disk_while_the_zip_is_written_names_what_was_kept() {
    let site = small();
    let disk_dir = tempfile::tempdir().expect("temp dir");
    let Some(disk) = SmallDisk::mount(&disk_dir.path().join("disk")) else {
        return;
    };
    let out = disk.path.join("book");
    let out_arg = out.to_string_lossy().into_owned();
    let zip = disk.path.join("handbook.zip");
    let zip_arg = zip.to_string_lossy().into_owned();
    let first = site.run(["build", "--out", &out_arg]);
    assert_eq!(first.code, 0, "{first}");
    let before = disk.listing();
    let size: usize = before.iter().map(|(_, bytes)| bytes.len()).sum();
    // Room for a new output folder, not for the zip beside it.
    disk.fill_leaving(size + size / 10);
    let run = site.run(["build", "--out", &out_arg, "--zip", &zip_arg]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("error: the disk is full while writing"),
        "{run}"
    );
    assert!(
        run.stderr.contains("; the previous output was kept"),
        "names what was kept: {run}"
    );
    assert!(!run.stderr.contains("nothing was written"), "{run}");
    assert!(!run.stderr.contains("ZipWriter"), "no stray line: {run}");
    assert!(disk.listing() == before, "the previous output is intact");
    assert!(!zip.exists());
    assert_eq!(disk.leftovers(), Vec::<String>::new(), "{run}");
    // The same in Indonesian.
    let run = crate::support::run_env(
        site.path(),
        ["build", "--out", &out_arg, "--zip", &zip_arg],
        &[("LANG", "id_ID.UTF-8")],
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("disk penuh saat menulis")
            && run.stderr.contains("; keluaran sebelumnya tetap disimpan"),
        "names what was kept: {run}"
    );
    assert!(!run.stderr.contains("belum ada yang ditulis"), "{run}");
    assert!(disk.listing() == before, "the previous output is intact");
    assert_eq!(disk.leftovers(), Vec::<String>::new(), "{run}");
}

/// `build --zip ZIP` that must be refused: exit 2, the zip file named as such, nothing
/// written.
fn refused_zip(site: &TestSite, zip: &str) -> Run {
    let was_there = site.exists(zip);
    let run = site.run(["build", "--zip", zip]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains(&format!("error: refusing to write the zip file `{zip}`: ")),
        "{run}"
    );
    assert!(!run.stderr.contains("output directory"), "{run}");
    assert_eq!(site.exists(zip), was_there, "{run}");
    assert!(
        !site.exists("book"),
        "nothing is written before the check\n{run}"
    );
    run
}

#[test]
fn a_zip_inside_content_themes_or_the_output_is_refused() {
    let site = small();
    std::fs::create_dir_all(site.path().join("themes/mine")).expect("themes/");
    for (zip, inside) in [
        ("content/id/site.zip", "the `content/` folder"),
        ("themes/mine/site.zip", "the `themes/` folder"),
        ("book/site.zip", "the output folder `book/`"),
    ] {
        let run = refused_zip(&site, zip);
        assert!(
            run.stderr.contains(&format!(
                "it is inside {inside}, so every build would pack the last zip into the next one"
            )),
            "{run}"
        );
        assert!(
            run.stderr.contains("= help: name a zip file outside it"),
            "{run}"
        );
    }
    // Also when the output folder is elsewhere and already built.
    let built = site.run(["build", "--out", "site"]);
    assert_eq!(built.code, 0, "{built}");
    let again = site.run(["build", "--out", "site", "--zip", "site/handbook.zip"]);
    assert_eq!(again.code, 2, "{again}");
    assert!(
        again
            .stderr
            .contains("it is inside the output folder `site/`"),
        "{again}"
    );
}

#[test]
fn a_zip_in_a_missing_folder_is_an_error_not_created() {
    let site = small();
    let run = refused_zip(&site, "dist/handbook.zip");
    assert!(
        run.stderr
            .contains("its folder `dist` does not exist\n  = help: create the folder first"),
        "{run}"
    );
    assert!(!site.exists("dist"), "{run}");
    // A file that is not a zip is named as the zip file, too.
    site.write("notes.txt", "precious");
    let run = refused_zip(&site, "notes.txt");
    assert!(
        run.stderr
            .contains("a file that is not a zip is already there"),
        "{run}"
    );
    assert_eq!(site.read("notes.txt"), "precious");
}

#[test]
fn a_failed_first_build_does_not_claim_a_previous_output_was_kept() {
    let site = small();
    let good = site.read("content/id/halaman.md");
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\n[x](nowhere.md)\n",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("error: the build failed with 1 error and 0 warnings; nothing was written"),
        "{run}"
    );
    assert!(!run.stderr.contains("previous output"), "{run}");
    // After a good build, a failure keeps it and says so.
    site.write("content/id/halaman.md", &good);
    assert_eq!(site.run(["build"]).code, 0);
    site.write(
        "content/id/halaman.md",
        "---\ntitle: Halaman\n---\n\n[x](nowhere.md)\n",
    );
    let run = site.run(["build"]);
    assert!(
        run.stderr.contains("; the previous output was kept"),
        "{run}"
    );
}

/// The command a help line suggests: the text between `` ` `` after `run` or `with`.
fn suggested(text: &str, starts: &str) -> String {
    let at = text
        .find(&format!("`{starts}"))
        .unwrap_or_else(|| panic!("no `{starts}…` suggested in\n{text}"));
    let rest = &text[at + 1..];
    rest[..rest.find('`').expect("a closing backtick")].to_string()
}

#[test]
fn suggested_commands_quote_paths_with_spaces() {
    // content/id/catatan rapat.md has no English translation.
    let site = TestSite::copy("real-content/io-spaced-names");
    let run = site.run(["check"]);
    assert_eq!(run.code, 0, "{run}");
    let command = suggested(&run.stdout, "panduan new");
    assert_eq!(
        command,
        r#"panduan new "content/en/catatan rapat.md" --translate-from id"#
    );
    // Pasted into bash (with the binary for `panduan`), it does what it says.
    let pasted = command.replacen("panduan", env!("CARGO_BIN_EXE_panduan"), 1);
    let status = Command::new("bash")
        .args(["-c", &pasted])
        .current_dir(site.path())
        .stdout(Stdio::null())
        .status()
        .expect("bash");
    assert!(status.success());
    assert!(
        site.read("content/en/catatan rapat.md")
            .contains("translation:")
    );

    // `init` into a folder with a space says how to go there.
    let init = site.run(["init", "buku kami"]);
    assert_eq!(init.code, 0, "{init}");
    assert!(
        init.stdout
            .contains(r#"Next: `cd "buku kami"`, then `panduan serve --open`"#),
        "{init}"
    );
}

#[test]
fn init_writes_a_gitignore_for_the_output_and_editor_leftovers_but_keeps_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = support::run_in(dir.path(), ["init", "buku"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains("created buku/.gitignore"), "{run}");
    let ignore = std::fs::read_to_string(dir.path().join("buku/.gitignore")).expect("read");
    let lines: Vec<&str> = ignore.lines().filter(|l| !l.starts_with('#')).collect();
    for pattern in ["/book/", "/.book.panduan-*/", "*~", "*.swp", ".#*", "\\#*#"] {
        assert!(lines.contains(&pattern), "{pattern} in\n{ignore}");
    }
    // An existing `.gitignore` is the author's: kept as it is.
    let mine = tempfile::tempdir().expect("temp dir");
    std::fs::write(mine.path().join(".gitignore"), "notes/\n").expect("write");
    let run = support::run_in(mine.path(), ["init"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains(".gitignore (already there)"), "{run}");
    assert_eq!(
        std::fs::read_to_string(mine.path().join(".gitignore")).expect("read"),
        "notes/\n"
    );
}

#[test]
fn an_unknown_book_toml_key_suggests_the_nearest_valid_one() {
    let site = small();
    let text = site.read("book.toml");
    site.write("book.toml", &format!("[book]\nouptut = \"site\"\n\n{text}"));
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains(
            "book.toml:2:1: error: unknown key `ouptut`\n  = help: did you mean `output`? valid keys here: `output`, "
        ),
        "{run}"
    );
}

#[test]
fn an_unknown_language_lists_the_languages_there_are() {
    let site = small();
    // `new --translate-from fr`
    let run = site.run(["new", "content/en/baru.md", "--translate-from", "fr"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains(
            "error: `fr` is not a language of this handbook\n  = help: the languages in book.toml: `id`, `en`"
        ),
        "{run}"
    );
    // `new content/fr/…`
    let run = site.run(["new", "content/fr/baru.md"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("= help: the languages in book.toml: `id`, `en`"),
        "{run}"
    );
    // `translated --from fr`
    let run = site.run(["translated", "content/en/halaman.md", "--from", "fr"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("= help: the languages in book.toml: `id`, `en`"),
        "{run}"
    );
    // A `content/fr/` folder.
    site.write("content/fr/page.md", "---\ntitle: Page\n---\n");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(
        run.stderr
            .contains("the languages in book.toml: `id`, `en`"),
        "{run}"
    );
    site.remove("content/fr/page.md");
    // `default_language = "xx"`
    let text = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("[book]\ndefault_language = \"xx\"\n\n{text}"),
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr
            .contains("= help: declared languages: `id`, `en`"),
        "{run}"
    );
}
