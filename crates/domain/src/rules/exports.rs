//! Exports: who may manage them, detaching and attaching, runs.

use crate::catalog::Category;
use crate::command::{Action, ExportEdit, NewExport};
use crate::error::DomainError;
use crate::health::{HealthEntry, HealthResult};
use crate::event::{EventKind, ObjectRef};
use crate::ids::{numeric_suffix, ConnectionId, ExportId};
use crate::model::{Connection, DisplayName, Export, Role, RunOutcome, RunStatus};
use crate::rules::check_selection;
use crate::workspace::{Acting, Workspace};

impl Workspace {
    /// Contributors manage exports whose connection is shared with them, and
    /// their own detached exports (so they can attach them again).
    pub(crate) fn may_manage_export(&self, role: Role, actor: &crate::ids::UserId, export: &Export) -> bool {
        match role {
            Role::Administrator => true,
            Role::Viewer => false,
            Role::Contributor => match &export.connection {
                Some(c) => self.connections.get(c).is_some_and(Connection::shared_with_contributors),
                None => &export.owner == actor,
            },
        }
    }

    fn managed_export(&self, ctx: &Acting, id: &ExportId) -> Result<&Export, DomainError> {
        let export = self.exports.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::Export(id.clone())))?;
        if !self.may_manage_export(ctx.role, &ctx.actor, export) {
            return Err(DomainError::NotAllowed { action: Action::ManageExports, role: ctx.role });
        }
        Ok(export)
    }

    /// An export connection the actor may build exports on.
    fn usable_export_connection(&self, ctx: &Acting, id: &ConnectionId) -> Result<&Connection, DomainError> {
        let connection = self.connections.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::Connection(id.clone())))?;
        if connection.category() != Category::Export {
            return Err(DomainError::WrongCategory { connection: id.clone(), expected: Category::Export, found: connection.category() });
        }
        if ctx.role != Role::Administrator && !connection.shared_with_contributors() {
            return Err(DomainError::ConnectionNotShared(id.clone()));
        }
        Ok(connection)
    }

    pub(crate) fn create_export(&mut self, ctx: &Acting, new: NewExport) -> Result<Vec<EventKind>, DomainError> {
        let NewExport { name, kind, connection, schedule } = new;
        let name = DisplayName::parse(&name).map_err(DomainError::InvalidName)?;
        if !schedule.is_valid() {
            return Err(DomainError::InvalidSchedule);
        }
        self.usable_export_connection(ctx, &connection)?;
        let id = self.counters.export(0);
        let export = Export {
            id: id.clone(),
            name,
            kind,
            connection: Some(connection.clone()),
            schedule,
            status: RunStatus::NotStarted,
            last_refreshed: None,
            owner: ctx.actor.clone(),
            created_at: ctx.now,
            failed_on_connection: false,
        };
        let event = EventKind::ExportCreated { id, name: export.name.to_string(), connection: connection.clone() };
        self.counters.next_export += 1;
        self.put_export(export);
        Ok(vec![event])
    }

    pub(crate) fn edit_export(&mut self, ctx: &Acting, edit: ExportEdit) -> Result<Vec<EventKind>, DomainError> {
        let ExportEdit { id, name, kind, schedule } = edit;
        let mut export = self.managed_export(ctx, &id)?.clone();
        export.name = DisplayName::parse(&name).map_err(DomainError::InvalidName)?;
        if !schedule.is_valid() {
            return Err(DomainError::InvalidSchedule);
        }
        export.kind = kind;
        export.schedule = schedule;
        let event = EventKind::ExportEdited { id, name: export.name.to_string() };
        self.put_export(export);
        Ok(vec![event])
    }

    pub(crate) fn detach_connection(&mut self, ctx: &Acting, ids: &[ExportId]) -> Result<Vec<EventKind>, DomainError> {
        check_selection(ids, |id| ObjectRef::Export(id.clone()))?;
        let mut detached = Vec::with_capacity(ids.len());
        for id in ids {
            let export = self.managed_export(ctx, id)?;
            if export.connection.is_none() {
                return Err(DomainError::ExportDetached(id.clone()));
            }
            detached.push(export.clone());
        }
        let mut events = Vec::with_capacity(ids.len());
        for mut export in detached {
            let Some(connection) = export.connection.take() else { continue };
            // The configuration stays; a run in flight stops.
            if export.status.is_running() {
                export.status = RunStatus::Canceled;
            }
            events.push(EventKind::ExportDetached { id: export.id.clone(), name: export.name.to_string(), connection });
            self.put_export(export);
        }
        Ok(events)
    }

    pub(crate) fn attach_connection_to_export(
        &mut self,
        ctx: &Acting,
        id: &ExportId,
        connection: &ConnectionId,
    ) -> Result<Vec<EventKind>, DomainError> {
        let mut export = self.managed_export(ctx, id)?.clone();
        self.usable_export_connection(ctx, connection)?;
        export.connection = Some(connection.clone());
        let event = EventKind::ExportAttached { id: id.clone(), name: export.name.to_string(), connection: connection.clone() };
        self.put_export(export);
        Ok(vec![event])
    }

    pub(crate) fn remove_exports(&mut self, ctx: &Acting, ids: &[ExportId]) -> Result<Vec<EventKind>, DomainError> {
        check_selection(ids, |id| ObjectRef::Export(id.clone()))?;
        for id in ids {
            self.managed_export(ctx, id)?;
        }
        let mut events = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(export) = self.take_export(id) {
                events.push(EventKind::ExportRemoved { id: id.clone(), name: export.name.to_string() });
            }
        }
        Ok(events)
    }

    pub(crate) fn restore_exports(&mut self, ctx: &Acting, exports: Vec<Export>) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::Restore)?;
        let ids: Vec<ExportId> = exports.iter().map(|e| e.id.clone()).collect();
        check_selection(&ids, |id| ObjectRef::Export(id.clone()))?;
        for export in &exports {
            if self.exports.contains_key(&export.id) {
                return Err(DomainError::IdTaken(ObjectRef::Export(export.id.clone())));
            }
            if !self.users.contains_key(&export.owner) {
                return Err(DomainError::UnknownUser(export.owner.clone()));
            }
            if !export.schedule.is_valid() {
                return Err(DomainError::InvalidSchedule);
            }
            if let Some(c) = &export.connection {
                let connection = self.connections.get(c).ok_or_else(|| DomainError::ConnectionGone(c.clone()))?;
                if connection.category() != Category::Export {
                    return Err(DomainError::WrongCategory { connection: c.clone(), expected: Category::Export, found: connection.category() });
                }
            }
        }
        let mut events = Vec::with_capacity(exports.len());
        for export in exports {
            if let Some(n) = numeric_suffix(export.id.as_str()) {
                self.counters.next_export = self.counters.next_export.max(n);
            }
            events.push(EventKind::ExportRestored { id: export.id.clone(), name: export.name.to_string() });
            self.put_export(export);
        }
        Ok(events)
    }

    pub(crate) fn run_export(&mut self, ctx: &Acting, id: &ExportId) -> Result<Vec<EventKind>, DomainError> {
        let mut export = self.managed_export(ctx, id)?.clone();
        if export.connection.is_none() {
            return Err(DomainError::ExportDetached(id.clone()));
        }
        if export.status.is_running() {
            return Err(DomainError::AlreadyRunning(ObjectRef::Export(id.clone())));
        }
        export.status = RunStatus::Queued;
        export.failed_on_connection = false;
        let event = EventKind::ExportRunStarted { id: id.clone(), name: export.name.to_string() };
        self.put_export(export);
        Ok(vec![event])
    }

    pub(crate) fn advance_export_run(&mut self, ctx: &Acting, id: &ExportId, outcome: RunOutcome) -> Result<Vec<EventKind>, DomainError> {
        let mut export = self.managed_export(ctx, id)?.clone();
        if !export.status.is_running() {
            return Err(DomainError::NotRunning(ObjectRef::Export(id.clone())));
        }
        export.status = outcome.status();
        if outcome == RunOutcome::Successful {
            export.last_refreshed = Some(ctx.now);
        }
        let connection = export.connection.clone();
        if let Some(c) = &connection {
            export.failed_on_connection = outcome == RunOutcome::Failed && self.connection_failing_now(c, ctx.now);
        }
        let event = EventKind::ExportRunProgressed { id: id.clone(), name: export.name.to_string(), outcome };
        let result = HealthResult::ExportRun { export: id.clone(), name: export.name.to_string(), outcome };
        self.put_export(export);
        // A finished run (not the step to Processing) goes into the connection's history.
        if let (Some(c), true) = (connection, outcome != RunOutcome::Processing) {
            self.record_health(&c, HealthEntry { at: ctx.now, by: ctx.actor.clone(), result });
        }
        Ok(vec![event])
    }
}
