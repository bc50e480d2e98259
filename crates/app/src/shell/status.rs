//! Banners above every page for storage trouble: running in memory only, or writes failing.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::storage::writer::SaveStatus;
use leptos::prelude::*;

#[component]
pub fn StatusBanners() -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
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
                        i18n.tf(
                            "banner.write_failed.body",
                            &[("pending", &pending.to_string()), ("attempts", &attempts.to_string())],
                        )
                    }}
                    <span class="banner-detail">{message}</span>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Saved | SaveStatus::Saving { .. } => None,
    }
}
