//! Locales: every visible string comes from `locales/<lang>.json` through [`I18n::t`].
//!
//! Written here rather than with a macro crate because many keys arrive at run time from the
//! domain crate (catalogue field labels, error kinds), so lookups must accept any string key.
//! A missing key never panics: it renders the key itself, and `cargo xtask test` fails on it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

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

    fn messages(self) -> &'static HashMap<String, String> {
        static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
        static FR: OnceLock<HashMap<String, String>> = OnceLock::new();
        let cell = match self {
            Locale::English => &EN,
            Locale::French => &FR,
        };
        // A malformed file adds nothing (its keys then show as themselves) rather than panicking.
        cell.get_or_init(|| {
            self.sources()
                .iter()
                .flat_map(|source| serde_json::from_str::<HashMap<String, String>>(source).unwrap_or_default())
                .collect()
        })
    }

    /// The message for `key` in this locale, falling back to English, then to the key itself.
    pub fn message(self, key: &str) -> &str {
        self.messages()
            .get(key)
            .or_else(|| Locale::English.messages().get(key))
            .map_or(key, String::as_str)
    }

    /// Every key of this locale's file, for the completeness checks.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.messages().keys().map(String::as_str)
    }
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

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
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

pub fn provide_i18n(initial: Locale) -> I18n {
    let i18n = I18n::new(initial);
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
