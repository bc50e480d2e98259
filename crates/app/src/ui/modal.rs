//! A modal dialog on the native `<dialog>` element: `showModal()` moves focus in and makes the
//! rest of the page inert, Escape closes it, and the browser returns focus to the control that
//! opened it. `class="side-pane"` turns it into the right-hand set-up pane.
//!
//! ```ignore
//! let open = RwSignal::new(false);
//! view! { <Modal open=open labelled_by="remove-title" class="dialog"> ... </Modal> }
//! ```

use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn Modal(
    /// Shown while true; set to false when the user closes it (Escape or a Close button).
    open: RwSignal<bool>,
    /// Id of the element that names the dialog.
    #[prop(into)]
    labelled_by: String,
    #[prop(into, optional)] id: String,
    #[prop(into, default = "dialog".to_string())] class: String,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        match (open.get(), element.open()) {
            (true, false) => {
                let _ = element.show_modal();
            }
            (false, true) => element.close(),
            _ => {}
        }
    });
    let children = StoredValue::new(children);
    view! {
        <dialog
            node_ref=dialog
            id=id
            class=class
            aria-labelledby=labelled_by
            on:close=move |_| open.set(false)
        >
            <Show when=move || open.get()>{children.with_value(|c| c())}</Show>
        </dialog>
    }
}
