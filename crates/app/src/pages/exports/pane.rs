//! The export pane: view or edit one export. Those who may not edit it see the same fields read
//! only. Its actions: Save (name, kind, schedule), Run, Create duplicate, Detach connection, Add
//! connection (when detached, to reactivate it) and Remove.

use super::super::data_common::field::{has_error, new_errors, FieldMessage};
use super::super::data_common::picker::ConnectionPicker;
use super::super::data_common::run::progress;
use super::actions::ExportActions;
use super::form::{ExportDraft, ExportFields};
use crate::errors::{error_message, name_error_message};
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::format_timestamp;
use crate::ui::modal::Modal;
use connections_domain::{Category, Command, ConnectionId, DomainError, ExportId, ExportRow};
use leptos::prelude::*;

#[component]
pub fn ExportPane(target: RwSignal<Option<ExportId>>, open: RwSignal<bool>, remove: RwSignal<Vec<ExportId>>, actions: ExportActions) -> impl IntoView {
    view! {
        <Modal open=open labelled_by="export-pane-title" id="export-pane" class="side-pane">
            {move || target.get_untracked().map(|id| view! { <ExportDetails id=id open=open remove=remove actions=actions /> })}
        </Modal>
    }
}

#[component]
fn ExportDetails(id: ExportId, open: RwSignal<bool>, remove: RwSignal<Vec<ExportId>>, actions: ExportActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let row_id = id.clone();
    let row = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.export_rows_of(&viewer, std::slice::from_ref(&row_id)).pop())
    });
    let Some(initial) = row.get_untracked() else {
        return view! { <p role="alert">{move || i18n.t("error.not_found")}</p> }.into_any();
    };
    let draft = ExportDraft::new(initial.name.clone(), initial.kind, initial.schedule);
    let errors = new_errors();
    let form_error = RwSignal::new(None::<String>);
    let can_edit = move || row.with(|r| r.as_ref().is_some_and(|r| r.can_edit));
    let read_only = !initial.can_edit;
    let id = StoredValue::new(id);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Default::default());
        form_error.set(None);
        let command = Command::EditExport(connections_domain::ExportEdit {
            id: id.get_value(),
            name: draft.name.get_untracked(),
            kind: draft.kind.get_untracked(),
            schedule: draft.schedule_value(),
        });
        match portal.dispatch(command) {
            Ok(_) => {
                actions.toasts.success(i18n.t("data.export.saved"), None);
            }
            Err(DomainError::InvalidName(e)) => errors.set([("name", name_error_message(&i18n, &e))].into()),
            Err(error @ DomainError::InvalidSchedule) => errors.set([("hours", error_message(&i18n, &error))].into()),
            Err(error) => form_error.set(Some(error_message(&i18n, &error))),
        }
    };

    view! {
        <form class="pane-form" on:submit=save novalidate>
            <h2 id="export-pane-title">{move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())}</h2>
            <Show when=move || !can_edit()>
                <p class="note" id="export-read-only">{move || i18n.t("data.export.read_only_note")}</p>
            </Show>
            <StatusLine row=row />
            <ConnectionSection row=row actions=actions />
            <ExportFields draft=draft errors=errors prefix="export-pane" read_only=read_only />
            <Show when=move || form_error.get().is_some()>
                <p class="form-error" role="alert">{move || form_error.get().unwrap_or_default()}</p>
            </Show>
            <div class="dialog-actions pane-actions">
                <Show when=can_edit>
                    <button type="submit" class="primary" id="export-save">{move || i18n.t("data.save")}</button>
                    <button
                        type="button"
                        id="export-run"
                        disabled=move || row.with(|r| r.as_ref().is_none_or(|r| !r.active || r.status.is_running()))
                        on:click=move |_| actions.run(&[id.get_value()])
                    >
                        {move || i18n.t("data.run")}
                    </button>
                    <button
                        type="button"
                        id="export-duplicate"
                        disabled=move || row.with(|r| r.as_ref().is_none_or(|r| !r.active))
                        on:click=move |_| actions.duplicate(&id.get_value())
                    >
                        {move || i18n.t("data.export.duplicate")}
                    </button>
                    <Show when=move || row.with(|r| r.as_ref().is_some_and(|r| r.active))>
                        <button
                            type="button"
                            id="export-detach"
                            on:click=move |_| {
                                actions.detach(vec![id.get_value()]);
                            }
                        >
                            {move || i18n.t("data.export.detach")}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="danger"
                        id="export-remove"
                        on:click=move |_| {
                            open.set(false);
                            remove.set(vec![id.get_value()]);
                        }
                    >
                        {move || i18n.t("data.remove")}
                    </button>
                </Show>
                <button type="button" id="export-pane-close" on:click=move |_| open.set(false)>
                    {move || i18n.t("data.close")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
fn StatusLine(row: Memo<Option<ExportRow>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let row = row.get()?;
        let locale = i18n.locale();
        let last = row.last_refreshed.map(|at| format_timestamp(at, locale)).unwrap_or_else(|| i18n.t("common.never"));
        Some(view! {
            <dl class="facts">
                <dt>{i18n.t("exports.col.status")}</dt>
                <dd id="export-pane-status">
                    <span class=labels::run_status_class(row.status)>{i18n.t(labels::run_status(row.status))}</span>
                    {progress(row.status).map(|(value, max)| view! { <progress value=value max=max></progress> })}
                </dd>
                <dt>{i18n.t("exports.col.last_refreshed")}</dt>
                <dd>{last}</dd>
                <dt>{i18n.t("data.export.owner")}</dt>
                <dd>{row.owner_name}</dd>
            </dl>
        })
    }
}

/// The connection used, or "No connection" with the way to add one.
#[component]
fn ConnectionSection(row: Memo<Option<ExportRow>>, actions: ExportActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let choice = RwSignal::new(String::new());
    let errors = new_errors();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.usable_connections(&viewer, Category::Export))
    });
    let attach = move |_| {
        errors.set(Default::default());
        let Some(export) = row.get_untracked().map(|r| r.id) else { return };
        if choice.get_untracked().is_empty() {
            errors.set([("connection", i18n.t("data.export.choose_connection"))].into());
            return;
        }
        if let Err(error) = actions.attach(&export, &ConnectionId::new(choice.get_untracked())) {
            errors.set([("connection", error_message(&i18n, &error))].into());
        }
    };
    move || {
        let current = row.get()?;
        Some(match current.connection {
            Some(c) => view! {
                <p class="connection-used" id="export-pane-connection">
                    {i18n.t("exports.col.connection")} ": " <strong>{c.display_name}</strong> " (" {c.type_name} ")"
                </p>
            }
            .into_any(),
            None => view! {
                <div class="detached-box" id="export-pane-connection">
                    <p>
                        <strong>{i18n.t("exports.no_connection")}</strong>
                        " — "
                        {i18n.t("data.export.detached_note")}
                    </p>
                    <Show when=move || row.with(|r| r.as_ref().is_some_and(|r| r.can_edit))>
                        <div class="form-field">
                            <label for="attach-connection">{move || i18n.t("data.add_connection")}</label>
                            <div class="inline-field">
                                <ConnectionPicker
                                    id="attach-connection"
                                    choices=choices
                                    value=choice
                                    error_id="attach-connection-error"
                                    invalid=has_error(errors, "connection")
                                />
                                <button type="button" id="attach-connection-save" on:click=attach>
                                    {move || i18n.t("data.add_connection")}
                                </button>
                            </div>
                            <Show when=move || choices.with(Vec::is_empty)>
                                <p class="hint hint-field">{move || i18n.t("data.export.contact_admin")}</p>
                            </Show>
                            <FieldMessage errors=errors key="connection" id="attach-connection-error" />
                        </div>
                    </Show>
                </div>
            }
            .into_any(),
        })
    }
}
