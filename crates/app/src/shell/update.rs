//! The shipped site's service worker (`sw.js`, written by the build with its precache list and
//! version): registering it, "Available offline", and the "A new version is ready — Reload"
//! banner when another build's worker is waiting. Also the count of Content-Security-Policy
//! violations the end-to-end suite reads after every scenario.
//!
//! The worker keeps one cache per build and answers only from its own, so a page never mixes two
//! builds' files; a new build's worker waits until Reload asks it to take over
//! (`skipWaiting`), and every tab reloads when the controller changes.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// What the worker tells the page, shared through context (absent in component tests).
#[derive(Clone, Copy)]
pub struct Offline {
    /// An active worker has precached this build.
    pub ready: RwSignal<bool>,
    /// Another build's worker is installed and waiting.
    pub update: RwSignal<bool>,
}

/// `window.__portalCspViolations`: every `securitypolicyviolation` of this page, as
/// "<directive> <blocked URI>". Installed before the app mounts, so start-up is covered too.
pub fn count_csp_violations() {
    let Some(window) = web_sys::window() else { return };
    let list = js_sys::Array::new();
    let _ = js_sys::Reflect::set(&window, &"__portalCspViolations".into(), &list);
    let listener = Closure::<dyn Fn(web_sys::SecurityPolicyViolationEvent)>::new(move |event: web_sys::SecurityPolicyViolationEvent| {
        list.push(&format!("{} {}", event.violated_directive(), event.blocked_uri()).into());
    });
    let _ = window.add_event_listener_with_callback_and_bool("securitypolicyviolation", listener.as_ref().unchecked_ref(), true);
    listener.forget();
}

fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    // No worker API (an insecure origin, some private windows): the portal simply stays online-only.
    js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).ok()?.then(|| window.navigator().service_worker())
}

/// Registers `/sw.js` when the build shipped one (`<meta name="portal-build">`) and provides [`Offline`].
pub fn provide_offline() -> Offline {
    let offline = Offline { ready: RwSignal::new(false), update: RwSignal::new(false) };
    provide_context(offline);
    let shipped = document().query_selector("meta[name=\"portal-build\"]").ok().flatten().is_some();
    if let (true, Some(container)) = (shipped, container()) {
        register(container, offline);
    }
    offline
}

fn register(container: ServiceWorkerContainer, offline: Offline) {
    let controlled_at_start = container.controller().is_some();
    let on_change = Closure::<dyn Fn()>::new(move || {
        // A first visit's worker claiming the page changes nothing it shows; a new build does, in
        // every tab that ran the old one (controlled from the start, or shown the banner).
        if controlled_at_start || offline.update.get_untracked() {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    if let Ok(ready) = container.ready() {
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(ready).await.is_ok() {
                let _ = offline.ready.try_set(true);
            }
        });
    }
    let registering = container.register("/sw.js");
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await else { return };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch_for_update(&container, &registration, offline);
    });
}

/// Shows the banner when a worker of another build is installed while this page has a controller.
fn watch_for_update(container: &ServiceWorkerContainer, registration: &ServiceWorkerRegistration, offline: Offline) {
    let waiting_now = {
        let container = container.clone();
        move |registration: &ServiceWorkerRegistration| {
            if registration.waiting().is_some() && container.controller().is_some() {
                let _ = offline.update.try_set(true);
            }
        }
    };
    waiting_now(registration);
    let found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(installing) = registration.installing() else { return };
            let (registration, waiting_now) = (registration.clone(), waiting_now.clone());
            let watched = installing.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed {
                    waiting_now(&registration);
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        })
    };
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
}

/// Reload: the waiting worker takes over, and `controllerchange` reloads every tab onto it.
fn reload_into_new_version() {
    let Some(container) = container() else {
        let _ = window().location().reload();
        return;
    };
    leptos::task::spawn_local(async move {
        let registration = wasm_bindgen_futures::JsFuture::from(container.get_registration()).await.ok();
        let waiting = registration.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()).and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&"skipWaiting".into());
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let Some(offline) = use_context::<Offline>() else { return ().into_any() };
    view! {
        <Show when=move || offline.update.get()>
            <div class="banner banner-info" role="status" id="update-banner">
                <span>{move || i18n.t("update.ready")}</span>
                " "
                <button type="button" id="update-reload" on:click=move |_| reload_into_new_version()>
                    {move || i18n.t("update.reload")}
                </button>
            </div>
        </Show>
    }
    .into_any()
}
