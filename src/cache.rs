//! What one build can hand to the next, so that `serve` and `watch` redo only the work
//! a change affects.
//!
//! Every step stays a pure function of its inputs; the cache only remembers results by
//! a fingerprint of *all* the inputs that produced them:
//!
//! - a page file read and parsed: by its path, its bytes and the configuration;
//! - a body's analysis: by the body;
//! - a body's HTML: by the body, its resolved links and the labels;
//! - a rendered page: by its template, its whole template context and the answers of
//!   every site-wide template function the template called (`backlinks`, ...): when one
//!   of those answers changes (a title on another page, say), the page is rendered again;
//! - a page's search words: by everything the index reads from the page;
//! - a word's stems; the compiled theme: by the theme's files.
//!
//! A result is kept as long as the build before used it: each build starts a new
//! generation, and what the previous build did not ask for is dropped. A full `build`
//! uses no cache at all.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// A 64-bit fingerprint of some inputs.
pub type Key = u64;

/// A hasher for fingerprints: fast (bodies and pages are hashed on every build) and
/// stable within a process, which is all a cache needs. A 64-bit fingerprint makes a
/// false match between two different inputs vanishingly unlikely (about 1 in 10^10
/// over a million distinct inputs), and the cache only ever serves `serve` and `watch`.
pub fn hasher() -> rustc_hash::FxHasher {
    rustc_hash::FxHasher::default()
}

/// The fingerprint of one hashable value.
pub fn key_of(value: &impl Hash) -> Key {
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

/// The fingerprint of a value's JSON form (for template contexts and answers).
pub fn key_of_json(value: &impl serde::Serialize) -> Key {
    struct Writer<'a>(&'a mut rustc_hash::FxHasher);
    impl std::io::Write for Writer<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut h = hasher();
    // Serialising into a hasher cannot fail for our types; if it did, the key would
    // still be a function of what was written.
    let _ = serde_json::to_writer(Writer(&mut h), value);
    h.finish()
}

/// Results by key, kept for one build after their last use.
pub struct Memo<V> {
    /// (this build's results, the previous build's).
    maps: Mutex<(HashMap<Key, V>, HashMap<Key, V>)>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            maps: Mutex::new((HashMap::new(), HashMap::new())),
        }
    }
}

impl<V: Clone> Memo<V> {
    /// The result for `key`, if this or the previous build made it.
    pub fn get(&self, key: Key) -> Option<V> {
        let mut maps = self.maps.lock().unwrap_or_else(PoisonError::into_inner);
        let (current, previous) = &mut *maps;
        match current.get(&key) {
            Some(v) => Some(v.clone()),
            None => previous.remove(&key).inspect(|v| {
                current.insert(key, v.clone());
            }),
        }
    }

    pub fn insert(&self, key: Key, value: V) {
        let mut maps = self.maps.lock().unwrap_or_else(PoisonError::into_inner);
        maps.0.insert(key, value);
    }

    /// The result for `key`, made by `make` when there is none.
    pub fn get_or(&self, key: Key, make: impl FnOnce() -> V) -> V {
        if let Some(v) = self.get(key) {
            return v;
        }
        let v = make();
        self.insert(key, v.clone());
        v
    }

    /// Starts a new build: what the last build did not use is dropped.
    fn next_generation(&self) {
        let mut maps = self.maps.lock().unwrap_or_else(PoisonError::into_inner);
        let (current, previous) = &mut *maps;
        *previous = std::mem::take(current);
    }
}

/// A rendered page and what its template asked the site.
#[derive(Clone)]
pub struct RenderedPage {
    pub html: Arc<str>,
    /// (function, arguments, fingerprint of the answer) for each site-wide template
    /// function the template called.
    pub(crate) asked: Arc<[(crate::render::functions::Call, Key)]>,
}

/// Everything one build can hand to the next.
#[derive(Default)]
pub struct Cache {
    pub(crate) pages_read: Memo<
        Arc<(
            Option<crate::load::SourcePage>,
            Vec<crate::diagnostic::Diagnostic>,
        )>,
    >,
    pub(crate) analyses: Memo<Arc<crate::markdown::Analysis>>,
    pub(crate) bodies: Memo<Arc<str>>,
    pub(crate) rendered: Memo<RenderedPage>,
    pub(crate) search_words: Memo<Arc<crate::search::PageWords>>,
    pub(crate) stems: Memo<Arc<[String]>>,
    pub(crate) theme: Mutex<Option<(Key, Arc<crate::render::theme::CompiledTera>)>>,
    /// The pages of the last build, for the shortcut of [`crate::render::pages`]:
    /// when nothing but page bodies changed, only the pages whose body changed are
    /// rendered again.
    pub(crate) last_pages: Mutex<Option<LastPages>>,
    reused: AtomicU64,
    rerendered: AtomicU64,
}

/// The pages of the last build and the fingerprint of everything they depend on
/// besides their own bodies.
pub(crate) struct LastPages {
    pub(crate) structure: Key,
    /// By url.
    pub(crate) pages: HashMap<String, LastPage>,
}

/// One page of the last build.
#[derive(Clone)]
pub(crate) struct LastPage {
    /// The fingerprint of its body.
    pub(crate) body: Key,
    pub(crate) html: Arc<str>,
    /// Its entries in [`Cache::rendered`] and [`Cache::bodies`], kept alive while the
    /// shortcut serves the page.
    pub(crate) rendered_key: Key,
    pub(crate) body_html_key: Key,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

/// How much of a build came from the cache: pages rendered again and pages reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reuse {
    pub pages_rendered: u64,
    pub pages_reused: u64,
}

impl Cache {
    /// Counts a page as reused from the cache or rendered again.
    pub(crate) fn note_reuse(&self, reused: bool) {
        let counter = if reused {
            &self.reused
        } else {
            &self.rerendered
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// How the build so far used the cache.
    pub fn reuse(&self) -> Reuse {
        Reuse {
            pages_rendered: self.rerendered.load(Ordering::Relaxed),
            pages_reused: self.reused.load(Ordering::Relaxed),
        }
    }

    /// Starts the next build: counts start again, and what the last build did not use
    /// is dropped.
    pub fn next_build(&self) {
        self.reused.store(0, Ordering::Relaxed);
        self.rerendered.store(0, Ordering::Relaxed);
        self.rendered.next_generation();
        self.pages_read.next_generation();
        self.analyses.next_generation();
        self.bodies.next_generation();
        self.search_words.next_generation();
        self.stems.next_generation();
    }
}
