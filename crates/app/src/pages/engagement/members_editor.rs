//! Who may open the customer profile report: the current members, each with Remove, and a
//! picker to add any other portal user. Used by the wizard's second step and by Manage members.
//! The list is a draft; the domain decides when it is saved (creator rule, last member).

use crate::i18n::use_i18n;
use crate::labels;
use crate::ui::focus::focus_later;
use crate::state::use_portal;
use connections_domain::{User, UserId};
use leptos::prelude::*;
use std::collections::BTreeSet;

#[component]
pub fn MembersEditor(
    members: RwSignal<BTreeSet<UserId>>,
    /// The administrator who creates (or created) the link.
    creator: UserId,
    /// In the wizard the creator always has access, so no Remove is offered for them.
    #[prop(optional)]
    lock_creator: bool,
    id_prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let users = move || portal.workspace().with(|w| w.users().cloned().collect::<Vec<User>>());
    let candidate = RwSignal::new(String::new());
    let announcement = RwSignal::new(String::new());
    let creator = StoredValue::new(creator);
    let picker_id = format!("{id_prefix}-add-member");
    let list_id = format!("{id_prefix}-members");

    let describe = move |user: &User| format!("{} ({})", user.name, i18n.t(labels::role(user.role)));
    let non_members = move || users().into_iter().filter(|u| !members.with(|m| m.contains(&u.id))).collect::<Vec<_>>();

    let add = {
        let picker_id = picker_id.clone();
        move |_| {
            let chosen = candidate.get_untracked();
            let Some(user) = users().into_iter().find(|u| u.id.as_str() == chosen) else { return };
            members.update(|m| {
                m.insert(user.id.clone());
            });
            candidate.set(String::new());
            announcement.set(i18n.tf("engagement.members.added", &[("name", &user.name)]));
            focus_later(picker_id.clone());
        }
    };

    let rows = {
        let picker_id = picker_id.clone();
        move || {
        let picker_id = picker_id.clone();
        users()
            .into_iter()
            .filter(|u| members.with(|m| m.contains(&u.id)))
            .map(|user| {
                let is_creator = creator.with_value(|c| *c == user.id);
                let label = describe(&user);
                let remove_label = i18n.tf("engagement.members.remove_named", &[("name", &user.name)]);
                let id = user.id.clone();
                let name = user.name.clone();
                let picker_id = picker_id.clone();
                let remove = (!(is_creator && lock_creator)).then(|| {
                    view! {
                        <button
                            type="button"
                            class="member-remove"
                            aria-label=remove_label
                            on:click=move |_| {
                                members.update(|m| {
                                    m.remove(&id);
                                });
                                announcement.set(i18n.tf("engagement.members.removed", &[("name", &name)]));
                                focus_later(picker_id.clone());
                            }
                        >
                            {move || i18n.t("engagement.members.remove")}
                        </button>
                    }
                });
                view! {
                    <li class="member" data-user=user.id.to_string()>
                        <span class="member-name">{label}</span>
                        {is_creator
                            .then(|| view! { <span class="badge">{move || i18n.t("engagement.members.creator")}</span> })}
                        {remove}
                    </li>
                }
            })
            .collect_view()
        }
    };

    view! {
        <div class="members-editor">
            <h3 id=format!("{list_id}-heading")>{move || i18n.t("engagement.members.heading")}</h3>
            <ul class="member-list" id=list_id.clone() aria-labelledby=format!("{list_id}-heading")>
                {rows}
            </ul>
            <div class="member-add">
                <label for=picker_id.clone()>{move || i18n.t("engagement.members.add_label")}</label>
                <select
                    id=picker_id.clone()
                    prop:value=move || candidate.get()
                    on:change=move |ev| candidate.set(event_target_value(&ev))
                >
                    <option value="">{move || i18n.t("engagement.members.choose")}</option>
                    {move || {
                        non_members()
                            .into_iter()
                            .map(|u| {
                                let label = describe(&u);
                                view! { <option value=u.id.to_string()>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <button
                    type="button"
                    id=format!("{id_prefix}-add-member-button")
                    disabled=move || candidate.with(String::is_empty)
                    on:click=add
                >
                    {move || i18n.t("engagement.members.add")}
                </button>
            </div>
            <p class="sr-only" role="status" aria-live="polite">{move || announcement.get()}</p>
        </div>
    }
}
