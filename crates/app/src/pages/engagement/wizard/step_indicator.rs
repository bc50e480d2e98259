//! The wizard's visible step list: number, name and state of each step. The current step
//! carries `aria-current="step"`; done steps say so in words, not by colour alone.

use crate::i18n::use_i18n;
use leptos::prelude::*;

pub const STEP_KEYS: [&str; 3] = ["engagement.wizard.step.settings", "engagement.wizard.step.members", "engagement.wizard.step.review"];

#[component]
pub fn StepIndicator(current: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="ei-steps" id="wizard-steps" aria-label=move || i18n.t("engagement.wizard.steps")>
            {STEP_KEYS
                .iter()
                .enumerate()
                .map(|(index, key)| {
                    let state = move || match current.get() {
                        c if c == index => "current",
                        c if c > index => "done",
                        _ => "todo",
                    };
                    view! {
                        <li
                            class=move || format!("ei-step ei-step-{}", state())
                            aria-current=move || (state() == "current").then_some("step")
                        >
                            <span class="ei-step-number" aria-hidden="true">{index + 1}</span>
                            <span class="ei-step-name">{move || i18n.t(key)}</span>
                            <span class="ei-step-state">
                                {move || match state() {
                                    "done" => i18n.t("engagement.wizard.state.done"),
                                    "current" => i18n.t("engagement.wizard.state.current"),
                                    _ => String::new(),
                                }}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
