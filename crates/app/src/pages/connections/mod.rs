//! Settings > Connections: the Enrichment, Exports and Discover tabs, one URL each
//! (`/settings/connections/<tab>`), and the set-up pane, which has a URL too
//! (`?add=<type>`, `?edit=<id>`, `?duplicate=<id>`) so that the browser's back button closes it
//! and a contributor who opens it directly is told they lack access.
//!
//! Files: `tabs` (WAI-ARIA tabs), `list` (sortable, searchable, paged list), `sort` (the list's
//! pure ordering and filtering), `row_menu` (Edit, Test connection, Duplicate, Remove),
//! `discover` (tile grid), `pane` + `form` + `fields` (set-up pane), `remove_dialog`,
//! `test_dialog`, `kept_panels` (each tab's panel drawn once and kept), `health/` (Health badge and filter, Test all, the details page with the
//! history, the map of what uses a connection).

mod discover;
mod fields;
mod kept_panels;
mod form;
pub mod health;
mod list;
mod pane;
mod remove_dialog;
mod row_menu;
pub mod sort;
mod tabs;
mod test_dialog;
mod undo;

use crate::lazy::{lazy_fn, unavailable_notice, Unavailable};
use crate::pages::page_title;
use crate::pages::RequireCapability;
use connections_domain::{Capability, Category, ConnectionCheck, ConnectionId, ConnectionTypeId};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::params::ParamsMap;

pub use tabs::Tab;

/// What the set-up pane was opened for, as named in the URL's query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaneRequest {
    /// A new connection; the type is chosen in the pane when `None`.
    Add(Option<ConnectionTypeId>),
    Edit(ConnectionId),
    /// A new connection pre-filled from an existing one, secrets left empty.
    Duplicate(ConnectionId),
}

impl PaneRequest {
    fn from_query(query: &ParamsMap) -> Option<PaneRequest> {
        if let Some(slug) = query.get("add") {
            return Some(PaneRequest::Add(ConnectionTypeId::parse(&slug)));
        }
        if let Some(id) = query.get("edit") {
            return Some(PaneRequest::Edit(ConnectionId::new(id)));
        }
        query.get("duplicate").map(|id| PaneRequest::Duplicate(ConnectionId::new(id)))
    }

    /// The query string that opens the pane for this request.
    pub fn query(&self) -> String {
        match self {
            PaneRequest::Add(None) => "?add=".to_string(),
            PaneRequest::Add(Some(type_id)) => format!("?add={}", type_id.as_str()),
            PaneRequest::Edit(id) => format!("?edit={id}"),
            PaneRequest::Duplicate(id) => format!("?duplicate={id}"),
        }
    }
}

/// The tab that lists connections of `category` (engagement insights live elsewhere).
pub fn tab_of(category: Category) -> Tab {
    match category {
        Category::Enrichment => Tab::Enrichment,
        Category::Export | Category::EngagementInsights => Tab::Exports,
    }
}

/// Dialogs the whole page shares, opened from any row's menu.
#[derive(Clone, Copy)]
pub struct ConnectionsUi {
    pub remove_open: RwSignal<bool>,
    pub remove_target: RwSignal<Option<ConnectionId>>,
    pub test_open: RwSignal<bool>,
    pub test_result: RwSignal<Option<ConnectionCheck>>,
}

impl ConnectionsUi {
    pub fn open_remove(&self, id: ConnectionId) {
        self.remove_target.set(Some(id));
        self.remove_open.set(true);
    }

    pub fn show_check(&self, check: ConnectionCheck) {
        self.test_result.set(Some(check));
        self.test_open.set(true);
    }
}

pub fn use_connections_ui() -> ConnectionsUi {
    expect_context::<ConnectionsUi>()
}

// The set-up pane opens on request: in the shipped build it is the wasm module `setup_pane`
// (see `crate::lazy`), fetched when it is first opened.
lazy_fn! {
    pub async fn setup_pane in setup_pane / setup_pane_split(request: PaneRequest, tab: Tab) -> AnyView = pane_view;
}

fn pane_view(request: PaneRequest, tab: Tab) -> AnyView {
    view! { <pane::SetupPane request=request tab=tab /> }.into_any()
}

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let tab = Memo::new(move |_| params.with(|p| p.get("tab").and_then(|s| Tab::from_slug(&s))));
    let request = Memo::new(move |_| query.with(PaneRequest::from_query));
    let ui = ConnectionsUi {
        remove_open: RwSignal::new(false),
        remove_target: RwSignal::new(None),
        test_open: RwSignal::new(false),
        test_result: RwSignal::new(None),
    };
    provide_context(ui);
    let panel = NodeRef::<leptos::html::Div>::new();
    kept_panels::show_in(panel, tab);
    view! {
        <section class="page connections-page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("connections.title")}</h1>
            {move || match tab.get() {
                Some(current) => view! { <tabs::Tabs current=current /> }.into_any(),
                None => view! { <crate::pages::not_found::NotFound /> }.into_any(),
            }}
            // The shown tab's panel is moved in here (see `kept_panels`).
            <div
                role="tabpanel"
                id="tab-panel"
                aria-labelledby=move || tab.get().map(|t| format!("tab-{}", t.slug()))
                tabindex="0"
                hidden=move || tab.get().is_none()
                node_ref=panel
            ></div>
            {move || {
                let current = tab.get()?;
                request
                    .get()
                    .map(|request| {
                        view! {
                            <RequireCapability capability=Capability::ManageConnections>
                                {
                                    let request = request.clone();
                                    move || {
                                        let request = request.clone();
                                        Suspend::new(async move {
                                            setup_pane(request, current).await.unwrap_or_else(|Unavailable| unavailable_notice("error.part_unavailable"))
                                        })
                                    }
                                }
                            </RequireCapability>
                        }
                    })
            }}
            <remove_dialog::RemoveDialog />
            <test_dialog::TestDialog />
        </section>
    }
}
