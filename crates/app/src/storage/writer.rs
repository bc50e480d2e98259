//! The save queue: each applied change becomes one batch of record writes, saved in order, one
//! IndexedDB transaction per batch. A failed batch stays at the head of the queue and is retried
//! with a growing pause; the in-memory workspace is never rolled back, and the header shows the
//! state of saving so the user knows when work is not yet on disk.

use super::idb::{RecordStore, Write};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything applied so far is in IndexedDB.
    Saved,
    /// Batches are waiting or being written.
    Saving { pending: usize },
    /// The last write failed; it will be tried again.
    Failed { attempts: u32, message: String, pending: usize },
    /// IndexedDB cannot be used: changes live only as long as this tab.
    MemoryOnly { reason: String },
}

#[derive(Clone, Copy)]
pub struct Writer {
    store: StoredValue<Option<Rc<RecordStore>>, LocalStorage>,
    queue: StoredValue<VecDeque<Vec<Write>>, LocalStorage>,
    draining: StoredValue<bool, LocalStorage>,
    pub status: RwSignal<SaveStatus>,
}

/// Pause before retry `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s.
pub fn retry_delay_ms(attempt: u32) -> u32 {
    1000u32.saturating_mul(1 << attempt.saturating_sub(1).min(5)).min(30_000)
}

impl Writer {
    pub fn new(store: Option<Rc<RecordStore>>, status: SaveStatus) -> Self {
        Writer {
            store: StoredValue::new_local(store),
            queue: StoredValue::new_local(VecDeque::new()),
            draining: StoredValue::new_local(false),
            status: RwSignal::new(status),
        }
    }

    /// Connects the queue to IndexedDB once it has opened.
    pub fn attach(&self, store: Rc<RecordStore>) {
        self.store.set_value(Some(store));
        self.status.set(SaveStatus::Saved);
    }

    pub fn record_store(&self) -> Option<Rc<RecordStore>> {
        self.store.get_value()
    }

    fn pending(&self) -> usize {
        self.queue.with_value(VecDeque::len)
    }

    /// Queues one change's writes. Does nothing when running in memory only.
    pub fn enqueue(&self, writes: Vec<Write>) {
        if writes.is_empty() || self.record_store().is_none() {
            return;
        }
        self.queue.update_value(|q| q.push_back(writes));
        if !self.status.with_untracked(|s| matches!(s, SaveStatus::Failed { .. })) {
            self.status.set(SaveStatus::Saving { pending: self.pending() });
        }
        if !self.draining.get_value() {
            self.draining.set_value(true);
            let writer = *self;
            spawn_local(async move { writer.drain().await });
        }
    }

    async fn drain(self) {
        let Some(store) = self.record_store() else { return };
        let mut attempts = 0;
        while let Some(batch) = self.queue.with_value(|q| q.front().cloned()) {
            match store.write(&batch).await {
                Ok(()) => {
                    attempts = 0;
                    self.queue.update_value(|q| {
                        q.pop_front();
                    });
                    let pending = self.pending();
                    self.status.set(if pending == 0 { SaveStatus::Saved } else { SaveStatus::Saving { pending } });
                }
                Err(error) => {
                    attempts += 1;
                    self.status.set(SaveStatus::Failed { attempts, message: error.0, pending: self.pending() });
                    gloo_timers::future::TimeoutFuture::new(retry_delay_ms(attempts)).await;
                }
            }
        }
        self.draining.set_value(false);
    }
}
