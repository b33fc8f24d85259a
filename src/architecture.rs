//! The pipeline's import rules, checked over the source (a test only).
//!
//! Every top-level module of the library has a place:
//!
//! - **leaves** know no other module of ours but leaves: `i18n`, `diagnostic`, `error`,
//!   `memo`, `escape`, `translation`, `markdown`, `terms`, `files` (the files a build
//!   makes), `stamp` (the date of the downloads), `previous` (the previous output as a
//!   cache);
//! - **the pipeline**, in order: `config` → `load` → `model` → `render` → `epub` →
//!   `search` → `pdf` → `downloads` → `output`. A stage may use leaves and the stages before it, never one after it;
//! - **around it**: `check`, `new`, `init`, `serve`, `cli`, `status` and the crate
//!   root. They may call anything, and nothing in the pipeline or the leaves names
//!   them.
//!
//! A reference is any `crate::<module>` path in code (comments are skipped), including
//! `use crate::{a, b}` lists. The test fails, naming the file and the line, when a
//! module names one it may not, and when the modules form a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LEAVES: &[&str] = &[
    "i18n",
    "diagnostic",
    "error",
    "memo",
    "escape",
    "translation",
    "markdown",
    "terms",
    "files",
    "stamp",
    "previous",
];
const PIPELINE: &[&str] = &[
    "config",
    "load",
    "model",
    "render",
    "epub",
    "search",
    "pdf",
    "downloads",
    "output",
];
const AROUND: &[&str] = &["check", "glossary", "new", "init", "serve", "cli", "status"];

/// Where a module sits: 0 for leaves, 1.. for the pipeline in order, `usize::MAX`
/// for what is around it.
fn rank(module: &str) -> Option<usize> {
    if LEAVES.contains(&module) {
        return Some(0);
    }
    if let Some(i) = PIPELINE.iter().position(|m| *m == module) {
        return Some(i + 1);
    }
    AROUND.contains(&module).then_some(usize::MAX)
}

/// The module a name at the crate root belongs to: the exported macros `msg!`, `t!`
/// (of `i18n`) and `help!` (of `diagnostic`) sit at the root but are leaves' own.
fn owner(name: String) -> String {
    match name.as_str() {
        "msg" | "t" => "i18n".to_string(),
        "help" => "diagnostic".to_string(),
        _ => name,
    }
}

/// The modules of ours that one line of code names (`crate::x`, `use crate::{x, y}`).
fn named(line: &str) -> Vec<String> {
    named_raw(line).into_iter().map(owner).collect()
}

fn named_raw(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let end = list.find('}').unwrap_or(list.len());
            for item in list[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// (module, file, line, named module) for every reference in `src/`.
fn references(src: &Path) -> Vec<(String, String, usize, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.expect("walk src/");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).expect("below src/");
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs").to_string();
        // The binary's own modules and the crate root may use anything.
        if matches!(module.as_str(), "lib" | "main" | "cmd" | "architecture") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read a source file");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" // ").next().unwrap_or(code);
            for target in named(code) {
                if target != module {
                    out.push((
                        module.clone(),
                        rel.display().to_string(),
                        n + 1,
                        target.clone(),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn no_module_names_a_later_stage_or_one_around_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (module, file, line, target) in references(&src) {
        let (Some(from), Some(to)) = (rank(&module), rank(&target)) else {
            // A function or type of the crate root (`crate::Reuse`) is the driver's.
            if rank(&module).is_some_and(|r| r != usize::MAX) && rank(&target).is_none() {
                wrong.push(format!(
                    "src/{file}:{line}: `{module}` names the driver's `crate::{target}`"
                ));
            }
            continue;
        };
        let allowed = match (from, to) {
            (usize::MAX, _) => true,
            (_, usize::MAX) => false,
            (_, 0) => true,
            (from, to) => to < from,
        };
        if !allowed {
            wrong.push(format!("src/{file}:{line}: `{module}` names `{target}`"));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the pipeline's order:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_modules_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, _, _, target) in references(&src) {
        if rank(&target).is_some() {
            graph.entry(module).or_default().insert(target);
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("a module cycle: {}", cycle.join(" -> "));
        }
    }
    // Every module of the library has a place in the rules above.
    for module in graph.keys() {
        assert!(
            rank(module).is_some(),
            "`{module}` has no place in src/architecture.rs: add it to LEAVES, PIPELINE or AROUND"
        );
    }
}

#[test]
fn the_reference_reader_sees_lists_and_paths() {
    assert_eq!(
        named("use crate::{config::Config, diagnostic, memo::Key};"),
        ["config", "diagnostic", "memo"]
    );
    assert_eq!(named("let k = crate::memo::key_of(&x);"), ["memo"]);
    assert!(named("let crate_name = 1;").is_empty());
}
