//! Random command sequences from random actors, with the invariants checked
//! after every step. `PROPTEST_CASES=10000` runs more sequences.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use connections_domain::sample::*;
use connections_domain::storage::apply_changes;
use connections_domain::RecordChange;
use connections_domain::*;
use proptest::prelude::*;

const ACTORS: [&str; 7] = [ADMIN_1, ADMIN_2, CONTRIBUTOR_1, CONTRIBUTOR_2, VIEWER_1, VIEWER_2, "u-ghost"];
const NAMES: [&str; 6] = ["Lake", "lake", "Feed", "Geo", "  ", "Partner"];

#[derive(Clone, Debug)]
struct Op {
    actor: usize,
    kind: u8,
    a: usize,
    b: usize,
    flag: bool,
    secret: String,
}

fn op() -> impl Strategy<Value = Op> {
    (0..ACTORS.len(), 0u8..25, 0usize..16, 0usize..16, any::<bool>(), "PLNT[a-z0-9]{8}")
        .prop_map(|(actor, kind, a, b, flag, secret)| Op { actor, kind, a, b, flag, secret })
}

/// Picks an existing id, or (one time in `len + 1`) an unknown one.
fn pick<T: Clone>(items: &[T], i: usize, unknown: T) -> T {
    if items.is_empty() || i % (items.len() + 1) == items.len() { unknown } else { items[i % (items.len() + 1)].clone() }
}

fn start() -> Workspace {
    let mut ws = vault_ws();
    ok(&mut ws, &admin(), blob("Shared lake", UsableBy::AdministratorsAndContributors));
    ok(&mut ws, &admin(), blob("Private lake", UsableBy::AdministratorsOnly));
    ok(&mut ws, &admin(), sftp_with_vault("Vault SFTP"));
    ok(&mut ws, &admin(), maps_connection("Maps"));
    let ids: Vec<ConnectionId> = ws.connections().map(|c| c.id.clone()).collect();
    ok(&mut ws, &admin(), export_on(&ids[0], "E shared"));
    ok(&mut ws, &admin(), export_on(&ids[1], "E private"));
    ok(&mut ws, &contributor(), export_on(&ids[0], "E contributor"));
    ok(&mut ws, &admin(), Command::CreateEnrichment { name: "N geo".into(), connection: ids[3].clone() });
    ws
}

struct Stash {
    exports: Vec<Export>,
    enrichments: Vec<Enrichment>,
    connections: Vec<Connection>,
}

impl Stash {
    /// Keeps what the events removed, so later steps can restore it.
    fn keep_removed(&mut self, before: &Workspace, events: &[Event]) {
        for event in events {
            match &event.kind {
                EventKind::ExportRemoved { id, .. } => self.exports.extend(before.export(id).cloned()),
                EventKind::EnrichmentDeleted { id, .. } => self.enrichments.extend(before.enrichment(id).cloned()),
                EventKind::ConnectionRemoved { id, .. } => self.connections.extend(before.connection(id).cloned()),
                _ => {}
            }
        }
    }
}

fn command(ws: &Workspace, op: &Op, stash: &Stash) -> Command {
    let connections: Vec<ConnectionId> = ws.connections().map(|c| c.id.clone()).collect();
    let exports: Vec<ExportId> = ws.exports().map(|e| e.id.clone()).collect();
    let enrichments: Vec<EnrichmentId> = ws.enrichments().map(|e| e.id.clone()).collect();
    let secrets_in_vault: Vec<SecretName> = ws.key_vault().map(|v| v.secrets.keys().cloned().collect()).unwrap_or_default();
    let links: Vec<EngagementLinkId> = ws.engagement_links().map(|l| l.id.clone()).collect();
    let c = pick(&connections, op.a, ConnectionId::new("c-404"));
    let e = pick(&exports, op.a, ExportId::new("e-404"));
    let e2 = pick(&exports, op.b, ExportId::new("e-405"));
    let n = pick(&enrichments, op.a, EnrichmentId::new("n-404"));
    let s = pick(&secrets_in_vault, op.b, SecretName::new("missing"));
    let l = pick(&links, op.a, EngagementLinkId::new("l-404"));
    let name = NAMES[op.b % NAMES.len()].to_owned();
    let typed = |key: &str| BTreeMap::from([(key.to_owned(), SecretInput::new(op.secret.clone()))]);
    let usable_by = if op.flag { UsableBy::AdministratorsAndContributors } else { UsableBy::AdministratorsOnly };
    match op.kind {
        0 => match op.a % 4 {
            0 => {
                let mut cmd = blob(&name, usable_by);
                if let Command::CreateConnection(NewConnection { secrets, consent, .. }) = &mut cmd {
                    *secrets = typed("account_key");
                    *consent = !op.b.is_multiple_of(7);
                }
                cmd
            }
            1 => {
                let mut cmd = sftp_with_vault(&name);
                if let Command::CreateConnection(NewConnection { key_vault_secrets, secrets, .. }) = &mut cmd {
                    if op.flag {
                        key_vault_secrets.insert("password".into(), s);
                    } else {
                        key_vault_secrets.clear();
                        *secrets = typed("password");
                    }
                }
                cmd
            }
            _ => {
                let mut cmd = maps_connection(&name);
                if let Command::CreateConnection(NewConnection { secrets, .. }) = &mut cmd {
                    *secrets = typed("api_key");
                }
                cmd
            }
        },
        1 => {
            let existing = ws.connection(&c);
            Command::EditConnection(ConnectionEdit {
                id: c.clone(),
                display_name: name,
                fields: existing.map(|c| c.fields.clone()).unwrap_or_default(),
                secrets: match existing.and_then(|c| c.type_id.spec().secret_fields().next()) {
                    Some(f) if op.flag => typed(f.key),
                    _ => BTreeMap::new(),
                },
                key_vault_secrets: match existing.and_then(|c| c.type_id.spec().key_vault.then_some(c)) {
                    Some(_) if !op.flag && op.b.is_multiple_of(2) => BTreeMap::from([("password".to_owned(), s)]),
                    _ => BTreeMap::new(),
                },
                usable_by,
                sign_in_account: None,
            })
        }
        2 => Command::SetConnectionSharing { id: c, usable_by },
        3 | 4 => Command::RemoveConnection { id: c },
        5 => Command::CreateExport(NewExport { name, kind: ExportKind::DataOut, connection: c, schedule: Schedule::Recurring { every_hours: op.b as u32 * 20 } }),
        6 => Command::EditExport(ExportEdit { id: e, name, kind: ExportKind::Segment, schedule: Schedule::OnDemand }),
        7 => Command::DetachConnection { exports: if op.flag { vec![e, e2] } else { vec![e] } },
        8 => Command::AttachConnectionToExport { export: e, connection: c },
        9 => Command::RemoveExports { ids: if op.flag { vec![e, e2] } else if op.b == 0 { vec![] } else { vec![e] } },
        10 => Command::RunExport { id: e },
        11 => Command::AdvanceExportRun {
            id: e,
            outcome: if op.flag { RunOutcome::Successful } else if op.b.is_multiple_of(2) { RunOutcome::Processing } else { RunOutcome::Failed },
        },
        12 => Command::CreateEnrichment { name, connection: c },
        13 => Command::DeactivateEnrichments { ids: vec![n] },
        14 => Command::ActivateEnrichments { ids: vec![n] },
        15 => Command::DeleteEnrichments { ids: vec![n] },
        16 => Command::AttachConnectionToEnrichment { enrichment: n, connection: c },
        17 => {
            if op.flag {
                Command::RunEnrichment { id: n }
            } else {
                Command::AdvanceEnrichmentRun { id: n, outcome: RunOutcome::Successful, enriched_customers: op.b as u64 }
            }
        }
        18 => match op.b % 3 {
            0 => Command::AddSecret { name: format!("s-{}", op.a), value: SecretInput::new(op.secret.clone()) },
            1 => Command::RotateSecret { name: s, value: SecretInput::new(op.secret.clone()) },
            _ => Command::DeleteSecret { name: s },
        },
        19 => {
            if op.flag {
                Command::SetSecretReachable { name: s, reachable: op.b.is_multiple_of(2) }
            } else {
                Command::SetVaultReachable { reachable: op.b.is_multiple_of(2) }
            }
        }
        20 => {
            if op.flag {
                Command::UnlinkKeyVault
            } else {
                Command::LinkKeyVault { subscription: "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c".into(), vault_name: "again".into(), consent: true }
            }
        }
        21 => Command::CreateEngagementLink(NewEngagementLink {
            storage_account: "contosoinsights".into(),
            shared_key: SecretInput::new(op.secret.clone()),
            environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            instance_folder: "customerInsights/ci_x".into(),
            members: BTreeSet::from([UserId::new(ACTORS[op.b % ACTORS.len()])]),
        }),
        22 => match op.b % 4 {
            0 => Command::SetEngagementMembers { id: l, members: if op.flag { BTreeSet::new() } else { BTreeSet::from([contributor()]) } },
            1 => Command::MarkEngagementLinkAvailable { id: l },
            2 => Command::EditEngagementLink(EngagementLinkEdit {
                id: l,
                storage_account: "movedinsights".into(),
                shared_key: op.flag.then(|| SecretInput::new(op.secret.clone())),
                environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
                instance_folder: "customerInsights/ci_y".into(),
            }),
            _ => Command::RemoveEngagementLink { id: l },
        },
        24 => Command::TestConnection { id: c },
        _ => match op.b % 3 {
            0 if !stash.exports.is_empty() => Command::RestoreExports { exports: vec![stash.exports[op.a % stash.exports.len()].clone()] },
            1 if !stash.enrichments.is_empty() => {
                Command::RestoreEnrichments { enrichments: vec![stash.enrichments[op.a % stash.enrichments.len()].clone()] }
            }
            _ if !stash.connections.is_empty() => Command::RestoreConnection { connection: stash.connections[op.a % stash.connections.len()].clone() },
            _ => Command::RemoveExports { ids: vec![] },
        },
    }
}

fn brute_force_dependents(ws: &Workspace, c: &ConnectionId) -> (Vec<ExportId>, Vec<EnrichmentId>) {
    (
        ws.exports().filter(|e| e.connection.as_ref() == Some(c)).map(|e| e.id.clone()).collect(),
        ws.enrichments().filter(|n| n.active && n.connection.as_ref() == Some(c)).map(|n| n.id.clone()).collect(),
    )
}

fn everything_visible(ws: &Workspace) -> String {
    let mut out = String::new();
    // One user per role: what each role can see differs, not what two users of a role see.
    for actor in [ADMIN_1, CONTRIBUTOR_1, VIEWER_1] {
        let id = UserId::new(actor);
        out += &format!(
            "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
            ws.connection_rows(&id, Category::Export, NOW),
            ws.connection_rows(&id, Category::Enrichment, NOW),
            ws.usable_connections(&id, Category::Export),
            ws.export_rows(&id),
            ws.enrichment_rows(&id),
            ws.vault_view(&id),
            ws.engagement_link_rows(&id),
            ws.activity(&id),
        );
    }
    out += &format!("{ws:?}");
    for r in ws.records() {
        out += &r.json;
    }
    out
}

/// Runs `ops` from [`start`] and writes down, after every step, all that the workspace keeps,
/// stores, logs or shows: the outcome, the events (debug and JSON), the record changes, every
/// projection, "Test connection" of each connection, the state and the records.
fn trace(ops: &[Op]) -> Vec<String> {
    let mut ws = start();
    let mut stash = Stash { exports: vec![], enrichments: vec![], connections: vec![] };
    let mut steps = Vec::new();
    for op in ops {
        let actor = UserId::new(ACTORS[op.actor]);
        let cmd = command(&ws, op, &stash);
        let before = ws.clone();
        let result = ws.apply(&actor, cmd, NOW);
        let mut step = format!("{result:?}");
        if let Ok(events) = &result {
            stash.keep_removed(&before, events);
            step += &serde_json::to_string(events).unwrap_or_default();
            step += &format!("{:?}", ws.changes_since(events));
        }
        for c in ws.connections() {
            step += &format!("{:?}", ws.test_connection(&admin(), &c.id, NOW));
        }
        step += &everything_visible(&ws);
        steps.push(step);
    }
    steps
}

/// Where two texts first differ, with a little context.
fn first_difference(a: &str, b: &str) -> String {
    let at = a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = (at.saturating_sub(120)..=at).find(|i| a.is_char_boundary(*i)).unwrap_or(at);
    let end = |s: &str| (at + 120..=s.len()).find(|i| s.is_char_boundary(*i)).unwrap_or(s.len());
    format!("A: …{}…\nB: …{}…", &a[from..end(a).max(from)], &b[from.min(b.len())..end(b).max(from.min(b.len()))])
}

/// Typed secrets of random content and length: anything the secret-field check takes
/// (1 to 1,024 characters, no control characters), so both runs pass or fail alike.
fn any_secret() -> impl Strategy<Value = String> {
    prop_oneof![3 => "\\PC{1,40}", 1 => "\\PC{1,1024}"]
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_after_every_step(ops in proptest::collection::vec(op(), 1..25)) {
        let mut ws = start();
        let mut store: BTreeMap<String, String> = ws.records().into_iter().map(|r| (r.key, r.json)).collect();
        let mut typed: Vec<String> = vec![PLANTED.to_owned()];
        let mut stash = Stash { exports: vec![], enrichments: vec![], connections: vec![] };
        for op in &ops {
            let actor = UserId::new(ACTORS[op.actor]);
            let cmd = command(&ws, op, &stash);
            typed.push(op.secret.clone());
            let before = ws.clone();
            let removed_connection = match &cmd { Command::RemoveConnection { id } => Some(id.clone()), _ => None };
            let shown = format!("{:?}", cmd);
            prop_assert!(!shown.contains(&op.secret));
            let result = ws.apply(&actor, cmd, NOW);
            match &result {
                Err(err) => {
                    prop_assert_eq!(&ws, &before, "refused {:?} changed the workspace", err);
                    if let (Some(c), DomainError::HasDependents { exports, enrichments, .. }) = (&removed_connection, err) {
                        let (be, bn) = brute_force_dependents(&ws, c);
                        prop_assert_eq!(exports.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), be);
                        prop_assert_eq!(enrichments.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), bn);
                    }
                }
                Ok(events) => {
                    stash.keep_removed(&before, events);
                    if let Some(c) = &removed_connection {
                        prop_assert_eq!(brute_force_dependents(&ws, c), (vec![], vec![]));
                        prop_assert!(before.dependents(c).is_empty());
                    }
                    let text = format!("{:?}", events);
                    prop_assert!(!typed.iter().any(|s| text.contains(s.as_str())));
                }
            }
            // Only administrators change connections; others' runs only add to the health history.
            let role = ws.user(&actor).map(|u| u.role);
            if role != Some(Role::Administrator) {
                let settings = |c: &Connection| Connection { health: HealthHistory::default(), ..c.clone() };
                prop_assert!(ws.connections().map(settings).eq(before.connections().map(settings)));
            }
            // No reference to a connection that is gone.
            for e in ws.exports() {
                if let Some(c) = &e.connection { prop_assert!(ws.connection(c).is_some()); }
            }
            for n in ws.enrichments() {
                if let Some(c) = &n.connection { prop_assert!(ws.connection(c).is_some()); }
            }
            // Health history: bounded, oldest first.
            for c in ws.connections() {
                let entries = c.health.entries();
                prop_assert!(entries.len() <= HISTORY_LIMIT);
                prop_assert!(entries.windows(2).all(|w| w[0].at <= w[1].at));
            }
            // Nothing visible or stored contains a typed secret.
            let visible = everything_visible(&ws);
            for s in &typed {
                prop_assert!(!visible.contains(s.as_str()), "secret leaked");
            }
            // Storage: full round trip, and incremental changes.
            let records: Vec<(String, String)> = ws.records().into_iter().map(|r| (r.key, r.json)).collect();
            prop_assert_eq!(Workspace::from_records(records.clone()), Ok(ws.clone()));
            if let Ok(events) = &result {
                apply_changes(&mut store, &ws.changes_since(events));
            }
            prop_assert_eq!(&store, &records.into_iter().collect::<BTreeMap<_, _>>());
        }
    }

    /// Two runs of the same commands that differ only in every typed secret's value keep,
    /// store, log and show exactly the same bytes: nothing derived from a secret (no hash,
    /// no length) is kept, so nothing can be checked offline against a guess.
    #[test]
    fn nothing_kept_depends_on_a_secret_value(steps in proptest::collection::vec((op(), any_secret(), any_secret()), 1..25)) {
        let a: Vec<Op> = steps.iter().map(|(op, s, _)| Op { secret: s.clone(), ..op.clone() }).collect();
        let b: Vec<Op> = steps.iter().map(|(op, _, s)| Op { secret: s.clone(), ..op.clone() }).collect();
        for (i, (x, y)) in trace(&a).iter().zip(trace(&b)).enumerate() {
            prop_assert!(*x == y, "step {} differs between the two secret values:\n{}", i, first_difference(x, &y));
        }
    }

    #[test]
    fn decoding_never_panics(records in proptest::collection::vec(("[a-z/0-9-]{0,16}", ".{0,80}"), 0..8)) {
        let _ = Workspace::from_records(records);
    }

    #[test]
    fn decoding_damaged_real_records_never_panics(cut in 0usize..400, which in 0usize..64, junk in ".{0,12}") {
        let ws = start();
        let mut records: Vec<(String, String)> = ws.records().into_iter().map(|r| (r.key, r.json)).collect();
        let i = which % records.len();
        let json = &mut records[i].1;
        let at = (cut.min(json.len())..=json.len()).find(|i| json.is_char_boundary(*i)).unwrap_or(json.len());
        json.truncate(at);
        json.push_str(&junk);
        let _ = Workspace::from_records(records);
    }
}

/// One browser tab in the catch-up model: its copy of the workspace, how much of the shared log it
/// has folded in, and the commands it applied but has not committed yet (with their changes).
struct Tab {
    ws: Workspace,
    seen: usize,
    pending: Vec<(UserId, Command, Vec<RecordChange>)>,
}

/// The store as IndexedDB would hold it after `log`: the first snapshot plus every entry, read
/// back the way start-up reads it.
fn fold(snapshot: &BTreeMap<String, String>, log: &[Vec<RecordChange>]) -> Workspace {
    let mut store = snapshot.clone();
    for entry in log {
        apply_changes(&mut store, entry);
    }
    Workspace::load(store.into_iter().collect()).expect("a log of applied changes always loads").workspace
}

/// Commits a tab's pending commands under the (modelled) write lock: with no foreign entries its
/// own changes go in as they are; otherwise it reloads from the store and re-applies each command,
/// and a refusal is reported instead of written. Returns (actor, command, acknowledged) in lock order.
fn commit(tab: &mut Tab, snapshot: &BTreeMap<String, String>, log: &mut Vec<Vec<RecordChange>>) -> Vec<(UserId, Command, bool)> {
    let mut order = Vec::new();
    if log.len() > tab.seen {
        tab.ws = fold(snapshot, log);
        for (actor, command, _) in std::mem::take(&mut tab.pending) {
            match tab.ws.apply(&actor, command.clone(), NOW) {
                Ok(events) => {
                    log.push(tab.ws.changes_since(&events));
                    tab.ws.take_events();
                    order.push((actor, command, true));
                }
                Err(_) => order.push((actor, command, false)),
            }
        }
    } else {
        for (actor, command, changes) in std::mem::take(&mut tab.pending) {
            log.push(changes);
            order.push((actor, command, true));
        }
    }
    tab.seen = log.len();
    order
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 2, ..ProptestConfig::default() })]

    /// Two tabs applying random interleaved commands, each committing when it likes and catching
    /// up before it writes, end in the state of one workspace that applied the same commands in
    /// lock order, with the same refusals; every acknowledged command is in the log.
    #[test]
    fn two_tabs_that_catch_up_agree_with_lock_order(steps in proptest::collection::vec((any::<bool>(), op(), any::<bool>()), 1..30)) {
        let base = start();
        let snapshot: BTreeMap<String, String> = base.object_records().into_iter().map(|r| (r.key, r.json)).collect();
        let mut log: Vec<Vec<RecordChange>> = Vec::new();
        let mut tabs = [
            Tab { ws: fold(&snapshot, &[]), seen: 0, pending: vec![] },
            Tab { ws: fold(&snapshot, &[]), seen: 0, pending: vec![] },
        ];
        let stash = Stash { exports: vec![], enrichments: vec![], connections: vec![] };
        let mut order = Vec::new();
        for (second, op, commit_now) in &steps {
            let tab = &mut tabs[usize::from(*second)];
            let actor = UserId::new(ACTORS[op.actor]);
            let command = command(&tab.ws, op, &stash);
            if let Ok(events) = tab.ws.apply(&actor, command.clone(), NOW) {
                let changes = tab.ws.changes_since(&events);
                tab.ws.take_events();
                tab.pending.push((actor, command, changes));
            }
            if *commit_now {
                order.extend(commit(tab, &snapshot, &mut log));
            }
        }
        for tab in &mut tabs {
            order.extend(commit(tab, &snapshot, &mut log));
        }
        // Every tab catches up on what the other wrote, as a BroadcastChannel nudge makes it do.
        for tab in &mut tabs {
            for entry in &log[tab.seen..] {
                prop_assert!(tab.ws.absorb(entry).is_ok());
            }
            tab.seen = log.len();
        }
        let mut reference = start();
        reference.take_events();
        for (actor, command, acknowledged) in &order {
            let result = reference.apply(actor, command.clone(), NOW);
            prop_assert_eq!(result.is_ok(), *acknowledged, "lock-order replay of {:?} disagrees", command);
        }
        prop_assert_eq!(log.len(), order.iter().filter(|(_, _, acknowledged)| *acknowledged).count());
        let expected = reference.object_records();
        prop_assert_eq!(&fold(&snapshot, &log).object_records(), &expected);
        for tab in &tabs {
            prop_assert_eq!(&tab.ws.object_records(), &expected);
        }
    }

    /// Damage to any one record never locks the store: the rest loads, the damaged record is set
    /// aside as found, and what is loaded keeps every invariant (the strict decoder accepts it).
    #[test]
    fn one_damaged_record_never_locks_the_store(which in 0usize..64, cut in 0usize..400, junk in ".{0,12}") {
        let ws = start();
        let mut records: Vec<(String, String)> = ws.object_records().into_iter().map(|r| (r.key, r.json)).collect();
        let i = 1 + which % (records.len() - 1); // any record but `meta`
        let (key, json) = &mut records[i];
        let at = (cut.min(json.len())..=json.len()).find(|i| json.is_char_boundary(*i)).unwrap_or(json.len());
        json.truncate(at);
        json.push_str(&junk);
        let key = key.clone();
        match Workspace::load(records.clone()) {
            Ok(loaded) => {
                let again: Vec<(String, String)> = loaded.workspace.object_records().into_iter().map(|r| (r.key, r.json)).collect();
                prop_assert_eq!(Workspace::from_records(again), Ok(loaded.workspace.clone()));
                for (k, _) in records.iter().filter(|(k, _)| *k != key && k != "counters") {
                    let kept = loaded.workspace.object_records().iter().any(|r| &r.key == k);
                    let aside = loaded.report.set_aside.iter().any(|s| &s.key == k);
                    prop_assert!(kept || aside, "{} was dropped silently", k);
                }
            }
            // Junk can only be refused whole when it makes the record claim a newer version.
            Err(e) => prop_assert!(matches!(e, DecodeError::NewerVersion { .. }), "refused whole: {:?}", e),
        }
    }
}
