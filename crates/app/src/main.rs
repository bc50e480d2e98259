fn main() {
    console_error_panic_hook::set_once();
    connections_portal::shell::update::count_csp_violations();
    // The shipped site fetches the active language's strings first (see i18n), then mounts.
    wasm_bindgen_futures::spawn_local(async {
        connections_portal::i18n::load(connections_portal::prefs::stored_locale()).await;
        leptos::mount::mount_to_body(connections_portal::App);
    });
}
