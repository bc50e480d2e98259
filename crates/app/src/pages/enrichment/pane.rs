//! The enrichment pane: view or edit one enrichment. Actions: Save (name), Run, Deactivate or
//! Activate, Add connection (when its connection was removed, which reactivates it) and Delete.

use super::super::data_common::field::{FormMessage, FormState, TextField};
use super::super::data_common::pane::{AttachPicker, PaneActions, SidePane};
use super::super::data_common::rows::run_status;
use super::actions::EnrichmentActions;
use super::add::name_field;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp};
use connections_domain::{AttachTarget, Command, ConnectionId, EnrichmentId, EnrichmentRow};
use leptos::prelude::*;

#[component]
pub fn EnrichmentPane(target: RwSignal<Option<EnrichmentId>>, open: RwSignal<bool>, delete: RwSignal<Vec<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    view! {
        <SidePane id="enrichment-pane" open=open>
            {move || target.get_untracked().map(|id| view! { <EnrichmentDetails id=id open=open delete=delete actions=actions /> })}
        </SidePane>
    }
}

/// Whether the pane's row (while it exists) allows `f`.
fn allows(row: Memo<Option<EnrichmentRow>>, f: fn(&EnrichmentRow) -> bool) -> Signal<bool> {
    Signal::derive(move || row.with(|r| r.as_ref().is_some_and(f)))
}

#[component]
fn EnrichmentDetails(id: EnrichmentId, open: RwSignal<bool>, delete: RwSignal<Vec<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let row_id = id.clone();
    let row = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.enrichment_row_of(&viewer, &row_id))
    });
    let Some(initial) = row.get_untracked() else {
        return view! { <p role="alert">{move || i18n.t("error.not_found")}</p> }.into_any();
    };
    let name = RwSignal::new(initial.name.clone());
    let form = FormState::new();
    let can_edit = allows(row, |r| r.can_edit);
    let active = allows(row, |r| r.active);
    let id = StoredValue::new(id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.clear();
        match portal.dispatch(Command::EditEnrichment { id: id.get_value(), name: name.get_untracked() }) {
            Ok(_) => {
                actions.0.toasts.success(i18n.t("data.enrichment.saved"), None);
            }
            Err(error) => form.refuse(error, name_field),
        }
    };
    view! {
        <form class="pane-form" on:submit=save novalidate>
            <h2 id="enrichment-pane-title">{move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())}</h2>
            <Show when=move || !can_edit.get()>
                <p class="note">{move || i18n.t("data.enrichment.read_only_note")}</p>
            </Show>
            <Facts row=row />
            <Show when=move || !active.get()>
                <p class="note" id="inactive-note">{move || i18n.t("data.enrichment.inactive_note")}</p>
            </Show>
            <AttachSection row=row actions=actions />
            <TextField
                id="enrichment-pane-name"
                label_key="data.enrichment.name"
                value=name
                errors=form.fields
                key="name"
                read_only=!initial.can_edit
            />
            <FormMessage form=form />
            <PaneActions
                prefix="enrichment"
                open=open
                can_edit=can_edit
                can_run=allows(row, |r| r.can_run)
                run=Callback::new(move |()| actions.run(&[id.get_value()]))
                remove_part="delete"
                remove_key="data.delete"
                remove=Callback::new(move |()| delete.set(vec![id.get_value()]))
            >
                <Show
                    when=move || active.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                id="enrichment-activate"
                                disabled=move || !allows(row, |r| r.can_activate).get()
                                on:click=move |_| {
                                    actions.set_active(vec![id.get_value()], true);
                                }
                            >
                                {move || i18n.t("data.enrichment.activate")}
                            </button>
                        }
                    }
                >
                    <button
                        type="button"
                        id="enrichment-deactivate"
                        on:click=move |_| {
                            actions.set_active(vec![id.get_value()], false);
                        }
                    >
                        {move || i18n.t("data.enrichment.deactivate")}
                    </button>
                </Show>
            </PaneActions>
        </form>
    }
    .into_any()
}

#[component]
fn Facts(row: Memo<Option<EnrichmentRow>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let row = row.get()?;
        let locale = i18n.locale();
        let connection = row.connection.as_ref().map(|c| c.display_name.clone()).unwrap_or_else(|| i18n.t("exports.no_connection"));
        Some(view! {
            <dl class="facts">
                <dt>{i18n.t("enrichment.col.provider")}</dt>
                <dd>{row.provider_name}</dd>
                <dt>{i18n.t("enrichment.col.connection")}</dt>
                <dd id="enrichment-pane-connection">{connection}</dd>
                <dt>{i18n.t("enrichment.col.status")}</dt>
                <dd id="enrichment-pane-active">{i18n.t(if row.active { "enrichment.active" } else { "enrichment.inactive" })}</dd>
                <dt>{i18n.t("data.enrichment.last_run")}</dt>
                <dd id="enrichment-pane-status">{run_status(&i18n, row.status)}</dd>
                <dt>{i18n.t("enrichment.col.enriched")}</dt>
                <dd>{format_number(row.enriched_customers, locale)}</dd>
                <dt>{i18n.t("enrichment.col.last_refresh")}</dt>
                <dd>{row.last_refresh.map(|at| format_timestamp(at, locale)).unwrap_or_else(|| i18n.t("common.never"))}</dd>
            </dl>
        })
    }
}

/// Shown when the enrichment has no connection: pick another of the same provider.
#[component]
fn AttachSection(row: Memo<Option<EnrichmentRow>>, actions: EnrichmentActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        let Some(id) = row.with(|r| r.as_ref().map(|r| r.id.clone())) else { return Vec::new() };
        portal.workspace.with(|w| w.attachable_connections(&viewer, &AttachTarget::Enrichment(id)))
    });
    let attach = Callback::new(move |connection: ConnectionId| {
        let Some(enrichment) = row.get_untracked().map(|r| r.id) else { return Ok(()) };
        actions.attach(&enrichment, connection)
    });
    view! {
        <Show when=move || allows(row, |r| r.can_attach).get()>
            <div class="detached-box">
                <p>{move || i18n.t("data.enrichment.no_connection_note")}</p>
                <AttachPicker id="attach-enrichment-connection" save_id="attach-enrichment-save" choices=choices choose_key="data.enrichment.choose_connection" attach=attach />
            </div>
        </Show>
    }
}
