//! Settings > Permissions > Key Vault: the linked vault and its secrets (names and versions,
//! never values). Administrators only.

use crate::app::page_title;
use crate::i18n::use_i18n;
use crate::pages::RequireCapability;
use crate::state::use_portal;
use crate::time::format_timestamp;
use connections_domain::Capability;
use leptos::prelude::*;

#[component]
pub fn KeyVaultPage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("key_vault.title")}</h1>
            <RequireCapability capability=Capability::ManageKeyVault>
                <VaultDetails />
            </RequireCapability>
        </section>
    }
}

#[component]
fn VaultDetails() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let vault = move || {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.vault_view(&viewer))
    };
    move || match vault() {
        None => view! { <p class="empty-state">{move || i18n.t("key_vault.none")}</p> }.into_any(),
        Some(vault) => {
            let locale = i18n.locale();
            let reachable_key = if vault.reachable { "key_vault.reachable" } else { "key_vault.unreachable" };
            view! {
                <div class="card" id="vault-tile">
                    <h2>{vault.vault_name.clone()}</h2>
                    <p>{i18n.tf("key_vault.subscription", &[("subscription", &vault.subscription)])}</p>
                    <p class="muted">
                        {i18n.tf(
                            "key_vault.linked_by",
                            &[("name", &vault.linked_by_name), ("at", &format_timestamp(vault.linked_at, locale))],
                        )}
                    </p>
                    <p>{i18n.t(reachable_key)}</p>
                </div>
                <div class="table-scroll">
                    <table class="data" id="secret-list">
                        <caption>{i18n.t("key_vault.secrets")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t("key_vault.col.name")}</th>
                                <th scope="col">{i18n.t("key_vault.col.version")}</th>
                                <th scope="col">{i18n.t("key_vault.col.updated")}</th>
                                <th scope="col">{i18n.t("key_vault.col.used_by")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {vault
                                .secrets
                                .into_iter()
                                .map(|secret| {
                                    let used_by = secret.used_by.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join(", ");
                                    view! {
                                        <tr>
                                            <td>{secret.name.to_string()}</td>
                                            <td>{secret.latest_version}</td>
                                            <td>{format_timestamp(secret.updated_at, locale)}</td>
                                            <td>{used_by}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}
