//! Settings > Connections end to end, following each numbered procedure of the newest
//! documentation page (seed 000): add a connection of each category (a typed secret, an
//! enrichment from a Discover tile, one whose secret comes from the Key Vault), allow
//! contributors to use an export connection and act as one, manage and sort, edit, and remove
//! connections that exports and enrichments use. Every step is a real click or keystroke.

use end_to_end::{ensure, in_each_browser, Failure, Page};
use fantoccini::elements::Element;
use fantoccini::Locator;

const ENTER: &str = "\u{E007}";

/// Types `text` into the input `css` after clearing it.
async fn type_in(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let input = page.find(css).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

/// The row of the list whose display name is exactly `name`.
async fn row_named(page: &Page, name: &str) -> Result<Element, Failure> {
    let xpath = format!("//table[@id='connection-list']//tr[.//span[@class='name-text' and normalize-space()='{name}']]");
    page.client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::XPath(&xpath))
        .await
        .map_err(|e| format!("no row named {name:?}: {e}").into())
}

async fn listed_names(page: &Page) -> Result<Vec<String>, Failure> {
    let mut names = Vec::new();
    for cell in page.client.find_all(Locator::Css("#connection-list tbody .name-text")).await? {
        names.push(cell.text().await?);
    }
    Ok(names)
}

/// Opens the action menu of the row `name` and picks `item` (edit, test, duplicate, remove).
async fn row_action(page: &Page, name: &str, item: &str) -> Result<String, Failure> {
    let row = row_named(page, name).await?;
    let id = row.attr("data-connection-id").await?.ok_or("row without an id")?;
    page.click(&format!("#row-menu-{id}")).await?;
    page.click(&format!("#row-{item}-{id}")).await?;
    Ok(id)
}

/// Waits for a toast, then closes every toast with its × button, as a user would before clicking
/// a row menu that a toast in the bottom corner covers.
async fn toast_says(page: &Page, what: &str) -> Result<(), Failure> {
    page.wait_text(".toasts", &format!("a toast saying {what:?}"), |t| t.contains(what)).await?;
    for dismiss in page.client.find_all(Locator::Css(".toasts .toast-dismiss")).await? {
        // A toast may leave by itself between finding and clicking; that is fine.
        let _ = dismiss.click().await;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn add_a_connection_of_each_category_then_share_one_with_contributors() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;

        // Add connection (export, typed secret): Settings > Connections > Add connection.
        page.click("nav.side-nav a[href='/settings/connections']").await?;
        page.heading_is("Connections (preview)").await?;
        page.click("#tab-exports").await?;
        page.path_is("/settings/connections/exports").await?;
        page.click("#add-connection").await?;
        page.find("#setup-pane[open]").await?;
        page.select("#field-type", "azure-blob-storage").await?;
        type_in(&page, "#field-display_name", "Orders archive").await?;
        type_in(&page, "#field-account_name", "Orders Store").await?;
        page.click("#field-container").await?;
        page.wait_text("#field-account_name-error", "the account-name rule", |t| t.contains("lower-case")).await?;
        type_in(&page, "#field-account_name", "ordersstore").await?;
        type_in(&page, "#field-container", "order-files").await?;
        type_in(&page, "#field-account_key", "e2e-typed-key-123").await?;
        ensure(page.find("#pane-save").await?.attr("disabled").await?.is_some(), "Save waits for I agree")?;
        page.click("#usable-contributors").await?;
        page.click("#field-consent").await?;
        page.screenshot("connections-pane").await?;
        page.click("#pane-save").await?;
        toast_says(&page, "Saved the connection Orders archive.").await?;
        row_named(&page, "Orders archive").await?;
        let source = page.client.source().await?;
        ensure(!source.contains("e2e-typed-key-123"), "the typed secret is nowhere in the page")?;

        // Add an enrichment connection from a Discover tile.
        page.click("#tab-discover").await?;
        page.path_is("/settings/connections/discover").await?;
        page.find("#discover-grid").await?;
        page.screenshot("connections-discover").await?;
        type_in(&page, "#discover-search", "maps").await?;
        page.click("#set-up-azure-maps").await?;
        page.find("#setup-pane[open]").await?;
        type_in(&page, "#field-display_name", "Store geocoding").await?;
        type_in(&page, "#field-api_key", "e2e-maps-key").await?;
        page.click("#field-consent").await?;
        page.click("#pane-save").await?;
        page.path_is("/settings/connections/enrichment").await?;
        row_named(&page, "Store geocoding").await?;
        page.screenshot("connections-enrichment").await?;

        // Add an export connection whose password comes from the Key Vault.
        page.click("#tab-exports").await?;
        page.click("#add-connection").await?;
        page.select("#field-type", "sftp-export").await?;
        type_in(&page, "#field-display_name", "Partner SFTP").await?;
        type_in(&page, "#field-username", "partner-export").await?;
        type_in(&page, "#field-hostname", "sftp.fabrikam.com").await?;
        type_in(&page, "#field-folder", "exports/partner").await?;
        page.click("#use-key-vault").await?;
        page.select("#field-password", "sftp-password").await?;
        page.click("#field-consent").await?;
        page.click("#pane-save").await?;
        toast_says(&page, "Saved the connection Partner SFTP.").await?;
        let partner = row_named(&page, "Partner SFTP").await?;
        ensure(partner.text().await?.contains("Administrators"), "only administrators by default")?;
        page.wait_saved().await?;
        page.screenshot("connections-exports").await?;

        // Act as a contributor: the list is read-only, the shared connection is offered for
        // exports with its name only, and the admin-only one is not.
        page.select("#user-menu", "u-contrib-1").await?;
        page.wait_text("#connection-list", "the list for a contributor", |t| t.contains("Orders archive")).await?;
        ensure(!page.exists("#add-connection").await?, "contributors can't add connections")?;
        ensure(!page.exists(".row-menu-holder:not([hidden])").await?, "contributors see no connection actions")?;
        page.click("nav.side-nav a[href='/data/exports']").await?;
        page.heading_is("Exports").await?;
        page.click("#add-export-open").await?;
        let offered = page.wait_text("#add-export-connection", "the shared connection", |t| t.contains("Orders archive")).await?;
        ensure(!offered.contains("Partner SFTP"), format!("an admin-only connection was offered: {offered}"))?;
        ensure(!offered.contains("ordersstore"), "contributors see no connection details")?;

        page.open("/settings/connections/exports?add=sftp-export").await?;
        page.wait_text("#access-denied", "a refusal for the contributor", |t| t.contains("Contributor")).await?;
        ensure(!page.exists("#setup-pane[open]").await?, "no pane for a contributor")?;

        // Everything is still there after a reload.
        page.select("#user-menu", "u-admin-1").await?;
        page.open("/settings/connections/exports").await?;
        page.reload().await?;
        for name in ["Orders archive", "Partner SFTP"] {
            row_named(&page, name).await?;
        }
        page.open("/settings/connections/enrichment").await?;
        row_named(&page, "Store geocoding").await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn manage_sort_edit_and_remove_connections_that_are_in_use() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/connections/exports").await?;
        page.find("#connection-list").await?;

        // Sort by any column, with the mouse and with the keyboard.
        let ascending = listed_names(&page).await?;
        page.click("#sort-display-name").await?;
        page.wait_text("th[aria-sort='descending']", "the name column descending", |t| t.contains("Display name")).await?;
        let descending = listed_names(&page).await?;
        let mut expected = ascending.clone();
        expected.reverse();
        ensure(descending == expected, format!("descending order: {descending:?}"))?;
        page.find("#sort-used-by").await?.send_keys(ENTER).await?;
        page.wait_text("th[aria-sort='ascending']", "the used-by column ascending", |t| t.contains("Used by")).await?;
        type_in(&page, "#connection-search", "lake").await?;
        page.wait_text("#connection-list tbody", "only the lake", |t| t.contains("Contoso data lake") && !t.contains("Marketing SFTP")).await?;
        // WebDriver's clear() fires no input event, so erase the search as a user would.
        page.find("#connection-search").await?.send_keys(&"\u{E003}".repeat(4)).await?;

        // Edit: rename, and take contributors off while existing exports keep running.
        row_action(&page, "Contoso data lake", "edit").await?;
        page.find("#setup-pane[open]").await?;
        let key_hint = page.text("#field-account_key-hint").await?;
        ensure(key_hint.contains("A secret is saved"), format!("the saved secret is shown as saved: {key_hint}"))?;
        type_in(&page, "#field-display_name", "Contoso lake archive").await?;
        page.click("#usable-admins").await?;
        page.click("#pane-save").await?;
        toast_says(&page, "keep running").await?;
        row_named(&page, "Contoso lake archive").await?;

        // Test connection: a vault secret that can't be reached is named.
        row_action(&page, "Email journeys", "test").await?;
        page.wait_text("#test-problems", "the unreachable secret", |t| t.contains("klaviyo-api-key")).await?;
        page.click("#test-close").await?;

        // Remove an export connection in use: detach two exports, remove the rest, then Remove.
        row_action(&page, "Marketing SFTP", "remove").await?;
        page.find("#remove-dialog[open]").await?;
        let boxes = page.client.find_all(Locator::Css("#dependent-exports input[type=checkbox]")).await?;
        ensure(boxes.len() >= 3, format!("the dialog lists the exports, saw {}", boxes.len()))?;
        ensure(page.find("#confirm-remove").await?.attr("disabled").await?.is_some(), "Remove waits for the exports")?;
        let see = page.find("#see-exports").await?.attr("href").await?.unwrap_or_default();
        ensure(see.starts_with("/data/exports?connection="), format!("link to the filtered exports: {see}"))?;
        boxes[0].click().await?;
        boxes[1].click().await?;
        page.click("#detach-exports").await?;
        toast_says(&page, "Detached the connection from").await?;
        for checkbox in page.client.find_all(Locator::Css("#dependent-exports input[type=checkbox]")).await? {
            checkbox.click().await?;
        }
        page.click("#remove-exports").await?;
        page.wait_text("#remove-status", "nothing depending", |t| t.contains("Nothing uses this connection")).await?;
        page.click("#confirm-remove").await?;
        toast_says(&page, "Removed the connection Marketing SFTP.").await?;
        page.wait_text("#connection-list", "the list without it", |t| !t.contains("Marketing SFTP")).await?;

        // Remove an enrichment connection in use: deactivate one enrichment, delete the other.
        page.click("#tab-enrichment").await?;
        row_action(&page, "Address cleanup", "remove").await?;
        page.find("#remove-dialog[open]").await?;
        let boxes = page.client.find_all(Locator::Css("#dependent-enrichments input[type=checkbox]")).await?;
        ensure(boxes.len() == 2, format!("two active enrichments, saw {}", boxes.len()))?;
        boxes[0].click().await?;
        page.click("#deactivate-enrichments").await?;
        toast_says(&page, "Deactivated the enrichment").await?;
        page.click("#dependent-enrichments input[type=checkbox]").await?;
        page.click("#delete-enrichments").await?;
        toast_says(&page, "Deleted the enrichment").await?;
        page.click("#confirm-remove").await?;
        toast_says(&page, "Removed the connection Address cleanup.").await?;

        // Both are gone after a reload; the detached exports are kept without a connection.
        page.wait_saved().await?;
        page.reload().await?;
        page.wait_text("#connection-list", "the enrichment list", |t| t.contains("Firmographics")).await?;
        ensure(!listed_names(&page).await?.contains(&"Address cleanup".to_string()), "Address cleanup stays removed")?;
        page.open("/settings/connections/exports").await?;
        page.wait_text("#connection-list", "the export list", |t| t.contains("Contoso lake archive")).await?;
        ensure(!listed_names(&page).await?.contains(&"Marketing SFTP".to_string()), "Marketing SFTP stays removed")?;
        Ok(())
    })
    .await;
}
