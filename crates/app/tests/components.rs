//! Component tests in a real browser (wasm-bindgen-test; `cargo xtask test` runs them in
//! headless Chromium and in headless Firefox). Each mounts the portal below start-up with a
//! chosen workspace, user, phase and storage state, then reads and drives the DOM.

use connections_domain::{Timestamp, UserId, Workspace};
use connections_portal::state::startup::StoredDataProblem;
use connections_portal::storage::decoder::decide;
use connections_portal::state::{Phase, Portal};
use connections_portal::storage::idb::{Database, RawRecord, SnapshotHeader};
use connections_portal::storage::writer::{SaveStatus, Writer};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

const NOW: Timestamp = Timestamp(1_763_900_000_000);

fn admin_of(workspace: &Workspace, role: connections_domain::Role) -> String {
    workspace.users().find(|u| u.role == role).unwrap().id.to_string()
}

#[wasm_bindgen_test]
async fn navigation_has_every_group_and_marks_the_current_page() {
    let root = mount("/data/exports", portal(Workspace::sample(NOW), "u-admin-1")).await;
    let nav = text(&root, "nav.side-nav");
    for label in ["Data", "Exports", "Enrichment", "Settings", "Connections", "Key Vault", "Activity", "Engagement insights"] {
        assert!(nav.contains(label), "navigation lacks {label}: {nav}");
    }
    assert_eq!(text(&root, "nav a[aria-current='page']"), "Exports");
    assert_eq!(text(&root, "h1#page-title"), "Exports");
}

#[wasm_bindgen_test]
async fn the_root_redirects_to_the_enrichment_tab_and_unknown_urls_say_not_found() {
    let root = mount("/", portal(Workspace::sample(NOW), "u-admin-1")).await;
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    assert_eq!(path, "/settings/connections/enrichment");
    assert_eq!(text(&root, "[role=tab][aria-selected=true]"), "Enrichment");

    let root = mount("/no/such/page", portal(Workspace::sample(NOW), "u-admin-1")).await;
    assert_eq!(text(&root, "h1#page-title"), "Page not found");
    assert!(text(&root, "main").contains("/no/such/page"));
}

#[wasm_bindgen_test]
async fn sample_connections_render_in_their_tab() {
    let workspace = Workspace::sample(NOW);
    let enrichment_count = workspace.connection_rows(&UserId::new("u-admin-1"), connections_domain::Category::Enrichment, connections_domain::Timestamp(0)).len();
    let root = mount("/settings/connections/enrichment", portal(workspace, "u-admin-1")).await;
    let rows = root.query_selector_all("#connection-list tbody tr").unwrap().length() as usize;
    assert!(enrichment_count > 0);
    assert_eq!(rows, enrichment_count);
}

#[wasm_bindgen_test]
async fn switching_to_a_contributor_denies_the_key_vault_page_live() {
    let workspace = Workspace::sample(NOW);
    let admin = admin_of(&workspace, connections_domain::Role::Administrator);
    let contributor = admin_of(&workspace, connections_domain::Role::Contributor);
    let root = mount("/settings/permissions/key-vault", portal(workspace, &admin)).await;
    assert!(root.query_selector("#vault-tile").unwrap().is_some(), "an administrator sees the vault");
    assert!(root.query_selector("#access-denied").unwrap().is_none());

    choose(&root, "#user-menu", &contributor).await;
    wait_for_element(&root, "#access-denied").await;
    assert!(root.query_selector("#vault-tile").unwrap().is_none(), "a contributor must not see the vault");
    assert!(text(&root, "#access-denied").contains("Contributor"));
    let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("connections-portal.user").unwrap();
    assert_eq!(stored, Some(format!("\"{contributor}\"")), "the switch is remembered for the next visit");
}

#[wasm_bindgen_test]
async fn switching_to_french_translates_live_and_sets_html_lang() {
    let root = mount("/data/exports", portal(Workspace::sample(NOW), "u-admin-1")).await;
    choose(&root, "#language-menu", "fr").await;
    wait_for_text(&root, "h1#page-title", "Exportations").await;
    assert_eq!(text(&root, "h1#page-title"), "Exportations");
    assert!(text(&root, "nav.side-nav").contains("Connexions"));
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("fr"));
    choose(&root, "#language-menu", "en").await;
    wait_for_text(&root, "h1#page-title", "Exports").await;
    assert_eq!(text(&root, "h1#page-title"), "Exports");
}

#[wasm_bindgen_test]
async fn first_run_offers_sample_data_and_loading_it_fills_the_lists() {
    let portal = Portal::new(Workspace::empty(), UserId::new("u-admin-1"), Phase::FirstRun, Writer::new(None, SaveStatus::Saved));
    let root = mount("/data/exports", portal).await;
    assert!(root.query_selector("#export-list").unwrap().is_none());
    let button: web_sys::HtmlElement = root.query_selector("#load-sample").unwrap().unwrap().unchecked_into();
    button.click();
    wait_for_element(&root, "#export-list tbody tr").await;
    let rows = root.query_selector_all("#export-list tbody tr").unwrap().length();
    assert!(rows >= 20, "sample data has ~30 exports, saw {rows}");
}

#[wasm_bindgen_test]
async fn memory_only_mode_shows_a_banner() {
    let portal = Portal::new(
        Workspace::sample(NOW),
        UserId::new("u-admin-1"),
        Phase::Ready,
        Writer::new(None, SaveStatus::MemoryOnly { reason: "IndexedDB refused".into() }),
    );
    let root = mount("/data/exports", portal).await;
    let banner = text(&root, "#memory-only-banner");
    assert!(banner.contains("won't keep your changes"), "{banner}");
    assert!(banner.contains("IndexedDB refused"));
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_set_aside_and_a_store_without_meta_is_kept_for_download() {
    let mut records: Vec<RawRecord> = Workspace::sample(NOW)
        .records()
        .into_iter()
        .map(|r| RawRecord { key: r.key, text: r.json })
        .collect();
    let damaged = records.iter_mut().find(|r| r.key.starts_with("connection/")).unwrap();
    damaged.text.truncate(damaged.text.len() / 2);
    let damaged_key = damaged.key.clone();
    let loaded = decide(records.clone()).expect("one damaged record does not lock the store").expect("a workspace");
    assert_eq!(loaded.report.set_aside.len(), 1);
    assert_eq!(loaded.report.set_aside[0].key, damaged_key);

    records.retain(|r| r.key != "meta");
    let problem = decide(records.clone()).expect_err("a store without its meta record must not load");
    assert_eq!(problem.raw, records, "the raw records are kept exactly");
    assert!(problem.raw_json().contains(&damaged_key));

    let portal = Portal::new(Workspace::empty(), UserId::new("u-admin-1"), Phase::Recovery(problem), Writer::new(None, SaveStatus::Saved));
    let root = mount("/data/exports", portal).await;
    assert!(text(&root, "#recovery-reason").contains("no version record"));
    assert!(root.query_selector("#download-raw").unwrap().is_some());
    assert!(root.query_selector("#start-fresh").unwrap().is_none(), "without storage there is nothing to start fresh in");
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_refused_not_discarded() {
    let mut records: Vec<RawRecord> = Workspace::empty()
        .records()
        .into_iter()
        .map(|r| RawRecord { key: r.key, text: r.json })
        .collect();
    let meta = records.iter_mut().find(|r| r.key == "meta").unwrap();
    meta.text = r#"{"schema_version":999}"#.into();
    let problem: StoredDataProblem = decide(records).expect_err("newer data must not load");
    assert_eq!(problem.message_key, "recovery.newer_version");
    assert!(problem.args.iter().any(|(k, v)| *k == "found" && v == "999"));
}

#[wasm_bindgen_test]
async fn the_change_log_appends_compacts_and_survives_reopening() {
    let db = Database::open(|| {}, || {}).await.expect("IndexedDB opens in a test browser");
    let header = SnapshotHeader { generation: 7.5, seq: 1 };
    db.replace(&header, b"meta\t{}\n", &[(0, "first event".into())]).await.unwrap();
    db.append(&[(2, "P\ta\t1\n".into()), (3, "D\ta\n".into())], &[(1, "second event".into())]).await.unwrap();
    let (seen, entries) = db.read_since(2).await.unwrap();
    assert_eq!(seen, Some(header.clone()));
    assert_eq!(entries, vec![(3, "D\ta\n".to_owned())]);
    assert_eq!(db.events_between(0, 5).await.unwrap(), vec![(0, "first event".to_owned()), (1, "second event".to_owned())]);

    drop(db);
    let reopened = Database::open(|| {}, || {}).await.unwrap();
    let compacted = SnapshotHeader { generation: 7.5, seq: 3 };
    reopened.compact(&compacted, b"\0cps1 binary bytes").await.unwrap();
    // A commit checks the header alone, kept beside the snapshot: compaction moved it on too.
    assert_eq!(reopened.read_since(3).await.unwrap().0, Some(compacted.clone()));
    let state = reopened.read_state().await.unwrap();
    assert_eq!(state.header, Some(compacted));
    assert_eq!(state.snapshot, b"\0cps1 binary bytes", "the snapshot's bytes come back as they were written");
    assert!(state.log.is_empty(), "compaction drops the entries it folded in: {:?}", state.log);
    let replaced = SnapshotHeader { generation: 8.0, seq: 4 };
    reopened.replace(&replaced, b"", &[]).await.unwrap();
    assert_eq!(reopened.read_since(4).await.unwrap().0, Some(replaced));
}

/// Fluent picks each language's CLDR plural form (French puts 0 with 1, English does not),
/// writes the count the language's way, fills the other variables, and both languages hold the
/// same messages.
#[wasm_bindgen_test]
fn counts_take_each_languages_plural_form_and_number_style() {
    use connections_portal::i18n::{I18n, Locale};
    let _owner = Owner::new();
    let i18n = I18n::new(Locale::English);
    assert_eq!(i18n.plural("connections.count", 0, &[]), "0 connections shown");
    assert_eq!(i18n.plural("connections.count", 1, &[]), "1 connection shown");
    assert_eq!(i18n.plural("connections.count", 2500, &[]), "2,500 connections shown");
    assert_eq!(i18n.tf("data.enrichment.count", &[("shown", "3"), ("total", "7")]), "3 of 7 enrichments");
    i18n.set_locale(Locale::French);
    assert_eq!(i18n.plural("connections.count", 0, &[]), "0 connexion affichée");
    assert_eq!(i18n.plural("connections.count", 1, &[]), "1 connexion affichée");
    assert_eq!(i18n.plural("connections.count", 2500, &[]).replace('\u{202f}', " "), "2 500 connexions affichées");
    assert_eq!(i18n.t("no.such.key"), "no.such.key", "a missing key shows itself rather than failing");

    let english: std::collections::BTreeSet<_> = Locale::English.keys().collect();
    let french: std::collections::BTreeSet<_> = Locale::French.keys().collect();
    assert!(english.len() > 700, "every feature file is read: {}", english.len());
    let missing: Vec<_> = english.symmetric_difference(&french).collect();
    assert!(missing.is_empty(), "keys in only one locale: {missing:?}");
}

/// The in-memory newest page of the activity log: answered only for exactly what it holds,
/// extended by this tab's events, trimmed to its limit, and dropped when events skip ahead.
#[wasm_bindgen_test]
fn the_kept_activity_page_answers_only_for_what_it_holds() {
    use connections_portal::state::recent_events::RecentEvents;
    let events = Workspace::sample(NOW).events().to_vec();
    assert!(events.len() > 12, "the sample has a log");
    let (first, rest) = events.split_at(10);
    let next = first.last().unwrap().seq + 1;
    let mut kept = RecentEvents::new(next, 10, first.to_vec());
    assert_eq!(kept.get(next, 10).map(|e| e.len()), Some(10));
    assert_eq!(kept.get(next, 20), None, "another reach is read from the store");
    assert_eq!(kept.get(next + 1, 10), None, "another position is read from the store");
    kept.extend(&rest[..2]);
    let after = kept.get(next + 2, 10).expect("extended by what followed on");
    assert_eq!(after.len(), 10, "trimmed to the limit");
    assert_eq!(after.last(), Some(&rest[1]), "newest last, as the store gives them");
    assert_eq!(after.first(), Some(&first[2]), "the oldest two fell off");
    kept.extend(&rest[3..4]);
    assert_eq!(kept.get(rest[3].seq + 1, 10), None, "a gap (another tab's event) drops what was kept");
}
