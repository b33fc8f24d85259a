//! Links as agency authors really write them (issue #15): e-mail autolinks, query
//! strings, site-absolute paths, suggestions that can be pasted back, raw HTML with
//! scripts. Each shape has its own small site in `tests/fixtures/real-content/`.

use crate::support;

use support::{Run, TestSite, attrs};

/// Builds the fixture `real-content/<shape>` and expects success.
fn built(shape: &str) -> (TestSite, Run) {
    let site = TestSite::copy(&format!("real-content/{shape}"));
    let run = site.run(["build"]);
    assert_eq!(run.code, 0, "{run}");
    (site, run)
}

#[test]
fn email_autolink_becomes_mailto() {
    let (site, run) = built("email-autolink");
    assert!(!run.stderr.contains("does not exist"), "{run}");
    for page in ["book/id/index.html", "book/id/print.html"] {
        let html = site.html(page);
        let hrefs = attrs(&html, "main a[href^='mailto:']", "href");
        assert_eq!(
            hrefs,
            ["mailto:tim@example.org", "mailto:kami@example.org"],
            "{page}"
        );
    }
}
