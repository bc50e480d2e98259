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
    let load_sample = move |_| portal.replace_workspace(Workspace::sample(now()));
    let start_empty = move |_| portal.replace_workspace(Workspace::empty());
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
        </section>
    }
}
