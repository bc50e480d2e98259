//! What the enrichment actions send, and what they say afterwards (with Undo where the domain
//! has an inverse).

use super::super::data_common::run::continue_run;
use connections_domain::simulation::simulated_enrichment_run;
use crate::errors::error_message;
use crate::i18n::I18n;
use crate::state::Portal;
use crate::ui::toast::Toasts;
use connections_domain::{Command, ConnectionId, DomainError, EnrichmentId, RunOutcome};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct EnrichmentActions {
    pub portal: Portal,
    pub i18n: I18n,
    pub toasts: Toasts,
}

impl EnrichmentActions {
    pub fn fail(&self, error: &DomainError) {
        self.toasts.failure(error_message(&self.i18n, error));
    }

    pub fn run(&self, ids: &[EnrichmentId]) {
        let mut started = 0;
        for id in ids {
            match self.portal.dispatch(Command::RunEnrichment { id: id.clone() }) {
                Ok(_) => {
                    started += 1;
                    continue_run(self.portal, self.i18n, self.toasts, simulated_enrichment_run(id));
                }
                Err(error) => self.fail(&error),
            }
        }
        if started > 0 {
            self.toasts.success(self.i18n.tf("data.enrichment.run_started", &[("count", &started.to_string())]), None);
        }
    }

    pub fn cancel_run(&self, id: &EnrichmentId) {
        let command = Command::FinishEnrichmentRun { id: id.clone(), outcome: RunOutcome::Canceled, enriched_customers: 0 };
        match self.portal.dispatch(command) {
            Ok(_) => {
                self.toasts.success(self.i18n.t("data.enrichment.run_canceled"), None);
            }
            Err(error) => self.fail(&error),
        }
    }

    /// Deactivates or activates; Undo does the opposite.
    pub fn set_active(&self, ids: Vec<EnrichmentId>, active: bool) -> bool {
        let command = |ids: Vec<EnrichmentId>, active: bool| {
            if active { Command::ActivateEnrichments { ids } } else { Command::DeactivateEnrichments { ids } }
        };
        match self.portal.dispatch(command(ids.clone(), active)) {
            Ok(events) => {
                let this = *self;
                let undo = Callback::new(move |_| {
                    if let Err(error) = this.portal.dispatch(command(ids.clone(), !active)) {
                        this.fail(&error);
                    }
                });
                let key = if active { "data.enrichment.activated" } else { "data.enrichment.deactivated" };
                self.toasts.success(self.i18n.tf(key, &[("count", &events.len().to_string())]), Some(undo));
                true
            }
            Err(error) => {
                self.fail(&error);
                false
            }
        }
    }

    /// Deletes enrichments. Administrators get Undo (restoring is theirs only).
    pub fn delete(&self, ids: Vec<EnrichmentId>) -> bool {
        match self.portal.dispatch_undoable(Command::DeleteEnrichments { ids }) {
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
                self.toasts.success(self.i18n.tf("data.enrichment.deleted", &[("count", &events.len().to_string())]), undo);
                true
            }
            Err(error) => {
                self.fail(&error);
                false
            }
        }
    }

    pub fn attach(&self, enrichment: &EnrichmentId, connection: &ConnectionId) -> Result<(), DomainError> {
        self.portal.dispatch(Command::AttachConnectionToEnrichment { enrichment: enrichment.clone(), connection: connection.clone() })?;
        self.toasts.success(self.i18n.t("data.enrichment.attached"), None);
        Ok(())
    }
}
