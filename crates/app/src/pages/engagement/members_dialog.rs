//! Manage members: who may open this link's customer profile report. The domain refuses an
//! empty list, and removing the creator unless another administrator stays to take over.

use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::pages::engagement::members_editor::MembersEditor;
use crate::state::use_portal;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::{Command, EngagementLinkRow};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn MembersDialog(open: RwSignal<bool>, link: RwSignal<Option<EngagementLinkRow>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Modal open=open labelled_by="members-title" class="side-pane" id="members-dialog">
            {move || {
                link.get()
                    .map(|row| {
                        let name = row.storage_account.clone();
                        view! {
                            <h2 id="members-title">
                                {move || i18n.tf("engagement.members.title", &[("name", &name)])}
                            </h2>
                            <MembersForm row=row.clone() open=open />
                        }
                    })
            }}
        </Modal>
    }
}

#[component]
fn MembersForm(row: EngagementLinkRow, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let creator = row.created_by.clone();
    let members = RwSignal::new(row.members.iter().map(|(id, _)| id.clone()).collect::<BTreeSet<_>>());
    let problem = RwSignal::new(None::<String>);
    let id = StoredValue::new(row.id.clone());
    let name = StoredValue::new(row.storage_account.clone());
    let save = move |_| match portal.dispatch(Command::SetEngagementMembers { id: id.get_value(), members: members.get_untracked() }) {
        Ok(_) => {
            toasts.success(i18n.tf("engagement.members.saved", &[("name", &name.get_value())]), None);
            open.set(false);
        }
        Err(error) => problem.set(Some(error_message(&i18n, &error))),
    };
    Effect::new(move |_| {
        members.track();
        problem.set(None);
    });
    view! {
        <div class="ei-form">
        <p class="ei-privacy">{move || i18n.t("engagement.privacy")}</p>
        <MembersEditor members=members creator=creator id_prefix="manage" />
        <p class="field-error" role="alert" id="members-problem">{move || problem.get().unwrap_or_default()}</p>
        <div class="dialog-actions">
            <button type="button" on:click=move |_| open.set(false)>{move || i18n.t("engagement.cancel")}</button>
            <button type="button" class="primary" id="members-save" on:click=save>{move || i18n.t("engagement.save")}</button>
        </div>
        </div>
    }
}
