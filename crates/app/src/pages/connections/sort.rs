//! Ordering and searching of the connection list: pure functions over the domain's rows that
//! return positions (sort keys made once per row), so 10,000 connections stay fast.

use crate::ui::table::{self, Cell, SortState};
use connections_domain::{Access, ConnectionRow, Health};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    DisplayName,
    Type,
    Created,
    Access,
    UsedBy,
    Health,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [SortKey::DisplayName, SortKey::Type, SortKey::Health, SortKey::Created, SortKey::Access, SortKey::UsedBy];

    pub fn label_key(self) -> &'static str {
        match self {
            SortKey::DisplayName => "connections.col.display_name",
            SortKey::Type => "connections.col.type",
            SortKey::Created => "connections.col.created",
            SortKey::Access => "connections.col.access",
            SortKey::UsedBy => "connections.col.used_by",
            SortKey::Health => "connections.col.health",
        }
    }

    /// The id of the column's sort button.
    pub fn button_id(self) -> &'static str {
        match self {
            SortKey::DisplayName => "sort-display-name",
            SortKey::Type => "sort-type",
            SortKey::Created => "sort-created",
            SortKey::Access => "sort-access",
            SortKey::UsedBy => "sort-used-by",
            SortKey::Health => "sort-health",
        }
    }
}

/// The list's order: by display name, ascending, at first.
pub type Sort = SortState<SortKey>;

pub const DEFAULT_SORT: Sort = SortState { key: SortKey::DisplayName, ascending: true };

fn access_rank(access: Access) -> u8 {
    match access {
        Access::AdministratorsOnly => 0,
        Access::AdministratorsAndContributors => 1,
        Access::Everyone => 2,
    }
}

/// The row's key for `key`, made once per row when the list changes; equal keys keep the
/// domain's order (by id), so the order never jumps between renders.
fn sort_key(row: &ConnectionRow, key: SortKey) -> (Cell, String) {
    let primary = match key {
        SortKey::DisplayName => Cell::Empty,
        SortKey::Type => Cell::Text(row.type_name.to_string()),
        SortKey::Created => Cell::Number(row.created_at.0),
        SortKey::Access => Cell::Number(access_rank(row.access) as i64),
        SortKey::UsedBy => Cell::Number(row.used_by_count as i64),
        // The domain's order of states: most urgent first.
        SortKey::Health => Cell::Number(row.health as i64),
    };
    (primary, row.display_name.to_lowercase())
}

/// Positions of the rows whose display name or type contains `search` (any case) and whose
/// health is `health` (any when `None`), in `sort` order. No row is cloned.
pub fn arrange(rows: &[ConnectionRow], search: &str, health: Option<Health>, sort: Sort) -> Vec<usize> {
    let needle = search.trim().to_lowercase();
    let keep = |r: &ConnectionRow| {
        health.is_none_or(|h| r.health == h)
            && (needle.is_empty() || r.display_name.to_lowercase().contains(&needle) || r.type_name.to_lowercase().contains(&needle))
    };
    table::arrange(rows, keep, |r| sort_key(r, sort.key), sort.ascending)
}
