//! Undo as domain commands: before a command is applied, the domain says which commands would
//! put back what it changes. The app keeps the `Undo` it is given for a toast's button and
//! sends its commands; it never copies a connection, export or enrichment itself.

use crate::command::Command;
use crate::ids::UserId;
use crate::views::Capability;
use crate::workspace::Workspace;

/// What undoes one command, computed by `Workspace::undo_of` before it is applied.
#[derive(Clone, Debug)]
pub struct Undo {
    commands: Vec<Command>,
}

impl Undo {
    /// The commands to send, in order, to undo the command.
    pub fn commands(&self) -> &[Command] {
        &self.commands
    }

    pub fn into_commands(self) -> Vec<Command> {
        self.commands
    }
}

impl Workspace {
    /// What would undo `command` if `actor` applied it now: for removing a connection, removing
    /// exports and deleting enrichments, restoring them as they are now (administrators only,
    /// who may restore); for detaching exports, attaching each to its connection again; for
    /// deactivating enrichments, activating them again, and the other way round. `None` for a command with no undo, or
    /// when nothing it names exists (the command would be refused anyway).
    pub fn undo_of(&self, actor: &UserId, command: &Command) -> Option<Undo> {
        let may_restore = || self.can(actor, Capability::Restore);
        let commands = match command {
            Command::RemoveConnection { id } if may_restore() => {
                vec![Command::RestoreConnection { connection: self.connection(id)?.clone() }]
            }
            Command::RemoveExports { ids } if may_restore() => {
                let exports: Vec<_> = ids.iter().filter_map(|id| self.export(id).cloned()).collect();
                vec![Command::RestoreExports { exports }]
            }
            Command::DeleteEnrichments { ids } if may_restore() => {
                let enrichments: Vec<_> = ids.iter().filter_map(|id| self.enrichment(id).cloned()).collect();
                vec![Command::RestoreEnrichments { enrichments }]
            }
            Command::DetachConnection { exports } => exports
                .iter()
                .filter_map(|id| {
                    let connection = self.export(id)?.connection.clone()?;
                    Some(Command::AttachConnectionToExport { export: id.clone(), connection })
                })
                .collect(),
            Command::DeactivateEnrichments { ids } => {
                let active: Vec<_> = ids.iter().filter(|id| self.enrichment(id).is_some_and(|n| n.active)).cloned().collect();
                vec![Command::ActivateEnrichments { ids: active }]
            }
            Command::ActivateEnrichments { ids } => {
                let inactive: Vec<_> = ids.iter().filter(|id| self.enrichment(id).is_some_and(|n| !n.active)).cloned().collect();
                vec![Command::DeactivateEnrichments { ids: inactive }]
            }
            _ => return None,
        };
        let empty = |c: &Command| match c {
            Command::RestoreExports { exports } => exports.is_empty(),
            Command::RestoreEnrichments { enrichments } => enrichments.is_empty(),
            Command::ActivateEnrichments { ids } | Command::DeactivateEnrichments { ids } => ids.is_empty(),
            _ => false,
        };
        let commands: Vec<Command> = commands.into_iter().filter(|c| !empty(c)).collect();
        (!commands.is_empty()).then_some(Undo { commands })
    }
}
