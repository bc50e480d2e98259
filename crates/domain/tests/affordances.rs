//! What each export and enrichment row says its viewer may do now (the app only reads it), who
//! may create an export, and which connections can be attached to what.

mod common;


use common::*;
use connections_domain::*;

fn export_row(ws: &Workspace, viewer: &UserId, id: &ExportId) -> ExportRow {
    ws.export_rows(viewer).into_iter().find(|r| &r.id == id).expect("the export has a row")
}

#[test]
fn an_export_row_offers_run_duplicate_and_detach_only_while_it_may_run() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsAndContributors)));
    let e = created_export(&ok(&mut ws, &admin(), export_on(&c, "Daily")));
    let row = export_row(&ws, &admin(), &e);
    assert!(row.can_edit && row.can_run && row.can_duplicate && row.can_detach);
    assert!(!row.can_cancel && !row.can_attach);

    ok(&mut ws, &admin(), Command::RunExport { id: e.clone() });
    let row = export_row(&ws, &admin(), &e);
    assert!(!row.can_run && row.can_cancel, "a running export is stopped, not started again");
    assert!(row.can_duplicate && row.can_detach);
    ok(&mut ws, &admin(), Command::AdvanceExportRun { id: e.clone(), outcome: RunOutcome::Canceled });

    ok(&mut ws, &admin(), Command::DetachConnection { exports: vec![e.clone()] });
    let row = export_row(&ws, &admin(), &e);
    assert!(row.can_edit && row.can_attach);
    assert!(!row.can_run && !row.can_cancel && !row.can_duplicate && !row.can_detach, "detached: only attaching is left");
    // What the row offers is what the domain accepts.
    assert_eq!(refuse(&mut ws, &admin(), Command::RunExport { id: e.clone() }), DomainError::ExportDetached(e.clone()));
}

#[test]
fn a_viewer_s_export_row_offers_nothing() {
    let ws = Workspace::sample(NOW);
    for row in ws.export_rows(&viewer()) {
        assert!(!(row.can_edit || row.can_run || row.can_cancel || row.can_duplicate || row.can_detach || row.can_attach), "{row:?}");
    }
    // A contributor's rows on an administrators-only connection are read only too.
    let contributor_rows = ws.export_rows(&contributor());
    assert!(contributor_rows.iter().any(|r| !r.can_edit));
    assert!(contributor_rows.iter().filter(|r| !r.can_edit).all(|r| !r.can_run && !r.can_detach && !r.can_duplicate));
    // The paged projection says the same as the whole list.
    let ids: Vec<ExportId> = contributor_rows.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ws.export_rows_of(&contributor(), &ids), contributor_rows);
}

#[test]
fn an_enrichment_row_offers_run_activate_and_attach_by_its_state() {
    let mut ws = Workspace::empty();
    let m = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps")));
    let n = created_enrichment(&ok(&mut ws, &admin(), Command::CreateEnrichment { name: "Geo".into(), connection: m.clone() }));
    let row = ws.enrichment_row_of(&contributor(), &n).unwrap();
    assert!(row.can_edit && row.can_run && row.can_deactivate);
    assert!(!row.can_activate && !row.can_cancel && !row.can_attach);

    ok(&mut ws, &contributor(), Command::RunEnrichment { id: n.clone() });
    let row = ws.enrichment_row_of(&contributor(), &n).unwrap();
    assert!(!row.can_run && row.can_cancel);
    ok(&mut ws, &contributor(), Command::DeactivateEnrichments { ids: vec![n.clone()] });
    let row = ws.enrichment_row_of(&contributor(), &n).unwrap();
    assert!(!row.can_run && !row.can_cancel && !row.can_deactivate, "deactivating stopped the run");
    assert!(row.can_activate && !row.can_attach);

    // Its connection removed: it can't be activated until another is attached.
    ok(&mut ws, &admin(), Command::RemoveConnection { id: m.clone() });
    let row = ws.enrichment_row_of(&contributor(), &n).unwrap();
    assert!(row.connection.is_none() && !row.active);
    assert!(!row.can_activate && !row.can_run && row.can_attach);
    assert_eq!(refuse(&mut ws, &contributor(), Command::ActivateEnrichments { ids: vec![n.clone()] }), DomainError::EnrichmentWithoutConnection(n.clone()));

    let viewer_row = ws.enrichment_row_of(&viewer(), &n).unwrap();
    assert!(!(viewer_row.can_edit || viewer_row.can_run || viewer_row.can_activate || viewer_row.can_attach || viewer_row.can_deactivate));
    assert_eq!(ws.enrichment_row_of(&UserId::new("nobody"), &n), None);
    assert_eq!(ws.enrichment_rows(&contributor()), vec![ws.enrichment_row_of(&contributor(), &n).unwrap()]);
}

#[test]
fn only_connections_of_the_enrichment_s_provider_can_be_attached_to_it() {
    let mut ws = Workspace::empty();
    let m = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps")));
    let m2 = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps 2")));
    let other = created_connection(&ok(&mut ws, &admin(), leadspace_connection("Firmo")));
    let n = created_enrichment(&ok(&mut ws, &admin(), Command::CreateEnrichment { name: "Geo".into(), connection: m.clone() }));
    let target = AttachTarget::Enrichment(n.clone());
    let ids = |viewer: &UserId| ws.attachable_connections(viewer, &target).into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(ids(&contributor()), vec![m.clone(), m2.clone()]);
    assert!(!ids(&admin()).contains(&other), "another provider is the WrongProvider refusal");
    assert!(ids(&viewer()).is_empty());
    assert!(ws.attachable_connections(&admin(), &AttachTarget::Enrichment(EnrichmentId::new("missing"))).is_empty());
    assert!(matches!(
        refuse(&mut ws, &admin(), Command::AttachConnectionToEnrichment { enrichment: n.clone(), connection: other }),
        DomainError::WrongProvider { .. }
    ));
}

#[test]
fn an_export_takes_the_export_connections_its_viewer_may_use() {
    let mut ws = Workspace::empty();
    let shared = created_connection(&ok(&mut ws, &admin(), blob("Shared", UsableBy::AdministratorsAndContributors)));
    let private = created_connection(&ok(&mut ws, &admin(), blob("Private", UsableBy::AdministratorsOnly)));
    ok(&mut ws, &admin(), maps_connection("Maps"));
    let e = created_export(&ok(&mut ws, &contributor(), export_on(&shared, "Mine")));
    let on_private = created_export(&ok(&mut ws, &admin(), export_on(&private, "Theirs")));
    let ids = |viewer: &UserId, id: &ExportId| {
        ws.attachable_connections(viewer, &AttachTarget::Export(id.clone())).into_iter().map(|c| c.id).collect::<Vec<_>>()
    };
    assert_eq!(ids(&admin(), &e), vec![shared.clone(), private.clone()], "export connections only");
    assert_eq!(ids(&contributor(), &e), vec![shared.clone()]);
    assert!(ids(&contributor(), &on_private).is_empty(), "a contributor may not change this export");
    assert!(ids(&viewer(), &e).is_empty());
}

#[test]
fn creating_exports_needs_a_connection_the_viewer_may_use() {
    let mut ws = Workspace::empty();
    assert!(ws.can(&admin(), Capability::CreateExports), "administrators may always (they add connections)");
    assert!(!ws.can(&contributor(), Capability::CreateExports));
    ok(&mut ws, &admin(), blob("Private", UsableBy::AdministratorsOnly));
    ok(&mut ws, &admin(), maps_connection("Maps"));
    assert!(!ws.can(&contributor(), Capability::CreateExports), "no export connection is shared with contributors");
    ok(&mut ws, &admin(), blob("Shared", UsableBy::AdministratorsAndContributors));
    assert!(ws.can(&contributor(), Capability::CreateExports));
    assert!(!ws.can(&viewer(), Capability::CreateExports));
    assert!(!ws.can(&UserId::new("nobody"), Capability::CreateExports));
    // Without one a contributor still changes data (the page says why Add export is missing).
    let empty = Workspace::empty();
    assert!(empty.can(&contributor(), Capability::ChangeData) && !empty.can(&contributor(), Capability::CreateExports));
    assert!(!empty.can(&viewer(), Capability::ChangeData));
}
