//! The data tables' shared parts, on top of the shared table (`ui/table`): the frame (count,
//! empty state, "select all matching", pager), the select-the-page and per-row checkboxes, the
//! run status cell and the row's Run or Cancel button, all drawn from the row's affordances.

use super::run::progress;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::time::{format_number, format_timestamp};
use crate::ui::table::{Pager, SelectAllMatching};
use connections_domain::{RunStatus, Timestamp};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// - `page_editable`: ids of the page's rows the viewer may change (the selectable ones).
/// - `matching_editable`: the same for every matching row (read once the page is selected).
/// - `count_key`: "{shown} of {total}"; `empty_key`: shown when there is no row at all.
/// - `id_prefix` (`export-`): ids `{id_prefix}count`, `{id_prefix}empty`, `{id_prefix}page-…`.
/// - `children`: the `<table>`.
#[component]
pub fn DataTable<Id>(
    selected: RwSignal<BTreeSet<Id>>,
    page_editable: Signal<Vec<Id>>,
    matching_editable: Signal<Vec<Id>>,
    matching: Signal<usize>,
    total: Signal<usize>,
    page: RwSignal<usize>,
    id_prefix: &'static str,
    count_key: &'static str,
    empty_key: &'static str,
    pager_key: &'static str,
    children: ChildrenFn,
) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <SelectAllMatching selected=selected matching=matching_editable page_ids=page_editable />
        <p class="row-count" id=format!("{id_prefix}count") role="status">
            {move || {
                let locale = i18n.locale();
                i18n.tf(
                    count_key,
                    &[("shown", &format_number(matching.get() as u64, locale)), ("total", &format_number(total.get() as u64, locale))],
                )
            }}
        </p>
        <Show
            when=move || { matching.get() > 0 }
            fallback=move || {
                view! {
                    <p class="empty-state" id=format!("{id_prefix}empty")>
                        {move || if total.get() == 0 { i18n.t(empty_key) } else { i18n.t("data.no_match") }}
                    </p>
                }
            }
        >
            <div class="table-scroll">{children()}</div>
            <Pager total=matching page=page id_prefix=id_prefix label_key=pager_key />
        </Show>
    }
}

/// The header cell whose checkbox selects (or clears) the page's selectable rows.
#[component]
pub fn SelectPage<Id>(id: &'static str, selected: RwSignal<BTreeSet<Id>>, page_ids: Signal<Vec<Id>>) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let all_selected = move || page_ids.with(|ids| !ids.is_empty() && selected.with(|s| ids.iter().all(|i| s.contains(i))));
    view! {
        <th scope="col" class="select-col">
            <input
                type="checkbox"
                id=id
                aria-label=move || i18n.t("data.select_all")
                prop:checked=all_selected
                on:change=move |ev| {
                    let ids = page_ids.get();
                    if event_target_checked(&ev) {
                        selected.update(|s| s.extend(ids));
                    } else {
                        selected.update(|s| s.retain(|id| !ids.contains(id)));
                    }
                }
            />
        </th>
    }
}

/// A row's checkbox cell, enabled while the viewer may change the row.
#[component]
pub fn RowSelect<Id>(selected: RwSignal<BTreeSet<Id>>, id: Id, enabled: Signal<bool>, name: Signal<String>) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    view! {
        <td class="select-col">
            <input
                type="checkbox"
                class="row-select"
                disabled=move || !enabled.get()
                aria-label=move || name.with(|n| i18n.tf("data.select_row", &[("name", n)]))
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
    }
}

/// When something last happened, or "Never".
pub fn when_or_never(i18n: &I18n, at: Option<Timestamp>) -> String {
    at.map(|at| format_timestamp(at, i18n.locale())).unwrap_or_else(|| i18n.t("common.never"))
}

/// A run's status badge, with its progress while it runs.
pub fn run_status(i18n: &I18n, status: RunStatus) -> impl IntoView {
    let progress_bar = progress(status).map(|(value, max)| view! { <progress value=value max=max aria-label=i18n.t("data.run_progress")></progress> });
    view! {
        <span class=labels::run_status_class(status)>{i18n.t(labels::run_status(status))}</span>
        {progress_bar}
    }
}

/// What a row's viewer may do with its run, as the row's affordances say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunAffordance {
    pub can_edit: bool,
    pub can_run: bool,
    pub can_cancel: bool,
}

/// The row's Run button (disabled while it can't run) or, while it runs, Cancel; nothing for a
/// row the viewer may not change.
pub fn run_action(i18n: &I18n, run: RunAffordance, start: impl Fn() + Send + Sync + 'static, cancel: impl Fn() + Send + Sync + 'static) -> Option<AnyView> {
    if !run.can_edit {
        return None;
    }
    Some(if run.can_cancel {
        view! { <button type="button" class="row-cancel" on:click=move |_| cancel()>{i18n.t("data.cancel_run")}</button> }.into_any()
    } else {
        view! { <button type="button" class="row-run" disabled=!run.can_run on:click=move |_| start()>{i18n.t("data.run")}</button> }.into_any()
    })
}
