//! Sortable column headers: a button inside the `<th>`, with `aria-sort` on the header so screen
//! readers announce the order. Selecting the current column again reverses it.

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortState<K> {
    pub key: K,
    pub ascending: bool,
}

#[component]
pub fn SortHeader<K>(sort: RwSignal<SortState<K>>, key: K, label_key: &'static str) -> impl IntoView
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
                on:click=move |_| {
                    sort.update(|s| {
                        if s.key == key {
                            s.ascending = !s.ascending;
                        } else {
                            *s = SortState { key, ascending: true };
                        }
                    })
                }
            >
                {move || i18n.t(label_key)}
                <span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
