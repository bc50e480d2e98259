//! Form fields and their refusals. A refusal is kept typed ([`Problem`]: the domain's error, a
//! field's format error, or a message of the page's own) and worded only when it is drawn, so it
//! follows a change of language. [`TextField`] is the label, input, hint and message block every
//! form writes the same way.

use crate::errors::{error_message, field_error_message};
use crate::i18n::{use_i18n, I18n};
use connections_domain::{DomainError, FieldError};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Why a field or a form was refused, worded at render time.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A refusal of the domain (`error_message` words it).
    Refused(DomainError),
    /// A field's value failed its format rule.
    Field(FieldError),
    /// A message of the page's own, by locale key (e.g. "Choose a connection").
    Key(&'static str),
}

impl Problem {
    pub fn message(&self, i18n: &I18n) -> String {
        match self {
            Problem::Refused(error) => error_message(i18n, error),
            Problem::Field(error) => field_error_message(i18n, error),
            Problem::Key(key) => i18n.t(key),
        }
    }
}

/// Problems per field key; empty when the form is fine.
pub type FieldErrors = RwSignal<BTreeMap<&'static str, Problem>>;

pub fn new_errors() -> FieldErrors {
    RwSignal::new(BTreeMap::new())
}

pub fn has_error(errors: FieldErrors, key: &'static str) -> Signal<bool> {
    Signal::derive(move || errors.with(|e| e.contains_key(key)))
}

/// A form's refusals: per field, and the one that belongs to no field (shown above its buttons).
#[derive(Clone, Copy)]
pub struct FormState {
    pub fields: FieldErrors,
    pub form: RwSignal<Option<Problem>>,
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

impl FormState {
    pub fn new() -> Self {
        FormState { fields: new_errors(), form: RwSignal::new(None) }
    }

    /// Before sending again: nothing is refused.
    pub fn clear(&self) {
        self.fields.set(BTreeMap::new());
        self.form.set(None);
    }

    /// Shows `problem` under the field `key` (the only one refused).
    pub fn field(&self, key: &'static str, problem: Problem) {
        self.fields.set([(key, problem)].into());
    }

    /// Shows a refusal under the field `field_of` names for it, or above the buttons.
    pub fn refuse(&self, error: DomainError, field_of: impl Fn(&DomainError) -> Option<&'static str>) {
        match field_of(&error) {
            Some(key) => self.field(key, Problem::Refused(error)),
            None => self.form.set(Some(Problem::Refused(error))),
        }
    }

    /// [`FormState::refuse`], with the format errors of `InvalidFields` under those of `fields`.
    pub fn refuse_fields(&self, error: DomainError, fields: &[&'static str], field_of: impl Fn(&DomainError) -> Option<&'static str>) {
        if let DomainError::InvalidFields(map) = &error {
            let known: BTreeMap<&'static str, Problem> =
                fields.iter().filter_map(|k| map.get(*k).map(|e| (*k, Problem::Field(e.clone())))).collect();
            if !known.is_empty() {
                self.fields.set(known);
                return;
            }
        }
        self.refuse(error, field_of)
    }
}

/// The message element under a field; `id` is what the input's `aria-describedby` names.
#[component]
pub fn FieldMessage(errors: FieldErrors, key: &'static str, #[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="field-error" id=id>{move || errors.with(|e| e.get(key).map(|p| p.message(&i18n)).unwrap_or_default())}</p> }
}

/// The form's refusal that belongs to no field.
#[component]
pub fn FormMessage(form: FormState, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let problem = form.form;
    view! {
        <Show when=move || problem.with(Option::is_some)>
            <p class="form-error" role="alert" id=id>{move || problem.with(|p| p.as_ref().map(|p| p.message(&i18n)).unwrap_or_default())}</p>
        </Show>
    }
}

/// Label, input, optional hint and the field's message. Ids: the input `id`, its hint
/// `{id}-hint`, its message `{id}-error` (both named by `aria-describedby`).
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    label_key: &'static str,
    value: RwSignal<String>,
    errors: FieldErrors,
    /// The field's key in `errors`.
    key: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint_key: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// `spellcheck="false"` for names and identifiers.
    #[prop(optional)]
    no_spellcheck: bool,
    #[prop(optional)] read_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match hint_key {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = has_error(errors, key);
    view! {
        <div class="form-field">
            <label for=id.clone()>{move || i18n.t(label_key)}</label>
            <input
                id=id
                type=input_type
                autocomplete=autocomplete
                spellcheck=no_spellcheck.then_some("false")
                placeholder=placeholder
                readonly=read_only
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=described
                bind:value=value
            />
            {hint_key.map(|key| view! { <p class="hint hint-field" id=hint_id>{move || i18n.t(key)}</p> })}
            <FieldMessage errors=errors key=key id=error_id />
        </div>
    }
}

/// One radio button of the group `name` that sets `group` to `value`, with its label.
pub fn radio<T>(i18n: I18n, group: RwSignal<T>, value: T, name: String, id: String, label_key: &'static str, disabled: bool) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <label class="choice-label">
            <input
                type="radio"
                name=name
                id=id
                disabled=disabled
                prop:checked=move || group.get() == value
                on:change=move |_| group.set(value)
            />
            {move || i18n.t(label_key)}
        </label>
    }
}
