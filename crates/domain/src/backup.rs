//! The backup file an administrator downloads under Settings › Workspace and
//! restores later: one JSON document holding the storage records (see
//! [`storage`](crate::storage)) as JSON values, the event log, and counts
//! to check the file against.
//!
//! ```text
//! {"format": "connections-portal-backup", "version": 1, "created_at": <ms>,
//!  "schema_version": 1, "counts": {"users": 6, …, "events": 42},
//!  "records": {"counters": {"v":1,"data":…}, "user/u-admin-1": {…}, …},
//!  "events": [{"seq": 0, …}, …]}
//! ```
//!
//! `records` leaves out `meta` (its schema version is `schema_version`) and
//! the `event/…` records (the log is `events`). Reading is as strict as
//! [`Workspace::from_records`], and every refusal is a [`BackupError`] worded
//! for the person who picked the file.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::event::Event;
use crate::model::Timestamp;
use crate::storage::{event_key, DecodeError, SCHEMA_VERSION};
use crate::workspace::Workspace;

/// The `format` marker of every backup file.
pub const BACKUP_FORMAT: &str = "connections-portal-backup";
/// The newest backup layout this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;

/// How many objects of each kind a backup holds: written into the file, checked on read, and
/// shown before restoring.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupCounts {
    pub users: u64,
    pub connections: u64,
    pub exports: u64,
    pub enrichments: u64,
    pub engagement_links: u64,
    /// Secrets of the linked Key Vault (their names and versions; never a value).
    pub secrets: u64,
    pub events: u64,
}

impl BackupCounts {
    pub fn of(workspace: &Workspace, events: &[Event]) -> BackupCounts {
        let n = |len: usize| len as u64;
        BackupCounts {
            users: n(workspace.users.len()),
            connections: n(workspace.connections.len()),
            exports: n(workspace.exports.len()),
            enrichments: n(workspace.enrichments.len()),
            engagement_links: n(workspace.links.len()),
            secrets: n(workspace.vault.as_ref().map_or(0, |v| v.secrets.len())),
            events: n(events.len()),
        }
    }

    fn parts(&self) -> [(&'static str, u64); 7] {
        [
            ("users", self.users),
            ("connections", self.connections),
            ("exports", self.exports),
            ("enrichments", self.enrichments),
            ("engagement_links", self.engagement_links),
            ("secrets", self.secrets),
            ("events", self.events),
        ]
    }
}

/// What the restore screen shows before the administrator confirms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupPreview {
    pub version: u32,
    pub created_at: Timestamp,
    pub counts: BackupCounts,
}

/// A backup read back and checked. `workspace` already holds `events` as its log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub workspace: Workspace,
    pub events: Vec<Event>,
    pub preview: BackupPreview,
}

/// Why a file can't be restored. Each message says what is wrong with the file and what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("The file is empty. Choose a backup file downloaded from Settings › Workspace.")]
    Empty,
    #[error("This file is not a backup (it is not a JSON file). Choose a backup file downloaded from Settings › Workspace.")]
    NotJson,
    #[error("The backup file ends too early; it was probably cut off while downloading or copying. Download the backup again.")]
    Truncated,
    #[error("This file is not a Connections portal backup. Choose a backup file downloaded from Settings › Workspace.")]
    NotABackup,
    #[error("This backup was made by a newer version of the portal (backup format {found}, this app reads up to {supported}). Update the app, then restore it.")]
    NewerVersion { found: u32, supported: u32 },
    #[error("The backup file is incomplete: its {part} part is missing or unreadable. Use another backup.")]
    MissingPart { part: &'static str },
    #[error("The backup's record {key} is damaged ({reason}). Use another backup.")]
    DamagedRecord { key: String, reason: String },
    #[error("The backup's record {key} refers to something that is not in the backup ({reason}). Use another backup.")]
    Inconsistent { key: String, reason: String },
    #[error("The backup says it holds {declared} {part} but holds {found}, so it was changed after it was made. Use another backup.")]
    CountsMismatch { part: &'static str, declared: u64, found: u64 },
    #[error("The backup's activity log is out of order or does not match the rest of the backup. Use another backup.")]
    EventsOutOfOrder,
    #[error("The backup has no users, so nobody could sign in after restoring it. Use another backup.")]
    NoUsers,
    #[error("This backup holds data from a newer version of the portal (schema {found}, this app reads up to {supported}). Update the app, then restore it.")]
    NewerSchema { found: u32, supported: u32 },
}

impl From<DecodeError> for BackupError {
    fn from(error: DecodeError) -> Self {
        match error {
            DecodeError::NewerVersion { found, supported } => BackupError::NewerSchema { found, supported },
            DecodeError::Corrupt { key, reason } => BackupError::DamagedRecord { key, reason },
            DecodeError::Dangling { key, reason } => BackupError::Inconsistent { key, reason },
            // Only if `records` holds no usable `meta` and `schema_version` is missing too.
            DecodeError::MissingMeta => BackupError::MissingPart { part: "schema_version" },
        }
    }
}

#[derive(Serialize)]
struct BackupFile<'a> {
    format: &'static str,
    version: u32,
    created_at: Timestamp,
    schema_version: u32,
    counts: BackupCounts,
    records: Map<String, Value>,
    events: &'a [Event],
}

/// The backup file of `workspace` with `events` as its activity log, as pretty-printed JSON.
pub fn encode_backup(workspace: &Workspace, events: &[Event], created_at: Timestamp) -> String {
    let records = workspace
        .records()
        .into_iter()
        .filter(|r| r.key != "meta" && !r.key.starts_with("event/"))
        // A record that is not JSON (never written by `records`) is kept as text, so that
        // reading the backup reports it as damaged instead of it silently going missing.
        .map(|r| (r.key, serde_json::from_str(&r.json).unwrap_or(Value::String(r.json))))
        .collect();
    let file = BackupFile {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        created_at,
        schema_version: SCHEMA_VERSION,
        counts: BackupCounts::of(workspace, events),
        records,
        events,
    };
    // Only string map keys and plain data: serialising can't fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The `records` object with its keys in file order and duplicates kept, so that a key given
/// twice is refused (by `from_records`) instead of the last one silently winning.
struct RecordEntries(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for RecordEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = RecordEntries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of records")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RecordEntries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(RecordEntries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

#[derive(Deserialize)]
struct RecordsPart {
    records: RecordEntries,
}

fn missing(part: &'static str) -> BackupError {
    BackupError::MissingPart { part }
}

/// Reads a backup file and checks it completely; nothing is restored from a file that fails.
pub fn decode_backup(text: &str) -> Result<Backup, BackupError> {
    // Some editors start a saved file with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let doc: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => BackupError::Truncated,
        _ => BackupError::NotJson,
    })?;
    let Value::Object(doc) = doc else { return Err(BackupError::NotABackup) };
    if doc.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = doc.get("version").and_then(Value::as_u64).filter(|v| *v > 0).ok_or(missing("version"))?;
    if version > u64::from(BACKUP_VERSION) {
        return Err(BackupError::NewerVersion { found: u32::try_from(version).unwrap_or(u32::MAX), supported: BACKUP_VERSION });
    }
    let created_at = Timestamp(doc.get("created_at").and_then(Value::as_i64).ok_or(missing("created_at"))?);
    let schema_version = doc.get("schema_version").and_then(Value::as_u64).ok_or(missing("schema_version"))?;
    if schema_version > u64::from(SCHEMA_VERSION) {
        return Err(BackupError::NewerSchema { found: u32::try_from(schema_version).unwrap_or(u32::MAX), supported: SCHEMA_VERSION });
    }
    let declared: BackupCounts = doc.get("counts").and_then(|c| BackupCounts::deserialize(c).ok()).ok_or(missing("counts"))?;
    if !doc.get("records").is_some_and(Value::is_object) {
        return Err(missing("records"));
    }
    let Some(Value::Array(event_values)) = doc.get("events") else { return Err(missing("events")) };

    let RecordsPart { records: RecordEntries(entries) } = serde_json::from_str(text).map_err(|_| missing("records"))?;
    let mut records = Vec::with_capacity(entries.len() + 1);
    for (key, value) in entries {
        if key.starts_with("event/") {
            return Err(BackupError::DamagedRecord { key, reason: "activity entries belong in the events list".to_owned() });
        }
        records.push((key, value.to_string()));
    }
    if !records.iter().any(|(key, _)| key == "meta") {
        records.push(("meta".to_owned(), format!("{{\"schema_version\":{schema_version}}}")));
    }

    let mut events = Vec::with_capacity(event_values.len());
    for (i, value) in event_values.iter().enumerate() {
        let event = Event::deserialize(value).map_err(|e| BackupError::DamagedRecord {
            key: value.get("seq").and_then(Value::as_u64).map_or_else(|| format!("events[{i}]"), event_key),
            reason: e.to_string(),
        })?;
        events.push(event);
    }

    let mut workspace = Workspace::from_records(records)?;
    let found = BackupCounts::of(&workspace, &events);
    for ((part, declared), (_, found)) in declared.parts().into_iter().zip(found.parts()) {
        if declared != found {
            return Err(BackupError::CountsMismatch { part, declared, found });
        }
    }
    let in_order = events.windows(2).all(|w| w[0].seq < w[1].seq);
    if !in_order || events.last().is_some_and(|e| e.seq >= workspace.counters.next_seq) {
        return Err(BackupError::EventsOutOfOrder);
    }
    if workspace.users.is_empty() {
        return Err(BackupError::NoUsers);
    }
    workspace.events = events.clone();
    let preview = BackupPreview { version: u32::try_from(version).unwrap_or(BACKUP_VERSION), created_at, counts: found };
    Ok(Backup { workspace, events, preview })
}
