//! Everything a user can ask the workspace to do. Raw input (names, field
//! text, typed secrets) comes in here and is validated by `Workspace::apply`.
//!
//! A command with many fields carries a named struct ([`NewConnection`], [`ConnectionEdit`],
//! [`NewExport`], [`ExportEdit`], [`NewEngagementLink`], [`EngagementLinkEdit`]) that its
//! handler takes whole. Commands live in memory only (the store keeps events and records; a
//! command may hold a typed secret), so they have no serde form.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::ConnectionTypeId;
use crate::ids::{ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{Connection, Enrichment, Export, ExportKind, RunOutcome, Schedule, SecretInput, UsableBy};

/// One user request. `Debug` never shows a typed secret.
#[derive(Clone, Debug)]
pub enum Command {
    // Connections (administrators only).
    CreateConnection(NewConnection),
    /// Replaces the editable parts; see [`ConnectionEdit`].
    EditConnection(ConnectionEdit),
    SetConnectionSharing { id: ConnectionId, usable_by: UsableBy },
    RemoveConnection { id: ConnectionId },
    /// Test connection: runs the offline checks and records the result in the connection's
    /// history (read the details with `Workspace::test_connection`).
    TestConnection { id: ConnectionId },
    /// Undo of `RemoveConnection`.
    RestoreConnection { connection: Connection },

    // Exports.
    CreateExport(NewExport),
    EditExport(ExportEdit),
    /// Detaches the connection from each export: configuration kept, inactive.
    DetachConnection { exports: Vec<ExportId> },
    /// Undo of `DetachConnection`; also reactivates a detached export.
    AttachConnectionToExport { export: ExportId, connection: ConnectionId },
    RemoveExports { ids: Vec<ExportId> },
    /// Undo of `RemoveExports`.
    RestoreExports { exports: Vec<Export> },
    RunExport { id: ExportId },
    /// Moves a running export to its next step: `Processing`, or the outcome that ends the run.
    AdvanceExportRun { id: ExportId, outcome: RunOutcome },

    // Enrichments.
    CreateEnrichment { name: String, connection: ConnectionId },
    EditEnrichment { id: EnrichmentId, name: String },
    DeactivateEnrichments { ids: Vec<EnrichmentId> },
    ActivateEnrichments { ids: Vec<EnrichmentId> },
    DeleteEnrichments { ids: Vec<EnrichmentId> },
    /// Undo of `DeleteEnrichments`.
    RestoreEnrichments { enrichments: Vec<Enrichment> },
    /// Sets the connection and reactivates the enrichment.
    AttachConnectionToEnrichment { enrichment: EnrichmentId, connection: ConnectionId },
    RunEnrichment { id: EnrichmentId },
    /// `enriched_customers` is used when the outcome is `Successful`.
    /// Moves a running enrichment to its next step, as [`Command::AdvanceExportRun`] does.
    AdvanceEnrichmentRun { id: EnrichmentId, outcome: RunOutcome, enriched_customers: u64 },

    // Key Vault (administrators only).
    LinkKeyVault { subscription: String, vault_name: String, consent: bool },
    UnlinkKeyVault,
    AddSecret { name: String, value: SecretInput },
    RotateSecret { name: SecretName, value: SecretInput },
    DeleteSecret { name: SecretName },
    SetSecretReachable { name: SecretName, reachable: bool },
    SetVaultReachable { reachable: bool },

    // Engagement insights (administrators only).
    CreateEngagementLink(NewEngagementLink),
    /// See [`EngagementLinkEdit`].
    EditEngagementLink(EngagementLinkEdit),
    SetEngagementMembers { id: EngagementLinkId, members: BTreeSet<UserId> },
    MarkEngagementLinkAvailable { id: EngagementLinkId },
    RemoveEngagementLink { id: EngagementLinkId },
}

/// What `Command::CreateConnection` asks for: the raw form of a new connection.
#[derive(Clone, Debug)]
pub struct NewConnection {
    pub display_name: String,
    pub type_id: ConnectionTypeId,
    pub fields: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, SecretInput>,
    /// Secret fields taken from the linked Key Vault, by secret name.
    pub key_vault_secrets: BTreeMap<String, SecretName>,
    /// Ignored for enrichment connections (always usable by both roles).
    pub usable_by: UsableBy,
    /// The data-privacy "I agree".
    pub consent: bool,
    /// The account of the simulated provider sign-in (types with `sign_in`).
    pub sign_in_account: Option<String>,
}

/// What `Command::EditConnection` asks for: replaces the editable parts. A secret field absent
/// from both `secrets` and `key_vault_secrets` keeps its saved credential. `sign_in_account`
/// `Some` renews the sign-in; `None` keeps it.
#[derive(Clone, Debug)]
pub struct ConnectionEdit {
    pub id: ConnectionId,
    pub display_name: String,
    pub fields: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, SecretInput>,
    pub key_vault_secrets: BTreeMap<String, SecretName>,
    pub usable_by: UsableBy,
    pub sign_in_account: Option<String>,
}

/// What `Command::CreateEngagementLink` asks for.
#[derive(Clone, Debug)]
pub struct NewEngagementLink {
    pub storage_account: String,
    pub shared_key: SecretInput,
    pub environment_id: String,
    pub instance_folder: String,
    /// Extra members; the creating administrator is always added.
    pub members: BTreeSet<UserId>,
}

/// What `Command::EditEngagementLink` asks for. `shared_key: None` keeps the saved key.
/// Changing where the data is sets the link back to Pending.
#[derive(Clone, Debug)]
pub struct EngagementLinkEdit {
    pub id: EngagementLinkId,
    pub storage_account: String,
    pub shared_key: Option<SecretInput>,
    pub environment_id: String,
    pub instance_folder: String,
}

/// What `Command::CreateExport` asks for.
#[derive(Clone, Debug)]
pub struct NewExport {
    pub name: String,
    pub kind: ExportKind,
    pub connection: ConnectionId,
    pub schedule: Schedule,
}

/// What `Command::EditExport` asks for: the export's name, kind and schedule (its connection
/// changes through `DetachConnection` and `AttachConnectionToExport`).
#[derive(Clone, Debug)]
pub struct ExportEdit {
    pub id: ExportId,
    pub name: String,
    pub kind: ExportKind,
    pub schedule: Schedule,
}

/// What a command is about, for `DomainError::NotAllowed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    ManageConnections,
    UseConnection,
    ManageExports,
    ManageEnrichments,
    ManageKeyVault,
    ManageEngagementInsights,
    Restore,
    /// Replacing the whole store: load sample data, start empty, reset, restore a backup.
    ManageWorkspace,
}

impl Action {
    /// The English phrase of the refusal ("Your role … may not {phrase}."), also the `Display`
    /// text. Not a translation key: the app maps actions to its own keys.
    pub fn phrase(self) -> &'static str {
        match self {
            Action::ManageConnections => "manage connections",
            Action::UseConnection => "use this connection",
            Action::ManageExports => "manage this export",
            Action::ManageEnrichments => "manage enrichments",
            Action::ManageKeyVault => "manage the Key Vault",
            Action::ManageEngagementInsights => "manage engagement insights",
            Action::Restore => "restore removed items",
            Action::ManageWorkspace => "replace the whole workspace",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.phrase())
    }
}
