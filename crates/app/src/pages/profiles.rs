//! Reports > Profiles: the customer profile report of each audience-insights link, for its
//! members once the data is available; everyone else is told why not and whom to ask.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use connections_domain::ReportUnavailable;
use leptos::prelude::*;

#[component]
pub fn ProfilesPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let reports = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| {
            w.engagement_links().map(|link| w.profile_report(&viewer, &link.id)).collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("profiles.title")}</h1>
            {move || {
                let reports = reports();
                if reports.is_empty() {
                    return view! { <p class="empty-state">{i18n.t("profiles.no_link")}</p> }.into_any();
                }
                reports
                    .into_iter()
                    .map(|report| match report {
                        Ok(report) => view! {
                            <p class="card">{i18n.tf("profiles.count", &[("count", &report.profiles.to_string())])}</p>
                        }
                        .into_any(),
                        Err(ReportUnavailable::NotMember { ask }) => view! {
                            <p class="card" role="note">{i18n.tf("profiles.not_member", &[("ask", &ask)])}</p>
                        }
                        .into_any(),
                        Err(ReportUnavailable::NotAvailableYet) => view! {
                            <p class="card" role="note">{i18n.t("profiles.not_available")}</p>
                        }
                        .into_any(),
                        Err(ReportUnavailable::NotFound) => ().into_any(),
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}
