//! Data > Exports: every export with its connection (or "No connection"), status, schedule and
//! last refresh, as the signed-in role may see them.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::format_timestamp;
use leptos::prelude::*;

#[component]
pub fn ExportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let rows = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.export_rows(&viewer))
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("exports.title")}</h1>
            <Show
                when=move || !rows().is_empty()
                fallback=move || view! { <p class="empty-state">{move || i18n.t("exports.empty")}</p> }
            >
                <div class="table-scroll">
                    <table class="data" id="export-list">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("exports.col.name")}</th>
                                <th scope="col">{move || i18n.t("exports.col.connection")}</th>
                                <th scope="col">{move || i18n.t("exports.col.type")}</th>
                                <th scope="col">{move || i18n.t("exports.col.status")}</th>
                                <th scope="col">{move || i18n.t("exports.col.schedule")}</th>
                                <th scope="col">{move || i18n.t("exports.col.last_refreshed")}</th>
                                <th scope="col">{move || i18n.t("exports.col.permissions")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let locale = i18n.locale();
                                rows()
                                    .into_iter()
                                    .map(|row| {
                                        let (connection, type_name) = match &row.connection {
                                            Some(c) => (c.display_name.clone(), c.type_name.to_string()),
                                            None => (i18n.t("exports.no_connection"), String::new()),
                                        };
                                        let (schedule_key, hours) = labels::schedule(&row.schedule);
                                        view! {
                                            <tr>
                                                <td>{row.name}</td>
                                                <td>{connection}</td>
                                                <td>{type_name}</td>
                                                <td>
                                                    <span class=labels::run_status_class(row.status)>
                                                        {i18n.t(labels::run_status(row.status))}
                                                    </span>
                                                </td>
                                                <td>{i18n.tf(schedule_key, &[("hours", &hours.to_string())])}</td>
                                                <td>
                                                    {row
                                                        .last_refreshed
                                                        .map(|at| format_timestamp(at, locale))
                                                        .unwrap_or_else(|| i18n.t("common.never"))}
                                                </td>
                                                <td>
                                                    {i18n.t(if row.can_edit { "exports.can_edit" } else { "exports.read_only" })}
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
