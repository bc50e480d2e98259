//! The map of what uses a connection, `/settings/connections/map/<id>`: the connection at the
//! top, a line down to each group of its exports and enrichments (by kind and run status, each
//! with its own colour and words), every drawn node a link to that export or enrichment, and
//! "+ N more" for what the domain chose not to draw. Below it the same list as a table, the text
//! alternative. The domain's `usage_map` decides the groups, counts and drawn nodes; this file
//! only places them.

use super::super::tab_of;
use super::{details_path, HealthBadge};
use crate::ui::table::PlainHeader;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_number, now};
use connections_domain::{ConnectionId, MapGroup, MapKind, MapNode, MapStatus, MapTarget, UsageMap, MAP_DRAWN};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

const WIDTH: f64 = 400.0;
const TOP: f64 = 8.0;
const ROOT_H: f64 = 44.0;
const TRUNK_X: f64 = 24.0;
const GROUP_X: f64 = 40.0;
const NODE_X: f64 = 56.0;
const ROW_H: f64 = 26.0;
const GAP: f64 = 4.0;
const GROUP_GAP: f64 = 14.0;
/// Characters of a name drawn in a node; the whole name is in its label and in the table.
const NAME_CHARS: usize = 40;

fn kind_key(kind: MapKind) -> &'static str {
    match kind {
        MapKind::Export => "map.kind.export",
        MapKind::Enrichment => "map.kind.enrichment",
    }
}

fn status_class(status: MapStatus) -> &'static str {
    match status {
        MapStatus::Failing => "map-failing",
        MapStatus::Running => "map-running",
        MapStatus::Succeeded => "map-succeeded",
        MapStatus::NotRun => "map-not-run",
        MapStatus::Inactive => "map-inactive",
    }
}

/// Where an export or enrichment opens: its data page, narrowed to this connection, with its pane.
fn target_href(connection: &ConnectionId, target: &MapTarget) -> String {
    match target {
        MapTarget::Export(id) => format!("/data/exports?connection={connection}&open={id}"),
        MapTarget::Enrichment(id) => format!("/data/enrichment?connection={connection}&open={id}"),
    }
}

fn kind_of(target: &MapTarget) -> MapKind {
    match target {
        MapTarget::Export(_) => MapKind::Export,
        MapTarget::Enrichment(_) => MapKind::Enrichment,
    }
}

fn target_dom_id(target: &MapTarget) -> String {
    match target {
        MapTarget::Export(id) => format!("map-node-{id}"),
        MapTarget::Enrichment(id) => format!("map-node-{id}"),
    }
}

fn short(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(NAME_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn group_label(i18n: &I18n, group: &MapGroup) -> String {
    i18n.tf(
        "map.group",
        &[
            ("kind", &i18n.t(kind_key(group.kind))),
            ("status", &i18n.t(labels::map_status(group.status))),
            ("count", &format_number(group.total as u64, i18n.locale())),
        ],
    )
}

/// The SVG drawing of `map`, laid out top to bottom.
fn drawing(i18n: I18n, map: &UsageMap) -> impl IntoView {
    let connection = map.connection.id.clone();
    let mut y = TOP + ROOT_H + GROUP_GAP;
    let mut parts = Vec::new();
    let mut last_branch = TOP + ROOT_H;
    for group in &map.groups {
        let class = status_class(group.status);
        let header_y = y;
        last_branch = header_y + ROW_H / 2.0;
        let label = group_label(&i18n, group);
        parts.push(
            view! {
                <g class=format!("map-group {class}")>
                    <line class="map-edge" x1=TRUNK_X y1=last_branch x2=GROUP_X y2=last_branch></line>
                    <rect class="map-group-box" x=GROUP_X y=header_y width=WIDTH - GROUP_X - 8.0 height=ROW_H rx="4"></rect>
                    <text class="map-group-label" x=GROUP_X + 8.0 y=header_y + 17.0>{label}</text>
                </g>
            }
            .into_any(),
        );
        y += ROW_H + GAP;
        for node in &group.drawn {
            let node_y = y;
            let href = target_href(&connection, &node.target);
            let label = format!("{} ({})", node.name, i18n.t(labels::map_status(node.group)));
            let text = short(&node.name);
            let dom_id = target_dom_id(&node.target);
            parts.push(
                view! {
                    <g class=format!("map-node-wrap {class}")>
                        <a href=href id=dom_id class="map-node" aria-label=label data-name=node.name.clone()>
                            <rect class="map-node-box" x=NODE_X y=node_y width=WIDTH - NODE_X - 8.0 height=ROW_H rx="4"></rect>
                            <text class="map-node-label" x=NODE_X + 8.0 y=node_y + 17.0>{text}</text>
                        </a>
                    </g>
                }
                .into_any(),
            );
            y += ROW_H + GAP;
        }
        if group.more() > 0 {
            let more = i18n.tf("map.more", &[("count", &format_number(group.more() as u64, i18n.locale()))]);
            let more_y = y;
            parts.push(
                view! {
                    <g>
                        <text class="map-more" x=NODE_X + 8.0 y=more_y + 16.0>{more}</text>
                    </g>
                }
                .into_any(),
            );
            y += ROW_H + GAP;
        }
        y += GROUP_GAP;
    }
    let height = y.max(TOP + ROOT_H + 8.0);
    let title = i18n.tf("map.svg_title", &[("name", &map.connection.display_name)]);
    let desc = i18n.tf("map.svg_desc", &[("count", &format_number(map.total() as u64, i18n.locale()))]);
    let root = format!("{} · {}", short(&map.connection.display_name), map.connection.type_name);
    let trunk_end = if map.groups.is_empty() { TOP + ROOT_H } else { last_branch };
    view! {
        <svg
            id="usage-map"
            class="usage-map"
            role="group"
            viewBox=format!("0 0 {WIDTH} {height}")
            aria-labelledby="map-svg-title"
            aria-describedby="map-svg-desc"
        >
            <title id="map-svg-title">{title}</title>
            <desc id="map-svg-desc">{desc}</desc>
            <line class="map-edge" x1=TRUNK_X y1=TOP + ROOT_H x2=TRUNK_X y2=trunk_end></line>
            <rect class="map-root" x="8" y=TOP width=WIDTH - 16.0 height=ROOT_H rx="6"></rect>
            <text class="map-root-label" x="20" y=TOP + 27.0>{root}</text>
            {parts}
        </svg>
    }
}

fn table_row(i18n: I18n, connection: &ConnectionId, node: &MapNode, kind: MapKind) -> impl IntoView {
    let href = target_href(connection, &node.target);
    let (status, group) = (node.status, node.group);
    view! {
        <tr>
            <th scope="row">
                <a href=href class="map-table-link">{node.name.clone()}</a>
            </th>
            <td>{move || i18n.t(kind_key(kind))}</td>
            <td>{move || i18n.t(labels::run_status(status))}</td>
            <td>
                <span class=format!("map-swatch {}", status_class(group)) aria-hidden="true"></span>
                {move || i18n.t(labels::map_status(group))}
            </td>
        </tr>
    }
}

#[component]
pub fn UsageMapPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let params = use_params_map();
    // A plain closure: a `Memo` of a new type would add its own reactive machinery to the wasm.
    let id = move || ConnectionId::new(params.with(|p| p.get("id").unwrap_or_default()));
    let map = move || {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.usage_map(&viewer, &id(), now(), MAP_DRAWN))
    };
    let page = move || {
        let Some(map) = map() else {
            return view! {
                <h1 id="page-title">{move || i18n.t("health.not_found")}</h1>
                <p>
                    <a href="/settings/connections">{move || i18n.t("not_found.back")}</a>
                </p>
            }
            .into_any();
        };
        let name = map.connection.display_name.clone();
        let title = i18n.tf("map.title", &[("name", &name)]);
        document().set_title(&format!("{title} · {}", i18n.t("app.name")));
        let category = map.connection.type_id.spec().category;
        let exports = map.groups.iter().filter(|g| g.kind == MapKind::Export).map(|g| g.total).sum::<usize>();
        let enrichments = map.total() - exports;
        let locale = i18n.locale();
        let counts = i18n.tf(
            "map.counts",
            &[("exports", &format_number(exports as u64, locale)), ("enrichments", &format_number(enrichments as u64, locale))],
        );
        let connection = map.connection.id.clone();
        let rows = map.items.iter().map(|node| table_row(i18n, &connection, node, kind_of(&node.target))).collect_view();
        let body = if map.items.is_empty() {
            view! { <p id="map-empty">{move || i18n.t("map.empty")}</p> }.into_any()
        } else {
            view! {
                <figure class="map-figure">{drawing(i18n, &map)}</figure>
                <h2 id="map-table-heading">{move || i18n.t("map.table_heading")}</h2>
                <div class="table-scroll">
                    <table class="data" id="map-table" aria-labelledby="map-table-heading">
                        <PlainHeader label_keys=&["map.col.name", "map.col.kind", "map.col.status", "map.col.group"] />
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        view! {
            <p class="breadcrumb">
                <a href=tab_of(category).href() id="back-to-list">{move || i18n.t("health.back")}</a>
                " · "
                <a href=details_path(&connection) id="map-details">{move || i18n.t("health.details")}</a>
            </p>
            <h1 id="page-title" tabindex="-1">{title}</h1>
            <p class="map-summary">
                <HealthBadge health=map.health />
                <span id="map-counts">{counts}</span>
            </p>
            {body}
        }
        .into_any()
    };
    view! { <section class="page map-page" aria-labelledby="page-title">{page}</section> }
}
