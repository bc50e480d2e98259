//! Domain refusals in the user's language. The domain's own `Display` is English; here each
//! variant gets a locale key, so every page words the same refusal the same way.

use crate::i18n::I18n;
use crate::labels;
use connections_domain::{Action, DomainError, FieldError, NameError};

fn names(items: &[(impl std::fmt::Display, String)]) -> String {
    items.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join(", ")
}

pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::ManageConnections => "error.action.manage_connections",
        Action::UseConnection => "error.action.use_connection",
        Action::ManageExports => "error.action.manage_exports",
        Action::ManageEnrichments => "error.action.manage_enrichments",
        Action::ManageKeyVault => "error.action.manage_key_vault",
        Action::ManageEngagementInsights => "error.action.manage_engagement_insights",
        Action::Restore => "error.action.restore",
        Action::ManageWorkspace => "error.action.manage_workspace",
    }
}

/// A refusal of `apply`, translated, saying what to do next.
pub fn error_message(i18n: &I18n, error: &DomainError) -> String {
    use DomainError as E;
    match error {
        E::NotAllowed { action, role } => i18n.tf(
            "error.not_allowed",
            &[("role", &i18n.t(labels::role(*role))), ("action", &i18n.t(action_key(*action)))],
        ),
        E::UnknownActor(_) => i18n.t("error.unknown_actor"),
        E::NotFound(_) => i18n.t("error.not_found"),
        E::EmptySelection => i18n.t("error.empty_selection"),
        E::DuplicateSelection(_) => i18n.t("error.duplicate_selection"),
        E::ConsentRequired => i18n.t("error.consent_required"),
        E::InvalidName(name) => name_error_message(i18n, name),
        E::DuplicateName { name, category } => i18n.tf(
            "error.duplicate_name",
            &[("name", name), ("category", &i18n.t(labels::category(*category)))],
        ),
        E::InvalidFields(_) => i18n.t("error.invalid_fields"),
        E::InvalidSchedule => i18n.t("error.invalid_schedule"),
        E::SignInRequired => i18n.t("error.sign_in_required"),
        E::HasDependents { exports, enrichments, .. } => i18n.tf(
            "error.has_dependents",
            &[
                ("exports", &i18n.plural("error.has_dependents.exports", exports.len(), &[])),
                ("enrichments", &i18n.plural("error.has_dependents.enrichments", enrichments.len(), &[])),
            ],
        ),
        E::UseEngagementLink => i18n.t("error.use_engagement_link"),
        E::SharingNotApplicable(_) => i18n.t("error.sharing_not_applicable"),
        E::ConnectionNotShared(_) => i18n.t("error.connection_not_shared"),
        E::WrongCategory { expected, .. } => {
            i18n.tf("error.wrong_category", &[("expected", &i18n.t(labels::category(*expected)))])
        }
        E::WrongProvider { expected, .. } => {
            i18n.tf("error.wrong_provider", &[("expected", expected.spec().name)])
        }
        E::ExportDetached(_) => i18n.t("error.export_detached"),
        E::EnrichmentInactive(_) => i18n.t("error.enrichment_inactive"),
        E::EnrichmentWithoutConnection(_) => i18n.t("error.enrichment_without_connection"),
        E::AlreadyRunning(_) => i18n.t("error.already_running"),
        E::NotRunning(_) => i18n.t("error.not_running"),
        E::KeyVaultNotSupported(type_id) => {
            i18n.tf("error.key_vault_not_supported", &[("type", type_id.spec().name)])
        }
        E::NoKeyVault => i18n.t("error.no_key_vault"),
        E::KeyVaultAlreadyLinked => i18n.t("error.key_vault_already_linked"),
        E::SecretNotFound(name) => i18n.tf("error.secret_not_found", &[("secret", name.as_str())]),
        E::SecretExists(name) => i18n.tf("error.secret_exists", &[("secret", name.as_str())]),
        E::CannotLeaveKeyVault { field } => i18n.tf("error.cannot_leave_key_vault", &[("field", field)]),
        E::SecretInUse { secret, connections } => i18n.tf(
            "error.secret_in_use",
            &[("secret", secret.as_str()), ("connections", &names(connections))],
        ),
        E::KeyVaultInUse { connections } => {
            i18n.tf("error.key_vault_in_use", &[("connections", &names(connections))])
        }
        E::LastMember(_) => i18n.t("error.last_member"),
        E::CreatorNeedsReplacement(_) => i18n.t("error.creator_needs_replacement"),
        E::UnknownUser(_) => i18n.t("error.unknown_user"),
        E::AlreadyAvailable(_) => i18n.t("error.already_available"),
        E::IdTaken(_) => i18n.t("error.id_taken"),
        E::ConnectionGone(_) => i18n.t("error.connection_gone"),
    }
}

pub fn name_error_message(i18n: &I18n, error: &NameError) -> String {
    match error {
        NameError::Empty => i18n.t("error.name.empty"),
        NameError::TooLong { max } => i18n.tf("error.name.too_long", &[("max", &max.to_string())]),
        NameError::ControlCharacters => i18n.t("error.name.control_characters"),
    }
}

/// The message shown beside a field the domain refused.
pub fn field_error_message(i18n: &I18n, error: &FieldError) -> String {
    use FieldError as F;
    match error {
        F::Required => i18n.t("error.field.required"),
        F::TooLong { max } => i18n.tf("error.field.too_long", &[("max", &max.to_string())]),
        F::ControlCharacters => i18n.t("error.field.control_characters"),
        F::StorageAccountName => i18n.t("error.field.storage_account_name"),
        F::ContainerName => i18n.t("error.field.container_name"),
        F::Hostname => i18n.t("error.field.hostname"),
        F::PortRequired => i18n.t("error.field.port_required"),
        F::PortNotAllowed => i18n.t("error.field.port_not_allowed"),
        F::LowercaseFolder => i18n.t("error.field.lowercase_folder"),
        F::Folder => i18n.t("error.field.folder"),
        F::Guid => i18n.t("error.field.guid"),
        F::InstanceFolder => i18n.t("error.field.instance_folder"),
        F::Number => i18n.t("error.field.number"),
        F::NotAChoice { choices } => i18n.tf("error.field.not_a_choice", &[("choices", &choices.join(", "))]),
        F::UnknownField => i18n.t("error.field.unknown_field"),
        F::TypedAndVault => i18n.t("error.field.typed_and_vault"),
        F::VaultName => i18n.t("error.field.vault_name"),
    }
}
