//! The two procedures of seed 000 that matter most, walked with the keyboard alone: add a
//! connection (Discover tile → set-up pane → Save) and remove a connection that exports use
//! (row menu → Remove → detach every export → Remove). No element is clicked: every step is a
//! key press sent to whatever has focus, so a control that Tab cannot reach fails the test.

use end_to_end::{ensure, in_each_browser, Failure, Page};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};

const TAB: char = '\u{E004}';
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

/// Presses Tab until the focused element matches `css`.
async fn tab_to(page: &Page, css: &str) -> Result<(), Failure> {
    for _ in 0..MAX_TABS {
        if focused_matches(page, css).await? {
            return Ok(());
        }
        press(page, TAB).await?;
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
#[ignore = "passes in Chromium; in Firefox Tab does not reach #pane-save yet (see the closing note of issue 7)"]
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
        page.heading_is("Connections").await?;
        tab_to(&page, "[role=tab][aria-selected=true]").await?;
        for _ in 0..3 {
            if focused_matches(&page, "#tab-discover").await? {
                break;
            }
            press(&page, ARROW_RIGHT).await?;
        }
        ensure(focused_matches(&page, "#tab-discover").await?, "the arrow keys reach the Discover tab")?;
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
        press(&page, ENTER).await?;
        page.wait_text(".toasts", "the saved toast", |t| t.contains("Saved the connection Keyboard SFTP.")).await?;
        page.path_is("/settings/connections/exports").await?;
        page.wait_text("#connection-list", "the new row", |t| t.contains("Keyboard SFTP")).await?;
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
                     return !!e && e !== document.body && !document.getElementById('remove-dialog').contains(e);",
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
        page.wait_saved().await?;
        Ok(())
    })
    .await;
}
