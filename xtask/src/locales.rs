//! The locale check: both languages define exactly the same Fluent messages with the same
//! variables, no message is defined twice, every key the code names exists, and every message is
//! used somewhere. `cargo xtask test` runs it first. Fluent's runtime lookups cannot be checked by
//! the compiler, so this is what checks them.
//!
//! The code names a message by its dotted key (`data.export.add`); the files write it with dashes
//! (`data-export-add`, the app's `i18n::message_id`), so the comparison is made on Fluent ids.
//! A count is shown through a select on `$count` with `[one]` and a default `*[other]` variant
//! (the app's `I18n::plural`); no text writes a count as "(s)". French text uses typographic
//! apostrophes (’), never straight ones.
//!
//! "Used" means the key appears as a string literal in the app's sources, or, for keys the
//! domain hands over at run time (catalogue labels, activity actions), in the domain's sources.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Keys formed at run time as `<prefix><domain literal>`, e.g. "action." + "export.created".
const DOMAIN_SUFFIX_PREFIXES: &[&str] = &["action."];

/// Literals ending like this are file names ("activity.csv"), not locale keys.
const FILE_EXTENSIONS: &[&str] = &[".csv", ".json", ".ftl", ".png", ".html", ".js", ".css", ".wasm", ".txt"];

pub struct Report {
    pub problems: Vec<String>,
    pub keys: usize,
}

/// What the check needs of one message: its variables and its text, every variant included.
#[derive(Default)]
struct Message {
    file: String,
    variables: BTreeSet<String>,
    texts: Vec<String>,
    count_selects: Vec<BTreeSet<String>>,
    defaults: Vec<String>,
}

/// The Fluent id of a dotted key, as the app's `i18n::message_id` writes it.
fn message_id(key: &str) -> String {
    key.replace('.', "-")
}

pub fn check(repo: &Path) -> Result<Report, String> {
    let locales_dir = repo.join("crates/app/locales");
    let mut per_locale: BTreeMap<String, BTreeMap<String, Message>> = BTreeMap::new();
    let mut problems = Vec::new();
    for locale in ["en", "fr"] {
        let mut messages: BTreeMap<String, Message> = BTreeMap::new();
        for file in sorted_files(&locales_dir.join(locale), "ftl")? {
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let resource = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in errors {
                        let line = text[..error.pos.start.min(text.len())].lines().count().max(1);
                        problems.push(format!("{locale}/{name}:{line}: {}", error.kind));
                    }
                    resource
                }
            };
            for entry in resource.body {
                let ast::Entry::Message(message) = entry else { continue };
                let id = message.id.name.to_string();
                let mut found = Message { file: name.clone(), ..Message::default() };
                match &message.value {
                    Some(pattern) => walk(pattern, &mut found),
                    None => problems.push(format!("{locale}/{name}: \"{id}\" has no text")),
                }
                for text in &found.texts {
                    // A count is shown through a select on $count, never as "export(s)".
                    if text.contains("(s)") {
                        problems.push(format!("{locale}/{name}: \"{id}\" writes a count with \"(s)\"; select on $count instead"));
                    }
                    if locale == "fr" && text.contains('\'') {
                        problems.push(format!("fr/{name}: \"{id}\" has a straight apostrophe; French uses ’"));
                    }
                }
                for variants in &found.count_selects {
                    if !variants.contains("one") || !variants.contains("other") {
                        problems.push(format!("{locale}/{name}: \"{id}\" selects on $count without both [one] and [other]"));
                    }
                }
                if found.defaults.iter().any(|d| d != "other") {
                    problems.push(format!("{locale}/{name}: \"{id}\" must make *[other] its default variant"));
                }
                if let Some(other) = messages.insert(id.clone(), found) {
                    problems.push(format!("{locale}: \"{id}\" is defined in both {} and {name}", other.file));
                }
            }
        }
        per_locale.insert(locale.to_string(), messages);
    }
    let english = &per_locale["en"];
    let french = &per_locale["fr"];
    for id in english.keys().filter(|id| !french.contains_key(*id)) {
        problems.push(format!("missing in fr: \"{id}\""));
    }
    for id in french.keys().filter(|id| !english.contains_key(*id)) {
        problems.push(format!("missing in en: \"{id}\""));
    }
    for (id, en) in english {
        if let Some(fr) = french.get(id) {
            if en.variables != fr.variables {
                problems.push(format!("\"{id}\" has variables {:?} in en but {:?} in fr", en.variables, fr.variables));
            }
        }
    }

    let app_literals = literals_in(&repo.join("crates/app/src"))?;
    let domain_literals = literals_in(&repo.join("crates/domain/src"))?;
    let app_ids: BTreeSet<String> = app_literals.iter().map(|l| message_id(l)).collect();
    let domain_ids: BTreeSet<String> = domain_literals.iter().map(|l| message_id(l)).collect();
    let all_ids: BTreeSet<&String> = english.keys().chain(french.keys()).collect();

    for id in &all_ids {
        let used = app_ids.contains(id.as_str())
            || domain_ids.contains(id.as_str())
            || DOMAIN_SUFFIX_PREFIXES
                .iter()
                .any(|p| id.strip_prefix(&message_id(p)).is_some_and(|rest| domain_ids.contains(rest)));
        if !used {
            problems.push(format!("unused: \"{id}\" appears in no source"));
        }
    }
    let dotted: BTreeSet<String> = all_ids.iter().map(|id| id.replace('-', ".")).collect();
    let namespaces: BTreeSet<&str> = all_ids.iter().filter_map(|k| k.split('-').next()).collect();
    for literal in &app_literals {
        let looks_like_key = literal.contains('.')
            && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.' || c == '-')
            && !literal.starts_with('.')
            && !literal.ends_with('.')
            && literal.split('.').next().is_some_and(|ns| namespaces.contains(ns))
            && !FILE_EXTENSIONS.iter().any(|ext| literal.ends_with(ext));
        if looks_like_key && !all_ids.contains(&message_id(literal)) && !is_key_prefix(literal, &dotted) {
            problems.push(format!("missing in both locales: \"{literal}\" is used in crates/app/src"));
        }
    }
    Ok(Report { problems, keys: all_ids.len() })
}

fn walk(pattern: &ast::Pattern<&str>, found: &mut Message) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => found.texts.push(value.to_string()),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, found),
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, found: &mut Message) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, found);
            if matches!(selector, ast::InlineExpression::VariableReference { id } if id.name == "count") {
                found.count_selects.push(variants.iter().map(|v| variant_name(&v.key)).collect());
            }
            for variant in variants {
                if variant.default {
                    found.defaults.push(variant_name(&variant.key));
                }
                walk(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, found),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, found: &mut Message) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, found),
        _ => {}
    }
}

fn variant_name(key: &ast::VariantKey<&str>) -> String {
    match key {
        ast::VariantKey::Identifier { name } => name.to_string(),
        ast::VariantKey::NumberLiteral { value } => value.to_string(),
    }
}

/// True for literals such as "status." that the code completes at run time.
fn is_key_prefix(literal: &str, keys: &BTreeSet<String>) -> bool {
    keys.iter().any(|k| k.starts_with(literal) && k.len() > literal.len() && k.as_bytes()[literal.len()] == b'.')
}

fn sorted_files(dir: &Path, extension: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        let entries = std::fs::read_dir(&next).map_err(|e| format!("{}: {e}", next.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Every double-quoted string literal in the Rust files below `dir` (escapes kept as written).
fn literals_in(dir: &Path) -> Result<BTreeSet<String>, String> {
    let mut literals = BTreeSet::new();
    for file in sorted_files(dir, "rs")? {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        literals.extend(string_literals(&text));
    }
    Ok(literals)
}

pub fn string_literals(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = source.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        // Skip line comments, so commented-out keys don't count as used.
        if c == '/' && chars.peek() == Some(&'/') {
            for rest in chars.by_ref() {
                if rest == '\n' {
                    break;
                }
            }
            previous = '\n';
            continue;
        }
        // A quote after a letter or quote is a char literal or lifetime context, not a string.
        if c == '"' && previous != '\'' {
            let mut literal = String::new();
            let mut escaped = false;
            for inner in chars.by_ref() {
                if escaped {
                    literal.push(inner);
                    escaped = false;
                } else if inner == '\\' {
                    escaped = true;
                } else if inner == '"' {
                    break;
                } else {
                    literal.push(inner);
                }
            }
            found.push(literal);
            previous = '"';
            continue;
        }
        previous = c;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_string_literals_but_not_comments() {
        let source = r#"let a = i18n.t("nav.data"); // i18n.t("nav.commented")
            let b = '"'; let c = "esc\"aped";"#;
        let found = string_literals(source);
        assert!(found.contains(&"nav.data".to_string()));
        assert!(!found.contains(&"nav.commented".to_string()));
        assert!(found.contains(&"esc\"aped".to_string()));
    }

    fn planted_repo(app_source: &str, en: &str, fr: &str) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        dir.write("crates/app/src/lib.rs", app_source);
        dir.write("crates/domain/src/lib.rs", r#"fn action() -> &'static str { "export.created" }"#);
        dir.write("crates/app/locales/en/shell.ftl", en);
        dir.write("crates/app/locales/fr/shell.ftl", fr);
        dir
    }

    #[test]
    fn a_complete_set_passes() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); t("type.azure-maps.name"); }"#,
            "nav-data = Data\naction-export-created = Created export\ntype-azure-maps-name = Azure Maps\n",
            "nav-data = Données\naction-export-created = Exportation créée\ntype-azure-maps-name = Azure Maps\n",
        );
        let report = check(repo.path()).unwrap();
        assert_eq!(report.problems, Vec::<String>::new());
        assert_eq!(report.keys, 3);
    }

    #[test]
    fn a_planted_missing_key_fails() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); t("nav.planted_missing"); }"#,
            "nav-data = Data\naction-export-created = Created export\n",
            "nav-data = Données\n",
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(problems.iter().any(|p| p.contains("missing in fr: \"action-export-created\"")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("missing in both locales: \"nav.planted_missing\"")), "{problems:?}");
    }

    #[test]
    fn an_unused_key_fails() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); }"#,
            "nav-data = Data\nnav-orphan = Orphan\n",
            "nav-data = Données\nnav-orphan = Orphelin\n",
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(problems.iter().any(|p| p == "unused: \"nav-orphan\" appears in no source"), "{problems:?}");
    }

    #[test]
    fn counts_need_both_plural_forms_and_the_same_variables() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); plural("nav.items"); plural("nav.half"); }"#,
            "nav-data = Data\naction-export-created = x\n\
             nav-items = { $count ->\n    [one] { $count } item\n   *[other] { $count } items\n}\n\
             nav-half = { $count ->\n   *[one] { $count } thing\n}\n",
            "nav-data = Données\naction-export-created = x\n\
             nav-items = { $count ->\n    [one] { $count } élément\n   *[other] { $cuont } éléments\n}\n\
             nav-half = { $count ->\n    [one] { $count } chose\n   *[other] { $count } choses\n}\n",
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(problems.iter().any(|p| p == "en/shell.ftl: \"nav-half\" selects on $count without both [one] and [other]"), "{problems:?}");
        assert!(problems.iter().any(|p| p == "en/shell.ftl: \"nav-half\" must make *[other] its default variant"), "{problems:?}");
        assert!(problems.iter().any(|p| p.starts_with("\"nav-items\" has variables")), "{problems:?}");
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn a_syntax_error_and_a_straight_french_apostrophe_fail() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); t("nav.more"); }"#,
            "nav-data = Don't\naction-export-created = x\nnav-more = More\n",
            "nav-data = Nom d'affichage\naction-export-created = x\nnav-more = { $oops\n",
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(problems.contains(&"fr/shell.ftl: \"nav-data\" has a straight apostrophe; French uses ’".to_string()), "{problems:?}");
        assert!(problems.iter().any(|p| p.starts_with("fr/shell.ftl:3: ")), "{problems:?}");
    }

    /// A throwaway folder for the planted repos (std only: a crate for one test helper is not worth it).
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicU32, Ordering};

        pub struct Dir(PathBuf);
        static NEXT: AtomicU32 = AtomicU32::new(0);

        impl Dir {
            pub fn new() -> Dir {
                let n = NEXT.fetch_add(1, Ordering::SeqCst);
                let path = std::env::temp_dir().join(format!("xtask-locales-{}-{n}", std::process::id()));
                let _ = std::fs::remove_dir_all(&path);
                Dir(path)
            }
            pub fn path(&self) -> &Path {
                &self.0
            }
            pub fn write(&self, relative: &str, text: &str) {
                let path = self.0.join(relative);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }
}
