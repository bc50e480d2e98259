//! The workspace context and the one path every change takes:
//! UI event → [`Portal::dispatch`] → domain `apply` → events → record writes → IndexedDB.

pub mod startup;

use crate::storage::idb::Write;
use crate::storage::writer::{SaveStatus, Writer};
use crate::time::now;
use connections_domain::storage::RecordChange;
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
}

/// Everything a page needs from the workspace, shared through context. All fields are signals
/// or arena handles, so the struct is `Copy` and closures can capture it freely.
#[derive(Clone, Copy)]
pub struct Portal {
    pub workspace: RwSignal<Workspace>,
    pub current_user: RwSignal<UserId>,
    pub phase: RwSignal<Phase>,
    pub writer: Writer,
}

impl Portal {
    pub fn new(workspace: Workspace, current_user: UserId, phase: Phase, writer: Writer) -> Self {
        Portal {
            workspace: RwSignal::new(workspace),
            current_user: RwSignal::new(current_user),
            phase: RwSignal::new(phase),
            writer,
        }
    }

    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// Applies `command` as the signed-in user. On success the workspace updates, the page
    /// re-renders and the changed records are queued for IndexedDB; on refusal nothing changes.
    pub fn dispatch(&self, command: Command) -> Result<Vec<Event>, DomainError> {
        self.dispatch_as(self.current_user.get_untracked(), command)
    }

    /// Like [`Portal::dispatch`], on behalf of `actor` instead of the signed-in user: the
    /// simulated engagement-insights service reports arriving data for the link's creator.
    /// The domain still checks that `actor` may do it.
    pub fn dispatch_as(&self, actor: UserId, command: Command) -> Result<Vec<Event>, DomainError> {
        let mut outcome = None;
        self.workspace.update_untracked(|w| outcome = Some(w.apply(&actor, command, now())));
        let events = outcome.unwrap_or_else(|| Ok(Vec::new()))?;
        self.workspace.notify();
        let writes = self.workspace.with_untracked(|w| w.changes_since(&events));
        self.writer.enqueue(writes.into_iter().map(to_write).collect());
        Ok(events)
    }

    /// Replaces the whole workspace (sample data, start empty, reset) and stores it whole.
    pub fn replace_workspace(&self, workspace: Workspace) {
        let records = workspace.records();
        if !workspace.users().any(|u| u.id == self.current_user.get_untracked()) {
            if let Some(first) = default_user(&workspace) {
                self.set_current_user(first);
            }
        }
        self.workspace.set(workspace);
        self.phase.set(Phase::Ready);
        if let Some(store) = self.writer.record_store() {
            let writer = self.writer;
            writer.status.set(SaveStatus::Saving { pending: 1 });
            leptos::task::spawn_local(async move {
                let raw: Vec<_> = records
                    .into_iter()
                    .map(|r| crate::storage::idb::RawRecord { key: r.key, text: r.json })
                    .collect();
                match store.replace_all(&raw).await {
                    Ok(()) => writer.status.set(SaveStatus::Saved),
                    Err(e) => writer.status.set(SaveStatus::Failed { attempts: 1, message: e.0, pending: 1 }),
                }
            });
        }
    }

    /// Empties the store and returns to the first-run choice ("Reset workspace").
    pub fn reset(&self) {
        self.workspace.set(Workspace::empty());
        self.phase.set(Phase::FirstRun);
        if let Some(store) = self.writer.record_store() {
            let writer = self.writer;
            leptos::task::spawn_local(async move {
                match store.replace_all(&[]).await {
                    Ok(()) => writer.status.set(SaveStatus::Saved),
                    Err(e) => writer.status.set(SaveStatus::Failed { attempts: 1, message: e.0, pending: 1 }),
                }
            });
        }
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

fn to_write(change: RecordChange) -> Write {
    match change {
        RecordChange::Put(record) => Write::Put { key: record.key, text: record.json },
        RecordChange::Delete { key } => Write::Delete { key },
    }
}

pub fn use_portal() -> Portal {
    expect_context::<Portal>()
}
