//! The Connections portal, a Leptos client-side app.
//!
//! Rules live in the `connections-domain` crate; this crate renders its role-aware projections and
//! dispatches its commands (see ARCHITECTURE.md). Modules: `app` (start-up and routes), `state`
//! (the workspace context and the one dispatch path), `storage` (IndexedDB), `shell` (header,
//! navigation, menus), `pages` (one module a page), `i18n`, `prefs`, `time`, `perf` (marks for the
//! benchmark).

pub mod app;
pub mod errors;
pub mod i18n;
pub mod labels;
pub mod lazy;
pub mod pages;
pub mod perf;
pub mod prefs;
pub mod shell;
pub mod state;
pub mod storage;
pub mod time;
pub mod ui;

pub use app::App;
