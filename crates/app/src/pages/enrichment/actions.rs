//! What the enrichment actions send, and what they say afterwards (through the data kit).

use super::super::data_common::actions::DataActions;
use connections_domain::simulation::simulated_enrichment_run;
use connections_domain::{Command, ConnectionId, DomainError, EnrichmentId, RunOutcome};

#[derive(Clone, Copy)]
pub struct EnrichmentActions(pub DataActions);

fn set_active(ids: Vec<EnrichmentId>, active: bool) -> Command {
    if active { Command::ActivateEnrichments { ids } } else { Command::DeactivateEnrichments { ids } }
}

impl EnrichmentActions {
    pub fn run(&self, ids: &[EnrichmentId]) {
        self.0.start_runs(ids, |id| Command::RunEnrichment { id: id.clone() }, simulated_enrichment_run, "data.enrichment.run_started");
    }

    pub fn cancel_run(&self, id: &EnrichmentId) {
        let command = Command::AdvanceEnrichmentRun { id: id.clone(), outcome: RunOutcome::Canceled, enriched_customers: 0 };
        let _ = self.0.send(command, || self.0.i18n.t("data.enrichment.run_canceled"));
    }

    /// Deactivates or activates; Undo does the opposite.
    pub fn set_active(&self, ids: Vec<EnrichmentId>, active: bool) -> bool {
        let key = if active { "data.enrichment.activated" } else { "data.enrichment.deactivated" };
        self.0.run_with_undo(set_active(ids, active), key)
    }

    /// Deletes enrichments. Administrators get Undo (restoring is theirs only).
    pub fn delete(&self, ids: Vec<EnrichmentId>) -> bool {
        self.0.run_with_undo(Command::DeleteEnrichments { ids }, "data.enrichment.deleted")
    }

    pub fn attach(&self, enrichment: &EnrichmentId, connection: ConnectionId) -> Result<(), DomainError> {
        self.0.portal.dispatch(Command::AttachConnectionToEnrichment { enrichment: enrichment.clone(), connection })?;
        self.0.toasts.success(self.0.i18n.t("data.enrichment.attached"), None);
        Ok(())
    }
}
