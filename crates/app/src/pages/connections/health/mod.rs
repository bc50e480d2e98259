//! Connection health in the app: the badge, the Health filter, Test all connections, the
//! details page (health, reasons, history as a timeline and a table) and the map of what uses a
//! connection. Each renders a domain projection (`connection_list`, `connection_health`,
//! `usage_map`); none decides a state.

mod details;
mod map;
mod test_all;
mod timeline;

pub use details::ConnectionDetailsPage;
pub use map::UsageMapPage;
pub use test_all::TestAll;

use crate::i18n::use_i18n;
use crate::labels;
use connections_domain::{ConnectionId, Health};
use leptos::prelude::*;

/// The connection's details page (health and history).
pub fn details_path(id: &ConnectionId) -> String {
    format!("/settings/connections/details/{id}")
}

/// The map of what uses the connection.
pub fn map_path(id: &ConnectionId) -> String {
    format!("/settings/connections/map/{id}")
}

/// The state in words, with a mark whose shape differs per state (never colour alone).
#[component]
pub fn HealthBadge(health: Health) -> impl IntoView {
    let i18n = use_i18n();
    let (class, mark) = labels::health_style(health);
    view! {
        <span class=format!("{class} health-badge") data-health=health.slug()>
            <span class="health-mark" aria-hidden="true">{mark}</span>
            {move || i18n.t(labels::health(health))}
        </span>
    }
}

/// Narrows a connection list to one health state.
#[component]
/// `value` holds the state's slug, empty for all.
pub fn HealthFilter(value: RwSignal<String>, page: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="health-filter">
            <span>{move || i18n.t("health.filter")}</span>
            <select
                id="health-filter"
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    page.set(0);
                }
            >
                <option value="" selected=move || value.with(String::is_empty)>{move || i18n.t("health.filter.all")}</option>
                {Health::ALL
                    .into_iter()
                    .map(|h| view! { <option value=h.slug() selected=move || value.with(|v| v == h.slug())>{move || i18n.t(labels::health(h))}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
