//! `?connection=<id>`: the Remove dialog's "See connected exports/enrichments" lands here. The
//! banner says which connection the list is narrowed to and offers the way back to all rows.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The connection id in the query string, if any.
pub fn connection_filter() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("connection")).filter(|id| !id.is_empty()))
}

#[component]
pub fn FilterBanner(
    filter: Memo<Option<String>>,
    /// Locale key of "Showing only … that use {name}".
    message_key: &'static str,
    /// Locale key of the "show all" link.
    clear_key: &'static str,
    /// The page's own path, without the query.
    base: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let name = move || {
        let id = filter.get()?;
        let name = portal
            .workspace()
            .with(|w| w.connection(&connections_domain::ConnectionId::new(id.clone())).map(|c| c.display_name.to_string()));
        Some(name.unwrap_or_else(|| i18n.tf("data.filter.unknown_connection", &[("id", &id)])))
    };
    view! {
        <Show when=move || filter.get().is_some()>
            <div class="filter-banner" id="connection-filter" role="status">
                <span>{move || i18n.tf(message_key, &[("name", &name().unwrap_or_default())])}</span>
                <A href=base attr:id="clear-connection-filter">{move || i18n.t(clear_key)}</A>
            </div>
        </Show>
    }
}

/// `?open=<id>`: the map of a connection links here to open one export's or enrichment's pane.
/// Calls `open` once per id named, after the page is shown.
pub fn open_from_query(open: impl Fn(String) + 'static) {
    let query = use_query_map();
    Effect::new(move |previous: Option<Option<String>>| {
        let id = query.with(|q| q.get("open")).filter(|id| !id.is_empty());
        if let Some(id) = id.clone().filter(|id| previous.as_ref() != Some(&Some(id.clone()))) {
            open(id);
        }
        id
    });
}

/// "Its connection … is failing", linking to the connection's health, beside a failed run
/// that the domain put down to its connection.
#[component]
pub fn ConnectionCause(id: Memo<Option<String>>, name: Memo<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || id.get().zip(name.get()).map(|(id, name)| connection_cause(&i18n, &connections_domain::ConnectionId::new(id), &name))
}

/// [`ConnectionCause`] drawn once, for a row that is redrawn whole when it changes.
pub fn connection_cause(i18n: &crate::i18n::I18n, id: &connections_domain::ConnectionId, name: &str) -> impl IntoView {
    view! {
        <a class="connection-cause" href=crate::pages::connections::health::details_path(id)>
            {i18n.tf("data.failed_on_connection", &[("name", name)])}
        </a>
    }
}
