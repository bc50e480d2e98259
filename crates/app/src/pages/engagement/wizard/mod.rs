//! `/admin-centre/connections/new`: the three-step wizard that links audience insights.
//! 1. settings (checked by the domain before Next, nothing created yet);
//! 2. member access (the creating admin is always a member);
//! 3. review, then Done creates the link, which starts Pending.
//!
//! Back keeps everything typed; Cancel asks before throwing it away.

mod review;
mod step_indicator;

use crate::pages::page_title;
use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::pages::engagement::members_editor::MembersEditor;
use crate::pages::engagement::settings_form::{SettingsDraft, SettingsFields};
use crate::pages::RequireCapability;
use crate::state::use_portal;
use crate::ui::focus::focus_later;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{Capability, Command, DomainError, NewEngagementLink, SecretInput, UserId};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use review::Review;
use std::collections::BTreeSet;
use step_indicator::{StepIndicator, STEP_KEYS};

const PREFIX: &str = "wizard";
const LIST: &str = "/admin-centre/connections";

#[component]
pub fn WizardPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("engagement.wizard.title")}</h1>
            <RequireCapability capability=Capability::ManageEngagementInsights>
                <Wizard />
            </RequireCapability>
        </section>
    }
}

#[component]
fn Wizard() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let navigate = StoredValue::new_local(use_navigate());
    let step = RwSignal::new(0usize);
    let draft = SettingsDraft::new();
    let creator = portal.current_user.get_untracked();
    let members = RwSignal::new(BTreeSet::from([creator.clone()]));
    let problem = RwSignal::new(None::<String>);
    let confirm_cancel = RwSignal::new(false);

    let go_to = move |next: usize| {
        problem.set(None);
        step.set(next);
        focus_later("wizard-step-heading".to_string());
    };
    let next = move |_| {
        if step.get_untracked() == 0 && draft.check(PREFIX, false).is_none() {
            return;
        }
        go_to(step.get_untracked() + 1);
    };
    let back = move |_| go_to(step.get_untracked().saturating_sub(1));
    let leave = move || navigate.with_value(|n| n(LIST, Default::default()));
    let cancel = move |_| {
        let untouched = draft.is_blank() && members.with_untracked(|m| m.len() == 1);
        if untouched { leave() } else { confirm_cancel.set(true) }
    };
    let done = move |_| {
        let extra: BTreeSet<UserId> = members.get_untracked();
        let command = Command::CreateEngagementLink(NewEngagementLink {
            storage_account: draft.storage_account.get_untracked(),
            shared_key: SecretInput::new(draft.shared_key.get_untracked()),
            environment_id: draft.environment_id.get_untracked(),
            instance_folder: draft.instance_folder.get_untracked(),
            members: extra,
        });
        match portal.dispatch(command) {
            Ok(_) => {
                toasts.success(i18n.tf("engagement.wizard.created", &[("name", draft.storage_account.get_untracked().trim())]), None);
                leave();
            }
            Err(DomainError::InvalidFields(errors)) => {
                step.set(0);
                draft.show_errors(errors, PREFIX);
            }
            Err(error) => problem.set(Some(error_message(&i18n, &error))),
        }
    };

    let creator_for_editor = creator.clone();
    let body = move || match step.get() {
        0 => view! {
            <p class="hint hint-intro">{move || i18n.t("engagement.wizard.settings_intro")}</p>
            <SettingsFields draft=draft id_prefix=PREFIX />
        }
        .into_any(),
        1 => view! {
            <p class="ei-privacy" id="privacy-note">{move || i18n.t("engagement.privacy")}</p>
            <MembersEditor members=members creator=creator_for_editor.clone() lock_creator=true id_prefix=PREFIX />
        }
        .into_any(),
        _ => view! {
            <p class="hint hint-intro">{move || i18n.t("engagement.wizard.review_intro")}</p>
            <Review draft=draft members=members />
            <p class="hint hint-intro">{move || i18n.t("engagement.wizard.pending_note")}</p>
        }
        .into_any(),
    };

    view! {
        <StepIndicator current=step />
        <form class="ei-wizard ei-form" on:submit=move |ev| ev.prevent_default() novalidate>
            <h2 id="wizard-step-heading" tabindex="-1">
                {move || {
                    i18n.tf(
                        "engagement.wizard.step_heading",
                        &[
                            ("number", &(step.get() + 1).to_string()),
                            ("total", &STEP_KEYS.len().to_string()),
                            ("name", &i18n.t(STEP_KEYS[step.get().min(STEP_KEYS.len() - 1)])),
                        ],
                    )
                }}
            </h2>
            {body}
            <p class="field-error" role="alert" id="wizard-problem">{move || problem.get().unwrap_or_default()}</p>
            <div class="ei-wizard-actions">
                <button type="button" id="wizard-cancel" on:click=cancel>{move || i18n.t("engagement.cancel")}</button>
                <Show when=move || { step.get() > 0 }>
                    <button type="button" id="wizard-back" on:click=back>{move || i18n.t("engagement.wizard.back")}</button>
                </Show>
                <Show
                    when=move || { step.get() + 1 < STEP_KEYS.len() }
                    fallback=move || {
                        view! {
                            <button type="submit" class="primary" id="wizard-done" on:click=done>
                                {move || i18n.t("engagement.wizard.done")}
                            </button>
                        }
                    }
                >
                    <button type="submit" class="primary" id="wizard-next" on:click=next>
                        {move || i18n.t("engagement.wizard.next")}
                    </button>
                </Show>
            </div>
        </form>
        <Modal open=confirm_cancel labelled_by="discard-title" class="dialog" id="discard-dialog">
            <h2 id="discard-title">{move || i18n.t("engagement.wizard.discard.title")}</h2>
            <p>{move || i18n.t("engagement.wizard.discard.body")}</p>
            <div class="dialog-actions">
                <button type="button" id="discard-keep" on:click=move |_| confirm_cancel.set(false)>
                    {move || i18n.t("engagement.wizard.discard.keep")}
                </button>
                <button
                    type="button"
                    class="danger"
                    id="discard-confirm"
                    on:click=move |_| {
                        confirm_cancel.set(false);
                        leave();
                    }
                >
                    {move || i18n.t("engagement.wizard.discard.confirm")}
                </button>
            </div>
        </Modal>
    }
}
