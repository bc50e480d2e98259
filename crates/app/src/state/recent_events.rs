//! The newest page of the activity log, kept in memory so that opening Activity draws at once
//! instead of waiting on an IndexedDB read. Filled after the first paint and by each read of
//! the Activity page, extended by this tab's own commands, and used only while it is exactly
//! "the last `limit` events below `next_seq`" (another tab's change moves `next_seq` on
//! without passing here, and the page reads the store again).

use connections_domain::Event;

/// Events the Activity page reads first (more on "Show older").
pub const ACTIVITY_PAGE: u64 = 200;

#[derive(Clone, Debug, Default)]
pub struct RecentEvents {
    /// The events numbered below this…
    next_seq: u64,
    /// …at most this many of them…
    limit: u64,
    /// …oldest first, as `Writer::events_before` gives them.
    events: Vec<Event>,
}

impl RecentEvents {
    pub fn new(next_seq: u64, limit: u64, events: Vec<Event>) -> Self {
        RecentEvents { next_seq, limit, events }
    }

    /// The events below `next_seq`, at most `limit`, if this is what is kept.
    pub fn get(&self, next_seq: u64, limit: u64) -> Option<Vec<Event>> {
        (self.next_seq == next_seq && self.limit == limit).then(|| self.events.clone())
    }

    /// Adds events just applied in this tab, if they follow on from what is kept; otherwise
    /// what is kept no longer describes the log, and it is dropped.
    pub fn extend(&mut self, applied: &[Event]) {
        let Some(first) = applied.first() else { return };
        if first.seq != self.next_seq || self.limit == 0 {
            *self = RecentEvents::default();
            return;
        }
        self.events.extend_from_slice(applied);
        self.next_seq = applied.last().map_or(self.next_seq, |e| e.seq + 1);
        let excess = self.events.len().saturating_sub(self.limit as usize);
        self.events.drain(..excess);
    }
}
