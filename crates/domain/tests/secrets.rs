mod common;

use std::collections::{BTreeMap, BTreeSet};

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
        Command::CreateEngagementLink(NewEngagementLink {
            storage_account: "contosoinsights".into(),
            shared_key: SecretInput::new(PLANTED),
            environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            instance_folder: "customerInsights/ci_x".into(),
            members: BTreeSet::new(),
        }),
    ));
    events.extend(ok(&mut ws, &admin(), Command::RotateSecret { name: SecretName::new("sftp-pass"), value: SecretInput::new(PLANTED) }));
    // A typed credential keeps when it was set, and nothing else.
    let stamp = ws.connections().find_map(|c| c.credentials.values().find_map(|v| match v {
        Credential::Typed(stamp) => Some(*stamp),
        _ => None,
    }));
    assert_eq!(stamp, Some(SecretStamp { set_at: NOW }));
    let events_text = format!("{events:?}") + &serde_json::to_string(&events).unwrap();
    assert!(!events_text.contains(PLANTED));
    assert!(!events_text.contains("set_at"), "events carry no secret stamp");
    let views = format!(
        "{:?}{:?}{:?}{:?}{:?}",
        ws.connection_rows(&admin(), Category::Export, NOW),
        ws.connection_rows(&admin(), Category::Enrichment, NOW),
        ws.vault_view(&admin()),
        ws.engagement_link_rows(&admin()),
        ws.activity(&admin())
    );
    assert!(!views.contains(PLANTED));
    assert!(!format!("{ws:?}").contains(PLANTED));
    assert!(ws.records().iter().all(|r| !r.json.contains(PLANTED)));
    // No hash or length of the value, under any name.
    let kept = format!("{ws:?}{views}") + &ws.records().into_iter().map(|r| r.json).collect::<String>();
    for word in ["checksum", "length", "fingerprint", "hash"] {
        assert!(!kept.contains(word), "{word} is kept");
    }
}

/// Saves the same things with the given secret value everywhere a secret is typed.
fn saved_with(secret: &str) -> Workspace {
    let mut ws = vault_ws();
    let typed = |key: &str| BTreeMap::from([(key.to_owned(), SecretInput::new(secret))]);
    let mut lake = blob("Lake", UsableBy::AdministratorsOnly);
    if let Command::CreateConnection(NewConnection { secrets, .. }) = &mut lake {
        *secrets = typed("account_key");
    }
    let lake = created_connection(&ok(&mut ws, &admin(), lake));
    let mut maps = maps_connection("Maps");
    if let Command::CreateConnection(NewConnection { secrets, .. }) = &mut maps {
        *secrets = typed("api_key");
    }
    ok(&mut ws, &admin(), maps);
    let fields = ws.connection(&lake).unwrap().fields.clone();
    ok(
        &mut ws,
        &admin(),
        Command::EditConnection(ConnectionEdit {
            id: lake,
            display_name: "Lake".into(),
            fields,
            secrets: typed("account_key"),
            key_vault_secrets: BTreeMap::new(),
            usable_by: UsableBy::AdministratorsOnly,
            sign_in_account: None,
        }),
    );
    ok(&mut ws, &admin(), Command::AddSecret { name: "api".into(), value: SecretInput::new(secret) });
    ok(&mut ws, &admin(), Command::RotateSecret { name: SecretName::new("api"), value: SecretInput::new(secret) });
    ok(
        &mut ws,
        &admin(),
        Command::CreateEngagementLink(NewEngagementLink {
            storage_account: "contosoinsights".into(),
            shared_key: SecretInput::new(secret),
            environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            instance_folder: "customerInsights/ci_x".into(),
            members: BTreeSet::new(),
        }),
    );
    ws
}

#[test]
fn records_do_not_depend_on_the_secret_value() {
    let short = saved_with("abcd");
    let long = saved_with("a much longer key, with spaces and ünïcödé ✓");
    assert_eq!(short, long);
    assert_eq!(short.records(), long.records());
}

#[test]
fn error_messages_say_what_to_do() {
    let err = DomainError::ConsentRequired.to_string();
    assert!(err.contains("I agree"));
    let err = DomainError::EmptySelection.to_string();
    assert!(err.starts_with("Select"));
}
