//! The workspace context and the one path every change takes:
//! UI event → [`Portal::dispatch`] → domain `apply` → events → record writes → IndexedDB.

pub mod startup;

pub mod recent_events;

use crate::storage::writer::{Pending, Writer};
use recent_events::{RecentEvents, ACTIVITY_PAGE};
use crate::time::now;
use connections_domain::storage::LoadReport;
use connections_domain::{Command, DomainError, Event, Role, User, UserId, Workspace};
use leptos::prelude::*;

/// Where start-up stands; the shell renders one screen for each.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    /// Nothing stored yet: offer sample data or an empty workspace.
    FirstRun,
    Ready,
    /// Stored data could not be read; it is left untouched until the user decides.
    Recovery(startup::StoredDataProblem),
    /// The module that reads stored data could not be fetched (offline before the service worker
    /// kept this build): nothing is read or written until the page is reloaded.
    Unavailable,
}

/// Everything a page needs from the workspace, shared through context. All fields are signals
/// or arena handles, so the struct is `Copy` and closures can capture it freely.
#[derive(Clone, Copy)]
pub struct Portal {
    /// Private: pages read it through [`Portal::workspace`] and change it only by
    /// [`Portal::dispatch`], so every change is a domain command that the write queue stores.
    workspace: RwSignal<Workspace>,
    pub current_user: RwSignal<UserId>,
    pub phase: RwSignal<Phase>,
    pub writer: Writer,
    /// What start-up set aside and repaired, until the user dismisses it.
    pub damage: RwSignal<Option<LoadReport>>,
    /// The browser's answer to `navigator.storage.persist()`; `None` until it answers (Firefox
    /// asks the user, so the answer may never come).
    pub persisted: RwSignal<Option<bool>>,
    /// The newest page of the activity log (see `recent_events`).
    pub recent_events: StoredValue<RecentEvents>,
    /// Timeouts of the simulated services (runs), cleared when the app is torn down.
    pub timers: crate::ui::timers::Timers,
}

impl Portal {
    pub fn new(workspace: Workspace, current_user: UserId, phase: Phase, writer: Writer) -> Self {
        Portal {
            workspace: RwSignal::new(workspace),
            current_user: RwSignal::new(current_user),
            phase: RwSignal::new(phase),
            writer,
            damage: RwSignal::new(None),
            persisted: RwSignal::new(None),
            recent_events: StoredValue::new(RecentEvents::default()),
            timers: crate::ui::timers::Timers::new(),
        }
    }

    /// The workspace, to read projections from. There is no writable handle outside `state`:
    /// changes go through `dispatch`, `replace_workspace` or `reset_workspace`.
    pub fn workspace(&self) -> ReadSignal<Workspace> {
        self.workspace.read_only()
    }

    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// Applies `command` as the signed-in user. On success the changed records are queued for
    /// IndexedDB first and the page re-renders after; on refusal nothing changes.
    pub fn dispatch(&self, command: Command) -> Result<Vec<Event>, DomainError> {
        self.dispatch_as(self.current_user.get_untracked(), command)
    }

    /// Like [`Portal::dispatch`], with what undoes the command as the domain says
    /// (`Workspace::undo_of`, worked out just before it is applied), for a toast's Undo.
    pub fn dispatch_undoable(&self, command: Command) -> Result<(Vec<Event>, Option<connections_domain::Undo>), DomainError> {
        let actor = self.current_user.get_untracked();
        let undo = self.workspace.with_untracked(|w| w.undo_of(&actor, &command));
        Ok((self.dispatch_as(actor, command)?, undo))
    }

    /// Like [`Portal::dispatch`], on behalf of `actor` instead of the signed-in user: the
    /// simulated engagement-insights service reports arriving data for the link's creator.
    /// The domain still checks that `actor` may do it.
    pub fn dispatch_as(&self, actor: UserId, command: Command) -> Result<Vec<Event>, DomainError> {
        let at = now();
        let kept = command.clone();
        let mut outcome = None;
        self.workspace.update_untracked(|w| outcome = Some(w.apply(&actor, command, at)));
        let events = outcome.unwrap_or_else(|| Ok(Vec::new()))?;
        if self.writer.database().is_some() {
            // Stored apart and read a page at a time: the workspace does not keep the log.
            let changes = self.workspace.try_update_untracked(|w| {
                let changes = w.changes_since(&events);
                w.take_events();
                changes
            });
            let pending = Pending::Change { actor, command: kept, at, changes: changes.unwrap_or_default(), events: events.clone() };
            self.writer.enqueue(self.workspace, pending);
        }
        self.recent_events.update_value(|kept| kept.extend(&events));
        self.workspace.notify();
        Ok(events)
    }

    /// Builds the orders the long lists read (Data › Exports) in a task of its own, after the
    /// current one, so that a cold start paints first and opening the list does not pay for it.
    /// Also reads the newest page of the activity log into memory.
    pub fn prepare_lists(&self) {
        let portal = *self;
        leptos::prelude::set_timeout(
            move || {
                portal.workspace.with_untracked(|w| w.prepare_export_order());
                if portal.writer.database().is_some() {
                    leptos::task::spawn_local(async move {
                        let next = portal.workspace.with_untracked(|w| w.next_event_seq());
                        let events = portal.writer.events_before(next, ACTIVITY_PAGE).await;
                        portal.recent_events.set_value(RecentEvents::new(next, ACTIVITY_PAGE, events));
                    });
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Replaces the whole workspace (sample data, start empty, a large demo, restore) and stores
    /// it whole, through the same queue as every other write. Administrators only, once a
    /// workspace exists; the domain decides.
    pub fn replace_workspace(&self, mut workspace: Workspace) -> Result<(), DomainError> {
        self.authorize_replace()?;
        // With IndexedDB the log is stored apart; in memory only the workspace keeps it for Activity.
        let events = if self.writer.database().is_some() { workspace.take_events() } else { Vec::new() };
        if !workspace.users().any(|u| u.id == self.current_user.get_untracked()) {
            if let Some(first) = default_user(&workspace) {
                self.set_current_user(first);
            }
        }
        self.workspace.set(workspace);
        self.phase.set(Phase::Ready);
        self.writer.replace_queue(self.workspace, Pending::Replace { events });
        self.prepare_lists();
        Ok(())
    }

    /// Empties the store and returns to the first-run choice ("Reset workspace"); writes still
    /// queued are dropped.
    pub fn reset(&self) -> Result<(), DomainError> {
        self.authorize_replace()?;
        self.workspace.set(Workspace::empty());
        self.phase.set(Phase::FirstRun);
        self.writer.replace_queue(self.workspace, Pending::Replace { events: Vec::new() });
        Ok(())
    }

    /// Whether the signed-in user may replace the whole workspace (always, when there is none).
    pub fn authorize_replace(&self) -> Result<(), DomainError> {
        let user = self.current_user.get_untracked();
        self.workspace.with_untracked(|w| w.authorize_replace(&user))
    }

    pub fn set_current_user(&self, user: UserId) {
        crate::prefs::store_user(user.as_str());
        self.current_user.set(user);
    }

    /// The signed-in user's record (tracks both the user and the workspace).
    pub fn user(&self) -> Option<User> {
        let id = self.current_user.get();
        self.workspace.with(|w| w.user(&id).cloned())
    }

    pub fn role(&self) -> Option<Role> {
        self.user().map(|u| u.role)
    }
}

/// The demo user to sign in as when none is stored: the first administrator.
pub fn default_user(workspace: &Workspace) -> Option<UserId> {
    workspace
        .users()
        .find(|u| u.role == Role::Administrator)
        .or_else(|| workspace.users().next())
        .map(|u| u.id.clone())
}

pub fn use_portal() -> Portal {
    expect_context::<Portal>()
}
