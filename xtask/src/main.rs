//! Project automation: the README's two commands.
//!
//! `cargo xtask serve` builds the portal and serves it on 127.0.0.1.
//! `cargo xtask test` runs every test suite: domain (native), components (wasm-bindgen-test in
//! headless Chromium and Firefox) and end to end (WebDriver against the built site, both browsers).
//! `cargo xtask screenshots` runs the end-to-end suite (which writes its screenshots under
//! `target/screenshots/`) and copies them into `docs/screenshots/`, which the README embeds.
//! `cargo xtask bench [--quick]` builds the release site and runs the browser benchmark
//! (tests/src/bin/bench.rs), which prints a table and writes docs/performance.md.
//! All install what is missing first (see `setup.rs`) and skip what is already there.

mod boundaries;
mod cmd;
mod locales;
mod serve;
mod setup;
mod ship;
mod sizes;
mod split;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <serve [--port N] | test [--only locales|domain|components|e2e] | screenshots | bench [--quick] | locales | sizes [DIR] | ship [DIR] | split [DIR] | setup>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("screenshots") => screenshots(),
        Some("setup") => setup::ensure_all().map(|_| ()),
        Some("locales") => check_locales(),
        // Trunk's post-build hook (Trunk.toml): on TRUNK_STAGING_DIR, or on a folder given.
        Some("ship") => {
            let dir = args.get(1).map(std::path::PathBuf::from).or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(Into::into));
            // The split comes first, in the same hook: trunk runs the hooks of one stage concurrently.
            dir.ok_or_else(|| "ship: no folder given and no TRUNK_STAGING_DIR".to_string())
                .and_then(|d| split::run(&d, &setup::repo_root()).and_then(|()| ship::run(&d, &setup::repo_root())))
        }
        // The first half of `ship`, alone: the lazy routes' wasm modules (see split.rs).
        Some("split") => {
            let dir = args.get(1).map(std::path::PathBuf::from).or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(Into::into));
            dir.ok_or_else(|| "split: no folder given and no TRUNK_STAGING_DIR".to_string()).and_then(|d| split::run(&d, &setup::repo_root()))
        }
        Some("sizes") => {
            let dist = args.get(1).map(std::path::PathBuf::from).unwrap_or_else(|| setup::repo_root().join("dist"));
            sizes::report(&dist).map(|table| print!("{table}"))
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn flag_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// A release build, then `dist/` served with the site's security headers (see `serve.rs`). Not
/// `trunk serve`: its headers are fixed in Trunk.toml, and the policy's script hash changes with
/// every build (and its live-reload script would break the policy). Rebuild by running it again.
fn serve(args: &[String]) -> Result<(), String> {
    let port = flag_value(args, "--port").unwrap_or("8080");
    let tools = setup::ensure_build_tools()?;
    cmd::run(cmd::new("trunk").args(["build", "--release"]).env("PATH", tools.path_env()))?;
    serve::serve(setup::repo_root().join("dist"), port)
}

fn check_locales() -> Result<(), String> {
    let report = locales::check(&setup::repo_root())?;
    if report.problems.is_empty() {
        println!("xtask: locales complete ({} keys, same in en and fr, all used)", report.keys);
        Ok(())
    } else {
        Err(format!("locale check failed:\n  {}", report.problems.join("\n  ")))
    }
}

/// The browser benchmark: release build, then the `bench` program of the end-to-end crate in
/// headless Chromium. `--quick` measures the empty and the largest store only.
fn bench(args: &[String]) -> Result<(), String> {
    let tools = setup::ensure_all()?;
    let path = tools.path_env();
    cmd::run(cmd::new("trunk").args(["build", "--release"]).env("PATH", &path))?;
    let mut run = cmd::new("cargo");
    run.args(["run", "--release", "--package", "end-to-end", "--bin", "bench", "--"]);
    if args.iter().any(|a| a == "--quick") {
        run.arg("--quick");
    }
    cmd::run(run.env("PATH", &path).env("CHROMEDRIVER", &tools.chromedriver))
}

/// The end-to-end suite against the release build in `dist/`, both browsers. It writes its
/// screenshots under `target/screenshots/`, never into the working tree.
fn end_to_end(tools: &setup::Tools) -> Result<(), String> {
    cmd::run(
        cmd::new("cargo")
            .args(["test", "--package", "end-to-end", "--", "--test-threads=2"])
            .env("PATH", tools.path_env())
            .env("CHROMEDRIVER", &tools.chromedriver)
            .env("GECKODRIVER", &tools.geckodriver),
    )
}

/// Release build, the end-to-end suite (from a clean `target/screenshots/`, so nothing stale is
/// copied), then every screenshot it took copied into `docs/screenshots/`.
fn screenshots() -> Result<(), String> {
    let tools = setup::ensure_all()?;
    let root = setup::repo_root();
    let taken = root.join("target").join("screenshots");
    if taken.exists() {
        std::fs::remove_dir_all(&taken).map_err(|e| format!("could not clear {}: {e}", taken.display()))?;
    }
    cmd::run(cmd::new("trunk").args(["build", "--release"]).env("PATH", tools.path_env()))?;
    end_to_end(&tools)?;
    let docs = root.join("docs").join("screenshots");
    std::fs::create_dir_all(&docs).map_err(|e| e.to_string())?;
    let mut copied = 0;
    for entry in std::fs::read_dir(&taken).map_err(|e| format!("{}: {e}", taken.display()))? {
        let from = entry.map_err(|e| e.to_string())?.path();
        if from.extension().is_some_and(|x| x == "png") {
            let to = docs.join(from.file_name().unwrap_or_default());
            std::fs::copy(&from, &to).map_err(|e| format!("could not copy {}: {e}", from.display()))?;
            copied += 1;
        }
    }
    println!("xtask: {copied} screenshots copied from {} into {}", taken.display(), docs.display());
    Ok(())
}

fn test(args: &[String]) -> Result<(), String> {
    let only = flag_value(args, "--only");
    let wants = |suite: &str| only.is_none_or(|o| o == suite);
    let mut passed = Vec::new();
    if wants("locales") {
        // First and cheapest: a missing or unused key fails before anything is built.
        cmd::run(cmd::new("cargo").args(["test", "--package", "xtask", "--quiet"]))?;
        check_locales()?;
        boundaries::check(&setup::repo_root())?;
        passed.push("locales and boundaries");
    }
    let tools = setup::ensure_all()?;
    let path = tools.path_env();

    if wants("domain") {
        cmd::run(cmd::new("cargo").args(["test", "--package", "connections-domain"]))?;
        // The app's pure code (CSV, list orders and filters, the writer's retry loop) natively.
        cmd::run(cmd::new("cargo").args(["test", "--package", "connections-portal", "--lib"]))?;
        passed.push("domain and the app's pure code (native)");
    }
    if wants("components") {
        for (driver_var, driver, label) in [
            ("CHROMEDRIVER", tools.chromedriver.as_str(), "components (Chromium)"),
            ("GECKODRIVER", tools.geckodriver.as_str(), "components (Firefox)"),
        ] {
            cmd::run(
                cmd::new("cargo")
                    .args(["test", "--package", "connections-portal", "--target", "wasm32-unknown-unknown"])
                    .env("PATH", &path)
                    .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
                    .env(driver_var, driver)
                    .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
            )?;
            passed.push(label);
        }
    }
    if wants("e2e") {
        cmd::run(cmd::new("trunk").args(["build", "--release"]).env("PATH", &path))?;
        // The first load's size budget, before the browsers: an overweight build fails here.
        sizes::check_budget(&setup::repo_root().join("dist"))?;
        passed.push("size budget");
        end_to_end(&tools)?;
        passed.push("end to end (Chromium and Firefox)");
    }
    println!("\nxtask: every suite passed: {}", passed.join(", "));
    Ok(())
}
