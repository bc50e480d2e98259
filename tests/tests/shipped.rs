//! The shipped site, end to end: after one visit the portal opens with the server stopped and
//! lists the stored data; a second build deployed on the same address shows "A new version is
//! ready — Reload", and Reload brings that build (and only its files); the manifest is served and
//! valid, and Chromium finds the portal installable. Every scenario (here and in every other
//! file, through `in_each_browser`) ends by checking that the page counted no
//! Content-Security-Policy violation.

use end_to_end::{dist_dir, ensure, in_each_browser, in_each_browser_with_site, Browser, Failure, Page, Site};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Waits until an active service worker controls the page (it has precached the build).
async fn wait_controlled(page: &Page) -> Result<(), Failure> {
    let ready = page
        .script_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.ready.then(() => done(true), () => done(false));",
            vec![],
        )
        .await?;
    ensure(ready == json!(true), "the service worker should become ready")?;
    for _ in 0..100 {
        if page.script("return !!navigator.serviceWorker.controller;", vec![]).await? == json!(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the service worker never took control of the page".into())
}

/// A reload as a user's, through the service worker (WebDriver's refresh in Firefox goes past
/// it), waiting until the new document is there.
async fn user_reload(page: &Page) -> Result<(), Failure> {
    page.script("window.__beforeReload = true; setTimeout(() => location.reload(), 0);", vec![]).await?;
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if let Ok(Value::Bool(true)) = page.script("return document.readyState !== 'loading' && !window.__beforeReload;", vec![]).await {
            return Ok(());
        }
    }
    Err("the page did not reload".into())
}

async fn build_version(page: &Page) -> Result<String, Failure> {
    let found = page.script("const m = document.querySelector('meta[name=portal-build]'); return m ? m.content : null;", vec![]).await?;
    Ok(found.as_str().unwrap_or_default().to_string())
}

async fn cache_names(page: &Page) -> Result<Vec<String>, Failure> {
    let names = page.script_async("const done = arguments[arguments.length - 1]; caches.keys().then(done, () => done([]));", vec![]).await?;
    Ok(names.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_portal_opens_with_the_server_stopped() {
    in_each_browser_with_site(dist_dir(), |page, site| async move {
        page.load_sample_data().await?;
        wait_controlled(&page).await?;
        page.open("/settings/workspace").await?;
        page.heading_is("Workspace").await?;
        page.wait_text("#offline-available", "yes", |t| t.starts_with("Yes")).await?;
        let online_rows = {
            page.open("/data/exports").await?;
            page.heading_is("Exports").await?;
            page.count("#export-list tbody tr").await?
        };

        site.stop();
        user_reload(&page).await?;
        page.heading_is("Exports").await?;
        let offline_rows = page.count("#export-list tbody tr").await?;
        ensure(offline_rows == online_rows && offline_rows > 0, format!("{online_rows} exports online, {offline_rows} offline"))?;
        // A deep link the browser never fetched is this build's index.html too.
        page.open("/settings/connections/exports").await?;
        page.heading_is("Connections (preview)").await?;
        ensure(page.count("#connection-list tbody tr").await? > 0, "the stored connections are listed offline")?;
        page.select("#language-menu", "fr").await?;
        page.wait_text("h1#page-title", "French", |t| t != "Connections (preview)" && !t.is_empty()).await?;
        page.select("#language-menu", "en").await?;
        page.heading_is("Connections (preview)").await?;
        Ok(())
    })
    .await;
}

/// The paths the page itself fetched so far (not its service worker's precaching).
async fn fetched_paths(page: &Page) -> Result<Vec<String>, Failure> {
    let paths = page.script("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);", vec![]).await?;
    Ok(paths.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default())
}

/// The first load `cargo xtask sizes` counts is what a fresh visit really fetches: until its
/// first screen is up, no split module (route, set-up pane, store decoder) is fetched, only the
/// main wasm and the split loader; the landing page's module comes once there is a workspace.
#[tokio::test(flavor = "multi_thread")]
async fn a_fresh_visit_fetches_only_the_first_load() {
    in_each_browser(|page| async move {
        page.open("/").await?;
        page.find("#load-sample").await?;
        let fetched = fetched_paths(&page).await?;
        let wasm: Vec<&String> = fetched.iter().filter(|p| p.ends_with(".wasm")).collect();
        ensure(wasm.len() == 1 && !wasm[0].contains("/split-"), format!("a fresh visit fetched these wasm modules before its first screen: {wasm:?}"))?;
        ensure(fetched.iter().any(|p| p.ends_with("/__wasm_split.js")), format!("the split loader is part of the first load: {fetched:?}"))?;

        page.click("#load-sample").await?;
        page.heading_is("Connections (preview)").await?;
        let fetched = fetched_paths(&page).await?;
        ensure(fetched.iter().any(|p| p.ends_with("/split_pages.wasm")), format!("the landing page's module is fetched when it is shown: {fetched:?}"))?;
        ensure(!fetched.iter().any(|p| p.ends_with("/split_setup_pane.wasm") || p.ends_with("/split_store_decoder.wasm")), format!("nothing asked for the pane or the decoder yet: {fetched:?}"))?;
        Ok(())
    })
    .await;
}

/// When the store decoder's module cannot be fetched, the portal says so and offers Reload; it
/// neither reads nor writes, and once the module is back Reload shows the stored data. (The
/// copy's worker caches nothing, so the server's files are what the page gets.)
#[tokio::test(flavor = "multi_thread")]
async fn a_decoder_that_cannot_be_fetched_is_said_and_nothing_is_lost() {
    let root = std::env::temp_dir().join(format!("e2e-no-decoder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&dist_dir(), &root).expect("copy dist");
    std::fs::write(root.join("sw.js"), "// caches nothing\n").expect("write sw.js");
    let split_dir = std::fs::read_dir(&root).expect("dist").flatten().map(|e| e.path()).find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("split-"))).expect("a split-* folder");
    let decoder = split_dir.join("split_store_decoder.wasm");
    let hidden = split_dir.join("split_store_decoder.wasm.hidden");
    in_each_browser_with_site(root.clone(), |page, site| {
        let (decoder, hidden) = (decoder.clone(), hidden.clone());
        async move {
            // Kept to the end: dropping the site stops its server.
            let _site = site;
            page.load_sample_data().await?;
            let listed = page.count("#connection-list tbody tr").await?;
            std::fs::rename(&decoder, &hidden)?;
            page.reload().await?;
            page.wait_text("#unavailable-title", "the decoder's message", |t| t.starts_with("Your stored data"))
                .await?;
            // Nothing is waiting to be written (the header does not say "Saving…").
            page.wait_saved().await?;
            page.screenshot("decoder-unavailable").await?;
            ensure(!page.exists("#connection-list").await?, "nothing is listed without the decoder")?;
            std::fs::rename(&hidden, &decoder)?;
            page.click("#unavailable-reload").await?;
            page.heading_is("Connections (preview)").await?;
            let relisted = page.count("#connection-list tbody tr").await?;
            ensure(relisted == listed && listed > 0, format!("{listed} connections before, {relisted} after the decoder came back"))?;
            Ok(())
        }
    })
    .await;
    let _ = std::fs::remove_dir_all(&root);
}

/// A copy of `dist` as the next build: its worker and its index.html name another version.
fn second_build(dist: &Path, version: &str) -> Result<(PathBuf, String), Failure> {
    let copy = std::env::temp_dir().join(format!("e2e-second-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(dist, &copy)?;
    let next = format!("{version}-next");
    for file in ["sw.js", "index.html"] {
        let text = std::fs::read_to_string(copy.join(file))?;
        ensure(text.contains(version), format!("{file} should name the build {version}"))?;
        std::fs::write(copy.join(file), text.replace(version, &next))?;
    }
    Ok((copy, next))
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)?.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_build_asks_for_a_reload_and_reload_brings_it() {
    in_each_browser_with_site(dist_dir(), |page, site| async move {
        page.load_sample_data().await?;
        wait_controlled(&page).await?;
        let first = build_version(&page).await?;
        ensure(!first.is_empty(), "index.html names its build")?;
        ensure(!page.exists("#update-banner").await?, "no update banner before a new build")?;

        let (next_dist, next) = second_build(&dist_dir(), &first)?;
        let port = site.port;
        site.stop();
        drop(site);
        let _next_site = Site::start(next_dist, port);
        user_reload(&page).await?;
        page.find("#update-banner").await?;
        let banner = page.text("#update-banner").await?;
        ensure(banner.contains("A new version of the portal is ready") && banner.contains("Reload"), format!("banner reads {banner:?}"))?;
        // Until Reload, the page still runs the first build.
        ensure(build_version(&page).await? == first, "the first build stays until Reload")?;
        if page.browser == Browser::Chromium {
            page.screenshot("update-banner").await?;
            page.client.set_window_size(390, 900).await?;
            page.screenshot("update-banner-narrow").await?;
            page.client.set_window_size(1280, 900).await?;
        }

        page.click("#update-reload").await?;
        let mut now = String::new();
        for _ in 0..150 {
            now = build_version(&page).await.unwrap_or_default();
            if now == next {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        ensure(now == next, format!("after Reload the page should run build {next}, but runs {now:?}"))?;
        page.heading_is("Connections (preview)").await?;
        ensure(page.count("#connection-list tbody tr").await? > 0, "the stored data is still listed")?;
        ensure(!page.exists("#update-banner").await?, "no banner once the new build runs")?;
        let caches = cache_names(&page).await?;
        ensure(caches == vec![format!("portal-{next}")], format!("only the new build's cache should be left, found {caches:?}"))?;
        Ok(())
    })
    .await;
}

/// Chromium's own installability check, through ChromeDriver's DevTools endpoint.
#[derive(Debug)]
struct InstallabilityErrors;

impl fantoccini::wd::WebDriverCompatibleCommand for InstallabilityErrors {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": "Page.getInstallabilityErrors", "params": {} }).to_string()))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_manifest_is_served_and_the_portal_is_installable() {
    in_each_browser(|page| async move {
        page.open("/").await?;
        page.find("#load-sample").await?;
        let manifest = page
            .script_async(
                "const done = arguments[arguments.length - 1];
                 const link = document.querySelector('link[rel=manifest]');
                 fetch(link.href).then(async r => {
                   const body = await r.json();
                   const icons = await Promise.all((body.icons || []).map(async i => {
                     const got = await fetch(new URL(i.src, link.href));
                     return { sizes: i.sizes, ok: got.ok, type: got.headers.get('content-type') };
                   }));
                   done({ type: r.headers.get('content-type'), body, icons });
                 }, e => done({ error: String(e) }));",
                vec![],
            )
            .await?;
        let body = &manifest["body"];
        ensure(manifest["type"].as_str().is_some_and(|t| t.starts_with("application/manifest+json")), format!("manifest type {manifest}"))?;
        for field in ["name", "short_name"] {
            ensure(body[field].as_str().is_some_and(|s| !s.is_empty()), format!("the manifest has a {field}"))?;
        }
        ensure(body["start_url"] == json!("/") && body["display"] == json!("standalone"), format!("start_url and display: {body}"))?;
        for size in ["192x192", "512x512"] {
            let loads = manifest["icons"]
                .as_array()
                .is_some_and(|icons| icons.iter().any(|i| i["sizes"] == json!(size) && i["ok"] == json!(true) && i["type"] == json!("image/png")));
            ensure(loads, format!("a {size} PNG icon that loads: {}", manifest["icons"]))?;
        }
        wait_controlled(&page).await?;
        if page.browser == Browser::Chromium {
            let mut last = Value::Null;
            for _ in 0..50 {
                last = page.client.issue_cmd(InstallabilityErrors).await?;
                if last["installabilityErrors"].as_array().is_some_and(Vec::is_empty) {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            return Err(format!("Chromium says the portal is not installable: {last}").into());
        }
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_workspace_says_the_portal_is_available_offline() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        wait_controlled(&page).await?;
        page.open("/settings/workspace").await?;
        page.heading_is("Workspace").await?;
        page.wait_text("#offline-available", "yes", |t| t.starts_with("Yes")).await?;
        if page.browser == Browser::Chromium {
            for (width, name) in [(1280, "workspace-offline"), (390, "workspace-offline-narrow")] {
                page.client.set_window_size(width, 900).await?;
                page.script("document.getElementById('offline-title').scrollIntoView();", vec![]).await?;
                page.screenshot(name).await?;
            }
            page.client.set_window_size(1280, 900).await?;
        }
        Ok(())
    })
    .await;
}
