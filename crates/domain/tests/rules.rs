mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use connections_domain::sample::*;
use connections_domain::*;

#[test]
fn only_administrators_manage_connections_and_viewers_change_nothing() {
    let mut ws = Workspace::empty();
    let err = refuse(&mut ws, &contributor(), blob("Lake", UsableBy::AdministratorsOnly));
    assert_eq!(err, DomainError::NotAllowed { action: Action::ManageConnections, role: Role::Contributor });
    let err = refuse(&mut ws, &viewer(), blob("Lake", UsableBy::AdministratorsOnly));
    assert!(matches!(err, DomainError::NotAllowed { role: Role::Viewer, .. }));
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsAndContributors)));
    for command in [
        Command::SetConnectionSharing { id: c.clone(), usable_by: UsableBy::AdministratorsOnly },
        Command::RemoveConnection { id: c.clone() },
    ] {
        assert!(matches!(refuse(&mut ws, &contributor(), command), DomainError::NotAllowed { .. }));
    }
    // Viewers: even things contributors may do.
    assert!(matches!(refuse(&mut ws, &viewer(), export_on(&c, "x")), DomainError::NotAllowed { role: Role::Viewer, .. }));
    assert!(matches!(refuse(&mut ws, &UserId::new("nobody"), export_on(&c, "x")), DomainError::UnknownActor(_)));
}

#[test]
fn consent_name_and_fields_are_checked() {
    let mut ws = Workspace::empty();
    let Command::CreateConnection(NewConnection { type_id, fields, secrets, key_vault_secrets, usable_by, sign_in_account, .. }) = blob("x", UsableBy::AdministratorsOnly) else {
        unreachable!()
    };
    let make = |name: &str, consent: bool, fields: BTreeMap<String, String>| Command::CreateConnection(NewConnection {
        display_name: name.into(),
        type_id,
        fields,
        secrets: secrets.clone(),
        key_vault_secrets: key_vault_secrets.clone(),
        usable_by,
        consent,
        sign_in_account: sign_in_account.clone(),
    });
    assert_eq!(refuse(&mut ws, &admin(), make("Lake", false, fields.clone())), DomainError::ConsentRequired);
    assert_eq!(refuse(&mut ws, &admin(), make("   ", true, fields.clone())), DomainError::InvalidName(NameError::Empty));
    assert_eq!(refuse(&mut ws, &admin(), make(&"n".repeat(101), true, fields.clone())), DomainError::InvalidName(NameError::TooLong { max: 100 }));
    assert_eq!(refuse(&mut ws, &admin(), make("a\nb", true, fields.clone())), DomainError::InvalidName(NameError::ControlCharacters));
    let bad = map(&[("account_name", "Bad_Name"), ("container", "-x")]);
    let DomainError::InvalidFields(errors) = refuse(&mut ws, &admin(), make("Lake", true, bad)) else { panic!() };
    assert_eq!(errors.get("account_name"), Some(&FieldError::StorageAccountName));
    assert_eq!(errors.get("container"), Some(&FieldError::ContainerName));
    ok(&mut ws, &admin(), make("  Lake ", true, fields.clone()));
    assert_eq!(ws.connections().next().map(|c| c.display_name.as_str()), Some("Lake"));
    // Unique within the category regardless of case…
    assert!(matches!(refuse(&mut ws, &admin(), make("LAKE", true, fields)), DomainError::DuplicateName { category: Category::Export, .. }));
    // …but another category may reuse it.
    ok(&mut ws, &admin(), maps_connection("lake"));
    assert!(DisplayName::parse("ok").is_ok());
}

#[test]
fn audience_insights_is_not_created_as_a_connection() {
    let mut ws = Workspace::empty();
    let cmd = Command::CreateConnection(NewConnection {
        display_name: "AI".into(),
        type_id: ConnectionTypeId::AudienceInsights,
        fields: BTreeMap::new(),
        secrets: BTreeMap::new(),
        key_vault_secrets: BTreeMap::new(),
        usable_by: UsableBy::AdministratorsOnly,
        consent: true,
        sign_in_account: None,
    });
    assert_eq!(refuse(&mut ws, &admin(), cmd), DomainError::UseEngagementLink);
}

#[test]
fn sign_in_types_need_a_sign_in_and_facebook_lasts_60_days() {
    let mut ws = Workspace::empty();
    let fb = |account: Option<&str>| Command::CreateConnection(NewConnection {
        display_name: "Social".into(),
        type_id: ConnectionTypeId::FacebookAds,
        fields: map(&[("ads_account", "123")]),
        secrets: BTreeMap::new(),
        key_vault_secrets: BTreeMap::new(),
        usable_by: UsableBy::AdministratorsOnly,
        consent: true,
        sign_in_account: account.map(str::to_owned),
    });
    assert_eq!(refuse(&mut ws, &admin(), fb(None)), DomainError::SignInRequired);
    let c = created_connection(&ok(&mut ws, &admin(), fb(Some("me@contoso.com"))));
    let sign_in = ws.connection(&c).unwrap().sign_in.clone().unwrap();
    assert_eq!(sign_in.expires_at, NOW.plus_days(60));
    let mut blob_with_sign_in = blob("B", UsableBy::AdministratorsOnly);
    if let Command::CreateConnection(NewConnection { sign_in_account, .. }) = &mut blob_with_sign_in {
        *sign_in_account = Some("x".into());
    }
    assert!(matches!(refuse(&mut ws, &admin(), blob_with_sign_in), DomainError::InvalidFields(e) if e.contains_key("sign_in_account")));
}

#[test]
fn remove_is_refused_with_every_dependent_then_allowed_after_detach_and_deactivate() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let e1 = created_export(&ok(&mut ws, &admin(), export_on(&c, "One")));
    let e2 = created_export(&ok(&mut ws, &admin(), export_on(&c, "Two")));
    let m = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps")));
    let n1 = created_enrichment(&ok(&mut ws, &contributor(), Command::CreateEnrichment { name: "Addr".into(), connection: m.clone() }));

    let err = refuse(&mut ws, &admin(), Command::RemoveConnection { id: c.clone() });
    assert_eq!(
        err,
        DomainError::HasDependents { connection: c.clone(), exports: vec![(e1.clone(), "One".into()), (e2.clone(), "Two".into())], enrichments: vec![] }
    );
    let err = refuse(&mut ws, &admin(), Command::RemoveConnection { id: m.clone() });
    assert!(matches!(err, DomainError::HasDependents { ref enrichments, .. } if enrichments == &vec![(n1.clone(), "Addr".to_owned())]));

    // Detach keeps the configuration and makes the export inactive.
    ok(&mut ws, &admin(), Command::RunExport { id: e1.clone() });
    ok(&mut ws, &admin(), Command::DetachConnection { exports: vec![e1.clone()] });
    let detached = ws.export(&e1).unwrap();
    assert_eq!(detached.connection, None);
    assert_eq!(detached.name.as_str(), "One");
    assert_eq!(detached.status, RunStatus::Canceled);
    assert_eq!(refuse(&mut ws, &admin(), Command::RunExport { id: e1.clone() }), DomainError::ExportDetached(e1.clone()));
    assert_eq!(refuse(&mut ws, &admin(), Command::DetachConnection { exports: vec![e1.clone()] }), DomainError::ExportDetached(e1.clone()));
    ok(&mut ws, &admin(), Command::RemoveExports { ids: vec![e2.clone()] });
    ok(&mut ws, &admin(), Command::RemoveConnection { id: c.clone() });
    assert!(ws.connection(&c).is_none());

    ok(&mut ws, &admin(), Command::DeactivateEnrichments { ids: vec![n1.clone()] });
    assert!(ws.dependents(&m).is_empty());
    let events = ok(&mut ws, &admin(), Command::RemoveConnection { id: m.clone() });
    assert!(events.iter().any(|e| matches!(&e.kind, EventKind::EnrichmentConnectionCleared { id, .. } if *id == n1)));
    assert_eq!(ws.enrichment(&n1).unwrap().connection, None);
    assert_eq!(refuse(&mut ws, &admin(), Command::ActivateEnrichments { ids: vec![n1.clone()] }), DomainError::EnrichmentWithoutConnection(n1.clone()));

    // Attaching another connection reactivates.
    let c2 = created_connection(&ok(&mut ws, &admin(), blob("Lake 2", UsableBy::AdministratorsOnly)));
    ok(&mut ws, &admin(), Command::AttachConnectionToExport { export: e1.clone(), connection: c2.clone() });
    assert!(ws.export(&e1).unwrap().is_active());
    let m2 = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps 2")));
    ok(&mut ws, &admin(), Command::AttachConnectionToEnrichment { enrichment: n1.clone(), connection: m2 });
    assert!(ws.enrichment(&n1).unwrap().active);
}

#[test]
fn empty_and_repeated_selections_and_unknown_ids_are_refused() {
    let mut ws = Workspace::sample(NOW);
    assert_eq!(refuse(&mut ws, &admin(), Command::DetachConnection { exports: vec![] }), DomainError::EmptySelection);
    assert_eq!(refuse(&mut ws, &admin(), Command::RemoveExports { ids: vec![] }), DomainError::EmptySelection);
    assert_eq!(refuse(&mut ws, &admin(), Command::DeactivateEnrichments { ids: vec![] }), DomainError::EmptySelection);
    assert_eq!(refuse(&mut ws, &admin(), Command::ActivateEnrichments { ids: vec![] }), DomainError::EmptySelection);
    assert_eq!(refuse(&mut ws, &admin(), Command::DeleteEnrichments { ids: vec![] }), DomainError::EmptySelection);
    let e = ExportId::new("e-1");
    assert!(matches!(refuse(&mut ws, &admin(), Command::RemoveExports { ids: vec![e.clone(), e] }), DomainError::DuplicateSelection(_)));
    let unknown = ExportId::new("e-999");
    assert_eq!(refuse(&mut ws, &admin(), Command::RemoveExports { ids: vec![ExportId::new("e-1"), unknown.clone()] }), DomainError::NotFound(ObjectRef::Export(unknown)));
    assert!(ws.export(&ExportId::new("e-1")).is_some(), "atomic: the first one was not removed");
    assert!(matches!(refuse(&mut ws, &admin(), Command::RemoveConnection { id: ConnectionId::new("c-404") }), DomainError::NotFound(_)));
}

#[test]
fn contributors_use_only_shared_export_connections_and_manage_their_exports() {
    let mut ws = Workspace::empty();
    let private = created_connection(&ok(&mut ws, &admin(), blob("Private", UsableBy::AdministratorsOnly)));
    let shared = created_connection(&ok(&mut ws, &admin(), blob("Shared", UsableBy::AdministratorsAndContributors)));
    assert_eq!(refuse(&mut ws, &contributor(), export_on(&private, "x")), DomainError::ConnectionNotShared(private.clone()));
    let admin_export = created_export(&ok(&mut ws, &admin(), export_on(&private, "Admin's")));
    assert!(matches!(refuse(&mut ws, &contributor(), Command::RunExport { id: admin_export.clone() }), DomainError::NotAllowed { action: Action::ManageExports, .. }));
    let mine = created_export(&ok(&mut ws, &contributor(), export_on(&shared, "Mine")));
    // Another admin's export on a shared connection is manageable by contributors.
    let theirs = created_export(&ok(&mut ws, &admin(), export_on(&shared, "Theirs")));
    ok(&mut ws, &UserId::new(CONTRIBUTOR_2), Command::RunExport { id: theirs.clone() });
    ok(&mut ws, &contributor(), Command::AdvanceExportRun { id: theirs.clone(), outcome: RunOutcome::Processing });
    ok(&mut ws, &contributor(), Command::AdvanceExportRun { id: theirs.clone(), outcome: RunOutcome::Successful });
    assert_eq!(ws.export(&theirs).unwrap().last_refreshed, Some(NOW));
    assert!(matches!(refuse(&mut ws, &contributor(), Command::AdvanceExportRun { id: theirs.clone(), outcome: RunOutcome::Failed }), DomainError::NotRunning(_)));
    ok(&mut ws, &contributor(), Command::EditExport(ExportEdit { id: mine.clone(), name: "Mine 2".into(), kind: ExportKind::DataOut, schedule: Schedule::Recurring { every_hours: 3 } }));
    assert_eq!(
        refuse(&mut ws, &contributor(), Command::EditExport(ExportEdit { id: mine.clone(), name: "x".into(), kind: ExportKind::DataOut, schedule: Schedule::Recurring { every_hours: 0 } })),
        DomainError::InvalidSchedule
    );
    // Detach and re-attach (the undo) work for the contributor's own export.
    ok(&mut ws, &contributor(), Command::DetachConnection { exports: vec![mine.clone()] });
    assert_eq!(refuse(&mut ws, &contributor(), Command::AttachConnectionToExport { export: mine.clone(), connection: private.clone() }), DomainError::ConnectionNotShared(private.clone()));
    ok(&mut ws, &contributor(), Command::AttachConnectionToExport { export: mine.clone(), connection: shared.clone() });

    // Unsharing keeps the exports, but contributors no longer manage them.
    ok(&mut ws, &admin(), Command::SetConnectionSharing { id: shared.clone(), usable_by: UsableBy::AdministratorsOnly });
    assert!(ws.export(&mine).is_some());
    assert!(matches!(refuse(&mut ws, &contributor(), Command::RemoveExports { ids: vec![mine.clone()] }), DomainError::NotAllowed { .. }));
    let rows = ws.export_rows(&contributor());
    assert!(rows.iter().all(|r| !r.can_edit));
    assert!(ws.export_rows(&admin()).iter().all(|r| r.can_edit));
    assert!(ws.usable_connections(&contributor(), Category::Export).is_empty());
    assert_eq!(ws.usable_connections(&admin(), Category::Export).len(), 2);
}

#[test]
fn categories_and_providers_must_match() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let m = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps")));
    assert!(matches!(refuse(&mut ws, &admin(), export_on(&m, "x")), DomainError::WrongCategory { expected: Category::Export, .. }));
    assert!(matches!(
        refuse(&mut ws, &admin(), Command::CreateEnrichment { name: "x".into(), connection: c.clone() }),
        DomainError::WrongCategory { expected: Category::Enrichment, .. }
    ));
    let n = created_enrichment(&ok(&mut ws, &admin(), Command::CreateEnrichment { name: "Geo".into(), connection: m.clone() }));
    let leadspace = created_connection(&ok(&mut ws, &admin(), leadspace_connection("Firmo")));
    assert_eq!(
        refuse(&mut ws, &admin(), Command::AttachConnectionToEnrichment { enrichment: n.clone(), connection: leadspace.clone() }),
        DomainError::WrongProvider { expected: ConnectionTypeId::AzureMaps, found: ConnectionTypeId::Leadspace }
    );
    // Enrichment connections are always usable by both roles and have no sharing switch.
    assert_eq!(ws.connection(&leadspace).unwrap().usable_by, UsableBy::AdministratorsAndContributors);
    assert_eq!(refuse(&mut ws, &admin(), Command::SetConnectionSharing { id: m.clone(), usable_by: UsableBy::AdministratorsOnly }), DomainError::SharingNotApplicable(m.clone()));
    assert_eq!(ws.usable_connections(&contributor(), Category::Enrichment).len(), 2);
    // Contributors run, deactivate and activate enrichments.
    ok(&mut ws, &contributor(), Command::RunEnrichment { id: n.clone() });
    assert!(matches!(refuse(&mut ws, &contributor(), Command::RunEnrichment { id: n.clone() }), DomainError::AlreadyRunning(_)));
    ok(&mut ws, &contributor(), Command::AdvanceEnrichmentRun { id: n.clone(), outcome: RunOutcome::Successful, enriched_customers: 42 });
    assert_eq!(ws.enrichment(&n).unwrap().enriched_customers, 42);
    ok(&mut ws, &contributor(), Command::DeactivateEnrichments { ids: vec![n.clone()] });
    assert_eq!(refuse(&mut ws, &contributor(), Command::RunEnrichment { id: n.clone() }), DomainError::EnrichmentInactive(n.clone()));
    assert_eq!(ws.enrichment(&n).unwrap().enriched_customers, 42, "inactive keeps its data");
    ok(&mut ws, &contributor(), Command::ActivateEnrichments { ids: vec![n.clone()] });
    ok(&mut ws, &contributor(), Command::EditEnrichment { id: n.clone(), name: "Geo 2".into() });
}

#[test]
fn key_vault_rules() {
    let mut ws = Workspace::empty();
    assert_eq!(refuse(&mut ws, &admin(), sftp_with_vault("S")), DomainError::NoKeyVault);
    assert_eq!(
        refuse(&mut ws, &admin(), Command::LinkKeyVault { subscription: "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c".into(), vault_name: "v".into(), consent: false }),
        DomainError::ConsentRequired
    );
    assert!(matches!(
        refuse(&mut ws, &admin(), Command::LinkKeyVault { subscription: "nope".into(), vault_name: "bad name".into(), consent: true }),
        DomainError::InvalidFields(e) if e.len() == 2
    ));
    assert!(matches!(
        refuse(&mut ws, &contributor(), Command::LinkKeyVault { subscription: "x".into(), vault_name: "v".into(), consent: true }),
        DomainError::NotAllowed { action: Action::ManageKeyVault, .. }
    ));
    let mut ws = vault_ws();
    assert_eq!(
        refuse(&mut ws, &admin(), Command::LinkKeyVault { subscription: "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c".into(), vault_name: "v2".into(), consent: true }),
        DomainError::KeyVaultAlreadyLinked
    );
    assert_eq!(refuse(&mut ws, &admin(), Command::AddSecret { name: "sftp-pass".into(), value: SecretInput::new("x") }), DomainError::SecretExists(SecretName::new("sftp-pass")));
    // Types without vault support refuse vault secrets.
    let mut blob_vault = blob("B", UsableBy::AdministratorsOnly);
    if let Command::CreateConnection(NewConnection { secrets, key_vault_secrets, .. }) = &mut blob_vault {
        secrets.clear();
        key_vault_secrets.insert("account_key".into(), SecretName::new("sftp-pass"));
    }
    assert_eq!(refuse(&mut ws, &admin(), blob_vault), DomainError::KeyVaultNotSupported(ConnectionTypeId::AzureBlobStorage));
    let mut missing = sftp_with_vault("S");
    if let Command::CreateConnection(NewConnection { key_vault_secrets, .. }) = &mut missing {
        key_vault_secrets.insert("password".into(), SecretName::new("nope"));
    }
    assert_eq!(refuse(&mut ws, &admin(), missing), DomainError::SecretNotFound(SecretName::new("nope")));
    let c = created_connection(&ok(&mut ws, &admin(), sftp_with_vault("S")));

    // Can't go back to a typed secret.
    let edit = |secrets: BTreeMap<String, SecretInput>| Command::EditConnection(ConnectionEdit {
        id: c.clone(),
        display_name: "S".into(),
        fields: map(&[("username", "u"), ("hostname", "sftp.contoso.com"), ("folder", "out")]),
        secrets,
        key_vault_secrets: BTreeMap::new(),
        usable_by: UsableBy::AdministratorsOnly,
        sign_in_account: None,
    });
    assert_eq!(refuse(&mut ws, &admin(), edit(common::secrets(&[("password", "typed")]))), DomainError::CannotLeaveKeyVault { field: "password".into() });
    // A missing secret keeps the saved one.
    ok(&mut ws, &admin(), edit(BTreeMap::new()));
    assert!(matches!(ws.connection(&c).unwrap().credentials.get("password"), Some(Credential::KeyVault(_))));

    let secret = SecretName::new("sftp-pass");
    assert_eq!(
        refuse(&mut ws, &admin(), Command::DeleteSecret { name: secret.clone() }),
        DomainError::SecretInUse { secret: secret.clone(), connections: vec![(c.clone(), "S".into())] }
    );
    assert_eq!(refuse(&mut ws, &admin(), Command::UnlinkKeyVault), DomainError::KeyVaultInUse { connections: vec![(c.clone(), "S".into())] });

    // Unreachable secrets flag the connection.
    assert!(!ws.connection_rows(&admin(), Category::Export, NOW)[0].flagged_unreachable);
    ok(&mut ws, &admin(), Command::SetSecretReachable { name: secret.clone(), reachable: false });
    assert!(ws.connection_rows(&admin(), Category::Export, NOW)[0].flagged_unreachable);
    ok(&mut ws, &admin(), Command::SetSecretReachable { name: secret.clone(), reachable: true });
    ok(&mut ws, &admin(), Command::SetVaultReachable { reachable: false });
    assert!(ws.connection_rows(&admin(), Category::Export, NOW)[0].flagged_unreachable);
    ok(&mut ws, &admin(), Command::RotateSecret { name: secret.clone(), value: SecretInput::new("new") });
    assert_eq!(ws.vault_view(&admin()).unwrap().secrets[0].latest_version, 2);
    assert!(ws.vault_view(&contributor()).is_none());

    ok(&mut ws, &admin(), Command::RemoveConnection { id: c });
    ok(&mut ws, &admin(), Command::DeleteSecret { name: secret });
    ok(&mut ws, &admin(), Command::UnlinkKeyVault);
    assert!(ws.key_vault().is_none());
}

#[test]
fn typed_to_vault_is_allowed_on_edit() {
    let mut ws = vault_ws();
    let mut typed = sftp_with_vault("S");
    if let Command::CreateConnection(NewConnection { secrets, key_vault_secrets, .. }) = &mut typed {
        key_vault_secrets.clear();
        secrets.insert("password".into(), SecretInput::new("pw"));
    }
    let c = created_connection(&ok(&mut ws, &admin(), typed));
    ok(
        &mut ws,
        &admin(),
        Command::EditConnection(ConnectionEdit {
            id: c.clone(),
            display_name: "S".into(),
            fields: map(&[("username", "u"), ("hostname", "h.com"), ("folder", "out")]),
            secrets: BTreeMap::new(),
            key_vault_secrets: BTreeMap::from([("password".to_owned(), SecretName::new("sftp-pass"))]),
            usable_by: UsableBy::AdministratorsAndContributors,
            sign_in_account: None,
        }),
    );
    assert!(ws.connection(&c).unwrap().uses_vault());
    assert_eq!(ws.connection(&c).unwrap().usable_by, UsableBy::AdministratorsAndContributors);
}

#[test]
fn engagement_link_access() {
    let mut ws = Workspace::empty();
    let create = |storage: &str, env: &str, folder: &str| Command::CreateEngagementLink(NewEngagementLink {
        storage_account: storage.into(),
        shared_key: SecretInput::new(PLANTED),
        environment_id: env.into(),
        instance_folder: folder.into(),
        members: BTreeSet::new(),
    });
    let DomainError::InvalidFields(errors) = refuse(&mut ws, &admin(), create("Bad!", "x", "y")) else { panic!() };
    assert_eq!(errors.get("storage_account"), Some(&FieldError::StorageAccountName));
    assert_eq!(errors.get("environment_id"), Some(&FieldError::Guid));
    assert_eq!(errors.get("instance_folder"), Some(&FieldError::InstanceFolder));
    let good = create("contosoinsights", "0f8fad5b-d9cb-469f-a165-70867728950e", "customerInsights/ci_contoso");
    assert!(matches!(refuse(&mut ws, &contributor(), good.clone()), DomainError::NotAllowed { action: Action::ManageEngagementInsights, .. }));
    let events = ok(&mut ws, &admin(), good);
    let EventKind::EngagementLinkCreated { id, .. } = &events[0].kind else { panic!() };
    let id = id.clone();
    assert_eq!(ws.profile_report(&contributor(), &id), Err(ReportUnavailable::NotMember { ask: "Alex Morgan".into() }));
    assert_eq!(ws.profile_report(&admin(), &id), Err(ReportUnavailable::NotAvailableYet));
    ok(&mut ws, &admin(), Command::MarkEngagementLinkAvailable { id: id.clone() });
    assert_eq!(refuse(&mut ws, &admin(), Command::MarkEngagementLinkAvailable { id: id.clone() }), DomainError::AlreadyAvailable(id.clone()));
    let report = ws.profile_report(&admin(), &id).unwrap();
    assert_eq!(report.gender.iter().map(|(_, n)| n).sum::<u64>(), report.profiles);
    assert_eq!(report.age_bands.iter().map(|(_, n)| n).sum::<u64>(), report.profiles);
    assert_eq!(report, ws.profile_report(&admin(), &id).unwrap(), "deterministic");
    ok(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: BTreeSet::from([admin(), contributor()]) });
    assert!(ws.profile_report(&contributor(), &id).is_ok());
    assert_eq!(refuse(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: BTreeSet::new() }), DomainError::LastMember(id.clone()));
    assert_eq!(
        refuse(&mut ws, &admin(), Command::SetEngagementMembers { id: id.clone(), members: BTreeSet::from([UserId::new("ghost")]) }),
        DomainError::UnknownUser(UserId::new("ghost"))
    );
    // Moving the data sets the link back to pending.
    ok(
        &mut ws,
        &admin(),
        Command::EditEngagementLink(EngagementLinkEdit {
            id: id.clone(),
            storage_account: "otherinsights".into(),
            shared_key: None,
            environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            instance_folder: "customerInsights/ci_contoso".into(),
        }),
    );
    assert_eq!(ws.engagement_link(&id).unwrap().status, LinkStatus::Pending);
    ok(&mut ws, &admin(), Command::RemoveEngagementLink { id: id.clone() });
    assert_eq!(ws.profile_report(&admin(), &id), Err(ReportUnavailable::NotFound));
}

#[test]
fn restore_commands_undo_removals_and_refuse_taken_ids_or_missing_connections() {
    let mut ws = Workspace::sample(NOW);
    let export = ws.exports().find(|e| e.connection.is_some()).unwrap().clone();
    ok(&mut ws, &admin(), Command::RemoveExports { ids: vec![export.id.clone()] });
    assert!(matches!(refuse(&mut ws, &contributor(), Command::RestoreExports { exports: vec![export.clone()] }), DomainError::NotAllowed { action: Action::Restore, .. }));
    ok(&mut ws, &admin(), Command::RestoreExports { exports: vec![export.clone()] });
    assert_eq!(ws.export(&export.id), Some(&export));
    assert_eq!(refuse(&mut ws, &admin(), Command::RestoreExports { exports: vec![export.clone()] }), DomainError::IdTaken(ObjectRef::Export(export.id.clone())));

    let enrichment = ws.enrichments().find(|n| n.active).unwrap().clone();
    ok(&mut ws, &admin(), Command::DeleteEnrichments { ids: vec![enrichment.id.clone()] });
    ok(&mut ws, &admin(), Command::RestoreEnrichments { enrichments: vec![enrichment.clone()] });
    assert_eq!(ws.enrichment(&enrichment.id), Some(&enrichment));

    // A connection with no dependents: remove, restore, then exports that pointed at a gone connection are refused.
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let e = created_export(&ok(&mut ws, &admin(), export_on(&c, "One")));
    let saved_export = ws.export(&e).unwrap().clone();
    ok(&mut ws, &admin(), Command::RemoveExports { ids: vec![e.clone()] });
    let saved = ws.connection(&c).unwrap().clone();
    ok(&mut ws, &admin(), Command::RemoveConnection { id: c.clone() });
    assert_eq!(refuse(&mut ws, &admin(), Command::RestoreExports { exports: vec![saved_export.clone()] }), DomainError::ConnectionGone(c.clone()));
    ok(&mut ws, &admin(), Command::RestoreConnection { connection: saved.clone() });
    assert_eq!(refuse(&mut ws, &admin(), Command::RestoreConnection { connection: saved.clone() }), DomainError::IdTaken(ObjectRef::Connection(c.clone())));
    ok(&mut ws, &admin(), Command::RestoreExports { exports: vec![saved_export] });
    // New ids never reuse restored ones.
    let c2 = created_connection(&ok(&mut ws, &admin(), blob("Lake 2", UsableBy::AdministratorsOnly)));
    assert_ne!(c2, c);
}

/// The list's default order is the rows' by name regardless of case, read a page at a time in
/// either direction, and its length is the category's number of connections, after changes too.
#[test]
fn connections_by_name_is_the_lists_name_order() {
    let mut ws = connections_domain::Workspace::generated(connections_domain::generate::DemoSize::Small, NOW);
    let check = |ws: &connections_domain::Workspace| {
        for category in [Category::Export, Category::Enrichment, Category::EngagementInsights] {
            let mut rows = ws.connection_list(&admin(), category, NOW);
            rows.sort_by_key(|r| r.display_name.to_lowercase());
            let ids: Vec<_> = rows.iter().map(|r| r.id.clone()).collect();
            assert_eq!(ws.connection_count(category), ids.len(), "{category:?}");
            let whole = ws.connections_by_name(category, false, 0..usize::MAX);
            assert_eq!(ws.connection_list_of(&admin(), &whole, NOW), rows, "a page of the list reads the same rows");
            assert_eq!(whole, ids);
            let reversed: Vec<_> = ids.iter().rev().cloned().collect();
            for start in [0, 1, 7, ids.len().saturating_sub(3), ids.len(), ids.len() + 5] {
                let end = start + 25;
                let expect = |all: &[ConnectionId]| all[start.min(all.len())..end.min(all.len())].to_vec();
                assert_eq!(ws.connections_by_name(category, false, start..end), expect(&ids), "{category:?} from {start}");
                assert_eq!(ws.connections_by_name(category, true, start..end), expect(&reversed), "{category:?} from {start}, descending");
            }
        }
    };
    check(&ws);
    // A rename, a removal and a new connection keep the order and the count in step.
    let first = ws.connections_by_name(Category::Export, false, 0..1)[0].clone();
    let last = ws.connections_by_name(Category::Export, true, 0..1)[0].clone();
    let row = ws.connection_row(&admin(), &first, NOW).expect("the first connection");
    let details = row.details.clone().expect("an administrator sees the details");
    let edit = ConnectionEdit {
        id: first,
        display_name: "zzz last now".into(),
        fields: details.fields.clone(),
        secrets: Default::default(),
        key_vault_secrets: details.secrets.iter().filter_map(|(k, s)| match s { SecretState::FromVault(n) => Some((k.clone(), n.clone())), SecretState::Saved => None }).collect(),
        usable_by: if row.access == Access::AdministratorsOnly { UsableBy::AdministratorsOnly } else { UsableBy::AdministratorsAndContributors },
        sign_in_account: details.sign_in.map(|s| s.account),
    };
    ok(&mut ws, &admin(), Command::EditConnection(edit));
    check(&ws);
    for e in ws.dependent_export_ids(&last) {
        ok(&mut ws, &admin(), Command::RemoveExports { ids: vec![e] });
    }
    ok(&mut ws, &admin(), Command::RemoveConnection { id: last });
    ok(&mut ws, &admin(), blob("AAA first now", UsableBy::AdministratorsOnly));
    check(&ws);
}

/// The Remove dialog's ids and page names agree with a plain reading of every export and
/// enrichment (and `dependents`, built from them, with both).
#[test]
fn dependent_ids_and_names_agree_with_the_dependents() {
    let ws = connections_domain::Workspace::generated(connections_domain::generate::DemoSize::Small, NOW);
    for c in ws.connections() {
        let exports: Vec<_> = ws.exports().filter(|e| e.connection.as_ref() == Some(&c.id)).map(|e| (e.id.clone(), e.name.clone())).collect();
        let enrichments: Vec<_> =
            ws.enrichments().filter(|n| n.active && n.connection.as_ref() == Some(&c.id)).map(|n| (n.id.clone(), n.name.clone())).collect();
        let export_ids = ws.dependent_export_ids(&c.id);
        let enrichment_ids = ws.dependent_enrichment_ids(&c.id);
        assert_eq!(export_ids, exports.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
        assert_eq!(enrichment_ids, enrichments.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
        assert_eq!(ws.export_names(&export_ids), exports);
        assert_eq!(ws.enrichment_names(&enrichment_ids), enrichments);
        let named = ws.dependents(&c.id);
        assert_eq!((named.exports, named.enrichments), (exports, enrichments));
    }
}

/// The list's rows are the full rows without details, and one row reads the same alone.
#[test]
fn the_connection_list_is_the_rows_without_details() {
    let ws = Workspace::sample(NOW);
    for category in [Category::Export, Category::Enrichment] {
        let rows = ws.connection_rows(&admin(), category, NOW);
        let listed = ws.connection_list(&admin(), category, NOW);
        assert_eq!(listed.len(), rows.len());
        for (row, listed) in rows.iter().zip(&listed) {
            assert!(listed.details.is_none());
            assert_eq!(&ConnectionRow { details: None, ..row.clone() }, listed);
            assert_eq!(ws.connection_row(&admin(), &row.id, NOW).as_ref(), Some(row));
        }
    }
    assert_eq!(ws.connection_row(&contributor(), &ws.connection_rows(&admin(), Category::Export, NOW)[0].id, NOW).and_then(|r| r.details), None);
}

#[test]
fn projections_hide_details_from_non_admins() {
    let ws = Workspace::sample(NOW);
    let admin_rows = ws.connection_rows(&admin(), Category::Export, NOW);
    assert!(admin_rows.iter().all(|r| r.details.is_some()));
    assert!(admin_rows.iter().any(|r| r.flagged_unreachable), "the sample's unreachable secret flags a connection");
    let contributor_rows = ws.connection_rows(&contributor(), Category::Export, NOW);
    assert_eq!(contributor_rows.len(), admin_rows.len());
    assert!(contributor_rows.iter().all(|r| r.details.is_none()));
    assert!(ws.connection_rows(&viewer(), Category::Enrichment, NOW).iter().all(|r| r.details.is_none() && r.access == Access::Everyone));
    let shared = ws.usable_connections(&contributor(), Category::Export);
    assert!(!shared.is_empty() && shared.len() < ws.usable_connections(&admin(), Category::Export).len());
    assert!(ws.usable_connections(&viewer(), Category::Export).is_empty());
    assert!(ws.export_rows(&viewer()).iter().all(|r| !r.can_edit));
    assert!(ws.export_rows(&admin()).iter().any(|r| r.connection.is_none() && !r.active));
    assert!(ws.enrichment_rows(&viewer()).iter().all(|r| !r.can_edit));
    assert!(ws.can(&admin(), Capability::ManageConnections));
    assert!(!ws.can(&contributor(), Capability::ManageConnections));
    assert!(ws.can(&contributor(), Capability::CreateExports));
    assert!(!ws.can(&viewer(), Capability::ManageEnrichments));
    let activity = ws.activity(&viewer());
    assert_eq!(activity.len(), ws.events().len());
    assert!(activity[0].seq > activity[1].seq, "newest first");
    assert_eq!(ws.events()[0].action_key(), "key_vault.linked");
    assert_eq!(ws.engagement_link_rows(&admin()).len(), 1);
    assert!(ws.engagement_link_rows(&contributor()).is_empty());
}

#[test]
fn only_administrators_replace_the_whole_workspace() {
    let ws = Workspace::sample(NOW);
    assert_eq!(ws.authorize_replace(&admin()), Ok(()));
    assert_eq!(ws.authorize_replace(&UserId::new(ADMIN_2)), Ok(()));
    for (user, role) in [(contributor(), Role::Contributor), (UserId::new(CONTRIBUTOR_2), Role::Contributor), (viewer(), Role::Viewer)] {
        assert_eq!(ws.authorize_replace(&user), Err(DomainError::NotAllowed { action: Action::ManageWorkspace, role }));
    }
    assert_eq!(ws.authorize_replace(&UserId::new("nobody")), Err(DomainError::UnknownActor(UserId::new("nobody"))));

    // First run: nobody to ask, so anyone (even an id not in the store) may start.
    let none = Workspace::with_users([]);
    assert_eq!(none.authorize_replace(&viewer()), Ok(()));
    assert_eq!(none.authorize_replace(&UserId::new("nobody")), Ok(()));

    assert!(ws.can(&admin(), Capability::ManageWorkspace));
    assert!(!ws.can(&contributor(), Capability::ManageWorkspace));
    assert!(!ws.can(&viewer(), Capability::ManageWorkspace));
    assert!(!ws.can(&UserId::new("nobody"), Capability::ManageWorkspace));
    assert_eq!(Action::ManageWorkspace.phrase(), "replace the whole workspace");
}
