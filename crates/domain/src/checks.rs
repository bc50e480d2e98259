//! "Test connection": re-runs, offline, every check a saved connection must
//! still pass: each field's format, that every required secret is saved,
//! that vault secrets can be reached, and that a provider sign-in is current.
//! It only reads the workspace, so it is a query rather than a command.

use serde::Serialize;

use crate::catalog::{validate_field, FieldError};
use crate::command::Action;
use crate::error::DomainError;
use crate::event::ObjectRef;
use crate::ids::{ConnectionId, SecretName, UserId};
use crate::model::{Connection, Credential, Role, Timestamp};
use crate::workspace::Workspace;

/// One thing that would make the connection fail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum CheckProblem {
    /// A saved plain value no longer passes its field's format check.
    InvalidField { field: String, #[serde(skip)] error: FieldError },
    /// A required secret field has no saved secret.
    SecretMissing { field: String },
    /// The field takes its secret from the Key Vault, but none is linked.
    NoKeyVault { field: String },
    /// The linked Key Vault cannot be reached.
    VaultUnreachable { field: String },
    /// The vault has no secret of that name any more.
    SecretNotFound { field: String, secret: SecretName },
    /// The vault secret exists but cannot be read.
    SecretUnreachable { field: String, secret: SecretName },
    /// The type signs in at the provider, and nobody has.
    SignInMissing,
    /// The provider sign-in ran out; renew it with Edit.
    SignInExpired { account: String, expired_at: Timestamp },
}

/// The outcome of "Test connection".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectionCheck {
    pub connection: ConnectionId,
    pub display_name: String,
    pub checked_at: Timestamp,
    /// How many separate checks ran (fields, secrets, sign-in).
    pub checks_run: usize,
    pub problems: Vec<CheckProblem>,
}

impl ConnectionCheck {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Workspace {
    /// Runs the offline checks of connection `id`. Administrators only: the
    /// result talks about fields that other roles may not see.
    pub fn test_connection(&self, viewer: &UserId, id: &ConnectionId, now: Timestamp) -> Result<ConnectionCheck, DomainError> {
        let role = self.users.get(viewer).ok_or_else(|| DomainError::UnknownActor(viewer.clone()))?.role;
        if role != Role::Administrator {
            return Err(DomainError::NotAllowed { action: Action::ManageConnections, role });
        }
        let connection = self.connections.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::Connection(id.clone())))?;
        let spec = connection.type_id.spec();
        let mut problems = Vec::new();
        for field in spec.plain_fields() {
            let saved = connection.fields.get(field.key).map(String::as_str).unwrap_or("");
            if let Err(error) = validate_field(field, saved) {
                problems.push(CheckProblem::InvalidField { field: field.key.to_owned(), error });
            }
        }
        problems.extend(self.standing_problems(connection, now));
        // One check per field (plain and secret), and one for the sign-in.
        let checks_run = spec.plain_fields().count() + spec.secret_fields().count() + usize::from(spec.sign_in);

        Ok(ConnectionCheck { connection: id.clone(), display_name: connection.display_name.to_string(), checked_at: now, checks_run, problems })
    }
}

impl Workspace {
    /// The checks that need no network and can change without an edit: each secret (saved, and
    /// for vault secrets the vault and the secret reachable) and the provider sign-in. Health
    /// uses these; Test connection adds the field formats.
    pub(crate) fn standing_problems(&self, connection: &Connection, now: Timestamp) -> Vec<CheckProblem> {
        let spec = connection.type_id.spec();
        let mut problems = Vec::new();
        for field in spec.secret_fields() {
            let key = field.key.to_owned();
            match connection.credentials.get(field.key) {
                None if field.required => problems.push(CheckProblem::SecretMissing { field: key }),
                None | Some(Credential::Typed(_)) => {}
                Some(Credential::KeyVault(secret)) => match &self.vault {
                    None => problems.push(CheckProblem::NoKeyVault { field: key }),
                    Some(vault) if !vault.reachable => problems.push(CheckProblem::VaultUnreachable { field: key }),
                    Some(vault) => match vault.secrets.get(secret) {
                        None => problems.push(CheckProblem::SecretNotFound { field: key, secret: secret.clone() }),
                        Some(s) if !s.reachable => problems.push(CheckProblem::SecretUnreachable { field: key, secret: secret.clone() }),
                        Some(_) => {}
                    },
                },
            }
        }
        if spec.sign_in {
            match &connection.sign_in {
                None => problems.push(CheckProblem::SignInMissing),
                Some(sign_in) if sign_in.expires_at <= now => {
                    problems.push(CheckProblem::SignInExpired { account: sign_in.account.clone(), expired_at: sign_in.expires_at })
                }
                Some(_) => {}
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::sample::{ADMIN_1, CONTRIBUTOR_1, VIEWER_1};

    const NOW: Timestamp = Timestamp(1_763_900_000_000);

    fn named(ws: &Workspace, name: &str) -> ConnectionId {
        ws.connections().find(|c| c.display_name.as_str() == name).map(|c| c.id.clone()).expect("sample connection")
    }

    #[test]
    fn a_healthy_typed_connection_passes_every_check() {
        let ws = Workspace::sample(NOW);
        let check = ws.test_connection(&UserId::new(ADMIN_1), &named(&ws, "Contoso data lake"), NOW).unwrap();
        assert!(check.passed(), "{:?}", check.problems);
        assert_eq!(check.checks_run, 3, "account name, container and account key");
        assert_eq!(check.checked_at, NOW);
    }

    #[test]
    fn an_unreachable_vault_secret_is_reported_by_field_and_name() {
        let ws = Workspace::sample(NOW);
        let check = ws.test_connection(&UserId::new(ADMIN_1), &named(&ws, "Email journeys"), NOW).unwrap();
        assert_eq!(
            check.problems,
            vec![CheckProblem::SecretUnreachable { field: "api_key".into(), secret: SecretName::new("klaviyo-api-key") }]
        );
    }

    #[test]
    fn an_unreachable_vault_is_reported_for_every_vault_field() {
        let mut ws = Workspace::sample(NOW);
        ws.apply(&UserId::new(ADMIN_1), Command::SetVaultReachable { reachable: false }, NOW).unwrap();
        let check = ws.test_connection(&UserId::new(ADMIN_1), &named(&ws, "Marketing SFTP"), NOW).unwrap();
        assert_eq!(check.problems, vec![CheckProblem::VaultUnreachable { field: "password".into() }]);
    }

    #[test]
    fn an_expired_sign_in_is_reported_with_its_account() {
        let ws = Workspace::sample(NOW);
        let id = named(&ws, "Social reach");
        let later = NOW.plus_days(400);
        let check = ws.test_connection(&UserId::new(ADMIN_1), &id, later).unwrap();
        assert!(matches!(&check.problems[..], [CheckProblem::SignInExpired { account, .. }] if account == "social@contoso.com"), "{:?}", check.problems);
        assert!(ws.test_connection(&UserId::new(ADMIN_1), &id, NOW).unwrap().passed());
    }

    #[test]
    fn only_administrators_may_test_and_unknown_ids_are_not_found() {
        let ws = Workspace::sample(NOW);
        let id = named(&ws, "Contoso data lake");
        for user in [CONTRIBUTOR_1, VIEWER_1] {
            assert!(matches!(ws.test_connection(&UserId::new(user), &id, NOW), Err(DomainError::NotAllowed { .. })));
        }
        assert!(matches!(ws.test_connection(&UserId::new(ADMIN_1), &ConnectionId::new("c-999"), NOW), Err(DomainError::NotFound(_))));
    }
}
