//! Add export: the connection comes from those the signed-in user may use (a contributor sees
//! only connections shared with contributors), grouped by type; then name, kind and schedule.

use super::super::data_common::field::{has_error, new_errors, FieldMessage};
use super::super::data_common::picker::ConnectionPicker;
use super::form::{ExportDraft, ExportFields};
use crate::errors::{error_message, name_error_message};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{Category, Command, ConnectionId, DomainError, EventKind, ExportId, ExportKind, Schedule};
use leptos::prelude::*;

#[component]
/// - `created`: told the new export's id, so the list can show the page it is on.
pub fn AddExportPane(open: RwSignal<bool>, created: Callback<ExportId>) -> impl IntoView {
    view! {
        <Modal open=open labelled_by="add-export-title" id="add-export" class="side-pane">
            <AddExportForm open=open created=created />
        </Modal>
    }
}

#[component]
fn AddExportForm(open: RwSignal<bool>, created: Callback<ExportId>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.usable_connections(&viewer, Category::Export))
    });
    let connection = RwSignal::new(String::new());
    let draft = ExportDraft::new(String::new(), ExportKind::Segment, Schedule::WithEachRefresh);
    let errors = new_errors();
    let form_error = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Default::default());
        form_error.set(None);
        let command = Command::CreateExport(connections_domain::NewExport {
            name: draft.name.get_untracked(),
            kind: draft.kind.get_untracked(),
            connection: ConnectionId::new(connection.get_untracked()),
            schedule: draft.schedule_value(),
        });
        match portal.dispatch(command) {
            Ok(events) => {
                toasts.success(i18n.tf("data.export.created", &[("name", draft.name.get_untracked().trim())]), None);
                open.set(false);
                if let Some(id) = events.iter().find_map(|e| match &e.kind {
                    EventKind::ExportCreated { id, .. } => Some(id.clone()),
                    _ => None,
                }) {
                    created.run(id);
                }
            }
            Err(error) => {
                let mut map = std::collections::BTreeMap::new();
                match &error {
                    DomainError::InvalidName(e) => {
                        map.insert("name", name_error_message(&i18n, e));
                    }
                    DomainError::InvalidSchedule => {
                        map.insert("hours", error_message(&i18n, &error));
                    }
                    DomainError::NotFound(_) if connection.get_untracked().is_empty() => {
                        map.insert("connection", i18n.t("data.export.choose_connection"));
                    }
                    DomainError::NotFound(_) | DomainError::ConnectionNotShared(_) | DomainError::WrongCategory { .. } => {
                        map.insert("connection", error_message(&i18n, &error));
                    }
                    _ => form_error.set(Some(error_message(&i18n, &error))),
                }
                errors.set(map);
            }
        }
    };

    view! {
        <form class="pane-form" on:submit=save novalidate>
            <h2 id="add-export-title">{move || i18n.t("data.export.add")}</h2>
            <p class="hint">{move || i18n.t("data.export.add_intro")}</p>
            <div class="form-field">
                <label for="add-export-connection">{move || i18n.t("data.export.connection")}</label>
                <ConnectionPicker
                    id="add-export-connection"
                    choices=choices
                    value=connection
                    error_id="add-export-connection-error"
                    invalid=has_error(errors, "connection")
                />
                <Show when=move || choices.with(Vec::is_empty)>
                    <p class="hint hint-field" id="no-connection-hint">{move || i18n.t("data.export.contact_admin")}</p>
                </Show>
                <FieldMessage errors=errors key="connection" id="add-export-connection-error" />
            </div>
            <ExportFields draft=draft errors=errors prefix="add-export" />
            <Show when=move || form_error.get().is_some()>
                <p class="form-error" role="alert">{move || form_error.get().unwrap_or_default()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button type="submit" class="primary" id="add-export-save">{move || i18n.t("data.save")}</button>
            </div>
        </form>
    }
}
