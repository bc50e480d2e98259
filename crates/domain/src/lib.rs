//! The domain of the Connections portal: every rule, no UI.
//!
//! Module map:
//! - [`catalog`]: the 33 connection types and the field format rules.
//! - [`ids`]: newtype identifiers and the id counters.
//! - [`model`]: connections, exports, enrichments, the Key Vault, engagement
//!   links, and the value types they use (`DisplayName`, `SecretInput`, …).
//! - [`command`]: what a user can ask for.
//! - [`event`]: what happened (activity log, incremental storage).
//! - [`error`]: why a command was refused.
//! - [`engagement`]: the engagement-link wizard's checks and the simulated data delay.
//! - [`workspace`]: the state and [`Workspace::apply`], the only way to change it.
//! - `rules`: the checks behind `apply`, one file per area.
//! - [`views`]: role-aware read models for the UI.
//! - [`listing`]: Data › Exports' order, kept with every change, and its paged query.
//! - [`health`]: each connection's test and run history, and its derived health state.
//! - [`map`]: the map of what uses a connection (groups, counts, which nodes are drawn).
//! - [`checks`]: "Test connection", the offline re-check of a saved connection.
//! - [`sample`]: deterministic demo data.
//! - [`generate`]: deterministic large workspaces (100 to 10,000 connections), built step by step.
//! - [`storage`]: the versioned, string-keyed record format for IndexedDB.
//! - [`backup`]: the downloadable backup file (records + event log) and its strict reader.
//!
//! Secrets: a typed secret arrives as [`SecretInput`] (no `Display`, no
//! `Serialize`, masked `Debug`), is checked while the command runs, and is
//! then reduced to a [`SecretStamp`] (when it was set, nothing derived from
//! the value: no hash, no length), so no state, event, record, download or
//! view can leak it or let a guess be checked offline.

pub mod backup;
pub mod catalog;
pub mod checks;
pub mod command;
pub mod engagement;
pub mod error;
pub mod event;
pub mod health;
pub mod ids;
pub mod listing;
pub mod map;
pub mod model;
mod rules;
pub use rules::connections::{ConnectionInput, InputProblem, InputProblems, INPUT_CONSENT, INPUT_FORM, INPUT_NAME, INPUT_SIGN_IN, INPUT_TYPE};
pub mod generate;
pub mod sample;
pub mod simulation;
pub mod undo;
pub mod storage;
pub mod views;
pub mod workspace;

pub use backup::{decode_backup, encode_backup, Backup, BackupCounts, BackupError, BackupPreview, BACKUP_FORMAT, BACKUP_VERSION};
pub use catalog::{catalog, connection_type, validate_field, validate_fields, Category, ConnectionType, ConnectionTypeId, FieldError, FieldKind, FieldSpec};
pub use checks::{CheckProblem, ConnectionCheck};
pub use command::{Action, Command, ConnectionEdit, EngagementLinkEdit, ExportEdit, NewConnection, NewEngagementLink, NewExport};
pub use error::DomainError;
pub use event::{Event, EventKind, ObjectRef};
pub use health::{Health, HealthEntry, HealthHistory, HealthReason, HealthResult, HealthSummary, HealthView, HistoryRow, HISTORY_LIMIT};
pub use listing::{ExportColumn, ExportListing, ExportQuery};
pub use map::{MapGroup, MapKind, MapNode, MapStatus, MapTarget, UsageMap, MAP_DRAWN};
pub use ids::{ConnectionId, EngagementLinkId, EnrichmentId, ExportId, SecretName, UserId};
pub use model::*;
pub use storage::{DecodeError, Record, RecordChange, SCHEMA_VERSION};
pub use views::*;
pub use undo::Undo;
pub use workspace::Workspace;
