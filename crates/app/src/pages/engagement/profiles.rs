//! Reports › Profiles: the customer profile report of each audience-insights connection, drawn
//! from a deterministic synthetic profile set. Only the link's members see it, and only once its
//! data is Available; everyone else is told why and whom to ask. The domain decides both.

use crate::pages::page_title;
use crate::i18n::use_i18n;
use crate::pages::engagement::charts::BarChart;
use crate::pages::engagement::data_arrival::DataArrival;
use crate::state::use_portal;
use crate::time::format_number;
use connections_domain::engagement::SIMULATED_DATA_DELAY_MS;
use connections_domain::{Capability, ProfileReport, ReportUnavailable};
use leptos::prelude::*;

#[component]
pub fn ProfilesPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let reports = move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| {
            w.report_access(&viewer).into_iter().map(|a| (a.link.to_string(), a.storage_account, a.report)).collect::<Vec<_>>()
        })
    };
    let may_connect = move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.can(&viewer, Capability::ManageEngagementInsights))
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("profiles.title")}</h1>
            <DataArrival />
            <p class="hint hint-intro">{move || i18n.t("engagement.report.synthetic")}</p>
            {move || {
                let reports = reports();
                if reports.is_empty() {
                    let hint = may_connect()
                        .then(|| {
                            view! {
                                <a class="ei-button" href="/admin-centre/connections">
                                    {move || i18n.t("engagement.report.go_connect")}
                                </a>
                            }
                        });
                    return view! {
                        <div class="card" id="no-report">
                            <p>{move || i18n.t("profiles.no_link")}</p>
                            {hint}
                        </div>
                    }
                        .into_any();
                }
                reports
                    .into_iter()
                    .map(|(id, storage, report)| view! { <ReportSection id=id storage=storage report=report /> })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn ReportSection(id: String, storage: String, report: Result<ProfileReport, ReportUnavailable>) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("report-{id}-heading");
    let labelled_by = heading_id.clone();
    let body = match report {
        Ok(report) => view! { <Report id=id.clone() report=report /> }.into_any(),
        Err(ReportUnavailable::NotMember { ask }) => view! {
            <div class="ei-blocked" role="note" id="report-not-member">
                <p class="ei-blocked-title">{move || i18n.t("engagement.report.no_access")}</p>
                <p>{move || i18n.tf("profiles.not_member", &[("ask", &ask)])}</p>
            </div>
        }
        .into_any(),
        Err(ReportUnavailable::NotAvailableYet) => {
            let seconds = (SIMULATED_DATA_DELAY_MS / 1000).to_string();
            view! {
                <div class="ei-blocked" role="note" id="report-pending">
                    <p class="ei-blocked-title">{move || i18n.t("engagement.report.pending")}</p>
                    <p>{move || i18n.tf("engagement.report.pending_body", &[("seconds", &seconds)])}</p>
                </div>
            }
            .into_any()
        }
        Err(ReportUnavailable::NotFound) => ().into_any(),
    };
    view! {
        <section class="ei-report card" aria-labelledby=labelled_by data-link=id>
            <h2 id=heading_id.clone()>{move || i18n.tf("engagement.report.heading", &[("name", &storage)])}</h2>
            {body}
        </section>
    }
}

#[component]
fn Report(id: String, report: ProfileReport) -> impl IntoView {
    let i18n = use_i18n();
    let profiles = report.profiles;
    view! {
        <p class="ei-total" id="report-total">
            {move || i18n.tf("profiles.count", &[("count", &format_number(profiles, i18n.locale()))])}
        </p>
        <p class="ei-privacy">{move || i18n.t("engagement.report.sensitive")}</p>
        <div class="ei-charts">
            <BarChart id=format!("chart-{id}-gender") title_key="engagement.chart.gender" rows=report.gender />
            <BarChart id=format!("chart-{id}-age") title_key="engagement.chart.age" rows=report.age_bands />
            <BarChart id=format!("chart-{id}-location") title_key="engagement.chart.location" rows=report.locations />
        </div>
    }
}
