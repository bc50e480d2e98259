//! Sortable column headers: a button inside the `<th>`, with `aria-sort` on the header so screen
//! readers announce the order. The button gives Enter and Space for free.

use super::order::SortState;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// - `sort`: the table's sort; selecting the current column again reverses it.
/// - `key`: this column.
/// - `label_key`: locale key of the column's name.
/// - `page`: set to 0 on a sort, so the first rows of the new order show.
/// - `id`: optional id of the button (e.g. `sort-name`).
#[component]
pub fn SortHeader<K>(
    sort: RwSignal<SortState<K>>,
    key: K,
    label_key: &'static str,
    #[prop(optional)] page: Option<RwSignal<usize>>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let aria_sort = move || {
        let s = sort.get();
        if s.key != key {
            "none"
        } else if s.ascending {
            "ascending"
        } else {
            "descending"
        }
    };
    let arrow = move || {
        let s = sort.get();
        if s.key != key {
            ""
        } else if s.ascending {
            " ▲"
        } else {
            " ▼"
        }
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button
                type="button"
                class="sort-button"
                id=id
                on:click=move |_| {
                    sort.update(|s| *s = s.toggled(key));
                    if let Some(page) = page {
                        page.set(0);
                    }
                }
            >
                {move || i18n.t(label_key)}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}

/// The header row of a table that does not sort: one column header per locale key.
#[component]
pub fn PlainHeader(label_keys: &'static [&'static str]) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <thead>
            <tr>{label_keys.iter().map(|key| view! { <th scope="col">{move || i18n.t(key)}</th> }).collect_view()}</tr>
        </thead>
    }
}
