//! Add enrichment: pick an enrichment connection (grouped by provider) and name it.

use super::super::data_common::field::{has_error, new_errors, FieldMessage};
use super::super::data_common::picker::ConnectionPicker;
use crate::errors::{error_message, name_error_message};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{Category, Command, ConnectionId, DomainError};
use leptos::prelude::*;

#[component]
pub fn AddEnrichmentPane(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <Modal open=open labelled_by="add-enrichment-title" id="add-enrichment" class="side-pane">
            <AddEnrichmentForm open=open />
        </Modal>
    }
}

#[component]
fn AddEnrichmentForm(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.usable_connections(&viewer, Category::Enrichment))
    });
    let connection = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let errors = new_errors();
    let form_error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Default::default());
        form_error.set(None);
        let command = Command::CreateEnrichment { name: name.get_untracked(), connection: ConnectionId::new(connection.get_untracked()) };
        match portal.dispatch(command) {
            Ok(_) => {
                toasts.success(i18n.tf("data.enrichment.created", &[("name", name.get_untracked().trim())]), None);
                open.set(false);
            }
            Err(DomainError::InvalidName(e)) => errors.set([("name", name_error_message(&i18n, &e))].into()),
            Err(DomainError::NotFound(_)) if connection.get_untracked().is_empty() => {
                errors.set([("connection", i18n.t("data.enrichment.choose_connection"))].into())
            }
            Err(error @ (DomainError::NotFound(_) | DomainError::WrongCategory { .. })) => {
                errors.set([("connection", error_message(&i18n, &error))].into())
            }
            Err(error) => form_error.set(Some(error_message(&i18n, &error))),
        }
    };
    view! {
        <form class="pane-form" on:submit=save novalidate>
            <h2 id="add-enrichment-title">{move || i18n.t("data.enrichment.add")}</h2>
            <p class="hint">{move || i18n.t("data.enrichment.add_intro")}</p>
            <div class="form-field">
                <label for="add-enrichment-connection">{move || i18n.t("data.enrichment.connection")}</label>
                <ConnectionPicker
                    id="add-enrichment-connection"
                    choices=choices
                    value=connection
                    error_id="add-enrichment-connection-error"
                    invalid=has_error(errors, "connection")
                />
                <Show when=move || choices.with(Vec::is_empty)>
                    <p class="hint hint-field">{move || i18n.t("data.export.contact_admin")}</p>
                </Show>
                <FieldMessage errors=errors key="connection" id="add-enrichment-connection-error" />
            </div>
            <div class="form-field">
                <label for="add-enrichment-name">{move || i18n.t("data.enrichment.name")}</label>
                <input
                    id="add-enrichment-name"
                    type="text"
                    autocomplete="off"
                    aria-invalid=move || has_error(errors, "name").get().to_string()
                    aria-describedby="add-enrichment-name-error"
                    bind:value=name
                />
                <FieldMessage errors=errors key="name" id="add-enrichment-name-error" />
            </div>
            <Show when=move || form_error.get().is_some()>
                <p class="form-error" role="alert">{move || form_error.get().unwrap_or_default()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button type="submit" class="primary" id="add-enrichment-save">{move || i18n.t("data.save")}</button>
            </div>
        </form>
    }
}
