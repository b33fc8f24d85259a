//! `serve` and `watch` rebuild reusing what the last build made (`panduan::Reuse`): these tests hold every
//! cached rebuild to the output of a fresh build of the same sources, after edits of
//! every kind, and check that a body edit re-renders only its own page.

use crate::support;

use std::collections::BTreeMap;
use std::sync::Arc;

use panduan::Reuse;
use panduan::files::{Contents, OutputFile};
use panduan::memo::Reusing;
use support::TestSite;

fn files(list: Vec<OutputFile>) -> BTreeMap<String, Vec<u8>> {
    list.into_iter()
        .map(|f| {
            let bytes = match f.contents {
                Contents::Bytes(b) => b,
                Contents::Copy(p) => std::fs::read(p).expect("static file"),
            };
            (f.path, bytes)
        })
        .collect()
}

struct Builds {
    options: panduan::BuildOptions,
    reuse: Arc<Reuse>,
}

impl Builds {
    fn new(site: &TestSite) -> Self {
        let reuse = Arc::new(Reuse::new(Reusing::On));
        let mut options = panduan::BuildOptions {
            root: site.path().to_path_buf(),
            ..Default::default()
        };
        // As `serve` renders: with the live-reload tag in every page.
        options.render.live_reload = Some("<script data-build=\"t\"></script>".into());
        options.reuse = Arc::clone(&reuse);
        Builds { options, reuse }
    }

    /// Builds with the cache the way `serve` does (pages first, then the rest) and
    /// without it, asserts both give the same files, and returns how many pages the
    /// cached build rendered again.
    fn check(&self, what: &str) -> u64 {
        let (pages, deferred) = panduan::render_pages(&self.options).expect("cached build");
        let rendered_again = self.reuse.counts().pages_rendered;
        let paths: Vec<String> = pages.files.iter().map(|f| f.path.clone()).collect();
        let mut cached = files(pages.files);
        cached.extend(files(deferred.finish(&paths).expect("search and print")));

        let mut fresh_options = self.options.clone();
        fresh_options.reuse = Default::default();
        let fresh = files(
            panduan::render_site(&fresh_options)
                .expect("fresh build")
                .files,
        );
        assert_eq!(
            cached.keys().collect::<Vec<_>>(),
            fresh.keys().collect::<Vec<_>>(),
            "{what}: the same files"
        );
        for (path, bytes) in &fresh {
            assert!(
                cached[path] == *bytes,
                "{what}: `{path}` differs from a fresh build:\n--- cached\n{}\n--- fresh\n{}",
                String::from_utf8_lossy(&cached[path]),
                String::from_utf8_lossy(bytes)
            );
        }
        // The same cached build the way `watch` does it.
        let whole = files(
            panduan::render_site(&self.options)
                .expect("cached whole build")
                .files,
        );
        assert!(whole == fresh, "{what}: a whole cached build differs");
        rendered_again
    }
}

#[test]
fn cached_rebuilds_equal_fresh_builds_after_every_kind_of_edit() {
    let site = TestSite::bundled();
    let builds = Builds::new(&site);
    let all = builds.check("first build");
    assert!(all > 40, "the first build renders every page ({all})");
    assert_eq!(
        builds.check("nothing changed"),
        0,
        "no page is rendered again"
    );

    // A body edit: that page is rendered again, and its English translation, whose
    // record now says its source changed (the outdated notice).
    let therapy = "content/id/group-types/therapy.md";
    let text = site.read(therapy);
    site.write(
        therapy,
        &text.replace(
            "## Kapan jenis ini tepat",
            "## Kapan jenis ini tepat\n\nKalimat baru.",
        ),
    );
    assert_eq!(
        builds.check("body edit"),
        2,
        "the edited page and its now outdated translation"
    );
    // An edit to a translation: only that page.
    let english = "content/en/group-types/therapy.md";
    let text = site.read(english);
    site.write(english, &format!("{text}\nA new sentence.\n"));
    assert_eq!(builds.check("translation edit"), 1, "only the edited page");

    // A title edit: every page that shows the title (navigation, links, comparison,
    // breadcrumbs, backlinks) follows.
    let text = site.read(therapy);
    site.write(
        therapy,
        &text.replace("title: Kelompok terapi", "title: Kelompok terapi (baru)"),
    );
    let again = builds.check("title edit");
    assert!(again > 1 && again < all, "some pages, not all ({again})");

    // A field of a kind (the comparison page shows it).
    let text = site.read(therapy);
    site.write(
        therapy,
        &text.replace("purpose: Membantu", "purpose: Menolong"),
    );
    builds.check("kind field edit");

    // A new link: the target's backlinks change.
    let goals = "content/en/concepts/goals.md";
    let text = site.read(goals);
    site.write(
        goals,
        &format!("{text}\nSee also [[group-types/therapy]].\n"),
    );
    builds.check("new link");

    // A new page with a glossary term of its own, then the page removed again.
    site.write(
        "content/en/concepts/new-idea.md",
        "---\ntitle: A new idea\nkind: concept\ndefinition: Something new.\nextra:\n  glossary:\n    - { key: novelty, term: novelty, definition: Something new. }\n---\n\nText with a [link](goals.md).\n",
    );
    builds.check("new page");
    site.remove("content/en/concepts/new-idea.md");
    builds.check("page removed");

    // A translation record, then its source changes: the reader's notice appears.
    let run = site.run(["translated", "content/en/group-types/therapy.md"]);
    assert_eq!(run.code, 0, "{run}");
    builds.check("translation recorded");
    let text = site.read(therapy);
    site.write(
        therapy,
        &text.replace("Kalimat baru.", "Kalimat yang lain."),
    );
    builds.check("source of a translation changed");

    // The configuration and the theme.
    let toml = site.read("book.toml");
    site.write(
        "book.toml",
        &toml.replacen(
            "Panduan Pekerjaan Sosial dengan Kelompok",
            "Panduan Baru",
            1,
        ),
    );
    builds.check("book.toml edit");
    site.write(
        "themes/mine/templates/nav.html",
        "<nav>{% for item in items %}<a href=\"{{ item.href }}\">{{ item.title }}</a>{% endfor %}</nav>",
    );
    let toml = site.read("book.toml");
    site.write(
        "book.toml",
        &toml.replacen("theme = \"themes/default\"", "theme = \"themes/mine\"", 1),
    );
    builds.check("theme override");
    site.write(
        "themes/mine/templates/nav.html",
        "<nav class=\"mine\">{% for item in items %}<a href=\"{{ item.href }}\">{{ item.title }}</a>{% endfor %}</nav>",
    );
    builds.check("theme template edit");
}
