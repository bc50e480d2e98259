//! Creating, editing, sharing, removing and restoring connections.

use std::collections::BTreeMap;

use crate::catalog::{validate_fields_with, Category, ConnectionType, FieldError, FieldKind, FieldSpec};
use crate::command::{Action, ConnectionEdit, NewConnection};
use crate::error::DomainError;
use crate::health::{HealthEntry, HealthResult};
use crate::event::{EventKind, ObjectRef};
use crate::ids::{numeric_suffix, ConnectionId, SecretName};
use crate::model::{Connection, Credential, DisplayName, SecretInput, SignIn, UsableBy};
use crate::workspace::{Acting, Workspace};

const SIGN_IN_ACCOUNT: FieldSpec =
    FieldSpec { key: "sign_in_account", label_key: "field.sign_in_account", kind: FieldKind::Text { max: 254 }, required: true };

/// The parts of a create or edit form that `check_connection_input` checks.
struct Form<'a> {
    display_name: &'a str,
    fields: &'a BTreeMap<String, String>,
    secrets: &'a BTreeMap<String, SecretInput>,
    key_vault_secrets: &'a BTreeMap<String, SecretName>,
    sign_in_account: Option<String>,
}

/// The checked editable parts of a connection.
struct Checked {
    name: DisplayName,
    fields: BTreeMap<String, String>,
    credentials: BTreeMap<String, Credential>,
    sign_in: Option<SignIn>,
}

impl Workspace {
    pub(crate) fn create_connection(&mut self, ctx: &Acting, new: NewConnection) -> Result<Vec<EventKind>, DomainError> {
        let NewConnection { display_name, type_id, fields, secrets, key_vault_secrets, usable_by, consent, sign_in_account } = new;
        ctx.require_admin(Action::ManageConnections)?;
        let spec = type_id.spec();
        if spec.category == Category::EngagementInsights {
            return Err(DomainError::UseEngagementLink);
        }
        let form = Form { display_name: &display_name, fields: &fields, secrets: &secrets, key_vault_secrets: &key_vault_secrets, sign_in_account };
        let checked = self.check_connection_input(ctx, spec, None, form)?;
        if !consent {
            return Err(DomainError::ConsentRequired);
        }
        let id = self.counters.connection();
        let connection = Connection {
            id: id.clone(),
            display_name: checked.name,
            type_id,
            fields: checked.fields,
            credentials: checked.credentials,
            usable_by: effective_usable_by(spec, usable_by),
            sign_in: checked.sign_in,
            created_by: ctx.actor.clone(),
            created_at: ctx.now,
            updated_by: ctx.actor.clone(),
            updated_at: ctx.now,
            health: Default::default(),
        };
        let event = EventKind::ConnectionCreated { id, name: connection.display_name.to_string(), type_id };
        self.counters.next_connection += 1;
        self.put_connection(connection);
        Ok(vec![event])
    }

    pub(crate) fn edit_connection(&mut self, ctx: &Acting, edit: ConnectionEdit) -> Result<Vec<EventKind>, DomainError> {
        let ConnectionEdit { id, display_name, fields, secrets, key_vault_secrets, usable_by, sign_in_account } = edit;
        ctx.require_admin(Action::ManageConnections)?;
        let existing = self.connections.get(&id).ok_or_else(|| DomainError::NotFound(ObjectRef::Connection(id.clone())))?;
        let spec = existing.type_id.spec();
        let form = Form { display_name: &display_name, fields: &fields, secrets: &secrets, key_vault_secrets: &key_vault_secrets, sign_in_account };
        let checked = self.check_connection_input(ctx, spec, Some(existing), form)?;
        let mut connection = existing.clone();
        connection.display_name = checked.name;
        connection.fields = checked.fields;
        connection.credentials = checked.credentials;
        connection.usable_by = effective_usable_by(spec, usable_by);
        if checked.sign_in.is_some() {
            connection.sign_in = checked.sign_in;
        }
        connection.updated_by = ctx.actor.clone();
        connection.updated_at = ctx.now;
        let mut events = vec![EventKind::ConnectionEdited { id: id.clone(), name: connection.display_name.to_string() }];
        if connection.usable_by != existing.usable_by {
            events.push(EventKind::ConnectionSharingChanged {
                id: id.clone(),
                name: connection.display_name.to_string(),
                usable_by: connection.usable_by,
            });
        }
        self.put_connection(connection);
        Ok(events)
    }

    pub(crate) fn set_connection_sharing(&mut self, ctx: &Acting, id: &ConnectionId, usable_by: UsableBy) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageConnections)?;
        let connection = self.connections.get_mut(id).ok_or_else(|| DomainError::NotFound(ObjectRef::Connection(id.clone())))?;
        if connection.category() != Category::Export {
            return Err(DomainError::SharingNotApplicable(id.clone()));
        }
        // Existing exports stay as they are: sharing only decides who may use it from now on.
        connection.usable_by = usable_by;
        connection.updated_by = ctx.actor.clone();
        connection.updated_at = ctx.now;
        Ok(vec![EventKind::ConnectionSharingChanged { id: id.clone(), name: connection.display_name.to_string(), usable_by }])
    }

    pub(crate) fn remove_connection(&mut self, ctx: &Acting, id: &ConnectionId) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageConnections)?;
        if !self.connections.contains_key(id) {
            return Err(DomainError::NotFound(ObjectRef::Connection(id.clone())));
        }
        let dependents = self.dependents(id);
        if !dependents.is_empty() {
            return Err(DomainError::HasDependents { connection: id.clone(), exports: named(dependents.exports), enrichments: named(dependents.enrichments) });
        }
        let mut events = Vec::new();
        // Deactivated enrichments may still name the connection; they lose it.
        let inactive: Vec<_> = self.index.enrichments_by_connection.get(id).map(|s| s.iter().cloned().collect()).unwrap_or_default();
        for enrichment_id in inactive {
            if let Some(mut enrichment) = self.enrichments.get(&enrichment_id).cloned() {
                enrichment.connection = None;
                events.push(EventKind::EnrichmentConnectionCleared { id: enrichment_id, name: enrichment.name.to_string(), connection: id.clone() });
                self.put_enrichment(enrichment);
            }
        }
        if let Some(removed) = self.take_connection(id) {
            events.push(EventKind::ConnectionRemoved { id: id.clone(), name: removed.display_name.to_string() });
        }
        Ok(events)
    }

    pub(crate) fn restore_connection(&mut self, ctx: &Acting, connection: Connection) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::Restore)?;
        if self.connections.contains_key(&connection.id) {
            return Err(DomainError::IdTaken(ObjectRef::Connection(connection.id.clone())));
        }
        let spec = connection.type_id.spec();
        if spec.category == Category::EngagementInsights {
            return Err(DomainError::UseEngagementLink);
        }
        self.check_unique_name(spec.category, &connection.display_name, None)?;
        for name in connection.vault_secrets() {
            self.check_vault_secret(spec, name)?;
        }
        // The fields must still be what this type accepts.
        let no_secrets = BTreeMap::new();
        let mut errors = match validate_fields_with(spec, &connection.fields, &no_secrets, &|key| connection.credentials.contains_key(key)) {
            Ok(_) => BTreeMap::new(),
            Err(errors) => errors,
        };
        for key in connection.credentials.keys() {
            if !spec.field(key).is_some_and(FieldSpec::is_secret) {
                errors.insert(key.clone(), FieldError::UnknownField);
            }
        }
        if !errors.is_empty() {
            return Err(DomainError::InvalidFields(errors));
        }
        if let Some(n) = numeric_suffix(connection.id.as_str()) {
            self.counters.next_connection = self.counters.next_connection.max(n);
        }
        let event = EventKind::ConnectionRestored { id: connection.id.clone(), name: connection.display_name.to_string() };
        self.put_connection(connection);
        Ok(vec![event])
    }

    /// Test connection as a command: runs the checks and records the result in the history.
    pub(crate) fn record_connection_test(&mut self, ctx: &Acting, id: &ConnectionId) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageConnections)?;
        let check = self.test_connection(&ctx.actor, id, ctx.now)?;
        let problems = u32::try_from(check.problems.len()).unwrap_or(u32::MAX);
        self.record_health(id, HealthEntry { at: ctx.now, by: ctx.actor.clone(), result: HealthResult::Test { problems } });
        Ok(vec![EventKind::ConnectionTested { id: id.clone(), name: check.display_name, problems }])
    }

    /// Whether the connection fails a check that needs no network right now (a run failing then
    /// is put down to the connection).
    pub(crate) fn connection_failing_now(&self, id: &ConnectionId, now: crate::model::Timestamp) -> bool {
        self.connections.get(id).is_some_and(|c| !self.standing_problems(c, now).is_empty())
    }

    fn check_unique_name(&self, category: Category, name: &DisplayName, except: Option<&ConnectionId>) -> Result<(), DomainError> {
        match self.index.names.get(&category).and_then(|names| names.get(&name.fold())) {
            Some(other) if Some(other) != except => Err(DomainError::DuplicateName { name: name.to_string(), category }),
            _ => Ok(()),
        }
    }

    fn check_vault_secret(&self, spec: &ConnectionType, name: &SecretName) -> Result<(), DomainError> {
        if !spec.key_vault {
            return Err(DomainError::KeyVaultNotSupported(spec.id));
        }
        let vault = self.vault.as_ref().ok_or(DomainError::NoKeyVault)?;
        if !vault.secrets.contains_key(name) {
            return Err(DomainError::SecretNotFound(name.clone()));
        }
        Ok(())
    }

    /// Checks name, fields, credentials and sign-in of a create or edit form.
    fn check_connection_input(&self, ctx: &Acting, spec: &ConnectionType, existing: Option<&Connection>, form: Form<'_>) -> Result<Checked, DomainError> {
        let Form { display_name, fields, secrets, key_vault_secrets, sign_in_account } = form;
        let name = DisplayName::parse(display_name).map_err(DomainError::InvalidName)?;
        self.check_unique_name(spec.category, &name, existing.map(|c| &c.id))?;

        // Vault choices: structural problems are errors of their own.
        let mut errors = BTreeMap::new();
        for (key, secret_name) in key_vault_secrets {
            if !spec.field(key).is_some_and(FieldSpec::is_secret) {
                errors.insert(key.clone(), FieldError::UnknownField);
                continue;
            }
            if secrets.contains_key(key) {
                errors.insert(key.clone(), FieldError::TypedAndVault);
                continue;
            }
            self.check_vault_secret(spec, secret_name)?;
        }
        // Once in the vault, a field stays there.
        if let Some(existing) = existing {
            for key in secrets.keys() {
                if matches!(existing.credentials.get(key), Some(Credential::KeyVault(_))) {
                    return Err(DomainError::CannotLeaveKeyVault { field: key.clone() });
                }
            }
        }
        let saved = |key: &str| key_vault_secrets.contains_key(key) || existing.is_some_and(|c| c.credentials.contains_key(key));
        let valid = match validate_fields_with(spec, fields, secrets, &saved) {
            Ok(valid) if errors.is_empty() => valid,
            Ok(_) => return Err(DomainError::InvalidFields(errors)),
            Err(field_errors) => {
                errors.extend(field_errors);
                return Err(DomainError::InvalidFields(errors));
            }
        };

        let mut credentials = existing.map(|c| c.credentials.clone()).unwrap_or_default();
        for (key, secret) in &valid.secrets {
            credentials.insert(key.clone(), Credential::Typed(secret.stamp(ctx.now)));
        }
        for (key, secret_name) in key_vault_secrets {
            credentials.insert(key.clone(), Credential::KeyVault(secret_name.clone()));
        }

        let sign_in = match (spec.sign_in, sign_in_account) {
            (true, Some(account)) => {
                let account = crate::catalog::validate_field(&SIGN_IN_ACCOUNT, &account)
                    .map_err(|e| DomainError::InvalidFields(BTreeMap::from([(SIGN_IN_ACCOUNT.key.to_owned(), e)])))?;
                Some(SignIn { account, expires_at: ctx.now.plus_days(spec.sign_in_valid_days) })
            }
            (true, None) if existing.is_none() => return Err(DomainError::SignInRequired),
            (true, None) => None,
            (false, Some(_)) => {
                return Err(DomainError::InvalidFields(BTreeMap::from([(SIGN_IN_ACCOUNT.key.to_owned(), FieldError::UnknownField)])));
            }
            (false, None) => None,
        };
        Ok(Checked { name, fields: valid.plain, credentials, sign_in })
    }
}

fn effective_usable_by(spec: &ConnectionType, requested: UsableBy) -> UsableBy {
    if spec.category == Category::Export { requested } else { UsableBy::AdministratorsAndContributors }
}


/// Dependents as the refusal names them.
fn named<Id>(items: Vec<(Id, crate::model::DisplayName)>) -> Vec<(Id, String)> {
    items.into_iter().map(|(id, name)| (id, name.to_string())).collect()
}
