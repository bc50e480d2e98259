//! The rules, one file per area. Every handler checks everything first and
//! changes state only after the last check, so a refused command leaves the
//! workspace as it was.

pub(crate) mod connections;
mod engagement;
mod enrichments;
mod exports;
mod vault;

use std::collections::BTreeSet;

use crate::error::DomainError;
use crate::event::ObjectRef;

/// A non-empty selection without repeats.
pub(crate) fn check_selection<T: Ord + Clone>(ids: &[T], object: impl Fn(&T) -> ObjectRef) -> Result<(), DomainError> {
    if ids.is_empty() {
        return Err(DomainError::EmptySelection);
    }
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(DomainError::DuplicateSelection(object(id)));
        }
    }
    Ok(())
}
