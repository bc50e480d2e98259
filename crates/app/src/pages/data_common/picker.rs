//! A connection `<select>` grouped by connection type (`<optgroup>`), showing only the display
//! name and type — all a contributor may see of a connection.

use crate::i18n::use_i18n;
use connections_domain::ConnectionChoice;
use leptos::prelude::*;

/// Choices grouped by type name, groups and names in alphabetical order.
pub fn grouped(mut choices: Vec<ConnectionChoice>) -> Vec<(&'static str, Vec<ConnectionChoice>)> {
    choices.sort_by(|a, b| (a.type_name, a.display_name.to_lowercase()).cmp(&(b.type_name, b.display_name.to_lowercase())));
    let mut groups: Vec<(&'static str, Vec<ConnectionChoice>)> = Vec::new();
    for choice in choices {
        match groups.last_mut() {
            Some((name, list)) if *name == choice.type_name => list.push(choice),
            _ => groups.push((choice.type_name, vec![choice])),
        }
    }
    groups
}

#[component]
pub fn ConnectionPicker(
    #[prop(into)] id: String,
    choices: Signal<Vec<ConnectionChoice>>,
    value: RwSignal<String>,
    /// Id of the element holding this field's error, for `aria-describedby`.
    #[prop(into)]
    error_id: String,
    invalid: Signal<bool>,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select
            id=id
            disabled=disabled
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=error_id
            on:change=move |ev| value.set(event_target_value(&ev))
            prop:value=move || value.get()
        >
            <option value="" selected=move || value.with(String::is_empty)>
                {move || i18n.t("data.picker.choose")}
            </option>
            {move || {
                grouped(choices.get())
                    .into_iter()
                    .map(|(type_name, list)| {
                        view! {
                            <optgroup label=type_name>
                                {list
                                    .into_iter()
                                    .map(|c| {
                                        let id = c.id.to_string();
                                        let selected = {
                                            let id = id.clone();
                                            move || value.with(|v| *v == id)
                                        };
                                        view! { <option value=id selected=selected>{c.display_name}</option> }
                                    })
                                    .collect_view()}
                            </optgroup>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}
