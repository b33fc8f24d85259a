//! The Indonesian stemmer against the reference implementation of its algorithm:
//! PySastrawi (pinned in `tests/search/oracle/requirements.txt`), run by
//! `tests/search/oracle/sastrawi_oracle.py` over our own root-word list.
//!
//! Three word sets: every root of the dictionary; affixed forms made from the roots
//! (prefixes, suffixes, particles, possessives, confixes, reduplication, hyphenated
//! enclitics, proclitics, infixes, borrowed suffixes); every word of the handbook. On
//! each set the two stemmers must agree on at least [`MINIMUM`] of the words. A word
//! of the deviation table (`src/search/stem_id/deviations.tsv`) agrees only when both
//! stemmers give exactly what the table says, and every row of it must hold.
//!
//! The first run makes a virtual environment under `target/` (`python3 -m venv`, then
//! pip); the reference's answers are kept there too, keyed by the words and the
//! dictionary, so later runs only run the Rust side. `--nocapture` shows the figures.
//!
//! Its Python environment is its own (not in `support::tools`): it needs nothing from
//! Debian but `python3` with `venv`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use panduan::search::stem_id;

/// The least share of words on which the two stemmers must agree, per set.
const MINIMUM: f64 = 0.995;

/// The pinned reference (as in `requirements.txt`).
const PYSASTRAWI: &str = "1.2.1";

fn requirements() -> Vec<u8> {
    std::fs::read(oracle_dir().join("requirements.txt")).expect("read requirements.txt")
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn oracle_dir() -> PathBuf {
    repo().join("tests/search/oracle")
}

/// The root words as the stemmer reads them.
fn roots() -> Vec<&'static str> {
    stem_id::ROOTS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The Python of a virtual environment holding the pinned PySastrawi, made once. It is
/// built in a folder of its own and renamed into place when complete, so tests and
/// runs in parallel never see half of one.
fn oracle_python() -> PathBuf {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stemmer-oracle");
    let venv = base.join(format!(
        "pysastrawi-{PYSASTRAWI}-{:016x}",
        fnv(&[&requirements()])
    ));
    let python = venv.join("bin/python");
    if python.exists() {
        return python;
    }
    let help = format!(
        "the stemmer oracle needs python3 with venv and pip (Debian: `apt-get install python3-venv python3-pip`) and PySastrawi {PYSASTRAWI} from PyPI"
    );
    std::fs::create_dir_all(&base).unwrap_or_else(|e| panic!("{help}: {e}"));
    let building = base.join(format!("building-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&building);
    let run = |cmd: &mut Command, what: &str| match cmd.output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            let _ = std::fs::remove_dir_all(&building);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
            panic!("{help} ({what} failed: {})", last.unwrap_or("no message"));
        }
        Err(e) => panic!("{help} ({what}: {e})"),
    };
    run(
        Command::new("python3").args(["-m", "venv"]).arg(&building),
        "python3 -m venv",
    );
    run(
        Command::new(building.join("bin/python"))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(["--only-binary", ":all:", "--require-hashes", "-r"])
            .arg(oracle_dir().join("requirements.txt")),
        "pip install PySastrawi",
    );
    // Whoever renames first wins; the others drop their copy.
    if std::fs::rename(&building, &venv).is_err() {
        let _ = std::fs::remove_dir_all(&building);
    }
    assert!(python.exists(), "{help} (no {})", python.display());
    python
}

/// FNV-1a, for naming cached answers (stable across Rust versions, unlike `Hash`).
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.iter().chain(b"\x00") {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The reference's root for each word, in order.
fn reference(words: &[String]) -> Vec<String> {
    let input: String = words.iter().map(|w| format!("{w}\n")).collect();
    let script = oracle_dir().join("sastrawi_oracle.py");
    let dict = repo().join("src/search/data/id-roots.txt");
    let script_text = std::fs::read(&script).expect("read the oracle script");
    let key = fnv(&[
        input.as_bytes(),
        stem_id::ROOTS.as_bytes(),
        &script_text,
        &requirements(),
    ]);
    let python = oracle_python();
    let cache = python
        .parent()
        .and_then(Path::parent)
        .map(|venv| venv.join(format!("answers-{key:016x}.tsv")));
    let output = match cache.as_ref().map(std::fs::read_to_string) {
        Some(Ok(text)) => text,
        _ => {
            let mut child = Command::new(&python)
                .arg(&script)
                .arg("--dict")
                .arg(&dict)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("run the oracle");
            let mut stdin = child.stdin.take().expect("oracle stdin");
            let feed = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
            let out = child.wait_with_output().expect("oracle output");
            feed.join().expect("feed thread").expect("write words");
            assert!(
                out.status.success(),
                "the oracle failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).expect("UTF-8 from the oracle");
            if let Some(path) = &cache {
                let tmp = path.with_extension(format!("tmp{}", std::process::id()));
                if std::fs::write(&tmp, &text).is_ok() {
                    let _ = std::fs::rename(&tmp, path);
                }
            }
            text
        }
    };
    let answers: BTreeMap<&str, &str> = output.lines().filter_map(|l| l.split_once('\t')).collect();
    words
        .iter()
        .map(|w| {
            answers
                .get(w.as_str())
                .unwrap_or_else(|| panic!("the oracle gave no root for {w}"))
                .to_string()
        })
        .collect()
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `me` or `pe` with the nasal a root takes: `mengajar`, `memakai`, `membaca`,
/// `menulis`, `menyapu`, `mengenal`, `melihat`, `mengebom`.
fn nasal(me: &str, root: &str) -> String {
    let b = root.as_bytes();
    let first = b.first().copied().unwrap_or(b'a');
    let then_vowel = b.get(1).copied().is_some_and(is_vowel);
    if b.iter().filter(|&&c| is_vowel(c)).count() == 1 {
        return format!("{me}nge{root}");
    }
    let rest = root.get(1..).unwrap_or("");
    match first {
        c if is_vowel(c) => format!("{me}ng{root}"),
        b'b' | b'f' | b'v' => format!("{me}m{root}"),
        b'p' if then_vowel => format!("{me}m{rest}"),
        b'p' => format!("{me}m{root}"),
        b'c' | b'd' | b'j' | b'z' => format!("{me}n{root}"),
        b't' if then_vowel => format!("{me}n{rest}"),
        b't' => format!("{me}n{root}"),
        b's' if then_vowel => format!("{me}ny{rest}"),
        b's' => format!("{me}n{root}"),
        b'k' if then_vowel => format!("{me}ng{rest}"),
        b'k' | b'g' | b'h' | b'q' | b'x' => format!("{me}ng{root}"),
        _ => format!("{me}{root}"),
    }
}

/// `ber-`, `ter-`, `per-`: `r` drops before a root with `r` (`berambut`), and `ber-`
/// becomes `be-` before a first syllable in `-er` (`bekerja`).
fn r_prefix(p: &str, root: &str) -> String {
    let b = root.as_bytes();
    let short = &p[..2];
    if b.first() == Some(&b'r') || (p == "ber" && b.get(1..3) == Some(b"er")) {
        format!("{short}{root}")
    } else {
        format!("{p}{root}")
    }
}

/// The affixed forms of one root that `pattern` (a number) stands for.
fn forms(pattern: usize, root: &str) -> Vec<String> {
    let me = nasal("me", root);
    let pe = nasal("pe", root);
    let halves = me.strip_prefix("me").unwrap_or(&me).to_string();
    let infixed = |i: &str| {
        let (a, b) = root.split_at(1);
        format!("{a}{i}{b}")
    };
    let w = match pattern {
        0 => format!("di{root}"),
        1 => format!("ke{root}"),
        2 => format!("se{root}"),
        3 => r_prefix("ber", root),
        4 => r_prefix("ter", root),
        5 => r_prefix("per", root),
        6 => me,
        7 => pe,
        8 => format!("{root}kan"),
        9 => format!("{root}an"),
        10 => format!("{root}i"),
        11 => format!("{root}lah"),
        12 => format!("{root}kah"),
        13 => format!("{root}tah"),
        14 => format!("{root}pun"),
        15 => format!("{root}ku"),
        16 => format!("{root}mu"),
        17 => format!("{root}nya"),
        18 => format!("ke{root}an"),
        19 => format!("{}an", r_prefix("per", root)),
        20 => format!("{pe}an"),
        21 => format!("{}an", r_prefix("ber", root)),
        22 => format!("{me}kan"),
        23 => format!("{me}i"),
        24 => format!("di{root}kan"),
        25 => format!("di{root}i"),
        26 => format!("{}kan", r_prefix("ter", root)),
        27 => format!("mem{}kan", r_prefix("per", root)),
        28 => format!("{pe}annya"),
        29 => format!("ke{root}annya"),
        30 => format!("{}lah", r_prefix("ber", root)),
        31 => format!("{me}kannya"),
        32 => format!("se{root}nya"),
        33 => format!("{root}-{root}"),
        34 => format!("{me}-{halves}"),
        35 => format!("{}-{root}an", r_prefix("ber", root)),
        36 => format!("{root}-{root}nya"),
        37 => format!("{root}-nya"),
        38 => format!("{root}-mu"),
        39 => format!("{root}-ku"),
        40 => format!("{root}-lah"),
        41 => format!("ku{root}"),
        42 => format!("kau{root}"),
        43 => format!("{root}isme"),
        44 => format!("{root}isasi"),
        45 => format!("{root}is"),
        46 => infixed("el"),
        47 => infixed("em"),
        48 => infixed("er"),
        49 => infixed("in"),
        50 => format!("di{}", r_prefix("per", root)),
        _ => return Vec::new(),
    };
    vec![w]
}

/// Patterns in [`forms`], and how many roots each is applied to: every `STEP`th root,
/// starting at a different one for each pattern.
const PATTERNS: usize = 51;
const STEP: usize = 20;

/// The generated vocabulary: the roots, and affixed forms made from them, each with the
/// roots it was made from.
fn vocabulary() -> (Vec<String>, BTreeMap<String, BTreeSet<String>>) {
    let roots = roots();
    let all: Vec<String> = roots.iter().map(|r| r.to_string()).collect();
    let plain: Vec<&str> = roots
        .iter()
        .copied()
        .filter(|r| r.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    let mut made: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for pattern in 0..PATTERNS {
        for root in plain.iter().skip(pattern % STEP).step_by(STEP) {
            for form in forms(pattern, root) {
                made.entry(form).or_default().insert(root.to_string());
            }
        }
    }
    for root in &all {
        made.remove(root);
    }
    (all, made)
}

/// Every word of the Indonesian handbook that the stemmer works on (lowercase ASCII
/// letters and hyphens; words with digits or other letters are kept as written).
fn handbook_words() -> Vec<String> {
    let mut out = BTreeSet::new();
    for entry in walkdir::WalkDir::new(repo().join("content/id"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
    {
        let text = std::fs::read_to_string(entry.path()).expect("read a page");
        out.extend(
            panduan::search::tokenize(&text)
                .into_iter()
                .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')),
        );
    }
    out.into_iter().collect()
}

/// A row of the deviation table: what each side gives, and why ours differs.
struct Deviation {
    ours: String,
    reference: String,
}

fn deviations() -> BTreeMap<String, Deviation> {
    let path = repo().join("src/search/stem_id/deviations.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(
            cells.len() == 4 && cells.iter().all(|c| !c.trim().is_empty()),
            "{}:{}: want word<TAB>ours<TAB>reference<TAB>reason",
            path.display(),
            n + 1
        );
        out.insert(
            cells[0].to_string(),
            Deviation {
                ours: cells[1].to_string(),
                reference: cells[2].to_string(),
            },
        );
    }
    out
}

/// Compares the two stemmers on `words`; prints the figure and the first mismatches,
/// and returns the share of words on which they agree. With `sources` (the roots each
/// word was made from), also counts which side gives that root where they differ.
fn agreement(
    name: &str,
    words: &[String],
    table: &BTreeMap<String, Deviation>,
    sources: Option<&BTreeMap<String, BTreeSet<String>>>,
) -> f64 {
    let theirs = reference(words);
    let mut mismatches = Vec::new();
    let (mut ours_right, mut theirs_right) = (0, 0);
    for (word, reference) in words.iter().zip(&theirs) {
        let ours = stem_id::stem(word);
        let agrees = match table.get(word) {
            Some(d) => ours == d.ours && *reference == d.reference,
            None => ours == *reference,
        };
        if !agrees {
            mismatches.push(format!("{word}\tours {ours}\treference {reference}"));
            if let Some(made_from) = sources.and_then(|s| s.get(word)) {
                ours_right += usize::from(made_from.contains(&ours));
                theirs_right += usize::from(made_from.contains(reference));
            }
        }
    }
    let share = 1.0 - mismatches.len() as f64 / words.len().max(1) as f64;
    println!(
        "{name}: {} words, {} differ, agreement {:.2}%",
        words.len(),
        mismatches.len(),
        share * 100.0
    );
    if sources.is_some() && !mismatches.is_empty() {
        println!(
            "  where they differ, the root the form was made from: ours {ours_right}, reference {theirs_right}"
        );
    }
    for m in mismatches.iter().take(20) {
        println!("  {m}");
    }
    share
}

#[test]
fn indonesian_stemmer_agrees_with_pysastrawi() {
    let table = deviations();
    let (roots, forms) = vocabulary();
    let made: Vec<String> = forms.keys().cloned().collect();
    let handbook = handbook_words();
    let listed: Vec<String> = table.keys().cloned().collect();
    let sets = [
        ("dictionary roots", roots, None, MINIMUM),
        ("affixed forms", made, Some(&forms), MINIMUM),
        ("handbook words", handbook, None, MINIMUM),
        ("deviation table", listed, None, 1.0),
    ];
    let mut low = Vec::new();
    for (name, words, sources, minimum) in &sets {
        let share = agreement(name, words, &table, *sources);
        if share < *minimum {
            low.push(format!("{name} {:.2}%", share * 100.0));
        }
    }
    assert!(
        low.is_empty(),
        "the Indonesian stemmer strays from PySastrawi {PYSASTRAWI} (at least {:.1}% wanted; every row of the deviation table exactly): {}",
        MINIMUM * 100.0,
        low.join(", ")
    );
}
