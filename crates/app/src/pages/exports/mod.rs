//! Data > Exports: every export with its connection (or "No connection"), type, status,
//! schedule, last refresh and what the signed-in user may do with it. Search, sort, the
//! `?connection=` filter from the Remove dialog, Add export, and row and bulk actions. A
//! configuration of the data kit (`data_common`).

mod actions;
mod add;
mod form;
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
use actions::ExportActions;
use connections_domain::{Capability, ExportId};
use leptos::prelude::*;
use std::collections::BTreeSet;

const TEXT: DataPageText = DataPageText {
    title_key: "exports.title",
    filtered_key: "data.export.filtered",
    show_all_key: "data.export.show_all",
    base: "/data/exports",
    add_id: "add-export-open",
    add_key: "data.export.add",
    search_id: "export-search",
    search_placeholder_key: "data.export.search_placeholder",
};

#[component]
pub fn ExportsPage() -> impl IntoView {
    let portal = use_portal();
    let actions = ExportActions(DataActions { portal, i18n: use_i18n(), toasts: use_toasts() });
    let filter = connection_filter();
    let search = RwSignal::new(String::new());
    let selected = RwSignal::new(BTreeSet::<ExportId>::new());
    let adding = RwSignal::new(false);
    let pane_open = RwSignal::new(false);
    let pane_target = RwSignal::new(None::<ExportId>);
    let open_pane = Callback::new(move |id: ExportId| {
        pane_target.set(Some(id));
        pane_open.set(true);
    });
    open_from_query(move |id| open_pane.run(ExportId::new(id)));
    let removing = RwSignal::new(Vec::<ExportId>::new());
    // A new export: the list moves to the page it is on.
    let reveal = RwSignal::new(None::<ExportId>);
    let can = move |capability: Capability| {
        let user = portal.current_user.get();
        portal.workspace().with(|w| w.can(&user, capability))
    };
    // Administrators, and contributors once a connection is shared with them; a contributor
    // without one is told why there is no Add export.
    let may_add = Signal::derive(move || can(Capability::CreateExports));
    let note = Signal::derive(move || {
        if can(Capability::ChangeData) { ("no-connection-hint", "data.export.none_shared") } else { ("viewer-note", "data.viewer_note") }
    });
    let names = Callback::new(move |ids: Vec<ExportId>| {
        portal.workspace().with(|w| w.export_names(&ids).into_iter().map(|(_, name)| name.to_string()).collect())
    });
    view! {
        <DataPage text=TEXT filter=filter search=search selected=selected may_add=may_add note=note adding=adding>
            <BulkBar selected=selected>
                <BulkButton selected=selected id="bulk-run" label_key="data.run" act=Callback::new(move |ids: Vec<ExportId>| {
                    actions.run(&ids);
                    false
                }) />
                <BulkButton selected=selected id="bulk-detach" label_key="data.export.detach" act=Callback::new(move |ids| actions.detach(ids)) />
                <BulkButton selected=selected id="bulk-remove" label_key="data.remove" danger=true act=Callback::new(move |ids| {
                    removing.set(ids);
                    false
                }) />
            </BulkBar>
            <table::ExportTable filter=filter search=search selected=selected actions=actions reveal=reveal open_pane=open_pane />
            <add::AddExportPane open=adding created=Callback::new(move |id| reveal.set(Some(id))) />
            <pane::ExportPane target=pane_target open=pane_open remove=removing actions=actions />
            <ConfirmDialog
                id="remove-exports"
                pending=removing
                selected=selected
                title_key="data.export.remove_title"
                body_key="data.export.remove_body"
                confirm_key="data.remove"
                names=names
                confirm=Callback::new(move |ids| actions.remove(ids))
            />
        </DataPage>
    }
}
