//! Confirms deleting one or several enrichments, naming them.

use super::actions::EnrichmentActions;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use connections_domain::EnrichmentId;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn DeleteEnrichmentsDialog(pending: RwSignal<Vec<EnrichmentId>>, selected: RwSignal<BTreeSet<EnrichmentId>>, actions: EnrichmentActions) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let open = RwSignal::new(false);
    // Each side is set only when it differs, so the two effects can't feed each other.
    Effect::new(move |_| {
        let wanted = !pending.with(Vec::is_empty);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && !pending.with_untracked(Vec::is_empty) {
            pending.set(Vec::new());
        }
    });
    let names = move || {
        let ids = pending.get();
        portal.workspace.with(|w| ids.iter().filter_map(|id| w.enrichment(id).map(|e| e.name.to_string())).collect::<Vec<_>>())
    };
    view! {
        <Modal open=open labelled_by="delete-enrichments-title" id="delete-enrichments" class="dialog">
            <h2 id="delete-enrichments-title">
                {move || i18n.tf("data.enrichment.delete_title", &[("count", &pending.with(Vec::len).to_string())])}
            </h2>
            <p>{move || i18n.t("data.enrichment.delete_body")}</p>
            <ul class="name-list">{move || names().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button
                    type="button"
                    class="danger"
                    id="delete-enrichments-confirm"
                    on:click=move |_| {
                        let ids = pending.get_untracked();
                        if actions.delete(ids.clone()) {
                            selected.update(|s| ids.iter().for_each(|id| { s.remove(id); }));
                        }
                        open.set(false);
                    }
                >
                    {move || i18n.t("data.delete")}
                </button>
            </div>
        </Modal>
    }
}
