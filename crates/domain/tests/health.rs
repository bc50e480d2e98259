//! Connection health: each state of the derivation, the history (20 kept, oldest dropped), the
//! lenient read of damaged history, and the map of what uses a connection.

mod common;

use common::*;
use connections_domain::sample::*;
use connections_domain::*;

fn later(minutes: i64) -> Timestamp {
    Timestamp(NOW.0 + minutes * 60_000)
}

fn state(ws: &Workspace, c: &ConnectionId, now: Timestamp) -> Health {
    ws.health_of(c, now).expect("connection exists").state
}

fn run(ws: &mut Workspace, e: &ExportId, outcome: RunOutcome, at: Timestamp) {
    ws.apply(&admin(), Command::RunExport { id: e.clone() }, at).unwrap();
    ws.apply(&admin(), Command::AdvanceExportRun { id: e.clone(), outcome }, at).unwrap();
}

#[test]
fn a_new_connection_is_not_tested_and_a_passing_test_makes_it_healthy() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    assert_eq!(ws.health_of(&c, NOW).unwrap(), HealthSummary { state: Health::NotTested, reasons: vec![HealthReason::NothingRecorded] });

    let events = ws.apply(&admin(), Command::TestConnection { id: c.clone() }, later(1)).unwrap();
    assert!(matches!(&events[0].kind, EventKind::ConnectionTested { problems: 0, .. }));
    assert_eq!(state(&ws, &c, later(2)), Health::Healthy);
    let view = ws.connection_health(&viewer(), &c, later(2)).expect("every role sees health");
    assert_eq!(view.history.len(), 1);
    assert_eq!(view.history[0].at, later(1));
    assert_eq!(view.history[0].by_name, "Alex Morgan");
    assert_eq!(view.history[0].result, HealthResult::Test { problems: 0 });
    assert!(!view.can_test, "viewers may not test");
    assert!(ws.connection_health(&admin(), &c, NOW).unwrap().can_test);
}

#[test]
fn an_unreachable_vault_secret_fails_now_and_a_cleared_problem_needs_a_new_test() {
    let mut ws = vault_ws();
    let c = created_connection(&ok(&mut ws, &admin(), sftp_with_vault("Drop")));
    ok(&mut ws, &admin(), Command::SetSecretReachable { name: SecretName::new("sftp-pass"), reachable: false });
    let summary = ws.health_of(&c, NOW).unwrap();
    assert_eq!(summary.state, Health::Failing);
    assert_eq!(summary.reasons, vec![HealthReason::ProblemsNow { problems: 1 }]);

    ws.apply(&admin(), Command::TestConnection { id: c.clone() }, later(1)).unwrap();
    ok(&mut ws, &admin(), Command::SetSecretReachable { name: SecretName::new("sftp-pass"), reachable: true });
    let summary = ws.health_of(&c, later(2)).unwrap();
    assert_eq!(summary.state, Health::NeedsAttention, "the last test failed: test again");
    assert_eq!(summary.reasons, vec![HealthReason::LastTestFailed { at: later(1), problems: 1 }]);

    ws.apply(&admin(), Command::TestConnection { id: c.clone() }, later(3)).unwrap();
    assert_eq!(state(&ws, &c, later(4)), Health::Healthy);

    ok(&mut ws, &admin(), Command::SetVaultReachable { reachable: false });
    assert_eq!(state(&ws, &c, later(5)), Health::Failing, "an unreachable vault fails every vault connection");
}

#[test]
fn latest_runs_decide_between_failing_needs_attention_and_healthy() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let first = created_export(&ok(&mut ws, &admin(), export_on(&c, "First")));
    let second = created_export(&ok(&mut ws, &admin(), export_on(&c, "Second")));
    assert_eq!(state(&ws, &c, NOW), Health::NotTested, "created exports that never ran say nothing");

    run(&mut ws, &first, RunOutcome::Failed, later(1));
    let summary = ws.health_of(&c, later(1)).unwrap();
    assert_eq!((summary.state, summary.reasons), (Health::Failing, vec![HealthReason::AllRunsFailing { failing: 1 }]));

    run(&mut ws, &second, RunOutcome::Successful, later(2));
    let summary = ws.health_of(&c, later(2)).unwrap();
    assert_eq!((summary.state, summary.reasons), (Health::NeedsAttention, vec![HealthReason::SomeRunsFailing { failing: 1, ran: 2 }]));

    run(&mut ws, &first, RunOutcome::Successful, later(3));
    let summary = ws.health_of(&c, later(3)).unwrap();
    assert_eq!((summary.state, summary.reasons), (Health::Healthy, vec![HealthReason::RunsSucceeding { ran: 2 }]));

    // Every finished run is in the history, newest last; the step to Processing is not.
    ws.apply(&admin(), Command::RunExport { id: second.clone() }, later(4)).unwrap();
    ws.apply(&admin(), Command::AdvanceExportRun { id: second.clone(), outcome: RunOutcome::Processing }, later(4)).unwrap();
    let history = ws.connection(&c).unwrap().health.entries();
    assert_eq!(history.len(), 3);
    assert!(matches!(&history[0].result, HealthResult::ExportRun { export, outcome: RunOutcome::Failed, .. } if *export == first));
}

#[test]
fn a_sign_in_that_runs_out_soon_needs_attention_and_an_expired_one_fails() {
    let ws = Workspace::sample(NOW);
    let social = ws.connections().find(|c| c.display_name.as_str() == "Social reach").unwrap();
    let expires = social.sign_in.as_ref().unwrap().expires_at;
    let id = social.id.clone();
    assert_eq!(state(&ws, &id, Timestamp(expires.0 - 8 * Timestamp::DAY_MS)), Health::NeedsAttention, "one of its exports failed");
    let reasons = ws.health_of(&id, Timestamp(expires.0 - Timestamp::DAY_MS)).unwrap().reasons;
    assert!(reasons.contains(&HealthReason::SignInExpiresSoon { at: expires }), "{reasons:?}");
    let after = ws.health_of(&id, Timestamp(expires.0 + 1)).unwrap();
    assert_eq!((after.state, after.reasons[0].clone()), (Health::Failing, HealthReason::ProblemsNow { problems: 1 }));
}

#[test]
fn the_history_keeps_the_newest_twenty_and_drops_the_oldest() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    for minute in 0..25 {
        ws.apply(&admin(), Command::TestConnection { id: c.clone() }, later(minute)).unwrap();
    }
    let history = ws.connection(&c).unwrap().health.entries();
    assert_eq!(history.len(), HISTORY_LIMIT);
    assert_eq!(history.first().unwrap().at, later(5), "the five oldest were dropped");
    assert_eq!(history.last().unwrap().at, later(24));
    let view = ws.connection_health(&admin(), &c, later(30)).unwrap();
    assert_eq!(view.history.first().unwrap().at, later(24), "the details list the newest first");
}

#[test]
fn only_administrators_test_and_a_failed_run_on_a_failing_connection_says_so() {
    let mut ws = vault_ws();
    let c = created_connection(&ok(&mut ws, &admin(), sftp_with_vault("Drop")));
    assert!(matches!(refuse(&mut ws, &contributor(), Command::TestConnection { id: c.clone() }), DomainError::NotAllowed { .. }));
    assert!(matches!(refuse(&mut ws, &viewer(), Command::TestConnection { id: c.clone() }), DomainError::NotAllowed { .. }));
    assert!(matches!(refuse(&mut ws, &admin(), Command::TestConnection { id: ConnectionId::new("c-999") }), DomainError::NotFound(_)));
    assert!(ws.can(&admin(), Capability::TestConnections));
    assert!(!ws.can(&contributor(), Capability::TestConnections));

    let e = created_export(&ok(&mut ws, &admin(), export_on(&c, "Daily")));
    run(&mut ws, &e, RunOutcome::Failed, NOW);
    assert!(!ws.export_rows(&admin())[0].failed_on_connection, "the connection was fine: the run failed on its own");
    ok(&mut ws, &admin(), Command::SetSecretReachable { name: SecretName::new("sftp-pass"), reachable: false });
    run(&mut ws, &e, RunOutcome::Failed, NOW);
    assert!(ws.export_rows(&contributor())[0].failed_on_connection);
    run(&mut ws, &e, RunOutcome::Successful, NOW);
    assert!(!ws.export_rows(&admin())[0].failed_on_connection, "a later success clears it");
}

#[test]
fn history_is_stored_with_the_connection_and_damaged_entries_are_dropped_on_load() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let e = created_export(&ok(&mut ws, &admin(), export_on(&c, "Daily")));
    ok(&mut ws, &admin(), Command::TestConnection { id: c.clone() });
    ok(&mut ws, &admin(), Command::RunExport { id: e.clone() });
    let events = ok(&mut ws, &admin(), Command::AdvanceExportRun { id: e.clone(), outcome: RunOutcome::Successful });
    let key = format!("connection/{c}");
    assert!(
        ws.changes_since(&events).iter().any(|ch| matches!(ch, RecordChange::Put(r) if r.key == key)),
        "a finished run rewrites its connection's record"
    );

    let mut records: Vec<(String, String)> = ws.records().into_iter().map(|r| (r.key, r.json)).collect();
    assert_eq!(Workspace::from_records(records.clone()).unwrap(), ws);
    let json = &mut records.iter_mut().find(|(k, _)| *k == key).unwrap().1;
    assert!(json.contains("\"health\":[{"), "{json}");
    // Damage the first entry (the test): the run stays, the connection loads cleanly.
    *json = json.replacen("\"health\":[{\"at\":", "\"health\":[{\"at\":\"soon\",\"was\":", 1);
    let loaded = Workspace::load(records.clone()).unwrap();
    assert!(loaded.report.is_clean(), "{:?}", loaded.report);
    let history = loaded.workspace.connection(&c).unwrap().health.entries();
    assert_eq!(history.len(), 1);
    assert!(matches!(history[0].result, HealthResult::ExportRun { .. }));
    // A history that is not a list at all reads as none.
    let json = &mut records.iter_mut().find(|(k, _)| *k == key).unwrap().1;
    let start = json.find("\"health\":").unwrap();
    json.replace_range(start.., "\"health\":7}}");
    let loaded = Workspace::load(records).unwrap();
    assert!(loaded.workspace.connection(&c).unwrap().health.is_empty());
}

#[test]
fn the_map_groups_by_kind_and_status_and_counts_what_it_does_not_draw() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsOnly)));
    let mut ids = Vec::new();
    for i in 0..30 {
        ids.push(created_export(&ok(&mut ws, &admin(), export_on(&c, &format!("Export {i:02}")))));
    }
    run(&mut ws, &ids[3], RunOutcome::Failed, NOW);
    run(&mut ws, &ids[4], RunOutcome::Successful, NOW);

    let map = ws.usage_map(&admin(), &c, NOW, 10).unwrap();
    assert_eq!(map.total(), 30);
    let groups: Vec<_> = map.groups.iter().map(|g| (g.kind, g.status, g.total, g.drawn.len(), g.more())).collect();
    assert_eq!(
        groups,
        vec![
            (MapKind::Export, MapStatus::Failing, 1, 1, 0),
            (MapKind::Export, MapStatus::Succeeded, 1, 1, 0),
            (MapKind::Export, MapStatus::NotRun, 28, 8, 20),
        ]
    );
    assert_eq!(map.groups[0].drawn[0].target, MapTarget::Export(ids[3].clone()));
    assert_eq!(map.items.iter().filter(|n| n.group == MapStatus::NotRun).count(), 28, "the table lists every one");
    assert_eq!(map.health, Health::NeedsAttention);

    // Roles: any signed-in user gets the names the data pages show; an unknown user nothing.
    assert_eq!(ws.usage_map(&contributor(), &c, NOW, 10).unwrap().items, map.items);
    assert!(ws.usage_map(&UserId::new("nobody"), &c, NOW, 10).is_none());
    assert!(ws.usage_map(&admin(), &ConnectionId::new("c-999"), NOW, 10).is_none());
}

#[test]
fn the_sample_shows_each_derived_state_and_the_map_shows_inactive_enrichments() {
    let ws = Workspace::sample(NOW);
    let rows: Vec<_> = [Category::Export, Category::Enrichment].into_iter().flat_map(|c| ws.connection_rows(&UserId::new(ADMIN_1), c, NOW)).collect();
    let health = |name: &str| rows.iter().find(|r| r.display_name == name).unwrap().health;
    assert_eq!(health("Email journeys"), Health::Failing, "its vault secret cannot be reached");
    assert_eq!(health("Contoso data lake"), Health::NeedsAttention, "one of its exports failed");
    assert_eq!(health("Newsletter lists"), Health::Healthy);
    let survey = ws.export_rows(&UserId::new(VIEWER_1)).into_iter().find(|r| r.name == "Survey invitations").unwrap();
    assert!(survey.failed_on_connection, "its run failed after the vault secret became unreachable");
    let leadspace = rows.iter().find(|r| r.display_name == "Firmographics").unwrap();
    let map = ws.usage_map(&UserId::new(CONTRIBUTOR_1), &leadspace.id, NOW, MAP_DRAWN).unwrap();
    assert!(map.groups.iter().any(|g| g.kind == MapKind::Enrichment && g.status == MapStatus::Inactive));
}
