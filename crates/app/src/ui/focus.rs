//! Moving keyboard focus by element id. Pages render after a state change or a route change,
//! so most moves wait for the next frame; none of them fails loudly if the element is missing.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id`, if it is there and focusable.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses the element with `id` once the current render has finished.
pub fn focus_later(id: String) {
    focus_within_frames(id, 0);
}

/// Focuses the element with `id` once it is on the page: after a route change it appears a
/// frame or more later. Gives up quietly after a few frames.
pub fn focus_when_shown(id: String) {
    focus_within_frames(id, 10);
}

fn focus_within_frames(id: String, frames_left: u8) {
    request_animation_frame(move || {
        if document().get_element_by_id(&id).is_some() {
            focus_by_id(&id);
        } else if frames_left > 0 {
            focus_within_frames(id, frames_left - 1);
        }
    });
}
