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

/// Where a run of Test all is; signals of types the app already has (a new signal type adds its
/// own reactive machinery to the wasm).
#[derive(Clone, Copy)]
struct Progress {
    started: RwSignal<bool>,
    done: RwSignal<usize>,
    total: RwSignal<usize>,
    failed: RwSignal<usize>,
    finished: RwSignal<bool>,
}

#[component]
pub fn TestAll(category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let allowed = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.can(&viewer, Capability::TestConnections))
    });
    let progress = Progress {
        started: RwSignal::new(false),
        done: RwSignal::new(0),
        total: RwSignal::new(0),
        failed: RwSignal::new(0),
        finished: RwSignal::new(false),
    };
    let running = move || progress.started.get() && !progress.finished.get();

    fn step(ids: Vec<ConnectionId>, at: usize, progress: Progress, run: impl Fn(&ConnectionId) -> Result<bool, DomainError> + Copy + 'static) {
        let end = (at + PER_STEP).min(ids.len());
        let mut failed = 0;
        for id in &ids[at..end] {
            match run(id) {
                Ok(passed) => failed += usize::from(!passed),
                // Removed since the run began (another tab): nothing to test.
                Err(DomainError::NotFound(_)) => {}
                Err(_) => {
                    progress.finished.set(true);
                    return;
                }
            }
        }
        progress.done.set(end);
        progress.failed.update(|f| *f += failed);
        progress.finished.set(end >= ids.len());
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
        let ids: Vec<ConnectionId> = portal.workspace().with_untracked(|w| w.connection_list(&viewer, category, now()).into_iter().map(|r| r.id).collect());
        progress.done.set(0);
        progress.failed.set(0);
        progress.total.set(ids.len());
        progress.finished.set(ids.is_empty());
        progress.started.set(true);
        step(ids, 0, progress, run);
    };

    let status = move || {
        progress.started.get().then(|| {
            let locale = i18n.locale();
            let count = |s: RwSignal<usize>| format_number(s.get() as u64, locale);
            let (done, total, failed) = (count(progress.done), count(progress.total), count(progress.failed));
            let key = if progress.finished.get() { "health.test_all.done" } else { "health.test_all.progress" };
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
                        .started
                        .get()
                        .then(|| {
                            view! {
                                <progress
                                    id="test-all-progress"
                                    max=move || progress.total.get().max(1)
                                    value=move || progress.done.get()
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
