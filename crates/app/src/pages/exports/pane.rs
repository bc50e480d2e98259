//! The export pane: view or edit one export. Those who may not edit it see the same fields read
//! only. Its actions: Save (name, kind, schedule), Run, Create duplicate, Detach connection, Add
//! connection (when detached, to reactivate it) and Remove.

use super::super::data_common::field::{FormMessage, FormState};
use super::super::data_common::pane::{allows, facts, not_found, AttachPicker, DetailsPane, PaneActions};
use super::super::data_common::rows::{run_status, when_or_never};
use super::actions::ExportActions;
use super::form::{schedule_field, ExportDraft, ExportFields};
use crate::i18n::{use_i18n, I18n};
use crate::state::use_portal;
use connections_domain::{AttachTarget, Command, ExportEdit, ExportId, ExportRow};
use leptos::prelude::*;

#[component]
pub fn ExportPane(target: RwSignal<Option<ExportId>>, open: RwSignal<bool>, remove: RwSignal<Vec<ExportId>>, actions: ExportActions) -> impl IntoView {
    let details = Callback::new(move |id: ExportId| view! { <ExportDetails id=id open=open remove=remove actions=actions /> }.into_any());
    view! { <DetailsPane id="export-pane" open=open target=target details=details /> }
}

#[component]
fn ExportDetails(id: ExportId, open: RwSignal<bool>, remove: RwSignal<Vec<ExportId>>, actions: ExportActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let row_id = id.clone();
    let row = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.export_rows_of(&viewer, std::slice::from_ref(&row_id)).pop())
    });
    let Some(initial) = row.get_untracked() else {
        return not_found();
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
            {facts(row, status_line)}
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

/// Status, last refresh and owner.
fn status_line(i18n: &I18n, row: ExportRow) -> impl IntoView {
    view! {
        <dt>{i18n.t("exports.col.status")}</dt>
        <dd id="export-pane-status">{run_status(i18n, row.status)}</dd>
        <dt>{i18n.t("exports.col.last_refreshed")}</dt>
        <dd>{when_or_never(i18n, row.last_refreshed)}</dd>
        <dt>{i18n.t("data.export.owner")}</dt>
        <dd>{row.owner_name}</dd>
    }
}

/// The connection used, or "No connection" with the way to add one.
#[component]
fn ConnectionSection(row: Memo<Option<ExportRow>>, actions: ExportActions) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let current = row.get()?;
        let id = StoredValue::new(current.id.clone());
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
                        <AttachPicker
                            id="attach-connection"
                            save_id="attach-connection-save"
                            target=AttachTarget::Export(id.get_value())
                            choose_key="data.export.choose_connection"
                            attach=Callback::new(move |connection| actions.attach(&id.get_value(), connection))
                        />
                    </Show>
                </div>
            }
            .into_any(),
        })
    }
}
