use connections_domain::generate::{DemoSize, Generator};
use connections_domain::*;
use std::collections::BTreeSet;

const NOW: Timestamp = Timestamp(1_700_000_000_000);

fn check_shape(ws: &Workspace, size: DemoSize) {
    assert_eq!(ws.users().count(), 6);
    assert_eq!(ws.connections().count(), size.connections());
    assert_eq!(ws.exports().count(), size.exports());
    assert_eq!(ws.enrichments().count(), size.enrichments());
    let enrichment_connections = ws.connections().filter(|c| c.category() == Category::Enrichment).count();
    assert_eq!(enrichment_connections, size.enrichment_connections());
    // Enrichments are about a tenth of the exports.
    let ratio = ws.enrichments().count() as f64 / ws.exports().count() as f64;
    assert!((0.09..=0.11).contains(&ratio), "enrichments are {ratio} of the exports");
    for export in ws.exports() {
        let id = export.connection.as_ref().expect("generated exports are attached");
        let connection = ws.connection(id).unwrap_or_else(|| panic!("{} names a missing connection", export.id));
        assert_eq!(connection.category(), Category::Export, "{} is on an export connection", export.id);
    }
    for enrichment in ws.enrichments() {
        let id = enrichment.connection.as_ref().expect("generated enrichments are attached");
        assert_eq!(ws.connection(id).map(|c| c.category()), Some(Category::Enrichment));
    }
    // Display names are unique per category (apply would refuse otherwise, but say so here).
    let names: BTreeSet<_> = ws.connections().map(|c| (c.category(), c.display_name.fold())).collect();
    assert_eq!(names.len(), size.connections());
    assert!(ws.key_vault().is_some_and(|v| !v.secrets.is_empty()));
    assert!(ws.connections().any(|c| c.uses_vault()));
    // Every creation left its event; runs add a few more.
    let created = ws
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::ConnectionCreated { .. } | EventKind::ExportCreated { .. } | EventKind::EnrichmentCreated { .. }))
        .count();
    assert_eq!(created, size.connections() + size.exports() + size.enrichments());
    assert!(ws.events().windows(2).all(|w| w[0].at <= w[1].at), "the log is in time order");
    assert!(ws.events().last().is_some_and(|e| e.at <= NOW));
}

/// The first export connection is the hub: a tenth of the exports use it, more than any other.
/// Returns how many depend on it.
fn check_hub(ws: &Workspace, size: DemoSize) -> usize {
    let first = ws.connections().filter(|c| c.category() == Category::Export).min_by_key(|c| c.created_at).unwrap().id.clone();
    let on_hub = ws.dependents(&first).exports.len();
    assert_eq!(on_hub, size.hub_exports());
    assert_eq!(on_hub, size.exports() / 10);
    let others = ws.connections().filter(|c| c.id != first).map(|c| ws.dependents(&c.id).exports.len()).max();
    assert!(others.is_some_and(|o| o < on_hub), "the hub has the most dependents ({on_hub}), the next {others:?}");
    on_hub
}

#[test]
fn the_test_size_has_one_connection_with_two_thousand_dependents() {
    let ws = Workspace::generated(DemoSize::Test, NOW);
    check_shape(&ws, DemoSize::Test);
    assert_eq!(check_hub(&ws, DemoSize::Test), 2_000);
}

#[test]
fn small_has_the_promised_counts_and_only_valid_references() {
    let ws = Workspace::generated(DemoSize::Small, NOW);
    check_shape(&ws, DemoSize::Small);
    assert_eq!(check_hub(&ws, DemoSize::Small), 100);
}

#[test]
fn medium_has_the_promised_counts() {
    let ws = Workspace::generated(DemoSize::Medium, NOW);
    check_shape(&ws, DemoSize::Medium);
    assert_eq!(check_hub(&ws, DemoSize::Medium), 1_000);
}

#[test]
fn large_has_a_hub_of_ten_thousand() {
    assert_eq!(DemoSize::Large.hub_exports(), 10_000);
}

#[test]
fn generation_is_deterministic_and_resumable() {
    let whole = Workspace::generated(DemoSize::Small, NOW);
    assert_eq!(whole, Workspace::generated(DemoSize::Small, NOW));
    assert_ne!(whole, Workspace::generated(DemoSize::Small, Timestamp(NOW.0 + 1)));

    let mut generator = Generator::new(DemoSize::Small, NOW);
    let start = generator.progress();
    assert_eq!(start.done, 0);
    assert!(start.total > DemoSize::Small.connections() + DemoSize::Small.exports());
    let mut last = start;
    let mut chunks = 0;
    while !last.is_complete() {
        let now = generator.step(97);
        assert!(now.done > last.done && now.done - last.done <= 97);
        assert_eq!(now.total, start.total);
        last = now;
        chunks += 1;
    }
    assert_eq!(chunks, start.total.div_ceil(97));
    assert_eq!(generator.step(10).done, start.total, "nothing left to do");
    assert_eq!(generator.finish(), whole, "chunked and whole give the same workspace");
}

#[test]
fn small_survives_the_storage_round_trip() {
    let ws = Workspace::generated(DemoSize::Small, NOW);
    let pairs = ws.records().into_iter().map(|r| (r.key, r.json)).collect();
    let decoded = Workspace::from_records(pairs).expect("generated records decode");
    assert_eq!(decoded, ws);
}

#[test]
fn sizes_have_stable_names() {
    for size in DemoSize::ALL {
        assert_eq!(DemoSize::parse(size.as_str()), Some(size));
    }
    assert_eq!(DemoSize::parse("huge"), None);
}
