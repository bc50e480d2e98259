//! "Load a large demo workspace": a size choice and a button that builds a generated workspace
//! (connections-domain's `generate`) in chunks behind a progress bar, yielding to the browser
//! between chunks so the bar repaints, then replaces the workspace as "Load sample data" does.
//! Used on the first-run screen and, for administrators, in Settings › Workspace.

use crate::i18n::use_i18n;
use crate::state::use_portal;
use crate::time::{format_number, now};
use crate::lazy::{lazy_fn, Unavailable};
use connections_domain::generate::{DemoSize, GenerationProgress, Generator};
use connections_domain::{Timestamp, Workspace};
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

// The generator runs only on request: in the shipped build it is the wasm module `demo_generator`
// (see `crate::lazy`). Each call resolves at once after the first has fetched it.
lazy_fn! {
    pub async fn start in demo_generator / start_split(size: DemoSize, at: Timestamp) -> Generator = Generator::new;
}
lazy_fn! {
    pub async fn step in demo_generator / step_split(generator: &mut Generator, max_commands: usize) -> GenerationProgress = Generator::step;
}
lazy_fn! {
    pub async fn finish in demo_generator / finish_split(generator: Generator) -> Workspace = Generator::finish;
}

/// Builds the workspace in chunks, showing each on `progress`; `None` when the control is gone.
async fn generate(size: DemoSize, progress: RwSignal<Option<GenerationProgress>>) -> Result<Option<Workspace>, Unavailable> {
    let mut generator = start(size, now()).await?;
    if progress.try_set(Some(generator.progress())).is_some() {
        return Ok(None);
    }
    loop {
        // Yield first so the bar (and the disabled button) paint before the work starts.
        TimeoutFuture::new(0).await;
        let done = step(&mut generator, CHUNK).await?;
        if progress.try_set(Some(done)).is_some() {
            return Ok(None);
        }
        if done.is_complete() {
            break;
        }
    }
    finish(generator).await.map(Some)
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
        let chosen = size.get_untracked();
        // Running from here (the button is disabled); the total is known once the plan is made.
        progress.set(Some(GenerationProgress { done: 0, total: 0 }));
        leptos::task::spawn_local(async move {
            let generated = generate(chosen, progress).await;
            match generated {
                Ok(Some(workspace)) => {
                    if let Err(error) = portal.replace_workspace(workspace) {
                        toasts.failure(crate::errors::error_message(&i18n, &error));
                    }
                }
                // The control is gone (another page): nothing to show or replace.
                Ok(None) => {}
                Err(Unavailable) => {
                    toasts.failure(i18n.t("error.part_unavailable"));
                }
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
