mod common;

use common::*;
use connections_domain::backup::*;
use connections_domain::*;
use serde_json::{json, Value};

const MADE: Timestamp = Timestamp(1_700_100_000_000);

fn backup_of(ws: &Workspace) -> String {
    encode_backup(ws, ws.events(), MADE)
}

fn doc_of(ws: &Workspace) -> Value {
    serde_json::from_str(&backup_of(ws)).unwrap()
}

/// Decodes a changed document and returns its refusal.
fn refusal(doc: &Value) -> BackupError {
    decode_backup(&doc.to_string()).expect_err("the changed backup should be refused")
}

fn sample_doc() -> Value {
    doc_of(&Workspace::sample(NOW))
}

fn records(doc: &mut Value) -> &mut serde_json::Map<String, Value> {
    doc["records"].as_object_mut().unwrap()
}

// ----- what a good backup holds -----

#[test]
fn sample_round_trips_with_its_events_and_counts() {
    let ws = Workspace::sample(NOW);
    let text = backup_of(&ws);
    let backup = decode_backup(&text).unwrap();
    assert_eq!(backup.workspace, ws, "the restored workspace, its log included, equals the original");
    assert_eq!(backup.events, ws.events());
    assert_eq!(backup.workspace.events(), backup.events.as_slice());
    let vault_secrets = ws.key_vault().map_or(0, |v| v.secrets.len()) as u64;
    assert!(vault_secrets > 0 && !ws.events().is_empty());
    let counts = BackupCounts {
        users: ws.users().count() as u64,
        connections: ws.connections().count() as u64,
        exports: ws.exports().count() as u64,
        enrichments: ws.enrichments().count() as u64,
        engagement_links: ws.engagement_links().count() as u64,
        secrets: vault_secrets,
        events: ws.events().len() as u64,
    };
    assert_eq!(backup.preview, BackupPreview { version: BACKUP_VERSION, created_at: MADE, counts });
    assert_eq!(BackupCounts::of(&ws, ws.events()), counts);
    // Restoring and backing up again gives the same file.
    assert_eq!(encode_backup(&backup.workspace, &backup.events, MADE), text);
}

#[test]
fn the_file_layout_is_as_documented() {
    let ws = Workspace::sample(NOW);
    let doc = doc_of(&ws);
    assert_eq!(doc["format"], json!(BACKUP_FORMAT));
    assert_eq!(doc["version"], json!(1));
    assert_eq!(doc["created_at"], json!(MADE.0));
    assert_eq!(doc["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(doc["counts"]["events"], json!(ws.events().len()));
    let records = doc["records"].as_object().unwrap();
    assert!(records.keys().all(|k| k != "meta" && !k.starts_with("event/")), "no meta and no event records");
    assert!(records["connection/c-1"].is_object(), "records are JSON values, not strings");
    assert_eq!(records["connection/c-1"]["v"], json!(1));
    assert!(records.contains_key("counters") && records.contains_key("vault") && records.contains_key("user/u-admin-1"));
    assert_eq!(doc["events"].as_array().unwrap().len(), ws.events().len());
    assert_eq!(doc["events"][0]["seq"], json!(0));
}

#[test]
fn the_log_comes_from_the_events_given() {
    let ws = Workspace::sample(NOW);
    let backup = decode_backup(&encode_backup(&ws, &[], MADE)).unwrap();
    assert!(backup.events.is_empty() && backup.workspace.events().is_empty());
    assert_eq!(backup.preview.counts.events, 0);
    let some = &ws.events()[..5];
    let backup = decode_backup(&encode_backup(&ws, some, MADE)).unwrap();
    assert_eq!(backup.events, some);
    assert_eq!(backup.workspace.connections().collect::<Vec<_>>(), ws.connections().collect::<Vec<_>>());
}

#[test]
fn start_empty_round_trips_and_compact_or_bom_prefixed_files_are_read() {
    let ws = Workspace::empty();
    assert_eq!(decode_backup(&backup_of(&ws)).unwrap().workspace, ws);
    let compact = sample_doc().to_string();
    assert_eq!(decode_backup(&compact).unwrap().workspace, Workspace::sample(NOW));
    let bom = format!("\u{feff}{}", backup_of(&ws));
    assert_eq!(decode_backup(&bom).unwrap().workspace, ws);
    // A meta record inside `records` is read as well.
    let mut doc = doc_of(&ws);
    records(&mut doc).insert("meta".into(), json!({"schema_version": 1}));
    assert_eq!(decode_backup(&doc.to_string()).unwrap().workspace, ws);
}

#[test]
fn a_backup_holds_no_typed_secret() {
    let mut ws = vault_ws();
    ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly));
    ok(&mut ws, &admin(), maps_connection("Maps"));
    let text = backup_of(&ws);
    assert!(!text.contains(PLANTED));
    assert_eq!(decode_backup(&text).unwrap().workspace, ws);
}

// ----- files that are not backups -----

#[test]
fn empty_and_blank_files_are_empty() {
    assert_eq!(decode_backup(""), Err(BackupError::Empty));
    assert_eq!(decode_backup(" \n\t\r\n "), Err(BackupError::Empty));
    assert_eq!(decode_backup("\u{feff}"), Err(BackupError::Empty));
}

#[test]
fn binary_and_text_files_are_not_json() {
    let png = String::from_utf8_lossy(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R']).into_owned();
    assert_eq!(decode_backup(&png), Err(BackupError::NotJson));
    assert_eq!(decode_backup("Meeting notes: ask about the SFTP export."), Err(BackupError::NotJson));
    assert_eq!(decode_backup("name,type\nLake,Azure Blob Storage\n"), Err(BackupError::NotJson));
    assert_eq!(decode_backup("<!doctype html><html></html>"), Err(BackupError::NotJson));
}

#[test]
fn a_file_cut_in_half_is_truncated() {
    let text = backup_of(&Workspace::sample(NOW));
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    assert_eq!(decode_backup(&text[..half]), Err(BackupError::Truncated));
    assert_eq!(decode_backup(&text[..text.len() - 1]), Err(BackupError::Truncated));
    assert_eq!(decode_backup("{\"format\": \"connections-portal-ba"), Err(BackupError::Truncated));
}

#[test]
fn json_that_is_not_an_object_is_not_a_backup() {
    assert_eq!(decode_backup("[1, 2, 3]"), Err(BackupError::NotABackup));
    assert_eq!(decode_backup("[]"), Err(BackupError::NotABackup));
    assert_eq!(decode_backup("\"connections-portal-backup\""), Err(BackupError::NotABackup));
    assert_eq!(decode_backup("42"), Err(BackupError::NotABackup));
    assert_eq!(decode_backup("null"), Err(BackupError::NotABackup));
}

#[test]
fn a_foreign_json_object_is_not_a_backup() {
    let package = json!({"name": "portal", "version": "1.0.0", "scripts": {"test": "jest"}, "dependencies": {}});
    assert_eq!(refusal(&package), BackupError::NotABackup);
    assert_eq!(refusal(&json!({})), BackupError::NotABackup);
    let mut other = sample_doc();
    other["format"] = json!("some-other-backup");
    assert_eq!(refusal(&other), BackupError::NotABackup);
    other["format"] = json!(1);
    assert_eq!(refusal(&other), BackupError::NotABackup);
}

#[test]
fn a_raw_records_download_is_not_a_backup() {
    let ws = Workspace::sample(NOW);
    let raw: serde_json::Map<String, Value> = ws.records().into_iter().map(|r| (r.key, Value::String(r.json))).collect();
    assert!(raw["meta"].is_string() && raw["counters"].is_string());
    assert_eq!(refusal(&Value::Object(raw)), BackupError::NotABackup);
}

// ----- backups this build can't read -----

#[test]
fn a_newer_backup_format_is_refused() {
    let mut doc = sample_doc();
    doc["version"] = json!(2);
    assert_eq!(refusal(&doc), BackupError::NewerVersion { found: 2, supported: 1 });
    doc["version"] = json!(1u64 << 40);
    assert_eq!(refusal(&doc), BackupError::NewerVersion { found: u32::MAX, supported: 1 });
}

#[test]
fn a_newer_schema_or_record_version_is_refused() {
    let mut doc = sample_doc();
    doc["schema_version"] = json!(2);
    assert_eq!(refusal(&doc), BackupError::NewerSchema { found: 2, supported: 1 });
    let mut doc = sample_doc();
    records(&mut doc).insert("meta".into(), json!({"schema_version": 3}));
    assert_eq!(refusal(&doc), BackupError::NewerSchema { found: 3, supported: 1 });
    let mut doc = sample_doc();
    records(&mut doc)["export/e-1"]["v"] = json!(7);
    assert_eq!(refusal(&doc), BackupError::NewerSchema { found: 7, supported: 1 });
}

// ----- damaged backups -----

#[test]
fn missing_or_mistyped_parts_are_named() {
    for (part, wrong) in [
        ("records", json!("connection/c-1")),
        ("events", json!({"seq": 0})),
        ("counts", json!([6, 3])),
        ("version", json!("1")),
        ("created_at", json!("yesterday")),
        ("schema_version", json!(null)),
    ] {
        let mut doc = sample_doc();
        doc.as_object_mut().unwrap().remove(part);
        assert_eq!(refusal(&doc), BackupError::MissingPart { part }, "{part} missing");
        doc[part] = wrong;
        assert_eq!(refusal(&doc), BackupError::MissingPart { part }, "{part} of the wrong type");
    }
    let mut doc = sample_doc();
    doc["version"] = json!(0);
    assert_eq!(refusal(&doc), BackupError::MissingPart { part: "version" });
    let mut doc = sample_doc();
    doc["counts"].as_object_mut().unwrap().remove("secrets");
    assert_eq!(refusal(&doc), BackupError::MissingPart { part: "counts" });
}

#[test]
fn a_damaged_record_is_named() {
    let mut doc = sample_doc();
    records(&mut doc)["export/e-1"]["data"]["name"] = json!(5);
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "export/e-1"));

    let mut doc = sample_doc();
    records(&mut doc)["export/e-1"] = json!("{\"v\":1,\"data\":{}}");
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "export/e-1"));

    let mut doc = sample_doc();
    records(&mut doc).remove("counters");
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "counters"));

    let mut doc = sample_doc();
    records(&mut doc).insert("widget/w-1".into(), json!({"v": 1, "data": {}}));
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "widget/w-1"));
}

#[test]
fn a_record_under_a_key_with_another_id_is_damaged() {
    let mut doc = sample_doc();
    let map = records(&mut doc);
    let c1 = map.remove("connection/c-1").unwrap();
    map.insert("connection/c-99".into(), c1);
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, reason } if key == "connection/c-99" && reason.contains("c-1")));

    let mut doc = sample_doc();
    let admin_record = records(&mut doc)["user/u-admin-1"].clone();
    records(&mut doc).insert("user/u-admin-9".into(), admin_record);
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "user/u-admin-9"));
}

#[test]
fn a_record_key_given_twice_is_damaged() {
    let doc = sample_doc();
    let counters = doc["records"]["counters"].to_string();
    let compact = doc.to_string();
    assert!(compact.contains("\"records\":{"));
    let twice = compact.replacen("\"records\":{", &format!("\"records\":{{\"counters\":{counters},"), 1);
    assert!(matches!(decode_backup(&twice), Err(BackupError::DamagedRecord { key, reason }) if key == "counters" && reason.contains("twice")));
}

#[test]
fn an_export_whose_connection_is_missing_is_inconsistent() {
    let ws = Workspace::sample(NOW);
    let export = ws.exports().find(|e| e.connection.is_some()).unwrap();
    let connection = export.connection.clone().unwrap();
    let mut doc = doc_of(&ws);
    assert!(records(&mut doc).remove(&format!("connection/{connection}")).is_some());
    doc["counts"]["connections"] = json!(ws.connections().count() - 1);
    let expected = BackupError::Inconsistent { key: format!("export/{}", export.id), reason: format!("connection {connection} is missing") };
    assert_eq!(refusal(&doc), expected);

    let mut doc = doc_of(&ws);
    records(&mut doc).remove("user/u-admin-1");
    assert!(matches!(refusal(&doc), BackupError::Inconsistent { reason, .. } if reason.contains("u-admin-1")));
}

#[test]
fn tampered_counts_are_refused() {
    let ws = Workspace::sample(NOW);
    let connections = ws.connections().count() as u64;
    let mut doc = doc_of(&ws);
    doc["counts"]["connections"] = json!(connections + 1);
    assert_eq!(refusal(&doc), BackupError::CountsMismatch { part: "connections", declared: connections + 1, found: connections });

    // An activity entry removed from the file without changing its counts.
    let mut doc = doc_of(&ws);
    doc["events"].as_array_mut().unwrap().pop();
    let events = ws.events().len() as u64;
    assert_eq!(refusal(&doc), BackupError::CountsMismatch { part: "events", declared: events, found: events - 1 });

    let mut doc = doc_of(&ws);
    doc["counts"]["secrets"] = json!(0);
    assert!(matches!(refusal(&doc), BackupError::CountsMismatch { part: "secrets", declared: 0, .. }));
}

#[test]
fn events_out_of_order_or_beyond_the_counter_are_refused() {
    let mut doc = sample_doc();
    doc["events"].as_array_mut().unwrap().swap(0, 1);
    assert_eq!(refusal(&doc), BackupError::EventsOutOfOrder);

    let mut doc = sample_doc();
    doc["events"][1]["seq"] = json!(0);
    assert_eq!(refusal(&doc), BackupError::EventsOutOfOrder);

    let ws = Workspace::sample(NOW);
    let last = ws.events().last().unwrap().seq;
    let mut doc = doc_of(&ws);
    records(&mut doc)["counters"]["data"]["next_seq"] = json!(last);
    assert_eq!(refusal(&doc), BackupError::EventsOutOfOrder);
}

#[test]
fn a_damaged_event_or_an_event_among_the_records_is_damaged() {
    let mut doc = sample_doc();
    doc["events"][3]["kind"] = json!("Nonsense");
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "event/0000000003"));

    let mut doc = sample_doc();
    doc["events"][2] = json!(["not", "an", "event"]);
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "events[2]"));

    let mut doc = sample_doc();
    let first = doc["events"][0].clone();
    records(&mut doc).insert("event/0000000000".into(), json!({"v": 1, "data": first}));
    assert!(matches!(refusal(&doc), BackupError::DamagedRecord { key, .. } if key == "event/0000000000"));
}

#[test]
fn a_backup_without_users_is_refused() {
    let nobody = Workspace::with_users([]);
    assert_eq!(decode_backup(&encode_backup(&nobody, &[], MADE)), Err(BackupError::NoUsers));
}

#[test]
fn every_message_reads_as_a_sentence() {
    let errors = [
        BackupError::Empty,
        BackupError::NotJson,
        BackupError::Truncated,
        BackupError::NotABackup,
        BackupError::NewerVersion { found: 2, supported: 1 },
        BackupError::MissingPart { part: "records" },
        BackupError::DamagedRecord { key: "export/e-1".into(), reason: "bad".into() },
        BackupError::Inconsistent { key: "export/e-1".into(), reason: "connection c-1 is missing".into() },
        BackupError::CountsMismatch { part: "users", declared: 6, found: 5 },
        BackupError::EventsOutOfOrder,
        BackupError::NoUsers,
        BackupError::NewerSchema { found: 2, supported: 1 },
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.ends_with('.') && message.len() > 30, "{message}");
    }
}
