//! `cargo xtask sizes`: every file of the release build (`dist/`), raw and brotli-compressed
//! (quality 11, as a static host would serve it), split into what a fresh page fetches on its
//! first load and what the service worker then precaches. `cargo xtask test` fails when the
//! first load's brotli total is over [`FIRST_LOAD_BUDGET`].

use std::io::Write;
use std::path::Path;

/// Brotli bytes of the first load: the issue's rule is what was achieved plus 5 %, and never above
/// [`FIRST_LOAD_GOAL`]. With code splitting (ARCHITECTURE.md, "The shipped site") the first load
/// is 339.5 KB; + 5 % would be 356.5 KB, so the goal is the budget. (637.8 KB before splitting.)
pub const FIRST_LOAD_BUDGET: usize = FIRST_LOAD_GOAL;

/// The issue's ceiling for the first load, 350 KB brotli. `cargo xtask sizes` reports against it.
pub const FIRST_LOAD_GOAL: usize = 350_000;

pub struct Row {
    pub name: String,
    pub raw: usize,
    pub brotli: usize,
}

pub struct Sizes {
    pub first_load: Vec<Row>,
    pub later: Vec<Row>,
}

impl Sizes {
    pub fn first_load_brotli(&self) -> usize {
        self.first_load.iter().map(|r| r.brotli).sum()
    }
}

/// What a fresh page fetches: index.html, every local file it names (`href`, `src`, and the
/// default language's `portal-locale-en` file), the manifest's icons and the service worker.
pub fn measure(dist: &Path) -> Result<Sizes, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e} (run `trunk build --release` first)", dist.display()))?;
    let mut wanted: Vec<String> = vec!["index.html".into()];
    for attribute in ["href=\"/", "src=\"/", "content=\"/"] {
        for (at, _) in index.match_indices(attribute) {
            let rest = &index[at + attribute.len()..];
            let name = &rest[..rest.find('"').unwrap_or(0)];
            let is_other_locale = index[..at].rsplit('<').next().is_some_and(|tag| tag.contains("portal-locale-") && !tag.contains("portal-locale-en"));
            if !name.is_empty() && !is_other_locale && !wanted.iter().any(|w| w == name) {
                wanted.push(name.to_string());
            }
        }
    }
    // The modules the JS it names imports statically: with route splitting (xtask/src/split.rs),
    // wasm-bindgen's JS imports the split loader `split-<hash>/__wasm_split.js`.
    for name in wanted.clone() {
        if !name.ends_with(".js") {
            continue;
        }
        let Ok(js) = std::fs::read_to_string(dist.join(&name)) else { continue };
        let base = name.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default();
        for line in js.lines().take_while(|l| l.starts_with("import ")) {
            let Some(spec) = line.split('"').nth(1).and_then(|s| s.strip_prefix("./")) else { continue };
            let imported = format!("{base}{spec}");
            if dist.join(&imported).is_file() && !wanted.contains(&imported) {
                wanted.push(imported);
            }
        }
    }
    if dist.join("sw.js").exists() {
        wanted.push("sw.js".into());
    }
    let mut files = Vec::new();
    collect(dist, dist, &mut files)?;
    files.sort();
    let mut sizes = Sizes { first_load: Vec::new(), later: Vec::new() };
    for name in files {
        let bytes = std::fs::read(dist.join(&name)).map_err(|e| e.to_string())?;
        let row = Row { raw: bytes.len(), brotli: brotli_size(&bytes)?, name: name.clone() };
        if wanted.contains(&name) {
            sizes.first_load.push(row);
        } else {
            sizes.later.push(row);
        }
    }
    Ok(sizes)
}

pub fn report(dist: &Path) -> Result<String, String> {
    let sizes = measure(dist)?;
    let mut out = String::from("| file | raw | brotli |\n|---|---:|---:|\n");
    let mut section = |title: &str, rows: &[Row]| {
        for row in rows {
            out.push_str(&format!("| {} | {} | {} |\n", row.name, kb(row.raw), kb(row.brotli)));
        }
        let (raw, br) = (rows.iter().map(|r| r.raw).sum(), rows.iter().map(|r| r.brotli).sum());
        out.push_str(&format!("| **{title}** | **{}** | **{}** |\n", kb(raw), kb(br)));
    };
    section("first load", &sizes.first_load);
    section("precached after the first load", &sizes.later);
    let total = sizes.first_load_brotli();
    out.push_str(&format!(
        "\nFirst load: {} brotli; budget {} ({}); goal {} ({}).\n",
        kb(total),
        kb(FIRST_LOAD_BUDGET),
        if total <= FIRST_LOAD_BUDGET { "within" } else { "OVER" },
        kb(FIRST_LOAD_GOAL),
        if total <= FIRST_LOAD_GOAL { "met" } else { "not met yet" }
    ));
    Ok(out)
}

/// The budget check `cargo xtask test` runs after the release build.
pub fn check_budget(dist: &Path) -> Result<(), String> {
    let sizes = measure(dist)?;
    let total = sizes.first_load_brotli();
    if total <= FIRST_LOAD_BUDGET {
        println!("xtask: first load {} brotli, within the budget of {}", kb(total), kb(FIRST_LOAD_BUDGET));
        return Ok(());
    }
    let mut heaviest: Vec<&Row> = sizes.first_load.iter().collect();
    heaviest.sort_unstable_by_key(|r| std::cmp::Reverse(r.brotli));
    let list: Vec<String> = heaviest.iter().take(5).map(|r| format!("{} {}", r.name, kb(r.brotli))).collect();
    Err(format!(
        "size budget exceeded: the first load is {} brotli, over the budget of {} by {} (heaviest: {})",
        kb(total),
        kb(FIRST_LOAD_BUDGET),
        kb(total - FIRST_LOAD_BUDGET),
        list.join(", ")
    ))
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

fn brotli_size(bytes: &[u8]) -> Result<usize, String> {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(compressed.len())
}

/// Kilobytes of 1,000 bytes, as the issue's figures are.
fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A built site in a throwaway folder: index.html naming `/app.wasm`, which holds `size`
    /// incompressible bytes, and `later.wasm`, which nothing names.
    fn planted_dist(size: usize) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-sizes-{}-{size}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), r#"<html><head><link rel="preload" href="/app.wasm" /></head></html>"#).unwrap();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let noise = |n: usize, state: &mut u64| -> Vec<u8> {
            (0..n)
                .map(|_| {
                    *state ^= *state << 13;
                    *state ^= *state >> 7;
                    *state ^= *state << 17;
                    (*state >> 24) as u8
                })
                .collect()
        };
        std::fs::write(dir.join("app.wasm"), noise(size, &mut state)).unwrap();
        std::fs::write(dir.join("later.wasm"), noise(FIRST_LOAD_BUDGET, &mut state)).unwrap();
        dir
    }

    #[test]
    fn a_planted_overweight_first_load_fails_the_budget_and_names_the_heaviest_file() {
        let dist = planted_dist(FIRST_LOAD_BUDGET);
        let error = check_budget(&dist).unwrap_err();
        assert!(error.starts_with("size budget exceeded: the first load is"), "{error}");
        assert!(error.contains("(heaviest: app.wasm"), "{error}");
        let _ = std::fs::remove_dir_all(dist);
    }

    #[test]
    fn files_the_first_page_does_not_name_are_not_counted() {
        let dist = planted_dist(10_000);
        check_budget(&dist).unwrap();
        let sizes = measure(&dist).unwrap();
        assert_eq!(sizes.first_load.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["app.wasm", "index.html"]);
        assert_eq!(sizes.later.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["later.wasm"]);
        let _ = std::fs::remove_dir_all(dist);
    }
}
