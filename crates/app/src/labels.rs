//! Locale keys for the domain's enums, in one place so every page names them alike.

use connections_domain::{Access, Category, ExportKind, Health, LinkStatus, MapStatus, ObjectRef, Role, RunStatus, Schedule};

pub fn role(role: Role) -> &'static str {
    match role {
        Role::Administrator => "role.administrator",
        Role::Contributor => "role.contributor",
        Role::Viewer => "role.viewer",
    }
}

pub fn category(category: Category) -> &'static str {
    match category {
        Category::Export => "category.export",
        Category::Enrichment => "category.enrichment",
        Category::EngagementInsights => "category.engagement_insights",
    }
}

pub fn access(access: Access) -> &'static str {
    match access {
        Access::AdministratorsOnly => "access.administrators_only",
        Access::AdministratorsAndContributors => "access.administrators_and_contributors",
        Access::Everyone => "access.everyone",
    }
}

pub fn run_status(status: RunStatus) -> &'static str {
    match status {
        RunStatus::NotStarted => "status.not_started",
        RunStatus::Queued => "status.queued",
        RunStatus::Processing => "status.processing",
        RunStatus::Refreshing => "status.refreshing",
        RunStatus::Successful => "status.successful",
        RunStatus::Skipped => "status.skipped",
        RunStatus::Failure => "status.failure",
        RunStatus::Failed => "status.failed",
        RunStatus::Canceled => "status.canceled",
    }
}

/// The badge style a status gets; the status is always written out too, never colour alone.
pub fn run_status_class(status: RunStatus) -> &'static str {
    match status {
        RunStatus::Successful => "badge badge-ok",
        RunStatus::Failure | RunStatus::Failed | RunStatus::Canceled => "badge badge-bad",
        RunStatus::Queued | RunStatus::Processing | RunStatus::Refreshing | RunStatus::Skipped => "badge badge-warn",
        RunStatus::NotStarted => "badge",
    }
}

pub fn export_kind(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::DataOut => "export_kind.data_out",
        ExportKind::Segment => "export_kind.segment",
    }
}

/// (key, hours) — the recurrence's hour count goes into the `{hours}` placeholder.
pub fn schedule(schedule: &Schedule) -> (&'static str, u32) {
    match schedule {
        Schedule::WithEachRefresh => ("schedule.with_each_refresh", 0),
        Schedule::Recurring { every_hours } => ("schedule.recurring", *every_hours),
        Schedule::OnDemand => ("schedule.on_demand", 0),
    }
}

pub fn link_status(status: LinkStatus) -> &'static str {
    match status {
        LinkStatus::Pending => "link_status.pending",
        LinkStatus::Available => "link_status.available",
    }
}

pub fn object_kind(object: &ObjectRef) -> &'static str {
    match object {
        ObjectRef::Connection(_) => "object.connection",
        ObjectRef::Export(_) => "object.export",
        ObjectRef::Enrichment(_) => "object.enrichment",
        ObjectRef::KeyVault => "object.key_vault",
        ObjectRef::Secret(_) => "object.secret",
        ObjectRef::EngagementLink(_) => "object.engagement_link",
        ObjectRef::User(_) => "object.user",
    }
}

pub fn health(health: Health) -> &'static str {
    match health {
        Health::Failing => "health.failing",
        Health::NeedsAttention => "health.needs_attention",
        Health::NotTested => "health.not_tested",
        Health::Healthy => "health.healthy",
    }
}

/// The badge style and the mark of a health state: the state is always written out too, and the
/// mark's shape differs, so colour is never the only cue.
pub fn health_style(health: Health) -> (&'static str, &'static str) {
    match health {
        Health::Failing => ("badge badge-bad", "✗"),
        Health::NeedsAttention => ("badge badge-warn", "!"),
        Health::NotTested => ("badge", "–"),
        Health::Healthy => ("badge badge-ok", "✓"),
    }
}

pub fn map_status(status: MapStatus) -> &'static str {
    match status {
        MapStatus::Failing => "map.status.failing",
        MapStatus::Running => "map.status.running",
        MapStatus::Succeeded => "map.status.succeeded",
        MapStatus::NotRun => "map.status.not_run",
        MapStatus::Inactive => "map.status.inactive",
    }
}
