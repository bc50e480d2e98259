//! Start-up: open IndexedDB, read every record and hand them to the domain decoder.
//!
//! Three ways it can go besides plain success, each shown to the user: nothing stored (first
//! run), IndexedDB unusable (the portal runs in memory with a banner), and stored data that
//! cannot be read (kept as it is, with a download of the raw records and a fresh start on offer).

use super::{default_user, Phase, Portal};
use crate::storage::idb::{RawRecord, RecordStore};
use crate::storage::writer::SaveStatus;
use connections_domain::storage::DecodeError;
use connections_domain::{UserId, Workspace};
use leptos::prelude::*;
use std::rc::Rc;

/// Why stored data was not loaded, and the data itself, untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDataProblem {
    /// Locale key of the explanation, with its placeholders.
    pub message_key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub raw: Vec<RawRecord>,
}

impl StoredDataProblem {
    pub fn from_decode_error(error: &DecodeError, raw: Vec<RawRecord>) -> Self {
        let (message_key, args) = match error {
            DecodeError::NewerVersion { found, supported } => (
                "recovery.newer_version",
                vec![("found", found.to_string()), ("supported", supported.to_string())],
            ),
            DecodeError::Corrupt { key, reason } => {
                ("recovery.corrupt", vec![("key", key.clone()), ("reason", reason.clone())])
            }
            DecodeError::MissingMeta => ("recovery.missing_meta", Vec::new()),
            DecodeError::Dangling { key, reason } => {
                ("recovery.dangling", vec![("key", key.clone()), ("reason", reason.clone())])
            }
        };
        StoredDataProblem { message_key, args, raw }
    }

    /// The raw records as one JSON document, for the download.
    pub fn raw_json(&self) -> String {
        raw_records_json(&self.raw)
    }
}

pub fn raw_records_json(raw: &[RawRecord]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = raw
        .iter()
        .map(|r| (r.key.clone(), serde_json::Value::String(r.text.clone())))
        .collect();
    serde_json::to_string_pretty(&map).unwrap_or_default()
}

/// What reading the store produced, before any signal is touched (so it can be tested alone).
pub fn decide(records: Vec<RawRecord>) -> Result<Option<Workspace>, StoredDataProblem> {
    if records.is_empty() {
        return Ok(None);
    }
    let pairs = records.iter().map(|r| (r.key.clone(), r.text.clone())).collect();
    Workspace::from_records(pairs)
        .map(Some)
        .map_err(|error| StoredDataProblem::from_decode_error(&error, records))
}

/// Opens storage and loads the workspace into `portal`, which starts in [`Phase::Loading`].
pub async fn load_into(portal: Portal, stored_user: Option<String>) {
    let outcome = match RecordStore::open().await {
        Ok(store) => {
            let store = Rc::new(store);
            match store.load_all().await {
                Ok(records) => {
                    portal.writer.attach(store);
                    decide(records)
                }
                Err(error) => {
                    portal.writer.status.set(memory_only(error.0));
                    Ok(None)
                }
            }
        }
        Err(error) => {
            portal.writer.status.set(memory_only(error.0));
            Ok(None)
        }
    };
    let phase = match outcome {
        Ok(Some(workspace)) => {
            portal.workspace.set(workspace);
            Phase::Ready
        }
        Ok(None) => Phase::FirstRun,
        Err(problem) => Phase::Recovery(problem),
    };
    let user = portal.workspace.with_untracked(|w| choose_user(w, stored_user));
    portal.current_user.set(user);
    portal.phase.set(phase);
    request_animation_frame(|| crate::perf::mark_frame("portal-ready"));
}

fn memory_only(reason: String) -> SaveStatus {
    SaveStatus::MemoryOnly { reason }
}

/// The stored demo user when it still exists, else the first administrator.
pub fn choose_user(workspace: &Workspace, stored: Option<String>) -> UserId {
    stored
        .map(UserId::new)
        .filter(|id| workspace.user(id).is_some())
        .or_else(|| default_user(workspace))
        .unwrap_or_else(|| UserId::new("u-admin-1"))
}
