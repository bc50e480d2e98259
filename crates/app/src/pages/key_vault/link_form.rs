//! Link the organisation's own Key Vault: subscription, vault name and the data-privacy consent.

use super::super::data_common::field::{has_error, FieldMessage, FormMessage, FormState, TextField};
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
    let form = FormState::new();
    let errors = form.fields;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let command = Command::LinkKeyVault {
            subscription: subscription.get_untracked(),
            vault_name: vault_name.get_untracked(),
            consent: consent.get_untracked(),
        };
        match portal.dispatch(command) {
            Ok(_) => {
                toasts.success(i18n.tf("kv.linked", &[("name", vault_name.get_untracked().trim())]), None);
            }
            Err(error) => form.refuse_fields(error, &["subscription", "vault_name"], |e| matches!(e, DomainError::ConsentRequired).then_some("consent")),
        }
    };
    view! {
        <form class="card link-vault" id="link-vault-form" on:submit=submit novalidate aria-labelledby="link-vault-title">
            <h2 id="link-vault-title">{move || i18n.t("kv.link.title")}</h2>
            <p>{move || i18n.t("key_vault.none")} " " {move || i18n.t("kv.link.intro")}</p>
            <TextField
                id="vault-subscription"
                label_key="kv.link.subscription"
                value=subscription
                errors=errors
                key="subscription"
                no_spellcheck=true
                placeholder="00000000-0000-0000-0000-000000000000"
            />
            <TextField id="vault-name" label_key="kv.link.vault_name" value=vault_name errors=errors key="vault_name" no_spellcheck=true />
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
            <FormMessage form=form />
            <div class="dialog-actions">
                <button type="submit" class="primary" id="vault-link">{move || i18n.t("kv.link.submit")}</button>
            </div>
        </form>
    }
}
