//! The Enrichment and Exports tabs: a search box, a table sortable by every column
//! (`aria-sort`, header buttons work by click and keyboard), 50 rows a page so 10,000
//! connections stay fast, and each row's action menu for administrators.

use super::row_menu::RowMenu;
use super::sort::{arrange, SortKey, DEFAULT_SORT};
use crate::ui::table::{page_range, Pager, Paged, SortHeader};
use super::health::{details_path, map_path, HealthBadge, HealthFilter, TestAll};
use super::{tab_of, PaneRequest, Tab};
use crate::i18n::use_i18n;
use crate::labels;
use crate::state::use_portal;
use crate::time::{format_timestamp, now};
use connections_domain::{Capability, Category, ConnectionRow, Health};
use crate::ui::search_box::SearchBox;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ConnectionList(category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let navigate = StoredValue::new_local(use_navigate());
    let search = RwSignal::new(String::new());
    // The chosen state's slug ("" for all): a signal type the app already has.
    let health_filter = RwSignal::new(String::new());
    let sort = RwSignal::new(DEFAULT_SORT);

    let can_manage = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.can(&viewer, Capability::ManageConnections))
    });
    let all_rows = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        portal.workspace().with(|w| w.connection_list(&viewer, category, now()))
    });
    // Positions in order, not clones of the rows; only the visible page is cloned.
    let table = Paged::new(all_rows, move |rows| search.with(|s| arrange(rows, s, health_filter.with(|h| Health::from_slug(h)), sort.get())));
    let page = table.page;
    // The default view (by name, no search, no health filter) needs only the page's rows: the
    // domain keeps the names in order and counts them, so the tab opens without projecting or
    // copying every connection. `Some(descending)` while that view is shown.
    let name_order = Memo::new(move |_| {
        let order = sort.get();
        let plain = order.key == SortKey::DisplayName && search.with(|s| s.trim().is_empty()) && health_filter.with(String::is_empty);
        plain.then_some(!order.ascending)
    });
    let name_count = Memo::new(move |_| portal.workspace().with(|w| w.connection_count(category)));
    let matching = Memo::new(move |_| if name_order.get().is_some() { name_count.get() } else { table.matching() });
    let page_rows = Memo::new(move |_| match name_order.get() {
        Some(descending) => {
            let viewer = portal.current_user.get();
            let shown = page_range(name_count.get(), page.get());
            portal.workspace().with(|w| w.connection_list_of(&viewer, &w.connections_by_name(category, descending, shown), now()))
        }
        None => table.page_rows.get(),
    });

    let open_add = move |_| {
        let path = format!("{}{}", tab_of(category).href(), PaneRequest::Add(None).query());
        navigate.with_value(|go| go(&path, Default::default()));
    };

    let toolbar = view! {
        <div class="list-toolbar">
            <SearchBox id="connection-search" label_key="connections.search" value=search page=page />
            <HealthFilter value=health_filter page=page />
            <TestAll category=category />
            <Show when=move || can_manage.get()>
                <button class="primary" id="add-connection" on:click=open_add>
                    {move || i18n.t("connections.add")}
                </button>
            </Show>
        </div>
    };

    let empty = move || {
        let none_at_all = if name_order.get().is_some() { name_count.get() == 0 } else { all_rows.with(Vec::is_empty) };
        if none_at_all {
            view! {
                <div class="empty-state" id="connections-empty">
                    <p>{move || i18n.t("connections.empty")}</p>
                    <p>
                        <a href=Tab::Discover.href()>{move || i18n.t("connections.empty.discover")}</a>
                    </p>
                </div>
            }
                .into_any()
        } else {
            view! {
                <p class="empty-state" id="connections-no-match">
                    {move || i18n.tf("connections.no_match", &[("search", &search.get())])}
                </p>
            }
                .into_any()
        }
    };

    view! {
        {toolbar}
        <p class="sr-only" aria-live="polite" id="connection-count">
            {move || i18n.plural("connections.count", matching.get(), &[])}
        </p>
        <Show when=move || { matching.get() > 0 } fallback=empty>
            <div class="table-scroll">
                <table class="data connection-table" id="connection-list">
                    <caption class="sr-only">{move || i18n.t(labels::category(category))}</caption>
                    <thead>
                        <tr>
                            {SortKey::ALL
                                .into_iter()
                                .map(|key| view! { <SortHeader key=key sort=sort page=page label_key=key.label_key() id=key.button_id() /> })
                                .collect_view()}
                            <th scope="col">
                                <span class="sr-only">{move || i18n.t("connections.col.actions")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        // Keyed by the language too: a row is drawn once with plain text, and
                        // drawn again when its content or the language changes.
                        <For
                            each=move || {
                                let locale = i18n.locale();
                                page_rows.get().into_iter().map(|row| (locale, row)).collect::<Vec<_>>()
                            }
                            key=|(locale, row)| (*locale, row_key(row))
                            let:item
                        >
                            <Row row=item.1 can_manage=can_manage category=category />
                        </For>
                    </tbody>
                </table>
            </div>
            <Pager total=matching.into() page=page label_key="connections.pager.label" />
        </Show>
    }
}

/// Changes whenever anything the row shows changes, so `For` redraws exactly those rows.
fn row_key(row: &ConnectionRow) -> String {
    format!("{}|{}|{}|{:?}|{}|{:?}", row.id, row.display_name, row.used_by_count, row.access, row.flagged_unreachable, row.health)
}

#[component]
fn Row(row: ConnectionRow, can_manage: Memo<bool>, category: Category) -> impl IntoView {
    let i18n = use_i18n();
    let access = row.access;
    let created = row.created_at;
    let name = row.display_name.clone();
    let row_id = row.id.to_string();
    let details_href = details_path(&row.id);
    let map_href = map_path(&row.id);
    let (health_name, map_name) = (row.display_name.clone(), row.display_name.clone());
    let used_by = row.used_by_count.to_string();
    let health = row.health;
    let flagged = row.flagged_unreachable.then(|| {
        view! { <span class="badge badge-warn">{i18n.t("connections.flag.unreachable")}</span> }
    });
    let health_label = i18n.tf("health.details_of", &[("state", &i18n.t(labels::health(health))), ("name", &health_name)]);
    let map_label = i18n.tf("map.open_for", &[("name", &map_name), ("count", &used_by)]);
    view! {
        <tr data-connection-id=row_id>
            <th scope="row">
                <div class="connection-name">
                    <span class="type-mark" aria-hidden="true">{mark_of(row.type_name)}</span>
                    <span class="name-text">{name}</span>
                    {flagged}
                </div>
            </th>
            <td data-label=i18n.t("connections.col.type")>{row.type_name}</td>
            <td data-label=i18n.t("connections.col.health")>
                <a class="health-link" href=details_href aria-label=health_label>
                    <HealthBadge health=row.health />
                </a>
            </td>
            <td data-label=i18n.t("connections.col.created")>{format_timestamp(created, i18n.locale())}</td>
            <td data-label=i18n.t("connections.col.access")>{i18n.t(labels::access(access))}</td>
            <td data-label=i18n.t("connections.col.used_by") class="numeric">
                <a class="used-by-link" href=map_href aria-label=map_label>
                    {row.used_by_count}
                </a>
            </td>
            <td class="row-actions">
                // Hidden rather than removed on a user switch: taking the menus out of every row
                // at once hung Chromium (see the contributor component test).
                <div class="row-menu-holder" hidden=move || !can_manage.get()>
                    <RowMenu id=row.id.clone() name=row.display_name.clone() category=category />
                </div>
            </td>
        </tr>
    }
}

/// Two letters that stand for a product, for its tile and row (the name is always written too).
pub fn mark_of(type_name: &str) -> String {
    let mut letters: String = type_name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    if letters.chars().count() < 2 {
        letters = type_name.chars().filter(|c| c.is_alphanumeric()).take(2).collect();
    }
    letters.to_uppercase()
}
