//! Wall-clock time from the browser, and locale-aware formatting of domain timestamps.

use crate::i18n::Locale;
use connections_domain::Timestamp;

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

thread_local! {
    /// One `Intl.DateTimeFormat` (its bound `format` function) per locale, made on first use:
    /// building the options and the formatter per call was 9 % of a long list's render.
    static DATE_FORMATTERS: std::cell::RefCell<Vec<(Locale, js_sys::Function)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn date_formatter(locale: Locale) -> js_sys::Function {
    DATE_FORMATTERS.with(|cache| {
        if let Some((_, f)) = cache.borrow().iter().find(|(l, _)| *l == locale) {
            return f.clone();
        }
        let options = js_sys::Object::new();
        for (name, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
            let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
        }
        let locales = js_sys::Array::of1(&locale.tag().into());
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        cache.borrow_mut().push((locale, format.clone()));
        format
    })
}

/// A date and time as the locale writes it, e.g. "23 Nov 2026, 17:44" / "23 nov. 2026, 17:44".
pub fn format_timestamp(at: Timestamp, locale: Locale) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
    date_formatter(locale).call1(&wasm_bindgen::JsValue::UNDEFINED, &date).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// A count as the locale writes it ("10,000" / "10 000").
pub fn format_number(value: u64, locale: Locale) -> String {
    let number = js_sys::Number::from(value as f64);
    number.to_locale_string(locale.tag()).as_string().unwrap_or_else(|| value.to_string())
}
