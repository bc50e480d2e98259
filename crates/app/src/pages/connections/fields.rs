//! One input of the set-up pane, generated from the catalogue's `FieldSpec`: text, a choice,
//! or a secret (masked, with Show/Hide while typing, or picked by name from the Key Vault).
//! Each input is checked with the domain's own `validate_field` as it is typed in (never on
//! blur: a message appearing then would move the control about to be clicked); the message sits
//! beside it (`aria-describedby`, `aria-invalid`).

use super::form::{FormValues, Problem};
use crate::errors::{error_message, field_error_message, name_error_message};
use crate::i18n::{use_i18n, I18n};
use connections_domain::{validate_field, FieldKind, FieldSpec, SecretState};
use leptos::prelude::*;
use std::collections::BTreeMap;

pub type Problems = RwSignal<BTreeMap<String, Problem>>;

pub fn problem_text(i18n: &I18n, problem: &Problem) -> String {
    match problem {
        Problem::Name(e) => name_error_message(i18n, e),
        Problem::Field(e) => field_error_message(i18n, e),
        Problem::Domain(e) => error_message(i18n, e),
        Problem::Key(key) => i18n.t(key),
    }
}

/// The message element beside a control; empty (and hidden by CSS) when all is well.
#[component]
pub fn ProblemText(key: String, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{key}-error");
    let text = move || problems.with(|p| p.get(&key).map(|problem| problem_text(&i18n, problem))).unwrap_or_default();
    view! { <p class="field-error" id=id>{text}</p> }
}

/// Sets or clears the message of `key`. Uses `try_update`: a blur can fire while the pane is
/// being taken down, after its signals are gone.
pub fn set_problem(problems: Problems, key: &str, problem: Option<Problem>) {
    problems.try_update(|p| match problem {
        Some(problem) => {
            p.insert(key.to_owned(), problem);
        }
        None => {
            p.remove(key);
        }
    });
}

/// `aria-describedby` of a control: its hint (if any) and its error text.
fn described_by(key: &str, has_hint: bool) -> String {
    if has_hint { format!("field-{key}-hint field-{key}-error") } else { format!("field-{key}-error") }
}

#[component]
pub fn FieldInput(
    spec: &'static FieldSpec,
    values: RwSignal<FormValues>,
    problems: Problems,
    /// The domain's problems of the whole form as it stands (a secret field shows its own).
    pending: Memo<BTreeMap<String, Problem>>,
    /// What is saved for a secret field when editing.
    saved: Option<SecretState>,
    /// Names of the linked vault's secrets.
    vault_secrets: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = spec.key;
    let id = format!("field-{key}");
    let invalid = move || problems.with(|p| p.contains_key(key)).to_string();
    let label = move || {
        let text = i18n.t(spec.label_key);
        if spec.required { text } else { format!("{text} {}", i18n.t("connections.pane.optional")) }
    };

    if spec.is_secret() {
        return view! { <SecretField spec=spec values=values problems=problems pending=pending saved=saved vault_secrets=vault_secrets /> }.into_any();
    }

    let check = move || {
        let Some(raw) = values.try_with_untracked(|v| v.plain.get(key).cloned().unwrap_or_default()) else { return };
        set_problem(problems, key, validate_field(spec, &raw).err().map(Problem::Field));
    };
    let on_input = move |ev| {
        let raw = event_target_value(&ev);
        values.update(|v| {
            v.plain.insert(key.to_owned(), raw);
        });
        check();
    };
    let value = move || values.with(|v| v.plain.get(key).cloned().unwrap_or_default());

    let control = match spec.kind {
        FieldKind::Choice(choices) => view! {
            <select
                id=id.clone()
                required=spec.required
                aria-invalid=invalid
                aria-describedby=described_by(key, false)
                prop:value=value
                on:change=on_input
            >
                <option value="">{move || i18n.t("connections.pane.choose")}</option>
                {choices.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        _ => view! {
            <input
                type="text"
                id=id.clone()
                autocomplete="off"
                spellcheck="false"
                required=spec.required
                aria-invalid=invalid
                aria-describedby=described_by(key, false)
                prop:value=value
                on:input=on_input
            />
        }
        .into_any(),
    };
    view! {
        <div class="form-field" data-field=key>
            <label for=id>{label}</label>
            {control}
            <ProblemText key=key.to_string() problems=problems />
        </div>
    }
    .into_any()
}

#[component]
fn SecretField(
    spec: &'static FieldSpec,
    values: RwSignal<FormValues>,
    problems: Problems,
    pending: Memo<BTreeMap<String, Problem>>,
    saved: Option<SecretState>,
    vault_secrets: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let key = spec.key;
    let id = format!("field-{key}");
    let hint_id = format!("field-{key}-hint");
    let shown = RwSignal::new(false);
    let has_saved = saved.is_some();
    let invalid = move || problems.with(|p| p.contains_key(key)).to_string();
    let label = move || i18n.t(spec.label_key);
    let hint = saved.clone().map(|state| {
        let hint_id = hint_id.clone();
        let text = move || match &state {
            SecretState::Saved => i18n.t("connections.pane.secret_saved"),
            SecretState::FromVault(name) => i18n.tf("connections.pane.secret_from_vault", &[("secret", name.as_str())]),
        };
        view! { <p class="hint hint-field" id=hint_id>{text}</p> }
    });

    // Whether a saved secret may stay empty, and the rest, is the domain's to say.
    let check = move || {
        let Some(problem) = pending.try_with_untracked(|p| p.get(key).cloned()) else { return };
        set_problem(problems, key, problem);
    };

    let typed = {
        let id = id.clone();
        move || {
            view! {
                <div class="secret-input">
                    <input
                        type=move || if shown.get() { "text" } else { "password" }
                        id=id.clone()
                        autocomplete="new-password"
                        spellcheck="false"
                        required=spec.required && !has_saved
                        aria-invalid=invalid
                        aria-describedby=described_by(key, has_saved)
                        prop:value=move || values.with(|v| v.secrets.get(key).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let raw = event_target_value(&ev);
                            values.update(|v| {
                                v.secrets.insert(key.to_owned(), raw);
                            });
                            check();
                        }
                    />
                    <button
                        type="button"
                        class="secret-toggle"
                        id=format!("{id}-toggle")
                        aria-controls=id.clone()
                        aria-pressed=move || shown.get().to_string()
                        on:click=move |_| shown.update(|s| *s = !*s)
                    >
                        {move || if shown.get() { i18n.t("connections.pane.hide") } else { i18n.t("connections.pane.show") }}
                    </button>
                </div>
            }
        }
    };
    let picked = {
        let id = id.clone();
        move || {
            view! {
                <select
                    id=id.clone()
                    class="vault-pick"
                    required=spec.required
                    aria-invalid=invalid
                    aria-describedby=described_by(key, has_saved)
                    prop:value=move || values.with(|v| v.vault_picks.get(key).cloned().unwrap_or_default())
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        values.update(|v| {
                            v.vault_picks.insert(key.to_owned(), name);
                        });
                        check();
                    }
                >
                    <option value="">{move || i18n.t("connections.pane.choose_secret")}</option>
                    {move || {
                        vault_secrets
                            .get()
                            .into_iter()
                            .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
                            .collect_view()
                    }}
                </select>
            }
        }
    };
    let use_vault = move || values.with(|v| v.use_vault);
    view! {
        <div class="form-field secret-field" data-field=key>
            <label for=id>
                {label}
                {move || use_vault().then(|| view! { <span class="hint">" · " {i18n.t("connections.pane.from_vault")}</span> })}
            </label>
            {hint}
            <Show when=use_vault fallback=typed>
                {picked.clone()}
            </Show>
            <ProblemText key=key.to_string() problems=problems />
        </div>
    }
}
