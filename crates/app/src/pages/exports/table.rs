//! The export list: search, sort by any column, the connection filter, a checkbox per row for
//! the bulk actions, and Run (with its progress) on each row.

use super::super::data_common::run::progress;
use crate::ui::table::{cell, page_range, Pager, SelectAllMatching, SortHeader, SortState};
use super::actions::ExportActions;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp};
use connections_domain::{ConnectionId, ExportColumn, ExportId, ExportListing, ExportQuery, ExportRow, RunStatus};
use super::super::data_common::filter::ConnectionCause;
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
        query.with(|q| portal.workspace.with(|w| w.export_listing(&viewer, q)))
    });
    let matching = Memo::new(move |_| listing.with(ExportListing::matching));
    let page_ids = Memo::new(move |_| listing.with(|l| portal.workspace.with(|w| l.slice(w, page_range(l.matching(), page.get())))));
    let page_rows = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        page_ids.with(|ids| portal.workspace.with(|w| w.export_rows_of(&viewer, ids)))
    });
    // A new search or filter starts at the first page.
    Effect::new(move |_| {
        search.track();
        filter.track();
        page.set(0);
    });
    let page_editable = Signal::derive(move || page_rows.with(|rows| rows.iter().filter(|r| r.can_edit).map(|r| r.id.clone()).collect::<Vec<_>>()));
    // Read only once the whole page is selected (the offer to select every match shows then).
    let matching_editable = Signal::derive(move || {
        let viewer = portal.current_user.get();
        listing.with(|l| portal.workspace.with(|w| w.manageable_exports(&viewer, &l.ids(w))))
    });
    let all_selected = move || {
        let ids = page_editable.get();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|i| s.contains(i)))
    };
    let row = move |id: ExportId| Memo::new(move |_| page_rows.with(|rows| rows.iter().find(|r| r.id == id).cloned()));

    view! {
        <SelectAllMatching selected=selected matching=matching_editable page_ids=page_editable />
        <p class="row-count" id="export-count" role="status">
            {move || {
                let locale = i18n.locale();
                i18n.tf(
                    "data.export.count",
                    &[("shown", &format_number(matching.get() as u64, locale)), ("total", &format_number(listing.with(ExportListing::total) as u64, locale))],
                )
            }}
        </p>
        <Show
            when=move || { matching.get() > 0 }
            fallback=move || {
                view! {
                    <p class="empty-state" id="export-empty">
                        {move || if listing.with(|l| l.total() == 0) { i18n.t("exports.empty") } else { i18n.t("data.no_match") }}
                    </p>
                }
            }
        >
            <div class="table-scroll">
                <table class="data" id="export-list">
                    <caption class="visually-hidden">{move || i18n.t("exports.title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="select-col">
                                <input
                                    type="checkbox"
                                    id="select-all-exports"
                                    aria-label=move || i18n.t("data.select_all")
                                    prop:checked=all_selected
                                    on:change=move |ev| {
                                        let ids = page_editable.get();
                                        if event_target_checked(&ev) {
                                            selected.update(|s| s.extend(ids));
                                        } else {
                                            selected.update(|s| s.retain(|id| !ids.contains(id)));
                                        }
                                    }
                                />
                            </th>
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
            </div>
            <Pager total=matching.into() page=page id_prefix="export-" label_key="table.pages.exports" />
        </Show>
    }
}

#[component]
fn ExportRowView(row: Memo<Option<ExportRow>>, selected: RwSignal<BTreeSet<ExportId>>, actions: ExportActions, open_pane: Callback<ExportId>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = row.get_untracked() else { return ().into_any() };
    let id = StoredValue::new(first.id.clone());
    let dom_id = format!("export-{}", first.id);
    let connection = cell(row, |r| r.connection.as_ref().map(|c| (c.display_name.clone(), c.type_name)));
    let schedule = cell(row, |r| Some(labels::schedule(&r.schedule)));
    let status = cell(row, |r| Some(r.status));
    let name = cell(row, |r| r.name.clone());
    let can_edit = cell(row, |r| r.can_edit);
    let active = cell(row, |r| r.active);
    let last = cell(row, |r| r.last_refreshed);
    let running = cell(row, |r| r.status.is_running());
    let cause_id = cell(row, |r| r.connection.as_ref().filter(|_| r.failed_on_connection).map(|c| c.id.to_string()));
    let cause_name = cell(row, |r| r.connection.as_ref().filter(|_| r.failed_on_connection).map(|c| c.display_name.clone()));
    let detached = move || connection.with(Option::is_none);
    view! {
        <tr id=dom_id class:detached=detached class:selected=move || selected.with(|s| s.contains(&id.get_value()))>
            <td class="select-col">
                <input
                    type="checkbox"
                    class="row-select"
                    disabled=move || !can_edit.get()
                    aria-label=move || i18n.tf("data.select_row", &[("name", &name.get())])
                    prop:checked=move || selected.with(|s| s.contains(&id.get_value()))
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        selected.update(|s| {
                            if checked {
                                s.insert(id.get_value());
                            } else {
                                s.remove(&id.get_value());
                            }
                        })
                    }
                />
            </td>
            <th scope="row" class="name-cell">
                <button type="button" class="link-button open-export" on:click=move |_| open_pane.run(id.get_value())>
                    {move || name.get()}
                </button>
            </th>
            <td data-label=move || i18n.t("exports.col.connection") class="connection-cell">
                {move || match connection.get() {
                    None => view! { <span class="badge no-connection">{move || i18n.t("exports.no_connection")}</span> }.into_any(),
                    Some((name, _)) => view! { <span>{name}</span> }.into_any(),
                }}
            </td>
            <td data-label=move || i18n.t("exports.col.type")>{move || connection.with(|c| c.as_ref().map(|(_, t)| t.to_string()).unwrap_or_default())}</td>
            <td data-label=move || i18n.t("exports.col.status") class="status-cell">
                {move || {
                    status
                        .get()
                        .map(|status| {
                            view! {
                                <span class=labels::run_status_class(status)>{move || i18n.t(labels::run_status(status))}</span>
                                {progress(status)
                                    .map(|(value, max)| {
                                        view! { <progress value=value max=max aria-label=move || i18n.t("data.run_progress")></progress> }
                                    })}
                            }
                        })
                }}
                <ConnectionCause id=cause_id name=cause_name />
            </td>
            <td data-label=move || i18n.t("exports.col.schedule")>
                {move || schedule.get().map(|(key, hours)| i18n.tf(key, &[("hours", &hours.to_string())])).unwrap_or_default()}
            </td>
            <td data-label=move || i18n.t("exports.col.last_refreshed")>{move || last.get().map(|at| format_timestamp(at, i18n.locale())).unwrap_or_else(|| i18n.t("common.never"))}</td>
            <td data-label=move || i18n.t("exports.col.permissions")>
                <span class=move || if can_edit.get() { "badge badge-ok permission" } else { "badge permission" }>
                    {move || i18n.t(if can_edit.get() { "exports.can_edit" } else { "exports.read_only" })}
                </span>
            </td>
            <td class="actions-cell">
                {move || {
                    let running = running.get();
                    can_edit
                        .get()
                        .then(|| {
                            if running {
                                view! {
                                    <button type="button" class="row-cancel" on:click=move |_| actions.cancel_run(&id.get_value())>
                                        {move || i18n.t("data.cancel_run")}
                                    </button>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <button type="button" class="row-run" disabled=move || !active.get() on:click=move |_| actions.run(&[id.get_value()])>
                                        {move || i18n.t("data.run")}
                                    </button>
                                }
                                    .into_any()
                            }
                        })
                }}
            </td>
        </tr>
    }
    .into_any()
}
