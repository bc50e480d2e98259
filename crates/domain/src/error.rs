//! Why a command was refused. Each message says what to do next; the app
//! translates by variant.

use std::collections::BTreeMap;

use crate::catalog::{Category, ConnectionTypeId, FieldError};
use crate::command::Action;
use crate::event::ObjectRef;
use crate::ids::{ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{NameError, Role};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("Your role ({role}) may not {action}. Ask an administrator.")]
    NotAllowed { action: Action, role: Role },
    #[error("The user {0} is not known. Sign in as one of the portal's users.")]
    UnknownActor(UserId),
    #[error("{0:?} was not found. Refresh the list; it may have been removed.")]
    NotFound(ObjectRef),
    #[error("Select at least one item first.")]
    EmptySelection,
    #[error("The same item was selected twice ({0:?}). Select each item once.")]
    DuplicateSelection(ObjectRef),
    #[error("Read the data privacy statement and select I agree to save.")]
    ConsentRequired,
    #[error("{0}")]
    InvalidName(NameError),
    #[error("Another {category:?} connection is already called \"{name}\". Choose a different display name.")]
    DuplicateName { name: String, category: Category },
    #[error("Correct the highlighted fields: {}.", .0.keys().cloned().collect::<Vec<_>>().join(", "))]
    InvalidFields(BTreeMap<String, FieldError>),
    #[error("Choose a schedule of 1 to 168 hours.")]
    InvalidSchedule,
    #[error("Sign in at the provider first.")]
    SignInRequired,
    #[error(
        "This connection is still used by {} export(s) and {} enrichment(s). Remove or detach the exports and delete or deactivate the enrichments, then try again.",
        .exports.len(), .enrichments.len()
    )]
    HasDependents { connection: ConnectionId, exports: Vec<(ExportId, String)>, enrichments: Vec<(EnrichmentId, String)> },
    #[error("Audience insights links are set up under Engagement insights, not as a connection.")]
    UseEngagementLink,
    #[error("Only export connections have a sharing setting; enrichment connections are always usable by administrators and contributors.")]
    SharingNotApplicable(ConnectionId),
    #[error("This connection is not shared with contributors. Ask an administrator to share it or choose another connection.")]
    ConnectionNotShared(ConnectionId),
    #[error("A {found:?} connection can't be used here; choose a {expected:?} connection.")]
    WrongCategory { connection: ConnectionId, expected: Category, found: Category },
    #[error("This enrichment needs a {expected} connection, not {found}. Choose a connection of the enrichment's provider.")]
    WrongProvider { expected: ConnectionTypeId, found: ConnectionTypeId },
    #[error("The export has no connection. Add a connection to it first.")]
    ExportDetached(ExportId),
    #[error("The enrichment is inactive or has no connection. Activate it or add a connection first.")]
    EnrichmentInactive(EnrichmentId),
    #[error("The enrichment has no connection. Add a connection to activate it.")]
    EnrichmentWithoutConnection(EnrichmentId),
    #[error("A run is already in progress. Wait for it to finish.")]
    AlreadyRunning(ObjectRef),
    #[error("No run is in progress. Start a run first.")]
    NotRunning(ObjectRef),
    #[error("{0} can't keep secrets in a Key Vault. Type the secret instead.")]
    KeyVaultNotSupported(ConnectionTypeId),
    #[error("No Key Vault is linked. Link your Key Vault first.")]
    NoKeyVault,
    #[error("A Key Vault is already linked. Unlink it before linking another.")]
    KeyVaultAlreadyLinked,
    #[error("The Key Vault has no secret called {0}. Add it to the vault or choose another.")]
    SecretNotFound(SecretName),
    #[error("The Key Vault already has a secret called {0}. Rotate it instead or choose another name.")]
    SecretExists(SecretName),
    #[error("The field {field} uses the Key Vault and can't switch back to a typed secret. Choose another vault secret instead.")]
    CannotLeaveKeyVault { field: String },
    #[error("The secret {secret} is used by {} connection(s). Edit them to use another secret first.", .connections.len())]
    SecretInUse { secret: SecretName, connections: Vec<(ConnectionId, String)> },
    #[error("The Key Vault is used by {} connection(s). Remove those connections first.", .connections.len())]
    KeyVaultInUse { connections: Vec<(ConnectionId, String)> },
    #[error("Keep at least one member who can open the report.")]
    LastMember(EngagementLinkId),
    #[error("The administrator who created the link stays a member until another administrator is added to take over.")]
    CreatorNeedsReplacement(EngagementLinkId),
    #[error("The user {0} is not known. Choose members from the portal's users.")]
    UnknownUser(UserId),
    #[error("The link's data is already available.")]
    AlreadyAvailable(EngagementLinkId),
    #[error("{0:?} already exists, so it can't be restored. Refresh the list.")]
    IdTaken(ObjectRef),
    #[error("The connection {0} no longer exists, so this can't be restored. Restore the connection first or restore without it.")]
    ConnectionGone(ConnectionId),
}
