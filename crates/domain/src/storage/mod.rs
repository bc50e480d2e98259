//! The storage format used by the app's IndexedDB layer: a set of
//! string-keyed JSON records, written incrementally.
//!
//! Keys: `meta`, `counters`, `vault`, `user/<id>`, `connection/<id>`,
//! `export/<id>`, `enrichment/<id>`, `engagement/<id>`, `event/<seq:010>`.
//! Every record but `meta` is an envelope `{"v":<record version>,"data":…}`;
//! older versions are migrated on read, newer ones are refused.
//!
//! - this file: the record format, [`Workspace::records`], [`Workspace::changes_since`] and the
//!   strict decoder [`Workspace::from_records`] (for backups: all or nothing);
//! - [`load`]: the lenient decoder start-up uses, which sets damaged records aside and repairs
//!   what depended on them, and [`Workspace::absorb`], which folds in another tab's changes;
//! - [`text`]: the line formats of the snapshot and of change-log entries.

mod load;
pub mod snapshot;
pub mod text;

pub use load::{DecodedEntry, Effect, LoadReport, Loaded, SetAside};
pub use snapshot::Payload;

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::catalog::{Category, ConnectionTypeId};
use crate::event::{Event, EventKind, ObjectRef};
use crate::ids::{numeric_suffix, ConnectionId, Counters, UserId};
use crate::model::{Connection, Credential, DisplayName, EngagementLink, Enrichment, Export, KeyVault, RunOutcome, Timestamp, UsableBy, User};
use crate::workspace::Workspace;

/// Version of the whole store, kept in the `meta` record.
pub const SCHEMA_VERSION: u32 = 1;
/// Version written into each record envelope.
pub(crate) const RECORD_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub key: String,
    pub json: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordChange {
    Put(Record),
    Delete { key: String },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("The saved data was written by a newer version (schema {found}, this app reads up to {supported}). Update the app.")]
    NewerVersion { found: u32, supported: u32 },
    #[error("The saved record {key} is damaged ({reason}). Reset the workspace or restore a backup.")]
    Corrupt { key: String, reason: String },
    #[error("The saved data has no meta record. Reset the workspace.")]
    MissingMeta,
    #[error("The saved record {key} refers to something that is missing ({reason}). Reset the workspace or restore a backup.")]
    Dangling { key: String, reason: String },
}

#[derive(Serialize, Deserialize)]
struct Meta {
    schema_version: u32,
}

#[derive(Deserialize)]
struct Envelope {
    v: u32,
    data: serde_json::Value,
}

/// Connection records before version 1 had no sharing setting, sign-in or
/// "last updated" fields.
#[derive(Deserialize)]
struct ConnectionV0 {
    id: ConnectionId,
    display_name: DisplayName,
    type_id: ConnectionTypeId,
    fields: BTreeMap<String, String>,
    credentials: BTreeMap<String, Credential>,
    created_by: UserId,
    created_at: Timestamp,
}

impl ConnectionV0 {
    fn migrate(self) -> Connection {
        // Old export connections were administrators-only, which is also today's default.
        let usable_by =
            if self.type_id.spec().category == Category::Export { UsableBy::AdministratorsOnly } else { UsableBy::AdministratorsAndContributors };
        Connection {
            id: self.id,
            display_name: self.display_name,
            type_id: self.type_id,
            fields: self.fields,
            credentials: self.credentials,
            usable_by,
            sign_in: None,
            updated_by: self.created_by.clone(),
            updated_at: self.created_at,
            created_by: self.created_by,
            created_at: self.created_at,
            health: Default::default(),
        }
    }
}

fn record(key: String, data: &impl Serialize) -> Record {
    // These types serialise infallibly (string map keys only); an empty
    // payload would be reported as Corrupt on read rather than panic here.
    let payload = serde_json::to_string(data).unwrap_or_default();
    Record { key, json: format!("{{\"v\":{RECORD_VERSION},\"data\":{payload}}}") }
}

/// An event as a record of the events store.
pub fn event_record(event: &Event) -> Record {
    record(event_key(event.seq), event)
}

/// Reads an event record back (the Activity page reads them a page at a time).
pub fn decode_event(key: &str, json: &str) -> Result<Event, DecodeError> {
    match decode_record(key, json)? {
        Decoded::Event(event) => Ok(event),
        _ => Err(corrupt(key, "not an event record")),
    }
}

pub fn event_key(seq: u64) -> String {
    format!("event/{seq:010}")
}

fn object_key(object: &ObjectRef) -> String {
    match object {
        ObjectRef::Connection(id) => format!("connection/{id}"),
        ObjectRef::Export(id) => format!("export/{id}"),
        ObjectRef::Enrichment(id) => format!("enrichment/{id}"),
        ObjectRef::KeyVault | ObjectRef::Secret(_) => "vault".to_owned(),
        ObjectRef::EngagementLink(id) => format!("engagement/{id}"),
        ObjectRef::User(id) => format!("user/{id}"),
    }
}

/// Applies changes to an in-memory copy of a store (what IndexedDB does).
pub fn apply_changes(store: &mut BTreeMap<String, String>, changes: &[RecordChange]) {
    for change in changes {
        match change {
            RecordChange::Put(r) => {
                store.insert(r.key.clone(), r.json.clone());
            }
            RecordChange::Delete { key } => {
                store.remove(key);
            }
        }
    }
}

pub(crate) fn corrupt(key: &str, reason: impl Into<String>) -> DecodeError {
    DecodeError::Corrupt { key: key.to_owned(), reason: reason.into() }
}

fn dangling(key: &str, reason: impl Into<String>) -> DecodeError {
    DecodeError::Dangling { key: key.to_owned(), reason: reason.into() }
}

fn envelope(key: &str, json: &str) -> Result<Envelope, DecodeError> {
    let envelope: Envelope = serde_json::from_str(json).map_err(|e| corrupt(key, e.to_string()))?;
    if envelope.v > RECORD_VERSION {
        return Err(DecodeError::NewerVersion { found: envelope.v, supported: RECORD_VERSION });
    }
    Ok(envelope)
}

/// The version alone, to tell a newer record from a damaged one.
#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

/// An envelope decoded straight into its payload type: each record is parsed once.
#[derive(Deserialize)]
struct Typed<T> {
    v: u32,
    data: T,
}

/// Why `json` did not decode as the current version of its type: newer data, or damage.
fn refusal(key: &str, json: &str, error: serde_json::Error) -> DecodeError {
    match serde_json::from_str::<VersionOnly>(json) {
        Ok(VersionOnly { v }) if v > RECORD_VERSION => DecodeError::NewerVersion { found: v, supported: RECORD_VERSION },
        Ok(VersionOnly { v }) if v != RECORD_VERSION => corrupt(key, format!("no migration from record version {v}")),
        _ => corrupt(key, error.to_string()),
    }
}

fn decode<T: DeserializeOwned>(key: &str, json: &str) -> Result<T, DecodeError> {
    match serde_json::from_str::<Typed<T>>(json) {
        Ok(Typed { v: RECORD_VERSION, data }) => Ok(data),
        Ok(Typed { v, .. }) if v > RECORD_VERSION => Err(DecodeError::NewerVersion { found: v, supported: RECORD_VERSION }),
        Ok(Typed { v, .. }) => Err(corrupt(key, format!("no migration from record version {v}"))),
        Err(error) => Err(refusal(key, json, error)),
    }
}

fn decode_connection(key: &str, json: &str) -> Result<Connection, DecodeError> {
    match decode::<Connection>(key, json) {
        Err(DecodeError::Corrupt { .. }) if serde_json::from_str::<VersionOnly>(json).is_ok_and(|e| e.v == 0) => {
            let envelope = envelope(key, json)?;
            serde_json::from_value::<ConnectionV0>(envelope.data).map(ConnectionV0::migrate).map_err(|e| corrupt(key, e.to_string()))
        }
        other => other,
    }
}

pub(crate) fn decode_counters(json: &str) -> Result<Counters, DecodeError> {
    decode("counters", json)
}

fn check_id(key: &str, expected: &str, found: &str) -> Result<(), DecodeError> {
    if expected == found { Ok(()) } else { Err(corrupt(key, format!("record holds id {found}"))) }
}

/// One stored record, decoded.
pub(crate) enum Decoded {
    Vault(KeyVault),
    User(User),
    Connection(Connection),
    Export(Export),
    Enrichment(Enrichment),
    Link(EngagementLink),
    Event(Event),
    Counters(Counters),
}

/// Decodes one stored record, text or binary, by the kind its key names.
pub(crate) fn decode_payload(key: &str, payload: Payload<'_>) -> Result<Decoded, DecodeError> {
    let bytes = match payload {
        Payload::Json(json) => return decode_record(key, json),
        Payload::Postcard(bytes) => bytes,
    };
    let (kind, id) = key.split_once('/').unwrap_or((key, ""));
    Ok(match kind {
        "connection" if !id.is_empty() => {
            let connection: Connection = snapshot::decode_postcard(key, bytes)?;
            check_id(key, id, connection.id.as_str())?;
            Decoded::Connection(connection)
        }
        "export" if !id.is_empty() => {
            let export: Export = snapshot::decode_postcard(key, bytes)?;
            check_id(key, id, export.id.as_str())?;
            Decoded::Export(export)
        }
        "enrichment" if !id.is_empty() => {
            let enrichment: Enrichment = snapshot::decode_postcard(key, bytes)?;
            check_id(key, id, enrichment.id.as_str())?;
            Decoded::Enrichment(enrichment)
        }
        _ => return Err(corrupt(key, "this kind of record is never stored in binary")),
    })
}

impl Decoded {
    /// The record's JSON envelope, as the change log and backups hold it.
    pub(crate) fn to_json(&self) -> String {
        let key = String::new();
        match self {
            Decoded::Vault(v) => record(key, v).json,
            Decoded::User(u) => record(key, u).json,
            Decoded::Connection(c) => record(key, c).json,
            Decoded::Export(e) => record(key, e).json,
            Decoded::Enrichment(n) => record(key, n).json,
            Decoded::Link(l) => record(key, l).json,
            Decoded::Event(e) => record(key, e).json,
            Decoded::Counters(c) => record(key, c).json,
        }
    }
}

/// Decodes one record by the kind its key names, checking that the key and the id agree.
pub(crate) fn decode_record(key: &str, json: &str) -> Result<Decoded, DecodeError> {
    let (kind, id) = key.split_once('/').unwrap_or((key, ""));
    Ok(match (kind, id) {
        ("vault", "") => Decoded::Vault(decode(key, json)?),
        ("counters", "") => Decoded::Counters(decode(key, json)?),
        ("user", id) if !id.is_empty() => {
            let user: User = decode(key, json)?;
            check_id(key, id, user.id.as_str())?;
            Decoded::User(user)
        }
        ("connection", id) if !id.is_empty() => {
            let connection = decode_connection(key, json)?;
            check_id(key, id, connection.id.as_str())?;
            Decoded::Connection(connection)
        }
        ("export", id) if !id.is_empty() => {
            let export: Export = decode(key, json)?;
            check_id(key, id, export.id.as_str())?;
            Decoded::Export(export)
        }
        ("enrichment", id) if !id.is_empty() => {
            let enrichment: Enrichment = decode(key, json)?;
            check_id(key, id, enrichment.id.as_str())?;
            Decoded::Enrichment(enrichment)
        }
        ("engagement", id) if !id.is_empty() => {
            let link: EngagementLink = decode(key, json)?;
            check_id(key, id, link.id.as_str())?;
            Decoded::Link(link)
        }
        ("event", _) => {
            let event: Event = decode(key, json)?;
            check_id(key, key, &event_key(event.seq))?;
            Decoded::Event(event)
        }
        _ => return Err(corrupt(key, "unknown kind of record")),
    })
}

impl Workspace {
    /// Every record but the events: what a snapshot holds (events live in their own store).
    pub fn object_records(&self) -> Vec<Record> {
        let mut records = Vec::with_capacity(4 + self.users.len() + self.connections.len() + self.exports.len() + self.enrichments.len());
        records.push(Record { key: "meta".to_owned(), json: format!("{{\"schema_version\":{SCHEMA_VERSION}}}") });
        records.push(record("counters".to_owned(), &self.counters));
        records.extend(self.users.values().map(|u| record(format!("user/{}", u.id), u)));
        records.extend(self.connections.values().map(|c| record(format!("connection/{}", c.id), c)));
        records.extend(self.exports.values().map(|e| record(format!("export/{}", e.id), e)));
        records.extend(self.enrichments.values().map(|n| record(format!("enrichment/{}", n.id), n)));
        if let Some(vault) = &self.vault {
            records.push(record("vault".to_owned(), vault));
        }
        records.extend(self.links.values().map(|l| record(format!("engagement/{}", l.id), l)));
        records
    }

    /// The records a binary snapshot keeps as JSON: all but connections, exports and enrichments.
    pub(crate) fn small_records(&self) -> Vec<Record> {
        let mut records = Vec::with_capacity(4 + self.users.len() + self.links.len());
        records.push(Record { key: "meta".to_owned(), json: format!("{{\"schema_version\":{SCHEMA_VERSION}}}") });
        records.push(record("counters".to_owned(), &self.counters));
        records.extend(self.users.values().map(|u| record(format!("user/{}", u.id), u)));
        if let Some(vault) = &self.vault {
            records.push(record("vault".to_owned(), vault));
        }
        records.extend(self.links.values().map(|l| record(format!("engagement/{}", l.id), l)));
        records
    }

    /// Every record of the state, events included.
    pub fn records(&self) -> Vec<Record> {
        let mut records = self.object_records();
        records.extend(self.events.iter().map(event_record));
        records
    }

    /// The puts and deletes that bring a store holding the state from before
    /// `events` to the current state: the event records, `counters`, and the
    /// current form (or removal) of every object the events touched.
    pub fn changes_since(&self, events: &[Event]) -> Vec<RecordChange> {
        let mut changes: BTreeMap<String, RecordChange> = BTreeMap::new();
        for event in events {
            let key = event_key(event.seq);
            changes.insert(key, RecordChange::Put(event_record(event)));
            let object = event.kind.object();
            let key = object_key(&object);
            let current = match &object {
                ObjectRef::Connection(id) => self.connections.get(id).map(|c| record(key.clone(), c)),
                ObjectRef::Export(id) => self.exports.get(id).map(|e| record(key.clone(), e)),
                ObjectRef::Enrichment(id) => self.enrichments.get(id).map(|n| record(key.clone(), n)),
                ObjectRef::KeyVault | ObjectRef::Secret(_) => self.vault.as_ref().map(|v| record(key.clone(), v)),
                ObjectRef::EngagementLink(id) => self.links.get(id).map(|l| record(key.clone(), l)),
                ObjectRef::User(id) => self.users.get(id).map(|u| record(key.clone(), u)),
            };
            let change = match current {
                Some(r) => RecordChange::Put(r),
                None => RecordChange::Delete { key: key.clone() },
            };
            changes.insert(key, change);
            // A finished run is also written into its connection's health history.
            let run_connection = match &event.kind {
                EventKind::ExportRunProgressed { id, outcome, .. } if *outcome != RunOutcome::Processing => {
                    self.exports.get(id).and_then(|e| e.connection.clone())
                }
                EventKind::EnrichmentRunProgressed { id, outcome, .. } if *outcome != RunOutcome::Processing => {
                    self.enrichments.get(id).and_then(|n| n.connection.clone())
                }
                _ => None,
            };
            if let Some(c) = run_connection.and_then(|c| self.connections.get(&c)) {
                let key = object_key(&ObjectRef::Connection(c.id.clone()));
                changes.insert(key.clone(), RecordChange::Put(record(key, c)));
            }
        }
        changes.insert("counters".to_owned(), RecordChange::Put(record("counters".to_owned(), &self.counters)));
        changes.into_values().collect()
    }

    /// Reads a store back. Refuses (never panics on) newer, damaged or
    /// inconsistent data. Restoring a backup uses this; start-up uses the lenient [`Workspace::load`].
    pub fn from_records(records: Vec<(String, String)>) -> Result<Workspace, DecodeError> {
        let mut by_key = BTreeMap::new();
        for (key, json) in records {
            if by_key.insert(key.clone(), json).is_some() {
                return Err(corrupt(&key, "the key appears twice"));
            }
        }
        let mut ws = Workspace::from_meta_and_counters(&mut by_key)?;
        for (key, json) in &by_key {
            ws.insert_decoded(decode_record(key, json)?);
        }
        ws.check_consistency()?;
        ws.rebuild_index();
        Ok(ws)
    }

    /// An empty workspace with the store's counters, after checking its `meta` record. Takes both
    /// records out of `by_key`.
    pub(crate) fn from_meta_and_counters(by_key: &mut BTreeMap<String, String>) -> Result<Workspace, DecodeError> {
        let mut ws = Workspace::from_meta(by_key)?;
        let counters_json = by_key.remove("counters").ok_or_else(|| corrupt("counters", "missing"))?;
        ws.counters = decode_counters(&counters_json)?;
        Ok(ws)
    }

    /// An empty workspace, after checking (and taking out of `by_key`) the store's `meta` record.
    pub(crate) fn from_meta(by_key: &mut BTreeMap<String, String>) -> Result<Workspace, DecodeError> {
        let meta_json = by_key.remove("meta").ok_or(DecodeError::MissingMeta)?;
        Workspace::from_meta_text(&meta_json)
    }

    /// An empty workspace, after checking the store's `meta` record.
    pub(crate) fn from_meta_text(meta_json: &str) -> Result<Workspace, DecodeError> {
        let meta: Meta = serde_json::from_str(meta_json).map_err(|e| corrupt("meta", e.to_string()))?;
        if meta.schema_version > SCHEMA_VERSION {
            return Err(DecodeError::NewerVersion { found: meta.schema_version, supported: SCHEMA_VERSION });
        }
        Ok(Workspace::with_users([]))
    }

    /// Puts one decoded record into the primary maps (the index is rebuilt or kept by the caller).
    pub(crate) fn insert_decoded(&mut self, decoded: Decoded) {
        match decoded {
            Decoded::Vault(vault) => self.vault = Some(vault),
            Decoded::User(user) => {
                self.users.insert(user.id.clone(), user);
            }
            Decoded::Connection(c) => {
                self.connections.insert(c.id.clone(), c);
            }
            Decoded::Export(e) => {
                self.exports.insert(e.id.clone(), e);
            }
            Decoded::Enrichment(n) => {
                self.enrichments.insert(n.id.clone(), n);
            }
            Decoded::Link(l) => {
                self.links.insert(l.id.clone(), l);
            }
            Decoded::Event(e) => self.events.push(e),
            Decoded::Counters(c) => self.counters = c,
        }
    }

    /// The references and invariants that `apply` keeps, checked on read.
    pub(crate) fn check_consistency(&self) -> Result<(), DecodeError> {
        let user = |key: &str, id: &UserId| {
            if self.users.contains_key(id) { Ok(()) } else { Err(dangling(key, format!("unknown user {id}"))) }
        };
        let mut names = BTreeSet::new();
        for c in self.connections.values() {
            let key = format!("connection/{}", c.id);
            if !c.category().is_connection() {
                return Err(corrupt(&key, "audience insights is not a connection"));
            }
            if !names.insert((c.category(), c.display_name.fold())) {
                return Err(corrupt(&key, "another connection of its category has the same name"));
            }
            user(&key, &c.created_by)?;
            user(&key, &c.updated_by)?;
            for secret in c.vault_secrets() {
                if !self.vault.as_ref().is_some_and(|v| v.secrets.contains_key(secret)) {
                    return Err(dangling(&key, format!("Key Vault secret {secret} is missing")));
                }
            }
        }
        for e in self.exports.values() {
            let key = format!("export/{}", e.id);
            user(&key, &e.owner)?;
            if let Some(c) = &e.connection {
                match self.connections.get(c) {
                    None => return Err(dangling(&key, format!("connection {c} is missing"))),
                    Some(c) if c.category() != Category::Export => return Err(corrupt(&key, "its connection is not an export connection")),
                    Some(_) => {}
                }
            }
        }
        for n in self.enrichments.values() {
            let key = format!("enrichment/{}", n.id);
            user(&key, &n.owner)?;
            match &n.connection {
                Some(c) => match self.connections.get(c) {
                    None => return Err(dangling(&key, format!("connection {c} is missing"))),
                    Some(c) if c.type_id != n.provider => return Err(corrupt(&key, "its connection is not of its provider")),
                    Some(_) => {}
                },
                None if n.active => return Err(corrupt(&key, "active without a connection")),
                None => {}
            }
        }
        if let Some(vault) = &self.vault {
            user("vault", &vault.linked_by)?;
            if vault.secrets.values().any(|s| s.versions.is_empty()) {
                return Err(corrupt("vault", "a secret has no version"));
            }
        }
        for l in self.links.values() {
            let key = format!("engagement/{}", l.id);
            user(&key, &l.created_by)?;
            if l.members.is_empty() {
                return Err(corrupt(&key, "no members"));
            }
            for m in &l.members {
                user(&key, m)?;
            }
        }
        // Counters must lie beyond every id in use, or new ids would collide.
        let beyond = |key: &str, next: u64, ids: &mut dyn Iterator<Item = &str>| {
            match ids.filter_map(numeric_suffix).max() {
                Some(max) if max > next => Err(corrupt("counters", format!("{key} counter is behind id {max}"))),
                _ => Ok(()),
            }
        };
        beyond("connection", self.counters.next_connection, &mut self.connections.keys().map(|k| k.as_str()))?;
        beyond("export", self.counters.next_export, &mut self.exports.keys().map(|k| k.as_str()))?;
        beyond("enrichment", self.counters.next_enrichment, &mut self.enrichments.keys().map(|k| k.as_str()))?;
        beyond("engagement", self.counters.next_link, &mut self.links.keys().map(|k| k.as_str()))?;
        if self.events.last().is_some_and(|e| e.seq >= self.counters.next_seq) {
            return Err(corrupt("counters", "event counter is behind the log"));
        }
        Ok(())
    }
}
