//! Banners above every page for storage trouble: running in memory only, or writes failing.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::errors::error_message;
use crate::storage::writer::SaveStatus;
use crate::ui::toast::use_toasts;
use connections_domain::storage::{DecodeError, Effect as Repair};
use leptos::prelude::*;

#[component]
pub fn StatusBanners() -> impl IntoView {
    view! {
        <SaveBanners />
        <DamageBanner />
    }
}

/// Changes that another tab's write made impossible are told, in words, as they are found.
fn tell_refused_changes() {
    let i18n = use_i18n();
    let portal = use_portal();
    let toasts = use_toasts();
    Effect::new(move |_| {
        let refused = portal.writer.refused.get();
        if refused.is_empty() {
            return;
        }
        for error in &refused {
            toasts.failure(i18n.tf("conflict.refused", &[("reason", &error_message(&i18n, error))]));
        }
        portal.writer.refused.set(Vec::new());
    });
}

/// What start-up set aside, and what that means for the objects that used it.
#[component]
fn DamageBanner() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let lines = move || {
        portal.damage.with(|report| {
            let Some(report) = report else { return Vec::new() };
            let mut lines: Vec<String> = report
                .set_aside
                .iter()
                .map(|s| {
                    let reason = match &s.problem {
                        DecodeError::Corrupt { reason, .. } | DecodeError::Dangling { reason, .. } => reason.clone(),
                        other => other.to_string(),
                    };
                    i18n.tf("banner.damage.set_aside", &[("key", &s.key), ("reason", &reason)])
                })
                .collect();
            lines.extend(report.effects.iter().map(|effect| match effect {
                Repair::ExportLostConnection { name, .. } => i18n.tf("banner.damage.export_lost_connection", &[("name", name)]),
                Repair::EnrichmentLostConnection { name, .. } => i18n.tf("banner.damage.enrichment_lost_connection", &[("name", name)]),
                Repair::ConnectionLostSecret { name, secret, .. } => {
                    i18n.tf("banner.damage.connection_lost_secret", &[("name", name), ("secret", secret.as_str())])
                }
                Repair::UnknownUser { user } => i18n.tf("banner.damage.unknown_user", &[("user", user.as_str())]),
                Repair::LinkLostMember { user, .. } => i18n.tf("banner.damage.link_lost_member", &[("user", user.as_str())]),
                Repair::CountersRaised => i18n.t("banner.damage.counters"),
            }));
            lines
        })
    };
    view! {
        <Show when=move || portal.damage.with(Option::is_some)>
            <div class="banner banner-warning" role="alert" id="damage-banner">
                <strong>{move || i18n.t("banner.damage.title")}</strong>
                " "
                {move || i18n.t("banner.damage.body")}
                <ul class="banner-detail">
                    {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
                <button type="button" id="damage-dismiss" on:click=move |_| portal.damage.set(None)>
                    {move || i18n.t("banner.dismiss")}
                </button>
            </div>
        </Show>
    }
}

#[component]
fn SaveBanners() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    tell_refused_changes();
    move || match portal.writer.status.get() {
        SaveStatus::MemoryOnly { reason } => Some(
            view! {
                <div class="banner banner-warning" role="alert" id="memory-only-banner">
                    <strong>{move || i18n.t("banner.memory_only.title")}</strong>
                    " "
                    {move || i18n.t("banner.memory_only.body")}
                    <span class="banner-detail">{reason}</span>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Failed { attempts, message, pending } => Some(
            view! {
                <div class="banner banner-error" role="alert" id="write-failed-banner">
                    <strong>{move || i18n.t("banner.write_failed.title")}</strong>
                    " "
                    {move || {
                        i18n.plural("banner.write_failed.body", pending, &[("attempts", &attempts.to_string())])
                    }}
                    <span class="banner-detail">{message}</span>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Superseded => Some(
            view! {
                <div class="banner banner-error" role="alert" id="superseded-banner">
                    <strong>{move || i18n.t("banner.superseded.title")}</strong>
                    " "
                    {move || i18n.t("banner.superseded.body")}
                    " "
                    <button type="button" id="superseded-reload" on:click=|_| { let _ = window().location().reload(); }>
                        {move || i18n.t("banner.reload")}
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Blocked => Some(
            view! {
                <div class="banner banner-warning" role="alert" id="blocked-banner">
                    <strong>{move || i18n.t("banner.blocked.title")}</strong>
                    " "
                    {move || i18n.t("banner.blocked.body")}
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Saved | SaveStatus::Saving { .. } => None,
    }
}
