//! Activity: every event the domain recorded, newest first: who, in which role, did what to
//! which object, and when. Events never carry secrets.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::format_timestamp;
use leptos::prelude::*;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let rows = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.activity(&viewer))
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("activity.title")}</h1>
            <Show
                when=move || !rows().is_empty()
                fallback=move || view! { <p class="empty-state">{move || i18n.t("activity.empty")}</p> }
            >
                <div class="table-scroll">
                    <table class="data" id="activity-list">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("activity.col.when")}</th>
                                <th scope="col">{move || i18n.t("activity.col.who")}</th>
                                <th scope="col">{move || i18n.t("activity.col.action")}</th>
                                <th scope="col">{move || i18n.t("activity.col.object")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let locale = i18n.locale();
                                rows()
                                    .into_iter()
                                    .map(|row| {
                                        let who = format!("{} ({})", row.actor_name, i18n.t(labels::role(row.actor_role)));
                                        let object = format!(
                                            "{}: {}",
                                            i18n.t(labels::object_kind(&row.object)),
                                            row.object_name.unwrap_or_default(),
                                        );
                                        view! {
                                            <tr>
                                                <td>{format_timestamp(row.at, locale)}</td>
                                                <td>{who}</td>
                                                <td>{i18n.t(&format!("action.{}", row.action_key))}</td>
                                                <td>{object}</td>
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
