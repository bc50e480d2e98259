//! Start-up: open IndexedDB, read the snapshot and the change-log tail, and hand them to the
//! domain's lenient decoder.
//!
//! Besides plain success: nothing stored (first run); IndexedDB unusable (the portal runs in
//! memory with a banner); data written by a newer portal, or a store whose `meta` record is gone
//! (the recovery screen, with a download of the raw data and a fresh start); and damaged records,
//! which are set aside in the quarantine store while everything consistent loads, with a banner
//! that names what is affected.

use super::{default_user, Phase, Portal};
use crate::lazy::Unavailable;
use crate::storage::decoder;
use crate::storage::idb::{new_generation, with_lock, Database, OpenError, RawRecord, SnapshotHeader, StorageError};
use crate::storage::writer::{Position, Rebuilt, SaveStatus, WRITE_LOCK};
use connections_domain::storage::{snapshot, DecodeError, LoadReport, Loaded};
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

/// Rebuilds from the store for a rebase or a full catch-up (see `storage::writer`).
pub fn rebuild(db: &Database) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Rebuilt, StorageError>> + '_>> {
    Box::pin(async move {
        let state = db.read_state().await?;
        let folded = decoder::fold(&state).await.map_err(|Unavailable| StorageError(DECODER_UNAVAILABLE.into()))?;
        let (loaded, position) = folded.map_err(|e| StorageError(e.to_string()))?;
        Ok(Rebuilt { workspace: loaded.map(|l| l.workspace), position })
    })
}

/// What start-up found besides the workspace, for the banner.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StartupNotice {
    pub report: LoadReport,
}

/// Opens storage and loads the workspace into `portal`, which starts in [`Phase::Loading`].
pub async fn load_into(portal: Portal, stored_user: Option<String>) {
    let writer = portal.writer;
    let opened = Database::open(
        move || {
            writer.supersede();
        },
        move || writer.status.set(SaveStatus::Blocked),
    )
    .await;
    let phase = match opened {
        Ok(db) => {
            let db = Rc::new(db);
            // A database that was there before most likely holds a workspace: the decoder
            // (small) is fetched while the store is read, not after. A first visit does not
            // fetch it. (The pages' module is not: compiling it beside the read slowed a cold
            // start of the largest store from 452 to 754 ms on two cores.)
            if !db.was_created() {
                decoder::warm();
            }
            let outcome = match load_store(&db).await {
                Ok(outcome) => outcome,
                // Nothing is attached: this tab neither reads nor writes the store until reloaded.
                Err(Unavailable) => {
                    // Nothing of this tab's is waiting to be written.
                    writer.status.set(SaveStatus::Saved);
                    portal.phase.set(Phase::Unavailable);
                    return;
                }
            };
            let position = outcome.as_ref().map(|(_, position)| *position).unwrap_or_default();
            // Attached even when the data cannot be read, so that Start fresh can write.
            writer.attach(db.clone(), position, |db| rebuild(db));
            watch_other_tabs(portal);
            match outcome {
                Ok((loaded, _)) => {
                    match loaded {
                        Some(loaded) => {
                            if !loaded.report.is_clean() {
                                set_aside(&db, &loaded.report).await;
                                store_repaired(&db, &loaded.workspace, position).await;
                                portal.damage.set(Some(loaded.report.clone()));
                            }
                            portal.workspace.set(loaded.workspace);
                            Phase::Ready
                        }
                        None => Phase::FirstRun,
                    }
                }
                Err(problem) => Phase::Recovery(problem),
            }
        }
        Err(OpenError::Newer { found }) => {
            let raw = Database::raw_dump().await.unwrap_or_default();
            Phase::Recovery(StoredDataProblem {
                message_key: "recovery.newer_database",
                args: vec![("found", found.to_string()), ("supported", crate::storage::idb::DB_VERSION.to_string())],
                raw,
            })
        }
        Err(OpenError::Unavailable(error)) => {
            writer.status.set(SaveStatus::MemoryOnly { reason: error.0 });
            Phase::FirstRun
        }
    };
    let user = portal.workspace().with_untracked(|w| choose_user(w, stored_user));
    portal.current_user.set(user);
    portal.phase.set(phase);
    ask_to_persist(portal);
    request_animation_frame(move || {
        crate::perf::mark_frame("portal-ready");
        portal.prepare_lists();
    });
}

/// Asks the browser to keep this site's data even when space runs low, without waiting on it:
/// headless Firefox never answers (it waits on a permission prompt).
fn ask_to_persist(portal: Portal) {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else { return };
    leptos::task::spawn_local(async move {
        let granted = match storage.persist() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        if let Some(granted) = granted {
            let _ = portal.persisted.try_set(Some(granted));
        }
    });
}

/// Reads and decodes the store, migrating a version 1 store on the way. The outer `Err`: the
/// decoder's module could not be fetched, so nothing was read.
async fn load_store(db: &Database) -> Result<Result<(Option<Loaded>, Position), StoredDataProblem>, Unavailable> {
    let state = match db.read_state().await {
        Ok(state) => state,
        Err(error) => return Ok(Err(storage_problem(&error))),
    };
    // Where a cold start's time goes, for the benchmark: reading, then decoding.
    crate::perf::mark("store-read");
    if state.header.is_none() && !state.legacy.is_empty() {
        return migrate(db, state.legacy).await;
    }
    if state.header.is_none() {
        // Nothing stored: a fresh visit never fetches the decoder.
        return Ok(Ok((None, Position::default())));
    }
    let read = decoder::read(&state).await?;
    crate::perf::mark("store-decoded");
    Ok(read)
}

/// Version 1 kept one record per key: fold them into a first snapshot and the events store.
async fn migrate(db: &Database, legacy: Vec<RawRecord>) -> Result<Result<(Option<Loaded>, Position), StoredDataProblem>, Unavailable> {
    let mut loaded = match decoder::decide_legacy(legacy).await? {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return Ok(Ok((None, Position::default()))),
        Err(problem) => return Ok(Err(problem)),
    };
    let events = loaded.workspace.take_events();
    let header = SnapshotHeader { generation: new_generation(), seq: 1 };
    let bytes = snapshot::encode(&loaded.workspace);
    let event_texts: Vec<(u64, String)> = events.iter().map(|e| (e.seq, connections_domain::storage::event_record(e).json)).collect();
    if let Err(error) = with_lock(WRITE_LOCK, db.replace(&header, &bytes, &event_texts)).await {
        return Ok(Err(storage_problem(&error)));
    }
    Ok(Ok((Some(loaded), Position { generation: Some(header.generation), last_seq: 1, snapshot_seq: 1 })))
}

/// The decoder's module could not be fetched (a rebuild for another tab's change).
const DECODER_UNAVAILABLE: &str = "the part of the portal that reads stored data could not be loaded";

fn storage_problem(error: &StorageError) -> StoredDataProblem {
    StoredDataProblem { message_key: "recovery.unreadable", args: vec![("reason", error.0.clone())], raw: Vec::new() }
}

/// Keeps damaged records in the quarantine store, as found, so they can be downloaded or restored.
async fn set_aside(db: &Database, report: &LoadReport) {
    let raw: Vec<RawRecord> = report.set_aside.iter().map(|s| RawRecord { key: s.key.clone(), text: s.json.clone() }).collect();
    let label = format!("set-aside-{}", crate::time::now().0);
    let _ = db.quarantine(&label, &raw_records_json(&raw)).await;
}

/// Writes the repaired workspace as the new snapshot, so the damage is reported once, not on every
/// start. Skipped when another tab has written since: its tab then owns the store's state.
async fn store_repaired(db: &Database, workspace: &Workspace, position: Position) {
    let Some(generation) = position.generation else { return };
    let bytes = snapshot::encode(workspace);
    with_lock(WRITE_LOCK, async {
        let Ok((header, entries)) = db.read_since(position.last_seq).await else { return };
        if header.map(|h| h.generation) == Some(generation) && entries.is_empty() {
            let _ = db.compact(&SnapshotHeader { generation, seq: position.last_seq }, &bytes).await;
        }
    })
    .await;
}

/// Other tabs nudge this one through the BroadcastChannel; it also looks when it becomes visible.
fn watch_other_tabs(portal: Portal) {
    let catch_up = move || {
        portal.writer.catch_up(portal.workspace, move |has_workspace| {
            let phase = portal.phase.get_untracked();
            if matches!(phase, Phase::Ready | Phase::FirstRun) {
                portal.phase.set(if has_workspace { Phase::Ready } else { Phase::FirstRun });
            }
            let user = portal.workspace().with_untracked(|w| choose_user(w, Some(portal.current_user.get_untracked().to_string())));
            portal.current_user.set(user);
        });
    };
    portal.writer.listen(catch_up);
    portal.writer.warn_before_unload();
    portal.writer.flush_when_leaving();
}

/// The stored demo user when it still exists, else the first administrator.
pub fn choose_user(workspace: &Workspace, stored: Option<String>) -> UserId {
    stored
        .map(UserId::new)
        .filter(|id| workspace.user(id).is_some())
        .or_else(|| default_user(workspace))
        .unwrap_or_else(|| UserId::new("u-admin-1"))
}
