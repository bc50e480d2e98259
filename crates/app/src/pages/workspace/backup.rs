//! Settings › Workspace › Backup: download the workspace as a versioned JSON file, and restore
//! one. The file is read by the domain's decoder; a bad file gets a message beside the picker and
//! changes nothing; a good one shows its version, date and counts, and a confirmation follows.
//! The restore is one all-or-none replacement through the write queue.

use crate::i18n::{use_i18n, I18n};
use crate::state::use_portal;
use crate::storage::download::download_text;
use crate::time::{format_timestamp, now};
use crate::ui::modal::Modal;
use crate::ui::toast::use_toasts;
use connections_domain::backup::{decode_backup, encode_backup, Backup, BackupCounts, BackupError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The message shown beside the file picker for a file that is not a usable backup.
pub fn backup_error_message(i18n: &I18n, error: &BackupError) -> String {
    match error {
        BackupError::Empty => i18n.t("backup.error.empty"),
        BackupError::NotJson => i18n.t("backup.error.not_json"),
        BackupError::Truncated => i18n.t("backup.error.truncated"),
        BackupError::NotABackup => i18n.t("backup.error.not_a_backup"),
        BackupError::NewerVersion { found, supported } | BackupError::NewerSchema { found, supported } => {
            i18n.tf("backup.error.newer", &[("found", &found.to_string()), ("supported", &supported.to_string())])
        }
        BackupError::MissingPart { part } => i18n.tf("backup.error.missing_part", &[("part", part)]),
        BackupError::DamagedRecord { key, reason } => i18n.tf("backup.error.damaged", &[("key", key), ("reason", reason)]),
        BackupError::Inconsistent { key, reason } => i18n.tf("backup.error.inconsistent", &[("key", key), ("reason", reason)]),
        BackupError::CountsMismatch { part, declared, found } => i18n.tf(
            "backup.error.counts",
            &[("part", part), ("declared", &declared.to_string()), ("found", &found.to_string())],
        ),
        BackupError::EventsOutOfOrder => i18n.t("backup.error.events"),
        BackupError::NoUsers => i18n.t("backup.error.no_users"),
    }
}

/// "6 users, 12 connections, …" for a preview.
pub fn counts_text(i18n: &I18n, counts: &BackupCounts) -> String {
    i18n.tf(
        "backup.counts",
        &[
            ("users", &counts.users.to_string()),
            ("connections", &counts.connections.to_string()),
            ("exports", &counts.exports.to_string()),
            ("enrichments", &counts.enrichments.to_string()),
            ("events", &counts.events.to_string()),
        ],
    )
}

#[component]
pub fn BackupCard() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    let chosen = RwSignal::new(None::<Backup>);
    let problem = RwSignal::new(None::<String>);
    let confirm_open = RwSignal::new(false);

    let download = move |_| {
        let writer = portal.writer;
        leptos::task::spawn_local(async move {
            let newest = portal.workspace().with_untracked(|w| w.next_event_seq());
            let events = if writer.database().is_some() {
                writer.events_before(newest, newest).await
            } else {
                portal.workspace().with_untracked(|w| w.events().to_vec())
            };
            let text = portal.workspace().with_untracked(|w| encode_backup(w, &events, now()));
            let name = format!("connections-portal-backup-{}.json", js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().get(..10).unwrap_or("today"));
            if download_text(&name, "application/json", &text) {
                toasts.success(i18n.t("backup.downloaded"), None);
            } else {
                toasts.failure(i18n.t("recovery.download_failed"));
            }
        });
    };

    let pick = move |ev: leptos::ev::Event| {
        chosen.set(None);
        problem.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            match text.map(|t| decode_backup(&t)) {
                Some(Ok(backup)) => chosen.set(Some(backup)),
                Some(Err(error)) => problem.set(Some(backup_error_message(&i18n, &error))),
                None => problem.set(Some(i18n.t("backup.error.unreadable_file"))),
            }
        });
    };

    let restore = move |_| {
        confirm_open.set(false);
        let Some(backup) = chosen.get_untracked() else { return };
        match portal.replace_workspace(backup.workspace) {
            Ok(()) => {
                chosen.set(None);
                toasts.success(i18n.t("backup.restored"), None);
            }
            Err(error) => problem.set(Some(crate::errors::error_message(&i18n, &error))),
        }
    };

    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">{move || i18n.t("backup.title")}</h2>
            <p>{move || i18n.t("backup.body")}</p>
            <button type="button" id="download-backup" on:click=download>{move || i18n.t("backup.download")}</button>
            <div class="form-field">
                <label for="restore-file">{move || i18n.t("backup.restore_label")}</label>
                <input
                    type="file"
                    id="restore-file"
                    accept="application/json,.json"
                    aria-describedby="restore-error"
                    aria-invalid=move || if problem.with(Option::is_some) { "true" } else { "false" }
                    on:change=pick
                />
                <p class="field-error" id="restore-error" role="alert">{move || problem.get()}</p>
            </div>
            <Show when=move || chosen.with(Option::is_some)>
                <div class="restore-preview" id="restore-preview" role="region" aria-labelledby="restore-preview-title">
                    <h3 id="restore-preview-title">{move || i18n.t("backup.preview_title")}</h3>
                    <p id="restore-preview-details">
                        {move || {
                            chosen.with(|b| {
                                b.as_ref().map(|b| {
                                    i18n.tf(
                                        "backup.preview",
                                        &[
                                            ("version", &b.preview.version.to_string()),
                                            ("date", &format_timestamp(b.preview.created_at, i18n.locale())),
                                            ("counts", &counts_text(&i18n, &b.preview.counts)),
                                        ],
                                    )
                                })
                            })
                        }}
                    </p>
                    <button type="button" id="restore-backup" class="danger" on:click=move |_| confirm_open.set(true)>
                        {move || i18n.t("backup.restore")}
                    </button>
                </div>
            </Show>
            <Modal open=confirm_open labelled_by="restore-confirm-title" id="restore-dialog">
                <h2 id="restore-confirm-title">{move || i18n.t("backup.confirm_title")}</h2>
                <p>{move || i18n.t("backup.confirm_body")}</p>
                <div class="dialog-actions">
                    <button type="button" id="restore-cancel" on:click=move |_| confirm_open.set(false)>{move || i18n.t("common.cancel")}</button>
                    <button type="button" id="restore-confirm" class="danger" on:click=restore>{move || i18n.t("backup.restore")}</button>
                </div>
            </Modal>
        </section>
    }
}
