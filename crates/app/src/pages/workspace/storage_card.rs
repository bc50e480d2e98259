//! Settings › Workspace › Storage: whether the browser promised to keep this site's data, whether
//! the portal works offline, and the data set aside by start-up or by "Start fresh", each of which
//! can be downloaded and, when it can be read, restored.

use super::backup::counts_text;
use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::storage::download::download_text;
use crate::storage::idb::RawRecord;
use crate::ui::toast::use_toasts;
use connections_domain::backup::BackupCounts;
use connections_domain::Workspace;
use leptos::prelude::*;

/// A set-aside entry: its label, its text, and the workspace it holds when that can be read.
#[derive(Clone)]
struct SetAsideEntry {
    label: String,
    text: String,
    readable: Option<Workspace>,
}

/// The quarantine holds raw-records downloads: `{"<key>": "<record text>", …}`.
fn readable_workspace(text: &str) -> Option<Workspace> {
    let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text).ok()?;
    let records: Vec<(String, String)> = map.into_iter().filter_map(|(k, v)| v.as_str().map(|t| (k, t.to_owned()))).collect();
    let loaded = Workspace::load(records).ok()?;
    let has_users = loaded.workspace.users().next().is_some();
    has_users.then_some(loaded.workspace)
}

#[component]
pub fn StorageCard() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let entries = RwSignal::new(Vec::<SetAsideEntry>::new());
    let load_entries = move || {
        let Some(db) = portal.writer.database() else { return };
        leptos::task::spawn_local(async move {
            let raw: Vec<RawRecord> = db.quarantined().await.unwrap_or_default();
            let list = raw.into_iter().map(|r| SetAsideEntry { readable: readable_workspace(&r.text), label: r.key, text: r.text }).collect();
            let _ = entries.try_set(list);
        });
    };
    load_entries();
    let persisted = move || match portal.persisted.get() {
        None => i18n.t("storage.persist.unknown"),
        Some(true) => i18n.t("storage.persist.yes"),
        Some(false) => i18n.t("storage.persist.no"),
    };
    let stored = move || if portal.writer.database().is_some() { i18n.t("storage.where.indexeddb") } else { i18n.t("storage.where.memory") };
    view! {
        <section class="card" aria-labelledby="storage-title">
            <h2 id="storage-title">{move || i18n.t("storage.title")}</h2>
            <dl class="storage-facts">
                <dt>{move || i18n.t("storage.where")}</dt>
                <dd id="storage-where">{stored}</dd>
                <dt>{move || i18n.t("storage.persist")}</dt>
                <dd id="storage-persisted">{persisted}</dd>
            </dl>
            <h3>{move || i18n.t("storage.set_aside.title")}</h3>
            <Show
                when=move || !entries.with(Vec::is_empty)
                fallback=move || view! { <p id="set-aside-none">{move || i18n.t("storage.set_aside.none")}</p> }
            >
                <ul class="set-aside-list" id="set-aside-list">
                    <For each=move || entries.get() key=|e| e.label.clone() let:entry>
                        {
                            let label = entry.label.clone();
                            let text = StoredValue::new(entry.text.clone());
                            let readable = StoredValue::new(entry.readable.clone());
                            let counts = entry.readable.as_ref().map(|w| counts_text(&i18n, &BackupCounts::of(w, &[])));
                            let file = format!("{label}.json");
                            view! {
                                <li>
                                    <span class="set-aside-label">{label.clone()}</span>
                                    " "
                                    <span class="hint">{counts.unwrap_or_else(|| i18n.t("storage.set_aside.unreadable"))}</span>
                                    " "
                                    <button type="button" class="set-aside-download" on:click=move |_| {
                                        if !text.with_value(|t| download_text(&file, "application/json", t)) {
                                            toasts.failure(i18n.t("recovery.download_failed"));
                                        }
                                    }>{move || i18n.t("storage.set_aside.download")}</button>
                                    <Show when=move || readable.with_value(Option::is_some)>
                                        <button type="button" class="set-aside-restore danger" on:click=move |_| {
                                            let Some(workspace) = readable.get_value() else { return };
                                            match portal.replace_workspace(workspace) {
                                                Ok(()) => toasts.success(i18n.t("backup.restored"), None),
                                                Err(error) => toasts.failure(crate::errors::error_message(&i18n, &error)),
                                            };
                                        }>{move || i18n.t("storage.set_aside.restore")}</button>
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </section>
    }
}
