//! `panduan status`: the translation state of every page in every language, as a
//! [`Table`] whose `Display` is exactly what the command prints.
//!
//! Around the pipeline: it reads a finished [`Site`] (config -> load -> model) and
//! neither writes nor prints; the binary prints the table and takes its exit code.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::check::Strictness;
use crate::model::{Site, TranslationState};

/// The state of one page in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Written in this language (no translation record).
    Original,
    /// A translation made from the current source.
    Current,
    Outdated,
    Stub,
    Missing,
    /// A translation made by hand, without a record: whether it is up to date is
    /// unknown (`panduan translated` starts tracking it).
    #[serde(rename = "not tracked")]
    Untracked,
}

impl State {
    /// The word shown in the table.
    pub fn label(self) -> &'static str {
        match self {
            State::Original => "original",
            State::Current => "up to date",
            State::Outdated => "OUTDATED",
            State::Stub => "stub",
            State::Missing => "MISSING",
            State::Untracked => "not tracked",
        }
    }

    /// Whether the translation still needs work: missing, outdated or a stub (a page
    /// that is not tracked may well be finished; `check` hints how to track it).
    pub fn is_unfinished(self) -> bool {
        matches!(self, State::Missing | State::Outdated | State::Stub)
    }
}

/// One line of the table: a page id and its state per language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The page id (`guide/install`; empty for the home page, shown as `/`).
    pub id: String,
    /// One state per language, in the order of `book.toml`.
    pub states: Vec<State>,
}

/// The table of `panduan status`: every page with a file, by id, in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The language codes, in the order of `book.toml`.
    pub languages: Vec<String>,
    /// Sorted by page id.
    pub rows: Vec<Row>,
}

impl Table {
    /// The table of `site`: pages Panduan made up (a missing home page) are left out.
    pub fn new(site: &Site) -> Table {
        let rows = site
            .translations
            .iter()
            .filter(|(_, slots)| {
                slots
                    .iter()
                    .flatten()
                    .any(|&i| site.pages[i].path.is_some())
            })
            .map(|(id, slots)| Row {
                id: id.to_string(),
                states: slots
                    .iter()
                    .map(|slot| match slot {
                        None => State::Missing,
                        Some(i) if crate::check::untracked_source(site, *i).is_some() => {
                            State::Untracked
                        }
                        Some(i) => match &site.pages[*i].translation {
                            None => State::Original,
                            Some(TranslationState::Current { .. }) => State::Current,
                            Some(TranslationState::Outdated { .. }) => State::Outdated,
                            Some(TranslationState::Stub { .. }) => State::Stub,
                        },
                    })
                    .collect(),
            })
            .collect();
        Table {
            languages: site
                .config
                .languages
                .iter()
                .map(|l| l.code.to_string())
                .collect(),
            rows,
        }
    }

    /// Per language, in the order of [`Table::languages`]: how many pages are in each
    /// state, by label (so in the label's sort order).
    pub fn totals(&self) -> Vec<BTreeMap<&'static str, usize>> {
        let mut totals = vec![BTreeMap::new(); self.languages.len()];
        for row in &self.rows {
            for (total, state) in totals.iter_mut().zip(&row.states) {
                *total.entry(state.label()).or_default() += 1;
            }
        }
        totals
    }

    /// Whether any translation is missing, outdated or a stub.
    pub fn is_unfinished(&self) -> bool {
        self.rows
            .iter()
            .any(|row| row.states.iter().any(|s| s.is_unfinished()))
    }

    /// The process exit code: 1 when `--strict` and a translation is unfinished, else 0.
    pub fn exit_code(&self, strictness: Strictness) -> u8 {
        match strictness {
            Strictness::Strict if self.is_unfinished() => 1,
            _ => 0,
        }
    }
}

/// Column width of the state cells: the longest label, `not tracked` (columns are two
/// spaces apart).
const CELL: usize = 11;

/// A state's label in the language of the messages (`status` prints these; JSON and
/// the sort order keep [`State::label`]).
fn shown_label(label: &str) -> String {
    match label {
        "original" => crate::t!("status-original"),
        "up to date" => crate::t!("status-current"),
        "OUTDATED" => crate::t!("status-outdated"),
        "stub" => crate::t!("status-stub"),
        "MISSING" => crate::t!("status-missing"),
        "not tracked" => crate::t!("status-untracked"),
        other => other.to_string(),
    }
}

impl fmt::Display for Table {
    /// The header line, a line per page, a blank line, then one line of totals per
    /// language; every line ends with a newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .rows
            .iter()
            .map(|row| row.id.len())
            .max()
            .unwrap_or(4)
            .max(4);
        write!(f, "{:width$}", crate::t!("status-page"))?;
        for code in &self.languages {
            write!(f, "  {code:<CELL$}")?;
        }
        writeln!(f)?;
        for row in &self.rows {
            let shown = if row.id.is_empty() { "/" } else { &row.id };
            write!(f, "{shown:width$}")?;
            for state in &row.states {
                write!(f, "  {:<CELL$}", shown_label(state.label()))?;
            }
            writeln!(f)?;
        }
        writeln!(f)?;
        for (code, total) in self.languages.iter().zip(self.totals()) {
            let parts: Vec<String> = total
                .iter()
                .map(|(k, v)| format!("{v} {}", shown_label(k)))
                .collect();
            writeln!(f, "{code}: {}", parts.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;
    use crate::BuildOptions;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().expect("a file below the root")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    fn table_of(options: &BuildOptions) -> Table {
        let (site, _) = crate::load_site(options).expect("the handbook loads");
        Table::new(&site)
    }

    /// A handbook with every state: `only-id` has no English page, `stub` is a fresh
    /// `new --translate-from`, `done` a finished translation, `changed` one whose
    /// source changed since.
    #[test]
    fn table_shows_every_state_with_totals_and_fails_only_when_strict() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        write(
            root,
            "book.toml",
            "[languages.id]\nname = \"Bahasa Indonesia\"\ntitle = \"Uji\"\n\n\
             [languages.en]\nname = \"English\"\ntitle = \"Test\"\n",
        );
        write(
            root,
            "content/id/_index.md",
            "---\ntitle: Beranda\n---\n\nTeks.\n",
        );
        write(
            root,
            "content/en/_index.md",
            "---\ntitle: Home\n---\n\nText.\n",
        );
        write(
            root,
            "content/id/only-id.md",
            "---\ntitle: Hanya\n---\n\nTeks.\n",
        );
        for page in ["stub", "done", "changed"] {
            write(
                root,
                &format!("content/id/{page}.md"),
                &format!("---\ntitle: Sumber {page}\n---\n\nTeks {page}.\n"),
            );
        }
        let options = BuildOptions {
            root: root.to_path_buf(),
            ..Default::default()
        };
        for page in ["stub", "done", "changed"] {
            let path = root.join(format!("content/en/{page}.md"));
            crate::new::new_page(&options, &path, Some("id")).expect("a stub");
            if page != "stub" {
                let text = fs::read_to_string(&path).expect("read");
                let end = text
                    .rfind(crate::model::STUB_MARKER)
                    .expect("the guide block");
                fs::write(&path, &text[..end]).expect("write");
                crate::new::mark_translated(&options, &path, None).expect("marked");
            }
        }
        write(
            root,
            "content/id/changed.md",
            "---\ntitle: Sumber changed\n---\n\nTeks baru.\n",
        );

        let table = table_of(&options);
        assert_eq!(
            table.to_string(),
            "\
page     id           en         
/        original     not tracked
changed  original     OUTDATED   
done     original     up to date 
only-id  original     MISSING    
stub     original     stub       

id: 5 original
en: 1 MISSING, 1 OUTDATED, 1 not tracked, 1 stub, 1 up to date
"
        );
        assert!(table.is_unfinished());
        assert_eq!(table.exit_code(Strictness::Lenient), 0);
        assert_eq!(table.exit_code(Strictness::Strict), 1);

        fs::remove_file(root.join("content/id/only-id.md")).expect("remove");
        fs::remove_file(root.join("content/en/stub.md")).expect("remove");
        fs::remove_file(root.join("content/id/stub.md")).expect("remove");
        fs::remove_file(root.join("content/en/changed.md")).expect("remove");
        fs::remove_file(root.join("content/id/changed.md")).expect("remove");
        let table = table_of(&options);
        assert!(!table.is_unfinished(), "{table}");
        assert_eq!(table.exit_code(Strictness::Strict), 0);
    }

    #[test]
    fn empty_table_keeps_the_page_column_four_wide() {
        let table = Table {
            languages: vec!["id".into()],
            rows: Vec::new(),
        };
        assert_eq!(table.to_string(), "page  id         \n\nid: \n");
        assert_eq!(table.exit_code(Strictness::Strict), 0);
    }
}
