//! The export list: search, sort by any column, the connection filter, a checkbox per row for
//! the bulk actions, and Run (with its progress) on each row.

use super::super::data_common::rows::{run_action, run_status, when_or_never, DataTable, RowSelect, RunAffordance, SelectPage};
use crate::ui::table::{page_range, SortHeader, SortState, PAGE_SIZE};
use super::actions::ExportActions;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use connections_domain::{ConnectionId, ExportColumn, ExportId, ExportListing, ExportQuery, ExportRow, RunStatus};
use super::super::data_common::filter::connection_cause;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Where each status sorts: by its label in the reader's language, as the column shows it.
fn status_rank(i18n: &I18n) -> [u8; RunStatus::ALL.len()] {
    let mut labels: Vec<(String, usize)> = RunStatus::ALL.iter().map(|s| (i18n.t(labels::run_status(*s)), *s as usize)).collect();
    labels.sort_unstable();
    let mut rank = [0u8; RunStatus::ALL.len()];
    for (place, (_, status)) in labels.into_iter().enumerate() {
        rank[status] = place as u8;
    }
    rank
}

#[component]
pub fn ExportTable(
    filter: Memo<Option<String>>,
    search: RwSignal<String>,
    selected: RwSignal<BTreeSet<ExportId>>,
    actions: ExportActions,
    /// Set to an export to show the page it is on (then cleared).
    reveal: RwSignal<Option<ExportId>>,
    open_pane: Callback<ExportId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let sort = RwSignal::new(SortState { key: ExportColumn::Name, ascending: true });
    let page = RwSignal::new(0usize);
    // The domain keeps the order; the page asks it for the matching ids, then projects only
    // the visible rows. Nothing here is proportional to the number of exports.
    let query = Memo::new(move |_| {
        let order = sort.get();
        ExportQuery {
            connection: filter.get().map(ConnectionId::new),
            search: search.get(),
            column: order.key,
            descending: !order.ascending,
            status_rank: if order.key == ExportColumn::Status { status_rank(&i18n) } else { ExportQuery::by_name().status_rank },
        }
    });
    let listing = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        query.with(|q| portal.workspace().with(|w| w.export_listing(&viewer, q)))
    });
    let matching = Memo::new(move |_| listing.with(ExportListing::matching));
    let page_ids = Memo::new(move |_| listing.with(|l| portal.workspace().with(|w| l.slice(w, page_range(l.matching(), page.get())))));
    let page_rows = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        page_ids.with(|ids| portal.workspace().with(|w| w.export_rows_of(&viewer, ids)))
    });
    // A new search or filter starts at the first page.
    Effect::new(move |_| {
        search.track();
        filter.track();
        // Only if it moves: setting the same page would read the page's rows again.
        if page.get_untracked() != 0 {
            page.set(0);
        }
    });
    Effect::new(move |_| {
        let Some(id) = reveal.get() else { return };
        let at = listing.with(|l| portal.workspace().with_untracked(|w| l.position(w, &id)));
        if let Some(at) = at {
            page.set(at / PAGE_SIZE);
        }
        reveal.set(None);
    });
    let page_editable = Signal::derive(move || page_rows.with(|rows| rows.iter().filter(|r| r.can_edit).map(|r| r.id.clone()).collect::<Vec<_>>()));
    // Read only once the whole page is selected (the offer to select every match shows then).
    let matching_editable = Signal::derive(move || {
        let viewer = portal.current_user.get();
        listing.with(|l| portal.workspace().with(|w| w.manageable_exports(&viewer, &l.ids(w))))
    });
    let row = move |id: ExportId| Memo::new(move |_| page_rows.with(|rows| rows.iter().find(|r| r.id == id).cloned()));

    view! {
        <DataTable
            selected=selected
            page_editable=page_editable
            matching_editable=matching_editable
            matching=matching.into()
            total=Signal::derive(move || listing.with(ExportListing::total))
            page=page
            id_prefix="export-"
            count_key="data.export.count"
            empty_key="exports.empty"
            pager_key="table.pages.exports"
        >
            <table class="data" id="export-list">
                <caption class="sr-only">{move || i18n.t("exports.title")}</caption>
                <thead>
                    <tr>
                        <SelectPage id="select-all-exports" selected=selected page_ids=page_editable />
                        <SortHeader sort=sort page=page key=ExportColumn::Name label_key="exports.col.name" />
                        <SortHeader sort=sort page=page key=ExportColumn::Connection label_key="exports.col.connection" />
                        <SortHeader sort=sort page=page key=ExportColumn::Type label_key="exports.col.type" />
                        <SortHeader sort=sort page=page key=ExportColumn::Status label_key="exports.col.status" />
                        <SortHeader sort=sort page=page key=ExportColumn::Schedule label_key="exports.col.schedule" />
                        <SortHeader sort=sort page=page key=ExportColumn::LastRefreshed label_key="exports.col.last_refreshed" />
                        <SortHeader sort=sort page=page key=ExportColumn::Permissions label_key="exports.col.permissions" />
                        <th scope="col">{move || i18n.t("data.actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || page_ids.get() key=|id| id.clone() let:id>
                        <ExportRowView row=row(id) selected=selected actions=actions open_pane=open_pane />
                    </For>
                </tbody>
            </table>
        </DataTable>
    }
}

/// One export's row, keyed by its id. The checkbox and the name button stay in place while
/// the row changes (they may hold focus); the other cells are drawn from the row's value in one
/// go and redrawn together when it changes, which costs far fewer reactive nodes per row than a
/// memo and an effect per cell.
#[component]
fn ExportRowView(row: Memo<Option<ExportRow>>, selected: RwSignal<BTreeSet<ExportId>>, actions: ExportActions, open_pane: Callback<ExportId>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = row.get_untracked() else { return ().into_any() };
    let id = StoredValue::new(first.id.clone());
    let dom_id = format!("export-{}", first.id);
    let can_edit = Signal::derive(move || row.with(|r| r.as_ref().is_some_and(|r| r.can_edit)));
    let name = Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default()));
    let is_selected = move || selected.with(|s| s.contains(&id.get_value()));
    view! {
        <tr id=dom_id class:detached=move || row.with(|r| r.as_ref().is_some_and(|r| r.connection.is_none())) class:selected=is_selected>
            <RowSelect selected=selected id=first.id.clone() enabled=can_edit name=name />
            <th scope="row" class="name-cell">
                <button type="button" class="link-button open-export" on:click=move |_| open_pane.run(id.get_value())>
                    {move || name.get()}
                </button>
            </th>
            {move || row.with(|r| r.as_ref().map(|r| cells(&i18n, r, actions)))}
        </tr>
    }
    .into_any()
}

/// The cells after the name, drawn from the row as it is now (in the current language).
fn cells(i18n: &I18n, r: &ExportRow, actions: ExportActions) -> impl IntoView {
    let i18n = *i18n;
    let id = StoredValue::new(r.id.clone());
    let connection = match &r.connection {
        None => view! { <span class="badge no-connection">{i18n.t("exports.no_connection")}</span> }.into_any(),
        Some(c) => view! { <span>{c.display_name.clone()}</span> }.into_any(),
    };
    let type_name = r.connection.as_ref().map(|c| c.type_name).unwrap_or_default();
    let cause = r.connection.as_ref().filter(|_| r.failed_on_connection).map(|c| connection_cause(&i18n, &c.id, &c.display_name));
    let (schedule_key, hours) = labels::schedule(&r.schedule);
    let last = when_or_never(&i18n, r.last_refreshed);
    let run = RunAffordance { can_edit: r.can_edit, can_run: r.can_run, can_cancel: r.can_cancel };
    let action = run_action(&i18n, run, move || actions.run(&[id.get_value()]), move || actions.cancel_run(&id.get_value()));
    view! {
        <td data-label=i18n.t("exports.col.connection") class="connection-cell">{connection}</td>
        <td data-label=i18n.t("exports.col.type")>{type_name}</td>
        <td data-label=i18n.t("exports.col.status") class="status-cell">
            {run_status(&i18n, r.status)}
            {cause}
        </td>
        <td data-label=i18n.t("exports.col.schedule")>{i18n.tf(schedule_key, &[("hours", &hours.to_string())])}</td>
        <td data-label=i18n.t("exports.col.last_refreshed")>{last}</td>
        <td data-label=i18n.t("exports.col.permissions")>
            <span class=if r.can_edit { "badge badge-ok permission" } else { "badge permission" }>
                {i18n.t(if r.can_edit { "exports.can_edit" } else { "exports.read_only" })}
            </span>
        </td>
        <td class="actions-cell">{action}</td>
    }
}
