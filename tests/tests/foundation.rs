//! The foundation, end to end in the built site: first run and sample data that survives a
//! reload, navigation by URL and the back button, the demo-user switch persisting, the
//! language switch, and damaged stored data being kept and reported rather than discarded.

use end_to_end::{ensure, in_each_browser, Page};
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn first_run_sample_data_survives_a_reload() {
    in_each_browser(|page| async move {
        page.open("/").await?;
        page.find("#load-sample").await?;
        page.find("#start-empty").await?;
        page.screenshot("first-run").await?;
        page.click("#load-sample").await?;
        page.path_is("/settings/connections/enrichment").await?;
        page.heading_is("Connections (preview)").await?;
        page.wait_saved().await?;
        let rows = page.count("#connection-list tbody tr").await?;
        ensure(rows > 0, "the sample has enrichment connections")?;
        page.screenshot("connections").await?;

        page.reload().await?;
        page.heading_is("Connections (preview)").await?;
        let after = page.count("#connection-list tbody tr").await?;
        ensure(after == rows, format!("{rows} rows before the reload, {after} after"))?;
        page.open("/data/exports").await?;
        page.heading_is("Exports").await?;
        let exports = page.count("#export-list tbody tr").await?;
        ensure(exports >= 20, format!("the sample has ~30 exports, saw {exports}"))?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn urls_deep_links_and_the_back_button_navigate() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/data/enrichment").await?;
        page.heading_is("Enrichment").await?;
        page.screenshot("enrichment").await?;

        page.click("nav.side-nav a[href='/activity']").await?;
        page.path_is("/activity").await?;
        page.heading_is("Activity").await?;
        page.screenshot("activity").await?;
        page.click("nav.side-nav a[href='/settings/permissions/key-vault']").await?;
        page.heading_is("Key Vault").await?;
        page.screenshot("key-vault").await?;

        page.client.back().await?;
        page.path_is("/activity").await?;
        page.heading_is("Activity").await?;
        page.client.back().await?;
        page.path_is("/data/enrichment").await?;
        page.heading_is("Enrichment").await?;
        page.client.forward().await?;
        page.path_is("/activity").await?;

        page.open("/settings/connections/exports").await?;
        page.wait_text("[role=tab][aria-selected=true]", "the Exports tab", |t| t == "Exports").await?;

        page.open("/this/page/does/not/exist").await?;
        page.heading_is("Page not found").await?;
        let body = page.text("main").await?;
        ensure(body.contains("/this/page/does/not/exist"), format!("the not-found page names the path: {body}"))?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_user_switch_persists_and_gates_admin_pages() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/permissions/key-vault").await?;
        page.find("#vault-tile").await?;

        page.select("#user-menu", "u-contrib-1").await?;
        page.find("#access-denied").await?;
        ensure(!page.exists("#vault-tile").await?, "a contributor must not see the vault")?;

        page.reload().await?;
        page.heading_is("Key Vault").await?;
        page.find("#access-denied").await?;
        let chosen = page.script("return document.querySelector('#user-menu').value", vec![]).await?;
        ensure(chosen == json!("u-contrib-1"), format!("after a reload the user is still the contributor, not {chosen}"))?;

        page.select("#user-menu", "u-viewer-1").await?;
        page.open("/admin-centre/connections").await?;
        page.find("#access-denied").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_language_and_theme_switches_apply_live_and_persist() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/data/exports").await?;
        page.select("#language-menu", "fr").await?;
        page.heading_is("Exportations").await?;
        let lang = page.script("return document.documentElement.lang", vec![]).await?;
        ensure(lang == json!("fr"), format!("<html lang> should be fr, is {lang}"))?;
        page.select("#theme-menu", "dark").await?;
        page.reload().await?;
        page.heading_is("Exportations").await?;
        let theme = page.script("return document.documentElement.dataset.theme", vec![]).await?;
        ensure(theme == json!("dark"), format!("the dark theme persists, found {theme}"))?;
        page.screenshot("exports-fr-dark").await?;
        Ok(())
    })
    .await;
}

/// Rewrites the stored snapshot with `edit`, as a crash mid-write or a bad hand edit would leave
/// it. `edit` is a JavaScript function given the snapshot's frames (`{key, kind, payload}`, see the
/// domain's `storage::snapshot`) that returns the frames to store and a key to report.
async fn edit_snapshot(page: &Page, edit: &str) -> Result<String, end_to_end::Failure> {
    let key = page
        .script_async(
            &format!(
                r#"const done = arguments[arguments.length - 1];
                const edit = {edit};
                const MAGIC = 5;
                const frames = (bytes) => {{
                  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
                  const out = [];
                  let at = MAGIC;
                  while (at < bytes.length) {{
                    const keyLength = view.getUint32(at, true);
                    const key = new TextDecoder().decode(bytes.subarray(at + 4, at + 4 + keyLength));
                    const kind = bytes[at + 4 + keyLength];
                    const length = view.getUint32(at + 5 + keyLength, true);
                    const start = at + 9 + keyLength;
                    out.push({{ key, kind, payload: bytes.slice(start, start + length) }});
                    at = start + length;
                  }}
                  return out;
                }};
                const join = (head, list) => {{
                  const parts = [head];
                  for (const f of list) {{
                    const key = new TextEncoder().encode(f.key);
                    const frame = new Uint8Array(9 + key.length + f.payload.length);
                    const view = new DataView(frame.buffer);
                    view.setUint32(0, key.length, true);
                    frame.set(key, 4);
                    frame[4 + key.length] = f.kind;
                    view.setUint32(5 + key.length, f.payload.length, true);
                    frame.set(f.payload, 9 + key.length);
                    parts.push(frame);
                  }}
                  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
                  let at = 0;
                  for (const p of parts) {{ all.set(p, at); at += p.length; }}
                  return all;
                }};
                const open = indexedDB.open('connections-portal');
                open.onsuccess = () => {{
                  const db = open.result;
                  const tx = db.transaction('snapshot', 'readwrite');
                  const store = tx.objectStore('snapshot');
                  const get = store.get('current');
                  get.onsuccess = () => {{
                    const value = get.result;
                    const [edited, key] = edit(frames(value.text));
                    value.text = join(value.text.slice(0, MAGIC), edited);
                    store.put(value, 'current');
                    tx.oncomplete = () => {{ db.close(); done(key); }};
                  }};
                }};
                open.onerror = () => done(null);"#
            ),
            vec![],
        )
        .await?;
    key.as_str().map(str::to_string).ok_or_else(|| "the snapshot had nothing to edit".into())
}

async fn all_values(page: &Page, object_store: &str) -> Result<serde_json::Value, end_to_end::Failure> {
    page.script_async(
        r#"const [storeName, done] = arguments;
        const open = indexedDB.open('connections-portal');
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction(storeName).objectStore(storeName).getAll();
          all.onsuccess = () => { db.close(); done(all.result); };
        };"#,
        vec![json!(object_store)],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn one_damaged_record_is_set_aside_and_the_rest_loads() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        // Damage the connection that the sample's first export uses (ids are deterministic).
        let sample = connections_domain::Workspace::sample(connections_domain::Timestamp(0));
        let used = sample.exports().find_map(|e| e.connection.clone()).ok_or("the sample has an attached export")?;
        let key = edit_snapshot(
            &page,
            &format!(
                r#"(frames) => {{
                const key = 'connection/{used}';
                // A record cut short mid-write: JSON that ends inside a string.
                const damaged = new TextEncoder().encode('{{"v":1,"data":{{"id":"trunc');
                return [frames.map(f => f.key === key ? {{ ...f, kind: 0, payload: damaged }} : f), key];
            }}"#
            ),
        )
        .await?;
        page.reload().await?;
        let banner = page.text("#damage-banner").await?;
        ensure(banner.contains(&key), format!("the banner names the damaged record {key}: {banner}"))?;
        ensure(banner.contains("now shows No connection"), format!("the banner says what the exports lost: {banner}"))?;
        page.screenshot("damaged-record").await?;
        page.open("/data/exports").await?;
        page.heading_is("Exports").await?;
        let exports = page.count("#export-list tbody tr").await?;
        ensure(exports >= 20, format!("every export still loads, saw {exports}"))?;
        let quarantined = all_values(&page, "quarantine").await?.to_string();
        ensure(quarantined.contains("trunc"), "the damaged record is kept, as found, in the quarantine store")?;
        // The repaired state was stored: the next start is clean, and the set-aside data is listed.
        page.open("/settings/workspace").await?;
        page.heading_is("Workspace").await?;
        ensure(!page.exists("#damage-banner").await?, "the damage is reported once, not on every start")?;
        page.wait_text("#set-aside-list", "the set-aside record", |t| t.contains("set-aside-")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_store_without_its_version_record_is_kept_and_reported() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        edit_snapshot(&page, r#"(frames) => [frames.filter(f => f.key !== 'meta'), 'meta']"#).await?;
        page.reload().await?;
        page.find("#recovery-reason").await?;
        page.find("#download-raw").await?;
        page.screenshot("recovery").await?;

        // Reloading again changes nothing: the data is still there, untouched.
        page.reload().await?;
        page.find("#recovery-reason").await?;
        let snapshot = page
            .script_async(
                r#"const done = arguments[arguments.length - 1];
                const open = indexedDB.open('connections-portal');
                open.onsuccess = () => {
                  const get = open.result.transaction('snapshot').objectStore('snapshot').get('current');
                  get.onsuccess = () => { open.result.close(); done(new TextDecoder().decode(get.result.text)); };
                };"#,
                vec![],
            )
            .await?;
        ensure(snapshot.as_str().is_some_and(|t| t.contains("connection/c-1")), "the unreadable data is untouched")?;

        page.click("#start-fresh").await?;
        page.find("#load-sample").await?;
        let quarantined = all_values(&page, "quarantine").await?.to_string();
        ensure(quarantined.contains("connection/c-1"), "the raw records were set aside in the quarantine store")?;
        Ok(())
    })
    .await;
}
