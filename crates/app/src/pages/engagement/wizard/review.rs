//! The wizard's last step: what will be created, for a final look before Done. The shared key
//! is only said to be set, never shown.

use crate::i18n::use_i18n;
use crate::pages::engagement::settings_form::SettingsDraft;
use crate::state::use_portal;
use connections_domain::UserId;
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn Review(draft: SettingsDraft, members: RwSignal<BTreeSet<UserId>>) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let member_names = move || {
        let ids = members.get();
        portal.workspace().with(|w| {
            w.users().filter(|u| ids.contains(&u.id)).map(|u| u.name.clone()).collect::<Vec<_>>().join(", ")
        })
    };
    let item = move |key: &'static str, value: Signal<String>, id: &'static str| {
        view! {
            <dt>{move || i18n.t(key)}</dt>
            <dd id=id>{move || value.get()}</dd>
        }
    };
    view! {
        <dl class="ei-review" id="wizard-review">
            {item("engagement.field.storage_account", Signal::derive(move || draft.storage_account.get().trim().to_string()), "review-storage-account")}
            {item("engagement.field.shared_key", Signal::derive(move || i18n.t("engagement.review.key_set")), "review-shared-key")}
            {item("engagement.field.environment_id", Signal::derive(move || draft.environment_id.get().trim().to_string()), "review-environment-id")}
            {item("engagement.field.instance_folder", Signal::derive(move || draft.instance_folder.get().trim().to_string()), "review-instance-folder")}
            {item("engagement.review.members", Signal::derive(member_names), "review-members")}
        </dl>
    }
}
