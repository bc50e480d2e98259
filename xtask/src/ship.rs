//! `cargo xtask ship [DIR]`: the post-build step trunk runs (Trunk.toml `[[hooks]]`, stage
//! `post_build`, on `TRUNK_STAGING_DIR`), for `trunk build` and `trunk serve` alike. It
//!
//! 1. joins each language's `crates/app/locales/<lang>/*.ftl` into `locales/<lang>-<hash>.ftl`
//!    (the app fetches the active one; see crates/app/src/i18n),
//! 2. names the build (a hash of every file) and writes `sw.js` from `assets/sw.js` with that
//!    version and the precache list (every file of the build),
//! 3. puts into index.html, first in `<head>`, the Content-Security-Policy `<meta http-equiv>`
//!    with the sha256 of each inline script (trunk's loader changes with every build), the build
//!    version and the locale file names.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The policy, less the script hashes that are added to `script-src`. `frame-ancestors` has no
/// effect in a `<meta>`; `cargo xtask serve` adds it to the header (see [`header_policy`]).
pub const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

const LOCALES: [&str; 2] = ["en", "fr"];

pub fn run(dir: &Path, repo: &Path) -> Result<(), String> {
    let index_path = dir.join("index.html");
    let html = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err(format!("{} was already processed", index_path.display()));
    }
    let mut metas = Vec::new();
    for lang in LOCALES {
        let merged = merge_locale(&repo.join("crates/app/locales").join(lang))?;
        let name = format!("locales/{lang}-{}.ftl", &hex(&Sha256::digest(&merged))[..16]);
        std::fs::create_dir_all(dir.join("locales")).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(&name), &merged).map_err(|e| e.to_string())?;
        metas.push(format!("<meta name=\"portal-locale-{lang}\" content=\"/{name}\" />"));
    }

    // The version covers every file the worker will serve, index.html as trunk wrote it included.
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.retain(|f| f != "sw.js");
    files.sort();
    let mut version = Sha256::new();
    for file in &files {
        version.update(file.as_bytes());
        version.update(std::fs::read(dir.join(file)).map_err(|e| e.to_string())?);
    }
    let version = hex(&version.finalize())[..16].to_string();

    let hashes: String = inline_scripts(&html).iter().map(|s| format!(" 'sha256-{}'", base64_sha256(s))).collect();
    let policy = POLICY.replace("{hashes}", &hashes);
    metas.insert(0, format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"));
    metas.push(format!("<meta name=\"portal-build\" content=\"{version}\" />"));
    // After `<meta charset>` (which must come first), before every script and stylesheet.
    let head = match html.find("<meta charset=\"utf-8\" />") {
        Some(at) => at + "<meta charset=\"utf-8\" />".len(),
        None => html.find("<head>").ok_or("index.html has no <head>")? + "<head>".len(),
    };
    let html = format!("{}\n    {}{}", &html[..head], metas.join("\n    "), &html[head..]);
    std::fs::write(&index_path, html).map_err(|e| e.to_string())?;

    // Hashed names never change content, so the worker may take them from the HTTP cache; the
    // others (index.html, the manifest, icons) it fetches past it.
    let (hashed, plain): (Vec<&String>, Vec<&String>) = files.iter().partition(|f| is_hashed(f));
    let list = |names: Vec<&String>| names.iter().map(|n| format!("\"/{n}\"")).collect::<Vec<_>>().join(", ");
    let template_path = repo.join("assets/sw.js");
    let template = std::fs::read_to_string(&template_path).map_err(|e| format!("{}: {e}", template_path.display()))?;
    let worker = template
        .replace("\"__VERSION__\"", &format!("\"{version}\""))
        .replace("[/* __HASHED__ */]", &format!("[{}]", list(hashed)))
        .replace("[/* __PLAIN__ */]", &format!("[{}]", list(plain)));
    std::fs::write(dir.join("sw.js"), worker).map_err(|e| e.to_string())?;
    println!("xtask ship: build {version}, {} files precached, {} inline script(s) hashed", files.len(), hashes.matches("sha256").count());
    Ok(())
}

/// The header `cargo xtask serve` sends: the page's own policy plus what only a header can say.
pub fn header_policy(index_html: &str) -> Option<String> {
    let needle = "http-equiv=\"Content-Security-Policy\" content=\"";
    let start = index_html.find(needle)? + needle.len();
    let end = index_html[start..].find('"')? + start;
    Some(format!("{}; frame-ancestors 'none'", &index_html[start..end]))
}

/// One Fluent file of the language's feature files, in name order (each stays a whole resource:
/// Fluent entries do not depend on the file they are in).
fn merge_locale(dir: &Path) -> Result<Vec<u8>, String> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten().map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "ftl"));
    files.sort();
    let mut all = Vec::new();
    for file in files {
        let text = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        all.extend_from_slice(&text);
        if !all.ends_with(b"\n") {
            all.push(b'\n');
        }
    }
    Ok(all)
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

/// Trunk's `name-<16 hex>.ext` and this step's `locales/<lang>-<16 hex>.ftl`.
fn is_hashed(name: &str) -> bool {
    let stem = name.rsplit('/').next().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The text of each `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>') else { break };
        let open = &rest[start..start + open_end];
        let body_start = start + open_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else { break };
        if !open.contains(" src=") {
            out.push(&rest[body_start..body_start + close]);
        }
        rest = &rest[body_start + close..];
    }
    out
}

fn base64_sha256(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<head><script src=\"/a.js\"></script><script type=\"module\">import x;</script></head>";
        assert_eq!(inline_scripts(html), vec!["import x;"]);
    }

    #[test]
    fn knows_hashed_names() {
        assert!(is_hashed("connections-portal-e8f8de41a009cfa0_bg.wasm"));
        assert!(is_hashed("main-f2161e14dc1d9e87.css"));
        assert!(is_hashed("locales/en-0123456789abcdef.ftl"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("icons/icon-192.png"));
    }

    #[test]
    fn header_adds_frame_ancestors() {
        let html = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\" />";
        assert_eq!(header_policy(html).as_deref(), Some("default-src 'none'; frame-ancestors 'none'"));
    }
}
