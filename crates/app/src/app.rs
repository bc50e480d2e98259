//! Start-up and routes. `App` provides the contexts (locale, theme, workspace), starts loading
//! IndexedDB, and renders the shell around the page that the URL names.

use crate::i18n::provide_i18n;
use crate::pages;
use crate::prefs;
use crate::shell::theme::ThemeSetting;
use crate::shell::Shell;
use crate::state::{startup, Phase, Portal};
use crate::storage::writer::{SaveStatus, Writer};
use connections_domain::{UserId, Workspace};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let portal = Portal::new(
        Workspace::empty(),
        UserId::new("u-admin-1"),
        Phase::Loading,
        Writer::new(None, SaveStatus::Saving { pending: 0 }),
    );
    leptos::task::spawn_local(startup::load_into(portal, prefs::stored_user()));
    crate::shell::update::provide_offline();
    view! { <PortalRoot portal=portal /> }
}

/// Everything below start-up, given a ready-made [`Portal`]: the component tests mount this
/// with an in-memory workspace.
#[component]
pub fn PortalRoot(portal: Portal) -> impl IntoView {
    portal.provide();
    let i18n = provide_i18n(prefs::stored_locale());
    crate::ui::toast::provide_toasts();
    let theme = ThemeSetting(RwSignal::new(prefs::stored_theme()));
    provide_context(theme);
    sync_document(i18n, theme);

    view! {
        <Router>
            <Shell>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=|| view! { <Redirect path="/settings/connections/enrichment" /> } />
                    <Route path=path!("/data/exports") view=routes::exports() />
                    <Route path=path!("/data/enrichment") view=routes::enrichment() />
                    <Route path=path!("/settings/connections") view=|| view! { <Redirect path="/settings/connections/enrichment" /> } />
                    <Route path=path!("/settings/connections/:tab") view=routes::connections() />
                    <Route path=path!("/settings/connections/details/:id") view=routes::connection_details() />
                    <Route path=path!("/settings/connections/map/:id") view=routes::usage_map() />
                    <Route path=path!("/settings/permissions/key-vault") view=routes::key_vault() />
                    <Route path=path!("/settings/workspace") view=routes::workspace() />
                    <Route path=path!("/activity") view=routes::activity() />
                    <Route path=path!("/engagement/settings") view=routes::admin_settings() />
                    <Route path=path!("/admin-centre") view=routes::admin_centre_home() />
                    <Route path=path!("/admin-centre/connections") view=routes::admin_centre_connections() />
                    <Route path=path!("/admin-centre/connections/new") view=routes::wizard() />
                    <Route path=path!("/reports/profiles") view=routes::profiles() />
                </Routes>
            </Shell>
        </Router>
    }
}

/// The views of every route. With the `split` feature (the shipped build, index.html) each is a
/// split point (as `#[lazy_route]` makes it, but fallible), all of them in the one wasm module
/// `pages`, which `xtask split` cuts out after linking and the page fetches when it first shows
/// a page (a fresh visit shows the first-run screen first). Without it (component tests, `cargo
/// test`) the page is rendered directly, since nothing would split the wasm and the placeholder
/// imports a split point leaves would not resolve.
mod routes {
    use crate::pages;
    #[cfg(feature = "split")]
    use leptos::prelude::*;
    #[cfg(feature = "split")]
    use leptos_router::{Lazy, LazyRoute};
    use leptos_router::ChooseView;

    // What `#[lazy_route]` expands to, less its panic: the page's view is a split point
    // (`wasm_split`), `fallible`, so a failed load is an `Err`.
    macro_rules! route_view {
        ($name:ident, $route:ident, $($page:ident)::+) => {
            #[cfg(feature = "split")]
            pub struct $route;

            #[cfg(feature = "split")]
            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    // Every route in the one module `pages`: each split module fetches every chunk
                    // of code it shares with another, and 16 split points made 187 modules (40
                    // fetched to open Activity, about 200 ms each first time per page load).
                    #[leptos::wasm_split::wasm_split(pages, wasm_split_path = ::leptos::wasm_split, fallible)]
                    fn $name() -> Result<AnyView, crate::lazy::Unavailable> {
                        Ok(untrack(|| $($page)::+()).into_any())
                    }
                    $name().await.unwrap_or_else(|crate::lazy::Unavailable| crate::lazy::unavailable_notice("error.route_load_failed"))
                }
            }

            #[cfg(feature = "split")]
            pub fn $name() -> impl ChooseView {
                Lazy::<$route>::new()
            }

            #[cfg(not(feature = "split"))]
            pub fn $name() -> impl ChooseView {
                $($page)::+
            }
        };
    }

    route_view!(connections, ConnectionsRoute, pages::connections::ConnectionsPage);
    route_view!(exports, ExportsRoute, pages::exports::ExportsPage);
    route_view!(enrichment, EnrichmentRoute, pages::enrichment::EnrichmentPage);
    route_view!(connection_details, ConnectionDetailsRoute, pages::connections::health::ConnectionDetailsPage);
    route_view!(usage_map, UsageMapRoute, pages::connections::health::UsageMapPage);
    route_view!(key_vault, KeyVaultRoute, pages::key_vault::KeyVaultPage);
    route_view!(workspace, WorkspaceRoute, pages::workspace::WorkspacePage);
    route_view!(activity, ActivityRoute, pages::activity::ActivityPage);
    route_view!(admin_settings, AdminSettingsRoute, pages::engagement::admin_settings::AdminSettingsPage);
    route_view!(admin_centre_home, AdminCentreHomeRoute, pages::engagement::admin_centre::AdminCentreHomePage);
    route_view!(admin_centre_connections, AdminCentreConnectionsRoute, pages::engagement::admin_centre::AdminCentreConnectionsPage);
    route_view!(wizard, WizardRoute, pages::engagement::wizard::WizardPage);
    route_view!(profiles, ProfilesRoute, pages::engagement::profiles::ProfilesPage);
}

/// Keeps `<html lang>` and `<html data-theme>` in step with the settings, and saves them.
fn sync_document(i18n: crate::i18n::I18n, theme: ThemeSetting) {
    Effect::new(move |_| {
        let locale = i18n.locale();
        prefs::store_locale(locale);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.tag());
        }
    });
    Effect::new(move |_| {
        let current = theme.0.get();
        prefs::store_theme(current);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", current.attribute());
        }
    });
}

/// True while start-up is still reading IndexedDB.
pub fn is_loading(phase: &Phase) -> bool {
    matches!(phase, Phase::Loading)
}

