//! The two procedures of seed 000 that matter most, walked with the keyboard alone: add a
//! connection (Discover tile → set-up pane → Save) and remove a connection that exports use
//! (row menu → Remove → detach every export → Remove). No element is clicked: every step is a
//! key press sent to whatever has focus, so a control that Tab cannot reach fails the test.

use end_to_end::{ensure, in_each_browser, Failure, Page};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};

const TAB: char = '\u{E004}';
const SHIFT: char = '\u{E008}';
const ENTER: char = '\u{E007}';
const SPACE: char = ' ';
const ESCAPE: char = '\u{E00C}';
const END: char = '\u{E010}';
const ARROW_RIGHT: char = '\u{E014}';

/// More presses than any page here has stops; reaching it means the target is unreachable.
const MAX_TABS: usize = 120;

/// Presses and releases each key in turn, on whatever element has focus.
async fn keys(page: &Page, keys: impl IntoIterator<Item = char>) -> Result<(), Failure> {
    let mut actions = KeyActions::new("keyboard".to_string());
    for key in keys {
        actions = actions
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    page.client.perform_actions(actions).await?;
    Ok(())
}

async fn press(page: &Page, key: char) -> Result<(), Failure> {
    keys(page, [key]).await
}

async fn focused_matches(page: &Page, css: &str) -> Result<bool, Failure> {
    let found = page
        .script(
            "const e = document.activeElement; return !!e && e.matches(arguments[0]);",
            vec![css.into()],
        )
        .await?;
    Ok(found.as_bool() == Some(true))
}

/// A short description of the focused element, for failure messages.
async fn focused(page: &Page) -> Result<String, Failure> {
    let described = page
        .script(
            "const e = document.activeElement; \
             return e ? `${e.tagName.toLowerCase()}#${e.id} \"${(e.textContent || '').trim().slice(0, 40)}\"` : 'nothing';",
            vec![],
        )
        .await?;
    Ok(described.as_str().unwrap_or_default().to_string())
}

/// Presses Shift and Tab together.
async fn shift_tab(page: &Page) -> Result<(), Failure> {
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: SHIFT })
        .then(KeyAction::Down { value: TAB })
        .then(KeyAction::Up { value: TAB })
        .then(KeyAction::Up { value: SHIFT });
    page.client.perform_actions(actions).await?;
    Ok(())
}

/// Presses Tab until the focused element matches `css`, or Shift+Tab when the target comes
/// earlier in the page, as a person would. Walking past the end of the page would hand focus
/// to the browser's toolbar, and Firefox then ignores Enter and Space sent to the page.
async fn tab_to(page: &Page, css: &str) -> Result<(), Failure> {
    let backwards = page
        .script(
            "const target = document.querySelector(arguments[0]); const e = document.activeElement; \
             return !!target && !!e && e !== document.body \
               && !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);",
            vec![css.into()],
        )
        .await?
        .as_bool()
        == Some(true);
    for _ in 0..MAX_TABS {
        if focused_matches(page, css).await? {
            return Ok(());
        }
        if backwards {
            shift_tab(page).await?;
        } else {
            press(page, TAB).await?;
        }
    }
    Err(format!(
        "Tab never reached `{css}`; focus is on {}",
        focused(page).await?
    )
    .into())
}

/// Waits (bounded) until focus is on an element matching `css`, e.g. inside a dialog that opened.
async fn focus_lands_in(page: &Page, css: &str) -> Result<(), Failure> {
    for _ in 0..100 {
        if focused_matches(page, css).await? {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!(
        "focus should be in `{css}`, but is on {}",
        focused(page).await?
    )
    .into())
}

/// Types `text` into the focused field, after selecting what it holds.
async fn type_here(page: &Page, text: &str) -> Result<(), Failure> {
    page.script(
        "document.activeElement.select && document.activeElement.select();",
        vec![],
    )
    .await?;
    keys(page, text.chars()).await
}

#[tokio::test(flavor = "multi_thread")]
async fn add_a_connection_and_remove_one_in_use_with_the_keyboard_only() {
    in_each_browser(|page| async move {
        page.open("/").await?;
        page.find("#load-sample").await?;
        tab_to(&page, "#load-sample").await?;
        press(&page, ENTER).await?;
        page.find("h1#page-title").await?;
        page.wait_saved().await?;

        // Navigation → Settings › Connections, then along the tab list to Discover with the arrows.
        tab_to(&page, "nav.side-nav a[href='/settings/connections']").await?;
        press(&page, ENTER).await?;
        page.heading_is("Connections (preview)").await?;
        tab_to(&page, "[role=tab][aria-selected=true]").await?;
        // Each arrow press selects the next tab; focus follows once the route has changed.
        const TAB_ORDER: [&str; 3] = ["#tab-enrichment", "#tab-exports", "#tab-discover"];
        let mut at = 0;
        while !focused_matches(&page, TAB_ORDER[at]).await? {
            at += 1;
            ensure(at < TAB_ORDER.len(), format!("focus should be on a tab, but is on {}", focused(&page).await?))?;
        }
        for next in &TAB_ORDER[at + 1..] {
            press(&page, ARROW_RIGHT).await?;
            focus_lands_in(&page, next).await?;
        }
        press(&page, ENTER).await?;
        page.path_is("/settings/connections/discover").await?;

        // Search the tiles and Set up SFTP: the pane opens with focus inside it.
        tab_to(&page, "#discover-search").await?;
        type_here(&page, "SFTP").await?;
        tab_to(&page, "#set-up-sftp-export").await?;
        press(&page, ENTER).await?;
        page.find("#setup-pane[open]").await?;
        focus_lands_in(&page, "#setup-pane *").await?;

        // The fields, in the pane's own Tab order; a format error shows beside the field.
        tab_to(&page, "#field-display_name").await?;
        type_here(&page, "Keyboard SFTP").await?;
        tab_to(&page, "#field-username").await?;
        type_here(&page, "keyboard-user").await?;
        tab_to(&page, "#field-hostname").await?;
        type_here(&page, "not a host").await?;
        tab_to(&page, "#field-folder").await?;
        page.wait_text("#field-hostname-error", "the host-name rule", |t| !t.trim().is_empty()).await?;
        tab_to(&page, "#field-hostname").await?;
        type_here(&page, "sftp.keyboard.example").await?;
        tab_to(&page, "#field-folder").await?;
        type_here(&page, "exports/keyboard").await?;
        page.wait_text("#field-hostname-error", "empty once the host name is fixed", |t| t.trim().is_empty()).await?;
        tab_to(&page, "#field-password").await?;
        type_here(&page, "keyboard-secret-42").await?;
        tab_to(&page, "#field-consent").await?;
        press(&page, SPACE).await?;
        tab_to(&page, "#pane-save").await?;
        // Save is the pane's last control: Tab wraps to the first, Shift+Tab comes back.
        press(&page, TAB).await?;
        focus_lands_in(&page, "#field-type").await?;
        shift_tab(&page).await?;
        focus_lands_in(&page, "#pane-save").await?;
        press(&page, ENTER).await?;
        page.wait_text(".toasts", "the saved toast", |t| t.contains("Saved the connection Keyboard SFTP.")).await?;
        page.path_is("/settings/connections/exports").await?;
        page.wait_text("#connection-list", "the new row", |t| t.contains("Keyboard SFTP")).await?;
        // The tile that opened the pane is gone; focus is on the new connection's menu instead.
        focus_lands_in(&page, "tr:has(.name-text) .row-menu-button").await?;
        let on_new_row = page
            .script("return document.activeElement.closest('tr').querySelector('.name-text').textContent.trim();", vec![])
            .await?;
        ensure(on_new_row.as_str() == Some("Keyboard SFTP"), format!("focus should be on the new row's menu, is on {on_new_row}"))?;
        ensure(!page.client.source().await?.contains("keyboard-secret-42"), "the typed secret is nowhere in the page")?;

        // Row menu of Marketing SFTP: Enter opens it on Edit, End moves to Remove.
        let id = page
            .script(
                "const row = [...document.querySelectorAll('#connection-list tbody tr')] \
                   .find(r => r.querySelector('.name-text')?.textContent.trim() === 'Marketing SFTP'); \
                 return row ? row.dataset.connectionId : null;",
                vec![],
            )
            .await?;
        let id = id.as_str().ok_or("no Marketing SFTP row")?.to_string();
        let menu_button = format!("#row-menu-{id}");
        tab_to(&page, &menu_button).await?;
        press(&page, ENTER).await?;
        focus_lands_in(&page, &format!("#row-edit-{id}")).await?;
        press(&page, END).await?;
        focus_lands_in(&page, &format!("#row-remove-{id}")).await?;

        // Escape closes the dialog and gives focus back to the menu button.
        press(&page, ENTER).await?;
        page.find("#remove-dialog[open]").await?;
        focus_lands_in(&page, "#remove-dialog, #remove-dialog *").await?;
        press(&page, ESCAPE).await?;
        focus_lands_in(&page, &menu_button).await?;
        ensure(!page.exists("#remove-dialog[open]").await?, "Escape closes the dialog")?;

        // Again, and this time detach every export one checkbox at a time, then Remove.
        press(&page, ENTER).await?;
        focus_lands_in(&page, &format!("#row-edit-{id}")).await?;
        press(&page, END).await?;
        focus_lands_in(&page, &format!("#row-remove-{id}")).await?;
        press(&page, ENTER).await?;
        page.find("#remove-dialog[open]").await?;
        ensure(page.find("#confirm-remove").await?.attr("disabled").await?.is_some(), "Remove waits for the exports")?;
        let dependents = page.count("#dependent-exports input[type=checkbox]").await?;
        ensure(dependents >= 3, format!("the dialog lists the exports, saw {dependents}"))?;
        for _ in 0..dependents {
            tab_to(&page, "#dependent-exports input[type=checkbox]:not(:checked)").await?;
            press(&page, SPACE).await?;
        }
        // Tab stays in the dialog while it is open: the page behind is inert.
        for _ in 0..25 {
            press(&page, TAB).await?;
            let outside = page
                .script(
                    "const e = document.activeElement; \
                     return !e || !document.getElementById('remove-dialog').contains(e);",
                    vec![],
                )
                .await?;
            ensure(outside.as_bool() != Some(true), format!("Tab left the dialog for {}", focused(&page).await?))?;
        }
        tab_to(&page, "#detach-exports").await?;
        press(&page, ENTER).await?;
        page.wait_text(".toasts", "the detach toast", |t| t.contains("Detached the connection from")).await?;
        page.wait_text("#remove-status", "nothing depending", |t| t.contains("Nothing uses this connection")).await?;
        tab_to(&page, "#confirm-remove:not([disabled])").await?;
        press(&page, ENTER).await?;
        page.wait_text(".toasts", "the removed toast", |t| t.contains("Removed the connection Marketing SFTP.")).await?;
        page.wait_text("#connection-list", "the list without it", |t| !t.contains("Marketing SFTP")).await?;
        ensure(!page.exists("#remove-dialog[open]").await?, "the dialog closes after Remove")?;
        // Its row menu went with the row; focus waits in the main region, not on <body>.
        focus_lands_in(&page, "#main").await?;
        page.wait_saved().await?;
        Ok(())
    })
    .await;
}
