//! Ordering and paging: positions in sort order, computed from keys made once per row.

use leptos::prelude::*;
use std::ops::Range;

/// Rows on one page of any table.
pub const PAGE_SIZE: usize = 25;

/// The column a table is sorted by and the direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortState<K> {
    pub key: K,
    pub ascending: bool,
}

impl<K: PartialEq> SortState<K> {
    /// Selecting the sorted column reverses it; another column starts ascending.
    pub fn toggled(self, key: K) -> Self {
        if self.key == key {
            SortState { key, ascending: !self.ascending }
        } else {
            SortState { key, ascending: true }
        }
    }
}

/// One column's sort key, made once per row: rows without a value first, then numbers, then text
/// (lowercased by the page when it should sort regardless of case).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    Empty,
    Number(i64),
    Text(String),
}

impl From<Option<String>> for Cell {
    fn from(value: Option<String>) -> Self {
        value.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<Option<i64>> for Cell {
    fn from(value: Option<i64>) -> Self {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// How many pages `total` rows take (at least one, so "page 1 of 1" reads right when empty).
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The index range of page `page` (0-based), clamped to the rows there are.
pub fn page_range(total: usize, page: usize) -> Range<usize> {
    let page = page.min(page_count(total) - 1);
    let start = page * PAGE_SIZE;
    start.min(total)..(start + PAGE_SIZE).min(total)
}

/// Positions of the rows `keep` accepts, ordered by the key `key_of` makes for each (once per
/// row), ascending or not. Equal keys keep the rows' own order (the domain's, by id) in both
/// directions, so ties never jump.
pub fn arrange<R, S: Ord>(rows: &[R], keep: impl Fn(&R) -> bool, key_of: impl Fn(&R) -> S, ascending: bool) -> Vec<usize> {
    let mut keyed: Vec<(S, usize)> = rows.iter().enumerate().filter(|(_, r)| keep(r)).map(|(i, r)| (key_of(r), i)).collect();
    if ascending {
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    } else {
        keyed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    }
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A table's rows, their order and the visible page.
///
/// - `rows`: the domain projection (e.g. `export_rows(viewer)`), as a memo.
/// - `order`: positions into `rows` of the rows that match, in sort order (no row is cloned).
/// - `page`: the 0-based page; pages reset it to 0 when the search or the sort changes.
/// - `page_rows`: clones of the visible rows only.
pub struct Paged<R: Send + Sync + 'static> {
    pub rows: Memo<Vec<R>>,
    pub order: Memo<Vec<usize>>,
    pub page: RwSignal<usize>,
    pub page_rows: Memo<Vec<R>>,
}

impl<R: Send + Sync + 'static> Clone for Paged<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Send + Sync + 'static> Copy for Paged<R> {}

impl<R: Clone + PartialEq + Send + Sync + 'static> Paged<R> {
    /// `arrange_rows` returns the order of the rows (see [`arrange`]); it re-runs when the rows
    /// or any signal it reads (search, sort, filter) change.
    pub fn new(rows: Memo<Vec<R>>, arrange_rows: impl Fn(&[R]) -> Vec<usize> + Send + Sync + 'static) -> Self {
        let order = Memo::new(move |_| rows.with(|r| arrange_rows(r)));
        let page = RwSignal::new(0usize);
        let page_rows = Memo::new(move |_| {
            order.with(|o| rows.with(|r| o[page_range(o.len(), page.get())].iter().map(|&i| r[i].clone()).collect()))
        });
        Paged { rows, order, page, page_rows }
    }

    /// How many rows match.
    pub fn matching(&self) -> usize {
        self.order.with(Vec::len)
    }

    /// How many rows there are before search and filters.
    pub fn total(&self) -> usize {
        self.rows.with(Vec::len)
    }

    /// The ids of the visible page, for a keyed `<For>`.
    pub fn page_ids<Id: Clone>(&self, id_of: impl Fn(&R) -> &Id) -> Vec<Id> {
        self.page_rows.with(|rows| rows.iter().map(|r| id_of(r).clone()).collect())
    }

    /// The current value of the visible row with this id, so a row keyed by its id still
    /// shows its changes (only that row's cells update).
    pub fn row<Id: PartialEq + Send + Sync + 'static>(&self, id: Id, id_of: fn(&R) -> &Id) -> Memo<Option<R>> {
        let page_rows = self.page_rows;
        Memo::new(move |_| page_rows.with(|rows| rows.iter().find(|r| *id_of(r) == id).cloned()))
    }

    /// Ids of every matching row `pick` accepts, in order (for "Select all N matching").
    pub fn matching_ids<Id>(&self, pick: impl Fn(&R) -> Option<Id>) -> Vec<Id> {
        self.order.with(|o| self.rows.with(|r| o.iter().filter_map(|&i| pick(&r[i])).collect()))
    }
}

/// One value of a row keyed by its id, following it: only the cells whose value changed update.
pub fn cell<R, T>(row: Memo<Option<R>>, f: impl Fn(&R) -> T + Send + Sync + 'static) -> Memo<T>
where
    R: Send + Sync + 'static,
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| row.with(|r| r.as_ref().map(&f).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrange_sorts_by_keys_and_filters() {
        let rows = ["b", "A", "c", "a"];
        assert_eq!(arrange(&rows, |_| true, |r| r.to_lowercase(), true), vec![1, 3, 0, 2]);
        assert_eq!(arrange(&rows, |r| *r != "c", |r| r.to_lowercase(), false), vec![0, 1, 3]);
    }

    #[test]
    fn pages_clamp() {
        // Written against PAGE_SIZE: this test never ran before (lib tests had no native run)
        // and still assumed pages of 50.
        let total = 4 * PAGE_SIZE + PAGE_SIZE / 2;
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(total), 5);
        assert_eq!(page_range(total, 2), 2 * PAGE_SIZE..3 * PAGE_SIZE);
        assert_eq!(page_range(total, 9), 4 * PAGE_SIZE..total, "a page past the end is the last page");
        assert_eq!(page_range(0, 0), 0..0);
    }
}
