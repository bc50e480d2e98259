//! The kit the data pages (Exports, Enrichment) are configurations of, and pieces the Key Vault
//! and Activity pages share:
//!
//! - [`page`]: the page's frame (title, filter banner, Add or the note, search).
//! - [`bulk`]: the bulk bar and its buttons; [`confirm`]: the confirm dialog of a destructive one.
//! - [`rows`]: the table's frame, checkboxes, run status and Run/Cancel, on the shared table.
//! - [`pane`]: the connection field, Add connection, the Add pane and the pane's action row.
//! - [`actions`]: dispatch, failure toasts and [`actions::DataActions::run_with_undo`].
//! - [`field`]: [`field::TextField`] and the typed refusals ([`field::Problem`]) worded at render.
//! - [`filter`], [`picker`], [`run`], [`sort`]: the `?connection=` filter, the grouped
//!   connection picker, the simulated run, sortable headers.

pub mod actions;
pub mod bulk;
pub mod confirm;
pub mod field;
pub mod filter;
pub mod page;
pub mod pane;
pub mod picker;
pub mod rows;
pub mod run;
pub mod sort;
