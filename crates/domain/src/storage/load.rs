//! The lenient decoder used at start-up, and folding in another tab's changes.
//!
//! One damaged record must not lock the user out of everything. [`Workspace::load`] decodes every
//! record it can, sets aside (untouched) each one it cannot, and then repairs what depended on the
//! records set aside, so that the result keeps every invariant `apply` keeps. Each repair is
//! reported as an [`Effect`] the user is told about. Only problems of the whole store are refused:
//! no `meta` record, a damaged `meta`, or data written by a newer version.

use std::collections::{BTreeMap, BTreeSet};

use super::{decode_payload, decode_record, Decoded, DecodeError, Payload, RecordChange};
use crate::catalog::Category;
use crate::ids::{numeric_suffix, ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{Credential, Role, User};
use crate::workspace::Workspace;

/// A stored record that could not be used, exactly as found, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    pub json: String,
    pub problem: DecodeError,
}

/// What a repair changed, for the user to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The export's connection was set aside: it now has no connection.
    ExportLostConnection { export: ExportId, name: String, connection: ConnectionId },
    /// The enrichment's connection was set aside: it has none now and is deactivated.
    EnrichmentLostConnection { enrichment: EnrichmentId, name: String, connection: ConnectionId },
    /// The Key Vault secret a connection field used is gone: the field has no value now.
    ConnectionLostSecret { connection: ConnectionId, name: String, secret: SecretName },
    /// A user record was set aside; objects naming that user keep a stand-in without rights.
    UnknownUser { user: UserId },
    /// An engagement link member record was missing: the link keeps its other members.
    LinkLostMember { link: EngagementLinkId, user: UserId },
    /// The id counters were damaged or behind the ids in use, and were moved past them.
    CountersRaised,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub set_aside: Vec<SetAside>,
    pub effects: Vec<Effect>,
}

impl LoadReport {
    pub fn is_clean(&self) -> bool {
        self.set_aside.is_empty() && self.effects.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub report: LoadReport,
}

impl Workspace {
    /// Reads a store back, keeping everything that is consistent. Each record is decoded once.
    pub fn load(records: Vec<(String, String)>) -> Result<Loaded, DecodeError> {
        let mut duplicates = Vec::new();
        let mut by_key: BTreeMap<&str, Payload<'_>> = BTreeMap::new();
        for (key, json) in &records {
            if by_key.insert(key, Payload::Json(json)).is_some() {
                duplicates.push(SetAside { problem: super::corrupt(key, "the key appears twice"), key: key.clone(), json: json.clone() });
            }
        }
        let mut loaded = Workspace::load_records(by_key.into_iter().collect())?;
        loaded.report.set_aside.splice(0..0, duplicates);
        Ok(loaded)
    }

    /// [`Workspace::load`] over records it does not own, each key once: start-up gathers the
    /// snapshot's records and the log's changes as borrowed payloads, then decodes each record once.
    pub fn load_records(mut records: Vec<(&str, Payload<'_>)>) -> Result<Loaded, DecodeError> {
        // Order does not matter here (the maps are built sorted), so these come out in O(1).
        let mut take = |wanted: &str| records.iter().position(|(key, _)| *key == wanted).map(|at| records.swap_remove(at).1);
        let meta = take("meta");
        let counters = take("counters");
        let mut report = LoadReport::default();
        let meta = match meta.ok_or(DecodeError::MissingMeta)? {
            Payload::Json(meta) => meta,
            Payload::Postcard(_) => return Err(super::corrupt("meta", "stored in binary")),
        };
        let mut ws = Workspace::from_meta_text(meta)?;
        match counters.map(|payload| (decode_payload("counters", payload), payload)) {
            Some((Ok(Decoded::Counters(counters)), _)) => ws.counters = counters,
            Some((Err(problem @ DecodeError::NewerVersion { .. }), _)) => return Err(problem),
            Some((result, payload)) => {
                let problem = result.err().unwrap_or_else(|| super::corrupt("counters", "not a counters record"));
                report.set_aside.push(SetAside { key: "counters".into(), json: payload.to_text("counters"), problem });
                report.effects.push(Effect::CountersRaised);
            }
            None => report.effects.push(Effect::CountersRaised),
        }
        // Each map is built in bulk from its decoded objects (from nearly sorted input, in one pass).
        // Sized once up front: growing a vector of 100,000 exports copies it again and again.
        let mut counts = [0usize; 3];
        for (key, _) in &records {
            if let Some(kind) = ["connection/", "export/", "enrichment/"].iter().position(|kind| key.starts_with(kind)) {
                counts[kind] += 1;
            }
        }
        let mut connections = Vec::with_capacity(counts[0]);
        let mut exports = Vec::with_capacity(counts[1]);
        let mut enrichments = Vec::with_capacity(counts[2]);
        for (key, payload) in records {
            match decode_payload(key, payload) {
                Ok(Decoded::Connection(c)) => connections.push((c.id.clone(), c)),
                Ok(Decoded::Export(e)) => exports.push((e.id.clone(), e)),
                Ok(Decoded::Enrichment(n)) => enrichments.push((n.id.clone(), n)),
                Ok(decoded) => ws.insert_decoded(decoded),
                Err(problem @ DecodeError::NewerVersion { .. }) => return Err(problem),
                Err(problem) => report.set_aside.push(SetAside { key: key.to_owned(), json: payload.to_text(key), problem }),
            }
        }
        ws.connections = connections.into_iter().collect();
        ws.exports = exports.into_iter().collect();
        ws.enrichments = enrichments.into_iter().collect();
        ws.repair(&mut report);
        ws.rebuild_index();
        Ok(Loaded { workspace: ws, report })
    }

    /// Restores every invariant `check_consistency` names, reporting each change.
    fn repair(&mut self, report: &mut LoadReport) {
        let mut set_aside = |ws: &mut Workspace, key: String, reason: &str| {
            let json = ws.record_text(&key).unwrap_or_default();
            report.set_aside.push(SetAside { problem: super::corrupt(&key, reason), key, json });
        };

        // Connections that break a rule of their own are set aside whole.
        let mut names = BTreeSet::new();
        let ids: Vec<ConnectionId> = self.connections.keys().cloned().collect();
        for id in ids {
            let c = &self.connections[&id];
            let reason = if !c.category().is_connection() {
                Some("audience insights is not a connection")
            } else if !names.insert((c.category(), c.display_name.fold())) {
                Some("another connection of its category has the same name")
            } else {
                None
            };
            if let Some(reason) = reason {
                set_aside(self, format!("connection/{id}"), reason);
                self.connections.remove(&id);
            }
        }
        let links: Vec<EngagementLinkId> = self.links.iter().filter(|(_, l)| l.members.is_empty()).map(|(id, _)| id.clone()).collect();
        for id in links {
            set_aside(self, format!("engagement/{id}"), "no members");
            self.links.remove(&id);
        }
        if let Some(vault) = &mut self.vault {
            vault.secrets.retain(|_, s| !s.versions.is_empty());
        }

        // References to what is gone.
        let vault_secrets: BTreeSet<SecretName> = self.vault.iter().flat_map(|v| v.secrets.keys().cloned()).collect();
        for c in self.connections.values_mut() {
            let lost: Vec<(String, SecretName)> = c
                .credentials
                .iter()
                .filter_map(|(field, cred)| match cred {
                    Credential::KeyVault(secret) if !vault_secrets.contains(secret) => Some((field.clone(), secret.clone())),
                    _ => None,
                })
                .collect();
            for (field, secret) in lost {
                c.credentials.remove(&field);
                report.effects.push(Effect::ConnectionLostSecret { connection: c.id.clone(), name: c.display_name.to_string(), secret });
            }
        }
        // One hash lookup per export: the check runs over every export at every start.
        let export_connections: rustc_hash::FxHashSet<&str> =
            self.connections.values().filter(|c| c.category() == Category::Export).map(|c| c.id.as_str()).collect();
        for e in self.exports.values_mut() {
            let Some(c) = &e.connection else { continue };
            if !export_connections.contains(c.as_str()) {
                let connection = c.clone();
                e.connection = None;
                report.effects.push(Effect::ExportLostConnection { export: e.id.clone(), name: e.name.to_string(), connection });
            }
        }
        for n in self.enrichments.values_mut() {
            match &n.connection {
                Some(c) if self.connections.get(c).is_none_or(|found| found.type_id != n.provider) => {
                    let connection = c.clone();
                    n.connection = None;
                    n.active = false;
                    report.effects.push(Effect::EnrichmentLostConnection { enrichment: n.id.clone(), name: n.name.to_string(), connection });
                }
                None => n.active = false,
                Some(_) => {}
            }
        }

        // Users named by an object but whose record is gone get a stand-in with no rights.
        let users = &self.users;
        let mut named: BTreeSet<UserId> = BTreeSet::new();
        let mut note = |id: &UserId| {
            if !users.contains_key(id) && !named.contains(id) {
                named.insert(id.clone());
            }
        };
        self.connections.values().for_each(|c| [&c.created_by, &c.updated_by].into_iter().for_each(&mut note));
        self.exports.values().for_each(|e| note(&e.owner));
        self.enrichments.values().for_each(|n| note(&n.owner));
        self.vault.iter().for_each(|v| note(&v.linked_by));
        self.links.values().for_each(|l| note(&l.created_by));
        for link in self.links.values_mut() {
            let gone: Vec<UserId> = link.members.iter().filter(|m| !self.users.contains_key(*m)).cloned().collect();
            for user in gone {
                // Keep at least one member: a link with none could never be reached again.
                if link.members.len() > 1 {
                    link.members.remove(&user);
                    report.effects.push(Effect::LinkLostMember { link: link.id.clone(), user });
                } else {
                    named.insert(user);
                }
            }
        }
        for id in named {
            if !self.users.contains_key(&id) {
                self.users.insert(id.clone(), User { name: id.to_string(), id: id.clone(), role: Role::Viewer });
                report.effects.push(Effect::UnknownUser { user: id });
            }
        }

        // Counters beyond every id in use, so that new ids never collide.
        let before = self.counters.clone();
        let max = |ids: &mut dyn Iterator<Item = &str>| ids.filter_map(numeric_suffix).max().unwrap_or(0);
        let c = &mut self.counters;
        c.next_connection = c.next_connection.max(max(&mut self.connections.keys().map(|k| k.as_str())));
        c.next_export = c.next_export.max(max(&mut self.exports.keys().map(|k| k.as_str())));
        c.next_enrichment = c.next_enrichment.max(max(&mut self.enrichments.keys().map(|k| k.as_str())));
        c.next_link = c.next_link.max(max(&mut self.links.keys().map(|k| k.as_str())));
        if let Some(last) = self.events.iter().map(|e| e.seq).max() {
            c.next_seq = c.next_seq.max(last + 1);
        }
        self.events.sort_unstable_by_key(|e| e.seq); // seq is unique: the record key holds it
        if self.counters != before && !report.effects.contains(&Effect::CountersRaised) {
            report.effects.push(Effect::CountersRaised);
        }
    }

    /// The current record text of `key`, for a set-aside report.
    fn record_text(&self, key: &str) -> Option<String> {
        self.object_records().into_iter().find(|r| r.key == key).map(|r| r.json)
    }

    /// Folds in the changes another tab committed (one change-log entry). All or nothing: every
    /// put is decoded before anything changes, so a damaged entry leaves the workspace untouched
    /// (the caller then reloads the whole store leniently).
    pub fn absorb(&mut self, changes: &[RecordChange]) -> Result<(), DecodeError> {
        let entry = DecodedEntry::decode(changes)?;
        self.absorb_decoded(entry);
        Ok(())
    }

    /// Applies an entry [`DecodedEntry::decode`] has read; nothing here can fail.
    pub fn absorb_decoded(&mut self, entry: DecodedEntry) {
        for step in entry.0 {
            match step {
                Step::Put(Decoded::Connection(c)) => self.put_connection(c),
                Step::Put(Decoded::Export(e)) => self.put_export(e),
                Step::Put(Decoded::Enrichment(n)) => self.put_enrichment(n),
                Step::Put(decoded) => self.insert_decoded(decoded),
                Step::Delete(key) => {
                    let (kind, id) = key.split_once('/').unwrap_or((key.as_str(), ""));
                    match kind {
                        "connection" => drop(self.take_connection(&ConnectionId::new(id))),
                        "export" => drop(self.take_export(&ExportId::new(id))),
                        "enrichment" => drop(self.take_enrichment(&EnrichmentId::new(id))),
                        "engagement" => drop(self.links.remove(&EngagementLinkId::new(id))),
                        "user" => drop(self.users.remove(&UserId::new(id))),
                        "vault" => self.vault = None,
                        _ => {}
                    }
                }
            }
        }
    }

    /// Hands over the events applied since the last call, so a long-lived workspace does not keep
    /// the whole activity log in memory (the app stores events apart and reads them a page at a time).
    pub fn take_events(&mut self) -> Vec<crate::event::Event> {
        std::mem::take(&mut self.events)
    }
}

/// One change-log entry of another tab, decoded and not yet applied. Decoding is the part that
/// can fail, and the app does it apart from applying (in a wasm module of its own, fetched when
/// first needed), so the two are separate steps.
pub struct DecodedEntry(Vec<Step>);

enum Step {
    Put(Decoded),
    Delete(String),
}

impl DecodedEntry {
    pub fn decode(changes: &[RecordChange]) -> Result<Self, DecodeError> {
        changes
            .iter()
            .map(|change| match change {
                RecordChange::Put(r) => decode_record(&r.key, &r.json).map(Step::Put),
                RecordChange::Delete { key } => Ok(Step::Delete(key.clone())),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(DecodedEntry)
    }
}
