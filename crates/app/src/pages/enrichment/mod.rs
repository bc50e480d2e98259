//! Data > Enrichment: "My enrichments" with provider, connection, Active/Inactive, last run,
//! enriched customers and last refresh. Search, sort, the `?connection=` filter, Add
//! enrichment, Run, Deactivate/Activate (one or several), Delete, and Add connection.

mod actions;
mod add;
mod delete_dialog;
mod pane;
mod table;

use super::data_common::filter::{connection_filter, open_from_query, FilterBanner};
use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::toast::use_toasts;
use actions::EnrichmentActions;
use connections_domain::{Capability, EnrichmentId};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn EnrichmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let actions = EnrichmentActions { portal, i18n, toasts: use_toasts() };
    let filter = connection_filter();
    let search = RwSignal::new(String::new());
    let selected = RwSignal::new(BTreeSet::<EnrichmentId>::new());
    let adding = RwSignal::new(false);
    let pane_open = RwSignal::new(false);
    let pane_target = RwSignal::new(None::<EnrichmentId>);
    open_from_query(move |id| {
        pane_target.set(Some(EnrichmentId::new(id)));
        pane_open.set(true);
    });
    let deleting = RwSignal::new(Vec::<EnrichmentId>::new());
    let may_manage = move || {
        let user = portal.current_user.get();
        portal.workspace.with(|w| w.can(&user, Capability::ManageEnrichments))
    };
    Effect::new(move |_| {
        portal.current_user.track();
        selected.set(BTreeSet::new());
    });
    let selection = move || selected.get().into_iter().collect::<Vec<_>>();
    view! {
        <section class="page data-page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("enrichment.title")}</h1>
            <FilterBanner filter=filter message_key="data.enrichment.filtered" clear_key="data.enrichment.show_all" base="/data/enrichment" />
            <div class="toolbar">
                <Show
                    when=may_manage
                    fallback=move || view! { <p class="note" id="viewer-note">{move || i18n.t("data.viewer_note")}</p> }
                >
                    <button type="button" class="primary" id="add-enrichment-open" on:click=move |_| adding.set(true)>
                        {move || i18n.t("data.enrichment.add")}
                    </button>
                </Show>
                <div class="search">
                    <label for="enrichment-search">{move || i18n.t("data.search")}</label>
                    <input
                        id="enrichment-search"
                        type="search"
                        placeholder=move || i18n.t("data.enrichment.search_placeholder")
                        bind:value=search
                    />
                </div>
            </div>
            <Show when=move || !selected.with(BTreeSet::is_empty)>
                <div class="bulk-bar" role="group" aria-label=move || i18n.t("data.bulk_label")>
                    <span id="selection-count">
                        {move || i18n.tf("data.selected", &[("count", &selected.with(BTreeSet::len).to_string())])}
                    </span>
                    <button type="button" id="bulk-run" on:click=move |_| actions.run(&selection())>{move || i18n.t("data.run")}</button>
                    <button
                        type="button"
                        id="bulk-deactivate"
                        on:click=move |_| {
                            if actions.set_active(selection(), false) {
                                selected.set(BTreeSet::new());
                            }
                        }
                    >
                        {move || i18n.t("data.enrichment.deactivate")}
                    </button>
                    <button
                        type="button"
                        id="bulk-activate"
                        on:click=move |_| {
                            if actions.set_active(selection(), true) {
                                selected.set(BTreeSet::new());
                            }
                        }
                    >
                        {move || i18n.t("data.enrichment.activate")}
                    </button>
                    <button type="button" class="danger" id="bulk-delete" on:click=move |_| deleting.set(selection())>
                        {move || i18n.t("data.delete")}
                    </button>
                    <button type="button" on:click=move |_| selected.set(BTreeSet::new())>{move || i18n.t("data.clear_selection")}</button>
                </div>
            </Show>
            <table::EnrichmentTable
                filter=filter
                search=search
                selected=selected
                actions=actions
                open_pane=Callback::new(move |id: EnrichmentId| {
                    pane_target.set(Some(id));
                    pane_open.set(true);
                })
            />
            <add::AddEnrichmentPane open=adding />
            <pane::EnrichmentPane target=pane_target open=pane_open delete=deleting actions=actions />
            <delete_dialog::DeleteEnrichmentsDialog pending=deleting selected=selected actions=actions />
        </section>
    }
}
