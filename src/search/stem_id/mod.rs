//! Indonesian stemmer: Sastrawi's dictionary-based confix stripping (Nazief–Adriani,
//! with the CS, ECS and CC refinements and Sastrawi's own rules), step for step as
//! PySastrawi 1.2.1 does it, with one deviation (below).
//!
//! - A word with hyphens (`kelompok-kelompok`, `meniru-niru`, `berbalas-balasan`,
//!   `malaikat-malaikat-nya`) stems each half; if both halves reach the same root, that
//!   is the stem, else the word stays whole. A second half that is no word of its own
//!   and does not stem (`niru`) is tried with `me-` before it (`meniru`). A single
//!   hyphen before an enclitic (`kuasa-mu`, `allah-lah`) is no repetition.
//! - Any other word (`context.rs`): if it is a root, it is its stem. Else the suffixes
//!   come off (particle `-lah/-kah/-tah/-pun`, possessive `-ku/-mu/-nya`, derivational
//!   `-i/-kan/-an` and the borrowed `-is/-isme/-isasi`), then up to three prefixes by
//!   the rules in `rules.rs` (`di-/ke-/se-`, `ber-`, `ter-`, `me(N)-`, `pe(N)-`, `per-`,
//!   the infixes `-el-/-em-/-er-/-in-`, `ku-/kau-`), with a dictionary check after each
//!   step. Words of the form be-…-lah, be-…-an, me-…-i, di-…-i, pe-…-i and ter-…-i
//!   try their prefixes first (`mencapai` → `capai`, not `capa`); we also look each of
//!   them up without its suffixes after every prefix, where Sastrawi takes the
//!   suffixes off only once it has taken up to three prefixes (`dikenali` → `kenal`,
//!   where Sastrawi goes on to `ke-` and `nali`). When nothing
//!   is found, each suffix is given back in turn and the prefixes tried again (the ECS
//!   loop: `kedudukan` → `duduk`). A word that reaches no root stays as it is.
//! - Words with anything but lowercase ASCII letters and hyphens (digits, other
//!   letters) are kept as written; hyphenated ones whose halves give the same word
//!   stem to it.
//!
//! The dictionary is [`ROOTS`] (`data/id-roots.txt`, Sastrawi's list: see
//! `data/NOTICE.txt` for how it differs from PySastrawi's copy). Where we knowingly
//! differ from PySastrawi, `deviations.tsv` beside this file says so, word by word.
//! `tests/stemmer_oracle.rs` runs PySastrawi over this dictionary and checks the two
//! agree; `themes/default/static/stem.js` implements the same steps in the same order,
//! held to the same answers by the shared vectors in `tests/search/`.

mod context;
mod rules;

use std::collections::HashSet;
use std::sync::OnceLock;

/// The root words (Sastrawi's list, MIT; see `data/NOTICE.txt`).
pub const ROOTS: &str = include_str!("../data/id-roots.txt");

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

/// Whether a lowercase word is a root of the dictionary.
pub fn is_root(word: &str) -> bool {
    roots().contains(word)
}

/// The stem of one lowercase word.
pub fn stem(word: &str) -> String {
    stem_with(word, &|w| roots().contains(w))
}

/// The stem of one lowercase word against any dictionary.
pub fn stem_with(word: &str, dict: &dyn Fn(&str) -> bool) -> String {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return stem_word(word, dict);
    }
    // Digits or other letters: the word as written, or the stem both halves share.
    if let Some((left, right)) = word.split_once('-') {
        if left.is_empty() || right.is_empty() {
            return word.to_string();
        }
        let (a, b) = (stem_with(left, dict), stem_with(right, dict));
        return if a == b { a } else { word.to_string() };
    }
    word.to_string()
}

/// Enclitics that may follow a hyphen without making the word a repetition.
const ENCLITICS: [&str; 7] = ["ku", "mu", "nya", "lah", "kah", "tah", "pun"];

/// A word of lowercase ASCII letters and hyphens (Sastrawi's `stem_word`).
fn stem_word(word: &str, dict: &dyn Fn(&str) -> bool) -> String {
    let Some((first, last)) = word.rsplit_once('-') else {
        return context::stem_singular(word, dict);
    };
    // `kuasa-mu`: one word with an enclitic.
    if ENCLITICS.contains(&last) && !first.contains('-') {
        return context::stem_singular(word, dict);
    }
    // `malaikat-malaikat-nya` -> `malaikat` and `malaikat-nya`.
    let (a, b) = match first.rsplit_once('-') {
        Some((a, b)) if ENCLITICS.contains(&last) => (a.to_string(), format!("{b}-{last}")),
        _ => (first.to_string(), last.to_string()),
    };
    let root_a = context::stem_singular(&a, dict);
    let mut root_b = context::stem_singular(&b, dict);
    // `meniru-niru`: the second half stands for `meniru`.
    if !dict(&b) && root_b == b {
        root_b = context::stem_singular(&format!("me{b}"), dict);
    }
    if root_a == root_b {
        root_a
    } else {
        word.to_string()
    }
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

    /// The errors of the first stemmer (issue #16), one test each.
    #[test]
    fn regressions_of_the_first_stemmer() {
        for (w, s) in [
            ("memakai", "pakai"),
            ("mengenal", "kenal"),
            ("mencapai", "capai"),
            ("temannya", "teman"),
            ("perannya", "peran"),
            ("dimulai", "mulai"),
            ("petani", "tani"),
            ("bersekolah", "sekolah"),
            ("kuasa-mu", "kuasa"),
            ("allah-lah", "allah"),
            ("meniru-niru", "tiru"),
            ("memanggil-manggil", "panggil"),
            ("menyanyi", "nyanyi"),
            ("kinerja", "kerja"),
            ("kupukul", "pukul"),
            ("petarung", "tarung"),
            ("kedudukan", "duduk"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn odd_input_is_returned_as_is() {
        for w in ["", "a", "ab", "café", "x2", "---", "covid-19"] {
            assert_eq!(stem(w), w);
        }
        assert_eq!(stem("café-café"), "café");
    }
}
