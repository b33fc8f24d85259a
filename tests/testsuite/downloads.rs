//! The download page of each language, the offline zip `downloads/handbook-offline.zip`
//! and what `build` writes below `downloads/` (issue #18): sizes and dates in each
//! language, links that resolve to files (from the folder and from the unzipped copy),
//! zip names Windows can unpack, byte-identical builds, and `serve` making none of it.

use std::collections::HashSet;
use std::path::Path;

use crate::epub::{entries, rich_site};
use crate::support::{TestSite, attrs, select};

/// The links of the page at `page` (below `root`) that name no file there.
fn unresolved(root: &Path, page: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(root.join(page)).expect("the page is there"),
    );
    let dir = Path::new(page).parent().expect("in a folder");
    let mut links = attrs(&html, "a[href]", "href");
    links.extend(attrs(&html, "link[href]", "href"));
    links.extend(attrs(&html, "script[src]", "src"));
    links
        .into_iter()
        .filter(|h| !h.starts_with('#') && !h.starts_with("http"))
        .filter(|h| {
            let file = h.split(['#', '?']).next().unwrap_or(h);
            !root.join(dir).join(file).is_file()
        })
        .collect()
}

/// What Windows refuses in an entry name of a zip, if anything.
fn windows_refuses(name: &str) -> Option<String> {
    let reserved = |part: &str| {
        let base = part
            .split('.')
            .next()
            .unwrap_or(part)
            .trim_end()
            .to_lowercase();
        ["con", "prn", "aux", "nul"].contains(&base.as_str())
            || ((base.starts_with("com") || base.starts_with("lpt"))
                && base.len() == 4
                && base.as_bytes()[3].is_ascii_digit()
                && base.as_bytes()[3] != b'0')
    };
    if name.chars().count() >= 200 {
        return Some("longer than 200 characters".into());
    }
    for part in name.trim_end_matches('/').split('/') {
        if part.contains(['<', '>', ':', '"', '\\', '|', '?', '*'])
            || part.chars().any(char::is_control)
        {
            return Some(format!("`{part}` has a sign Windows refuses"));
        }
        if part.ends_with(['.', ' ']) {
            return Some(format!("`{part}` ends with a dot or space"));
        }
        if reserved(part) {
            return Some(format!("`{part}` is a device name"));
        }
    }
    None
}

/// Fails naming every entry of the zip at `path` that Windows could not unpack, and
/// every two that are one name there.
fn assert_portable(path: &Path) {
    let names: Vec<String> = entries(path).into_iter().map(|(n, _, _)| n).collect();
    let mut seen = HashSet::new();
    for name in &names {
        assert_eq!(windows_refuses(name), None, "{name}");
        let folded = name.trim_end_matches('/').to_lowercase();
        assert!(
            seen.insert(folded) || name.ends_with('/'),
            "case-only collision: {name}"
        );
    }
}

#[test]
fn the_download_page_lists_each_file_with_its_size_and_date_and_every_link_resolves() {
    let site = TestSite::copy("bilingual");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let book = site.path().join("book");
    for lang in ["id", "en"] {
        let page = format!("{lang}/downloads.html");
        assert_eq!(unresolved(&book, &page), Vec::<String>::new(), "{page}");
        let html = site.html(&format!("book/{page}"));
        let hrefs = attrs(&html, ".download a", "href");
        assert!(
            hrefs.contains(&format!("../downloads/handbook-{lang}.epub")),
            "{hrefs:?}"
        );
        assert!(
            hrefs.contains(&"../downloads/handbook-offline.zip".to_string()),
            "{hrefs:?}"
        );
        let size = std::fs::metadata(book.join("downloads/handbook-offline.zip"))
            .expect("zip")
            .len();
        // As the page writes it: kB, one decimal below 10, rounded to the nearest.
        let kb = size as f64 / 1e3;
        assert!((1.0..1000.0).contains(&kb), "{size}");
        let shown = match kb < 10.0 {
            true => format!("{kb:.1} kB"),
            false => format!("{kb:.0} kB"),
        };
        let sizes: Vec<String> = select(&html, ".download-size")
            .iter()
            .map(|s| s.text().collect())
            .collect();
        let decimal = if lang == "id" {
            shown.replace('.', ",")
        } else {
            shown
        };
        assert!(sizes.contains(&decimal), "{lang}: {sizes:?} vs {size}");
        assert!(
            sizes.iter().all(|s| if lang == "id" {
                !s.contains('.')
            } else {
                !s.contains(',')
            }),
            "{lang}: {sizes:?}"
        );
        // The date for machines, and as the language writes it (see
        // `the_downloads_are_dated_by_the_last_commit_else_the_newest_source`).
        let machine = &attrs(&html, ".download time", "datetime")[0];
        assert_eq!(machine.len(), 10, "{machine}");
        let shown = crate::support::text(&html, ".download time");
        assert_ne!(&shown, machine, "{shown}");
    }
    // Every page's footer leads to it.
    let page = site.html("book/id/index.html");
    assert!(attrs(&page, "footer a", "href").contains(&"../id/downloads.html".to_string()));
}

#[test]
fn the_offline_zip_is_the_whole_site_without_itself_and_unpacks_on_windows() {
    let site = TestSite::bundled();
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let zip = site.path().join("book/downloads/handbook-offline.zip");
    assert_portable(&zip);
    let inside = entries(&zip);
    let names: HashSet<&str> = inside.iter().map(|(n, _, _)| n.as_str()).collect();
    assert!(
        !names.contains("book/downloads/handbook-offline.zip"),
        "not itself"
    );
    assert!(!names.iter().any(|n| n.ends_with(".panduan-output")));
    for rel in [
        "index.html",
        "id/downloads.html",
        "downloads/handbook-id.epub",
        "en/print.html",
    ] {
        assert!(names.contains(format!("handbook/{rel}").as_str()), "{rel}");
    }
    // Everything else is byte for byte what the folder holds.
    let unpacked = tempfile::tempdir().expect("temp dir");
    for (name, data, _) in &inside {
        let path = unpacked.path().join(name);
        if name.ends_with('/') {
            std::fs::create_dir_all(&path).expect("mkdir");
            continue;
        }
        std::fs::write(&path, data).expect("unpack");
        let rel = name.strip_prefix("handbook/").expect("one top folder");
        if !rel.ends_with("downloads.html") {
            assert_eq!(
                &std::fs::read(site.path().join("book").join(rel)).expect("same file"),
                data,
                "{rel}"
            );
        }
    }
    // The copy inside names the zip without a link or a size, and its links resolve
    // in the unpacked folder.
    let root = unpacked.path().join("handbook");
    for lang in ["id", "en"] {
        let page = format!("{lang}/downloads.html");
        assert_eq!(
            unresolved(&root, &page),
            Vec::<String>::new(),
            "inside: {page}"
        );
        let html = scraper::Html::parse_document(
            &std::fs::read_to_string(root.join(&page)).expect("page"),
        );
        assert_eq!(
            select(&html, ".download-zip .download-here").len(),
            1,
            "{page}"
        );
        assert!(
            select(&html, ".download-zip .download-size").is_empty(),
            "{page}"
        );
    }
    // `--zip` still writes the same offline copy elsewhere, in a folder named after
    // the output folder.
    std::fs::create_dir_all(site.path().join("out")).expect("mkdir");
    assert_eq!(site.run(["build", "--zip", "out/copy.zip"]).code, 0);
    let copy: Vec<(String, Vec<u8>)> = entries(&site.path().join("out/copy.zip"))
        .into_iter()
        .map(|(n, d, _)| (n.replacen("book/", "handbook/", 1), d))
        .collect();
    let offline: Vec<(String, Vec<u8>)> =
        entries(&zip).into_iter().map(|(n, d, _)| (n, d)).collect();
    assert_eq!(copy, offline);
}

#[test]
fn names_windows_cannot_unpack_stop_the_build_with_the_file_named() {
    // A theme's own file is not checked by the model: the output check names it.
    let site = TestSite::copy("bilingual");
    site.write(
        "book.toml",
        &site
            .read("book.toml")
            .replace("output = \"book\"", "output = \"book\"\ntheme = \"look\""),
    );
    site.write("look/static/aux.css", "body {}");
    let run = site.run(["build"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(
        run.stderr.contains("`assets/aux.css`") && run.stderr.contains("Windows"),
        "{run}"
    );
    assert!(!site.exists("book"), "nothing written: {run}");
    // A content file is caught by the model, with its place.
    let site = TestSite::copy("bilingual");
    site.write("content/id/images/nul.txt", "x");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("content/id/images/nul.txt"), "{run}");
}

#[test]
fn two_builds_are_byte_identical_including_the_epub_and_the_zip() {
    let site = rich_site();
    let files = |site: &TestSite| -> Vec<(String, Vec<u8>)> {
        let root = site.path().join("book");
        let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&root)
            .into_iter()
            .map(|e| e.expect("entry"))
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&root)
                    .expect("below")
                    .display()
                    .to_string();
                (rel, std::fs::read(e.path()).expect("read"))
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(site.run(["build"]).code, 0);
    let first = files(&site);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(site.run(["build"]).code, 0);
    assert_eq!(first, files(&site));
    assert!(first.iter().any(|(p, _)| p == "downloads/handbook-en.epub"));
    // SOURCE_DATE_EPOCH fixes the date instead, in the EPUB and in the zip's entries.
    let run = crate::support::run_env(
        site.path(),
        ["build"],
        &[("SOURCE_DATE_EPOCH", "1764547200")],
    );
    assert_eq!(run.code, 0, "{run}");
    let book = entries(&site.path().join("book/downloads/handbook-id.epub"));
    let opf = book
        .iter()
        .find(|(n, _, _)| n == "EPUB/package.opf")
        .expect("opf");
    assert!(String::from_utf8_lossy(&opf.1).contains("2025-12-01T00:00:00Z"));
    let zip = std::fs::read(site.path().join("book/downloads/handbook-offline.zip")).expect("zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("zip");
    let time = archive
        .by_index(0)
        .expect("entry")
        .last_modified()
        .expect("a time");
    assert_eq!((time.year(), time.month(), time.day()), (2025, 12, 1));
}

#[test]
fn epub_and_zip_can_be_switched_off() {
    let site = TestSite::copy("bilingual");
    let toml = site.read("book.toml");
    site.write("book.toml", &format!("{toml}\n[epub]\nenabled = false\n\n[downloads]\noffline_zip = false\ndate = \"2026-12-01\"\n"));
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!site.exists("book/downloads"), "{run}");
    let html = site.html("book/en/downloads.html");
    assert!(select(&html, ".download").is_empty());
    assert!(
        site.read("book/en/downloads.html")
            .contains("No downloads have been made")
    );
}

#[test]
fn serve_makes_no_download_before_or_after_the_reload_and_says_so() {
    let site = TestSite::copy("bilingual");
    let options = panduan::BuildOptions {
        root: site.path().to_path_buf(),
        reuse: std::sync::Arc::new(panduan::Reuse::new(panduan::memo::Reusing::On)),
        ..Default::default()
    };
    let (rendered, deferred) = panduan::render_pages(&options).expect("pages");
    let paths: Vec<String> = rendered.files.iter().map(|f| f.path.clone()).collect();
    let later = deferred.finish(&paths).expect("deferred");
    let all: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .chain(later.iter().map(|f| f.path.as_str()))
        .collect();
    assert!(!all.iter().any(|p| p.starts_with("downloads/")), "{all:?}");
    let page = rendered
        .files
        .iter()
        .find(|f| f.path == "en/downloads.html")
        .expect("the page");
    let panduan::files::Contents::Bytes(bytes) = &page.contents else {
        panic!("rendered in memory")
    };
    assert!(String::from_utf8_lossy(bytes).contains("made by panduan build"));
}

#[test]
fn a_zip_of_awkward_but_allowed_names_unpacks_on_windows() {
    // Names Windows takes (spaces, accents, `#`, `%`, `&`, `'`, signs only, mixed case,
    // a device name inside a longer one), which the zip must carry as they are.
    let site = TestSite::copy("bilingual");
    for (rel, text) in [
        (
            "content/id/catatan rapat/_index.md",
            "---\ntitle: Catatan rapat\n---\n\nIsi.\n",
        ),
        (
            "content/id/catatan rapat/Résumé #1 & 50%.md",
            "---\ntitle: Ringkasan\n---\n\nIsi.\n",
        ),
        (
            "content/id/catatan rapat/+++.md",
            "---\ntitle: Tanda\n---\n\nIsi.\n",
        ),
        (
            "content/id/catatan rapat/console.md",
            "---\ntitle: Konsol\n---\n\nIsi.\n",
        ),
        (
            "content/id/images/Foto Kelompok (1).svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        ("content/id/images/it's-com10.txt", "x"),
    ] {
        site.write(rel, text);
    }
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let zip = site.path().join("book/downloads/handbook-offline.zip");
    assert_portable(&zip);
    let names: Vec<String> = entries(&zip).into_iter().map(|(n, _, _)| n).collect();
    assert!(
        names.iter().any(|n| n.ends_with("Foto Kelompok (1).svg")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("it's-com10.txt")),
        "{names:?}"
    );
}

/// What names a heavy output's file or format in source code: file names, the formats
/// as the download page shows them, and extensions matched by hand.
const FORMAT_NAMES: &[&str] = &[
    ".pdf\"",
    ".epub\"",
    "/handbook-",
    "/handouts-",
    "handouts/",
    "offline.zip",
    "\"PDF\"",
    "\"EPUB\"",
    "\"ZIP\"",
    "(\"pdf\"",
    "(\"epub\"",
];

/// The lines of code below `src/` (comments and test modules left out) that name a
/// format, as `file:line: code`, except in the table of formats.
fn format_names_outside_the_table() -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let table = Path::new("downloads").join("formats.rs");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.expect("walk src/");
        let rel = entry.path().strip_prefix(&src).expect("below src/");
        if rel == table || entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break;
            }
            if code.starts_with("//") {
                continue;
            }
            if FORMAT_NAMES.iter().any(|name| code.contains(name)) {
                found.push(format!("src/{}:{}: {code}", rel.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn the_table_of_formats_is_the_only_place_that_names_them() {
    assert_eq!(
        format_names_outside_the_table(),
        Vec::<String>::new(),
        "name formats only in src/downloads/formats.rs"
    );
}

/// Sets the modification time of every file of `site` to `seconds` after 1970.
fn touch_all(site: &TestSite, seconds: u64) {
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds);
    for entry in walkdir::WalkDir::new(site.path()) {
        let entry = entry.expect("entry");
        if entry.file_type().is_file() {
            std::fs::File::options()
                .write(true)
                .open(entry.path())
                .and_then(|f| f.set_modified(time))
                .expect("set the time");
        }
    }
}

/// The date of the first download of `lang`'s page: (for machines, as shown).
fn download_date(site: &TestSite, lang: &str) -> (String, String) {
    let html = site.html(&format!("book/{lang}/downloads.html"));
    let machine = attrs(&html, ".download time", "datetime")[0].clone();
    let shown: String = select(&html, ".download time")[0].text().collect();
    (machine, shown)
}

/// Runs `git` with `args` in `dir`, committing as a fixed person at `date`.
fn git(dir: &Path, args: &[&str], date: &str) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Penulis",
            "-c",
            "user.email=penulis@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_DATE", date)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

#[test]
fn the_downloads_are_dated_by_the_last_commit_else_the_newest_source() {
    // Issue #31: no longer 2000-01-01 when neither SOURCE_DATE_EPOCH nor
    // `[downloads] date` is set.
    let site = TestSite::copy("bilingual");
    // 2026-12-07 09:00 UTC.
    touch_all(&site, 1_796_634_000);
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        download_date(&site, "id"),
        ("2026-12-07".to_string(), "7 Desember 2026".to_string())
    );
    assert_eq!(
        download_date(&site, "en"),
        ("2026-12-07".to_string(), "7 December 2026".to_string())
    );
    // The same sources give the same date, and so the same bytes.
    let zip = std::fs::read(site.path().join("book/downloads/handbook-offline.zip")).expect("zip");
    assert_eq!(site.run(["build"]).code, 0);
    let again =
        std::fs::read(site.path().join("book/downloads/handbook-offline.zip")).expect("zip");
    assert!(zip == again, "the zip changed between two builds");

    // In git, the last commit's date wins over the files' times.
    site.write(".gitignore", "/book/\n");
    git(site.path(), &["init", "-q"], "2026-03-05T10:00:00Z");
    git(site.path(), &["add", "-A"], "2026-03-05T10:00:00Z");
    git(
        site.path(),
        &["commit", "-q", "-m", "Buku"],
        "2026-03-05T10:00:00Z",
    );
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        download_date(&site, "id"),
        ("2026-03-05".to_string(), "5 Maret 2026".to_string())
    );
    let time = zip::ZipArchive::new(std::io::Cursor::new(
        std::fs::read(site.path().join("book/downloads/handbook-offline.zip")).expect("zip"),
    ))
    .expect("a zip")
    .by_index(0)
    .expect("an entry")
    .last_modified()
    .expect("a time");
    assert_eq!((time.year(), time.month(), time.day()), (2026, 3, 5));
    // `[downloads] date` wins over both.
    let toml = site.read("book.toml");
    site.write(
        "book.toml",
        &format!("{toml}\n[downloads]\ndate = \"2026-01-02\"\n"),
    );
    assert_eq!(site.run(["build"]).code, 0);
    assert_eq!(download_date(&site, "en").1, "2 January 2026");
}
