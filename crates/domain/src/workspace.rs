//! The single owner of all state, and `apply`, the one way to change it.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::Category;
use crate::command::{Action, Command};
use crate::error::DomainError;
use crate::event::{Event, EventKind};
use crate::ids::{ConnectionId, Counters, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{Connection, EngagementLink, Enrichment, Export, KeyVault, Role, Timestamp, User};

/// Everything the Connections area knows, plus its event log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    pub(crate) users: BTreeMap<UserId, User>,
    pub(crate) connections: BTreeMap<ConnectionId, Connection>,
    pub(crate) exports: BTreeMap<ExportId, Export>,
    pub(crate) enrichments: BTreeMap<EnrichmentId, Enrichment>,
    pub(crate) vault: Option<KeyVault>,
    pub(crate) links: BTreeMap<EngagementLinkId, EngagementLink>,
    pub(crate) events: Vec<Event>,
    pub(crate) counters: Counters,
    pub(crate) index: Index,
}

/// Lookups kept in step with every change so that checks such as "what uses
/// this connection" cost a map lookup instead of a scan of every export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Index {
    pub exports_by_connection: BTreeMap<ConnectionId, BTreeSet<ExportId>>,
    pub enrichments_by_connection: BTreeMap<ConnectionId, BTreeSet<EnrichmentId>>,
    pub connections_by_secret: BTreeMap<SecretName, BTreeSet<ConnectionId>>,
    /// Case-folded display names per category (a map each, so a category's length and its
    /// last names are read without a walk of the others).
    pub names: BTreeMap<Category, BTreeMap<String, ConnectionId>>,
    /// Data › Exports' order (see `listing`), built on first use rather than at start-up:
    /// sorting 100,000 names would add a tenth to the largest cold start.
    /// Until then changes need not touch it.
    pub export_order: std::sync::OnceLock<crate::listing::ExportOrder>,
}

impl Index {
    fn insert_name(&mut self, c: &Connection) {
        self.names.entry(c.category()).or_default().insert(c.display_name.fold(), c.id.clone());
    }
}

/// Who is acting, with which role, and when: what every handler is given.
pub(crate) struct Acting {
    pub actor: UserId,
    pub role: Role,
    pub now: Timestamp,
}

impl Acting {
    pub fn require_admin(&self, action: Action) -> Result<(), DomainError> {
        if self.role == Role::Administrator { Ok(()) } else { Err(DomainError::NotAllowed { action, role: self.role }) }
    }
}

impl Workspace {
    /// A workspace with the given users and nothing else.
    pub fn with_users(users: impl IntoIterator<Item = User>) -> Workspace {
        Workspace {
            users: users.into_iter().map(|u| (u.id.clone(), u)).collect(),
            connections: BTreeMap::new(),
            exports: BTreeMap::new(),
            enrichments: BTreeMap::new(),
            vault: None,
            links: BTreeMap::new(),
            events: Vec::new(),
            counters: Counters::default(),
            index: Index::default(),
        }
    }

    /// Validates `command` for `actor` and, only if it is allowed, carries it
    /// out. On `Err` nothing has changed. The returned events are also
    /// appended to the workspace's log.
    pub fn apply(&mut self, actor: &UserId, command: Command, now: Timestamp) -> Result<Vec<Event>, DomainError> {
        let role = self.users.get(actor).ok_or_else(|| DomainError::UnknownActor(actor.clone()))?.role;
        if role == Role::Viewer {
            return Err(DomainError::NotAllowed { action: action_of(&command), role });
        }
        let ctx = Acting { actor: actor.clone(), role, now };
        let kinds = self.dispatch(&ctx, command)?;
        let events: Vec<Event> = kinds
            .into_iter()
            .map(|kind| {
                let seq = self.counters.next_seq;
                self.counters.next_seq += 1;
                Event { seq, at: now, actor: actor.clone(), actor_role: role, kind }
            })
            .collect();
        self.events.extend(events.iter().cloned());
        Ok(events)
    }

    /// Whether `actor` may replace the whole store (load sample data, start empty, reset,
    /// restore a backup). Administrators only, except when there are no users at all (first
    /// run, or a store that could not be read): then there is nobody to ask.
    pub fn authorize_replace(&self, actor: &UserId) -> Result<(), DomainError> {
        if self.users.is_empty() {
            return Ok(());
        }
        let role = self.users.get(actor).ok_or_else(|| DomainError::UnknownActor(actor.clone()))?.role;
        if role == Role::Administrator { Ok(()) } else { Err(DomainError::NotAllowed { action: Action::ManageWorkspace, role }) }
    }

    fn dispatch(&mut self, ctx: &Acting, command: Command) -> Result<Vec<EventKind>, DomainError> {
        use Command::*;
        match command {
            CreateConnection(new) => self.create_connection(ctx, new),
            EditConnection(edit) => self.edit_connection(ctx, edit),
            SetConnectionSharing { id, usable_by } => self.set_connection_sharing(ctx, &id, usable_by),
            RemoveConnection { id } => self.remove_connection(ctx, &id),
            TestConnection { id } => self.record_connection_test(ctx, &id),
            RestoreConnection { connection } => self.restore_connection(ctx, connection),
            CreateExport(new) => self.create_export(ctx, new),
            EditExport(edit) => self.edit_export(ctx, edit),
            DetachConnection { exports } => self.detach_connection(ctx, &exports),
            AttachConnectionToExport { export, connection } => self.attach_connection_to_export(ctx, &export, &connection),
            RemoveExports { ids } => self.remove_exports(ctx, &ids),
            RestoreExports { exports } => self.restore_exports(ctx, exports),
            RunExport { id } => self.run_export(ctx, &id),
            AdvanceExportRun { id, outcome } => self.advance_export_run(ctx, &id, outcome),
            CreateEnrichment { name, connection } => self.create_enrichment(ctx, &name, &connection),
            EditEnrichment { id, name } => self.edit_enrichment(ctx, &id, &name),
            DeactivateEnrichments { ids } => self.set_enrichments_active(ctx, &ids, false),
            ActivateEnrichments { ids } => self.set_enrichments_active(ctx, &ids, true),
            DeleteEnrichments { ids } => self.delete_enrichments(ctx, &ids),
            RestoreEnrichments { enrichments } => self.restore_enrichments(ctx, enrichments),
            AttachConnectionToEnrichment { enrichment, connection } => self.attach_connection_to_enrichment(ctx, &enrichment, &connection),
            RunEnrichment { id } => self.run_enrichment(ctx, &id),
            AdvanceEnrichmentRun { id, outcome, enriched_customers } => self.advance_enrichment_run(ctx, &id, outcome, enriched_customers),
            LinkKeyVault { subscription, vault_name, consent } => self.link_key_vault(ctx, &subscription, &vault_name, consent),
            UnlinkKeyVault => self.unlink_key_vault(ctx),
            AddSecret { name, value } => self.add_secret(ctx, &name, &value),
            RotateSecret { name, value } => self.rotate_secret(ctx, &name, &value),
            DeleteSecret { name } => self.delete_secret(ctx, &name),
            SetSecretReachable { name, reachable } => self.set_secret_reachable(ctx, &name, reachable),
            SetVaultReachable { reachable } => self.set_vault_reachable(ctx, reachable),
            CreateEngagementLink(new) => self.create_engagement_link(ctx, new),
            EditEngagementLink(edit) => self.edit_engagement_link(ctx, edit),
            SetEngagementMembers { id, members } => self.set_engagement_members(ctx, &id, members),
            MarkEngagementLinkAvailable { id } => self.mark_engagement_link_available(ctx, &id),
            RemoveEngagementLink { id } => self.remove_engagement_link(ctx, &id),
        }
    }

    // ----- read access -----

    pub fn users(&self) -> impl Iterator<Item = &User> {
        self.users.values()
    }
    pub fn user(&self, id: &UserId) -> Option<&User> {
        self.users.get(id)
    }
    pub fn connections(&self) -> impl Iterator<Item = &Connection> {
        self.connections.values()
    }
    pub fn connection(&self, id: &ConnectionId) -> Option<&Connection> {
        self.connections.get(id)
    }
    pub fn exports(&self) -> impl Iterator<Item = &Export> {
        self.exports.values()
    }
    pub fn export(&self, id: &ExportId) -> Option<&Export> {
        self.exports.get(id)
    }
    pub fn enrichments(&self) -> impl Iterator<Item = &Enrichment> {
        self.enrichments.values()
    }
    pub fn enrichment(&self, id: &EnrichmentId) -> Option<&Enrichment> {
        self.enrichments.get(id)
    }
    pub fn key_vault(&self) -> Option<&KeyVault> {
        self.vault.as_ref()
    }
    pub fn engagement_links(&self) -> impl Iterator<Item = &EngagementLink> {
        self.links.values()
    }
    pub fn engagement_link(&self, id: &EngagementLinkId) -> Option<&EngagementLink> {
        self.links.get(id)
    }
    /// The number the next event will get: events are numbered 0, 1, 2 … without gaps.
    pub fn next_event_seq(&self) -> u64 {
        self.counters.next_seq
    }

    /// The whole event log, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub(crate) fn user_name(&self, id: &UserId) -> String {
        self.users.get(id).map_or_else(|| id.to_string(), |u| u.name.clone())
    }

    // ----- index upkeep: every change to a connection reference goes through these -----

    pub(crate) fn put_connection(&mut self, connection: Connection) {
        self.drop_connection_index(&connection.id);
        self.index.insert_name(&connection);
        for secret in connection.vault_secrets() {
            self.index.connections_by_secret.entry(secret.clone()).or_default().insert(connection.id.clone());
        }
        // Its exports are found by its name and type: keep what the export order knows in step.
        if let Some(order) = self.index.export_order.get_mut() {
            let mask = crate::listing::connection_mask(&connection);
            for export in self.index.exports_by_connection.get(&connection.id).into_iter().flatten().filter_map(|e| self.exports.get(e)) {
                order.set_connection_mask(export, mask);
            }
        }
        self.connections.insert(connection.id.clone(), connection);
    }

    pub(crate) fn take_connection(&mut self, id: &ConnectionId) -> Option<Connection> {
        self.drop_connection_index(id);
        self.connections.remove(id)
    }

    fn drop_connection_index(&mut self, id: &ConnectionId) {
        let Some(old) = self.connections.get(id) else { return };
        if let Some(names) = self.index.names.get_mut(&old.category()) {
            names.remove(&old.display_name.fold());
            if names.is_empty() {
                self.index.names.remove(&old.category());
            }
        }
        for secret in old.vault_secrets() {
            if let Some(set) = self.index.connections_by_secret.get_mut(secret) {
                set.remove(id);
                if set.is_empty() {
                    self.index.connections_by_secret.remove(secret);
                }
            }
        }
    }

    pub(crate) fn put_export(&mut self, export: Export) {
        self.unlink_export(&export.id);
        if let Some(c) = &export.connection {
            self.index.exports_by_connection.entry(c.clone()).or_default().insert(export.id.clone());
        }
        // Only once the order is built: generating 100,000 exports must not fold a connection's
        // name for each.
        if let Some(order) = self.index.export_order.get_mut() {
            let mask = export.connection.as_ref().and_then(|c| self.connections.get(c)).map_or(0, crate::listing::connection_mask);
            order.insert(&export, mask);
        }
        self.exports.insert(export.id.clone(), export);
    }

    pub(crate) fn take_export(&mut self, id: &ExportId) -> Option<Export> {
        self.unlink_export(id);
        self.exports.remove(id)
    }

    fn unlink_export(&mut self, id: &ExportId) {
        let Some(old) = self.exports.get(id) else { return };
        if let Some(order) = self.index.export_order.get_mut() {
            order.remove(old);
        }
        let Some(c) = old.connection.clone() else { return };
        if let Some(set) = self.index.exports_by_connection.get_mut(&c) {
            set.remove(id);
            if set.is_empty() {
                self.index.exports_by_connection.remove(&c);
            }
        }
    }

    pub(crate) fn put_enrichment(&mut self, enrichment: Enrichment) {
        self.unlink_enrichment(&enrichment.id);
        if let Some(c) = &enrichment.connection {
            self.index.enrichments_by_connection.entry(c.clone()).or_default().insert(enrichment.id.clone());
        }
        self.enrichments.insert(enrichment.id.clone(), enrichment);
    }

    pub(crate) fn take_enrichment(&mut self, id: &EnrichmentId) -> Option<Enrichment> {
        self.unlink_enrichment(id);
        self.enrichments.remove(id)
    }

    fn unlink_enrichment(&mut self, id: &EnrichmentId) {
        let Some(c) = self.enrichments.get(id).and_then(|e| e.connection.clone()) else { return };
        if let Some(set) = self.index.enrichments_by_connection.get_mut(&c) {
            set.remove(id);
            if set.is_empty() {
                self.index.enrichments_by_connection.remove(&c);
            }
        }
    }

    /// Rebuilds every index from the primary maps (after decoding), in one pass over each map.
    pub(crate) fn rebuild_index(&mut self) {
        let mut index = Index::default();
        for c in self.connections.values() {
            index.insert_name(c);
            for secret in c.vault_secrets() {
                index.connections_by_secret.entry(secret.clone()).or_default().insert(c.id.clone());
            }
        }
        index.exports_by_connection = grouped(self.exports.values().map(|e| (e.connection.as_ref(), &e.id)));
        index.enrichments_by_connection = grouped(self.enrichments.values().map(|n| (n.connection.as_ref(), &n.id)));
        self.index = index;
    }
}

/// Ids grouped under the connection each one uses, from `(connection, id)` pairs in id order.
/// Grouped in a hash map first and then built in bulk: one tree insertion per id made the index
/// the second-largest cost of a cold start.
fn grouped<'a, Id: Ord + Clone + 'a>(items: impl Iterator<Item = (Option<&'a ConnectionId>, &'a Id)>) -> BTreeMap<ConnectionId, BTreeSet<Id>> {
    let mut groups: rustc_hash::FxHashMap<&ConnectionId, Vec<Id>> = rustc_hash::FxHashMap::default();
    for (connection, id) in items {
        if let Some(connection) = connection {
            groups.entry(connection).or_default().push(id.clone());
        }
    }
    // Each group is already in id order, which `BTreeSet`'s bulk build takes in one pass.
    groups.into_iter().map(|(connection, ids)| (connection.clone(), ids.into_iter().collect())).collect()
}

/// The action a command belongs to, to tell a viewer what was refused.
pub(crate) fn action_of(command: &Command) -> Action {
    use Command::*;
    match command {
        CreateConnection(_) | EditConnection(_) | SetConnectionSharing { .. } | RemoveConnection { .. } | TestConnection { .. } => {
            Action::ManageConnections
        }
        RestoreConnection { .. } | RestoreExports { .. } | RestoreEnrichments { .. } => Action::Restore,
        CreateExport(_)
        | EditExport(_)
        | DetachConnection { .. }
        | AttachConnectionToExport { .. }
        | RemoveExports { .. }
        | RunExport { .. }
        | AdvanceExportRun { .. } => Action::ManageExports,
        CreateEnrichment { .. }
        | EditEnrichment { .. }
        | DeactivateEnrichments { .. }
        | ActivateEnrichments { .. }
        | DeleteEnrichments { .. }
        | AttachConnectionToEnrichment { .. }
        | RunEnrichment { .. }
        | AdvanceEnrichmentRun { .. } => Action::ManageEnrichments,
        LinkKeyVault { .. }
        | UnlinkKeyVault
        | AddSecret { .. }
        | RotateSecret { .. }
        | DeleteSecret { .. }
        | SetSecretReachable { .. }
        | SetVaultReachable { .. } => Action::ManageKeyVault,
        CreateEngagementLink(_)
        | EditEngagementLink(_)
        | SetEngagementMembers { .. }
        | MarkEngagementLinkAvailable { .. }
        | RemoveEngagementLink { .. } => Action::ManageEngagementInsights,
    }
}
