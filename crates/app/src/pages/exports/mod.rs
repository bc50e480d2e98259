//! Data > Exports: every export with its connection (or "No connection"), type, status,
//! schedule, last refresh and what the signed-in user may do with it. Search, sort, the
//! `?connection=` filter from the Remove dialog, Add export, and row and bulk actions.

mod actions;
mod add;
mod form;
mod pane;
mod remove_dialog;
mod table;

use super::data_common::filter::{connection_filter, open_from_query, FilterBanner};
use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::toast::use_toasts;
use actions::ExportActions;
use connections_domain::{Capability, ExportId};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn ExportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let actions = ExportActions { portal, i18n, toasts: use_toasts() };
    let filter = connection_filter();
    let search = RwSignal::new(String::new());
    let selected = RwSignal::new(BTreeSet::<ExportId>::new());
    let adding = RwSignal::new(false);
    let pane_open = RwSignal::new(false);
    let pane_target = RwSignal::new(None::<ExportId>);
    open_from_query(move |id| {
        pane_target.set(Some(ExportId::new(id)));
        pane_open.set(true);
    });
    let removing = RwSignal::new(Vec::<ExportId>::new());
    // A new export: the list moves to the page it is on.
    let reveal = RwSignal::new(None::<ExportId>);
    // Administrators, and contributors once a connection is shared with them.
    let may_create = move || {
        let user = portal.current_user.get();
        portal.workspace.with(|w| w.can(&user, Capability::CreateExports))
    };
    let may_change = move || {
        let user = portal.current_user.get();
        portal.workspace.with(|w| w.can(&user, Capability::ChangeData))
    };

    // Switching user clears a selection made under another role.
    Effect::new(move |_| {
        portal.current_user.track();
        selected.set(BTreeSet::new());
    });

    let selection = move || selected.get().into_iter().collect::<Vec<_>>();
    view! {
        <section class="page data-page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("exports.title")}</h1>
            <FilterBanner filter=filter message_key="data.export.filtered" clear_key="data.export.show_all" base="/data/exports" />
            <div class="toolbar">
                <Show
                    when=may_create
                    fallback=move || {
                        if may_change() {
                            view! { <p class="note" id="no-connection-hint">{move || i18n.t("data.export.none_shared")}</p> }.into_any()
                        } else {
                            view! { <p class="note" id="viewer-note">{move || i18n.t("data.viewer_note")}</p> }.into_any()
                        }
                    }
                >
                    <button type="button" class="primary" id="add-export-open" on:click=move |_| adding.set(true)>
                        {move || i18n.t("data.export.add")}
                    </button>
                </Show>
                <div class="search">
                    <label for="export-search">{move || i18n.t("data.search")}</label>
                    <input
                        id="export-search"
                        type="search"
                        placeholder=move || i18n.t("data.export.search_placeholder")
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
                        id="bulk-detach"
                        on:click=move |_| {
                            if actions.detach(selection()) {
                                selected.set(BTreeSet::new());
                            }
                        }
                    >
                        {move || i18n.t("data.export.detach")}
                    </button>
                    <button type="button" class="danger" id="bulk-remove" on:click=move |_| removing.set(selection())>
                        {move || i18n.t("data.remove")}
                    </button>
                    <button type="button" on:click=move |_| selected.set(BTreeSet::new())>{move || i18n.t("data.clear_selection")}</button>
                </div>
            </Show>
            <table::ExportTable
                filter=filter
                search=search
                selected=selected
                actions=actions
                reveal=reveal
                open_pane=Callback::new(move |id: ExportId| {
                    pane_target.set(Some(id));
                    pane_open.set(true);
                })
            />
            <add::AddExportPane open=adding created=Callback::new(move |id| reveal.set(Some(id))) />
            <pane::ExportPane target=pane_target open=pane_open remove=removing actions=actions />
            <remove_dialog::RemoveExportsDialog pending=removing selected=selected actions=actions />
        </section>
    }
}
