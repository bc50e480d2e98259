//! The line beside Save that says why it would refuse.

use crate::pages::connections::form::{Problem, CONSENT_KEY, FORM_KEY};
use crate::i18n::use_i18n;
use crate::ui::focus::focus_later;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Why Save cannot be pressed, or would refuse, beside it: each reason a button that moves to
/// the control it names. Its text describes Save (`aria-describedby`). The line keeps its height
/// when empty, so ticking I agree never moves the pane under the pointer.
#[component]
pub(super) fn SaveReasons(pending: Memo<BTreeMap<String, Problem>>, show_fields: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let consent = move || pending.with(|p| p.contains_key(CONSENT_KEY));
    // A refusal of the whole form (the connection was removed meanwhile) is no field: Save says
    // it above the buttons instead.
    let fields = move || pending.with(|p| p.keys().filter(|k| k.as_str() != CONSENT_KEY && k.as_str() != FORM_KEY).count());
    view! {
        <p class="save-reasons" id="pane-save-reasons">
            {move || {
                consent()
                    .then(|| {
                        view! {
                            <button type="button" class="link-button" id="reason-consent" on:click=move |_| focus_later("field-consent".to_owned())>
                                {move || i18n.t("connections.pane.reason_consent")}
                            </button>
                        }
                    })
            }}
            {move || {
                let count = fields();
                (count > 0)
                    .then(|| {
                        view! {
                            <button type="button" class="link-button" id="reason-fields" on:click=move |_| show_fields.run(())>
                                {move || i18n.plural("connections.pane.reason_fields", count, &[])}
                            </button>
                        }
                    })
            }}
        </p>
    }
}
