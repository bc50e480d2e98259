//! Settings > Connections: the Enrichment, Exports and Discover tabs, one URL each
//! (`/settings/connections/<tab>`). Tabs follow the WAI-ARIA pattern: arrow keys, Home and End
//! move between them; each tab is a link, so the browser's back button walks them too.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::format_timestamp;
use connections_domain::{catalog, Category};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Enrichment,
    Exports,
    Discover,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Enrichment, Tab::Exports, Tab::Discover];

    pub fn slug(self) -> &'static str {
        match self {
            Tab::Enrichment => "enrichment",
            Tab::Exports => "exports",
            Tab::Discover => "discover",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.slug() == slug)
    }

    fn label_key(self) -> &'static str {
        match self {
            Tab::Enrichment => "connections.tab.enrichment",
            Tab::Exports => "connections.tab.exports",
            Tab::Discover => "connections.tab.discover",
        }
    }

    fn href(self) -> String {
        format!("/settings/connections/{}", self.slug())
    }
}

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let params = use_params_map();
    let tab = Memo::new(move |_| params.with(|p| p.get("tab").and_then(|s| Tab::from_slug(&s))));
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("connections.title")}</h1>
            {move || match tab.get() {
                Some(current) => view! { <Tabs current=current /> <TabPanel tab=current /> }.into_any(),
                None => view! { <crate::pages::not_found::NotFound /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Tabs(current: Tab) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let index = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
        let last = Tab::ALL.len() - 1;
        let target = match ev.key().as_str() {
            "ArrowRight" => Some(if index == last { 0 } else { index + 1 }),
            "ArrowLeft" => Some(if index == 0 { last } else { index - 1 }),
            "Home" => Some(0),
            "End" => Some(last),
            _ => None,
        };
        if let Some(next) = target {
            ev.prevent_default();
            let tab = Tab::ALL[next];
            navigate(&tab.href(), Default::default());
            focus_tab_soon(tab);
        }
    };
    view! {
        <div role="tablist" aria-label=move || i18n.t("connections.tabs_label") on:keydown=on_keydown>
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let selected = tab == current;
                    view! {
                        <a
                            role="tab"
                            id=format!("tab-{}", tab.slug())
                            href=tab.href()
                            aria-selected=selected.to_string()
                            aria-controls="tab-panel"
                            tabindex=if selected { "0" } else { "-1" }
                        >
                            {move || i18n.t(tab.label_key())}
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Moves focus to `tab` once the route change has re-rendered the tab list.
fn focus_tab_soon(tab: Tab) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&format!("tab-{}", tab.slug())) {
            use wasm_bindgen::JsCast;
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

#[component]
fn TabPanel(tab: Tab) -> impl IntoView {
    view! {
        <div role="tabpanel" id="tab-panel" aria-labelledby=format!("tab-{}", tab.slug()) tabindex="0">
            {match tab {
                Tab::Enrichment => view! { <ConnectionList category=Category::Enrichment /> }.into_any(),
                Tab::Exports => view! { <ConnectionList category=Category::Export /> }.into_any(),
                Tab::Discover => view! { <Discover /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn ConnectionList(category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let rows = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.connection_rows(&viewer, category))
    };
    view! {
        <Show
            when=move || !rows().is_empty()
            fallback=move || view! { <p class="empty-state">{move || i18n.t("connections.empty")}</p> }
        >
            <div class="table-scroll">
                <table class="data" id="connection-list">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("connections.col.display_name")}</th>
                            <th scope="col">{move || i18n.t("connections.col.type")}</th>
                            <th scope="col">{move || i18n.t("connections.col.created")}</th>
                            <th scope="col">{move || i18n.t("connections.col.access")}</th>
                            <th scope="col">{move || i18n.t("connections.col.used_by")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let locale = i18n.locale();
                            rows()
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <td>{row.display_name}</td>
                                            <td>{row.type_name}</td>
                                            <td>{format_timestamp(row.created_at, locale)}</td>
                                            <td>{i18n.t(labels::access(row.access))}</td>
                                            <td>{row.used_by_count}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn Discover() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="tile-grid" role="list">
            {catalog()
                .iter()
                .map(|kind| {
                    let category = kind.category;
                    view! {
                        <li class="tile">
                            <h2 class="tile-name">{kind.name}</h2>
                            <p class="muted">{move || i18n.t(labels::category(category))}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
