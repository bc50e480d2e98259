//! The order of Data › Exports, kept with every change, so that a page of 100,000 exports is
//! listed, searched and sorted without projecting every export or sorting their names.
//!
//! [`ExportOrder`] holds each export's folded name (in a `BTreeMap`, so the Name order is
//! always there) with a copy of the few fields the list filters and sorts by. It is built in
//! bulk on first use (or ahead of it, [`Workspace::prepare_export_order`]); after that every
//! export goes in and out through `put_export` / `take_export`, which keep it in step. [`Workspace::export_listing`] answers a query with the ids of
//! every matching export in order; [`Workspace::export_rows_of`] projects only the visible ones.

use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use smol_str::{SmolStr, StrExt};

use crate::catalog::{catalog, Category, ConnectionTypeId};
use crate::ids::{ConnectionId, ExportId, UserId};
use crate::model::{Export, Role, RunStatus, Schedule, Timestamp};
use crate::views::ExportRow;
use crate::workspace::Workspace;

/// The fields of an export that its list's filter and sort read, copied beside its name key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SortFields {
    /// Which characters the folded name holds (see [`char_mask`]): most exports are ruled out
    /// of a search by one AND, without looking at the name.
    name_mask: u64,
    /// The same for its connection's folded name and type name (kept by `put_connection`).
    connection_mask: u64,
    connection: Option<ConnectionId>,
    status: RunStatus,
    schedule: Schedule,
    last_refreshed: Option<Timestamp>,
    owner: UserId,
}

impl SortFields {
    fn of(export: &Export, folded: &str, connection_mask: u64) -> SortFields {
        SortFields {
            name_mask: char_mask(folded),
            connection_mask,
            connection: export.connection.clone(),
            status: export.status,
            schedule: export.schedule,
            last_refreshed: export.last_refreshed,
            owner: export.owner.clone(),
        }
    }
}

/// Every export by folded name, then id (ties in the domain's order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ExportOrder {
    by_name: BTreeMap<(SmolStr, ExportId), SortFields>,
    /// How many exports a one-character search finds, per character bit ([`char_bit`]): the
    /// first keystroke of any search is counted without a walk.
    found_by_bit: [u32; 64],
}

impl SortFields {
    /// The bits a one-character search tests: the name's, and its connection's if it has one.
    fn searched_mask(&self) -> u64 {
        self.name_mask | if self.connection.is_some() { self.connection_mask } else { 0 }
    }
}

fn count_bits(found: &mut [u32; 64], mask: u64, add: bool) {
    for (bit, count) in found.iter_mut().enumerate() {
        if mask & (1 << bit) != 0 {
            *count = if add { *count + 1 } else { count.saturating_sub(1) };
        }
    }
}

impl ExportOrder {
    fn key(export: &Export) -> (SmolStr, ExportId) {
        (fold(export.name.as_str()), export.id.clone())
    }

    pub(crate) fn insert(&mut self, export: &Export, connection_mask: u64) {
        let key = Self::key(export);
        let fields = SortFields::of(export, &key.0, connection_mask);
        count_bits(&mut self.found_by_bit, fields.searched_mask(), true);
        if let Some(old) = self.by_name.insert(key, fields) {
            count_bits(&mut self.found_by_bit, old.searched_mask(), false);
        }
    }

    /// A connection was renamed (or arrived after its exports, from another tab).
    pub(crate) fn set_connection_mask(&mut self, export: &Export, connection_mask: u64) {
        if let Some(fields) = self.by_name.get_mut(&Self::key(export)) {
            count_bits(&mut self.found_by_bit, fields.searched_mask(), false);
            fields.connection_mask = connection_mask;
            count_bits(&mut self.found_by_bit, fields.searched_mask(), true);
        }
    }

    pub(crate) fn remove(&mut self, export: &Export) {
        if let Some(old) = self.by_name.remove(&Self::key(export)) {
            count_bits(&mut self.found_by_bit, old.searched_mask(), false);
        }
    }

    /// Built in bulk: the keys are sorted once and the tree is built from the sorted run.
    pub(crate) fn build<'a>(exports: impl Iterator<Item = &'a Export>, connection_mask: impl Fn(Option<&ConnectionId>) -> u64) -> ExportOrder {
        let mut entries: Vec<_> = exports
            .map(|e| {
                let key = Self::key(e);
                let fields = SortFields::of(e, &key.0, connection_mask(e.connection.as_ref()));
                (key, fields)
            })
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut found_by_bit = [0; 64];
        for (_, fields) in &entries {
            count_bits(&mut found_by_bit, fields.searched_mask(), true);
        }
        ExportOrder { by_name: entries.into_iter().collect(), found_by_bit }
    }
}

/// A name regardless of case: the same as `str::to_lowercase`, without its per-character
/// work for the usual short ASCII name.
fn fold(name: &str) -> SmolStr {
    const INLINE: usize = 23;
    if name.len() <= INLINE && name.is_ascii() {
        let mut buffer = [0u8; INLINE];
        let folded = &mut buffer[..name.len()];
        folded.copy_from_slice(name.as_bytes());
        folded.make_ascii_lowercase();
        // ASCII in, ASCII out.
        return SmolStr::new(std::str::from_utf8(folded).unwrap_or(name));
    }
    name.to_lowercase_smolstr()
}

/// One bit per letter, digit, space and hyphen a folded text holds, and bit 63 for any other
/// byte. A text can contain a needle only if its mask holds all of the needle's bits; for a
/// needle of one such character, that is the whole answer.
fn char_mask(text: &str) -> u64 {
    text.bytes().fold(0, |mask, b| mask | 1 << char_bit(b))
}

/// A connection as a search sees it: its folded display name and its type's name.
pub(crate) fn connection_mask(connection: &crate::model::Connection) -> u64 {
    char_mask(&connection.display_name.fold()) | char_mask(&connection.type_id.spec().name.to_lowercase())
}

fn char_bit(b: u8) -> u32 {
    match b {
        b'a'..=b'z' => (b - b'a') as u32,
        b'0'..=b'9' => 26 + (b - b'0') as u32,
        b' ' => 36,
        b'-' => 37,
        _ => 63,
    }
}

/// A column of Data › Exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportColumn {
    Name,
    Connection,
    Type,
    Status,
    Schedule,
    LastRefreshed,
    Permissions,
}

/// What Data › Exports shows: the `?connection=` filter, the search text as typed, and the
/// sort. Rows without a value (no connection, never refreshed) come first in ascending order;
/// equal values are ordered by name, then in the domain's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportQuery {
    pub connection: Option<ConnectionId>,
    /// Matched, regardless of case, against the export's name and its connection's name and
    /// type; leading and trailing spaces are ignored.
    pub search: String,
    pub column: ExportColumn,
    pub descending: bool,
    /// Where each status sorts, as the list shows it (by its label in the reader's language).
    pub status_rank: [u8; RunStatus::ALL.len()],
}

impl ExportQuery {
    /// Every export, by name.
    pub fn by_name() -> ExportQuery {
        ExportQuery {
            connection: None,
            search: String::new(),
            column: ExportColumn::Name,
            descending: false,
            status_rank: std::array::from_fn(|i| i as u8),
        }
    }
}

/// The answer to an [`ExportQuery`]: how many exports match, and which, in order. The
/// default view (every export by name) keeps no list of its own: its pages are read straight
/// from the kept order, so opening Data › Exports costs a page, not 100,000 ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportListing {
    total: usize,
    order: Order,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Order {
    /// Every export, read from the kept order page by page.
    EveryExportByName { descending: bool },
    /// The exports a search keeps, by name: `count` of them, read from the kept order page by page.
    Matching { filter: Box<NameFilter>, descending: bool, count: usize },
    Ids(Vec<ExportId>),
}

impl Default for ExportListing {
    fn default() -> Self {
        ExportListing { total: 0, order: Order::Ids(Vec::new()) }
    }
}

impl ExportListing {
    /// Every export the viewer can see, before search and filter.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many exports match.
    pub fn matching(&self) -> usize {
        match &self.order {
            Order::EveryExportByName { .. } => self.total,
            Order::Matching { count, .. } => *count,
            Order::Ids(ids) => ids.len(),
        }
    }

    /// The matching ids at `range` (clamped), from the workspace this listing was made from.
    pub fn slice(&self, ws: &Workspace, range: Range<usize>) -> Vec<ExportId> {
        match &self.order {
            Order::EveryExportByName { descending: false } => {
                ws.export_order().by_name.keys().skip(range.start).take(range.len()).map(|(_, id)| id.clone()).collect()
            }
            Order::EveryExportByName { descending: true } => {
                descending_keeping_ties(ws.export_order().by_name.keys().rev()).skip(range.start).take(range.len()).collect()
            }
            Order::Matching { filter, descending, .. } => filter.walk(ws, *descending).skip(range.start).take(range.len()).collect(),
            Order::Ids(ids) => ids[range.start.min(ids.len())..range.end.min(ids.len())].to_vec(),
        }
    }

    /// Where `id` is among the matching exports, if it matches (to show the page it is on).
    pub fn position(&self, ws: &Workspace, id: &ExportId) -> Option<usize> {
        match &self.order {
            Order::EveryExportByName { descending: false } => ws.export_order().by_name.keys().position(|(_, at)| at == id),
            Order::EveryExportByName { descending: true } => descending_keeping_ties(ws.export_order().by_name.keys().rev()).position(|at| &at == id),
            Order::Matching { filter, descending, .. } => filter.walk(ws, *descending).position(|at| &at == id),
            Order::Ids(ids) => ids.iter().position(|at| at == id),
        }
    }

    /// Every matching id, in order.
    pub fn ids(&self, ws: &Workspace) -> Vec<ExportId> {
        self.slice(ws, 0..self.matching())
    }
}

/// Which exports a query keeps: those of one connection (the `?connection=` filter), and those
/// whose name, or whose connection's name or type, holds the search, regardless of case.
#[derive(Clone, Debug)]
pub(crate) struct NameFilter {
    connection: Option<ConnectionId>,
    search: Option<Search>,
}

#[derive(Clone, Debug)]
struct Search {
    needle: String,
    mask: u64,
    /// One letter, digit, space or hyphen: the masks alone say whether a name holds it.
    mask_decides: bool,
    /// The export connections that match (left empty when the masks decide).
    connections: FxHashSet<ConnectionId>,
}

impl PartialEq for NameFilter {
    fn eq(&self, other: &Self) -> bool {
        self.connection == other.connection && self.search.as_ref().map(|s| &s.needle) == other.search.as_ref().map(|s| &s.needle)
    }
}
impl Eq for NameFilter {}

impl NameFilter {
    /// `needle` already trimmed and folded.
    fn new(ws: &Workspace, connection: Option<ConnectionId>, needle: &str) -> NameFilter {
        let search = (!needle.is_empty()).then(|| {
            let mask_decides = needle.len() == 1 && char_bit(needle.as_bytes()[0]) != 63;
            let connections = if mask_decides { FxHashSet::default() } else { ws.export_connections_matching(needle).into_iter().cloned().collect() };
            Search { needle: needle.to_owned(), mask: char_mask(needle), mask_decides, connections }
        });
        NameFilter { connection, search }
    }

    fn keeps(&self, name: &SmolStr, fields: &SortFields) -> bool {
        if self.connection.as_ref().is_some_and(|only| fields.connection.as_ref() != Some(only)) {
            return false;
        }
        let Some(s) = &self.search else { return true };
        let name_holds = fields.name_mask & s.mask == s.mask && (s.mask_decides || name.contains(s.needle.as_str()));
        name_holds
            || (fields.connection.is_some()
                && fields.connection_mask & s.mask == s.mask
                && (s.mask_decides || fields.connection.as_ref().is_some_and(|c| s.connections.contains(c))))
    }

    /// The kept exports' ids, by name.
    fn walk<'a>(&'a self, ws: &'a Workspace, descending: bool) -> Box<dyn Iterator<Item = ExportId> + 'a> {
        let order = &ws.export_order().by_name;
        let keeps = |(key, fields): &(&'a (SmolStr, ExportId), &'a SortFields)| self.keeps(&key.0, fields);
        if descending {
            Box::new(descending_keeping_ties(order.iter().rev().filter(keeps).map(|(key, _)| key)))
        } else {
            Box::new(order.iter().filter(keeps).map(|((_, id), _)| id.clone()))
        }
    }
}

/// What a query needs to know about one connection, looked up once per query.
struct ConnectionFacts {
    name_rank: u32,
    type_rank: u32,
    shared: bool,
}

fn schedule_rank(schedule: Schedule) -> i64 {
    match schedule {
        Schedule::WithEachRefresh => 0,
        Schedule::Recurring { every_hours } => (1 << 32) + every_hours as i64,
        Schedule::OnDemand => 2 << 32,
    }
}

/// Each connection type's place in the order of type names.
fn type_ranks() -> FxHashMap<ConnectionTypeId, u32> {
    let mut types: Vec<_> = catalog().iter().map(|t| (t.name, t.id)).collect();
    types.sort_unstable();
    types.into_iter().enumerate().map(|(rank, (_, id))| (id, rank as u32)).collect()
}

impl Workspace {
    /// The kept order, built now if this is its first use.
    fn export_order(&self) -> &ExportOrder {
        self.index.export_order.get_or_init(|| {
            let masks: FxHashMap<&ConnectionId, u64> = self.connections.values().map(|c| (&c.id, connection_mask(c))).collect();
            ExportOrder::build(self.exports.values(), |c| c.and_then(|c| masks.get(c)).copied().unwrap_or(0))
        })
    }

    /// Builds the kept order ahead of its first use (the app calls it once the first page is
    /// painted, so that opening Data › Exports does not pay for it). Does nothing after that.
    pub fn prepare_export_order(&self) {
        self.export_order();
    }

    /// The exports `query` lists for `viewer`, in order. Costs one pass over the kept name
    /// order (no export is projected), plus a sort of plain numbers when the column is not Name.
    pub fn export_listing(&self, viewer: &UserId, query: &ExportQuery) -> ExportListing {
        let Some(role) = self.role_of(viewer) else { return ExportListing::default() };
        let needle = query.search.trim().to_lowercase();
        let order = &self.export_order().by_name;
        let total = order.len();
        if query.column == ExportColumn::Name && query.connection.is_none() && needle.is_empty() {
            return ExportListing { total, order: Order::EveryExportByName { descending: query.descending } };
        }
        // Connection facts are needed for a sort on a connection's column or a contributor's
        // Permissions sort; the other columns need none.
        let needs_facts = matches!(query.column, ExportColumn::Connection | ExportColumn::Type | ExportColumn::Permissions);
        let facts = needs_facts.then(|| self.connection_facts());
        let fact = |c: &Option<ConnectionId>| c.as_ref().and_then(|c| facts.as_ref().and_then(|f| f.get(c)));
        let filter = NameFilter::new(self, query.connection.clone(), &needle);
        let keep = |(name, _): &(SmolStr, ExportId), fields: &SortFields| filter.keeps(name, fields);
        // A search by name: counted now without collecting anything; each page is read again
        // from the kept order when shown (a page costs a walk to it, not 50,000 ids).
        if query.column == ExportColumn::Name && filter.search.is_some() {
            let count = match &filter.search {
                // One character and no other filter: the kept counts answer it.
                Some(s) if s.mask_decides && filter.connection.is_none() => self.export_order().found_by_bit[char_bit(s.needle.as_bytes()[0]) as usize] as usize,
                _ => order.iter().filter(|(key, fields)| keep(key, fields)).count(),
            };
            return ExportListing { total, order: Order::Matching { filter: Box::new(filter), descending: query.descending, count } };
        }
        // One connection's exports: walk only them, not the whole order.
        let candidates: Box<dyn Iterator<Item = (&(SmolStr, ExportId), &SortFields)>> = match &query.connection {
            Some(only) if query.search.trim().is_empty() => {
                let mut keys: Vec<(SmolStr, ExportId)> = self
                    .index
                    .exports_by_connection
                    .get(only)
                    .into_iter()
                    .flatten()
                    .filter_map(|id| self.exports.get(id))
                    .map(ExportOrder::key)
                    .collect();
                keys.sort_unstable();
                Box::new(keys.into_iter().filter_map(move |k| order.get_key_value(&k)))
            }
            _ => Box::new(order.iter()),
        };
        if query.column == ExportColumn::Name {
            let kept: Vec<&(SmolStr, ExportId)> = candidates.filter(|(key, fields)| keep(key, fields)).map(|(key, _)| key).collect();
            let ids = if query.descending {
                descending_keeping_ties(kept.into_iter().rev()).collect()
            } else {
                kept.into_iter().map(|(_, id)| id.clone()).collect()
            };
            return ExportListing { total, order: Order::Ids(ids) };
        }
        // Other columns: a number per export, then its name's rank, then its place by id.
        let mut keyed: Vec<(i64, u32, u32)> = Vec::new();
        let mut ids: Vec<ExportId> = Vec::new();
        let mut name_rank = 0u32;
        let mut previous: Option<&SmolStr> = None;
        for (key, fields) in candidates {
            if previous.is_some_and(|p| *p != key.0) {
                name_rank += 1;
            }
            previous = Some(&key.0);
            if !keep(key, fields) {
                continue;
            }
            let primary = match query.column {
                ExportColumn::Name => 0,
                ExportColumn::Connection => fact(&fields.connection).map_or(-1, |c| c.name_rank as i64),
                ExportColumn::Type => fact(&fields.connection).map_or(-1, |c| c.type_rank as i64),
                ExportColumn::Status => query.status_rank[fields.status as usize] as i64,
                ExportColumn::Schedule => schedule_rank(fields.schedule),
                ExportColumn::LastRefreshed => fields.last_refreshed.map_or(i64::MIN, |t| t.0),
                ExportColumn::Permissions => {
                    let can_edit = match role {
                        Role::Administrator => true,
                        Role::Viewer => false,
                        Role::Contributor => match &fields.connection {
                            Some(_) => fact(&fields.connection).is_some_and(|c| c.shared),
                            None => &fields.owner == viewer,
                        },
                    };
                    if can_edit { 0 } else { 1 }
                }
            };
            keyed.push((primary, name_rank, ids.len() as u32));
            ids.push(key.1.clone());
        }
        if query.descending {
            keyed.sort_unstable_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then(a.2.cmp(&b.2)));
        } else {
            keyed.sort_unstable();
        }
        let ids = keyed.into_iter().map(|(_, _, at)| ids[at as usize].clone()).collect();
        ExportListing { total, order: Order::Ids(ids) }
    }

    /// The rows of `ids` (a page of a listing), in that order; ids that no longer exist are
    /// left out.
    pub fn export_rows_of(&self, viewer: &UserId, ids: &[ExportId]) -> Vec<ExportRow> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        ids.iter().filter_map(|id| self.exports.get(id)).map(|e| self.export_row(role, viewer, e)).collect()
    }

    /// Of `ids`, those `viewer` may change (for "Select all N matching").
    pub fn manageable_exports(&self, viewer: &UserId, ids: &[ExportId]) -> Vec<ExportId> {
        let Some(role) = self.role_of(viewer) else { return Vec::new() };
        if role == Role::Administrator {
            return ids.to_vec();
        }
        ids.iter().filter(|id| self.exports.get(*id).is_some_and(|e| self.may_manage_export(role, viewer, e))).cloned().collect()
    }

    /// Each export connection's place in the order of names and of type names, and whether
    /// contributors may use it.
    fn connection_facts(&self) -> FxHashMap<&ConnectionId, ConnectionFacts> {
        let types = type_ranks();
        let mut facts = FxHashMap::default();
        let mut rank = 0u32;
        let mut previous: Option<&str> = None;
        for (folded, id) in self.export_connection_names() {
            let Some(c) = self.connections.get(id) else { continue };
            if previous.is_some_and(|p| p != folded) {
                rank += 1;
            }
            previous = Some(folded);
            facts.insert(id, ConnectionFacts { name_rank: rank, type_rank: types.get(&c.type_id).copied().unwrap_or(u32::MAX), shared: c.shared_with_contributors() });
        }
        facts
    }

    /// The export connections whose name or type contains the search.
    fn export_connections_matching(&self, needle: &str) -> FxHashSet<&ConnectionId> {
        let types: FxHashSet<ConnectionTypeId> = catalog().iter().filter(|t| t.name.to_lowercase().contains(needle)).map(|t| t.id).collect();
        // A connection's type is looked up only when some type matches (rarely: "azure", "sftp").
        self.export_connection_names()
            .filter(|(folded, id)| {
                folded.contains(needle) || (!types.is_empty() && self.connections.get(*id).is_some_and(|c| types.contains(&c.type_id)))
            })
            .map(|(_, id)| id)
            .collect()
    }

    /// Export connections by folded name, from the index.
    fn export_connection_names(&self) -> impl Iterator<Item = (&str, &ConnectionId)> {
        self.index.names.get(&Category::Export).into_iter().flatten().map(|(folded, id)| (folded.as_str(), id))
    }
}

/// Ids from a Name order walked backwards, with exports of the same name put back in the
/// domain's order.
fn descending_keeping_ties<'a>(mut keys: impl Iterator<Item = &'a (SmolStr, ExportId)> + 'a) -> impl Iterator<Item = ExportId> + 'a {
    let mut run: Vec<ExportId> = Vec::new();
    let mut next = keys.next();
    std::iter::from_fn(move || {
        if run.is_empty() {
            let (name, id) = next?;
            run.push(id.clone());
            next = keys.next();
            while let Some((_, id)) = next.filter(|(other, _)| other == name) {
                run.push(id.clone());
                next = keys.next();
            }
        }
        // `run` holds one name's ids backwards: hand them out from its end.
        run.pop()
    })
}

