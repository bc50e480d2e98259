//! Timeouts that end with the part of the app that started them. `Timers::new` belongs to the
//! reactive owner it is made under (the app's root for toasts and runs): when that owner is
//! cleaned up, every timeout still waiting is cleared, so none fires into disposed signals.

use leptos::prelude::*;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use std::time::Duration;

#[derive(Clone, Copy)]
pub struct Timers {
    /// The timeouts still waiting, by the id `after` gave them.
    waiting: StoredValue<Vec<(u64, TimeoutHandle)>>,
    next: StoredValue<u64>,
}

impl Timers {
    /// Timers of the current owner; its cleanup clears those still waiting.
    pub fn new() -> Self {
        let timers = Timers { waiting: StoredValue::new(Vec::new()), next: StoredValue::new(1) };
        on_cleanup(move || timers.clear_all());
        timers
    }

    /// Runs `run` once after `delay`, unless `cancel` or the owner's cleanup comes first.
    pub fn after(&self, delay: Duration, run: impl FnOnce() + 'static) -> u64 {
        let id = self.next.try_get_value().unwrap_or(1);
        self.next.try_set_value(id + 1);
        let this = *self;
        let fire = move || {
            this.waiting.try_update_value(|w| w.retain(|(i, _)| *i != id));
            run();
        };
        if let Ok(handle) = set_timeout_with_handle(fire, delay) {
            self.waiting.try_update_value(|w| w.push((id, handle)));
        }
        id
    }

    /// Clears the timeout `id` if it is still waiting.
    pub fn cancel(&self, id: u64) {
        self.waiting.try_update_value(|w| {
            w.retain(|(i, handle)| {
                if *i == id {
                    handle.clear();
                }
                *i != id
            })
        });
    }

    fn clear_all(&self) {
        self.waiting.try_update_value(|w| w.drain(..).for_each(|(_, handle)| handle.clear()));
    }
}

impl Default for Timers {
    fn default() -> Self {
        Timers::new()
    }
}
