//! Remove an audience-insights connection. Like the portal's other destructive environment
//! actions, it asks the admin to type CONFIRM DELETE first; the members lose the report.

use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::engagement::{is_delete_confirmation, DELETE_CONFIRMATION};
use connections_domain::{Command, EngagementLinkRow};
use leptos::prelude::*;

#[component]
pub fn RemoveDialog(open: RwSignal<bool>, link: RwSignal<Option<EngagementLinkRow>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Modal open=open labelled_by="remove-link-title" class="dialog" id="remove-link-dialog">
            {move || {
                link.get()
                    .map(|row| {
                        let name = row.storage_account.clone();
                        view! {
                            <h2 id="remove-link-title">
                                {move || i18n.tf("engagement.remove.title", &[("name", &name)])}
                            </h2>
                            <RemoveForm row=row.clone() open=open />
                        }
                    })
            }}
        </Modal>
    }
}

#[component]
fn RemoveForm(row: EngagementLinkRow, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let id = StoredValue::new(row.id.clone());
    let name = StoredValue::new(row.storage_account.clone());
    let members = row.members.len();
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !is_delete_confirmation(&typed.get_untracked()) {
            problem.set(Some(i18n.tf("engagement.remove.mistyped", &[("words", DELETE_CONFIRMATION)])));
            return;
        }
        match portal.dispatch(Command::RemoveEngagementLink { id: id.get_value() }) {
            Ok(_) => {
                toasts.success(i18n.tf("engagement.remove.done", &[("name", &name.get_value())]), None);
                open.set(false);
            }
            Err(error) => problem.set(Some(error_message(&i18n, &error))),
        }
    };
    view! {
        <form class="ei-form" on:submit=confirm novalidate>
            <p>{move || i18n.plural("engagement.remove.body", members, &[])}</p>
            <div class="field">
                <label for="remove-confirm">
                    {move || i18n.tf("engagement.remove.label", &[("words", DELETE_CONFIRMATION)])}
                </label>
                <input
                    id="remove-confirm"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        problem.set(None);
                    }
                    aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby="remove-confirm-error"
                />
                <p class="field-error" id="remove-confirm-error" role="alert">{move || problem.get().unwrap_or_default()}</p>
            </div>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("engagement.cancel")}</button>
                <button type="submit" class="danger" id="remove-link-confirm">{move || i18n.t("engagement.remove.confirm")}</button>
            </div>
        </form>
    }
}
