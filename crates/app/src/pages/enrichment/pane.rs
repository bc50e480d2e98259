//! The enrichment pane: view or edit one enrichment. Actions: Save (name), Run, Deactivate or
//! Activate, Add connection (when its connection was removed, which reactivates it) and Delete.

use super::super::data_common::field::{has_error, new_errors, FieldMessage};
use super::super::data_common::picker::ConnectionPicker;
use super::super::data_common::run::progress;
use super::actions::EnrichmentActions;
use crate::errors::{error_message, name_error_message};
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp};
use crate::ui::modal::Modal;
use connections_domain::{Category, Command, ConnectionId, DomainError, EnrichmentId, EnrichmentRow};
use leptos::prelude::*;

#[component]
pub fn EnrichmentPane(target: RwSignal<Option<EnrichmentId>>, open: RwSignal<bool>, delete: RwSignal<Vec<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    view! {
        <Modal open=open labelled_by="enrichment-pane-title" id="enrichment-pane" class="side-pane">
            {move || target.get_untracked().map(|id| view! { <EnrichmentDetails id=id open=open delete=delete actions=actions /> })}
        </Modal>
    }
}

#[component]
fn EnrichmentDetails(id: EnrichmentId, open: RwSignal<bool>, delete: RwSignal<Vec<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let row_id = id.clone();
    let row = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.enrichment_rows(&viewer).into_iter().find(|r| r.id == row_id))
    });
    let Some(initial) = row.get_untracked() else {
        return view! { <p role="alert">{move || i18n.t("error.not_found")}</p> }.into_any();
    };
    let name = RwSignal::new(initial.name.clone());
    let errors = new_errors();
    let form_error = RwSignal::new(None::<String>);
    let read_only = !initial.can_edit;
    let can_edit = move || row.with(|r| r.as_ref().is_some_and(|r| r.can_edit));
    let active = move || row.with(|r| r.as_ref().is_some_and(|r| r.active));
    let id = StoredValue::new(id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(Default::default());
        form_error.set(None);
        match portal.dispatch(Command::EditEnrichment { id: id.get_value(), name: name.get_untracked() }) {
            Ok(_) => {
                actions.toasts.success(i18n.t("data.enrichment.saved"), None);
            }
            Err(DomainError::InvalidName(e)) => errors.set([("name", name_error_message(&i18n, &e))].into()),
            Err(error) => form_error.set(Some(error_message(&i18n, &error))),
        }
    };
    view! {
        <form class="pane-form" on:submit=save novalidate>
            <h2 id="enrichment-pane-title">{move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default())}</h2>
            <Show when=move || !can_edit()>
                <p class="note">{move || i18n.t("data.enrichment.read_only_note")}</p>
            </Show>
            <Facts row=row />
            <Show when=move || !active()>
                <p class="note" id="inactive-note">{move || i18n.t("data.enrichment.inactive_note")}</p>
            </Show>
            <AttachSection row=row actions=actions />
            <div class="form-field">
                <label for="enrichment-pane-name">{move || i18n.t("data.enrichment.name")}</label>
                <input
                    id="enrichment-pane-name"
                    type="text"
                    autocomplete="off"
                    readonly=read_only
                    aria-invalid=move || has_error(errors, "name").get().to_string()
                    aria-describedby="enrichment-pane-name-error"
                    bind:value=name
                />
                <FieldMessage errors=errors key="name" id="enrichment-pane-name-error" />
            </div>
            <Show when=move || form_error.get().is_some()>
                <p class="form-error" role="alert">{move || form_error.get().unwrap_or_default()}</p>
            </Show>
            <div class="dialog-actions pane-actions">
                <Show when=can_edit>
                    <button type="submit" class="primary" id="enrichment-save">{move || i18n.t("data.save")}</button>
                    <button
                        type="button"
                        id="enrichment-run"
                        disabled=move || row.with(|r| r.as_ref().is_none_or(|r| !r.active || r.status.is_running()))
                        on:click=move |_| actions.run(&[id.get_value()])
                    >
                        {move || i18n.t("data.run")}
                    </button>
                    <Show
                        when=active
                        fallback=move || {
                            view! {
                                <button
                                    type="button"
                                    id="enrichment-activate"
                                    disabled=move || row.with(|r| r.as_ref().is_none_or(|r| r.connection.is_none()))
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
                    <button
                        type="button"
                        class="danger"
                        id="enrichment-delete"
                        on:click=move |_| {
                            open.set(false);
                            delete.set(vec![id.get_value()]);
                        }
                    >
                        {move || i18n.t("data.delete")}
                    </button>
                </Show>
                <button type="button" id="enrichment-pane-close" on:click=move |_| open.set(false)>
                    {move || i18n.t("data.close")}
                </button>
            </div>
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
                <dd id="enrichment-pane-status">
                    <span class=labels::run_status_class(row.status)>{i18n.t(labels::run_status(row.status))}</span>
                    {progress(row.status).map(|(value, max)| view! { <progress value=value max=max></progress> })}
                </dd>
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
    let choice = RwSignal::new(String::new());
    let errors = new_errors();
    let choices = Signal::derive(move || {
        let viewer = portal.current_user.get();
        let provider = row.with(|r| r.as_ref().map(|r| r.provider));
        portal.workspace.with(|w| {
            w.usable_connections(&viewer, Category::Enrichment).into_iter().filter(|c| Some(c.type_id) == provider).collect::<Vec<_>>()
        })
    });
    let attach = move |_| {
        errors.set(Default::default());
        let Some(enrichment) = row.get_untracked().map(|r| r.id) else { return };
        if choice.get_untracked().is_empty() {
            errors.set([("connection", i18n.t("data.enrichment.choose_connection"))].into());
            return;
        }
        if let Err(error) = actions.attach(&enrichment, &ConnectionId::new(choice.get_untracked())) {
            errors.set([("connection", error_message(&i18n, &error))].into());
        }
    };
    view! {
        <Show when=move || row.with(|r| r.as_ref().is_some_and(|r| r.connection.is_none() && r.can_edit))>
            <div class="detached-box">
                <p>{move || i18n.t("data.enrichment.no_connection_note")}</p>
                <div class="form-field">
                    <label for="attach-enrichment-connection">{move || i18n.t("data.add_connection")}</label>
                    <div class="inline-field">
                        <ConnectionPicker
                            id="attach-enrichment-connection"
                            choices=choices
                            value=choice
                            error_id="attach-enrichment-connection-error"
                            invalid=has_error(errors, "connection")
                        />
                        <button type="button" id="attach-enrichment-save" on:click=attach>
                            {move || i18n.t("data.add_connection")}
                        </button>
                    </div>
                    <Show when=move || choices.with(Vec::is_empty)>
                        <p class="hint hint-field">{move || i18n.t("data.export.contact_admin")}</p>
                    </Show>
                    <FieldMessage errors=errors key="connection" id="attach-enrichment-connection-error" />
                </div>
            </div>
        </Show>
    }
}
