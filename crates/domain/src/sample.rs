//! Deterministic demo data, built through `apply` so it obeys every rule.

use std::collections::BTreeSet;

use crate::catalog::ConnectionTypeId as T;
use crate::command::{Command, NewConnection, NewEngagementLink, NewExport};
use crate::ids::{ConnectionId, EnrichmentId, ExportId, SecretName, UserId};
use crate::model::{ExportKind, Role, RunOutcome, Schedule, SecretInput, Timestamp, UsableBy, User};
use crate::workspace::Workspace;

pub const ADMIN_1: &str = "u-admin-1";
pub const ADMIN_2: &str = "u-admin-2";
pub const CONTRIBUTOR_1: &str = "u-contrib-1";
pub const CONTRIBUTOR_2: &str = "u-contrib-2";
pub const VIEWER_1: &str = "u-viewer-1";
pub const VIEWER_2: &str = "u-viewer-2";

/// The six demo users: two of each role.
pub fn demo_users() -> Vec<User> {
    [
        (ADMIN_1, "Alex Morgan", Role::Administrator),
        (ADMIN_2, "Priya Raman", Role::Administrator),
        (CONTRIBUTOR_1, "Jonas Berg", Role::Contributor),
        (CONTRIBUTOR_2, "Mei Tanaka", Role::Contributor),
        (VIEWER_1, "Sam Okafor", Role::Viewer),
        (VIEWER_2, "Lucia Ferrari", Role::Viewer),
    ]
    .into_iter()
    .map(|(id, name, role)| User { id: UserId::new(id), name: name.to_owned(), role })
    .collect()
}

/// (actor, name, kind, connection, schedule, run steps)
type ExportPlan<'a> = (&'a str, &'a str, ExportKind, &'a ConnectionId, Schedule, &'a [RunOutcome]);
/// (actor, name, connection, run outcome and enriched customers)
type EnrichmentPlan<'a> = (&'a str, &'a str, &'a ConnectionId, Option<(RunOutcome, u64)>);

/// One sample connection as its create form is filled in. `vault`: (field, Key Vault secret name).
struct ConnectionPlan<'a> {
    name: &'a str,
    type_id: T,
    fields: &'a [(&'a str, &'a str)],
    secrets: &'a [(&'a str, &'a str)],
    vault: &'a [(&'a str, &'a str)],
    shared: bool,
    sign_in: Option<&'a str>,
}

struct Builder {
    ws: Workspace,
    now: Timestamp,
    /// Minutes before `now` of the next step; counts down so the log is in time order.
    minutes_ago: i64,
}

impl Builder {
    fn step(&mut self, actor: &str, command: Command) {
        let at = Timestamp(self.now.0 - self.minutes_ago * 60_000);
        self.minutes_ago = (self.minutes_ago - 97).max(0);
        let result = self.ws.apply(&UserId::new(actor), command, at);
        debug_assert!(result.is_ok(), "sample step refused: {result:?}");
    }

    fn connection(&mut self, plan: ConnectionPlan<'_>) -> ConnectionId {
        let ConnectionPlan { name, type_id, fields, secrets, vault, shared, sign_in } = plan;
        let id = self.ws.counters.connection();
        self.step(
            ADMIN_1,
            Command::CreateConnection(NewConnection {
                display_name: name.to_owned(),
                type_id,
                fields: fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
                secrets: secrets.iter().map(|(k, v)| ((*k).to_owned(), SecretInput::new(*v))).collect(),
                key_vault_secrets: vault.iter().map(|(k, v)| ((*k).to_owned(), SecretName::new(*v))).collect(),
                usable_by: if shared { UsableBy::AdministratorsAndContributors } else { UsableBy::AdministratorsOnly },
                consent: true,
                sign_in_account: sign_in.map(str::to_owned),
            }),
        );
        id
    }

    fn export(&mut self, actor: &str, name: &str, kind: ExportKind, connection: &ConnectionId, schedule: Schedule) -> ExportId {
        let id = self.ws.counters.export(0);
        self.step(actor, Command::CreateExport(NewExport { name: name.to_owned(), kind, connection: connection.clone(), schedule }));
        id
    }

    fn run_export(&mut self, actor: &str, id: &ExportId, outcomes: &[RunOutcome]) {
        self.step(actor, Command::RunExport { id: id.clone() });
        for outcome in outcomes {
            self.step(actor, Command::AdvanceExportRun { id: id.clone(), outcome: *outcome });
        }
    }

    fn enrichment(&mut self, actor: &str, name: &str, connection: &ConnectionId) -> EnrichmentId {
        let id = self.ws.counters.enrichment();
        self.step(actor, Command::CreateEnrichment { name: name.to_owned(), connection: connection.clone() });
        id
    }
}

impl Workspace {
    /// The six demo users and nothing else ("Start empty").
    pub fn empty() -> Workspace {
        Workspace::with_users(demo_users())
    }

    /// A lived-in demo workspace; the same `now` always gives the same state.
    pub fn sample(now: Timestamp) -> Workspace {
        let mut b = Builder { ws: Workspace::empty(), now, minutes_ago: 60 * 24 * 30 };
        use ExportKind::{DataOut, Segment};
        use RunOutcome::{Canceled, Failed, Processing, Skipped, Successful};
        use Schedule::{OnDemand, Recurring, WithEachRefresh};

        b.step(
            ADMIN_1,
            Command::LinkKeyVault { subscription: "3f2b8c1e-7a4d-4e2f-9b1c-5d6e7f8a9b0c".into(), vault_name: "contoso-cdp-vault".into(), consent: true },
        );
        for (name, value) in [
            ("sftp-password", "demo-sftp-pass-41"),
            ("marketo-client-secret", "demo-marketo-77"),
            ("klaviyo-api-key", "demo-klaviyo-12"),
            ("google-developer-token", "demo-google-90"),
        ] {
            b.step(ADMIN_1, Command::AddSecret { name: name.into(), value: SecretInput::new(value) });
        }
        b.step(ADMIN_2, Command::RotateSecret { name: SecretName::new("sftp-password"), value: SecretInput::new("demo-sftp-pass-42") });

        let lake = b.connection(ConnectionPlan {
            name: "Contoso data lake",
            type_id: T::AzureBlobStorage,
            fields: &[("account_name", "contosolake"), ("container", "customer-exports")],
            secrets: &[("account_key", "demo-account-key")],
            vault: &[],
            shared: true,
            sign_in: None,
        });
        let sftp = b.connection(ConnectionPlan {
            name: "Marketing SFTP",
            type_id: T::SftpExport,
            fields: &[("username", "cdp-export"), ("hostname", "sftp.contoso.com:22"), ("folder", "exports/daily"), ("compression", "gzip"), ("delimiter", "comma")],
            secrets: &[],
            vault: &[("password", "sftp-password")],
            shared: true,
            sign_in: None,
        });
        let google = b.connection(ConnectionPlan {
            name: "Campaign audiences",
            type_id: T::GoogleAds,
            fields: &[("customer_id", "4815162342")],
            secrets: &[],
            vault: &[("developer_token", "google-developer-token")],
            shared: false,
            sign_in: Some("ads@contoso.com"),
        });
        let mailchimp = b.connection(ConnectionPlan {
            name: "Newsletter lists",
            type_id: T::Mailchimp,
            fields: &[],
            secrets: &[],
            vault: &[],
            shared: true,
            sign_in: Some("newsletter@contoso.com"),
        });
        let marketo = b.connection(ConnectionPlan {
            name: "Lead nurturing",
            type_id: T::Marketo,
            fields: &[("client_id", "contoso-cdp"), ("rest_endpoint", "123-abc-456.mktorest.com")],
            secrets: &[],
            vault: &[("client_secret", "marketo-client-secret")],
            shared: false,
            sign_in: None,
        });
        let facebook = b.connection(ConnectionPlan {
            name: "Social reach",
            type_id: T::FacebookAds,
            fields: &[("ads_account", "90210")],
            secrets: &[],
            vault: &[],
            shared: true,
            sign_in: Some("social@contoso.com"),
        });
        let sales = b.connection(ConnectionPlan {
            name: "Sales pipeline",
            type_id: T::DynamicsSales,
            fields: &[("server_address", "contoso.crm.dynamics.com")],
            secrets: &[],
            vault: &[],
            shared: false,
            sign_in: Some("crm-admin@contoso.com"),
        });
        let klaviyo = b.connection(ConnectionPlan {
            name: "Email journeys",
            type_id: T::Klaviyo,
            fields: &[],
            secrets: &[],
            vault: &[("api_key", "klaviyo-api-key")],
            shared: true,
            sign_in: Some("email@contoso.com"),
        });
        let leadspace = b.connection(ConnectionPlan {
            name: "Firmographics",
            type_id: T::Leadspace,
            fields: &[],
            secrets: &[("token", "demo-leadspace-token")],
            vault: &[],
            shared: false,
            sign_in: None,
        });
        let maps = b.connection(ConnectionPlan {
            name: "Address cleanup",
            type_id: T::AzureMaps,
            fields: &[],
            secrets: &[("api_key", "demo-maps-key")],
            vault: &[],
            shared: false,
            sign_in: None,
        });
        let partner = b.connection(ConnectionPlan {
            name: "Partner drop",
            type_id: T::SftpCustomImport,
            fields: &[("username", "partner-feed"), ("host", "files.fabrikam.com:2222")],
            secrets: &[("password", "demo-partner-pass")],
            vault: &[],
            shared: false,
            sign_in: None,
        });
        let experian = b.connection(ConnectionPlan {
            name: "Credit profiles",
            type_id: T::Experian,
            fields: &[("user_id", "contoso-cdp"), ("party_id", "P-20931"), ("model_number", "7")],
            secrets: &[],
            vault: &[],
            shared: false,
            sign_in: None,
        });

        let plan: [ExportPlan; 30] = [
            (ADMIN_1, "All customers to lake", DataOut, &lake, WithEachRefresh, &[Processing, Successful]),
            (ADMIN_1, "Orders to lake", DataOut, &lake, Recurring { every_hours: 24 }, &[Processing, Successful]),
            (CONTRIBUTOR_1, "Loyalty members to lake", Segment, &lake, WithEachRefresh, &[Processing, Successful]),
            (CONTRIBUTOR_2, "Churn risk to lake", Segment, &lake, Recurring { every_hours: 12 }, &[Processing, Failed]),
            (ADMIN_2, "Web visits to lake", DataOut, &lake, OnDemand, &[]),
            (ADMIN_1, "Daily contacts file", DataOut, &sftp, WithEachRefresh, &[Processing, Successful]),
            (CONTRIBUTOR_1, "VIP segment file", Segment, &sftp, Recurring { every_hours: 24 }, &[Processing, Successful]),
            (CONTRIBUTOR_2, "Lapsed buyers file", Segment, &sftp, OnDemand, &[Skipped]),
            (ADMIN_2, "Store visits file", DataOut, &sftp, Recurring { every_hours: 6 }, &[Processing]),
            (ADMIN_1, "High value shoppers", Segment, &google, WithEachRefresh, &[Processing, Successful]),
            (ADMIN_1, "Cart abandoners", Segment, &google, Recurring { every_hours: 24 }, &[Failed]),
            (ADMIN_2, "Lookalike seed", Segment, &google, OnDemand, &[]),
            (CONTRIBUTOR_1, "Monthly newsletter", Segment, &mailchimp, Recurring { every_hours: 168 }, &[Processing, Successful]),
            (CONTRIBUTOR_2, "New subscribers", Segment, &mailchimp, WithEachRefresh, &[Processing, Successful]),
            (ADMIN_1, "Product launch list", Segment, &mailchimp, OnDemand, &[Canceled]),
            (ADMIN_1, "Marketing qualified leads", Segment, &marketo, WithEachRefresh, &[Processing, Successful]),
            (ADMIN_2, "Event attendees", Segment, &marketo, OnDemand, &[]),
            (CONTRIBUTOR_1, "Retargeting audience", Segment, &facebook, WithEachRefresh, &[Processing, Successful]),
            (CONTRIBUTOR_2, "Young adults", Segment, &facebook, Recurring { every_hours: 48 }, &[Processing, Failed]),
            (ADMIN_1, "Holiday shoppers", Segment, &facebook, OnDemand, &[Processing, Successful]),
            (ADMIN_1, "Open opportunities", DataOut, &sales, WithEachRefresh, &[Processing, Successful]),
            (ADMIN_2, "Key accounts", Segment, &sales, Recurring { every_hours: 24 }, &[]),
            (CONTRIBUTOR_1, "Welcome series", Segment, &klaviyo, WithEachRefresh, &[Processing, Successful]),
            (CONTRIBUTOR_2, "Win-back series", Segment, &klaviyo, Recurring { every_hours: 24 }, &[Processing]),
            (ADMIN_1, "Birthday offers", Segment, &klaviyo, Recurring { every_hours: 24 }, &[Processing, Successful]),
            (ADMIN_2, "Survey invitations", Segment, &klaviyo, OnDemand, &[]),
            (ADMIN_1, "Returns to lake", DataOut, &lake, Recurring { every_hours: 24 }, &[Processing, Successful]),
            (CONTRIBUTOR_1, "Gift card buyers", Segment, &sftp, OnDemand, &[Processing, Successful]),
            (ADMIN_1, "Old campaign list", Segment, &google, OnDemand, &[Processing, Successful]),
            (ADMIN_2, "Legacy leads", Segment, &marketo, OnDemand, &[Failed]),
        ];
        let mut exports = Vec::new();
        for (actor, name, kind, connection, schedule, outcomes) in plan {
            let id = b.export(actor, name, kind, connection, schedule);
            if !outcomes.is_empty() {
                b.run_export(actor, &id, outcomes);
            }
            exports.push(id);
        }
        // Two exports were detached and now show "No connection".
        let detached: Vec<ExportId> = exports.iter().rev().take(2).cloned().collect();
        b.step(ADMIN_1, Command::DetachConnection { exports: detached });

        let enrichment_plan: [EnrichmentPlan; 10] = [
            (ADMIN_1, "Company size and industry", &leadspace, Some((Successful, 18_240))),
            (CONTRIBUTOR_1, "B2B account match", &leadspace, Some((Successful, 9_115))),
            (ADMIN_2, "Technographics", &leadspace, None),
            (ADMIN_1, "Normalised addresses", &maps, Some((Successful, 52_877))),
            (CONTRIBUTOR_2, "Store catchment", &maps, Some((Failed, 0))),
            (ADMIN_1, "Partner loyalty tiers", &partner, Some((Successful, 4_310))),
            (CONTRIBUTOR_1, "Partner web signals", &partner, None),
            (ADMIN_2, "Household demographics", &experian, Some((Successful, 33_902))),
            (ADMIN_1, "Credit band", &experian, Some((Skipped, 0))),
            (CONTRIBUTOR_2, "Lifestyle segments", &experian, Some((Successful, 27_455))),
        ];
        let mut enrichments = Vec::new();
        for (actor, name, connection, run) in enrichment_plan {
            let id = b.enrichment(actor, name, connection);
            if let Some((outcome, customers)) = run {
                b.step(actor, Command::RunEnrichment { id: id.clone() });
                b.step(actor, Command::AdvanceEnrichmentRun { id: id.clone(), outcome, enriched_customers: customers });
            }
            enrichments.push(id);
        }
        // One enrichment is paused: it keeps its data but skips refreshes.
        if let Some(paused) = enrichments.get(2) {
            b.step(ADMIN_2, Command::DeactivateEnrichments { ids: vec![paused.clone()] });
        }

        b.step(ADMIN_1, Command::SetSecretReachable { name: SecretName::new("klaviyo-api-key"), reachable: false });
        // A run after that fails because of its connection, and the export says so.
        if let Some(survey) = exports.get(25) {
            b.run_export(ADMIN_2, survey, &[Failed]);
        }

        let link = b.ws.counters.link();
        b.step(
            ADMIN_1,
            Command::CreateEngagementLink(NewEngagementLink {
                storage_account: "contosoinsights".into(),
                shared_key: SecretInput::new("demo-shared-key"),
                environment_id: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
                instance_folder: "customerInsights/ci_contoso".into(),
                members: BTreeSet::from([UserId::new(CONTRIBUTOR_1)]),
            }),
        );
        b.step(ADMIN_1, Command::MarkEngagementLinkAvailable { id: link });
        b.ws
    }
}
