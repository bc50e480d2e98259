//! The store of record shared by several tabs, and its faults, end to end in the built site.
//! Each scenario opens a second tab in the same browser profile (so the same IndexedDB) and
//! drives both with real clicks and keystrokes.

use end_to_end::{ensure, in_each_browser, Failure, Page};
use fantoccini::wd::WindowHandle;
use fantoccini::Locator;
use serde_json::json;

async fn type_in(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let input = page.find(css).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

/// Opens a second tab on `path` and returns (first tab, second tab); the page then drives the second.
async fn second_tab(page: &Page, path: &str) -> Result<(WindowHandle, WindowHandle), Failure> {
    let first = page.client.window().await?;
    let second = page.client.new_window(true).await?.handle;
    page.client.switch_to_window(second.clone()).await?;
    page.open(path).await?;
    Ok((first, second))
}

async fn switch(page: &Page, tab: &WindowHandle) -> Result<(), Failure> {
    page.client.switch_to_window(tab.clone()).await?;
    Ok(())
}

/// Fills the Azure Maps set-up pane from Discover, up to (not including) Save.
async fn fill_maps_connection(page: &Page, name: &str) -> Result<(), Failure> {
    page.open("/settings/connections/discover").await?;
    type_in(page, "#discover-search", "maps").await?;
    page.click("#set-up-azure-maps").await?;
    page.find("#setup-pane[open]").await?;
    type_in(page, "#field-display_name", name).await?;
    type_in(page, "#field-api_key", "e2e-maps-key").await?;
    page.click("#field-consent").await?;
    Ok(())
}

async fn enrichment_connection_ids(page: &Page, names: &[&str]) -> Result<Vec<Option<String>>, Failure> {
    let mut ids = Vec::new();
    for name in names {
        let xpath = format!("//table[@id='connection-list']//tr[.//span[@class='name-text' and normalize-space()='{name}']]");
        let found = page.client.find_all(Locator::XPath(&xpath)).await?;
        ids.push(match found.first() {
            Some(row) => row.attr("data-connection-id").await?,
            None => None,
        });
    }
    Ok(ids)
}

async fn wait_for_rows(page: &Page, names: &[&str]) -> Result<Vec<String>, Failure> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let ids = enrichment_connection_ids(page, names).await?;
        if ids.iter().all(Option::is_some) {
            return Ok(ids.into_iter().flatten().collect());
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!("rows {names:?} should all be listed, found ids {ids:?}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_adding_at_once_keep_both_and_update_each_other_live() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        let (a, b) = second_tab(&page, "/settings/connections/enrichment").await?;
        page.heading_is("Connections (preview)").await?;
        fill_maps_connection(&page, "Tab B geocoding").await?;
        switch(&page, &a).await?;
        fill_maps_connection(&page, "Tab A geocoding").await?;
        // Both panes are filled before either saves; then both save, one right after the other.
        page.click("#pane-save").await?;
        switch(&page, &b).await?;
        page.click("#pane-save").await?;
        page.path_is("/settings/connections/enrichment").await?;
        let in_b = wait_for_rows(&page, &["Tab A geocoding", "Tab B geocoding"]).await?;
        ensure(in_b[0] != in_b[1], format!("the two connections got distinct ids: {in_b:?}"))?;
        page.wait_saved().await?;
        switch(&page, &a).await?;
        // Tab A shows B's connection without a reload.
        let in_a = wait_for_rows(&page, &["Tab A geocoding", "Tab B geocoding"]).await?;
        ensure(in_a == in_b, format!("both tabs agree on the ids: {in_a:?} and {in_b:?}"))?;
        page.wait_saved().await?;
        for tab in [&a, &b] {
            switch(&page, tab).await?;
            page.reload().await?;
            page.heading_is("Connections (preview)").await?;
            let after = wait_for_rows(&page, &["Tab A geocoding", "Tab B geocoding"]).await?;
            ensure(after == in_b, format!("after a reload both are kept: {after:?}"))?;
        }
        ensure(!page.exists("#recovery-reason").await?, "the store still opens")?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn removed_in_one_tab_then_edited_in_the_other_stays_removed_and_says_why() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        fill_maps_connection(&page, "Short-lived maps").await?;
        page.click("#pane-save").await?;
        let id = wait_for_rows(&page, &["Short-lived maps"]).await?.remove(0);
        page.wait_saved().await?;
        let (a, b) = second_tab(&page, "/settings/connections/enrichment").await?;
        // Tab B opens the connection for editing.
        wait_for_rows(&page, &["Short-lived maps"]).await?;
        page.click(&format!("#row-menu-{id}")).await?;
        page.click(&format!("#row-edit-{id}")).await?;
        page.find("#setup-pane[open]").await?;
        type_in(&page, "#field-display_name", "Edited in tab B").await?;
        // Tab A removes it meanwhile.
        switch(&page, &a).await?;
        page.click(&format!("#row-menu-{id}")).await?;
        page.click(&format!("#row-remove-{id}")).await?;
        page.find("#remove-dialog[open]").await?;
        page.click("#confirm-remove").await?;
        page.wait_saved().await?;
        // Tab B saves its edit: refused, in words above Save, and nothing comes back.
        switch(&page, &b).await?;
        page.click("#pane-save").await?;
        page.wait_text("#pane-error", "the refusal", |t| t.contains("no longer exists")).await?;
        page.wait_text("#pane-save-reasons", "no field counted for a refusal of the whole form", |t| t.trim().is_empty()).await?;
        page.screenshot("pane-removed-elsewhere").await?;
        page.client.set_window_size(390, 900).await?;
        page.script("document.querySelector('#pane-error').scrollIntoView()", vec![]).await?;
        page.screenshot("pane-removed-elsewhere-narrow").await?;
        page.client.set_window_size(1280, 900).await?;
        page.reload().await?;
        page.heading_is("Connections (preview)").await?;
        let ids = enrichment_connection_ids(&page, &["Short-lived maps", "Edited in tab B"]).await?;
        ensure(ids.iter().all(Option::is_none), format!("the removed connection did not come back: {ids:?}"))?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newer_portal_in_another_tab_closes_this_one_and_its_data_is_not_touched() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        let (a, _b) = second_tab(&page, "/settings/connections/enrichment").await?;
        page.heading_is("Connections (preview)").await?;
        // Tab B stands in for a newer portal: it upgrades the database past this version.
        let upgraded = page
            .script_async(
                r#"const done = arguments[arguments.length - 1];
                const open = indexedDB.open('connections-portal', 9);
                open.onupgradeneeded = () => open.result.createObjectStore('from-the-future');
                open.onsuccess = () => { open.result.close(); done(true); };
                open.onerror = () => done(String(open.error));
                open.onblocked = () => {};"#,
                vec![],
            )
            .await?;
        ensure(upgraded == json!(true), format!("the upgrade went through: {upgraded}"))?;
        switch(&page, &a).await?;
        let banner = page.text("#superseded-banner").await?;
        ensure(banner.contains("newer version"), format!("tab A says a newer version was opened: {banner}"))?;
        page.reload().await?;
        let reason = page.text("#recovery-reason").await?;
        ensure(reason.contains("database version 9"), format!("the recovery screen names the newer version: {reason}"))?;
        page.find("#download-raw").await?;
        ensure(!page.exists("#start-fresh").await?, "a newer portal's data is never overwritten")?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_viewer_is_not_offered_reset_and_an_administrator_is() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/workspace").await?;
        page.find("#reset-workspace").await?;
        page.select("#user-menu", "u-viewer-1").await?;
        page.find("#workspace-admins-only").await?;
        ensure(!page.exists("#reset-workspace").await?, "a viewer sees no Reset button")?;
        page.select("#user-menu", "u-contrib-1").await?;
        page.find("#workspace-admins-only").await?;
        ensure(!page.exists("#reset-workspace").await?, "a contributor sees no Reset button")?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quota_error_and_an_aborted_transaction_are_retried_until_saved() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        fill_maps_connection(&page, "Saved after retries").await?;
        // The next two writes fail as a full disk makes them fail; then one transaction is aborted.
        page.script(
            r#"let failures = 2;
            for (const method of ['put', 'add']) {
              const original = IDBObjectStore.prototype[method];
              IDBObjectStore.prototype[method] = function (...args) {
                if (failures > 0 && this.name === 'log') { failures--; throw new DOMException('no room', 'QuotaExceededError'); }
                return original.apply(this, args);
              };
            }
            const commit = IDBTransaction.prototype.commit;
            let aborts = 1;
            IDBTransaction.prototype.commit = function () {
              if (failures === 0 && aborts > 0 && [...this.objectStoreNames].includes('log')) { aborts--; this.abort(); return; }
              return commit.apply(this);
            };"#,
            vec![],
        )
        .await?;
        page.click("#pane-save").await?;
        let banner = page.text("#write-failed-banner").await?;
        ensure(banner.contains("quota"), format!("the banner says why: {banner}"))?;
        page.wait_saved().await?;
        page.reload().await?;
        page.heading_is("Connections (preview)").await?;
        wait_for_rows(&page, &["Saved after retries"]).await?;
        Ok(())
    })
    .await;
}

/// Makes every download of the page available to the test: the blob behind the next
/// `URL.createObjectURL` is kept on `window.__downloads`.
async fn capture_downloads(page: &Page) -> Result<(), Failure> {
    page.script(
        r#"window.__downloads = [];
        const create = URL.createObjectURL;
        URL.createObjectURL = function (blob) { window.__downloads.push(blob); return create.call(URL, blob); };"#,
        vec![],
    )
    .await?;
    Ok(())
}

async fn last_download(page: &Page) -> Result<String, Failure> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = page
            .script_async(
                r#"const done = arguments[arguments.length - 1];
                const blobs = window.__downloads || [];
                if (blobs.length === 0) { done(null); } else { blobs[blobs.length - 1].text().then(done); }"#,
                vec![],
            )
            .await?;
        if let Some(text) = text.as_str() {
            return Ok(text.to_owned());
        }
        if tokio::time::Instant::now() > deadline {
            return Err("no download was offered".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Writes `text` to a file of its own and picks it in the restore file input.
async fn pick_backup_file(page: &Page, name: &str, text: &[u8]) -> Result<(), Failure> {
    let dir = std::env::temp_dir().join(format!("portal-e2e-{}-{}", std::process::id(), page.browser.name()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    let input = page.find("#restore-file").await?;
    input.send_keys(&path.to_string_lossy()).await?;
    Ok(())
}

/// The backup's JSON without the time it was made, for comparing two backups.
fn comparable(backup: &str) -> Result<serde_json::Value, Failure> {
    let mut value: serde_json::Value = serde_json::from_str(backup)?;
    value.as_object_mut().ok_or("a backup is a JSON object")?.remove("created_at");
    Ok(value)
}

#[tokio::test(flavor = "multi_thread")]
async fn backup_then_reset_then_restore_gives_the_same_workspace() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/workspace").await?;
        capture_downloads(&page).await?;
        page.click("#download-backup").await?;
        let before = last_download(&page).await?;
        ensure(before.contains("\"format\": \"connections-portal-backup\""), "the download is a backup file")?;
        ensure(!before.contains("S3cr3t") && !before.contains("checksum"), "no secret or checksum in the backup")?;

        page.click("#reset-workspace").await?;
        page.click("#reset-confirm").await?;
        page.find("#load-sample").await?;
        page.click("#start-empty").await?;
        page.wait_saved().await?;
        page.open("/settings/workspace").await?;
        pick_backup_file(&page, "backup.json", before.as_bytes()).await?;
        let preview = page.text("#restore-preview-details").await?;
        ensure(preview.contains("6 users"), format!("the preview counts the users: {preview}"))?;
        page.screenshot("restore-preview").await?;
        page.click("#restore-backup").await?;
        page.click("#restore-confirm").await?;
        page.wait_saved().await?;

        page.reload().await?;
        page.heading_is("Workspace").await?;
        capture_downloads(&page).await?;
        page.click("#download-backup").await?;
        let after = last_download(&page).await?;
        ensure(comparable(&before)? == comparable(&after)?, "the restored workspace backs up to the same file")?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_backup_files_are_refused_with_a_reason_and_change_nothing() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/workspace").await?;
        capture_downloads(&page).await?;
        page.click("#download-backup").await?;
        let good = last_download(&page).await?;
        let mut newer: serde_json::Value = serde_json::from_str(&good)?;
        newer["version"] = json!(99);
        let mut tampered: serde_json::Value = serde_json::from_str(&good)?;
        tampered["counts"]["exports"] = json!(1);
        let mut no_records: serde_json::Value = serde_json::from_str(&good)?;
        no_records.as_object_mut().ok_or("object")?.remove("records");
        let mut dangling: serde_json::Value = serde_json::from_str(&good)?;
        let records = dangling["records"].as_object_mut().ok_or("records")?;
        let used = records
            .iter()
            .find_map(|(k, v)| (k.starts_with("export/") && v["data"]["connection"].is_string()).then(|| v["data"]["connection"].as_str().map(str::to_owned)))
            .flatten()
            .ok_or("an export with a connection")?;
        records.remove(&format!("connection/{used}"));
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("empty.json", Vec::new(), "empty"),
            ("picture.png", vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "not JSON"),
            ("cut.json", good.as_bytes()[..good.len() / 2].to_vec(), "ends too early"),
            ("package.json", br#"{"name": "left-pad", "version": "1.3.0"}"#.to_vec(), "not a Connections portal backup"),
            ("list.json", b"[1, 2, 3]".to_vec(), "not a Connections portal backup"),
            ("newer.json", newer.to_string().into_bytes(), "newer version"),
            ("tampered.json", tampered.to_string().into_bytes(), "changed after it was made"),
            ("no-records.json", no_records.to_string().into_bytes(), "incomplete"),
            ("dangling.json", dangling.to_string().into_bytes(), "refers to something"),
        ];
        for (name, bytes, expected) in &cases {
            page.open("/settings/workspace").await?;
            pick_backup_file(&page, name, bytes).await?;
            let message = page.wait_text("#restore-error", expected, |t| !t.is_empty()).await?;
            ensure(message.contains(expected), format!("{name}: the message should say {expected:?}, said {message:?}"))?;
            ensure(!page.exists("#restore-preview").await?, format!("{name}: no restore is offered"))?;
        }
        page.screenshot("restore-refused").await?;
        // Nothing changed: the sample is still there.
        page.open("/data/exports").await?;
        page.heading_is("Exports").await?;
        let exports = page.count("#export-list tbody tr").await?;
        ensure(exports >= 20, format!("the workspace is untouched, {exports} exports"))?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_whole_store_write_is_retried_and_the_data_opens_after() {
    in_each_browser(|page| async move {
        page.open("/").await?;
        page.find("#load-sample").await?;
        page.script(
            r#"const put = IDBObjectStore.prototype.put;
            let failures = 2;
            IDBObjectStore.prototype.put = function (...args) {
              if (failures > 0 && this.name === 'snapshot') { failures--; throw new DOMException('no room', 'QuotaExceededError'); }
              return put.apply(this, args);
            };"#,
            vec![],
        )
        .await?;
        page.click("#load-sample").await?;
        page.find("#write-failed-banner").await?;
        page.wait_saved().await?;
        page.reload().await?;
        page.heading_is("Connections (preview)").await?;
        ensure(page.count("#connection-list tbody tr").await? > 0, "the sample opens after the retried write")?;
        Ok(())
    })
    .await;
}

/// How many "run started" events the events store holds.
async fn stored_run_starts(page: &Page) -> Result<usize, Failure> {
    let stored = page
        .script_async(
            r#"const done = arguments[arguments.length - 1];
            const open = indexedDB.open('connections-portal');
            open.onsuccess = () => {
              const all = open.result.transaction('events').objectStore('events').getAll();
              all.onsuccess = () => { open.result.close(); done(all.result.filter(t => t.includes('ExportRunStarted')).length); };
            };"#,
            vec![],
        )
        .await?;
    stored.as_u64().map(|n| n as usize).ok_or_else(|| format!("no count from the events store: {stored}").into())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_in_the_middle_of_a_burst_of_edits_keeps_every_edit_shown() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        // Tall enough that the toasts each run shows, bottom right, stay clear of the rows.
        page.client.set_window_size(1280, 2400).await?;
        page.open("/data/exports").await?;
        page.heading_is("Exports").await?;
        let buttons = page.client.find_all(Locator::Css("#export-list .row-run:not([disabled])")).await?;
        ensure(buttons.len() >= 10, format!("ten exports can run, found {}", buttons.len()))?;
        let before = stored_run_starts(&page).await?;
        // Slow storage: the write lock is granted 1.5 s late, so the reload below certainly comes
        // while all ten writes are still queued.
        page.script(
            "const request = navigator.locks.request.bind(navigator.locks);
            navigator.locks.request = (name, work) => new Promise(ok => setTimeout(ok, 1500)).then(() => request(name, work));",
            vec![],
        )
        .await?;
        for button in buttons.iter().take(10) {
            button.click().await?;
        }
        ensure(page.text("#save-status").await? == "Saving…", "the runs are shown as started while their writes wait")?;
        // Reload at once. Where the browser warns about unsaved changes, stay, wait, then reload.
        if page.client.refresh().await.is_err() {
            let _ = page.client.dismiss_alert().await;
            page.wait_saved().await?;
            page.reload().await?;
        }
        page.heading_is("Exports").await?;
        let runs = stored_run_starts(&page).await?;
        ensure(runs == before + 10, format!("all ten runs the page showed as started are stored: {before} before, {runs} after"))?;
        Ok(())
    })
    .await;
}
