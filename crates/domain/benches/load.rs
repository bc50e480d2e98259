//! Cost of a cold start's decoding: the binary snapshot of a generated workspace read back through
//! the snapshot's framing and the lenient loader, at each demo size.
//! Run: `cargo bench -p connections-domain --bench load`.

use connections_domain::generate::DemoSize;
use connections_domain::storage::snapshot;
use connections_domain::{Timestamp, Workspace};

fn main() {
    divan::main();
}

const NOW: Timestamp = Timestamp(1_700_000_000_000);

#[divan::bench(args = [DemoSize::Small, DemoSize::Medium, DemoSize::Large], sample_count = 5, sample_size = 1)]
fn snapshot_to_workspace(bencher: divan::Bencher, size: DemoSize) {
    let mut ws = Workspace::generated(size, NOW);
    ws.take_events();
    let bytes = snapshot::encode(&ws);
    eprintln!("{}: snapshot of {} KiB", size.as_str(), bytes.len() / 1024);
    bencher.bench(|| {
        let parsed = snapshot::parse(divan::black_box(&bytes));
        Workspace::load_records(parsed.records).map(|l| l.workspace.connections().count())
    });
}
