//! Data > Exports, Data > Enrichment, Settings > Permissions > Key Vault and Activity, end to
//! end in the built site with real clicks and typing, in Chromium and Firefox. Every scenario
//! reloads the page and checks its changes survived, and finds each step on the Activity page.
//!
//! The "detach from the Remove dialog" step detaches from the Exports page instead,
//! reached through the same `?connection=` link the Remove dialog's "See connected exports"
//! uses (the Remove dialog's own detaching is covered by the Connections scenarios).

use end_to_end::{ensure, in_each_browser, Failure, Page};

/// Types `text` into the field `css` after clearing it.
async fn fill(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let field = page.find(css).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

/// Dismisses every toast (they sit over the bottom-right corner), then clicks `css`.
async fn press(page: &Page, css: &str) -> Result<(), Failure> {
    for toast in page.client.find_all(fantoccini::Locator::Css(".toast-dismiss")).await? {
        let _ = toast.click().await;
    }
    page.click(css).await
}

/// A screenshot for the README: no toasts, scrolled to the top.
async fn snapshot(page: &Page, name: &str) -> Result<(), Failure> {
    for toast in page.client.find_all(fantoccini::Locator::Css(".toast-dismiss")).await? {
        let _ = toast.click().await;
    }
    page.script("window.scrollTo(0, 0)", vec![]).await?;
    page.screenshot(name).await
}

/// Clicks `css` after scrolling it to the middle of its scroll area, clear of sticky bars.
async fn press_centred(page: &Page, css: &str) -> Result<(), Failure> {
    let element = page.find(css).await?;
    let handle = serde_json::to_value(&element)?;
    page.script("arguments[0].scrollIntoView({block: 'center'})", vec![handle]).await?;
    element.click().await?;
    Ok(())
}

async fn sign_in_as(page: &Page, user: &str) -> Result<(), Failure> {
    page.select("#user-menu", user).await
}

/// Opens Activity and waits until it lists `action` about `object`.
async fn activity_shows(page: &Page, action: &str, object: &str) -> Result<(), Failure> {
    if page.path().await? != "/activity" {
        page.click("nav.side-nav a[href='/activity']").await?;
        page.heading_is("Activity").await?;
    }
    page.wait_text("#activity-list tbody", &format!("listing {action} {object}"), |t| {
        t.lines().any(|line| line.contains(action) && line.contains(object))
    })
    .await
    .map(|_| ())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contributor_adds_an_export_on_a_shared_connection_and_runs_it() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        sign_in_as(&page, "u-contrib-1").await?;
        page.click("nav.side-nav a[href='/data/exports']").await?;
        page.heading_is("Exports").await?;

        page.click("#add-export-open").await?;
        let offered = page.text("#add-export-connection").await?;
        ensure(offered.contains("Contoso data lake"), format!("a shared connection is offered: {offered}"))?;
        ensure(!offered.contains("Campaign audiences"), "a connection not shared with contributors must not be offered")?;
        page.select("#add-export-connection", "c-1").await?;
        fill(&page, "#add-export-name", "Weekend shoppers").await?;
        page.click("#add-export-schedule-recurring").await?;
        fill(&page, "#add-export-hours", "0").await?;
        page.click("#add-export-save").await?;
        page.wait_text("#add-export-hours-error", "the hours refusal", |t| t.contains("168")).await?;
        fill(&page, "#add-export-hours", "12").await?;
        page.click("#add-export-save").await?;

        // The list moves to the page the new export is on (the second of two).
        let row = "#export-e-31";
        page.wait_text(row, "the new export", |t| t.contains("Weekend shoppers") && t.contains("Every 12 h") && t.contains("You can edit")).await?;
        press(&page, &format!("{row} .row-run")).await?;
        page.wait_text(row, "queued or processing", |t| t.contains("Queued") || t.contains("Processing")).await?;
        // The domain decides the simulated outcome from the id: e-31's run fails
        // (`simulated_run_outcome`, domain tests/simulation.rs), and a failed run leaves Last refreshed alone.
        let done = page.wait_text(row, "finished", |t| t.contains("Failed")).await?;
        ensure(!done.contains("Successful"), format!("e-31's run fails: {done}"))?;
        ensure(done.contains("Never"), format!("a failed run leaves Last refreshed empty: {done}"))?;
        snapshot(&page, "exports").await?;

        page.wait_saved().await?;
        page.reload().await?;
        page.heading_is("Exports").await?;
        // The list opens on its first page again; 31 exports take two, so search for it.
        fill(&page, "#export-search", "weekend").await?;
        page.wait_text(row, "kept after the reload", |t| t.contains("Weekend shoppers") && t.contains("Contoso data lake")).await?;
        activity_shows(&page, "Created export", "Weekend shoppers").await?;
        activity_shows(&page, "Started export run", "Weekend shoppers").await?;
        page.wait_text("#activity-list tbody tr:first-child", "the newest event first", |t| t.contains("Weekend shoppers") && t.contains("Jonas Berg")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_detached_export_and_a_deactivated_enrichment_are_reactivated() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        // Where the Remove dialog's "See connected exports" leads.
        page.open("/data/exports?connection=c-1").await?;
        page.wait_text("#connection-filter", "the filter banner", |t| t.contains("Contoso data lake")).await?;
        ensure(page.exists("#export-e-2").await?, "Orders to lake uses the lake")?;
        ensure(!page.exists("#export-e-6").await?, "an export on another connection is filtered out")?;
        press(&page, "#export-e-2 .row-select").await?;
        page.wait_text("#selection-count", "one selected", |t| t == "1 selected").await?;
        page.click("#bulk-detach").await?;
        page.wait_text(".toasts", "the detach toast", |t| t.contains("Connection detached")).await?;
        ensure(!page.exists("#export-e-2").await?, "a detached export no longer uses the connection")?;

        page.click("#clear-connection-filter").await?;
        page.path_is("/data/exports").await?;
        page.wait_text("#export-e-2", "detached", |t| t.contains("No connection")).await?;
        press(&page, "#export-e-2 .open-export").await?;
        page.select("#attach-connection", "c-2").await?;
        page.click("#attach-connection-save").await?;
        page.wait_text("#export-pane-connection", "the new connection", |t| t.contains("Marketing SFTP")).await?;
        page.click("#export-pane-close").await?;
        page.wait_text("#export-e-2", "active again", |t| t.contains("Marketing SFTP")).await?;

        page.click("nav.side-nav a[href='/data/enrichment']").await?;
        page.heading_is("Enrichment").await?;
        press(&page, "#enrichment-n-4 .row-select").await?;
        page.click("#bulk-deactivate").await?;
        page.wait_text("#enrichment-n-4 .active-cell", "inactive", |t| t == "Inactive").await?;
        let kept = page.text("#enrichment-n-4").await?;
        ensure(kept.contains("52,877"), format!("an inactive enrichment keeps its data: {kept}"))?;
        press(&page, "#enrichment-n-4 .open-enrichment").await?;
        page.find("#inactive-note").await?;
        page.click("#enrichment-activate").await?;
        page.wait_text("#enrichment-pane-active", "active", |t| t == "Active").await?;
        page.click("#enrichment-pane-close").await?;
        press(&page, "#enrichment-n-3 .open-enrichment").await?;
        page.find("#inactive-note").await?;
        page.click("#enrichment-pane-close").await?;
        snapshot(&page, "enrichment").await?;

        page.wait_saved().await?;
        page.reload().await?;
        page.heading_is("Enrichment").await?;
        page.wait_text("#enrichment-n-4 .active-cell", "still active after the reload", |t| t == "Active").await?;
        page.open("/data/exports").await?;
        page.wait_text("#export-e-2", "still on SFTP after the reload", |t| t.contains("Marketing SFTP")).await?;
        activity_shows(&page, "Detached connection", "Orders to lake").await?;
        activity_shows(&page, "Added connection to export", "Orders to lake").await?;
        activity_shows(&page, "Deactivated enrichment", "Normalised addresses").await?;
        activity_shows(&page, "Activated enrichment", "Normalised addresses").await?;
        page.select("#activity-object", "enrichment").await?;
        page.wait_text("#activity-list tbody", "only enrichment events", |t| !t.contains("Orders to lake")).await?;
        snapshot(&page, "activity").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_vault_connection_is_created_its_secret_rotated_and_deletion_in_use_refused() {
    in_each_browser(|page| async move {
        // An empty workspace: link the vault and add a secret.
        page.open("/settings/permissions/key-vault").await?;
        page.click("#start-empty").await?;
        page.heading_is("Key Vault").await?;
        fill(&page, "#vault-subscription", "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c").await?;
        fill(&page, "#vault-name", "fabrikam-vault").await?;
        page.click("#vault-link").await?;
        page.wait_text("#vault-consent-error", "the consent refusal", |t| t.contains("I agree")).await?;
        page.click("#vault-consent").await?;
        page.click("#vault-link").await?;
        page.wait_text("#vault-tile-name", "the linked vault", |t| t == "fabrikam-vault").await?;
        fill(&page, "#secret-name", "partner-password").await?;
        fill(&page, "#secret-value", "Typed-Secret-4711").await?;
        page.click("#secret-add").await?;
        page.wait_text("#secret-partner-password .secret-version", "version 1", |t| t.starts_with("Version 1")).await?;

        // A connection whose password comes from the vault (Settings > Connections > Add connection).
        page.open("/settings/connections/exports").await?;
        page.click("#add-connection").await?;
        page.find("#setup-pane[open]").await?;
        page.select("#field-type", "sftp-export").await?;
        fill(&page, "#field-display_name", "Partner SFTP").await?;
        fill(&page, "#field-username", "partner-export").await?;
        fill(&page, "#field-hostname", "sftp.fabrikam.com").await?;
        fill(&page, "#field-folder", "exports/partner").await?;
        press_centred(&page, "#use-key-vault").await?;
        page.select("#field-password", "partner-password").await?;
        press_centred(&page, "#field-consent").await?;
        press_centred(&page, "#pane-save").await?;
        page.wait_text("#connection-list tbody", "the new connection", |t| t.contains("Partner SFTP")).await?;

        // Rotate: a new version, picked up by the connection; delete: refused, naming it.
        page.click("nav.side-nav a[href='/settings/permissions/key-vault']").await?;
        page.heading_is("Key Vault").await?;
        page.wait_text("#secret-partner-password .secret-used-by", "its user", |t| t.contains("Partner SFTP")).await?;
        press(&page, "#secret-partner-password .secret-rotate").await?;
        fill(&page, "#rotate-value", "Typed-Secret-4712").await?;
        page.click("#rotate-confirm").await?;
        page.wait_text("#secret-partner-password .secret-version", "version 2", |t| t.starts_with("Version 2")).await?;
        press(&page, "#secret-partner-password .secret-delete").await?;
        page.click("#delete-secret-confirm").await?;
        page.wait_text("#delete-secret-error", "the refusal naming the connection", |t| t.contains("partner-password") && t.contains("Partner SFTP")).await?;
        page.screenshot("key-vault-refusal").await?;
        page.client.find(fantoccini::Locator::Css("#delete-secret-dialog button:not(.danger)")).await?.click().await?;
        ensure(page.exists("#secret-partner-password").await?, "the secret in use is still there")?;
        press(&page, "#vault-unlink").await?;
        page.click("#unlink-confirm").await?;
        page.wait_text("#unlink-error", "the unlink refusal", |t| t.contains("Partner SFTP")).await?;
        page.client.find(fantoccini::Locator::Css("#unlink-dialog button:not(.danger)")).await?.click().await?;
        press(&page, "#secret-partner-password .secret-toggle-reachable").await?;
        page.wait_text("#secret-partner-password .secret-status", "unreachable", |t| t == "Unreachable").await?;
        let html = page.script("return document.body.innerHTML", vec![]).await?;
        ensure(!html.to_string().contains("Typed-Secret-47"), "a typed secret value is never on the page")?;
        snapshot(&page, "key-vault").await?;

        page.wait_saved().await?;
        page.reload().await?;
        page.wait_text("#secret-partner-password .secret-version", "version 2 after the reload", |t| t.starts_with("Version 2")).await?;
        page.wait_text("#secret-partner-password .secret-status", "still unreachable", |t| t == "Unreachable").await?;
        activity_shows(&page, "Linked Key Vault", "fabrikam-vault").await?;
        activity_shows(&page, "Added secret", "partner-password").await?;
        activity_shows(&page, "Created connection", "Partner SFTP").await?;
        activity_shows(&page, "Rotated secret", "partner-password").await?;
        activity_shows(&page, "Secret reachability changed", "partner-password").await?;
        let log = page.text("#activity-list").await?;
        ensure(!log.contains("Typed-Secret-47"), "no secret in the activity log")?;
        Ok(())
    })
    .await;
}
