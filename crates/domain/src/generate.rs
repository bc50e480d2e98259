//! Deterministic large workspaces for measuring the portal: 100 to 10,000 connections and
//! 1,000 to 100,000 exports, built through `apply` (like [`crate::sample`]) so every rule holds.
//!
//! Building the largest one takes a while in a browser, so [`Generator`] is resumable: call
//! [`Generator::step`] with a budget of commands until it reports everything done, yielding to
//! the browser in between, then [`Generator::finish`].

use crate::catalog::{catalog, Category, ConnectionType, FieldKind, PortRule};
use crate::command::{Command, NewConnection, NewExport};
use crate::ids::{ConnectionId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{ExportKind, RunOutcome, Schedule, SecretInput, Timestamp, UsableBy};
use crate::sample::{ADMIN_1, ADMIN_2, CONTRIBUTOR_1, CONTRIBUTOR_2};
use crate::workspace::Workspace;

/// How big a generated workspace is. Enrichments are a tenth of the exports; a tenth of the
/// connections are enrichment connections, the rest export connections. Every tenth export is
/// on the first export connection, the "hub" (see [`DemoSize::hub_exports`]), so each size has
/// one connection whose Remove dialog lists a tenth of the exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DemoSize {
    /// 100 connections, 1,000 exports; the hub has 100 dependents.
    Small,
    /// 2,000 connections, 20,000 exports; the hub has exactly 2,000 dependents (the end-to-end
    /// tests' store relies on that number).
    Test,
    /// 1,000 connections, 10,000 exports; the hub has 1,000 dependents.
    Medium,
    /// 10,000 connections, 100,000 exports; the hub has 10,000 dependents.
    Large,
}

impl DemoSize {
    pub const ALL: [DemoSize; 4] = [DemoSize::Small, DemoSize::Medium, DemoSize::Test, DemoSize::Large];

    pub fn connections(self) -> usize {
        match self {
            DemoSize::Small => 100,
            DemoSize::Medium => 1_000,
            DemoSize::Test => 2_000,
            DemoSize::Large => 10_000,
        }
    }

    pub fn exports(self) -> usize {
        self.connections() * 10
    }

    pub fn enrichments(self) -> usize {
        self.exports() / 10
    }

    pub fn enrichment_connections(self) -> usize {
        self.connections() / 10
    }

    pub fn export_connections(self) -> usize {
        self.connections() - self.enrichment_connections()
    }

    /// A stable name for forms and URLs: `small`, `medium`, `large`.
    pub fn as_str(self) -> &'static str {
        match self {
            DemoSize::Small => "small",
            DemoSize::Medium => "medium",
            DemoSize::Test => "test",
            DemoSize::Large => "large",
        }
    }

    /// Exports on the first export connection, the hub: every tenth export (a tenth of them),
    /// so the Remove dialog of a connection many exports use can be tried and measured at every
    /// size. The other exports go round robin over the remaining export connections.
    pub fn hub_exports(self) -> usize {
        self.exports() / 10
    }

    pub fn parse(value: &str) -> Option<DemoSize> {
        DemoSize::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// How far a [`Generator`] has got, in commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenerationProgress {
    pub done: usize,
    pub total: usize,
}

impl GenerationProgress {
    pub fn is_complete(&self) -> bool {
        self.done >= self.total
    }
}

/// One planned step; turned into a [`Command`] only when it is applied.
#[derive(Clone, Copy, Debug)]
enum Op {
    LinkVault,
    AddSecret(usize),
    Connection(usize),
    Export(usize),
    RunExport,
    FinishExport(usize),
    Enrichment(usize),
    RunEnrichment,
    FinishEnrichment(usize),
}

/// Secrets added to the linked Key Vault; connections that may take a secret from the vault
/// use one of these for every other connection.
const VAULT_SECRETS: usize = 8;
/// Every `EXPORT_RUN_EVERY`th export has run once; every `ENRICHMENT_RUN_EVERY`th enrichment too.
const EXPORT_RUN_EVERY: usize = 20;
const ENRICHMENT_RUN_EVERY: usize = 4;
/// The generated history spreads over the 30 days before `now`, so sign-ins are still valid.
const SPAN_MS: i64 = 30 * Timestamp::DAY_MS;

const EDITORS: [&str; 4] = [ADMIN_1, ADMIN_2, CONTRIBUTOR_1, CONTRIBUTOR_2];
const ADMINS: [&str; 2] = [ADMIN_1, ADMIN_2];
const PURPOSES: [&str; 12] = [
    "Newsletter", "Loyalty", "Win-back", "Onboarding", "Retargeting", "Lookalike", "Churn risk", "VIP", "Seasonal",
    "Abandoned cart", "Lead scoring", "Survey",
];
const REGIONS: [&str; 8] = ["EMEA", "North America", "LATAM", "APAC", "Nordics", "DACH", "UK", "France"];

/// Builds a [`DemoSize`] workspace a budget of commands at a time.
pub struct Generator {
    ws: Workspace,
    now: Timestamp,
    plan: Vec<Op>,
    next: usize,
    export_types: Vec<&'static ConnectionType>,
    enrichment_types: Vec<&'static ConnectionType>,
    /// Export connections with whether contributors may use them.
    export_connections: Vec<(ConnectionId, bool)>,
    enrichment_connections: Vec<ConnectionId>,
    last_export: Option<(ExportId, &'static str)>,
    last_enrichment: Option<(EnrichmentId, &'static str)>,
}

impl Generator {
    /// Plans the workspace; nothing is built until [`Generator::step`] or [`Generator::finish`].
    pub fn new(size: DemoSize, now: Timestamp) -> Generator {
        let mut plan = vec![Op::LinkVault];
        plan.extend((0..VAULT_SECRETS).map(Op::AddSecret));
        plan.extend((0..size.connections()).map(Op::Connection));
        for n in 0..size.exports() {
            plan.push(Op::Export(n));
            if n % EXPORT_RUN_EVERY == 0 {
                plan.extend([Op::RunExport, Op::FinishExport(n)]);
            }
        }
        for n in 0..size.enrichments() {
            plan.push(Op::Enrichment(n));
            if n % ENRICHMENT_RUN_EVERY == 0 {
                plan.extend([Op::RunEnrichment, Op::FinishEnrichment(n)]);
            }
        }
        let of = |category| catalog().iter().filter(|t| t.category == category).collect::<Vec<_>>();
        Generator {
            ws: Workspace::empty(),
            now,
            plan,
            next: 0,
            export_types: of(Category::Export),
            enrichment_types: of(Category::Enrichment),
            export_connections: Vec::with_capacity(size.export_connections()),
            enrichment_connections: Vec::with_capacity(size.enrichment_connections()),
            last_export: None,
            last_enrichment: None,
        }
    }

    pub fn progress(&self) -> GenerationProgress {
        GenerationProgress { done: self.next, total: self.plan.len() }
    }

    /// Applies up to `max_commands` more commands (at least one while any is left).
    pub fn step(&mut self, max_commands: usize) -> GenerationProgress {
        let end = (self.next + max_commands.max(1)).min(self.plan.len());
        while self.next < end {
            let op = self.plan[self.next];
            let total = self.plan.len() as i64;
            let at = Timestamp(self.now.0 - (total - self.next as i64) * SPAN_MS / total.max(1));
            let (actor, command) = self.command(op);
            let result = self.ws.apply(&UserId::new(actor), command, at);
            debug_assert!(result.is_ok(), "generated step {op:?} refused: {result:?}");
            self.next += 1;
        }
        self.progress()
    }

    /// Applies whatever is left and hands the workspace over.
    pub fn finish(mut self) -> Workspace {
        self.step(usize::MAX / 2);
        self.ws
    }

    fn command(&mut self, op: Op) -> (&'static str, Command) {
        match op {
            Op::LinkVault => (
                ADMIN_1,
                Command::LinkKeyVault {
                    subscription: "7c9e6679-7425-40de-944b-e07fc1f90ae7".into(),
                    vault_name: "contoso-bench-vault".into(),
                    consent: true,
                },
            ),
            Op::AddSecret(n) => {
                (ADMIN_1, Command::AddSecret { name: secret_name(n).to_string(), value: SecretInput::new(format!("demo-vault-value-{n}")) })
            }
            Op::Connection(n) => self.connection(n),
            Op::Export(n) => {
                // Every tenth export on the hub (see [`DemoSize::hub_exports`]), the rest round robin.
                let count = self.export_connections.len();
                let slot = if n.is_multiple_of(10) { 0 } else { 1 + n % (count - 1) };
                let (connection, shared) = self.export_connections[slot].clone();
                let actor = if shared { EDITORS[n % EDITORS.len()] } else { ADMINS[n % ADMINS.len()] };
                self.last_export = Some((self.ws.counters.export(0), actor));
                let kind = if n % 4 == 0 { ExportKind::DataOut } else { ExportKind::Segment };
                let schedule = match n % 5 {
                    0 | 1 => Schedule::WithEachRefresh,
                    2 => Schedule::OnDemand,
                    3 => Schedule::Recurring { every_hours: 24 },
                    _ => Schedule::Recurring { every_hours: [6, 12, 48, 168][(n / 5) % 4] },
                };
                let name = format!("{} {} {}", PURPOSES[n % PURPOSES.len()], REGIONS[(n / PURPOSES.len()) % REGIONS.len()], n + 1);
                (actor, Command::CreateExport(NewExport { name, kind, connection, schedule }))
            }
            Op::RunExport => {
                let (id, actor) = self.last_export.clone().expect("a run follows its export");
                (actor, Command::RunExport { id })
            }
            Op::FinishExport(n) => {
                let (id, actor) = self.last_export.clone().expect("a run follows its export");
                let outcome = match (n / EXPORT_RUN_EVERY) % 8 {
                    0 => RunOutcome::Failed,
                    1 => RunOutcome::Processing,
                    2 => RunOutcome::Skipped,
                    _ => RunOutcome::Successful,
                };
                (actor, Command::AdvanceExportRun { id, outcome })
            }
            Op::Enrichment(n) => {
                let connection = self.enrichment_connections[n % self.enrichment_connections.len()].clone();
                let actor = EDITORS[n % EDITORS.len()];
                self.last_enrichment = Some((self.ws.counters.enrichment(), actor));
                let name = format!("{} enrichment {} {}", REGIONS[n % REGIONS.len()], PURPOSES[(n / REGIONS.len()) % PURPOSES.len()], n + 1);
                (actor, Command::CreateEnrichment { name, connection })
            }
            Op::RunEnrichment => {
                let (id, actor) = self.last_enrichment.clone().expect("a run follows its enrichment");
                (actor, Command::RunEnrichment { id })
            }
            Op::FinishEnrichment(n) => {
                let (id, actor) = self.last_enrichment.clone().expect("a run follows its enrichment");
                let outcome = if (n / ENRICHMENT_RUN_EVERY) % 6 == 5 { RunOutcome::Failed } else { RunOutcome::Successful };
                let enriched_customers = 1_000 + (n as u64 * 7_919) % 90_000;
                (actor, Command::AdvanceEnrichmentRun { id, outcome, enriched_customers })
            }
        }
    }

    /// Connection `n`: every tenth is an enrichment connection, the rest export connections,
    /// cycling through the catalogue's types with valid values in every field.
    fn connection(&mut self, n: usize) -> (&'static str, Command) {
        let enrichment = n % 10 == 9;
        let (spec, ordinal) = if enrichment {
            let i = self.enrichment_connections.len();
            (self.enrichment_types[i % self.enrichment_types.len()], i)
        } else {
            let i = self.export_connections.len();
            (self.export_types[i % self.export_types.len()], i)
        };
        let mut fields = std::collections::BTreeMap::new();
        let mut secrets = std::collections::BTreeMap::new();
        let mut key_vault_secrets = std::collections::BTreeMap::new();
        for field in spec.fields {
            if field.is_secret() {
                if spec.key_vault && n.is_multiple_of(2) {
                    key_vault_secrets.insert(field.key.to_owned(), secret_name(n % VAULT_SECRETS));
                } else {
                    secrets.insert(field.key.to_owned(), SecretInput::new(format!("demo-{}-{n}", field.key)));
                }
            } else {
                fields.insert(field.key.to_owned(), field_value(field.kind, n));
            }
        }
        let shared = enrichment || n % 4 != 3;
        let id = self.ws.counters.connection();
        if enrichment {
            self.enrichment_connections.push(id);
        } else {
            self.export_connections.push((id, shared));
        }
        let display_name = format!("{} {} {}", spec.name, REGIONS[ordinal % REGIONS.len()], ordinal + 1);
        (
            ADMINS[n % ADMINS.len()],
            Command::CreateConnection(NewConnection {
                display_name,
                type_id: spec.id,
                fields,
                secrets,
                key_vault_secrets,
                usable_by: if shared { UsableBy::AdministratorsAndContributors } else { UsableBy::AdministratorsOnly },
                consent: true,
                sign_in_account: spec.sign_in.then(|| format!("team{n}@contoso.com")),
            }),
        )
    }
}

fn secret_name(n: usize) -> SecretName {
    SecretName::new(format!("bench-secret-{}", n + 1))
}

/// A value that passes the field's check (see `catalog::validate_field`), different per `n`.
fn field_value(kind: FieldKind, n: usize) -> String {
    match kind {
        FieldKind::Text { .. } | FieldKind::Secret => format!("contoso-{n}"),
        FieldKind::Hostname { port: PortRule::Forbidden } => format!("host{n}.contoso.com"),
        FieldKind::Hostname { port: PortRule::Optional } => format!("sftp{n}.contoso.com:22"),
        FieldKind::Hostname { port: PortRule::Required } => format!("files{n}.fabrikam.com:2222"),
        FieldKind::ExportFolder => format!("exports/batch-{n}"),
        FieldKind::Folder => format!("Drop/batch-{n}"),
        FieldKind::Guid => format!("{:08x}-0000-4000-8000-{:012x}", n, n),
        FieldKind::Number => format!("{}", 100_000 + n),
        FieldKind::Choice(choices) => choices[n % choices.len()].to_owned(),
        FieldKind::StorageAccountName => format!("contoso{n}"),
        FieldKind::ContainerName => format!("exports-{n}"),
        FieldKind::InstanceFolder => format!("customerInsights/ci_contoso{n}"),
    }
}

impl Workspace {
    /// A generated workspace of `size`; the same `size` and `now` always give the same state.
    pub fn generated(size: DemoSize, now: Timestamp) -> Workspace {
        Generator::new(size, now).finish()
    }
}
