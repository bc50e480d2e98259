//! What happened, for the activity log and for incremental storage. Events
//! carry ids and display names only, never a secret or anything derived from one.

use serde::{Deserialize, Serialize};

use crate::catalog::ConnectionTypeId;
use crate::ids::{ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{Role, RunOutcome, Timestamp, UsableBy};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub seq: u64,
    pub at: Timestamp,
    pub actor: UserId,
    pub actor_role: Role,
    pub kind: EventKind,
}

/// The object an event is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ObjectRef {
    Connection(ConnectionId),
    Export(ExportId),
    Enrichment(EnrichmentId),
    KeyVault,
    Secret(SecretName),
    EngagementLink(EngagementLinkId),
    User(UserId),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    ConnectionCreated { id: ConnectionId, name: String, type_id: ConnectionTypeId },
    ConnectionEdited { id: ConnectionId, name: String },
    ConnectionSharingChanged { id: ConnectionId, name: String, usable_by: UsableBy },
    ConnectionRemoved { id: ConnectionId, name: String },
    ConnectionRestored { id: ConnectionId, name: String },

    ExportCreated { id: ExportId, name: String, connection: ConnectionId },
    ExportEdited { id: ExportId, name: String },
    ExportDetached { id: ExportId, name: String, connection: ConnectionId },
    ExportAttached { id: ExportId, name: String, connection: ConnectionId },
    ExportRemoved { id: ExportId, name: String },
    ExportRestored { id: ExportId, name: String },
    ExportRunStarted { id: ExportId, name: String },
    ExportRunProgressed { id: ExportId, name: String, outcome: RunOutcome },

    EnrichmentCreated { id: EnrichmentId, name: String, connection: ConnectionId },
    EnrichmentEdited { id: EnrichmentId, name: String },
    EnrichmentDeactivated { id: EnrichmentId, name: String },
    EnrichmentActivated { id: EnrichmentId, name: String },
    EnrichmentDeleted { id: EnrichmentId, name: String },
    EnrichmentRestored { id: EnrichmentId, name: String },
    EnrichmentAttached { id: EnrichmentId, name: String, connection: ConnectionId },
    /// A deactivated enrichment lost its connection because the connection was removed.
    EnrichmentConnectionCleared { id: EnrichmentId, name: String, connection: ConnectionId },
    EnrichmentRunStarted { id: EnrichmentId, name: String },
    EnrichmentRunProgressed { id: EnrichmentId, name: String, outcome: RunOutcome },

    KeyVaultLinked { vault_name: String },
    KeyVaultUnlinked { vault_name: String },
    KeyVaultReachabilityChanged { reachable: bool },
    SecretAdded { name: SecretName },
    SecretRotated { name: SecretName, version: u32 },
    SecretDeleted { name: SecretName },
    SecretReachabilityChanged { name: SecretName, reachable: bool },

    EngagementLinkCreated { id: EngagementLinkId, storage_account: String },
    EngagementLinkEdited { id: EngagementLinkId, storage_account: String },
    EngagementMembersChanged { id: EngagementLinkId, members: usize },
    EngagementLinkAvailable { id: EngagementLinkId },
    EngagementLinkRemoved { id: EngagementLinkId },
}

impl EventKind {
    /// The object the activity log links to.
    pub fn object(&self) -> ObjectRef {
        use EventKind::*;
        match self {
            ConnectionCreated { id, .. }
            | ConnectionEdited { id, .. }
            | ConnectionSharingChanged { id, .. }
            | ConnectionRemoved { id, .. }
            | ConnectionRestored { id, .. } => ObjectRef::Connection(id.clone()),
            ExportCreated { id, .. }
            | ExportEdited { id, .. }
            | ExportDetached { id, .. }
            | ExportAttached { id, .. }
            | ExportRemoved { id, .. }
            | ExportRestored { id, .. }
            | ExportRunStarted { id, .. }
            | ExportRunProgressed { id, .. } => ObjectRef::Export(id.clone()),
            EnrichmentCreated { id, .. }
            | EnrichmentEdited { id, .. }
            | EnrichmentDeactivated { id, .. }
            | EnrichmentActivated { id, .. }
            | EnrichmentDeleted { id, .. }
            | EnrichmentRestored { id, .. }
            | EnrichmentAttached { id, .. }
            | EnrichmentConnectionCleared { id, .. }
            | EnrichmentRunStarted { id, .. }
            | EnrichmentRunProgressed { id, .. } => ObjectRef::Enrichment(id.clone()),
            KeyVaultLinked { .. } | KeyVaultUnlinked { .. } | KeyVaultReachabilityChanged { .. } => ObjectRef::KeyVault,
            SecretAdded { name } | SecretRotated { name, .. } | SecretDeleted { name } | SecretReachabilityChanged { name, .. } => {
                ObjectRef::Secret(name.clone())
            }
            EngagementLinkCreated { id, .. }
            | EngagementLinkEdited { id, .. }
            | EngagementMembersChanged { id, .. }
            | EngagementLinkAvailable { id }
            | EngagementLinkRemoved { id } => ObjectRef::EngagementLink(id.clone()),
        }
    }

    /// Stable translation key, e.g. `connection.created`.
    pub fn action_key(&self) -> &'static str {
        use EventKind::*;
        match self {
            ConnectionCreated { .. } => "connection.created",
            ConnectionEdited { .. } => "connection.edited",
            ConnectionSharingChanged { .. } => "connection.sharing_changed",
            ConnectionRemoved { .. } => "connection.removed",
            ConnectionRestored { .. } => "connection.restored",
            ExportCreated { .. } => "export.created",
            ExportEdited { .. } => "export.edited",
            ExportDetached { .. } => "export.detached",
            ExportAttached { .. } => "export.attached",
            ExportRemoved { .. } => "export.removed",
            ExportRestored { .. } => "export.restored",
            ExportRunStarted { .. } => "export.run_started",
            ExportRunProgressed { .. } => "export.run_progressed",
            EnrichmentCreated { .. } => "enrichment.created",
            EnrichmentEdited { .. } => "enrichment.edited",
            EnrichmentDeactivated { .. } => "enrichment.deactivated",
            EnrichmentActivated { .. } => "enrichment.activated",
            EnrichmentDeleted { .. } => "enrichment.deleted",
            EnrichmentRestored { .. } => "enrichment.restored",
            EnrichmentAttached { .. } => "enrichment.attached",
            EnrichmentConnectionCleared { .. } => "enrichment.connection_cleared",
            EnrichmentRunStarted { .. } => "enrichment.run_started",
            EnrichmentRunProgressed { .. } => "enrichment.run_progressed",
            KeyVaultLinked { .. } => "key_vault.linked",
            KeyVaultUnlinked { .. } => "key_vault.unlinked",
            KeyVaultReachabilityChanged { .. } => "key_vault.reachability_changed",
            SecretAdded { .. } => "secret.added",
            SecretRotated { .. } => "secret.rotated",
            SecretDeleted { .. } => "secret.deleted",
            SecretReachabilityChanged { .. } => "secret.reachability_changed",
            EngagementLinkCreated { .. } => "engagement_link.created",
            EngagementLinkEdited { .. } => "engagement_link.edited",
            EngagementMembersChanged { .. } => "engagement_link.members_changed",
            EngagementLinkAvailable { .. } => "engagement_link.available",
            EngagementLinkRemoved { .. } => "engagement_link.removed",
        }
    }

    /// The display name mentioned by the event, if any.
    pub fn object_name(&self) -> Option<&str> {
        use EventKind::*;
        match self {
            ConnectionCreated { name, .. }
            | ConnectionEdited { name, .. }
            | ConnectionSharingChanged { name, .. }
            | ConnectionRemoved { name, .. }
            | ConnectionRestored { name, .. }
            | ExportCreated { name, .. }
            | ExportEdited { name, .. }
            | ExportDetached { name, .. }
            | ExportAttached { name, .. }
            | ExportRemoved { name, .. }
            | ExportRestored { name, .. }
            | ExportRunStarted { name, .. }
            | ExportRunProgressed { name, .. }
            | EnrichmentCreated { name, .. }
            | EnrichmentEdited { name, .. }
            | EnrichmentDeactivated { name, .. }
            | EnrichmentActivated { name, .. }
            | EnrichmentDeleted { name, .. }
            | EnrichmentRestored { name, .. }
            | EnrichmentAttached { name, .. }
            | EnrichmentConnectionCleared { name, .. }
            | EnrichmentRunStarted { name, .. }
            | EnrichmentRunProgressed { name, .. } => Some(name),
            KeyVaultLinked { vault_name } | KeyVaultUnlinked { vault_name } => Some(vault_name),
            SecretAdded { name } | SecretRotated { name, .. } | SecretDeleted { name } | SecretReachabilityChanged { name, .. } => {
                Some(name.as_str())
            }
            EngagementLinkCreated { storage_account, .. } | EngagementLinkEdited { storage_account, .. } => Some(storage_account),
            KeyVaultReachabilityChanged { .. } | EngagementMembersChanged { .. } | EngagementLinkAvailable { .. } | EngagementLinkRemoved { .. } => None,
        }
    }
}

impl Event {
    pub fn object(&self) -> ObjectRef {
        self.kind.object()
    }

    pub fn action_key(&self) -> &'static str {
        self.kind.action_key()
    }
}
