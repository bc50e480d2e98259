//! Field-level refusals: each form keeps a map from field key to message, shows the message
//! under the field it belongs to and marks the input `aria-invalid`.

use leptos::prelude::*;
use std::collections::BTreeMap;

/// Messages per field key; empty when the form is fine.
pub type FieldErrors = RwSignal<BTreeMap<&'static str, String>>;

pub fn new_errors() -> FieldErrors {
    RwSignal::new(BTreeMap::new())
}

pub fn has_error(errors: FieldErrors, key: &'static str) -> Signal<bool> {
    Signal::derive(move || errors.with(|e| e.contains_key(key)))
}

/// The message element under a field; `id` is what the input's `aria-describedby` names.
#[component]
pub fn FieldMessage(errors: FieldErrors, key: &'static str, #[prop(into)] id: String) -> impl IntoView {
    view! { <p class="field-error" id=id>{move || errors.with(|e| e.get(key).cloned().unwrap_or_default())}</p> }
}
