//! What happened, for the activity log and for incremental storage. Events
//! carry ids and display names only, never a secret or anything derived from one.

use serde::de::{self, Deserializer, MapAccess, Visitor};
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

/// Stored as serde's externally tagged form, `{"<Variant>": {<fields>}}`. `Deserialize` is written
/// by hand (below), through one struct of every field a kind can have: the derive makes a visitor
/// per variant and per kind of JSON access, about 90 KB of wasm before wasm-opt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum EventKind {
    ConnectionCreated { id: ConnectionId, name: String, type_id: ConnectionTypeId },
    ConnectionEdited { id: ConnectionId, name: String },
    ConnectionSharingChanged { id: ConnectionId, name: String, usable_by: UsableBy },
    ConnectionRemoved { id: ConnectionId, name: String },
    ConnectionRestored { id: ConnectionId, name: String },
    /// Test connection ran; `problems == 0` means it passed.
    ConnectionTested { id: ConnectionId, name: String, problems: u32 },

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
            | ConnectionRestored { id, .. }
            | ConnectionTested { id, .. } => ObjectRef::Connection(id.clone()),
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
            ConnectionTested { .. } => "connection.tested",
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
            | ConnectionTested { name, .. }
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

/// Every field an [`EventKind`] variant has, each optional; unknown fields are ignored, as the
/// derive did.
#[derive(Deserialize)]
struct EventFields {
    id: Option<String>,
    name: Option<String>,
    type_id: Option<ConnectionTypeId>,
    usable_by: Option<UsableBy>,
    connection: Option<ConnectionId>,
    outcome: Option<RunOutcome>,
    vault_name: Option<String>,
    reachable: Option<bool>,
    version: Option<u32>,
    storage_account: Option<String>,
    members: Option<usize>,
    problems: Option<u32>,
}

impl EventFields {
    fn into_kind(mut self, tag: &str) -> Result<EventKind, String> {
        macro_rules! take {
            ($field:ident) => {
                self.$field.take().ok_or_else(|| format!("missing field `{}` in {tag}", stringify!($field)))?
            };
        }
        use EventKind::*;
        Ok(match tag {
            "ConnectionCreated" => ConnectionCreated { id: ConnectionId::new(take!(id)), name: take!(name), type_id: take!(type_id) },
            "ConnectionEdited" => ConnectionEdited { id: ConnectionId::new(take!(id)), name: take!(name) },
            "ConnectionSharingChanged" => ConnectionSharingChanged { id: ConnectionId::new(take!(id)), name: take!(name), usable_by: take!(usable_by) },
            "ConnectionRemoved" => ConnectionRemoved { id: ConnectionId::new(take!(id)), name: take!(name) },
            "ConnectionRestored" => ConnectionRestored { id: ConnectionId::new(take!(id)), name: take!(name) },
            "ConnectionTested" => ConnectionTested { id: ConnectionId::new(take!(id)), name: take!(name), problems: take!(problems) },
            "ExportCreated" => ExportCreated { id: ExportId::new(take!(id)), name: take!(name), connection: take!(connection) },
            "ExportEdited" => ExportEdited { id: ExportId::new(take!(id)), name: take!(name) },
            "ExportDetached" => ExportDetached { id: ExportId::new(take!(id)), name: take!(name), connection: take!(connection) },
            "ExportAttached" => ExportAttached { id: ExportId::new(take!(id)), name: take!(name), connection: take!(connection) },
            "ExportRemoved" => ExportRemoved { id: ExportId::new(take!(id)), name: take!(name) },
            "ExportRestored" => ExportRestored { id: ExportId::new(take!(id)), name: take!(name) },
            "ExportRunStarted" => ExportRunStarted { id: ExportId::new(take!(id)), name: take!(name) },
            "ExportRunProgressed" => ExportRunProgressed { id: ExportId::new(take!(id)), name: take!(name), outcome: take!(outcome) },
            "EnrichmentCreated" => EnrichmentCreated { id: EnrichmentId::new(take!(id)), name: take!(name), connection: take!(connection) },
            "EnrichmentEdited" => EnrichmentEdited { id: EnrichmentId::new(take!(id)), name: take!(name) },
            "EnrichmentDeactivated" => EnrichmentDeactivated { id: EnrichmentId::new(take!(id)), name: take!(name) },
            "EnrichmentActivated" => EnrichmentActivated { id: EnrichmentId::new(take!(id)), name: take!(name) },
            "EnrichmentDeleted" => EnrichmentDeleted { id: EnrichmentId::new(take!(id)), name: take!(name) },
            "EnrichmentRestored" => EnrichmentRestored { id: EnrichmentId::new(take!(id)), name: take!(name) },
            "EnrichmentAttached" => EnrichmentAttached { id: EnrichmentId::new(take!(id)), name: take!(name), connection: take!(connection) },
            "EnrichmentConnectionCleared" => {
                EnrichmentConnectionCleared { id: EnrichmentId::new(take!(id)), name: take!(name), connection: take!(connection) }
            }
            "EnrichmentRunStarted" => EnrichmentRunStarted { id: EnrichmentId::new(take!(id)), name: take!(name) },
            "EnrichmentRunProgressed" => EnrichmentRunProgressed { id: EnrichmentId::new(take!(id)), name: take!(name), outcome: take!(outcome) },
            "KeyVaultLinked" => KeyVaultLinked { vault_name: take!(vault_name) },
            "KeyVaultUnlinked" => KeyVaultUnlinked { vault_name: take!(vault_name) },
            "KeyVaultReachabilityChanged" => KeyVaultReachabilityChanged { reachable: take!(reachable) },
            "SecretAdded" => SecretAdded { name: SecretName::new(take!(name)) },
            "SecretRotated" => SecretRotated { name: SecretName::new(take!(name)), version: take!(version) },
            "SecretDeleted" => SecretDeleted { name: SecretName::new(take!(name)) },
            "SecretReachabilityChanged" => SecretReachabilityChanged { name: SecretName::new(take!(name)), reachable: take!(reachable) },
            "EngagementLinkCreated" => EngagementLinkCreated { id: EngagementLinkId::new(take!(id)), storage_account: take!(storage_account) },
            "EngagementLinkEdited" => EngagementLinkEdited { id: EngagementLinkId::new(take!(id)), storage_account: take!(storage_account) },
            "EngagementMembersChanged" => EngagementMembersChanged { id: EngagementLinkId::new(take!(id)), members: take!(members) },
            "EngagementLinkAvailable" => EngagementLinkAvailable { id: EngagementLinkId::new(take!(id)) },
            "EngagementLinkRemoved" => EngagementLinkRemoved { id: EngagementLinkId::new(take!(id)) },
            other => return Err(format!("unknown event kind `{other}`")),
        })
    }
}

impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KindVisitor;
        impl<'de> Visitor<'de> for KindVisitor {
            type Value = EventKind;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an event kind, {\"<Kind>\": {…}}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EventKind, A::Error> {
                let Some(tag) = map.next_key::<String>()? else { return Err(de::Error::custom("an event kind with no name")) };
                let kind = map.next_value::<EventFields>()?.into_kind(&tag).map_err(de::Error::custom)?;
                if map.next_key::<String>()?.is_some() {
                    return Err(de::Error::custom("an event kind with more than one name"));
                }
                Ok(kind)
            }
        }
        deserializer.deserialize_map(KindVisitor)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_in_the_derived_format() {
        let kind = EventKind::SecretRotated { name: SecretName::new("api-key"), version: 3 };
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, r#"{"SecretRotated":{"name":"api-key","version":3}}"#);
        assert_eq!(serde_json::from_str::<EventKind>(&json).unwrap(), kind);
    }

    #[test]
    fn unknown_kinds_and_missing_fields_are_refused() {
        let unknown = serde_json::from_str::<EventKind>(r#"{"Teleported":{"id":"c-1"}}"#).unwrap_err();
        assert!(unknown.to_string().contains("unknown event kind `Teleported`"), "{unknown}");
        let missing = serde_json::from_str::<EventKind>(r#"{"ConnectionEdited":{"id":"c-1"}}"#).unwrap_err();
        assert!(missing.to_string().contains("missing field `name`"), "{missing}");
        assert!(serde_json::from_str::<EventKind>(r#"{"KeyVaultLinked":{"vault_name":"v"},"KeyVaultUnlinked":{"vault_name":"v"}}"#).is_err());
    }
}
