//! What the set-up pane holds while the user types, how it becomes a domain command, and how
//! a refusal is spread back onto the fields. Typed secrets live only here, in memory, until
//! Save turns them into `SecretInput`s; they are never written anywhere else.

use connections_domain::{
    Command, ConnectionDetails, ConnectionEdit, ConnectionId, ConnectionInput, ConnectionTypeId, DisplayName, DomainError, FieldError, InputProblem,
    NameError, NewConnection, SecretInput, SecretName, SecretState, UsableBy, Workspace,
};
use std::collections::BTreeMap;

/// Form keys that are not catalogue fields.
pub use connections_domain::{INPUT_CONSENT as CONSENT_KEY, INPUT_FORM as FORM_KEY, INPUT_NAME as NAME_KEY, INPUT_SIGN_IN as SIGN_IN_KEY, INPUT_TYPE as TYPE_KEY};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormValues {
    pub type_id: Option<ConnectionTypeId>,
    pub display_name: String,
    pub plain: BTreeMap<String, String>,
    /// Typed secrets, as typed. An empty entry when editing keeps the saved secret.
    pub secrets: BTreeMap<String, String>,
    pub use_vault: bool,
    /// Vault secret names picked per secret field.
    pub vault_picks: BTreeMap<String, String>,
    pub usable_by: UsableBy,
    pub consent: bool,
    pub sign_in_account: String,
}

impl FormValues {
    /// The pane of an existing connection: plain values and vault picks filled in, secrets empty.
    pub fn from_saved(type_id: ConnectionTypeId, display_name: String, details: &ConnectionDetails, usable_by: UsableBy) -> Self {
        let vault_picks: BTreeMap<String, String> = details
            .secrets
            .iter()
            .filter_map(|(key, state)| match state {
                SecretState::FromVault(name) => Some((key.clone(), name.to_string())),
                SecretState::Saved => None,
            })
            .collect();
        FormValues {
            type_id: Some(type_id),
            display_name,
            plain: details.fields.clone(),
            secrets: BTreeMap::new(),
            use_vault: !vault_picks.is_empty(),
            vault_picks,
            usable_by,
            consent: false,
            sign_in_account: String::new(),
        }
    }

    fn typed_secrets(&self) -> BTreeMap<String, SecretInput> {
        if self.use_vault {
            return BTreeMap::new();
        }
        self.secrets.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.clone(), SecretInput::new(v.clone()))).collect()
    }

    fn picked_secrets(&self) -> BTreeMap<String, SecretName> {
        if !self.use_vault {
            return BTreeMap::new();
        }
        self.vault_picks.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.clone(), SecretName::new(v.clone()))).collect()
    }

    fn sign_in(&self) -> Option<String> {
        let account = self.sign_in_account.trim();
        (!account.is_empty()).then(|| account.to_owned())
    }

    /// The command Save sends: create (Add, Duplicate) or edit.
    pub fn to_command(&self, editing: Option<&ConnectionId>) -> Option<Command> {
        let type_id = self.type_id?;
        Some(match editing {
            Some(id) => Command::EditConnection(ConnectionEdit {
                id: id.clone(),
                display_name: self.display_name.clone(),
                fields: self.plain.clone(),
                secrets: self.typed_secrets(),
                key_vault_secrets: self.picked_secrets(),
                usable_by: self.usable_by,
                sign_in_account: self.sign_in(),
            }),
            None => Command::CreateConnection(NewConnection {
                display_name: self.display_name.clone(),
                type_id,
                fields: self.plain.clone(),
                secrets: self.typed_secrets(),
                key_vault_secrets: self.picked_secrets(),
                usable_by: self.usable_by,
                consent: self.consent,
                sign_in_account: self.sign_in(),
            }),
        })
    }
}

/// A message waiting beside one control; translated when shown, so it follows the language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Name(NameError),
    Field(FieldError),
    Domain(DomainError),
    /// A local, translated-by-key message (e.g. "choose a connection type").
    Key(&'static str),
}

/// Checks the display name as the domain will.
pub fn name_problem(raw: &str) -> Option<Problem> {
    DisplayName::parse(raw).err().map(Problem::Name)
}

impl FormValues {
    /// Every problem Save would find, per control, from the domain's one check of a connection
    /// form (`Workspace::connection_input_problems`), so all of them show at once and the line
    /// beside Save can count them.
    pub fn problems(&self, workspace: &Workspace, editing: Option<&ConnectionId>) -> BTreeMap<String, Problem> {
        let secrets = self.typed_secrets();
        let picks = self.picked_secrets();
        let account = self.sign_in();
        let input = ConnectionInput {
            type_id: self.type_id,
            editing,
            display_name: &self.display_name,
            fields: &self.plain,
            secrets: &secrets,
            key_vault_secrets: &picks,
            sign_in_account: account.as_deref(),
            consent: self.consent,
        };
        workspace.connection_input_problems(&input).into_iter().map(|(key, problem)| (key, Problem::of(problem))).collect()
    }
}

impl Problem {
    fn of(problem: InputProblem) -> Problem {
        match problem {
            InputProblem::TypeRequired => Problem::Key("connections.pane.type_required"),
            InputProblem::Name(error) => Problem::Name(error),
            InputProblem::Field(error) => Problem::Field(error),
            InputProblem::Refused(error) => Problem::Domain(error),
        }
    }
}

/// Spreads a refusal of Save onto the controls that caused it. What is left goes to `form`.
pub fn problems_of(error: DomainError) -> BTreeMap<String, Problem> {
    let mut out = BTreeMap::new();
    match error {
        DomainError::InvalidFields(fields) => {
            for (key, error) in fields {
                out.insert(key, Problem::Field(error));
            }
        }
        DomainError::InvalidName(error) => {
            out.insert(NAME_KEY.to_owned(), Problem::Name(error));
        }
        error @ DomainError::DuplicateName { .. } => {
            out.insert(NAME_KEY.to_owned(), Problem::Domain(error));
        }
        error @ DomainError::ConsentRequired => {
            out.insert(CONSENT_KEY.to_owned(), Problem::Domain(error));
        }
        error @ DomainError::SignInRequired => {
            out.insert(SIGN_IN_KEY.to_owned(), Problem::Domain(error));
        }
        DomainError::CannotLeaveKeyVault { field } => {
            let error = DomainError::CannotLeaveKeyVault { field: field.clone() };
            out.insert(field, Problem::Domain(error));
        }
        other => {
            out.insert(FORM_KEY.to_owned(), Problem::Domain(other));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_leaves_out_empty_secrets_so_the_saved_ones_stay() {
        let mut values = FormValues { type_id: Some(ConnectionTypeId::AzureMaps), display_name: "Maps".into(), ..Default::default() };
        values.secrets.insert("api_key".into(), String::new());
        match values.to_command(Some(&ConnectionId::new("c-1"))) {
            Some(Command::EditConnection(ConnectionEdit { secrets, key_vault_secrets, .. })) => {
                assert!(secrets.is_empty());
                assert!(key_vault_secrets.is_empty());
            }
            other => panic!("expected an edit, got {other:?}"),
        }
    }

    #[test]
    fn using_the_vault_sends_picks_and_no_typed_secret() {
        let mut values = FormValues { type_id: Some(ConnectionTypeId::Klaviyo), use_vault: true, ..Default::default() };
        values.secrets.insert("api_key".into(), "typed-before-switching".into());
        values.vault_picks.insert("api_key".into(), "klaviyo-api-key".into());
        match values.to_command(None) {
            Some(Command::CreateConnection(NewConnection { secrets, key_vault_secrets, .. })) => {
                assert!(secrets.is_empty());
                assert_eq!(key_vault_secrets.get("api_key").map(|s| s.as_str()), Some("klaviyo-api-key"));
            }
            other => panic!("expected a create, got {other:?}"),
        }
    }

    #[test]
    fn a_new_form_lacks_its_type_and_consent_and_a_wrong_value_counts_once() {
        let ws = Workspace::empty();
        let empty = FormValues::default().problems(&ws, None);
        assert_eq!(empty.keys().collect::<Vec<_>>(), vec![CONSENT_KEY, TYPE_KEY]);
        assert_eq!(empty.get(TYPE_KEY), Some(&Problem::Key("connections.pane.type_required")));
        let mut values = FormValues { type_id: Some(ConnectionTypeId::AzureMaps), display_name: "Maps".into(), consent: true, ..Default::default() };
        values.secrets.insert("api_key".into(), String::new());
        let found = values.problems(&ws, None);
        assert_eq!(found.keys().collect::<Vec<_>>(), vec!["api_key"]);
        assert_eq!(found.get("api_key"), Some(&Problem::Field(FieldError::Required)));
    }

    #[test]
    fn field_refusals_land_on_their_fields() {
        let mut fields = BTreeMap::new();
        fields.insert("container".to_string(), FieldError::ContainerName);
        let problems = problems_of(DomainError::InvalidFields(fields));
        assert_eq!(problems.get("container"), Some(&Problem::Field(FieldError::ContainerName)));
        assert_eq!(problems_of(DomainError::ConsentRequired).keys().collect::<Vec<_>>(), vec![CONSENT_KEY]);
    }
}
