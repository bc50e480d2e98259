//! The left navigation, grouped as in the portal. `<A>` marks the current page with
//! `aria-current="page"`. On narrow screens (CSS, under 700 px) it folds behind the header's
//! menu button, a disclosure: opening moves focus to the first link, Escape closes it and
//! returns focus to the button, and following a link closes it.

use crate::i18n::use_i18n;
use crate::ui::focus::focus_by_id;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

const BUTTON_ID: &str = "nav-menu-button";

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

/// The header's menu button; hidden by CSS where the navigation has room.
#[component]
pub fn MenuButton(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let toggle = move |_| {
        let now_open = !open.get_untracked();
        open.set(now_open);
        if now_open {
            // After the render that shows the navigation.
            request_animation_frame(focus_first_link);
        }
    };
    view! {
        <button type="button" class="menu-button" id=BUTTON_ID aria-controls="side-nav" aria-expanded=move || open.get().to_string() on:click=toggle>
            <span aria-hidden="true">"☰ "</span>
            {move || i18n.t("nav.menu")}
        </button>
    }
}

fn focus_first_link() {
    let link = document().query_selector("#side-nav a").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}

#[component]
pub fn Navigation(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    // A followed link closes the menu.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let on_link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a").ok().flatten()).is_some();
        if on_link {
            open.set(false);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus_by_id(BUTTON_ID);
        }
    };
    view! {
        <nav class="side-nav" id="side-nav" class:open=move || open.get() aria-label=move || i18n.t("nav.label") on:keydown=on_key on:click=on_click>
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
