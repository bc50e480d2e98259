//! Performance marks for the browser benchmark (`cargo xtask bench`): named points on the page's
//! timeline that the benchmark reads back with `performance.getEntriesByName`.

/// Marks `name` on the page's performance timeline now.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the current render has reached the screen (the next animation frame).
pub fn mark_when_rendered(name: &'static str) {
    leptos::prelude::request_animation_frame(move || mark(name));
}
