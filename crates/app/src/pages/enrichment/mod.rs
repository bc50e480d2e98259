//! Data > Enrichment: "My enrichments" with provider, connection, Active/Inactive, last run,
//! enriched customers and last refresh. Search, sort, the `?connection=` filter, Add
//! enrichment, Run, Deactivate/Activate (one or several), Delete, and Add connection. A
//! configuration of the data kit (`data_common`).

mod actions;
mod add;
mod pane;
mod table;

use super::data_common::actions::DataActions;
use super::data_common::bulk::{BulkBar, BulkButton};
use super::data_common::confirm::ConfirmDialog;
use super::data_common::filter::{connection_filter, open_from_query};
use super::data_common::page::{DataPage, DataPageText};
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::toast::use_toasts;
use actions::EnrichmentActions;
use connections_domain::{Capability, EnrichmentId};
use leptos::prelude::*;
use std::collections::BTreeSet;

const TEXT: DataPageText = DataPageText {
    title_key: "enrichment.title",
    filtered_key: "data.enrichment.filtered",
    show_all_key: "data.enrichment.show_all",
    base: "/data/enrichment",
    add_id: "add-enrichment-open",
    add_key: "data.enrichment.add",
    search_id: "enrichment-search",
    search_placeholder_key: "data.enrichment.search_placeholder",
};

#[component]
pub fn EnrichmentPage() -> impl IntoView {
    let portal = use_portal();
    let actions = EnrichmentActions(DataActions { portal, i18n: use_i18n(), toasts: use_toasts() });
    let filter = connection_filter();
    let search = RwSignal::new(String::new());
    let selected = RwSignal::new(BTreeSet::<EnrichmentId>::new());
    let adding = RwSignal::new(false);
    let pane_open = RwSignal::new(false);
    let pane_target = RwSignal::new(None::<EnrichmentId>);
    let open_pane = Callback::new(move |id: EnrichmentId| {
        pane_target.set(Some(id));
        pane_open.set(true);
    });
    open_from_query(move |id| open_pane.run(EnrichmentId::new(id)));
    let deleting = RwSignal::new(Vec::<EnrichmentId>::new());
    let may_add = Signal::derive(move || {
        let user = portal.current_user.get();
        portal.workspace().with(|w| w.can(&user, Capability::ManageEnrichments))
    });
    let names = Callback::new(move |ids: Vec<EnrichmentId>| {
        portal.workspace().with(|w| w.enrichment_names(&ids).into_iter().map(|(_, name)| name.to_string()).collect())
    });
    view! {
        <DataPage
            text=TEXT
            filter=filter
            search=search
            selected=selected
            may_add=may_add
            note=Signal::stored(("viewer-note", "data.viewer_note"))
            adding=adding
        >
            <BulkBar selected=selected>
                <BulkButton selected=selected id="bulk-run" label_key="data.run" act=Callback::new(move |ids: Vec<EnrichmentId>| {
                    actions.run(&ids);
                    false
                }) />
                <BulkButton
                    selected=selected
                    id="bulk-deactivate"
                    label_key="data.enrichment.deactivate"
                    act=Callback::new(move |ids| actions.set_active(ids, false))
                />
                <BulkButton selected=selected id="bulk-activate" label_key="data.enrichment.activate" act=Callback::new(move |ids| actions.set_active(ids, true)) />
                <BulkButton selected=selected id="bulk-delete" label_key="data.delete" danger=true act=Callback::new(move |ids| {
                    deleting.set(ids);
                    false
                }) />
            </BulkBar>
            <table::EnrichmentTable filter=filter search=search selected=selected actions=actions open_pane=open_pane />
            <add::AddEnrichmentPane open=adding />
            <pane::EnrichmentPane target=pane_target open=pane_open delete=deleting actions=actions />
            <ConfirmDialog
                id="delete-enrichments"
                pending=deleting
                selected=selected
                title_key="data.enrichment.delete_title"
                body_key="data.enrichment.delete_body"
                confirm_key="data.delete"
                names=names
                confirm=Callback::new(move |ids| actions.delete(ids))
            />
        </DataPage>
    }
}
