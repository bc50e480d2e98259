//! The component tests' shared harness (`mod support;` in each `crates/app/tests/*.rs`): mounting
//! the portal in a fresh container, reading and driving the DOM, and waiting.
//!
//! Waiting: after an action, `tick()` lets the portal react (one animation frame, then one turn of
//! the event loop: effects, spawned futures and focus moves scheduled for the next frame have run).
//! Anything slower is awaited by its condition with `wait_for`, which panics naming what it waited
//! for when the condition does not hold in time; there is no fixed sleep to tune.

#![allow(dead_code)]

use connections_domain::{UserId, Workspace};
use connections_portal::app::PortalRoot;
use connections_portal::state::{Phase, Portal};
use connections_portal::storage::writer::{SaveStatus, Writer};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long `wait_for` waits before it fails (a debug build draws a 10,000-row list slowly).
pub const WAIT_LIMIT_MS: f64 = 10_000.0;

pub type Root = web_sys::HtmlElement;

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Resolves on the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the portal react to what was just done: one animation frame, then one turn of the event
/// loop. Not a sleep: it waits for nothing in particular, only for work already scheduled.
pub async fn tick() {
    next_frame().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits until `ready()` holds, checking once a frame, and panics naming `what` when it still does
/// not hold after `WAIT_LIMIT_MS`.
pub async fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    loop {
        if ready() {
            return;
        }
        if js_sys::Date::now() - start > WAIT_LIMIT_MS {
            panic!("timed out after {} ms waiting for {what}", WAIT_LIMIT_MS);
        }
        tick().await;
    }
}

/// Waits until the element `css` exists under `root`.
pub async fn wait_for_element(root: &Root, css: &str) {
    wait_for(&format!("element {css}"), || exists(root, css)).await;
}

/// Waits until the text of `css` contains `part`; the panic says what the text was instead.
pub async fn wait_for_text(root: &Root, css: &str, part: &str) {
    let seen = std::cell::RefCell::new(String::new());
    let start = js_sys::Date::now();
    loop {
        let now = root.query_selector(css).unwrap().map(|e| e.text_content().unwrap_or_default());
        match now {
            Some(t) if t.contains(part) => return,
            Some(t) => *seen.borrow_mut() = t,
            None => *seen.borrow_mut() = "(no such element)".into(),
        }
        if js_sys::Date::now() - start > WAIT_LIMIT_MS {
            panic!("timed out after {} ms waiting for {css} to contain {part:?}; it reads {:?}", WAIT_LIMIT_MS, seen.borrow());
        }
        tick().await;
    }
}

/// Mounts the portal at `path` in a fresh container (local storage cleared) and returns the
/// container once the portal has drawn its shell.
pub async fn mount(path: &str, portal: Portal) -> Root {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    window().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)).unwrap();
    // Only our own container is replaced: the test runner reports through other body elements.
    if let Some(previous) = document().get_element_by_id("portal-under-test") {
        previous.remove();
    }
    let container: Root = document().create_element("div").unwrap().unchecked_into();
    container.set_id("portal-under-test");
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || view! { <PortalRoot portal=portal /> });
    std::mem::forget(handle);
    tick().await;
    let drawn = container.clone();
    wait_for(&format!("the portal to draw at {path}"), move || drawn.child_element_count() > 0).await;
    container
}

/// A portal that is ready (no start-up, nothing stored) for `user`.
pub fn portal(workspace: Workspace, user: &str) -> Portal {
    Portal::new(workspace, UserId::new(user), Phase::Ready, Writer::new(None, SaveStatus::Saved))
}

pub fn find(root: &Root, css: &str) -> web_sys::HtmlElement {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("no element {css}")).unchecked_into()
}

pub fn exists(root: &Root, css: &str) -> bool {
    root.query_selector(css).unwrap().is_some()
}

pub fn count(root: &Root, css: &str) -> u32 {
    root.query_selector_all(css).unwrap().length()
}

/// The text of `css`, without leading or trailing white space.
pub fn text(root: &Root, css: &str) -> String {
    find(root, css).text_content().unwrap_or_default().trim().to_string()
}

/// The texts of every `css`, in document order, each trimmed.
pub fn texts(root: &Root, css: &str) -> Vec<String> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default().trim().to_string()).collect()
}

pub fn attr(root: &Root, css: &str, name: &str) -> Option<String> {
    find(root, css).get_attribute(name)
}

/// The `value` of an input, select or text area.
pub fn value_of(root: &Root, css: &str) -> String {
    js_sys::Reflect::get(&find(root, css), &"value".into()).unwrap().as_string().unwrap_or_default()
}

pub async fn click(root: &Root, css: &str) {
    find(root, css).click();
    tick().await;
}

/// Types `value` into an input as a user would: the value changes, then `input` fires.
pub async fn type_into(root: &Root, css: &str, value: &str) {
    let input = find(root, css);
    js_sys::Reflect::set(&input, &"value".into(), &value.into()).unwrap();
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    tick().await;
}

pub async fn blur(root: &Root, css: &str) {
    find(root, css).dispatch_event(&web_sys::Event::new("blur").unwrap()).unwrap();
    tick().await;
}

/// Picks `value` in a select: the value changes, then `change` fires.
pub async fn choose(root: &Root, css: &str, value: &str) {
    let select = find(root, css);
    js_sys::Reflect::set(&select, &"value".into(), &value.into()).unwrap();
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    tick().await;
}
