//! A page the signed-in role may not use says so instead of rendering. The domain decides
//! (`Workspace::can`); the commands behind the page refuse on their own as well.

use crate::i18n::use_i18n;
use crate::labels::role as role_key;
use crate::state::use_portal;
use connections_domain::Capability;
use leptos::prelude::*;

#[component]
pub fn RequireCapability(capability: Capability, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let capability = StoredValue::new(capability);
    let allowed = move || {
        let user = portal.current_user.get();
        portal.workspace().with(|w| w.can(&user, capability.get_value()))
    };
    let denied = move || {
        let role = portal.role().map(|r| i18n.t(role_key(r))).unwrap_or_default();
        view! {
            <div class="access-denied" role="alert" id="access-denied">
                <h2>{move || i18n.t("access.denied.title")}</h2>
                <p>{i18n.tf("access.denied.body", &[("role", &role)])}</p>
            </div>
        }
    };
    view! {
        <Show when=allowed fallback=denied>
            {children()}
        </Show>
    }
}
