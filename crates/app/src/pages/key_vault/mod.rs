//! Settings > Permissions > Key Vault, for administrators: link the organisation's own vault,
//! then add, rotate and delete its secrets (names and versions only; values are write-only).
//! "Mark unreachable" simulates an outage so the Connections lists flag what depends on it.

mod link_form;
mod secret_dialogs;
mod secrets;
mod tile;

use crate::pages::page_title;
use crate::i18n::use_i18n;
use crate::pages::RequireCapability;
use crate::state::use_portal;
use connections_domain::Capability;
use leptos::prelude::*;

#[component]
pub fn KeyVaultPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page key-vault-page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("key_vault.title")}</h1>
            <p class="hint hint-intro">{move || i18n.t("kv.intro")}</p>
            <RequireCapability capability=Capability::ManageKeyVault>
                <VaultArea />
            </RequireCapability>
        </section>
    }
}

#[component]
fn VaultArea() -> impl IntoView {
    let portal = use_portal();
    let linked = move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.vault_view(&viewer).is_some())
    };
    view! {
        <Show when=linked fallback=|| view! { <link_form::LinkVaultForm /> }>
            <tile::VaultTile />
            <secrets::SecretsSection />
        </Show>
    }
}
