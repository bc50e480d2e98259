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
                Command::CreateConnection {
                    display_name: format!("Lake {i}"),
                    type_id: ConnectionTypeId::AzureBlobStorage,
                    fields: BTreeMap::from([("account_name".into(), "contosolake".into()), ("container".into(), "out".into())]),
                    secrets: BTreeMap::from([("account_key".into(), SecretInput::new("key"))]),
                    key_vault_secrets: BTreeMap::new(),
                    usable_by: UsableBy::AdministratorsAndContributors,
                    consent: true,
                    sign_in_account: None,
                },
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
            Command::CreateExport { name: format!("Export {i}"), kind: ExportKind::Segment, connection: ids[i % connections].clone(), schedule: Schedule::WithEachRefresh },
            NOW,
        )
        .unwrap();
    }
    (ws, ids)
}

fn label((e, c): (usize, usize)) -> String {
    format!("{e} exports / {c} connections")
}

// One input per sample: each input is a clone of a possibly large workspace.
#[divan::bench(args = SIZES.map(label), sample_size = 1, sample_count = 50)]
fn create_export(bencher: divan::Bencher, size: &str) {
    let (e, c) = SIZES.into_iter().find(|s| label(*s) == size).unwrap();
    let (ws, ids) = workspace(e, c);
    bencher.with_inputs(|| ws.clone()).bench_local_values(|mut ws| {
        ws.apply(&admin(), Command::CreateExport { name: "New".into(), kind: ExportKind::DataOut, connection: ids[0].clone(), schedule: Schedule::OnDemand }, NOW).unwrap();
        ws
    });
}

// One input per sample: each input is a clone of a possibly large workspace.
#[divan::bench(args = SIZES.map(label), sample_size = 1, sample_count = 50)]
fn detach_connection(bencher: divan::Bencher, size: &str) {
    let (e, c) = SIZES.into_iter().find(|s| label(*s) == size).unwrap();
    let (ws, ids) = workspace(e, c);
    let targets: Vec<ExportId> = ws.dependents(&ids[0]).exports.into_iter().map(|(id, _)| id).collect();
    bencher.with_inputs(|| ws.clone()).bench_local_values(|mut ws| {
        ws.apply(&admin(), Command::DetachConnection { exports: targets.clone() }, NOW).unwrap();
        ws
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
