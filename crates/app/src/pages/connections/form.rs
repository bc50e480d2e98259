//! What the set-up pane holds while the user types, how it becomes a domain command, and how
//! a refusal is spread back onto the fields. Typed secrets live only here, in memory, until
//! Save turns them into `SecretInput`s; they are never written anywhere else.

use connections_domain::{
    validate_field, Command, ConnectionDetails, ConnectionEdit, ConnectionId, ConnectionTypeId, DisplayName, DomainError, FieldError, NameError,
    NewConnection, SecretInput, SecretName, SecretState, UsableBy,
};
use std::collections::BTreeMap;

/// Form keys that are not catalogue fields.
pub const NAME_KEY: &str = "display_name";
pub const SIGN_IN_KEY: &str = "sign_in_account";
pub const CONSENT_KEY: &str = "consent";
pub const TYPE_KEY: &str = "type";

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

/// Every problem Save would find before it asks the domain, per control, from the domain's own
/// checks (name rule, field formats, sign-in, consent), so all of them show at once and the line
/// beside Save can count them. `saved` are the secrets already kept when editing.
pub fn form_problems(v: &FormValues, saved: &BTreeMap<String, SecretState>, signed_in: bool, is_edit: bool) -> BTreeMap<String, Problem> {
    let mut found = BTreeMap::new();
    let Some(type_id) = v.type_id else {
        found.insert(TYPE_KEY.to_owned(), Problem::Key("connections.pane.type_required"));
        if !is_edit && !v.consent {
            found.insert(CONSENT_KEY.to_owned(), Problem::Domain(DomainError::ConsentRequired));
        }
        return found;
    };
    if let Some(problem) = name_problem(&v.display_name) {
        found.insert(NAME_KEY.to_owned(), problem);
    }
    let spec = type_id.spec();
    for field in spec.fields {
        let key = field.key;
        let problem = if field.is_secret() {
            if v.use_vault {
                let picked = v.vault_picks.get(key).is_some_and(|s| !s.is_empty());
                (field.required && !picked).then_some(Problem::Field(FieldError::Required))
            } else {
                let typed = v.secrets.get(key).map(String::as_str).unwrap_or("");
                if typed.is_empty() && (saved.contains_key(key) || !field.required) {
                    None
                } else {
                    validate_field(field, typed).err().map(Problem::Field)
                }
            }
        } else {
            validate_field(field, v.plain.get(key).map(String::as_str).unwrap_or("")).err().map(Problem::Field)
        };
        if let Some(problem) = problem {
            found.insert(key.to_owned(), problem);
        }
    }
    if spec.sign_in && !signed_in && v.sign_in_account.trim().is_empty() {
        found.insert(SIGN_IN_KEY.to_owned(), Problem::Domain(DomainError::SignInRequired));
    }
    if !is_edit && !v.consent {
        found.insert(CONSENT_KEY.to_owned(), Problem::Domain(DomainError::ConsentRequired));
    }
    found
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
            out.insert("form".to_owned(), Problem::Domain(other));
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
        let none = BTreeMap::new();
        let empty = form_problems(&FormValues::default(), &none, false, false);
        assert_eq!(empty.keys().collect::<Vec<_>>(), vec![CONSENT_KEY, TYPE_KEY]);
        let mut values = FormValues { type_id: Some(ConnectionTypeId::AzureMaps), display_name: "Maps".into(), consent: true, ..Default::default() };
        values.secrets.insert("api_key".into(), String::new());
        let found = form_problems(&values, &none, false, false);
        assert_eq!(found.keys().collect::<Vec<_>>(), vec!["api_key"]);
        assert!(form_problems(&values, &none, false, true).contains_key("api_key"), "editing still needs a first secret");
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
