//! Engagement insights helpers the wizard and the simulated data service need before or
//! around the engagement-link commands: checking the wizard's first step without creating
//! anything, checking a member list against the creator rule, and telling which pending links
//! have waited long enough for their (simulated) data to arrive.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{validate_field, ConnectionTypeId, FieldError};
use crate::ids::{EngagementLinkId, UserId};
use crate::model::{EngagementLink, LinkStatus, Role, SecretInput, Timestamp};
use crate::workspace::Workspace;

pub use crate::simulation::SIMULATED_DATA_DELAY_MS;

/// What an administrator must type to remove a link, as the portal asks for destructive
/// environment actions. The same words in every language.
pub const DELETE_CONFIRMATION: &str = "CONFIRM DELETE";

/// True when `typed` is exactly the removal confirmation (surrounding spaces forgiven).
pub fn is_delete_confirmation(typed: &str) -> bool {
    typed.trim() == DELETE_CONFIRMATION
}

/// The settings of a link (the wizard's first step, or Edit), checked and normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkSettings {
    pub storage_account: String,
    pub environment_id: String,
    pub instance_folder: String,
}

/// Checks every setting at once, as `CreateEngagementLink`/`EditEngagementLink` will, so the
/// wizard can refuse Next with one message per bad field and create nothing. `shared_key:
/// None` means "keep the saved key" (Edit); the wizard always passes the typed key.
pub fn validate_link_settings(
    storage_account: &str,
    shared_key: Option<&SecretInput>,
    environment_id: &str,
    instance_folder: &str,
) -> Result<LinkSettings, BTreeMap<String, FieldError>> {
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
    let settings = LinkSettings {
        storage_account: check("storage_account", storage_account),
        environment_id: check("environment_id", environment_id),
        instance_folder: check("instance_folder", instance_folder),
    };
    if let Some(key) = shared_key {
        check("shared_key", key.expose());
    }
    if errors.is_empty() { Ok(settings) } else { Err(errors) }
}

/// Why a member list can't be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MembersProblem {
    /// Nobody could open the report.
    Empty,
    /// Someone who is not one of the portal's users.
    UnknownUser(UserId),
    /// The creator left and no other administrator stays to answer access requests.
    CreatorWithoutReplacement,
}

impl Workspace {
    /// The rule behind `SetEngagementMembers`: at least one member, all known users, and the
    /// creator may leave only when another administrator stays as a member to take over.
    pub fn check_engagement_members(&self, creator: &UserId, members: &BTreeSet<UserId>) -> Result<(), MembersProblem> {
        if members.is_empty() {
            return Err(MembersProblem::Empty);
        }
        if let Some(unknown) = members.iter().find(|m| !self.users.contains_key(*m)) {
            return Err(MembersProblem::UnknownUser(unknown.clone()));
        }
        if !members.contains(creator) && !members.iter().any(|m| self.is_administrator(m)) {
            return Err(MembersProblem::CreatorWithoutReplacement);
        }
        Ok(())
    }

    /// Whom a non-member should ask for access: the creator while a member, otherwise the
    /// administrator who replaced them.
    pub fn engagement_contact(&self, link: &EngagementLink) -> String {
        let contact = if link.members.contains(&link.created_by) {
            Some(&link.created_by)
        } else {
            link.members.iter().find(|m| self.is_administrator(m))
        };
        self.user_name(contact.unwrap_or(&link.created_by))
    }

    /// Pending links and the time their simulated data arrives, soonest first.
    pub fn engagement_links_pending(&self) -> Vec<(EngagementLinkId, Timestamp)> {
        let mut pending: Vec<_> = self
            .links
            .values()
            .filter(|l| l.status == LinkStatus::Pending)
            .map(|l| (l.id.clone(), Timestamp(l.status_changed_at.0.saturating_add(SIMULATED_DATA_DELAY_MS))))
            .collect();
        pending.sort_unstable_by(|(a_id, a_due), (b_id, b_due)| (a_due, a_id).cmp(&(b_due, b_id)));
        pending
    }

    /// Pending links whose simulated data has arrived by `now`, with the user on whose behalf
    /// the simulated service reports it: the link's creator.
    pub fn engagement_links_due(&self, now: Timestamp) -> Vec<(EngagementLinkId, UserId)> {
        self.engagement_links_pending()
            .into_iter()
            .filter(|(_, due)| *due <= now)
            .filter_map(|(id, _)| self.links.get(&id).map(|l| (id, l.created_by.clone())))
            .collect()
    }

    fn is_administrator(&self, user: &UserId) -> bool {
        self.users.get(user).is_some_and(|u| u.role == Role::Administrator)
    }
}
