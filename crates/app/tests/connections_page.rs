//! Component tests of Settings > Connections in a real browser: the set-up pane (fields from
//! the catalogue, Use Key Vault, consent gating Save, field errors that keep what was typed),
//! sorting, search, paging of 10,000 connections, the row menu, Test connection, the remove
//! dialog, and what contributors are shown.

use connections_domain::sample::{ADMIN_1, CONTRIBUTOR_1, VIEWER_1};
use connections_domain::{Category, Command, ConnectionTypeId, NewConnection, SecretInput, Timestamp, UsableBy, UserId, Workspace};
use connections_portal::ui::table::PAGE_SIZE;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

const NOW: Timestamp = Timestamp(1_763_900_000_000);

/// The display names in the list, top to bottom.
fn listed_names(root: &web_sys::HtmlElement) -> Vec<String> {
    let rows = root.query_selector_all("#connection-list tbody tr .name-text").unwrap();
    (0..rows.length()).filter_map(|i| rows.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn the_pane_generates_the_fields_of_the_chosen_type() {
    let root = mount("/settings/connections/exports?add=", portal(Workspace::sample(NOW), ADMIN_1)).await;
    assert_eq!(text(&root, "#pane-title"), "Set up connection");
    assert!(!exists(&root, "#type-fields"), "no fields before a type is chosen");

    choose(&root, "#field-type", "sftp-export").await;
    for field in ["username", "hostname", "folder"] {
        assert_eq!(attr(&root, &format!("#field-{field}"), "type").as_deref(), Some("text"), "{field}");
    }
    assert_eq!(attr(&root, "#field-password", "type").as_deref(), Some("password"), "secrets are masked");
    assert_eq!(find(&root, "#field-compression").tag_name(), "SELECT", "choices are a list");
    assert!(text(&root, "label[for='field-compression']").contains("(optional)"));
    assert!(exists(&root, "#sharing"), "export types ask who can use them");

    choose(&root, "#field-type", "azure-maps").await;
    assert!(exists(&root, "#field-api_key"));
    assert!(!exists(&root, "#field-username"), "the SFTP fields are gone");
    assert!(!exists(&root, "#sharing"), "enrichment connections are always shared");
}

#[wasm_bindgen_test]
async fn secrets_can_be_shown_while_typing_and_taken_from_the_key_vault() {
    let root = mount("/settings/connections/exports?add=sftp-export", portal(Workspace::sample(NOW), ADMIN_1)).await;
    type_into(&root, "#field-password", "typed-pass").await;
    click(&root, "#field-password-toggle").await;
    assert_eq!(attr(&root, "#field-password", "type").as_deref(), Some("text"));
    assert_eq!(attr(&root, "#field-password-toggle", "aria-pressed").as_deref(), Some("true"));
    click(&root, "#field-password-toggle").await;
    assert_eq!(attr(&root, "#field-password", "type").as_deref(), Some("password"));

    click(&root, "#use-key-vault").await;
    assert_eq!(find(&root, "#field-password").tag_name(), "SELECT", "the typed field is replaced by a vault pick");
    let options = text(&root, "#field-password");
    assert!(options.contains("sftp-password") && options.contains("klaviyo-api-key"), "vault secrets offered: {options}");

    click(&root, "#use-key-vault").await;
    assert_eq!(value_of(&root, "#field-password"), "typed-pass", "switching back keeps what was typed");

    // A type that can't use the vault offers no switch.
    let root = mount("/settings/connections/exports?add=azure-blob-storage", portal(Workspace::sample(NOW), ADMIN_1)).await;
    assert!(exists(&root, "#field-account_key"));
    assert!(!exists(&root, "#use-key-vault"));
}

/// Sends a Tab keydown to `css` as the browser would, and says whether the page took it over.
fn press_tab(root: &web_sys::HtmlElement, css: &str, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    find(root, css).dispatch_event(&event).unwrap();
    event.default_prevented()
}

fn focused_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn tab_wraps_inside_the_pane_and_saving_focuses_the_new_row() {
    let p = portal(Workspace::sample(NOW), ADMIN_1);
    let root = mount("/settings/connections/exports?add=azure-blob-storage", p).await;
    click(&root, "#field-consent").await;

    find(&root, "#pane-save").focus().unwrap();
    assert!(press_tab(&root, "#pane-save", false), "Tab on the last control is handled by the pane");
    assert_eq!(focused_id(), "field-type", "Tab from Save wraps to the first control");
    assert!(press_tab(&root, "#field-type", true), "Shift+Tab on the first control is handled by the pane");
    assert_eq!(focused_id(), "pane-save", "Shift+Tab from the first control wraps to Save");
    find(&root, "#field-display_name").focus().unwrap();
    assert!(!press_tab(&root, "#field-display_name", false), "a Tab in the middle is left to the browser");

    type_into(&root, "#field-display_name", "Focus archive").await;
    type_into(&root, "#field-account_name", "focusstore").await;
    type_into(&root, "#field-container", "orders").await;
    type_into(&root, "#field-account_key", "k3y").await;
    click(&root, "#pane-save").await;
    wait_for("focus to leave the pane", || focused_id().starts_with("row-menu-")).await;
    let saved = p.workspace().with_untracked(|w| w.connections().find(|c| c.display_name.as_str() == "Focus archive").map(|c| c.id.clone()));
    let saved = saved.expect("the connection was created");
    assert_eq!(focused_id(), format!("row-menu-{saved}"), "focus moves to the saved connection's menu");
}

#[wasm_bindgen_test]
async fn save_waits_for_i_agree_and_field_errors_sit_beside_their_fields() {
    let p = portal(Workspace::sample(NOW), ADMIN_1);
    let root = mount("/settings/connections/exports?add=azure-blob-storage", p).await;
    assert_eq!(attr(&root, "#pane-save", "disabled").as_deref(), Some(""), "Save is off before I agree");
    click(&root, "#field-consent").await;
    assert_eq!(attr(&root, "#pane-save", "disabled"), None, "I agree turns Save on");

    type_into(&root, "#field-account_name", "Not Valid!").await;
    blur(&root, "#field-account_name").await;
    assert_eq!(
        text(&root, "#field-account_name-error"),
        "Use 3 to 24 lower-case letters and digits, like the account's name in Azure."
    );
    assert_eq!(attr(&root, "#field-account_name", "aria-invalid").as_deref(), Some("true"));
    assert!(attr(&root, "#field-account_name", "aria-describedby").unwrap().contains("field-account_name-error"));

    // Save with more problems: each shows beside its own field and nothing typed is lost.
    type_into(&root, "#field-container", "orders").await;
    type_into(&root, "#field-account_key", "k3y").await;
    click(&root, "#pane-save").await;
    assert_eq!(text(&root, "#field-display_name-error"), "Enter a display name.");
    assert!(!text(&root, "#field-account_name-error").is_empty());
    assert_eq!(text(&root, "#field-container-error"), "");
    assert_eq!(value_of(&root, "#field-account_name"), "Not Valid!");
    assert_eq!(value_of(&root, "#field-container"), "orders");
    assert_eq!(value_of(&root, "#field-account_key"), "k3y");
    let before = p.workspace().with_untracked(|w| w.connections().count());

    // Fixing the field clears its message as the user types.
    type_into(&root, "#field-account_name", "ordersstore").await;
    assert_eq!(text(&root, "#field-account_name-error"), "");
    type_into(&root, "#field-display_name", "Orders archive").await;
    click(&root, "#pane-save").await;
    let saved = p.workspace().with_untracked(|w| w.connections().find(|c| c.display_name.as_str() == "Orders archive").cloned());
    let saved = saved.expect("the connection was created");
    assert_eq!(p.workspace().with_untracked(|w| w.connections().count()), before + 1);
    assert_eq!(saved.fields.get("account_name").map(String::as_str), Some("ordersstore"));
    assert!(!root.inner_html().contains("k3y"), "the typed secret is not rendered anywhere after saving");
    assert!(!exists(&root, "#setup-pane[open]"), "the pane closed");
    assert!(listed_names(&root).contains(&"Orders archive".to_string()));
}

/// The domain's input check finds the taken name as it is typed: the reasons line counts it
/// before Save, and Save then shows the message beside the name and creates nothing.
#[wasm_bindgen_test]
async fn a_duplicate_name_is_refused_by_the_domain_beside_the_name() {
    let p = portal(Workspace::sample(NOW), ADMIN_1);
    let before = p.workspace().with_untracked(|w| w.connections().count());
    let root = mount("/settings/connections/enrichment?add=azure-maps", p).await;
    type_into(&root, "#field-display_name", "address CLEANUP").await;
    type_into(&root, "#field-api_key", "another-key").await;
    click(&root, "#field-consent").await;
    wait_for_text(&root, "#pane-save-reasons", "1 field needs attention").await;
    click(&root, "#pane-save").await;
    wait_for_text(&root, "#field-display_name-error", "already called").await;
    assert_eq!(p.workspace().with_untracked(|w| w.connections().count()), before, "nothing was created");
    assert_eq!(value_of(&root, "#field-api_key"), "another-key", "the secret typed stays for the next try");
}

#[wasm_bindgen_test]
async fn editing_keeps_saved_secrets_and_says_so() {
    let ws = Workspace::sample(NOW);
    let id = ws.connections().find(|c| c.display_name.as_str() == "Contoso data lake").unwrap().id.clone();
    let p = portal(ws, ADMIN_1);
    let root = mount(&format!("/settings/connections/exports?edit={id}"), p).await;
    assert_eq!(text(&root, "#pane-title"), "Edit connection");
    assert_eq!(value_of(&root, "#field-account_name"), "contosolake");
    assert_eq!(value_of(&root, "#field-account_key"), "", "a saved secret is never filled back in");
    assert!(text(&root, "#field-account_key-hint").contains("A secret is saved"));
    assert!(!exists(&root, "#field-consent"), "consent was given when it was set up");
    assert!(text(&root, "#sharing").contains("already using this connection keep"), "{}", text(&root, "#sharing"));

    type_into(&root, "#field-display_name", "Contoso lake").await;
    click(&root, "#usable-admins").await;
    click(&root, "#pane-save").await;
    let edited = p.workspace().with_untracked(|w| w.connection(&id).cloned()).unwrap();
    assert_eq!(edited.display_name.as_str(), "Contoso lake");
    assert_eq!(edited.usable_by, UsableBy::AdministratorsOnly);
    assert_eq!(edited.credentials.len(), 1, "the account key is still saved");
    assert!(text(&root, ".toasts").contains("keep running"), "{}", text(&root, ".toasts"));
}

#[wasm_bindgen_test]
async fn every_column_sorts_by_click_and_says_so_with_aria_sort() {
    let root = mount("/settings/connections/exports", portal(Workspace::sample(NOW), ADMIN_1)).await;
    let names = listed_names(&root);
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted, "by display name, ascending, at first");
    assert_eq!(attr(&root, "th:has(#sort-display-name)", "aria-sort").as_deref(), Some("ascending"));

    click(&root, "#sort-display-name").await;
    assert_eq!(attr(&root, "th:has(#sort-display-name)", "aria-sort").as_deref(), Some("descending"));
    let mut reversed = sorted.clone();
    reversed.reverse();
    assert_eq!(listed_names(&root), reversed);

    click(&root, "#sort-used-by").await;
    assert_eq!(attr(&root, "th:has(#sort-used-by)", "aria-sort").as_deref(), Some("ascending"));
    assert_eq!(attr(&root, "th:has(#sort-display-name)", "aria-sort").as_deref(), Some("none"));
    let counts: Vec<u32> = {
        let cells = root.query_selector_all("#connection-list tbody td.numeric").unwrap();
        (0..cells.length()).map(|i| cells.item(i).unwrap().text_content().unwrap().trim().parse().unwrap()).collect()
    };
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "used-by ascending: {counts:?}");

    click(&root, "#sort-type").await;
    let types: Vec<String> = {
        let cells = root.query_selector_all("#connection-list tbody tr td:nth-of-type(1)").unwrap();
        (0..cells.length()).map(|i| cells.item(i).unwrap().text_content().unwrap()).collect()
    };
    let mut by_type = types.clone();
    by_type.sort();
    assert_eq!(types, by_type);
}

#[wasm_bindgen_test]
async fn search_filters_by_name_or_type_and_says_when_nothing_matches() {
    let root = mount("/settings/connections/exports", portal(Workspace::sample(NOW), ADMIN_1)).await;
    type_into(&root, "#connection-search", "LAKE").await;
    assert_eq!(listed_names(&root), vec!["Contoso data lake".to_string()]);
    type_into(&root, "#connection-search", "google ads").await;
    assert_eq!(listed_names(&root), vec!["Campaign audiences".to_string()], "the type name matches too");
    type_into(&root, "#connection-search", "zzz").await;
    assert!(text(&root, "#connections-no-match").contains("“zzz”"));
}

#[wasm_bindgen_test]
async fn ten_thousand_connections_render_one_page_at_a_time() {
    let mut ws = Workspace::empty();
    let admin = UserId::new(ADMIN_1);
    for i in 0..10_000 {
        let command = Command::CreateConnection(NewConnection {
            display_name: format!("Maps {i:05}"),
            type_id: ConnectionTypeId::AzureMaps,
            fields: BTreeMap::new(),
            secrets: BTreeMap::from([("api_key".to_string(), SecretInput::new("k"))]),
            key_vault_secrets: BTreeMap::new(),
            usable_by: UsableBy::AdministratorsOnly,
            consent: true,
            sign_in_account: None,
        });
        ws.apply(&admin, command, NOW).unwrap();
    }
    assert_eq!(ws.connection_rows(&admin, Category::Enrichment, connections_domain::Timestamp(0)).len(), 10_000);
    let root = mount("/settings/connections/enrichment", portal(ws, ADMIN_1)).await;
    assert_eq!(count(&root, "#connection-list tbody tr") as usize, PAGE_SIZE, "only one page of rows is in the DOM");
    assert_eq!(PAGE_SIZE, 25, "the page counts below are written for pages of 25");
    assert!(text(&root, "#page-status").contains("1 of 400"), "{}", text(&root, "#page-status"));
    assert_eq!(listed_names(&root).first().map(String::as_str), Some("Maps 00000"));

    assert_eq!(attr(&root, "#page-next", "disabled"), None, "Next is available on page 1");
    assert_eq!(attr(&root, "#page-previous", "disabled").as_deref(), Some(""), "Previous is not");
    click(&root, "#page-next").await;
    wait_for_text(&root, "#page-status", "2 of 400").await;
    assert_eq!(count(&root, "#connection-list tbody tr") as usize, PAGE_SIZE);
    assert_eq!(listed_names(&root).first().map(String::as_str), Some("Maps 00025"), "{}", text(&root, "#page-status"));

    type_into(&root, "#connection-search", "Maps 09999").await;
    assert_eq!(listed_names(&root), vec!["Maps 09999".to_string()], "search covers every page");
}

#[wasm_bindgen_test]
async fn the_row_menu_opens_with_the_keyboard_and_test_connection_reports_problems() {
    let ws = Workspace::sample(NOW);
    let id = ws.connections().find(|c| c.display_name.as_str() == "Email journeys").unwrap().id.clone();
    let root = mount("/settings/connections/exports", portal(ws, ADMIN_1)).await;
    let button = format!("#row-menu-{id}");
    assert_eq!(attr(&root, &button, "aria-expanded").as_deref(), Some("false"));
    let arrow_down: web_sys::Event =
        js_sys::eval("new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })").unwrap().unchecked_into();
    find(&root, &button).dispatch_event(&arrow_down).unwrap();
    wait_for("the row menu to open and focus its first item", || document().active_element().map(|e| e.id()) == Some(format!("row-edit-{id}"))).await;
    assert_eq!(attr(&root, &button, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(document().active_element().map(|e| e.id()), Some(format!("row-edit-{id}")), "focus is on the first item");

    click(&root, &format!("#row-test-{id}")).await;
    assert!(exists(&root, "#test-dialog[open]"));
    // The sign-in may have run out by the wall clock too; the vault secret always fails.
    assert!(text(&root, "#test-summary").contains("of 2 checks failed"), "{}", text(&root, "#test-summary"));
    assert!(text(&root, "#test-problems").contains("klaviyo-api-key"));
    assert!(text(&root, "#test-time").starts_with("Checked"));
}

#[wasm_bindgen_test]
async fn the_remove_dialog_detaches_removes_and_then_removes_the_connection() {
    let ws = Workspace::sample(NOW);
    let id = ws.connections().find(|c| c.display_name.as_str() == "Marketing SFTP").unwrap().id.clone();
    let export_ids: Vec<_> = ws.dependents(&id).exports.into_iter().map(|(e, _)| e).collect();
    assert!(export_ids.len() >= 3);
    let p = portal(ws, ADMIN_1);
    let root = mount("/settings/connections/exports", p).await;
    click(&root, &format!("#row-menu-{id}")).await;
    click(&root, &format!("#row-remove-{id}")).await;
    assert!(exists(&root, "#remove-dialog[open]"));
    assert_eq!(text(&root, "#remove-title"), "Remove Marketing SFTP?");
    assert_eq!(count(&root, "#dependent-exports li") as usize, export_ids.len());
    assert_eq!(attr(&root, "#confirm-remove", "disabled").as_deref(), Some(""), "Remove waits until nothing depends on it");
    assert_eq!(attr(&root, "#see-exports", "href"), Some(format!("/data/exports?connection={id}")));

    // Detach two at once.
    click(&root, &format!("#dep-export-{}", export_ids[0])).await;
    click(&root, &format!("#dep-export-{}", export_ids[1])).await;
    click(&root, "#detach-exports").await;
    assert!(p.workspace().with_untracked(|w| w.export(&export_ids[0]).is_some_and(|e| e.connection.is_none())), "detached, kept");
    assert_eq!(count(&root, "#dependent-exports li") as usize, export_ids.len() - 2);
    assert!(text(&root, ".toasts").contains("Detached the connection from"));

    // Remove the rest.
    for export in &export_ids[2..] {
        click(&root, &format!("#dep-export-{export}")).await;
    }
    click(&root, "#remove-exports").await;
    assert!(p.workspace().with_untracked(|w| w.export(&export_ids[2]).is_none()), "removed");
    assert!(text(&root, "#remove-status").contains("Nothing uses this connection"));
    assert_eq!(attr(&root, "#confirm-remove", "disabled"), None);

    click(&root, "#confirm-remove").await;
    assert!(p.workspace().with_untracked(|w| w.connection(&id).is_none()));
    assert!(!listed_names(&root).contains(&"Marketing SFTP".to_string()));
    wait_for("focus to move to the main region after the dialog closed", || focused_id() == "main").await;
    assert_eq!(focused_id(), "main", "the menu that opened the dialog is gone: focus goes to the main region");
    assert!(text(&root, ".toasts").contains("Removed the connection Marketing SFTP."));

    // Undo brings it back.
    let undo: Vec<web_sys::HtmlElement> = {
        let buttons = root.query_selector_all(".toast-undo").unwrap();
        (0..buttons.length()).map(|i| buttons.item(i).unwrap().unchecked_into()).collect()
    };
    undo.last().expect("an Undo button").click();
    wait_for("Undo to restore the connection", || p.workspace().with_untracked(|w| w.connection(&id).is_some())).await;
    assert!(p.workspace().with_untracked(|w| w.connection(&id).is_some()), "Undo restored the connection");
}

#[wasm_bindgen_test]
async fn enrichments_can_be_deactivated_or_deleted_from_the_remove_dialog() {
    let ws = Workspace::sample(NOW);
    let id = ws.connections().find(|c| c.display_name.as_str() == "Address cleanup").unwrap().id.clone();
    let enrichment_ids: Vec<_> = ws.dependents(&id).enrichments.into_iter().map(|(e, _)| e).collect();
    assert_eq!(enrichment_ids.len(), 2);
    let p = portal(ws, ADMIN_1);
    let root = mount("/settings/connections/enrichment", p).await;
    click(&root, &format!("#row-menu-{id}")).await;
    click(&root, &format!("#row-remove-{id}")).await;
    assert_eq!(attr(&root, "#see-enrichments", "href"), Some(format!("/data/enrichment?connection={id}")));
    click(&root, &format!("#dep-enrichment-{}", enrichment_ids[0])).await;
    click(&root, "#deactivate-enrichments").await;
    assert!(p.workspace().with_untracked(|w| w.enrichment(&enrichment_ids[0]).is_some_and(|n| !n.active)));
    click(&root, &format!("#dep-enrichment-{}", enrichment_ids[1])).await;
    click(&root, "#delete-enrichments").await;
    assert!(p.workspace().with_untracked(|w| w.enrichment(&enrichment_ids[1]).is_none()));
    click(&root, "#confirm-remove").await;
    assert!(p.workspace().with_untracked(|w| w.connection(&id).is_none()));
}

#[wasm_bindgen_test]
async fn contributors_and_viewers_get_a_read_only_list_and_no_pane() {
    let root = mount("/settings/connections/exports", portal(Workspace::sample(NOW), CONTRIBUTOR_1)).await;
    assert!(count(&root, "#connection-list tbody tr") > 0, "the list is visible");
    assert!(!exists(&root, "#add-connection"));
    assert!(!exists(&root, ".row-menu-holder:not([hidden])"), "no actions for contributors");

    let root = mount("/settings/connections/exports?add=sftp-export", portal(Workspace::sample(NOW), VIEWER_1)).await;
    assert!(text(&root, "#access-denied").contains("Viewer"));
    assert!(!exists(&root, "#setup-pane"));

    // Switching the demo user live takes the actions away, in the list and on Discover.
    let root = mount("/settings/connections/exports", portal(Workspace::sample(NOW), ADMIN_1)).await;
    assert!(exists(&root, ".row-menu-holder:not([hidden])"));
    choose(&root, "#user-menu", CONTRIBUTOR_1).await;
    assert!(!exists(&root, ".row-menu-holder:not([hidden])"));
    assert!(!exists(&root, "#add-connection"));
    assert!(count(&root, "#connection-list tbody tr") > 0);
    let root = mount("/settings/connections/discover", portal(Workspace::sample(NOW), ADMIN_1)).await;
    assert!(exists(&root, "#set-up-sftp-export"));
    choose(&root, "#user-menu", CONTRIBUTOR_1).await;
    assert!(!exists(&root, "#set-up-sftp-export"));
}

#[wasm_bindgen_test]
async fn discover_lists_every_type_with_search_category_and_set_up() {
    let root = mount("/settings/connections/discover", portal(Workspace::sample(NOW), ADMIN_1)).await;
    assert_eq!(count(&root, "#discover-grid li"), 33);
    choose(&root, "#discover-category", "enrichment").await;
    assert_eq!(count(&root, "#discover-grid li"), 7);
    type_into(&root, "#discover-search", "geocode").await;
    assert_eq!(text(&root, "#discover-grid li .tile-name"), "Azure Maps", "descriptions are searched too");
    click(&root, "#set-up-azure-maps").await;
    assert_eq!(web_sys::window().unwrap().location().search().unwrap(), "?add=azure-maps");
    assert!(exists(&root, "#setup-pane[open]"));
    assert!(exists(&root, "#field-api_key"));
}
