//! The data page's frame: title, the connection filter's banner, the toolbar (Add, or the note
//! saying why not, and the search), then the page's bulk bar, table, panes and dialogs
//! (`children`). A change of user clears the selection made under another role.

use super::filter::FilterBanner;
use crate::pages::page_title;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// What the page is about, as locale keys and ids: Exports and Enrichment are two of these.
#[derive(Clone, Copy)]
pub struct DataPageText {
    pub title_key: &'static str,
    pub filtered_key: &'static str,
    pub show_all_key: &'static str,
    /// The page's path, without the query.
    pub base: &'static str,
    pub add_id: &'static str,
    pub add_key: &'static str,
    pub search_id: &'static str,
    pub search_placeholder_key: &'static str,
}

/// - `may_add`: whether Add shows; otherwise `note` gives the note's id and locale key.
#[component]
pub fn DataPage<Id>(
    text: DataPageText,
    filter: Memo<Option<String>>,
    search: RwSignal<String>,
    selected: RwSignal<BTreeSet<Id>>,
    may_add: Signal<bool>,
    note: Signal<(&'static str, &'static str)>,
    adding: RwSignal<bool>,
    children: Children,
) -> impl IntoView
where
    Id: Ord + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let portal = use_portal();
    Effect::new(move |_| {
        portal.current_user.track();
        selected.set(BTreeSet::new());
    });
    view! {
        <section class="page data-page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title(text.title_key)}</h1>
            <FilterBanner filter=filter message_key=text.filtered_key clear_key=text.show_all_key base=text.base />
            <div class="toolbar">
                <Show
                    when=move || may_add.get()
                    fallback=move || {
                        let (id, key) = note.get();
                        view! { <p class="note" id=id>{move || i18n.t(key)}</p> }
                    }
                >
                    <button type="button" class="primary" id=text.add_id on:click=move |_| adding.set(true)>
                        {move || i18n.t(text.add_key)}
                    </button>
                </Show>
                <div class="search">
                    <label for=text.search_id>{move || i18n.t("data.search")}</label>
                    <input id=text.search_id type="search" placeholder=move || i18n.t(text.search_placeholder_key) bind:value=search />
                </div>
            </div>
            {children()}
        </section>
    }
}
