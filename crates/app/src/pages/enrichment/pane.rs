//! The enrichment pane: view or edit one enrichment. Actions: Save (name), Run, Deactivate or
//! Activate, Add connection (when its connection was removed, which reactivates it) and Delete.

use super::super::data_common::field::{FormMessage, FormState, TextField};
use super::super::data_common::pane::{allows, facts, not_found, AttachPicker, DetailsPane, PaneActions};
use super::super::data_common::rows::{run_status, when_or_never};
use super::actions::EnrichmentActions;
use super::add::name_field;
use crate::i18n::{use_i18n, I18n};
use crate::state::use_portal;
use crate::time::format_number;
use connections_domain::{AttachTarget, Command, EnrichmentId, EnrichmentRow};
use leptos::prelude::*;

#[component]
pub fn EnrichmentPane(target: RwSignal<Option<EnrichmentId>>, open: RwSignal<bool>, delete: RwSignal<Vec<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    let details = Callback::new(move |id: EnrichmentId| view! { <EnrichmentDetails id=id open=open delete=delete actions=actions /> }.into_any());
    view! { <DetailsPane id="enrichment-pane" open=open target=target details=details /> }
}

#[component]
fn EnrichmentDetails(id: EnrichmentId, open: RwSignal<bool>, delete: RwSignal<Vec<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let row_id = id.clone();
    let row = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.enrichment_row_of(&viewer, &row_id))
    });
    let Some(initial) = row.get_untracked() else {
        return not_found();
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
            {facts(row, enrichment_facts)}
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

/// Provider, connection, active or not, last run, enriched customers and last refresh.
fn enrichment_facts(i18n: &I18n, row: EnrichmentRow) -> impl IntoView {
    let connection = row.connection.map(|c| c.display_name).unwrap_or_else(|| i18n.t("exports.no_connection"));
    view! {
        <dt>{i18n.t("enrichment.col.provider")}</dt>
        <dd>{row.provider_name}</dd>
        <dt>{i18n.t("enrichment.col.connection")}</dt>
        <dd id="enrichment-pane-connection">{connection}</dd>
        <dt>{i18n.t("enrichment.col.status")}</dt>
        <dd id="enrichment-pane-active">{i18n.t(if row.active { "enrichment.active" } else { "enrichment.inactive" })}</dd>
        <dt>{i18n.t("data.enrichment.last_run")}</dt>
        <dd id="enrichment-pane-status">{run_status(i18n, row.status)}</dd>
        <dt>{i18n.t("enrichment.col.enriched")}</dt>
        <dd>{format_number(row.enriched_customers, i18n.locale())}</dd>
        <dt>{i18n.t("enrichment.col.last_refresh")}</dt>
        <dd>{when_or_never(i18n, row.last_refresh)}</dd>
    }
}

/// Shown when the enrichment has no connection: pick another of the same provider.
#[component]
fn AttachSection(row: Memo<Option<EnrichmentRow>>, actions: EnrichmentActions) -> impl IntoView {
    let i18n = use_i18n();
    let Some(id) = row.with_untracked(|r| r.as_ref().map(|r| r.id.clone())) else { return ().into_any() };
    let id = StoredValue::new(id);
    view! {
        <Show when=move || allows(row, |r| r.can_attach).get()>
            <div class="detached-box">
                <p>{move || i18n.t("data.enrichment.no_connection_note")}</p>
                <AttachPicker
                    id="attach-enrichment-connection"
                    save_id="attach-enrichment-save"
                    target=AttachTarget::Enrichment(id.get_value())
                    choose_key="data.enrichment.choose_connection"
                    attach=Callback::new(move |connection| actions.attach(&id.get_value(), connection))
                />
            </div>
        </Show>
    }
    .into_any()
}
