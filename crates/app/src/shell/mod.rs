//! The frame around every page: skip link, header, navigation, status banners and the main
//! landmark, which shows the loading, first-run or recovery screen until the workspace is ready.

mod first_run;
mod header;
mod large_demo;
mod nav;
mod recovery;
mod status;
pub mod theme;
pub mod update;

use crate::i18n::use_i18n;
use crate::state::{use_portal, Phase};
use leptos::prelude::*;

pub use first_run::FirstRun;
pub use large_demo::LargeDemo;
pub use recovery::Recovery;

#[component]
pub fn Shell(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let portal = use_portal();
    let children = StoredValue::new(children);
    // Whether the folded navigation of narrow screens is open.
    let nav_open = RwSignal::new(false);
    let screen = move || match portal.phase.get() {
        Phase::Loading => view! {
            <div class="loading" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                {move || i18n.t("app.loading")}
            </div>
        }
        .into_any(),
        Phase::FirstRun => view! { <FirstRun /> }.into_any(),
        Phase::Recovery(problem) => view! { <Recovery problem=problem /> }.into_any(),
        Phase::Unavailable => view! {
            <section class="recovery" role="alert" aria-labelledby="unavailable-title">
                <h1 id="unavailable-title">{move || i18n.t("unavailable.title")}</h1>
                <p>{move || i18n.t("unavailable.body")}</p>
                <button id="unavailable-reload" class="primary" type="button" on:click=|_| { let _ = window().location().reload(); }>{move || i18n.t("banner.reload")}</button>
            </section>
        }
        .into_any(),
        Phase::Ready => children.with_value(|c| c()).into_any(),
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || i18n.t("shell.skip_to_content")}</a>
        <header::Header nav_open=nav_open />
        <div class="layout">
            <nav::Navigation open=nav_open />
            <main id="main" tabindex="-1">
                <update::UpdateBanner />
                <status::StatusBanners />
                {screen}
            </main>
        </div>
        <crate::ui::toast::ToastRegion />
    }
}

/// The router handles in-page links itself, so the skip link moves focus explicitly.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    crate::ui::focus::focus_by_id("main");
}
