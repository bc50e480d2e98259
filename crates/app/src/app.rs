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
                    <Route path=path!("/data/exports") view=pages::exports::ExportsPage />
                    <Route path=path!("/data/enrichment") view=pages::enrichment::EnrichmentPage />
                    <Route path=path!("/settings/connections") view=|| view! { <Redirect path="/settings/connections/enrichment" /> } />
                    <Route path=path!("/settings/connections/:tab") view=pages::connections::ConnectionsPage />
                    <Route path=path!("/settings/connections/details/:id") view=pages::connections::health::ConnectionDetailsPage />
                    <Route path=path!("/settings/connections/map/:id") view=pages::connections::health::UsageMapPage />
                    <Route path=path!("/settings/permissions/key-vault") view=pages::key_vault::KeyVaultPage />
                    <Route path=path!("/settings/workspace") view=pages::workspace::WorkspacePage />
                    <Route path=path!("/activity") view=pages::activity::ActivityPage />
                    <Route path=path!("/engagement/settings") view=pages::engagement::admin_settings::AdminSettingsPage />
                    <Route path=path!("/admin-centre") view=pages::engagement::admin_centre::AdminCentreHomePage />
                    <Route path=path!("/admin-centre/connections") view=pages::engagement::admin_centre::AdminCentreConnectionsPage />
                    <Route path=path!("/admin-centre/connections/new") view=pages::engagement::wizard::WizardPage />
                    <Route path=path!("/reports/profiles") view=pages::engagement::profiles::ProfilesPage />
                </Routes>
            </Shell>
        </Router>
    }
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

