//! Where a cold start's decoding time goes, at the largest demo size (native, release):
//! `cargo run --release -p connections-domain --example load_phases`.
use connections_domain::generate::DemoSize;
use connections_domain::storage::text::{encode_snapshot, snapshot_lines};
use connections_domain::{Timestamp, Workspace};
use std::collections::BTreeMap;
use std::time::Instant;
fn main() {
    let mut ws = Workspace::generated(DemoSize::Large, Timestamp(1_700_000_000_000));
    ws.take_events();
    let text = encode_snapshot(&ws.object_records());
    for _ in 0..3 {
        let t = Instant::now();
        let (pairs, _) = snapshot_lines(&text);
        let split = t.elapsed();
        let map: BTreeMap<&str, &str> = pairs.into_iter().collect();
        let mapped = t.elapsed();
        let loaded = Workspace::load_map(map).unwrap();
        println!("split {split:?}, map {mapped:?}, loaded {:?} ({} exports, {} KiB)", t.elapsed(), loaded.workspace.exports().count(), text.len() / 1024);
    }
}
