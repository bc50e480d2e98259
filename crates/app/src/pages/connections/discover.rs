//! The Discover tab: every catalogue type as a tile (mark, name, category, a one-line
//! description), with a search box, a category filter and Set up on each tile.

use super::list::mark_of;
use super::{PaneRequest, Tab};
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use connections_domain::{catalog, Capability, Category, ConnectionType};
use crate::ui::search_box::SearchBox;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const CATEGORIES: [Category; 3] = [Category::Export, Category::Enrichment, Category::EngagementInsights];

fn category_slug(category: Category) -> &'static str {
    match category {
        Category::Export => "export",
        Category::Enrichment => "enrichment",
        Category::EngagementInsights => "engagement-insights",
    }
}

#[component]
pub fn Discover() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let search = RwSignal::new(String::new());
    let category = RwSignal::new(None::<Category>);
    let can_manage = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.can(&viewer, Capability::ManageConnections))
    });
    // Searches the translated description too, so French users find types by French words.
    let tiles = move || {
        let needle = search.get().trim().to_lowercase();
        let wanted = category.get();
        catalog()
            .iter()
            .filter(|t| wanted.is_none_or(|c| t.category == c))
            .filter(|t| {
                needle.is_empty()
                    || t.name.to_lowercase().contains(&needle)
                    || i18n.t(t.description_key).to_lowercase().contains(&needle)
            })
            .collect::<Vec<&'static ConnectionType>>()
    };
    view! {
        <div class="list-toolbar">
            <SearchBox id="discover-search" label_key="connections.discover.search" value=search />
            <label>
                <span>{move || i18n.t("connections.discover.category")}</span>
                <select
                    id="discover-category"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        category.set(CATEGORIES.into_iter().find(|c| category_slug(*c) == value));
                    }
                >
                    <option value="">{move || i18n.t("connections.discover.all_categories")}</option>
                    {CATEGORIES
                        .into_iter()
                        .map(|c| view! { <option value=category_slug(c)>{move || i18n.t(labels::category(c))}</option> })
                        .collect_view()}
                </select>
            </label>
        </div>
        <p class="sr-only" aria-live="polite" id="discover-count">
            {move || i18n.plural("connections.discover.count", tiles().len(), &[])}
        </p>
        <Show
            when=move || !tiles().is_empty()
            fallback=move || view! { <p class="empty-state">{move || i18n.t("connections.discover.none")}</p> }
        >
            <ul class="tile-grid discover-grid" id="discover-grid" role="list">
                {move || {
                    tiles()
                        .into_iter()
                        .map(|kind| view! { <DiscoverTile kind=kind can_manage=can_manage /> })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

#[component]
fn DiscoverTile(kind: &'static ConnectionType, can_manage: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = StoredValue::new_local(use_navigate());
    let title_id = format!("tile-{}", kind.id.as_str());
    let set_up = move |_| {
        // A type that is not a connection (audience insights) is made under Engagement insights.
        let path = if !kind.is_connection() {
            "/admin-centre/connections".to_string()
        } else {
            format!("{}{}", Tab::Discover.href(), PaneRequest::Add(Some(kind.id)).query())
        };
        navigate.with_value(|go| go(&path, Default::default()));
    };
    let category = kind.category;
    view! {
        <li class="tile discover-tile" data-type=kind.id.as_str() aria-labelledby=title_id.clone()>
            <div class="tile-head">
                <span class=format!("type-mark type-mark-{}", category_slug(category)) aria-hidden="true">
                    {mark_of(kind.name)}
                </span>
                <div>
                    <h2 class="tile-name" id=title_id.clone()>{kind.name}</h2>
                    <p class="tile-category">{move || i18n.t(labels::category(category))}</p>
                </div>
            </div>
            <p class="tile-description">{move || i18n.t(kind.description_key)}</p>
            <Show when=move || can_manage.get()>
                <button
                    class="tile-set-up"
                    id=format!("set-up-{}", kind.id.as_str())
                    aria-label=move || i18n.tf("connections.discover.set_up_named", &[("name", kind.name)])
                    on:click=set_up
                >
                    {move || i18n.t("connections.discover.set_up")}
                </button>
            </Show>
        </li>
    }
}
