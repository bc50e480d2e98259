//! `Workspace::undo_of`: the domain says what undoes a command, so the app copies nothing.

mod common;

use common::*;
use connections_domain::*;

fn undo(ws: &mut Workspace, actor: &UserId, command: Command) -> Option<Undo> {
    let undo = ws.undo_of(actor, &command);
    ok(ws, actor, command);
    undo
}

fn run_undo(ws: &mut Workspace, actor: &UserId, undo: Undo) {
    for command in undo.into_commands() {
        ok(ws, actor, command);
    }
}

#[test]
fn removing_a_connection_exports_or_enrichments_is_undone_to_what_was_there() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsAndContributors)));
    let e = created_export(&ok(&mut ws, &admin(), export_on(&c, "Weekly")));
    let before = ws.export(&e).cloned();
    let u = undo(&mut ws, &admin(), Command::RemoveExports { ids: vec![e.clone()] }).expect("an undo");
    assert!(ws.export(&e).is_none());
    run_undo(&mut ws, &admin(), u);
    assert_eq!(ws.export(&e).cloned(), before);

    let u = undo(&mut ws, &admin(), Command::DetachConnection { exports: vec![e.clone()] }).expect("an undo");
    assert_eq!(ws.export(&e).and_then(|x| x.connection.clone()), None);
    assert!(matches!(u.commands(), [Command::AttachConnectionToExport { export, connection }] if *export == e && *connection == c));
    run_undo(&mut ws, &admin(), u);
    assert_eq!(ws.export(&e).and_then(|x| x.connection.clone()), Some(c.clone()));

    ok(&mut ws, &admin(), Command::RemoveExports { ids: vec![e] });
    let saved = ws.connection(&c).cloned();
    let u = undo(&mut ws, &admin(), Command::RemoveConnection { id: c.clone() }).expect("an undo");
    assert!(ws.connection(&c).is_none());
    run_undo(&mut ws, &admin(), u);
    assert_eq!(ws.connection(&c).cloned(), saved);
}

#[test]
fn enrichments_deleted_or_deactivated_come_back() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), maps_connection("Maps")));
    let n = created_enrichment(&ok(&mut ws, &admin(), Command::CreateEnrichment { name: "Geo".into(), connection: c.clone() }));
    let u = undo(&mut ws, &admin(), Command::DeactivateEnrichments { ids: vec![n.clone()] }).expect("an undo");
    assert_eq!(ws.enrichment(&n).map(|x| x.active), Some(false));
    run_undo(&mut ws, &admin(), u);
    assert_eq!(ws.enrichment(&n).map(|x| x.active), Some(true));
    // Activating one that is active changes nothing, so there is nothing to undo.
    assert!(ws.undo_of(&admin(), &Command::ActivateEnrichments { ids: vec![n.clone()] }).is_none());
    ok(&mut ws, &admin(), Command::DeactivateEnrichments { ids: vec![n.clone()] });
    let u = undo(&mut ws, &admin(), Command::ActivateEnrichments { ids: vec![n.clone()] }).expect("an undo");
    assert_eq!(ws.enrichment(&n).map(|x| x.active), Some(true));
    run_undo(&mut ws, &admin(), u);
    assert_eq!(ws.enrichment(&n).map(|x| x.active), Some(false));
    ok(&mut ws, &admin(), Command::ActivateEnrichments { ids: vec![n.clone()] });
    let before = ws.enrichment(&n).cloned();
    let u = undo(&mut ws, &admin(), Command::DeleteEnrichments { ids: vec![n.clone()] }).expect("an undo");
    run_undo(&mut ws, &admin(), u);
    assert_eq!(ws.enrichment(&n).cloned(), before);
}

#[test]
fn only_who_may_restore_gets_a_restoring_undo_and_other_commands_have_none() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsAndContributors)));
    let e = created_export(&ok(&mut ws, &contributor(), export_on(&c, "Mine")));
    assert!(ws.undo_of(&contributor(), &Command::RemoveExports { ids: vec![e.clone()] }).is_none(), "restoring is for administrators");
    assert!(ws.undo_of(&admin(), &Command::RemoveExports { ids: vec![ExportId::new("e-404")] }).is_none(), "nothing to put back");
    assert!(ws.undo_of(&admin(), &Command::RunExport { id: e }).is_none());
}
