//! Word splitting: text into lowercase words, one byte table for the common case.
//! The browser's `search.js` splits queries the same way.

/// Splits text into lowercase words: letters and digits, with inner hyphens kept
/// (`kelompok-kelompok`); other characters separate words.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of `text` as [`tokenize`] splits it, without allocating a
/// string per word: a word of lowercase ASCII letters, digits and inner hyphens (most
/// of them) is handed on as a slice of `text`.
pub(super) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => {}
                Some(c) => {
                    i += c.len_utf8();
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        let start = i;
        let mut end = i;
        loop {
            end += bytes.get(end..).map_or(0, |rest| {
                rest.iter().take_while(|&&b| SIMPLE[usize::from(b)]).count()
            });
            let simple_next = bytes.get(end + 1).is_some_and(|&b| SIMPLE[usize::from(b)]);
            if end > start && bytes.get(end) == Some(&b'-') && simple_next {
                end += 1;
            } else {
                break;
            }
        }
        let ends_here = match bytes.get(end) {
            None => true,
            Some(&b'-') => !starts_word(text, end + 1),
            Some(&b) => b.is_ascii() && !b.is_ascii_alphanumeric(),
        };
        if end > start && ends_here {
            f(&text[start..end]);
            i = end;
        } else {
            i = general_word(text, start, &mut word);
            f(&word);
            word.clear();
        }
    }
}

/// Bytes that make up simple words: lowercase ASCII letters and digits.
pub(super) const SIMPLE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_lowercase() || (b as u8).is_ascii_digit();
        b += 1;
    }
    table
};

/// Whether an alphanumeric character starts at byte `at` of `text`.
pub(super) fn starts_word(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Reads the word that starts at byte `start` (an alphanumeric character) into `word`,
/// lowercased; returns where it ends.
pub(super) fn general_word(text: &str, start: usize, word: &mut String) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        let (len, alphanumeric) = if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                word.push(char::from(b.to_ascii_lowercase()));
            }
            (1, b.is_ascii_alphanumeric())
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if c.is_alphanumeric() => {
                    word.extend(c.to_lowercase());
                    (c.len_utf8(), true)
                }
                Some(c) => (c.len_utf8(), false),
                None => (1, false),
            }
        };
        if !alphanumeric {
            if b == b'-' && !word.is_empty() && starts_word(text, i + 1) {
                word.push('-');
            } else {
                return i;
            }
        }
        i += len;
    }
    i
}
