//! Engagement insights (seed 004): an environment admin links the audience-insights data kept
//! in their own storage account, chooses who may open the customer profile report, and waits
//! for the data to arrive. The path follows the seed: Admin › Settings › General → Go to admin
//! centre → Connections → Create a connection / Add a connection → three-step wizard.
//!
//! - [`admin_settings`]: Admin › Settings › General, with "Go to admin centre".
//! - [`admin_centre`]: the admin centre and its Connections list (status, edit, members, remove).
//! - [`wizard`]: the three-step creation wizard.
//! - [`profiles`]: Reports › Profiles, the customer profile report.
//! - `settings_form`, `members_editor`: the pieces the wizard and the list's dialogs share.
//! - `data_arrival`: the simulated service that makes a pending link's data available.

pub mod admin_centre;
pub mod admin_settings;
pub mod profiles;
pub mod wizard;

mod charts;
mod data_arrival;
mod edit_dialog;
mod members_dialog;
mod members_editor;
mod remove_dialog;
mod settings_form;
