//! A labelled search field for a list's toolbar.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// - `id`: the input's id.
/// - `label_key`: locale key of its visible label.
/// - `value`: what is typed, set on every keystroke.
/// - `page`: set to 0 on a keystroke, so the first matching rows show.
#[component]
pub fn SearchBox(id: &'static str, label_key: &'static str, value: RwSignal<String>, #[prop(optional)] page: Option<RwSignal<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="search">
            <span>{move || i18n.t(label_key)}</span>
            <input
                type="search"
                id=id
                prop:value=move || value.get()
                on:input=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(page) = page {
                        page.set(0);
                    }
                }
            />
        </label>
    }
}
