//! Installs the toolchain the portal needs, skipping what is already there at the right version.
//!
//! Every step checks before it installs, so a second run costs a few version queries. The versions
//! are pinned: trunk 0.21 (0.22 needs a newer rustc), wasm-bindgen-cli equal to the wasm-bindgen in
//! Cargo.lock (the CLI and the library must match exactly), binaryen 132 from npm (Debian's wasm-opt
//! is too old for this rustc), and the browsers from Debian's packages.

use crate::cmd;
use std::path::{Path, PathBuf};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132";
/// The accessibility engine the end-to-end suite injects into every page.
const AXE_CORE_VERSION: &str = "4.14.1";

/// Where the installed tools are, for the commands that need them.
pub struct Tools {
    node_bin: PathBuf,
    pub chromedriver: String,
    pub geckodriver: String,
}

impl Tools {
    /// A PATH that finds the npm-installed wasm-opt and the cargo-installed binaries first.
    pub fn path_env(&self) -> String {
        let mut dirs = vec![self.node_bin.clone(), cargo_bin_dir()];
        dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        std::env::join_paths(dirs).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// What `serve` needs: the wasm target, wasm-bindgen-cli, trunk and wasm-opt.
pub fn ensure_build_tools() -> Result<Tools, String> {
    ensure_wasm_target()?;
    ensure_wasm_bindgen_cli()?;
    ensure_cargo_tool("trunk", TRUNK_VERSION, &["install", "--locked", "trunk", "--version", TRUNK_VERSION])?;
    let node_bin = ensure_wasm_opt()?;
    Ok(Tools { node_bin, chromedriver: String::new(), geckodriver: String::new() })
}

/// What `test` needs: the build tools plus both browsers and their WebDriver servers.
pub fn ensure_all() -> Result<Tools, String> {
    let mut tools = ensure_build_tools()?;
    ensure_axe_core()?;
    ensure_debian_browsers()?;
    ensure_geckodriver()?;
    tools.chromedriver = "/usr/bin/chromedriver".into();
    tools.geckodriver = cargo_bin_dir().join("geckodriver").to_string_lossy().into_owned();
    if cmd::output("geckodriver", &["--version"]).is_some() && !Path::new(&tools.geckodriver).exists() {
        tools.geckodriver = "geckodriver".into();
    }
    Ok(tools)
}

fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = cmd::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    cmd::run(cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must be exactly that version.
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn ensure_wasm_bindgen_cli() -> Result<(), String> {
    let version = locked_wasm_bindgen_version()?;
    // Without --locked: the CLI's own lock file does not build with every rustc.
    ensure_cargo_tool("wasm-bindgen", &version, &["install", "wasm-bindgen-cli", "--version", &version])
}

/// Installs a cargo binary unless `<program> --version` already reports `version`.
fn ensure_cargo_tool(program: &str, version: &str, install_args: &[&str]) -> Result<(), String> {
    let reported = cmd::output(program, &["--version"])
        .or_else(|| cmd::output(&cargo_bin_dir().join(program).to_string_lossy(), &["--version"]))
        .unwrap_or_default();
    if reported.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("xtask: installing {program} {version} (this takes a few minutes once)");
    cmd::run(cmd::new("cargo").args(install_args))
}

fn ensure_wasm_opt() -> Result<PathBuf, String> {
    let prefix = repo_root().join(".tools");
    let bin = prefix.join("node_modules").join(".bin");
    let wasm_opt = bin.join("wasm-opt");
    let reported = cmd::output(&wasm_opt.to_string_lossy(), &["--version"]).unwrap_or_default();
    if !reported.contains(&format!("version {BINARYEN_VERSION}")) {
        println!("xtask: installing wasm-opt (npm binaryen@{BINARYEN_VERSION})");
        cmd::run(cmd::new("npm").args(["install", "--no-audit", "--no-fund", "--prefix"]).arg(&prefix).arg(format!("binaryen@{BINARYEN_VERSION}")))?;
    }
    Ok(bin)
}

/// axe-core's browser bundle at `.tools/node_modules/axe-core/axe.min.js`, pinned.
fn ensure_axe_core() -> Result<(), String> {
    let prefix = repo_root().join(".tools");
    let manifest = prefix.join("node_modules/axe-core/package.json");
    let installed = std::fs::read_to_string(&manifest).unwrap_or_default();
    if installed.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")) {
        return Ok(());
    }
    println!("xtask: installing axe-core {AXE_CORE_VERSION} (npm)");
    cmd::run(
        cmd::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(format!("axe-core@{AXE_CORE_VERSION}")),
    )
}

fn ensure_debian_browsers() -> Result<(), String> {
    let have = |p: &str| Path::new(p).exists();
    let firefox = have("/usr/bin/firefox-esr") || have("/usr/bin/firefox");
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") && firefox {
        return Ok(());
    }
    println!("xtask: installing Chromium, ChromeDriver and Firefox ESR from Debian's packages");
    let as_root = cmd::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root { cmd::new("apt-get") } else { cmd::new("sudo") };
        if !as_root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run(&mut command)
    };
    apt(&["update"])?;
    apt(&["install", "-y", "--no-install-recommends", "chromium", "chromium-driver", "firefox-esr"])
}

fn ensure_geckodriver() -> Result<(), String> {
    let reported = cmd::output("geckodriver", &["--version"])
        .or_else(|| cmd::output(&cargo_bin_dir().join("geckodriver").to_string_lossy(), &["--version"]));
    if reported.is_some() {
        return Ok(());
    }
    println!("xtask: installing geckodriver (cargo)");
    cmd::run(cmd::new("cargo").args(["install", "geckodriver"]))
}
