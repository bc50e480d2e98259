//! The simulated run of an export or enrichment. The page dispatches the `Run…` command, then
//! this sends the steps the domain decided (`connections_domain::simulation`) on timers:
//! Queued → Processing → its outcome.

use crate::errors::error_message;
use crate::i18n::I18n;
use crate::state::Portal;
use crate::ui::toast::Toasts;
use connections_domain::{Command, DomainError, Event, EventKind, RunOutcome, RunStatus};
use std::time::Duration;

/// Pause between two steps of a simulated run (the domain's).
pub const STEP_MS: u64 = connections_domain::simulation::SIMULATED_RUN_STEP_MS;

/// Progress of a run as (value, max) for a `<progress>` element, while it runs.
pub fn progress(status: RunStatus) -> Option<(u8, u8)> {
    match status {
        RunStatus::Queued => Some((1, 3)),
        RunStatus::Processing | RunStatus::Refreshing => Some((2, 3)),
        _ => None,
    }
}

/// Sends `steps` one after another, `STEP_MS` apart. A step refused because the run is no
/// longer going (cancelled, detached, deactivated) ends the simulation quietly; any other
/// refusal is reported.
pub fn continue_run(portal: Portal, i18n: I18n, toasts: Toasts, steps: Vec<Command>) {
    let mut steps = steps.into_iter();
    let Some(step) = steps.next() else { return };
    // On the portal's timers: a run goes on across pages and ends with the app.
    portal.timers.after(Duration::from_millis(STEP_MS), move || match portal.dispatch(step) {
            Ok(events) => {
                let rest: Vec<Command> = steps.collect();
                if rest.is_empty() {
                    announce_end(i18n, toasts, &events);
                }
                continue_run(portal, i18n, toasts, rest);
            }
            Err(DomainError::NotRunning(_) | DomainError::NotFound(_)) => {}
            Err(error) => {
                toasts.failure(error_message(&i18n, &error));
            }
        });
}

/// Says how the run ended, in the toasts' live region: failures stay until dismissed.
fn announce_end(i18n: I18n, toasts: Toasts, events: &[Event]) {
    for event in events {
        let (EventKind::ExportRunProgressed { name, outcome, .. } | EventKind::EnrichmentRunProgressed { name, outcome, .. }) = &event.kind
        else {
            continue;
        };
        let status = i18n.t(crate::labels::run_status(outcome.status()));
        let message = i18n.tf("data.run_finished", &[("name", name), ("status", &status)]);
        if *outcome == RunOutcome::Successful {
            toasts.success(message, None);
        } else {
            toasts.failure(message);
        }
    }
}
