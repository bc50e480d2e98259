//! Connection health and the map of what uses a connection, end to end: a new connection is Not
//! tested, Test connection (once by pointer, once by keyboard) makes it Healthy, the Health
//! column filters and sorts, the details page shows both tests in the history table and on the
//! timeline; the map names the same exports in its picture and its table, and Enter on a node
//! opens that export. Screenshots of each, light and dark, for the README.

use end_to_end::{ensure, in_each_browser, Failure, Page};
use fantoccini::elements::Element;
use fantoccini::Locator;
use std::collections::BTreeSet;

const ENTER: &str = "\u{E007}";
const ARROW_DOWN: &str = "\u{E015}";

async fn type_in(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let input = page.find(css).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

async fn row_named(page: &Page, name: &str) -> Result<Element, Failure> {
    let xpath = format!("//table[@id='connection-list']//tr[.//span[@class='name-text' and normalize-space()='{name}']]");
    page.client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::XPath(&xpath))
        .await
        .map_err(|e| format!("no row named {name:?}: {e}").into())
}

async fn row_id(page: &Page, name: &str) -> Result<String, Failure> {
    Ok(row_named(page, name).await?.attr("data-connection-id").await?.ok_or("row without an id")?)
}

/// Waits until the Health cell of the row `id` reads `expected`.
async fn health_is(page: &Page, id: &str, expected: &str) -> Result<(), Failure> {
    page.wait_text(&format!("tr[data-connection-id='{id}'] .health-badge"), &format!("{expected:?}"), |t| t.contains(expected)).await.map(|_| ())
}

/// Waits until nothing matches `css`.
async fn wait_gone(page: &Page, css: &str) -> Result<(), Failure> {
    for _ in 0..200 {
        if !page.exists(css).await? {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!("`{css}` should be gone").into())
}

async fn texts(page: &Page, css: &str) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    for element in page.client.find_all(Locator::Css(css)).await? {
        out.push(element.text().await?.trim().to_string());
    }
    Ok(out)
}

async fn attrs(page: &Page, css: &str, attr: &str) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    for element in page.client.find_all(Locator::Css(css)).await? {
        out.push(element.attr(attr).await?.unwrap_or_default());
    }
    Ok(out)
}

/// Screenshots at 1280 px, light and dark, then the same at 390 px (kept as `-narrow`).
async fn screenshots(page: &Page, name: &str, ready: &str) -> Result<(), Failure> {
    for theme in ["light", "dark"] {
        page.select("#theme-menu", theme).await?;
        page.find(ready).await?;
        // Only for the picture: no focus ring on the theme menu, and at 390 px the part shown
        // scrolled into view below the navigation.
        page.script("document.activeElement && document.activeElement.blur()", vec![]).await?;
        page.script("document.querySelector(arguments[0]).scrollIntoView()", vec![serde_json::json!(ready)]).await?;
        let suffix = if theme == "dark" { "-dark" } else { "" };
        page.screenshot(&format!("{name}{suffix}")).await?;
        page.client.set_window_size(390, 900).await?;
        page.script("document.querySelector(arguments[0]).scrollIntoView()", vec![serde_json::json!(ready)]).await?;
        page.screenshot(&format!("{name}{suffix}-narrow")).await?;
        page.script("window.scrollTo(0, 0)", vec![]).await?;
        page.client.set_window_size(1280, 900).await?;
    }
    page.select("#theme-menu", "light").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn test_connection_twice_makes_a_new_connection_healthy_with_both_tests_in_its_history() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;

        // A new enrichment connection, from its Discover tile.
        page.open("/settings/connections/discover").await?;
        type_in(&page, "#discover-search", "maps").await?;
        page.click("#set-up-azure-maps").await?;
        page.find("#setup-pane[open]").await?;
        type_in(&page, "#field-display_name", "Store geocoding").await?;
        type_in(&page, "#field-api_key", "e2e-maps-key").await?;
        page.click("#field-consent").await?;
        page.click("#pane-save").await?;
        page.path_is("/settings/connections/enrichment").await?;
        let id = row_id(&page, "Store geocoding").await?;
        health_is(&page, &id, "Not tested").await?;

        // Test connection with the pointer: the row menu, then Test connection.
        page.click(&format!("#row-menu-{id}")).await?;
        page.click(&format!("#row-test-{id}")).await?;
        page.wait_text("#test-summary", "a passed test", |t| t.contains("passed")).await?;
        page.click("#test-close").await?;
        health_is(&page, &id, "Healthy").await?;

        // And with the keyboard: Enter opens the menu on its first item, ArrowDown reaches Test.
        page.find(&format!("#row-menu-{id}")).await?.send_keys(ENTER).await?;
        page.find(&format!("#row-edit-{id}")).await?.send_keys(ARROW_DOWN).await?;
        page.find(&format!("#row-test-{id}")).await?.send_keys(ENTER).await?;
        page.wait_text("#test-summary", "a passed test", |t| t.contains("passed")).await?;
        page.find("#test-close").await?.send_keys(ENTER).await?;
        page.wait_saved().await?;

        // The Health column filters and sorts.
        page.select("#health-filter", "not-tested").await?;
        wait_gone(&page, &format!("tr[data-connection-id='{id}']")).await?;
        ensure(attrs(&page, "#connection-list .health-badge", "data-health").await?.iter().all(|h| h == "not-tested"), "only untested rows")?;
        page.select("#health-filter", "healthy").await?;
        health_is(&page, &id, "Healthy").await?;
        ensure(attrs(&page, "#connection-list .health-badge", "data-health").await?.iter().all(|h| h == "healthy"), "only healthy rows")?;
        page.select("#health-filter", "").await?;
        page.click("#sort-health").await?;
        let order = attrs(&page, "#connection-list .health-badge", "data-health").await?;
        let rank = |h: &String| ["failing", "needs-attention", "not-tested", "healthy"].iter().position(|x| x == h).unwrap_or(9);
        ensure(order.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), format!("sorted most urgent first: {order:?}"))?;
        ensure(page.find("#sort-health").await?.find(Locator::XPath("..")).await?.attr("aria-sort").await?.as_deref() == Some("ascending"), "aria-sort")?;

        // The details: both tests in the history table and on the timeline.
        page.click(&format!("#row-menu-{id}")).await?;
        page.click(&format!("#row-health-{id}")).await?;
        page.path_is(&format!("/settings/connections/details/{id}")).await?;
        page.heading_is("Store geocoding").await?;
        page.wait_text("#health-state", "Healthy", |t| t.contains("Healthy")).await?;
        let rows = texts(&page, "#history-table tbody tr").await?;
        ensure(rows.len() == 2, format!("two tests in the history, found {rows:?}"))?;
        ensure(rows.iter().all(|r| r.contains("Test connection") && r.contains("Passed") && r.contains("Alex Morgan")), format!("{rows:?}"))?;
        ensure(page.count("#history-timeline .timeline-entry").await? == 2, "two marks on the timeline")?;
        let label = page.find("#history-timeline").await?.attr("aria-labelledby").await?;
        ensure(label.as_deref() == Some("timeline-title timeline-desc"), "the timeline is a labelled image")?;

        // A third test from the details page adds a row and keeps the focus on its button.
        page.find("#details-test").await?.send_keys(ENTER).await?;
        page.wait_text("#details-test-result", "the result", |t| t.contains("passed")).await?;
        let focused = page.script("return document.activeElement && document.activeElement.id", vec![]).await?;
        ensure(focused == serde_json::json!("details-test"), format!("focus stays on Test connection, is on {focused}"))?;
        ensure(page.count("#history-table tbody tr").await? == 3, "the third test is in the history")?;
        page.wait_saved().await?;
        for dismiss in page.client.find_all(Locator::Css(".toasts .toast-dismiss")).await? {
            // A toast may leave by itself between finding and clicking; that is fine.
            let _ = dismiss.click().await;
        }
        screenshots(&page, "health-history", "#history-heading").await?;

        page.open("/settings/connections/exports").await?;
        row_named(&page, "Email journeys").await?;
        screenshots(&page, "health-column", "#page-title").await?;

        // An export whose run failed because of its connection says so and links to it.
        page.open("/data/exports").await?;
        let cause = page
            .client
            .wait()
            .at_most(std::time::Duration::from_secs(20))
            .for_element(Locator::XPath("//tr[.//button[normalize-space()='Survey invitations']]//a[@class='connection-cause']"))
            .await?;
        let said = cause.text().await?;
        ensure(said == "Its connection Email journeys is failing", format!("the failed run says {said:?}"))?;
        cause.click().await?;
        page.heading_is("Email journeys").await?;
        page.wait_text("#health-state", "Failing", |t| t.contains("Failing")).await?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_names_the_same_exports_as_its_table_and_a_node_opens_its_export() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/connections/exports").await?;
        let id = row_id(&page, "Contoso data lake").await?;

        // Test all connections, with its progress: Email journeys' vault secret is unreachable.
        page.click("#test-all").await?;
        page.wait_text("#test-all-status", "the end of Test all", |t| t == "Done: tested 8 of 8. Failed: 1.").await?;
        page.find("#test-all-progress").await?;

        // From the Remove dialog…
        page.click(&format!("#row-menu-{id}")).await?;
        page.click(&format!("#row-remove-{id}")).await?;
        page.click("#remove-map").await?;
        page.path_is(&format!("/settings/connections/map/{id}")).await?;
        page.heading_is("What uses Contoso data lake").await?;

        // …and from the row menu.
        page.open("/settings/connections/exports").await?;
        page.click(&format!("#row-menu-{id}")).await?;
        page.click(&format!("#row-map-{id}")).await?;
        page.path_is(&format!("/settings/connections/map/{id}")).await?;
        page.heading_is("What uses Contoso data lake").await?;

        let svg = page.find("#usage-map").await?;
        ensure(svg.attr("aria-labelledby").await?.as_deref() == Some("map-svg-title"), "the picture has an accessible name")?;
        let title = page.script("return document.getElementById('map-svg-title').textContent", vec![]).await?;
        ensure(title == serde_json::json!("Map of what uses Contoso data lake"), format!("accessible name: {title}"))?;

        let drawn: BTreeSet<String> = attrs(&page, "#usage-map a.map-node", "data-name").await?.into_iter().collect();
        let listed: BTreeSet<String> = texts(&page, "#map-table tbody th").await?.into_iter().collect();
        let expected: BTreeSet<String> =
            ["All customers to lake", "Orders to lake", "Loyalty members to lake", "Churn risk to lake", "Web visits to lake", "Returns to lake"]
                .into_iter()
                .map(String::from)
                .collect();
        ensure(drawn == expected, format!("the picture draws {drawn:?}"))?;
        ensure(listed == expected, format!("the text alternative lists {listed:?}"))?;
        let failing = texts(&page, "#usage-map .map-failing .map-group-label").await?;
        ensure(failing.iter().any(|t| t.contains("Failing: 1")), format!("the failed export is grouped apart: {failing:?}"))?;
        screenshots(&page, "health-map", "#page-title").await?;

        // Follow a node with the keyboard: Enter on the focused node opens that export.
        let node = page.find("#usage-map a.map-node[data-name='Churn risk to lake']").await?;
        node.send_keys(ENTER).await?;
        page.path_is("/data/exports").await?;
        page.wait_text("#export-pane[open] #export-pane-title", "the export's pane", |t| t == "Churn risk to lake").await?;

        // A contributor sees the same names (what Data › Exports shows them) and no Test button.
        page.open(&format!("/settings/connections/map/{id}")).await?;
        page.heading_is("What uses Contoso data lake").await?;
        page.select("#user-menu", "u-contrib-1").await?;
        page.find("#map-details").await?;
        let listed: BTreeSet<String> = texts(&page, "#map-table tbody th").await?.into_iter().collect();
        ensure(listed == expected, format!("a contributor's list: {listed:?}"))?;
        page.click("#map-details").await?;
        page.path_is(&format!("/settings/connections/details/{id}")).await?;
        page.find("#health-state").await?;
        ensure(!page.exists("#details-test").await?, "contributors may not test")?;
        Ok(())
    })
    .await;
}
