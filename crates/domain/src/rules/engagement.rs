//! The audience-insights link of engagement insights and who may see its report.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{validate_field, ConnectionTypeId, FieldError};
use crate::command::Action;
use crate::error::DomainError;
use crate::event::{EventKind, ObjectRef};
use crate::ids::{EngagementLinkId, UserId};
use crate::model::{EngagementLink, LinkStatus, SecretInput};
use crate::workspace::{Ctx, Workspace};

struct LinkFields {
    storage_account: String,
    environment_id: String,
    instance_folder: String,
}

impl Workspace {
    fn check_link_fields(
        storage_account: &str,
        shared_key: Option<&SecretInput>,
        environment_id: &str,
        instance_folder: &str,
    ) -> Result<LinkFields, DomainError> {
        let spec = ConnectionTypeId::AudienceInsights.spec();
        let mut errors: BTreeMap<String, FieldError> = BTreeMap::new();
        let mut check = |key: &str, raw: &str| match spec.field(key).map(|f| validate_field(f, raw)) {
            Some(Ok(value)) => value,
            Some(Err(e)) => {
                errors.insert(key.to_owned(), e);
                String::new()
            }
            None => String::new(),
        };
        let fields = LinkFields {
            storage_account: check("storage_account", storage_account),
            environment_id: check("environment_id", environment_id),
            instance_folder: check("instance_folder", instance_folder),
        };
        if let Some(key) = shared_key {
            check("shared_key", key.expose());
        }
        if errors.is_empty() { Ok(fields) } else { Err(DomainError::InvalidFields(errors)) }
    }

    fn check_members(&self, members: &BTreeSet<UserId>) -> Result<(), DomainError> {
        match members.iter().find(|m| !self.users.contains_key(*m)) {
            Some(unknown) => Err(DomainError::UnknownUser(unknown.clone())),
            None => Ok(()),
        }
    }

    fn existing_link(&self, id: &EngagementLinkId) -> Result<&EngagementLink, DomainError> {
        self.links.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::EngagementLink(id.clone())))
    }

    pub(crate) fn create_engagement_link(
        &mut self,
        ctx: &Ctx,
        storage_account: &str,
        shared_key: &SecretInput,
        environment_id: &str,
        instance_folder: &str,
        mut members: BTreeSet<UserId>,
    ) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        let fields = Self::check_link_fields(storage_account, Some(shared_key), environment_id, instance_folder)?;
        self.check_members(&members)?;
        // Only the creating admin can open the report until others are added.
        members.insert(ctx.actor.clone());
        let id = self.counters.link();
        let link = EngagementLink {
            id: id.clone(),
            storage_account: fields.storage_account,
            shared_key: shared_key.fingerprint(ctx.now),
            environment_id: fields.environment_id,
            instance_folder: fields.instance_folder,
            created_by: ctx.actor.clone(),
            members,
            status: LinkStatus::Pending,
            status_changed_at: ctx.now,
        };
        let event = EventKind::EngagementLinkCreated { id: id.clone(), storage_account: link.storage_account.clone() };
        self.counters.next_link += 1;
        self.links.insert(id, link);
        Ok(vec![event])
    }

    pub(crate) fn edit_engagement_link(
        &mut self,
        ctx: &Ctx,
        id: &EngagementLinkId,
        storage_account: &str,
        shared_key: Option<&SecretInput>,
        environment_id: &str,
        instance_folder: &str,
    ) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        let mut link = self.existing_link(id)?.clone();
        let fields = Self::check_link_fields(storage_account, shared_key, environment_id, instance_folder)?;
        let moved = fields.storage_account != link.storage_account
            || fields.environment_id != link.environment_id
            || fields.instance_folder != link.instance_folder
            || shared_key.is_some();
        link.storage_account = fields.storage_account;
        link.environment_id = fields.environment_id;
        link.instance_folder = fields.instance_folder;
        if let Some(key) = shared_key {
            link.shared_key = key.fingerprint(ctx.now);
        }
        // New location or key: the data has to arrive again.
        if moved && link.status != LinkStatus::Pending {
            link.status = LinkStatus::Pending;
            link.status_changed_at = ctx.now;
        }
        let event = EventKind::EngagementLinkEdited { id: id.clone(), storage_account: link.storage_account.clone() };
        self.links.insert(id.clone(), link);
        Ok(vec![event])
    }

    pub(crate) fn set_engagement_members(&mut self, ctx: &Ctx, id: &EngagementLinkId, members: BTreeSet<UserId>) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        self.existing_link(id)?;
        if members.is_empty() {
            return Err(DomainError::LastMember(id.clone()));
        }
        self.check_members(&members)?;
        let count = members.len();
        if let Some(link) = self.links.get_mut(id) {
            link.members = members;
        }
        Ok(vec![EventKind::EngagementMembersChanged { id: id.clone(), members: count }])
    }

    pub(crate) fn mark_engagement_link_available(&mut self, ctx: &Ctx, id: &EngagementLinkId) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        if self.existing_link(id)?.status == LinkStatus::Available {
            return Err(DomainError::AlreadyAvailable(id.clone()));
        }
        if let Some(link) = self.links.get_mut(id) {
            link.status = LinkStatus::Available;
            link.status_changed_at = ctx.now;
        }
        Ok(vec![EventKind::EngagementLinkAvailable { id: id.clone() }])
    }

    pub(crate) fn remove_engagement_link(&mut self, ctx: &Ctx, id: &EngagementLinkId) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        self.existing_link(id)?;
        self.links.remove(id);
        Ok(vec![EventKind::EngagementLinkRemoved { id: id.clone() }])
    }
}
