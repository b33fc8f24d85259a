//! Indonesian hyphenation, by the official rules for dividing words (PUEBI, kept in
//! EYD V: "Pemenggalan kata"). Typst 0.14 has no Indonesian patterns, and the TeX ones
//! are GPL, so the PDF step marks the places itself with soft hyphens (issue #30).
//!
//! The contract:
//!
//! - [`syllables`] divides one word of lowercase ASCII letters; any other word is one
//!   piece. The word's parts come first (below), then each part is divided as a base
//!   word:
//!   - two vowels side by side are divided (`bu-ah`, `ma-in`, `sa-at`), but the
//!     diphthongs `ai`, `au`, `ei`, `oi` stay whole where they close their syllable: at
//!     the end of the part or before a single consonant and a vowel (`pan-dai`, `au-la`,
//!     `sau-da-ra`; `ma-in`, `ka-um`, where the consonant closes the second syllable);
//!   - one consonant between vowels goes with the vowel after it (`ba-pak`, `de-ngan`);
//!     two are divided between them (`man-di`, `som-bong`, `Ap-ril`); of three or more,
//!     the first stays behind (`ul-tra`, `in-stru-men`, `bang-krut`);
//!   - `kh`, `ng`, `ny` and `sy` are one consonant (`a-khir`, `nyo-nya`, `ma-sya-ra-kat`,
//!     `akh-lak`, `sang-gup`).
//! - The parts of a word: a derived word is divided between its base and its affixes
//!   (`ber-main`, `makan-an`, `meng-ajar`, `ke-kuat-an`), as the Indonesian stemmer
//!   finds them: prefixes `di- ke- se- ber- be- ter- te- me(N)- pe(N)- per- ku- kau-`,
//!   up to three, and the suffixes `-kan -an -i`, `-ku -mu -nya`, `-lah -kah -tah -pun`.
//!   Where the prefix changed the base's first sound (`menutup` from `tutup`,
//!   `pemecahan` from `pecah`), or is `bel-`/`pel-`, or the word has an infix, prefix
//!   and base are divided as one base word (`me-nu-tup`, `pe-me-cah-an`, `be-la-jar`).
//!   A loanword made of a combining form and more (`bio-grafi`, `foto-kopi`,
//!   `intro-speksi`, `pasca-sarjana`, `trans-portasi`, `eks-presi`) is divided between
//!   the two when the rest begins with two consonants.
//! - [`soft_hyphens`] puts U+00AD into running Indonesian text at the places a line may
//!   break: only in words the stemmer knows (a root, or a word that reaches one), so
//!   names, English words and made-up words are left alone; never in a word with
//!   capitals after its first letter, next to a digit, or in a piece of text that reads
//!   like an address (`://`, `@`, `/`, `www.`, a dot between letters). Words shorter
//!   than [`MIN_WORD`] letters are not broken, and no break leaves fewer than two
//!   letters before it or three after it (so never a lone vowel, as the rules ask).
//! - Pure, and linear in the text: each word is looked at once, and words longer than
//!   [`MAX_WORD`] letters are left whole.

use crate::search::stem_id;

/// The soft hyphen.
pub const SHY: char = '\u{ad}';

/// The shortest word that is broken.
pub const MIN_WORD: usize = 8;

/// The longest word that is looked at (a longer one is left whole).
pub const MAX_WORD: usize = 40;

/// Letters kept before and after a break. Typst gives a soft hyphen no cost (unlike
/// its own hyphenation), so we offer fewer places than the rules allow.
const MIN_BEFORE: usize = 3;
const MIN_AFTER: usize = 3;

/// Prefixes a derived word may begin with, the stemmer's (without `bel-`/`pel-`,
/// whose word is divided as a base word: `be-la-jar`).
const PREFIXES: &[&str] = &[
    "di", "ke", "se", "ber", "be", "ter", "te", "me", "mem", "men", "meng", "meny", "menge", "pe",
    "pem", "pen", "peng", "peny", "penge", "per", "ku", "kau",
];

/// The suffixes, in the order they follow a base.
const DERIVATIONAL: &[&str] = &["kan", "an", "i"];
const POSSESSIVE: &[&str] = &["ku", "mu", "nya"];
const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];

/// Combining forms of loanwords (`bio-grafi`), divided from the rest of the word when
/// the rest begins with two consonants.
const COMBINING: &[&str] = &[
    "bio", "foto", "kilo", "intro", "pasca", "trans", "eks", "infra", "ultra", "geo", "hidro",
    "mikro", "makro", "tele", "kontra", "supra",
];

/// The syllables of `word` (see the module's contract).
pub fn syllables(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut last = 0;
    for at in breaks(word) {
        out.push(&word[last..at]);
        last = at;
    }
    out.push(&word[last..]);
    out
}

/// The byte offsets inside `word` where its syllables meet, in order.
pub fn breaks(word: &str) -> Vec<usize> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for end in parts(word) {
        if start > 0 {
            out.push(start);
        }
        base_breaks(&word.as_bytes()[start..end], start, &mut out);
        start = end;
    }
    out
}

/// `text` with a soft hyphen at every place a line may break (see the contract).
pub fn soft_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..space]);
        rest = &rest[space..];
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        chunk(&rest[..end], &mut out);
        rest = &rest[end..];
    }
    out
}

/// One piece of text without spaces, with its soft hyphens.
fn chunk(chunk: &str, out: &mut String) {
    if reads_like_address(chunk) {
        out.push_str(chunk);
        return;
    }
    let mut last = 0;
    let mut iter = chunk.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphabetic() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        let before = chunk[..start].chars().next_back();
        let after = chunk[end..].chars().next();
        let by_digit =
            before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit());
        if by_digit {
            continue;
        }
        out.push_str(&chunk[last..start]);
        word(&chunk[start..end], out);
        last = end;
    }
    out.push_str(&chunk[last..]);
}

/// Whether a piece of text is an address, a path or a file name rather than words.
fn reads_like_address(chunk: &str) -> bool {
    if chunk.contains("://")
        || chunk.contains("www.")
        || chunk.contains(['@', '/', '\\', '_', '=', '#', '~'])
    {
        return true;
    }
    let b = chunk.as_bytes();
    b.windows(3)
        .any(|w| w[1] == b'.' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric())
}

/// One word of letters, with its soft hyphens when it is an Indonesian word we know.
fn word(word: &str, out: &mut String) {
    let n = word.len();
    let plain = (MIN_WORD..=MAX_WORD).contains(&n)
        && word.is_ascii()
        && word[1..].bytes().all(|b| b.is_ascii_lowercase())
        && word.as_bytes()[0].is_ascii_alphabetic();
    if !plain {
        out.push_str(word);
        return;
    }
    let lower = word.to_ascii_lowercase();
    if !stem_id::is_root(&lower) && stem_id::stem(&lower) == lower {
        out.push_str(word);
        return;
    }
    let mut last = 0;
    for at in breaks(&lower) {
        if at < MIN_BEFORE || n - at < MIN_AFTER {
            continue;
        }
        out.push_str(&word[last..at]);
        out.push(SHY);
        last = at;
    }
    out.push_str(&word[last..]);
}

/// The ends of the parts of `word` (the last is `word.len()`): affixes, base, and the
/// elements of a loanword, each divided as a base word.
fn parts(word: &str) -> Vec<usize> {
    let root = stem_id::stem(word);
    let mut ends = Vec::new();
    if root != word && !root.is_empty() {
        // The base as it is, between a prefix and suffixes.
        let found = (0..=word.len() - root.len().min(word.len()))
            .filter(|&i| word[i..].starts_with(root.as_str()))
            .filter_map(|i| suffixes(&word[i + root.len()..]).map(|s| (i, s)))
            .min_by_key(|(i, _)| !prefixes(&word[..*i]));
        if let Some((i, suffix_ends)) = found {
            let mut base_end = i + root.len();
            let mut suffix_ends: Vec<usize> =
                suffix_ends.into_iter().map(|e| base_end + e).collect();
            // `ajakan` is `ajak-an` as much as `aja-kan`, and the stemmer's `diskus-i` is
            // `diskusi`: where the base and the start of its first suffix are a word too,
            // the two are divided as one base word. So is a vowel before `-i`
            // (`me-ma-kai-nya`, not `memaka-inya`).
            if let Some(&first) = suffix_ends.first()
                && ((base_end + 1..=first).any(|e| stem_id::is_root(&word[i..e]))
                    || (&word[base_end..first] == "i" && root.bytes().last().is_some_and(is_vowel)))
            {
                base_end = suffix_ends.remove(0);
            }
            if i > 0 && prefixes(&word[..i]) && !nasal_doubt(&word[..i], &root) {
                ends.push(i);
                compound(word, i, base_end, &mut ends);
            } else {
                compound(word, 0, base_end, &mut ends);
            }
            ends.extend(suffix_ends);
            return ends;
        }
        // The base with its first sound changed by me(N)-/pe(N)-: `menutup` (a base of
        // four letters at least: the stemmer's `per` for `pemeran` is no base).
        let tail = root.get(1..).unwrap_or_default();
        let changed = (1..=word.len().saturating_sub(tail.len()))
            .filter(|&i| tail.len() >= 3 && word[i..].starts_with(tail))
            .find_map(|i| suffixes(&word[i + tail.len()..]).map(|s| (i, s)));
        if let Some((i, suffix_ends)) = changed {
            ends.push(i + tail.len());
            ends.extend(suffix_ends.into_iter().map(|e| i + tail.len() + e));
            return ends;
        }
    }
    compound(word, 0, word.len(), &mut ends);
    ends
}

/// Whether a prefix ending in a nasal before a base that begins with a vowel may as
/// well have replaced the base's first consonant: `pengarang` is `karang` (a writer)
/// as much as `arang`, since both are words (likewise `per-` and `ber-` before `r`).
/// Then prefix and base are divided as one base word (`pe-nga-rang`), which is right
/// either way.
fn nasal_doubt(prefix: &str, root: &str) -> bool {
    if !root.starts_with(|c: char| is_vowel(c as u8)) {
        return false;
    }
    let lost = if prefix.ends_with('r') {
        // `perasaan`: `rasa` as much as `asa`.
        "r"
    } else if prefix.ends_with("ng") {
        "k"
    } else if prefix.ends_with("ny") {
        "s"
    } else if prefix.ends_with('m') {
        "p"
    } else if prefix.ends_with('n') {
        "t"
    } else {
        return false;
    };
    stem_id::is_root(&format!("{lost}{root}"))
}

/// The end of a loanword's combining form in `word[start..end]` (if any), then `end`.
fn compound(word: &str, start: usize, end: usize, ends: &mut Vec<usize>) {
    let part = &word[start..end];
    for form in COMBINING {
        if let Some(rest) = part.strip_prefix(form) {
            let r = rest.as_bytes();
            if r.len() >= 3 && !is_vowel(r[0]) && !is_vowel(r[1]) {
                ends.push(start + form.len());
                break;
            }
        }
    }
    ends.push(end);
}

/// Whether `s` is a chain of one to three prefixes.
fn prefixes(s: &str) -> bool {
    fn chain(s: &str, left: usize) -> bool {
        s.is_empty()
            || (left > 0
                && PREFIXES
                    .iter()
                    .any(|p| s.strip_prefix(p).is_some_and(|rest| chain(rest, left - 1))))
    }
    !s.is_empty() && chain(s, 3)
}

/// The ends of the suffixes `s` is made of (in order), or `None` if it is not a
/// chain of suffixes.
fn suffixes(s: &str) -> Option<Vec<usize>> {
    let mut ends = Vec::new();
    let mut at = 0;
    for group in [DERIVATIONAL, POSSESSIVE, PARTICLES] {
        if let Some(p) = group.iter().find(|p| s[at..].starts_with(*p)) {
            at += p.len();
            ends.push(at);
        }
    }
    (at == s.len()).then_some(ends)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The sound units of a base word: the start of each, and whether it is a vowel.
/// `kh`, `ng`, `ny` and `sy` are one unit.
fn units(s: &[u8]) -> Vec<(usize, bool)> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let vowel = is_vowel(s[i]);
        let digraph = !vowel
            && matches!(
                (s[i], s.get(i + 1)),
                (b'k', Some(b'h')) | (b'n', Some(b'g' | b'y')) | (b's', Some(b'y'))
            );
        out.push((i, vowel));
        i += if digraph { 2 } else { 1 };
    }
    out
}

/// The syllable breaks of one base word `s`, at `offset` in the word, into `out`.
fn base_breaks(s: &[u8], offset: usize, out: &mut Vec<usize>) {
    let units = units(s);
    let vowels: Vec<usize> = (0..units.len()).filter(|&u| units[u].1).collect();
    let mut in_diphthong = false;
    for pair in vowels.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let at = match b - a - 1 {
            0 => {
                let diphthong = !in_diphthong
                    && matches!(
                        (s[units[a].0], s[units[b].0]),
                        (b'a', b'i') | (b'a', b'u') | (b'e', b'i') | (b'o', b'i')
                    )
                    && (b + 1 == units.len()
                        || (!units[b + 1].1 && units.get(b + 2).is_some_and(|u| u.1)));
                in_diphthong = diphthong;
                if diphthong {
                    continue;
                }
                units[b].0
            }
            1 => {
                in_diphthong = false;
                units[a + 1].0
            }
            _ => {
                in_diphthong = false;
                units[a + 2].0
            }
        };
        out.push(offset + at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn divided(word: &str) -> String {
        syllables(word).join("-")
    }

    /// The examples of the rules (PUEBI I.H, EYD V), each as the rules divide it.
    #[test]
    fn the_examples_of_the_rules() {
        for want in [
            // Vowels side by side; the diphthongs stay whole.
            "bu-ah",
            "ma-in",
            "ni-at",
            "sa-at",
            "pan-dai",
            "au-la",
            "sau-da-ra",
            "sur-vei",
            "am-boi", // One consonant (or a digraph) between vowels.
            "ba-pak",
            "la-wan",
            "de-ngan",
            "ke-nyang",
            "mu-ta-khir",
            "mu-sya-wa-rah",
            // Two consonants.
            "ap-ril",
            "cap-lok",
            "makh-luk",
            "man-di",
            "sang-gup",
            "som-bong",
            "swas-ta",
            // Three or more.
            "ul-tra",
            "in-fra",
            "ben-trok",
            "in-stru-men", // Digraphs kept whole.
            "bang-krut",
            "bang-sa",
            "ba-nyak",
            "ikh-las",
            "kong-res",
            "masy-hur",
            // Derived words: between the base and its affixes.
            "ber-ja-lan",
            "me-ra-sa-kan",
            "per-bu-at-an",
            "ke-ku-at-an",
            // ... unless the base changed: divided as a base word.
            "me-nu-tup",
            "me-ma-kai",
            "me-nya-pu",
            "me-nge-cat",
            "pe-mi-kir",
            "pe-no-long",
            "pe-nga-rang",
            "pe-nge-bom",
            "pe-nye-but",
            "pe-nye-tor", // Infixes.
            "ge-lem-bung",
            "ge-mu-ruh",
            "ge-ri-gi",
            "si-nam-bung",
            "te-lun-juk",
            // Loanwords of two elements.
            "bi-o-gra-fi",
            "fo-to-gra-fi",
            "fo-to-ko-pi",
            "in-tro-spek-si",
            "ki-lo-gram",
            "pas-ca-sar-ja-na", // The brief's.
            "ber-ma-in",
            "ma-kan-an",
            "ang-ka",
            "nyo-nya",
            "akh-lak",
        ] {
            let word = want.replace('-', "");
            assert_eq!(divided(&word), want, "{word}");
        }
    }

    #[test]
    fn soft_hyphens_only_in_known_words_and_never_in_addresses() {
        let shy = |s: &str| soft_hyphens(s).replace(SHY, "|");
        assert_eq!(shy("Kelompok bermain"), "Kelom|pok bermain");
        assert_eq!(shy("makanan mengajar"), "makanan meng|a|jar");
        // `kalam` and `alam` are both words: divided as one base word.
        assert_eq!(shy("pengalaman"), "penga|laman");
        // Names, English words, capitals inside, digits, addresses.
        assert_eq!(shy("Yogyakarta workshop"), "Yogyakarta workshop");
        assert_eq!(shy("KELOMPOK keLompok"), "KELOMPOK keLompok");
        assert_eq!(shy("kelompok2 3kelompok"), "kelompok2 3kelompok");
        assert_eq!(
            shy("https://contoh.org/kelompok kelompok@contoh.org pekerjaan.html"),
            "https://contoh.org/kelompok kelompok@contoh.org pekerjaan.html"
        );
        // Words under 8 letters, and no fewer than 3 letters at either side.
        assert_eq!(shy("buah ini kakak"), "buah ini kakak");
        assert_eq!(shy("dimulai kelompoknya"), "dimulai kelom|pok|nya");
        // Spaces and punctuation are kept as they are.
        assert_eq!(shy(" (kelompok-kelompok),\n"), " (kelom|pok-kelom|pok),\n");
        assert_eq!(shy("café kelompok"), "café kelom|pok");
    }

    /// 400 words of the bundled handbook, divided by hand.
    #[test]
    fn the_handbook_words_checked_by_hand() {
        let list = include_str!("../../tests/fixtures/hyphenation/id-words.tsv");
        let mut wrong = Vec::new();
        let mut n = 0;
        for line in list
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (word, want) = line.split_once('\t').expect("word<TAB>syl-la-bles");
            assert_eq!(want.replace('-', ""), word, "{line}");
            n += 1;
            let got = divided(word);
            if got != want {
                wrong.push(format!("{word}: {got}, not {want}"));
            }
        }
        assert!(n >= 300, "{n} words");
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn odd_words_are_one_piece() {
        for w in ["", "a", "Kelompok", "x2", "é"] {
            assert_eq!(syllables(w), vec![w]);
        }
        // No vowel at all.
        assert_eq!(syllables("pst"), vec!["pst"]);
    }
}
