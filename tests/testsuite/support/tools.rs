//! The programs some tests need beyond Rust, installed by the suite itself on first use,
//! so that `cargo test` passes on a fresh machine with Rust and Node/npm.
//!
//! Each tool is a function that returns where the tool is. Its first call, from any test
//! thread, looks for the tool and installs it when it is missing; every later call gets
//! the answer of the first (a `OnceLock`), so a tool is installed once per run however
//! many tests ask for it at the same time.
//!
//! - A Debian package is installed with `apt-get install -y` where the user is root.
//!   Elsewhere the test fails with one line saying what to install: never a silent skip.
//!   apt's own lock orders installs by parallel test processes.
//! - The Node packages of `tests/browser/` are installed with `npm ci` when
//!   `node_modules` is missing or older than `package-lock.json`, under a file lock, since
//!   another test process (a second `cargo test`) may be installing them too.
//! - `PANDUAN_SKIP_BROWSER=1` skips the tests that need a browser, with a printed note;
//!   they ask `browser_tests_skipped` first, before any tool.
//!
//! A new tool is a `Debian` description or an installer function like
//! `install_browser_packages`, and a `pub fn` with its own `OnceLock`.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock, PoisonError};

/// A tool's path, or the message that says what to install.
type Found = Result<PathBuf, String>;

/// `true` when `PANDUAN_SKIP_BROWSER` is set (to anything but `0`): the test should
/// return at once. Prints a note naming the test.
pub fn browser_tests_skipped(test: &str) -> bool {
    let skip = std::env::var_os("PANDUAN_SKIP_BROWSER").is_some_and(|v| !v.is_empty() && v != "0");
    if skip {
        note(&format!("PANDUAN_SKIP_BROWSER is set: skipping {test}"));
    }
    skip
}

/// A headless Chromium command with the flags every test needs (no sandbox, as tests
/// may run as root; no background network traffic, which this closed machine refuses)
/// and its own empty profile in `profile`. Add the test's own flags and the address.
pub fn headless_chromium(binary: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(binary);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// Headless Chromium, Debian's `chromium`.
#[track_caller]
pub fn chromium() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| CHROMIUM.find()))
}

/// Node.js, Debian's `nodejs` where it is missing.
#[track_caller]
pub fn node() -> PathBuf {
    answer(&node_found())
}

/// Java, for the Nu HTML checker: Debian's `default-jre-headless`.
#[track_caller]
pub fn java() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| JAVA.find()))
}

/// `pdfinfo`, of Debian's `poppler-utils`.
#[track_caller]
pub fn pdfinfo() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| PDFINFO.find()))
}

/// `pdftotext`, of Debian's `poppler-utils`.
#[track_caller]
pub fn pdftotext() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| PDFTOTEXT.find()))
}

/// `qpdf`, Debian's, to read a PDF's outline and links as JSON.
#[track_caller]
pub fn qpdf() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| QPDF.find()))
}

/// `epubcheck` (Debian's `epubcheck`, a Java program: run it as `java -jar PATH`).
#[track_caller]
pub fn epubcheck() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| EPUBCHECK.find()))
}

/// Firefox, Debian's `firefox-esr`, for the editor's Firefox test.
#[track_caller]
pub fn firefox() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| FIREFOX.find()))
}

/// geckodriver, Mozilla's WebDriver server for Firefox (a Rust program: installed with
/// `cargo install` into the test's own folder, once).
#[track_caller]
pub fn geckodriver() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(install_geckodriver))
}

/// The geckodriver installed by these tests, pinned.
const GECKODRIVER_VERSION: &str = "0.37.1";

fn install_geckodriver() -> Found {
    if let Some(path) = on_path(&["geckodriver"]) {
        return Ok(path);
    }
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("geckodriver");
    let binary = root
        .join("bin")
        .join(format!("geckodriver{}", std::env::consts::EXE_SUFFIX));
    if binary.is_file() {
        return Ok(binary);
    }
    let lock_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("geckodriver.lock");
    let lock = File::create(&lock_path)
        .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    if binary.is_file() {
        return Ok(binary);
    }
    note("installing geckodriver with cargo install (once, a few minutes)");
    let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["install", "--locked", "--quiet", "geckodriver", "--version"])
        .arg(GECKODRIVER_VERSION)
        .arg("--root")
        .arg(&root)
        .output()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if !out.status.success() || !binary.is_file() {
        return Err(format!(
            "`cargo install geckodriver` failed: {}{SKIP_BROWSER}",
            last_line(&out)
        ));
    }
    Ok(binary)
}

/// `tests/browser/`, with its Node packages (playwright-core, axe-core, vnu-jar)
/// installed from its `package-lock.json`.
#[track_caller]
pub fn browser_packages() -> PathBuf {
    static FOUND: OnceLock<Found> = OnceLock::new();
    answer(FOUND.get_or_init(|| install_browser_packages(&repo().join("tests/browser"))))
}

fn node_found() -> Found {
    static FOUND: OnceLock<Found> = OnceLock::new();
    FOUND.get_or_init(|| NODE.find()).clone()
}

fn npm_found() -> Found {
    static FOUND: OnceLock<Found> = OnceLock::new();
    FOUND.get_or_init(|| NPM.find()).clone()
}

/// The tool, or the test fails with the message that says what to install.
#[track_caller]
fn answer(found: &Found) -> PathBuf {
    match found {
        Ok(path) => path.clone(),
        Err(message) => panic!("{message}"),
    }
}

/// Prints `note: …` where it is seen during the run: straight to stderr, which the
/// test harness does not capture (it captures `eprintln!`).
fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "note: {text}");
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------- Debian packages

/// A command that a Debian package provides.
struct Debian {
    /// The names the command may have; the first is the one to install.
    commands: &'static [&'static str],
    package: &'static str,
    /// What the tests need it for, for the message when it cannot be installed.
    needed_for: &'static str,
    /// The other way out of that message, if any.
    or_else: &'static str,
}

const SKIP_BROWSER: &str = "; or set PANDUAN_SKIP_BROWSER=1 to skip the browser tests";

const CHROMIUM: Debian = Debian {
    commands: &["chromium", "chromium-browser"],
    package: "chromium",
    needed_for: "the browser tests",
    or_else: SKIP_BROWSER,
};
const FIREFOX: Debian = Debian {
    commands: &["firefox-esr", "firefox"],
    package: "firefox-esr",
    needed_for: "the editor's Firefox test",
    or_else: SKIP_BROWSER,
};
const NODE: Debian = Debian {
    commands: &["node", "nodejs"],
    package: "nodejs",
    needed_for: "the JavaScript stemmer and browser tests",
    or_else: "",
};
const NPM: Debian = Debian {
    commands: &["npm"],
    package: "npm",
    needed_for: "installing the browser tests' packages",
    or_else: SKIP_BROWSER,
};
const JAVA: Debian = Debian {
    commands: &["java"],
    package: "default-jre-headless",
    needed_for: "the Nu HTML checker",
    or_else: SKIP_BROWSER,
};
const PDFINFO: Debian = Debian {
    commands: &["pdfinfo"],
    package: "poppler-utils",
    needed_for: "the print-to-PDF test",
    or_else: SKIP_BROWSER,
};
const PDFTOTEXT: Debian = Debian {
    commands: &["pdftotext"],
    package: "poppler-utils",
    needed_for: "the print-to-PDF test",
    or_else: SKIP_BROWSER,
};

const QPDF: Debian = Debian {
    commands: &["qpdf"],
    package: "qpdf",
    needed_for: "the PDF tests",
    or_else: "",
};

const EPUBCHECK: Debian = Debian {
    commands: &["epubcheck"],
    package: "epubcheck",
    needed_for: "the EPUB tests",
    or_else: SKIP_BROWSER,
};

impl Debian {
    /// The command on PATH, installed first where it is missing and the user is root.
    fn find(&self) -> Found {
        if let Some(path) = on_path(self.commands) {
            return Ok(path);
        }
        let install = format!(
            "`{}` is missing (needed for {}): install the Debian package with `apt-get install {}` as root{}",
            self.commands[0], self.needed_for, self.package, self.or_else
        );
        if !is_root() || on_path(&["apt-get"]).is_none() {
            return Err(install);
        }
        note(&format!("installing {} with apt-get (once)", self.package));
        apt_get_install(self.package).map_err(|why| format!("{install} ({why})"))?;
        on_path(self.commands).ok_or_else(|| {
            format!(
                "`apt-get install {}` succeeded but there is no `{}` on PATH",
                self.package, self.commands[0]
            )
        })
    }
}

/// Installs one package, updating the package lists first when apt cannot find it
/// (a fresh machine has none). One install at a time from this process; apt's lock,
/// waited for, orders it with other processes.
fn apt_get_install(package: &str) -> Result<(), String> {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let apt = |args: &[&str]| {
        Command::new("apt-get")
            .args(["-o", "DPkg::Lock::Timeout=600", "-q", "-y"])
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .output()
            .map_err(|e| format!("cannot run apt-get: {e}"))
    };
    if apt(&["install", package])?.status.success() {
        return Ok(());
    }
    let update = apt(&["update"])?;
    if !update.status.success() {
        return Err(format!("`apt-get update` failed: {}", last_line(&update)));
    }
    let install = apt(&["install", package])?;
    if install.status.success() {
        Ok(())
    } else {
        Err(format!("`apt-get install` failed: {}", last_line(&install)))
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.trim_ascii() == b"0")
}

/// The first of `names` found in a folder of PATH.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The last non-empty line a failed command printed, for a one-line message.
fn last_line(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    stderr
        .lines()
        .chain(stdout.lines())
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("no output")
        .trim()
        .to_string()
}

// ---------------------------------------------------------------- Node packages

/// Written into `node_modules` after a successful `npm ci`: an install is current when
/// this file is newer than `package-lock.json` (an interrupted one leaves no stamp).
const INSTALLED_STAMP: &str = ".panduan-npm-ci";

/// Runs `npm ci` in `dir` unless its `node_modules` is current.
fn install_browser_packages(dir: &Path) -> Found {
    let current = || -> bool {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        match (
            modified(&dir.join("node_modules").join(INSTALLED_STAMP)),
            modified(&dir.join("package-lock.json")),
        ) {
            (Some(installed), Some(lock)) => installed >= lock,
            _ => false,
        }
    };
    if current() {
        return Ok(dir.to_path_buf());
    }
    node_found()?; // npm runs on node
    let npm = npm_found()?;
    // Another `cargo test` may be installing into the same folder: one at a time, and
    // the second finds the first one's install current.
    let lock_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm-ci.lock");
    let lock = File::create(&lock_path)
        .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    if current() {
        return Ok(dir.to_path_buf());
    }
    note("installing the Node packages of tests/browser with npm ci (once)");
    let out = Command::new(&npm)
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", npm.display()))?;
    if !out.status.success() {
        return Err(format!(
            "`npm ci --no-audit --no-fund` in tests/browser failed: {}",
            last_line(&out)
        ));
    }
    std::fs::write(dir.join("node_modules").join(INSTALLED_STAMP), "")
        .map_err(|e| format!("cannot write the npm ci stamp: {e}"))?;
    Ok(dir.to_path_buf())
}
