//! Settings > Workspace: the demo's own controls, for administrators: "Reset workspace" (after a
//! confirmation in a modal dialog), backup and restore, and a large generated workspace. Every
//! role sees where the data is kept and what was set aside.

mod backup;
mod offline;
mod storage_card;

pub use backup::backup_error_message;

use crate::pages::page_title;
use crate::i18n::use_i18n;
use crate::shell::LargeDemo;
use crate::state::use_portal;
use connections_domain::Capability;
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn WorkspacePage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let dialog = NodeRef::<Dialog>::new();
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let refused = RwSignal::new(None::<String>);
    // Whole-store operations are for administrators; the domain decides, and refuses them too.
    let may_replace = move || {
        let user = portal.current_user.get();
        portal.workspace().with(|w| w.can(&user, Capability::ManageWorkspace))
    };
    let confirm = move |_| {
        close();
        if let Err(error) = portal.reset() {
            refused.set(Some(crate::errors::error_message(&i18n, &error)));
        }
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("workspace.title")}</h1>
            <Show when=may_replace fallback=move || view! { <p id="workspace-admins-only">{move || i18n.t("workspace.admins_only")}</p> }>
            <section class="card" aria-labelledby="reset-title">
                <h2 id="reset-title">{move || i18n.t("workspace.reset.title")}</h2>
                <p>{move || i18n.t("workspace.reset.body")}</p>
                <button id="reset-workspace" class="danger" on:click=open>
                    {move || i18n.t("workspace.reset.button")}
                </button>
                <p class="field-error" id="reset-refused">{move || refused.get()}</p>
            </section>
            <backup::BackupCard />
            <section class="card" aria-labelledby="large-demo-title">
                <h2 id="large-demo-title">{move || i18n.t("workspace.large_demo.title")}</h2>
                <LargeDemo help_key="workspace.large_demo.help" />
            </section>
            </Show>
            <storage_card::StorageCard />
            <offline::OfflineCard />
            <dialog node_ref=dialog id="reset-dialog" aria-labelledby="reset-dialog-title">
                <h2 id="reset-dialog-title">{move || i18n.t("workspace.reset.confirm_title")}</h2>
                <p>{move || i18n.t("workspace.reset.confirm_body")}</p>
                <div class="dialog-actions">
                    <button id="reset-cancel" autofocus on:click=move |_| close()>{move || i18n.t("common.cancel")}</button>
                    <button id="reset-confirm" class="danger" on:click=confirm>
                        {move || i18n.t("workspace.reset.button")}
                    </button>
                </div>
            </dialog>
        </section>
    }
}
