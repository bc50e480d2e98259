//! The "Set up connection" side pane, for Add, Duplicate and Edit. Its inputs come from the
//! catalogue entry of the chosen type. Save checks every field at once with the domain's own
//! checks, shows each problem beside its field, and sends one command; nothing typed is lost
//! when Save fails.

use super::fields::{problem_text, set_problem, FieldInput, ProblemText, Problems};
use super::form::{name_problem, problems_of, FormValues, Problem, CONSENT_KEY, NAME_KEY, SIGN_IN_KEY, TYPE_KEY};
use super::{tab_of, PaneRequest, Tab};
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::format_timestamp;
use crate::ui::focus::{focus_later, focus_when_shown};
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{catalog, Access, Category, ConnectionDetails, ConnectionId, ConnectionTypeId, EventKind, SecretState, UsableBy};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

/// What the pane starts from.
#[derive(Clone)]
struct Start {
    values: FormValues,
    /// `Some` when editing.
    editing: Option<ConnectionId>,
    details: Option<ConnectionDetails>,
    used_by_count: usize,
}

fn start_of(request: &PaneRequest, portal: crate::state::Portal, duplicate_name: impl Fn(&str) -> String) -> Option<Start> {
    let viewer = portal.current_user.get_untracked();
    let (id, editing) = match request {
        PaneRequest::Add(type_id) => {
            let values = FormValues { type_id: type_id.filter(|t| t.spec().is_connection()), ..Default::default() };
            return Some(Start { values, editing: None, details: None, used_by_count: 0 });
        }
        PaneRequest::Edit(id) => (id, true),
        PaneRequest::Duplicate(id) => (id, false),
    };
    portal.workspace().with_untracked(|w| {
        let row = w.connection_row(&viewer, id, crate::time::now())?;
        let details = row.details.clone()?;
        let usable_by =
            if row.access == Access::AdministratorsOnly { UsableBy::AdministratorsOnly } else { UsableBy::AdministratorsAndContributors };
        let mut values = FormValues::from_saved(row.type_id, row.display_name.clone(), &details, usable_by);
        if editing {
            Some(Start { values, editing: Some(id.clone()), details: Some(details), used_by_count: row.used_by_count })
        } else {
            // A duplicate starts with the same settings and no secret at all.
            values.display_name = duplicate_name(&row.display_name);
            values.use_vault = false;
            values.vault_picks.clear();
            Some(Start { values, editing: None, details: None, used_by_count: 0 })
        }
    })
}

#[component]
pub fn SetupPane(request: PaneRequest, tab: Tab) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let navigate = StoredValue::new_local(use_navigate());
    let open = RwSignal::new(true);
    // Closing the pane (Cancel, Escape, Save) returns to the list without the pane's query.
    Effect::new(move |_| {
        if !open.get() {
            navigate.with_value(|go| go(&tab.href(), Default::default()));
        }
    });
    let start = start_of(&request, portal, |name| i18n.tf("connections.duplicate_name", &[("name", name)]));
    let title_key = match (&request, &start) {
        (PaneRequest::Edit(_), _) => "connections.pane.edit_title",
        _ => "connections.pane.title",
    };
    let start = StoredValue::new(start);
    view! {
        <Modal open=open labelled_by="pane-title" id="setup-pane" class="side-pane">
            <h2 id="pane-title">{move || i18n.t(title_key)}</h2>
            {move || match start.get_value() {
                Some(start) => view! { <PaneForm start=start open=open /> }.into_any(),
                None => {
                    view! {
                        <p role="alert" id="pane-not-found">{move || i18n.t("error.not_found")}</p>
                        <div class="dialog-actions">
                            <button on:click=move |_| open.set(false)>{move || i18n.t("connections.close")}</button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </Modal>
    }
}

#[component]
fn PaneForm(start: Start, open: RwSignal<bool>) -> impl IntoView {
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
                keys.extend([SIGN_IN_KEY.to_owned(), CONSENT_KEY.to_owned(), "form".to_owned()]);
                keys
            });
            order.into_iter().find(|k| p.contains_key(k))
        });
        if let Some(key) = first {
            let id = if key == "form" { "pane-error".to_owned() } else { format!("field-{key}") };
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
            // While editing there is no type control: a refusal of the whole connection (removed
            // in another tab meanwhile) is said in a toast, as a refused Save would say it.
            if let Some(problem) = found.get(TYPE_KEY).filter(|_| is_edit) {
                toasts.failure(super::fields::problem_text(&i18n, problem));
            }
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
                toasts.failure(super::fields::problem_text(&i18n, &Problem::Domain(error.clone())));
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
                {move || problems.with(|p| p.get("form").map(|problem| problem_text(&i18n, problem))).unwrap_or_default()}
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

/// Why Save cannot be pressed, or would refuse, beside it: each reason a button that moves to
/// the control it names. Its text describes Save (`aria-describedby`). The line keeps its height
/// when empty, so ticking I agree never moves the pane under the pointer.
#[component]
fn SaveReasons(pending: Memo<BTreeMap<String, Problem>>, show_fields: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let consent = move || pending.with(|p| p.contains_key(CONSENT_KEY));
    let fields = move || pending.with(|p| p.keys().filter(|k| k.as_str() != CONSENT_KEY).count());
    view! {
        <p class="save-reasons" id="pane-save-reasons">
            {move || {
                consent()
                    .then(|| {
                        view! {
                            <button type="button" class="link-button" id="reason-consent" on:click=move |_| focus_later("field-consent".to_owned())>
                                {move || i18n.t("connections.pane.reason_consent")}
                            </button>
                        }
                    })
            }}
            {move || {
                let count = fields();
                (count > 0)
                    .then(|| {
                        view! {
                            <button type="button" class="link-button" id="reason-fields" on:click=move |_| show_fields.run(())>
                                {move || i18n.plural("connections.pane.reason_fields", count, &[])}
                            </button>
                        }
                    })
            }}
        </p>
    }
}

/// "Use Key Vault": secret fields then pick a vault secret by name instead of being typed.
#[component]
fn KeyVaultSwitch(supported: bool, has_secrets: bool, linked: Memo<bool>, values: RwSignal<FormValues>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    if !supported || !has_secrets {
        return ().into_any();
    }
    let on_change = move |ev| {
        let on = event_target_checked(&ev);
        values.update(|v| v.use_vault = on);
        // The other input kind takes over: its old message no longer applies.
        let secret_keys: Vec<&str> = values.with_untracked(|v| v.type_id.map(|t| t.spec().secret_fields().map(|f| f.key).collect()).unwrap_or_default());
        problems.update(|p| p.retain(|k, _| !secret_keys.contains(&k.as_str())));
    };
    view! {
        <Show
            when=move || linked.get()
            fallback=move || {
                view! {
                    <p class="hint hint-field" id="key-vault-unlinked">
                        {move || i18n.t("connections.pane.vault_unlinked")}
                        " "
                        <a href="/settings/permissions/key-vault">{move || i18n.t("connections.pane.vault_link")}</a>
                    </p>
                }
            }
        >
            <div class="form-field switch-field">
                <label class="switch">
                    <input
                        type="checkbox"
                        role="switch"
                        id="use-key-vault"
                        aria-describedby="use-key-vault-hint"
                        prop:checked=move || values.with(|v| v.use_vault)
                        on:change=on_change
                    />
                    <span>{move || i18n.t("connections.pane.use_key_vault")}</span>
                </label>
                <p class="hint hint-field" id="use-key-vault-hint">{move || i18n.t("connections.pane.use_key_vault_hint")}</p>
            </div>
        </Show>
    }
    .into_any()
}

/// The simulated sign-in at the provider: the account to sign in with, and until when it lasts.
#[component]
fn SignIn(provider: &'static str, details: StoredValue<Option<ConnectionDetails>>, values: RwSignal<FormValues>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    let current = details.with_value(|d| d.as_ref().and_then(|d| d.sign_in.clone()));
    let has_current = current.is_some();
    let status = current.map(|sign_in| {
        let account = sign_in.account.clone();
        view! {
            <p class="hint hint-field" id="field-sign_in_account-hint">
                {move || {
                    i18n.tf(
                        "connections.pane.signed_in",
                        &[("account", &account), ("until", &format_timestamp(sign_in.expires_at, i18n.locale()))],
                    )
                }}
            </p>
        }
    });
    view! {
        <div class="form-field">
            <label for="field-sign_in_account">
                {move || {
                    let key = if has_current { "connections.pane.sign_in_renew" } else { "connections.pane.sign_in" };
                    i18n.tf(key, &[("provider", provider)])
                }}
            </label>
            {status}
            <input
                type="email"
                id="field-sign_in_account"
                autocomplete="email"
                aria-describedby=if has_current { "field-sign_in_account-hint field-sign_in_account-error" } else { "field-sign_in_account-error" }
                aria-invalid=move || problems.with(|p| p.contains_key(SIGN_IN_KEY)).to_string()
                prop:value=move || values.with(|v| v.sign_in_account.clone())
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    values.update(|v| v.sign_in_account = raw);
                    set_problem(problems, SIGN_IN_KEY, None);
                }
            />
            <ProblemText key=SIGN_IN_KEY.to_string() problems=problems />
        </div>
    }
}

/// "Choose who can use this connection" (export connections only).
#[component]
fn Sharing(values: RwSignal<FormValues>, is_edit: bool, used_by_count: usize) -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |usable_by: UsableBy, id: &'static str, key: &'static str| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="usable-by"
                    id=id
                    prop:checked=move || values.with(|v| v.usable_by == usable_by)
                    on:change=move |_| values.update(|v| v.usable_by = usable_by)
                />
                <span>{move || i18n.t(key)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="sharing" id="sharing">
            <legend>{move || i18n.t("connections.pane.sharing")}</legend>
            {choice(UsableBy::AdministratorsOnly, "usable-admins", "access.administrators_only")}
            {choice(UsableBy::AdministratorsAndContributors, "usable-contributors", "access.administrators_and_contributors")}
            <p class="hint hint-field">
                {move || {
                    if is_edit {
                        i18n.plural("connections.pane.sharing_edit_hint", used_by_count, &[])
                    } else {
                        i18n.t("connections.pane.sharing_hint")
                    }
                }}
            </p>
        </fieldset>
    }
}

/// The data-privacy statement and "I agree"; Save stays off until it is ticked.
#[component]
fn Consent(values: RwSignal<FormValues>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="privacy" aria-labelledby="privacy-title">
            <h3 id="privacy-title">{move || i18n.t("connections.pane.privacy_title")}</h3>
            <p id="privacy-text">{move || i18n.t("connections.pane.privacy_text")}</p>
            <p class="hint">{move || i18n.t("connections.pane.privacy_remove")}</p>
            <label class="checkbox">
                <input
                    type="checkbox"
                    id="field-consent"
                    aria-describedby="privacy-text field-consent-error"
                    prop:checked=move || values.with(|v| v.consent)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        values.update(|v| v.consent = on);
                        set_problem(problems, CONSENT_KEY, None);
                    }
                />
                <span>{move || i18n.t("connections.pane.agree")}</span>
            </label>
            <ProblemText key=CONSENT_KEY.to_string() problems=problems />
        </section>
    }
}
