//! What the demo simulates in place of the real services, decided here so that the app only
//! schedules it: how long an engagement link's data takes to arrive, and how a run of an export
//! or enrichment goes. Every outcome follows from the object's id, so the same export always
//! ends the same way (stable tests, a demo that tells the same story twice).

use crate::command::Command;
use crate::ids::{EngagementLinkId, EnrichmentId, ExportId};
use crate::model::RunOutcome;
use crate::views::ProfileReport;

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
        Command::AdvanceExportRun { id: id.clone(), outcome: RunOutcome::Processing },
        Command::AdvanceExportRun { id: id.clone(), outcome: simulated_run_outcome(id.as_str()) },
    ]
}

/// The steps that follow `RunEnrichment { id }`, to send `SIMULATED_RUN_STEP_MS` apart.
pub fn simulated_enrichment_run(id: &EnrichmentId) -> Vec<Command> {
    vec![
        Command::AdvanceEnrichmentRun { id: id.clone(), outcome: RunOutcome::Processing, enriched_customers: 0 },
        Command::AdvanceEnrichmentRun {
            id: id.clone(),
            outcome: simulated_run_outcome(id.as_str()),
            enriched_customers: simulated_enriched_customers(id.as_str()),
        },
    ]
}

/// xorshift64*: small and deterministic, which is all the demo's made-up counts need.
struct DemoRng(u64);

impl DemoRng {
    fn seeded(seed: &str) -> DemoRng {
        DemoRng(seed.bytes().fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

const GENDERS: [&str; 3] = ["gender.female", "gender.male", "gender.unspecified"];
const AGE_BANDS: [&str; 6] = ["age.18_24", "age.25_34", "age.35_44", "age.45_54", "age.55_64", "age.65_plus"];
const LOCATIONS: [&str; 8] =
    ["location.seattle", "location.london", "location.berlin", "location.paris", "location.tokyo", "location.sydney", "location.toronto", "location.sao_paulo"];

/// The profile report the demo shows for an engagement link once its data has "arrived": a
/// synthetic profile set, the same every time for the same link.
pub(crate) fn profile_report(link: &EngagementLinkId) -> ProfileReport {
    let mut rng = DemoRng::seeded(link.as_str());
    let profiles = 800 + rng.next() % 1200;
    let mut gender = [0u64; 3];
    let mut ages = [0u64; 6];
    let mut locations = [0u64; 8];
    for _ in 0..profiles {
        let g = rng.next() % 100;
        gender[if g < 49 { 0 } else if g < 96 { 1 } else { 2 }] += 1;
        // Two draws averaged: ages cluster in the middle bands.
        let a = ((rng.next() % 6 + rng.next() % 6) / 2) as usize;
        ages[a.min(5)] += 1;
        locations[(rng.next() % 8) as usize] += 1;
    }
    ProfileReport {
        link: link.clone(),
        profiles,
        gender: GENDERS.iter().copied().zip(gender).collect(),
        age_bands: AGE_BANDS.iter().copied().zip(ages).collect(),
        locations: LOCATIONS.iter().copied().zip(locations).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_links_report_is_the_same_every_time_and_adds_up() {
        let link = EngagementLinkId::new("link-7");
        let report = profile_report(&link);
        assert_eq!(report, profile_report(&link), "the same link always tells the same story");
        assert_ne!(report.profiles, profile_report(&EngagementLinkId::new("link-8")).profiles, "another link, other counts");
        assert!((800..2000).contains(&report.profiles), "{}", report.profiles);
        for breakdown in [&report.gender, &report.age_bands, &report.locations] {
            assert_eq!(breakdown.iter().map(|(_, n)| n).sum::<u64>(), report.profiles, "every profile is counted once per breakdown");
        }
    }
}
