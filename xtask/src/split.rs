//! `cargo xtask split [DIR]`: code splitting as a post-build step (the first half of the `ship`
//! hook, Trunk.toml; also alone as `cargo xtask split`). docs/code-splitting.md has the details.
//!
//! Trunk has no split-capable pipeline, so this redoes its last two steps the way cargo-leptos
//! `--split` does:
//!
//! 1. cuts the linked wasm (`target/wasm32-unknown-unknown/<profile>/connections-portal.wasm`,
//!    built with `--emit-relocs` by crates/app/build.rs) into a main module, one module per
//!    split-point module name (`split_<name>.wasm`: `pages`, `store_decoder`, `setup_pane`,
//!    `demo_generator`) and the code that several of them share (`chunk_<n>.wasm`), with
//!    `wasm_split_cli_support` (the splitter cargo-leptos uses), plus
//!    the JS link module `__wasm_split.js` that fetches and instantiates them;
//! 2. runs wasm-bindgen (`--keep-lld-exports`, so the main module keeps the exports the split
//!    modules import) on the main module, under the names trunk gave its own output, so
//!    index.html's loader script (and its CSP hash) stays as it is;
//! 3. in release builds, runs `wasm-opt -Oz` on the main module and every split module (trunk's wasm-opt must be
//!    off: index.html `data-wasm-opt="0"`);
//! 4. puts the split modules and the link module in `split-<trunk's hash>/`, so no module of one
//!    build is ever combined with another build's main module from a cache, and updates the
//!    `integrity` of trunk's preload links.
//!
//! Does nothing when the linked wasm has no split points (built without the `split` feature).

use sha2::{Digest, Sha384};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = "connections-portal";

pub fn run(dir: &Path, repo: &Path) -> Result<(), String> {
    let profile = std::env::var("TRUNK_PROFILE").unwrap_or_else(|_| "release".into());
    let target_dir = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo.join("target"));
    let linked_path = target_dir.join("wasm32-unknown-unknown").join(&profile).join(format!("{BIN}.wasm"));
    let linked = std::fs::read(&linked_path).map_err(|e| format!("{}: {e}", linked_path.display()))?;
    if !has_split_points(&linked) {
        println!("xtask split: {} has no split points; nothing to do", linked_path.display());
        return no_placeholder_left(dir);
    }

    // Trunk's output: `<BIN>-<16 hex>.js` and `<BIN>-<16 hex>_bg.wasm`.
    let stem = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .find_map(|n| n.strip_suffix("_bg.wasm").filter(|s| s.starts_with(BIN)).map(str::to_string))
        .ok_or_else(|| format!("no {BIN}-*_bg.wasm in {}", dir.display()))?;
    let hash = stem.rsplit('-').next().unwrap_or("x").to_string();
    let split_dir_name = format!("split-{hash}");
    let split_dir = dir.join(&split_dir_name);

    // PORTAL_SPLIT_KEEP=<dir> keeps the intermediate files there (the unbound main module, the
    // prefetch map), for looking into what stayed in the main module.
    let keep = std::env::var_os("PORTAL_SPLIT_KEEP").map(PathBuf::from);
    let work = keep.clone().unwrap_or_else(|| std::env::temp_dir().join(format!("portal-split-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let main_unbound = work.join("main.wasm");

    // 1. Split. The main module imports the loaders from `./split-<hash>/__wasm_split.js`
    //    (relative to trunk's JS at the root); the link module imports `initSync` back from it.
    let link_name = format!("./{split_dir_name}/__wasm_split.js");
    let main_module = format!("../{stem}.js");
    std::fs::create_dir_all(&split_dir).map_err(|e| e.to_string())?;
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&linked);
        opts.output_dir = dir;
        opts.main_out_path = &main_unbound;
        opts.link_name = &link_name;
        opts.main_module = &main_module;
        opts
    })
    .map_err(|e| format!("wasm-split: {e:?}"))?;
    drop(linked);
    let mut modules = Vec::new();
    for path in &split.split_modules {
        let name = path.file_name().ok_or("split module without a name")?;
        let to = split_dir.join(name);
        std::fs::rename(path, &to).map_err(|e| format!("{}: {e}", path.display()))?;
        modules.push(to);
    }
    let manifest = serde_json::to_string_pretty(&split.prefetch_map).map_err(|e| e.to_string())?;
    std::fs::write(work.join("prefetch.json"), manifest).map_err(|e| e.to_string())?;

    // 2. wasm-bindgen on the main module, under trunk's names.
    crate::cmd::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-name", &stem, "--out-dir"])
            .arg(&work)
            .arg(&main_unbound),
    )?;
    let js = std::fs::read_to_string(work.join(format!("{stem}.js"))).map_err(|e| e.to_string())?;
    if !js.contains(&link_name) {
        return Err(format!("wasm-bindgen's JS does not import {link_name}"));
    }
    std::fs::write(dir.join(format!("{stem}.js")), &js).map_err(|e| e.to_string())?;
    let snippets = work.join("snippets");
    if snippets.is_dir() {
        copy_dir(&snippets, &dir.join("snippets"))?;
    }

    // 3. wasm-opt -Oz on every module (release only, as trunk: a debug build's is slow and large).
    let main_bound = work.join(format!("{stem}_bg.wasm"));
    let main_out = dir.join(format!("{stem}_bg.wasm"));
    if profile == "release" {
        let mut jobs: Vec<(&Path, &Path)> = vec![(&main_bound, &main_out)];
        jobs.extend(modules.iter().map(|m| (m.as_path(), m.as_path())));
        wasm_opt_all(&jobs)?;
    } else {
        std::fs::copy(&main_bound, &main_out).map_err(|e| e.to_string())?;
    }

    // 4. The preload links' integrity.
    update_integrity(dir, &[format!("{stem}.js"), format!("{stem}_bg.wasm")])?;
    no_placeholder_left(dir)?;
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&work);
    }
    println!(
        "xtask split: main module and {} split module(s) in {split_dir_name}/ ({} route(s))",
        modules.len(),
        split.prefetch_map.len()
    );
    Ok(())
}

/// A wasm with split points that was not split imports its loaders from the bare module
/// name `__wasm_split_placeholder__`, which no browser resolves: the page would not start at all.
/// (The `split` feature without this step, e.g. a stale raw wasm; or the component tests, which
/// is why they build without the feature.)
fn no_placeholder_left(dir: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())?.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "js")
            && std::fs::read_to_string(&path).is_ok_and(|js| js.contains("__wasm_split_placeholder__"))
        {
            return Err(format!("{} still imports `__wasm_split_placeholder__`: the wasm was not split", path.display()));
        }
    }
    Ok(())
}

/// The splitter's marker: an import `__wasm_split_00<module>00_import_…`.
fn has_split_points(wasm: &[u8]) -> bool {
    wasm.windows(15).any(|w| w == b"__wasm_split_00")
}

/// wasm-opt is single-threaded per module here; the modules run on every core at once (about
/// 3 minutes one after another on a 2-core machine).
fn wasm_opt_all(jobs: &[(&Path, &Path)]) -> Result<(), String> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(jobs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((input, output)) = jobs.get(i) else { return Ok(()) };
                    wasm_opt(input, output)?;
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| h.join().unwrap_or_else(|_| Err("a wasm-opt worker panicked".into())))
    })
}

fn wasm_opt(input: &Path, output: &Path) -> Result<(), String> {
    crate::cmd::run(
        Command::new("wasm-opt")
            // As trunk runs it (`-Oz`, no feature flags).
            .arg("-Oz")
            .arg(input)
            .arg("-o")
            .arg(output),
    )
}

/// Trunk writes `integrity="sha384-…"` on the `<link rel="modulepreload">` of its JS and the
/// `<link rel="preload">` of its wasm; both files changed.
fn update_integrity(dir: &Path, files: &[String]) -> Result<(), String> {
    let index_path = dir.join("index.html");
    let mut html = std::fs::read_to_string(&index_path).map_err(|e| e.to_string())?;
    for file in files {
        let bytes = std::fs::read(dir.join(file)).map_err(|e| e.to_string())?;
        use base64::Engine as _;
        let sri = format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes)));
        let Some(at) = html.find(&format!("/{file}\"")) else { continue };
        let tag_start = html[..at].rfind('<').unwrap_or(0);
        let tag_end = at + html[at..].find('>').unwrap_or(0);
        let tag = &html[tag_start..tag_end];
        if let Some(i) = tag.find("integrity=\"") {
            let value_start = tag_start + i + "integrity=\"".len();
            let value_end = value_start + html[value_start..].find('"').unwrap_or(0);
            html.replace_range(value_start..value_end, &sri);
        }
    }
    std::fs::write(&index_path, html).map_err(|e| e.to_string())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())?.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
