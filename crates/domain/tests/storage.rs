mod common;

use std::collections::BTreeMap;

use common::*;
use connections_domain::storage::{apply_changes, Effect};
use connections_domain::*;

fn pairs(ws: &Workspace) -> Vec<(String, String)> {
    ws.records().into_iter().map(|r| (r.key, r.json)).collect()
}

#[test]
fn sample_round_trips_and_keys_sort() {
    let ws = Workspace::sample(NOW);
    let records = ws.records();
    assert!(records.iter().any(|r| r.key == "meta"));
    assert!(records.iter().any(|r| r.key == "user/u-admin-1"));
    assert!(records.iter().any(|r| r.key == "connection/c-1"));
    assert!(records.iter().any(|r| r.key == "event/0000000042"));
    assert_eq!(Workspace::from_records(pairs(&ws)), Ok(ws));
}

#[test]
fn changes_since_bring_an_old_store_up_to_date() {
    let mut ws = Workspace::sample(NOW);
    let mut store: BTreeMap<String, String> = pairs(&ws).into_iter().collect();
    let c = ws.exports().find_map(|e| e.connection.clone()).unwrap();
    let deps: Vec<ExportId> = ws.dependents(&c).exports.into_iter().map(|(id, _)| id).collect();
    let events = ok(&mut ws, &admin(), Command::RemoveExports { ids: deps });
    let more = ok(&mut ws, &admin(), Command::RemoveConnection { id: c });
    let all: Vec<Event> = events.into_iter().chain(more).collect();
    apply_changes(&mut store, &ws.changes_since(&all));
    let expected: BTreeMap<String, String> = pairs(&ws).into_iter().collect();
    assert_eq!(store, expected);
}

#[test]
fn decoding_refuses_newer_missing_corrupt_and_dangling_data() {
    let ws = Workspace::sample(NOW);
    let mut records = pairs(&ws);
    records.retain(|(k, _)| k != "meta");
    assert_eq!(Workspace::from_records(records), Err(DecodeError::MissingMeta));

    let mut records = pairs(&ws);
    records.iter_mut().find(|(k, _)| k == "meta").unwrap().1 = "{\"schema_version\":2}".into();
    assert_eq!(Workspace::from_records(records), Err(DecodeError::NewerVersion { found: 2, supported: 1 }));

    let mut records = pairs(&ws);
    let (_, json) = records.iter_mut().find(|(k, _)| k == "export/e-1").unwrap();
    json.truncate(json.len() / 2);
    assert!(matches!(Workspace::from_records(records), Err(DecodeError::Corrupt { key, .. }) if key == "export/e-1"));

    let mut records = pairs(&ws);
    let (_, json) = records.iter_mut().find(|(k, _)| k == "export/e-1").unwrap();
    *json = json.replacen("\"v\":1", "\"v\":7", 1);
    assert_eq!(Workspace::from_records(records), Err(DecodeError::NewerVersion { found: 7, supported: 1 }));

    // An export pointing at a connection that is not there is refused, not dropped.
    let mut records = pairs(&ws);
    let used = ws.export(&ExportId::new("e-1")).unwrap().connection.clone().unwrap();
    records.retain(|(k, _)| *k != format!("connection/{used}"));
    assert!(matches!(Workspace::from_records(records), Err(DecodeError::Dangling { key, .. }) if key.starts_with("export/") || key.starts_with("enrichment/")));

    let mut records = pairs(&ws);
    records.push(("bogus/1".into(), "{}".into()));
    assert!(matches!(Workspace::from_records(records), Err(DecodeError::Corrupt { .. })));

    // A name that breaks the DisplayName rules is corrupt data, not a panic.
    let mut records = pairs(&ws);
    let (_, json) = records.iter_mut().find(|(k, _)| k == "export/e-1").unwrap();
    let name = ws.export(&ExportId::new("e-1")).unwrap().name.to_string();
    *json = json.replace(&format!("\"{name}\""), "\"   \"");
    assert!(matches!(Workspace::from_records(records), Err(DecodeError::Corrupt { .. })));
}

#[test]
fn version_0_connection_records_are_migrated() {
    let ws = Workspace::empty();
    let mut records: Vec<(String, String)> = pairs(&ws);
    records.retain(|(k, _)| k != "counters");
    records.push(("counters".into(), r#"{"v":1,"data":{"next_seq":0,"next_connection":1,"next_export":0,"next_enrichment":0,"next_link":0}}"#.into()));
    // The v0 shape: no usable_by, sign_in, updated_by or updated_at.
    records.push((
        "connection/c-1".into(),
        r#"{"v":0,"data":{"id":"c-1","display_name":"Old lake","type_id":"azure-blob-storage","fields":{"account_name":"oldlake","container":"out"},"credentials":{"account_key":{"Typed":{"length":8,"checksum":1,"set_at":5}}},"created_by":"u-admin-2","created_at":5}}"#.into(),
    ));
    let ws = Workspace::from_records(records).unwrap();
    let c = ws.connection(&ConnectionId::new("c-1")).unwrap();
    assert_eq!(c.usable_by, UsableBy::AdministratorsOnly);
    assert_eq!(c.updated_by, UserId::new("u-admin-2"));
    assert_eq!(c.updated_at, Timestamp(5));
    assert_eq!(c.sign_in, None);
    // Written back, it is version 1.
    let json = ws.records().into_iter().find(|r| r.key == "connection/c-1").unwrap().json;
    assert!(json.starts_with("{\"v\":1,"));
    assert!(!json.contains("checksum") && !json.contains("length"), "the old fingerprint is not written back: {json}");
    assert_eq!(Workspace::from_records(ws.records().into_iter().map(|r| (r.key, r.json)).collect()), Ok(ws));
}

fn object_pairs(ws: &Workspace) -> Vec<(String, String)> {
    ws.object_records().into_iter().map(|r| (r.key, r.json)).collect()
}

#[test]
fn a_snapshot_holds_no_events_and_reads_back_through_its_line_format() {
    use connections_domain::storage::snapshot;
    let mut ws = Workspace::sample(NOW);
    let bytes = snapshot::encode(&ws);
    assert!(!bytes.windows(6).any(|w| w == b"event/"));
    let loaded = Workspace::load_records(snapshot::parse(&bytes).records).unwrap();
    assert!(loaded.report.is_clean(), "{:?}", loaded.report);
    ws.take_events();
    assert_eq!(loaded.workspace, ws);
}

#[test]
fn a_change_log_entry_reads_back_and_refuses_a_damaged_line() {
    use connections_domain::storage::text::{decode_changes, encode_changes};
    let mut ws = Workspace::sample(NOW);
    let c = ws.connections().next().unwrap().id.clone();
    let deps: Vec<ExportId> = ws.dependents(&c).exports.into_iter().map(|(id, _)| id).collect();
    let events = ok(&mut ws, &admin(), Command::RemoveExports { ids: deps });
    let changes = ws.changes_since(&events);
    assert!(changes.iter().any(|c| matches!(c, RecordChange::Delete { .. })));
    let text = encode_changes(&changes);
    assert_eq!(decode_changes("log/1", &text), Ok(changes));
    let damaged = text.replacen("P\t", "P", 1);
    assert!(matches!(decode_changes("log/1", &damaged), Err(DecodeError::Corrupt { key, .. }) if key == "log/1"));
}

#[test]
fn absorbing_another_tabs_changes_gives_its_state() {
    let mut a = Workspace::sample(NOW);
    let mut b = a.clone();
    let id = a.exports().next().unwrap().id.clone();
    let mut changes = Vec::new();
    let events = ok(&mut a, &admin(), Command::RemoveExports { ids: vec![id] });
    changes.extend(a.changes_since(&events));
    let events = ok(&mut a, &admin(), blob("Absorbed lake", UsableBy::AdministratorsOnly));
    changes.extend(a.changes_since(&events));
    b.absorb(&changes).unwrap();
    assert_eq!(b, a, "indexes included");
    // A damaged entry changes nothing.
    let before = b.clone();
    let mut bad = changes.clone();
    bad.push(RecordChange::Put(Record { key: "export/e-999".into(), json: "{\"v\":1,\"data\":".into() }));
    assert!(b.absorb(&bad).is_err());
    assert_eq!(b, before);
}

#[test]
fn a_damaged_connection_is_set_aside_and_what_used_it_says_so() {
    let ws = Workspace::sample(NOW);
    let used = ws.exports().find_map(|e| e.connection.clone()).unwrap();
    let users: Vec<ExportId> = ws.dependents(&used).exports.into_iter().map(|(id, _)| id).collect();
    let mut records = object_pairs(&ws);
    let key = format!("connection/{used}");
    records.iter_mut().find(|(k, _)| *k == key).unwrap().1 = "{\"v\":1,\"data\":{\"id\":".into();
    let loaded = Workspace::load(records).unwrap();
    assert_eq!(loaded.report.set_aside.len(), 1);
    assert_eq!(loaded.report.set_aside[0].key, key);
    assert_eq!(loaded.report.set_aside[0].json, "{\"v\":1,\"data\":{\"id\":", "kept exactly as found");
    for id in &users {
        assert_eq!(loaded.workspace.export(id).unwrap().connection, None);
        assert!(loaded.report.effects.iter().any(|e| matches!(e, Effect::ExportLostConnection { export, .. } if export == id)));
    }
    assert_eq!(loaded.workspace.connections().count(), ws.connections().count() - 1);
    assert_eq!(loaded.workspace.exports().count(), ws.exports().count());
    assert!(Workspace::from_records(object_pairs(&loaded.workspace)).is_ok(), "the repaired state keeps every rule");
}

#[test]
fn counters_behind_the_ids_are_raised_instead_of_locking_the_store() {
    // What two tabs used to leave behind: a connection c-2 with a counter still at 1.
    let mut ws = Workspace::sample(NOW);
    ws.take_events();
    let mut records = object_pairs(&ws);
    let (_, counters) = records.iter_mut().find(|(k, _)| k == "counters").unwrap();
    *counters = counters.replace(&format!("\"next_connection\":{}", ws.connections().count()), "\"next_connection\":1");
    assert!(matches!(Workspace::from_records(records.clone()), Err(DecodeError::Corrupt { key, .. }) if key == "counters"));
    let loaded = Workspace::load(records).unwrap();
    assert_eq!(loaded.report.effects, vec![Effect::CountersRaised]);
    assert_eq!(loaded.workspace, ws);
}

#[test]
fn the_lenient_loader_still_refuses_newer_or_meta_less_data() {
    let ws = Workspace::sample(NOW);
    let mut records = object_pairs(&ws);
    records.retain(|(k, _)| k != "meta");
    assert_eq!(Workspace::load(records).map(|_| ()), Err(DecodeError::MissingMeta));
    let mut records = object_pairs(&ws);
    let (_, json) = records.iter_mut().find(|(k, _)| k == "export/e-1").unwrap();
    *json = json.replacen("\"v\":1", "\"v\":7", 1);
    assert_eq!(Workspace::load(records).map(|_| ()), Err(DecodeError::NewerVersion { found: 7, supported: 1 }));
}

/// Records written while typed secrets were kept as `{"length","checksum","set_at"}`
/// fingerprints (connections, engagement links, and each vault secret version).
fn with_old_fingerprints(records: &[(String, String)]) -> Vec<(String, String)> {
    records
        .iter()
        .map(|(key, json)| {
            let json = json.replace("{\"set_at\":", "{\"length\":12,\"checksum\":12638135523509116079,\"set_at\":");
            let json = if key == "vault" {
                json.replace(",\"created_at\":", ",\"fingerprint\":{\"length\":9,\"checksum\":42,\"set_at\":1697413820000},\"created_at\":")
            } else {
                json
            };
            (key.clone(), json)
        })
        .collect()
}

#[test]
fn records_with_old_secret_fingerprints_still_decode_and_are_written_back_without_them() {
    let ws = Workspace::sample(NOW);
    let old = with_old_fingerprints(&pairs(&ws));
    for key in ["connection/c-1", "engagement/l-1", "vault"] {
        let (_, json) = old.iter().find(|(k, _)| k == key).unwrap();
        assert!(json.contains("\"checksum\":") && json.contains("\"length\":"), "{key} has the old shape: {json}");
    }
    let decoded = Workspace::from_records(old).unwrap();
    assert_eq!(decoded, ws);
    let written = pairs(&decoded);
    assert_eq!(written, pairs(&ws));
    for (key, json) in &written {
        assert!(!json.contains("checksum") && !json.contains("length") && !json.contains("fingerprint"), "{key} still holds a fingerprint: {json}");
    }
    // The stamp keeps when the secret was set.
    let c = decoded.connection(&ConnectionId::new("c-1")).unwrap();
    assert!(matches!(c.credentials.get("account_key"), Some(Credential::Typed(SecretStamp { set_at })) if *set_at == c.created_at));
}

