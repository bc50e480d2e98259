//! Engagement insights: the wizard's checks, the member-access rule and the status change.

mod common;

use std::collections::BTreeSet;

use common::*;
use connections_domain::engagement::*;
use connections_domain::sample::*;
use connections_domain::*;

const GUID: &str = "0F8FAD5B-D9CB-469F-A165-70867728950E";

fn create(members: &[&str]) -> Command {
    Command::CreateEngagementLink(NewEngagementLink {
        storage_account: "contosoinsights".into(),
        shared_key: SecretInput::new(PLANTED),
        environment_id: GUID.into(),
        instance_folder: "customerInsights/ci_contoso".into(),
        members: members.iter().map(|m| UserId::new(*m)).collect(),
    })
}

fn created(events: &[Event]) -> EngagementLinkId {
    events
        .iter()
        .find_map(|e| match &e.kind {
            EventKind::EngagementLinkCreated { id, .. } => Some(id.clone()),
            _ => None,
        })
        .expect("a link was created")
}

fn members(ids: &[&str]) -> BTreeSet<UserId> {
    ids.iter().map(|m| UserId::new(*m)).collect()
}

#[test]
fn the_first_step_is_checked_whole_without_creating_anything() {
    let errors = validate_link_settings("My-Storage", Some(&SecretInput::new("")), "not-a-guid", "ci_contoso").unwrap_err();
    assert_eq!(errors.get("storage_account"), Some(&FieldError::StorageAccountName));
    assert_eq!(errors.get("shared_key"), Some(&FieldError::Required));
    assert_eq!(errors.get("environment_id"), Some(&FieldError::Guid));
    assert_eq!(errors.get("instance_folder"), Some(&FieldError::InstanceFolder));
    assert_eq!(errors.len(), 4, "one message per bad field: {errors:?}");

    let settings =
        validate_link_settings(" contosoinsights ", Some(&SecretInput::new("k3y")), GUID, "customerInsights/ci_contoso").unwrap();
    assert_eq!(settings.storage_account, "contosoinsights", "trimmed");
    assert_eq!(settings.environment_id, GUID.to_ascii_lowercase(), "GUIDs are kept in lower case");
    // Edit may keep the saved key.
    assert!(validate_link_settings("contosoinsights", None, GUID, "customerInsights/ci_contoso").is_ok());
    for folder in ["customerInsights/ci_", "customerInsights/contoso", "/ci_x", "customerInsights/ci_a/b", "customerInsights/ci_a b"] {
        assert!(validate_link_settings("contosoinsights", None, GUID, folder).is_err(), "{folder} should be refused");
    }
}

#[test]
fn the_creator_is_a_member_and_only_members_see_the_report_once_available() {
    let mut ws = Workspace::empty();
    let id = created(&ok(&mut ws, &admin(), create(&[])));
    let link = ws.engagement_link(&id).unwrap();
    assert_eq!(link.members, members(&[ADMIN_1]), "the creator has access automatically");
    assert_eq!(link.status, LinkStatus::Pending);
    assert_eq!(ws.profile_report(&admin(), &id), Err(ReportUnavailable::NotAvailableYet));

    ok(&mut ws, &admin(), Command::MarkEngagementLinkAvailable { id: id.clone() });
    assert!(ws.profile_report(&admin(), &id).is_ok());
    for outsider in [UserId::new(ADMIN_2), contributor(), viewer()] {
        assert_eq!(ws.profile_report(&outsider, &id), Err(ReportUnavailable::NotMember { ask: "Alex Morgan".into() }), "{outsider}");
    }
    // Granting access: a viewer member may read the report but not manage the link.
    ok(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: members(&[ADMIN_1, VIEWER_1]) });
    assert!(ws.profile_report(&viewer(), &id).is_ok());
    assert!(ws.engagement_link_rows(&viewer()).is_empty());
    assert!(matches!(
        refuse(&mut ws, &viewer(), Command::SetEngagementMembers { id: id.clone(), members: members(&[VIEWER_1]) }),
        DomainError::NotAllowed { .. }
    ));
}

#[test]
fn removing_the_last_member_or_the_creator_without_a_replacement_is_refused() {
    let mut ws = Workspace::empty();
    let id = created(&ok(&mut ws, &admin(), create(&[CONTRIBUTOR_1])));
    let before = ws.clone();
    assert_eq!(refuse(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: BTreeSet::new() }), DomainError::LastMember(id.clone()));
    assert_eq!(
        refuse(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: members(&[CONTRIBUTOR_1, VIEWER_1]) }),
        DomainError::CreatorNeedsReplacement(id.clone()),
        "a contributor can't take over from the creating administrator"
    );
    assert_eq!(ws, before, "refusals change nothing");

    // Another administrator can take over; non-members are then told to ask them.
    ok(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: members(&[ADMIN_2, CONTRIBUTOR_1]) });
    ok(&mut ws, &admin(), Command::MarkEngagementLinkAvailable { id: id.clone() });
    assert_eq!(ws.profile_report(&admin(), &id), Err(ReportUnavailable::NotMember { ask: "Priya Raman".into() }));
    assert!(ws.profile_report(&contributor(), &id).is_ok());

    assert_eq!(ws.check_engagement_members(&admin(), &members(&["ghost"])), Err(MembersProblem::UnknownUser(UserId::new("ghost"))));
    assert_eq!(ws.check_engagement_members(&admin(), &members(&[ADMIN_1])), Ok(()));
    // The wizard's extra members are checked too: an unknown user creates nothing.
    assert_eq!(refuse(&mut ws, &admin(), create(&["ghost"])), DomainError::UnknownUser(UserId::new("ghost")));
}

#[test]
fn a_new_link_is_pending_until_the_simulated_delay_has_passed() {
    let mut ws = Workspace::empty();
    let id = created(&ok(&mut ws, &admin(), create(&[])));
    let due = ws.engagement_links_pending();
    assert_eq!(due, vec![(id.clone(), Timestamp(NOW.0 + SIMULATED_DATA_DELAY_MS))]);
    assert!(ws.engagement_links_due(Timestamp(NOW.0 + SIMULATED_DATA_DELAY_MS - 1)).is_empty());
    let ready = ws.engagement_links_due(Timestamp(NOW.0 + SIMULATED_DATA_DELAY_MS));
    assert_eq!(ready, vec![(id.clone(), admin())], "reported on the creator's behalf");

    let later = Timestamp(NOW.0 + SIMULATED_DATA_DELAY_MS);
    ws.apply(&admin(), Command::MarkEngagementLinkAvailable { id: id.clone() }, later).unwrap();
    let link = ws.engagement_link(&id).unwrap();
    assert_eq!((link.status, link.status_changed_at), (LinkStatus::Available, later), "the list shows when the status changed");
    assert!(ws.engagement_links_pending().is_empty());

    // A new shared key means the data has to arrive again.
    ok(
        &mut ws,
        &admin(),
        Command::EditEngagementLink(EngagementLinkEdit {
            id: id.clone(),
            storage_account: "contosoinsights".into(),
            shared_key: Some(SecretInput::new("rotated-key")),
            environment_id: GUID.into(),
            instance_folder: "customerInsights/ci_contoso".into(),
        }),
    );
    assert_eq!(ws.engagement_link(&id).unwrap().status, LinkStatus::Pending);
    // Only the membership changing keeps the status.
    ok(&mut ws, &admin(), Command::MarkEngagementLinkAvailable { id: id.clone() });
    ok(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: members(&[ADMIN_1, CONTRIBUTOR_2]) });
    assert_eq!(ws.engagement_link(&id).unwrap().status, LinkStatus::Available);
}

#[test]
fn removal_needs_the_exact_confirmation_words() {
    assert!(is_delete_confirmation("CONFIRM DELETE"));
    assert!(is_delete_confirmation("  CONFIRM DELETE "));
    for typed in ["", "confirm delete", "CONFIRM", "CONFIRM  DELETE", "SUPPRIMER"] {
        assert!(!is_delete_confirmation(typed), "{typed:?}");
    }
}

#[test]
fn the_sample_link_is_available_to_its_members_only() {
    let ws = Workspace::sample(NOW);
    let link = ws.engagement_links().next().unwrap().id.clone();
    assert!(ws.profile_report(&admin(), &link).is_ok());
    assert!(ws.profile_report(&contributor(), &link).is_ok());
    assert!(matches!(ws.profile_report(&UserId::new(CONTRIBUTOR_2), &link), Err(ReportUnavailable::NotMember { .. })));
    assert!(ws.engagement_links_pending().is_empty());
}

#[test]
fn report_access_gives_every_signed_in_role_each_link_with_its_report_or_why_not() {
    let mut ws = Workspace::empty();
    let id = created(&ok(&mut ws, &admin(), create(&[])));
    let row = |ws: &Workspace, who: &UserId| ws.report_access(who).into_iter().map(|a| (a.link, a.storage_account, a.report)).collect::<Vec<_>>();
    assert_eq!(row(&ws, &admin()), vec![(id.clone(), "contosoinsights".to_owned(), Err(ReportUnavailable::NotAvailableYet))]);
    ok(&mut ws, &admin(), Command::MarkEngagementLinkAvailable { id: id.clone() });
    assert!(row(&ws, &admin())[0].2.is_ok());
    for outsider in [contributor(), viewer()] {
        assert_eq!(row(&ws, &outsider), vec![(id.clone(), "contosoinsights".to_owned(), Err(ReportUnavailable::NotMember { ask: "Alex Morgan".into() }))]);
    }
    assert!(ws.report_access(&UserId::new("nobody")).is_empty(), "not signed in: nothing");
    // The members editor learns the creator from the administrators' row, not the raw link.
    assert_eq!(ws.engagement_link_rows(&admin()).first().map(|r| r.created_by.clone()), Some(admin()));
}
