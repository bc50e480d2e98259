//! "Select all N matching": after the page's rows are selected, one button selects every
//! matching row's id (not rendered), and says so once they are.

use crate::i18n::use_i18n;
use crate::time::format_number;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// - `selected`: the table's selection.
/// - `matching`: ids of every selectable row that matches the search and filters, in order.
/// - `page_ids`: ids of the selectable rows on the visible page.
/// - `id`: id of the button (`select-all-matching` by default); its message once done has
///   `{id}-done`.
/// - `always`: offer it whenever more than one row matches, not only once the page is selected
///   (lists without a "select the page" checkbox, such as the Remove dialog's dependents).
///
/// Shown when every selectable row of the page is selected and more rows match than the page
/// holds (or, with `always`, when more than one row matches). "Select all N matching" selects all N; once they are, "All N matching are selected".
#[component]
pub fn SelectAllMatching<Id>(
    selected: RwSignal<BTreeSet<Id>>,
    matching: Signal<Vec<Id>>,
    page_ids: Signal<Vec<Id>>,
    #[prop(default = "select-all-matching")] id: &'static str,
    #[prop(optional)] always: bool,
) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let count = Memo::new(move |_| matching.with(Vec::len));
    let page_selected = move || {
        let ids = page_ids.get();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|i| s.contains(i)))
    };
    let all_selected = move || matching.with(|m| selected.with(|s| m.iter().all(|i| s.contains(i))));
    let n = move || format_number(count.get() as u64, i18n.locale());
    view! {
        <Show when=move || if always { count.get() > 1 } else { page_selected() && count.get() > page_ids.with(Vec::len) }>
            <p class="select-all-matching" role="status">
                <Show
                    when=all_selected
                    fallback=move || {
                        view! {
                            <button type="button" class="link-button" id=id on:click=move |_| selected.update(|s| s.extend(matching.get()))>
                                {move || i18n.tf("table.select_all_matching", &[("count", &n())])}
                            </button>
                        }
                    }
                >
                    <span id=format!("{id}-done")>{move || i18n.tf("table.all_matching_selected", &[("count", &n())])}</span>
                </Show>
            </p>
        </Show>
    }
}
