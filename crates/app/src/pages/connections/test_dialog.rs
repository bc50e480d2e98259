//! The result of "Test connection": when it ran, how many checks passed, and each problem in
//! words that say what to fix.

use super::use_connections_ui;
use crate::errors::field_error_message;
use crate::i18n::{use_i18n, I18n};
use crate::time::format_timestamp;
use crate::ui::modal::Modal;
use connections_domain::{CheckProblem, ConnectionCheck, ConnectionId, Workspace};
use leptos::prelude::*;

/// The label of a connection's field, for messages ("Account key").
fn field_label(i18n: &I18n, workspace: &Workspace, connection: &ConnectionId, key: &str) -> String {
    workspace
        .connection(connection)
        .and_then(|c| c.type_id.spec().field(key))
        .map(|spec| i18n.t(spec.label_key))
        .unwrap_or_else(|| key.to_owned())
}

pub(in crate::pages::connections) fn problem_message(i18n: &I18n, workspace: &Workspace, check: &ConnectionCheck, problem: &CheckProblem) -> String {
    let label = |key: &str| field_label(i18n, workspace, &check.connection, key);
    match problem {
        CheckProblem::InvalidField { field, error } => i18n.tf(
            "connections.test.invalid_field",
            &[("field", &label(field)), ("problem", &field_error_message(i18n, error))],
        ),
        CheckProblem::SecretMissing { field } => i18n.tf("connections.test.secret_missing", &[("field", &label(field))]),
        CheckProblem::NoKeyVault { field } => i18n.tf("connections.test.no_key_vault", &[("field", &label(field))]),
        CheckProblem::VaultUnreachable { field } => i18n.tf("connections.test.vault_unreachable", &[("field", &label(field))]),
        CheckProblem::SecretNotFound { field, secret } => {
            i18n.tf("connections.test.secret_not_found", &[("field", &label(field)), ("secret", secret.as_str())])
        }
        CheckProblem::SecretUnreachable { field, secret } => {
            i18n.tf("connections.test.secret_unreachable", &[("field", &label(field)), ("secret", secret.as_str())])
        }
        CheckProblem::SignInMissing => i18n.t("connections.test.sign_in_missing"),
        CheckProblem::SignInExpired { account, expired_at } => i18n.tf(
            "connections.test.sign_in_expired",
            &[("account", account), ("at", &format_timestamp(*expired_at, i18n.locale()))],
        ),
    }
}

#[component]
pub fn TestDialog() -> impl IntoView {
    let ui = use_connections_ui();
    let i18n = use_i18n();
    let portal = crate::state::use_portal();
    let body = move || {
        ui.test_result.get().map(|check| {
            let passed = check.passed();
            let summary = if passed {
                i18n.plural("connections.test.passed", check.checks_run, &[])
            } else {
                i18n.plural("connections.test.failed", check.problems.len(), &[("total", &check.checks_run.to_string())])
            };
            let problems = portal.workspace().with(|w| {
                check.problems.iter().map(|p| problem_message(&i18n, w, &check, p)).collect::<Vec<_>>()
            });
            view! {
                <h2 id="test-title">{i18n.tf("connections.test.title", &[("name", &check.display_name)])}</h2>
                <p class="hint" id="test-time">
                    {i18n.tf("connections.test.checked_at", &[("at", &format_timestamp(check.checked_at, i18n.locale()))])}
                </p>
                <p id="test-summary" class=if passed { "badge badge-ok" } else { "badge badge-bad" }>
                    {if passed { "✓ " } else { "✗ " }}
                    {summary}
                </p>
                <ul id="test-problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            }
        })
    };
    view! {
        <Modal open=ui.test_open labelled_by="test-title" id="test-dialog" class="dialog">
            {body}
            <div class="dialog-actions">
                <button id="test-close" on:click=move |_| ui.test_open.set(false)>{move || i18n.t("connections.close")}</button>
            </div>
        </Modal>
    }
}
