//! What the data pages' actions share: every change goes through `Portal::dispatch`, a refusal
//! is a failure toast, and a done change says so with Undo where the domain has an inverse.

use super::run::continue_run;
use crate::errors::error_message;
use crate::i18n::I18n;
use crate::state::Portal;
use crate::ui::toast::Toasts;
use connections_domain::{Command, DomainError, Event};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct DataActions {
    pub portal: Portal,
    pub i18n: I18n,
    pub toasts: Toasts,
}

impl DataActions {
    pub fn fail(&self, error: &DomainError) {
        self.toasts.failure(error_message(&self.i18n, error));
    }

    /// Sends `command`. Once done, says the plural message `key` for the number of events, with
    /// Undo when the domain has one for it (its commands are sent in order; the first refusal
    /// stops them). Returns whether it was done.
    pub fn run_with_undo(&self, command: Command, key: &'static str) -> bool {
        match self.portal.dispatch_undoable(command) {
            Ok((events, undo)) => {
                let this = *self;
                let undo = undo.map(|undo| {
                    Callback::new(move |_| {
                        for command in undo.commands() {
                            if let Err(error) = this.portal.dispatch(command.clone()) {
                                this.fail(&error);
                                return;
                            }
                        }
                    })
                });
                self.toasts.success(self.i18n.plural(key, events.len(), &[]), undo);
                true
            }
            Err(error) => {
                self.fail(&error);
                false
            }
        }
    }

    /// Sends `command`; once done, says `message`.
    pub fn send(&self, command: Command, message: impl FnOnce() -> String) -> Result<Vec<Event>, DomainError> {
        let result = self.portal.dispatch(command);
        match &result {
            Ok(_) => {
                self.toasts.success(message(), None);
            }
            Err(error) => self.fail(error),
        }
        result
    }

    /// Starts a simulated run of each id: `start` now, then the domain's `steps` on timers. Says how many
    /// started with the plural message `key`.
    pub fn start_runs<Id>(&self, ids: &[Id], start: impl Fn(&Id) -> Command, steps: impl Fn(&Id) -> Vec<Command>, key: &'static str) {
        let mut started = 0;
        for id in ids {
            match self.portal.dispatch(start(id)) {
                Ok(_) => {
                    started += 1;
                    continue_run(self.portal, self.i18n, self.toasts, steps(id));
                }
                Err(error) => self.fail(&error),
            }
        }
        if started > 0 {
            self.toasts.success(self.i18n.plural(key, started, &[]), None);
        }
    }
}
