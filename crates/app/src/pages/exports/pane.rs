//! The export pane: view or edit one export. Those who may not edit it see the same fields read
//! only. Its actions: Save (name, kind, schedule), Run, Create duplicate, Detach connection, Add
//! connection (when detached, to reactivate it) and Remove.

use super::super::data_common::field::{FormMessage, FormState};
use super::super::data_common::pane::{AttachPicker, PaneActions, SidePane};
use super::super::data_common::rows::run_status;
use super::actions::ExportActions;
use super::form::{schedule_field, ExportDraft, ExportFields};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::format_timestamp;
use connections_domain::{AttachTarget, Command, ConnectionId, ExportEdit, ExportId, ExportRow};
use leptos::prelude::*;

#[component]
pub fn ExportPane(target: RwSignal<Option<ExportId>>, open: RwSignal<bool>, remove: RwSignal<Vec<ExportId>>, actions: ExportActions) -> impl IntoView {
    view! {
        <SidePane id="export-pane" open=open>
            {move || target.get_untracked().map(|id| view! { <ExportDetails id=id open=open remove=remove actions=actions /> })}
        </SidePane>
    }
}

/// Whether the pane's row (while it exists) allows `f`.
fn allows(row: Memo<Option<ExportRow>>, f: fn(&ExportRow) -> bool) -> Signal<bool> {
    Signal::derive(move || row.with(|r| r.as_ref().is_some_and(f)))
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
    let form = FormState::new();
    let can_edit = allows(row, |r| r.can_edit);
    let id = StoredValue::new(id);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        let command = Command::EditExport(ExportEdit {
            id: id.get_value(),
            name: draft.name.get_untracked(),
            kind: draft.kind.get_untracked(),
            schedule: draft.schedule_value(),
        });
        match portal.dispatch(command) {
            Ok(_) => {
                actions.0.toasts.success(i18n.t("data.export.saved"), None);
            }
            Err(error) => form.refuse(error, schedule_field),
        }
    };

    view! {
        <form class="pane-form" on:submit=save novalidate>
            <h2 id="export-pane-title">{move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())}</h2>
            <Show when=move || !can_edit.get()>
                <p class="note" id="export-read-only">{move || i18n.t("data.export.read_only_note")}</p>
            </Show>
            <StatusLine row=row />
            <ConnectionSection row=row actions=actions />
            <ExportFields draft=draft errors=form.fields prefix="export-pane" read_only=!initial.can_edit />
            <FormMessage form=form />
            <PaneActions
                prefix="export"
                open=open
                can_edit=can_edit
                can_run=allows(row, |r| r.can_run)
                run=Callback::new(move |()| actions.run(&[id.get_value()]))
                remove_part="remove"
                remove_key="data.remove"
                remove=Callback::new(move |()| remove.set(vec![id.get_value()]))
            >
                <button
                    type="button"
                    id="export-duplicate"
                    disabled=move || !allows(row, |r| r.can_duplicate).get()
                    on:click=move |_| actions.duplicate(&id.get_value())
                >
                    {move || i18n.t("data.export.duplicate")}
                </button>
                <Show when=move || allows(row, |r| r.can_detach).get()>
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
            </PaneActions>
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
                <dd id="export-pane-status">{run_status(&i18n, row.status)}</dd>
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
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        let Some(id) = row.with(|r| r.as_ref().map(|r| r.id.clone())) else { return Vec::new() };
        portal.workspace.with(|w| w.attachable_connections(&viewer, &AttachTarget::Export(id)))
    });
    let attach = Callback::new(move |connection: ConnectionId| {
        let Some(export) = row.get_untracked().map(|r| r.id) else { return Ok(()) };
        actions.attach(&export, connection)
    });
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
                    <Show when=move || allows(row, |r| r.can_attach).get()>
                        <AttachPicker id="attach-connection" save_id="attach-connection-save" choices=choices choose_key="data.export.choose_connection" attach=attach />
                    </Show>
                </div>
            }
            .into_any(),
        })
    }
}
