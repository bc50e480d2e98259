//! The optional sections of the set-up form, each shown only when the chosen type needs it.

use crate::pages::connections::fields::{set_problem, ProblemText, Problems};
use crate::pages::connections::form::{FormValues, CONSENT_KEY, SIGN_IN_KEY};
use crate::i18n::use_i18n;
use crate::time::format_timestamp;
use connections_domain::{ConnectionDetails, UsableBy};
use leptos::prelude::*;

/// "Use Key Vault": secret fields then pick a vault secret by name instead of being typed.
#[component]
pub(super) fn KeyVaultSwitch(supported: bool, has_secrets: bool, linked: Memo<bool>, values: RwSignal<FormValues>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    if !supported || !has_secrets {
        return ().into_any();
    }
    let on_change = move |ev| {
        let on = event_target_checked(&ev);
        values.update(|v| v.use_vault = on);
        // The other input kind takes over: its old message no longer applies.
        let secret_keys: Vec<&str> = values.with_untracked(|v| v.type_id.map(|t| t.spec().secret_fields().map(|f| f.key).collect()).unwrap_or_default());
        problems.update(|p| p.retain(|k, _| !secret_keys.contains(&k.as_str())));
    };
    view! {
        <Show
            when=move || linked.get()
            fallback=move || {
                view! {
                    <p class="hint hint-field" id="key-vault-unlinked">
                        {move || i18n.t("connections.pane.vault_unlinked")}
                        " "
                        <a href="/settings/permissions/key-vault">{move || i18n.t("connections.pane.vault_link")}</a>
                    </p>
                }
            }
        >
            <div class="form-field switch-field">
                <label class="switch">
                    <input
                        type="checkbox"
                        role="switch"
                        id="use-key-vault"
                        aria-describedby="use-key-vault-hint"
                        prop:checked=move || values.with(|v| v.use_vault)
                        on:change=on_change
                    />
                    <span>{move || i18n.t("connections.pane.use_key_vault")}</span>
                </label>
                <p class="hint hint-field" id="use-key-vault-hint">{move || i18n.t("connections.pane.use_key_vault_hint")}</p>
            </div>
        </Show>
    }
    .into_any()
}

/// The simulated sign-in at the provider: the account to sign in with, and until when it lasts.
#[component]
pub(super) fn SignIn(provider: &'static str, details: StoredValue<Option<ConnectionDetails>>, values: RwSignal<FormValues>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    let current = details.with_value(|d| d.as_ref().and_then(|d| d.sign_in.clone()));
    let has_current = current.is_some();
    let status = current.map(|sign_in| {
        let account = sign_in.account.clone();
        view! {
            <p class="hint hint-field" id="field-sign_in_account-hint">
                {move || {
                    i18n.tf(
                        "connections.pane.signed_in",
                        &[("account", &account), ("until", &format_timestamp(sign_in.expires_at, i18n.locale()))],
                    )
                }}
            </p>
        }
    });
    view! {
        <div class="form-field">
            <label for="field-sign_in_account">
                {move || {
                    let key = if has_current { "connections.pane.sign_in_renew" } else { "connections.pane.sign_in" };
                    i18n.tf(key, &[("provider", provider)])
                }}
            </label>
            {status}
            <input
                type="email"
                id="field-sign_in_account"
                autocomplete="email"
                aria-describedby=if has_current { "field-sign_in_account-hint field-sign_in_account-error" } else { "field-sign_in_account-error" }
                aria-invalid=move || problems.with(|p| p.contains_key(SIGN_IN_KEY)).to_string()
                prop:value=move || values.with(|v| v.sign_in_account.clone())
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    values.update(|v| v.sign_in_account = raw);
                    set_problem(problems, SIGN_IN_KEY, None);
                }
            />
            <ProblemText key=SIGN_IN_KEY.to_string() problems=problems />
        </div>
    }
}

/// "Choose who can use this connection" (export connections only).
#[component]
pub(super) fn Sharing(values: RwSignal<FormValues>, is_edit: bool, used_by_count: usize) -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |usable_by: UsableBy, id: &'static str, key: &'static str| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="usable-by"
                    id=id
                    prop:checked=move || values.with(|v| v.usable_by == usable_by)
                    on:change=move |_| values.update(|v| v.usable_by = usable_by)
                />
                <span>{move || i18n.t(key)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="sharing" id="sharing">
            <legend>{move || i18n.t("connections.pane.sharing")}</legend>
            {choice(UsableBy::AdministratorsOnly, "usable-admins", "access.administrators_only")}
            {choice(UsableBy::AdministratorsAndContributors, "usable-contributors", "access.administrators_and_contributors")}
            <p class="hint hint-field">
                {move || {
                    if is_edit {
                        i18n.plural("connections.pane.sharing_edit_hint", used_by_count, &[])
                    } else {
                        i18n.t("connections.pane.sharing_hint")
                    }
                }}
            </p>
        </fieldset>
    }
}

/// The data-privacy statement and "I agree"; Save stays off until it is ticked.
#[component]
pub(super) fn Consent(values: RwSignal<FormValues>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="privacy" aria-labelledby="privacy-title">
            <h3 id="privacy-title">{move || i18n.t("connections.pane.privacy_title")}</h3>
            <p id="privacy-text">{move || i18n.t("connections.pane.privacy_text")}</p>
            <p class="hint">{move || i18n.t("connections.pane.privacy_remove")}</p>
            <label class="checkbox">
                <input
                    type="checkbox"
                    id="field-consent"
                    aria-describedby="privacy-text field-consent-error"
                    prop:checked=move || values.with(|v| v.consent)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        values.update(|v| v.consent = on);
                        set_problem(problems, CONSENT_KEY, None);
                    }
                />
                <span>{move || i18n.t("connections.pane.agree")}</span>
            </label>
            <ProblemText key=CONSENT_KEY.to_string() problems=problems />
        </section>
    }
}