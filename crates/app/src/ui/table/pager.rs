//! "Rows 1–50 of 20,000" with Previous and Next buttons, shown when there is more than a page.

use super::order::{page_count, page_range, PAGE_SIZE};
use crate::i18n::use_i18n;
use crate::time::format_number;
use leptos::prelude::*;

/// - `total`: how many rows match.
/// - `page`: the 0-based page (clamped here to the pages there are).
/// - `id_prefix`: put before the ids `page-previous`, `page-status`, `page-next` (e.g.
///   `"export-"`), so two pagers on one screen differ.
/// - `label_key`: locale key of the navigation's accessible name.
#[component]
pub fn Pager(total: Signal<usize>, page: RwSignal<usize>, #[prop(default = "")] id_prefix: &'static str, label_key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let pages = move || page_count(total.get());
    let current = move || page.get().min(pages() - 1);
    let range_text = move || {
        let locale = i18n.locale();
        let range = page_range(total.get(), current());
        i18n.tf(
            "table.rows",
            &[
                ("from", &format_number((range.start + 1).min(range.end) as u64, locale)),
                ("to", &format_number(range.end as u64, locale)),
                ("total", &format_number(total.get() as u64, locale)),
            ],
        )
    };
    view! {
        <Show when=move || { total.get() > PAGE_SIZE }>
            <nav class="pager" aria-label=move || i18n.t(label_key)>
                <button
                    type="button"
                    id=format!("{id_prefix}page-previous")
                    disabled=move || current() == 0
                    on:click=move |_| page.set(current().saturating_sub(1))
                >
                    {move || i18n.t("table.previous")}
                </button>
                <span id=format!("{id_prefix}page-status") aria-live="polite">
                    {move || i18n.tf("table.page", &[("page", &(current() + 1).to_string()), ("pages", &pages().to_string())])}
                    " · "
                    {range_text}
                </span>
                <button type="button" id=format!("{id_prefix}page-next") disabled=move || { current() + 1 >= pages() } on:click=move |_| page.set(current() + 1)>
                    {move || i18n.t("table.next")}
                </button>
            </nav>
        </Show>
    }
}
