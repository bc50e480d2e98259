//! The linked vault as a tile: name, subscription, who linked it, whether it can be reached,
//! and the actions on the whole vault (mark unreachable/reachable, unlink).

use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::format_timestamp;
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::Command;
use leptos::prelude::*;

#[component]
pub fn VaultTile() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let vault = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.vault_view(&viewer))
    });
    let unlink_open = RwSignal::new(false);
    let unlink_error = RwSignal::new(None::<String>);
    let set_reachable = move |reachable: bool| match portal.dispatch(Command::SetVaultReachable { reachable }) {
        Ok(_) => {
            toasts.success(i18n.t(if reachable { "kv.vault_reachable_now" } else { "kv.vault_unreachable_now" }), None);
        }
        Err(error) => {
            toasts.failure(error_message(&i18n, &error));
        }
    };
    let unlink = move |_| match portal.dispatch(Command::UnlinkKeyVault) {
        Ok(_) => {
            unlink_open.set(false);
            toasts.success(i18n.t("kv.unlinked"), None);
        }
        Err(error) => unlink_error.set(Some(error_message(&i18n, &error))),
    };
    move || {
        let v = vault.get()?;
        let locale = i18n.locale();
        let reachable = v.reachable;
        Some(view! {
            <article class="card vault-tile" id="vault-tile" aria-labelledby="vault-tile-name">
                <div class="vault-tile-head">
                    <span class="vault-mark" aria-hidden="true">
                        <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2">
                            <circle cx="8" cy="12" r="4"></circle>
                            <path d="M12 12h9M18 12v3M21 12v2"></path>
                        </svg>
                    </span>
                    <div>
                        <h2 id="vault-tile-name">{v.vault_name.clone()}</h2>
                        <p id="vault-subscription-text">{i18n.tf("key_vault.subscription", &[("subscription", &v.subscription)])}</p>
                    </div>
                </div>
                <p class="hint">
                    {i18n.tf("key_vault.linked_by", &[("name", &v.linked_by_name), ("at", &format_timestamp(v.linked_at, locale))])}
                </p>
                <p id="vault-reachability">
                    <span class=if reachable { "badge badge-ok" } else { "badge badge-bad" }>
                        {i18n.t(if reachable { "key_vault.reachable" } else { "key_vault.unreachable" })}
                    </span>
                </p>
                <div class="tile-actions">
                    <button type="button" id="vault-toggle-reachable" on:click=move |_| set_reachable(!reachable)>
                        {i18n.t(if reachable { "kv.mark_unreachable" } else { "kv.mark_reachable" })}
                    </button>
                    <button
                        type="button"
                        class="danger"
                        id="vault-unlink"
                        on:click=move |_| {
                            unlink_error.set(None);
                            unlink_open.set(true);
                        }
                    >
                        {i18n.t("kv.unlink")}
                    </button>
                </div>
            </article>
            <Modal open=unlink_open labelled_by="unlink-title" id="unlink-dialog" class="dialog">
                <h2 id="unlink-title">{move || i18n.t("kv.unlink_title")}</h2>
                <p>{move || i18n.t("kv.unlink_body")}</p>
                <Show when=move || unlink_error.get().is_some()>
                    <p class="form-error" role="alert" id="unlink-error">{move || unlink_error.get().unwrap_or_default()}</p>
                </Show>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| unlink_open.set(false)>{move || i18n.t("common.cancel")}</button>
                    <button type="button" class="danger" id="unlink-confirm" on:click=unlink>{move || i18n.t("kv.unlink")}</button>
                </div>
            </Modal>
        })
    }
}
