//! The prefix rules: Sastrawi's disambiguation rules 1–42 (Nazief–Adriani, CS, ECS, CC
//! and Sastrawi's own `ku-`/`kau-`), as data.
//!
//! A rule reads the start of a word with a pattern: a lowercase letter stands for
//! itself, an uppercase one for a class of letters ([`class`]); the rest of the word
//! may be anything. The word it proposes is `word[..keep] + add + word[cut..]`. Two
//! guards refuse a match: a given letter that is `r`, and a rest that begins with
//! `er`.
//!
//! [`VISITORS`] holds the prefix visitors in Sastrawi's order. Each is a list of
//! disambiguators, tried in order until one proposes a dictionary word (else the last
//! one's proposal stands); a disambiguator is a list of alternatives, of which the
//! first that matches decides (only rule 32 has two). `stem.js` holds the same table.

/// One alternative of a disambiguator.
#[derive(Clone, Copy)]
pub(super) struct Rule {
    pattern: &'static str,
    /// The pattern must be the whole word.
    whole: bool,
    keep: usize,
    add: &'static str,
    cut: usize,
    /// Refuse when the letter at this index is `r`.
    not_r: Option<usize>,
    /// Refuse when the word from this index starts with `er`.
    not_er: Option<usize>,
}

const fn r(pattern: &'static str, cut: usize) -> Rule {
    Rule {
        pattern,
        whole: false,
        keep: 0,
        add: "",
        cut,
        not_r: None,
        not_er: None,
    }
}

impl Rule {
    const fn add(mut self, add: &'static str) -> Self {
        self.add = add;
        self
    }
    const fn keep(mut self, keep: usize) -> Self {
        self.keep = keep;
        self
    }
    const fn whole(mut self) -> Self {
        self.whole = true;
        self
    }
    const fn not_r(mut self, at: usize) -> Self {
        self.not_r = Some(at);
        self
    }
    const fn not_er(mut self, at: usize) -> Self {
        self.not_er = Some(at);
        self
    }

    /// The word this rule proposes for `word`, if it applies.
    pub(super) fn apply(&self, word: &str) -> Option<String> {
        let w = word.as_bytes();
        let p = self.pattern.as_bytes();
        if w.len() < p.len() || (self.whole && w.len() != p.len()) {
            return None;
        }
        if !p.iter().zip(w).all(|(&p, &c)| class(p, c)) {
            return None;
        }
        if self.not_r.is_some_and(|i| w.get(i) == Some(&b'r')) {
            return None;
        }
        if self
            .not_er
            .is_some_and(|i| w.get(i..).is_some_and(|rest| rest.starts_with(b"er")))
        {
            return None;
        }
        Some(format!(
            "{}{}{}",
            word.get(..self.keep)?,
            self.add,
            word.get(self.cut..)?
        ))
    }
}

/// Whether letter `c` fits pattern letter `p`: lowercase is literal; `V` vowel, `C`
/// consonant, `A` any letter, `B` consonant but `r`, `D` c d j s t z, `F` b f v,
/// `G` g h q k, `K` b c d f g h j k p q s t v x z, `L` l r w y, `P` a letter but `e`
/// and `n`, `W` w y.
fn class(p: u8, c: u8) -> bool {
    let set: &[u8] = match p {
        b'V' => b"aiueo",
        b'C' => b"bcdfghjklmnpqrstvwxyz",
        b'A' => b"abcdefghijklmnopqrstuvwxyz",
        b'B' => b"bcdfghjklmnpqstvwxyz",
        b'D' => b"cdjstz",
        b'F' => b"bfv",
        b'G' => b"ghqk",
        b'K' => b"bcdfghjkpqstvxz",
        b'L' => b"lrwy",
        b'P' => b"abcdfghijklmopqrstuvwxyz",
        b'W' => b"wy",
        _ => return p == c,
    };
    set.contains(&c)
}

/// A disambiguator: alternatives, the first that matches decides.
pub(super) type Disambiguator = &'static [Rule];

/// The prefix visitors after the plain prefixes `di-`/`ke-`/`se-`, in Sastrawi's
/// order; the comments give the rule numbers.
pub(super) const VISITORS: &[&[Disambiguator]] = &[
    &[&[r("berV", 3)], &[r("berV", 3).add("r")]], // 1a, 1b
    &[&[r("berCA", 3).not_er(5)]],                // 2
    &[&[r("berCAerV", 3).not_r(3)]],              // 3
    &[&[r("belajar", 3).whole()]],                // 4
    &[&[r("beBerC", 2)]],                         // 5
    &[&[r("terV", 3)], &[r("terV", 3).add("r")]], // 6a, 6b
    &[&[r("terCerV", 3).not_r(3)]],               // 7
    &[&[r("terC", 3).not_r(3).not_er(4)]],        // 8
    &[&[r("teCerC", 2).not_r(2)]],                // 9
    &[&[r("meLV", 2)]],                           // 10
    &[&[r("memF", 3)]],                           // 11
    &[&[r("mempe", 3)]],                          // 12
    &[&[r("memV", 3).add("m")], &[r("memV", 3).add("p")]], // 13a, 13b
    &[&[r("menD", 3)]],                           // 14
    &[&[r("menV", 3).add("n")], &[r("menV", 3).add("t")]], // 15a, 15b
    &[&[r("mengG", 4)]],                          // 16
    &[
        &[r("mengV", 4)],
        &[r("mengV", 4).add("k")],
        &[r("menge", 5)],
        &[r("mengV", 4).add("ng")],
    ], // 17a-d
    &[&[r("menyV", 4).add("ny")], &[r("menyV", 4).add("s")]], // 18a, 18b
    &[&[r("mempP", 3)]],                          // 19
    &[&[r("peWV", 2)]],                           // 20
    &[&[r("perV", 3)], &[r("perV", 2)]],          // 21a, 21b
    &[&[r("perCA", 3).not_er(5)]],                // 23
    &[&[r("perCAerV", 3).not_r(3)]],              // 24
    &[&[r("pemF", 3)]],                           // 25
    &[&[r("pemV", 3).add("m")], &[r("pemV", 3).add("p")]], // 26a, 26b
    &[&[r("penD", 3)]],                           // 27
    &[&[r("penV", 3).add("n")], &[r("penV", 3).add("t")]], // 28a, 28b
    &[&[r("pengC", 4)]],                          // 29
    &[
        &[r("pengV", 4)],
        &[r("pengV", 4).add("k")],
        &[r("penge", 5)],
    ], // 30a-c
    &[&[r("penyV", 4).add("ny")], &[r("penyV", 4).add("s")]], // 31a, 31b
    &[&[r("pelajar", 3).whole(), r("pelV", 2)]],  // 32
    &[&[r("peC", 2).not_er(3)]],                  // 34
    &[&[r("terKerC", 3)]],                        // 35
    &[&[r("peKerC", 2)]],                         // 36
    &[&[r("CerV", 0)], &[r("CerV", 3).keep(1)]],  // 37a, 37b
    &[&[r("CelV", 0)], &[r("CelV", 3).keep(1)]],  // 38a, 38b
    &[&[r("CemV", 0)], &[r("CemV", 3).keep(1)]],  // 39a, 39b
    &[&[r("CinV", 0)], &[r("CinV", 3).keep(1)]],  // 40a, 40b
    &[&[r("ku", 2)]],                             // 41
    &[&[r("kau", 3)]],                            // 42
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_read_like_sastrawi() {
        let one = |rule: Rule, w: &str| rule.apply(w);
        assert_eq!(
            one(r("berV", 3).add("r"), "berambut").as_deref(),
            Some("rambut")
        );
        assert_eq!(
            one(r("berCA", 3).not_er(5), "berkelompok").as_deref(),
            Some("kelompok")
        );
        assert_eq!(one(r("berCA", 3).not_er(5), "berdaerah"), None);
        assert_eq!(one(r("beBerC", 2), "bekerja").as_deref(), Some("kerja"));
        assert_eq!(one(r("belajar", 3).whole(), "belajarlah"), None);
        assert_eq!(one(r("CerV", 3).keep(1), "gerigi").as_deref(), Some("gigi"));
        assert_eq!(one(r("mempP", 3), "mempengaruhi"), None);
        assert_eq!(
            one(r("mempP", 3), "memproteksi").as_deref(),
            Some("proteksi")
        );
        assert_eq!(one(r("ku", 2), "ku"), Some(String::new()));
    }
}
