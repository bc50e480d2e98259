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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use connections_domain::{Category, Timestamp, UserId, Workspace};

    const NOW: Timestamp = Timestamp(1_763_900_000_000);

    fn rows() -> Vec<ConnectionRow> {
        let workspace = Workspace::sample(NOW);
        let mut rows = workspace.connection_rows(&UserId::new("u-admin-1"), Category::Export, NOW);
        rows.extend(workspace.connection_rows(&UserId::new("u-admin-1"), Category::Enrichment, NOW));
        assert!(rows.len() >= 6, "the sample has a dozen connections");
        rows
    }

    fn names(rows: &[ConnectionRow], order: &[usize]) -> Vec<String> {
        order.iter().map(|&i| rows[i].display_name.clone()).collect()
    }

    fn sort(key: SortKey, ascending: bool) -> Sort {
        SortState { key, ascending }
    }

    #[test]
    fn by_default_every_row_is_listed_by_name_regardless_of_case() {
        let rows = rows();
        let order = arrange(&rows, "", None, DEFAULT_SORT);
        assert_eq!(order.len(), rows.len());
        let listed = names(&rows, &order);
        let mut expected = listed.clone();
        expected.sort_by_key(|n| n.to_lowercase());
        assert_eq!(listed, expected);
        let descending = names(&rows, &arrange(&rows, "", None, sort(SortKey::DisplayName, false)));
        expected.reverse();
        assert_eq!(descending, expected);
    }

    #[test]
    fn search_matches_the_name_or_the_type_in_any_case_ignoring_outer_spaces() {
        let rows = rows();
        let some = &rows[0];
        let word = some.display_name.split_whitespace().next().unwrap().to_uppercase();
        let found = arrange(&rows, &format!("  {word} "), None, DEFAULT_SORT);
        assert!(found.contains(&0));
        for &i in &found {
            let r = &rows[i];
            let needle = word.to_lowercase();
            assert!(r.display_name.to_lowercase().contains(&needle) || r.type_name.to_lowercase().contains(&needle));
        }
        let by_type = arrange(&rows, &some.type_name.to_lowercase(), None, DEFAULT_SORT);
        assert!(by_type.contains(&0), "the type name matches too");
        assert!(arrange(&rows, "no connection is called this", None, DEFAULT_SORT).is_empty());
    }

    #[test]
    fn the_health_filter_keeps_only_that_state() {
        let rows = rows();
        let health = rows[0].health;
        let kept = arrange(&rows, "", Some(health), DEFAULT_SORT);
        assert!(kept.contains(&0));
        assert!(kept.iter().all(|&i| rows[i].health == health));
        assert_eq!(kept.len(), rows.iter().filter(|r| r.health == health).count());
    }

    #[test]
    fn numeric_columns_sort_by_value_and_ties_keep_the_name_order() {
        let rows = rows();
        for key in [SortKey::UsedBy, SortKey::Created, SortKey::Access, SortKey::Health] {
            for ascending in [true, false] {
                let order = arrange(&rows, "", None, sort(key, ascending));
                let keys: Vec<(Cell, String)> = order.iter().map(|&i| sort_key(&rows[i], key)).collect();
                for pair in keys.windows(2) {
                    let (a, b) = (&pair[0], &pair[1]);
                    if ascending {
                        assert!(a <= b, "{key:?} ascending: {a:?} before {b:?}");
                    } else {
                        assert!(a.0 >= b.0, "{key:?} descending: {a:?} before {b:?}");
                    }
                }
            }
        }
        let used: Vec<usize> = arrange(&rows, "", None, sort(SortKey::UsedBy, true)).iter().map(|&i| rows[i].used_by_count).collect();
        assert!(used.windows(2).all(|w| w[0] <= w[1]), "{used:?}");
    }

    #[test]
    fn the_type_column_sorts_by_type_name() {
        let rows = rows();
        let types: Vec<&str> = arrange(&rows, "", None, sort(SortKey::Type, true)).iter().map(|&i| rows[i].type_name).collect();
        assert!(types.windows(2).all(|w| w[0] <= w[1]), "{types:?}");
    }
}
