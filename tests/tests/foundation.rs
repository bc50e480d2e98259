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
        page.heading_is("Connections").await?;
        page.wait_saved().await?;
        let rows = page.count("#connection-list tbody tr").await?;
        ensure(rows > 0, "the sample has enrichment connections")?;
        page.screenshot("connections").await?;

        page.reload().await?;
        page.heading_is("Connections").await?;
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

/// Overwrites one stored record with damaged text, as a crash mid-write or a bad edit would.
async fn damage_a_connection_record(page: &Page) -> Result<String, end_to_end::Failure> {
    let key = page
        .script_async(
            r#"const done = arguments[arguments.length - 1];
            const open = indexedDB.open('connections-portal');
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('records', 'readwrite');
              const store = tx.objectStore('records');
              const keys = store.getAllKeys();
              keys.onsuccess = () => {
                const key = keys.result.find(k => String(k).startsWith('connection/'));
                store.put('{"v":1,"data":{"id":"trunc', key);
                tx.oncomplete = () => { db.close(); done(key); };
              };
            };
            open.onerror = () => done(null);"#,
            vec![],
        )
        .await?;
    key.as_str().map(str::to_string).ok_or_else(|| "no connection record found to damage".into())
}

async fn stored_value(page: &Page, object_store: &str, key: &str) -> Result<serde_json::Value, end_to_end::Failure> {
    page.script_async(
        r#"const [storeName, key, done] = arguments;
        const open = indexedDB.open('connections-portal');
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName).objectStore(storeName).get(key);
          request.onsuccess = () => { db.close(); done(request.result === undefined ? null : request.result); };
        };"#,
        vec![json!(object_store), json!(key)],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn damaged_stored_data_is_kept_aside_and_reported() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        let key = damage_a_connection_record(&page).await?;
        page.reload().await?;
        let reason = page.text("#recovery-reason").await?;
        ensure(reason.contains(&key), format!("the explanation names the damaged record {key}: {reason}"))?;
        page.find("#download-raw").await?;
        page.screenshot("recovery").await?;

        // Reloading again changes nothing: the data is still there, untouched.
        page.reload().await?;
        page.find("#recovery-reason").await?;
        let still = stored_value(&page, "records", &key).await?;
        ensure(still == json!("{\"v\":1,\"data\":{\"id\":\"trunc"), format!("the damaged record is untouched: {still}"))?;

        page.click("#start-fresh").await?;
        page.find("#load-sample").await?;
        let quarantined = page
            .script_async(
                r#"const done = arguments[arguments.length - 1];
                const open = indexedDB.open('connections-portal');
                open.onsuccess = () => {
                  const db = open.result;
                  const all = db.transaction('quarantine').objectStore('quarantine').getAll();
                  all.onsuccess = () => { db.close(); done(all.result); };
                };"#,
                vec![],
            )
            .await?;
        let text = quarantined.to_string();
        ensure(text.contains("trunc") && text.contains("meta"), "the raw records were set aside in the quarantine store")?;
        Ok(())
    })
    .await;
}
