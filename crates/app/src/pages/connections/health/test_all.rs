//! "Test all connections" (administrators: the domain's `TestConnections` capability): one
//! Test connection command per connection of the tab, a few per frame so the page stays
//! responsive, with a progress bar and a live count.

use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::{format_number, now};
use crate::ui::toast::use_toasts;
use connections_domain::{Capability, Category, Command, ConnectionId, DomainError, EventKind};
use leptos::prelude::*;
use std::time::Duration;

/// Tests sent between two screen updates.
const PER_STEP: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Progress {
    done: usize,
    total: usize,
    failed: usize,
    finished: bool,
}

#[component]
pub fn TestAll(category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let allowed = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace.with(|w| w.can(&viewer, Capability::TestConnections))
    });
    let progress = RwSignal::new(None::<Progress>);
    let running = move || progress.get().is_some_and(|p| !p.finished);

    fn step(ids: Vec<ConnectionId>, at: usize, progress: RwSignal<Option<Progress>>, run: impl Fn(&ConnectionId) -> Result<bool, DomainError> + Copy + 'static) {
        let end = (at + PER_STEP).min(ids.len());
        let mut failed = 0;
        for id in &ids[at..end] {
            match run(id) {
                Ok(passed) => failed += usize::from(!passed),
                // Removed since the run began (another tab): nothing to test.
                Err(DomainError::NotFound(_)) => {}
                Err(_) => {
                    progress.update(|p| {
                        if let Some(p) = p {
                            p.finished = true;
                        }
                    });
                    return;
                }
            }
        }
        progress.update(|p| {
            if let Some(p) = p {
                p.done = end;
                p.failed += failed;
                p.finished = end >= ids.len();
            }
        });
        if end < ids.len() {
            set_timeout(move || step(ids, end, progress, run), Duration::from_millis(16));
        }
    }

    let run = move |id: &ConnectionId| -> Result<bool, DomainError> {
        match portal.dispatch(Command::TestConnection { id: id.clone() }) {
            Ok(events) => Ok(!events.iter().any(|e| matches!(e.kind, EventKind::ConnectionTested { problems, .. } if problems > 0))),
            Err(error) => {
                if !matches!(error, DomainError::NotFound(_)) {
                    toasts.failure(error_message(&i18n, &error));
                }
                Err(error)
            }
        }
    };
    let start = move |_| {
        let viewer = portal.current_user.get_untracked();
        let ids: Vec<ConnectionId> = portal.workspace.with_untracked(|w| w.connection_rows(&viewer, category, now()).into_iter().map(|r| r.id).collect());
        progress.set(Some(Progress { total: ids.len(), finished: ids.is_empty(), ..Progress::default() }));
        step(ids, 0, progress, run);
    };

    let status = move || {
        progress.get().map(|p| {
            let locale = i18n.locale();
            let (done, total, failed) = (format_number(p.done as u64, locale), format_number(p.total as u64, locale), format_number(p.failed as u64, locale));
            let key = if p.finished { "health.test_all.done" } else { "health.test_all.progress" };
            i18n.tf(key, &[("done", &done), ("total", &total), ("failed", &failed)])
        })
    };
    view! {
        <Show when=move || allowed.get()>
            <div class="test-all">
                <button type="button" id="test-all" disabled=running aria-describedby="test-all-status" on:click=start>
                    {move || i18n.t("health.test_all")}
                </button>
                {move || {
                    progress
                        .get()
                        .map(|p| {
                            view! {
                                <progress
                                    id="test-all-progress"
                                    max=p.total.max(1)
                                    value=p.done
                                    aria-label=move || i18n.t("health.test_all.progress_label")
                                ></progress>
                            }
                        })
                }}
                <span id="test-all-status" role="status">{status}</span>
            </div>
        </Show>
    }
}
