//! Admin › Settings › General of engagement insights: where the seed's procedure starts, with
//! "Go to admin centre". Environment admins only, like the admin centre itself.

use crate::pages::page_title;
use crate::i18n::use_i18n;
use crate::pages::RequireCapability;
use connections_domain::Capability;
use leptos::prelude::*;

#[component]
pub fn AdminSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("engagement.settings.title")}</h1>
            <RequireCapability capability=Capability::ManageEngagementInsights>
                <section class="card ei-settings" aria-labelledby="settings-general">
                    <h2 id="settings-general">{move || i18n.t("engagement.settings.general")}</h2>
                    <p>{move || i18n.t("engagement.settings.body")}</p>
                    <a class="ei-button primary" id="go-to-admin-centre" href="/admin-centre">
                        {move || i18n.t("engagement.settings.go")}
                    </a>
                </section>
            </RequireCapability>
        </section>
    }
}
