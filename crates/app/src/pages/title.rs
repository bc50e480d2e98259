//! A page's title: its `<h1>` text, kept in the document's title too.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The page title element's text for `key`, kept in the document title too.
pub fn page_title(key: &'static str) -> impl Fn() -> String {
    let i18n = use_i18n();
    move || {
        let title = i18n.t(key);
        document().set_title(&format!("{title} · {}", i18n.t("app.name")));
        title
    }
}
