//! What the export actions send, and what they say afterwards (through the data kit).

use super::super::data_common::actions::DataActions;
use connections_domain::simulation::simulated_export_run;
use connections_domain::{Command, ConnectionId, DomainError, ExportId, NewExport, RunOutcome};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ExportActions(pub DataActions);

impl ExportActions {
    /// Starts a simulated run: Queued now, Processing and then the outcome on timers.
    pub fn run(&self, ids: &[ExportId]) {
        self.0.start_runs(ids, |id| Command::RunExport { id: id.clone() }, simulated_export_run, "data.export.run_started");
    }

    /// Stops a run that is going (or stuck after a reload).
    pub fn cancel_run(&self, id: &ExportId) {
        let _ = self.0.send(Command::AdvanceExportRun { id: id.clone(), outcome: RunOutcome::Canceled }, || self.0.i18n.t("data.export.run_canceled"));
    }

    /// Detaches the connection; Undo attaches each export to its former connection again.
    pub fn detach(&self, ids: Vec<ExportId>) -> bool {
        self.0.run_with_undo(Command::DetachConnection { exports: ids }, "data.export.detached")
    }

    pub fn attach(&self, export: &ExportId, connection: ConnectionId) -> Result<(), DomainError> {
        let command = Command::AttachConnectionToExport { export: export.clone(), connection };
        self.0.portal.dispatch(command)?;
        self.0.toasts.success(self.0.i18n.t("data.export.attached"), None);
        Ok(())
    }

    /// Removes exports. Administrators get Undo (restoring is theirs only).
    pub fn remove(&self, ids: Vec<ExportId>) -> bool {
        self.0.run_with_undo(Command::RemoveExports { ids }, "data.export.removed")
    }

    /// Creates a copy on the same connection, named "<name> (copy)".
    pub fn duplicate(&self, id: &ExportId) {
        let Some(export) = self.0.portal.workspace().with_untracked(|w| w.export(id).cloned()) else { return };
        let Some(connection) = export.connection.clone() else {
            self.0.fail(&DomainError::ExportDetached(id.clone()));
            return;
        };
        let name = self.0.i18n.tf("data.export.copy_name", &[("name", export.name.as_str())]);
        let command = Command::CreateExport(NewExport { name: name.clone(), kind: export.kind, connection, schedule: export.schedule });
        let _ = self.0.send(command, || self.0.i18n.tf("data.export.duplicated", &[("name", &name)]));
    }
}
