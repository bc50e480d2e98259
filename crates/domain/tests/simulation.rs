//! The simulated runs: decided by the domain from the id, so the app only schedules them.

mod common;

use common::*;
use connections_domain::simulation::*;
use connections_domain::*;

#[test]
fn a_run_ends_the_same_way_every_time_and_about_one_in_five_fails() {
    for n in 1..100 {
        let id = format!("e-{n}");
        assert_eq!(simulated_run_outcome(&id), simulated_run_outcome(&id));
    }
    let failed = (1..=1000).filter(|n| simulated_run_outcome(&format!("e-{n}")) == RunOutcome::Failed).count();
    assert!((150..250).contains(&failed), "{failed} of 1000 failed");
    // The end-to-end test runs the 31st export of the sample and expects exactly this.
    assert_eq!(simulated_run_outcome("e-31"), RunOutcome::Failed);
    assert_eq!(simulated_run_outcome("e-2"), RunOutcome::Successful);
}

#[test]
fn the_steps_after_run_now_bring_the_export_to_its_outcome() {
    let mut ws = Workspace::empty();
    let c = created_connection(&ok(&mut ws, &admin(), blob("Lake", UsableBy::AdministratorsAndContributors)));
    for n in 0..6 {
        let e = created_export(&ok(&mut ws, &admin(), export_on(&c, &format!("x{n}"))));
        ok(&mut ws, &admin(), Command::RunExport { id: e.clone() });
        let steps = simulated_export_run(&e);
        assert_eq!(steps.len(), 2);
        for step in steps {
            ok(&mut ws, &admin(), step);
        }
        assert_eq!(ws.export(&e).map(|x| x.status), Some(simulated_run_outcome(e.as_str()).status()));
    }
}

#[test]
fn an_enrichment_run_says_how_many_customers_it_enriched() {
    let id = EnrichmentId::new("n-7");
    let steps = simulated_enrichment_run(&id);
    let Some(Command::AdvanceEnrichmentRun { outcome, enriched_customers, .. }) = steps.last() else { panic!("a finish") };
    assert_eq!(*outcome, simulated_run_outcome("n-7"));
    assert_eq!(*enriched_customers, simulated_enriched_customers("n-7"));
    assert!((1_000..61_000).contains(enriched_customers));
    assert!(matches!(steps[0], Command::AdvanceEnrichmentRun { outcome: RunOutcome::Processing, .. }));
}
