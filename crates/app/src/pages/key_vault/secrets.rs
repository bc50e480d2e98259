//! The vault's secrets: add one, and per secret Rotate, Mark unreachable/reachable and Delete.
//! The list shows names, versions, dates and which connections use each secret — never values.

use super::super::data_common::field::{FormMessage, FormState, TextField};
use super::secret_dialogs::{DeleteSecretDialog, RotateSecretDialog};
use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::format_timestamp;
use crate::ui::toast::use_toasts;
use connections_domain::{Command, DomainError, SecretInput, SecretName};
use leptos::prelude::*;

#[component]
pub fn SecretsSection() -> impl IntoView {
    let rotating = RwSignal::new(None::<SecretName>);
    let deleting = RwSignal::new(None::<SecretName>);
    view! {
        <section class="secrets" aria-labelledby="secrets-title">
            <AddSecretForm />
            <SecretTable rotating=rotating deleting=deleting />
            <RotateSecretDialog target=rotating />
            <DeleteSecretDialog target=deleting />
        </section>
    }
}

#[component]
fn AddSecretForm() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let name = RwSignal::new(String::new());
    // Held only until it is sent; the page never shows it again.
    let value = RwSignal::new(String::new());
    let form = FormState::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let command = Command::AddSecret { name: name.get_untracked(), value: SecretInput::new(value.get_untracked()) };
        match portal.dispatch(command) {
            Ok(_) => {
                toasts.success(i18n.tf("kv.secret_added", &[("name", name.get_untracked().trim())]), None);
                name.set(String::new());
                value.set(String::new());
            }
            Err(error) => form.refuse_fields(error, &["name", "value"], |e| matches!(e, DomainError::SecretExists(_)).then_some("name")),
        }
    };
    view! {
        <form class="card add-secret" id="add-secret-form" on:submit=submit novalidate aria-labelledby="add-secret-title">
            <h2 id="add-secret-title">{move || i18n.t("kv.add_secret")}</h2>
            <div class="form-row">
                <TextField id="secret-name" label_key="kv.secret_name" value=name errors=form.fields key="name" no_spellcheck=true hint_key="kv.secret_name_hint" />
                <TextField
                    id="secret-value"
                    label_key="kv.secret_value"
                    value=value
                    errors=form.fields
                    key="value"
                    input_type="password"
                    autocomplete="new-password"
                    hint_key="kv.secret_value_hint"
                />
            </div>
            <FormMessage form=form />
            <div class="dialog-actions">
                <button type="submit" class="primary" id="secret-add">{move || i18n.t("kv.add_secret")}</button>
            </div>
        </form>
    }
}

#[component]
fn SecretTable(rotating: RwSignal<Option<SecretName>>, deleting: RwSignal<Option<SecretName>>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let secrets = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.vault_view(&viewer).map(|v| v.secrets).unwrap_or_default())
    });
    let set_reachable = move |name: SecretName, reachable: bool| {
        match portal.dispatch(Command::SetSecretReachable { name: name.clone(), reachable }) {
            Ok(_) => {
                let key = if reachable { "kv.secret_reachable_now" } else { "kv.secret_unreachable_now" };
                toasts.success(i18n.tf(key, &[("name", name.as_str())]), None);
            }
            Err(error) => {
                toasts.failure(error_message(&i18n, &error));
            }
        }
    };
    view! {
        <h2 id="secrets-title">{move || i18n.t("key_vault.secrets")}</h2>
        <Show
            when=move || !secrets.with(Vec::is_empty)
            fallback=move || view! { <p class="empty-state">{move || i18n.t("kv.no_secrets")}</p> }
        >
            <div class="table-scroll">
                <table class="data" id="secret-list">
                    <caption class="sr-only">{move || i18n.t("key_vault.secrets")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("key_vault.col.name")}</th>
                            <th scope="col">{move || i18n.t("key_vault.col.version")}</th>
                            <th scope="col">{move || i18n.t("key_vault.col.updated")}</th>
                            <th scope="col">{move || i18n.t("kv.col.status")}</th>
                            <th scope="col">{move || i18n.t("key_vault.col.used_by")}</th>
                            <th scope="col">{move || i18n.t("data.actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let locale = i18n.locale();
                            secrets
                                .get()
                                .into_iter()
                                .map(|secret| {
                                    let used_by = if secret.used_by.is_empty() {
                                        i18n.t("kv.unused")
                                    } else {
                                        secret.used_by.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ")
                                    };
                                    let name = StoredValue::new(secret.name.clone());
                                    let reachable = secret.reachable;
                                    let label = secret.name.to_string();
                                    view! {
                                        <tr id=format!("secret-{}", secret.name)>
                                            <th scope="row">{secret.name.to_string()}</th>
                                            <td data-label=move || i18n.t("key_vault.col.version") class="secret-version">
                                                {i18n.tf("kv.version", &[("version", &secret.latest_version.to_string()), ("count", &secret.versions.to_string())])}
                                            </td>
                                            <td data-label=move || i18n.t("key_vault.col.updated")>{format_timestamp(secret.updated_at, locale)}</td>
                                            <td data-label=move || i18n.t("kv.col.status") class="secret-status">
                                                <span class=if reachable { "badge badge-ok" } else { "badge badge-bad" }>
                                                    {i18n.t(if reachable { "key_vault.reachable" } else { "kv.secret_unreachable" })}
                                                </span>
                                            </td>
                                            <td data-label=move || i18n.t("key_vault.col.used_by") class="secret-used-by">{used_by}</td>
                                            <td class="actions-cell">
                                                <button
                                                    type="button"
                                                    class="secret-rotate"
                                                    aria-label=i18n.tf("kv.rotate_named", &[("name", &label)])
                                                    on:click=move |_| rotating.set(Some(name.get_value()))
                                                >
                                                    {i18n.t("kv.rotate")}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="secret-toggle-reachable"
                                                    aria-label=i18n.tf(if reachable { "kv.mark_unreachable_named" } else { "kv.mark_reachable_named" }, &[("name", &label)])
                                                    on:click=move |_| set_reachable(name.get_value(), !reachable)
                                                >
                                                    {i18n.t(if reachable { "kv.mark_unreachable" } else { "kv.mark_reachable" })}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="secret-delete danger"
                                                    aria-label=i18n.tf("kv.delete_named", &[("name", &label)])
                                                    on:click=move |_| deleting.set(Some(name.get_value()))
                                                >
                                                    {i18n.t("data.delete")}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
