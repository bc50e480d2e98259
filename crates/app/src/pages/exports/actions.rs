//! What the export actions send, and what they say afterwards. Every change goes through
//! `Portal::dispatch`; the toasts carry Undo where the domain has an inverse command.

use super::super::data_common::run::continue_run;
use connections_domain::simulation::simulated_export_run;
use crate::errors::error_message;
use crate::i18n::I18n;
use crate::state::Portal;
use crate::ui::toast::Toasts;
use connections_domain::{Command, ConnectionId, Event, EventKind, ExportId, RunOutcome};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ExportActions {
    pub portal: Portal,
    pub i18n: I18n,
    pub toasts: Toasts,
}

impl ExportActions {
    fn fail(&self, error: &connections_domain::DomainError) {
        self.toasts.failure(error_message(&self.i18n, error));
    }

    /// Starts a simulated run: Queued now, Processing and then the outcome on timers.
    pub fn run(&self, ids: &[ExportId]) {
        let mut started = 0;
        for id in ids {
            match self.portal.dispatch(Command::RunExport { id: id.clone() }) {
                Ok(_) => {
                    started += 1;
                    continue_run(self.portal, self.i18n, self.toasts, simulated_export_run(id));
                }
                Err(error) => self.fail(&error),
            }
        }
        if started > 0 {
            self.toasts.success(self.i18n.tf("data.export.run_started", &[("count", &started.to_string())]), None);
        }
    }

    /// Stops a run that is going (or stuck after a reload).
    pub fn cancel_run(&self, id: &ExportId) {
        match self.portal.dispatch(Command::FinishExportRun { id: id.clone(), outcome: RunOutcome::Canceled }) {
            Ok(_) => {
                self.toasts.success(self.i18n.t("data.export.run_canceled"), None);
            }
            Err(error) => self.fail(&error),
        }
    }

    /// Detaches the connection; Undo attaches each export to its former connection again.
    pub fn detach(&self, ids: Vec<ExportId>) -> bool {
        match self.portal.dispatch(Command::DetachConnection { exports: ids }) {
            Ok(events) => {
                let previous: Vec<(ExportId, ConnectionId)> = events
                    .iter()
                    .filter_map(|e| match &e.kind {
                        EventKind::ExportDetached { id, connection, .. } => Some((id.clone(), connection.clone())),
                        _ => None,
                    })
                    .collect();
                let this = *self;
                let undo = Callback::new(move |_| {
                    for (export, connection) in previous.clone() {
                        if let Err(error) = this.portal.dispatch(Command::AttachConnectionToExport { export, connection }) {
                            this.fail(&error);
                            return;
                        }
                    }
                });
                self.toasts.success(self.i18n.tf("data.export.detached", &[("count", &events.len().to_string())]), Some(undo));
                true
            }
            Err(error) => {
                self.fail(&error);
                false
            }
        }
    }

    pub fn attach(&self, export: &ExportId, connection: &ConnectionId) -> Result<Vec<Event>, connections_domain::DomainError> {
        let result = self.portal.dispatch(Command::AttachConnectionToExport { export: export.clone(), connection: connection.clone() });
        if result.is_ok() {
            self.toasts.success(self.i18n.t("data.export.attached"), None);
        }
        result
    }

    /// Removes exports. Administrators get Undo (restoring is theirs only).
    pub fn remove(&self, ids: Vec<ExportId>) -> bool {
        match self.portal.dispatch_undoable(Command::RemoveExports { ids }) {
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
                self.toasts.success(self.i18n.tf("data.export.removed", &[("count", &events.len().to_string())]), undo);
                true
            }
            Err(error) => {
                self.fail(&error);
                false
            }
        }
    }

    /// Creates a copy on the same connection, named "<name> (copy)".
    pub fn duplicate(&self, id: &ExportId) {
        let Some(export) = self.portal.workspace.with_untracked(|w| w.export(id).cloned()) else { return };
        let Some(connection) = export.connection.clone() else {
            self.fail(&connections_domain::DomainError::ExportDetached(id.clone()));
            return;
        };
        let name = self.i18n.tf("data.export.copy_name", &[("name", export.name.as_str())]);
        match self.portal.dispatch(Command::CreateExport(connections_domain::NewExport { name: name.clone(), kind: export.kind, connection, schedule: export.schedule })) {
            Ok(_) => {
                self.toasts.success(self.i18n.tf("data.export.duplicated", &[("name", &name)]), None);
            }
            Err(error) => self.fail(&error),
        }
    }
}
