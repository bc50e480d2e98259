//! "Load a large demo workspace": a size choice and a button that builds a generated workspace
//! (connections-domain's `generate`) in chunks behind a progress bar, yielding to the browser
//! between chunks so the bar repaints, then replaces the workspace as "Load sample data" does.
//! Used on the first-run screen and, for administrators, in Settings › Workspace.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::{format_number, now};
use connections_domain::generate::{DemoSize, GenerationProgress, Generator};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

/// Commands applied between two repaints.
const CHUNK: usize = 2_000;

fn size_label_key(size: DemoSize) -> &'static str {
    match size {
        DemoSize::Small => "large_demo.size.small",
        DemoSize::Medium => "large_demo.size.medium",
        DemoSize::Test => "large_demo.size.test",
        DemoSize::Large => "large_demo.size.large",
    }
}

#[component]
pub fn LargeDemo(
    /// Translation key of the help text under the button.
    help_key: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = crate::ui::toast::use_toasts();
    let portal = use_portal();
    let size = RwSignal::new(DemoSize::Medium);
    let progress = RwSignal::new(None::<GenerationProgress>);
    let running = move || progress.get().is_some();
    let load = move |_| {
        if progress.get_untracked().is_some() {
            return;
        }
        let mut generator = Generator::new(size.get_untracked(), now());
        progress.set(Some(generator.progress()));
        leptos::task::spawn_local(async move {
            loop {
                // Yield first so the bar (and the disabled button) paint before the work starts.
                TimeoutFuture::new(0).await;
                let step = generator.step(CHUNK);
                // The control may be gone by now (another page); then there is nothing to show.
                if progress.try_set(Some(step)).is_some() {
                    return;
                }
                if step.is_complete() {
                    break;
                }
            }
            if let Err(error) = portal.replace_workspace(generator.finish()) {
                toasts.failure(crate::errors::error_message(&i18n, &error));
            }
            let _ = progress.try_set(None);
        });
    };
    view! {
        <div class="large-demo">
            <div class="form-field">
                <label for="large-demo-size">{move || i18n.t("large_demo.size")}</label>
                <select
                    id="large-demo-size"
                    disabled=running
                    on:change=move |ev| {
                        if let Some(chosen) = DemoSize::parse(&event_target_value(&ev)) {
                            size.set(chosen);
                        }
                    }
                >
                    {DemoSize::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.as_str() selected=move || size.get() == s>
                                    {move || i18n.t(size_label_key(s))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button id="load-large-demo" on:click=load disabled=running aria-describedby="large-demo-help">
                {move || i18n.t("large_demo.load")}
            </button>
            <p id="large-demo-help">{move || i18n.t(help_key)}</p>
            <Show when=running>
                <div class="large-demo-progress" role="status">
                    <label for="large-demo-progress">{move || i18n.t("large_demo.progress")}</label>
                    <progress
                        id="large-demo-progress"
                        max=move || progress.get().map_or(1, |p| p.total).to_string()
                        value=move || progress.get().map_or(0, |p| p.done).to_string()
                    ></progress>
                    <span class="large-demo-count" aria-hidden="true">
                        {move || {
                            let p = progress.get().unwrap_or(GenerationProgress { done: 0, total: 0 });
                            let locale = i18n.locale();
                            i18n.tf(
                                "large_demo.progress_count",
                                &[
                                    ("done", &format_number(p.done as u64, locale)),
                                    ("total", &format_number(p.total as u64, locale)),
                                ],
                            )
                        }}
                    </span>
                </div>
            </Show>
        </div>
    }
}
