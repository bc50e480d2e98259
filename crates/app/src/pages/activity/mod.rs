//! Activity: every event the domain recorded, newest first — who, in which role, did what to
//! which object, and when — filterable by object and by user, and downloadable as CSV. Events
//! carry names and ids only, so no secret can appear here or in the file.

pub mod csv;

use crate::pages::page_title;
use crate::i18n::{use_i18n, I18n};
use crate::labels;
use crate::state::use_portal;
use crate::storage::download::download_text;
use crate::time::{format_number, format_timestamp};
use crate::ui::table::{Pager, Paged};
use crate::ui::toast::use_toasts;
use connections_domain::{ActivityRow, Event, ObjectRef};

/// Events read from the store at a time.
use crate::state::recent_events::{RecentEvents, ACTIVITY_PAGE};
use leptos::prelude::*;

/// Object kinds offered by the filter, as (value, label key).
const OBJECT_KINDS: [(&str, &str); 6] = [
    ("connection", "object.connection"),
    ("export", "object.export"),
    ("enrichment", "object.enrichment"),
    ("key_vault", "object.key_vault"),
    ("secret", "object.secret"),
    ("engagement_link", "object.engagement_link"),
];

fn kind_value(object: &ObjectRef) -> &'static str {
    match object {
        ObjectRef::Connection(_) => "connection",
        ObjectRef::Export(_) => "export",
        ObjectRef::Enrichment(_) => "enrichment",
        ObjectRef::KeyVault => "key_vault",
        ObjectRef::Secret(_) => "secret",
        ObjectRef::EngagementLink(_) => "engagement_link",
        ObjectRef::User(_) => "user",
    }
}

/// What the filters ask for; empty strings mean "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityFilter {
    pub kind: String,
    pub user: String,
    pub object_text: String,
}

impl ActivityFilter {
    pub fn keeps(&self, row: &ActivityRow) -> bool {
        let text = self.object_text.trim().to_lowercase();
        (self.kind.is_empty() || kind_value(&row.object) == self.kind)
            && (self.user.is_empty() || row.actor_name == self.user)
            && (text.is_empty() || row.object_name.as_deref().is_some_and(|n| n.to_lowercase().contains(&text)))
    }
}

pub fn header(i18n: &I18n) -> Vec<String> {
    ["activity.col.when", "activity.col.who", "activity.role", "activity.col.action", "activity.object_type", "activity.col.object"]
        .iter()
        .map(|k| i18n.t(k))
        .collect()
}

/// A row as the table and the CSV file show it.
pub fn cells(i18n: &I18n, row: &ActivityRow) -> Vec<String> {
    vec![
        format_timestamp(row.at, i18n.locale()),
        row.actor_name.clone(),
        i18n.t(labels::role(row.actor_role)),
        i18n.t(&format!("action.{}", row.action_key)),
        i18n.t(labels::object_kind(&row.object)),
        row.object_name.clone().unwrap_or_default(),
    ]
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let filter = RwSignal::new(ActivityFilter::default());
    // With IndexedDB the log lives in its own store and is read a page at a time, newest first;
    // in memory only, the workspace keeps it.
    let stored = portal.writer.database().is_some();
    let reach = RwSignal::new(ACTIVITY_PAGE);
    // The newest page is usually in memory already: drawn with the page. The store is read all
    // the same, and what it says replaces it if different (another tab may have written).
    let kept = move |newest: u64, limit: u64| portal.recent_events.with_value(|r| r.get(newest, limit));
    let loaded = RwSignal::new(kept(portal.workspace().with_untracked(|w| w.next_event_seq()), ACTIVITY_PAGE).unwrap_or_default());
    let show = move |events: Vec<Event>| {
        if loaded.with_untracked(|shown| *shown != events) {
            loaded.set(events);
        }
    };
    Effect::new(move |_| {
        let newest = portal.workspace().with(|w| w.next_event_seq());
        let limit = reach.get();
        if !stored {
            return;
        }
        if let Some(events) = kept(newest, limit) {
            show(events);
        }
        let writer = portal.writer;
        leptos::task::spawn_local(async move {
            let events = writer.events_before(newest, limit).await;
            portal.recent_events.set_value(RecentEvents::new(newest, limit, events.clone()));
            show(events);
        });
    });
    let all = Memo::new(move |_| {
        let viewer = portal.current_user.get();
        if stored { loaded.with(|events| portal.workspace().with(|w| w.activity_of(&viewer, events))) } else { portal.workspace().with(|w| w.activity(&viewer)) }
    });
    let total = move || if stored { portal.workspace().with(|w| w.next_event_seq()) as usize } else { all.with(Vec::len) };
    let older = move || stored && reach.get() < portal.workspace().with(|w| w.next_event_seq());
    // Newest first as loaded; the filter keeps positions only and one page of 50 is rendered.
    let table = Paged::new(all, move |rows| filter.with(|f| rows.iter().enumerate().filter(|(_, r)| f.keeps(r)).map(|(i, _)| i).collect()));
    Effect::new(move |_| {
        filter.track();
        table.page.set(0);
    });
    let users = move || portal.workspace().with(|w| w.users().map(|u| u.name.clone()).collect::<Vec<_>>());
    let download = move |_| {
        let rows: Vec<Vec<String>> =
            table.order.with_untracked(|order| all.with_untracked(|rows| order.iter().map(|&i| cells(&i18n, &rows[i])).collect()));
        let text = format!("\u{feff}{}", csv::to_csv(&header(&i18n), &rows));
        if download_text("activity.csv", "text/csv;charset=utf-8", &text) {
            toasts.success(i18n.plural("activity.downloaded", rows.len(), &[]), None);
        } else {
            toasts.failure(i18n.t("activity.download_failed"));
        }
    };
    view! {
        <section class="page activity-page" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("activity.title")}</h1>
            <p class="hint hint-intro">{move || i18n.t("activity.intro")}</p>
            <div class="toolbar activity-filters" role="search" aria-label=move || i18n.t("activity.filters")>
                <div class="form-field">
                    <label for="activity-object">{move || i18n.t("activity.filter.object")}</label>
                    <select id="activity-object" on:change=move |ev| filter.update(|f| f.kind = event_target_value(&ev))>
                        <option value="">{move || i18n.t("activity.filter.any_object")}</option>
                        {OBJECT_KINDS
                            .iter()
                            .map(|(value, key)| view! { <option value=*value>{move || i18n.t(key)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label for="activity-user">{move || i18n.t("activity.filter.user")}</label>
                    <select id="activity-user" on:change=move |ev| filter.update(|f| f.user = event_target_value(&ev))>
                        <option value="">{move || i18n.t("activity.filter.any_user")}</option>
                        {move || users().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="form-field">
                    <label for="activity-search">{move || i18n.t("activity.filter.object_name")}</label>
                    <input
                        id="activity-search"
                        type="search"
                        on:input=move |ev| filter.update(|f| f.object_text = event_target_value(&ev))
                    />
                </div>
                <button type="button" id="activity-csv" on:click=download disabled=move || table.matching() == 0>
                    {move || i18n.t("activity.export_csv")}
                </button>
            </div>
            <p class="row-count" id="activity-count" role="status">
                {move || {
                    let locale = i18n.locale();
                    i18n.tf(
                        "activity.count",
                        &[("shown", &format_number(table.matching() as u64, locale)), ("total", &format_number(total() as u64, locale))],
                    )
                }}
            </p>
            <Show
                when=move || { table.matching() > 0 }
                fallback=move || {
                    view! {
                        <p class="empty-state">
                            {move || if all.with(Vec::is_empty) { i18n.t("activity.empty") } else { i18n.t("data.no_match") }}
                        </p>
                    }
                }
            >
                <div class="table-scroll">
                    <table class="data" id="activity-list">
                        <caption class="sr-only">{move || i18n.t("activity.title")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("activity.col.when")}</th>
                                <th scope="col">{move || i18n.t("activity.col.who")}</th>
                                <th scope="col">{move || i18n.t("activity.col.action")}</th>
                                <th scope="col">{move || i18n.t("activity.col.object")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || table.page_rows.get() key=|row| row.seq let:row>
                                // Redrawn when the language changes; events themselves never change.
                                {move || {
                                    let [when, who, role, action, kind, name] = <[String; 6]>::try_from(cells(&i18n, &row)).unwrap_or_default();
                                    view! {
                                        <tr>
                                            <td data-label=move || i18n.t("activity.col.when") class="when">{when}</td>
                                            <td data-label=move || i18n.t("activity.col.who") class="who">{who} <span class="hint">" · " {role}</span></td>
                                            <td data-label=move || i18n.t("activity.col.action") class="action">{action}</td>
                                            <td data-label=move || i18n.t("activity.col.object") class="object"><span class="object-kind">{kind}</span> " " {name}</td>
                                        </tr>
                                    }
                                }}
                            </For>
                        </tbody>
                    </table>
                </div>
                <Pager total=Signal::derive(move || table.matching()) page=table.page id_prefix="activity-" label_key="table.pages.activity" />
            </Show>
            <Show when=older>
                <button type="button" id="activity-older" on:click=move |_| reach.update(|r| *r += ACTIVITY_PAGE)>
                    {move || i18n.t("activity.show_older")}
                </button>
            </Show>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use connections_domain::{ConnectionId, Role, SecretName, Timestamp};

    fn row(actor: &str, object: ObjectRef, name: Option<&str>) -> ActivityRow {
        ActivityRow {
            seq: 1,
            at: Timestamp(0),
            actor_name: actor.into(),
            actor_role: Role::Administrator,
            action_key: "connection_created",
            object,
            object_name: name.map(Into::into),
        }
    }

    fn filter(kind: &str, user: &str, object_text: &str) -> ActivityFilter {
        ActivityFilter { kind: kind.into(), user: user.into(), object_text: object_text.into() }
    }

    #[test]
    fn an_empty_filter_keeps_everything() {
        let all = ActivityFilter::default();
        assert!(all.keeps(&row("Jonas Berg", ObjectRef::KeyVault, None)));
        assert!(all.keeps(&row("Ana", ObjectRef::Connection(ConnectionId::new("c-1")), Some("Lake"))));
    }

    #[test]
    fn the_kind_filter_keeps_only_that_kind_of_object() {
        let connection = row("Ana", ObjectRef::Connection(ConnectionId::new("c-1")), Some("Lake"));
        let secret = row("Ana", ObjectRef::Secret(SecretName::new("sftp-password")), Some("sftp-password"));
        assert!(filter("connection", "", "").keeps(&connection));
        assert!(!filter("connection", "", "").keeps(&secret));
        assert!(filter("secret", "", "").keeps(&secret));
        assert!(!filter("key_vault", "", "").keeps(&connection));
    }

    #[test]
    fn the_user_filter_is_the_exact_name() {
        let by_jonas = row("Jonas Berg", ObjectRef::KeyVault, None);
        assert!(filter("", "Jonas Berg", "").keeps(&by_jonas));
        assert!(!filter("", "Jonas", "").keeps(&by_jonas), "a part of the name is not the user");
        assert!(!filter("", "Ana", "").keeps(&by_jonas));
    }

    #[test]
    fn the_object_text_matches_part_of_the_name_in_any_case() {
        let lake = row("Ana", ObjectRef::Connection(ConnectionId::new("c-1")), Some("Orders Lake"));
        assert!(filter("", "", "  lake ").keeps(&lake));
        assert!(filter("", "", "ORDERS").keeps(&lake));
        assert!(!filter("", "", "sftp").keeps(&lake));
        assert!(!filter("", "", "vault").keeps(&row("Ana", ObjectRef::KeyVault, None)), "an object without a name matches no text");
    }

    #[test]
    fn every_filter_must_hold() {
        let lake = row("Ana", ObjectRef::Connection(ConnectionId::new("c-1")), Some("Orders Lake"));
        assert!(filter("connection", "Ana", "lake").keeps(&lake));
        assert!(!filter("connection", "Jonas Berg", "lake").keeps(&lake));
        assert!(!filter("export", "Ana", "lake").keeps(&lake));
    }
}
