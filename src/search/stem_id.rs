//! Indonesian stemmer: dictionary-based confix stripping (after Nazief–Adriani and its
//! "enhanced confix stripping" refinements, as in Sastrawi).
//!
//! Suffixes come off first (particle `-lah/-kah/-tah/-pun`, possessive `-ku/-mu/-nya`,
//! derivational `-kan/-an/-i`), then up to three prefixes (`di-`, `ke-`, `se-`, `ber-`,
//! `ter-`, `per-`, `meN-`, `peN-` with their sound changes), each step checking the
//! root-word dictionary; the first form found in it is the stem. Words that reach no
//! dictionary word stay as they are. `kelompok-kelompok` stems to `kelompok`.
//!
//! `themes/default/static/stem.js` implements the same steps in the same order; the
//! shared vectors in `tests/search/` hold both to the same answers.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The root words (Sastrawi's list, MIT; see `data/NOTICE.txt`).
pub const ROOTS: &str = include_str!("data/id-roots.txt");

fn roots() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ROOTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The stem of one lowercase word.
pub fn stem(word: &str) -> String {
    stem_with(word, &|w| roots().contains(w))
}

/// The stem of one lowercase word against any dictionary.
pub fn stem_with(word: &str, dict: &dyn Fn(&str) -> bool) -> String {
    if let Some((left, right)) = word.split_once('-') {
        if left.is_empty() || right.is_empty() {
            return word.to_string();
        }
        let (a, b) = (stem_with(left, dict), stem_with(right, dict));
        return if a == b { a } else { word.to_string() };
    }
    stem_single(word, dict)
}

fn stem_single(word: &str, dict: &dyn Fn(&str) -> bool) -> String {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) || dict(word) {
        return word.to_string();
    }
    for base in suffix_bases(word) {
        if dict(&base) {
            return base;
        }
        if let Some(root) = strip_prefixes(&base, 3, dict) {
            return root;
        }
    }
    word.to_string()
}

/// The word with its suffixes removed step by step, most removed first.
fn suffix_bases(word: &str) -> Vec<String> {
    let mut chain = vec![word.to_string()];
    let mut current = word.to_string();
    for group in [&["lah", "kah", "tah", "pun"][..], &["nya", "ku", "mu"][..]] {
        if let Some(s) = group
            .iter()
            .find(|s| current.ends_with(*s) && current.len() > s.len() + 2)
        {
            current.truncate(current.len() - s.len());
            chain.push(current.clone());
        }
    }
    let mut bases = Vec::new();
    for s in ["kan", "an", "i"] {
        if current.ends_with(s) && current.len() > s.len() + 2 {
            bases.push(current[..current.len() - s.len()].to_string());
        }
    }
    bases.extend(chain.into_iter().rev());
    bases
}

/// Removes up to `depth` prefixes; the first form in the dictionary wins.
fn strip_prefixes(word: &str, depth: u8, dict: &dyn Fn(&str) -> bool) -> Option<String> {
    if depth == 0 {
        return None;
    }
    // Every form one prefix away first, then deeper: `memenuhi` finds `penuh` before
    // wandering off through `menuh`.
    let candidates: Vec<String> = prefix_candidates(word)
        .into_iter()
        .filter(|c| c.len() >= 2)
        .collect();
    if let Some(found) = candidates.iter().find(|c| dict(c)) {
        return Some(found.clone());
    }
    candidates
        .iter()
        .find_map(|c| strip_prefixes(c, depth - 1, dict))
}

/// The forms `word` may have had before one prefix was added, most likely first.
fn prefix_candidates(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let rest = |n: usize| word.get(n..).unwrap_or("").to_string();
    let mut out = Vec::new();
    for p in ["di", "ke", "se"] {
        if word.starts_with(p) {
            out.push(rest(2));
        }
    }
    if word.starts_with("ber") || word.starts_with("ter") || word.starts_with("per") {
        out.push(rest(3));
        if is_vowel(at(3)) {
            out.push(format!("r{}", rest(3)));
        }
    }
    if word.starts_with("belajar") || word.starts_with("pelajar") {
        out.push(rest(3));
    }
    if (word.starts_with("be") || word.starts_with("te") || word.starts_with("pe"))
        && !is_vowel(at(2))
        && at(2) != b'r'
        && word.get(3..5) == Some("er")
    {
        out.push(rest(2));
    }
    for (prefix, n) in [("me", 2), ("pe", 2)] {
        if !word.starts_with(prefix) {
            continue;
        }
        let c = at(n);
        match c {
            b'l' | b'r' | b'w' | b'y' if is_vowel(at(n + 1)) => out.push(rest(n)),
            b'm' => {
                // mem-b/f/v, mem-p (mempe-), mem-V -> m or p
                if matches!(at(n + 1), b'b' | b'f' | b'v' | b'p') {
                    out.push(rest(n + 1));
                } else if is_vowel(at(n + 1)) {
                    out.push(format!("m{}", rest(n + 1)));
                    out.push(format!("p{}", rest(n + 1)));
                }
            }
            b'n' => {
                let next = at(n + 1);
                if next == b'g' {
                    let after = at(n + 2);
                    if word.get(n..n + 3) == Some("nge") && !is_vowel(at(n + 3)) {
                        out.push(rest(n + 3));
                    }
                    if matches!(after, b'g' | b'h' | b'q' | b'k') {
                        out.push(rest(n + 2));
                    } else if is_vowel(after) {
                        out.push(rest(n + 2));
                        out.push(format!("k{}", rest(n + 2)));
                    }
                } else if next == b'y' && is_vowel(at(n + 2)) {
                    out.push(format!("s{}", rest(n + 2)));
                } else if matches!(next, b'c' | b'd' | b'j' | b's' | b't' | b'z') {
                    out.push(rest(n + 1));
                } else if is_vowel(next) {
                    out.push(format!("n{}", rest(n + 1)));
                    out.push(format!("t{}", rest(n + 1)));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empowerment_family_meets() {
        let stems: Vec<String> = [
            "memberdayakan",
            "pemberdayaan",
            "diberdayakan",
            "berdaya",
            "keberdayaan",
        ]
        .iter()
        .map(|w| stem(w))
        .collect();
        assert!(stems.iter().all(|s| s == "daya"), "{stems:?}");
    }

    #[test]
    fn roots_that_look_affixed_stay_whole() {
        for w in [
            "kelompok", "terapi", "masalah", "keluarga", "anggota", "sosial", "rekreasi", "pekerja",
        ] {
            let s = stem(w);
            assert!(s == w || (w == "pekerja" && s == "kerja"), "{w} -> {s}");
        }
    }

    #[test]
    fn affixes_come_off() {
        for (w, s) in [
            ("berkelompok", "kelompok"),
            ("kelompok-kelompok", "kelompok"),
            ("kelompoknya", "kelompok"),
            ("permasalahan", "masalah"),
            ("pelatihan", "latih"),
            ("memenuhi", "penuh"),
            ("menyusun", "susun"),
            ("mengajar", "ajar"),
            ("pengalaman", "alam"),
            ("ditanyakan", "tanya"),
            ("pembelajaran", "ajar"),
            ("keterampilan", "terampil"),
            ("bantulah", "bantu"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn odd_input_is_returned_as_is() {
        for w in ["", "a", "ab", "café", "x2", "---"] {
            assert_eq!(stem(w), w);
        }
    }
}
