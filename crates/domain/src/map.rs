//! The map of what uses a connection: its exports and enrichments grouped by kind and run
//! status, which of them are drawn, and how many are not. The app only lays it out.
//!
//! Roles: every signed-in user sees the names Data › Exports and Data › Enrichment already show
//! them, and nothing of the connection's details (fields, secrets); others get no map.

use serde::Serialize;

use crate::health::{run_failed, Health};
use crate::ids::{ConnectionId, EnrichmentId, ExportId, UserId};
use crate::model::{RunStatus, Timestamp};
use crate::views::ConnectionChoice;
use crate::workspace::Workspace;

/// How many nodes a map draws at most; the rest are counted ("+ 1,940 more").
pub const MAP_DRAWN: usize = 24;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MapTarget {
    Export(ExportId),
    Enrichment(EnrichmentId),
}

/// A map group's status, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MapStatus {
    Failing,
    Running,
    Succeeded,
    NotRun,
    /// A deactivated enrichment that still names the connection.
    Inactive,
}

impl MapStatus {
    fn of(status: RunStatus, active: bool) -> MapStatus {
        if !active {
            return MapStatus::Inactive;
        }
        match status {
            s if run_failed(s) => MapStatus::Failing,
            s if s.is_running() => MapStatus::Running,
            RunStatus::Successful | RunStatus::Skipped => MapStatus::Succeeded,
            _ => MapStatus::NotRun,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MapKind {
    Export,
    Enrichment,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MapNode {
    pub target: MapTarget,
    pub name: String,
    pub status: RunStatus,
    pub group: MapStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MapGroup {
    pub kind: MapKind,
    pub status: MapStatus,
    pub total: usize,
    /// The nodes drawn, by name; `total - drawn.len()` are only counted.
    pub drawn: Vec<MapNode>,
}

impl MapGroup {
    pub fn more(&self) -> usize {
        self.total - self.drawn.len()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UsageMap {
    pub connection: ConnectionChoice,
    pub health: Health,
    /// Non-empty groups: exports first, then enrichments, each by status.
    pub groups: Vec<MapGroup>,
    /// Every user of the connection, by kind, status and name: the text alternative.
    pub items: Vec<MapNode>,
}

impl UsageMap {
    pub fn total(&self) -> usize {
        self.items.len()
    }
}

impl Workspace {
    /// What uses connection `id`, with at most `max_drawn` nodes drawn, shared out between the
    /// groups in turn so each group shows some.
    pub fn usage_map(&self, viewer: &UserId, id: &ConnectionId, now: Timestamp, max_drawn: usize) -> Option<UsageMap> {
        self.role_of(viewer)?;
        let connection = self.connections.get(id)?;
        let mut items: Vec<(MapKind, MapNode)> = Vec::new();
        for e in self.index.exports_by_connection.get(id).into_iter().flatten().filter_map(|e| self.exports.get(e)) {
            let node = MapNode { target: MapTarget::Export(e.id.clone()), name: e.name.to_string(), status: e.status, group: MapStatus::of(e.status, true) };
            items.push((MapKind::Export, node));
        }
        for n in self.index.enrichments_by_connection.get(id).into_iter().flatten().filter_map(|n| self.enrichments.get(n)) {
            let group = MapStatus::of(n.status, n.active);
            items.push((MapKind::Enrichment, MapNode { target: MapTarget::Enrichment(n.id.clone()), name: n.name.to_string(), status: n.status, group }));
        }
        items.sort_by(|(ka, a), (kb, b)| (ka, a.group, a.name.to_lowercase()).cmp(&(kb, b.group, b.name.to_lowercase())));

        let mut groups: Vec<MapGroup> = Vec::new();
        let mut members: Vec<Vec<&MapNode>> = Vec::new();
        for (kind, node) in &items {
            match groups.last_mut() {
                Some(g) if g.kind == *kind && g.status == node.group => {
                    g.total += 1;
                    if let Some(m) = members.last_mut() {
                        m.push(node);
                    }
                }
                _ => {
                    groups.push(MapGroup { kind: *kind, status: node.group, total: 1, drawn: Vec::new() });
                    members.push(vec![node]);
                }
            }
        }
        // Round robin: one node from each group in turn until the budget is spent.
        let mut budget = max_drawn;
        let mut round = 0;
        while budget > 0 {
            let mut drew = false;
            for (group, nodes) in groups.iter_mut().zip(&members) {
                if budget > 0 && round < nodes.len() {
                    group.drawn.push(nodes[round].clone());
                    budget -= 1;
                    drew = true;
                }
            }
            if !drew {
                break;
            }
            round += 1;
        }
        Some(UsageMap {
            connection: self.choice(&connection.id)?,
            health: self.derive_health(connection, now).state,
            groups,
            items: items.into_iter().map(|(_, n)| n).collect(),
        })
    }
}
