//! Reading what IndexedDB holds back into a workspace: the snapshot, the change log, version 1
//! records, and other tabs' new entries.
//!
//! Decoding is serde's derived readers for every stored type, serde_json, postcard and the
//! domain's lenient loader, and a fresh visit has nothing stored to decode: in the shipped build
//! these functions are the wasm module `store_decoder` ([`crate::lazy`]), fetched the first time
//! the page reads stored data. Everything that decodes stored data goes through here, so that no
//! direct call keeps the decoding code in the main module.

use crate::state::startup::StoredDataProblem;
use crate::storage::idb::{RawRecord, StoreState};
use crate::storage::writer::Position;
use connections_domain::storage::text::decode_changes;
use connections_domain::storage::{snapshot, DecodeError, DecodedEntry, Loaded, Payload, RecordChange, SetAside};
use connections_domain::{Event, Workspace};
use std::collections::HashMap;

use crate::lazy::lazy_fn;

lazy_fn! {
    /// [`read_store`], once the decoder is loaded.
    pub async fn read in store_decoder / read_split(state: &StoreState) -> Result<(Option<Loaded>, Position), StoredDataProblem> = read_store;
}

lazy_fn! {
    /// [`fold_store`], once the decoder is loaded.
    pub async fn fold in store_decoder / fold_split(state: &StoreState) -> Result<(Option<Loaded>, Position), DecodeError> = fold_store;
}

lazy_fn! {
    /// [`decide`], once the decoder is loaded.
    pub async fn decide_legacy in store_decoder / decide_legacy_split(records: Vec<RawRecord>) -> Result<Option<Loaded>, StoredDataProblem> = decide;
}

lazy_fn! {
    /// [`decode_log`], once the decoder is loaded.
    pub async fn decode_entries in store_decoder / decode_entries_split(entries: &[(u64, String)]) -> Option<Vec<DecodedEntry>> = decode_log;
}

lazy_fn! {
    /// A snapshot's bytes as text, for the raw-data download.
    pub async fn snapshot_text in store_decoder / snapshot_text_split(bytes: &[u8]) -> String = snapshot::to_text;
}

lazy_fn! {
    /// [`decode_events`], once the decoder is loaded.
    pub async fn events in store_decoder / events_split(texts: &[(u64, String)]) -> Vec<Event> = decode_events;
}

lazy_fn! {
    /// Loads the decoder and does nothing else.
    pub async fn loaded in store_decoder / loaded_split() -> () = nothing;
}

fn nothing() {}

/// Starts fetching the decoder without waiting for it (see `startup::load_into`).
pub fn warm() {
    leptos::task::spawn_local(async {
        let _ = loaded().await;
    });
}

/// What reading a version 1 store produced, before any signal is touched (so it can be tested alone).
pub fn decide(records: Vec<RawRecord>) -> Result<Option<Loaded>, StoredDataProblem> {
    if records.is_empty() {
        return Ok(None);
    }
    let pairs = records.iter().map(|r| (r.key.clone(), r.text.clone())).collect();
    Workspace::load(pairs).map(Some).map_err(|error| StoredDataProblem::from_decode_error(&error, records))
}

/// [`fold_store`], and when the store cannot be read, the problem with every raw record as text
/// (for the recovery screen's download).
pub fn read_store(state: &StoreState) -> Result<(Option<Loaded>, Position), StoredDataProblem> {
    fold_store(state).map_err(|error| {
        let parsed = snapshot::parse(&state.snapshot);
        let mut raw: Vec<RawRecord> = parsed.records.iter().map(|(key, payload)| RawRecord { key: (*key).to_owned(), text: payload.to_text(key) }).collect();
        raw.extend(parsed.damaged.into_iter().map(|(key, text)| RawRecord { key, text }));
        raw.extend(state.log.iter().map(|(seq, text)| RawRecord { key: format!("log/{seq}"), text: text.clone() }));
        StoredDataProblem::from_decode_error(&error, raw)
    })
}

/// What a store holds, decoded: `None` for an empty store. Each record is decoded once: the
/// snapshot's records and the log's changes are folded, undecoded, first.
pub fn fold_store(state: &StoreState) -> Result<(Option<Loaded>, Position), DecodeError> {
    let Some(header) = &state.header else { return Ok((None, Position::default())) };
    let parsed = snapshot::parse(&state.snapshot);
    let mut set_aside: Vec<SetAside> = parsed
        .damaged
        .into_iter()
        .map(|(key, json)| SetAside { problem: DecodeError::Corrupt { key: key.clone(), reason: "part of the snapshot cannot be read".into() }, key, json })
        .collect();
    // The log's changes are owned here; the map borrows them and the snapshot's text.
    let mut entries = Vec::new();
    let mut last_seq = header.seq;
    for (seq, text) in &state.log {
        last_seq = last_seq.max(*seq);
        if *seq <= header.seq {
            continue;
        }
        match decode_changes(&format!("log/{seq}"), text) {
            Ok(changes) => entries.push(changes),
            Err(problem) => set_aside.push(SetAside { key: format!("log/{seq}"), json: text.clone(), problem }),
        }
    }
    // The log's last word on each key it touched (`None`: deleted); the snapshot's records pass
    // through in order, without a map of all of them.
    let mut overlay: HashMap<&str, Option<Payload<'_>>> = HashMap::new();
    for change in entries.iter().flatten() {
        match change {
            RecordChange::Put(r) => overlay.insert(&r.key, Some(Payload::Json(&r.json))),
            RecordChange::Delete { key } => overlay.insert(key.as_str(), None),
        };
    }
    let mut records = parsed.records;
    if !overlay.is_empty() {
        records.retain(|(key, _)| !overlay.contains_key(key));
        records.extend(overlay.into_iter().filter_map(|(key, payload)| payload.map(|p| (key, p))));
    }
    let position = Position { generation: Some(header.generation), last_seq, snapshot_seq: header.seq };
    if records.is_empty() {
        return Ok((None, position));
    }
    let mut loaded = Workspace::load_records(records)?;
    loaded.report.set_aside.extend(set_aside);
    // The workspace never keeps events once IndexedDB holds them.
    loaded.workspace.take_events();
    Ok((Some(loaded), position))
}

/// Other tabs' change-log entries, decoded and ready to apply; `None` when one does not decode
/// (the caller then rebuilds from the whole store, which reads leniently).
pub fn decode_log(entries: &[(u64, String)]) -> Option<Vec<DecodedEntry>> {
    entries.iter().map(|(seq, text)| decode_changes(&format!("log/{seq}"), text).and_then(|changes| DecodedEntry::decode(&changes)).ok()).collect()
}

/// Stored events, oldest first; a damaged one is skipped rather than hiding the rest.
pub fn decode_events(texts: &[(u64, String)]) -> Vec<Event> {
    use connections_domain::storage::{decode_event, event_key};
    texts.iter().filter_map(|(seq, text)| decode_event(&event_key(*seq), text).ok()).collect()
}
