//! What the demo simulates in place of the real services, decided here so that the app only
//! schedules it: how long an engagement link's data takes to arrive, and how a run of an export
//! or enrichment goes. Every outcome follows from the object's id, so the same export always
//! ends the same way (stable tests, a demo that tells the same story twice).

use crate::command::Command;
use crate::ids::{EnrichmentId, ExportId};
use crate::model::RunOutcome;

/// How long the demo waits before a new link's data "arrives". The real service can take
/// several hours; the demo compresses that to a few seconds and says so on screen.
pub const SIMULATED_DATA_DELAY_MS: i64 = 5_000;

/// Pause between two steps of a simulated run (Queued → Processing → its outcome).
pub const SIMULATED_RUN_STEP_MS: u64 = 900;

fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// How a simulated run of the export or enrichment `id` ends: about one run in five fails.
pub fn simulated_run_outcome(id: &str) -> RunOutcome {
    if id_hash(id) % 5 == 4 { RunOutcome::Failed } else { RunOutcome::Successful }
}

/// How many customers a successful simulated run of the enrichment `id` enriched.
pub fn simulated_enriched_customers(id: &str) -> u64 {
    1_000 + id_hash(id) % 60_000
}

/// The steps that follow `RunExport { id }`, to send `SIMULATED_RUN_STEP_MS` apart.
pub fn simulated_export_run(id: &ExportId) -> Vec<Command> {
    vec![
        Command::FinishExportRun { id: id.clone(), outcome: RunOutcome::Processing },
        Command::FinishExportRun { id: id.clone(), outcome: simulated_run_outcome(id.as_str()) },
    ]
}

/// The steps that follow `RunEnrichment { id }`, to send `SIMULATED_RUN_STEP_MS` apart.
pub fn simulated_enrichment_run(id: &EnrichmentId) -> Vec<Command> {
    vec![
        Command::FinishEnrichmentRun { id: id.clone(), outcome: RunOutcome::Processing, enriched_customers: 0 },
        Command::FinishEnrichmentRun {
            id: id.clone(),
            outcome: simulated_run_outcome(id.as_str()),
            enriched_customers: simulated_enriched_customers(id.as_str()),
        },
    ]
}
