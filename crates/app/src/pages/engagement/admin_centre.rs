//! The engagement-insights admin centre and its Connections list: each audience-insights link
//! with its status (and when it last changed), its members, and Edit / Manage members / Remove.
//! Environment admins only; everyone else is told so.

use crate::pages::page_title;
use crate::i18n::use_i18n;
use crate::labels;
use crate::pages::engagement::data_arrival::DataArrival;
use crate::pages::engagement::edit_dialog::EditDialog;
use crate::pages::engagement::members_dialog::MembersDialog;
use crate::pages::engagement::remove_dialog::RemoveDialog;
use crate::pages::RequireCapability;
use crate::state::use_portal;
use crate::time::format_timestamp;
use connections_domain::engagement::SIMULATED_DATA_DELAY_MS;
use connections_domain::{Capability, EngagementLinkRow, LinkStatus};
use leptos::prelude::*;
use leptos_router::components::A;

/// The admin centre's own menu (the seed's "Select Connections").
#[component]
fn AdminCentreMenu() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="ei-admin-menu" aria-label=move || i18n.t("engagement.admin_centre.menu")>
            <ul>
                <li>
                    <A href="/admin-centre/connections">{move || i18n.t("engagement.admin_centre.connections")}</A>
                </li>
            </ul>
        </nav>
    }
}

/// `/admin-centre`: where "Go to admin centre" leads.
#[component]
pub fn AdminCentreHomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("engagement.admin_centre.title")}</h1>
            <RequireCapability capability=Capability::ManageEngagementInsights>
                <AdminCentreMenu />
                <p class="ei-lead">{move || i18n.t("engagement.admin_centre.intro")}</p>
            </RequireCapability>
        </section>
    }
}

/// `/admin-centre/connections`.
#[component]
pub fn AdminCentreConnectionsPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("admin_centre.title")}</h1>
            <RequireCapability capability=Capability::ManageEngagementInsights>
                <AdminCentreMenu />
                <DataArrival />
                <LinkList />
            </RequireCapability>
        </section>
    }
}

/// Which link a dialog is about; the dialog opens when it is set.
#[derive(Clone, Copy)]
struct DialogTarget {
    link: RwSignal<Option<EngagementLinkRow>>,
    open: RwSignal<bool>,
}

impl DialogTarget {
    fn new() -> Self {
        DialogTarget { link: RwSignal::new(None), open: RwSignal::new(false) }
    }

    fn show(&self, row: EngagementLinkRow) {
        self.link.set(Some(row));
        self.open.set(true);
    }
}

#[component]
fn LinkList() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let rows = move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.engagement_link_rows(&viewer))
    };
    let has_links = move || !rows().is_empty();
    let edit = DialogTarget::new();
    let manage = DialogTarget::new();
    let remove = DialogTarget::new();
    let delay_seconds = (SIMULATED_DATA_DELAY_MS / 1000).to_string();

    view! {
        <div class="ei-toolbar">
            <a class="ei-button primary" id="add-link" href="/admin-centre/connections/new">
                {move || {
                    if has_links() { i18n.t("engagement.list.add") } else { i18n.t("engagement.list.create") }
                }}
            </a>
        </div>
        <p class="hint hint-intro" id="status-note">
            {move || i18n.tf("engagement.list.status_note", &[("seconds", &delay_seconds)])}
        </p>
        <Show
            when=has_links
            fallback=move || view! { <p class="empty-state" id="no-links">{move || i18n.t("admin_centre.empty")}</p> }
        >
            <div class="table-scroll">
                <table class="data" id="engagement-links">
                    <caption>{move || i18n.t("engagement.list.caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("admin_centre.col.storage_account")}</th>
                            <th scope="col">{move || i18n.t("admin_centre.col.status")}</th>
                            <th scope="col">{move || i18n.t("admin_centre.col.members")}</th>
                            <th scope="col">{move || i18n.t("engagement.list.col.actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|row| format!("{row:?}") let:row>
                            <LinkRow row=row edit=edit manage=manage remove=remove />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <EditDialog open=edit.open link=edit.link />
        <MembersDialog open=manage.open link=manage.link />
        <RemoveDialog open=remove.open link=remove.link />
    }
}

#[component]
fn LinkRow(row: EngagementLinkRow, edit: DialogTarget, manage: DialogTarget, remove: DialogTarget) -> impl IntoView {
    let i18n = use_i18n();
    let name = row.storage_account.clone();
    let badge = match row.status {
        LinkStatus::Pending => "badge badge-warn",
        LinkStatus::Available => "badge badge-ok",
    };
    let status_key = labels::link_status(row.status);
    let changed_at = row.status_changed_at;
    let members = row.members.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ");
    let label = move |key: &'static str| {
        let name = name.clone();
        move || i18n.tf(key, &[("name", &name)])
    };
    let (for_edit, for_manage, for_remove) = (row.clone(), row.clone(), row.clone());
    view! {
        <tr data-link=row.id.to_string()>
            <th scope="row">
                <span class="ei-storage">{row.storage_account.clone()}</span>
                <span class="ei-detail">{row.instance_folder.clone()}</span>
                <span class="ei-detail">{row.environment_id.clone()}</span>
            </th>
            <td data-label=move || i18n.t("admin_centre.col.status") class="ei-status">
                <span class=badge>{move || i18n.t(status_key)}</span>
                <span class="ei-detail">
                    {move || {
                        i18n.tf("engagement.list.since", &[("when", &format_timestamp(changed_at, i18n.locale()))])
                    }}
                </span>
            </td>
            <td data-label=move || i18n.t("admin_centre.col.members") class="ei-members">{members}</td>
            <td class="ei-actions">
                <button type="button" class="edit-link" aria-label=label("engagement.list.edit_named") on:click=move |_| edit.show(for_edit.clone())>
                    {move || i18n.t("engagement.list.edit")}
                </button>
                <button
                    type="button"
                    class="manage-members"
                    aria-label=label("engagement.list.members_named")
                    on:click=move |_| manage.show(for_manage.clone())
                >
                    {move || i18n.t("engagement.list.members")}
                </button>
                <button
                    type="button"
                    class="remove-link danger"
                    aria-label=label("engagement.list.remove_named")
                    on:click=move |_| remove.show(for_remove.clone())
                >
                    {move || i18n.t("engagement.list.remove")}
                </button>
            </td>
        </tr>
    }
}
