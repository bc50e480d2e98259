//! The export list: search, sort by any column, the connection filter, a checkbox per row for
//! the bulk actions, and Run (with its progress) on each row.

use super::super::data_common::run::progress;
use crate::ui::table::{arrange, cell, Cell, Pager, Paged, SelectAllMatching, SortHeader, SortState};
use super::actions::ExportActions;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp};
use connections_domain::{ExportId, ExportRow, Schedule};
use super::super::data_common::filter::ConnectionCause;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Connection,
    Type,
    Status,
    Schedule,
    LastRefreshed,
    Permissions,
}

fn schedule_rank(schedule: &Schedule) -> (u8, u32) {
    match schedule {
        Schedule::WithEachRefresh => (0, 0),
        Schedule::Recurring { every_hours } => (1, *every_hours),
        Schedule::OnDemand => (2, 0),
    }
}

/// The row's key for `column`, made once per row when the list changes; ties keep the domain's
/// order (by id).
fn sort_key(i18n: &I18n, column: Column, row: &ExportRow) -> (Cell, String) {
    let name = row.name.to_lowercase();
    let primary = match column {
        Column::Name => Cell::Empty,
        Column::Connection => row.connection.as_ref().map(|c| c.display_name.to_lowercase()).into(),
        Column::Type => row.connection.as_ref().map(|c| c.type_name.to_string()).into(),
        Column::Status => Cell::Text(i18n.t(labels::run_status(row.status))),
        Column::Schedule => {
            let (rank, hours) = schedule_rank(&row.schedule);
            Cell::Number(((rank as i64) << 32) + hours as i64)
        }
        Column::LastRefreshed => row.last_refreshed.map(|t| t.0).into(),
        Column::Permissions => Cell::Number(if row.can_edit { 0 } else { 1 }),
    };
    (primary, name)
}

/// Whether the row matches the search text (name, connection or connection type), `needle`
/// being already trimmed and lowercased.
pub fn matches(row: &ExportRow, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    row.name.to_lowercase().contains(&needle)
        || row.connection.as_ref().is_some_and(|c| c.display_name.to_lowercase().contains(&needle) || c.type_name.to_lowercase().contains(&needle))
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
    let sort = RwSignal::new(SortState { key: Column::Name, ascending: true });
    let all = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.export_rows(&viewer))
    });
    let table = Paged::new(all, move |rows| {
        let needle = search.with(|s| s.trim().to_lowercase());
        let order = sort.get();
        filter.with(|only| {
            arrange(
                rows,
                |r| only.as_ref().is_none_or(|c| r.connection.as_ref().is_some_and(|x| x.id.as_str() == c)) && matches(r, &needle),
                |r| sort_key(&i18n, order.key, r),
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
    let all_selected = move || {
        let ids = page_editable.get();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|i| s.contains(i)))
    };

    view! {
        <SelectAllMatching selected=selected matching=matching_editable page_ids=page_editable />
        <p class="row-count" id="export-count" role="status">
            {move || {
                let locale = i18n.locale();
                i18n.tf(
                    "data.export.count",
                    &[("shown", &format_number(table.matching() as u64, locale)), ("total", &format_number(table.total() as u64, locale))],
                )
            }}
        </p>
        <Show
            when=move || { table.matching() > 0 }
            fallback=move || {
                view! {
                    <p class="empty-state" id="export-empty">
                        {move || if all.with(Vec::is_empty) { i18n.t("exports.empty") } else { i18n.t("data.no_match") }}
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
                            <SortHeader sort=sort page=table.page key=Column::Name label_key="exports.col.name" />
                            <SortHeader sort=sort page=table.page key=Column::Connection label_key="exports.col.connection" />
                            <SortHeader sort=sort page=table.page key=Column::Type label_key="exports.col.type" />
                            <SortHeader sort=sort page=table.page key=Column::Status label_key="exports.col.status" />
                            <SortHeader sort=sort page=table.page key=Column::Schedule label_key="exports.col.schedule" />
                            <SortHeader sort=sort page=table.page key=Column::LastRefreshed label_key="exports.col.last_refreshed" />
                            <SortHeader sort=sort page=table.page key=Column::Permissions label_key="exports.col.permissions" />
                            <th scope="col">{move || i18n.t("data.actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || table.page_ids(|r: &ExportRow| &r.id) key=|id| id.clone() let:id>
                            <ExportRowView row=table.row(id, |r: &ExportRow| &r.id) selected=selected actions=actions open_pane=open_pane />
                        </For>
                    </tbody>
                </table>
            </div>
            <Pager total=Signal::derive(move || table.matching()) page=table.page id_prefix="export-" label_key="table.pages.exports" />
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
