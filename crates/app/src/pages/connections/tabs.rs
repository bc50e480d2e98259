//! The three tabs, WAI-ARIA style: one tab stop, arrow keys (and Home, End) move between tabs.
//! Each tab is a link to its own URL, so the browser's back button walks them too.

use crate::i18n::use_i18n;
use crate::ui::focus::focus_later;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

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

    pub fn href(self) -> String {
        format!("/settings/connections/{}", self.slug())
    }
}

#[component]
pub fn Tabs(current: Tab) -> impl IntoView {
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
    focus_later(format!("tab-{}", tab.slug()));
}
