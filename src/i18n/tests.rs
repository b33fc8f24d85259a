//! The two catalogues say the same things: the same message ids, the same attributes,
//! the same variables in each; and every id the code names is in them.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// id → (attribute names, variables of the value and of each attribute).
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                variables_of(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

fn shape(lang: Lang) -> Shape {
    let resource = fluent_syntax::parser::parse(lang.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("{lang}: syntax errors {errors:?}"));
    let mut out = Shape::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables_of(v, &mut vars);
                }
                let mut attrs = BTreeSet::new();
                for a in &m.attributes {
                    attrs.insert(a.id.name.to_string());
                    let mut attr_vars = BTreeSet::new();
                    variables_of(&a.value, &mut attr_vars);
                    vars.extend(attr_vars.into_iter().map(|v| format!("{}.{v}", a.id.name)));
                }
                let previous = out.insert(m.id.name.to_string(), (attrs, vars));
                assert!(previous.is_none(), "{lang}: `{}` is there twice", m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{lang}: cannot read {content:?}"),
            _ => {}
        }
    }
    out
}

#[test]
fn both_catalogues_have_the_same_messages_attributes_and_variables() {
    let en = shape(Lang::En);
    let id = shape(Lang::Id);
    let only_en: Vec<&String> = en.keys().filter(|k| !id.contains_key(*k)).collect();
    let only_id: Vec<&String> = id.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    assert!(only_id.is_empty(), "only in Indonesian: {only_id:?}");
    for (key, (attrs, vars)) in &en {
        let (id_attrs, id_vars) = &id[key];
        assert_eq!(attrs, id_attrs, "attributes of `{key}`");
        assert_eq!(vars, id_vars, "variables of `{key}` (attribute.variable)");
    }
}

#[test]
fn the_parity_test_bites_on_a_message_missing_from_one_side() {
    let en = shape(Lang::En);
    let mut id = shape(Lang::Id);
    id.remove("link-missing-page");
    assert!(en.keys().any(|k| !id.contains_key(k)));
}

/// Every `msg!("…")`, `t!("…")` and `help!("…")` of `src/`, with where it is.
fn ids_in_source() -> Vec<(String, String, bool)> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk src/");
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read a source file");
        for (macro_name, is_attr) in [("msg!(", false), ("t!(", false), ("help!(", true)] {
            for (at, _) in text.match_indices(macro_name) {
                // The id is the literal right after the macro's parenthesis, maybe on
                // the next line; `include_str!(` is another macro.
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let Some(rest) = text[at + macro_name.len()..].trim_start().strip_prefix('"')
                else {
                    continue;
                };
                let id = rest.split('"').next().unwrap_or_default();
                if id.contains(['{', ' ', '\\']) || id.is_empty() {
                    continue;
                }
                let line = text[..at].lines().count();
                out.push((
                    id.to_string(),
                    format!("{}:{line}", entry.path().display()),
                    is_attr,
                ));
            }
        }
    }
    out
}

#[test]
fn every_message_the_code_names_is_in_the_catalogue() {
    let en = shape(Lang::En);
    let attributes: BTreeSet<&String> = en.values().flat_map(|(a, _)| a).collect();
    let mut missing = Vec::new();
    for (id, at, is_attr) in ids_in_source() {
        let known = if is_attr {
            attributes.contains(&id)
        } else {
            en.contains_key(&id)
        };
        if !known && !at.contains("src/i18n/tests.rs") {
            missing.push(format!("{at}: `{id}`"));
        }
    }
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
}

#[test]
fn every_diagnostic_code_that_has_a_help_attribute_uses_it_somewhere() {
    // A message's `.help` is found by the code that made the message, so an entry with
    // a `.help` whose message is never made is dead text: the source names it.
    let source: String = ids_in_source()
        .into_iter()
        .map(|(id, _, _)| id + "\n")
        .collect();
    let en = shape(Lang::En);
    let unused: Vec<&String> = en
        .keys()
        .filter(|k| !k.starts_with("cli-"))
        .filter(|k| !source.lines().any(|l| l == k.as_str()))
        .collect();
    assert!(unused.is_empty(), "never used: {unused:?}");
}

#[test]
fn locales_choose_the_language_in_posix_order() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        choose(None, None, env(&[("LANG", "id_ID.UTF-8")])).0,
        Lang::Id
    );
    assert_eq!(choose(None, None, env(&[("LANG", "id")])).0, Lang::Id);
    assert_eq!(choose(None, None, env(&[("LANG", "id_ID")])).0, Lang::Id);
    assert_eq!(choose(None, None, env(&[("LANG", "C")])).0, Lang::En);
    assert_eq!(choose(None, None, env(&[("LANG", "POSIX")])).0, Lang::En);
    assert_eq!(choose(None, None, env(&[])), (Lang::En, Source::Default));
    // LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty value is unset.
    let e = env(&[("LANG", "id_ID.UTF-8"), ("LC_ALL", "en_US.UTF-8")]);
    assert_eq!(choose(None, None, e).0, Lang::En);
    let e = env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "id_ID.UTF-8")]);
    assert_eq!(choose(None, None, e).0, Lang::Id);
    let e = env(&[("LANG", "id_ID.UTF-8"), ("LC_ALL", "")]);
    assert_eq!(choose(None, None, e).0, Lang::Id);
    // book.toml beats the locale; PANDUAN_LANG beats book.toml; the option beats all.
    let e = env(&[("LANG", "en_US.UTF-8")]);
    assert_eq!(choose(None, Some("id"), e), (Lang::Id, Source::Book));
    let e = env(&[("PANDUAN_LANG", "en")]);
    assert_eq!(choose(None, Some("id"), e), (Lang::En, Source::PanduanLang));
    let e = env(&[("PANDUAN_LANG", "en")]);
    assert_eq!(choose(Some("id"), None, e), (Lang::Id, Source::Option));
}

#[test]
fn messages_have_no_isolation_marks_and_take_their_arguments() {
    let m = crate::msg!("link-missing-page", link = "a.md");
    let en = m.format_in(Lang::En);
    assert_eq!(en, "the link target `a.md` does not exist");
    assert!(!m.format_in(Lang::Id).contains(['\u{2068}', '\u{2069}']));
    assert!(m.format_in(Lang::Id).contains("`a.md`"));
}
