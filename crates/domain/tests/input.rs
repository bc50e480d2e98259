//! `Workspace::connection_input_problems`: the one check of a connection form, which the set-up
//! pane shows as the user types and `apply` refuses by.

mod common;

use std::collections::BTreeMap;

use common::*;
use connections_domain::*;

struct Form {
    type_id: Option<ConnectionTypeId>,
    name: String,
    fields: BTreeMap<String, String>,
    secrets: BTreeMap<String, SecretInput>,
    vault: BTreeMap<String, SecretName>,
    sign_in: Option<String>,
    consent: bool,
}

impl Form {
    fn of(command: &Command) -> Form {
        let Command::CreateConnection(n) = command else { panic!("a create") };
        Form {
            type_id: Some(n.type_id),
            name: n.display_name.clone(),
            fields: n.fields.clone(),
            secrets: n.secrets.clone(),
            vault: n.key_vault_secrets.clone(),
            sign_in: n.sign_in_account.clone(),
            consent: n.consent,
        }
    }

    fn problems(&self, ws: &Workspace, editing: Option<&ConnectionId>) -> Vec<(String, InputProblem)> {
        ws.connection_input_problems(&ConnectionInput {
            type_id: self.type_id,
            editing,
            display_name: &self.name,
            fields: &self.fields,
            secrets: &self.secrets,
            key_vault_secrets: &self.vault,
            sign_in_account: self.sign_in.as_deref(),
            consent: self.consent,
        })
        .into_iter()
        .collect()
    }

    fn create(&self) -> Command {
        Command::CreateConnection(NewConnection {
            display_name: self.name.clone(),
            type_id: self.type_id.expect("a type"),
            fields: self.fields.clone(),
            secrets: self.secrets.clone(),
            key_vault_secrets: self.vault.clone(),
            usable_by: UsableBy::AdministratorsOnly,
            consent: self.consent,
            sign_in_account: self.sign_in.clone(),
        })
    }

    fn edit(&self, id: &ConnectionId) -> Command {
        Command::EditConnection(ConnectionEdit {
            id: id.clone(),
            display_name: self.name.clone(),
            fields: self.fields.clone(),
            secrets: self.secrets.clone(),
            key_vault_secrets: self.vault.clone(),
            usable_by: UsableBy::AdministratorsOnly,
            sign_in_account: self.sign_in.clone(),
        })
    }
}

fn keys(problems: &[(String, InputProblem)]) -> Vec<&str> {
    problems.iter().map(|(k, _)| k.as_str()).collect()
}

#[test]
fn a_new_form_lacks_its_type_and_consent() {
    let ws = Workspace::empty();
    let form = Form { type_id: None, name: String::new(), fields: BTreeMap::new(), secrets: BTreeMap::new(), vault: BTreeMap::new(), sign_in: None, consent: false };
    assert_eq!(
        form.problems(&ws, None),
        vec![
            (INPUT_CONSENT.to_owned(), InputProblem::Refused(DomainError::ConsentRequired)),
            (INPUT_TYPE.to_owned(), InputProblem::TypeRequired),
        ]
    );
}

#[test]
fn every_problem_shows_at_once_and_apply_refuses_by_the_first() {
    let mut ws = Workspace::empty();
    let mut form = Form::of(&blob("Lake", UsableBy::AdministratorsOnly));
    assert!(form.problems(&ws, None).is_empty());
    form.name = "   ".into();
    form.fields = map(&[("account_name", "Bad_Name"), ("container", "exports")]);
    form.secrets.clear();
    form.consent = false;
    let problems = form.problems(&ws, None);
    assert_eq!(keys(&problems), vec!["account_key", "account_name", INPUT_CONSENT, INPUT_NAME]);
    assert_eq!(problems[0].1, InputProblem::Field(FieldError::Required));
    assert_eq!(problems[3].1, InputProblem::Name(NameError::Empty));
    assert_eq!(refuse(&mut ws, &admin(), form.create()), DomainError::InvalidName(NameError::Empty));
    form.name = "Lake".into();
    let DomainError::InvalidFields(errors) = refuse(&mut ws, &admin(), form.create()) else { panic!("fields") };
    assert_eq!(errors.keys().collect::<Vec<_>>(), vec!["account_key", "account_name"]);
    form.fields = map(&[("account_name", "contosolake"), ("container", "exports")]);
    form.secrets = secrets(&[("account_key", PLANTED)]);
    assert_eq!(refuse(&mut ws, &admin(), form.create()), DomainError::ConsentRequired);
    form.consent = true;
    assert!(form.problems(&ws, None).is_empty());
    ok(&mut ws, &admin(), form.create());
}

#[test]
fn a_saved_secret_may_stay_empty_but_a_new_connection_needs_one() {
    let mut ws = Workspace::empty();
    let id = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps")));
    let mut form = Form::of(&maps_connection("Maps"));
    form.secrets.clear();
    assert!(form.problems(&ws, Some(&id)).is_empty(), "editing keeps the saved secret");
    ok(&mut ws, &admin(), form.edit(&id));
    form.name = "Other maps".into();
    assert_eq!(form.problems(&ws, None), vec![("api_key".to_owned(), InputProblem::Field(FieldError::Required))]);
}

#[test]
fn the_name_is_unique_in_its_category_except_for_the_connection_itself() {
    let mut ws = Workspace::empty();
    let id = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let form = Form { name: "LAKE".into(), ..Form::of(&blob("Lake", UsableBy::AdministratorsOnly)) };
    let problems = form.problems(&ws, None);
    assert_eq!(keys(&problems), vec![INPUT_NAME]);
    assert!(matches!(problems[0].1, InputProblem::Refused(DomainError::DuplicateName { category: Category::Export, .. })));
    assert!(form.problems(&ws, Some(&id)).is_empty());
}

#[test]
fn a_new_sign_in_connection_needs_its_account_and_an_edit_does_not() {
    let mut ws = Workspace::empty();
    let mut form = Form {
        type_id: Some(ConnectionTypeId::DynamicsSales),
        name: "Sales".into(),
        fields: map(&[("server_address", "contoso.crm.dynamics.com")]),
        secrets: BTreeMap::new(),
        vault: BTreeMap::new(),
        sign_in: None,
        consent: true,
    };
    assert_eq!(form.problems(&ws, None), vec![(INPUT_SIGN_IN.to_owned(), InputProblem::Refused(DomainError::SignInRequired))]);
    assert_eq!(refuse(&mut ws, &admin(), form.create()), DomainError::SignInRequired);
    form.sign_in = Some("a\tb".into());
    assert_eq!(form.problems(&ws, None), vec![(INPUT_SIGN_IN.to_owned(), InputProblem::Field(FieldError::ControlCharacters))]);
    form.sign_in = Some("me@contoso.com".into());
    let id = created_connection(&ok(&mut ws, &admin(), form.create()));
    form.sign_in = None;
    assert!(form.problems(&ws, Some(&id)).is_empty());
}

#[test]
fn vault_picks_must_exist_and_a_vault_field_stays_in_the_vault() {
    let mut ws = vault_ws();
    let mut form = Form::of(&sftp_with_vault("Drop"));
    form.vault.insert("password".into(), SecretName::new("gone"));
    assert_eq!(form.problems(&ws, None), vec![("password".to_owned(), InputProblem::Refused(DomainError::SecretNotFound(SecretName::new("gone"))))]);
    form.vault.insert("password".into(), SecretName::new("sftp-pass"));
    let id = created_connection(&ok(&mut ws, &admin(), form.create()));
    form.vault.clear();
    form.secrets = secrets(&[("password", "typed")]);
    let leave = DomainError::CannotLeaveKeyVault { field: "password".into() };
    assert_eq!(form.problems(&ws, Some(&id)), vec![("password".to_owned(), InputProblem::Refused(leave.clone()))]);
    assert_eq!(refuse(&mut ws, &admin(), form.edit(&id)), leave);
}

#[test]
fn audience_insights_is_not_a_connection() {
    let ws = Workspace::empty();
    assert!(!ConnectionTypeId::AudienceInsights.spec().is_connection());
    assert!(!Category::EngagementInsights.is_connection());
    assert_eq!(Category::CONNECTIONS, [Category::Export, Category::Enrichment]);
    assert!(catalog().iter().filter(|t| t.is_connection()).all(|t| t.category != Category::EngagementInsights));
    let form = Form { type_id: Some(ConnectionTypeId::AudienceInsights), ..Form::of(&maps_connection("Insights")) };
    assert_eq!(form.problems(&ws, None), vec![(INPUT_TYPE.to_owned(), InputProblem::Refused(DomainError::UseEngagementLink))]);
}

#[test]
fn editing_a_connection_removed_meanwhile_is_a_refusal_of_the_whole_form() {
    let mut ws = Workspace::empty();
    let form = Form::of(&maps_connection("Short-lived"));
    let id = created_connection(&ok(&mut ws, &admin(), form.create()));
    ok(&mut ws, &admin(), Command::RemoveConnection { id: id.clone() });
    let gone = DomainError::NotFound(ObjectRef::Connection(id.clone()));
    assert_eq!(form.problems(&ws, Some(&id)), vec![(INPUT_FORM.to_owned(), InputProblem::Refused(gone.clone()))]);
    assert_eq!(refuse(&mut ws, &admin(), form.edit(&id)), gone);
}
