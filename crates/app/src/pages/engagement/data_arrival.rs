//! The simulated engagement-insights service: a pending link's data "arrives" once the domain's
//! delay has passed (seconds here; hours in the real service). Timers are recomputed from the
//! stored status time, so a reload neither loses nor restarts the wait.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::now;
use crate::ui::toast::use_toasts;
use connections_domain::Command;
use leptos::leptos_dom::helpers::set_timeout_with_handle;
use leptos::prelude::*;
use std::time::Duration;

/// Renders nothing; while mounted, marks due links Available and announces it.
#[component]
pub fn DataArrival() -> impl IntoView {
    let portal = use_portal();
    let i18n = use_i18n();
    let toasts = use_toasts();
    let tick = RwSignal::new(0u64);
    Effect::new(move |_| {
        tick.track();
        let pending = portal.workspace().with(|w| w.engagement_links_pending());
        if pending.is_empty() {
            return;
        }
        let at = now();
        let due = portal.workspace().with_untracked(|w| w.engagement_links_due(at));
        for (id, creator) in due {
            let storage = portal
                .workspace()
                .with_untracked(|w| w.engagement_link(&id).map(|l| l.storage_account.clone()))
                .unwrap_or_default();
            // The service reports for the link's creator, whoever is signed in right now.
            if portal.dispatch_as(creator, Command::MarkEngagementLinkAvailable { id }).is_ok() {
                toasts.success(i18n.tf("engagement.status.arrived", &[("name", &storage)]), None);
            }
        }
        if let Some((_, next)) = pending.iter().find(|(_, due_at)| *due_at > at) {
            let wait = u64::try_from(next.0 - at.0).unwrap_or(0) + 50;
            // One timer at a time: cleared when the effect runs again or the page goes away.
            if let Ok(handle) = set_timeout_with_handle(
                move || {
                    tick.try_update(|t| *t += 1);
                },
                Duration::from_millis(wait),
            ) {
                on_cleanup(move || handle.clear());
            }
        }
    });
}
