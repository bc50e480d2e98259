//! The snapshot's binary form: round trips, the older text form, and damage kept to one record.
mod common;

use common::*;
use connections_domain::generate::DemoSize;
use connections_domain::storage::snapshot::{self, Payload, MAGIC};
use connections_domain::storage::text::encode_snapshot;
use connections_domain::storage::Loaded;
use connections_domain::*;
use proptest::prelude::*;

fn load(bytes: &[u8]) -> Result<Loaded, DecodeError> {
    let parsed = snapshot::parse(bytes);
    let mut loaded = Workspace::load_records(parsed.records)?;
    loaded.report.set_aside.extend(parsed.damaged.into_iter().map(|(key, json)| connections_domain::storage::SetAside {
        problem: DecodeError::Corrupt { key: key.clone(), reason: "damaged frame".into() },
        key,
        json,
    }));
    Ok(loaded)
}

fn without_events(mut ws: Workspace) -> Workspace {
    ws.take_events();
    ws
}

/// Where the payload of the frame whose key is `key` starts and ends.
fn payload_span(bytes: &[u8], key: &str) -> (usize, usize) {
    let mut at = MAGIC.len();
    loop {
        let key_len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let found = &bytes[at + 4..at + 4 + key_len];
        let len_at = at + 4 + key_len + 1;
        let payload_len = u32::from_le_bytes(bytes[len_at..len_at + 4].try_into().unwrap()) as usize;
        if found == key.as_bytes() {
            return (len_at + 4, len_at + 4 + payload_len);
        }
        at = len_at + 4 + payload_len;
    }
}

#[test]
fn a_binary_snapshot_reads_back_equal_at_every_size() {
    for ws in [Workspace::sample(NOW), Workspace::generated(DemoSize::Small, NOW)] {
        let ws = without_events(ws);
        let bytes = snapshot::encode(&ws);
        assert!(bytes.starts_with(MAGIC));
        let loaded = load(&bytes).unwrap();
        assert!(loaded.report.is_clean(), "{:?}", loaded.report);
        assert_eq!(loaded.workspace, ws);
    }
}

#[test]
fn the_binary_form_is_much_smaller_than_the_text_form() {
    let ws = without_events(Workspace::generated(DemoSize::Small, NOW));
    let binary = snapshot::encode(&ws).len();
    let text = encode_snapshot(&ws.object_records()).len();
    assert!(binary * 2 < text, "binary {binary} bytes, text {text} bytes");
}

#[test]
fn a_text_snapshot_from_before_still_reads_and_a_keyless_line_is_set_apart() {
    let ws = without_events(Workspace::sample(NOW));
    let mut text = encode_snapshot(&ws.object_records());
    text.push_str("this line lost its key\n");
    let parsed = snapshot::parse(text.as_bytes());
    assert_eq!(parsed.records.len(), ws.object_records().len());
    assert!(parsed.records.iter().all(|(_, p)| matches!(p, Payload::Json(_))));
    assert_eq!(parsed.damaged.len(), 1);
    assert!(parsed.damaged[0].0.starts_with("damaged-line/"), "{:?}", parsed.damaged[0]);
    assert_eq!(parsed.damaged[0].1, "this line lost its key");
    assert_eq!(Workspace::load_records(parsed.records).unwrap().workspace, ws);
}

#[test]
fn a_damaged_binary_record_is_set_aside_alone_and_what_used_it_is_repaired() {
    let ws = without_events(Workspace::sample(NOW));
    let connection = ws.connections().find(|c| !ws.dependents(&c.id).exports.is_empty()).unwrap().id.clone();
    let mut bytes = snapshot::encode(&ws);
    let (start, end) = payload_span(&bytes, &format!("connection/{connection}"));
    // Cut the record's payload short inside its frame: the frame stays readable, the record not.
    bytes[start + 1..end].fill(0xff);
    let loaded = load(&bytes).unwrap();
    let keys: Vec<&str> = loaded.report.set_aside.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, [format!("connection/{connection}")]);
    assert!(loaded.report.set_aside[0].json.starts_with("postcard:"), "{}", loaded.report.set_aside[0].json);
    assert!(loaded.workspace.connection(&connection).is_none());
    assert_eq!(loaded.workspace.connections().count(), ws.connections().count() - 1);
    assert_eq!(loaded.workspace.exports().count(), ws.exports().count());
    assert!(loaded.report.effects.iter().any(|e| matches!(e, connections_domain::storage::Effect::ExportLostConnection { connection: c, .. } if *c == connection)));
}

#[test]
fn a_cut_off_snapshot_keeps_the_records_before_the_cut() {
    let ws = without_events(Workspace::sample(NOW));
    let bytes = snapshot::encode(&ws);
    let export = ws.exports().nth(3).unwrap().id.clone();
    let (start, _) = payload_span(&bytes, &format!("export/{export}"));
    let loaded = load(&bytes[..start + 2]).unwrap();
    let damaged: Vec<_> = loaded.report.set_aside.iter().filter(|s| s.key.starts_with("damaged-line/")).collect();
    assert_eq!(damaged.len(), 1, "{:?}", loaded.report.set_aside);
    assert!(damaged[0].json.starts_with("bytes:"));
    // Connections come before exports in the snapshot: all of them, and the first three exports.
    assert_eq!(loaded.workspace.connections().count(), ws.connections().count());
    assert_eq!(loaded.workspace.exports().count(), 3);
}

#[test]
fn a_binary_record_of_a_newer_version_refuses_the_store() {
    let ws = without_events(Workspace::sample(NOW));
    let mut bytes = snapshot::encode(&ws);
    let export = ws.exports().next().unwrap().id.clone();
    let (start, _) = payload_span(&bytes, &format!("export/{export}"));
    bytes[start] = 2; // the record version, first in the payload
    assert!(matches!(load(&bytes), Err(DecodeError::NewerVersion { found: 2, supported: 1 })));
}

#[test]
fn a_binary_record_reads_as_its_json_envelope() {
    let ws = without_events(Workspace::sample(NOW));
    let bytes = snapshot::encode(&ws);
    let parsed = snapshot::parse(&bytes);
    let records = ws.object_records();
    for (key, payload) in parsed.records {
        let json = &records.iter().find(|r| r.key == key).unwrap().json;
        assert_eq!(&payload.to_text(key), json, "{key}");
    }
}

/// Postcard writes enum variants by position and struct fields in order. If this fails, the
/// stored layout of a record changed: give the record a new version and a migration, then
/// update the bytes here.
#[test]
fn binary_layout_is_pinned() {
    let ws = without_events(Workspace::sample(NOW));
    let bytes = snapshot::encode(&ws);
    let export = ws.exports().next().unwrap();
    let (start, end) = payload_span(&bytes, &format!("export/{}", export.id));
    let hex: String = bytes[start..end].iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, PINNED_EXPORT, "{export:?}");
}

const PINNED_EXPORT: &str = "0103652d3115416c6c20637573746f6d65727320746f206c616b65000103632d31000401c0b7fccae76209752d61646d696e2d31808ba9bae76200";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// No damage to any byte makes the loader panic, and a store that still loads has every
    /// export's connection present (the repairs ran).
    #[test]
    fn any_damaged_byte_is_survived(at in 0usize..100_000, value: u8) {
        let ws = without_events(Workspace::sample(NOW));
        let mut bytes = snapshot::encode(&ws);
        let at = at % bytes.len();
        bytes[at] = value;
        if let Ok(loaded) = load(&bytes) {
            for e in loaded.workspace.exports() {
                if let Some(c) = &e.connection {
                    prop_assert!(loaded.workspace.connection(c).is_some());
                }
            }
        }
    }
}
