//! Engagement insights admin centre > Connections: the audience-insights links and their status.
//! Environment admins only.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::labels;
use crate::pages::RequireCapability;
use crate::state::use_portal;
use crate::time::format_timestamp;
use connections_domain::Capability;
use leptos::prelude::*;

#[component]
pub fn AdminCentrePage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("admin_centre.title")}</h1>
            <RequireCapability capability=Capability::ManageEngagementInsights>
                <LinkList />
            </RequireCapability>
        </section>
    }
}

#[component]
fn LinkList() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let rows = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.engagement_link_rows(&viewer))
    };
    view! {
        <Show
            when=move || !rows().is_empty()
            fallback=move || view! { <p class="empty-state">{move || i18n.t("admin_centre.empty")}</p> }
        >
            <table class="data" id="engagement-links">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("admin_centre.col.storage_account")}</th>
                        <th scope="col">{move || i18n.t("admin_centre.col.status")}</th>
                        <th scope="col">{move || i18n.t("admin_centre.col.members")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let locale = i18n.locale();
                        rows()
                            .into_iter()
                            .map(|row| {
                                let members = row.members.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", ");
                                view! {
                                    <tr>
                                        <td>{row.storage_account}</td>
                                        <td>
                                            {format!(
                                                "{} · {}",
                                                i18n.t(labels::link_status(row.status)),
                                                format_timestamp(row.status_changed_at, locale),
                                            )}
                                        </td>
                                        <td>{members}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </Show>
    }
}
