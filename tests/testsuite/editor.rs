//! The browser editor of `panduan serve` (issue #27), over HTTP as its script uses it:
//! each save changes only what was edited, a stale save is refused, every refusal
//! writes nothing, undo gives the previous bytes back, a translation saved from the
//! editor is recorded as up to date, and the Edit button exists only in `serve`.
//! The browser test (`browser::the_editor_*`) drives the editor page itself.

use crate::support;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use support::TestSite;
use support::server::{Response, Running, request};

const PAGE: &str = "content/id/guide/install.md";
const SOURCE: &str = "/_panduan/source/id/guide/install.md";

/// `serve` on a copy of the bilingual fixture, and its editor token.
fn serving() -> (TestSite, Running, String) {
    let site = TestSite::copy("bilingual");
    let mut server = Running::serve(site.path());
    let token = server.token();
    assert_eq!(token.len(), 48, "a 24-byte token in hex: {token}");
    (site, server, token)
}

/// Every file below `dir` with its bytes, sorted (to show that nothing was written).
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.path().to_path_buf(), bytes)
        })
        .collect();
    out.sort();
    out
}

fn json_of(response: &Response) -> Value {
    serde_json::from_str(&response.body)
        .unwrap_or_else(|_| panic!("not JSON ({}): {}", response.status, response.body))
}

fn put(server: &Running, path: &str, headers: &[(&str, &str)], body: &str) -> Response {
    request(&server.addr, "PUT", path, headers, body.as_bytes())
}

fn post_json(server: &Running, path: &str, token: &str, body: &Value) -> Response {
    request(
        &server.addr,
        "POST",
        path,
        &[
            ("X-Panduan-Token", token),
            ("Content-Type", "application/json"),
        ],
        body.to_string().as_bytes(),
    )
}

/// The file's text and version, as the editor opens it.
fn open(server: &Running, path: &str) -> (String, String) {
    let response = server.get(path);
    assert_eq!(response.status, 200, "{}", response.body);
    let etag = response.header("etag").expect("an ETag").to_string();
    (response.body, etag)
}

#[test]
fn editor_save_changes_exactly_the_edited_key_and_keeps_the_other_bytes() {
    let (site, server, token) = serving();
    let (text, etag) = open(&server, SOURCE);
    assert_eq!(text, site.read(PAGE));
    // The form sends only the changed key; the body changes one sentence.
    let body_now = text.split_once("\n---\n").expect("a body").1;
    let body_new = body_now.replace("Catatan biasa.", "Catatan yang sudah diubah.");
    let composed = post_json(
        &server,
        "/_panduan/compose/id/guide/install.md",
        &token,
        &json!({ "base": text, "set": { "summary": "Cara memasang: langkah demi langkah." }, "body": body_new }),
    );
    assert_eq!(composed.status, 200, "{}", composed.body);
    let new_text = json_of(&composed)["text"]
        .as_str()
        .expect("text")
        .to_string();
    let saved = put(
        &server,
        SOURCE,
        &[("X-Panduan-Token", &token), ("If-Match", &etag)],
        &new_text,
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    let new_etag = saved.header("etag").expect("a new ETag");
    assert_ne!(new_etag, etag);
    let on_disk = site.read(PAGE);
    // Exactly the summary line and the sentence changed; every other byte is as it was.
    let expected = text
        .replace(
            "summary: Cara memasang.\n",
            "summary: \"Cara memasang: langkah demi langkah.\"\n",
        )
        .replace("Catatan biasa.", "Catatan yang sudah diubah.");
    assert_eq!(on_disk, expected);
    // The new version is what GET now answers.
    let (_, etag_now) = open(&server, SOURCE);
    assert_eq!(etag_now, new_etag);
}

#[test]
fn editor_stale_save_gets_409_and_the_file_is_unchanged() {
    let (site, server, token) = serving();
    let (text, etag) = open(&server, SOURCE);
    // Someone else saves in between (another editor, a git pull).
    let theirs = text.replace("Hati-hati di sini.", "Diubah di tempat lain.");
    std::fs::write(site.path().join(PAGE), &theirs).expect("write");
    let mine = text.replace("Catatan biasa.", "Versi saya.");
    let response = put(
        &server,
        SOURCE,
        &[("X-Panduan-Token", &token), ("If-Match", &etag)],
        &mine,
    );
    assert_eq!(response.status, 409, "{}", response.body);
    assert_eq!(json_of(&response)["error"], "stale");
    assert_eq!(site.read(PAGE), theirs, "the file on disk is untouched");
    // Without a version at all: 428, nothing written.
    let response = put(&server, SOURCE, &[("X-Panduan-Token", &token)], &mine);
    assert_eq!(response.status, 428, "{}", response.body);
    assert_eq!(site.read(PAGE), theirs);
}

/// Why a request should be refused, its path, its headers and the status expected.
type Case<'a> = (&'a str, String, Vec<(&'a str, &'a str)>, u16);

#[test]
fn editor_refusals_write_nothing() {
    let (site, server, token) = serving();
    let (text, etag) = open(&server, SOURCE);
    let before = files(site.path());
    let changed = text.replace("Catatan biasa.", "Diubah.");
    let here = server.addr.clone();
    let cases: Vec<Case<'_>> = vec![
        ("no token", SOURCE.into(), vec![("If-Match", &etag)], 403),
        (
            "a wrong token",
            SOURCE.into(),
            vec![("X-Panduan-Token", "0123456789abcdef"), ("If-Match", &etag)],
            403,
        ),
        (
            "a token of the wrong length",
            SOURCE.into(),
            vec![("X-Panduan-Token", &token[..47]), ("If-Match", &etag)],
            403,
        ),
        (
            "a foreign Origin",
            SOURCE.into(),
            vec![
                ("X-Panduan-Token", &token),
                ("If-Match", &etag),
                ("Origin", "http://evil.example"),
            ],
            403,
        ),
        (
            "a foreign Host (DNS rebinding)",
            SOURCE.into(),
            vec![
                ("X-Panduan-Token", &token),
                ("If-Match", &etag),
                ("Host", "evil.example"),
            ],
            403,
        ),
        (
            "..",
            "/_panduan/source/id/../../book.toml".into(),
            vec![("X-Panduan-Token", &token), ("If-None-Match", "*")],
            400,
        ),
        (
            "an encoded ..",
            "/_panduan/source/id/%2e%2e/%2e%2e/book.md".into(),
            vec![("X-Panduan-Token", &token), ("If-None-Match", "*")],
            400,
        ),
        (
            "a hidden file",
            "/_panduan/source/id/.secret.md".into(),
            vec![("X-Panduan-Token", &token), ("If-None-Match", "*")],
            400,
        ),
        (
            "a name Windows reserves",
            "/_panduan/source/id/con.md".into(),
            vec![("X-Panduan-Token", &token), ("If-None-Match", "*")],
            400,
        ),
        (
            "not a page",
            "/_panduan/source/id/guide/install.html".into(),
            vec![("X-Panduan-Token", &token), ("If-None-Match", "*")],
            400,
        ),
        (
            "a language the book does not have",
            "/_panduan/source/fr/x.md".into(),
            vec![("X-Panduan-Token", &token), ("If-None-Match", "*")],
            400,
        ),
    ];
    for (why, path, headers, status) in &cases {
        let response = put(&server, path, headers, &changed);
        assert_eq!(response.status, *status, "{why}: {}", response.body);
    }
    // A symbolic link out of content/: neither through the link nor into a new
    // folder below it.
    #[cfg(unix)]
    {
        let outside = site.path().join("outside");
        std::fs::create_dir_all(&outside).expect("a folder");
        std::os::unix::fs::symlink(&outside, site.path().join("content/id/out")).expect("a link");
        for path in [
            "/_panduan/source/id/out/x.md",
            "/_panduan/source/id/out/new/x.md",
        ] {
            let response = put(
                &server,
                path,
                &[("X-Panduan-Token", &token), ("If-None-Match", "*")],
                "---\ntitle: x\n---\n",
            );
            assert_eq!(response.status, 400, "{path}: {}", response.body);
        }
        assert_eq!(std::fs::read_dir(&outside).expect("read").count(), 0);
        std::fs::remove_file(site.path().join("content/id/out")).expect("unlink");
        std::fs::remove_dir(&outside).expect("remove");
    }
    // Pictures are known by their bytes: a script named .png is refused.
    let response = request(
        &server.addr,
        "POST",
        "/_panduan/picture/id/guide/install.md?name=foto.png",
        &[("X-Panduan-Token", &token)],
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
    );
    assert_eq!(response.status, 415, "{}", response.body);
    // An upload or a page larger than the limits.
    let big = vec![b'a'; 3 * 1024 * 1024];
    let response = request(
        &server.addr,
        "PUT",
        SOURCE,
        &[("X-Panduan-Token", &token), ("If-Match", &etag)],
        &big,
    );
    assert!(
        matches!(response.status, 413 | 400),
        "{}: {}",
        response.status,
        response.body
    );
    // Every other request that changes something needs the token too.
    for path in [
        "/_panduan/undo/id/guide/install.md",
        "/_panduan/translated/en/guide/install.md",
        "/_panduan/translate/en/guide/only-id.md?from=id",
        "/_panduan/picture/id/guide/install.md?name=a.png",
    ] {
        let response = request(&server.addr, "POST", path, &[("If-Match", &etag)], b"x");
        assert_eq!(response.status, 403, "{path}: {}", response.body);
    }
    let _ = here;
    assert_eq!(files(site.path()), before, "nothing was written");
}

#[test]
fn editor_undo_restores_the_previous_bytes() {
    let (site, server, token) = serving();
    let (first, etag) = open(&server, SOURCE);
    let second = first.replace("Catatan biasa.", "Versi kedua.");
    let saved = put(
        &server,
        SOURCE,
        &[("X-Panduan-Token", &token), ("If-Match", &etag)],
        &second,
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    let etag2 = saved.header("etag").expect("etag").to_string();
    assert_eq!(site.read(PAGE), second);
    // The replaced version is kept where the build never looks.
    assert!(
        site.path()
            .join(".panduan/history/id/guide/install.md")
            .is_dir()
    );
    let undone = request(
        &server.addr,
        "POST",
        "/_panduan/undo/id/guide/install.md",
        &[("X-Panduan-Token", &token), ("If-Match", &etag2)],
        b"",
    );
    assert_eq!(undone.status, 200, "{}", undone.body);
    assert_eq!(site.read(PAGE), first, "byte for byte the version before");
    assert_eq!(json_of(&undone)["text"], first.as_str());
    // Nothing left to undo.
    let etag3 = undone.header("etag").expect("etag").to_string();
    let again = request(
        &server.addr,
        "POST",
        "/_panduan/undo/id/guide/install.md",
        &[("X-Panduan-Token", &token), ("If-Match", &etag3)],
        b"",
    );
    assert_eq!(again.status, 404, "{}", again.body);
    assert_eq!(site.read(PAGE), first);
    // The build does not see the kept versions.
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!site.exists("book/.panduan"));
}

#[test]
fn editor_translation_save_records_it_as_up_to_date() {
    let (site, server, token) = serving();
    let made = request(
        &server.addr,
        "POST",
        "/_panduan/translate/en/guide/only-id.md?from=id",
        &[("X-Panduan-Token", &token)],
        b"",
    );
    assert_eq!(made.status, 201, "{}", made.body);
    let stub = site.read("content/en/guide/only-id.md");
    assert!(stub.contains("translation:"), "{stub}");
    // The translator writes the text (the stub's guide block goes) and saves.
    let (text, etag) = open(&server, "/_panduan/source/en/guide/only-id.md");
    let head = text.split("\n---\n").next().expect("front matter");
    let translated = format!(
        "{}\n---\n\nThis page is not translated yet.\n",
        head.replace(
            "title: \"Hanya dalam bahasa Indonesia\"",
            "title: Only in Indonesian"
        )
    );
    let saved = put(
        &server,
        "/_panduan/source/en/guide/only-id.md",
        &[("X-Panduan-Token", &token), ("If-Match", &etag)],
        &translated,
    );
    assert_eq!(saved.status, 200, "{}", saved.body);
    let recorded = request(
        &server.addr,
        "POST",
        "/_panduan/translated/en/guide/only-id.md",
        &[("X-Panduan-Token", &token)],
        b"",
    );
    assert_eq!(recorded.status, 200, "{}", recorded.body);
    let status = site.run(["status"]);
    let row = status
        .stdout
        .lines()
        .find(|l| l.starts_with("guide/only-id "))
        .unwrap_or_else(|| panic!("{status}"));
    assert!(row.contains("up to date"), "{row}");
}

#[test]
fn editor_picture_gets_a_safe_name_and_its_exact_link() {
    let (site, server, token) = serving();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\0\x05\0\x01\xff\x89\x99=\x1d\0\0\0\0IEND\xaeB`\x82";
    let response = request(
        &server.addr,
        "POST",
        "/_panduan/picture/id/guide/install.md?name=Foto%20Kegiatan%20(1).PNG",
        &[("X-Panduan-Token", &token)],
        png,
    );
    assert_eq!(response.status, 201, "{}", response.body);
    let answer = json_of(&response);
    assert_eq!(answer["path"], "id/images/foto-kegiatan-1.png");
    assert_eq!(answer["link"], "../images/foto-kegiatan-1.png");
    assert_eq!(
        std::fs::read(site.path().join("content/id/images/foto-kegiatan-1.png")).expect("saved"),
        png
    );
    // The same name again: a second file, never over the first.
    let again = request(
        &server.addr,
        "POST",
        "/_panduan/picture/id/guide/install.md?name=foto-kegiatan-1.png",
        &[("X-Panduan-Token", &token)],
        png,
    );
    assert_eq!(json_of(&again)["path"], "id/images/foto-kegiatan-1-2.png");
}

#[test]
fn editor_preview_renders_unsaved_text_and_places_problems_at_their_field() {
    let (site, server, token) = serving();
    let (text, _) = open(&server, SOURCE);
    let unsaved = text.replace("Catatan biasa.", "Kalimat pratinjau zamrud.");
    let response = post_json(
        &server,
        "/_panduan/preview/id/guide/install.md",
        &token,
        &json!({ "text": unsaved }),
    );
    assert_eq!(response.status, 200, "{}", response.body);
    let answer = json_of(&response);
    let html = answer["html"].as_str().expect("the page's HTML");
    assert!(html.contains("Kalimat pratinjau zamrud."), "{html}");
    assert!(!html.contains("<script"), "the preview runs no script");
    // Served at the page's own address, so that its links and pictures resolve.
    let url = answer["url"].as_str().expect("the preview's address");
    assert!(
        url.starts_with("/id/panduan/pasang/?panduan-preview="),
        "{url}"
    );
    let served = server.get(url);
    assert_eq!(served.status, 200);
    assert!(served.body.contains("Kalimat pratinjau zamrud."));
    assert!(
        !server.get("/id/panduan/pasang/").body.contains("zamrud"),
        "the page itself is unchanged"
    );
    assert_eq!(site.read(PAGE), text, "a preview writes nothing");
    // A page field that names no page: the problem carries its field and line.
    let broken = text.replace("related: [guide/zebra]", "related: [guide/tidak-ada]");
    let response = post_json(
        &server,
        "/_panduan/preview/id/guide/install.md",
        &token,
        &json!({ "text": broken }),
    );
    let answer = json_of(&response);
    let problems = answer["problems"].as_array().expect("problems");
    let related = problems
        .iter()
        .find(|p| p["field"] == "related")
        .unwrap_or_else(|| panic!("{answer}"));
    assert_eq!(related["line"], 7, "{related}");
    assert!(related["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn editor_is_only_in_serve_and_off_on_the_network_without_edit() {
    let site = TestSite::copy("bilingual");
    // The Edit button in serve: the page's snippet names its file.
    {
        let mut server = Running::serve(site.path());
        let _ = server.token();
        let page = server.get("/id/panduan/pasang/");
        assert!(
            page.body
                .contains("data-source=\"id/guide/install.md\" data-edit=\"Sunting halaman ini\""),
            "{}",
            page.body
        );
        let editor = server.get("/_panduan/edit/id/guide/install.md");
        assert_eq!(editor.status, 200);
        assert!(editor.body.contains("id=\"panduan-editor-data\""));
        assert!(editor.body.contains("<html lang=\"id\">"));
        let english = server.get("/en/guide/install/");
        assert!(
            english.body.contains("data-edit=\"Edit this page\""),
            "{}",
            english.body
        );
    }
    // Never in build output.
    let run = site.run(["build", "--no-pdf"]);
    assert_eq!(run.code, 0, "{run}");
    for entry in walkdir::WalkDir::new(site.path().join("book"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let bytes = std::fs::read(entry.path()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("_panduan/") && !text.contains("data-source="),
            "{}",
            entry.path().display()
        );
    }
    // Bound to every interface: no editor unless --edit.
    let mut server = Running::start(site.path(), &["serve", "--port", "0", "--bind", "0.0.0.0"]);
    let line = server.wait_for_line(|l| l.contains("http://"));
    let addr = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("a URL")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    server.addr = addr;
    let pages = server.get("/_panduan/pages");
    assert_eq!(pages.status, 404, "{}", pages.body);
    let page = server.get("/id/panduan/pasang/");
    assert!(!page.body.contains("data-source="));
    assert!(!server.output().contains("?token="));
    drop(server);
    let mut server = Running::start(
        site.path(),
        &["serve", "--port", "0", "--bind", "0.0.0.0", "--edit"],
    );
    let _ = server.token();
    // A warning that anyone with the address can change pages (on stderr: it may come
    // before or after the address).
    let warned = "anyone who has the address";
    if !server.output().contains(warned) {
        server.wait_for_line(|l| l.contains(warned));
    }
}

#[test]
fn a_link_to_a_page_not_written_yet_carries_its_file_for_the_editor() {
    let (site, server, _token) = serving();
    let text = site.read(PAGE);
    std::fs::write(
        site.path().join(PAGE),
        text.replace("Catatan biasa.", "Lihat [Posyandu](posyandu.md)."),
    )
    .expect("write");
    let mut tab = server.live();
    let _ = tab.next_within(std::time::Duration::from_secs(30));
    let deadline = std::time::Instant::now() + support::server::PATIENCE;
    loop {
        let page = server.get("/id/panduan/pasang/");
        if page.body.contains("data-new=") {
            assert!(
                page.body.contains("data-new=\"id/guide/posyandu.md\""),
                "{}",
                page.body
            );
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{}", page.body);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}
