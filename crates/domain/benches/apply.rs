//! Cost of `apply` and of the dependents check as the workspace grows.
//! Run: `cargo bench -p connections-domain --bench apply`.

use std::collections::BTreeMap;

use connections_domain::sample::ADMIN_1;
use connections_domain::*;

fn main() {
    divan::main();
}

const NOW: Timestamp = Timestamp(1_700_000_000_000);
const SIZES: [(usize, usize); 3] = [(100, 10), (10_000, 1_000), (100_000, 10_000)];

fn admin() -> UserId {
    UserId::new(ADMIN_1)
}

/// `exports` exports spread over `connections` blob connections.
fn workspace(exports: usize, connections: usize) -> (Workspace, Vec<ConnectionId>) {
    let mut ws = Workspace::empty();
    let mut ids = Vec::with_capacity(connections);
    for i in 0..connections {
        let events = ws
            .apply(
                &admin(),
                Command::CreateConnection(NewConnection {
                    display_name: format!("Lake {i}"),
                    type_id: ConnectionTypeId::AzureBlobStorage,
                    fields: BTreeMap::from([("account_name".into(), "contosolake".into()), ("container".into(), "out".into())]),
                    secrets: BTreeMap::from([("account_key".into(), SecretInput::new("key"))]),
                    key_vault_secrets: BTreeMap::new(),
                    usable_by: UsableBy::AdministratorsAndContributors,
                    consent: true,
                    sign_in_account: None,
                }),
                NOW,
            )
            .unwrap();
        if let EventKind::ConnectionCreated { id, .. } = &events[0].kind {
            ids.push(id.clone());
        }
    }
    for i in 0..exports {
        ws.apply(
            &admin(),
            Command::CreateExport(NewExport { name: format!("Export {i}"), kind: ExportKind::Segment, connection: ids[i % connections].clone(), schedule: Schedule::WithEachRefresh }),
            NOW,
        )
        .unwrap();
    }
    (ws, ids)
}

fn label((e, c): (usize, usize)) -> String {
    format!("{e} exports / {c} connections")
}

// Steady state: one live workspace takes command after command, as in the app. (Benching on a
// fresh clone per sample would time the clone's first reallocation of the 100k-entry logs, which a
// live workspace pays only in amortised doublings.)
#[divan::bench(args = SIZES.map(label))]
fn create_export(bencher: divan::Bencher, size: &str) {
    let (e, c) = SIZES.into_iter().find(|s| label(*s) == size).unwrap();
    let (mut ws, ids) = workspace(e, c);
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        let command = Command::CreateExport(NewExport { name: format!("New {n}"), kind: ExportKind::DataOut, connection: ids[0].clone(), schedule: Schedule::OnDemand });
        ws.apply(&admin(), command, NOW).unwrap()
    });
}

// Steady state: detaching ten exports, then attaching them back (two commands per iteration).
#[divan::bench(args = SIZES.map(label))]
fn detach_then_attach(bencher: divan::Bencher, size: &str) {
    let (e, c) = SIZES.into_iter().find(|s| label(*s) == size).unwrap();
    let (mut ws, ids) = workspace(e, c);
    let targets: Vec<ExportId> = ws.dependents(&ids[0]).exports.into_iter().map(|(id, _)| id).take(10).collect();
    bencher.bench_local(|| {
        ws.apply(&admin(), Command::DetachConnection { exports: targets.clone() }, NOW).unwrap();
        for export in &targets {
            ws.apply(&admin(), Command::AttachConnectionToExport { export: export.clone(), connection: ids[0].clone() }, NOW).unwrap();
        }
    });
}

#[divan::bench(args = SIZES.map(label))]
fn remove_connection_refused(bencher: divan::Bencher, size: &str) {
    let (e, c) = SIZES.into_iter().find(|s| label(*s) == size).unwrap();
    let (mut ws, ids) = workspace(e, c);
    bencher.bench_local(|| ws.apply(&admin(), Command::RemoveConnection { id: ids[c / 2].clone() }, NOW).unwrap_err());
}

#[divan::bench(args = SIZES.map(label))]
fn dependents(bencher: divan::Bencher, size: &str) {
    let (e, c) = SIZES.into_iter().find(|s| label(*s) == size).unwrap();
    let (ws, ids) = workspace(e, c);
    bencher.bench_local(|| ws.dependents(&ids[c / 2]));
}
