//! Role-aware read models for the UI. None of them holds a secret: at most
//! the fact that one is saved, or which vault secret is used.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{Category, ConnectionTypeId};
use crate::event::{Event, ObjectRef};
use crate::health::Health;
use crate::ids::{ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{
    Connection, Credential, DisplayName, ExportKind, ExportStatus, LinkStatus, Role, RunStatus, Schedule, SignIn, Timestamp, UsableBy,
};
use crate::workspace::Workspace;

/// Who can use a connection, as the Connections list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Access {
    AdministratorsOnly,
    AdministratorsAndContributors,
    /// Enrichment connections: always administrators and contributors.
    Everyone,
}

/// What the UI may show about a saved secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum SecretState {
    Saved,
    FromVault(SecretName),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectionDetails {
    pub fields: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, SecretState>,
    pub sign_in: Option<SignIn>,
    pub updated_at: Timestamp,
    pub updated_by_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectionRow {
    pub id: ConnectionId,
    pub display_name: String,
    pub type_id: ConnectionTypeId,
    pub type_name: &'static str,
    pub created_at: Timestamp,
    pub created_by_name: String,
    pub access: Access,
    /// Exports and enrichments (active or not) that name this connection.
    pub used_by_count: usize,
    /// A vault secret it uses, or the vault, cannot be reached.
    pub flagged_unreachable: bool,
    /// Derived by [`Workspace::health_of`].
    pub health: Health,
    /// Administrators only.
    pub details: Option<ConnectionDetails>,
}

/// A connection as offered in a picker: display name and type only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectionChoice {
    pub id: ConnectionId,
    pub display_name: String,
    pub type_id: ConnectionTypeId,
    pub type_name: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    pub id: ExportId,
    pub name: String,
    pub kind: ExportKind,
    /// `None` shows as "No connection".
    pub connection: Option<ConnectionChoice>,
    pub status: ExportStatus,
    pub active: bool,
    pub schedule: Schedule,
    pub last_refreshed: Option<Timestamp>,
    pub owner_name: String,
    /// Change it: edit, detach, attach, remove (and select it for the bulk actions).
    pub can_edit: bool,
    /// Start a run now: editable, on a connection, not already running.
    pub can_run: bool,
    /// Stop the run that is going.
    pub can_cancel: bool,
    /// Make a copy on the same connection (an export without one can't be copied).
    pub can_duplicate: bool,
    /// Take its connection away.
    pub can_detach: bool,
    /// Give a detached export a connection again.
    pub can_attach: bool,
    /// The latest run failed while its connection was failing: say so and link to it.
    pub failed_on_connection: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnrichmentRow {
    pub id: EnrichmentId,
    pub name: String,
    pub provider: ConnectionTypeId,
    pub provider_name: &'static str,
    pub connection: Option<ConnectionChoice>,
    pub active: bool,
    pub enriched_customers: u64,
    pub last_refresh: Option<Timestamp>,
    pub status: RunStatus,
    /// Change it: rename, activate or deactivate, attach, delete (and select it).
    pub can_edit: bool,
    /// Start a run now: editable, active with a connection, not already running.
    pub can_run: bool,
    /// Stop the run that is going.
    pub can_cancel: bool,
    /// Make an inactive enrichment active again (it needs a connection).
    pub can_activate: bool,
    /// Make an active enrichment inactive.
    pub can_deactivate: bool,
    /// Give an enrichment whose connection was removed another of its provider.
    pub can_attach: bool,
    /// The latest run failed while its connection was failing: say so and link to it.
    pub failed_on_connection: bool,
}

/// What a connection can be attached to: [`Workspace::attachable_connections`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachTarget {
    Export(ExportId),
    Enrichment(EnrichmentId),
}

/// What keeps a connection from being removed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Dependents {
    /// Names as `DisplayName`s: copying 10,000 of them for the Remove dialog allocates nothing.
    pub exports: Vec<(ExportId, DisplayName)>,
    /// Active enrichments only: deactivated ones do not block removal.
    pub enrichments: Vec<(EnrichmentId, DisplayName)>,
}

impl Dependents {
    pub fn is_empty(&self) -> bool {
        self.exports.is_empty() && self.enrichments.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SecretRow {
    pub name: SecretName,
    pub versions: usize,
    pub latest_version: u32,
    pub updated_at: Timestamp,
    pub reachable: bool,
    pub used_by: Vec<(ConnectionId, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VaultView {
    pub subscription: String,
    pub vault_name: String,
    pub linked_by_name: String,
    pub linked_at: Timestamp,
    pub reachable: bool,
    pub secrets: Vec<SecretRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EngagementLinkRow {
    pub id: EngagementLinkId,
    pub storage_account: String,
    pub environment_id: String,
    pub instance_folder: String,
    pub shared_key: SecretState,
    /// The link's creator: the member the members editor keeps unless another administrator stays.
    pub created_by: UserId,
    pub created_by_name: String,
    pub members: Vec<(UserId, String)>,
    pub status: LinkStatus,
    pub status_changed_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActivityRow {
    pub seq: u64,
    pub at: Timestamp,
    pub actor_name: String,
    pub actor_role: Role,
    pub action_key: &'static str,
    pub object: ObjectRef,
    pub object_name: Option<String>,
}

/// Counts for Reports > Profiles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProfileReport {
    pub link: EngagementLinkId,
    pub profiles: u64,
    /// (translation key, count), e.g. ("gender.female", 412).
    pub gender: Vec<(&'static str, u64)>,
    pub age_bands: Vec<(&'static str, u64)>,
    pub locations: Vec<(&'static str, u64)>,
}

/// One engagement link as Reports › Profiles shows it to a viewer: its report, or why not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportAccess {
    pub link: EngagementLinkId,
    pub storage_account: String,
    pub report: Result<ProfileReport, ReportUnavailable>,
}

/// Why the profile report can't be shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
pub enum ReportUnavailable {
    #[error("This link no longer exists.")]
    NotFound,
    #[error("You don't have access to this report yet. Ask {ask} to add you.")]
    NotMember { ask: String },
    #[error("The data hasn't arrived yet; this can take a few hours.")]
    NotAvailableYet,
}

/// What the UI asks before rendering a control.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Capability {
    ManageConnections,
    ManageKeyVault,
    ManageEngagementInsights,
    CreateExports,
    ManageEnrichments,
    /// Change anything on the data pages (everyone but viewers; which rows is each row's `can_edit`).
    ChangeData,
    Restore,
    ManageExport(ExportId),
    UseConnection(ConnectionId),
    ViewConnectionDetails,
    /// Replace the whole store (sample data, start empty, reset, restore a backup).
    ManageWorkspace,
    /// Test connection, one or all of them (administrators).
    TestConnections,
}

impl Workspace {
    pub(crate) fn role_of(&self, viewer: &UserId) -> Option<Role> {
        self.users.get(viewer).map(|u| u.role)
    }

    pub fn can(&self, viewer: &UserId, capability: Capability) -> bool {
        let Some(role) = self.role_of(viewer) else { return false };
        let admin = role == Role::Administrator;
        match capability {
            Capability::ManageConnections
            | Capability::ManageKeyVault
            | Capability::ManageEngagementInsights
            | Capability::Restore
            | Capability::ViewConnectionDetails
            | Capability::ManageWorkspace
            | Capability::TestConnections => admin,
            Capability::CreateExports => {
                admin || (role == Role::Contributor && self.connections.values().any(|c| c.category() == Category::Export && c.shared_with_contributors()))
            }
            Capability::ManageEnrichments | Capability::ChangeData => role != Role::Viewer,
            Capability::ManageExport(id) => self.exports.get(&id).is_some_and(|e| self.may_manage_export(role, viewer, e)),
            Capability::UseConnection(id) => self.connections.get(&id).is_some_and(|c| match role {
                Role::Administrator => true,
                Role::Contributor => c.shared_with_contributors(),
                Role::Viewer => false,
            }),
        }
    }

    pub(crate) fn choice(&self, id: &ConnectionId) -> Option<ConnectionChoice> {
        self.connections.get(id).map(|c| ConnectionChoice {
            id: c.id.clone(),
            display_name: c.display_name.to_string(),
            type_id: c.type_id,
            type_name: c.type_id.spec().name,
        })
    }

    fn flagged_unreachable(&self, connection: &Connection) -> bool {
        let mut secrets = connection.vault_secrets().peekable();
        if secrets.peek().is_none() {
            return false;
        }
        match &self.vault {
            None => true,
            Some(vault) => !vault.reachable || secrets.any(|name| vault.secrets.get(name).is_none_or(|s| !s.reachable)),
        }
    }

    /// The Connections list of one tab (Exports or Enrichment).
    /// `now` decides the health (a sign-in runs out).
    pub fn connection_rows(&self, viewer: &UserId, category: Category, now: Timestamp) -> Vec<ConnectionRow> {
        self.rows_of(viewer, category, now, true)
    }

    /// [`Workspace::connection_rows`] without the details (`details` is `None` for every role):
    /// what the list draws. The set-up pane reads its one row, details included, through
    /// [`Workspace::connection_row`].
    pub fn connection_list(&self, viewer: &UserId, category: Category, now: Timestamp) -> Vec<ConnectionRow> {
        self.rows_of(viewer, category, now, false)
    }

    fn rows_of(&self, viewer: &UserId, category: Category, now: Timestamp, with_details: bool) -> Vec<ConnectionRow> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        let tallies = self.run_tallies(category);
        self.connections
            .values()
            .filter(|c| c.category() == category)
            .map(|c| self.connection_row_with(role == Role::Administrator && with_details, c, tallies.get(&c.id).copied().unwrap_or_default(), now))
            .collect()
    }

    /// How many connections of `category` there are: the length of `connections_by_name`'s order.
    pub fn connection_count(&self, category: Category) -> usize {
        self.index.names.get(&category).map_or(0, |names| names.len())
    }

    /// The ids at `positions` of the list's default order: the connections of `category` by
    /// display name regardless of case, or the reverse. Read from the index of names a page at
    /// a time: no connection is projected, and the ids before the page are skipped, not copied.
    pub fn connections_by_name(&self, category: Category, descending: bool, positions: std::ops::Range<usize>) -> Vec<ConnectionId> {
        let Some(names) = self.index.names.get(&category) else { return Vec::new() };
        let take = positions.end.saturating_sub(positions.start);
        let page = |ids: &mut dyn Iterator<Item = &ConnectionId>| ids.skip(positions.start).take(take).cloned().collect();
        if descending { page(&mut names.values().rev()) } else { page(&mut names.values()) }
    }

    /// The list's rows of `ids` (a page), in that order, without details; ids that no longer
    /// exist are left out.
    pub fn connection_list_of(&self, viewer: &UserId, ids: &[ConnectionId], now: Timestamp) -> Vec<ConnectionRow> {
        if self.role_of(viewer).is_none() {
            return Vec::new();
        }
        ids.iter().filter_map(|id| self.connections.get(id)).map(|c| self.connection_row_with(false, c, self.run_tally(&c.id), now)).collect()
    }

    /// One connection's row, as its list shows it (the set-up pane starts from it).
    pub fn connection_row(&self, viewer: &UserId, id: &ConnectionId, now: Timestamp) -> Option<ConnectionRow> {
        let role = self.role_of(viewer)?;
        let c = self.connections.get(id)?;
        Some(self.connection_row_with(role == Role::Administrator, c, self.run_tally(id), now))
    }

    /// Details (fields, how each secret is held, sign-in, last change) are for administrators.
    fn connection_row_with(&self, details: bool, c: &Connection, runs: crate::health::RunTally, now: Timestamp) -> ConnectionRow {
        let used_by_count = self.index.exports_by_connection.get(&c.id).map_or(0, |s| s.len())
            + self.index.enrichments_by_connection.get(&c.id).map_or(0, |s| s.len());
        let details = details.then(|| ConnectionDetails {
            fields: c.fields.clone(),
            secrets: c
                .credentials
                .iter()
                .map(|(k, v)| {
                    let state = match v {
                        Credential::Typed(_) => SecretState::Saved,
                        Credential::KeyVault(name) => SecretState::FromVault(name.clone()),
                    };
                    (k.clone(), state)
                })
                .collect(),
            sign_in: c.sign_in.clone(),
            updated_at: c.updated_at,
            updated_by_name: self.user_name(&c.updated_by),
        });
        ConnectionRow {
            id: c.id.clone(),
            display_name: c.display_name.to_string(),
            type_id: c.type_id,
            type_name: c.type_id.spec().name,
            created_at: c.created_at,
            created_by_name: self.user_name(&c.created_by),
            access: match (c.category(), c.usable_by) {
                (Category::Export, UsableBy::AdministratorsOnly) => Access::AdministratorsOnly,
                (Category::Export, UsableBy::AdministratorsAndContributors) => Access::AdministratorsAndContributors,
                _ => Access::Everyone,
            },
            used_by_count,
            flagged_unreachable: self.flagged_unreachable(c),
            health: self.derive_health_with(c, runs, now).state,
            details,
        }
    }

    /// Connections the viewer may pick for a new export or enrichment.
    pub fn usable_connections(&self, viewer: &UserId, category: Category) -> Vec<ConnectionChoice> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        self.connections
            .values()
            .filter(|c| c.category() == category)
            .filter(|c| match role {
                Role::Administrator => true,
                Role::Contributor => c.shared_with_contributors(),
                Role::Viewer => false,
            })
            .filter_map(|c| self.choice(&c.id))
            .collect()
    }

    /// Every export's row, in id order. Data › Exports lists a page at a time instead
    /// ([`Workspace::export_listing`], [`Workspace::export_rows_of`]).
    pub fn export_rows(&self, viewer: &UserId) -> Vec<ExportRow> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        self.exports.values().map(|e| self.export_row(role, viewer, e)).collect()
    }

    pub(crate) fn export_row(&self, role: Role, viewer: &UserId, e: &crate::model::Export) -> ExportRow {
        let can_edit = self.may_manage_export(role, viewer, e);
        let active = e.is_active();
        let running = e.status.is_running();
        ExportRow {
            id: e.id.clone(),
            name: e.name.to_string(),
            kind: e.kind,
            connection: e.connection.as_ref().and_then(|c| self.choice(c)),
            status: e.status,
            active,
            schedule: e.schedule,
            last_refreshed: e.last_refreshed,
            owner_name: self.user_name(&e.owner),
            can_edit,
            can_run: can_edit && active && !running,
            can_cancel: can_edit && running,
            can_duplicate: can_edit && active,
            can_detach: can_edit && active,
            can_attach: can_edit && !active,
            failed_on_connection: e.failed_on_connection && crate::health::run_failed(e.status),
        }
    }

    pub fn enrichment_rows(&self, viewer: &UserId) -> Vec<EnrichmentRow> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        self.enrichments.values().map(|n| self.enrichment_row(role, n)).collect()
    }

    /// One enrichment's row, as its list shows it (the pane reads it too).
    pub fn enrichment_row_of(&self, viewer: &UserId, id: &EnrichmentId) -> Option<EnrichmentRow> {
        let role = self.role_of(viewer)?;
        self.enrichments.get(id).map(|n| self.enrichment_row(role, n))
    }

    fn enrichment_row(&self, role: Role, n: &crate::model::Enrichment) -> EnrichmentRow {
        let can_edit = role != Role::Viewer;
        let attached = n.connection.is_some();
        let running = n.status.is_running();
        EnrichmentRow {
            id: n.id.clone(),
            name: n.name.to_string(),
            provider: n.provider,
            provider_name: n.provider.spec().name,
            connection: n.connection.as_ref().and_then(|c| self.choice(c)),
            active: n.active,
            enriched_customers: n.enriched_customers,
            last_refresh: n.last_refresh,
            status: n.status,
            can_edit,
            can_run: can_edit && n.active && attached && !running,
            can_cancel: can_edit && running,
            can_activate: can_edit && !n.active && attached,
            can_deactivate: can_edit && n.active,
            can_attach: can_edit && !attached,
            failed_on_connection: n.failed_on_connection && crate::health::run_failed(n.status),
        }
    }

    /// The connections the viewer may attach to `target`: for an export they may manage, the
    /// export connections they may use; for an enrichment, the connections of its own provider
    /// (any other is the `WrongProvider` refusal). Empty when the viewer may not change it.
    pub fn attachable_connections(&self, viewer: &UserId, target: &AttachTarget) -> Vec<ConnectionChoice> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        match target {
            AttachTarget::Export(id) => match self.exports.get(id) {
                Some(e) if self.may_manage_export(role, viewer, e) => self.usable_connections(viewer, Category::Export),
                _ => Vec::new(),
            },
            AttachTarget::Enrichment(id) => match self.enrichments.get(id) {
                Some(n) if role != Role::Viewer => {
                    self.usable_connections(viewer, Category::Enrichment).into_iter().filter(|c| c.type_id == n.provider).collect()
                }
                _ => Vec::new(),
            },
        }
    }

    /// The exports using `connection`, in id order, straight from the index (no lookup): what
    /// the Remove dialog holds for 10,000 dependents, naming only its page ([`Workspace::export_names`]).
    pub fn dependent_export_ids(&self, connection: &ConnectionId) -> Vec<ExportId> {
        self.index.exports_by_connection.get(connection).into_iter().flatten().cloned().collect()
    }

    /// The active enrichments using `connection`, in id order (deactivated ones do not block removal).
    pub fn dependent_enrichment_ids(&self, connection: &ConnectionId) -> Vec<EnrichmentId> {
        self.index
            .enrichments_by_connection
            .get(connection)
            .into_iter()
            .flatten()
            .filter(|id| self.enrichments.get(*id).is_some_and(|n| n.active))
            .cloned()
            .collect()
    }

    /// The names of `ids` that exist, in that order.
    pub fn export_names(&self, ids: &[ExportId]) -> Vec<(ExportId, DisplayName)> {
        ids.iter().filter_map(|id| self.exports.get(id).map(|e| (id.clone(), e.name.clone()))).collect()
    }

    /// The names of `ids` that exist, in that order.
    pub fn enrichment_names(&self, ids: &[EnrichmentId]) -> Vec<(EnrichmentId, DisplayName)> {
        ids.iter().filter_map(|id| self.enrichments.get(id).map(|n| (id.clone(), n.name.clone()))).collect()
    }

    /// What must be detached, removed, deactivated or deleted before the
    /// connection can be removed. Uses the index: cost grows with the number
    /// of dependents, not with the number of exports.
    pub fn dependents(&self, connection: &ConnectionId) -> Dependents {
        Dependents {
            exports: self.export_names(&self.dependent_export_ids(connection)),
            enrichments: self.enrichment_names(&self.dependent_enrichment_ids(connection)),
        }
    }

    /// The linked vault, for administrators.
    pub fn vault_view(&self, viewer: &UserId) -> Option<VaultView> {
        if self.role_of(viewer) != Some(Role::Administrator) {
            return None;
        }
        let vault = self.vault.as_ref()?;
        Some(VaultView {
            subscription: vault.subscription.clone(),
            vault_name: vault.vault_name.clone(),
            linked_by_name: self.user_name(&vault.linked_by),
            linked_at: vault.linked_at,
            reachable: vault.reachable,
            secrets: vault
                .secrets
                .iter()
                .map(|(name, s)| SecretRow {
                    name: name.clone(),
                    versions: s.versions.len(),
                    latest_version: s.versions.last().map_or(0, |v| v.version),
                    updated_at: s.versions.last().map_or(vault.linked_at, |v| v.created_at),
                    reachable: s.reachable,
                    used_by: self.connections_using_secret(name),
                })
                .collect(),
        })
    }

    /// Engagement-insights links, for administrators.
    pub fn engagement_link_rows(&self, viewer: &UserId) -> Vec<EngagementLinkRow> {
        if self.role_of(viewer) != Some(Role::Administrator) {
            return Vec::new();
        }
        self.links
            .values()
            .map(|l| EngagementLinkRow {
                id: l.id.clone(),
                storage_account: l.storage_account.clone(),
                environment_id: l.environment_id.clone(),
                instance_folder: l.instance_folder.clone(),
                shared_key: SecretState::Saved,
                created_by: l.created_by.clone(),
                created_by_name: self.user_name(&l.created_by),
                members: l.members.iter().map(|m| (m.clone(), self.user_name(m))).collect(),
                status: l.status,
                status_changed_at: l.status_changed_at,
            })
            .collect()
    }

    /// The activity log, newest first. Every signed-in role may read it.
    pub fn activity(&self, viewer: &UserId) -> Vec<ActivityRow> {
        self.activity_of(viewer, &self.events)
    }

    /// Rows for `events` read from elsewhere (the app keeps the log in its own store), newest first.
    pub fn activity_of(&self, viewer: &UserId, events: &[Event]) -> Vec<ActivityRow> {
        if self.role_of(viewer).is_none() {
            return Vec::new();
        }
        events
            .iter()
            .rev()
            .map(|e| ActivityRow {
                seq: e.seq,
                at: e.at,
                actor_name: self.user_name(&e.actor),
                actor_role: e.actor_role,
                action_key: e.kind.action_key(),
                object: e.kind.object(),
                object_name: e.kind.object_name().map(str::to_owned),
            })
            .collect()
    }

    /// Reports › Profiles: every engagement link, each with its report for its members once the
    /// data is there, or why the viewer may not see it. Any signed-in role; nobody else.
    pub fn report_access(&self, viewer: &UserId) -> Vec<ReportAccess> {
        if self.role_of(viewer).is_none() {
            return Vec::new();
        }
        self.links
            .values()
            .map(|l| ReportAccess { link: l.id.clone(), storage_account: l.storage_account.clone(), report: self.profile_report(viewer, &l.id) })
            .collect()
    }

    /// The profile report of an engagement link, for its members once data is there.
    pub fn profile_report(&self, viewer: &UserId, link: &EngagementLinkId) -> Result<ProfileReport, ReportUnavailable> {
        let l = self.links.get(link).ok_or(ReportUnavailable::NotFound)?;
        if !l.members.contains(viewer) {
            return Err(ReportUnavailable::NotMember { ask: self.engagement_contact(l) });
        }
        if l.status != LinkStatus::Available {
            return Err(ReportUnavailable::NotAvailableYet);
        }
        Ok(crate::simulation::profile_report(link))
    }
}

