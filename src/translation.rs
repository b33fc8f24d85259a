//! Translation records: which version of its source page a translation was made from.
//!
//! A translated page carries, in its front matter,
//!
//! ```yaml
//! translation:
//!   from: id
//!   source: 9f1c2a7b0d3e4f56
//!   blocks: 1a2b 3c4d 5e6f
//! ```
//!
//! `source` is a fingerprint of the source page's title and text; `blocks` holds a short
//! fingerprint per heading, paragraph, table row and list item, so that without history Panduan can still tell
//! which parts of the source changed. Authors never write these by hand:
//! `panduan new --translate-from` and `panduan translated` do. Pure: no I/O.

/// The fingerprint of a page's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// 16 hex digits over the whole content.
    pub source: String,
    /// One fingerprint per part (the title, each heading and paragraph, each table row
    /// and each list item): a shape letter and 4 hex digits.
    pub blocks: Vec<String>,
    /// The parts' text, for showing what changed.
    pub texts: Vec<String>,
    /// For each part, the fingerprint of the whole block it is in (records made
    /// before blocks were cut into parts hold these).
    pub runs: Vec<String>,
}

/// FNV-1a, 64 bits: stable across platforms and versions, and enough to notice a change.
fn fnv1a(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Blocks of a Markdown body: runs of non-blank lines, whitespace collapsed, so that
/// re-wrapping a paragraph or changing line endings is not a change. These make the
/// page's `source` fingerprint, which must stay the same across versions of Panduan
/// (a record made by an older version is still current).
pub fn blocks(title: &str, body: &str) -> Vec<String> {
    parts(title, body).into_iter().map(|(run, _)| run).collect()
}

/// The blocks of [`blocks`], each with its parts: a table is cut into its rows (the
/// header keeps its separator line), a list into its items (with their continuation
/// lines); any other block is one part. The parts are what a record's `blocks` hold,
/// so that a changed row or item is told alone.
fn parts(title: &str, body: &str) -> Vec<(String, Vec<String>)> {
    let heading = |t: String| (t.clone(), vec![t]);
    let mut out = vec![heading(format!("# {}", title.trim()))];
    let mut run = String::new();
    let mut pieces: Vec<String> = Vec::new();
    let flush =
        |run: &mut String, pieces: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>| {
            if !run.is_empty() {
                out.push((std::mem::take(run), std::mem::take(pieces)));
            }
        };
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            flush(&mut run, &mut pieces, &mut out);
            if !trimmed.is_empty() {
                out.push(heading(collapse(trimmed)));
            }
            continue;
        }
        let words = collapse(trimmed);
        if !run.is_empty() {
            run.push(' ');
        }
        run.push_str(&words);
        let starts_part = !line.starts_with([' ', '\t']) && (is_row(trimmed) || is_item(trimmed));
        match pieces.last_mut() {
            Some(last) if !starts_part || is_separator(trimmed) => {
                last.push(' ');
                last.push_str(&words);
            }
            _ => pieces.push(words),
        }
    }
    flush(&mut run, &mut pieces, &mut out);
    out
}

fn collapse(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table row: a line that starts with `|`.
fn is_row(line: &str) -> bool {
    line.starts_with('|')
}

/// A table's separator line (`|---|:--:|`): it belongs to the header row.
fn is_separator(line: &str) -> bool {
    is_row(line)
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The first line of a list item: `- `, `* `, `+ ` or a number and `.`/`)`.
fn is_item(line: &str) -> bool {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

fn short(text: &str) -> String {
    format!("{:04x}", fnv1a(text) >> 48)
}

/// A part's fingerprint: its shape (`h` heading or title, `r` table row, `i` list item,
/// `p` anything else), then [`short`] of its text. Records made before parts had
/// shapes hold the 4 hex digits alone.
fn part_print(text: &str) -> String {
    let shape = if text.starts_with('#') {
        'h'
    } else if is_row(text) {
        'r'
    } else if is_item(text) {
        'i'
    } else {
        'p'
    };
    format!("{shape}{}", short(text))
}

/// The hex digits of a fingerprint, with or without its shape.
fn digits(fp: &str) -> &str {
    fp.get(fp.len().saturating_sub(4)..).unwrap_or(fp)
}

/// The shape letter of a fingerprint (`None` in records made before shapes).
fn shape(fp: &str) -> Option<char> {
    (fp.len() == 5).then(|| fp.chars().next()).flatten()
}

/// Fingerprints the content of a source page.
pub fn fingerprint(title: &str, body: &str) -> Fingerprint {
    let all = parts(title, body);
    let runs: Vec<&str> = all.iter().map(|(run, _)| run.as_str()).collect();
    let source = format!("{:016x}", fnv1a(&runs.join("\n\n")));
    let mut fp = Fingerprint {
        source,
        blocks: Vec::new(),
        texts: Vec::new(),
        runs: Vec::new(),
    };
    for (run, pieces) in all {
        let whole = short(&run);
        for piece in pieces {
            fp.blocks.push(part_print(&piece));
            fp.texts.push(piece);
            fp.runs.push(whole.clone());
        }
    }
    fp
}

/// What changed in a source since a record's block fingerprints: the current parts that
/// are new or changed, and how many recorded parts are gone. The two lists are lined up
/// in order (a longest common subsequence); between two parts they share, a new part
/// takes the place of a gone one of the same shape (a row for a row: changed, not one
/// new and one removed), and the gone parts left over are removed. A record made before
/// blocks were cut into rows and items holds whole blocks: the parts of a block whose
/// whole fingerprint the record holds count as that one block.
pub fn changed_blocks<'a>(recorded: &[String], now: &'a Fingerprint) -> (Vec<&'a str>, usize) {
    let recorded: Vec<&str> = recorded.iter().map(String::as_str).collect();
    let held = |fp: &str| recorded.iter().any(|r| digits(r) == digits(fp));
    // The units compared: a part, or the parts of a whole recorded block.
    let mut units: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, (part, run)) in now.blocks.iter().zip(&now.runs).enumerate() {
        let whole = digits(run) != digits(part) && !held(part) && held(run);
        match units.last_mut() {
            Some((fp, parts)) if whole && *fp == run.as_str() => parts.push(i),
            _ => units.push((if whole { run } else { part }, vec![i])),
        }
    }
    let same = |a: &str, b: &str| digits(a) == digits(b);
    // What both start and end with is unchanged: only the middle is lined up.
    let head = units
        .iter()
        .zip(&recorded)
        .take_while(|(u, r)| same(u.0, r))
        .count();
    let tail = units[head..]
        .iter()
        .rev()
        .zip(recorded[head..].iter().rev())
        .take_while(|(u, r)| same(u.0, r))
        .count();
    let units = &units[head..units.len() - tail];
    let recorded = &recorded[head..recorded.len() - tail];
    let (n, m) = (units.len(), recorded.len());
    // A very long middle (a table of thousands of rows rewritten) is compared as sets,
    // so that memory stays bounded: `MAX_CELLS` cells at most.
    if n.saturating_mul(m) > MAX_CELLS {
        let changed = units
            .iter()
            .filter(|u| !recorded.iter().any(|r| same(u.0, r)))
            .flat_map(|u| u.1.iter().map(|&k| now.texts[k].as_str()))
            .collect();
        let removed = recorded
            .iter()
            .filter(|r| !units.iter().any(|u| same(u.0, r)))
            .count()
            .saturating_sub(
                units
                    .iter()
                    .filter(|u| !recorded.iter().any(|r| same(u.0, r)))
                    .count(),
            );
        return (changed, removed);
    }
    // lcs[i][j]: the longest common run of units[i..] and recorded[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if same(units[i].0, recorded[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut changed, mut removed) = (Vec::new(), 0);
    // The shapes of the parts new and gone since the last shared part.
    let (mut new, mut gone): (Vec<Option<char>>, Vec<Option<char>>) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && same(units[i].0, recorded[j]) {
            removed += left_over(&mut new, &mut gone);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            gone.push(shape(recorded[j]));
            j += 1;
        } else {
            changed.extend(units[i].1.iter().map(|&k| now.texts[k].as_str()));
            new.push(shape(units[i].0));
            i += 1;
        }
    }
    removed += left_over(&mut new, &mut gone);
    (changed, removed)
}

/// The most cells the alignment of [`changed_blocks`] may use (16 MB).
const MAX_CELLS: usize = 4_000_000;

/// The gone parts of a gap that no new part took the place of: each new part takes a
/// gone one of its shape, else one of unknown shape (an older record). Empties both.
fn left_over(new: &mut Vec<Option<char>>, gone: &mut Vec<Option<char>>) -> usize {
    for shape in new.drain(..) {
        if let Some(at) = gone
            .iter()
            .position(|g| g.is_some() && *g == shape)
            .or_else(|| gone.iter().position(Option::is_none))
        {
            gone.swap_remove(at);
        }
    }
    let left = gone.len();
    gone.clear();
    left
}

/// A short excerpt of a block for messages.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if text.chars().count() > max_chars {
        out.push('…');
    }
    out
}

/// The YAML lines of a record, in block style.
pub fn record_yaml(from: &str, fp: &Fingerprint) -> String {
    format!(
        "translation:\n  from: {from}\n  source: \"{}\"\n  blocks: \"{}\"\n",
        fp.source,
        fp.blocks.join(" ")
    )
}

/// Replaces the `translation:` record in a page's text with a new one, touching no other
/// line. Returns `None` if the page has no front matter or no record.
pub fn replace_record(text: &str, new_record: &str) -> Option<String> {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let first = lines.first()?.trim_start_matches('\u{feff}').trim_end();
    if first != "---" {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---" || l.trim_end() == "...")?
        + 1;
    let start = (1..end).find(|&i| lines[i].starts_with("translation:"))?;
    // The record continues over the following indented lines (block style).
    let mut stop = start + 1;
    while stop < end && (lines[stop].starts_with(' ') || lines[stop].starts_with('\t')) {
        stop += 1;
    }
    let eol = if lines[start].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let replacement = if eol == "\r\n" {
        new_record.replace('\n', "\r\n")
    } else {
        new_record.to_string()
    };
    lines.splice(start..stop, std::iter::once(replacement.as_str()));
    Some(lines.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrapping_is_not_a_change_but_new_words_are() {
        let a = fingerprint("Judul", "Satu dua\ntiga.\n\n## Bagian\n\nEmpat.\n");
        let b = fingerprint(
            "Judul",
            "Satu dua tiga.\r\n\r\n##   Bagian\r\n\r\nEmpat.\r\n",
        );
        assert_eq!(a, b);
        let c = fingerprint("Judul", "Satu dua tiga.\n\n## Bagian\n\nEmpat lima.\n");
        assert_ne!(a.source, c.source);
        let (changed, removed) = changed_blocks(&a.blocks, &c);
        assert_eq!(changed, ["Empat lima."]);
        assert_eq!(removed, 0, "changed, not removed");
    }

    /// Issue #26 point 5: one changed row of a table, one added list item and one
    /// removed paragraph are told as exactly that (not the whole table and list as
    /// changed, and three parts removed).
    #[test]
    fn outdated_shows_the_changed_row_and_item_alone() {
        let before = "| Kolom | Nilai |\n|---|---|\n| a | 1 |\n| b | 2 |\n\n- satu\n- dua\n  lanjut\n\n~~lama~~\n";
        let after = "| Kolom | Nilai |\n|---|---|\n| a | 1 |\n| b | 22 |\n\n- satu\n- dua\n  lanjut\n- tiga\n";
        let a = fingerprint("Judul", before);
        let b = fingerprint("Judul", after);
        let (changed, removed) = changed_blocks(&a.blocks, &b);
        assert_eq!(changed, ["| b | 22 |", "- tiga"]);
        assert_eq!(removed, 1, "the paragraph (the row was changed)");
        assert!(a.blocks.iter().all(|b| b.len() == 5), "{:?}", a.blocks);
        assert_eq!(
            a.texts,
            [
                "# Judul",
                "| Kolom | Nilai | |---|---|",
                "| a | 1 |",
                "| b | 2 |",
                "- satu",
                "- dua lanjut",
                "~~lama~~"
            ]
        );
    }

    /// A record made when blocks were whole (before rows and items) still tells only
    /// the blocks that changed, and the page's `source` is the same as then.
    #[test]
    fn a_record_of_whole_blocks_still_reads() {
        let before = "Teks.\n\n| a | 1 |\n| b | 2 |\n";
        let old_blocks: Vec<String> = blocks("Judul", before).iter().map(|t| short(t)).collect();
        assert!(changed_blocks(&old_blocks, &fingerprint("Judul", before)) == (vec![], 0));
        let old_source = format!("{:016x}", fnv1a(&blocks("Judul", before).join("\n\n")));
        assert_eq!(fingerprint("Judul", before).source, old_source);
        let now = fingerprint("Judul", "Teks baru.\n\n| a | 1 |\n| b | 2 |\n");
        let (changed, removed) = changed_blocks(&old_blocks, &now);
        assert_eq!(changed, ["Teks baru."]);
        assert_eq!(removed, 0, "the paragraph was changed");
        let shorter = fingerprint("Judul", "| a | 1 |\n| b | 2 |\n");
        assert_eq!(changed_blocks(&old_blocks, &shorter), (vec![], 1));
    }

    #[test]
    fn replace_record_touches_only_the_record() {
        let text = "---\ntitle: Page\ntranslation:\n  from: id\n  source: \"old\"\n  blocks: \"aaaa\"\norder: 2\n---\n\nBody.\n";
        let fp = fingerprint("Halaman", "Isi.");
        let out = replace_record(text, &record_yaml("id", &fp)).expect("has a record");
        assert!(
            out.starts_with("---\ntitle: Page\ntranslation:\n  from: id\n  source: \""),
            "{out}"
        );
        assert!(
            out.contains(&fp.source) && out.ends_with("order: 2\n---\n\nBody.\n"),
            "{out}"
        );
        let flow = "---\ntitle: P\ntranslation: { from: id, source: x }\n---\nB\n";
        let out = replace_record(flow, &record_yaml("id", &fp)).expect("flow record");
        assert!(
            out.contains("translation:\n  from: id\n") && out.ends_with("---\nB\n"),
            "{out}"
        );
        assert_eq!(replace_record("no front matter", "x"), None);
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let text =
            "---\r\ntitle: P\r\ntranslation:\r\n  from: id\r\n  source: \"a\"\r\n---\r\nB\r\n";
        let out =
            replace_record(text, "translation:\n  from: id\n  source: \"b\"\n").expect("record");
        assert_eq!(
            out,
            "---\r\ntitle: P\r\ntranslation:\r\n  from: id\r\n  source: \"b\"\r\n---\r\nB\r\n"
        );
    }
}
