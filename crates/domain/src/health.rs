//! Connection health: the history of tests and run outcomes each connection keeps, and the one
//! derivation of its state.
//!
//! **The derivation** ([`Workspace::health_of`]), first rule that applies:
//! 1. **Failing**: a check that needs no network fails now (the linked Key Vault or a vault
//!    secret it uses cannot be reached or is gone, a required secret is missing, the provider
//!    sign-in is missing or has expired), or every export and active enrichment using it that has
//!    finished a run ended its latest run in failure (at least one has).
//! 2. **Needs attention**: the last Test connection failed (its problems have cleared since: test
//!    again), some but not all latest runs failed, or the sign-in expires within
//!    [`SIGN_IN_WARNING_DAYS`] days.
//! 3. **Not tested**: nothing to go on: no Test connection in the history and no user has a
//!    finished run.
//! 4. **Healthy**: otherwise (the last test passed, or runs succeed, and nothing fails now).
//!
//! Field formats are not re-checked here: they are checked on every save, and Test connection
//! still checks them (its failure then counts through rule 2).
//!
//! **History**: every Test connection and every finished run of an export or enrichment using
//! the connection adds a [`HealthEntry`] (time, who, result); the newest [`HISTORY_LIMIT`] are
//! kept, the oldest dropped. It is part of the connection record, read leniently: an entry that
//! does not decode is dropped rather than the connection set aside.

use serde::{Deserialize, Deserializer, Serialize};

use crate::catalog::Category;
use crate::checks::CheckProblem;
use crate::ids::{ConnectionId, EnrichmentId, ExportId, UserId};
use crate::model::{Connection, RunOutcome, RunStatus, Timestamp};
use crate::workspace::Workspace;

/// How many history entries a connection keeps.
pub const HISTORY_LIMIT: usize = 20;
/// A sign-in that runs out within this many days needs attention.
pub const SIGN_IN_WARNING_DAYS: u32 = 7;

/// The health state, most urgent first (the Health column sorts in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Health {
    Failing,
    NeedsAttention,
    NotTested,
    Healthy,
}

impl Health {
    pub const ALL: [Health; 4] = [Health::Failing, Health::NeedsAttention, Health::NotTested, Health::Healthy];

    /// Stable name, for URLs and filter values.
    pub fn slug(self) -> &'static str {
        match self {
            Health::Failing => "failing",
            Health::NeedsAttention => "needs-attention",
            Health::NotTested => "not-tested",
            Health::Healthy => "healthy",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Health> {
        Health::ALL.into_iter().find(|h| h.slug() == slug)
    }
}

/// What one history entry records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HealthResult {
    /// A Test connection; `problems == 0` means it passed.
    Test { problems: u32 },
    ExportRun { export: ExportId, name: String, outcome: RunOutcome },
    EnrichmentRun { enrichment: EnrichmentId, name: String, outcome: RunOutcome },
}

impl HealthResult {
    pub fn is_failure(&self) -> bool {
        match self {
            HealthResult::Test { problems } => *problems > 0,
            HealthResult::ExportRun { outcome, .. } | HealthResult::EnrichmentRun { outcome, .. } => *outcome == RunOutcome::Failed,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthEntry {
    pub at: Timestamp,
    pub by: UserId,
    pub result: HealthResult,
}

/// How many of the things using a connection finished their latest run, and how many of those failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RunTally {
    ran: usize,
    failing: usize,
}

impl RunTally {
    fn add(self, status: RunStatus) -> RunTally {
        RunTally { ran: self.ran + usize::from(run_finished(status)), failing: self.failing + usize::from(run_failed(status)) }
    }
}

/// A connection's history, oldest first, at most [`HISTORY_LIMIT`] entries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct HealthHistory(Vec<HealthEntry>);

impl HealthHistory {
    pub fn push(&mut self, entry: HealthEntry) {
        self.0.push(entry);
        if self.0.len() > HISTORY_LIMIT {
            let extra = self.0.len() - HISTORY_LIMIT;
            self.0.drain(..extra);
        }
    }

    pub fn entries(&self) -> &[HealthEntry] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The newest Test connection, if any.
    pub fn last_test(&self) -> Option<(&HealthEntry, u32)> {
        self.0.iter().rev().find_map(|e| match e.result {
            HealthResult::Test { problems } => Some((e, problems)),
            _ => None,
        })
    }
}

/// Lenient in JSON (the change log, backups, older snapshots): a value that is not a list reads as
/// no history, an entry that does not decode is dropped, and only the newest [`HISTORY_LIMIT`] are
/// kept, so damaged history never costs the connection. The snapshot's binary form has no self-
/// describing values to skip over, so there it is read strictly (a damaged binary record is set
/// aside whole, like any other).
impl<'de> Deserialize<'de> for HealthHistory {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            let mut history = HealthHistory::default();
            Vec::<HealthEntry>::deserialize(deserializer)?.into_iter().for_each(|entry| history.push(entry));
            return Ok(history);
        }
        let value = serde_json::Value::deserialize(deserializer)?;
        let serde_json::Value::Array(items) = value else { return Ok(HealthHistory::default()) };
        let mut history = HealthHistory::default();
        for item in items {
            if let Ok(entry) = serde_json::from_value::<HealthEntry>(item) {
                history.push(entry);
            }
        }
        Ok(history)
    }
}

/// Why the state is what it is; the first is the deciding one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum HealthReason {
    /// Checks that need no network fail now (vault, secrets, sign-in).
    ProblemsNow { problems: usize },
    /// Every user that has run failed its latest run.
    AllRunsFailing { failing: usize },
    /// Some users failed their latest run.
    SomeRunsFailing { failing: usize, ran: usize },
    LastTestFailed { at: Timestamp, problems: u32 },
    SignInExpiresSoon { at: Timestamp },
    LastTestPassed { at: Timestamp },
    RunsSucceeding { ran: usize },
    NothingRecorded,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HealthSummary {
    pub state: Health,
    pub reasons: Vec<HealthReason>,
}

fn run_finished(status: RunStatus) -> bool {
    matches!(status, RunStatus::Successful | RunStatus::Skipped | RunStatus::Failure | RunStatus::Failed | RunStatus::Canceled)
}

pub(crate) fn run_failed(status: RunStatus) -> bool {
    matches!(status, RunStatus::Failure | RunStatus::Failed)
}

impl Workspace {
    /// The latest run status of each export and active enrichment using `id`.
    fn latest_runs(&self, id: &ConnectionId) -> impl Iterator<Item = RunStatus> + '_ {
        let exports = self.index.exports_by_connection.get(id).into_iter().flatten().filter_map(|e| self.exports.get(e)).map(|e| e.status);
        let enrichments = self
            .index
            .enrichments_by_connection
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|n| self.enrichments.get(n))
            .filter(|n| n.active)
            .map(|n| n.status);
        exports.chain(enrichments)
    }

    /// The latest runs of everything that uses one connection, tallied.
    pub(crate) fn run_tally(&self, id: &ConnectionId) -> RunTally {
        self.latest_runs(id).fold(RunTally::default(), RunTally::add)
    }

    /// [`Workspace::run_tally`] of every connection at once, in one pass over the exports and
    /// enrichments instead of one lookup per export: a list of 10,000 connections needs them all.
    /// The runs of every connection of `category`, in one pass over what such connections serve:
    /// export connections serve exports only, enrichment connections enrichments only, so the
    /// Enrichment tab never walks the 100,000 exports.
    pub(crate) fn run_tallies(&self, category: Category) -> rustc_hash::FxHashMap<&ConnectionId, RunTally> {
        let mut tallies: rustc_hash::FxHashMap<&ConnectionId, RunTally> = rustc_hash::FxHashMap::default();
        let exports = (category == Category::Export).then(|| self.exports.values()).into_iter().flatten();
        let enrichments = (category == Category::Enrichment).then(|| self.enrichments.values()).into_iter().flatten();
        let exports = exports.filter_map(|e| Some((e.connection.as_ref()?, e.status)));
        let enrichments = enrichments.filter(|n| n.active).filter_map(|n| Some((n.connection.as_ref()?, n.status)));
        for (connection, status) in exports.chain(enrichments) {
            let tally = tallies.entry(connection).or_default();
            *tally = tally.add(status);
        }
        tallies
    }

    /// The connection's health at `now` (see the module documentation for the rules).
    pub fn health_of(&self, id: &ConnectionId, now: Timestamp) -> Option<HealthSummary> {
        let connection = self.connections.get(id)?;
        Some(self.derive_health(connection, now))
    }

    pub(crate) fn derive_health(&self, connection: &Connection, now: Timestamp) -> HealthSummary {
        self.derive_health_with(connection, self.run_tally(&connection.id), now)
    }

    /// [`Workspace::derive_health`] with the connection's runs already tallied.
    pub(crate) fn derive_health_with(&self, connection: &Connection, runs: RunTally, now: Timestamp) -> HealthSummary {
        let problems: Vec<CheckProblem> = self.standing_problems(connection, now);
        let RunTally { ran, failing } = runs;
        let last_test = connection.health.last_test();
        let expiring = connection
            .sign_in
            .as_ref()
            .filter(|s| s.expires_at > now && s.expires_at <= now.plus_days(SIGN_IN_WARNING_DAYS))
            .map(|s| s.expires_at);

        let mut failing_reasons = Vec::new();
        if !problems.is_empty() {
            failing_reasons.push(HealthReason::ProblemsNow { problems: problems.len() });
        }
        if ran > 0 && failing == ran {
            failing_reasons.push(HealthReason::AllRunsFailing { failing });
        }
        if !failing_reasons.is_empty() {
            return HealthSummary { state: Health::Failing, reasons: failing_reasons };
        }

        let mut attention = Vec::new();
        if let Some((entry, problems)) = last_test.filter(|(_, p)| *p > 0) {
            attention.push(HealthReason::LastTestFailed { at: entry.at, problems });
        }
        if failing > 0 {
            attention.push(HealthReason::SomeRunsFailing { failing, ran });
        }
        if let Some(at) = expiring {
            attention.push(HealthReason::SignInExpiresSoon { at });
        }
        if !attention.is_empty() {
            return HealthSummary { state: Health::NeedsAttention, reasons: attention };
        }

        if last_test.is_none() && ran == 0 {
            return HealthSummary { state: Health::NotTested, reasons: vec![HealthReason::NothingRecorded] };
        }
        let mut good = Vec::new();
        if let Some((entry, _)) = last_test {
            good.push(HealthReason::LastTestPassed { at: entry.at });
        }
        if ran > 0 {
            good.push(HealthReason::RunsSucceeding { ran });
        }
        HealthSummary { state: Health::Healthy, reasons: good }
    }

    /// Adds `entry` to the history of connection `id` (nothing if it is gone).
    pub(crate) fn record_health(&mut self, id: &ConnectionId, entry: HealthEntry) {
        if let Some(connection) = self.connections.get_mut(id) {
            connection.health.push(entry);
        }
    }
}

/// One history entry as the connection's details show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HistoryRow {
    pub at: Timestamp,
    pub by_name: String,
    pub result: HealthResult,
    pub failed: bool,
}

/// The connection's details page: its health, why, and the history, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HealthView {
    pub connection: crate::views::ConnectionChoice,
    pub category: crate::catalog::Category,
    pub summary: HealthSummary,
    pub history: Vec<HistoryRow>,
    /// Whether the viewer may run Test connection.
    pub can_test: bool,
}

impl Workspace {
    /// Health and history of connection `id` for any signed-in user: the history holds names
    /// and outcomes only, as the activity log does, never a field or a secret.
    pub fn connection_health(&self, viewer: &UserId, id: &ConnectionId, now: Timestamp) -> Option<HealthView> {
        self.role_of(viewer)?;
        let connection = self.connections.get(id)?;
        let history = connection
            .health
            .entries()
            .iter()
            .rev()
            .map(|e| HistoryRow { at: e.at, by_name: self.user_name(&e.by), result: e.result.clone(), failed: e.result.is_failure() })
            .collect();
        Some(HealthView {
            connection: self.choice(id)?,
            category: connection.category(),
            summary: self.derive_health(connection, now),
            history,
            can_test: self.can(viewer, crate::views::Capability::TestConnections),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::generate::DemoSize;
    use crate::{Timestamp, Workspace};
    use super::Category;

    /// The one-pass tally the lists use agrees with the per-connection one, connection by connection.
    #[test]
    fn every_connections_runs_tally_the_same_in_one_pass() {
        let ws = Workspace::generated(DemoSize::Small, Timestamp(1_700_000_000_000));
        let tallies = [Category::Export, Category::Enrichment].map(|category| ws.run_tallies(category));
        let mut ran = 0;
        for c in ws.connections.values() {
            let one = ws.run_tally(&c.id);
            let tallies = &tallies[if c.category() == Category::Export { 0 } else { 1 }];
            assert_eq!(tallies.get(&c.id).copied().unwrap_or_default(), one, "{}", c.id);
            ran += one.ran;
        }
        assert!(ran > 0, "the generated workspace has finished runs to tally");
    }
}
