//! One word without hyphenated halves, stemmed as Sastrawi's `Context` does: the
//! steps, the order of the dictionary checks, the precedence adjustment and the ECS
//! "loop pengembalian akhiran" (suffixes given back, prefixes tried again).

use super::rules::{Disambiguator, VISITORS};

/// What one step removed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `-lah`, `-kah`, `-tah`, `-pun` (with hyphens before it).
    Particle,
    /// `-ku`, `-mu`, `-nya` (with hyphens before it).
    Possessive,
    /// `-i`, `-kan`, `-an`, `-is`, `-isme`, `-isasi`.
    Derivational,
    /// A prefix (plain or by a rule).
    Prefix,
}

#[derive(Clone)]
struct Removal {
    /// The word before the step.
    subject: String,
    /// The word after it.
    result: String,
    kind: Kind,
    /// The step removed the suffix `-kan`.
    kan: bool,
}

/// The stemming state of one word.
pub(super) struct Context<'a> {
    dict: &'a dyn Fn(&str) -> bool,
    original: String,
    current: String,
    removals: Vec<Removal>,
    /// Set for words of three letters or fewer: each visitor list then stops after
    /// its first visitor.
    stopped: bool,
}

/// The root of `word`: the first dictionary word the steps reach, else `word`.
pub(super) fn stem_singular(word: &str, dict: &dyn Fn(&str) -> bool) -> String {
    let mut c = Context {
        dict,
        original: word.to_string(),
        current: word.to_string(),
        removals: Vec::new(),
        stopped: false,
    };
    c.run();
    if c.found() { c.current } else { c.original }
}

/// Whether the word takes its prefixes off before its suffixes (Asian 2007): be-…-lah,
/// be-…-an, me-…-i, di-…-i, pe-…-i, ter-…-i.
fn prefix_first(word: &str) -> bool {
    [
        ("be", "lah"),
        ("be", "an"),
        ("me", "i"),
        ("di", "i"),
        ("pe", "i"),
        ("ter", "i"),
    ]
    .iter()
    .any(|(p, s)| word.len() >= p.len() + s.len() && word.starts_with(p) && word.ends_with(s))
}

/// `word` without the last of `suffixes` it ends in, and without the hyphens that then
/// end it (Sastrawi's `-*(lah|kah|tah|pun)$`).
fn strip_enclitic(word: &str, suffixes: &[&str]) -> Option<String> {
    let s = suffixes.iter().find(|s| word.ends_with(*s))?;
    Some(
        word[..word.len() - s.len()]
            .trim_end_matches('-')
            .to_string(),
    )
}

impl Context<'_> {
    fn found(&self) -> bool {
        (self.dict)(&self.current)
    }

    fn run(&mut self) {
        if self.found() {
            return;
        }
        if self.current.len() <= 3 {
            self.stopped = true;
        }
        if prefix_first(&self.original) {
            // Up to three prefixes, and after each the word without its suffixes (our
            // deviation: Sastrawi takes the suffixes off only after the prefixes), so
            // that a prefix taken off by mistake cannot win: `dikenali` -> `kenal`,
            // not `nali`. See deviations.tsv.
            for _ in 0..3 {
                self.remove_one_prefix();
                if self.found() {
                    return;
                }
                let before = (self.current.clone(), self.removals.len());
                self.remove_suffixes();
                if self.found() {
                    return;
                }
                self.current = before.0;
                self.removals.truncate(before.1);
            }
            self.current = self.original.clone();
            self.removals.clear();
        }
        self.remove_suffixes();
        if self.found() {
            return;
        }
        self.remove_prefixes();
        if self.found() {
            return;
        }
        self.give_back_suffixes();
    }

    fn remove(&mut self, result: String, kind: Kind, kan: bool) {
        let subject = std::mem::replace(&mut self.current, result.clone());
        self.removals.push(Removal {
            subject,
            result,
            kind,
            kan,
        });
    }

    /// Particle, possessive, derivational suffix: each once, in that order, stopping
    /// at a dictionary word.
    fn remove_suffixes(&mut self) {
        for step in 0..3 {
            match step {
                0 => {
                    if let Some(w) = strip_enclitic(&self.current, &["lah", "kah", "tah", "pun"]) {
                        self.remove(w, Kind::Particle, false);
                    }
                }
                1 => {
                    if let Some(w) = strip_enclitic(&self.current, &["ku", "mu", "nya"]) {
                        self.remove(w, Kind::Possessive, false);
                    }
                }
                _ => {
                    // The longest that fits: `isasi` before `i`, `kan` before `an`.
                    let suffix = ["isasi", "isme", "kan", "an", "is", "i"]
                        .into_iter()
                        .find(|s| self.current.ends_with(s));
                    if let Some(s) = suffix {
                        let w = self.current[..self.current.len() - s.len()].to_string();
                        self.remove(w, Kind::Derivational, s == "kan");
                    }
                }
            }
            if self.found() || self.stopped {
                return;
            }
        }
    }

    /// Up to three prefixes, one per round, stopping at a dictionary word.
    fn remove_prefixes(&mut self) {
        for _ in 0..3 {
            self.remove_one_prefix();
            if self.found() {
                return;
            }
        }
    }

    /// The visitors in order until one removes a prefix or reaches a dictionary word.
    fn remove_one_prefix(&mut self) {
        let before = self.removals.len();
        for visitor in std::iter::once(None).chain(VISITORS.iter().map(Some)) {
            match visitor {
                None => self.plain_prefix(),
                Some(disambiguators) => self.disambiguate(disambiguators),
            }
            if self.found() || self.stopped || self.removals.len() > before {
                return;
            }
        }
    }

    /// `di-`, `ke-`, `se-`.
    fn plain_prefix(&mut self) {
        let rest = ["di", "ke", "se"]
            .into_iter()
            .find_map(|p| self.current.strip_prefix(p));
        if let Some(rest) = rest {
            let rest = rest.to_string();
            self.remove(rest, Kind::Prefix, false);
        }
    }

    /// One prefix visitor: its disambiguators in order until one proposes a dictionary
    /// word; the last proposal stands otherwise (and none, if the last one had none).
    fn disambiguate(&mut self, disambiguators: &[Disambiguator]) {
        let mut proposal = None;
        for alternatives in disambiguators {
            proposal = alternatives
                .iter()
                .find_map(|rule| rule.apply(&self.current));
            if proposal.as_deref().is_some_and(|w| (self.dict)(w)) {
                break;
            }
        }
        if let Some(w) = proposal {
            self.remove(w, Kind::Prefix, false);
        }
    }

    /// ECS: back to the word before the first removal, prefixes forgotten; then for
    /// each suffix removed, last first, the word with that suffix given back (for
    /// `-kan`, first with only its `k`) loses its prefixes again.
    fn give_back_suffixes(&mut self) {
        if let Some(first) = self.removals.first() {
            self.current = first.subject.clone();
        }
        self.removals.retain(|r| r.kind != Kind::Prefix);
        let suffixes = self.removals.clone();
        let saved = self.current.clone();
        for removal in suffixes.iter().rev() {
            if removal.kan {
                self.current = format!("{}k", removal.result);
                self.remove_prefixes();
                if self.found() {
                    return;
                }
                self.current = format!("{}kan", removal.result);
            } else {
                self.current = removal.subject.clone();
            }
            self.remove_prefixes();
            if self.found() {
                return;
            }
            self.removals = suffixes.clone();
            self.current = saved.clone();
        }
    }
}
