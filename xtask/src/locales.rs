//! The locale check: both languages have exactly the same keys, no key is defined twice, every
//! key the code names exists, and every key is used somewhere. `cargo xtask test` runs it first.
//!
//! Plural forms are pairs `<key>_one` and `<key>_other` (the app picks one by count), and the
//! code names only `<key>`; no text writes a count as "(s)". French text uses typographic apostrophes (’), never straight ones.
//!
//! "Used" means the key appears as a string literal in the app's sources, or, for keys the
//! domain hands over at run time (catalogue labels, activity actions), in the domain's sources.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Keys formed at run time as `<prefix><domain literal>`, e.g. "action." + "export.created".
const DOMAIN_SUFFIX_PREFIXES: &[&str] = &["action."];

/// The suffixes of a plural pair; the code names the key without them.
const PLURAL_FORMS: [&str; 2] = ["_one", "_other"];

/// Literals ending like this are file names ("activity.csv"), not locale keys.
const FILE_EXTENSIONS: &[&str] = &[".csv", ".json", ".png", ".html", ".js", ".css", ".wasm", ".txt"];

pub struct Report {
    pub problems: Vec<String>,
    pub keys: usize,
}

pub fn check(repo: &Path) -> Result<Report, String> {
    let locales_dir = repo.join("crates/app/locales");
    let mut per_locale: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for locale in ["en", "fr"] {
        let mut keys = BTreeMap::new();
        for file in sorted_files(&locales_dir.join(locale), "json")? {
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let table = parse_flat_json(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            for (key, value) in table {
                if value.trim().is_empty() {
                    problems.push(format!("{locale}/{name}: \"{key}\" has an empty text"));
                }
                // A count is shown through a plural pair, never as "export(s)".
                if value.contains("(s)") {
                    problems.push(format!("{locale}/{name}: \"{key}\" writes a count with \"(s)\"; use a <key>_one / <key>_other pair"));
                }
                if locale == "fr" && value.contains('\'') {
                    problems.push(format!("fr/{name}: \"{key}\" has a straight apostrophe; French uses ’"));
                }
                if let Some(other) = keys.insert(key.clone(), name.clone()) {
                    problems.push(format!("{locale}: \"{key}\" is defined in both {other} and {name}"));
                }
            }
        }
        for key in keys.keys() {
            if let Some(base) = plural_base(key) {
                for form in PLURAL_FORMS {
                    if !keys.contains_key(&format!("{base}{form}")) {
                        problems.push(format!("{locale}: \"{key}\" has no \"{base}{form}\" beside it"));
                    }
                }
            }
        }
        per_locale.insert(locale.to_string(), keys);
    }
    let english: BTreeSet<&String> = per_locale["en"].keys().collect();
    let french: BTreeSet<&String> = per_locale["fr"].keys().collect();
    for key in english.difference(&french) {
        problems.push(format!("missing in fr: \"{key}\""));
    }
    for key in french.difference(&english) {
        problems.push(format!("missing in en: \"{key}\""));
    }

    let app_literals = literals_in(&repo.join("crates/app/src"))?;
    let domain_literals = literals_in(&repo.join("crates/domain/src"))?;
    let all_keys: BTreeSet<&String> = english.union(&french).copied().collect();
    let namespaces: BTreeSet<&str> = all_keys.iter().filter_map(|k| k.split('.').next()).collect();

    for key in &all_keys {
        let named = |k: &str| app_literals.contains(k) || domain_literals.contains(k);
        let used = named(key.as_str())
            || plural_base(key).is_some_and(named)
            || domain_literals.contains(key.as_str())
            || DOMAIN_SUFFIX_PREFIXES
                .iter()
                .any(|p| key.strip_prefix(p).is_some_and(|rest| domain_literals.contains(rest)));
        if !used {
            problems.push(format!("unused: \"{key}\" appears in no source"));
        }
    }
    for literal in &app_literals {
        let looks_like_key = literal.contains('.')
            && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
            && !literal.starts_with('.')
            && !literal.ends_with('.')
            && literal.split('.').next().is_some_and(|ns| namespaces.contains(ns))
            && !FILE_EXTENSIONS.iter().any(|ext| literal.ends_with(ext));
        let is_plural = PLURAL_FORMS.iter().all(|form| all_keys.contains(&format!("{literal}{form}")));
        if looks_like_key && !all_keys.contains(literal) && !is_plural && !is_key_prefix(literal, &all_keys) {
            problems.push(format!("missing in both locales: \"{literal}\" is used in crates/app/src"));
        }
    }
    Ok(Report { problems, keys: all_keys.len() })
}

/// `<base>` of a plural form key `<base>_one` / `<base>_other`.
fn plural_base(key: &str) -> Option<&str> {
    PLURAL_FORMS.iter().find_map(|form| key.strip_suffix(form))
}

/// True for literals such as "status." that the code completes at run time.
fn is_key_prefix(literal: &str, keys: &BTreeSet<&String>) -> bool {
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

/// A flat JSON object of strings, as the locale files are. Nested values are refused.
fn parse_flat_json(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut chars = text.trim().chars().peekable();
    if chars.next() != Some('{') {
        return Err("expected a JSON object".into());
    }
    loop {
        skip_space(&mut chars);
        match chars.peek() {
            Some('}') => return Ok(out),
            Some('"') => {}
            other => return Err(format!("expected a key, found {other:?}")),
        }
        let key = json_string(&mut chars)?;
        skip_space(&mut chars);
        if chars.next() != Some(':') {
            return Err(format!("expected ':' after \"{key}\""));
        }
        skip_space(&mut chars);
        if chars.peek() != Some(&'"') {
            return Err(format!("the value of \"{key}\" must be a string"));
        }
        let value = json_string(&mut chars)?;
        out.push((key, value));
        skip_space(&mut chars);
        match chars.next() {
            Some(',') => continue,
            Some('}') => return Ok(out),
            other => return Err(format!("expected ',' or '}}', found {other:?}")),
        }
    }
}

fn skip_space(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}

fn json_string(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<String, String> {
    chars.next();
    let mut s = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Ok(s),
            '\\' => match chars.next() {
                Some('n') => s.push('\n'),
                Some('t') => s.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())?;
                    s.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                Some(other) => s.push(other),
                None => return Err("unterminated escape".into()),
            },
            c => s.push(c),
        }
    }
    Err("unterminated string".into())
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

    #[test]
    fn parses_flat_locale_files_and_refuses_nesting() {
        let parsed = parse_flat_json(r#"{ "a.b": "x \"y\" \u00e9", "c": "d" }"#).unwrap();
        assert_eq!(parsed, vec![("a.b".into(), "x \"y\" é".into()), ("c".into(), "d".into())]);
        assert!(parse_flat_json(r#"{ "a": { "b": "c" } }"#).is_err());
    }

    fn planted_repo(app_source: &str, en: &str, fr: &str) -> tempdir::Dir {
        let dir = tempdir::Dir::new();
        dir.write("crates/app/src/lib.rs", app_source);
        dir.write("crates/domain/src/lib.rs", r#"fn action() -> &'static str { "export.created" }"#);
        dir.write("crates/app/locales/en/shell.json", en);
        dir.write("crates/app/locales/fr/shell.json", fr);
        dir
    }

    #[test]
    fn a_complete_set_passes() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); }"#,
            r#"{"nav.data": "Data", "action.export.created": "Created export"}"#,
            r#"{"nav.data": "Données", "action.export.created": "Exportation créée"}"#,
        );
        let report = check(repo.path()).unwrap();
        assert_eq!(report.problems, Vec::<String>::new());
    }

    #[test]
    fn a_planted_missing_key_fails() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); t("nav.planted_missing"); }"#,
            r#"{"nav.data": "Data", "action.export.created": "Created export"}"#,
            r#"{"nav.data": "Données"}"#,
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(problems.iter().any(|p| p.contains("missing in fr: \"action.export.created\"")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("missing in both locales: \"nav.planted_missing\"")), "{problems:?}");
    }

    #[test]
    fn an_unused_key_fails() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); }"#,
            r#"{"nav.data": "Data", "nav.orphan": "Orphan"}"#,
            r#"{"nav.data": "Données", "nav.orphan": "Orphelin"}"#,
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(problems.iter().any(|p| p == "unused: \"nav.orphan\" appears in no source"), "{problems:?}");
    }

    #[test]
    fn plural_pairs_are_used_through_their_base_and_must_be_complete() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); plural("nav.items"); plural("nav.half"); }"#,
            r#"{"nav.data": "Data", "nav.items_one": "1 item", "nav.items_other": "{count} items", "nav.half_one": "1", "action.export.created": "x"}"#,
            r#"{"nav.data": "Données", "nav.items_one": "1 élément", "nav.items_other": "{count} éléments", "nav.half_one": "1", "action.export.created": "x"}"#,
        );
        let problems = check(repo.path()).unwrap().problems;
        assert!(!problems.iter().any(|p| p.contains("nav.items")), "{problems:?}");
        assert!(problems.iter().any(|p| p == "en: \"nav.half_one\" has no \"nav.half_other\" beside it"), "{problems:?}");
    }

    #[test]
    fn a_straight_apostrophe_in_french_fails() {
        let repo = planted_repo(
            r#"fn v() { t("nav.data"); }"#,
            r#"{"nav.data": "Don't", "action.export.created": "x"}"#,
            r#"{"nav.data": "Nom d'affichage", "action.export.created": "x"}"#,
        );
        let problems = check(repo.path()).unwrap().problems;
        assert_eq!(problems, vec!["fr/shell.json: \"nav.data\" has a straight apostrophe; French uses ’".to_string()]);
    }

    /// A throwaway folder for the planted repos (std only, to keep xtask dependency-free).
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
