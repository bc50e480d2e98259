//! One module a page. Pages read role-aware projections from the domain crate and send commands
//! through `Portal::dispatch`; none of them decides a rule by itself.

pub mod activity;
pub mod connections;
pub mod data_common;
pub mod engagement;
pub mod enrichment;
pub mod exports;
pub mod key_vault;
pub mod not_found;
pub mod workspace;

mod guard;
mod title;

pub use guard::RequireCapability;
pub use title::page_title;
