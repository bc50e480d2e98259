//! The architecture's boundaries that a compiler does not check, checked as text before anything
//! is built (ARCHITECTURE.md, "Invariants"):
//! - the domain crate depends on nothing of the web (it builds and is tested natively);
//! - no page decides by comparing roles: pages ask the domain (capabilities, the affordances a
//!   projection carries), so a role's rights are written in one place.

use std::path::Path;

/// Crates the domain must not depend on.
const WEB_CRATES: [&str; 6] = ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo", "reactive_stores"];

/// What `Cargo.toml`'s text says the domain depends on that belongs to the web, one line each.
pub fn web_dependencies(cargo_toml: &str) -> Vec<String> {
    let mut section = String::new();
    let mut found = Vec::new();
    for line in cargo_toml.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.trim_matches(|c| c == '[' || c == ']').to_owned();
            continue;
        }
        let is_dependencies = section.ends_with("dependencies");
        let name = line.split(['=', ' ', '.']).next().unwrap_or("").trim_matches('"');
        if is_dependencies && WEB_CRATES.iter().any(|web| name == *web || name.starts_with(&format!("{web}-"))) {
            found.push(line.to_owned());
        }
    }
    found
}

/// The lines of a page's source that compare roles (`== Role::`, `!= Role::`, a `match` arm or
/// `matches!` on a role); building a role's value, as test data does, is not a comparison.
pub fn role_comparisons(source: &str) -> Vec<String> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .filter(|line| {
            let compares = ["== Role::", "!= Role::", "== Some(Role::", "!= Some(Role::", "matches!("].iter().any(|p| line.contains(p));
            let arm = line.starts_with("Role::") && line.contains("=>") || line.starts_with("Some(Role::") && line.contains("=>");
            (compares && line.contains("Role::")) || arm
        })
        .map(str::to_owned)
        .collect()
}

pub fn check(root: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    let domain = std::fs::read_to_string(root.join("crates/domain/Cargo.toml")).map_err(|e| format!("crates/domain/Cargo.toml: {e}"))?;
    for line in web_dependencies(&domain) {
        problems.push(format!("crates/domain/Cargo.toml depends on the web: {line}"));
    }
    let mut pages = Vec::new();
    collect_rust_files(&root.join("crates/app/src/pages"), &mut pages);
    for path in pages {
        let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for line in role_comparisons(&source) {
            let shown = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            problems.push(format!("{shown} compares roles (ask the domain for a capability or an affordance): {line}"));
        }
    }
    if problems.is_empty() {
        println!("xtask: boundaries hold (the domain has no web dependency, no page compares roles)");
        Ok(())
    } else {
        Err(format!("boundary check failed:\n  {}", problems.join("\n  ")))
    }
}

fn collect_rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_dependency_of_the_domain_is_found_in_any_dependencies_section() {
        let toml = "[package]\nname = \"leptos-like\"\n\n[dependencies]\nserde = \"1\"\nleptos = \"0.8\"\n\n[dev-dependencies]\nweb-sys = { version = \"0.3\" }\n\n[target.'cfg(x)'.dependencies]\nwasm-bindgen = \"0.2\"\n";
        assert_eq!(web_dependencies(toml), vec!["leptos = \"0.8\"", "web-sys = { version = \"0.3\" }", "wasm-bindgen = \"0.2\""]);
        assert!(web_dependencies("[dependencies]\nserde = \"1\"\nthiserror = \"2\"\n").is_empty());
    }

    #[test]
    fn comparing_roles_is_found_and_building_one_is_not() {
        let page = "let admin = role() == Some(Role::Viewer);\nmatch role {\n    Role::Administrator => 1,\n}\nif matches!(r, Role::Contributor) {}\nlet row = Row { actor_role: Role::Administrator };\n// == Role::Viewer in a comment\n";
        assert_eq!(role_comparisons(page).len(), 3, "{:?}", role_comparisons(page));
        assert!(role_comparisons("let c = w.can(&viewer, Capability::CreateExports);").is_empty());
    }

    #[test]
    fn the_repository_keeps_its_boundaries() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        check(&root).expect("the boundaries hold");
    }
}
