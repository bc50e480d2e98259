//! The bulk bar: shown while rows are selected, "N selected", the page's bulk buttons and Clear.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn BulkBar<Id>(selected: RwSignal<BTreeSet<Id>>, children: ChildrenFn) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <Show when=move || !selected.with(BTreeSet::is_empty)>
            <div class="bulk-bar" role="group" aria-label=move || i18n.t("data.bulk_label")>
                <span id="selection-count">{move || i18n.plural("data.selected", selected.with(BTreeSet::len), &[])}</span>
                {children()}
                <button type="button" on:click=move |_| selected.set(BTreeSet::new())>{move || i18n.t("data.clear_selection")}</button>
            </div>
        </Show>
    }
}

/// One bulk button: `act` gets the selected ids and says whether to clear the selection.
#[component]
pub fn BulkButton<Id>(
    selected: RwSignal<BTreeSet<Id>>,
    id: &'static str,
    label_key: &'static str,
    act: Callback<Vec<Id>, bool>,
    #[prop(optional)] danger: bool,
) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class=danger.then_some("danger")
            id=id
            on:click=move |_| {
                if act.run(selected.get_untracked().into_iter().collect()) {
                    selected.set(BTreeSet::new());
                }
            }
        >
            {move || i18n.t(label_key)}
        </button>
    }
}
