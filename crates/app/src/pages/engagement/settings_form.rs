//! The four settings of an audience-insights connection (the wizard's first step, and Edit):
//! storage account, shared key, environment ID and instance folder. The domain checks them all
//! at once; each refusal is shown under its own field.

use crate::errors::field_error_message;
use crate::i18n::{use_i18n, I18n};
use crate::ui::focus::focus_later;
use connections_domain::engagement::{validate_link_settings, LinkSettings};
use connections_domain::{EngagementLinkRow, FieldError, SecretInput};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The field keys in form order, as the domain names them.
const FIELDS: [&str; 4] = ["storage_account", "shared_key", "environment_id", "instance_folder"];

/// What has been typed so far, and the domain's complaints about it.
#[derive(Clone, Copy)]
pub struct SettingsDraft {
    pub storage_account: RwSignal<String>,
    /// Held only while the form is open; never stored, shown back or logged.
    pub shared_key: RwSignal<String>,
    pub environment_id: RwSignal<String>,
    pub instance_folder: RwSignal<String>,
    pub errors: RwSignal<BTreeMap<String, FieldError>>,
}

impl SettingsDraft {
    pub fn new() -> Self {
        SettingsDraft {
            storage_account: RwSignal::new(String::new()),
            shared_key: RwSignal::new(String::new()),
            environment_id: RwSignal::new(String::new()),
            instance_folder: RwSignal::new(String::new()),
            errors: RwSignal::new(BTreeMap::new()),
        }
    }

    /// Edit starts from the saved settings; the shared key starts empty ("keep the saved one").
    pub fn from_row(row: &EngagementLinkRow) -> Self {
        let draft = SettingsDraft::new();
        draft.storage_account.set(row.storage_account.clone());
        draft.environment_id.set(row.environment_id.clone());
        draft.instance_folder.set(row.instance_folder.clone());
        draft
    }

    fn value(&self, key: &str) -> RwSignal<String> {
        match key {
            "storage_account" => self.storage_account,
            "shared_key" => self.shared_key,
            "environment_id" => self.environment_id,
            _ => self.instance_folder,
        }
    }

    /// True when nothing has been typed (Cancel then needs no confirmation).
    pub fn is_blank(&self) -> bool {
        FIELDS.iter().all(|key| self.value(key).with_untracked(|v| v.trim().is_empty()))
    }

    /// The typed key, or `None` when Edit leaves it empty to keep the saved one.
    pub fn typed_key(&self, keep_when_empty: bool) -> Option<SecretInput> {
        let typed = self.shared_key.get_untracked();
        if typed.is_empty() && keep_when_empty { None } else { Some(SecretInput::new(typed)) }
    }

    /// Asks the domain whether the settings are acceptable. On refusal the messages appear
    /// under their fields and focus moves to the first one.
    pub fn check(&self, id_prefix: &str, keep_key_when_empty: bool) -> Option<LinkSettings> {
        let key = self.typed_key(keep_key_when_empty);
        let outcome = validate_link_settings(
            &self.storage_account.get_untracked(),
            key.as_ref(),
            &self.environment_id.get_untracked(),
            &self.instance_folder.get_untracked(),
        );
        match outcome {
            Ok(settings) => {
                self.errors.set(BTreeMap::new());
                Some(settings)
            }
            Err(errors) => {
                self.show_errors(errors, id_prefix);
                None
            }
        }
    }

    /// Shows refusals (from the check above or from the command itself) and focuses the first.
    pub fn show_errors(&self, errors: BTreeMap<String, FieldError>, id_prefix: &str) {
        let first = FIELDS.iter().find(|key| errors.contains_key(**key)).map(|key| field_id(id_prefix, key));
        self.errors.set(errors);
        if let Some(id) = first {
            focus_later(id);
        }
    }
}

impl Default for SettingsDraft {
    fn default() -> Self {
        SettingsDraft::new()
    }
}

pub fn field_id(id_prefix: &str, key: &str) -> String {
    format!("{id_prefix}-{}", key.replace('_', "-"))
}

/// The four inputs. `editing` changes the shared key's hint to "leave empty to keep".
#[component]
pub fn SettingsFields(draft: SettingsDraft, id_prefix: &'static str, #[prop(optional)] editing: bool) -> impl IntoView {
    let i18n = use_i18n();
    FIELDS
        .into_iter()
        .map(|key| {
            let hint_key = match (key, editing) {
                ("shared_key", true) => "engagement.hint.shared_key_keep",
                ("storage_account", _) => "engagement.hint.storage_account",
                ("shared_key", _) => "engagement.hint.shared_key",
                ("environment_id", _) => "engagement.hint.environment_id",
                _ => "engagement.hint.instance_folder",
            };
            field_view(i18n, field_id(id_prefix, key), key, draft.value(key), draft.errors, hint_key)
        })
        .collect_view()
}

fn field_view(
    i18n: I18n,
    id: String,
    key: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<BTreeMap<String, FieldError>>,
    hint_key: &'static str,
) -> impl IntoView {
    let secret = key == "shared_key";
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let error = move || errors.with(|e| e.get(key).map(|err| field_error_message(&i18n, err)));
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(&format!("engagement.field.{key}"))}</label>
            <input
                id=id
                name=key
                type=if secret { "password" } else { "text" }
                autocomplete=if secret { "new-password" } else { "off" }
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    errors.update(|e| {
                        e.remove(key);
                    });
                }
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=format!("{hint_id} {error_id}")
            />
            <p class="hint hint-field" id=hint_id>{move || i18n.t(hint_key)}</p>
            <p class="field-error" id=error_id>{move || error().unwrap_or_default()}</p>
        </div>
    }
}
