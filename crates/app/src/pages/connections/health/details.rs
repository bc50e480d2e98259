//! The connection's details page, `/settings/connections/details/<id>`: its health and why, Test
//! connection (for those the domain lets), the way to the map, and the history (the last 20
//! tests and runs) as a timeline with a table beside it. Every signed-in role may read it: the
//! projection holds names and outcomes only, never a field or a secret.

use super::super::tab_of;
use super::super::test_dialog::problem_message;
use super::timeline::Timeline;
use super::{map_path, HealthBadge};
use crate::ui::table::PlainHeader;
use crate::errors::error_message;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_number, format_timestamp, now};
use connections_domain::{Command, ConnectionCheck, ConnectionId, HealthReason, HealthResult, HistoryRow, RunOutcome};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn reason_text(i18n: &I18n, reason: &HealthReason) -> String {
    let n = |v: usize| format_number(v as u64, i18n.locale());
    let at = |t| format_timestamp(t, i18n.locale());
    match reason {
        HealthReason::ProblemsNow { problems } => i18n.tf("health.reason.problems_now", &[("count", &n(*problems))]),
        HealthReason::AllRunsFailing { failing } => i18n.tf("health.reason.runs_failing", &[("failing", &n(*failing)), ("ran", &n(*failing))]),
        HealthReason::SomeRunsFailing { failing, ran } => i18n.tf("health.reason.runs_failing", &[("failing", &n(*failing)), ("ran", &n(*ran))]),
        HealthReason::LastTestFailed { at: when, problems } => {
            i18n.tf("health.reason.last_test_failed", &[("at", &at(*when)), ("count", &n(*problems as usize))])
        }
        HealthReason::SignInExpiresSoon { at: when } => i18n.tf("health.reason.sign_in_soon", &[("at", &at(*when))]),
        HealthReason::LastTestPassed { at: when } => i18n.tf("health.reason.last_test_passed", &[("at", &at(*when))]),
        HealthReason::RunsSucceeding { ran } => i18n.tf("health.reason.runs_succeeding", &[("ran", &n(*ran))]),
        HealthReason::NothingRecorded => i18n.t("health.reason.nothing"),
    }
}

/// (what happened, its result) for one history entry.
pub(super) fn entry_texts(i18n: &I18n, result: &HealthResult) -> (String, String) {
    match result {
        HealthResult::Test { problems: 0 } => (i18n.t("health.entry.test"), i18n.t("health.entry.passed")),
        HealthResult::Test { problems } => (
            i18n.t("health.entry.test"),
            i18n.tf("health.entry.failed_problems", &[("count", &format_number(u64::from(*problems), i18n.locale()))]),
        ),
        HealthResult::ExportRun { name, outcome, .. } => {
            (i18n.tf("health.entry.export_run", &[("name", name)]), i18n.t(labels::run_status(outcome.status())))
        }
        HealthResult::EnrichmentRun { name, outcome, .. } => {
            (i18n.tf("health.entry.enrichment_run", &[("name", name)]), i18n.t(labels::run_status(outcome.status())))
        }
    }
}

#[component]
pub fn ConnectionDetailsPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let params = use_params_map();
    // Plain closures and memos of types the app already has: each new `Memo<T>` type adds its
    // own copy of the reactive machinery to the wasm.
    let id = move || ConnectionId::new(params.with(|p| p.get("id").unwrap_or_default()));
    let view_model = move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.connection_health(&viewer, &id(), now()))
    };
    let last_check = RwSignal::new(None::<ConnectionCheck>);
    let toasts = crate::ui::toast::use_toasts();

    let test = move |_| {
        let id = untrack(id);
        match portal.dispatch(Command::TestConnection { id: id.clone() }) {
            Ok(_) => {
                let viewer = portal.current_user.get_untracked();
                last_check.set(portal.workspace().with_untracked(|w| w.test_connection(&viewer, &id, now()).ok()));
            }
            Err(error) => {
                toasts.failure(error_message(&i18n, &error));
            }
        }
    };
    let check_text = move || {
        last_check.get().map(|check| {
            let problems = portal.workspace().with_untracked(|w| check.problems.iter().map(|p| problem_message(&i18n, w, &check, p)).collect::<Vec<_>>());
            let summary = if check.passed() {
                i18n.plural("connections.test.passed", check.checks_run, &[])
            } else {
                i18n.plural("connections.test.failed", check.problems.len(), &[("total", &check.checks_run.to_string())])
            };
            view! {
                <p>{summary}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            }
        })
    };

    // What changes only with the connection itself: the page's frame (and the focused Test
    // button) stays while the health and history below it follow every change.
    let frame = Memo::new(move |_| view_model().map(|m| m.connection.display_name));
    let can_test = Memo::new(move |_| view_model().is_some_and(|m| m.can_test));
    let history = move || view_model().map(|m| m.history).unwrap_or_default();

    let history_view = move || {
        let history = history();
        if history.is_empty() {
            return view! { <p id="history-empty">{move || i18n.t("health.history.empty")}</p> }.into_any();
        }
        let texts: Vec<(String, String)> = history.iter().map(|r| entry_texts(&i18n, &r.result)).collect();
        let tips = texts.iter().map(|(what, result)| format!("{what}: {result}")).collect();
        let rows = history.iter().zip(texts).map(|(row, (what, result))| history_row(&i18n, row, what, result)).collect_view();
        view! {
            <div class="history">
                <Timeline rows=history.clone() texts=tips />
                <div class="table-scroll">
                    <table class="data history-table" id="history-table">
                        <caption class="sr-only">{move || i18n.t("health.history.caption")}</caption>
                        <PlainHeader label_keys=&["health.col.when", "health.col.who", "health.col.what", "health.col.result"] />
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        }
        .into_any()
    };
    let state = move || view_model().map(|m| view! { <HealthBadge health=m.summary.state /> });
    let reasons = move || view_model().map(|m| m.summary.reasons.iter().map(|r| view! { <li>{reason_text(&i18n, r)}</li> }).collect_view());

    let page = move || {
        let Some(name) = frame.get() else {
            return view! {
                <h1 id="page-title">{move || i18n.t("health.not_found")}</h1>
                <p>
                    <a href="/settings/connections">{move || i18n.t("not_found.back")}</a>
                </p>
            }
            .into_any();
        };
        let Some(model) = untrack(view_model) else { return ().into_any() };
        let (connection, category) = (model.connection, model.category);
        document().set_title(&format!("{name} · {}", i18n.t("app.name")));
        view! {
            <p class="breadcrumb">
                <a href=tab_of(category).href() id="back-to-list">{move || i18n.t("health.back")}</a>
            </p>
            <h1 id="page-title" tabindex="-1">{name}</h1>
            <p class="hint">{connection.type_name}</p>
            <section class="card health-card" aria-labelledby="health-heading">
                <h2 id="health-heading">{move || i18n.t("health.heading")}</h2>
                <p id="health-state">{state}</p>
                <ul id="health-reasons">{reasons}</ul>
                <div class="details-actions">
                    <Show when=move || can_test.get()>
                        <button type="button" id="details-test" on:click=test>{move || i18n.t("connections.action.test")}</button>
                    </Show>
                    <a href=map_path(&connection.id) id="details-map">{move || i18n.t("map.open")}</a>
                </div>
                <div id="details-test-result" role="status">{check_text}</div>
            </section>
            <section class="card" aria-labelledby="history-heading">
                <h2 id="history-heading">{move || i18n.t("health.history.heading")}</h2>
                <p class="hint">{move || i18n.t("health.history.limit")}</p>
                {history_view}
            </section>
        }
        .into_any()
    };
    view! { <section class="page details-page" aria-labelledby="page-title">{page}</section> }
}

fn history_row(i18n: &I18n, row: &HistoryRow, what: String, result: String) -> impl IntoView {
    let at = row.at;
    let i18n = *i18n;
    let neutral = matches!(
        row.result,
        HealthResult::ExportRun { outcome: RunOutcome::Skipped | RunOutcome::Canceled, .. }
            | HealthResult::EnrichmentRun { outcome: RunOutcome::Skipped | RunOutcome::Canceled, .. }
    );
    let (class, mark) = match (row.failed, neutral) {
        (true, _) => ("badge badge-bad", "✗ "),
        (false, true) => ("badge", "– "),
        (false, false) => ("badge badge-ok", "✓ "),
    };
    view! {
        <tr>
            <td>{move || format_timestamp(at, i18n.locale())}</td>
            <td>{row.by_name.clone()}</td>
            <td>{what}</td>
            <td>
                <span class=class><span aria-hidden="true">{mark}</span>{result}</span>
            </td>
        </tr>
    }
}
