//! Issue #24, the I/O and server half: builds of one output folder never interleave
//! (the lock beside it), nothing outside the project is read through a symbolic link,
//! the dev server answers only its own host and pages, control characters are shown
//! escaped, and each message says what happened.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::TestSite;
use crate::support::server::{PATIENCE, Running};

/// `minimal` with `pages` more pages, big enough that a build takes a moment.
fn bigger_site(pages: usize) -> TestSite {
    let site = TestSite::copy("minimal");
    for n in 0..pages {
        site.write(
            &format!("content/id/p{n:03}.md"),
            &format!(
                "---\ntitle: Halaman {n}\n---\n\n[[halaman]] {}\n",
                "teks kelompok ".repeat(100)
            ),
        );
    }
    site
}

/// The files below `dir`.
fn count_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

/// What is beside the output folder: names holding `.panduan-` (temporary folders and
/// the lock file).
fn beside(site: &TestSite) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.path())
        .expect("read the site folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".panduan-"))
        .collect();
    names.sort();
    names
}

/// `panduan build` started in `site`, not waited for.
fn spawn_build(site: &TestSite) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_panduan"))
        .arg("build")
        .current_dir(site.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", site.path().join(".home-for-tests"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start a build")
}

#[test]
fn issue_24_two_concurrent_builds_leave_a_complete_output() {
    let site = bigger_site(300);
    for round in 0..3u64 {
        site.write(
            "content/id/halaman.md",
            &format!("---\ntitle: Halaman versi {round}\n---\n\n## Bagian satu\n"),
        );
        // What one build alone writes.
        let run = site.run(["build"]);
        assert_eq!(run.code, 0, "{run}");
        let complete = count_files(&site.path().join("book"));
        let first = spawn_build(&site);
        std::thread::sleep(Duration::from_millis(round * 40));
        let second = spawn_build(&site);
        for child in [first, second] {
            let out = child.wait_with_output().expect("wait for a build");
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(
            count_files(&site.path().join("book")),
            complete,
            "round {round}: files lost"
        );
        assert!(site.exists("book/assets/search-id.js"), "round {round}");
        assert!(
            site.read("book/id/halaman/index.html")
                .contains(&format!("Halaman versi {round}")),
            "round {round}: the last build's page"
        );
    }
    assert_eq!(
        beside(&site),
        [".book.panduan-lock"],
        "nothing else is left"
    );
}

#[test]
fn issue_24_a_second_build_waits_for_the_lock_and_says_so() {
    let site = TestSite::copy("minimal");
    assert_eq!(site.run(["build"]).code, 0);
    let lock = std::fs::File::open(site.path().join(".book.panduan-lock")).expect("the lock");
    lock.lock().expect("hold the lock as another build would");
    let mut waiting = Running::start(site.path(), &["build"]);
    let line = waiting.wait_for_line(|l| l.starts_with("note: "));
    assert!(
        line.contains("another build is writing `book`") && line.contains("waiting"),
        "{line}"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        waiting.child.try_wait().expect("status").is_none(),
        "the second build waits while the lock is held"
    );
    lock.unlock().expect("let go");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = waiting.child.try_wait().expect("status") {
            break status;
        }
        assert!(started.elapsed() < PATIENCE, "{}", waiting.output());
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{}", waiting.output());
    waiting.wait_for_line(|l| l.contains("built"));
}

#[cfg(unix)]
#[test]
fn issue_24_a_build_killed_with_sigkill_leaves_a_folder_the_next_build_removes() {
    let site = bigger_site(300);
    assert_eq!(site.run(["build"]).code, 0);
    let complete = count_files(&site.path().join("book"));
    let mut child = spawn_build(&site);
    let started = Instant::now();
    // Killed once its temporary folder is there (Child::kill sends SIGKILL).
    while !beside(&site).iter().any(|n| n.contains("panduan-tmp-")) {
        assert!(started.elapsed() < PATIENCE, "no temporary folder appeared");
        assert!(
            child.try_wait().expect("status").is_none(),
            "the build ended before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().expect("kill -9");
    let _ = child.wait();
    assert!(
        beside(&site).iter().any(|n| n.contains("panduan-tmp-")),
        "{:?}",
        beside(&site)
    );
    assert_eq!(count_files(&site.path().join("book")), complete);
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(
        beside(&site),
        [".book.panduan-lock"],
        "the stale folder is gone"
    );
    assert_eq!(count_files(&site.path().join("book")), complete);
}

#[test]
fn issue_24_watch_and_build_leave_a_complete_output() {
    let site = bigger_site(200);
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    let complete = count_files(&site.path().join("book"));
    let mut watch = Running::start(site.path(), &["watch"]);
    watch.wait_for_line(|l| l.contains("watching"));
    for round in 0..4 {
        site.write(
            "content/id/halaman.md",
            &format!("---\ntitle: Halaman versi {round}\n---\n\n## Bagian satu\n"),
        );
        std::thread::sleep(Duration::from_millis(150));
        let run = site.run(["build"]);
        assert_eq!(run.code, 0, "{run}");
        watch.wait_for_line(|l| l.starts_with("built ") && l.contains(" into "));
        assert_eq!(
            count_files(&site.path().join("book")),
            complete,
            "round {round}: {}",
            watch.output()
        );
        assert!(site.exists("book/assets/search-id.js"), "round {round}");
    }
    watch.assert_alive();
}

/// A file outside every project, holding `SECRET`.
#[cfg(unix)]
fn secret_outside() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("passwd");
    std::fs::write(&file, "root:SECRET:0:0\n").expect("write");
    std::fs::create_dir(dir.path().join("zoneinfo")).expect("mkdir");
    for n in 0..5 {
        std::fs::write(dir.path().join(format!("zoneinfo/zone{n}.png")), "SECRET").expect("write");
    }
    (dir, file)
}

/// Every file of the output whose bytes hold `SECRET`.
fn leaked(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            std::fs::read(e.path())
                .map(|b| b.windows(6).any(|w| w == b"SECRET"))
                .unwrap_or(false)
        })
        .map(|e| e.path().display().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn issue_24_a_linked_file_outside_the_project_is_an_error_at_the_link() {
    let (_outside, secret) = secret_outside();
    let site = TestSite::copy("minimal");
    std::fs::create_dir_all(site.path().join("content/id/images")).expect("mkdir");
    std::os::unix::fs::symlink(&secret, site.path().join("content/id/images/x.png"))
        .expect("symlink");
    for args in [&["build", "--zip", "handbook.zip"][..], &["check"]] {
        let run = site.run(args);
        assert_eq!(run.code, 1, "{run}");
        // `check` reports on stdout, `build` on stderr.
        let said = format!("{}{}", run.stdout, run.stderr);
        assert!(
            said.contains(
                "content/id/images/x.png:1:1: error: this symbolic link leads outside the project"
            ),
            "{run}"
        );
        assert!(!said.contains("SECRET"), "{run}");
    }
    assert!(!site.exists("book"), "nothing was written");
    assert!(!site.exists("handbook.zip"));
}

#[cfg(unix)]
#[test]
fn issue_24_a_linked_folder_outside_the_project_is_not_walked() {
    let (outside, _) = secret_outside();
    let site = TestSite::copy("minimal");
    std::os::unix::fs::symlink(
        outside.path().join("zoneinfo"),
        site.path().join("content/id/zona"),
    )
    .expect("symlink");
    let run = site.run(["build"]);
    assert_eq!(run.code, 1, "{run}");
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("error:"))
        .collect();
    assert_eq!(
        errors[0],
        "content/id/zona:1:1: error: this symbolic link leads outside the project; what it points to is not read",
        "{run}"
    );
    assert!(
        !run.stderr.contains("zone0"),
        "nothing behind the link: {run}"
    );
    // Removed, the site builds; no earlier output held anything from outside.
    std::fs::remove_file(site.path().join("content/id/zona")).expect("rm");
    assert_eq!(site.run(["build"]).code, 0);
    assert!(leaked(&site.path().join("book")).is_empty());
}

#[cfg(unix)]
#[test]
fn issue_24_links_inside_the_project_are_followed_and_loops_reported() {
    let site = TestSite::copy("minimal");
    site.write("shared/pictures/circle.png", "circle");
    site.write("shared/pictures/more/square.png", "square");
    std::fs::create_dir_all(site.path().join("content/id/images")).expect("mkdir");
    std::os::unix::fs::symlink(
        "../../../shared/pictures/circle.png",
        site.path().join("content/id/images/circle.png"),
    )
    .expect("a file link");
    std::os::unix::fs::symlink(
        site.path().join("shared/pictures/more"),
        site.path().join("content/id/more"),
    )
    .expect("a folder link");
    // A link to a link, and a loop: `content/en/again` is `content/en` itself.
    std::os::unix::fs::symlink(
        "images/circle.png",
        site.path().join("content/id/twice.png"),
    )
    .expect("a chain");
    std::os::unix::fs::symlink("..", site.path().join("content/en/again")).expect("a loop");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(site.read("book/id/images/circle.png"), "circle");
    assert_eq!(site.read("book/id/twice.png"), "circle");
    assert_eq!(site.read("book/id/more/square.png"), "square");
    assert!(
        run.stderr
            .contains("content/en/again:1:1: warning: this symbolic link points back into a folder above it (a loop); it is skipped"),
        "{run}"
    );
}

#[cfg(unix)]
#[test]
fn issue_24_a_theme_link_outside_the_project_is_refused() {
    let (_outside, secret) = secret_outside();
    let site = TestSite::copy("minimal");
    site.write(
        "book.toml",
        &format!(
            "[book]\ntheme = \"themes/mine\"\n\n{}",
            site.read("book.toml")
        ),
    );
    std::fs::create_dir_all(site.path().join("themes/mine/static")).expect("mkdir");
    std::os::unix::fs::symlink(&secret, site.path().join("themes/mine/static/leak.css"))
        .expect("symlink");
    let run = site.run(["build"]);
    assert_ne!(run.code, 0, "{run}");
    assert!(
        run.stderr.contains(
            "themes/mine/static/leak.css:1:1: error: this symbolic link leads outside the project"
        ),
        "{run}"
    );
    assert!(!site.exists("book"));
}

#[cfg(unix)]
#[test]
fn issue_24_serve_never_serves_a_picture_replaced_by_a_link_outside() {
    let (_outside, secret) = secret_outside();
    let site = TestSite::copy("minimal");
    site.write("content/id/images/x.png", "picture");
    let mut server = Running::serve(site.path());
    assert_eq!(server.get("/id/images/x.png").text(), "picture");
    std::fs::remove_file(site.path().join("content/id/images/x.png")).expect("rm");
    std::os::unix::fs::symlink(&secret, site.path().join("content/id/images/x.png"))
        .expect("symlink");
    server.wait_for_line(|l| l.contains("leads outside the project"));
    let response = server.get("/id/images/x.png");
    assert!(!response.text().contains("SECRET"), "{}", response.text());
    assert_eq!(response.status, 404);
}

#[cfg(unix)]
#[test]
fn issue_24_escape_sequences_in_titles_and_names_are_shown_escaped() {
    let site = TestSite::copy("minimal");
    // A title with ESC and BEL (YAML's `\e`, `\a`), in a file whose name holds ESC,
    // with a broken link so that `check` names the file.
    site.write(
        "content/id/jahat\u{1b}[31m.md",
        "---\ntitle: \"judul \\e]0;PWNED\\a jahat\"\n---\n\n[x](tidak-ada.md)\n",
    );
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["build"],
        &["status"],
    ] {
        let run = site.run(args);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(
                !text.contains(['\u{1b}', '\u{7}']),
                "a raw control character on {stream}:\n{run}"
            );
        }
        if args == ["check"] {
            assert!(
                run.stdout
                    .contains("content/id/jahat\\u{1b}[31m.md:5:1: error:"),
                "{run}"
            );
            assert!(
                run.stdout
                    .contains("panduan new \"content/en/jahat\\u{1b}[31m.md\""),
                "in suggested commands too: {run}"
            );
        }
        if args.contains(&"json") {
            let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
            assert!(json.to_string().contains("jahat\\u001b[31m.md"), "{json}");
        }
    }
}

/// The status of a raw HTTP/1.1 GET of `path` on `addr` with these header lines.
fn status_of(addr: &str, path: &str, headers: &[String]) -> u16 {
    use std::io::{BufRead, BufReader, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    let mut request = format!("GET {path} HTTP/1.1\r\n");
    for h in headers {
        request.push_str(h);
        request.push_str("\r\n");
    }
    request.push_str("Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut line = String::new();
    BufReader::new(stream)
        .read_line(&mut line)
        .expect("status line");
    line.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {line:?}"))
}

/// The header lines of a WebSocket upgrade.
fn upgrade(host: &str, origin: Option<&str>) -> Vec<String> {
    let mut lines = vec![
        format!("Host: {host}"),
        "Upgrade: websocket".to_string(),
        "Connection: Upgrade".to_string(),
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==".to_string(),
        "Sec-WebSocket-Version: 13".to_string(),
    ];
    lines.extend(origin.map(|o| format!("Origin: {o}")));
    lines
}

#[test]
fn issue_24_serve_refuses_a_foreign_host_or_origin_and_answers_loopback() {
    let site = TestSite::copy("minimal");
    let server = Running::serve(site.path());
    let addr = server.addr.clone();
    let port = addr.rsplit_once(':').expect("a port").1.to_string();
    let page = "/id/halaman/index.html";
    for host in [addr.clone(), format!("localhost:{port}")] {
        assert_eq!(
            status_of(&addr, page, &[format!("Host: {host}")]),
            200,
            "{host}"
        );
        let origin = format!("http://{host}");
        assert_eq!(
            status_of(
                &addr,
                page,
                &[format!("Host: {host}"), format!("Origin: {origin}")]
            ),
            200
        );
        // The live-reload socket opens (101) for the server's own pages.
        assert_eq!(
            status_of(&addr, "/.panduan/live", &upgrade(&host, Some(&origin))),
            101
        );
    }
    // DNS rebinding: the browser sends the attacker's name as the host.
    for host in [format!("evil.example:{port}"), "evil.example".to_string()] {
        assert_eq!(
            status_of(&addr, page, &[format!("Host: {host}")]),
            403,
            "{host}"
        );
        assert_eq!(
            status_of(&addr, "/.panduan/live", &upgrade(&host, None)),
            403
        );
    }
    assert_eq!(status_of(&addr, page, &[]), 403, "no Host at all");
    // A page of another site opening the socket, or reading a page.
    for origin in ["http://evil.example", "null", "https://127.0.0.1"] {
        assert_eq!(
            status_of(&addr, "/.panduan/live", &upgrade(&addr, Some(origin))),
            403,
            "{origin}"
        );
        assert_eq!(
            status_of(
                &addr,
                page,
                &[format!("Host: {addr}"), format!("Origin: {origin}")]
            ),
            403,
            "{origin}"
        );
    }
}

#[test]
fn issue_24_serve_caps_open_sockets_and_message_sizes() {
    let site = TestSite::copy("minimal");
    let mut server = Running::serve(site.path());
    let mut tabs: Vec<_> = (0..64).map(|_| server.live()).collect();
    assert_eq!(
        status_of(&server.addr, "/.panduan/live", &upgrade(&server.addr, None)),
        503,
        "the 65th socket waits for one to close"
    );
    tabs.pop();
    let started = Instant::now();
    while status_of(&server.addr, "/.panduan/live", &upgrade(&server.addr, None)) != 101 {
        assert!(
            started.elapsed() < PATIENCE,
            "a closed socket frees its place"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(tabs);
    // A tab that sends a message larger than the limit is disconnected.
    let started = Instant::now();
    let mut socket = loop {
        // The closed sockets give their places back as the server notices.
        match tungstenite::connect(format!("ws://{}/.panduan/live", server.addr)) {
            Ok((socket, _)) => break socket,
            Err(e) => assert!(started.elapsed() < PATIENCE, "{e}"),
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = socket.read();
    let _ = socket.send(tungstenite::Message::text("x".repeat(1 << 20)));
    let closed = (0..50).any(|_| socket.read().is_err());
    assert!(closed, "the oversized message closes the socket");
    server.assert_alive();
    assert_eq!(server.get("/id/halaman/index.html").status, 200);
}

/// `panduan ARGS` in `site` in English and in Indonesian: (exit code, all it said).
fn in_both(site: &TestSite, args: &[&str], vars: &[(&str, &str)]) -> [(i32, String); 2] {
    ["en_US.UTF-8", "id_ID.UTF-8"].map(|lang| {
        let mut all = vec![("LANG", lang)];
        all.extend_from_slice(vars);
        let run = crate::support::run_env(site.path(), args, &all);
        (run.code, format!("{}{}", run.stdout, run.stderr))
    })
}

/// Asserts that `said` holds each of `wanted` (English, then Indonesian).
fn says(runs: &[(i32, String); 2], code: i32, wanted: [&str; 2]) {
    for ((got, said), want) in runs.iter().zip(wanted) {
        assert_eq!(*got, code, "{said}");
        assert!(said.contains(want), "{want:?} in\n{said}");
    }
}

#[test]
fn issue_24_yaml_depth_and_size_limits_are_named_as_such() {
    let site = TestSite::copy("minimal");
    // A 10,000-deep flow list on one line: named as too deep, its line cut short.
    site.write(
        "content/id/dalam.md",
        &format!(
            "---\ntitle: Dalam\ntags: {}{}\n---\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    let runs = in_both(&site, &["check"], &[]);
    says(
        &runs,
        1,
        [
            "nests lists or maps more than 64 levels deep",
            "bersarang lebih dari 64 tingkat",
        ],
    );
    for (_, said) in &runs {
        assert!(!said.contains("alias"), "{said}");
        assert!(
            said.len() < 3_000,
            "the 20 KB line is not echoed: {} bytes",
            said.len()
        );
    }
    // 10,000-deep block maps.
    let deep: String = (0..10_000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i + 1)))
        .collect();
    site.write(
        "content/id/dalam.md",
        &format!("---\ntitle: Dalam\nx:\n{deep}---\n"),
    );
    let runs = in_both(&site, &["check"], &[]);
    says(
        &runs,
        1,
        ["more than 64 levels deep", "lebih dari 64 tingkat"],
    );
    // 126,000 plain keys with their values: 252,000 values.
    let many: Vec<String> = (0..126_000).map(|i| format!("k{i}: 1")).collect();
    site.write(
        "content/id/dalam.md",
        &format!("---\ntitle: Dalam\nextra: {{{}}}\n---\n", many.join(", ")),
    );
    let runs = in_both(&site, &["check"], &[]);
    says(
        &runs,
        1,
        [
            "holds more than 250000 values",
            "memuat lebih dari 250000 nilai",
        ],
    );
}

#[test]
fn issue_24_a_nul_in_front_matter_is_an_error_at_its_place() {
    let site = TestSite::copy("minimal");
    site.write("content/id/nul.md", "---\ntitle: \"a\\0b\"\n---\n\nTeks.\n");
    let runs = in_both(&site, &["build"], &[]);
    says(
        &runs,
        1,
        [
            "content/id/nul.md:2:8: error: this value holds a NUL character",
            "content/id/nul.md:2:8: kesalahan: nilai ini memuat karakter NUL",
        ],
    );
    assert!(!site.exists("book"));
}

#[test]
fn issue_24_source_date_epoch_errors_are_reported() {
    let site = TestSite::copy("minimal");
    for bad in ["-1", "abc", "1.5"] {
        let runs = in_both(&site, &["build"], &[("SOURCE_DATE_EPOCH", bad)]);
        says(
            &runs,
            2,
            [
                &format!("`SOURCE_DATE_EPOCH={bad}` is not a number of seconds since 1970"),
                &format!("`SOURCE_DATE_EPOCH={bad}` bukan jumlah detik sejak 1970"),
            ],
        );
    }
    for far in ["0", "99999999999"] {
        let runs = in_both(&site, &["build"], &[("SOURCE_DATE_EPOCH", far)]);
        says(
            &runs,
            2,
            [
                &format!("`SOURCE_DATE_EPOCH={far}` is outside the dates a download can carry"),
                &format!("`SOURCE_DATE_EPOCH={far}` berada di luar rentang tanggal"),
            ],
        );
    }
    assert!(!site.exists("book"));
    let run = crate::support::run_env(
        site.path(),
        ["build"],
        &[("SOURCE_DATE_EPOCH", "1767225600")],
    );
    assert_eq!(run.code, 0, "{run}");
}

#[cfg(unix)]
#[test]
fn issue_24_a_killed_zip_leaves_a_file_the_next_build_removes() {
    let site = bigger_site(300);
    std::fs::create_dir(site.path().join("out")).expect("mkdir");
    let tmp = site.path().join("out/handbook.zip.panduan-tmp");
    let mut child = Command::new(env!("CARGO_BIN_EXE_panduan"))
        .args(["build", "--zip", "out/handbook.zip"])
        .current_dir(site.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let started = Instant::now();
    while !tmp.exists() {
        assert!(started.elapsed() < PATIENCE, "no temporary zip appeared");
        if child.try_wait().expect("status").is_some() {
            eprintln!("note: the build ended before its zip could be caught; nothing to check");
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().expect("kill -9");
    let _ = child.wait();
    assert!(tmp.exists(), "the killed build left its temporary zip");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        !tmp.exists(),
        "the next build, even without --zip, removed it"
    );
}

#[cfg(unix)]
#[test]
fn issue_24_check_reports_an_unreadable_picture_as_build_does() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::copy("minimal");
    site.write("content/id/images/foto.png", "png");
    let path = site.path().join("content/id/images/foto.png");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!("note: running as a user who can read any file (root); not checked here");
        return;
    }
    for command in ["check", "build"] {
        let runs = in_both(&site, &[command], &[]);
        says(
            &runs,
            1,
            [
                "content/id/images/foto.png:1:1: error: cannot read this file",
                "content/id/images/foto.png:1:1: kesalahan: file ini tidak dapat dibaca",
            ],
        );
    }
}

#[cfg(unix)]
#[test]
fn issue_24_a_leftover_folder_is_removed_or_named_in_both_languages() {
    use std::os::unix::fs::PermissionsExt;
    // Regression (issue #24): a read-only previous output left `.book.panduan-old-PID`
    // behind without a word.
    let site = TestSite::copy("minimal");
    assert_eq!(site.run(["build"]).code, 0);
    let old = site.path().join(".book.panduan-old-999999");
    let stale = |dir: &Path| {
        std::fs::create_dir_all(dir.join("id")).expect("mkdir");
        std::fs::write(dir.join(".panduan-output"), "").expect("marker");
        std::fs::write(dir.join("id/index.html"), "old").expect("write");
    };
    // Read-only folders (an old output someone protected) are made writable and go.
    stale(&old);
    std::fs::set_permissions(old.join("id"), std::fs::Permissions::from_mode(0o555))
        .expect("chmod");
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!old.exists(), "{run}");
    assert!(!run.stderr.contains("warning"), "{run}");
    // One that cannot be removed at all (something is mounted inside it) is named.
    stale(&old);
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(old.join("id"))
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("note: skipped the folder that cannot be removed: mounting needs root");
        return;
    }
    let runs = in_both(&site, &["build"], &[]);
    let _ = Command::new("umount").arg(old.join("id")).status();
    says(
        &runs,
        0,
        [
            ".book.panduan-old-999999:1:1: warning: this folder, left by an earlier build, could not be removed",
            ".book.panduan-old-999999:1:1: peringatan: folder sisa build sebelumnya ini tidak dapat dihapus",
        ],
    );
    assert!(site.read("book/id/index.html").contains("Minimal"));
}
