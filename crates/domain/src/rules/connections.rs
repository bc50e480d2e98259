//! Creating, editing, sharing, removing and restoring connections.

use std::collections::BTreeMap;

use crate::catalog::{validate_fields_with, Category, ConnectionType, FieldError, FieldKind, FieldSpec};
use crate::command::{Action, ConnectionEdit, NewConnection};
use crate::error::DomainError;
use crate::health::{HealthEntry, HealthResult};
use crate::event::{EventKind, ObjectRef};
use crate::catalog::ConnectionTypeId;
use crate::ids::{numeric_suffix, ConnectionId, SecretName};
use crate::model::{Connection, Credential, DisplayName, NameError, SecretInput, SignIn, UsableBy};
use crate::workspace::{Acting, Workspace};

const SIGN_IN_ACCOUNT: FieldSpec =
    FieldSpec { key: "sign_in_account", label_key: "field.sign_in_account", kind: FieldKind::Text { max: 254 }, required: true };

/// What a create or edit form holds, as `Workspace::connection_input_problems` checks it. The
/// set-up pane builds one from what is typed so far; `apply` builds one from the command.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionInput<'a> {
    /// The chosen type; `None` while the pane has none (ignored when editing: the connection's own).
    pub type_id: Option<ConnectionTypeId>,
    /// The connection being edited; `None` for a new one (Add, Duplicate).
    pub editing: Option<&'a ConnectionId>,
    pub display_name: &'a str,
    pub fields: &'a BTreeMap<String, String>,
    /// Typed secrets. A secret left out keeps the saved one (editing) or is missing.
    pub secrets: &'a BTreeMap<String, SecretInput>,
    pub key_vault_secrets: &'a BTreeMap<String, SecretName>,
    pub sign_in_account: Option<&'a str>,
    /// "I agree" to the data-privacy statement (new connections only).
    pub consent: bool,
}

/// Input keys of a connection form that are not catalogue fields.
pub const INPUT_TYPE: &str = "type";
pub const INPUT_NAME: &str = "display_name";
pub const INPUT_SIGN_IN: &str = "sign_in_account";
pub const INPUT_CONSENT: &str = "consent";
/// A refusal of the whole form rather than of one control (the connection being edited was
/// removed meanwhile, perhaps in another tab).
pub const INPUT_FORM: &str = "form";

/// Why one control of a connection form is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// No connection type is chosen yet.
    TypeRequired,
    Name(NameError),
    Field(FieldError),
    /// A refusal `apply` would give, about this control.
    Refused(DomainError),
}

/// Every problem of a connection form, keyed by control: a catalogue field's key or one of the
/// `INPUT_*` keys. Empty when `apply` would accept the input.
pub type InputProblems = BTreeMap<String, InputProblem>;

/// The refusal `apply` gives for a form with these problems, checked in this order: the whole
/// form, type, name, the vault, leaving the vault, field formats, sign-in, consent.
fn refusal_of(mut problems: InputProblems) -> Option<DomainError> {
    let take = |problems: &mut InputProblems, key: &str| problems.remove(key);
    for key in [INPUT_FORM, INPUT_TYPE, INPUT_NAME] {
        match take(&mut problems, key) {
            Some(InputProblem::Refused(error)) => return Some(error),
            Some(InputProblem::Name(error)) => return Some(DomainError::InvalidName(error)),
            Some(InputProblem::TypeRequired) => return Some(DomainError::InvalidFields(BTreeMap::from([(INPUT_TYPE.to_owned(), FieldError::Required)]))),
            Some(InputProblem::Field(_)) | None => {}
        }
    }
    let first = |problems: &InputProblems, pick: &dyn Fn(&DomainError) -> bool| {
        problems.values().find_map(|p| match p {
            InputProblem::Refused(error) if pick(error) => Some(error.clone()),
            _ => None,
        })
    };
    let vault = |e: &DomainError| matches!(e, DomainError::KeyVaultNotSupported(_) | DomainError::NoKeyVault | DomainError::SecretNotFound(_));
    if let Some(error) = first(&problems, &vault) {
        return Some(error);
    }
    if let Some(error) = first(&problems, &|e| matches!(e, DomainError::CannotLeaveKeyVault { .. })) {
        return Some(error);
    }
    let fields: BTreeMap<String, FieldError> = problems
        .iter()
        .filter_map(|(key, p)| match p {
            InputProblem::Field(error) => Some((key.clone(), error.clone())),
            _ => None,
        })
        .collect();
    if !fields.is_empty() {
        return Some(DomainError::InvalidFields(fields));
    }
    [INPUT_SIGN_IN, INPUT_CONSENT].into_iter().find_map(|key| match take(&mut problems, key) {
        Some(InputProblem::Refused(error)) => Some(error),
        _ => None,
    })
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
        let input = ConnectionInput {
            type_id: Some(type_id),
            editing: None,
            display_name: &display_name,
            fields: &fields,
            secrets: &secrets,
            key_vault_secrets: &key_vault_secrets,
            sign_in_account: sign_in_account.as_deref(),
            consent,
        };
        let checked = self.checked_connection_input(ctx, spec, None, input)?;
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
        let input = ConnectionInput {
            type_id: Some(existing.type_id),
            editing: Some(&id),
            display_name: &display_name,
            fields: &fields,
            secrets: &secrets,
            key_vault_secrets: &key_vault_secrets,
            sign_in_account: sign_in_account.as_deref(),
            consent: false,
        };
        let checked = self.checked_connection_input(ctx, spec, Some(existing), input)?;
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
        if !spec.is_connection() {
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

    /// Every problem of a connection form, per control, by the rules `apply` keeps for
    /// `CreateConnection` and `EditConnection` (not who may send them): a type that is a
    /// connection, the name's format and uniqueness, each field's format, a required secret
    /// typed, picked from the vault or already saved, vault picks that exist, a field once in
    /// the vault staying there, the sign-in of a new connection, and consent to a new one.
    pub fn connection_input_problems(&self, input: &ConnectionInput<'_>) -> InputProblems {
        let mut found = InputProblems::new();
        let existing = input.editing.and_then(|id| self.connections.get(id));
        if let Some(id) = input.editing.filter(|_| existing.is_none()) {
            found.insert(INPUT_FORM.to_owned(), InputProblem::Refused(DomainError::NotFound(ObjectRef::Connection(id.clone()))));
            return found;
        }
        if input.editing.is_none() && !input.consent {
            found.insert(INPUT_CONSENT.to_owned(), InputProblem::Refused(DomainError::ConsentRequired));
        }
        let Some(type_id) = existing.map(|c| c.type_id).or(input.type_id) else {
            found.insert(INPUT_TYPE.to_owned(), InputProblem::TypeRequired);
            return found;
        };
        let spec = type_id.spec();
        if !spec.is_connection() {
            found.insert(INPUT_TYPE.to_owned(), InputProblem::Refused(DomainError::UseEngagementLink));
            return found;
        }
        match DisplayName::parse(input.display_name) {
            Err(error) => {
                found.insert(INPUT_NAME.to_owned(), InputProblem::Name(error));
            }
            Ok(name) => {
                if let Err(error) = self.check_unique_name(spec.category, &name, existing.map(|c| &c.id)) {
                    found.insert(INPUT_NAME.to_owned(), InputProblem::Refused(error));
                }
            }
        }

        // Vault choices: structural problems are field errors, a missing vault or secret a refusal.
        for (key, secret_name) in input.key_vault_secrets {
            let problem = if !spec.field(key).is_some_and(FieldSpec::is_secret) {
                Some(InputProblem::Field(FieldError::UnknownField))
            } else if input.secrets.contains_key(key) {
                Some(InputProblem::Field(FieldError::TypedAndVault))
            } else {
                self.check_vault_secret(spec, secret_name).err().map(InputProblem::Refused)
            };
            if let Some(problem) = problem {
                found.insert(key.clone(), problem);
            }
        }
        let saved = |key: &str| input.key_vault_secrets.contains_key(key) || existing.is_some_and(|c| c.credentials.contains_key(key));
        if let Err(errors) = validate_fields_with(spec, input.fields, input.secrets, &saved) {
            found.extend(errors.into_iter().map(|(key, error)| (key, InputProblem::Field(error))));
        }
        // Once in the vault, a field stays there.
        if let Some(existing) = existing {
            for key in input.secrets.keys() {
                if matches!(existing.credentials.get(key), Some(Credential::KeyVault(_))) {
                    found.insert(key.clone(), InputProblem::Refused(DomainError::CannotLeaveKeyVault { field: key.clone() }));
                }
            }
        }

        let sign_in = match (spec.sign_in, input.sign_in_account) {
            (true, Some(account)) => crate::catalog::validate_field(&SIGN_IN_ACCOUNT, account).err().map(InputProblem::Field),
            (true, None) if existing.is_none() => Some(InputProblem::Refused(DomainError::SignInRequired)),
            (false, Some(_)) => Some(InputProblem::Field(FieldError::UnknownField)),
            (true | false, None) => None,
        };
        if let Some(problem) = sign_in {
            found.insert(INPUT_SIGN_IN.to_owned(), problem);
        }
        found
    }

    /// Checks a create or edit form (`connection_input_problems`) and gives its checked parts.
    fn checked_connection_input(
        &self,
        ctx: &Acting,
        spec: &ConnectionType,
        existing: Option<&Connection>,
        input: ConnectionInput<'_>,
    ) -> Result<Checked, DomainError> {
        if let Some(error) = refusal_of(self.connection_input_problems(&input)) {
            return Err(error);
        }
        let checked = (|| {
            let name = DisplayName::parse(input.display_name).ok()?;
            let saved = |key: &str| input.key_vault_secrets.contains_key(key) || existing.is_some_and(|c| c.credentials.contains_key(key));
            let valid = validate_fields_with(spec, input.fields, input.secrets, &saved).ok()?;
            let mut credentials = existing.map(|c| c.credentials.clone()).unwrap_or_default();
            for (key, secret) in &valid.secrets {
                credentials.insert(key.clone(), Credential::Typed(secret.stamp(ctx.now)));
            }
            for (key, secret_name) in input.key_vault_secrets {
                credentials.insert(key.clone(), Credential::KeyVault(secret_name.clone()));
            }
            let sign_in = match (spec.sign_in, input.sign_in_account) {
                (true, Some(account)) => Some(SignIn {
                    account: crate::catalog::validate_field(&SIGN_IN_ACCOUNT, account).ok()?,
                    expires_at: ctx.now.plus_days(spec.sign_in_valid_days),
                }),
                _ => None,
            };
            Some(Checked { name, fields: valid.plain, credentials, sign_in })
        })();
        // The checks above passed, so every part parses again.
        checked.ok_or(DomainError::InvalidFields(BTreeMap::new()))
    }
}

fn effective_usable_by(spec: &ConnectionType, requested: UsableBy) -> UsableBy {
    if spec.category == Category::Export { requested } else { UsableBy::AdministratorsAndContributors }
}


/// Dependents as the refusal names them.
fn named<Id>(items: Vec<(Id, crate::model::DisplayName)>) -> Vec<(Id, String)> {
    items.into_iter().map(|(id, name)| (id, name.to_string())).collect()
}
