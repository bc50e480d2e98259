//! Performance marks for the browser benchmark (`cargo xtask bench`). `performance.mark`
//! entries cost nothing when nobody reads them.

use wasm_bindgen::JsValue;

/// Records `performance.mark(name)`. The first call also puts this module's
/// `WebAssembly.Memory` on `window.__portalWasmMemory`, so a measuring script can read the
/// linear memory size (`.buffer.byteLength`); nothing else is reachable from outside.
pub fn mark(name: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Some(performance) = window.performance() {
        let _ = performance.mark(name);
    }
    let key = JsValue::from_str("__portalWasmMemory");
    if !js_sys::Reflect::has(&window, &key).unwrap_or(true) {
        let _ = js_sys::Reflect::set(&window, &key, &wasm_bindgen::memory());
    }
}

/// Marks `name` now (call it from a `request_animation_frame` callback, after the render) and
/// `<name>:painted` once the frame has been painted (the first task after that frame).
pub fn mark_frame(name: &str) {
    mark(name);
    let painted = format!("{name}:painted");
    leptos::prelude::set_timeout(move || mark(&painted), std::time::Duration::ZERO);
}
