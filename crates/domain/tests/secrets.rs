mod common;

use std::collections::BTreeSet;

use common::*;
use connections_domain::*;

#[test]
fn a_typed_secret_never_shows_in_debug_events_views_or_records() {
    let mut ws = vault_ws();
    let command = blob("Lake", UsableBy::AdministratorsOnly);
    assert!(!format!("{command:?}").contains(PLANTED));
    assert!(format!("{:?}", SecretInput::new(PLANTED)) == "SecretInput(••••)");
    let mut events = ok(&mut ws, &admin(), command);
    events.extend(ok(&mut ws, &admin(), maps_connection("Maps")));
    events.extend(ok(
        &mut ws,
        &admin(),
        Command::CreateEngagementLink {
            storage_account: "contosoinsights".into(),
            shared_key: SecretInput::new(PLANTED),
            environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            instance_folder: "customerInsights/ci_x".into(),
            members: BTreeSet::new(),
        },
    ));
    events.extend(ok(&mut ws, &admin(), Command::RotateSecret { name: SecretName::new("sftp-pass"), value: SecretInput::new(PLANTED) }));
    let checksum = ws.connections().find_map(|c| c.credentials.values().find_map(|v| match v {
        Credential::Typed(f) => Some(f.checksum.to_string()),
        _ => None,
    }));
    let checksum = checksum.unwrap();
    let events_text = format!("{events:?}") + &serde_json::to_string(&events).unwrap();
    assert!(!events_text.contains(PLANTED));
    assert!(!events_text.contains(&checksum), "events carry no fingerprint");
    let views = format!(
        "{:?}{:?}{:?}{:?}{:?}",
        ws.connection_rows(&admin(), Category::Export),
        ws.connection_rows(&admin(), Category::Enrichment),
        ws.vault_view(&admin()),
        ws.engagement_link_rows(&admin()),
        ws.activity(&admin())
    );
    assert!(!views.contains(PLANTED) && !views.contains(&checksum));
    assert!(!format!("{ws:?}").contains(PLANTED));
    assert!(ws.records().iter().all(|r| !r.json.contains(PLANTED)));
}

#[test]
fn error_messages_say_what_to_do() {
    let err = DomainError::ConsentRequired.to_string();
    assert!(err.contains("I agree"));
    let err = DomainError::EmptySelection.to_string();
    assert!(err.starts_with("Select"));
}
