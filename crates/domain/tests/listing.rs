//! Data › Exports' kept order (`listing`) against a plain reading of the rule: project every
//! export, keep those that match, sort by the column's value, then by name regardless of case,
//! then by id, and reverse the first two for a descending sort. Checked on the sample and a
//! generated workspace, for every role, after changes, and for random queries.

use connections_domain::generate::DemoSize;
use connections_domain::sample::{ADMIN_1, CONTRIBUTOR_1, VIEWER_1};
use connections_domain::{
    Command, ConnectionId, ExportColumn, ExportEdit, ExportId, ExportKind, ExportQuery, ExportRow, NewExport, RunStatus, Schedule, Timestamp, UserId,
    Workspace,
};
use proptest::prelude::*;
use std::cmp::Ordering;

const NOW: Timestamp = Timestamp(1_700_000_000_000);
const COLUMNS: [ExportColumn; 7] = [
    ExportColumn::Name,
    ExportColumn::Connection,
    ExportColumn::Type,
    ExportColumn::Status,
    ExportColumn::Schedule,
    ExportColumn::LastRefreshed,
    ExportColumn::Permissions,
];

/// A column's value for the plain reading: `None` sorts first.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Number(i64),
    Text(String),
}

fn value(query: &ExportQuery, row: &ExportRow) -> Option<Value> {
    match query.column {
        ExportColumn::Name => Some(Value::Number(0)),
        ExportColumn::Connection => row.connection.as_ref().map(|c| Value::Text(c.display_name.to_lowercase())),
        ExportColumn::Type => row.connection.as_ref().map(|c| Value::Text(c.type_name.to_owned())),
        ExportColumn::Status => Some(Value::Number(query.status_rank[row.status as usize] as i64)),
        ExportColumn::Schedule => Some(Value::Number(match row.schedule {
            Schedule::WithEachRefresh => 0,
            Schedule::Recurring { every_hours } => 1_000 + every_hours as i64,
            Schedule::OnDemand => 1_000_000,
        })),
        ExportColumn::LastRefreshed => row.last_refreshed.map(|t| Value::Number(t.0)),
        ExportColumn::Permissions => Some(Value::Number(if row.can_edit { 0 } else { 1 })),
    }
}

fn plain(ws: &Workspace, viewer: &UserId, query: &ExportQuery) -> Vec<ExportId> {
    let needle = query.search.trim().to_lowercase();
    let mut rows: Vec<ExportRow> = ws
        .export_rows(viewer)
        .into_iter()
        .filter(|r| query.connection.as_ref().is_none_or(|only| r.connection.as_ref().is_some_and(|c| &c.id == only)))
        .filter(|r| {
            needle.is_empty()
                || r.name.to_lowercase().contains(&needle)
                || r.connection.as_ref().is_some_and(|c| c.display_name.to_lowercase().contains(&needle) || c.type_name.to_lowercase().contains(&needle))
        })
        .collect();
    // `export_rows` is in id order; a stable sort keeps it among equals.
    rows.sort_by(|a, b| {
        let key = |r: &ExportRow| (value(query, r), r.name.to_lowercase());
        let order = key(a).cmp(&key(b));
        if query.descending { order.reverse() } else { order }
    });
    rows.into_iter().map(|r| r.id).collect()
}

fn query(column: ExportColumn, descending: bool, search: &str, connection: Option<ConnectionId>) -> ExportQuery {
    ExportQuery { connection, search: search.to_owned(), column, descending, ..ExportQuery::by_name() }
}

fn check(ws: &Workspace, viewer: &UserId, q: &ExportQuery) {
    let listing = ws.export_listing(viewer, q);
    let listed = listing.ids(ws);
    let expected = plain(ws, viewer, q);
    assert_eq!(listing.matching(), expected.len(), "{q:?} for {viewer:?}: count");
    assert_eq!(listed.len(), expected.len(), "{q:?} for {viewer:?}: ids");
    if let Some(at) = listed.iter().zip(&expected).position(|(a, b)| a != b) {
        panic!("{q:?} for {viewer:?}: first difference at {at}: {:?} against {:?}", listed[at], expected[at]);
    }
    assert_eq!(listing.total(), ws.export_rows(viewer).len());
    if let Some(last) = expected.last() {
        assert_eq!(listing.position(ws, last), Some(expected.len() - 1), "{q:?}: where the last one is");
    }
    let page = listing.slice(ws, 5..25);
    assert_eq!(page, expected[5.min(expected.len())..25.min(expected.len())], "{q:?}: a page");
}

fn every_query(ws: &Workspace, viewer: &UserId, connection: Option<ConnectionId>) {
    for column in COLUMNS {
        for descending in [false, true] {
            for search in ["", "  LOYALTY ", "azure", "zzz-none", "1"] {
                check(ws, viewer, &query(column, descending, search, connection.clone()));
            }
        }
    }
}

#[test]
fn the_sample_lists_like_the_plain_rule_for_every_role() {
    let ws = Workspace::sample(NOW);
    for viewer in [ADMIN_1, CONTRIBUTOR_1, VIEWER_1] {
        every_query(&ws, &UserId::new(viewer), None);
    }
    let first = ws.export_rows(&UserId::new(ADMIN_1)).into_iter().find_map(|r| r.connection).expect("a connected export");
    every_query(&ws, &UserId::new(ADMIN_1), Some(first.id));
}

#[test]
fn a_generated_workspace_lists_like_the_plain_rule() {
    let ws = Workspace::generated(DemoSize::Small, NOW);
    let admin = UserId::new(ADMIN_1);
    every_query(&ws, &admin, None);
    every_query(&ws, &UserId::new(CONTRIBUTOR_1), None);
    let hub = ws.export_rows(&admin).into_iter().find_map(|r| r.connection).expect("a connected export");
    every_query(&ws, &admin, Some(hub.id));
}

#[test]
fn status_sorts_by_the_rank_the_reader_gives() {
    let ws = Workspace::generated(DemoSize::Small, NOW);
    let admin = UserId::new(ADMIN_1);
    let mut reversed = ExportQuery { column: ExportColumn::Status, ..ExportQuery::by_name() };
    reversed.status_rank = std::array::from_fn(|i| (RunStatus::ALL.len() - 1 - i) as u8);
    check(&ws, &admin, &reversed);
}

#[test]
fn the_order_follows_every_change() {
    let mut ws = Workspace::generated(DemoSize::Small, NOW);
    // Built before the changes, so that the changes have to keep it in step.
    ws.prepare_export_order();
    let admin = UserId::new(ADMIN_1);
    let rows = ws.export_rows(&admin);
    let apply = |ws: &mut Workspace, command: Command| ws.apply(&admin, command, NOW).expect("allowed");
    // A rename moves the export to its new place; two exports may share a name.
    let renamed = rows[3].clone();
    apply(&mut ws, Command::EditExport(ExportEdit { id: renamed.id.clone(), name: "aaa first".into(), kind: ExportKind::DataOut, schedule: Schedule::OnDemand }));
    apply(&mut ws, Command::EditExport(ExportEdit { id: rows[7].id.clone(), name: "AAA FIRST".into(), kind: renamed.kind, schedule: renamed.schedule }));
    apply(&mut ws, Command::DetachConnection { exports: vec![rows[10].id.clone(), rows[11].id.clone()] });
    apply(&mut ws, Command::RemoveExports { ids: vec![rows[20].id.clone()] });
    apply(&mut ws, Command::RunExport { id: rows[30].id.clone() });
    let connection = rows[40].connection.clone().expect("connected").id;
    apply(&mut ws, Command::CreateExport(NewExport { name: "Zed new".into(), kind: ExportKind::Segment, connection: connection.clone(), schedule: Schedule::WithEachRefresh }));
    every_query(&ws, &admin, None);
    every_query(&ws, &admin, Some(connection));
    let first = ws.export_listing(&admin, &ExportQuery::by_name()).ids(&ws);
    assert_eq!(&first[..2], &[renamed.id.clone(), rows[7].id.clone()], "equal names keep the domain's order");
    let last = ws.export_listing(&admin, &ExportQuery { descending: true, ..ExportQuery::by_name() }).ids(&ws);
    assert_eq!(&last[last.len() - 2..], &[renamed.id, rows[7].id.clone()], "…in both directions");
    assert!(!first.contains(&rows[20].id), "a removed export is not listed");
}

#[test]
fn a_page_projects_only_its_rows() {
    let ws = Workspace::generated(DemoSize::Small, NOW);
    let admin = UserId::new(ADMIN_1);
    let listed = ws.export_listing(&admin, &ExportQuery::by_name());
    let ids = listed.slice(&ws, 50..100);
    let page = ws.export_rows_of(&admin, &ids);
    let all = ws.export_rows(&admin);
    assert_eq!(page.len(), 50);
    for (row, id) in page.iter().zip(&ids) {
        assert_eq!(&row.id, id);
        assert_eq!(Some(row), all.iter().find(|r| &r.id == id));
    }
    let contributor = UserId::new(CONTRIBUTOR_1);
    let ids = ws.export_listing(&contributor, &ExportQuery::by_name()).ids(&ws);
    let manageable = ws.manageable_exports(&contributor, &ids);
    let expected: Vec<ExportId> = ws.export_rows_of(&contributor, &ids).into_iter().filter(|r| r.can_edit).map(|r| r.id).collect();
    assert_eq!(manageable, expected);
    assert!(manageable.len() < ids.len(), "the generated store has exports a contributor may not change");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn random_queries_list_like_the_plain_rule(
        column in 0usize..COLUMNS.len(),
        descending in any::<bool>(),
        search in "[ a-zA-Z0-9]{0,4}",
        ranks in Just((0..RunStatus::ALL.len() as u8).collect::<Vec<u8>>()).prop_shuffle(),
        viewer in prop::sample::select(vec![ADMIN_1, CONTRIBUTOR_1, VIEWER_1]),
        filtered in any::<bool>(),
    ) {
        let ws = sample_once();
        let viewer = UserId::new(viewer);
        let connection = filtered.then(|| ws.export_rows(&UserId::new(ADMIN_1)).into_iter().find_map(|r| r.connection).expect("connected").id);
        let mut q = query(COLUMNS[column], descending, &search, connection);
        q.status_rank.copy_from_slice(&ranks);
        let listed = ws.export_listing(&viewer, &q).ids(ws);
        let expected = plain(ws, &viewer, &q);
        prop_assert_eq!(listed.len(), expected.len());
        prop_assert!(listed.iter().zip(&expected).all(|(a, b)| a.cmp(b) == Ordering::Equal));
    }
}

fn sample_once() -> &'static Workspace {
    static WS: std::sync::OnceLock<Workspace> = std::sync::OnceLock::new();
    WS.get_or_init(|| Workspace::generated(DemoSize::Small, NOW))
}

#[test]
fn searches_beyond_plain_letters_still_match() {
    let mut ws = Workspace::generated(DemoSize::Small, NOW);
    ws.prepare_export_order();
    let admin = UserId::new(ADMIN_1);
    let connection = ws.export_rows(&admin).into_iter().find_map(|r| r.connection).expect("connected").id;
    for name in ["Été promo", "Summer_sale (EU)", "x"] {
        ws.apply(&admin, Command::CreateExport(connections_domain::NewExport { name: name.into(), kind: ExportKind::Segment, connection: connection.clone(), schedule: Schedule::OnDemand }), NOW)
            .expect("allowed");
    }
    for search in ["été", "é", "_", "(eu)", "x", "X", "promo"] {
        for column in [ExportColumn::Name, ExportColumn::Status] {
            check(&ws, &admin, &query(column, false, search, None));
        }
    }
    let found = ws.export_listing(&admin, &query(ExportColumn::Name, false, "é", None)).ids(&ws);
    assert_eq!(ws.export_rows_of(&admin, &found).iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["Été promo"]);
}

/// Renaming a connection changes which exports a search by connection name finds.
#[test]
fn a_renamed_connection_is_found_by_its_new_name() {
    use connections_domain::{Access, Category, ConnectionEdit, SecretState, UsableBy};
    let mut ws = Workspace::generated(DemoSize::Small, NOW);
    ws.prepare_export_order();
    let admin = UserId::new(ADMIN_1);
    let row = ws.connection_rows(&admin, Category::Export, NOW).into_iter().find(|r| r.used_by_count > 0).expect("a used connection");
    let details = row.details.clone().expect("an administrator sees the details");
    let edit = ConnectionEdit {
        id: row.id.clone(),
        display_name: "Zebra quay".into(),
        fields: details.fields.clone(),
        secrets: Default::default(),
        key_vault_secrets: details.secrets.iter().filter_map(|(k, s)| match s { SecretState::FromVault(n) => Some((k.clone(), n.clone())), SecretState::Saved => None }).collect(),
        usable_by: if row.access == Access::AdministratorsOnly { UsableBy::AdministratorsOnly } else { UsableBy::AdministratorsAndContributors },
        sign_in_account: details.sign_in.map(|s| s.account),
    };
    ws.apply(&admin, Command::EditConnection(edit), NOW).expect("the rename is allowed");
    for search in ["q", "zebra", "quay", &row.display_name.to_lowercase()] {
        check(&ws, &admin, &query(ExportColumn::Name, false, search, None));
    }
    let found = ws.export_listing(&admin, &query(ExportColumn::Name, false, "q", None)).matching();
    assert!(found >= row.used_by_count, "its {} exports are found by the new name's q: {found}", row.used_by_count);
}
