//! Reuse between builds, as a leaf: fingerprints ([`Key`]) and tables of results by
//! fingerprint ([`Memo`], [`Slot`]). It knows no stage of the pipeline.
//!
//! Each stage keeps its own reuse logic (what it remembers, keyed by what) in its own
//! room, in a `Reuse` type of its own (`load::Reuse`, `model::Reuse`, `render::Reuse`,
//! `search::Reuse`); the driver that rebuilds (`serve`, `watch`) owns the set of them
//! ([`crate::Reuse`]). A plain `build` passes every stage a table that is switched
//! off: it remembers nothing, computes no key and costs nothing.
//!
//! A result is kept for as long as the build before used it: each build starts a new
//! generation, and what the previous build did not ask for is dropped.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, PoisonError};

/// A 64-bit fingerprint of some inputs.
pub type Key = u64;

/// A hasher for fingerprints: fast (bodies and pages are hashed on every build) and
/// stable within a process, which is all reuse between builds needs. A 64-bit
/// fingerprint makes a false match between two different inputs vanishingly unlikely
/// (about 1 in 10^10 over a million distinct inputs), and only `serve` and `watch`
/// reuse results.
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

/// Whether a table remembers results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reusing {
    /// A plain build: nothing is remembered and no key is computed.
    #[default]
    Off,
    /// `serve` and `watch`: results are kept for the next build.
    On,
}

/// Results by key, kept for one build after their last use.
pub struct Memo<V> {
    /// `None` when switched off.
    maps: Option<Mutex<Generations<V>>>,
}

/// (this build's results, the previous build's).
type Generations<V> = (HashMap<Key, V>, HashMap<Key, V>);

impl<V> Memo<V> {
    /// An empty table, remembering or not.
    pub fn new(reusing: Reusing) -> Self {
        Memo {
            maps: (reusing == Reusing::On).then(|| Mutex::new((HashMap::new(), HashMap::new()))),
        }
    }

    /// Whether this table remembers results.
    pub fn is_on(&self) -> bool {
        self.maps.is_some()
    }

    /// Starts a new build: what the last build did not use is dropped.
    pub fn next_generation(&self) {
        if let Some(maps) = &self.maps {
            let mut maps = maps.lock().unwrap_or_else(PoisonError::into_inner);
            let (current, previous) = &mut *maps;
            *previous = std::mem::take(current);
        }
    }
}

impl<V: Clone> Memo<V> {
    /// The result for `key`, if this or the previous build made it (never, when off).
    pub fn get(&self, key: Key) -> Option<V> {
        let mut maps = self
            .maps
            .as_ref()?
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (current, previous) = &mut *maps;
        match current.get(&key) {
            Some(v) => Some(v.clone()),
            None => previous.remove(&key).inspect(|v| {
                current.insert(key, v.clone());
            }),
        }
    }

    /// Remembers `value` for `key` (forgets it at once, when off).
    pub fn insert(&self, key: Key, value: V) {
        if let Some(maps) = &self.maps {
            let mut maps = maps.lock().unwrap_or_else(PoisonError::into_inner);
            maps.0.insert(key, value);
        }
    }

    /// The result for the key that `key` computes, made by `make` when there is none.
    /// When off, this is `make()`: `key` is not even called.
    pub fn get_or(&self, key: impl FnOnce() -> Key, make: impl FnOnce() -> V) -> V {
        if !self.is_on() {
            return make();
        }
        let key = key();
        if let Some(v) = self.get(key) {
            return v;
        }
        let v = make();
        self.insert(key, v.clone());
        v
    }

    /// [`Memo::get_or`] for a `make` that can fail; failures are not remembered.
    pub fn try_get_or<E>(
        &self,
        key: impl FnOnce() -> Key,
        make: impl FnOnce() -> Result<V, E>,
    ) -> Result<V, E> {
        if !self.is_on() {
            return make();
        }
        let key = key();
        if let Some(v) = self.get(key) {
            return Ok(v);
        }
        let v = make()?;
        self.insert(key, v.clone());
        Ok(v)
    }
}

impl<V> Default for Memo<V> {
    /// A table that is switched off.
    fn default() -> Self {
        Memo::new(Reusing::Off)
    }
}

impl<V> std::fmt::Debug for Memo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_on() {
            "Memo(on)"
        } else {
            "Memo(off)"
        })
    }
}

/// One remembered result and its key (the last one made).
pub struct Slot<V> {
    /// `None` when switched off.
    last: Option<Mutex<Option<(Key, V)>>>,
}

impl<V: Clone> Slot<V> {
    /// An empty slot, remembering or not.
    pub fn new(reusing: Reusing) -> Self {
        Slot {
            last: (reusing == Reusing::On).then(|| Mutex::new(None)),
        }
    }

    /// The result for `key` if it is the last one remembered, else `make()`'s, which
    /// then replaces it. When off, this is `make()`.
    pub fn try_get_or<E>(&self, key: Key, make: impl FnOnce() -> Result<V, E>) -> Result<V, E> {
        let Some(last) = &self.last else {
            return make();
        };
        let found = last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.clone());
        if let Some(v) = found {
            return Ok(v);
        }
        let v = make()?;
        *last.lock().unwrap_or_else(PoisonError::into_inner) = Some((key, v.clone()));
        Ok(v)
    }

    /// Takes the remembered result out, leaving the slot empty.
    pub fn take(&self) -> Option<(Key, V)> {
        self.last
            .as_ref()?
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Remembers `value` for `key` (forgets it at once, when off).
    pub fn put(&self, key: Key, value: V) {
        if let Some(last) = &self.last {
            *last.lock().unwrap_or_else(PoisonError::into_inner) = Some((key, value));
        }
    }
}

impl<V: Clone> Default for Slot<V> {
    /// A slot that is switched off.
    fn default() -> Self {
        Slot::new(Reusing::Off)
    }
}

impl<V> std::fmt::Debug for Slot<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.last.is_some() {
            "Slot(on)"
        } else {
            "Slot(off)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_off_table_remembers_nothing_and_computes_no_key() {
        let memo: Memo<u32> = Memo::new(Reusing::Off);
        let made = memo.get_or(|| panic!("no key when off"), || 1);
        assert_eq!(made, 1);
        memo.insert(7, 2);
        assert_eq!(memo.get(7), None);
    }

    #[test]
    fn a_result_lives_one_build_after_its_last_use() {
        let memo: Memo<u32> = Memo::new(Reusing::On);
        memo.insert(1, 10);
        memo.insert(2, 20);
        memo.next_generation();
        // Build 2 uses key 1 only.
        assert_eq!(memo.get_or(|| 1, || 99), 10);
        memo.next_generation();
        assert_eq!(memo.get(1), Some(10), "used by the build before");
        assert_eq!(memo.get(2), None, "unused by the build before");
    }

    #[test]
    fn failures_are_not_remembered() {
        let memo: Memo<u32> = Memo::new(Reusing::On);
        let failed: Result<u32, ()> = memo.try_get_or(|| 5, || Err(()));
        assert!(failed.is_err());
        assert_eq!(memo.get(5), None);
        assert_eq!(memo.try_get_or(|| 5, || Ok::<_, ()>(3)), Ok(3));
        assert_eq!(memo.get(5), Some(3));
    }

    #[test]
    fn a_slot_keeps_only_the_last_key() {
        let slot: Slot<u32> = Slot::new(Reusing::On);
        assert_eq!(slot.try_get_or(1, || Ok::<_, ()>(10)), Ok(10));
        assert_eq!(slot.try_get_or(1, || Ok::<_, ()>(11)), Ok(10));
        assert_eq!(slot.try_get_or(2, || Ok::<_, ()>(20)), Ok(20));
        assert_eq!(slot.try_get_or(1, || Ok::<_, ()>(12)), Ok(12));
        let off: Slot<u32> = Slot::new(Reusing::Off);
        off.put(1, 5);
        assert_eq!(off.take(), None);
    }
}
