//! The audience-insights link of engagement insights and who may see its report.

use std::collections::BTreeSet;

use crate::command::{Action, EngagementLinkEdit, NewEngagementLink};
use crate::engagement::{validate_link_settings, LinkSettings, MembersProblem};
use crate::error::DomainError;
use crate::event::{EventKind, ObjectRef};
use crate::ids::{EngagementLinkId, UserId};
use crate::model::{EngagementLink, LinkStatus, SecretInput};
use crate::workspace::{Acting, Workspace};

impl Workspace {
    fn check_link_fields(
        storage_account: &str,
        shared_key: Option<&SecretInput>,
        environment_id: &str,
        instance_folder: &str,
    ) -> Result<LinkSettings, DomainError> {
        validate_link_settings(storage_account, shared_key, environment_id, instance_folder).map_err(DomainError::InvalidFields)
    }

    fn check_members(&self, id: &EngagementLinkId, creator: &UserId, members: &BTreeSet<UserId>) -> Result<(), DomainError> {
        self.check_engagement_members(creator, members).map_err(|problem| match problem {
            MembersProblem::Empty => DomainError::LastMember(id.clone()),
            MembersProblem::UnknownUser(user) => DomainError::UnknownUser(user),
            MembersProblem::CreatorWithoutReplacement => DomainError::CreatorNeedsReplacement(id.clone()),
        })
    }

    fn existing_link(&self, id: &EngagementLinkId) -> Result<&EngagementLink, DomainError> {
        self.links.get(id).ok_or_else(|| DomainError::NotFound(ObjectRef::EngagementLink(id.clone())))
    }

    pub(crate) fn create_engagement_link(&mut self, ctx: &Acting, new: NewEngagementLink) -> Result<Vec<EventKind>, DomainError> {
        let NewEngagementLink { storage_account, shared_key, environment_id, instance_folder, mut members } = new;
        ctx.require_admin(Action::ManageEngagementInsights)?;
        let fields = Self::check_link_fields(&storage_account, Some(&shared_key), &environment_id, &instance_folder)?;
        let id = self.counters.link();
        // Only the creating admin can open the report until others are added.
        members.insert(ctx.actor.clone());
        self.check_members(&id, &ctx.actor, &members)?;
        let link = EngagementLink {
            id: id.clone(),
            storage_account: fields.storage_account,
            shared_key: shared_key.stamp(ctx.now),
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

    pub(crate) fn edit_engagement_link(&mut self, ctx: &Acting, edit: EngagementLinkEdit) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        let id = &edit.id;
        let mut link = self.existing_link(id)?.clone();
        let shared_key = edit.shared_key.as_ref();
        let fields = Self::check_link_fields(&edit.storage_account, shared_key, &edit.environment_id, &edit.instance_folder)?;
        let moved = fields.storage_account != link.storage_account
            || fields.environment_id != link.environment_id
            || fields.instance_folder != link.instance_folder
            || shared_key.is_some();
        link.storage_account = fields.storage_account;
        link.environment_id = fields.environment_id;
        link.instance_folder = fields.instance_folder;
        if let Some(key) = shared_key {
            link.shared_key = key.stamp(ctx.now);
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

    pub(crate) fn set_engagement_members(&mut self, ctx: &Acting, id: &EngagementLinkId, members: BTreeSet<UserId>) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        let creator = self.existing_link(id)?.created_by.clone();
        self.check_members(id, &creator, &members)?;
        let count = members.len();
        if let Some(link) = self.links.get_mut(id) {
            link.members = members;
        }
        Ok(vec![EventKind::EngagementMembersChanged { id: id.clone(), members: count }])
    }

    pub(crate) fn mark_engagement_link_available(&mut self, ctx: &Acting, id: &EngagementLinkId) -> Result<Vec<EventKind>, DomainError> {
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

    pub(crate) fn remove_engagement_link(&mut self, ctx: &Acting, id: &EngagementLinkId) -> Result<Vec<EventKind>, DomainError> {
        ctx.require_admin(Action::ManageEngagementInsights)?;
        self.existing_link(id)?;
        self.links.remove(id);
        Ok(vec![EventKind::EngagementLinkRemoved { id: id.clone() }])
    }
}
