//! A generated store of 2,000 connections and 20,000 exports (the first-run screen's "Load a
//! large demo workspace", size "test"), end to end in Chromium and Firefox. Functional, not
//! timed: Data › Exports shows the first page; sorting and searching give the rows the domain's
//! order says; "Select all N matching" and one bulk Detach act on exactly those N; the Remove
//! dialog of the connection 2,000 exports use detaches them all in one command.
//!
//! Every expectation comes from the same generated workspace built here natively, with each
//! step the browser takes applied to it through `Workspace::apply`.

use connections_domain::generate::DemoSize;
use connections_domain::{Category, Command, ExportRow, Timestamp, UserId, Workspace};
use end_to_end::{ensure, in_each_browser, thousands, Failure, Page};
use fantoccini::Locator;
use std::time::{Duration, Instant};

const ADMIN: &str = "u-admin-1";

/// Generating and saving 20,000 exports in the browser takes a while.
const LOAD_LIMIT: Duration = Duration::from_secs(300);

/// Rows on a page of every list (`PAGE_SIZE` in the app's `ui/table`).
const PAGE: usize = 25;

/// The rows in the Name column's order: by name regardless of case, ties in the domain's order.
fn by_name(ws: &Workspace, descending: bool) -> Vec<ExportRow> {
    let mut rows = ws.export_rows(&UserId::new(ADMIN));
    if descending {
        rows.sort_by(|a, b| b.name.to_lowercase().cmp(&a.name.to_lowercase()));
    } else {
        rows.sort_by_key(|r| r.name.to_lowercase());
    }
    rows
}

fn names(rows: &[ExportRow]) -> Vec<String> {
    rows.iter().map(|r| r.name.clone()).collect()
}

async fn listed(page: &Page, css: &str) -> Result<Vec<String>, Failure> {
    let mut out = Vec::new();
    for cell in page.client.find_all(Locator::Css(css)).await? {
        out.push(cell.text().await?);
    }
    Ok(out)
}

async fn listed_exports(page: &Page) -> Result<Vec<String>, Failure> {
    listed(page, "#export-list tbody tr .open-export").await
}

/// Waits until the listed export names are `expected` (a render may still be on its way).
async fn exports_are(page: &Page, expected: &[String], what: &str) -> Result<(), Failure> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = listed_exports(page).await?;
        if got == expected {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("{what}: expected {:?}…, saw {:?}…", &expected[..3.min(expected.len())], &got[..3.min(got.len())]).into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn dismiss_toasts(page: &Page) -> Result<(), Failure> {
    for toast in page.client.find_all(Locator::Css(".toast-dismiss")).await? {
        let _ = toast.click().await;
    }
    Ok(())
}

async fn fill(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let field = page.find(css).await?;
    field.clear().await?;
    if text.is_empty() {
        // Clearing fires no input event: type a space and take it back, as a user would.
        field.send_keys(" ").await?;
        field.send_keys("\u{E003}").await?;
    } else {
        field.send_keys(text).await?;
    }
    Ok(())
}

async fn load_test_store(page: &Page) -> Result<(), Failure> {
    page.open("/").await?;
    page.select("#large-demo-size", "test").await?;
    page.click("#load-large-demo").await?;
    let deadline = Instant::now() + LOAD_LIMIT;
    let probe = r#"
        const status = document.querySelector('#save-status');
        const text = status ? status.textContent.trim() : '';
        return document.querySelector('.first-run') === null && text === 'All changes saved';
    "#;
    while Instant::now() < deadline {
        if page.script(probe, vec![]).await? == serde_json::Value::Bool(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(format!("the generated store was not saved within {} s", LOAD_LIMIT.as_secs()).into())
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_thousand_exports_page_sort_search_select_all_and_detach_in_bulk() {
    in_each_browser(|page| async move {
        let now = Timestamp(1_763_900_000_000);
        let mut ws = Workspace::generated(DemoSize::Test, now);
        let admin = UserId::new(ADMIN);
        load_test_store(&page).await?;

        // The Remove dialog of the connection 2,000 exports use: one page, Select all 2,000, Detach.
        let hub = ws
            .connection_rows(&admin, Category::Export, connections_domain::Timestamp(0))
            .into_iter()
            .max_by_key(|c| c.used_by_count)
            .ok_or("no export connection")?;
        ensure(hub.used_by_count == 2_000, format!("the hub has 2,000 dependents, not {}", hub.used_by_count))?;
        page.click("nav.side-nav a[href='/settings/connections']").await?;
        page.click("a[href='/settings/connections/exports']").await?;
        fill(&page, "#connection-search", &hub.display_name).await?;
        let menu = format!("#row-menu-{}", hub.id);
        page.find(&menu).await?;
        page.click(&menu).await?;
        page.click(&format!("#row-remove-{}", hub.id)).await?;
        page.find("#remove-dialog[open]").await?;
        page.wait_text("#remove-status", "2,000 exports in the way", |t| t.contains("2000") || t.contains("2,000")).await?;
        let boxes = page.count("#dependent-exports input[type=checkbox]").await?;
        ensure(boxes == PAGE, format!("the dialog draws one page of {PAGE} dependents, not {boxes}"))?;
        page.click("#select-all-dependent-exports").await?;
        page.wait_text("#select-all-dependent-exports-done", "all 2,000 selected", |t| t.contains("2,000")).await?;
        page.click("#detach-exports").await?;
        page.wait_text("#remove-status", "nothing depending", |t| t.contains("Nothing uses this connection")).await?;
        let confirm = page.find("#confirm-remove").await?;
        ensure(confirm.attr("disabled").await?.is_none(), "Remove is offered once all 2,000 are detached")?;
        page.click("#remove-cancel").await?;
        let hub_exports: Vec<_> = ws.dependents(&hub.id).exports.into_iter().map(|(id, _)| id).collect();
        ws.apply(&admin, Command::DetachConnection { exports: hub_exports }, now).map_err(|e| format!("{e:?}"))?;
        dismiss_toasts(&page).await?;
        page.wait_saved().await?;

        // Data › Exports: the first page in name order, the count of all.
        page.click("nav.side-nav a[href='/data/exports']").await?;
        page.heading_is("Exports").await?;
        page.wait_text("#export-count", "all 20,000 counted", |t| t == "20,000 of 20,000 exports").await?;
        let ascending = by_name(&ws, false);
        exports_are(&page, &names(&ascending[..PAGE]), "the first page by name").await?;
        ensure(page.count("#export-list tbody tr").await? == PAGE, "one page of rows")?;
        page.wait_text("#export-page-status", "the range", |t| t.contains("Rows 1–25 of 20,000")).await?;

        // Sorting by the Name header reverses the whole order, back on page one.
        page.click("#export-page-next").await?;
        exports_are(&page, &names(&ascending[PAGE..2 * PAGE]), "the second page").await?;
        page.click("#export-list thead th:nth-of-type(2) .sort-button").await?;
        page.wait_text("#export-page-status", "back on page one", |t| t.contains("Rows 1–25")).await?;
        exports_are(&page, &names(&by_name(&ws, true)[..PAGE]), "the first page by name, descending").await?;
        page.click("#export-list thead th:nth-of-type(2) .sort-button").await?;

        // Searching: the rows whose name (or connection, or type) holds the text, in order.
        // "Loyalty" exports are odd-numbered, so none is one of the hub's (already detached).
        let needle = "loyalty emea";
        let matching: Vec<ExportRow> = ascending
            .iter()
            .filter(|r| {
                r.name.to_lowercase().contains(needle)
                    || r.connection.as_ref().is_some_and(|c| c.display_name.to_lowercase().contains(needle) || c.type_name.to_lowercase().contains(needle))
            })
            .cloned()
            .collect();
        let n = matching.len();
        ensure(n > PAGE, format!("the search should match more than a page, matches {n}"))?;
        fill(&page, "#export-search", "Loyalty EMEA").await?;
        page.wait_text("#export-count", "the matching count", |t| t == format!("{} of 20,000 exports", thousands(n as u64))).await?;
        exports_are(&page, &names(&matching[..PAGE]), "the first matching page").await?;

        // Select the page, then all N matching, then one bulk Detach.
        page.click("#select-all-exports").await?;
        page.wait_text("#selection-count", "the page selected", |t| t == format!("{PAGE} selected")).await?;
        page.click("#select-all-matching").await?;
        page.wait_text("#selection-count", "all matching selected", |t| t == format!("{n} selected")).await?;
        ensure(page.count("#export-list tbody tr").await? == PAGE, "selecting all renders no more rows")?;
        page.click("#bulk-detach").await?;
        page.wait_text(".toasts", "the detach toast", |t| t.contains(&n.to_string())).await?;
        ensure(matching.iter().all(|r| r.connection.is_some()), "the matching exports are all attached before")?;
        let ids: Vec<_> = matching.iter().map(|r| r.id.clone()).collect();
        ws.apply(&admin, Command::DetachConnection { exports: ids }, now).map_err(|e| format!("{e:?}"))?;
        dismiss_toasts(&page).await?;
        page.wait_saved().await?;

        // Exactly those: with the Connection column sorted, "No connection" comes first, and the
        // page that holds the last detached row shows where they end.
        fill(&page, "#export-search", "").await?;
        page.wait_text("#export-count", "all counted again", |t| t == "20,000 of 20,000 exports").await?;
        page.click("#export-list thead th:nth-of-type(3) .sort-button").await?;
        let mut by_connection = ws.export_rows(&admin);
        by_connection.sort_by_key(|r| (r.connection.as_ref().map(|c| c.display_name.to_lowercase()), r.name.to_lowercase()));
        let detached = by_connection.iter().filter(|r| r.connection.is_none()).count();
        ensure(detached == 2_000 + n, format!("2,000 + {n} exports are detached, the model says {detached}"))?;
        exports_are(&page, &names(&by_connection[..PAGE]), "the first page by connection").await?;
        let last_page = (detached - 1) / PAGE;
        for _ in 0..last_page {
            page.click("#export-page-next").await?;
        }
        let from = last_page * PAGE;
        page.wait_text("#export-page-status", "the page of the last detached row", |t| t.contains(&format!("Rows {}–", thousands((from + 1) as u64)))).await?;
        exports_are(&page, &names(&by_connection[from..from + PAGE]), "the page where the detached rows end").await?;
        let cells = listed(&page, "#export-list tbody tr .connection-cell").await?;
        let shown_detached = cells.iter().filter(|c| c.contains("No connection")).count();
        ensure(shown_detached == detached - from, format!("{} rows of this page are detached, saw {shown_detached}", detached - from))?;

        // They stay detached after a reload.
        page.reload().await?;
        page.heading_is("Exports").await?;
        fill(&page, "#export-search", "Loyalty EMEA").await?;
        page.wait_text("#export-count", "the matching count after reload", |t| t.starts_with(&thousands(names(&matching).len() as u64))).await?;
        let after = listed(&page, "#export-list tbody tr .connection-cell").await?;
        ensure(after.iter().all(|c| c.contains("No connection")), "every matching export stays detached")?;

        // How the first page of 20,000 looks, wide and narrow.
        fill(&page, "#export-search", "").await?;
        page.wait_text("#export-count", "all counted", |t| t == "20,000 of 20,000 exports").await?;
        page.script("window.scrollTo(0, 0)", vec![]).await?;
        for (width, name) in [(1280, "exports-20k"), (390, "exports-20k-narrow")] {
            page.client.set_window_size(width, 900).await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            page.screenshot(name).await?;
        }
        page.client.set_window_size(1280, 900).await?;
        Ok(())
    })
    .await;
}
