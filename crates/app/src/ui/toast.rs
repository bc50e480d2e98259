//! Toasts: a short message after every success or failure, in a polite live region, with an
//! optional Undo. Success toasts leave by themselves; failures stay until dismissed.
//!
//! ```ignore
//! let toasts = use_toasts();
//! toasts.success(i18n.t("connections.removed"), Some(Callback::new(move |_| { /* inverse command */ })));
//! toasts.failure(message);
//! ```

use crate::i18n::use_i18n;
use crate::ui::timers::Timers;
use leptos::prelude::*;

const SUCCESS_LIFETIME_MS: u32 = 8_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Failure,
}

#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub message: String,
    pub undo: Option<Callback<()>>,
    /// The timeout that dismisses a success toast (cleared when it is dismissed first).
    timer: Option<u64>,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
    /// Cleared with the owner the toasts were made under.
    timers: Timers,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts { list: RwSignal::new(Vec::new()), next_id: StoredValue::new(1), timers: Timers::new() }
    }

    fn push(&self, kind: ToastKind, message: String, undo: Option<Callback<()>>) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let timer = (kind == ToastKind::Success).then(|| {
            let toasts = *self;
            self.timers.after(std::time::Duration::from_millis(SUCCESS_LIFETIME_MS.into()), move || toasts.dismiss(id))
        });
        self.list.update(|list| list.push(Toast { id, kind, message, undo, timer }));
        id
    }

    /// Reports a success; `undo`, when given, is offered as an Undo button.
    pub fn success(&self, message: impl Into<String>, undo: Option<Callback<()>>) -> u64 {
        self.push(ToastKind::Success, message.into(), undo)
    }

    pub fn failure(&self, message: impl Into<String>) -> u64 {
        self.push(ToastKind::Failure, message.into(), None)
    }

    pub fn dismiss(&self, id: u64) {
        let timers = self.timers;
        self.list.try_update(|list| {
            list.retain(|t| {
                if t.id == id {
                    t.timer.inspect(|timer| timers.cancel(*timer));
                }
                t.id != id
            })
        });
    }

    pub fn current(&self) -> Vec<Toast> {
        self.list.get()
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Toasts::new()
    }
}

pub fn provide_toasts() -> Toasts {
    let toasts = Toasts::new();
    provide_context(toasts);
    toasts
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// The live region that shows the toasts; the shell renders it once.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    view! {
        <div class="toasts" role="status" aria-live="polite" aria-label=move || i18n.t("toast.region")>
            <For each=move || toasts.current() key=|t| t.id let:toast>
                {
                    let id = toast.id;
                    let class = match toast.kind {
                        ToastKind::Success => "toast toast-success",
                        ToastKind::Failure => "toast toast-failure",
                    };
                    let undo = toast.undo.map(|undo| {
                        view! {
                            <button class="toast-undo" on:click=move |_| {
                                toasts.dismiss(id);
                                undo.run(());
                            }>{move || i18n.t("toast.undo")}</button>
                        }
                    });
                    view! {
                        <div class=class>
                            <span class="toast-message">{toast.message}</span>
                            {undo}
                            <button class="toast-dismiss" aria-label=move || i18n.t("toast.dismiss") on:click=move |_| toasts.dismiss(id)>
                                "×"
                            </button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}
