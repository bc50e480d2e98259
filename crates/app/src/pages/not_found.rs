use crate::pages::page_title;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    view! {
        <section class="page not-found" aria-labelledby="page-title">
            <h1 id="page-title">{page_title("not_found.title")}</h1>
            <p>{move || i18n.tf("not_found.body", &[("path", &path.get())])}</p>
            <p>
                <A href="/settings/connections/enrichment">{move || i18n.t("not_found.back")}</A>
            </p>
        </section>
    }
}
