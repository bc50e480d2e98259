//! Link the organisation's own Key Vault: subscription, vault name and the data-privacy consent.

use super::super::data_common::field::{has_error, new_errors, FieldMessage};
use crate::errors::{error_message, field_error_message};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::toast::use_toasts;
use connections_domain::{Command, DomainError};
use leptos::prelude::*;

#[component]
pub fn LinkVaultForm() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let subscription = RwSignal::new(String::new());
    let vault_name = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let errors = new_errors();
    let form_error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Default::default());
        form_error.set(None);
        let command = Command::LinkKeyVault {
            subscription: subscription.get_untracked(),
            vault_name: vault_name.get_untracked(),
            consent: consent.get_untracked(),
        };
        match portal.dispatch(command) {
            Ok(_) => {
                toasts.success(i18n.tf("kv.linked", &[("name", vault_name.get_untracked().trim())]), None);
            }
            Err(DomainError::InvalidFields(map)) => errors.set(
                map.iter()
                    .filter_map(|(key, error)| {
                        let key = match key.as_str() {
                            "subscription" => "subscription",
                            "vault_name" => "vault_name",
                            _ => return None,
                        };
                        Some((key, field_error_message(&i18n, error)))
                    })
                    .collect(),
            ),
            Err(error @ DomainError::ConsentRequired) => errors.set([("consent", error_message(&i18n, &error))].into()),
            Err(error) => form_error.set(Some(error_message(&i18n, &error))),
        }
    };
    view! {
        <form class="card link-vault" id="link-vault-form" on:submit=submit novalidate aria-labelledby="link-vault-title">
            <h2 id="link-vault-title">{move || i18n.t("kv.link.title")}</h2>
            <p>{move || i18n.t("key_vault.none")} " " {move || i18n.t("kv.link.intro")}</p>
            <div class="form-field">
                <label for="vault-subscription">{move || i18n.t("kv.link.subscription")}</label>
                <input
                    id="vault-subscription"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="00000000-0000-0000-0000-000000000000"
                    aria-invalid=move || has_error(errors, "subscription").get().to_string()
                    aria-describedby="vault-subscription-error"
                    bind:value=subscription
                />
                <FieldMessage errors=errors key="subscription" id="vault-subscription-error" />
            </div>
            <div class="form-field">
                <label for="vault-name">{move || i18n.t("kv.link.vault_name")}</label>
                <input
                    id="vault-name"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=move || has_error(errors, "vault_name").get().to_string()
                    aria-describedby="vault-name-error"
                    bind:value=vault_name
                />
                <FieldMessage errors=errors key="vault_name" id="vault-name-error" />
            </div>
            <div class="form-field consent">
                <p class="privacy" id="vault-privacy">{move || i18n.t("kv.link.privacy")}</p>
                <label class="choice-label">
                    <input
                        type="checkbox"
                        id="vault-consent"
                        aria-invalid=move || has_error(errors, "consent").get().to_string()
                        aria-describedby="vault-privacy vault-consent-error"
                        bind:checked=consent
                    />
                    {move || i18n.t("kv.link.agree")}
                </label>
                <FieldMessage errors=errors key="consent" id="vault-consent-error" />
            </div>
            <Show when=move || form_error.get().is_some()>
                <p class="form-error" role="alert">{move || form_error.get().unwrap_or_default()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="submit" class="primary" id="vault-link">{move || i18n.t("kv.link.submit")}</button>
            </div>
        </form>
    }
}
