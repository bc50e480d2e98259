//! Rotate (a new version; connections that use the secret pick it up) and Delete (refused
//! while connections use the secret — the refusal names them).

use super::super::data_common::field::{FormMessage, FormState, TextField};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{Command, EventKind, SecretInput, SecretName};
use leptos::prelude::*;

/// An `open` signal that follows `target` and clears it when the dialog closes.
fn open_while_some<T: Clone + Send + Sync + 'static>(target: RwSignal<Option<T>>) -> RwSignal<bool> {
    let open = RwSignal::new(false);
    // Each side is set only when it differs, so the two effects can't feed each other.
    Effect::new(move |_| {
        let wanted = target.with(Option::is_some);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && target.with_untracked(Option::is_some) {
            target.set(None);
        }
    });
    open
}

#[component]
pub fn RotateSecretDialog(target: RwSignal<Option<SecretName>>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let open = open_while_some(target);
    let value = RwSignal::new(String::new());
    let form = FormState::new();
    Effect::new(move |_| {
        if open.get() {
            value.set(String::new());
            form.clear();
        }
    });
    let name = move || target.get().map(|n| n.to_string()).unwrap_or_default();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(secret) = target.get_untracked() else { return };
        form.clear();
        match portal.dispatch(Command::RotateSecret { name: secret.clone(), value: SecretInput::new(value.get_untracked()) }) {
            Ok(events) => {
                let version = events
                    .iter()
                    .find_map(|e| match &e.kind {
                        EventKind::SecretRotated { version, .. } => Some(*version),
                        _ => None,
                    })
                    .unwrap_or_default();
                value.set(String::new());
                open.set(false);
                toasts.success(i18n.tf("kv.rotated", &[("name", secret.as_str()), ("version", &version.to_string())]), None);
            }
            Err(error) => form.refuse_fields(error, &["value"], |_| None),
        }
    };
    view! {
        <Modal open=open labelled_by="rotate-title" id="rotate-dialog" class="dialog">
            <form on:submit=submit novalidate>
                <h2 id="rotate-title">{move || i18n.tf("kv.rotate_title", &[("name", &name())])}</h2>
                <p>{move || i18n.t("kv.rotate_body")}</p>
                <TextField
                    id="rotate-value"
                    label_key="kv.new_value"
                    value=value
                    errors=form.fields
                    key="value"
                    input_type="password"
                    autocomplete="new-password"
                />
                <FormMessage form=form />
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                    <button type="submit" class="primary" id="rotate-confirm">{move || i18n.t("kv.rotate")}</button>
                </div>
            </form>
        </Modal>
    }
}

#[component]
pub fn DeleteSecretDialog(target: RwSignal<Option<SecretName>>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let open = open_while_some(target);
    let refusal = FormState::new();
    Effect::new(move |_| {
        if open.get() {
            refusal.clear();
        }
    });
    let name = move || target.get().map(|n| n.to_string()).unwrap_or_default();
    let confirm = move |_| {
        let Some(secret) = target.get_untracked() else { return };
        match portal.dispatch(Command::DeleteSecret { name: secret.clone() }) {
            Ok(_) => {
                open.set(false);
                toasts.success(i18n.tf("kv.secret_deleted", &[("name", secret.as_str())]), None);
            }
            Err(error) => refusal.refuse(error, |_| None),
        }
    };
    view! {
        <Modal open=open labelled_by="delete-secret-title" id="delete-secret-dialog" class="dialog">
            <h2 id="delete-secret-title">{move || i18n.tf("kv.delete_title", &[("name", &name())])}</h2>
            <p>{move || i18n.t("kv.delete_body")}</p>
            <FormMessage form=refusal id="delete-secret-error" />
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button type="button" class="danger" id="delete-secret-confirm" on:click=confirm>{move || i18n.t("data.delete")}</button>
            </div>
        </Modal>
    }
}
