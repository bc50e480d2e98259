//! Settings › Workspace › Offline use: whether this browser holds a copy of the portal (an active
//! service worker has precached this build), so that it opens without a network.

use crate::i18n::use_i18n;
use crate::shell::update::Offline;
use leptos::prelude::*;

#[component]
pub fn OfflineCard() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_context::<Offline>();
    let ready = move || offline.is_some_and(|o| o.ready.get());
    view! {
        <section class="card" aria-labelledby="offline-title">
            <h2 id="offline-title">{move || i18n.t("offline.title")}</h2>
            <dl class="storage-facts">
                <dt>{move || i18n.t("offline.available")}</dt>
                <dd id="offline-available">{move || if ready() { i18n.t("offline.yes") } else { i18n.t("offline.no") }}</dd>
            </dl>
        </section>
    }
}
