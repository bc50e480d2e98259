//! What a new user trips over (issue 14, items 3–6), with real pointer and keyboard input in
//! Chromium and Firefox: the I agree click after a wrong value, Save's reasons and the fields
//! they lead to, the Remove dialog's distinct buttons and plural counts in English and French,
//! and at 390 px the folded navigation and no sideways scrolling on any route.

use end_to_end::{ensure, in_each_browser, in_each_browser_narrow, Failure, Page};
use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::Locator;
use std::time::Duration;

const ESCAPE: char = '\u{E00C}';
const ENTER: char = '\u{E007}';
const TAB: char = '\u{E004}';

/// Every route, at 390 px none may scroll sideways.
const ROUTES: &[&str] = &[
    "/settings/connections/exports",
    "/settings/connections/enrichment",
    "/settings/connections/discover",
    "/data/exports",
    "/data/enrichment",
    "/settings/permissions/key-vault",
    "/settings/workspace",
    "/activity",
    "/engagement/settings",
    "/admin-centre",
    "/admin-centre/connections",
    "/reports/profiles",
    "/no/such/page",
];

/// Presses the pointer on the middle of `element` and lets go `hold` later, as a person does
/// (a WebDriver click lets go at once, before a layout shift could move the target).
async fn press_and_hold(page: &Page, element: Element, hold: Duration) -> Result<(), Failure> {
    let actions = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveToElement { element, duration: Some(Duration::from_millis(50)), x: 0.0, y: 0.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Pause { duration: hold })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    page.client.perform_actions(actions).await?;
    page.client.release_actions().await?;
    Ok(())
}

async fn key(page: &Page, value: char) -> Result<(), Failure> {
    let actions = KeyActions::new("keyboard".to_string()).then(KeyAction::Down { value }).then(KeyAction::Up { value });
    page.client.perform_actions(actions).await?;
    Ok(())
}

/// Types `text` into the input `css` after clearing it (focus stays there).
async fn type_in(page: &Page, css: &str, text: &str) -> Result<(), Failure> {
    let input = page.find(css).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

/// Scrolls `css` to the middle of its scroll area, so the pointer can reach it.
async fn scroll_to(page: &Page, css: &str) -> Result<Element, Failure> {
    let element = page.find(css).await?;
    page.script("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&element)?]).await?;
    Ok(element)
}

async fn focused_id(page: &Page) -> Result<String, Failure> {
    let id = page.script("return document.activeElement ? document.activeElement.id : ''", vec![]).await?;
    Ok(id.as_str().unwrap_or_default().to_string())
}

/// Waits (bounded) until the focused element has id `id`.
async fn focus_is(page: &Page, id: &str) -> Result<(), Failure> {
    for _ in 0..50 {
        if focused_id(page).await? == id {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("focus should be on #{id}, is on #{}", focused_id(page).await?).into())
}

async fn is_checked(page: &Page, css: &str) -> Result<bool, Failure> {
    Ok(page.find(css).await?.prop("checked").await?.as_deref() == Some("true"))
}

/// Opens Settings › Connections › Exports › Add connection with Azure Blob Storage chosen.
async fn open_blob_pane(page: &Page) -> Result<(), Failure> {
    page.load_sample_data().await?;
    page.click("nav.side-nav a[href='/settings/connections']").await?;
    page.heading_is("Connections (preview)").await?;
    page.click("#tab-exports").await?;
    page.click("#add-connection").await?;
    page.find("#setup-pane[open]").await?;
    page.select("#field-type", "azure-blob-storage").await?;
    page.find("#field-account_name").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn i_agree_takes_a_human_click_right_after_a_wrong_value() {
    in_each_browser(|page| async move {
        open_blob_pane(&page).await?;
        type_in(&page, "#field-display_name", "Orders archive").await?;
        // A wrong value, typed without a WebDriver clear (which blurs), so that focus stays in the
        // field: leaving it by pressing I agree must not move I agree.
        page.find("#field-account_name").await?.send_keys("Orders Store").await?;
        let agree = scroll_to(&page, "#field-consent").await?;
        ensure(focused_id(&page).await? == "field-account_name", "focus is still in the wrong field")?;
        press_and_hold(&page, agree, Duration::from_millis(120)).await?;
        ensure(is_checked(&page, "#field-consent").await?, "the press on I agree ticks it")?;
        ensure(page.find("#pane-save").await?.attr("disabled").await?.is_none(), "Save is enabled once I agree is ticked")?;
        page.wait_text("#field-account_name-error", "the account-name rule", |t| t.contains("lower-case")).await?;

        // The same with a required field left empty.
        press_and_hold(&page, page.find("#field-consent").await?, Duration::from_millis(120)).await?;
        ensure(!is_checked(&page, "#field-consent").await?, "a second press unticks it")?;
        page.click("#field-container").await?;
        let agree = scroll_to(&page, "#field-consent").await?;
        press_and_hold(&page, agree, Duration::from_millis(120)).await?;
        ensure(is_checked(&page, "#field-consent").await?, "the press after an empty field ticks I agree")?;
        ensure(page.find("#pane-save").await?.attr("disabled").await?.is_none(), "Save is enabled again")?;
        Ok(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn save_says_why_it_cannot_be_pressed_and_each_reason_leads_to_its_field() {
    in_each_browser(|page| async move {
        open_blob_pane(&page).await?;
        let save = page.find("#pane-save").await?;
        ensure(save.attr("disabled").await?.is_some(), "Save waits for I agree")?;
        ensure(save.attr("aria-describedby").await?.as_deref() == Some("pane-save-reasons"), "Save is described by its reasons")?;
        // A name, nothing else: three fields of Blob storage are still empty.
        type_in(&page, "#field-display_name", "Orders archive").await?;
        page.wait_text("#pane-save-reasons", "both reasons", |t| {
            t.contains("Agree to the data privacy terms") && t.contains("3 fields need attention")
        })
        .await?;
        page.screenshot("new-user-save-reasons").await?;

        // The consent reason moves focus to I agree.
        page.click("#reason-consent").await?;
        focus_is(&page, "field-consent").await?;

        // The fields reason, from the keyboard, moves to the first field and shows its message.
        for _ in 0..10 {
            if focused_id(&page).await? == "reason-fields" {
                break;
            }
            key(&page, TAB).await?;
        }
        ensure(focused_id(&page).await? == "reason-fields", "Tab reaches the fields reason after I agree")?;
        key(&page, ENTER).await?;
        focus_is(&page, "field-account_name").await?;
        page.wait_text("#field-account_name-error", "a message", |t| !t.is_empty()).await?;

        // Two fields put right: one left, in the singular.
        type_in(&page, "#field-account_name", "ordersstore").await?;
        type_in(&page, "#field-container", "order-files").await?;
        page.wait_text("#reason-fields", "one field left", |t| t == "1 field needs attention").await?;
        page.click("#reason-fields").await?;
        focus_is(&page, "field-account_key").await?;
        type_in(&page, "#field-account_key", "e2e-typed-key-123").await?;
        page.wait_text("#pane-save-reasons", "only the consent reason", |t| t == "Agree to the data privacy terms").await?;
        press_and_hold(&page, scroll_to(&page, "#field-consent").await?, Duration::from_millis(120)).await?;
        page.wait_text("#pane-save-reasons", "no reason left", str::is_empty).await?;
        ensure(page.find("#pane-save").await?.attr("disabled").await?.is_none(), "Save is enabled")?;
        Ok(())
    })
    .await;
}

/// Opens the Remove dialog of `name` on the export connections list through its ⋮ menu.
async fn open_remove(page: &Page, name: &str) -> Result<(), Failure> {
    let xpath = format!("//table[@id='connection-list']//tr[.//span[@class='name-text' and normalize-space()='{name}']]");
    let row = page
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::XPath(&xpath))
        .await
        .map_err(|e| format!("no row named {name:?}: {e}"))?;
    let id = row.attr("data-connection-id").await?.ok_or("row without an id")?;
    let menu = page.find(&format!("#row-menu-{id}")).await?;
    ensure(menu.text().await? == "⋮", format!("the row menu is a vertical ellipsis, is {:?}", menu.text().await?))?;
    // A toast left from an earlier step may cover the menu's lower items (Remove is the last).
    dismiss_toasts(page).await?;
    menu.click().await?;
    page.click(&format!("#row-remove-{id}")).await?;
    page.find("#remove-dialog[open]").await?;
    Ok(())
}

async fn dismiss_toasts(page: &Page) -> Result<(), Failure> {
    for dismiss in page.client.find_all(Locator::Css(".toasts .toast-dismiss")).await? {
        let _ = dismiss.click().await;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_remove_dialog_names_its_actions_apart_and_counts_in_english_and_french() {
    in_each_browser(|page| async move {
        page.load_sample_data().await?;
        page.open("/settings/connections/exports").await?;
        page.heading_is("Connections (preview)").await?;

        open_remove(&page, "Contoso data lake").await?;
        page.wait_text("#remove-status", "6 exports, 0 enrichments", |t| t.contains("used by 6 exports and 0 active enrichments."))
            .await?;
        ensure(page.text("#remove-exports").await? == "Remove selected exports", "the exports' button says what it removes")?;
        ensure(page.text("#confirm-remove").await? == "Remove connection", "the dialog's own button names the connection")?;
        page.screenshot("new-user-remove-dialog").await?;
        ensure(!page.text("#remove-dialog").await?.contains("(s)"), "no “(s)” in the dialog")?;
        page.click("#remove-cancel").await?;

        page.select("#language-menu", "fr").await?;
        page.heading_is("Connexions (version préliminaire)").await?;
        open_remove(&page, "Contoso data lake").await?;
        page.wait_text("#remove-status", "6 exportations, 0 enrichissement", |t| {
            t.contains("utilisée par 6 exportations et 0 enrichissement actif.")
        })
        .await?;
        ensure(page.text("#remove-exports").await? == "Supprimer les exportations sélectionnées", "French exports button")?;
        ensure(page.text("#confirm-remove").await? == "Supprimer la connexion", "French connection button")?;
        ensure(!page.text("#remove-dialog").await?.contains("(s)"), "no « (s) » in the French dialog")?;
        ensure(!page.text("#remove-dialog").await?.contains('\''), "typographic apostrophes in French")?;
        page.click("#remove-cancel").await?;
        page.select("#language-menu", "en").await?;
        page.heading_is("Connections (preview)").await?;

        // Remove one export, detach four: one left, in the singular.
        open_remove(&page, "Contoso data lake").await?;
        page.click("#dependent-exports input[type=checkbox]").await?;
        page.click("#remove-exports").await?;
        page.wait_text(".toasts", "the removal", |t| t.contains("Removed the export")).await?;
        dismiss_toasts(&page).await?;
        page.wait_text("#remove-status", "5 exports", |t| t.contains("used by 5 exports and 0 active enrichments.")).await?;
        let boxes = page.client.find_all(Locator::Css("#dependent-exports input[type=checkbox]")).await?;
        ensure(boxes.len() == 5, format!("five exports listed, saw {}", boxes.len()))?;
        for checkbox in &boxes[..4] {
            checkbox.click().await?;
        }
        page.click("#detach-exports").await?;
        page.wait_text("#remove-status", "1 export", |t| t.contains("used by 1 export and 0 active enrichments.")).await?;
        dismiss_toasts(&page).await?;
        page.click("#remove-cancel").await?;

        page.select("#language-menu", "fr").await?;
        open_remove(&page, "Contoso data lake").await?;
        page.wait_text("#remove-status", "1 exportation", |t| t.contains("utilisée par 1 exportation et 0 enrichissement actif.")).await?;
        page.click("#remove-cancel").await?;

        // Exports › Your permissions: badges that say what the user may do, not bare verbs.
        page.select("#language-menu", "en").await?;
        page.click("nav.side-nav a[href='/data/exports']").await?;
        page.wait_text("#export-list tbody", "the permission badges", |t| t.contains("You can edit")).await?;
        ensure(page.count("#export-list .badge.permission").await? > 0, "each permission is a badge")?;
        page.screenshot("new-user-exports").await?;
        Ok(())
    })
    .await;
}

/// Waits (bounded) for the menu button's aria-expanded to read `value`.
async fn expanded_is(page: &Page, value: &str, what: &str) -> Result<(), Failure> {
    for _ in 0..30 {
        if page.find("#nav-menu-button").await?.attr("aria-expanded").await?.as_deref() == Some(value) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{what}: aria-expanded should be {value}").into())
}

async fn at_390(page: &Page) -> Result<(), Failure> {
    let width = page.script("return window.innerWidth", vec![]).await?.as_u64().unwrap_or(0);
    ensure(width > 0 && width <= 400, format!("the viewport should be about 390 px wide, is {width}"))
}

async fn no_sideways_scroll(page: &Page, route: &str) -> Result<(), Failure> {
    let sizes = page
        .script("const e = document.scrollingElement; return [e.scrollWidth, e.clientWidth];", vec![])
        .await?;
    let (scroll, client) = (sizes[0].as_u64().unwrap_or(u64::MAX), sizes[1].as_u64().unwrap_or(0));
    ensure(scroll <= client, format!("{route} scrolls sideways at 390 px: scrollWidth {scroll} > clientWidth {client}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn at_390_px_the_navigation_folds_behind_a_menu_and_nothing_scrolls_sideways() {
    in_each_browser_narrow(390, 844, |page| async move {
        page.load_sample_data().await?;
        at_390(&page).await?;
        page.open("/settings/connections/exports").await?;
        page.heading_is("Connections (preview)").await?;
        page.find("#connection-list").await?;
        page.screenshot("new-user-narrow-connections").await?;

        let button = page.find("#nav-menu-button").await?;
        ensure(button.is_displayed().await?, "the menu button shows at 390 px")?;
        ensure(button.attr("aria-controls").await?.as_deref() == Some("side-nav"), "the button controls the navigation")?;
        ensure(button.attr("aria-expanded").await?.as_deref() == Some("false"), "the menu starts closed")?;
        ensure(!page.find("#side-nav").await?.is_displayed().await?, "the navigation is folded away")?;

        // Open with the pointer: focus moves to the first link; Escape closes and returns focus.
        button.click().await?;
        page.wait_text("#side-nav", "the open navigation", |t| t.contains("Exports")).await?;
        ensure(button.attr("aria-expanded").await?.as_deref() == Some("true"), "aria-expanded follows")?;
        let first_link = page.script("return document.activeElement.matches('#side-nav a')", vec![]).await?;
        ensure(first_link.as_bool() == Some(true), "focus moves into the menu")?;
        page.screenshot("new-user-narrow-menu").await?;
        key(&page, ESCAPE).await?;
        focus_is(&page, "nav-menu-button").await?;
        ensure(button.attr("aria-expanded").await?.as_deref() == Some("false"), "Escape closes the menu")?;
        ensure(!page.find("#side-nav").await?.is_displayed().await?, "the navigation folds again")?;

        // Open from the keyboard, follow a link: the menu closes on the new page.
        key(&page, ENTER).await?;
        ensure(button.attr("aria-expanded").await?.as_deref() == Some("true"), "Enter opens the menu")?;
        page.click("#side-nav a[href='/data/exports']").await?;
        page.path_is("/data/exports").await?;
        expanded_is(&page, "false", "a followed link closes it").await?;
        page.find("#export-list").await?;
        page.screenshot("new-user-narrow-exports").await?;

        for route in ROUTES {
            page.open(route).await?;
            page.find("h1").await?;
            // Let the lists render before measuring.
            tokio::time::sleep(Duration::from_millis(300)).await;
            no_sideways_scroll(&page, route).await?;
        }
        Ok(())
    })
    .await;
}
