//! Test support: copy a fixture site to a temp dir, run the real binary on it, read
//! and parse what it wrote. `server` drives a running `serve`/`watch`; `tools` finds
//! (and installs, once) the programs beyond Rust that some tests need.
#![allow(dead_code, unreachable_pub)]

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

pub use scraper::{Html, Selector};

pub mod server;
pub mod tools;

/// A fixture copied into a fresh temporary folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

/// The outcome of one run of `panduan`.
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "panduan {}\nexit code: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies the folder `from` into `to`, made if needed.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("inside fixture");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

impl TestSite {
    /// Copies `tests/fixtures/<name>` into a temporary folder.
    pub fn copy(name: &str) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixtures().join(name), dir.path());
        TestSite { dir }
    }

    /// The bundled handbook of this repository (book.toml, content/, themes/).
    pub fn bundled() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("book.toml"), dir.path().join("book.toml")).expect("book.toml");
        copy_dir(&repo.join("content"), &dir.path().join("content"));
        copy_dir(&repo.join("themes"), &dir.path().join("themes"));
        TestSite { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `panduan ARGS` in the site folder with a clean environment.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        run_in(self.path(), args)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(path, text).expect("write file");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path().join(rel)).expect("remove file");
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.path().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path().join(rel).exists()
    }

    /// Parses an output HTML file.
    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }
}

/// Runs the real binary in `dir`.
pub fn run_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    run_env(dir, args, &[])
}

/// [`run_in`], with these environment variables set too.
pub fn run_env<I, S>(dir: &Path, args: I, vars: &[(&str, &str)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let args: Vec<String> = args.into_iter().map(|a| a.as_ref().to_string()).collect();
    let out = Command::new(env!("CARGO_BIN_EXE_panduan"))
        .args(&args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.join(".home-for-tests"))
        .envs(vars.iter().copied())
        .output()
        .expect("run panduan");
    Run {
        args,
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// All elements matching a CSS selector.
pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    html.select(&selector).collect()
}

/// The text of the first element matching `css`.
pub fn text(html: &Html, css: &str) -> String {
    select(html, css)
        .first()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_else(|| panic!("nothing matches {css}"))
}

/// The attribute `attr` of every element matching `css`.
pub fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}
