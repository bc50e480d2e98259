//! Component tests of engagement insights: the admin centre list, the three-step wizard, the
//! member, edit and remove dialogs, and Reports › Profiles, in a real browser.

use connections_domain::sample::{demo_users, ADMIN_1, CONTRIBUTOR_1, CONTRIBUTOR_2, VIEWER_1};
use connections_domain::{LinkStatus, Timestamp, UserId, Workspace};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

const NOW: Timestamp = Timestamp(1_763_900_000_000);

fn users_only() -> Workspace {
    Workspace::with_users(demo_users())
}

#[wasm_bindgen_test]
async fn the_admin_centre_is_for_environment_admins_and_names_its_first_action() {
    let root = mount("/admin-centre/connections", portal(users_only(), ADMIN_1)).await;
    assert_eq!(text(&root, "#add-link"), "Create a connection");
    assert!(exists(&root, "#no-links"));
    assert!(text(&root, "#status-note").contains("several hours"), "the demo says the real service is slower");

    let root = mount("/admin-centre/connections", portal(Workspace::sample(NOW), ADMIN_1)).await;
    assert_eq!(text(&root, "#add-link"), "Add a connection");
    let row = text(&root, "#engagement-links tbody tr");
    assert!(row.contains("contosoinsights") && row.contains("Available") && row.contains("Jonas Berg"), "{row}");

    let root = mount("/admin-centre/connections", portal(Workspace::sample(NOW), CONTRIBUTOR_1)).await;
    assert!(!exists(&root, "#engagement-links"), "a contributor must not see the links");
    assert!(text(&root, "#access-denied").contains("Contributor"));
}

#[wasm_bindgen_test]
async fn settings_lead_to_the_admin_centre_and_its_connections() {
    let root = mount("/engagement/settings", portal(users_only(), ADMIN_1)).await;
    assert_eq!(text(&root, "h1#page-title"), "Settings");
    // Link clicks are followed in the end-to-end test: here earlier tests' routers are still
    // listening, so only the targets are checked.
    assert_eq!(find(&root, "#go-to-admin-centre").get_attribute("href").as_deref(), Some("/admin-centre"));
    let root = mount("/admin-centre", portal(users_only(), ADMIN_1)).await;
    assert_eq!(text(&root, "h1#page-title"), "Admin center");
    assert_eq!(find(&root, ".ei-admin-menu a").get_attribute("href").as_deref(), Some("/admin-centre/connections"));
    let root = mount("/admin-centre/connections", portal(users_only(), ADMIN_1)).await;
    assert_eq!(find(&root, ".ei-admin-menu a").get_attribute("aria-current").as_deref(), Some("page"));
    assert_eq!(text(&root, "h1#page-title"), "Admin center › Connections");
}

#[wasm_bindgen_test]
async fn the_wizard_checks_each_field_keeps_input_on_back_and_creates_a_pending_link() {
    let p = portal(users_only(), ADMIN_1);
    let root = mount("/admin-centre/connections/new", p).await;
    assert!(text(&root, "#wizard-steps [aria-current=step]").contains("Storage settings"));

    type_into(&root, "#wizard-storage-account", "My_Storage").await;
    type_into(&root, "#wizard-environment-id", "1234").await;
    type_into(&root, "#wizard-instance-folder", "ci_contoso").await;
    click(&root, "#wizard-next").await;
    assert_eq!(text(&root, "#wizard-step-heading"), "Step 1 of 3: Storage settings", "bad input keeps the first step");
    assert!(text(&root, "#wizard-storage-account-error").contains("lower-case letters and digits"));
    assert!(!text(&root, "#wizard-shared-key-error").is_empty(), "the key is required");
    assert!(!text(&root, "#wizard-environment-id-error").is_empty());
    assert!(!text(&root, "#wizard-instance-folder-error").is_empty());
    assert_eq!(find(&root, "#wizard-storage-account").get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = find(&root, "#wizard-storage-account").get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("wizard-storage-account-error"));
    assert_eq!(p.workspace().with_untracked(|w| w.engagement_links().count()), 0, "nothing is created by Next");

    type_into(&root, "#wizard-storage-account", "contosolake").await;
    type_into(&root, "#wizard-shared-key", "k3y==").await;
    type_into(&root, "#wizard-environment-id", "0f8fad5b-d9cb-469f-a165-70867728950e").await;
    type_into(&root, "#wizard-instance-folder", "customerInsights/ci_lake").await;
    click(&root, "#wizard-next").await;
    assert_eq!(text(&root, "#wizard-step-heading"), "Step 2 of 3: Member access");
    assert!(text(&root, "#privacy-note").contains("age, gender and income"));
    let creator = find(&root, &format!("#wizard-members li[data-user='{ADMIN_1}']"));
    assert!(creator.query_selector("button").unwrap().is_none(), "the creator can't be removed in the wizard");

    choose(&root, "#wizard-add-member", CONTRIBUTOR_2).await;
    click(&root, "#wizard-add-member-button").await;
    choose(&root, "#wizard-add-member", VIEWER_1).await;
    click(&root, "#wizard-add-member-button").await;
    click(&root, &format!("#wizard-members li[data-user='{VIEWER_1}'] button")).await;
    assert!(!exists(&root, &format!("#wizard-members li[data-user='{VIEWER_1}']")), "a member can be removed again");

    click(&root, "#wizard-next").await;
    assert_eq!(text(&root, "#review-storage-account"), "contosolake");
    assert_eq!(text(&root, "#review-shared-key"), "Set (hidden)");
    assert!(!root.inner_html().contains("k3y=="), "the shared key is never rendered");
    assert_eq!(text(&root, "#review-members"), "Alex Morgan, Mei Tanaka");

    click(&root, "#wizard-back").await;
    click(&root, "#wizard-back").await;
    assert_eq!(value_of(&root, "#wizard-storage-account"), "contosolake", "Back keeps what was typed");
    assert_eq!(value_of(&root, "#wizard-instance-folder"), "customerInsights/ci_lake");
    click(&root, "#wizard-next").await;
    click(&root, "#wizard-next").await;
    click(&root, "#wizard-done").await;

    assert_eq!(web_sys::window().unwrap().location().pathname().unwrap(), "/admin-centre/connections");
    let link = p.workspace().with_untracked(|w| w.engagement_links().next().cloned()).expect("created");
    assert_eq!(link.status, LinkStatus::Pending);
    assert_eq!(link.members.len(), 2);
    assert!(text(&root, "#engagement-links").contains("Pending"));
}

#[wasm_bindgen_test]
async fn cancel_asks_before_discarding_what_was_typed() {
    let root = mount("/admin-centre/connections/new", portal(users_only(), ADMIN_1)).await;
    type_into(&root, "#wizard-storage-account", "half").await;
    click(&root, "#wizard-cancel").await;
    assert!(find(&root, "#discard-dialog").has_attribute("open"), "a confirmation opens");
    click(&root, "#discard-keep").await;
    assert_eq!(value_of(&root, "#wizard-storage-account"), "half");
    click(&root, "#wizard-cancel").await;
    click(&root, "#discard-confirm").await;
    assert_eq!(web_sys::window().unwrap().location().pathname().unwrap(), "/admin-centre/connections");
}

#[wasm_bindgen_test]
async fn members_are_managed_from_the_list_and_the_creator_needs_a_replacement() {
    let p = portal(Workspace::sample(NOW), ADMIN_1);
    let root = mount("/admin-centre/connections", p).await;
    click(&root, "#engagement-links .manage-members").await;
    click(&root, &format!("#manage-members li[data-user='{ADMIN_1}'] button")).await;
    click(&root, "#members-save").await;
    assert!(text(&root, "#members-problem").contains("another administrator"), "{}", text(&root, "#members-problem"));
    choose(&root, "#manage-add-member", "u-admin-2").await;
    click(&root, "#manage-add-member-button").await;
    click(&root, "#members-save").await;
    let members = p.workspace().with_untracked(|w| w.engagement_links().next().map(|l| l.members.clone())).unwrap();
    assert!(members.contains(&UserId::new("u-admin-2")) && !members.contains(&UserId::new(ADMIN_1)));
    assert!(text(&root, "#engagement-links").contains("Priya Raman"));
}

#[wasm_bindgen_test]
async fn edit_never_shows_the_key_and_a_new_key_sets_the_link_back_to_pending() {
    let p = portal(Workspace::sample(NOW), ADMIN_1);
    let root = mount("/admin-centre/connections", p).await;
    click(&root, "#engagement-links .edit-link").await;
    assert_eq!(value_of(&root, "#edit-link-storage-account"), "contosoinsights");
    assert_eq!(value_of(&root, "#edit-link-shared-key"), "", "the saved key is not shown back");
    type_into(&root, "#edit-link-instance-folder", "nope").await;
    click(&root, "#edit-link-save").await;
    assert!(!text(&root, "#edit-link-instance-folder-error").is_empty());
    assert_eq!(value_of(&root, "#edit-link-instance-folder"), "nope", "nothing typed is lost");
    type_into(&root, "#edit-link-instance-folder", "customerInsights/ci_contoso").await;
    type_into(&root, "#edit-link-shared-key", "new-key").await;
    click(&root, "#edit-link-save").await;
    let status = p.workspace().with_untracked(|w| w.engagement_links().next().map(|l| l.status)).unwrap();
    assert_eq!(status, LinkStatus::Pending);
}

#[wasm_bindgen_test]
async fn removing_a_link_needs_confirm_delete() {
    let p = portal(Workspace::sample(NOW), ADMIN_1);
    let root = mount("/admin-centre/connections", p).await;
    click(&root, "#engagement-links .remove-link").await;
    type_into(&root, "#remove-confirm", "confirm delete").await;
    click(&root, "#remove-link-confirm").await;
    assert!(text(&root, "#remove-confirm-error").contains("CONFIRM DELETE"));
    assert_eq!(p.workspace().with_untracked(|w| w.engagement_links().count()), 1, "still there");
    type_into(&root, "#remove-confirm", "CONFIRM DELETE").await;
    click(&root, "#remove-link-confirm").await;
    assert_eq!(p.workspace().with_untracked(|w| w.engagement_links().count()), 0);
    assert!(exists(&root, "#no-links"));
}

#[wasm_bindgen_test]
async fn the_report_is_drawn_for_members_and_explained_to_everyone_else() {
    let workspace = Workspace::sample(NOW);
    let link = workspace.engagement_links().next().unwrap().id.clone();
    let report = workspace.profile_report(&UserId::new(ADMIN_1), &link).unwrap();
    let root = mount("/reports/profiles", portal(workspace.clone(), CONTRIBUTOR_1)).await;
    let charts = root.query_selector_all("svg[role=img]").unwrap().length();
    assert_eq!(charts, 3, "gender, age and location");
    let gender = find(&root, &format!("#chart-{link}-gender svg"));
    assert_eq!(gender.query_selector("title").unwrap().unwrap().text_content().as_deref(), Some("Gender"));
    let female = report.gender[0].1.to_string();
    let described = gender.query_selector("desc").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(described.contains("Female") && described.contains(&female), "{described}");
    assert!(text(&root, &format!("#chart-{link}-location table")).contains("São Paulo"), "numbers as a table");
    assert!(text(&root, "#report-total").contains("customer profiles"));

    let root = mount("/reports/profiles", portal(workspace, CONTRIBUTOR_2)).await;
    assert_eq!(root.query_selector_all("svg[role=img]").unwrap().length(), 0);
    assert!(text(&root, "#report-not-member").contains("Ask Alex Morgan"));
}
