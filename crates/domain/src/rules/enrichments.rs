//! Enrichments: usable by administrators and contributors alike.

use crate::catalog::Category;
use crate::command::Action;
use crate::error::DomainError;
use crate::health::{HealthEntry, HealthResult};
use crate::event::{EventKind, ObjectRef};
use crate::ids::{numeric_suffix, ConnectionId, EnrichmentId};
use crate::model::{Connection, DisplayName, Enrichment, RunOutcome, RunStatus};
use crate::rules::check_selection;
use crate::workspace::{Acting, Workspace};

impl Workspace {
    fn existing_enrichment(&self, id: &EnrichmentId) -> Result<&Enrichment, DomainError> {
        self.enrichments.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::Enrichment(id.clone())))
    }

    fn enrichment_connection(&self, id: &ConnectionId) -> Result<&Connection, DomainError> {
        let connection = self.connections.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::Connection(id.clone())))?;
        if connection.category() != Category::Enrichment {
            return Err(DomainError::WrongCategory { connection: id.clone(), expected: Category::Enrichment, found: connection.category() });
        }
        Ok(connection)
    }

    pub(crate) fn create_enrichment(&mut self, ctx: &Acting, name: &str, connection: &ConnectionId) -> Result<Vec<EventKind>, DomainError> {
        let name = DisplayName::parse(name).map_err(DomainError::InvalidName)?;
        let provider = self.enrichment_connection(connection)?.type_id;
        let id = self.counters.enrichment();
        let enrichment = Enrichment {
            id: id.clone(),
            name,
            provider,
            connection: Some(connection.clone()),
            active: true,
            enriched_customers: 0,
            last_refresh: None,
            status: RunStatus::NotStarted,
            owner: ctx.actor.clone(),
            created_at: ctx.now,
            failed_on_connection: false,
        };
        let event = EventKind::EnrichmentCreated { id, name: enrichment.name.to_string(), connection: connection.clone() };
        self.counters.next_enrichment += 1;
        self.put_enrichment(enrichment);
        Ok(vec![event])
    }

    pub(crate) fn edit_enrichment(&mut self, _ctx: &Acting, id: &EnrichmentId, name: &str) -> Result<Vec<EventKind>, DomainError> {
        let mut enrichment = self.existing_enrichment(id)?.clone();
        enrichment.name = DisplayName::parse(name).map_err(DomainError::InvalidName)?;
        let event = EventKind::EnrichmentEdited { id: id.clone(), name: enrichment.name.to_string() };
        self.put_enrichment(enrichment);
        Ok(vec![event])
    }

    pub(crate) fn set_enrichments_active(&mut self, _ctx: &Acting, ids: &[EnrichmentId], active: bool) -> Result<Vec<EventKind>, DomainError> {
        check_selection(ids, |id| ObjectRef::Enrichment(id.clone()))?;
        let mut changed = Vec::with_capacity(ids.len());
        for id in ids {
            let enrichment = self.existing_enrichment(id)?;
            if active && enrichment.connection.is_none() {
                return Err(DomainError::EnrichmentWithoutConnection(id.clone()));
            }
            changed.push(enrichment.clone());
        }
        let mut events = Vec::with_capacity(ids.len());
        for mut enrichment in changed {
            enrichment.active = active;
            // Inactive enrichments keep their data but a run in flight stops.
            if !active && enrichment.status.is_running() {
                enrichment.status = RunStatus::Canceled;
            }
            let (id, name) = (enrichment.id.clone(), enrichment.name.to_string());
            events.push(if active { EventKind::EnrichmentActivated { id, name } } else { EventKind::EnrichmentDeactivated { id, name } });
            self.put_enrichment(enrichment);
        }
        Ok(events)
    }

    pub(crate) fn delete_enrichments(&mut self, _ctx: &Acting, ids: &[EnrichmentId]) -> Result<Vec<EventKind>, DomainError> {
        check_selection(ids, |id| ObjectRef::Enrichment(id.clone()))?;
        for id in ids {
            self.existing_enrichment(id)?;
        }
        let mut events = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(enrichment) = self.take_enrichment(id) {
                events.push(EventKind::EnrichmentDeleted { id: id.clone(), name: enrichment.name.to_string() });
            }
        }
        Ok(events)
    }

    pub(crate) fn restore_enrichments(&mut self, ctx: &Acting, enrichments: Vec<Enrichment>) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::Restore)?;
        let ids: Vec<EnrichmentId> = enrichments.iter().map(|e| e.id.clone()).collect();
        check_selection(&ids, |id| ObjectRef::Enrichment(id.clone()))?;
        for enrichment in &enrichments {
            if self.enrichments.contains_key(&enrichment.id) {
                return Err(DomainError::IdTaken(ObjectRef::Enrichment(enrichment.id.clone())));
            }
            if !self.users.contains_key(&enrichment.owner) {
                return Err(DomainError::UnknownUser(enrichment.owner.clone()));
            }
            if enrichment.provider.spec().category != Category::Enrichment {
                return Err(DomainError::WrongProvider { expected: enrichment.provider, found: enrichment.provider });
            }
            match &enrichment.connection {
                Some(c) => {
                    let connection = self.connections.get(c).ok_or_else(|| DomainError::ConnectionGone(c.clone()))?;
                    if connection.type_id != enrichment.provider {
                        return Err(DomainError::WrongProvider { expected: enrichment.provider, found: connection.type_id });
                    }
                }
                None if enrichment.active => return Err(DomainError::EnrichmentWithoutConnection(enrichment.id.clone())),
                None => {}
            }
        }
        let mut events = Vec::with_capacity(enrichments.len());
        for enrichment in enrichments {
            if let Some(n) = numeric_suffix(enrichment.id.as_str()) {
                self.counters.next_enrichment = self.counters.next_enrichment.max(n);
            }
            events.push(EventKind::EnrichmentRestored { id: enrichment.id.clone(), name: enrichment.name.to_string() });
            self.put_enrichment(enrichment);
        }
        Ok(events)
    }

    pub(crate) fn attach_connection_to_enrichment(
        &mut self,
        _ctx: &Acting,
        id: &EnrichmentId,
        connection: &ConnectionId,
    ) -> Result<Vec<EventKind>, DomainError> {
        let mut enrichment = self.existing_enrichment(id)?.clone();
        let found = self.enrichment_connection(connection)?.type_id;
        if found != enrichment.provider {
            return Err(DomainError::WrongProvider { expected: enrichment.provider, found });
        }
        enrichment.connection = Some(connection.clone());
        enrichment.active = true;
        let event = EventKind::EnrichmentAttached { id: id.clone(), name: enrichment.name.to_string(), connection: connection.clone() };
        self.put_enrichment(enrichment);
        Ok(vec![event])
    }

    pub(crate) fn run_enrichment(&mut self, _ctx: &Acting, id: &EnrichmentId) -> Result<Vec<EventKind>, DomainError> {
        let mut enrichment = self.existing_enrichment(id)?.clone();
        if !enrichment.active || enrichment.connection.is_none() {
            return Err(DomainError::EnrichmentInactive(id.clone()));
        }
        if enrichment.status.is_running() {
            return Err(DomainError::AlreadyRunning(ObjectRef::Enrichment(id.clone())));
        }
        enrichment.status = RunStatus::Queued;
        enrichment.failed_on_connection = false;
        let event = EventKind::EnrichmentRunStarted { id: id.clone(), name: enrichment.name.to_string() };
        self.put_enrichment(enrichment);
        Ok(vec![event])
    }

    pub(crate) fn advance_enrichment_run(
        &mut self,
        ctx: &Acting,
        id: &EnrichmentId,
        outcome: RunOutcome,
        enriched_customers: u64,
    ) -> Result<Vec<EventKind>, DomainError> {
        let mut enrichment = self.existing_enrichment(id)?.clone();
        if !enrichment.status.is_running() {
            return Err(DomainError::NotRunning(ObjectRef::Enrichment(id.clone())));
        }
        enrichment.status = outcome.status();
        if outcome == RunOutcome::Successful {
            enrichment.enriched_customers = enriched_customers;
            enrichment.last_refresh = Some(ctx.now);
        }
        let connection = enrichment.connection.clone();
        if let Some(c) = &connection {
            enrichment.failed_on_connection = outcome == RunOutcome::Failed && self.connection_failing_now(c, ctx.now);
        }
        let event = EventKind::EnrichmentRunProgressed { id: id.clone(), name: enrichment.name.to_string(), outcome };
        let result = HealthResult::EnrichmentRun { enrichment: id.clone(), name: enrichment.name.to_string(), outcome };
        self.put_enrichment(enrichment);
        if let (Some(c), true) = (connection, outcome != RunOutcome::Processing) {
            self.record_health(&c, HealthEntry { at: ctx.now, by: ctx.actor.clone(), result });
        }
        Ok(vec![event])
    }
}
