//! The objects of the Connections area and the values they are made of.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::catalog::{Category, ConnectionTypeId};
use crate::health::HealthHistory;
use crate::ids::{ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};

/// Unix time in milliseconds; always passed in by the caller.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

    pub fn plus_days(self, days: u32) -> Timestamp {
        Timestamp(self.0.saturating_add(i64::from(days).saturating_mul(Self::DAY_MS)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Administrator,
    Contributor,
    Viewer,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Administrator => "administrator",
            Role::Contributor => "contributor",
            Role::Viewer => "viewer",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub role: Role,
}

/// Why a display name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("Enter a name.")]
    Empty,
    #[error("Use at most {max} characters for the name.")]
    TooLong { max: usize },
    #[error("Remove line breaks, tabs and other control characters from the name.")]
    ControlCharacters,
}

/// A trimmed, non-empty name of at most 100 characters without control
/// characters. [`DisplayName::parse`] is the only way to make one (stored
/// records go through it too), so every `DisplayName` in the state is valid.
///
/// Held as a `SmolStr`: most names fit inline (up to 23 bytes), so reading 120,000 of them at
/// cold start allocates nothing for most.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DisplayName(SmolStr);

impl Serialize for DisplayName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Stored names go through the same check as typed ones. A stored name is already trimmed, so
/// its string is kept rather than copied.
impl<'de> Deserialize<'de> for DisplayName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = SmolStr::deserialize(deserializer)?;
        let trimmed = DisplayName::checked(&raw).map_err(serde::de::Error::custom)?.len();
        Ok(if trimmed == raw.len() { DisplayName(raw) } else { DisplayName(SmolStr::new(raw.trim())) })
    }
}

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str) -> Result<DisplayName, NameError> {
        Self::checked(raw).map(|name| DisplayName(SmolStr::new(name)))
    }

    /// The trimmed name, when it is a valid one.
    fn checked(raw: &str) -> Result<&str, NameError> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(NameError::TooLong { max: Self::MAX_CHARS });
        }
        if name.chars().any(char::is_control) {
            return Err(NameError::ControlCharacters);
        }
        Ok(name)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key used for "unique regardless of case".
    pub fn fold(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// A secret as a user typed it. It cannot be displayed, serialised or
/// debug-printed. Commands check its format and then keep only a
/// [`SecretStamp`], which holds nothing derived from the value, so neither the
/// plaintext nor anything to test a guess against reaches the state, an event,
/// a record or a view.
#[derive(Clone)]
pub struct SecretInput(String);

impl SecretInput {
    pub fn new(value: impl Into<String>) -> Self {
        SecretInput(value.into())
    }

    /// Only for format checks inside this crate.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// What is kept once the secret is saved at `at`: only the time.
    pub fn stamp(&self, at: Timestamp) -> SecretStamp {
        SecretStamp { set_at: at }
    }
}

impl fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretInput(••••)")
    }
}

/// What is kept of a typed secret: that one is saved, and when it was last
/// set. Nothing derived from the value (no hash, no length) is kept, stored,
/// exported or downloaded, so no record lets anyone check a guess offline.
/// (The value itself would live in a real secret store; this demo drops it.)
///
/// Records written before this type carried `length` and `checksum` too;
/// they still decode (unknown fields are ignored) and are written back
/// without them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretStamp {
    pub set_at: Timestamp,
}

/// Who may build exports on an export connection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UsableBy {
    #[default]
    AdministratorsOnly,
    AdministratorsAndContributors,
}

/// A simulated OAuth sign-in at the provider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    pub account: String,
    pub expires_at: Timestamp,
}

/// Where a connection's secret field gets its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Credential {
    Typed(SecretStamp),
    KeyVault(SecretName),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub id: ConnectionId,
    pub display_name: DisplayName,
    pub type_id: ConnectionTypeId,
    /// Plain (non-secret) field values, already validated.
    pub fields: BTreeMap<String, String>,
    /// One entry per saved secret field.
    pub credentials: BTreeMap<String, Credential>,
    /// Only meaningful for export connections; enrichment connections are
    /// always stored as usable by both roles.
    pub usable_by: UsableBy,
    pub sign_in: Option<SignIn>,
    pub created_by: UserId,
    pub created_at: Timestamp,
    pub updated_by: UserId,
    pub updated_at: Timestamp,
    /// Tests and run outcomes, newest 20 (see [`crate::health`]). Records without it read as none.
    /// Always written: the snapshot's binary form has no field names, so it cannot skip a field.
    #[serde(default)]
    pub health: HealthHistory,
}

impl Connection {
    pub fn category(&self) -> Category {
        self.type_id.spec().category
    }

    pub fn shared_with_contributors(&self) -> bool {
        self.category() != Category::Export || self.usable_by == UsableBy::AdministratorsAndContributors
    }

    pub fn vault_secrets(&self) -> impl Iterator<Item = &SecretName> {
        self.credentials.values().filter_map(|c| match c {
            Credential::KeyVault(name) => Some(name),
            Credential::Typed(_) => None,
        })
    }

    pub fn uses_vault(&self) -> bool {
        self.vault_secrets().next().is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExportKind {
    /// A whole table or entity sent out.
    DataOut,
    /// A customer segment sent out.
    Segment,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Schedule {
    /// Runs after each system refresh.
    WithEachRefresh,
    /// Runs every `every_hours` hours (1 to 168).
    Recurring { every_hours: u32 },
    /// Runs only when someone selects Run.
    OnDemand,
}

impl Schedule {
    pub fn is_valid(&self) -> bool {
        match self {
            Schedule::Recurring { every_hours } => (1..=168).contains(every_hours),
            _ => true,
        }
    }
}

/// The status list of the portal's export and enrichment pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RunStatus {
    NotStarted,
    Queued,
    Processing,
    Refreshing,
    Successful,
    Skipped,
    /// The real portal's status list has both `Failure` and `Failed` (shared/reference). The
    /// demo's runs end in `Failed`; `Failure` is never produced here, only kept so that the
    /// status filter lists what the real one does and a store holding it still reads.
    Failure,
    /// A run that ended without sending its data: where every simulated failure ends.
    Failed,
    Canceled,
}

pub type ExportStatus = RunStatus;
pub type EnrichmentStatus = RunStatus;

impl RunStatus {
    /// Every status, in declaration order (`status as usize` is its place here).
    pub const ALL: [RunStatus; 9] = [
        RunStatus::NotStarted,
        RunStatus::Queued,
        RunStatus::Processing,
        RunStatus::Refreshing,
        RunStatus::Successful,
        RunStatus::Skipped,
        RunStatus::Failure,
        RunStatus::Failed,
        RunStatus::Canceled,
    ];

    pub fn is_running(self) -> bool {
        matches!(self, RunStatus::Queued | RunStatus::Processing | RunStatus::Refreshing)
    }
}

/// The next step of a simulated run, sent by the UI after `Run…`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RunOutcome {
    /// Queued → Processing (the run goes on).
    Processing,
    Successful,
    Skipped,
    Failed,
    Canceled,
}

impl RunOutcome {
    pub fn status(self) -> RunStatus {
        match self {
            RunOutcome::Processing => RunStatus::Processing,
            RunOutcome::Successful => RunStatus::Successful,
            RunOutcome::Skipped => RunStatus::Skipped,
            RunOutcome::Failed => RunStatus::Failed,
            RunOutcome::Canceled => RunStatus::Canceled,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub id: ExportId,
    pub name: DisplayName,
    pub kind: ExportKind,
    /// `None` = detached: the configuration is kept but the export is
    /// inactive and does not run ("No connection").
    pub connection: Option<ConnectionId>,
    pub schedule: Schedule,
    pub status: ExportStatus,
    pub last_refreshed: Option<Timestamp>,
    pub owner: UserId,
    pub created_at: Timestamp,
    /// The latest run failed while its connection was failing its checks.
    #[serde(default)]
    pub failed_on_connection: bool,
}

impl Export {
    pub fn is_active(&self) -> bool {
        self.connection.is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrichment {
    pub id: EnrichmentId,
    pub name: DisplayName,
    pub provider: ConnectionTypeId,
    /// Kept while deactivated; cleared when its connection is removed.
    pub connection: Option<ConnectionId>,
    /// Inactive enrichments keep their last data but skip refreshes.
    pub active: bool,
    pub enriched_customers: u64,
    pub last_refresh: Option<Timestamp>,
    pub status: EnrichmentStatus,
    pub owner: UserId,
    pub created_at: Timestamp,
    /// The latest run failed while its connection was failing its checks.
    #[serde(default)]
    pub failed_on_connection: bool,
}

/// One version of a vault secret: its number and when it was set, nothing
/// derived from its value. (Older records also carry a `fingerprint` with a
/// length and checksum; it is ignored on read and not written back.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretVersion {
    pub version: u32,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VaultSecret {
    /// Oldest first; never empty.
    pub versions: Vec<SecretVersion>,
    pub reachable: bool,
}

/// The organisation's own Key Vault (at most one is linked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyVault {
    pub subscription: String,
    pub vault_name: String,
    pub linked_by: UserId,
    pub linked_at: Timestamp,
    pub reachable: bool,
    pub secrets: BTreeMap<SecretName, VaultSecret>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkStatus {
    /// Data is on its way (can take hours).
    Pending,
    Available,
}

/// The audience-insights link of engagement insights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngagementLink {
    pub id: EngagementLinkId,
    pub storage_account: String,
    pub shared_key: SecretStamp,
    pub environment_id: String,
    pub instance_folder: String,
    pub created_by: UserId,
    /// Who may open the profile report; starts with the creator.
    pub members: BTreeSet<UserId>,
    pub status: LinkStatus,
    pub status_changed_at: Timestamp,
}
