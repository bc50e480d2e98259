//! Locales: every visible string comes from `locales/<lang>/<feature>.ftl`, Project Fluent files
//! read by `fluent-bundle`, through [`I18n::t`], [`I18n::tf`] and [`I18n::plural`].
//!
//! In the shipped site (trunk builds without the default `embed-locales` feature) the strings are
//! not in the wasm: the build merges each language's files into `locales/<lang>-<hash>.ftl`,
//! names them in `<meta name="portal-locale-<lang>">`, and [`load`] fetches the active language
//! before the app mounts; the other one is fetched when the user switches. With the feature (the
//! default, so component tests and `cargo test` see every string) both are compiled in.
//!
//! Fluent rather than a macro crate (leptos_i18n) because many keys arrive at run time from the
//! domain crate (catalogue field labels, error kinds), so lookups must accept any string key; the
//! bundle-size comparison is in docs/i18n.md. Plural forms are Fluent selects on `$count`, chosen
//! by the CLDR rules of the bundle's language (French puts 0 with 1; English does not).
//!
//! The code names a message by its dotted key (`data.export.add`); Fluent ids may not hold dots,
//! so the file writes it `data-export-add` ([`message_id`]). A missing key never panics: it
//! renders the key itself, and `cargo xtask test` fails on it.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// One language's messages.
struct Catalog {
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    /// Reads Fluent sources. A syntax error drops only the entry it is in (Fluent's recovery),
    /// and a message defined twice keeps its first text: stored or shipped text never panics.
    fn parse(locale: Locale, sources: impl IntoIterator<Item = String>) -> Catalog {
        let mut bundle = FluentBundle::new_concurrent(vec![locale.tag().parse().unwrap_or_default()]);
        // No Unicode isolation marks around placeables: the portal's text is left-to-right only.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match locale {
            Locale::English => format_english,
            Locale::French => format_french,
        }));
        for source in sources {
            let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _errors)| partial);
            let _duplicates = bundle.add_resource(resource);
        }
        Catalog { bundle }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let mut errors = Vec::new();
        Some(self.bundle.format_pattern(message.value()?, args, &mut errors).into_owned())
    }
}

/// Numbers in a message are written the language's way ("2,500" / "2 500").
fn format_english(value: &FluentValue, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    format_count(value, Locale::English)
}

fn format_french(value: &FluentValue, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String> {
    format_count(value, Locale::French)
}

fn format_count(value: &FluentValue, locale: Locale) -> Option<String> {
    match value {
        FluentValue::Number(number) if number.value >= 0.0 && number.value.fract() == 0.0 => {
            Some(crate::time::format_number(number.value as u64, locale))
        }
        _ => None,
    }
}

/// The Fluent id of a dotted key: `data.export.add` is written `data-export-add`.
pub fn message_id(key: &str) -> String {
    key.replace('.', "-")
}

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

    /// The locale's files, one per feature (`locales/<lang>/<feature>.ftl`), so that each
    /// feature owns its strings. A key may appear in only one file of a locale.
    #[cfg(feature = "embed-locales")]
    fn sources(self) -> &'static [&'static str] {
        match self {
            Locale::English => &[
                include_str!("../../locales/en/shell.ftl"),
                include_str!("../../locales/en/errors.ftl"),
                include_str!("../../locales/en/connections.ftl"),
                include_str!("../../locales/en/data.ftl"),
                include_str!("../../locales/en/key_vault.ftl"),
                include_str!("../../locales/en/activity.ftl"),
                include_str!("../../locales/en/engagement.ftl"),
            ],
            Locale::French => &[
                include_str!("../../locales/fr/shell.ftl"),
                include_str!("../../locales/fr/errors.ftl"),
                include_str!("../../locales/fr/connections.ftl"),
                include_str!("../../locales/fr/data.ftl"),
                include_str!("../../locales/fr/key_vault.ftl"),
                include_str!("../../locales/fr/activity.ftl"),
                include_str!("../../locales/fr/engagement.ftl"),
            ],
        }
    }

    fn cell(self) -> &'static OnceLock<Catalog> {
        static EN: OnceLock<Catalog> = OnceLock::new();
        static FR: OnceLock<Catalog> = OnceLock::new();
        match self {
            Locale::English => &EN,
            Locale::French => &FR,
        }
    }

    fn catalog(self) -> Option<&'static Catalog> {
        #[cfg(feature = "embed-locales")]
        return Some(self.cell().get_or_init(|| Catalog::parse(self, self.sources().iter().map(|s| s.to_string()))));
        #[cfg(not(feature = "embed-locales"))]
        self.cell().get()
    }

    /// True once this locale's strings are at hand (always, with `embed-locales`).
    pub fn is_loaded(self) -> bool {
        cfg!(feature = "embed-locales") || self.cell().get().is_some()
    }

    /// The text of `key` with `args` filled in, in this locale, falling back to English, then to
    /// the key itself.
    fn format(self, key: &str, args: Option<&FluentArgs>) -> String {
        let id = message_id(key);
        self.catalog()
            .and_then(|c| c.format(&id, args))
            .or_else(|| Locale::English.catalog().and_then(|c| c.format(&id, args)))
            .unwrap_or_else(|| key.to_string())
    }

    /// The message for `key` in this locale, with no arguments.
    pub fn message(self, key: &str) -> String {
        self.format(key, None)
    }

    /// Every message id of this locale's embedded files, for the completeness checks. Read
    /// from the sources on demand, so that loading a language does no work for it.
    #[cfg(feature = "embed-locales")]
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        self.sources().iter().flat_map(|source| {
            let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(partial, _errors)| partial);
            resource.body.into_iter().filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name),
                _ => None,
            })
        })
    }
}

/// Fetches `locale`'s strings (once) from the file the build named in
/// `<meta name="portal-locale-<tag>" content="…">`. A failure leaves the keys English or bare.
pub async fn load(locale: Locale) {
    if locale.is_loaded() {
        return;
    }
    if let Some(text) = fetch_locale(locale).await {
        let _ = locale.cell().set(Catalog::parse(locale, [text]));
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

fn text_args<'a>(args: &[(&'a str, &str)]) -> FluentArgs<'a> {
    let mut all = FluentArgs::with_capacity(args.len() + 1);
    for (name, value) in args {
        all.set(*name, value.to_string());
    }
    all
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
        self.locale.with(|l| l.message(key))
    }

    /// Like [`I18n::t`] with the message's `{ $name }` variables filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.locale.with(|l| l.format(key, Some(&text_args(args))))
    }
}

impl I18n {
    /// `key`'s text for `count`, with `$count` (written the language's way) and `args` filled in.
    /// The message picks its plural form with a select on `$count`.
    pub fn plural(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        self.locale.with(|l| {
            let mut all = text_args(args);
            all.set("count", FluentValue::from(count));
            l.format(key, Some(&all))
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
    fn dotted_keys_become_fluent_ids() {
        assert_eq!(message_id("type.azure-maps.description"), "type-azure-maps-description");
        assert_eq!(message_id("data.export.add"), "data-export-add");
    }
}
