//! The Remove confirmation. While exports or enrichments use the connection it lists them, and
//! the administrator can, for one or several at once, Remove or Detach the exports and Delete
//! or Deactivate the enrichments (each with Undo). Remove itself is offered only once nothing
//! depends on the connection; the domain refuses it before then anyway.

use super::health::map_path;
use super::undo::lasting_callback;
use super::use_connections_ui;
use crate::errors::error_message;
use crate::i18n::{use_i18n, I18n};
use crate::state::{use_portal, Portal};
use crate::ui::focus::focus_later;
use crate::time::format_number;
use crate::ui::modal::Modal;
use crate::ui::table::{Pager, Paged, SelectAllMatching};
use crate::ui::toast::{use_toasts, Toasts};
use connections_domain::{Command, ConnectionId, DomainError, EnrichmentId, ExportId};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy)]
struct Ctx {
    portal: Portal,
    i18n: I18n,
    toasts: Toasts,
}

impl Ctx {
    fn fail(&self, error: &DomainError) {
        self.toasts.failure(error_message(&self.i18n, error));
    }

    /// Runs an Undo command and reports it.
    fn undo(&self, commands: Vec<Command>) {
        for command in commands {
            if let Err(error) = self.portal.dispatch(command) {
                self.fail(&error);
                return;
            }
        }
        self.toasts.success(self.i18n.t("connections.undone"), None);
    }
}

/// The names for a toast: all of a few, the first five of many ("… and 1,995 more").
fn joined(i18n: &I18n, names: &[String]) -> String {
    const SHOWN: usize = 5;
    if names.len() <= SHOWN + 1 {
        return names.join(", ");
    }
    let rest = format_number((names.len() - SHOWN) as u64, i18n.locale());
    i18n.tf("connections.remove.and_more", &[("names", &names[..SHOWN].join(", ")), ("count", &rest)])
}

#[component]
pub fn RemoveDialog() -> impl IntoView {
    let ui = use_connections_ui();
    view! {
        <Modal open=ui.remove_open labelled_by="remove-title" id="remove-dialog" class="dialog remove-dialog">
            {move || ui.remove_target.get().map(|id| view! { <RemoveBody id=id /> })}
        </Modal>
    }
}

#[component]
fn RemoveBody(id: ConnectionId) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let ui = use_connections_ui();
    let ctx = Ctx { portal, i18n, toasts };
    let id = StoredValue::new(id);
    let name = Memo::new(move |_| portal.workspace().with(|w| id.with_value(|id| w.connection(id).map(|c| c.display_name.to_string()))));
    // Ids only: the names of the page shown are looked up as it is drawn.
    let export_ids = Memo::new(move |_| portal.workspace().with(|w| id.with_value(|id| w.dependent_export_ids(id))));
    let enrichment_ids = Memo::new(move |_| portal.workspace().with(|w| id.with_value(|id| w.dependent_enrichment_ids(id))));
    let selected_exports = RwSignal::new(BTreeSet::<ExportId>::new());
    let selected_enrichments = RwSignal::new(BTreeSet::<EnrichmentId>::new());

    // Forget selections of items that are gone (removed, detached, deactivated).
    Effect::new(move |_| {
        export_ids.with(|exports| enrichment_ids.with(|enrichments| {
            // Nothing selected yet (the dialog just opened): no need to index 10,000 dependents.
            if selected_exports.with_untracked(BTreeSet::is_empty) && selected_enrichments.with_untracked(BTreeSet::is_empty) {
                return;
            }
            let exports: BTreeSet<&ExportId> = exports.iter().collect();
            let enrichments: BTreeSet<&EnrichmentId> = enrichments.iter().collect();
            selected_exports.update(|s| s.retain(|e| exports.contains(e)));
            selected_enrichments.update(|s| s.retain(|n| enrichments.contains(n)));
        }))
    });
    // One page of each list; "Select all N" selects every one without rendering them.
    let exports = Paged::new(export_ids, |rows| (0..rows.len()).collect());
    let enrichments = Paged::new(enrichment_ids, |rows| (0..rows.len()).collect());
    // Every dependent matches (the dialog has no search): the ids themselves, not a copy.
    let all_exports: Signal<Vec<ExportId>> = export_ids.into();
    let page_exports = Signal::derive(move || exports.page_rows.get());
    let all_enrichments: Signal<Vec<EnrichmentId>> = enrichment_ids.into();
    let page_enrichments = Signal::derive(move || enrichments.page_rows.get());
    let named_exports = move || exports.page_rows.with(|ids| portal.workspace().with(|w| w.export_names(ids)));
    let named_enrichments = move || enrichments.page_rows.with(|ids| portal.workspace().with(|w| w.enrichment_names(ids)));

    let after_action = move || focus_later("remove-title".to_string());

    let names_of_exports = move |ids: &[ExportId]| -> Vec<String> {
        portal.workspace().with_untracked(|w| w.export_names(ids).into_iter().map(|(_, n)| n.to_string()).collect())
    };
    let names_of_enrichments = move |ids: &[EnrichmentId]| -> Vec<String> {
        portal.workspace().with_untracked(|w| w.enrichment_names(ids).into_iter().map(|(_, n)| n.to_string()).collect())
    };

    let remove_exports = move |_| {
        let ids: Vec<ExportId> = selected_exports.get_untracked().into_iter().collect();
        let names = names_of_exports(&ids);
        match portal.dispatch_undoable(Command::RemoveExports { ids }) {
            Ok((_, undo)) => {
                let undo = undo.map(|undo| lasting_callback(move || ctx.undo(undo.commands().to_vec())));
                toasts.success(i18n.plural("connections.remove.exports_removed", names.len(), &[("names", &joined(&i18n, &names))]), undo);
                after_action();
            }
            Err(error) => ctx.fail(&error),
        }
    };
    let detach_exports = move |_| {
        let ids: Vec<ExportId> = selected_exports.get_untracked().into_iter().collect();
        let names = names_of_exports(&ids);
        match portal.dispatch_undoable(Command::DetachConnection { exports: ids }) {
            Ok((_, undo)) => {
                let undo = undo.map(|undo| lasting_callback(move || ctx.undo(undo.commands().to_vec())));
                toasts.success(i18n.tf("connections.remove.exports_detached", &[("names", &joined(&i18n, &names))]), undo);
                after_action();
            }
            Err(error) => ctx.fail(&error),
        }
    };
    let delete_enrichments = move |_| {
        let ids: Vec<EnrichmentId> = selected_enrichments.get_untracked().into_iter().collect();
        let names = names_of_enrichments(&ids);
        match portal.dispatch_undoable(Command::DeleteEnrichments { ids }) {
            Ok((_, undo)) => {
                let undo = undo.map(|undo| lasting_callback(move || ctx.undo(undo.commands().to_vec())));
                toasts.success(i18n.plural("connections.remove.enrichments_deleted", names.len(), &[("names", &joined(&i18n, &names))]), undo);
                after_action();
            }
            Err(error) => ctx.fail(&error),
        }
    };
    let deactivate_enrichments = move |_| {
        let ids: Vec<EnrichmentId> = selected_enrichments.get_untracked().into_iter().collect();
        let names = names_of_enrichments(&ids);
        match portal.dispatch_undoable(Command::DeactivateEnrichments { ids }) {
            Ok((_, undo)) => {
                let undo = undo.map(|undo| lasting_callback(move || ctx.undo(undo.commands().to_vec())));
                toasts.success(i18n.plural("connections.remove.enrichments_deactivated", names.len(), &[("names", &joined(&i18n, &names))]), undo);
                after_action();
            }
            Err(error) => ctx.fail(&error),
        }
    };
    let confirm = move |_| {
        let connection = id.get_value();
        let removed_name = name.get_untracked().unwrap_or_default();
        match portal.dispatch_undoable(Command::RemoveConnection { id: connection }) {
            Ok((_, undo)) => {
                ui.remove_open.set(false);
                let undo = undo.map(|undo| lasting_callback(move || ctx.undo(undo.commands().to_vec())));
                toasts.success(i18n.tf("connections.remove.done", &[("name", &removed_name)]), undo);
            }
            Err(error) => ctx.fail(&error),
        }
    };

    let has_exports = move || export_ids.with(|d| !d.is_empty());
    let has_enrichments = move || enrichment_ids.with(|d| !d.is_empty());
    let blocked = move || has_exports() || has_enrichments();
    let connection_query = StoredValue::new(id.with_value(|id| format!("?connection={id}")));

    view! {
        <h2 id="remove-title" tabindex="-1">
            {move || i18n.tf("connections.remove.title", &[("name", &name.get().unwrap_or_default())])}
        </h2>
        <p id="remove-status" aria-live="polite">
            {move || {
                let (exports, enrichments) = (export_ids.with(Vec::len), enrichment_ids.with(Vec::len));
                if exports + enrichments == 0 {
                    i18n.t("connections.remove.ready")
                } else {
                    let exports = i18n.plural("connections.remove.exports_count", exports, &[]);
                    let enrichments = i18n.plural("connections.remove.enrichments_count", enrichments, &[]);
                    i18n.tf("connections.remove.blocked_by", &[("exports", &exports), ("enrichments", &enrichments)])
                }
            }}
        </p>
        <p class="remove-map">
            <a href=map_path(&id.get_value()) id="remove-map">{move || i18n.t("map.open")}</a>
        </p>
        <Show when=has_exports>
            <section class="dependents" aria-labelledby="dependent-exports-title">
                <h3 id="dependent-exports-title">{move || i18n.t("connections.remove.exports_title")}</h3>
                <p class="hint">{move || i18n.t("connections.remove.detach_hint")}</p>
                <SelectAllMatching selected=selected_exports matching=all_exports page_ids=page_exports id="select-all-dependent-exports" always=true />
                <ul class="dependent-list" id="dependent-exports">
                    <For each=named_exports key=|(id, name)| (id.clone(), name.clone()) let:export>
                        <DependentCheckbox prefix="export" id=export.0.clone() name=export.1.to_string() selected=selected_exports />
                    </For>
                </ul>
                <Pager total=Signal::derive(move || exports.matching()) page=exports.page id_prefix="dependent-exports-" label_key="table.pages.dependents" />
                <div class="dependent-actions">
                    <button id="remove-exports" disabled=move || selected_exports.with(BTreeSet::is_empty) on:click=remove_exports>
                        {move || i18n.t("connections.remove.remove_exports")}
                    </button>
                    <button id="detach-exports" disabled=move || selected_exports.with(BTreeSet::is_empty) on:click=detach_exports>
                        {move || i18n.t("connections.remove.detach")}
                    </button>
                    <a href=format!("/data/exports{}", connection_query.get_value()) id="see-exports">{move || i18n.t("connections.remove.see_exports")}</a>
                </div>
            </section>
        </Show>
        <Show when=has_enrichments>
            <section class="dependents" aria-labelledby="dependent-enrichments-title">
                <h3 id="dependent-enrichments-title">{move || i18n.t("connections.remove.enrichments_title")}</h3>
                <p class="hint">{move || i18n.t("connections.remove.deactivate_hint")}</p>
                <SelectAllMatching
                    selected=selected_enrichments
                    matching=all_enrichments
                    page_ids=page_enrichments
                    id="select-all-dependent-enrichments"
                    always=true
                />
                <ul class="dependent-list" id="dependent-enrichments">
                    <For each=named_enrichments key=|(id, name)| (id.clone(), name.clone()) let:enrichment>
                        <DependentCheckbox prefix="enrichment" id=enrichment.0.clone() name=enrichment.1.to_string() selected=selected_enrichments />
                    </For>
                </ul>
                <Pager
                    total=Signal::derive(move || enrichments.matching())
                    page=enrichments.page
                    id_prefix="dependent-enrichments-"
                    label_key="table.pages.dependents"
                />
                <div class="dependent-actions">
                    <button id="delete-enrichments" disabled=move || selected_enrichments.with(BTreeSet::is_empty) on:click=delete_enrichments>
                        {move || i18n.t("connections.remove.delete_enrichments")}
                    </button>
                    <button
                        id="deactivate-enrichments"
                        disabled=move || selected_enrichments.with(BTreeSet::is_empty)
                        on:click=deactivate_enrichments
                    >
                        {move || i18n.t("connections.remove.deactivate")}
                    </button>
                    <a href=format!("/data/enrichment{}", connection_query.get_value()) id="see-enrichments">
                        {move || i18n.t("connections.remove.see_enrichments")}
                    </a>
                </div>
            </section>
        </Show>
        <div class="dialog-actions">
            <button id="remove-cancel" on:click=move |_| ui.remove_open.set(false)>{move || i18n.t("common.cancel")}</button>
            <button class="danger" id="confirm-remove" disabled=blocked aria-describedby="remove-status" on:click=confirm>
                {move || i18n.t("connections.remove.confirm")}
            </button>
        </div>
    }
}

/// One export or enrichment in the list, with a checkbox to select it.
#[component]
fn DependentCheckbox<T>(prefix: &'static str, id: T, name: String, selected: RwSignal<BTreeSet<T>>) -> impl IntoView
where
    T: Ord + Clone + std::fmt::Display + Send + Sync + 'static,
{
    let element_id = format!("dep-{prefix}-{id}");
    let key = StoredValue::new(id);
    view! {
        <li>
            <label class="checkbox" for=element_id.clone()>
                <input
                    type="checkbox"
                    id=element_id.clone()
                    prop:checked=move || key.with_value(|k| selected.with(|s| s.contains(k)))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let k = key.get_value();
                        selected.update(|s| {
                            if on {
                                s.insert(k);
                            } else {
                                s.remove(&k);
                            }
                        });
                    }
                />
                <span>{name}</span>
            </label>
        </li>
    }
}
