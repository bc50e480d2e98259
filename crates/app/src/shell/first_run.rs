//! First run: an empty workspace offers the deterministic sample, a clean start or a large
//! generated workspace.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::now;
use connections_domain::Workspace;
use leptos::prelude::*;

#[component]
pub fn FirstRun() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    // A first run has no users yet, so nobody can be refused; a refusal is still shown, never dropped.
    let refused = RwSignal::new(None::<String>);
    let replace = move |workspace: Workspace| {
        if let Err(error) = portal.replace_workspace(workspace) {
            refused.set(Some(crate::errors::error_message(&i18n, &error)));
        }
    };
    let load_sample = move |_| replace(Workspace::sample(now()));
    let start_empty = move |_| replace(Workspace::empty());
    view! {
        <section class="first-run" aria-labelledby="first-run-title">
            <h1 id="first-run-title">{move || i18n.t("first_run.title")}</h1>
            <p>{move || i18n.t("first_run.intro")}</p>
            <div class="choices">
                <div class="choice">
                    <button id="load-sample" class="primary" on:click=load_sample>
                        {move || i18n.t("first_run.load_sample")}
                    </button>
                    <p>{move || i18n.t("first_run.load_sample.help")}</p>
                </div>
                <div class="choice">
                    <button id="start-empty" on:click=start_empty>
                        {move || i18n.t("first_run.start_empty")}
                    </button>
                    <p>{move || i18n.t("first_run.start_empty.help")}</p>
                </div>
                <div class="choice">
                    <super::LargeDemo help_key="large_demo.help" />
                </div>
            </div>
            <p class="field-error" id="first-run-refused">{move || refused.get()}</p>
        </section>
    }
}
