//! "My enrichments": search, sort, the connection filter, a checkbox per row for the bulk
//! actions, and Run (with its progress) on each row.

use super::super::data_common::run::progress;
use super::super::data_common::sort::{SortHeader, SortState};
use super::actions::EnrichmentActions;
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp};
use connections_domain::{EnrichmentId, EnrichmentRow};
use leptos::prelude::*;
use std::cmp::Ordering;
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

fn compare(column: Column, a: &EnrichmentRow, b: &EnrichmentRow) -> Ordering {
    let lower = |s: &str| s.to_lowercase();
    let connection = |r: &EnrichmentRow| r.connection.as_ref().map(|c| lower(&c.display_name));
    match column {
        Column::Name => Ordering::Equal,
        Column::Provider => a.provider_name.cmp(b.provider_name),
        Column::Connection => connection(a).cmp(&connection(b)),
        Column::Status => b.active.cmp(&a.active),
        Column::LastRun => labels::run_status(a.status).cmp(labels::run_status(b.status)),
        Column::Enriched => a.enriched_customers.cmp(&b.enriched_customers),
        Column::LastRefresh => a.last_refresh.cmp(&b.last_refresh),
    }
    .then_with(|| lower(&a.name).cmp(&lower(&b.name)))
}

pub fn matches(row: &EnrichmentRow, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    needle.is_empty()
        || row.name.to_lowercase().contains(&needle)
        || row.provider_name.to_lowercase().contains(&needle)
        || row.connection.as_ref().is_some_and(|c| c.display_name.to_lowercase().contains(&needle))
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
        portal.workspace.with(|w| w.enrichment_rows(&viewer))
    });
    let visible = Memo::new(move |_| {
        let needle = search.get();
        let only = filter.get();
        let order = sort.get();
        let mut rows: Vec<EnrichmentRow> = all
            .get()
            .into_iter()
            .filter(|r| only.as_ref().is_none_or(|c| r.connection.as_ref().is_some_and(|x| x.id.as_str() == c)))
            .filter(|r| matches(r, &needle))
            .collect();
        rows.sort_by(|a, b| {
            let o = compare(order.key, a, b);
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
        <p class="row-count" id="enrichment-count" role="status">
            {move || {
                i18n.tf("data.enrichment.count", &[("shown", &visible.with(Vec::len).to_string()), ("total", &all.with(Vec::len).to_string())])
            }}
        </p>
        <Show
            when=move || !visible.with(Vec::is_empty)
            fallback=move || {
                view! {
                    <p class="empty-state" id="enrichment-empty">
                        {move || if all.with(Vec::is_empty) { i18n.t("enrichment.empty") } else { i18n.t("data.no_match") }}
                    </p>
                }
            }
        >
            <div class="table-scroll">
                <table class="data" id="enrichment-list">
                    <caption>{move || i18n.t("enrichment.mine")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="select-col">
                                <input
                                    type="checkbox"
                                    id="select-all-enrichments"
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
                            <SortHeader sort=sort key=Column::Name label_key="enrichment.col.name" />
                            <SortHeader sort=sort key=Column::Provider label_key="enrichment.col.provider" />
                            <SortHeader sort=sort key=Column::Connection label_key="enrichment.col.connection" />
                            <SortHeader sort=sort key=Column::Status label_key="enrichment.col.status" />
                            <SortHeader sort=sort key=Column::LastRun label_key="data.enrichment.last_run" />
                            <SortHeader sort=sort key=Column::Enriched label_key="enrichment.col.enriched" />
                            <SortHeader sort=sort key=Column::LastRefresh label_key="enrichment.col.last_refresh" />
                            <th scope="col">{move || i18n.t("data.actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || visible.get() key=|row| format!("{row:?}") let:row>
                            <EnrichmentRowView row=row selected=selected actions=actions open_pane=open_pane />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn EnrichmentRowView(row: EnrichmentRow, selected: RwSignal<BTreeSet<EnrichmentId>>, actions: EnrichmentActions, open_pane: Callback<EnrichmentId>) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(row.id.clone());
    let dom_id = format!("enrichment-{}", row.id);
    let connection = row.connection.as_ref().map(|c| c.display_name.clone());
    let (active_key, active_class) = if row.active { ("enrichment.active", "badge badge-ok") } else { ("enrichment.inactive", "badge badge-inactive") };
    let status = row.status;
    let running = status.is_running();
    let can_edit = row.can_edit;
    let active = row.active;
    let enriched = row.enriched_customers;
    let last = row.last_refresh;
    let label_name = row.name.clone();
    view! {
        <tr id=dom_id class:inactive=!active class:selected=move || selected.with(|s| s.contains(&id.get_value()))>
            <td class="select-col">
                <input
                    type="checkbox"
                    class="row-select"
                    disabled=!can_edit
                    aria-label=move || i18n.tf("data.select_row", &[("name", &label_name)])
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
                <button type="button" class="link-button open-enrichment" on:click=move |_| open_pane.run(id.get_value())>
                    {row.name.clone()}
                </button>
            </th>
            <td>{row.provider_name}</td>
            <td class="connection-cell">
                {match connection {
                    Some(name) => view! { <span>{name}</span> }.into_any(),
                    None => view! { <span class="badge no-connection">{move || i18n.t("exports.no_connection")}</span> }.into_any(),
                }}
            </td>
            <td class="active-cell"><span class=active_class>{move || i18n.t(active_key)}</span></td>
            <td class="status-cell">
                <span class=labels::run_status_class(status)>{move || i18n.t(labels::run_status(status))}</span>
                {progress(status)
                    .map(|(value, max)| view! { <progress value=value max=max aria-label=move || i18n.t("data.run_progress")></progress> })}
            </td>
            <td class="number">{move || format_number(enriched, i18n.locale())}</td>
            <td>{move || last.map(|at| format_timestamp(at, i18n.locale())).unwrap_or_else(|| i18n.t("common.never"))}</td>
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
