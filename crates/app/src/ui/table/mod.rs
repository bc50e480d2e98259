//! The one table every long list uses (Connections lists, Data › Exports, Data › Enrichment,
//! Activity, the Remove dialog's dependents), made of small parts so each page keeps its own
//! columns and ids:
//!
//! - [`Paged`] (`order.rs`): the rows' order as a memo of positions only. Sort keys are computed
//!   once per row when the rows, the search or the sort change, then `sort_unstable_by` runs on
//!   them (never `to_lowercase` inside a comparison). Only the visible page, [`PAGE_SIZE`] rows,
//!   is cloned into `page_rows`, so a page with 100,000 rows renders 50. Render the page with a
//!   keyed `<For>` on the row's stable id (`page_ids`) and read the row through [`Paged::row`].
//! - [`SortHeader`] (`header.rs`): a `<th>` with `aria-sort` holding a button; click, Enter and
//!   Space (the button's own keyboard use) sort by the column, again reverses it; it resets to
//!   page one.
//! - [`Pager`] (`pager.rs`): "Rows 1–50 of 20,000" with Previous and Next buttons.
//! - [`SelectAllMatching`] (`selection.rs`): once the page's rows are all selected, offers
//!   "Select all N matching", which selects the ids of the whole filtered set without rendering
//!   them, so one bulk command acts on exactly those N.

mod header;
mod order;
mod pager;
mod selection;

pub use header::{PlainHeader, SortHeader};
pub use order::{arrange, cell, page_count, page_range, Cell, Paged, SortState, PAGE_SIZE};
pub use pager::Pager;
pub use selection::SelectAllMatching;
