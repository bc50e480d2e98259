//! Cost of a cold start's decoding: the snapshot text of a generated workspace read back through
//! the snapshot line format and the lenient loader, at each demo size.
//! Run: `cargo bench -p connections-domain --bench load`.

use connections_domain::generate::DemoSize;
use connections_domain::storage::text::{decode_snapshot, encode_snapshot};
use connections_domain::{Timestamp, Workspace};

fn main() {
    divan::main();
}

const NOW: Timestamp = Timestamp(1_700_000_000_000);

#[divan::bench(args = [DemoSize::Small, DemoSize::Medium, DemoSize::Large], sample_count = 5, sample_size = 1)]
fn snapshot_to_workspace(bencher: divan::Bencher, size: DemoSize) {
    let mut ws = Workspace::generated(size, NOW);
    ws.take_events();
    let text = encode_snapshot(&ws.object_records());
    eprintln!("{}: snapshot of {} KiB", size.as_str(), text.len() / 1024);
    bencher.bench(|| Workspace::load(decode_snapshot(divan::black_box(&text))).map(|l| l.workspace.connections().count()));
}
