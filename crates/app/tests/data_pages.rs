//! Component tests of Data > Exports, Data > Enrichment, Settings > Permissions > Key Vault and
//! Activity, in a real browser: what each role can and cannot do, the Key Vault refusals, the
//! simulated run, the connection filter, and the Activity CSV.

use connections_domain::{Category, Command, NewConnection, NewExport, RunStatus, SecretInput, Timestamp, UserId, UsableBy, Workspace};
use connections_portal::i18n::{I18n, Locale};
use connections_portal::pages::activity::csv::to_csv;
use connections_portal::pages::activity::{cells, header};
use connections_domain::simulation::simulated_run_outcome;
use connections_portal::state::Portal;
use connections_portal::ui::table::PAGE_SIZE;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

const NOW: Timestamp = Timestamp(1_763_900_000_000);
const ADMIN: &str = "u-admin-1";
const CONTRIBUTOR: &str = "u-contrib-1";
const VIEWER: &str = "u-viewer-1";

/// The export row whose name button reads `name`.
fn export_row_css(workspace: &Workspace, name: &str) -> String {
    let id = workspace.exports().find(|e| e.name.as_str() == name).unwrap_or_else(|| panic!("no export {name}")).id.clone();
    format!("#export-{id}")
}

fn row_text(root: &web_sys::HtmlElement, css: &str) -> String {
    text(root, css)
}

// ----- Exports -----

#[wasm_bindgen_test]
async fn a_contributor_picks_only_shared_connections_and_adds_an_export() {
    let workspace = Workspace::sample(NOW);
    let shared: Vec<String> =
        workspace.usable_connections(&UserId::new(CONTRIBUTOR), Category::Export).into_iter().map(|c| c.display_name).collect();
    let not_shared = "Campaign audiences";
    assert!(!shared.iter().any(|n| n == not_shared));
    let p = portal(workspace, CONTRIBUTOR);
    let root = mount("/data/exports", p).await;

    click(&root, "#add-export-open").await;
    let offered = texts(&root, "#add-export-connection optgroup option");
    assert_eq!(offered.len(), shared.len(), "offered {offered:?}");
    assert!(!offered.iter().any(|n| n == not_shared), "a connection not shared with contributors was offered");
    let groups = count(&root, "#add-export-connection optgroup");
    assert!(groups >= 2, "connections are grouped by type");
    assert!(!exists(&root, "#no-connection-hint"));

    // A refused save keeps what was typed and says why next to the field.
    let lake = p.workspace().with_untracked(|w| w.connections().find(|c| c.display_name.as_str() == "Contoso data lake").unwrap().id.clone());
    choose(&root, "#add-export-connection", lake.as_str()).await;
    type_into(&root, "#add-export-name", "   ").await;
    click(&root, "#add-export-save").await;
    assert_eq!(text(&root, "#add-export-name-error"), "Enter a display name.");
    assert_eq!(attr(&root, "#add-export-name", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(attr(&root, "#add-export-name", "aria-describedby").as_deref(), Some("add-export-name-error"));
    let kept: web_sys::HtmlSelectElement = find(&root, "#add-export-connection").unchecked_into();
    assert_eq!(kept.value(), lake.as_str(), "the chosen connection is kept after a refusal");

    type_into(&root, "#add-export-name", "Contributor weekly file").await;
    click(&root, "#add-export-schedule-recurring").await;
    type_into(&root, "#add-export-hours", "500").await;
    click(&root, "#add-export-save").await;
    assert!(text(&root, "#add-export-hours-error").contains("168"), "hours out of range are refused beside the field");
    type_into(&root, "#add-export-hours", "72").await;
    click(&root, "#add-export-save").await;

    let created = p.workspace().with_untracked(|w| w.exports().find(|e| e.name.as_str() == "Contributor weekly file").cloned());
    let created = created.expect("the export was created");
    assert_eq!(created.connection, Some(lake));
    assert_eq!(created.owner, UserId::new(CONTRIBUTOR));
    let row = row_text(&root, &format!("#export-{}", created.id));
    assert!(row.contains("Contoso data lake") && row.contains("Every 72 h") && row.contains("You can edit"), "{row}");
}

#[wasm_bindgen_test]
async fn a_contributor_sees_exports_on_unshared_connections_read_only() {
    let workspace = Workspace::sample(NOW);
    let unshared = export_row_css(&workspace, "High value shoppers");
    let shared = export_row_css(&workspace, "All customers to lake");
    let p = portal(workspace, CONTRIBUTOR);
    let root = mount("/data/exports", p).await;
    assert!(row_text(&root, &unshared).contains("You can view"));
    assert!(!exists(&root, &format!("{unshared} .row-run")), "no Run on a read-only export");
    let checkbox: web_sys::HtmlInputElement = find(&root, &format!("{unshared} .row-select")).unchecked_into();
    assert!(checkbox.disabled());
    assert!(row_text(&root, &shared).contains("You can edit"));
    assert!(exists(&root, &format!("{shared} .row-run")));

    // Its pane is read-only, without Save.
    click(&root, &format!("{unshared} .open-export")).await;
    assert!(exists(&root, "#export-read-only"));
    assert!(!exists(&root, "#export-save"));
    let name: web_sys::HtmlInputElement = find(&root, "#export-pane-name").unchecked_into();
    assert!(name.read_only());
}

#[wasm_bindgen_test]
async fn a_viewer_has_no_way_to_change_exports_and_the_domain_refuses_anyway() {
    let workspace = Workspace::sample(NOW);
    let total = workspace.exports().count() as u32;
    let p = portal(workspace, VIEWER);
    let root = mount("/data/exports", p).await;
    assert!(!exists(&root, "#add-export-open"));
    assert!(text(&root, "#viewer-note").contains("not change"));
    assert_eq!(count(&root, "#export-list tbody tr"), total.min(PAGE_SIZE as u32), "one page of them");
    assert_eq!(count(&root, "#export-list .row-run"), 0);
    assert_eq!(count(&root, "#export-list .row-select:not([disabled])"), 0);
    let id = p.workspace().with_untracked(|w| w.exports().next().unwrap().id.clone());
    let refused = p.dispatch(Command::RunExport { id }).unwrap_err();
    assert!(matches!(refused, connections_domain::DomainError::NotAllowed { .. }));
}

#[wasm_bindgen_test]
async fn with_no_shared_connection_a_contributor_is_told_to_ask_an_administrator() {
    let mut workspace = Workspace::empty();
    workspace
        .apply(
            &UserId::new(ADMIN),
            Command::CreateConnection(NewConnection {
                display_name: "Admins only lake".into(),
                type_id: connections_domain::ConnectionTypeId::AzureBlobStorage,
                fields: [("account_name".to_string(), "adminlake".to_string()), ("container".to_string(), "out".to_string())].into(),
                secrets: [("account_key".to_string(), SecretInput::new("k3y-value"))].into(),
                key_vault_secrets: Default::default(),
                usable_by: UsableBy::AdministratorsOnly,
                consent: true,
                sign_in_account: None,
            }),
            NOW,
        )
        .expect("admin creates a connection");
    // A contributor with no connection to use is not offered Add export; the page says why.
    let root = mount("/data/exports", portal(workspace, CONTRIBUTOR)).await;
    assert!(!exists(&root, "#add-export-open"));
    assert!(!exists(&root, "#viewer-note"));
    assert!(text(&root, "#no-connection-hint").contains("ask an administrator to share one"));
    // An administrator with no export connection at all opens it and is told what to do.
    let root = mount("/data/exports", portal(Workspace::empty(), ADMIN)).await;
    click(&root, "#add-export-open").await;
    assert_eq!(count(&root, "#add-export-connection optgroup option"), 0);
    assert_eq!(text(&root, "#no-connection-hint"), "Contact an administrator if no connection is available.");
}

#[wasm_bindgen_test]
async fn the_connection_filter_narrows_the_list_and_can_be_cleared() {
    let workspace = Workspace::sample(NOW);
    let lake = workspace.connections().find(|c| c.display_name.as_str() == "Contoso data lake").unwrap().id.clone();
    let on_lake = workspace.dependents(&lake).exports.len() as u32;
    let total = workspace.exports().count() as u32;
    let root = mount(&format!("/data/exports?connection={lake}"), portal(workspace, ADMIN)).await;
    assert!(text(&root, "#connection-filter").contains("Contoso data lake"));
    assert_eq!(count(&root, "#export-list tbody tr"), on_lake);
    // Earlier tests' routers also listen for link clicks on this page, so the click itself is
    // left to the end-to-end test; here the link must lead to the unfiltered list.
    assert_eq!(attr(&root, "#clear-connection-filter", "href").as_deref(), Some("/data/exports"));
    let unfiltered = mount("/data/exports", portal(Workspace::sample(NOW), ADMIN)).await;
    assert!(!exists(&unfiltered, "#connection-filter"));
    assert_eq!(count(&unfiltered, "#export-list tbody tr"), total.min(PAGE_SIZE as u32));
    assert!(text(&unfiltered, "#export-count").contains(&format!("{total} of {total}")), "the count names them all");
    let root = unfiltered;

    type_into(&root, "#export-search", "klaviyo").await;
    let klaviyo_rows = texts(&root, "#export-list tbody tr");
    assert!(!klaviyo_rows.is_empty() && klaviyo_rows.iter().all(|r| r.contains("Klaviyo")), "search matches the connection type");
}

#[wasm_bindgen_test]
async fn detaching_shows_no_connection_and_adding_a_connection_reactivates() {
    let workspace = Workspace::sample(NOW);
    let row = export_row_css(&workspace, "Orders to lake");
    let p = portal(workspace, ADMIN);
    let root = mount("/data/exports", p).await;

    find(&root, &format!("{row} .row-select")).click();
    wait_for_text(&root, "#selection-count", "1 selected").await;
    assert_eq!(text(&root, "#selection-count"), "1 selected");
    click(&root, "#bulk-detach").await;
    assert!(row_text(&root, &row).contains("No connection"));
    assert!(text(&root, ".toasts").contains("Connection detached"));

    click(&root, &format!("{row} .open-export")).await;
    click(&root, "#attach-connection-save").await;
    assert_eq!(text(&root, "#attach-connection-error"), "Choose a connection for this export.");
    let sftp = p.workspace().with_untracked(|w| w.connections().find(|c| c.display_name.as_str() == "Marketing SFTP").unwrap().id.clone());
    choose(&root, "#attach-connection", sftp.as_str()).await;
    click(&root, "#attach-connection-save").await;
    assert!(text(&root, "#export-pane-connection").contains("Marketing SFTP"));
    assert!(row_text(&root, &row).contains("Marketing SFTP"));
}

#[wasm_bindgen_test]
async fn a_run_moves_through_queued_and_processing_to_its_outcome() {
    let workspace = Workspace::sample(NOW);
    let export = workspace.exports().find(|e| e.name.as_str() == "Web visits to lake").unwrap().clone();
    assert_eq!(export.status, RunStatus::NotStarted);
    let row = format!("#export-{}", export.id);
    let p = portal(workspace, ADMIN);
    let root = mount("/data/exports", p).await;
    // 30 exports take two pages; it is on the second.
    type_into(&root, "#export-search", "web visits").await;
    click(&root, &format!("{row} .row-run")).await;
    assert!(row_text(&root, &row).contains("Queued"));
    assert!(exists(&root, &format!("{row} progress")));
    // Each step of the simulated run takes STEP_MS; the row says where the run is.
    wait_for_text(&root, &row, "Processing").await;
    wait_for("the run to finish", || !exists(&root, &format!("{row} progress"))).await;
    let expected = simulated_run_outcome(export.id.as_str());
    let finished = p.workspace().with_untracked(|w| w.export(&export.id).cloned().unwrap());
    assert_eq!(finished.status, expected.status());
    assert!(!exists(&root, &format!("{row} progress")));
    if expected == connections_domain::RunOutcome::Successful {
        assert!(finished.last_refreshed.is_some());
        assert!(!row_text(&root, &row).contains("Never"), "Last refreshed is filled in");
    }
    assert!(text(&root, ".toasts").contains("Run of Web visits to lake ended"));
}

// ----- Enrichment -----

#[wasm_bindgen_test]
async fn a_viewer_sees_enrichments_read_only() {
    let workspace = Workspace::sample(NOW);
    let p = portal(workspace, VIEWER);
    let root = mount("/data/enrichment", p).await;
    assert!(!exists(&root, "#add-enrichment-open"));
    assert!(exists(&root, "#viewer-note"));
    assert_eq!(count(&root, "#enrichment-list .row-run"), 0);
    click(&root, "#enrichment-list .open-enrichment").await;
    assert!(!exists(&root, "#enrichment-deactivate") && !exists(&root, "#enrichment-activate") && !exists(&root, "#enrichment-delete"));
}

#[wasm_bindgen_test]
async fn a_contributor_deactivates_and_activates_an_enrichment_keeping_its_data() {
    let workspace = Workspace::sample(NOW);
    let enrichment = workspace.enrichments().find(|n| n.name.as_str() == "Normalised addresses").unwrap().clone();
    let row = format!("#enrichment-{}", enrichment.id);
    let p = portal(workspace, CONTRIBUTOR);
    let root = mount("/data/enrichment", p).await;
    assert!(text(&root, &format!("{row} .active-cell")).contains("Active"));
    find(&root, &format!("{row} .row-select")).click();
    wait_for_element(&root, "#bulk-deactivate").await;
    click(&root, "#bulk-deactivate").await;
    assert!(text(&root, &format!("{row} .active-cell")).contains("Inactive"));
    let after = p.workspace().with_untracked(|w| w.enrichment(&enrichment.id).cloned().unwrap());
    assert!(!after.active);
    assert_eq!(after.enriched_customers, enrichment.enriched_customers, "an inactive enrichment keeps its data");
    assert!(!exists(&root, &format!("{row} .row-run:not([disabled])")), "an inactive enrichment doesn't run");

    click(&root, &format!("{row} .open-enrichment")).await;
    assert!(exists(&root, "#inactive-note"));
    click(&root, "#enrichment-activate").await;
    assert_eq!(text(&root, "#enrichment-pane-active"), "Active");
    assert!(p.workspace().with_untracked(|w| w.enrichment(&enrichment.id).unwrap().active));
}

#[wasm_bindgen_test]
async fn an_enrichment_whose_connection_was_removed_is_reactivated_by_adding_one() {
    let mut workspace = Workspace::sample(NOW);
    let admin = UserId::new(ADMIN);
    let maps = workspace.connections().find(|c| c.display_name.as_str() == "Address cleanup").unwrap().clone();
    let users: Vec<_> = workspace.enrichments().filter(|n| n.connection.as_ref() == Some(&maps.id)).map(|n| n.id.clone()).collect();
    workspace.apply(&admin, Command::DeactivateEnrichments { ids: users.clone() }, NOW).unwrap();
    workspace.apply(&admin, Command::RemoveConnection { id: maps.id.clone() }, NOW).unwrap();
    workspace
        .apply(
            &admin,
            Command::CreateConnection(NewConnection {
                display_name: "Address cleanup 2".into(),
                type_id: maps.type_id,
                fields: Default::default(),
                secrets: [("api_key".to_string(), SecretInput::new("another-maps-key"))].into(),
                key_vault_secrets: Default::default(),
                usable_by: UsableBy::AdministratorsAndContributors,
                consent: true,
                sign_in_account: None,
            }),
            NOW,
        )
        .expect("a second maps connection");
    let target = users[0].clone();
    let p = portal(workspace, CONTRIBUTOR);
    let root = mount("/data/enrichment", p).await;
    let row = format!("#enrichment-{target}");
    assert!(row_text(&root, &row).contains("No connection"));
    click(&root, &format!("{row} .open-enrichment")).await;
    let offered = texts(&root, "#attach-enrichment-connection optgroup option");
    assert_eq!(offered, vec!["Address cleanup 2".to_string()], "only connections of the same provider are offered");
    let new_id = p.workspace().with_untracked(|w| w.connections().find(|c| c.display_name.as_str() == "Address cleanup 2").unwrap().id.clone());
    choose(&root, "#attach-enrichment-connection", new_id.as_str()).await;
    click(&root, "#attach-enrichment-save").await;
    assert_eq!(text(&root, "#enrichment-pane-active"), "Active");
    assert!(row_text(&root, &row).contains("Address cleanup 2"));
}

// ----- Key Vault -----

#[wasm_bindgen_test]
async fn deleting_a_secret_in_use_is_refused_naming_the_connections() {
    let workspace = Workspace::sample(NOW);
    let p = portal(workspace, ADMIN);
    let root = mount("/settings/permissions/key-vault", p).await;
    assert!(text(&root, "#secret-sftp-password .secret-used-by").contains("Marketing SFTP"));
    click(&root, "#secret-sftp-password .secret-delete").await;
    click(&root, "#delete-secret-confirm").await;
    let refusal = text(&root, "#delete-secret-error");
    assert!(refusal.contains("sftp-password") && refusal.contains("Marketing SFTP"), "{refusal}");
    assert!(exists(&root, "#secret-sftp-password"), "the secret is still there");

    click(&root, "#vault-unlink").await;
    click(&root, "#unlink-confirm").await;
    let refusal = text(&root, "#unlink-error");
    for name in ["Marketing SFTP", "Campaign audiences", "Lead nurturing", "Email journeys"] {
        assert!(refusal.contains(name), "unlink refusal should name {name}: {refusal}");
    }
    assert!(exists(&root, "#vault-tile"));
}

#[wasm_bindgen_test]
async fn secrets_are_added_rotated_and_deleted_without_ever_being_shown() {
    let workspace = Workspace::sample(NOW);
    let p = portal(workspace, ADMIN);
    let root = mount("/settings/permissions/key-vault", p).await;

    type_into(&root, "#secret-name", "bad name!").await;
    type_into(&root, "#secret-value", "s3cret-typed-value").await;
    click(&root, "#secret-add").await;
    assert_eq!(text(&root, "#secret-name-error"), "Use 1 to 127 letters, digits and hyphens.");
    let value: web_sys::HtmlInputElement = find(&root, "#secret-value").unchecked_into();
    assert_eq!(value.value(), "s3cret-typed-value", "nothing typed is lost when Add is refused");

    type_into(&root, "#secret-name", "crm-token").await;
    click(&root, "#secret-add").await;
    assert!(text(&root, "#secret-crm-token .secret-version").contains("Version 1"));
    assert_eq!(value.value(), "", "the value field is cleared once saved");
    assert!(!root.inner_html().contains("s3cret-typed-value"), "the secret value never appears on the page");

    click(&root, "#secret-crm-token .secret-rotate").await;
    type_into(&root, "#rotate-value", "second-value-22").await;
    click(&root, "#rotate-confirm").await;
    assert!(text(&root, "#secret-crm-token .secret-version").contains("Version 2"));

    click(&root, "#secret-crm-token .secret-toggle-reachable").await;
    assert!(text(&root, "#secret-crm-token .secret-status").contains("Unreachable"));

    click(&root, "#secret-crm-token .secret-delete").await;
    click(&root, "#delete-secret-confirm").await;
    assert!(!exists(&root, "#secret-crm-token"));
    assert!(!root.inner_html().contains("second-value-22"));
}

#[wasm_bindgen_test]
async fn marking_a_secret_unreachable_flags_its_connections() {
    let workspace = Workspace::sample(NOW);
    let p = portal(workspace, ADMIN);
    let root = mount("/settings/permissions/key-vault", p).await;
    let flagged = |p: &Portal| {
        p.workspace().with_untracked(|w| {
            w.connection_rows(&UserId::new(ADMIN), Category::Export, connections_domain::Timestamp(0)).into_iter().find(|r| r.display_name == "Marketing SFTP").unwrap().flagged_unreachable
        })
    };
    assert!(!flagged(&p));
    click(&root, "#secret-sftp-password .secret-toggle-reachable").await;
    assert!(flagged(&p));
    click(&root, "#secret-sftp-password .secret-toggle-reachable").await;
    assert!(!flagged(&p));
    click(&root, "#vault-toggle-reachable").await;
    assert!(flagged(&p), "an unreachable vault flags every connection using it");
    assert!(text(&root, "#vault-reachability").contains("Unreachable"));
}

#[wasm_bindgen_test]
async fn linking_a_vault_checks_each_field_and_the_consent() {
    let root = mount("/settings/permissions/key-vault", portal(Workspace::empty(), ADMIN)).await;
    type_into(&root, "#vault-subscription", "not-a-guid").await;
    type_into(&root, "#vault-name", "contoso vault").await;
    click(&root, "#vault-link").await;
    assert!(!text(&root, "#vault-subscription-error").is_empty());
    assert_eq!(text(&root, "#vault-name-error"), "Use 1 to 127 letters, digits and hyphens.");
    type_into(&root, "#vault-subscription", "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c").await;
    type_into(&root, "#vault-name", "contoso-vault").await;
    click(&root, "#vault-link").await;
    assert!(text(&root, "#vault-consent-error").contains("I agree"));
    click(&root, "#vault-consent").await;
    click(&root, "#vault-link").await;
    assert_eq!(text(&root, "#vault-tile-name"), "contoso-vault");
    assert!(text(&root, "#vault-subscription-text").contains("3f2b8c1e"));
}

#[wasm_bindgen_test]
async fn contributors_and_viewers_cannot_open_the_key_vault() {
    for user in [CONTRIBUTOR, VIEWER] {
        let p = portal(Workspace::sample(NOW), user);
        let root = mount("/settings/permissions/key-vault", p).await;
        assert!(exists(&root, "#access-denied"), "{user} must be refused");
        assert!(!exists(&root, "#secret-list") && !exists(&root, "#add-secret-form"));
        let refused = p.dispatch(Command::DeleteSecret { name: connections_domain::SecretName::new("klaviyo-api-key") }).unwrap_err();
        assert!(matches!(refused, connections_domain::DomainError::NotAllowed { .. }));
    }
}

// ----- Activity -----

#[wasm_bindgen_test]
fn the_activity_csv_never_holds_a_secret() {
    let mut workspace = Workspace::sample(NOW);
    let admin = UserId::new(ADMIN);
    let typed = "Very-Secret-Value-913";
    workspace.apply(&admin, Command::AddSecret { name: "audit-check".into(), value: SecretInput::new(typed) }, NOW).unwrap();
    workspace
        .apply(&admin, Command::RotateSecret { name: connections_domain::SecretName::new("audit-check"), value: SecretInput::new("Rotated-Secret-77") }, NOW)
        .unwrap();
    let i18n = I18n::new(Locale::English);
    let rows: Vec<Vec<String>> = workspace.activity(&admin).iter().map(|r| cells(&i18n, r)).collect();
    let csv = to_csv(&header(&i18n), &rows);
    assert!(csv.contains("Rotated secret") && csv.contains("audit-check"), "the events are there");
    assert!(!csv.contains(typed) && !csv.contains("Rotated-Secret-77"), "no secret value in the CSV");
    assert!(!csv.contains("demo-sftp-pass"), "no sample secret either");
}

#[wasm_bindgen_test]
async fn activity_lists_newest_first_and_filters_by_object_and_user() {
    let mut workspace = Workspace::sample(NOW);
    let contributor = UserId::new(CONTRIBUTOR);
    let lake = workspace.connections().find(|c| c.display_name.as_str() == "Contoso data lake").unwrap().id.clone();
    workspace
        .apply(
            &contributor,
            Command::CreateExport(NewExport {
                name: "Newest thing".into(),
                kind: connections_domain::ExportKind::Segment,
                connection: lake,
                schedule: connections_domain::Schedule::OnDemand,
            }),
            Timestamp(NOW.0 + 60_000),
        )
        .unwrap();
    let total = workspace.events().len() as u32;
    let root = mount("/activity", portal(workspace, VIEWER)).await;
    // Every role can read the whole log: the first page is drawn and the count names all.
    assert_eq!(count(&root, "#activity-list tbody tr"), total.min(PAGE_SIZE as u32), "every role can read the log, a page at a time");
    assert_eq!(text(&root, "#activity-count"), format!("{total} of {total} events"));
    if total as usize > PAGE_SIZE {
        assert!(text(&root, "#activity-page-status").contains(&format!("Rows 1–{PAGE_SIZE} of {total}")));
    }
    let first = text(&root, "#activity-list tbody tr:first-child");
    assert!(first.contains("Newest thing") && first.contains("Jonas Berg") && first.contains("Contributor") && first.contains("Created export"), "{first}");

    choose(&root, "#activity-object", "secret").await;
    let secret_rows = texts(&root, "#activity-list tbody tr .object-kind");
    assert!(!secret_rows.is_empty() && secret_rows.iter().all(|k| k == "Secret"));
    choose(&root, "#activity-object", "").await;
    choose(&root, "#activity-user", "Jonas Berg").await;
    let who = texts(&root, "#activity-list tbody tr .who");
    assert!(!who.is_empty() && who.iter().all(|w| w.starts_with("Jonas Berg")));
    assert!(text(&root, "#activity-count").contains(&format!("of {total} events")));
}

#[wasm_bindgen_test]
async fn the_pages_translate_to_french() {
    let root = mount("/data/exports", portal(Workspace::sample(NOW), ADMIN)).await;
    choose(&root, "#language-menu", "fr").await;
    assert_eq!(text(&root, "#add-export-open"), "Ajouter une exportation");
    assert!(text(&root, "#export-list").contains("Aucune connexion"), "a detached sample export reads Aucune connexion");
    choose(&root, "#language-menu", "en").await;
}
