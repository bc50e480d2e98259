#![allow(dead_code)]
use std::collections::BTreeMap;

use connections_domain::sample::*;
use connections_domain::*;

pub const NOW: Timestamp = Timestamp(1_700_000_000_000);
pub const PLANTED: &str = "S3cr3t-zz9";

pub fn admin() -> UserId {
    UserId::new(ADMIN_1)
}
pub fn contributor() -> UserId {
    UserId::new(CONTRIBUTOR_1)
}
pub fn viewer() -> UserId {
    UserId::new(VIEWER_1)
}

pub fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

pub fn secrets(pairs: &[(&str, &str)]) -> BTreeMap<String, SecretInput> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), SecretInput::new(*v))).collect()
}

pub fn blob(name: &str, usable_by: UsableBy) -> Command {
    Command::CreateConnection(NewConnection {
        display_name: name.into(),
        type_id: ConnectionTypeId::AzureBlobStorage,
        fields: map(&[("account_name", "contosolake"), ("container", "exports")]),
        secrets: secrets(&[("account_key", PLANTED)]),
        key_vault_secrets: BTreeMap::new(),
        usable_by,
        consent: true,
        sign_in_account: None,
    })
}

pub fn maps_connection(name: &str) -> Command {
    Command::CreateConnection(NewConnection {
        display_name: name.into(),
        type_id: ConnectionTypeId::AzureMaps,
        fields: BTreeMap::new(),
        secrets: secrets(&[("api_key", PLANTED)]),
        key_vault_secrets: BTreeMap::new(),
        usable_by: UsableBy::AdministratorsOnly,
        consent: true,
        sign_in_account: None,
    })
}

/// A Leadspace enrichment connection named `name`, with a typed token.
pub fn leadspace_connection(name: &str) -> Command {
    Command::CreateConnection(NewConnection {
        display_name: name.into(),
        type_id: ConnectionTypeId::Leadspace,
        fields: BTreeMap::new(),
        secrets: secrets(&[("token", "t")]),
        key_vault_secrets: BTreeMap::new(),
        usable_by: UsableBy::AdministratorsOnly,
        consent: true,
        sign_in_account: None,
    })
}

pub fn created_connection(events: &[Event]) -> ConnectionId {
    events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::ConnectionCreated { id, .. } => Some(id.clone()),
            _ => None,
        })
        .expect("a connection was created")
}

pub fn export_on(connection: &ConnectionId, name: &str) -> Command {
    Command::CreateExport(NewExport { name: name.into(), kind: ExportKind::Segment, connection: connection.clone(), schedule: Schedule::WithEachRefresh })
}

pub fn created_export(events: &[Event]) -> ExportId {
    match &events[0].kind {
        EventKind::ExportCreated { id, .. } => id.clone(),
        other => panic!("expected ExportCreated, got {other:?}"),
    }
}

pub fn created_enrichment(events: &[Event]) -> EnrichmentId {
    match &events[0].kind {
        EventKind::EnrichmentCreated { id, .. } => id.clone(),
        other => panic!("expected EnrichmentCreated, got {other:?}"),
    }
}

/// Applies a command that must be refused and checks that nothing changed.
pub fn refuse(ws: &mut Workspace, actor: &UserId, command: Command) -> DomainError {
    let before = ws.clone();
    let err = ws.apply(actor, command, NOW).expect_err("command should be refused");
    assert_eq!(*ws, before, "a refused command changed the workspace");
    err
}

pub fn ok(ws: &mut Workspace, actor: &UserId, command: Command) -> Vec<Event> {
    ws.apply(actor, command, NOW).unwrap_or_else(|e| panic!("refused: {e:?}"))
}

pub fn vault_ws() -> Workspace {
    let mut ws = Workspace::empty();
    ok(&mut ws, &admin(), Command::LinkKeyVault { subscription: "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c".into(), vault_name: "my-vault".into(), consent: true });
    ok(&mut ws, &admin(), Command::AddSecret { name: "sftp-pass".into(), value: SecretInput::new(PLANTED) });
    ws
}

pub fn sftp_with_vault(name: &str) -> Command {
    Command::CreateConnection(NewConnection {
        display_name: name.into(),
        type_id: ConnectionTypeId::SftpExport,
        fields: map(&[("username", "u"), ("hostname", "sftp.contoso.com:22"), ("folder", "out")]),
        secrets: BTreeMap::new(),
        key_vault_secrets: BTreeMap::from([("password".to_owned(), SecretName::new("sftp-pass"))]),
        usable_by: UsableBy::AdministratorsOnly,
        consent: true,
        sign_in_account: None,
    })
}
