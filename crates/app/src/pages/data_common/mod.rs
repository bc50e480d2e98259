//! Pieces the Exports, Enrichment, Key Vault and Activity pages share: the simulated run, the
//! "filtered by connection" banner, the grouped connection picker, sortable column headers and
//! the small form-field wrapper that shows a refusal next to its input.

pub mod field;
pub mod filter;
pub mod picker;
pub mod run;
pub mod sort;
