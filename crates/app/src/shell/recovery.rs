//! Stored data that cannot be read: say what happened, keep it untouched, and let the user
//! download it or set it aside and start again. Nothing is discarded without their say.

use crate::i18n::use_i18n;
use crate::state::startup::StoredDataProblem;
use crate::state::use_portal;
use crate::storage::download::download_text;
use crate::time::now;
use leptos::prelude::*;

#[component]
pub fn Recovery(problem: StoredDataProblem) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let problem = StoredValue::new(problem);
    let failure = RwSignal::new(None::<String>);
    let explanation = move || {
        problem.with_value(|p| {
            let args: Vec<(&str, &str)> = p.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            i18n.tf(p.message_key, &args)
        })
    };
    let download = move |_| {
        let json = problem.with_value(StoredDataProblem::raw_json);
        if !download_text("connections-portal-raw-data.json", "application/json", &json) {
            failure.set(Some(i18n.t("recovery.download_failed")));
        }
    };
    // Data of a newer portal is never written to: only the download is offered.
    let can_start_fresh = portal.writer.database().is_some();
    let start_fresh = move |_| {
        let json = problem.with_value(StoredDataProblem::raw_json);
        let label = format!("quarantined-{}", now().0);
        let Some(db) = portal.writer.database() else { return };
        leptos::task::spawn_local(async move {
            match db.quarantine(&label, &json).await {
                Ok(()) => match portal.reset() {
                    Ok(()) => {}
                    Err(error) => failure.set(Some(crate::errors::error_message(&i18n, &error))),
                },
                Err(error) => failure.set(Some(error.0)),
            }
        });
    };
    view! {
        <section class="recovery" aria-labelledby="recovery-title" role="alert">
            <h1 id="recovery-title">{move || i18n.t("recovery.title")}</h1>
            <p id="recovery-reason">{explanation}</p>
            <p>{move || i18n.t("recovery.kept")}</p>
            <div class="choices">
                <button id="download-raw" on:click=download>{move || i18n.t("recovery.download")}</button>
                <Show when=move || can_start_fresh>
                    <button id="start-fresh" class="primary" on:click=start_fresh>
                        {move || i18n.t("recovery.start_fresh")}
                    </button>
                </Show>
            </div>
            <p class="field-error">{move || failure.get()}</p>
        </section>
    }
}
