//! Small preferences kept in localStorage (through gloo-storage): who is signed in, the language
//! and the theme. Business data never goes here; it lives in IndexedDB (see `storage`).

use crate::i18n::Locale;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const USER_KEY: &str = "connections-portal.user";
const LOCALE_KEY: &str = "connections-portal.locale";
const THEME_KEY: &str = "connections-portal.theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "theme.system",
            Theme::Light => "theme.light",
            Theme::Dark => "theme.dark",
        }
    }

    /// The value of `data-theme` on `<html>`; the stylesheet resolves "system" with a media query.
    pub fn attribute(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The demo user last signed in, if any. Unreadable values count as absent, never as an error.
pub fn stored_user() -> Option<String> {
    LocalStorage::get(USER_KEY).ok()
}

pub fn store_user(user_id: &str) {
    // Losing a preference is harmless; the portal keeps working with the default.
    let _ = LocalStorage::set(USER_KEY, user_id);
}

/// The stored language, else the browser's when it is French, else English.
pub fn stored_locale() -> Locale {
    LocalStorage::get::<Locale>(LOCALE_KEY).ok().unwrap_or_else(browser_locale)
}

pub fn store_locale(locale: Locale) {
    let _ = LocalStorage::set(LOCALE_KEY, locale);
}

pub fn stored_theme() -> Theme {
    LocalStorage::get(THEME_KEY).unwrap_or_default()
}

pub fn store_theme(theme: Theme) {
    let _ = LocalStorage::set(THEME_KEY, theme);
}

fn browser_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|tag| Locale::from_tag(tag.split('-').next().unwrap_or_default()))
        .unwrap_or_default()
}
