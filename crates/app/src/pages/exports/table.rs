//! The export list: search, sort by any column, the connection filter, a checkbox per row for
//! the bulk actions, and Run (with its progress) on each row.

use super::super::data_common::run::progress;
use super::super::data_common::sort::{SortHeader, SortState};
use super::actions::ExportActions;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use crate::time::format_timestamp;
use connections_domain::{ExportId, ExportRow, Schedule};
use leptos::prelude::*;
use std::cmp::Ordering;
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

fn compare(i18n: &I18n, column: Column, a: &ExportRow, b: &ExportRow) -> Ordering {
    let lower = |s: &str| s.to_lowercase();
    let connection = |r: &ExportRow| r.connection.as_ref().map(|c| lower(&c.display_name));
    let type_name = |r: &ExportRow| r.connection.as_ref().map(|c| c.type_name);
    match column {
        Column::Name => lower(&a.name).cmp(&lower(&b.name)),
        Column::Connection => connection(a).cmp(&connection(b)),
        Column::Type => type_name(a).cmp(&type_name(b)),
        Column::Status => i18n.t(labels::run_status(a.status)).cmp(&i18n.t(labels::run_status(b.status))),
        Column::Schedule => schedule_rank(&a.schedule).cmp(&schedule_rank(&b.schedule)),
        Column::LastRefreshed => a.last_refreshed.cmp(&b.last_refreshed),
        Column::Permissions => b.can_edit.cmp(&a.can_edit),
    }
    .then_with(|| lower(&a.name).cmp(&lower(&b.name)))
}

/// Whether the row matches the search text (name, connection or connection type).
pub fn matches(row: &ExportRow, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
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
    let visible = Memo::new(move |_| {
        let needle = search.get();
        let only = filter.get();
        let order = sort.get();
        let mut rows: Vec<ExportRow> = all
            .get()
            .into_iter()
            .filter(|r| only.as_ref().is_none_or(|c| r.connection.as_ref().is_some_and(|x| x.id.as_str() == c)))
            .filter(|r| matches(r, &needle))
            .collect();
        rows.sort_by(|a, b| {
            let o = compare(&i18n, order.key, a, b);
            if order.ascending { o } else { o.reverse() }
        });
        rows
    });
    let editable_ids = move || visible.with(|rows| rows.iter().filter(|r| r.can_edit).map(|r| r.id.clone()).collect::<BTreeSet<_>>());
    let all_selected = move || {
        let ids = editable_ids();
        !ids.is_empty() && selected.with(|s| ids.is_subset(s))
    };

    view! {
        <p class="row-count" id="export-count" role="status">
            {move || i18n.tf("data.export.count", &[("shown", &visible.with(Vec::len).to_string()), ("total", &all.with(Vec::len).to_string())])}
        </p>
        <Show
            when=move || !visible.with(Vec::is_empty)
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
                                        let ids = editable_ids();
                                        if event_target_checked(&ev) {
                                            selected.update(|s| s.extend(ids));
                                        } else {
                                            selected.update(|s| s.retain(|id| !ids.contains(id)));
                                        }
                                    }
                                />
                            </th>
                            <SortHeader sort=sort key=Column::Name label_key="exports.col.name" />
                            <SortHeader sort=sort key=Column::Connection label_key="exports.col.connection" />
                            <SortHeader sort=sort key=Column::Type label_key="exports.col.type" />
                            <SortHeader sort=sort key=Column::Status label_key="exports.col.status" />
                            <SortHeader sort=sort key=Column::Schedule label_key="exports.col.schedule" />
                            <SortHeader sort=sort key=Column::LastRefreshed label_key="exports.col.last_refreshed" />
                            <SortHeader sort=sort key=Column::Permissions label_key="exports.col.permissions" />
                            <th scope="col">{move || i18n.t("data.actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || visible.get() key=|row| format!("{row:?}") let:row>
                            <ExportRowView row=row selected=selected actions=actions open_pane=open_pane />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn ExportRowView(row: ExportRow, selected: RwSignal<BTreeSet<ExportId>>, actions: ExportActions, open_pane: Callback<ExportId>) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(row.id.clone());
    let dom_id = format!("export-{}", row.id);
    let (connection, type_name, detached) = match &row.connection {
        Some(c) => (c.display_name.clone(), c.type_name.to_string(), false),
        None => (String::new(), String::new(), true),
    };
    let (schedule_key, hours) = labels::schedule(&row.schedule);
    let running = row.status.is_running();
    let status = row.status;
    let name = row.name.clone();
    let name_for_label = row.name.clone();
    let can_edit = row.can_edit;
    let active = row.active;
    let last = row.last_refreshed;
    view! {
        <tr id=dom_id class:detached=detached class:selected=move || selected.with(|s| s.contains(&id.get_value()))>
            <td class="select-col">
                <input
                    type="checkbox"
                    class="row-select"
                    disabled=!can_edit
                    aria-label=move || i18n.tf("data.select_row", &[("name", &name_for_label)])
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
                    {name}
                </button>
            </th>
            <td class="connection-cell">
                {if detached {
                    view! { <span class="badge no-connection">{move || i18n.t("exports.no_connection")}</span> }.into_any()
                } else {
                    view! { <span>{connection}</span> }.into_any()
                }}
            </td>
            <td>{type_name}</td>
            <td class="status-cell">
                <span class=labels::run_status_class(status)>{move || i18n.t(labels::run_status(status))}</span>
                {progress(status)
                    .map(|(value, max)| {
                        view! { <progress value=value max=max aria-label=move || i18n.t("data.run_progress")></progress> }
                    })}
            </td>
            <td>{move || i18n.tf(schedule_key, &[("hours", &hours.to_string())])}</td>
            <td>{move || last.map(|at| format_timestamp(at, i18n.locale())).unwrap_or_else(|| i18n.t("common.never"))}</td>
            <td>{move || i18n.t(if can_edit { "exports.can_edit" } else { "exports.read_only" })}</td>
            <td class="actions-cell">
                {can_edit
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
                                <button type="button" class="row-run" disabled=!active on:click=move |_| actions.run(&[id.get_value()])>
                                    {move || i18n.t("data.run")}
                                </button>
                            }
                                .into_any()
                        }
                    })}
            </td>
        </tr>
    }
}
