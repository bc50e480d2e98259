//! The one write queue, shared safely by every open tab.
//!
//! Each applied command becomes one [`Pending`] change; whole-store replacements (sample data,
//! start empty, reset, restore) are pending too, so every write takes the same path. The queue is
//! drained under the Web Lock [`WRITE_LOCK`], which serialises writers across tabs. Inside the
//! lock the tab first reads what other tabs committed since it last looked; if there is anything,
//! it rebuilds its state from the store and re-applies its own pending commands through
//! `Workspace::apply` (a refusal is reported, in words, instead of written). Only then does it
//! append its entries. A failed write stays at the head of the queue and is retried with a growing
//! pause; the in-memory workspace is not rolled back, and the page warns before unloading while
//! anything is pending. Other tabs are nudged through a BroadcastChannel and catch up from the log.

use super::idb::{new_generation, with_lock, Database, SnapshotHeader, StorageError};
use connections_domain::storage::snapshot;
use connections_domain::storage::text::encode_changes;
use connections_domain::storage::{event_record, RecordChange};
use connections_domain::{Command, DomainError, Event, Timestamp, UserId, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The Web Lock every tab takes to write.
pub const WRITE_LOCK: &str = "connections-portal-write";
/// The BroadcastChannel tabs nudge each other on.
const CHANNEL: &str = "connections-portal";
/// Change-log entries after which the log is folded into a new snapshot.
const COMPACT_AFTER: u64 = 200;
/// Change-log entries written in one transaction at most.
const BATCH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything applied so far is in IndexedDB.
    Saved,
    /// Changes are waiting or being written.
    Saving { pending: usize },
    /// The last write failed; it will be tried again.
    Failed { attempts: u32, message: String, pending: usize },
    /// IndexedDB cannot be used: changes live only as long as this tab.
    MemoryOnly { reason: String },
    /// A newer portal opened the database in another tab; this tab no longer writes.
    Superseded,
    /// This tab's upgrade of the database waits for an older tab of the portal to close.
    Blocked,
}

/// Pause before retry `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s.
pub fn retry_delay_ms(attempt: u32) -> u32 {
    1000u32.saturating_mul(1 << attempt.saturating_sub(1).min(5)).min(30_000)
}

/// The drain loop: `next_write()` gives the write of the queue's head (None once the queue is
/// empty or there is no database), and it is awaited until it succeeds. A failed write is
/// reported to `failed(attempt, message)`, then tried again, after `pause(retry_delay_ms(attempt))`;
/// a success resets the count. The pause is given so that a test can run it without a timer.
pub async fn retry_failed_writes<W, P>(
    mut next_write: impl FnMut() -> Option<W>,
    mut failed: impl FnMut(u32, String),
    mut pause: impl FnMut(u32) -> P,
) where
    W: std::future::Future<Output = Result<(), StorageError>>,
    P: std::future::Future<Output = ()>,
{
    let mut attempts = 0;
    while let Some(write) = next_write() {
        match write.await {
            Ok(()) => attempts = 0,
            Err(error) => {
                attempts += 1;
                failed(attempts, error.0);
                pause(retry_delay_ms(attempts)).await;
            }
        }
    }
}

/// A write waiting for its turn.
#[derive(Clone, Debug)]
pub enum Pending {
    /// One applied command. The command is kept (in memory only: it may hold a typed secret) so
    /// that it can be re-applied if another tab wrote first.
    Change { actor: UserId, command: Command, at: Timestamp, changes: Vec<RecordChange>, events: Vec<Event> },
    /// The whole store replaced by the workspace the signal holds, and `events`, its log (a
    /// workspace with no users leaves the store empty: the first-run choice). The replacement is
    /// not copied here: when it is written, the signal holds it plus exactly the changes queued
    /// after it, and one snapshot stores them all.
    Replace { events: Vec<Event> },
}

/// Where this tab's copy of the workspace stands in the store.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Position {
    /// The snapshot generation this copy belongs to; `None` for an empty store.
    pub generation: Option<f64>,
    /// The last change-log entry folded into this copy.
    pub last_seq: u64,
    /// The entry the stored snapshot stands at.
    pub snapshot_seq: u64,
}

/// The store state rebuilt from IndexedDB: what a rebase or a full catch-up installs.
pub struct Rebuilt {
    pub workspace: Option<Workspace>,
    pub position: Position,
}

/// How to rebuild the state from the store, given by start-up (which owns the decoding rules).
pub type Rebuild = for<'a> fn(&'a Database) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Rebuilt, StorageError>> + 'a>>;

#[derive(Clone, Copy)]
pub struct Writer {
    db: StoredValue<Option<Rc<Database>>, LocalStorage>,
    queue: StoredValue<VecDeque<Pending>, LocalStorage>,
    /// Bumped when the queue is emptied for a replacement, so that a write in flight does not
    /// take the new entries off the queue when it finishes.
    epoch: StoredValue<u64, LocalStorage>,
    draining: StoredValue<bool, LocalStorage>,
    position: StoredValue<Position, LocalStorage>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    rebuild: StoredValue<Option<Rebuild>, LocalStorage>,
    pub status: RwSignal<SaveStatus>,
    /// Changes this tab showed as made that could not be kept because another tab changed the
    /// workspace first; the shell tells the user and empties it.
    pub refused: RwSignal<Vec<DomainError>>,
    /// Bumped whenever the workspace changes under this tab (another tab's change folded in).
    pub outside_changes: RwSignal<u64>,
}

impl Writer {
    pub fn new(db: Option<Rc<Database>>, status: SaveStatus) -> Self {
        Writer {
            db: StoredValue::new_local(db),
            queue: StoredValue::new_local(VecDeque::new()),
            epoch: StoredValue::new_local(0),
            draining: StoredValue::new_local(false),
            position: StoredValue::new_local(Position::default()),
            channel: StoredValue::new_local(None),
            rebuild: StoredValue::new_local(None),
            status: RwSignal::new(status),
            refused: RwSignal::new(Vec::new()),
            outside_changes: RwSignal::new(0),
        }
    }

    /// Connects the queue to the opened database, at `position`.
    pub fn attach(&self, db: Rc<Database>, position: Position, rebuild: Rebuild) {
        self.db.set_value(Some(db));
        self.position.set_value(position);
        self.rebuild.set_value(Some(rebuild));
        self.status.set(SaveStatus::Saved);
    }

    pub fn database(&self) -> Option<Rc<Database>> {
        self.db.get_value()
    }

    pub fn position(&self) -> Position {
        self.position.get_value()
    }

    pub fn pending(&self) -> usize {
        self.queue.with_value(VecDeque::len)
    }

    /// Stops writing for good: a newer portal has taken the database over.
    pub fn supersede(&self) {
        self.db.set_value(None);
        self.status.set(SaveStatus::Superseded);
    }

    /// Queues a write and starts draining. In memory-only mode there is nothing to write to.
    pub fn enqueue(&self, workspace: RwSignal<Workspace>, pending: Pending) {
        if self.database().is_none() {
            return;
        }
        self.queue.update_value(|q| q.push_back(pending));
        self.start(workspace);
    }

    /// Drops every queued write and queues `replace` in their place ("Reset drops pending writes").
    pub fn replace_queue(&self, workspace: RwSignal<Workspace>, replace: Pending) {
        if self.database().is_none() {
            return;
        }
        self.epoch.update_value(|e| *e += 1);
        self.queue.update_value(|q| {
            q.clear();
            q.push_back(replace);
        });
        self.start(workspace);
    }

    fn start(&self, workspace: RwSignal<Workspace>) {
        if !self.status.with_untracked(|s| matches!(s, SaveStatus::Failed { .. })) {
            self.status.set(SaveStatus::Saving { pending: self.pending() });
        }
        if !self.draining.get_value() {
            self.draining.set_value(true);
            let writer = *self;
            spawn_local(async move { writer.drain(workspace).await });
        }
    }

    async fn drain(self, workspace: RwSignal<Workspace>) {
        retry_failed_writes(
            || {
                if self.pending() == 0 {
                    return None;
                }
                let db = self.database()?;
                Some(async move { with_lock(WRITE_LOCK, self.commit_front(&db, workspace)).await })
            },
            |attempts, message| self.status.set(SaveStatus::Failed { attempts, message, pending: self.pending() }),
            gloo_timers::future::TimeoutFuture::new,
        )
        .await;
        self.draining.set_value(false);
        if self.database().is_some() && self.pending() == 0 {
            self.status.set(SaveStatus::Saved);
        }
    }

    /// Inside the write lock: catch up if another tab wrote, then write the head of the queue.
    async fn commit_front(self, db: &Database, workspace: RwSignal<Workspace>) -> Result<(), StorageError> {
        let position = self.position();
        let (header, entries) = db.read_since(position.last_seq).await?;
        if header.as_ref().map(|h| h.generation) != position.generation || !entries.is_empty() {
            // A replacement overwrites whatever other tabs wrote, and what is queued after it was
            // applied on top of it; only commands queued with no replacement need re-applying.
            if self.queue.with_value(|q| q.iter().any(|p| matches!(p, Pending::Replace { .. }))) {
                let last = entries.last().map_or(header.as_ref().map_or(0, |h| h.seq), |(seq, _)| *seq);
                self.position.update_value(|p| p.last_seq = p.last_seq.max(last));
            } else {
                self.rebase(db, workspace).await?;
            }
        }
        let position = self.position();
        let epoch = self.epoch.get_value();
        // Taken in one synchronous step with the signal, so the snapshot and the queue agree.
        let (write, taken) = self.queue.with_value(|q| match q.front() {
            None => (None, 0),
            Some(Pending::Replace { .. }) => {
                let bytes = workspace.with_untracked(|w| if w.users().next().is_none() { Vec::new() } else { snapshot::encode(w) });
                let events = q.iter().flat_map(pending_events).map(event_text).collect();
                (Some(Write::Replace { bytes, events }), q.len())
            }
            Some(Pending::Change { .. }) => {
                let changes: Vec<&Pending> = q.iter().take_while(|p| matches!(p, Pending::Change { .. })).take(BATCH).collect();
                let (entries, events) = log_entries(&changes, position.last_seq);
                (Some(Write::Append { entries, events }), changes.len())
            }
        });
        match write {
            None => return Ok(()),
            Some(Write::Replace { bytes, events }) => {
                let seq = position.last_seq + 1;
                let header = SnapshotHeader { generation: new_generation(), seq };
                db.replace(&header, &bytes, &events).await?;
                self.position.set_value(Position { generation: Some(header.generation), last_seq: seq, snapshot_seq: seq });
            }
            Some(Write::Append { entries, events }) => {
                db.append(&entries, &events).await?;
                self.position.update_value(|p| p.last_seq += taken as u64);
            }
        }
        // The transaction's complete event has fired: the benchmark times a save up to here.
        crate::perf::mark("store-committed");
        // A reset while the write was in flight already dropped these entries, and queued its own.
        if self.epoch.get_value() == epoch {
            self.queue.update_value(|q| {
                q.drain(..taken);
            });
        }
        let pending = self.pending();
        self.status.set(if pending == 0 { SaveStatus::Saved } else { SaveStatus::Saving { pending } });
        self.nudge_other_tabs();
        if pending == 0 {
            self.compact_if_due(db, workspace).await;
        }
        Ok(())
    }

    /// Another tab wrote first: rebuild from the store, then re-apply this tab's pending commands.
    async fn rebase(self, db: &Database, workspace: RwSignal<Workspace>) -> Result<(), StorageError> {
        let Some(rebuild) = self.rebuild.get_value() else { return Ok(()) };
        let rebuilt = rebuild(db).await?;
        // From here to the signal update nothing awaits, so no command slips in between.
        let mut fresh = rebuilt.workspace.unwrap_or_else(Workspace::empty);
        let mut kept = VecDeque::new();
        let mut refused = Vec::new();
        for pending in self.queue.with_value(|q| q.iter().cloned().collect::<Vec<_>>()) {
            match pending {
                Pending::Change { actor, command, at, .. } => match fresh.apply(&actor, command.clone(), at) {
                    Ok(events) => {
                        let changes = fresh.changes_since(&events);
                        fresh.take_events();
                        kept.push_back(Pending::Change { actor, command, at, changes, events });
                    }
                    Err(error) => refused.push(error),
                },
                // Queued while the store was read: it overwrites everything, so nothing is rebuilt.
                Pending::Replace { .. } => return Ok(()),
            }
        }
        self.queue.set_value(kept);
        self.position.set_value(rebuilt.position);
        workspace.set(fresh);
        self.outside_changes.update(|n| *n += 1);
        if !refused.is_empty() {
            self.refused.update(|r| r.extend(refused));
        }
        Ok(())
    }

    /// Folds the change log into a new snapshot now and then, so start-up reads little.
    async fn compact_if_due(self, db: &Database, workspace: RwSignal<Workspace>) {
        let position = self.position();
        let Some(generation) = position.generation else { return };
        if position.last_seq < position.snapshot_seq + COMPACT_AFTER {
            return;
        }
        // The queue is empty and this tab holds the lock, so its copy is exactly the store's.
        let bytes = workspace.with_untracked(snapshot::encode);
        let header = SnapshotHeader { generation, seq: position.last_seq };
        if db.compact(&header, &bytes).await.is_ok() {
            self.position.update_value(|p| p.snapshot_seq = header.seq);
        }
    }

    /// Catches up on what other tabs committed, when this tab has nothing of its own pending (a
    /// pending write catches up inside the lock instead).
    pub fn catch_up(self, workspace: RwSignal<Workspace>, on_rebuilt: impl Fn(bool) + 'static) {
        let Some(db) = self.database() else { return };
        // This tab is writing: it catches up inside the lock then.
        let busy = move || self.draining.get_value() || self.pending() > 0;
        if busy() {
            return;
        }
        let started = self.position();
        // Or its position changed since `started`: what was read no longer follows on from it.
        let moved = move || busy() || self.position() != started;
        spawn_local(async move {
            let Ok((header, entries)) = db.read_since(started.last_seq).await else { return };
            if moved() {
                return;
            }
            let same_generation = header.as_ref().map(|h| h.generation) == started.generation;
            let contiguous = entries.iter().enumerate().all(|(i, (seq, _))| *seq == started.last_seq + 1 + i as u64);
            if same_generation && contiguous {
                if entries.is_empty() {
                    return;
                }
                let last = entries.last().map_or(started.last_seq, |(seq, _)| *seq);
                // Decoded first (the decoder may have to be fetched), applied only if nothing
                // moved meanwhile and every entry decoded.
                let Ok(decoded) = super::decoder::decode_entries(&entries).await else { return };
                if moved() {
                    return;
                }
                if let Some(decoded) = decoded {
                    workspace.update(|w| {
                        for entry in decoded {
                            w.absorb_decoded(entry);
                        }
                        w.take_events();
                    });
                    self.position.update_value(|p| p.last_seq = last);
                    self.outside_changes.update(|n| *n += 1);
                    return;
                }
            }
            // A replaced store, a gap left by compaction, or an entry that did not fold: rebuild.
            let Some(rebuild) = self.rebuild.get_value() else { return };
            let Ok(rebuilt) = rebuild(&db).await else { return };
            // The rebuild brings its own position, so only a write of this tab's matters here.
            if busy() {
                return;
            }
            let has_workspace = rebuilt.workspace.is_some();
            self.position.set_value(rebuilt.position);
            workspace.set(rebuilt.workspace.unwrap_or_else(Workspace::empty));
            self.outside_changes.update(|n| *n += 1);
            on_rebuilt(has_workspace);
        });
    }

    /// Up to `limit` events numbered below `before`, oldest first, from the events store. A
    /// damaged event is skipped rather than hiding the rest.
    pub async fn events_before(&self, before: u64, limit: u64) -> Vec<Event> {
        let Some(db) = self.database() else { return Vec::new() };
        let texts = db.events_between(before.saturating_sub(limit), before).await.unwrap_or_default();
        if texts.is_empty() {
            // Nothing to decode: the decoder is not fetched for it (a fresh visit asks too).
            return Vec::new();
        }
        super::decoder::events(&texts).await.unwrap_or_default()
    }

    /// Listens for other tabs' nudges; `on_nudge` runs for each.
    pub fn listen(&self, on_nudge: impl Fn() + 'static) {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
        let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_| on_nudge());
        channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        // The channel lives as long as the page, and so must its handler.
        handler.forget();
        self.channel.set_value(Some(channel));
    }

    fn nudge_other_tabs(&self) {
        self.channel.with_value(|c| {
            if let Some(channel) = c {
                let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("committed"));
            }
        });
    }

    /// When the page goes away for good with changes still queued (a reload in the middle of a
    /// burst of edits), writes them at once, without waiting for the lock: the browser finishes a
    /// transaction begun while the page hides. Entries are added, never overwritten, so if another
    /// tab took those numbers meanwhile the batch is refused whole and nothing is damaged.
    pub fn flush_when_leaving(&self) {
        let writer = *self;
        let handler = Closure::<dyn FnMut(web_sys::PageTransitionEvent)>::new(move |event: web_sys::PageTransitionEvent| {
            // A page kept in the back-forward cache comes back and drains as usual.
            if event.persisted() {
                return;
            }
            let Some(db) = writer.database() else { return };
            let (entries, events) = writer.queue.with_value(|q| {
                let head: Vec<&Pending> = q.iter().take_while(|p| matches!(p, Pending::Change { .. })).collect();
                log_entries(&head, writer.position().last_seq)
            });
            if entries.is_empty() {
                return;
            }
            spawn_local(async move {
                let _ = db.append(&entries, &events).await;
            });
        });
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("pagehide", handler.as_ref().unchecked_ref());
        }
        handler.forget();
    }

    /// Asks the browser to warn before the page unloads while writes are pending.
    pub fn warn_before_unload(&self) {
        let writer = *self;
        let handler = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(move |event: web_sys::BeforeUnloadEvent| {
            if writer.pending() > 0 {
                event.prevent_default();
                event.set_return_value("unsaved");
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        }
        handler.forget();
    }
}

/// The change-log entries (numbered from `after + 1`) and the events of `changes`.
fn log_entries(changes: &[&Pending], after: u64) -> (Vec<(u64, String)>, Vec<(u64, String)>) {
    let mut entries = Vec::with_capacity(changes.len());
    for pending in changes {
        if let Pending::Change { changes, .. } = pending {
            let objects: Vec<RecordChange> = changes.iter().filter(|c| !is_event(c)).cloned().collect();
            entries.push((after + 1 + entries.len() as u64, encode_changes(&objects)));
        }
    }
    let events = changes.iter().copied().flat_map(pending_events).map(event_text).collect();
    (entries, events)
}

/// The events a queued write stores.
fn pending_events(pending: &Pending) -> &[Event] {
    match pending {
        Pending::Change { events, .. } | Pending::Replace { events } => events,
    }
}

/// What one turn of the queue writes.
enum Write {
    Replace { bytes: Vec<u8>, events: Vec<(u64, String)> },
    Append { entries: Vec<(u64, String)>, events: Vec<(u64, String)> },
}

fn is_event(change: &RecordChange) -> bool {
    match change {
        RecordChange::Put(r) => r.key.starts_with("event/"),
        RecordChange::Delete { key } => key.starts_with("event/"),
    }
}

fn event_text(event: &Event) -> (u64, String) {
    (event.seq, event_record(event).json)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::future::{ready, Future};

    /// Runs a future whose every await is already ready (the fakes below never wait).
    fn run_ready<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        for _ in 0..10_000 {
            if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut context) {
                return out;
            }
        }
        panic!("the drain loop did not finish");
    }

    /// A queue of `writes` names whose head is written by `store`, which fails the attempts listed
    /// in `failing` (1-based, counted over every attempt). Returns what was stored, the failures
    /// reported (attempt, message) and the pauses taken.
    fn drain(writes: &[&str], failing: &[u32]) -> (Vec<String>, Vec<(u32, String)>, Vec<u32>) {
        let queue = RefCell::new(writes.iter().map(|w| w.to_string()).collect::<VecDeque<_>>());
        let stored = RefCell::new(Vec::new());
        let tries = RefCell::new(0u32);
        let failures = RefCell::new(Vec::new());
        let pauses = RefCell::new(Vec::new());
        run_ready(retry_failed_writes(
            || {
                let head = queue.borrow().front().cloned()?;
                *tries.borrow_mut() += 1;
                let attempt = *tries.borrow();
                let result = if failing.contains(&attempt) {
                    Err(StorageError(format!("quota exceeded writing {head}")))
                } else {
                    queue.borrow_mut().pop_front();
                    stored.borrow_mut().push(head);
                    Ok(())
                };
                Some(ready(result))
            },
            |attempt, message| failures.borrow_mut().push((attempt, message)),
            |ms| {
                pauses.borrow_mut().push(ms);
                ready(())
            },
        ));
        (stored.into_inner(), failures.into_inner(), pauses.into_inner())
    }

    #[test]
    fn a_failed_write_is_tried_again_until_it_is_stored() {
        let (stored, failures, pauses) = drain(&["a", "b", "c"], &[2, 3, 4]);
        assert_eq!(stored, ["a", "b", "c"], "every write is stored, in order, none lost or doubled");
        assert_eq!(
            failures,
            [(1, "quota exceeded writing b".to_string()), (2, "quota exceeded writing b".into()), (3, "quota exceeded writing b".into())],
            "each failure is reported with its attempt number"
        );
        assert_eq!(pauses, [1000, 2000, 4000], "the pause grows between tries");
    }

    #[test]
    fn a_success_starts_the_count_again() {
        let (stored, failures, pauses) = drain(&["a", "b"], &[1, 3]);
        assert_eq!(stored, ["a", "b"]);
        assert_eq!(failures.iter().map(|f| f.0).collect::<Vec<_>>(), [1, 1], "the failure after a success is attempt 1 again");
        assert_eq!(pauses, [1000, 1000]);
    }

    #[test]
    fn nothing_to_write_writes_nothing() {
        assert_eq!(drain(&[], &[]), (vec![], vec![], vec![]));
    }

    #[test]
    fn the_pause_doubles_up_to_thirty_seconds() {
        let delays: Vec<u32> = (1..=8).map(retry_delay_ms).collect();
        assert_eq!(delays, [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    }
}
