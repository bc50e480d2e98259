//! A modal dialog on the native `<dialog>` element: `showModal()` moves focus in and makes the
//! rest of the page inert, Escape closes it, and the browser returns focus to the control that
//! opened it. Tab and Shift+Tab wrap inside the dialog, as the WAI-ARIA dialog pattern asks:
//! the native element alone lets Tab leave for the browser's own toolbar, and Firefox comes back
//! from there with a checkbox that Space no longer ticks. `class="side-pane"` turns it into the
//! right-hand set-up pane.
//!
//! ```ignore
//! let open = RwSignal::new(false);
//! view! { <Modal open=open labelled_by="remove-title" class="dialog"> ... </Modal> }
//! ```

use super::focus::focus_by_id;
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
    // Closed or taken off the page, the dialog hands focus back; if that control is gone too.
    on_cleanup(keep_focus_on_the_page);
    let children = StoredValue::new(children);
    view! {
        <dialog
            node_ref=dialog
            id=id
            class=class
            aria-labelledby=labelled_by
            on:close=move |_| {
                open.set(false);
                keep_focus_on_the_page();
            }
            on:keydown=move |ev| {
                if let Some(element) = dialog.get_untracked() {
                    wrap_tab(&ev, &element);
                }
            }
        >
            <Show when=move || open.get()>{children.with_value(|c| c())}</Show>
        </dialog>
    }
}

/// Moves focus from the last control to the first on Tab, and from the first (or the dialog
/// itself) to the last on Shift+Tab; every other Tab is left to the browser.
fn wrap_tab(ev: &web_sys::KeyboardEvent, dialog: &web_sys::HtmlDialogElement) {
    if ev.key() != "Tab" || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let stops = tab_stops(dialog);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else { return };
    let focused = document().active_element();
    let is_focused =
        |element: &web_sys::HtmlElement| focused.as_ref().is_some_and(|f| f == element.as_ref() as &web_sys::Element);
    let target = if ev.shift_key() {
        let at_start = is_focused(first) || focused.as_ref().is_some_and(|f| f == dialog.as_ref() as &web_sys::Element);
        at_start.then_some(last)
    } else {
        is_focused(last).then_some(first)
    };
    if let Some(target) = target {
        ev.prevent_default();
        let _ = target.focus();
    }
}

/// The dialog's controls that Tab can reach, in document order: enabled, not taken out of the
/// tab order, and rendered (a control inside a hidden section has no size).
fn tab_stops(dialog: &web_sys::HtmlDialogElement) -> Vec<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    const CANDIDATES: &str = "a[href], button:not(:disabled), input:not(:disabled):not([type=hidden]), \
                              select:not(:disabled), textarea:not(:disabled), [tabindex]";
    let Ok(found) = dialog.query_selector_all(CANDIDATES) else { return Vec::new() };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.tab_index() >= 0 && (e.offset_width() > 0 || e.offset_height() > 0))
        .collect()
}

/// When the control that opened a dialog no longer exists (the row it removed, the tile left
/// behind by a route change), the browser drops focus on `<body>` and the next Tab starts from
/// an arbitrary place. The main region is where a keyboard user can carry on from.
fn keep_focus_on_the_page() {
    request_animation_frame(|| {
        let lost = document().active_element().is_none_or(|focused| focused.tag_name() == "BODY");
        if lost {
            focus_by_id("main");
        }
    });
}
