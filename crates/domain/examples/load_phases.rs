//! Where a cold start's decoding time goes, at the largest demo size (native, release):
//! `cargo run --release -p connections-domain --example load_phases`.
use connections_domain::generate::DemoSize;
use connections_domain::storage::snapshot;
use connections_domain::{Timestamp, Workspace};
use std::time::Instant;
fn main() {
    let mut ws = Workspace::generated(DemoSize::Large, Timestamp(1_700_000_000_000));
    ws.take_events();
    let t = Instant::now();
    let bytes = snapshot::encode(&ws);
    println!("encoded {:?} ({} KiB)", t.elapsed(), bytes.len() / 1024);
    let runs: usize = std::env::var("LOADS").ok().and_then(|n| n.parse().ok()).unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let parsed = snapshot::parse(&bytes);
        let split = t.elapsed();
        let loaded = Workspace::load_records(parsed.records).unwrap();
        println!("framed {split:?}, loaded {:?} ({} exports)", t.elapsed(), loaded.workspace.exports().count());
        assert!(loaded.report.is_clean());
        // What the landing page computes next: the Exports tab of the connections list.
        let t = Instant::now();
        let admin = connections_domain::UserId::new(connections_domain::sample::ADMIN_1);
        let rows = loaded.workspace.connection_rows(&admin, connections_domain::Category::Export, Timestamp(1_700_000_000_000));
        println!("connection rows {:?} ({} rows)", t.elapsed(), rows.len());
        // Data › Exports: the kept order (built once), a listing per query, then one page of rows.
        use connections_domain::{ExportColumn, ExportQuery};
        let t = Instant::now();
        loaded.workspace.prepare_export_order();
        println!("export order built {:?}", t.elapsed());
        for (what, query) in [
            ("by name", ExportQuery::by_name()),
            ("by name, descending", ExportQuery { descending: true, ..ExportQuery::by_name() }),
            ("by connection", ExportQuery { column: ExportColumn::Connection, ..ExportQuery::by_name() }),
            ("by last refresh", ExportQuery { column: ExportColumn::LastRefreshed, ..ExportQuery::by_name() }),
            ("search \"loyalty\"", ExportQuery { search: "loyalty".into(), ..ExportQuery::by_name() }),
            ("search \"7\"", ExportQuery { search: "7".into(), ..ExportQuery::by_name() }),
        ] {
            let t = Instant::now();
            let listing = loaded.workspace.export_listing(&admin, &query);
            let listed = t.elapsed();
            let page = loaded.workspace.export_rows_of(&admin, &listing.slice(&loaded.workspace, 0..50));
            println!("exports {what}: listing {listed:?}, + page {:?} ({} of {}, {} rows)", t.elapsed(), listing.matching(), listing.total(), page.len());
        }
        // Not part of a cold start: the app keeps its workspace.
        std::mem::forget(loaded);
    }
}
