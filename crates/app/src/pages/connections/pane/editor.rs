//! The form inside the set-up pane: the type, the name, the catalogue's fields for that type and
//! the sections below them; Save checks everything with the domain and sends one command.

use crate::pages::connections::fields::{problem_text, set_problem, FieldInput, ProblemText, Problems};
use crate::pages::connections::form::{name_problem, problems_of, FormValues, Problem, CONSENT_KEY, FORM_KEY, NAME_KEY, SIGN_IN_KEY, TYPE_KEY};
use crate::pages::connections::tab_of;
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::ui::focus::{focus_later, focus_when_shown};
use crate::ui::toast::use_toasts;
use connections_domain::{catalog, Category, ConnectionTypeId, EventKind, SecretState};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;
use super::save_reasons::SaveReasons;
use super::sections::{Consent, KeyVaultSwitch, Sharing, SignIn};
use super::Start;

#[component]
pub(super) fn PaneForm(start: Start, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let navigate = StoredValue::new_local(use_navigate());
    let editing = start.editing.clone();
    let is_edit = editing.is_some();
    let details = StoredValue::new(start.details.clone());
    let used_by_count = start.used_by_count;
    let initial_usable_by = start.values.usable_by;
    let values = RwSignal::new(start.values);
    let problems: Problems = RwSignal::new(BTreeMap::new());
    let editing = StoredValue::new(editing);

    let type_id = Memo::new(move |_| values.with(|v| v.type_id));
    let vault_secrets = Signal::derive(move || {
        let viewer = portal.current_user.get();
        portal
            .workspace()
            .with(|w| w.vault_view(&viewer).map(|v| v.secrets.into_iter().map(|s| s.name.to_string()).collect()).unwrap_or_default())
    });
    let vault_linked = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.vault_view(&viewer).is_some())
    });

    let on_type = move |ev| {
        let slug = event_target_value(&ev);
        values.update(|v| {
            *v = FormValues { type_id: ConnectionTypeId::parse(&slug), display_name: v.display_name.clone(), ..Default::default() };
        });
        problems.update(|p| p.retain(|k, _| k == NAME_KEY));
    };

    // What Save still lacks, as the user types: the reasons beside Save. The domain decides.
    let pending = Memo::new(move |_| values.with(|v| portal.workspace().with(|w| editing.with_value(|e| v.problems(w, e.as_ref())))));
    let local_problems = move || pending.get_untracked();

    let focus_first_problem = move || {
        let first = problems.with_untracked(|p| {
            let order = values.with_untracked(|v| {
                let mut keys = vec![TYPE_KEY.to_owned(), NAME_KEY.to_owned()];
                if let Some(t) = v.type_id {
                    keys.extend(t.spec().fields.iter().map(|f| f.key.to_owned()));
                }
                keys.extend([SIGN_IN_KEY.to_owned(), CONSENT_KEY.to_owned(), FORM_KEY.to_owned()]);
                keys
            });
            order.into_iter().find(|k| p.contains_key(k))
        });
        if let Some(key) = first {
            let id = if key == FORM_KEY { "pane-error".to_owned() } else { format!("field-{key}") };
            focus_later(id);
        }
    };

    // "2 fields need attention": shows their messages (not consent's, which has its own reason)
    // and moves to the first.
    let show_fields = Callback::new(move |_: ()| {
        let mut found = local_problems();
        found.remove(CONSENT_KEY);
        problems.set(found);
        focus_first_problem();
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = local_problems();
        if !found.is_empty() {
            problems.set(found);
            focus_first_problem();
            return;
        }
        let Some(command) = values.with_untracked(|v| editing.with_value(|e| v.to_command(e.as_ref()))) else { return };
        match portal.dispatch(command) {
            Ok(events) => {
                let saved_id = events
                    .iter()
                    .find_map(|event| match &event.kind {
                        EventKind::ConnectionCreated { id, .. } => Some(id.clone()),
                        _ => None,
                    })
                    .or_else(|| editing.get_value());
                let (name, category, usable_by) = values.with_untracked(|v| {
                    (v.display_name.trim().to_owned(), v.type_id.map(|t| t.spec().category), v.usable_by)
                });
                let message = if is_edit && usable_by != initial_usable_by && used_by_count > 0 {
                    i18n.plural("connections.saved_sharing", used_by_count, &[("name", &name)])
                } else {
                    i18n.tf("connections.saved", &[("name", &name)])
                };
                toasts.success(message, None);
                // Show the list the connection belongs to, where it now appears.
                let target = tab_of(category.unwrap_or(Category::Export)).href();
                navigate.with_value(|go| go(&target, Default::default()));
                // The control that opened the pane may be gone (a Discover tile); the saved
                // connection's own menu is where a keyboard user carries on.
                if let Some(id) = saved_id {
                    focus_when_shown(format!("row-menu-{id}"));
                }
            }
            Err(error) => {
                toasts.failure(crate::pages::connections::fields::problem_text(&i18n, &Problem::Domain(error.clone())));
                problems.set(problems_of(error));
                focus_first_problem();
            }
        }
    };

    let spec = move || type_id.get().map(ConnectionTypeId::spec);
    let consent_given = move || is_edit || values.with(|v| v.consent);

    view! {
        <form class="pane-form" id="pane-form" novalidate on:submit=save>
            <div class="pane-body">
            {(!is_edit)
                .then(|| {
                    view! {
                        <div class="form-field">
                            <label for="field-type">{move || i18n.t("connections.pane.type")}</label>
                            <select
                                id="field-type"
                                aria-describedby="field-type-error"
                                aria-invalid=move || problems.with(|p| p.contains_key(TYPE_KEY)).to_string()
                                prop:value=move || type_id.get().map(|t| t.as_str().to_owned()).unwrap_or_default()
                                on:change=on_type
                            >
                                <option value="">{move || i18n.t("connections.pane.choose_type")}</option>
                                {Category::CONNECTIONS
                                    .into_iter()
                                    .map(|category| {
                                        view! {
                                            <optgroup label=move || i18n.t(labels::category(category))>
                                                {catalog()
                                                    .iter()
                                                    .filter(|t| t.category == category)
                                                    .map(|t| view! { <option value=t.id.as_str()>{t.name}</option> })
                                                    .collect_view()}
                                            </optgroup>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                            <ProblemText key=TYPE_KEY.to_string() problems=problems />
                        </div>
                    }
                })}
            {move || {
                spec()
                    .map(|s| {
                        let category = s.category;
                        view! {
                            <p class="pane-type" id="pane-type">
                                <strong>{s.name}</strong>
                                " · "
                                {move || i18n.t(labels::category(category))}
                            </p>
                            <p class="hint">{move || i18n.t(s.description_key)}</p>
                        }
                    })
            }}
            <div class="form-field">
                <label for="field-display_name">{move || i18n.t("connections.col.display_name")}</label>
                <input
                    type="text"
                    id="field-display_name"
                    autocomplete="off"
                    required=true
                    aria-describedby="field-display_name-hint field-display_name-error"
                    aria-invalid=move || problems.with(|p| p.contains_key(NAME_KEY)).to_string()
                    prop:value=move || values.with(|v| v.display_name.clone())
                    on:input=move |ev| {
                        let raw = event_target_value(&ev);
                        values.update(|v| v.display_name = raw.clone());
                        set_problem(problems, NAME_KEY, name_problem(&raw));
                    }
                />
                <p class="hint hint-field" id="field-display_name-hint">{move || i18n.t("connections.pane.name_hint")}</p>
                <ProblemText key=NAME_KEY.to_string() problems=problems />
            </div>
            {move || {
                spec()
                    .map(|s| {
                        let saved = details.get_value().map(|d| d.secrets).unwrap_or_default();
                        view! {
                            <fieldset class="type-fields" id="type-fields">
                                <legend>{move || i18n.tf("connections.pane.details", &[("type", s.name)])}</legend>
                                {s.fields.is_empty().then(|| view! { <p class="hint">{move || i18n.t("connections.pane.no_fields")}</p> })}
                                {s
                                    .fields
                                    .iter()
                                    .map(|field| {
                                        let saved_state: Option<SecretState> = saved.get(field.key).cloned();
                                        view! {
                                            <FieldInput spec=field values=values problems=problems pending=pending saved=saved_state vault_secrets=vault_secrets />
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                            <KeyVaultSwitch supported=s.key_vault has_secrets=s.secret_fields().next().is_some() linked=vault_linked values=values problems=problems />
                            {s.sign_in.then(|| view! { <SignIn provider=s.name details=details values=values problems=problems /> })}
                            {(s.category == Category::Export).then(|| view! { <Sharing values=values is_edit=is_edit used_by_count=used_by_count /> })}
                        }
                    })
            }}
            {(!is_edit).then(|| view! { <Consent values=values problems=problems /> })}
            <p class="field-error form-error" id="pane-error" role="alert" tabindex="-1">
                {move || problems.with(|p| p.get(FORM_KEY).map(|problem| problem_text(&i18n, problem))).unwrap_or_default()}
            </p>
            </div>
            <div class="dialog-actions pane-actions">
                // Before the buttons, so Save stays the last stop of the pane's Tab loop.
                <SaveReasons pending=pending show_fields=show_fields />
                <button type="button" id="pane-cancel" on:click=move |_| open.set(false)>{move || i18n.t("common.cancel")}</button>
                <button type="submit" class="primary" id="pane-save" disabled=move || !consent_given() aria-describedby="pane-save-reasons">
                    {move || i18n.t("connections.pane.save")}
                </button>
            </div>
        </form>
    }
}
