//! "My enrichments": search, sort, the connection filter, a checkbox per row for the bulk
//! actions, and Run (with its progress) on each row.

use super::super::data_common::rows::{run_action, run_status, when_or_never, DataTable, RowSelect, RunAffordance, SelectPage};
use crate::ui::table::{arrange, cell, Cell, Paged, SortHeader, SortState};
use super::actions::EnrichmentActions;
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::format_number;
use connections_domain::{EnrichmentId, EnrichmentRow};
use super::super::data_common::filter::ConnectionCause;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Provider,
    Connection,
    Status,
    LastRun,
    Enriched,
    LastRefresh,
}

/// The row's key for `column`, made once per row when the list changes; ties keep the domain's
/// order (by id).
fn sort_key(column: Column, row: &EnrichmentRow) -> (Cell, String) {
    let primary = match column {
        Column::Name => Cell::Empty,
        Column::Provider => Cell::Text(row.provider_name.to_string()),
        Column::Connection => row.connection.as_ref().map(|c| c.display_name.to_lowercase()).into(),
        Column::Status => Cell::Number(if row.active { 0 } else { 1 }),
        Column::LastRun => Cell::Text(labels::run_status(row.status).to_string()),
        Column::Enriched => Cell::Number(row.enriched_customers as i64),
        Column::LastRefresh => row.last_refresh.map(|t| t.0).into(),
    };
    (primary, row.name.to_lowercase())
}

/// Whether the row matches the search, `needle` being already trimmed and lowercased.
pub fn matches(row: &EnrichmentRow, needle: &str) -> bool {
    needle.is_empty()
        || row.name.to_lowercase().contains(needle)
        || row.provider_name.to_lowercase().contains(needle)
        || row.connection.as_ref().is_some_and(|c| c.display_name.to_lowercase().contains(needle))
}

#[component]
pub fn EnrichmentTable(
    filter: Memo<Option<String>>,
    search: RwSignal<String>,
    selected: RwSignal<BTreeSet<EnrichmentId>>,
    actions: EnrichmentActions,
    open_pane: Callback<EnrichmentId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let sort = RwSignal::new(SortState { key: Column::Name, ascending: true });
    let all = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.enrichment_rows(&viewer))
    });
    let table = Paged::new(all, move |rows| {
        let needle = search.with(|s| s.trim().to_lowercase());
        let order = sort.get();
        filter.with(|only| {
            arrange(
                rows,
                |r| only.as_ref().is_none_or(|c| r.connection.as_ref().is_some_and(|x| x.id.as_str() == c)) && matches(r, &needle),
                |r| sort_key(order.key, r),
                order.ascending,
            )
        })
    });
    // A new search or filter starts at the first page.
    Effect::new(move |_| {
        search.track();
        filter.track();
        table.page.set(0);
    });
    let page_editable = Signal::derive(move || table.page_rows.with(|rows| rows.iter().filter(|r| r.can_edit).map(|r| r.id.clone()).collect::<Vec<_>>()));
    let matching_editable = Signal::derive(move || table.matching_ids(|r| r.can_edit.then(|| r.id.clone())));
    view! {
        <DataTable
            selected=selected
            page_editable=page_editable
            matching_editable=matching_editable
            matching=Signal::derive(move || table.matching())
            total=Signal::derive(move || table.total())
            page=table.page
            id_prefix="enrichment-"
            count_key="data.enrichment.count"
            empty_key="enrichment.empty"
            pager_key="table.pages.enrichments"
        >
            <table class="data" id="enrichment-list">
                <caption>{move || i18n.t("enrichment.mine")}</caption>
                <thead>
                    <tr>
                        <SelectPage id="select-all-enrichments" selected=selected page_ids=page_editable />
                        <SortHeader sort=sort page=table.page key=Column::Name label_key="enrichment.col.name" />
                        <SortHeader sort=sort page=table.page key=Column::Provider label_key="enrichment.col.provider" />
                        <SortHeader sort=sort page=table.page key=Column::Connection label_key="enrichment.col.connection" />
                        <SortHeader sort=sort page=table.page key=Column::Status label_key="enrichment.col.status" />
                        <SortHeader sort=sort page=table.page key=Column::LastRun label_key="data.enrichment.last_run" />
                        <SortHeader sort=sort page=table.page key=Column::Enriched label_key="enrichment.col.enriched" />
                        <SortHeader sort=sort page=table.page key=Column::LastRefresh label_key="enrichment.col.last_refresh" />
                        <th scope="col">{move || i18n.t("data.actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || table.page_ids(|r: &EnrichmentRow| &r.id) key=|id| id.clone() let:id>
                        <EnrichmentRowView row=table.row(id, |r: &EnrichmentRow| &r.id) selected=selected actions=actions open_pane=open_pane />
                    </For>
                </tbody>
            </table>
        </DataTable>
    }
}

#[component]
fn EnrichmentRowView(
    row: Memo<Option<EnrichmentRow>>,
    selected: RwSignal<BTreeSet<EnrichmentId>>,
    actions: EnrichmentActions,
    open_pane: Callback<EnrichmentId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = row.get_untracked() else { return ().into_any() };
    let id = StoredValue::new(first.id.clone());
    let dom_id = format!("enrichment-{}", first.id);
    let connection = cell(row, |r| r.connection.as_ref().map(|c| c.display_name.clone()));
    let status = cell(row, |r| Some(r.status));
    let run = cell(row, |r| RunAffordance { can_edit: r.can_edit, can_run: r.can_run, can_cancel: r.can_cancel });
    let cause_id = cell(row, |r| r.connection.as_ref().filter(|_| r.failed_on_connection).map(|c| c.id.to_string()));
    let cause_name = cell(row, |r| r.connection.as_ref().filter(|_| r.failed_on_connection).map(|c| c.display_name.clone()));
    let can_edit = cell(row, |r| r.can_edit);
    let active = cell(row, |r| r.active);
    let enriched = cell(row, |r| r.enriched_customers);
    let last = cell(row, |r| r.last_refresh);
    let name = cell(row, |r| r.name.clone());
    let provider = cell(row, |r| r.provider_name.to_string());
    view! {
        <tr id=dom_id class:inactive=move || !active.get() class:selected=move || selected.with(|s| s.contains(&id.get_value()))>
            <RowSelect selected=selected id=first.id.clone() enabled=can_edit.into() name=name.into() />
            <th scope="row" class="name-cell">
                <button type="button" class="link-button open-enrichment" on:click=move |_| open_pane.run(id.get_value())>
                    {move || name.get()}
                </button>
            </th>
            <td data-label=move || i18n.t("enrichment.col.provider")>{move || provider.get()}</td>
            <td data-label=move || i18n.t("enrichment.col.connection") class="connection-cell">
                {move || match connection.get() {
                    Some(name) => view! { <span>{name}</span> }.into_any(),
                    None => view! { <span class="badge no-connection">{move || i18n.t("exports.no_connection")}</span> }.into_any(),
                }}
            </td>
            <td data-label=move || i18n.t("enrichment.col.status") class="active-cell">
                <span class=move || if active.get() { "badge badge-ok" } else { "badge badge-inactive" }>
                    {move || i18n.t(if active.get() { "enrichment.active" } else { "enrichment.inactive" })}
                </span>
            </td>
            <td data-label=move || i18n.t("data.enrichment.last_run") class="status-cell">
                {move || status.get().map(|status| run_status(&i18n, status))}
                <ConnectionCause id=cause_id name=cause_name />
            </td>
            <td data-label=move || i18n.t("enrichment.col.enriched") class="number">{move || format_number(enriched.get(), i18n.locale())}</td>
            <td data-label=move || i18n.t("enrichment.col.last_refresh")>{move || when_or_never(&i18n, last.get())}</td>
            <td class="actions-cell">
                {move || run_action(&i18n, run.get(), move || actions.run(&[id.get_value()]), move || actions.cancel_run(&id.get_value()))}
            </td>
        </tr>
    }
    .into_any()
}
