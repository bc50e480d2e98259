//! The left navigation, grouped as in the portal. `<A>` marks the current page with
//! `aria-current="page"`.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;

/// (group heading key, [(link label key, path)]).
const GROUPS: &[(&str, &[(&str, &str)])] = &[
    ("nav.data", &[("nav.exports", "/data/exports"), ("nav.enrichment", "/data/enrichment")]),
    (
        "nav.settings",
        &[
            ("nav.connections", "/settings/connections"),
            ("nav.key_vault", "/settings/permissions/key-vault"),
            ("nav.workspace", "/settings/workspace"),
        ],
    ),
    ("nav.monitoring", &[("nav.activity", "/activity")]),
    (
        "nav.engagement_insights",
        &[
            ("nav.engagement_settings", "/engagement/settings"),
            ("nav.admin_centre", "/admin-centre/connections"),
            ("nav.profiles", "/reports/profiles"),
        ],
    ),
];

#[component]
pub fn Navigation() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="side-nav" aria-label=move || i18n.t("nav.label")>
            {GROUPS
                .iter()
                .map(|(heading, links)| {
                    view! {
                        <section class="nav-group">
                            <h2 class="nav-heading">{move || i18n.t(heading)}</h2>
                            <ul>
                                {links
                                    .iter()
                                    .map(|(label, href)| {
                                        view! {
                                            <li>
                                                <A href=*href>{move || i18n.t(label)}</A>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </nav>
    }
}
