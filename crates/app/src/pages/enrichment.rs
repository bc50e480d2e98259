//! Data > Enrichment: "My enrichments", with provider, connection, Active/Inactive, enriched
//! customers and last refresh.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp};
use leptos::prelude::*;

#[component]
pub fn EnrichmentPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let rows = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.enrichment_rows(&viewer))
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("enrichment.title")}</h1>
            <Show
                when=move || !rows().is_empty()
                fallback=move || view! { <p class="empty-state">{move || i18n.t("enrichment.empty")}</p> }
            >
                <div class="table-scroll">
                    <table class="data" id="enrichment-list">
                        <caption>{move || i18n.t("enrichment.mine")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("enrichment.col.name")}</th>
                                <th scope="col">{move || i18n.t("enrichment.col.provider")}</th>
                                <th scope="col">{move || i18n.t("enrichment.col.connection")}</th>
                                <th scope="col">{move || i18n.t("enrichment.col.status")}</th>
                                <th scope="col">{move || i18n.t("enrichment.col.enriched")}</th>
                                <th scope="col">{move || i18n.t("enrichment.col.last_refresh")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let locale = i18n.locale();
                                rows()
                                    .into_iter()
                                    .map(|row| {
                                        let connection = row
                                            .connection
                                            .map(|c| c.display_name)
                                            .unwrap_or_else(|| i18n.t("exports.no_connection"));
                                        let (status_key, class) = if row.active {
                                            ("enrichment.active", "badge badge-ok")
                                        } else {
                                            ("enrichment.inactive", "badge")
                                        };
                                        view! {
                                            <tr>
                                                <td>{row.name}</td>
                                                <td>{row.provider_name}</td>
                                                <td>{connection}</td>
                                                <td><span class=class>{i18n.t(status_key)}</span></td>
                                                <td>{format_number(row.enriched_customers, locale)}</td>
                                                <td>
                                                    {row
                                                        .last_refresh
                                                        .map(|at| format_timestamp(at, locale))
                                                        .unwrap_or_else(|| i18n.t("common.never"))}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
