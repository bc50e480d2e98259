//! Sortable column headers now live in the shared table (`ui/table/header.rs`); re-exported here
//! for the pages that import them from `data_common`.

pub use crate::ui::table::{SortHeader, SortState};
