//! Locales: every visible string comes from `locales/<lang>/<feature>.json` through [`I18n::t`].
//!
//! In the shipped site (trunk builds without the default `embed-locales` feature) the strings are
//! not in the wasm: the build merges each language's files into `locales/<lang>-<hash>.json`,
//! names them in `<meta name="portal-locale-<lang>">`, and [`load`] fetches the active language
//! before the app mounts; the other one is fetched when the user switches. With the feature (the
//! default, so component tests and `cargo test` see every string) both are compiled in.
//!
//! Written here rather than with a macro crate because many keys arrive at run time from the
//! domain crate (catalogue field labels, error kinds), so lookups must accept any string key.
//! A missing key never panics: it renders the key itself, and `cargo xtask test` fails on it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One language's strings. A `BTreeMap`, the map type the rest of the app uses, so the wasm does
/// not carry a hash map's code for this one table.
type Messages = BTreeMap<String, String>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::English, Locale::French];

    /// The BCP 47 tag, for `<html lang>` and date formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::French => "fr",
        }
    }

    /// The language's own name, shown in the language menu whatever the current locale.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::French => "Français",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The locale's files, one per feature (`locales/<lang>/<feature>.json`), so that each
    /// feature owns its strings. A key may appear in only one file of a locale.
    #[cfg(feature = "embed-locales")]
    fn sources(self) -> &'static [&'static str] {
        match self {
            Locale::English => &[
                include_str!("../../locales/en/shell.json"),
                include_str!("../../locales/en/errors.json"),
                include_str!("../../locales/en/connections.json"),
                include_str!("../../locales/en/data.json"),
                include_str!("../../locales/en/key_vault.json"),
                include_str!("../../locales/en/activity.json"),
                include_str!("../../locales/en/engagement.json"),
            ],
            Locale::French => &[
                include_str!("../../locales/fr/shell.json"),
                include_str!("../../locales/fr/errors.json"),
                include_str!("../../locales/fr/connections.json"),
                include_str!("../../locales/fr/data.json"),
                include_str!("../../locales/fr/key_vault.json"),
                include_str!("../../locales/fr/activity.json"),
                include_str!("../../locales/fr/engagement.json"),
            ],
        }
    }

    fn cell(self) -> &'static OnceLock<Messages> {
        static EN: OnceLock<Messages> = OnceLock::new();
        static FR: OnceLock<Messages> = OnceLock::new();
        match self {
            Locale::English => &EN,
            Locale::French => &FR,
        }
    }

    fn messages(self) -> &'static Messages {
        // A malformed file adds nothing (its keys then show as themselves) rather than panicking.
        #[cfg(feature = "embed-locales")]
        return self.cell().get_or_init(|| {
            self.sources().iter().flat_map(|source| serde_json::from_str::<Messages>(source).unwrap_or_default()).collect()
        });
        #[cfg(not(feature = "embed-locales"))]
        {
            static NONE: Messages = BTreeMap::new();
            self.cell().get().unwrap_or(&NONE)
        }
    }

    /// True once this locale's strings are at hand (always, with `embed-locales`).
    pub fn is_loaded(self) -> bool {
        cfg!(feature = "embed-locales") || self.cell().get().is_some()
    }

    /// The message for `key` in this locale, falling back to English, then to the key itself.
    pub fn message(self, key: &str) -> &str {
        self.messages()
            .get(key)
            .or_else(|| Locale::English.messages().get(key))
            .map_or(key, String::as_str)
    }

    /// `<key>_one` or `<key>_other`, the form `count` takes in this language. French treats 0
    /// like 1 ("0 exportation"); English only 1.
    pub fn plural_key(self, key: &str, count: u64) -> String {
        let one = match self {
            Locale::English => count == 1,
            Locale::French => count <= 1,
        };
        format!("{key}_{}", if one { "one" } else { "other" })
    }

    /// Every key of this locale's file, for the completeness checks.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.messages().keys().map(String::as_str)
    }
}

/// Fetches `locale`'s strings (once) from the file the build named in
/// `<meta name="portal-locale-<tag>" content="…">`. A failure leaves the keys English or bare.
pub async fn load(locale: Locale) {
    if locale.is_loaded() {
        return;
    }
    if let Some(text) = fetch_locale(locale).await {
        let _ = locale.cell().set(serde_json::from_str::<Messages>(&text).unwrap_or_default());
    }
}

async fn fetch_locale(locale: Locale) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector(&format!("meta[name=\"portal-locale-{}\"]", locale.tag())).ok()??;
    let url = meta.get_attribute("content")?;
    let response: web_sys::Response = JsFuture::from(web_sys::window()?.fetch_with_str(&url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// Fills `{name}` placeholders; unknown placeholders are left as typed.
pub fn interpolate(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The current locale, shared through context. Reading it inside a closure makes text reactive.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn new(initial: Locale) -> Self {
        I18n { locale: RwSignal::new(initial) }
    }

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches at once when the strings are at hand, else once they are fetched.
    pub fn set_locale(&self, locale: Locale) {
        if locale.is_loaded() {
            self.locale.set(locale);
            return;
        }
        let signal = self.locale;
        leptos::task::spawn_local(async move {
            load(locale).await;
            signal.set(locale);
        });
    }

    /// The message for `key` in the current locale (tracks the locale when called reactively).
    pub fn t(&self, key: &str) -> String {
        self.locale.with(|l| l.message(key).to_string())
    }

    /// Like [`I18n::t`] with `{name}` placeholders filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.locale.with(|l| interpolate(l.message(key), args))
    }
}

impl I18n {
    /// The plural form of `key` for `count`, with `{count}` (written the locale's way) and
    /// `args` filled in. The locale files hold `<key>_one` and `<key>_other`.
    pub fn plural(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        self.locale.with(|l| {
            let number = crate::time::format_number(count as u64, *l);
            let mut all = vec![("count", number.as_str())];
            all.extend_from_slice(args);
            interpolate(l.message(&l.plural_key(key, count as u64)), &all)
        })
    }
}

pub fn provide_i18n(initial: Locale) -> I18n {
    let i18n = I18n::new(initial);
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_counts_zero_as_singular_and_english_does_not() {
        assert_eq!(Locale::English.plural_key("k", 0), "k_other");
        assert_eq!(Locale::English.plural_key("k", 1), "k_one");
        assert_eq!(Locale::French.plural_key("k", 0), "k_one");
        assert_eq!(Locale::French.plural_key("k", 1), "k_one");
        assert_eq!(Locale::French.plural_key("k", 2), "k_other");
    }
}
